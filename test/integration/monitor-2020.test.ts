/**
 * monitor.md §12: the PHKG 2020 figures come back from placements. The reference CSVs are
 * loaded as plan (main groups 375/970/460, target groups 590 and 200, the joint 110) and as
 * placements (one per delivered dwelling, with wait times that give the printed percentages);
 * the monitor is read over HTTP and the printed report layouts map codes to printed rows.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { startTestApp, type Agent, type TestContext } from '../support/harness.ts';
import { roundHalfUp } from '../../src/domain/monitor/formulas.ts';
import type { MonitorResponse, MonitorRow } from '../../src/domain/monitor/model.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const REF = path.resolve(here, '../../../shared/reference');
const csv = (f: string) => parse(fs.readFileSync(path.join(REF, f), 'utf8'), { columns: true, skip_empty_lines: true }) as Array<Record<string, string>>;

/** The Dutch label as printed: the text in the last top-level parentheses of "English (Dutch)". */
function dutch(label: string): string {
  const end = label.lastIndexOf(')');
  let depth = 0;
  for (let i = end; i >= 0; i--) {
    if (label[i] === ')') depth++;
    if (label[i] === '(' && --depth === 0) return label.slice(i + 1, end);
  }
  return label;
}

let ctx: TestContext;
let analyst: Agent;
const CBS = 'GM0363';

