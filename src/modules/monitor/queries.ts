/**
 * The monitor's counting, in SQL: one GROUPING SETS pass over a year of placements
 * (the covering index placements_delivery_idx makes it an index-only range scan),
 * plus small queries on the inputs (plans, released dwellings, quotas). Nothing here
 * loads placements into JavaScript; every result row is an aggregate.
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

function groupingSets(scope: Scope): string {
  const sets: string[][] = [
    [], ['mu'], ['mg'], ['mg', 'tg'], ['co'],
    ['mu', 'mg'], ['mu', 'mg', 'tg'], ['mu', 'co'], ['mu', 'co', 'mg'],
    ['m'], ['mg', 'm'], ['tg', 'mg', 'm'], ['mu', 'm'], ['mu', 'mg', 'm'],
  ];
  // Region sets are always computed (GROUPING needs every column in some set); the service
  // uses them only when the scope covers whole regions.
  sets.push(['rg'], ['rg', 'mg']);
  if (scope.single) sets.push(['mu', 'mg', 'tg', 'm']);
  return sets.map((s) => `(${s.join(', ')})`).join(', ');
}

const REG = sql.raw(`mr = 'regular' AND route = 'corporation_dwelling'`);
const CNT = sql.raw(`mr = 'regular' AND route = 'corporation_dwelling' AND ct`);

function placementFilter(scope: Scope, alias = 'p'): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [];
  if (scope.municipalityIds) parts.push(sql`AND ${sql.ref(`${alias}.municipality_id`)} = ANY(${scope.municipalityIds}::uuid[])`);
  if (scope.corporationId) parts.push(sql`AND ${sql.ref(`${alias}.corporation_id`)} = ${scope.corporationId}`);
  return parts.length ? sql.join(parts, sql` `) : sql``;
}

const COUNTERS = [
  'delivered', 'delivered_ytd', 'outside', 'outside_ytd', 'wait_base', 'wait_lt3', 'wait_3to6', 'wait_base_ytd', 'wait_lt3_ytd', 'wait_3to6_ytd',
  'reassess', 'reassess_ytd', 'swaps', 'swaps_ytd', 'wheelchair', 'sh_h1', 'sh_h2', 'proj_h1', 'proj_h2',
] as const;

/**
 * The main pass: M-03, M-13..M-16, M-18, M-19, M-21, M-23, M-23a, M-25 counts for the year, and
 * M-26 per district and neighbourhood. Two stages: every placement is classified once (wait
 * bucket, counted, year-to-date) and counted at the finest grain the figures need; the
 * GROUPING SETS then sum those counts, so no per-placement expression is evaluated per set.
 */
