/**
 * R-MO-24, M-14…M-17: the wait buckets are computed in SQL — by the rollup trigger of migration 0005
 * (a lease signed before start + 3 calendar months is "within 3 months", before start + 6 months
 * "3–6 months", later "more than 6") and by the M-17 query (src/modules/monitor/queries.ts, the same
 * cut-offs for the wait elapsed at the month end). So they are tested here, through the database, at
 * their boundaries: the day before and the day of exactly 3 and 6 months, starts on a month end
 * (31 January + 3 months = 30 April), and leap days (30 November 2019 + 3 months = 29 February 2020;
 * 29 February 2020 + 3 months = 29 May). Every expectation below is written out by hand.
 *
 * Each case inserts its placements in a municipality of its own making (GM9088) and removes them again,
 * so the cases do not depend on each other or on the demo data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestApp, type Agent, type TestContext } from '../support/harness.ts';
import type { MonitorResponse, MonitorRow } from '../../src/domain/monitor/model.ts';

let ctx: TestContext;
let analyst: Agent;
let municipalityId: string;
let corporationId: string;
const CODE = 'GM9088';

beforeAll(async () => {
  ctx = await startTestApp();
  // Every month asked for is over, so M-17 stands at its month end (a running or future month stands at today: period.ts).
  ctx.clock.set('2030-01-15T09:00:00Z');
  analyst = await ctx.login('analist');
  const now = ctx.clock.now();
  const region = await ctx.db.selectFrom('regions').select('id').executeTakeFirstOrThrow();
  municipalityId = (await ctx.db.insertInto('organisations').values({
    code: 'GEM-WACHTTIJD', name: 'Gemeente Wachttijd', type: 'municipality', parent_id: null, region_id: region.id, municipality_code: CODE,
    contact_role_label: null, email: null, phone: null, created_at: now, updated_at: now,
  }).returning('id').executeTakeFirstOrThrow()).id;
  corporationId = (await ctx.db.selectFrom('organisations').select('id').where('code', '=', 'WC-LINDE').executeTakeFirstOrThrow()).id;
});
afterAll(async () => ctx?.close());

let n = 0;
/** Inserts placements (start, lease or null) in the test municipality, runs `f`, and deletes them again. */
async function withPlacements<T>(rows: Array<[start: string, lease: string | null]>, f: () => Promise<T>): Promise<T> {
  const now = ctx.clock.now();
  const ids = rows.map(() => `WAIT-${++n}`);
  await ctx.db.insertInto('placements').values(rows.map(([start, lease], i) => ({
    placement_id: ids[i]!, municipality_id: municipalityId, corporation_id: corporationId, target_group: 'omslag_mobw_adult',
    active_mediation_date: start, lease_signed_date: lease, source: 'import' as const, created_at: now, updated_at: now,
  }))).execute();
  try {
    return await f();
  } finally {
    await ctx.db.deleteFrom('placements').where('placement_id', 'in', ids).execute();
  }
}

/** The rollup's wait counts for the test municipality (all years). */
async function rollupWaits() {
  const { rows } = await sql<{ base: number; lt3: number; from3to6: number }>`
    SELECT coalesce(sum(wait_base), 0)::int AS base, coalesce(sum(wait_lt3), 0)::int AS lt3, coalesce(sum(wait_3to6), 0)::int AS from3to6
      FROM placement_month_counts WHERE municipality_id = ${municipalityId}`.execute(ctx.db);
  const r = rows[0]!;
  return { lt3: r.lt3, '3to6': r.from3to6, gt6: r.base - r.lt3 - r.from3to6 };
}