function addDays(d: string, n: number): string {
  return new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** Placements for one code: n dwellings, k3 within 3 months, k36 in 3–6 months, the rest later. */
function placementsFor(code: string, year: number, n: number, k3: number, k36: number, withStart = true) {
  return Array.from({ length: n }, (_, i) => {
    const lease = `${year}-${String(1 + (i % 12)).padStart(2, '0')}-15`;
    const wait = i < k3 ? 30 : i < k3 + k36 ? 120 : 250;
    return { code, lease, start: withStart ? addDays(lease, -wait) : null, i };
  });
}

beforeAll(async () => {
  ctx = await startTestApp();
  analyst = await ctx.login('analist@demo.thuisroute.nl');
  const now = ctx.clock.now();
  const region = await ctx.db.selectFrom('regions').select('id').executeTakeFirstOrThrow();
  const ams = await ctx.db.insertInto('organisations').values({
    code: 'GEM-AMSTERDAM', name: 'Gemeente Amsterdam', type: 'municipality', parent_id: null, region_id: region.id, municipality_code: CBS,
    contact_role_label: null, email: null, phone: null, created_at: now, updated_at: now,
  }).returning('id').executeTakeFirstOrThrow();
  const corp = await ctx.db.selectFrom('organisations').select('id').where('code', '=', 'WC-LINDE').executeTakeFirstOrThrow();

  // Plan: the agreement of 1,800 and the 2020 distribution (R-MO-03, R-MO-08).
  const agreement = await ctx.db.insertInto('agreements').values({
    municipality_id: ams.id, name: 'Samenwerkingsafspraken 2020-2023', first_year: 2020, last_year: 2023, kind: 'absolute', yearly_number: 1800,
    share: null, created_by: null, created_at: now, updated_at: now,
  }).returning('id').executeTakeFirstOrThrow();
  const v1 = await ctx.db.insertInto('plan_versions').values({
    agreement_id: agreement.id, year: 2020, version_no: 1, decision_date: '2020-01-15', effective_from: '2020-01-01', reason: 'Verdeling op hoofdlijnen begin 2020', created_by: null, created_at: now,
  }).returning('id').executeTakeFirstOrThrow();
  const delivered = csv('phkg-2020-delivered.csv');
  const mainGroupOf: Record<string, string> = { 'Wonen zonder begeleiding': 'MG-1', 'Wonen met begeleiding': 'MG-2', Statushouders: 'MG-3' };
  const lines = delivered.filter((r) => r.target_group === 'SUBTOTAL').map((r, i) => ({
    plan_version_id: v1.id, level: 'main_group' as const, main_group: mainGroupOf[dutch(r.main_group!)]!, target_group: null, group_set_name: null, group_set_codes: null,
    corporation_id: null, dwellings: Number(r.planned_2020), position: i,
  }));
  await ctx.db.insertInto('plan_lines').values([
    ...lines,
    { plan_version_id: v1.id, level: 'target_group', main_group: null, target_group: 'omslag_mobw_adult', group_set_name: null, group_set_codes: null, corporation_id: null, dwellings: 590, position: 10 },
    { plan_version_id: v1.id, level: 'target_group', main_group: null, target_group: 'omslag_mobw_family', group_set_name: null, group_set_codes: null, corporation_id: null, dwellings: 200, position: 11 },
    { plan_version_id: v1.id, level: 'group_set', main_group: null, target_group: null, group_set_name: 'Jeugd, jongvolwassenen en jonge moeders', group_set_codes: ['omslag_young_mother', 'omslag_young_adult', 'housing_first_youth'], corporation_id: null, dwellings: 110, position: 12 },
  ]).execute();

  // Placements: printed delivery rows via the delivery layout; wait shares via the wait-time layout.
  const layout = await ctx.db.selectFrom('report_layouts').select(['code', 'rows']).where('code', 'in', ['phkg-delivery', 'phkg-wait-times']).execute();
  const codesOf = (code: string, label: string) => layout.find((l) => l.code === code)!.rows.find((r) => r.label.nl === label)?.codes;
  const waits = new Map(csv('phkg-2020-wait-times.csv').map((r) => [dutch(r.target_group!), r]));
  const waitRowOf = (c: string) => [...waits.entries()].find(([label]) => codesOf('phkg-wait-times', label)?.length === 1 && codesOf('phkg-wait-times', label)![0] === c)?.[1];
  // The combined printed row of 31 (§12: the split is free): Treiteraanpak 5 (40%/20%), Het Verbond 2 (50%/0%), Wlz-permanent 24 (I-06, no wait base).
  const split: Record<string, number> = { bullying_approach: 5, verbond_experiment: 2, last_new_chance: 0, wlz_permanent: 24 };
  const all: Array<ReturnType<typeof placementsFor>[number]> = [];
  for (const r of delivered.filter((x) => x.target_group !== 'SUBTOTAL' && x.target_group !== 'TOTAL')) {
    const codes = codesOf('phkg-delivery', dutch(r.target_group!));
    expect(codes, r.target_group).toBeDefined();
    const parts = codes!.length === 1 ? { [codes![0]!]: Number(r.delivered_2020) } : split;
    for (const [code, n] of Object.entries(parts)) {
      const w = waitRowOf(code);
      const k3 = w?.pct_within_3m_2020 ? Math.floor((Number(w.pct_within_3m_2020) * n) / 100 + 0.5) : 0;
      const k36 = w?.pct_3_to_6m_2020 ? Math.floor((Number(w.pct_3_to_6m_2020) * n) / 100 + 0.5) : 0;
      all.push(...placementsFor(code, 2020, n, k3, k36, code !== 'wlz_permanent'));
      // 2019: 100 placements per group with a printed 2019 share, so the share comes back exactly.
      if (w?.pct_within_3m_2019) all.push(...placementsFor(code, 2019, 100, Number(w.pct_within_3m_2019), 0));
    }
  }
  // Housing First Jeugd has a 2019 wait share but no 2020 delivery row (U-03).
  all.push(...placementsFor('housing_first_youth', 2019, 100, Number(waitRowOf('housing_first_youth')!.pct_within_3m_2019), 0));
  for (let i = 0; i < all.length; i += 1000) {
    await ctx.db.insertInto('placements').values(all.slice(i, i + 1000).map((p, j) => ({
      placement_id: `PHKG-${p.lease.slice(0, 4)}-${p.code}-${p.i}-${i + j}`, municipality_id: ams.id, corporation_id: corp.id, target_group: p.code,
      active_mediation_date: p.start, lease_signed_date: p.lease, source: 'import' as const, created_at: now, updated_at: now,
    }))).execute();
  }
});
afterAll(async () => ctx?.close());

async function monitor(query: string): Promise<MonitorResponse> {
  const res = await analyst.get(`/api/v1/monitor?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as MonitorResponse;
}
const find = (rows: MonitorRow[], match: Partial<MonitorRow>, dims: Array<keyof MonitorRow> = []) =>
  rows.filter((r) => Object.entries(match).every(([k, v]) => r[k as keyof MonitorRow] === v) && dims.every((d) => d in match || r[d] === undefined));
const DIMS: Array<keyof MonitorRow> = ['region', 'municipality', 'corporation', 'mainGroup', 'targetGroup', 'groupSet', 'planVersion', 'month', 'year', 'reportRow', 'outsideAgreement', 'measure', 'half', 'bucket', 'route', 'district', 'neighbourhood'];
const one = (rows: MonitorRow[], match: Partial<MonitorRow>) => {
  const hits = find(rows, match, DIMS);
  expect(hits, JSON.stringify(match)).toHaveLength(1);
  return hits[0]!.value;
};

describe('PHKG 2020 reproduced (monitor.md §12)', () => {
  it('M-03: 1,785 delivered in total; MG-1 674, MG-2 656, MG-3 455 (R-MO-40: main groups sum their target groups)', async () => {
    const m = await monitor(`year=2020&municipality=${CBS}`);
    expect(m.month).toBe(12);
    expect(one(m.rows, { metric: 'M-03', period: 'year', municipality: CBS })).toBe(1785);
    expect(one(m.rows, { metric: 'M-03', period: 'year', municipality: CBS, mainGroup: 'MG-1' })).toBe(674);
    expect(one(m.rows, { metric: 'M-03', period: 'year', municipality: CBS, mainGroup: 'MG-2' })).toBe(656);
    expect(one(m.rows, { metric: 'M-03', period: 'year', municipality: CBS, mainGroup: 'MG-3' })).toBe(455);
    for (const mg of ['MG-1', 'MG-2', 'MG-3'] as const) {
      const groups = find(m.rows, { metric: 'M-03', period: 'year', municipality: CBS, mainGroup: mg }).filter((r) => r.targetGroup && !r.corporation && !r.planVersion);
      expect(groups.reduce((s, r) => s + Number(r.value), 0)).toBe(one(m.rows, { metric: 'M-03', period: 'year', municipality: CBS, mainGroup: mg }));
    }
  });

  it('M-01, M-05: agreed 1,800 and a realisation rate of 99.2%', async () => {
    const m = await monitor(`year=2020&municipality=${CBS}`);
    expect(one(m.rows, { metric: 'M-01', period: 'year', municipality: CBS })).toBe(1800);
    expect(roundHalfUp(one(m.rows, { metric: 'M-05', period: 'year', municipality: CBS }) as number, 1)).toBe(99.2);
    expect(one(m.rows, { metric: 'M-04', period: 'year', municipality: CBS })).toBe(-15);
  });

  it('R-MO-19, M-02, M-04: main-group plans 375/970/460 give +299, −314 and −5; target-group and group-set lines compare at their own level (R-MO-08)', async () => {
    const m = await monitor(`year=2020&municipality=${CBS}`);
    const cur = { municipality: CBS, planVersion: 'current' as const };
    expect(one(m.rows, { metric: 'M-02', period: 'year', ...cur, mainGroup: 'MG-1' })).toBe(375);
    expect(one(m.rows, { metric: 'M-04', period: 'year', ...cur, mainGroup: 'MG-1' })).toBe(299);
    expect(one(m.rows, { metric: 'M-04', period: 'year', ...cur, mainGroup: 'MG-2' })).toBe(-314);
    expect(one(m.rows, { metric: 'M-04', period: 'year', ...cur, mainGroup: 'MG-3' })).toBe(-5);
    expect(one(m.rows, { metric: 'M-04', period: 'year', ...cur, targetGroup: 'omslag_mobw_adult' })).toBe(417 - 590);
    expect(one(m.rows, { metric: 'M-04', period: 'year', ...cur, targetGroup: 'omslag_mobw_family' })).toBe(165 - 200);
    expect(one(m.rows, { metric: 'M-04', period: 'year', ...cur, groupSet: 'Jeugd, jongvolwassenen en jonge moeders' })).toBe(38 - 110);
    expect(m.labels.groupSets['Jeugd, jongvolwassenen en jonge moeders']).toEqual(['omslag_young_mother', 'omslag_young_adult', 'housing_first_youth']);
  });

  it('§12 / I-01: plans adding up to 1,805 instead of 1,800 give a warning, not an error', async () => {
    const m = await monitor(`year=2020&municipality=${CBS}`);
    const w = m.warnings.find((x) => x.code === 'plan_total_differs');
    expect(w).toMatchObject({ municipality: CBS, planned: 1805, agreed: 1800 });
    expect(w!.text.nl).toContain('waarschuwing');
  });

  it('§12: the printed delivery table comes back row by row through the versioned report layout (combined row of 31)', async () => {
    const m = await monitor(`year=2020&municipality=${CBS}&layout=phkg-delivery`);
    expect(m.layout).toMatchObject({ code: 'phkg-delivery', version: 1, kind: 'delivery' });
    for (const r of csv('phkg-2020-delivered.csv').filter((x) => x.target_group !== 'SUBTOTAL' && x.target_group !== 'TOTAL')) {
      const row = m.layout!.rows.find((l) => l.label.nl === dutch(r.target_group!))!;
      expect(one(m.rows, { metric: 'M-03', period: 'year', reportRow: row.key, mainGroup: row.mainGroup }), r.target_group).toBe(Number(r.delivered_2020));
    }
  });

  it('M-14, M-15, R-MO-28: the printed 2020 wait-time shares come back per printed row (±1 point, §12 proposal), with 2019 alongside', async () => {
    const m = await monitor(`year=2020&municipality=${CBS}&layout=phkg-wait-times`);
    for (const r of csv('phkg-2020-wait-times.csv').filter((x) => !x.target_group!.startsWith('Total'))) {
      const row = m.layout!.rows.find((l) => l.label.nl === dutch(r.target_group!));
      expect(row, r.target_group).toBeDefined();
      const base = { period: 'year' as const, reportRow: row!.key, mainGroup: row!.mainGroup };
      const p3 = one(m.rows, { metric: 'M-14', ...base }) as number | null;
      const p36 = one(m.rows, { metric: 'M-15', ...base }) as number | null;
      if (r.pct_within_3m_2020 === '' || row!.key === 'hf_youth') {
        // "—" in print (no placements), and U-03: Housing First Jeugd has no delivery row.
        expect(p3, r.target_group).toBeNull();
      } else {
        expect(Math.abs(roundHalfUp(p3!) - Number(r.pct_within_3m_2020)), r.target_group).toBeLessThanOrEqual(1);
        expect(Math.abs(roundHalfUp(p36!) - Number(r.pct_3_to_6m_2020)), r.target_group).toBeLessThanOrEqual(1);
      }
      const p2019 = one(m.rows, { metric: 'M-14', ...base, year: 2019 }) as number | null;
      if (r.pct_within_3m_2019 === '') expect(p2019).toBeNull();
      else expect(roundHalfUp(p2019!), r.target_group).toBe(Number(r.pct_within_3m_2019));
    }
  });

  it('M-14, M-15, M-16, R-MO-40: the totals are computed over every placement in the base, 52% within 3 months', async () => {
    const m = await monitor(`year=2020&municipality=${CBS}`);
    const base = one(m.rows, { metric: 'M-13', period: 'year', municipality: CBS }) as number;
    const p3 = one(m.rows, { metric: 'M-14', period: 'year', municipality: CBS }) as number;
    const p36 = one(m.rows, { metric: 'M-15', period: 'year', municipality: CBS }) as number;
    expect(base).toBe(1785 - 24); // Wlz-permanent placements carry no start date
    expect(roundHalfUp(p3)).toBe(52);
    // I-09: the printed 26% does not follow exactly from the group rows; the weighted value is 25%.
    expect(Math.abs(roundHalfUp(p36) - 26)).toBeLessThanOrEqual(1);
    expect(one(m.rows, { metric: 'M-16', period: 'year', municipality: CBS })).toBeCloseTo(100 - p3 - p36, 10);
    const groups = find(m.rows, { metric: 'M-13', period: 'year', municipality: CBS }).filter((r) => r.targetGroup && r.year === undefined);
    expect(groups.reduce((s, r) => s + Number(r.value), 0)).toBe(base);
  });

  it('R-MO-25, R-MO-26: the notes next to SMU and wait-time figures', async () => {
    const m = await monitor(`year=2020&municipality=${CBS}`);
    expect(m.notes.find((n) => n.id === 'R-MO-25')).toMatchObject({ targetGroup: 'social_medical_urgent' });
    expect(m.notes.find((n) => n.id === 'R-MO-26')!.text.nl).toContain('echte wachttijd');
  });

  it('R-MO-11: SMU deliveries per month, adding up to the year', async () => {
    const m = await monitor(`year=2020&municipality=${CBS}`);
    const months = find(m.rows, { metric: 'M-03', period: 'month', municipality: CBS, targetGroup: 'social_medical_urgent' });
    expect(months).toHaveLength(12);
    expect(months.reduce((s, r) => s + Number(r.value), 0)).toBe(541);
  });

  it('exports the same rows as CSV and XLSX (api.md: Accept)', async () => {
    const json = await monitor(`year=2020&municipality=${CBS}`);
    const res = await analyst.request('GET', `/api/v1/monitor?year=2020&municipality=${CBS}`, undefined, { accept: 'text/csv' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const rows = parse(res.body, { columns: true, delimiter: ';', bom: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(json.rows.length);
    const total = rows.find((r) => r.metric === 'M-03' && r.period === 'year' && r.municipality === CBS && !r.mainGroup && !r.targetGroup && !r.corporation && !r.outsideAgreement);
    expect(total?.value).toBe('1785');
    const xlsx = await analyst.request('GET', `/api/v1/monitor?year=2020&municipality=${CBS}`, undefined, { accept: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.getWorksheet('Monitor')!.rowCount).toBe(json.rows.length + 1);
  });

  it('R-MO-20: a programme analyst reads the monitor without any access to clients; bad filters are a 400 problem', async () => {
    expect((await analyst.get('/api/v1/clients')).statusCode).toBe(403);
    const bad = await analyst.get('/api/v1/monitor?year=2020&municipality=GM9999');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect((await analyst.get('/api/v1/monitor?year=20x0')).statusCode).toBe(400);
  });
});
