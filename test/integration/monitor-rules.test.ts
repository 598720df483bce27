/**
 * The counting rules of the monitor (monitor.md §6–§11) over HTTP on a small region:
 * two municipalities, corporations, placements with every move reason and route, a group
 * outside the agreement, released dwellings for the regional 10% check.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Agent, type TestContext } from '../support/harness.ts';
import type { MonitorResponse, MonitorRow } from '../../src/domain/monitor/model.ts';

let ctx: TestContext;
let analyst: Agent;
let corporationContact: Agent;

const A = 'GM9001'; // Veenhaven (demo)
const B = 'GM9002'; // Lindendal, same region

beforeAll(async () => {
  ctx = await startTestApp();
  analyst = await ctx.login('analist');
  corporationContact = await ctx.login('corporatie');
  const now = ctx.clock.now();
  const region = await ctx.db.selectFrom('regions').select('id').executeTakeFirstOrThrow();
  const veenhaven = await ctx.db.selectFrom('organisations').select('id').where('code', '=', 'GEM-VEENHAVEN').executeTakeFirstOrThrow();
  const lindendal = await ctx.db.insertInto('organisations').values({
    code: 'GEM-LINDENDAL', name: 'Gemeente Lindendal', type: 'municipality', parent_id: null, region_id: region.id, municipality_code: B,
    contact_role_label: null, email: null, phone: null, created_at: now, updated_at: now,
  }).returning('id').executeTakeFirstOrThrow();
  const linde = await ctx.db.selectFrom('organisations').select('id').where('code', '=', 'WC-LINDE').executeTakeFirstOrThrow();
  const haven = await ctx.db.selectFrom('organisations').select('id').where('code', '=', 'WC-HAVENWONINGEN').executeTakeFirstOrThrow();
  // R-MO-04 / R-MO-42: the pilot "Tijdelijk Onder Dak" is a group that does not count toward the agreement.
  await ctx.db.insertInto('target_groups').values({ code: 'temporary_shelter_pilot', main_group: 'MG-1', hierarchy_id: null, label_nl: 'Tijdelijk Onder Dak', label_en: 'Temporary shelter pilot', counts_toward_agreement: false, sort_order: 900 }).execute();
  await ctx.db.insertInto('agreements').values({ municipality_id: veenhaven.id, name: 'Afspraak', first_year: 2026, last_year: 2026, kind: 'absolute', yearly_number: 120, share: null, created_by: null, created_at: now, updated_at: now }).execute();

  let n = 0;
  const p = (muni: string, corp: string | null, tg: string, start: string | null, lease: string | null, extra: Record<string, unknown> = {}) => ({
    placement_id: `R-${++n}`, municipality_id: muni, corporation_id: corp, target_group: tg, active_mediation_date: start, lease_signed_date: lease,
    source: 'import' as const, created_at: now, updated_at: now, ...extra,
  });
  await ctx.db.insertInto('placements').values([
    p(veenhaven.id, linde.id, 'omslag_mobw_adult', '2026-01-05', '2026-02-10', { district: 'Stadsdeel Oost', neighbourhood: 'Oost 1' }),
    p(veenhaven.id, linde.id, 'omslag_mobw_adult', '2025-12-01', '2026-02-20', { district: 'Stadsdeel Oost', neighbourhood: 'Oost 2' }),
    p(veenhaven.id, haven.id, 'social_medical_urgent', '2025-09-01', '2026-01-15', { district: 'Stadsdeel Noord', neighbourhood: 'Noord 1' }),
    // R-MO-29/R-MO-30: a re-assessment move and a swap, counted apart.
    p(veenhaven.id, linde.id, 'omslag_mobw_adult', '2025-11-01', '2026-02-01', { move_reason: 'perspective_reassessment' }),
    p(veenhaven.id, haven.id, 'omslag_mobw_family', null, '2026-02-03', { move_reason: 'swap' }),
    // R-MO-31: the dwelling vacated by that move, let again to a programme household: a regular delivery.
    p(veenhaven.id, linde.id, 'omslag_young_adult', '2026-01-20', '2026-02-25'),
    // Outside the agreement (R-MO-04, R-MO-42).
    p(veenhaven.id, linde.id, 'temporary_shelter_pilot', '2026-01-02', '2026-02-05'),
    // Statushouders: two corporation dwellings (persons 3 and 4) and a housing project (2 persons, M-23a).
    p(veenhaven.id, linde.id, 'statushouder_regular', '2026-01-10', '2026-02-12', { persons: 3 }),
    p(lindendal.id, haven.id, 'statushouder_regular', '2026-01-10', '2026-02-14', { persons: 4 }),
    p(veenhaven.id, null, 'statushouder_regular', '2026-01-10', '2026-02-16', { persons: 2, route: 'housing_project' }),
    // Lindendal: one regular Omslag delivery.
    p(lindendal.id, haven.id, 'omslag_mobw_adult', '2026-01-01', '2026-02-18'),
  ]).execute();
  // M-10: released dwellings in February (Veenhaven 20, Lindendal 5): statushouders 2 of 25 = 8% regionally.
  await ctx.db.insertInto('released_dwellings').values([
    { municipality_id: veenhaven.id, corporation_id: linde.id, year: 2026, month: 2, dwellings: 12, updated_by: null, updated_at: now },
    { municipality_id: veenhaven.id, corporation_id: haven.id, year: 2026, month: 2, dwellings: 8, updated_by: null, updated_at: now },
    { municipality_id: lindendal.id, corporation_id: haven.id, year: 2026, month: 2, dwellings: 5, updated_by: null, updated_at: now },
  ]).execute();
});
afterAll(async () => ctx?.close());

async function monitor(agent: Agent, query: string): Promise<MonitorResponse> {
  const res = await agent.get(`/api/v1/monitor?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as MonitorResponse;
}
const DIMS: Array<keyof MonitorRow> = ['region', 'municipality', 'corporation', 'mainGroup', 'targetGroup', 'groupSet', 'planVersion', 'month', 'year', 'reportRow', 'outsideAgreement', 'measure', 'half', 'bucket', 'route', 'district', 'neighbourhood'];
function value(rows: MonitorRow[], match: Partial<MonitorRow>, unit?: string) {
  const hits = rows.filter((r) => DIMS.every((d) => r[d] === match[d]) && r.metric === match.metric && r.period === match.period && (!unit || r.unit === unit));
  expect(hits, JSON.stringify(match)).toHaveLength(1);
  return hits[0]!.value;
}

describe('monitor counting rules', () => {
  it('R-MO-41, R-MO-29, R-MO-30, M-18, M-19: moves and swaps appear only apart, never in M-03 or the wait base', async () => {
    const m = await monitor(analyst, `year=2026&month=2&municipality=${A}`);
    // Regular, counted, corporation dwellings in Veenhaven: 2 × MO/BW adult, SMU, young adult, statushouder = 5.
    expect(value(m.rows, { metric: 'M-03', period: 'year', municipality: A })).toBe(5);
    expect(value(m.rows, { metric: 'M-13', period: 'year', municipality: A })).toBe(5);
    expect(value(m.rows, { metric: 'M-18', period: 'year', municipality: A })).toBe(1);
    expect(value(m.rows, { metric: 'M-19', period: 'year', municipality: A })).toBe(1);
    expect(value(m.rows, { metric: 'M-03', period: 'year', municipality: A, mainGroup: 'MG-2', targetGroup: 'omslag_mobw_family' })).toBe(0);
  });

  it('R-MO-31: the dwelling vacated by a move, let again to a programme household, is a regular delivery', async () => {
    const m = await monitor(analyst, `year=2026&month=2&municipality=${A}`);
    expect(value(m.rows, { metric: 'M-03', period: 'year', municipality: A, mainGroup: 'MG-2', targetGroup: 'omslag_young_adult' })).toBe(1);
  });

  it('R-MO-04, R-MO-42: a group outside the agreement has its own line and stays out of the totals compared with M-01', async () => {
    const m = await monitor(analyst, `year=2026&month=2&municipality=${A}`);
    expect(value(m.rows, { metric: 'M-03', period: 'year', municipality: A, mainGroup: 'MG-1', targetGroup: 'temporary_shelter_pilot', outsideAgreement: true })).toBe(1);
    expect(value(m.rows, { metric: 'M-03', period: 'year', municipality: A, outsideAgreement: true })).toBe(1);
    expect(value(m.rows, { metric: 'M-03', period: 'year', municipality: A, mainGroup: 'MG-1' })).toBe(1); // SMU only
    expect(value(m.rows, { metric: 'M-04', period: 'year', municipality: A })).toBe(5 - 120);
  });

  it('R-MO-22, R-MO-23, R-MO-24: the wait runs from the start date to the lease, in calendar months', async () => {
    const m = await monitor(analyst, `year=2026&month=2&municipality=${A}&corporation=WC-LINDE`);
    // WC-LINDE, counted: adult 5 Jan→10 Feb (<3), adult 1 Dec→20 Feb (<3), young adult (<3), statushouder (<3).
    expect(value(m.rows, { metric: 'M-14', period: 'year', municipality: A })).toBe(100);
    const haven = await monitor(analyst, `year=2026&month=2&municipality=${A}&corporation=WC-HAVENWONINGEN`);
    // SMU 1 Sep → 15 Jan: 4.5 months, in 3–6.
    expect(value(haven.rows, { metric: 'M-15', period: 'year', municipality: A, mainGroup: 'MG-1', targetGroup: 'social_medical_urgent' })).toBe(100);
  });

  it('M-23, M-23a, M-21, R-MO-32: statushouders dwellings and persons kept apart; housing projects counted in persons only', async () => {
    const m = await monitor(analyst, `year=2026&month=2&municipality=${A}`);
    expect(value(m.rows, { metric: 'M-23', period: 'year', municipality: A, mainGroup: 'MG-3' })).toBe(1);
    expect(value(m.rows, { metric: 'M-23a', period: 'year', municipality: A })).toBe(2);
    expect(value(m.rows, { metric: 'M-21', period: 'half-year', municipality: A, half: 1, route: 'corporation_dwelling' })).toBe(3);
    expect(value(m.rows, { metric: 'M-21', period: 'half-year', municipality: A, half: 1, route: 'housing_project' })).toBe(2);
    expect(value(m.rows, { metric: 'M-21', period: 'year', municipality: A })).toBe(5);
  });

  it('M-26: placements per district and neighbourhood', async () => {
    const m = await monitor(analyst, `year=2026&month=2&municipality=${A}`);
    expect(value(m.rows, { metric: 'M-26', period: 'year', municipality: A, district: 'Stadsdeel Oost' })).toBe(2);
    expect(value(m.rows, { metric: 'M-26', period: 'year', municipality: A, district: 'Stadsdeel Oost', neighbourhood: 'Oost 2' })).toBe(1);
    expect(value(m.rows, { metric: 'M-26', period: 'year', municipality: A, district: 'Stadsdeel Oost', neighbourhood: 'Oost 2', mainGroup: 'MG-2' })).toBe(1);
  });

  it('R-MO-18, R-MO-37, R-MO-38: one instrument for the region: figures per municipality and corporation, a region total and the yearly regional export', async () => {
    const m = await monitor(analyst, 'year=2026&month=2&region=REGIO-VEENHAVEN');
    expect(value(m.rows, { metric: 'M-03', period: 'year', municipality: A })).toBe(5);
    expect(value(m.rows, { metric: 'M-03', period: 'year', municipality: B })).toBe(2);
    expect(value(m.rows, { metric: 'M-03', period: 'year', region: 'REGIO-VEENHAVEN' })).toBe(7);
    expect(value(m.rows, { metric: 'M-03', period: 'year', municipality: B, corporation: 'WC-HAVENWONINGEN' })).toBe(2);
    expect(Object.keys(m.labels.municipalities).sort()).toEqual([A, B]);
    const csv = await analyst.request('GET', '/api/v1/monitor?year=2026&region=REGIO-VEENHAVEN', undefined, { accept: 'text/csv' });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toContain('monitor-cijfers-regio-veenhaven-2026-');
    for (const id of ['M-20', 'M-21', 'M-22', 'M-23', 'M-24']) expect(csv.body).toContain(`${id};`);
  });

  it('M-10, M-11, M-24, R-MO-36: the regional statushouders share of released dwellings is a signal only above 10%, per region, municipality and corporation', async () => {
    const m = await monitor(analyst, `year=2026&month=2&municipality=${A}`);
    expect(value(m.rows, { metric: 'M-10', period: 'year', region: 'REGIO-VEENHAVEN' })).toBe(25);
    expect(value(m.rows, { metric: 'M-10', period: 'year', municipality: A })).toBe(20);
    // Region: 2 statushouder dwellings of 25 released = 8%, no signal.
    expect(value(m.rows, { metric: 'M-24', period: 'year', region: 'REGIO-VEENHAVEN' }, 'percent')).toBe(8);
    expect(value(m.rows, { metric: 'M-24', period: 'year', region: 'REGIO-VEENHAVEN' }, 'signal')).toBe('NOT_ABOVE_10_PERCENT');
    // Lindendal alone: 1 of 5 = 20%: the signal, never a block.
    const b = await monitor(analyst, `year=2026&month=2&municipality=${B}`);
    expect(value(b.rows, { metric: 'M-24', period: 'year', municipality: B }, 'signal')).toBe('ABOVE_10_PERCENT');
    expect(b.notes.find((n) => n.id === 'R-MO-36')!.text.nl).toContain('geen overschrijding');
    expect(value(m.rows, { metric: 'M-11', period: 'year', municipality: A })).toBe(25); // 5 of 20
  });

  it('R-MO-12, R-MO-17, M-06, M-07: the monthly monitor paces the year in twelfths and says on track or behind', async () => {
    const m = await monitor(analyst, `year=2026&month=2&municipality=${A}`);
    expect(m.asOf).toBe('2026-02-28');
    expect(value(m.rows, { metric: 'M-06', period: 'ytd', municipality: A })).toBe(20);
    expect(value(m.rows, { metric: 'M-07', period: 'ytd', municipality: A })).toBe('BEHIND');
    const jan = await monitor(analyst, `year=2026&month=1&municipality=${A}`);
    expect(value(jan.rows, { metric: 'M-03', period: 'ytd', municipality: A })).toBe(1);
  });

  it('R-MO-20, R-MO-21: every party reads the same aggregates; a corporation can narrow them to its own rows', async () => {
    const all = await monitor(corporationContact, `year=2026&month=2&municipality=${A}`);
    const own = await monitor(corporationContact, `year=2026&month=2&municipality=${A}&corporation=WC-LINDE`);
    expect(value(all.rows, { metric: 'M-03', period: 'year', municipality: A, corporation: 'WC-LINDE' })).toBe(value(own.rows, { metric: 'M-03', period: 'year', municipality: A }));
    expect(JSON.stringify(all)).not.toMatch(/firstName|lastName|birthDate|placementId/);
  });
});
