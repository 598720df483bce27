/**
 * The monitor dashboard's tables as files, and the printable monthly report:
 *   GET /api/v1/monitor/tables/:table  → the table model as JSON, or as CSV (csv-stringify) or
 *       XLSX (exceljs) by `Accept` or `?format=csv|xlsx` (download links cannot set headers);
 *   GET /api/v1/monitor/report.pdf     → the monthly report (headline, every table, notes), Dutch or English;
 *   GET /api/v1/monitor/filters        → the municipalities, regions and corporations to filter on.
 * The tables come from domain/monitor/tables.ts, the same models the web page renders, so the
 * screen, the files and the PDF show the same numbers. Aggregates only ('monitor.read', R-MO-20).
 * The optional table household-sizes (R-MO-39) is made from its own aggregates
 * (household-sizes.ts) and is not part of the monthly PDF.
 */
import { Type } from 'typebox';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../platform/http/app.ts';
import { subjectOf } from '../../platform/http/app.ts';
import { ProblemResponses } from '../../platform/http/schemas.ts';
import { problem } from '../../platform/http/problem.ts';
import { todayIn } from '../../platform/clock.ts';
import { defaultMonth } from '../../domain/monitor/formulas.ts';
import type { MonitorResponse } from '../../domain/monitor/model.ts';
import { EXTRA_TABLE_NAMES, TABLE_NAMES, flattenTable, isTableName, monitorTable, type TableModel } from '../../domain/monitor/tables.ts';
import type { HouseholdSizesTableModel } from '../../domain/monitor/household-sizes.ts';
import { householdSizes } from './household-sizes.ts';
import { computeMonitor } from './service.ts';
import { MonitorQuerySchema } from './routes.ts';
import { XLSX_TYPE, contentDisposition, dutchCsv, exportFileName, type ScopeNames } from './export.ts';
import { dateInWords, periodView } from '../../domain/monitor/period.ts';
import { renderMonitorReportPdf } from './report-pdf.ts';

const Opt = Type.Optional;
const { layout: _layout, ...scopeProps } = MonitorQuerySchema.properties;
const Lang = Opt(Type.Enum(['nl', 'en'], { description: 'Language of headers and words in the file; Dutch by default' }));
const TableQuerySchema = Type.Object({
  ...scopeProps,
  format: Opt(Type.Enum(['json', 'csv', 'xlsx'], { description: 'Overrides Accept (for download links)' })),
  lang: Lang,
}, { additionalProperties: false });
const ReportQuerySchema = Type.Object({ ...scopeProps, lang: Lang }, { additionalProperties: false });

const Text = Type.Object({ nl: Type.String(), en: Type.String() });
const Cell = Type.Union([Type.Number(), Type.String(), Type.Null()]);
const TableModelSchema = Type.Object({
  name: Type.Enum([...TABLE_NAMES, ...EXTRA_TABLE_NAMES]),
  caption: Text,
  rowHeader: Text,
  columns: Type.Array(Type.Object({ key: Type.String(), label: Text, kind: Type.String(), metric: Type.String() })),
  rows: Type.Array(Type.Object({
    key: Type.String(), label: Text, level: Type.String(), own: Opt(Type.Boolean()), outsideAgreement: Opt(Type.Boolean()), note: Opt(Type.String()),
    cells: Type.Array(Cell),
  })),
  notes: Type.Array(Type.String()),
  metrics: Type.Array(Type.String()),
  explanations: Opt(Type.Array(Type.Object({ id: Type.String(), text: Text }), { description: 'household-sizes: the explanations shown with the table (R-MO-39)' })),
  warnings: Opt(Type.Array(Type.Object({
    code: Type.String(), municipality: Type.String(), rooms: Type.Integer(), released: Type.Integer(), text: Text,
  }), { description: 'household-sizes: the figures by rooms are missing or do not add up to M-10 of the year' })),
});

type ScopeQuery = { year: number; month?: number; municipality?: string; region?: string; corporation?: string };

