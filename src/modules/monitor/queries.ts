/**
 * The monitor's counting, in SQL: three GROUPING SETS statements (year, corporation, month) over
 * a year of the monthly rollup placement_month_counts (kept by triggers on placements in each write's own transaction,
 * migration 0005), the households waiting at the month end and the areas from placements
 * through narrow partial indexes, plus small queries on the inputs (plans, released dwellings,
 * quotas). Nothing here loads placements into JavaScript; every result row is an aggregate.
 *
 * A counted placement (M-03) is: move_reason = regular, a lease date in the period, a
 * corporation dwelling (statushouders in housing projects are counted apart, M-23a) and a
 * target group that counts toward the agreement (R-MO-41, R-MO-42).
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';

type Db = Kysely<Database>;

export interface Scope {
  year: number;
  month: number;
  /** First and last day of the year; asOf = the end of the selected month. */
  from: string;
  to: string;
  asOf: string;
  /** null = every municipality. */
  municipalityIds: string[] | null;
  corporationId: string | null;
  /** The scope is one municipality: month rows per target group are included (R-MO-11). */
  single: boolean;
  /** The scope covers whole regions (no municipality filter): region rows come from the same pass. */
  wholeRegions: boolean;
}

/** Dimensions of the main pass, in GROUPING() bit order (leftmost = most significant). */
export const DIMS = ['rg', 'mu', 'co', 'mg', 'tg', 'm', 'di', 'nb'] as const;
export type Dim = (typeof DIMS)[number];

export interface DeliveryAggregate {
  g: number;
  rg: string | null; mu: string | null; co: string | null; mg: string | null; tg: string | null;
  m: number | null; di: string | null; nb: string | null;
  delivered: number; delivered_ytd: number;
  outside: number; outside_ytd: number;
  wait_base: number; wait_lt3: number; wait_3to6: number;
  wait_base_ytd: number; wait_lt3_ytd: number; wait_3to6_ytd: number;
  reassess: number; reassess_ytd: number; swaps: number; swaps_ytd: number;
  wheelchair: number;
  sh_h1: number; sh_h2: number; proj_h1: number; proj_h2: number;
}

/** Which dimensions a GROUPING() value keeps (bit = 0 means the column is grouped on). */
export function dimsOf(g: number): Set<Dim> {
  return groupedBy(g, DIMS);
}

/** The columns a GROUPING(c1, …, cn) value groups on, for any column order (leftmost = most significant bit). */
export function groupedBy<D extends string>(g: number, columns: ReadonlyArray<D>): Set<D> {
  const out = new Set<D>();
  columns.forEach((d, i) => {
    if (((g >> (columns.length - 1 - i)) & 1) === 0) out.add(d);
  });
  return out;
}


function placementFilter(scope: Scope, alias = 'p'): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [];
  if (scope.municipalityIds) parts.push(sql`AND ${sql.ref(`${alias}.municipality_id`)} = ANY(${scope.municipalityIds}::uuid[])`);
  if (scope.corporationId) parts.push(sql`AND ${sql.ref(`${alias}.corporation_id`)} = ${scope.corporationId}`);
  return parts.length ? sql.join(parts, sql` `) : sql``;
}

/** Rollup rows that count anything (a key whose placements all went again stays, at zero). */
const NON_ZERO = sql.raw(`(c.households <> 0 OR c.project_households <> 0 OR c.reassess <> 0 OR c.swaps <> 0)`);

const COUNTERS = [
  'delivered', 'delivered_ytd', 'outside', 'outside_ytd', 'wait_base', 'wait_lt3', 'wait_3to6', 'wait_base_ytd', 'wait_lt3_ytd', 'wait_3to6_ytd',
  'reassess', 'reassess_ytd', 'swaps', 'swaps_ytd', 'wheelchair', 'sh_h1', 'sh_h2', 'proj_h1', 'proj_h2',
] as const;

/** g of an output row: bit = 1 where the dimension is summed away; a number = fixed, a string = GROUPING(column). */
function gOf(bits: Record<'rg' | 'mu' | 'co' | 'mg' | 'tg' | 'm', 0 | 1 | string>): RawBuilder<unknown> {
  return sql.raw(`((${(['rg', 'mu', 'co', 'mg', 'tg', 'm'] as const).map((d, i) => {
    const v = bits[d];
    return typeof v === 'number' ? String(v << (5 - i)) : `(GROUPING(${v}) << ${5 - i})`;
  }).join(' | ')}) << 2) | 3`);
}

