/**
 * A national-scale, deterministic data set for the monitor and import benchmarks (bench/monitor.ts).
 *
 * At scale 1 (the numbers): 25 regions, 350 municipalities (CBS codes GM0001…GM0350, sizes
 * Zipf-like: the largest ≈ 8 % of the placements, the smallest ≈ 0.1 %), 300 housing corporations
 * (three per municipality: 60/30/10 %), all 22 target groups of the migration with realistic weights,
 * and 2 000 000 placements whose lease dates spread over 2016–2025. Plus, per municipality: an
 * agreement 2016–2030 (80 % absolute, 20 % a share of released dwellings; 20 % distributed over
 * corporations), plan versions and lines for the measured year (30 % revised once), released
 * dwellings per corporation per month for every year, statushouder quotas per half-year (some
 * revised), an opening backlog, estimated need, corporation stock and young-statushouder units.
 *
 * Everything is generated INSIDE the database: reference rows with plain INSERT … SELECT, the
 * placements with one `INSERT … SELECT … FROM generate_series(1, n)` whose every value is a
 * function of the series index i through `hashint8extended(i, seed + k)` — no client round trips,
 * the same rows on PostgreSQL and PGlite, the same rows on every run with the same seed. Weighted
 * choices go through small "slot" tables (10 000 slots for municipalities, 1 000 for target groups)
 * joined by hash. Foreign keys and the secondary indexes of `placements` are dropped during the load
 * and recreated exactly as they were (pg_get_constraintdef / pg_indexes), then VACUUM ANALYZE.
 *
 * The import CSV (writeImportCsv) is drawn in JavaScript from mulberry32 with the same shape, for the
 * codes of the same organisations; every row is valid, so the import is all-or-nothing and succeeds.
 */
import fs from 'node:fs';
import { once } from 'node:events';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../src/platform/db/schema.ts';
import { mulberry32, withoutForeignKeys } from './synthetic.ts';

type Db = Kysely<Database>;

// ─── Shape ───────────────────────────────────────────────────────────────────

export const NATIONAL_FIRST_YEAR = 2016;
export const NATIONAL_LAST_YEAR = 2025;
/** Fixed timestamps (never the wall clock): created_at / updated_at of generated rows. */
const STAMP = '2026-01-01T00:00:00Z';

/** Target groups with their weight in ‰ of the placements (sums to 1000). */
export const TARGET_GROUP_WEIGHTS: ReadonlyArray<readonly [string, number]> = [
  ['social_medical_urgent', 140], ['wheelchair_urgent', 15], ['crisis_shelter_family', 30], ['domestic_violence', 35],
  ['informal_carer', 20], ['sex_work_exit', 3], ['public_order_safety', 8],
  ['omslag_mobw_adult', 150], ['omslag_mobw_family', 30], ['omslag_domestic_violence', 25], ['omslag_young_mother', 12],
  ['omslag_young_adult', 60], ['housing_first_youth', 10], ['multi_problem_family', 15], ['mo_adult_outflow', 60],
  ['last_new_chance', 8], ['bullying_approach', 4], ['verbond_experiment', 5], ['wlz_permanent', 10], ['wlz_independent', 20],
  ['statushouder_regular', 320], ['statushouder_ruggensteun', 20],
];
/** wlz_independent is valid from 2020 (migration 0004); earlier placements use wlz_permanent. */
const WLZ_INDEPENDENT_FROM = '2020-01-01';
const MG3 = new Set(['statushouder_regular', 'statushouder_ruggensteun']);

/** Zipf exponent of municipality sizes. */
const ZIPF = 0.8;
/** Share of a municipality's placements per corporation k = 0, 1, 2 (in tenths). */
const CORP_SHARE = [0.6, 0.3, 0.1] as const;
/** Municipalities (by size rank) whose placements carry a district and neighbourhood (70 % of them). */
const AREA_MUNICIPALITIES = 4;