export async function deliveryAggregates(db: Db, scope: Scope): Promise<DeliveryAggregate[]> {
  const asOf = scope.asOf;
  const base = sql`
      SELECT p.municipality_id AS mu, o.region_id AS rg, p.corporation_id AS co, tg.main_group AS mg, p.target_group AS tg,
             tg.counts_toward_agreement AS ct, p.move_reason AS mr, p.route, p.persons, p.wheelchair_dwelling AS wc,
             p.district AS di, p.neighbourhood AS nb,
             extract(month FROM p.lease_signed_date)::int AS m,
             p.lease_signed_date <= ${asOf}::date AS ytd,
             CASE WHEN p.active_mediation_date IS NULL THEN 0
                  WHEN p.lease_signed_date < p.active_mediation_date + interval '3 months' THEN 1
                  WHEN p.lease_signed_date < p.active_mediation_date + interval '6 months' THEN 2 ELSE 3 END AS wb
        FROM placements p
        JOIN target_groups tg ON tg.code = p.target_group
        JOIN organisations o ON o.id = p.municipality_id
       WHERE p.lease_signed_date >= ${scope.from}::date AND p.lease_signed_date <= ${scope.to}::date ${placementFilter(scope)}`;
  const sums = sql.raw(COUNTERS.map((c) => `sum(${c})::int AS ${c}`).join(', '));
  // Enough memory for the planner to hash every grouping set in one pass instead of sorting per set.
  return db.transaction().execute(async (trx) => {
  await sql`SET LOCAL work_mem = '64MB'`.execute(trx);
  const { rows } = await sql<DeliveryAggregate>`
    WITH p AS (${base}),
    f AS (
      SELECT rg, mu, co, mg, tg, m,
        count(*) FILTER (WHERE ${CNT}) AS delivered,
        count(*) FILTER (WHERE ${CNT} AND ytd) AS delivered_ytd,
        count(*) FILTER (WHERE ${REG} AND NOT ct) AS outside,
        count(*) FILTER (WHERE ${REG} AND NOT ct AND ytd) AS outside_ytd,
        count(*) FILTER (WHERE ${CNT} AND wb > 0) AS wait_base,
        count(*) FILTER (WHERE ${CNT} AND wb = 1) AS wait_lt3,
        count(*) FILTER (WHERE ${CNT} AND wb = 2) AS wait_3to6,
        count(*) FILTER (WHERE ${CNT} AND wb > 0 AND ytd) AS wait_base_ytd,
        count(*) FILTER (WHERE ${CNT} AND wb = 1 AND ytd) AS wait_lt3_ytd,
        count(*) FILTER (WHERE ${CNT} AND wb = 2 AND ytd) AS wait_3to6_ytd,
        count(*) FILTER (WHERE mr = 'perspective_reassessment') AS reassess,
        count(*) FILTER (WHERE mr = 'perspective_reassessment' AND ytd) AS reassess_ytd,
        count(*) FILTER (WHERE mr = 'swap') AS swaps,
        count(*) FILTER (WHERE mr = 'swap' AND ytd) AS swaps_ytd,
        count(*) FILTER (WHERE ${REG} AND wc) AS wheelchair,
        coalesce(sum(persons) FILTER (WHERE mr = 'regular' AND mg = 'MG-3' AND route = 'corporation_dwelling' AND m <= 6), 0) AS sh_h1,
        coalesce(sum(persons) FILTER (WHERE mr = 'regular' AND mg = 'MG-3' AND route = 'corporation_dwelling' AND m > 6), 0) AS sh_h2,
        coalesce(sum(persons) FILTER (WHERE mr = 'regular' AND mg = 'MG-3' AND route = 'housing_project' AND m <= 6), 0) AS proj_h1,
        coalesce(sum(persons) FILTER (WHERE mr = 'regular' AND mg = 'MG-3' AND route = 'housing_project' AND m > 6), 0) AS proj_h2
      FROM p GROUP BY rg, mu, co, mg, tg, m
    )
    SELECT (GROUPING(rg, mu, co, mg, tg, m) << 2) | 3 AS g, rg, mu, co, mg, tg, m, NULL::text AS di, NULL::text AS nb, ${sums}
      FROM f
     GROUP BY GROUPING SETS (${sql.raw(groupingSets(scope))})`.execute(trx);
  // M-26: counted placements per district and neighbourhood (only where the placements carry them).
  const { rows: areas } = await sql<{ g: number; mu: string; mg: string | null; di: string; nb: string | null; delivered: number }>`
    WITH p AS (${base})
    SELECT (1 << 7) | (1 << 5) | (GROUPING(mg) << 4) | (1 << 3) | (1 << 2) | GROUPING(nb) AS g, mu, mg, di, nb, count(*)::int AS delivered
      FROM p WHERE di IS NOT NULL AND ${CNT}
     GROUP BY GROUPING SETS ((mu, di), (mu, di, nb), (mu, di, nb, mg))`.execute(trx);
  const zero = Object.fromEntries(COUNTERS.map((c) => [c, 0])) as Record<(typeof COUNTERS)[number], number>;
  for (const a of areas) rows.push({ ...zero, g: a.g, rg: null, mu: a.mu, co: null, mg: a.mg, tg: null, m: null, di: a.di, nb: a.nb, delivered: a.delivered });
  return rows;
  });
}

export interface PreviousYearWait { g: number; mu: string | null; mg: string | null; tg: string | null; wait_base: number; wait_lt3: number }

/** R-MO-28: the previous year's share within 3 months, alongside. */
export async function previousYearWait(db: Db, scope: Scope): Promise<PreviousYearWait[]> {
  const y = scope.year - 1;
  const { rows } = await sql<PreviousYearWait>`
    SELECT GROUPING(p.municipality_id, tg.main_group, p.target_group) AS g, p.municipality_id AS mu, tg.main_group AS mg, p.target_group AS tg,
      count(*) FILTER (WHERE p.active_mediation_date IS NOT NULL)::int AS wait_base,
      count(*) FILTER (WHERE p.lease_signed_date < p.active_mediation_date + interval '3 months')::int AS wait_lt3
      FROM placements p JOIN target_groups tg ON tg.code = p.target_group
     WHERE p.lease_signed_date >= ${`${y}-01-01`}::date AND p.lease_signed_date <= ${`${y}-12-31`}::date
       AND p.move_reason = 'regular' AND p.route = 'corporation_dwelling' AND tg.counts_toward_agreement ${placementFilter(scope)}
     GROUP BY GROUPING SETS ((), (tg.main_group), (tg.main_group, p.target_group), (p.municipality_id), (p.municipality_id, tg.main_group), (p.municipality_id, tg.main_group, p.target_group))`.execute(db);
  return rows;
}

