/**
 * The monitor dashboard's tables as files: every table as CSV and XLSX carries the same numbers
 * as its JSON table model (which the web page renders), the monthly report is a PDF, and a
 * table that does not exist is a problem, not a 5xx.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { startTestApp, type Agent, type TestContext } from '../support/harness.ts';
import { SEED_MUNICIPALITY, SEED_YEAR, seedMonitorYear } from '../support/monitor-seed.ts';
import { TABLE_NAMES, flattenTable, type TableModel } from '../../src/domain/monitor/tables.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let ctx: TestContext;
let analyst: Agent;
let corporation: Agent;
const Q = `year=${SEED_YEAR}&month=9&municipality=${SEED_MUNICIPALITY}`;

beforeAll(async () => {
  ctx = await startTestApp();
  await seedMonitorYear(ctx.db, ctx.clock.now());
  analyst = await ctx.login('analist@demo.thuisroute.nl');
  corporation = await ctx.login('corporatie@demo.thuisroute.nl');
});
afterAll(async () => ctx?.close());

async function model(name: string, agent = analyst, q = Q): Promise<TableModel> {
  const res = await agent.get(`/api/v1/monitor/tables/${name}?${q}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as TableModel;
}

/** CSV and XLSX cells are strings or numbers; compare as text with empty for null. */
const norm = (v: unknown) => (v === null || v === undefined ? '' : String(v));
/** The CSV is for Dutch Excel: numbers carry a decimal comma. */
const normCsv = (v: unknown) => (typeof v === 'number' ? String(v).replace('.', ',') : norm(v));
const parseCsv = (body: string) => parse(body, { delimiter: ';', bom: true }) as string[][];