async function monitor(query: string): Promise<MonitorResponse> {
  const res = await analyst.get(`/api/v1/monitor?${query}&municipality=${CODE}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as MonitorResponse;
}
/** The municipality's total row of a metric (no group, corporation or other dimension). */
const DIMS: Array<keyof MonitorRow> = ['region', 'corporation', 'mainGroup', 'targetGroup', 'groupSet', 'planVersion', 'year', 'reportRow', 'outsideAgreement', 'measure', 'half', 'route', 'district', 'neighbourhood'];
const totals = (rows: MonitorRow[], metric: string) => rows.filter((r) => r.metric === metric && r.municipality === CODE && DIMS.every((d) => r[d] === undefined));

type Bucket = 'lt3' | '3to6' | 'gt6';
const one = (b: Bucket) => ({ lt3: b === 'lt3' ? 1 : 0, '3to6': b === '3to6' ? 1 : 0, gt6: b === 'gt6' ? 1 : 0 });

describe('R-MO-24: the rollup buckets a signed lease by calendar months since the start (migration 0005)', () => {
  const cases: Array<[start: string, lease: string, bucket: Bucket, why: string]> = [
    ['2021-03-01', '2021-03-01', 'lt3', 'let on the start day'],
    ['2021-01-15', '2021-04-14', 'lt3', 'the day before exactly 3 months'],
    ['2021-01-15', '2021-04-15', '3to6', 'exactly 3 months: no longer within 3'],
    ['2021-01-15', '2021-07-14', '3to6', 'the day before exactly 6 months'],
    ['2021-01-15', '2021-07-15', 'gt6', 'exactly 6 months: more than 6'],
    ['2021-01-31', '2021-04-29', 'lt3', 'month end: 31 Jan + 3 months is 30 Apr'],
    ['2021-01-31', '2021-04-30', '3to6', 'month end: 30 Apr is exactly 3 months after 31 Jan'],
    ['2021-08-31', '2022-02-27', '3to6', 'month end: 31 Aug + 6 months is 28 Feb 2022'],
    ['2021-08-31', '2022-02-28', 'gt6', 'month end: 28 Feb 2022 is exactly 6 months after 31 Aug'],
    ['2019-11-30', '2020-02-28', 'lt3', 'leap year: 30 Nov 2019 + 3 months is 29 Feb 2020'],
    ['2019-11-30', '2020-02-29', '3to6', 'leap day: exactly 3 months after 30 Nov 2019'],
    ['2022-11-30', '2023-02-27', 'lt3', 'no leap year: 30 Nov 2022 + 3 months is 28 Feb 2023'],
    ['2022-11-30', '2023-02-28', '3to6', 'no leap year: 28 Feb 2023 is exactly 3 months'],
    ['2020-02-29', '2020-05-28', 'lt3', 'start on a leap day: + 3 months is 29 May'],
    ['2020-02-29', '2020-05-29', '3to6', 'start on a leap day: exactly 3 months'],
    ['2020-02-29', '2020-08-28', '3to6', 'start on a leap day: the day before 6 months'],
    ['2020-02-29', '2020-08-29', 'gt6', 'start on a leap day: exactly 6 months'],
  ];
  for (const [start, lease, bucket, why] of cases) {
    it(`R-MO-24: ${start} → ${lease} is ${bucket} (${why})`, async () => {
      expect(await rollupWaits()).toEqual({ lt3: 0, '3to6': 0, gt6: 0 });
      expect(await withPlacements([[start, lease]], rollupWaits)).toEqual(one(bucket));
    });
  }

  it('M-14, M-15, M-16 over HTTP: a year with one lease on each side of exactly 3 and 6 months reads 25% / 50% / 25%', async () => {
    const m = await withPlacements([['2021-01-15', '2021-04-14'], ['2021-01-15', '2021-04-15'], ['2021-01-15', '2021-07-14'], ['2021-01-15', '2021-07-15']], () => monitor('year=2021&month=12'));
    const year = (metric: string) => totals(m.rows, metric).filter((r) => r.period === 'year').map((r) => r.value);
    expect(year('M-13')).toEqual([4]);
    expect(year('M-14')).toEqual([25]);
    expect(year('M-15')).toEqual([50]);
    expect(year('M-16')).toEqual([25]);
  });
});

describe('M-17, R-MO-24: households still waiting at the month end, bucketed by the wait elapsed (monitor query)', () => {
  const cases: Array<[year: number, month: number, start: string, bucket: Bucket, why: string]> = [
    [2026, 2, '2025-12-01', 'lt3', 'as of 28 Feb 2026: 1 Dec + 3 months is 1 Mar'],
    [2026, 2, '2025-11-28', '3to6', 'as of 28 Feb 2026: exactly 3 months'],
    [2026, 2, '2025-11-30', '3to6', 'as of 28 Feb 2026: 30 Nov + 3 months clamps to 28 Feb'],
    [2026, 2, '2025-09-01', '3to6', 'as of 28 Feb 2026: the day before 6 months'],
    [2026, 2, '2025-08-28', 'gt6', 'as of 28 Feb 2026: exactly 6 months'],
    [2026, 2, '2025-08-31', 'gt6', 'as of 28 Feb 2026: 31 Aug + 6 months clamps to 28 Feb'],
    [2024, 2, '2023-12-01', 'lt3', 'as of leap day 29 Feb 2024: less than 3 months'],
    [2024, 2, '2023-11-29', '3to6', 'as of leap day 29 Feb 2024: exactly 3 months'],
    [2024, 2, '2023-11-30', '3to6', 'as of leap day 29 Feb 2024: 30 Nov + 3 months clamps to 29 Feb'],
    [2024, 2, '2023-08-30', 'gt6', 'as of leap day 29 Feb 2024: 30 Aug + 6 months clamps to 29 Feb'],
    [2024, 2, '2023-09-01', '3to6', 'as of leap day 29 Feb 2024: the day before 6 months'],
    [2026, 4, '2026-01-31', '3to6', 'as of 30 Apr 2026: 31 Jan + 3 months is 30 Apr'],
    [2026, 4, '2026-02-01', 'lt3', 'as of 30 Apr 2026: 1 Feb + 3 months is 1 May'],
  ];
  for (const [year, month, start, bucket, why] of cases) {
    it(`M-17: waiting since ${start}, month ${year}-${String(month).padStart(2, '0')}: ${bucket} (${why})`, async () => {
      // Not let at all, and let only after the month end: both are still waiting then.
      const m = await withPlacements([[start, null], [start, `${year + 1}-01-15`]], () => monitor(`year=${year}&month=${month}`));
      const got = Object.fromEntries(totals(m.rows, 'M-17').filter((r) => r.period === 'month-end').map((r) => [r.bucket, r.value]));
      expect(got).toEqual({ [bucket]: 2 });
    });
  }
});