export interface WaitingAggregate { g: number; mu: string | null; mg: string | null; tg: string | null; bucket: 'lt3' | '3to6' | 'gt6'; households: number }

/** M-17: households with a start date and no signed lease at the end of the selected month, by elapsed wait. */
export async function waitingAggregates(db: Db, scope: Scope): Promise<WaitingAggregate[]> {
  const asOf = scope.asOf;
  // Two index range scans instead of a scan of every placement: households let after the month
  // end (placements_delivery_idx) and households not let at all (placements_open_idx).
  const { rows } = await sql<WaitingAggregate>`
    WITH w0 AS (
      SELECT p.municipality_id AS mu, p.target_group AS code, p.active_mediation_date AS s
        FROM placements p
       WHERE p.lease_signed_date > ${asOf}::date AND p.active_mediation_date <= ${asOf}::date AND p.move_reason = 'regular' ${placementFilter(scope)}
      UNION ALL
      SELECT p.municipality_id, p.target_group, p.active_mediation_date
        FROM placements p
       WHERE p.lease_signed_date IS NULL AND p.active_mediation_date <= ${asOf}::date AND p.move_reason = 'regular' ${placementFilter(scope)}
    ), w AS (
      SELECT w0.mu, tg.main_group AS mg, w0.code AS tg,
             CASE WHEN ${asOf}::date < w0.s + interval '3 months' THEN 'lt3'
                  WHEN ${asOf}::date < w0.s + interval '6 months' THEN '3to6' ELSE 'gt6' END AS bucket
        FROM w0 JOIN target_groups tg ON tg.code = w0.code
    )
    SELECT GROUPING(mu, mg, tg) AS g, mu, mg, tg, bucket, count(*)::int AS households
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
    SELECT o.region_id AS rg, count(*)::int AS year_total, count(*) FILTER (WHERE p.lease_signed_date <= ${scope.asOf}::date)::int AS ytd
      FROM placements p JOIN target_groups tg ON tg.code = p.target_group JOIN organisations o ON o.id = p.municipality_id
     WHERE p.lease_signed_date >= ${scope.from}::date AND p.lease_signed_date <= ${scope.to}::date
       AND tg.main_group = 'MG-3' AND p.move_reason = 'regular' AND p.route = 'corporation_dwelling' AND o.region_id = ANY(${regionIds}::uuid[])
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
  const { rows: quotas } = await sql<QuotaRow>`
    SELECT DISTINCT ON (municipality_id, year, half) municipality_id, year, half, persons, version_no
      FROM statushouder_quotas q WHERE q.year BETWEEN ${firstYear} AND ${scope.year} ${muni('q.municipality_id')}
     ORDER BY municipality_id, year, half, version_no DESC`.execute(db);
  // Persons housed in the years before the selected one (the selected year comes from the main pass).
  const { rows: earlier } = firstYear < scope.year
    ? await sql<{ municipality_id: string; year: number; persons: number }>`
        SELECT p.municipality_id, extract(year FROM p.lease_signed_date)::int AS year, sum(p.persons)::int AS persons
          FROM placements p
         WHERE p.target_group = ANY(ARRAY(SELECT code FROM target_groups WHERE main_group = 'MG-3'))
           AND p.lease_signed_date >= ${`${firstYear}-01-01`}::date AND p.lease_signed_date < ${scope.from}::date
           AND p.move_reason = 'regular' ${muni('p.municipality_id')}
         GROUP BY 1, 2`.execute(db)
    : { rows: [] as Array<{ municipality_id: string; year: number; persons: number }> };
  // M-22a: statushouder persons with a dwelling allocated and no signed lease at the half-year ends of the year.
  const h1 = `${scope.year}-06-30`;
  const { rows: allocated } = await sql<{ municipality_id: string; h1: number; h2: number }>`
    SELECT p.municipality_id,
           coalesce(sum(p.persons) FILTER (WHERE p.allocated_on <= ${h1}::date AND (p.lease_signed_date IS NULL OR p.lease_signed_date > ${h1}::date)), 0)::int AS h1,
           coalesce(sum(p.persons) FILTER (WHERE p.allocated_on <= ${scope.to}::date AND (p.lease_signed_date IS NULL OR p.lease_signed_date > ${scope.to}::date)), 0)::int AS h2
      FROM placements p JOIN target_groups tg ON tg.code = p.target_group
     WHERE p.allocated_on IS NOT NULL AND p.allocated_on <= ${scope.to}::date AND tg.main_group = 'MG-3' ${muni('p.municipality_id')}
     GROUP BY p.municipality_id`.execute(db);
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