/**
 * The main pass: M-03, M-13..M-16, M-18, M-19, M-21, M-23, M-23a, M-25 counts for the year, and
 * M-26 per district and neighbourhood. The database keeps the counts per municipality ×
 * corporation × target group × month in placement_month_counts (migration 0005). Three
 * independent statements, sent together (each on its own connection of the pool), each first
 * folding the year's rollup rows onto the keys its grouping sets need (plain sums on the raw key
 * columns, before any join), then joining target groups (main group, counts toward the agreement)
 * and regions on those few rows, and summing only the counters its rows are read for:
 *
 *   year      (mu, tg)     → (), (mu), (mg), (mg, tg), (mu, mg), (mu, mg, tg), (rg), (rg, mg)   every counter
 *   corporation (mu, co, tg) → (co), (mu, co), (mu, co, mg)                                       M-03, M-18, M-19, M-25
 *   month     (mu, tg, m)  → (m), (mg, m), (tg, mg, m), (mu, m), (mu, mg, m) [one municipality:
 *                            also (mu, mg, tg, m), R-MO-11]                                         M-03, M-23
 *
 * Every output row carries g = GROUPING(rg, mu, co, mg, tg, m, di, nb) as dimsOf decodes it; the
 * counters a statement does not sum are 0 in its rows. Rows of housing projects (no corporation)
 * are left out of the corporation sets: a corporation row needs a corporation.
 */