export interface NationalSize {
  scale: number;
  regions: number;
  municipalities: number;
  corporations: number;
  placements: number;
}

export function nationalSize(scale: number): NationalSize {
  return {
    scale,
    regions: Math.max(2, Math.round(25 * scale)),
    municipalities: Math.max(5, Math.round(350 * scale)),
    corporations: Math.max(3, Math.round(300 * scale)),
    placements: Math.max(1000, Math.round(2_000_000 * scale)),
  };
}

export const municipalityCode = (i: number) => `GM${String(i).padStart(4, '0')}`;
export const corporationCode = (j: number) => `NAT-WC${String(j).padStart(3, '0')}`;
/** Corporation index (1-based) of the k-th corporation (0..2) of municipality i (1-based). */
export const corporationOf = (i: number, k: number, corporations: number) => (((i - 1) * 7 + k * 97) % corporations) + 1;

function zipfWeights(n: number): number[] {
  const w = Array.from({ length: n }, (_, i) => 1 / (i + 1) ** ZIPF);
  const total = w.reduce((a, b) => a + b, 0);
  return w.map((x) => x / total);
}

// ─── Generation in the database ──────────────────────────────────────────────

export interface NationalResult {
  size: NationalSize;
  seed: number;
  /** Rows per table, counted afterwards. */
  rows: Record<string, number>;
  /** Milliseconds per step. */
  stepsMs: Record<string, number>;
  ms: number;
}