export async function monitorTableRoutes(app: App) {
  const db = app.deps.database.db;

  /** R-MO-21: a corporation contact sees the own corporation's row first. */
  async function ownCorporation(req: FastifyRequest): Promise<string | undefined> {
    const s = subjectOf(req);
    if (s.organisationType !== 'housing_corporation' || !s.organisationId) return undefined;
    const org = await db.selectFrom('organisations').select('code').where('id', '=', s.organisationId).executeTakeFirst();
    return org?.code;
  }

  async function load(q: ScopeQuery): Promise<MonitorResponse> {
    const today = todayIn(app.deps.clock);
    const month = q.month ?? defaultMonth(q.year, today);
    return computeMonitor(db, { year: q.year, month, municipality: q.municipality, region: q.region, corporation: q.corporation, today });
  }

  /** The names of a scope's codes, for the file name of a table not made from the monitor response. */
  async function scopeNames(q: ScopeQuery, month: number): Promise<ScopeNames> {
    const labels: ScopeNames['labels'] = { municipalities: {}, regions: {}, corporations: {} };
    if (q.municipality) {
      const o = await db.selectFrom('organisations').select('name').where('municipality_code', '=', q.municipality).executeTakeFirst();
      labels.municipalities[q.municipality] = { name: o?.name ?? q.municipality };
    }
    if (q.region) {
      const { rows } = await sql<{ name: string }>`SELECT name FROM regions WHERE code = ${q.region}`.execute(db);
      labels.regions[q.region] = rows[0]?.name ?? q.region;
    }
    if (q.corporation) {
      const o = await db.selectFrom('organisations').select('name').where('code', '=', q.corporation).executeTakeFirst();
      labels.corporations[q.corporation] = o?.name ?? q.corporation;
    }
    const scope = { ...(q.region && !q.municipality ? { region: q.region } : {}), ...(q.municipality ? { municipality: q.municipality } : {}), ...(q.corporation ? { corporation: q.corporation } : {}) };
    return { year: q.year, month, scope, labels };
  }

  app.get('/monitor/filters', {
    config: { action: 'monitor.read' },
    schema: {
      tags: ['monitor'],
      summary: 'The municipalities, regions and housing corporations the monitor can be filtered on',
      response: {
        200: Type.Object({
          municipalities: Type.Array(Type.Object({ code: Type.String(), organisationCode: Type.String(), name: Type.String(), region: Type.Union([Type.String(), Type.Null()]) })),
          regions: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
          corporations: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
        }),
        ...ProblemResponses,
      },
    },
  }, async () => {
    const { rows: orgs } = await sql<{ code: string; name: string; type: string; municipality_code: string | null; region: string | null }>`
      SELECT o.code, o.name, o.type, o.municipality_code, r.code AS region
        FROM organisations o LEFT JOIN regions r ON r.id = o.region_id
       WHERE o.type IN ('municipality', 'housing_corporation') ORDER BY o.name`.execute(db);
    const { rows: regions } = await sql<{ code: string; name: string }>`SELECT code, name FROM regions ORDER BY name`.execute(db);
    return {
      municipalities: orgs.filter((o) => o.type === 'municipality' && o.municipality_code).map((o) => ({ code: o.municipality_code!, organisationCode: o.code, name: o.name, region: o.region })),
      regions,
      corporations: orgs.filter((o) => o.type === 'housing_corporation').map((o) => ({ code: o.code, name: o.name })),
    };
  });

  app.get('/monitor/tables/:table', {
    config: { action: 'monitor.read' },
    schema: {
      tags: ['monitor'],
      summary: 'One table of the monitor dashboard (groups, corporations, monthly, wait-times, waiting, statushouders, apart, regional, household-sizes) as JSON, CSV or XLSX',
      description: '`Accept: text/csv` or the XLSX media type, or `?format=csv|xlsx`, gives the table as a file with the same numbers as the JSON model. Percentages are whole percents (rounded half-up).\n\n' +
        '`household-sizes` (R-MO-39, optional view): statushouder households (those of M-23) by household size (1, 2, 3, 4, 5 or more persons) up to the end of the month beside the ' +
        'released dwellings of the year by number of rooms (1…5 or more), with counts and shares of each side. For `municipality` it shows that municipality; for a `region` ' +
        '(or no area) it shows one block per municipality that has any figure, so a region scope is never an error. `corporation` narrows both sides to that corporation. ' +
        'The pairing n persons ↔ n rooms is a proposal for discussion, not a norm (`explanations`); `warnings` flags figures by rooms that are missing or do not add up to M-10.',
      params: Type.Object({ table: Type.String({ maxLength: 40 }) }),
      querystring: TableQuerySchema,
      response: { 200: TableModelSchema, ...ProblemResponses },
    },
  }, async (req, reply) => {
    const name = req.params.table;
    const q = req.query;
    const accept = req.headers.accept ?? '';
    const format = q.format ?? (accept.includes('text/csv') ? 'csv' : accept.includes(XLSX_TYPE) ? 'xlsx' : 'json');
    const lang = q.lang ?? 'nl';
    let table: TableModel;
    let file: string;
    let xlsx: () => Promise<Buffer>;
    if (name === 'household-sizes') {
      // R-MO-39: its own aggregates; a region (or no area) is shown per municipality.
      const today = todayIn(app.deps.clock);
      const month = q.month ?? defaultMonth(q.year, today);
      const hs = await householdSizes(db, { year: q.year, month, municipality: q.municipality, region: q.region, corporation: q.corporation });
      table = hs;
      file = exportFileName(await scopeNames(q, month), FILE_WORDS[name][lang], lang);
      xlsx = () => householdSizesXlsx(hs, periodView(q.year, month, today).asOf, lang);
    } else {
      if (!isTableName(name)) throw problem.notFound(`De monitortabel ${name.slice(0, 40)}`, `The monitor table ${name.slice(0, 40)}`);
      const m = await load(q);
      const t = monitorTable(m, name, { ownCorporation: await ownCorporation(req) });
      table = t;
      file = exportFileName(m, FILE_WORDS[name][lang], lang);
      xlsx = () => tableXlsx(t, m, lang);
    }
    if (format === 'csv') {
      reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', contentDisposition(`${file}.csv`)).header('cache-control', 'private, no-cache');
      return reply.send(tableCsv(table, lang) as never);
    }
    if (format === 'xlsx') {
      reply.header('content-type', XLSX_TYPE).header('content-disposition', contentDisposition(`${file}.xlsx`)).header('cache-control', 'private, no-cache');
      return reply.send((await xlsx()) as never);
    }
    reply.header('cache-control', 'private, no-cache');
    return table;
  });

  app.get('/monitor/report.pdf', {
    config: { action: 'monitor.read' },
    schema: {
      tags: ['monitor'],
      summary: 'The printable monthly report of the monitor (PDF, Dutch or ?lang=en English): headline figures, the dashboard tables and the notes',
      querystring: ReportQuerySchema,
      response: { ...ProblemResponses },
    },
  }, async (req, reply) => {
    const { lang = 'nl', ...scope } = req.query;
    const m = await load(scope);
    const pdf = await renderMonitorReportPdf(m, { ownCorporation: await ownCorporation(req) }, todayIn(app.deps.clock), lang);
    return reply
      .type('application/pdf')
      .header('content-disposition', contentDisposition(`${exportFileName(m, lang === 'en' ? 'monthly-report' : 'maandrapportage', lang)}.pdf`, 'inline'))
      .header('cache-control', 'private, no-cache')
      .send(pdf as never);
  });
}