export async function deliveryAggregates(db: Db, scope: Scope): Promise<DeliveryAggregate[]> {
  const where = sql`c.year = ${scope.year} AND ${NON_ZERO} ${placementFilter(scope, 'c')}`;
  const ytd = sql`c.month <= ${scope.month}`;
  const year = sql<DeliveryAggregate>`
    WITH k AS (
      SELECT c.municipality_id AS mu, c.target_group AS tg,
             sum(c.households)::int AS h, sum(c.households) FILTER (WHERE ${ytd})::int AS h_ytd,
             sum(c.wait_base)::int AS wb, sum(c.wait_lt3)::int AS w3, sum(c.wait_3to6)::int AS w6,
             sum(c.wait_base) FILTER (WHERE ${ytd})::int AS wb_ytd, sum(c.wait_lt3) FILTER (WHERE ${ytd})::int AS w3_ytd, sum(c.wait_3to6) FILTER (WHERE ${ytd})::int AS w6_ytd,
             sum(c.reassess)::int AS ra, sum(c.reassess) FILTER (WHERE ${ytd})::int AS ra_ytd, sum(c.swaps)::int AS sw, sum(c.swaps) FILTER (WHERE ${ytd})::int AS sw_ytd,
             sum(c.wheelchair)::int AS wc,
             sum(c.persons) FILTER (WHERE c.month <= 6)::int AS p1, sum(c.persons) FILTER (WHERE c.month > 6)::int AS p2,
             sum(c.project_persons) FILTER (WHERE c.month <= 6)::int AS pp1, sum(c.project_persons) FILTER (WHERE c.month > 6)::int AS pp2
        FROM placement_month_counts c WHERE ${where}
       GROUP BY 1, 2
    ), r AS (
      SELECT o.region_id AS rg, k.mu, t.main_group AS mg, k.tg, t.counts_toward_agreement AS ct, t.main_group = 'MG-3' AS sh,
             k.h, k.h_ytd, k.wb, k.w3, k.w6, k.wb_ytd, k.w3_ytd, k.w6_ytd, k.ra, k.ra_ytd, k.sw, k.sw_ytd, k.wc, k.p1, k.p2, k.pp1, k.pp2
        FROM k JOIN target_groups t ON t.code = k.tg JOIN organisations o ON o.id = k.mu
    )
    SELECT ${gOf({ rg: 'rg', mu: 'mu', co: 1, mg: 'mg', tg: 'tg', m: 1 })} AS g, rg, mu, NULL::uuid AS co, mg, tg, NULL::int AS m,
           coalesce(sum(h) FILTER (WHERE ct), 0)::int AS delivered, coalesce(sum(h_ytd) FILTER (WHERE ct), 0)::int AS delivered_ytd,
           coalesce(sum(h) FILTER (WHERE NOT ct), 0)::int AS outside, coalesce(sum(h_ytd) FILTER (WHERE NOT ct), 0)::int AS outside_ytd,
           coalesce(sum(wb) FILTER (WHERE ct), 0)::int AS wait_base, coalesce(sum(w3) FILTER (WHERE ct), 0)::int AS wait_lt3,
           coalesce(sum(w6) FILTER (WHERE ct), 0)::int AS wait_3to6, coalesce(sum(wb_ytd) FILTER (WHERE ct), 0)::int AS wait_base_ytd,
           coalesce(sum(w3_ytd) FILTER (WHERE ct), 0)::int AS wait_lt3_ytd, coalesce(sum(w6_ytd) FILTER (WHERE ct), 0)::int AS wait_3to6_ytd,
           sum(ra)::int AS reassess, coalesce(sum(ra_ytd), 0)::int AS reassess_ytd, sum(sw)::int AS swaps, coalesce(sum(sw_ytd), 0)::int AS swaps_ytd,
           sum(wc)::int AS wheelchair,
           coalesce(sum(p1) FILTER (WHERE sh), 0)::int AS sh_h1, coalesce(sum(p2) FILTER (WHERE sh), 0)::int AS sh_h2,
           coalesce(sum(pp1) FILTER (WHERE sh), 0)::int AS proj_h1, coalesce(sum(pp2) FILTER (WHERE sh), 0)::int AS proj_h2
      FROM r
     GROUP BY GROUPING SETS ((), (mu), (mg), (mg, tg), (mu, mg), (mu, mg, tg), (rg), (rg, mg))`;
  const corporation = sql<DeliveryAggregate>`
    WITH k AS (
      SELECT c.municipality_id AS mu, c.corporation_id AS co, c.target_group AS tg,
             sum(c.households)::int AS h, sum(c.households) FILTER (WHERE ${ytd})::int AS h_ytd,
             sum(c.reassess)::int AS ra, sum(c.reassess) FILTER (WHERE ${ytd})::int AS ra_ytd, sum(c.swaps)::int AS sw, sum(c.swaps) FILTER (WHERE ${ytd})::int AS sw_ytd,
             sum(c.wheelchair)::int AS wc
        FROM placement_month_counts c WHERE ${where} AND c.corporation_id IS NOT NULL
       GROUP BY 1, 2, 3
    ), r AS (
      SELECT k.mu, k.co, t.main_group AS mg, t.counts_toward_agreement AS ct, k.h, k.h_ytd, k.ra, k.ra_ytd, k.sw, k.sw_ytd, k.wc
        FROM k JOIN target_groups t ON t.code = k.tg
    )
    SELECT ${gOf({ rg: 1, mu: 'mu', co: 0, mg: 'mg', tg: 1, m: 1 })} AS g, NULL::uuid AS rg, mu, co, mg, NULL::text AS tg, NULL::int AS m,
           coalesce(sum(h) FILTER (WHERE ct), 0)::int AS delivered, coalesce(sum(h_ytd) FILTER (WHERE ct), 0)::int AS delivered_ytd,
           coalesce(sum(h) FILTER (WHERE NOT ct), 0)::int AS outside, coalesce(sum(h_ytd) FILTER (WHERE NOT ct), 0)::int AS outside_ytd,
           sum(ra)::int AS reassess, coalesce(sum(ra_ytd), 0)::int AS reassess_ytd, sum(sw)::int AS swaps, coalesce(sum(sw_ytd), 0)::int AS swaps_ytd,
           sum(wc)::int AS wheelchair
      FROM r
     GROUP BY GROUPING SETS ((co), (mu, co), (mu, co, mg))`;
  const month = sql<DeliveryAggregate>`
    WITH k AS (
      SELECT c.municipality_id AS mu, c.target_group AS tg, c.month::int AS m, sum(c.households)::int AS h
        FROM placement_month_counts c WHERE ${where}
       GROUP BY 1, 2, 3
    ), r AS (
      SELECT k.mu, t.main_group AS mg, k.tg, k.m, t.counts_toward_agreement AS ct, k.h FROM k JOIN target_groups t ON t.code = k.tg
    )
    SELECT ${gOf({ rg: 1, mu: 'mu', co: 1, mg: 'mg', tg: 'tg', m: 0 })} AS g, NULL::uuid AS rg, mu, NULL::uuid AS co, mg, tg, m,
           coalesce(sum(h) FILTER (WHERE ct), 0)::int AS delivered, coalesce(sum(h) FILTER (WHERE NOT ct), 0)::int AS outside
      FROM r
     GROUP BY GROUPING SETS ((m), (mg, m), (tg, mg, m), (mu, m), (mu, mg, m)${sql.raw(scope.single ? ', (mu, mg, tg, m)' : '')})`;
  // M-26: counted placements per district and neighbourhood (only where the placements carry them).
  const areas = sql<{ g: number; mu: string; mg: string | null; di: string; nb: string | null; delivered: number }>`
    SELECT (1 << 7) | (1 << 5) | (GROUPING(tg.main_group) << 4) | (1 << 3) | (1 << 2) | GROUPING(p.neighbourhood) AS g,
           p.municipality_id AS mu, tg.main_group AS mg, p.district AS di, p.neighbourhood AS nb, count(*)::int AS delivered
      FROM placements p JOIN target_groups tg ON tg.code = p.target_group
     WHERE p.district IS NOT NULL AND p.lease_signed_date >= ${scope.from}::date AND p.lease_signed_date <= ${scope.to}::date
       AND p.move_reason = 'regular' AND p.route = 'corporation_dwelling' AND tg.counts_toward_agreement ${placementFilter(scope)}
     GROUP BY GROUPING SETS ((p.municipality_id, p.district), (p.municipality_id, p.district, p.neighbourhood),
                             (p.municipality_id, p.district, p.neighbourhood, tg.main_group))`;
  // Enough memory for the planner to hash the grouping sets instead of sorting for each.
  const hashed = <R>(q: RawBuilder<R>) => db.transaction().execute(async (trx) => {
    await sql`SET LOCAL work_mem = '32MB'`.execute(trx);
    return (await q.execute(trx)).rows;
  });
  const [yearRows, corporationRows, monthRows, areaRows] = await Promise.all([
    hashed(year), hashed(corporation), hashed(month), areas.execute(db).then((r) => r.rows),
  ]);
  const rows: DeliveryAggregate[] = yearRows;
  const fill = (r: Partial<DeliveryAggregate>) => {
    for (const c of COUNTERS) r[c] ??= 0;
    return r as DeliveryAggregate;
  };
  for (const r of corporationRows) rows.push(fill(r));
  for (const r of monthRows) rows.push(fill(r));
  for (const a of areaRows) rows.push(fill({ g: a.g, rg: null, mu: a.mu, co: null, mg: a.mg, tg: null, m: null, di: a.di, nb: a.nb, delivered: a.delivered }));
  return rows;
}