export async function generateNational(db: Db, opts: { scale: number; seed: number; onProgress?: (msg: string) => void }): Promise<NationalResult> {
  const size = nationalSize(opts.scale);
  const S = opts.seed % 1_000_000_000;
  const stepsMs: Record<string, number> = {};
  const t0 = performance.now();
  const step = async (name: string, fn: () => Promise<unknown>) => {
    const s = performance.now();
    await fn();
    stepsMs[name] = Math.round(performance.now() - s);
    opts.onProgress?.(`${name}: ${stepsMs[name]} ms`);
  };
  const weights = zipfWeights(size.municipalities);
  const h = (k: number) => sql.raw(`abs(hashint8extended(i::bigint, ${S + k}))`);

  // One connection for the whole load: temp tables live in it (a pooled Kysely might switch connections).
  await db.connection().execute(async (c) => {
    await step('reference data', async () => {
      await sql`INSERT INTO regions (code, name, created_at, updated_at)
        SELECT 'NAT-R' || lpad(r::text, 2, '0'), 'Benchregio ' || r, ${STAMP}::timestamptz, ${STAMP}::timestamptz
          FROM generate_series(1, ${size.regions}::int) r`.execute(c);
      await sql`INSERT INTO organisations (code, name, type, region_id, municipality_code, created_at, updated_at)
        SELECT 'NAT-GM' || lpad(i::text, 4, '0'), 'Gemeente Bench ' || i, 'municipality',
               (SELECT id FROM regions WHERE code = 'NAT-R' || lpad((1 + (i - 1) % ${size.regions}::int)::text, 2, '0')),
               'GM' || lpad(i::text, 4, '0'), ${STAMP}::timestamptz, ${STAMP}::timestamptz
          FROM generate_series(1, ${size.municipalities}::int) i`.execute(c);
      await sql`INSERT INTO organisations (code, name, type, region_id, contact_role_label, created_at, updated_at)
        SELECT 'NAT-WC' || lpad(j::text, 3, '0'), 'Woonstichting Bench ' || j, 'housing_corporation',
               (SELECT id FROM regions WHERE code = 'NAT-R' || lpad((1 + (j - 1) % ${size.regions}::int)::text, 2, '0')),
               'wijkconsulent', ${STAMP}::timestamptz, ${STAMP}::timestamptz
          FROM generate_series(1, ${size.corporations}::int) j`.execute(c);

      // Lookup tables (temporary): municipalities with their weight and expected yearly deliveries.
      const perYear = size.placements / (NATIONAL_LAST_YEAR - NATIONAL_FIRST_YEAR + 1);
      const cumulative: number[] = [];
      weights.reduce((acc, w, i) => (cumulative[i] = acc + w), 0);
      await sql`CREATE TEMP TABLE nat_muni (idx int PRIMARY KEY, id uuid NOT NULL, region_id uuid, w float8 NOT NULL, cum float8 NOT NULL, per_year float8 NOT NULL)`.execute(c);
      await sql`INSERT INTO nat_muni (idx, id, region_id, w, cum, per_year)
        SELECT u.idx, o.id, o.region_id, u.w, u.cum, u.w * ${perYear}::float8
          FROM unnest(${weights.map((_, i) => i + 1)}::int[], ${weights}::float8[], ${cumulative}::float8[]) AS u(idx, w, cum)
          JOIN organisations o ON o.municipality_code = 'GM' || lpad(u.idx::text, 4, '0')`.execute(c);
      // 10 000 slots, each municipality a run of slots in proportion to its weight (at least one).
      await sql`CREATE TEMP TABLE nat_muni_slot (slot int PRIMARY KEY, idx int NOT NULL)`.execute(c);
      await sql`INSERT INTO nat_muni_slot (slot, idx)
        SELECT s, coalesce((SELECT m.idx FROM nat_muni m WHERE m.cum > (s + 0.5) / 10000.0 ORDER BY m.idx LIMIT 1), (SELECT max(idx) FROM nat_muni))
          FROM generate_series(0, 9999) s`.execute(c);
      await sql`CREATE TEMP TABLE nat_corp (idx int PRIMARY KEY, id uuid NOT NULL)`.execute(c);
      await sql`INSERT INTO nat_corp (idx, id) SELECT substr(code, 7)::int, id FROM organisations WHERE code LIKE 'NAT-WC%' AND type = 'housing_corporation'`.execute(c);
      // Municipality × its three corporations.
      await sql`CREATE TEMP TABLE nat_pair (muni_idx int, k int, corp_idx int, share float8, PRIMARY KEY (muni_idx, k))`.execute(c);
      await sql`INSERT INTO nat_pair (muni_idx, k, corp_idx, share)
        SELECT m.idx, k, ((m.idx - 1) * 7 + k * 97) % ${size.corporations}::int + 1, (ARRAY[${CORP_SHARE[0]}, ${CORP_SHARE[1]}, ${CORP_SHARE[2]}]::float8[])[k + 1]
          FROM nat_muni m CROSS JOIN generate_series(0, 2) k`.execute(c);
      await sql`CREATE TEMP TABLE nat_tg_slot (slot int PRIMARY KEY, code text NOT NULL)`.execute(c);
      await sql`INSERT INTO nat_tg_slot (slot, code)
        SELECT t.start + g - 1, t.code
          FROM (SELECT u.code, u.w, (sum(u.w) OVER (ORDER BY u.ord) - u.w)::int AS start
                  FROM unnest(${TARGET_GROUP_WEIGHTS.map(([c]) => c)}::text[], ${TARGET_GROUP_WEIGHTS.map(([, w]) => w)}::int[]) WITH ORDINALITY AS u(code, w, ord)) t
          CROSS JOIN LATERAL generate_series(1, t.w) g`.execute(c);
    });

    // ── Placements ──
    await step('placements', async () => {
      const { rows: idx } = await sql<{ name: string; def: string }>`
        SELECT indexname AS name, indexdef AS def FROM pg_indexes
         WHERE schemaname = current_schema() AND tablename = 'placements'
           AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE conrelid = 'placements'::regclass)`.execute(c);
      for (const i of idx) await sql`DROP INDEX ${sql.ref(i.name)}`.execute(c);
      try {
        await withoutForeignKeys(c, ['placements'], async () => {
          await sql`
            INSERT INTO placements (id, placement_id, municipality_id, corporation_id, target_group, active_mediation_date, lease_signed_date,
                                    move_reason, persons, route, wheelchair_dwelling, district, neighbourhood, allocated_on, source, created_at, updated_at)
            SELECT md5('nat:' || ${S}::int || ':' || d.i)::uuid, 'NAT-' || lpad(d.i::text, 8, '0'), m.id,
                   CASE WHEN d.lease IS NULL OR d.route = 'housing_project' THEN NULL ELSE nc.id END,
                   d.tg, d.mediation, d.lease, d.reason, d.persons, d.route,
                   d.tg = 'wheelchair_urgent' OR d.h6 % 1000 < 8,
                   CASE WHEN d.area THEN 'Stadsdeel ' || d.district END,
                   CASE WHEN d.area THEN 'Buurt ' || d.district || '-' || (1 + d.h7 % 6) END,
                   CASE WHEN d.mg3 AND d.lease IS NOT NULL THEN greatest(d.lease - (d.h7 % 21)::int, coalesce(d.mediation, d.lease - (d.h7 % 21)::int))
                        WHEN d.mg3 AND d.h6 % 100 < 30 THEN least(d.mediation + (d.h7 % 60)::int, DATE '2025-12-31') END,
                   'import', ${STAMP}::timestamptz, ${STAMP}::timestamptz
              FROM (
                SELECT c.*,
                       CASE WHEN c.tg0 = 'wlz_independent' AND coalesce(c.lease, c.mediation) < DATE ${sql.lit(WLZ_INDEPENDENT_FROM)} THEN 'wlz_permanent' ELSE c.tg0 END AS tg
                  FROM (
                    SELECT b.*,
                           CASE WHEN b.waiting THEN DATE '2025-12-31' - (b.h5 % 730)::int
                                WHEN b.h6 % 100 < 4 THEN NULL
                                ELSE b.lease - floor(366 * power((b.h3 % 1000000) / 1000000.0, 1.5))::int END AS mediation,
                           CASE WHEN b.mg3 AND b.lease IS NOT NULL AND b.h6 / 100 % 100 < 8 THEN 'housing_project' ELSE 'corporation_dwelling' END AS route,
                           CASE WHEN b.mg3 THEN 1 + floor(6 * power((b.h4 % 1000000) / 1000000.0, 2))::int
                                WHEN b.h4 % 100 < 70 THEN 1 ELSE 1 + (b.h4 / 100 % 3)::int END AS persons
                      FROM (
                        SELECT a.*, t.code AS tg0, s.idx AS muni_idx,
                               t.code IN ('statushouder_regular', 'statushouder_ruggensteun') AS mg3,
                               CASE WHEN a.waiting THEN NULL ELSE DATE '2016-01-01' + (a.h5 % 3653)::int END AS lease,
                               CASE WHEN a.waiting THEN 'regular' WHEN a.h4 / 7 % 1000 < 30 THEN 'perspective_reassessment'
                                    WHEN a.h4 / 7 % 1000 < 50 THEN 'swap' ELSE 'regular' END AS reason,
                               s.idx <= ${AREA_MUNICIPALITIES} AND a.h7 / 11 % 10 < 7 AS area, 1 + a.h7 / 3 % 8 AS district
                          FROM (
                            SELECT i, ${h(1)} % 10000 AS ms, ${h(2)} % 1000 AS ts, ${h(3)} AS h3, ${h(4)} AS h4, ${h(5)} AS h5, ${h(6)} AS h6, ${h(7)} AS h7,
                                   ${h(8)} % 1000 < 80 AS waiting, ${h(9)} % 10 AS kk
                              FROM generate_series(1, ${size.placements}::int) i
                          ) a
                          JOIN nat_tg_slot t ON t.slot = a.ts
                          JOIN nat_muni_slot s ON s.slot = a.ms
                      ) b
                  ) c
              ) d
              JOIN nat_muni m ON m.idx = d.muni_idx
              JOIN nat_corp nc ON nc.idx = ((d.muni_idx - 1) * 7 + (CASE WHEN d.kk < 6 THEN 0 WHEN d.kk < 9 THEN 1 ELSE 2 END) * 97) % ${size.corporations}::int + 1`.execute(c);
          opts.onProgress?.(`placements inserted in ${Math.round(performance.now() - t0)} ms (since start); adding foreign keys back …`);
        });
      } finally {
        for (const i of idx) await sql.raw(i.def).execute(c);
      }
    });

    // ── Agreements, plans, corporation targets and stock (measured year and around) ──
    await step('agreements and plans', async () => {
      // Absolute agreements ≈ the expected counted deliveries (±15 %); every fifth municipality a share of released dwellings.
      await sql`INSERT INTO agreements (id, municipality_id, name, first_year, last_year, kind, yearly_number, share, distribute_over_corporations, tolerance, created_at, updated_at)
        SELECT md5('nat-agr:' || m.idx)::uuid, m.id, 'Convenant huisvesting kwetsbare groepen 2016–2030', 2016, 2030,
               CASE WHEN m.idx % 5 = 3 THEN 'share' ELSE 'absolute' END,
               CASE WHEN m.idx % 5 = 3 THEN NULL ELSE greatest(1, round(m.per_year * 0.85 * (0.85 + 0.3 * (abs(hashint4(m.idx + ${S})) % 1000) / 1000.0)))::int END,
               CASE WHEN m.idx % 5 = 3 THEN round((0.25 + (abs(hashint4(m.idx + ${S})) % 150) / 1000.0)::numeric, 3) END,
               m.idx % 5 = 1, CASE WHEN m.idx % 2 = 0 THEN 0.05 ELSE 0 END, ${STAMP}::timestamptz, ${STAMP}::timestamptz
          FROM nat_muni m`.execute(c);
      // Version 1 for every municipality in every year 2020–2025; a revision (version 2) for 30 % in each year.
      await sql`INSERT INTO plan_versions (id, agreement_id, year, version_no, decision_date, effective_from, reason, created_at)
        SELECT md5('nat-pv:' || m.idx || ':' || y || ':' || v)::uuid, md5('nat-agr:' || m.idx)::uuid, y, v,
               CASE WHEN v = 1 THEN make_date(y - 1, 12, 15) ELSE make_date(y, 4, 15) END,
               CASE WHEN v = 1 THEN make_date(y, 1, 1) ELSE make_date(y, 5, 1) END,
               CASE WHEN v = 1 THEN 'Verdeling vastgesteld in het bestuurlijk overleg' ELSE 'Herverdeling na de eerste kwartaalrapportage' END, ${STAMP}::timestamptz
          FROM nat_muni m CROSS JOIN generate_series(2020, 2025) y CROSS JOIN generate_series(1, 2) v
         WHERE v = 1 OR abs(hashint4(m.idx * 31 + y)) % 10 < 3`.execute(c);
      // Lines: three main groups (25/41/34 %), five large target groups, one group set; per corporation (MG-1) where distributed.
      await sql`INSERT INTO plan_lines (plan_version_id, level, main_group, target_group, group_set_name, group_set_codes, corporation_id, dwellings, position)
        SELECT pv.id, l.level, l.main_group, l.target_group, l.set_name, l.set_codes, NULL, greatest(0, round(base.n * l.part * (CASE WHEN pv.version_no = 2 THEN 1.05 ELSE 1 END)))::int, l.pos
          FROM plan_versions pv
          JOIN agreements a ON a.id = pv.agreement_id
          JOIN nat_muni m ON m.id = a.municipality_id
          CROSS JOIN LATERAL (SELECT coalesce(a.yearly_number, round(m.per_year * 0.85))::float8 AS n) base
          CROSS JOIN (VALUES
            ('main_group', 'MG-1', NULL, NULL, NULL::text[], 0.25, 1),
            ('main_group', 'MG-2', NULL, NULL, NULL::text[], 0.41, 2),
            ('main_group', 'MG-3', NULL, NULL, NULL::text[], 0.34, 3),
            ('target_group', NULL, 'social_medical_urgent', NULL, NULL::text[], 0.14, 10),
            ('target_group', NULL, 'omslag_mobw_adult', NULL, NULL::text[], 0.15, 11),
            ('target_group', NULL, 'omslag_young_adult', NULL, NULL::text[], 0.06, 12),
            ('target_group', NULL, 'mo_adult_outflow', NULL, NULL::text[], 0.06, 13),
            ('target_group', NULL, 'statushouder_regular', NULL, NULL::text[], 0.32, 14),
            ('group_set', NULL, NULL, 'Laatste Kans, Treiteraanpak, Het Verbond, Wlz-permanent', ARRAY['last_new_chance','bullying_approach','verbond_experiment','wlz_permanent'], 0.027, 20)
          ) AS l(level, main_group, target_group, set_name, set_codes, part, pos)`.execute(c);
      await sql`INSERT INTO plan_lines (plan_version_id, level, main_group, corporation_id, dwellings, position)
        SELECT pv.id, 'main_group', 'MG-1', nc.id, round(a.yearly_number * 0.25 * p.share)::int, 30 + p.k
          FROM plan_versions pv JOIN agreements a ON a.id = pv.agreement_id JOIN nat_muni m ON m.id = a.municipality_id
          JOIN nat_pair p ON p.muni_idx = m.idx JOIN nat_corp nc ON nc.idx = p.corp_idx
         WHERE a.distribute_over_corporations AND a.yearly_number IS NOT NULL`.execute(c);
      await sql`INSERT INTO corporation_targets (agreement_id, year, corporation_id, dwellings, updated_at)
        SELECT a.id, y, nc.id, round(a.yearly_number * p.share)::int, ${STAMP}::timestamptz
          FROM agreements a JOIN nat_muni m ON m.id = a.municipality_id JOIN nat_pair p ON p.muni_idx = m.idx JOIN nat_corp nc ON nc.idx = p.corp_idx
          CROSS JOIN generate_series(2020, 2025) y
         WHERE a.distribute_over_corporations AND a.yearly_number IS NOT NULL AND p.k < 2
         ON CONFLICT DO NOTHING`.execute(c);
      await sql`INSERT INTO corporation_stock (municipality_id, corporation_id, year, dwellings, updated_at)
        SELECT m.id, nc.id, y, greatest(50, round(m.per_year / 0.3 * 18 * p.share))::int, ${STAMP}::timestamptz
          FROM nat_muni m JOIN nat_pair p ON p.muni_idx = m.idx JOIN nat_corp nc ON nc.idx = p.corp_idx
          CROSS JOIN generate_series(2020, 2025) y
         ON CONFLICT DO NOTHING`.execute(c);
      await sql`INSERT INTO estimated_need (municipality_id, year, main_group, dwellings, updated_at)
        SELECT m.id, y, g, round(m.per_year * (CASE g WHEN 'ALL' THEN 1.2 WHEN 'MG-1' THEN 0.3 WHEN 'MG-2' THEN 0.5 ELSE 0.4 END))::int, ${STAMP}::timestamptz
          FROM nat_muni m CROSS JOIN generate_series(2020, 2025) y CROSS JOIN unnest(ARRAY['ALL','MG-1','MG-2','MG-3']) g`.execute(c);
      await sql`INSERT INTO young_statushouder_units (municipality_id, year, target_units, cumulative_units, delivered_units, updated_at)
        SELECT m.id, y, greatest(1, round(m.per_year * 0.05))::int, greatest(0, round(m.per_year * 0.005 * (y - 2015)))::int, greatest(0, round(m.per_year * 0.005))::int, ${STAMP}::timestamptz
          FROM nat_muni m CROSS JOIN generate_series(2020, 2025) y`.execute(c);
    });

    // ── Released dwellings per corporation per month, every year (vulnerable groups ≈ 30 % of them) ──
    await step('released dwellings', async () => {
      await sql`INSERT INTO released_dwellings (municipality_id, corporation_id, year, month, dwellings, updated_at)
        SELECT m.id, nc.id, y, mo, greatest(0, round(m.per_year / 0.3 / 12 * p.share * (0.8 + 0.4 * (abs(hashint4(m.idx * 100003 + p.k * 1009 + y * 13 + mo + ${S})) % 1000) / 1000.0)))::int, ${STAMP}::timestamptz
          FROM nat_muni m JOIN nat_pair p ON p.muni_idx = m.idx JOIN nat_corp nc ON nc.idx = p.corp_idx
          CROSS JOIN generate_series(${NATIONAL_FIRST_YEAR}::int, ${NATIONAL_LAST_YEAR}::int) y CROSS JOIN generate_series(1, 12) mo
         ON CONFLICT DO NOTHING`.execute(c);
    });

    // ── Statushouders: quotas in persons per half-year (2.2 persons per household), revisions, opening backlog ──
    await step('statushouder quotas', async () => {
      await sql`INSERT INTO statushouder_quotas (municipality_id, year, half, version_no, persons, decision_date, reason, created_at)
        SELECT m.id, y, hf, v, greatest(0, round(m.per_year * 0.34 * 2.2 / 2 * (0.9 + 0.3 * (abs(hashint4(m.idx * 7919 + y * 3 + hf + v)) % 1000) / 1000.0)))::int,
               CASE WHEN hf = 1 THEN make_date(y - 1, 12, 1) ELSE make_date(y, 6, 1) END + (v - 1) * 60,
               CASE WHEN v = 1 THEN 'Taakstelling van het Rijk' ELSE 'Bijgestelde taakstelling' END, ${STAMP}::timestamptz
          FROM nat_muni m CROSS JOIN generate_series(${NATIONAL_FIRST_YEAR}::int, ${NATIONAL_LAST_YEAR}::int) y CROSS JOIN generate_series(1, 2) hf CROSS JOIN generate_series(1, 2) v
         WHERE v = 1 OR abs(hashint4(m.idx * 17 + y * 2 + hf)) % 4 = 0`.execute(c);
      await sql`INSERT INTO statushouder_opening_backlogs (municipality_id, year, persons, updated_at)
        SELECT m.id, ${NATIONAL_FIRST_YEAR}::int, round(m.per_year * 0.05)::int, ${STAMP}::timestamptz FROM nat_muni m`.execute(c);
    });

    await step('vacuum analyze', async () => {
      for (const t of ['placements', 'organisations', 'regions', 'agreements', 'plan_versions', 'plan_lines', 'released_dwellings', 'statushouder_quotas',
        'corporation_targets', 'corporation_stock', 'estimated_need', 'young_statushouder_units', 'statushouder_opening_backlogs', 'target_groups']) {
        await sql`VACUUM ANALYZE ${sql.table(t)}`.execute(c);
      }
    });
    for (const t of ['nat_muni', 'nat_muni_slot', 'nat_corp', 'nat_pair', 'nat_tg_slot']) await sql`DROP TABLE ${sql.table(t)}`.execute(c);
  });

  const rows: Record<string, number> = {};
  for (const t of ['placements', 'agreements', 'plan_versions', 'plan_lines', 'released_dwellings', 'statushouder_quotas', 'corporation_targets', 'corporation_stock']) {
    rows[t] = Number((await sql<{ n: string }>`SELECT count(*)::text AS n FROM ${sql.table(t)}`.execute(db)).rows[0]!.n);
  }
  rows.municipalities = size.municipalities;
  rows.corporations = size.corporations;
  rows.regions = size.regions;
  return { size, seed: opts.seed, rows, stepsMs, ms: performance.now() - t0 };
}