/** Words for the file name of each table, Dutch and English. */
const FILE_WORDS: Record<TableModel['name'], { nl: string; en: string }> = {
  groups: { nl: 'doelgroepen', en: 'groups' },
  corporations: { nl: 'corporaties', en: 'corporations' },
  monthly: { nl: 'levering-per-maand', en: 'delivery-per-month' },
  'wait-times': { nl: 'wachttijden', en: 'wait-times' },
  waiting: { nl: 'nog-wachtend', en: 'still-waiting' },
  statushouders: { nl: 'statushouders', en: 'statushouders' },
  apart: { nl: 'verhuizingen-en-woningruil', en: 'moves-and-swaps' },
  regional: { nl: 'regionaal-aandeel', en: 'regional-share' },
  'household-sizes': { nl: 'huishoudgrootte', en: 'household-sizes' },
};

/** The table as CSV for Dutch Excel (BOM, ';', decimal comma): one header line, then the rows. */
export function tableCsv(t: TableModel, lang: 'nl' | 'en'): string {
  const flat = flattenTable(t, lang);
  return dutchCsv([flat.header, ...flat.rows]);
}

/** The table as a workbook: the table on the first sheet (header in row 1), caption and notes on the second. */
export async function tableXlsx(t: TableModel, m: MonitorResponse, lang: 'nl' | 'en'): Promise<Buffer> {
  const notes = t.notes.map((id) => m.notes.find((x) => x.id === id)).filter((n) => n !== undefined).map((n) => `${n.text[lang]} (${n.id})`);
  return tableWorkbook(t, m.asOf, lang, notes);
}

/** R-MO-39: the household-size table with its explanations and completeness warnings on the notes sheet. */
export async function householdSizesXlsx(t: HouseholdSizesTableModel, asOf: string, lang: 'nl' | 'en'): Promise<Buffer> {
  return tableWorkbook(t, asOf, lang, [
    ...t.explanations.map((e) => (e.id === 'R-MO-39' ? `${e.text[lang]} (R-MO-39)` : e.text[lang])),
    ...t.warnings.map((w) => `${lang === 'nl' ? 'Let op' : 'Note'}: ${w.text[lang]}`),
  ]);
}

async function tableWorkbook(t: TableModel, asOf: string, lang: 'nl' | 'en', notes: ReadonlyArray<string>): Promise<Buffer> {
  const flat = flattenTable(t, lang);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Thuisroute';
  const ws = wb.addWorksheet(t.name);
  ws.addRow(flat.header);
  for (const r of flat.rows) ws.addRow(r);
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  ws.columns.forEach((c, i) => { c.width = i === 0 ? 44 : 18; });
  const info = wb.addWorksheet(lang === 'nl' ? 'Toelichting' : 'Notes');
  info.addRow([t.caption[lang]]);
  info.addRow([lang === 'nl' ? `Stand per ${dateInWords(asOf, 'nl')}` : `As of ${dateInWords(asOf, 'en')}`]);
  info.addRow([lang === 'nl' ? `Metrieken: ${t.metrics.join(', ')}` : `Metrics: ${t.metrics.join(', ')}`]);
  for (const n of notes) info.addRow([n]);
  info.getColumn(1).width = 120;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