export interface PreviousYearWait { g: number; mu: string | null; mg: string | null; tg: string | null; wait_base: number; wait_lt3: number }

/** R-MO-28: the previous year's share within 3 months, alongside (from the monthly rollup). */
export async function previousYearWait(db: Db, scope: Scope): Promise<PreviousYearWait[]> {
  const { rows } = await sql<PreviousYearWait>`
    WITH c AS (
      SELECT c.municipality_id, c.target_group, sum(c.wait_base)::int AS wait_base, sum(c.wait_lt3)::int AS wait_lt3
        FROM placement_month_counts c
       WHERE c.year = ${scope.year - 1} AND c.households <> 0 ${placementFilter(scope, 'c')}
       GROUP BY c.municipality_id, c.target_group
    )
    SELECT GROUPING(c.municipality_id, tg.main_group, c.target_group) AS g, c.municipality_id AS mu, tg.main_group AS mg, c.target_group AS tg,
      sum(c.wait_base)::int AS wait_base, sum(c.wait_lt3)::int AS wait_lt3
      FROM c JOIN target_groups tg ON tg.code = c.target_group
     WHERE tg.counts_toward_agreement
     GROUP BY GROUPING SETS ((), (tg.main_group), (tg.main_group, c.target_group), (c.municipality_id), (c.municipality_id, tg.main_group), (c.municipality_id, tg.main_group, c.target_group))`.execute(db);
  return rows;
}