describe('monitor table exports', () => {
  it('M-02, M-03, M-04, M-06, M-07: the groups table holds the seeded year (plan 120, initial vs current version, status)', async () => {
    const t = await model('groups');
    const cells = (key: string) => Object.fromEntries(t.columns.map((c, i) => [c.key, t.rows.find((r) => r.key === key)!.cells[i]]));
    expect(cells('total')).toMatchObject({ plannedCurrent: 120, deliveredYear: 36, expected: 90 });
    expect(cells('MG-1')).toMatchObject({ plannedCurrent: 40, plannedInitial: 50, deliveredYear: 18 });
    expect(cells('MG-2')).toMatchObject({ plannedCurrent: 55, plannedInitial: 50, deliveredYear: 12, difference: -43 });
    expect(cells('social_medical_urgent')).toMatchObject({ plannedCurrent: 30, deliveredYear: 14 });
  });

  for (const name of TABLE_NAMES) {
    it(`${name}: CSV and XLSX carry the same numbers as the JSON table model`, async () => {
      const t = await model(name);
      const flat = flattenTable(t, 'nl');
      const csv = await analyst.request('GET', `/api/v1/monitor/tables/${name}?${Q}`, undefined, { accept: 'text/csv' });
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(csv.headers['content-disposition']).toMatch(new RegExp(`filename="monitor-[a-z-]+-gemeente-veenhaven-${SEED_YEAR}-09\\.csv"`));
      expect(csv.body.startsWith('\uFEFF')).toBe(true);
      const lines = parseCsv(csv.body);
      expect(lines[0]).toEqual(flat.header);
      expect(lines.slice(1).map((r) => r.map(norm))).toEqual(flat.rows.map((r) => r.map(normCsv)));

      const xlsx = await analyst.request('GET', `/api/v1/monitor/tables/${name}?${Q}&format=xlsx`);
      expect(xlsx.statusCode).toBe(200);
      expect(xlsx.headers['content-type']).toContain(XLSX);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      const sheet: string[][] = [];
      ws.eachRow({ includeEmpty: true }, (row) => {
        sheet.push(Array.from({ length: flat.header.length }, (_, i) => norm(row.getCell(i + 1).value)));
      });
      expect(sheet[0]).toEqual(flat.header);
      expect(sheet.slice(1)).toEqual(flat.rows.map((r) => r.map(norm)));
      // Numbers stay numbers in the workbook.
      const firstNumber = flat.rows.flat().find((v) => typeof v === 'number');
      if (firstNumber !== undefined) {
        const found: unknown[] = [];
        ws.eachRow((row) => row.eachCell((c) => found.push(c.value)));
        expect(found).toContain(firstNumber);
      }
    });
  }

  it('M-13…M-16, R-MO-25, R-MO-26: the wait-time export carries the SMU shares within 3, 3–6 and over 6 months, in English by ?lang=en, with the SMU note on its row', async () => {
    const t = await model('wait-times');
    expect(t.notes).toEqual(['R-MO-26', 'R-MO-25']);
    const smu = t.rows.find((r) => r.key === 'social_medical_urgent')!;
    expect(smu.note).toBe('R-MO-25');
    // The seed's 14 SMU leases of 2024 (test/support/monitor-seed.ts): 6 after 40 days, 4 after 120 days, 4 after 200 days
    // → M-14 6/14 = 42.9% → 43, M-15 4/14 = 28.6% → 29, M-16 the rest → 29; no 2023 figures.
    expect(smu.cells).toEqual([14, 43, 29, 29, null]);
    const csv = await analyst.request('GET', `/api/v1/monitor/tables/wait-times?${Q}&format=csv&lang=en`);
    expect(csv.headers['content-disposition']).toContain(`filename="monitor-wait-times-gemeente-veenhaven-${SEED_YEAR}-09.csv"`);
    const lines = parseCsv(csv.body);
    expect(lines[0]![0]).toBe('Group');
    const smuLine = lines.find((l) => l[0]!.toLowerCase().includes('urgent'))!;
    expect(smuLine.slice(1, 5)).toEqual(['14', '43', '29', '29']);
  });

  it('R-MO-21: a corporation contact gets its own corporation first in the corporations table', async () => {
    const own = await model('corporations', corporation);
    expect(own.rows[0]).toMatchObject({ key: 'WC-LINDE', own: true });
    const other = await model('corporations');
    expect(other.rows.some((r) => r.own)).toBe(false);
  });

  it('M-24, R-MO-36: the regional table phrases the 10% check as a signal', async () => {
    const q = `year=${SEED_YEAR}&month=12&region=REGIO-VEENHAVEN`;
    const t = await model('regional', analyst, q);
    expect(t.rows[0]).toMatchObject({ key: 'region:REGIO-VEENHAVEN', level: 'total' });
    // 6 statushouder dwellings of 180 released: 3%, no signal.
    expect(t.rows[0]!.cells.slice(1)).toEqual([180, null, 3, 3, 'NOT_ABOVE_10_PERCENT']);
    const csv = await analyst.request('GET', `/api/v1/monitor/tables/regional?${q}&format=csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('Geen signaal (10% of minder)');
    expect(csv.body).not.toMatch(/overschrijding/i);
    expect(t.rows.length).toBeGreaterThan(0);
  });

  it('the monthly report is a PDF of sane size', async () => {
    const res = await analyst.get(`/api/v1/monitor/report.pdf?${Q}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(res.rawPayload.length).toBeGreaterThan(5_000);
    expect(res.rawPayload.length).toBeLessThan(2_000_000);
    expect(res.headers['content-disposition']).toContain(`monitor-maandrapportage-gemeente-veenhaven-${SEED_YEAR}-09.pdf`);
    expect(res.rawPayload.includes(Buffer.from(`(Maandrapportage monitor Gemeente Veenhaven ${SEED_YEAR} t/m september)`))).toBe(true);
  });

  it('the monthly report is also available in English (?lang=en)', async () => {
    const res = await analyst.get(`/api/v1/monitor/report.pdf?${Q}&lang=en`);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(res.headers['content-disposition']).toContain(`monitor-monthly-report-gemeente-veenhaven-${SEED_YEAR}-09.pdf`);
    expect(res.rawPayload.includes(Buffer.from(`(Monthly monitor report Gemeente Veenhaven ${SEED_YEAR} up to September)`))).toBe(true);
    expect((await analyst.get(`/api/v1/monitor/report.pdf?${Q}&lang=de`)).statusCode).toBe(400);
  });

  it('a table that does not exist is a 404 problem; bad filters are a 400 problem', async () => {
    const res = await analyst.get(`/api/v1/monitor/tables/nope?${Q}`);
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const bad = await analyst.get(`/api/v1/monitor/tables/groups?year=${SEED_YEAR}&municipality=GM9999`);
    expect(bad.statusCode).toBe(400);
    expect((await analyst.get(`/api/v1/monitor/tables/groups?year=${SEED_YEAR}&format=pdf`)).statusCode).toBe(400);
    expect((await analyst.get(`/api/v1/monitor/report.pdf?year=20x4`)).statusCode).toBe(400);
  });

  it('the filters list the municipalities (with their organisation code) and corporations', async () => {
    const res = await analyst.get('/api/v1/monitor/filters');
    expect(res.statusCode).toBe(200);
    const f = res.json() as { municipalities: Array<{ code: string; organisationCode: string }>; corporations: Array<{ code: string }> };
    expect(f.municipalities).toContainEqual(expect.objectContaining({ code: SEED_MUNICIPALITY, organisationCode: 'GEM-VEENHAVEN' }));
    expect(f.corporations.map((c) => c.code)).toContain('WC-LINDE');
  });
});