// ─── The import file ─────────────────────────────────────────────────────────

export const IMPORT_HEADER = 'placement_id,municipality,corporation,target_group,active_mediation_date,lease_signed_date,move_reason,persons';

const DAY = 86_400_000;
const EPOCH_2016 = Date.UTC(2016, 0, 1);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Writes `rows` placements as a CSV in the format of api.md (streamed, 10 000 rows per write,
 * honouring back-pressure) for the municipalities and corporations of `size`. Same seed → same file.
 * Placement ids IMP-00000001… never collide with the generated NAT-… ones, so every row is an insert.
 */
export async function writeImportCsv(file: string, opts: { rows: number; size: NationalSize; seed: number }): Promise<{ bytes: number; ms: number }> {
  const t0 = performance.now();
  const rng = mulberry32(opts.seed ^ 0x5eed1);
  const { size } = opts;
  // Cumulative municipality and target-group weights for O(log n) picks.
  const cumMuni: number[] = [];
  zipfWeights(size.municipalities).reduce((acc, w, i) => (cumMuni[i] = acc + w), 0);
  const groups = TARGET_GROUP_WEIGHTS.map(([c]) => c);
  const cumGroup: number[] = [];
  TARGET_GROUP_WEIGHTS.reduce((acc, [, w], i) => (cumGroup[i] = acc + w / 1000), 0);
  const search = (cum: number[], u: number) => {
    let lo = 0, hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! > u) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  const out = fs.createWriteStream(file, { encoding: 'utf8' });
  let bytes = 0;
  const write = async (s: string) => {
    bytes += Buffer.byteLength(s);
    if (!out.write(s)) await once(out, 'drain');
  };
  await write(`${IMPORT_HEADER}\n`);
  let chunk: string[] = [];
  for (let n = 1; n <= opts.rows; n++) {
    const muni = search(cumMuni, rng.next()) + 1;
    let tg = groups[search(cumGroup, rng.next())]!;
    const waiting = rng.next() < 0.08;
    let lease: number | null = null;
    let mediation: number | null;
    let reason = 'regular';
    if (waiting) {
      mediation = Date.UTC(2025, 11, 31) - rng.int(730) * DAY;
    } else {
      lease = EPOCH_2016 + rng.int(3653) * DAY;
      mediation = rng.next() < 0.04 ? null : lease - Math.floor(366 * rng.next() ** 1.5) * DAY;
      const r = rng.next();
      reason = r < 0.03 ? 'perspective_reassessment' : r < 0.05 ? 'swap' : 'regular';
    }
    const ref = iso((lease ?? mediation)!);
    if (tg === 'wlz_independent' && ref < WLZ_INDEPENDENT_FROM) tg = 'wlz_permanent';
    const mg3 = MG3.has(tg);
    const persons = mg3 ? 1 + Math.floor(6 * rng.next() ** 2) : rng.next() < 0.7 ? 1 : 1 + rng.int(3);
    const kk = rng.int(10);
    const corp = lease === null ? '' : corporationCode(corporationOf(muni, kk < 6 ? 0 : kk < 9 ? 1 : 2, size.corporations));
    chunk.push(`IMP-${String(n).padStart(8, '0')},${municipalityCode(muni)},${corp},${tg},${mediation === null ? '' : iso(mediation)},${lease === null ? '' : iso(lease)},${reason},${persons}\n`);
    if (chunk.length === 10_000) {
      await write(chunk.join(''));
      chunk = [];
    }
  }
  if (chunk.length) await write(chunk.join(''));
  out.end();
  await once(out, 'finish');
  return { bytes, ms: performance.now() - t0 };
}