export interface WaitingAggregate { g: number; mu: string | null; mg: string | null; tg: string | null; bucket: 'lt3' | '3to6' | 'gt6'; households: number }

/** M-17: households with a start date and no signed lease at the end of the selected month, by elapsed wait. */
export async function waitingAggregates(db: Db, scope: Scope): Promise<WaitingAggregate[]> {
  const asOf = scope.asOf;
  // Two index range scans instead of a scan of every placement: households let after the month
  // end (placements_let_idx) and households not let at all (placements_open_idx).
  const { rows } = await sql<WaitingAggregate>`
    WITH w0 AS (
      SELECT p.municipality_id AS mu, p.target_group AS code, p.active_mediation_date AS s
        FROM placements p
       WHERE p.lease_signed_date > ${asOf}::date AND p.active_mediation_date <= ${asOf}::date AND p.move_reason = 'regular' ${placementFilter(scope)}
      UNION ALL
      SELECT p.municipality_id, p.target_group, p.active_mediation_date
        FROM placements p
       WHERE p.lease_signed_date IS NULL AND p.active_mediation_date <= ${asOf}::date AND p.move_reason = 'regular' ${placementFilter(scope)}
    ), w1 AS (
      -- Counted once per municipality × target group × bucket, then summed over the grouping sets.
      SELECT w0.mu, w0.code,
             CASE WHEN ${asOf}::date < w0.s + interval '3 months' THEN 'lt3'
                  WHEN ${asOf}::date < w0.s + interval '6 months' THEN '3to6' ELSE 'gt6' END AS bucket,
             count(*) AS n
        FROM w0 GROUP BY 1, 2, 3
    ), w AS (
      SELECT w1.mu, tg.main_group AS mg, w1.code AS tg, w1.bucket, w1.n FROM w1 JOIN target_groups tg ON tg.code = w1.code
    )
    SELECT GROUPING(mu, mg, tg) AS g, mu, mg, tg, bucket, sum(n)::int AS households
      FROM w
     GROUP BY GROUPING SETS ((bucket), (mg, bucket), (mg, tg, bucket), (mu, bucket), (mu, mg, bucket), (mu, mg, tg, bucket))`.execute(db);
  return rows;
}

export interface AgreementRow {
  agreement_id: string; municipality_id: string; name: string; kind: 'absolute' | 'share'; yearly_number: number | null; share: string | null;
  tolerance: string; distribute_over_corporations: boolean;
}
export interface PlanVersionRow {
  id: string; agreement_id: string; version_no: number; decision_date: string; effective_from: string; reason: string; is_initial: boolean; is_current: boolean;
}
export interface PlanLineRow {
  plan_version_id: string; level: 'main_group' | 'target_group' | 'group_set'; main_group: string | null; target_group: string | null;
  group_set_name: string | null; group_set_codes: string[] | null; corporation_id: string | null; dwellings: number;
}

