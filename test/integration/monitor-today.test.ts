/**
 * Issue 9, "a monitor that is true today", over HTTP with the clock on 4 December 2026:
 * the running month is the default period and stands at today, targets are pro-rated to today
 * (M-06: 11 + 4/31 twelfths), a corporation is compared with its own target (M-09), titles and
 * file names name the area shown (the region once), dates in sentences are words, and the CSV is
 * made for Dutch Excel (BOM, ';', decimal comma) with the same figures as the JSON.
 *
 * Seed: Veenhaven (GM9001) agrees 420 dwellings for 2026 and distributes them over corporations;
 * De Linde Wonen has a recorded target of 110. Delivered: De Linde Wonen 5 a month January to
 * November and 2 in December (57), Havenwoningen 20 a month and 3 in December (223): 280 in all,
 * 5 of them in December.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { startTestApp, type Agent, type TestContext } from '../support/harness.ts';
import type { MonitorResponse, MonitorRow } from '../../src/domain/monitor/model.ts';
import { flattenTable, headline, type TableModel } from '../../src/domain/monitor/tables.ts';

const MU = 'GM9001';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** 4 December 2026: 11 whole months and 4 of December's 31 days. */
const ELAPSED = 11 + 4 / 31;

let ctx: TestContext;
let analyst: Agent;

beforeAll(async () => {
  ctx = await startTestApp();
  ctx.clock.set('2026-12-04T10:00:00Z');
  analyst = await ctx.login('analist');
  const now = ctx.clock.now();
  const mu = await ctx.db.selectFrom('organisations').select('id').where('municipality_code', '=', MU).executeTakeFirstOrThrow();
  const linde = await ctx.db.selectFrom('organisations').select('id').where('code', '=', 'WC-LINDE').executeTakeFirstOrThrow();
  const haven = await ctx.db.selectFrom('organisations').select('id').where('code', '=', 'WC-HAVENWONINGEN').executeTakeFirstOrThrow();
  const agreement = await ctx.db.insertInto('agreements').values({
    municipality_id: mu.id, name: 'Afspraken Veenhaven 2026', first_year: 2026, last_year: 2026, kind: 'absolute', yearly_number: 420, share: null,
    distribute_over_corporations: true, tolerance: '0', created_by: null, created_at: now, updated_at: now,
  }).returning('id').executeTakeFirstOrThrow();
  await ctx.db.insertInto('corporation_stock').values([
    { municipality_id: mu.id, corporation_id: linde.id, year: 2026, dwellings: 6000, updated_by: null, updated_at: now },
    { municipality_id: mu.id, corporation_id: haven.id, year: 2026, dwellings: 4000, updated_by: null, updated_at: now },
  ]).execute();
  await ctx.db.insertInto('corporation_targets').values({ agreement_id: agreement.id, year: 2026, corporation_id: linde.id, dwellings: 110, updated_by: null, updated_at: now }).execute();
  let n = 0;
  const p = (corp: string, lease: string) => ({
    placement_id: `T-${++n}`, municipality_id: mu.id, corporation_id: corp, target_group: 'omslag_mobw_adult', active_mediation_date: '2025-10-01', lease_signed_date: lease,
    source: 'import' as const, created_at: now, updated_at: now,
  });
  const rows = [];
  for (let month = 1; month <= 11; month++) {
    const day = (i: number) => `2026-${String(month).padStart(2, '0')}-${String(1 + i).padStart(2, '0')}`;
    for (let i = 0; i < 5; i++) rows.push(p(linde.id, day(i)));
    for (let i = 0; i < 20; i++) rows.push(p(haven.id, day(i)));
  }
  rows.push(p(linde.id, '2026-12-01'), p(linde.id, '2026-12-03'), p(haven.id, '2026-12-01'), p(haven.id, '2026-12-02'), p(haven.id, '2026-12-04'));
  await ctx.db.insertInto('placements').values(rows).execute();
});
afterAll(async () => ctx?.close());