export async function agreementsFor(db: Db, scope: Scope) {
  const muni = scope.municipalityIds ? sql`AND a.municipality_id = ANY(${scope.municipalityIds}::uuid[])` : sql``;
  const { rows: agreements } = await sql<AgreementRow>`
    SELECT a.id AS agreement_id, a.municipality_id, a.name, a.kind, a.yearly_number, a.share::text AS share, a.tolerance::text AS tolerance, a.distribute_over_corporations
      FROM agreements a WHERE ${scope.year} BETWEEN a.first_year AND a.last_year ${muni}`.execute(db);
  const ids = agreements.map((a) => a.agreement_id);
  if (!ids.length) return { agreements, versions: [] as PlanVersionRow[], lines: [] as PlanLineRow[], targets: [] as Array<{ agreement_id: string; corporation_id: string; dwellings: number }> };
  const { rows: versions } = await sql<PlanVersionRow>`
    SELECT v.id, v.agreement_id, v.version_no, v.decision_date::text AS decision_date, v.effective_from::text AS effective_from, v.reason,
           v.version_no = min(v.version_no) OVER (PARTITION BY v.agreement_id) AS is_initial,
           v.version_no = max(v.version_no) OVER (PARTITION BY v.agreement_id) AS is_current
      FROM plan_versions v WHERE v.agreement_id = ANY(${ids}::uuid[]) AND v.year = ${scope.year}`.execute(db);
  const used = versions.filter((v) => v.is_initial || v.is_current).map((v) => v.id);
  const { rows: lines } = used.length
    ? await sql<PlanLineRow>`SELECT plan_version_id, level, main_group, target_group, group_set_name, group_set_codes, corporation_id, dwellings FROM plan_lines WHERE plan_version_id = ANY(${used}::uuid[]) ORDER BY position, id`.execute(db)
    : { rows: [] as PlanLineRow[] };
  const { rows: targets } = await sql<{ agreement_id: string; corporation_id: string; dwellings: number }>`
    SELECT agreement_id, corporation_id, dwellings FROM corporation_targets WHERE agreement_id = ANY(${ids}::uuid[]) AND year = ${scope.year}`.execute(db);
  return { agreements, versions, lines, targets };
}

export interface ReleasedRow { g: number; rg: string | null; mu: string | null; co: string | null; month: number | null; year_total: number; ytd: number }

/** M-10: released social rent dwellings (input), by region, municipality, corporation and month. */
export async function releasedAggregates(db: Db, scope: Scope, regionIds: string[]): Promise<ReleasedRow[]> {
  const muni = scope.municipalityIds ? sql`(r.municipality_id = ANY(${scope.municipalityIds}::uuid[]) OR o.region_id = ANY(${regionIds}::uuid[]))` : sql`true`;
  const { rows } = await sql<ReleasedRow>`
    SELECT GROUPING(o.region_id, r.municipality_id, r.corporation_id, r.month) AS g, o.region_id AS rg, r.municipality_id AS mu, r.corporation_id AS co, r.month,
           sum(r.dwellings)::int AS year_total, coalesce(sum(r.dwellings) FILTER (WHERE r.month <= ${scope.month}), 0)::int AS ytd
      FROM released_dwellings r JOIN organisations o ON o.id = r.municipality_id
     WHERE r.year = ${scope.year} AND ${muni}
     GROUP BY GROUPING SETS ((o.region_id), (r.municipality_id), (r.municipality_id, r.corporation_id), (r.municipality_id, r.month))`.execute(db);
  return rows;
}

/** M-24: statushouder dwellings (MG-3, regular, corporation dwellings) per region, over every municipality of the region. */
export async function regionalStatushouderDwellings(db: Db, scope: Scope, regionIds: string[]) {
  if (!regionIds.length) return [] as Array<{ rg: string; year_total: number; ytd: number }>;
  const { rows } = await sql<{ rg: string; year_total: number; ytd: number }>`
    SELECT o.region_id AS rg, sum(c.households)::int AS year_total, coalesce(sum(c.households) FILTER (WHERE c.month <= ${scope.month}), 0)::int AS ytd
      FROM placement_month_counts c JOIN target_groups tg ON tg.code = c.target_group JOIN organisations o ON o.id = c.municipality_id
     WHERE c.year = ${scope.year} AND c.households <> 0 AND tg.main_group = 'MG-3' AND o.region_id = ANY(${regionIds}::uuid[])
     GROUP BY o.region_id`.execute(db);
  return rows;
}

export interface QuotaRow { municipality_id: string; year: number; half: number; persons: number; version_no: number }

/** M-20..M-22: the current quota version per half-year, the opening backlog and persons housed in earlier years. */
export async function statushouderInputs(db: Db, scope: Scope) {
  const muni = (col: string) => (scope.municipalityIds ? sql`AND ${sql.ref(col)} = ANY(${scope.municipalityIds}::uuid[])` : sql``);
  const { rows: openings } = await sql<{ municipality_id: string; year: number; persons: number }>`
    SELECT municipality_id, year, persons FROM statushouder_opening_backlogs b WHERE b.year <= ${scope.year} ${muni('b.municipality_id')}`.execute(db);
  const firstYear = Math.min(scope.year, ...openings.map((o) => o.year));
  // The three statements below depend only on firstYear: sent together (each on its own connection of the pool).
  const quotasQuery = sql<QuotaRow>`
    SELECT DISTINCT ON (municipality_id, year, half) municipality_id, year, half, persons, version_no
      FROM statushouder_quotas q WHERE q.year BETWEEN ${firstYear} AND ${scope.year} ${muni('q.municipality_id')}
     ORDER BY municipality_id, year, half, version_no DESC`.execute(db);
  // Persons housed in the years before the selected one (the selected year comes from the main pass).
  const earlierQuery = firstYear < scope.year
    ? sql<{ municipality_id: string; year: number; persons: number }>`
        SELECT c.municipality_id, c.year::int AS year, sum(c.persons + c.project_persons)::int AS persons
          FROM placement_month_counts c
         WHERE c.target_group = ANY(ARRAY(SELECT code FROM target_groups WHERE main_group = 'MG-3'))
           AND c.year >= ${firstYear} AND c.year < ${scope.year} ${muni('c.municipality_id')}
         GROUP BY 1, 2 HAVING sum(c.persons + c.project_persons) <> 0`.execute(db)
    : Promise.resolve({ rows: [] as Array<{ municipality_id: string; year: number; persons: number }> });
  // M-22a: statushouder persons with a dwelling allocated and no signed lease at the half-year ends of the year.
  // Two range scans of placements_allocated_idx: allocated and not let at all, or let after the first half-year end.
  const h1 = `${scope.year}-06-30`;
  const allocatedQuery = sql<{ municipality_id: string; h1: number; h2: number }>`
    WITH a AS (
      SELECT p.municipality_id, p.target_group, p.persons, p.allocated_on, p.lease_signed_date
        FROM placements p WHERE p.allocated_on IS NOT NULL AND p.lease_signed_date IS NULL AND p.allocated_on <= ${scope.to}::date ${muni('p.municipality_id')}
      UNION ALL
      SELECT p.municipality_id, p.target_group, p.persons, p.allocated_on, p.lease_signed_date
        FROM placements p WHERE p.allocated_on IS NOT NULL AND p.lease_signed_date > ${h1}::date AND p.allocated_on <= ${scope.to}::date ${muni('p.municipality_id')}
    )
    SELECT a.municipality_id,
           coalesce(sum(a.persons) FILTER (WHERE a.allocated_on <= ${h1}::date AND (a.lease_signed_date IS NULL OR a.lease_signed_date > ${h1}::date)), 0)::int AS h1,
           coalesce(sum(a.persons) FILTER (WHERE a.lease_signed_date IS NULL OR a.lease_signed_date > ${scope.to}::date), 0)::int AS h2
      FROM a JOIN target_groups tg ON tg.code = a.target_group
     WHERE tg.main_group = 'MG-3'
     GROUP BY a.municipality_id`.execute(db);
  const [{ rows: quotas }, { rows: earlier }, { rows: allocated }] = await Promise.all([quotasQuery, earlierQuery, allocatedQuery]);
  return { openings, quotas, earlier, allocated };
}

export async function municipalInputs(db: Db, scope: Scope) {
  const muni = (col: string) => (scope.municipalityIds ? sql`AND ${sql.ref(col)} = ANY(${scope.municipalityIds}::uuid[])` : sql``);
  const { rows: need } = await sql<{ municipality_id: string; main_group: string; dwellings: number }>`
    SELECT municipality_id, main_group, dwellings FROM estimated_need n WHERE n.year = ${scope.year} ${muni('n.municipality_id')}`.execute(db);
  const { rows: units } = await sql<{ municipality_id: string; target_units: number; cumulative_units: number; delivered_units: number }>`
    SELECT municipality_id, target_units, cumulative_units, delivered_units FROM young_statushouder_units u WHERE u.year = ${scope.year} ${muni('u.municipality_id')}`.execute(db);
  const { rows: stock } = await sql<{ municipality_id: string; corporation_id: string; dwellings: number }>`
    SELECT municipality_id, corporation_id, dwellings FROM corporation_stock s WHERE s.year = ${scope.year} ${muni('s.municipality_id')}`.execute(db);
  return { need, units, stock };
}