async function monitor(query: string): Promise<MonitorResponse> {
  const res = await analyst.get(`/api/v1/monitor?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as MonitorResponse;
}
async function table(name: string, query: string): Promise<TableModel> {
  const res = await analyst.get(`/api/v1/monitor/tables/${name}?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as TableModel;
}
const only = (m: MonitorResponse, match: Partial<MonitorRow>) => {
  const keys = ['municipality', 'corporation', 'mainGroup', 'targetGroup', 'planVersion', 'measure', 'region', 'month'] as const;
  const hits = m.rows.filter((r) => r.metric === match.metric && r.period === match.period && keys.every((k) => r[k] === match[k]));
  expect(hits, JSON.stringify(match)).toHaveLength(1);
  return hits[0]!.value;
};

describe('the monitor on 4 December 2026', () => {
  it('M-03, M-06, M-07: by default the running month, standing at today, compared with the target pro-rated to today (389.5 of 420), not the whole year', async () => {
    const m = await monitor(`year=2026&municipality=${MU}`);
    expect(m).toMatchObject({ year: 2026, month: 12, asOf: '2026-12-04', periodEnd: '2026-12-31', state: 'running' });
    expect(m.elapsedMonths).toBeCloseTo(ELAPSED, 12);
    expect(m.monthFraction).toBeCloseTo(4 / 31, 12);
    expect(only(m, { metric: 'M-03', period: 'ytd', municipality: MU })).toBe(280);
    expect(only(m, { metric: 'M-03', period: 'month', municipality: MU, month: 12 })).toBe(5);
    expect(only(m, { metric: 'M-06', period: 'ytd', municipality: MU })).toBeCloseTo((420 * ELAPSED) / 12, 9); // 389.516…
    expect(only(m, { metric: 'M-07', period: 'ytd', municipality: MU })).toBe('BEHIND');
    // The tiles: 280 of a target to date of 390; December's 5 against its share to date (35 × 4/31 → 5), never against 420.
    expect(headline(m)).toMatchObject({ agreed: 420, targetKind: 'agreement', deliveredYtd: 280, expectedToDate: 390, status: 'BEHIND', monthDelivered: 5, monthTarget: 5 });

    const monthly = await table('monthly', `year=2026&municipality=${MU}`);
    expect(monthly.rows[11]).toMatchObject({ label: { nl: 'december (t/m 4 december)' }, cells: [5, 280, 390] });
    expect(monthly.rows[10]).toMatchObject({ label: { nl: 'november' }, cells: [25, 275, 385] });
    const groups = await table('groups', `year=2026&municipality=${MU}`);
    expect(groups.caption.nl).toBe('Prognose en levering per hoofdgroep en doelgroep (Gemeente Veenhaven, 2026 t/m 4 december)');
    expect(groups.columns.find((c) => c.key === 'expected')!.label.nl).toBe('Verwacht t/m 4 december');
    expect(groups.rows[0]!.cells[6]).toBe(390);
  });

  it('M-06: a month that is over stands at its month end with whole twelfths (June: 210 of 420)', async () => {
    const m = await monitor(`year=2026&month=6&municipality=${MU}`);
    expect(m).toMatchObject({ month: 6, asOf: '2026-06-30', periodEnd: '2026-06-30', state: 'closed', elapsedMonths: 6, monthFraction: 1 });
    expect(only(m, { metric: 'M-06', period: 'ytd', municipality: MU })).toBe(210);
    expect(headline(m)).toMatchObject({ deliveredYtd: 150, expectedToDate: 210, monthDelivered: 25, monthTarget: 35 });
    const past = await monitor(`year=2025&municipality=${MU}`);
    expect(past).toMatchObject({ month: 12, asOf: '2025-12-31', state: 'closed' });
  });

  it('M-09, M-06, M-07: filtered on De Linde Wonen the tiles compare its 57 with its own target 110 (102 to date), never with the municipal 420', async () => {
    const m = await monitor(`year=2026&municipality=${MU}&corporation=WC-LINDE`);
    expect(only(m, { metric: 'M-09', period: 'year', municipality: MU, corporation: 'WC-LINDE' })).toBe(110);
    expect(only(m, { metric: 'M-06', period: 'ytd', municipality: MU, corporation: 'WC-LINDE' })).toBeCloseTo((110 * ELAPSED) / 12, 9);
    expect(headline(m)).toMatchObject({
      agreed: 110, targetKind: 'corporation', deliveredYtd: 57, deliveredYear: 57, expectedToDate: 102, status: 'BEHIND', realisation: 52, monthDelivered: 2, monthTarget: 1,
    });
    const groups = await table('groups', `year=2026&municipality=${MU}&corporation=WC-LINDE`);
    expect(groups.rows[0]).toMatchObject({ label: { nl: 'Totaal (taakstelling De Linde Wonen)' }, cells: [110, 110, 57, 57, -53, 52, 102, 'BEHIND'] });
    const monthly = await table('monthly', `year=2026&municipality=${MU}&corporation=WC-LINDE`);
    expect(monthly.rows[11]!.cells).toEqual([2, 57, 102]);
    // Havenwoningen: its computed share (R-MO-14, no recorded number), 223 delivered.
    const hm = await monitor(`year=2026&municipality=${MU}&corporation=WC-HAVENWONINGEN`);
    const target = only(hm, { metric: 'M-09', period: 'year', municipality: MU, corporation: 'WC-HAVENWONINGEN' }) as number;
    expect(target).not.toBe(420);
    expect(headline(hm)).toMatchObject({ agreed: target, targetKind: 'corporation', deliveredYtd: 223, expectedToDate: Math.round((target * ELAPSED) / 12) });
  });

  it('CSV for Dutch Excel: BOM, semicolons, decimal comma, a Dutch file name, and the same figures as the JSON', async () => {
    const json = await monitor(`year=2026&municipality=${MU}`);
    const res = await analyst.request('GET', `/api/v1/monitor?year=2026&municipality=${MU}`, undefined, { accept: 'text/csv' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain('filename="monitor-cijfers-gemeente-veenhaven-2026-12.csv"');
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(res.body.split('\r\n')[0]).toBe('\uFEFF' + 'metric;period;month;half;year;region;municipality;corporation;mainGroup;targetGroup;groupSet;planVersion;bucket;route;district;neighbourhood;outsideAgreement;measure;reportRow;value;unit');
    const records = parse(res.rawPayload, { delimiter: ';', bom: true, columns: true }) as Array<Record<string, string>>;
    expect(records).toHaveLength(json.rows.length);
    const m06 = records.find((r) => r.metric === 'M-06' && r.period === 'ytd' && r.municipality === MU && !r.corporation && !r.mainGroup && !r.targetGroup && !r.planVersion)!;
    expect(m06.value).toMatch(/^389,5161290322/);
    // Every figure parses back to the JSON's value (decimal comma → number).
    records.forEach((r, i) => {
      const v = json.rows[i]!.value;
      expect(r.metric).toBe(json.rows[i]!.metric);
      if (typeof v === 'number') expect(Number(r.value!.replace(',', '.'))).toBe(v);
      else expect(r.value).toBe(v ?? '');
    });

    const t = await table('groups', `year=2026&municipality=${MU}`);
    const csv = await analyst.request('GET', `/api/v1/monitor/tables/groups?year=2026&municipality=${MU}&format=csv`);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toContain('filename="monitor-doelgroepen-gemeente-veenhaven-2026-12.csv"');
    expect(csv.body.startsWith('\uFEFFGroep;')).toBe(true);
    const lines = parse(csv.rawPayload, { delimiter: ';', bom: true }) as string[][];
    const flat = flattenTable(t, 'nl');
    expect(lines[0]).toEqual(flat.header);
    expect(lines.slice(1)).toEqual(flat.rows.map((r) => r.map((c) => (c === null ? '' : String(c).replace('.', ',')))));
    const en = await analyst.request('GET', `/api/v1/monitor/tables/groups?year=2026&municipality=${MU}&format=csv&lang=en`);
    expect(en.headers['content-disposition']).toContain('filename="monitor-groups-gemeente-veenhaven-2026-12.csv"');
  });

  it('titles and files name the area shown: the region once ("Regio Veenhaven", never "Regio Regio"), the municipality by its name', async () => {
    const region = await table('groups', 'year=2026&region=REGIO-VEENHAVEN');
    expect(region.caption.nl).toBe('Prognose en levering per hoofdgroep en doelgroep (Regio Veenhaven, 2026 t/m 4 december)');
    expect(region.caption.en).toBe('Planned and delivered per main group and target group (Region Veenhaven, 2026 up to 4 December)');
    const regional = await table('regional', 'year=2026&region=REGIO-VEENHAVEN');
    expect(JSON.stringify(regional)).not.toMatch(/Regio Regio|Region Regio/);
    const csv = await analyst.request('GET', '/api/v1/monitor/tables/groups?year=2026&region=REGIO-VEENHAVEN&format=csv');
    expect(csv.headers['content-disposition']).toContain('filename="monitor-doelgroepen-regio-veenhaven-2026-12.csv"');
    const pdf = await analyst.get('/api/v1/monitor/report.pdf?year=2026&region=REGIO-VEENHAVEN');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-disposition']).toContain('filename="monitor-maandrapportage-regio-veenhaven-2026-12.pdf"');
    const own = await analyst.get(`/api/v1/monitor/report.pdf?year=2026&municipality=${MU}&corporation=WC-LINDE`);
    expect(own.headers['content-disposition']).toContain('filename="monitor-maandrapportage-gemeente-veenhaven-de-linde-wonen-2026-12.pdf"');

    // XLSX: the notes sheet names the area and states the date in words, never ISO.
    const xlsx = await analyst.request('GET', `/api/v1/monitor/tables/groups?year=2026&region=REGIO-VEENHAVEN&format=xlsx`);
    expect(xlsx.headers['content-type']).toContain(XLSX);
    expect(xlsx.headers['content-disposition']).toContain('filename="monitor-doelgroepen-regio-veenhaven-2026-12.xlsx"');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const info = wb.getWorksheet('Toelichting')!;
    const texts = info.getColumn(1).values.filter((v): v is string => typeof v === 'string');
    expect(texts).toContain('Stand per 4 december 2026');
    expect(texts[0]).toContain('(Regio Veenhaven, 2026 t/m 4 december)');
    expect(texts.join('\n')).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    const long = await analyst.request('GET', '/api/v1/monitor?year=2026&region=REGIO-VEENHAVEN', undefined, { accept: XLSX });
    expect(long.headers['content-disposition']).toContain('filename="monitor-cijfers-regio-veenhaven-2026-12.xlsx"');
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(long.rawPayload as unknown as ArrayBuffer);
    const notes = wb2.getWorksheet('Toelichting')!;
    expect(notes.getRow(2).values).toEqual([undefined, 'Gebied', 'Regio Veenhaven', 'Region Veenhaven']);
    expect(notes.getRow(3).values).toEqual([undefined, 'Periode', '2026, stand per 4 december 2026', '2026, as of 4 December 2026']);
  });
});
