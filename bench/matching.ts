/**
 * Matching benchmark (suite "matching" of `npm run bench`, opt-in): how long does one proposal for
 * a dwelling take with 50 000 clients waiting for a dwelling, against the SQL prefilter it starts
 * with? See bench/README.md § Matching benchmark.
 *
 * Per database: a fresh database with the demo region, plus (generated in SQL, deterministic from
 * BENCH_SEED) BENCH_MATCHING_CLIENTS (50 000) clients with a trajectory waiting in P3_matching in
 * Veenhaven, a housing-need profile each (preferred/excluded neighbourhoods, wheelchair, ground floor,
 * liquor shop, low stimulus, income, schools for children), household members and consents; and
 * BENCH_MATCHING_DWELLINGS (200) available dwellings with varied pools and facts. Measured per
 * dwelling, in two scenarios:
 *   ams  OM-AMS: the candidates of the one care provider the dwelling is offered to (≈ 1/12 of all)
 *   utr  OM-UTR: every waiting client of the municipality whose consent covers matching
 * (1) prefilter   candidatePrefilter(…).execute() alone — the floor
 * (2) proposal    load the dwelling, placements nearby, vulnerable neighbourhoods, the configuration,
 *                 the prefilter, candidateFacts for every row, propose() — everything but the write
 * and the ratio (2) ÷ (1) at p50 and p99. Then (3) replay: BENCH_MATCHING_REPLAYS (1 000) stored
 * proposals (the proposals table, as the lead's route stores them) read back and recomputed with replay().
 */
import fs from 'node:fs';
import path from 'node:path';
import { CompiledQuery, sql, type Kysely } from 'kysely';
import type { Database } from '../src/platform/db/schema.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { seedDemo } from '../src/app/seed/demo.ts';
import { systemClock } from '../src/platform/clock.ts';
import { DEFAULT_MATCHING_CONFIG } from '../src/domain/matching/config.ts';
import { propose } from '../src/domain/matching/engine.ts';
import { replay, type PastProposal } from '../src/domain/matching/replay.ts';
import type { CandidateFacts, DwellingFacts, MatchingConfig, Proposal } from '../src/domain/matching/model.ts';
import { candidateFacts, candidatePrefilter, dwellingFacts, type CandidateQuery, type DwellingRow } from '../src/modules/matching/candidates.ts';
import { CANDIDATE_BATCH, rankedCandidates } from '../src/modules/matching/proposal.ts';
import { databaseSize, databaseVersion, envNumber, loadAverage, log, machineInfo, onCleanup, prepareDatabase, round, table, type DbKind } from './common.ts';
import { WORKLIST_AS_OF } from './synthetic.ts';

type Db = Kysely<Database>;

export type MatchingScenario = 'ams' | 'utr';

export interface MatchingSettings {
  seed: number;
  /** The offer date of every proposal (never the wall clock). */
  offerDate: string;
  clients: number;
  dwellings: number;
  replays: number;
  /** Candidates per stored proposal for the replay part (a proposal stores its candidates' facts). */
  replayCandidates: number;
  rounds: number;
  warmup: number;
  /** Goal of issue 10 on this machine: p99 ≤ goalP99Ms and ≤ goalRatio × the prefilter. */
  goalP99Ms: number;
  goalRatio: number;
  label: string | null;
}

export function matchingSettings(base: { seed: number; label: string | null }): MatchingSettings {
  return {
    seed: base.seed,
    offerDate: WORKLIST_AS_OF,
    clients: Math.floor(envNumber('BENCH_MATCHING_CLIENTS', 50_000, 100)),
    dwellings: Math.floor(envNumber('BENCH_MATCHING_DWELLINGS', 200, 10)),
    replays: Math.floor(envNumber('BENCH_MATCHING_REPLAYS', 1000, 0)),
    replayCandidates: Math.floor(envNumber('BENCH_MATCHING_REPLAY_CANDIDATES', 100, 1)),
    rounds: Math.floor(envNumber('BENCH_MATCHING_ROUNDS', 1, 1)),
    warmup: 10,
    goalP99Ms: 30,
    goalRatio: 3,
    label: base.label,
  };
}

// ─── Data ──────────────────────────────────────────────────────────────────

export const MATCHING_GROUPS = ['omslag_mobw_adult', 'omslag_mobw_family', 'omslag_young_adult', 'wheelchair_urgent', 'social_medical_urgent'] as const;

/** Veenhaven's neighbourhoods: 7 districts × 6 (the BAG fixtures' codes among them). */
export const MATCHING_NEIGHBOURHOODS: string[] = Array.from({ length: 7 * 6 }, (_, n) => `BU9001${String(Math.floor(n / 6)).padStart(2, '0')}${String(n % 6).padStart(2, '0')}`);

const textArray = (xs: readonly string[]) => `ARRAY[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(',')}]::text[]`;

interface Generated {
  municipalityId: string;
  providerIds: string[];
  rows: Record<string, number>;
  ms: number;
}

/**
 * Generates the data in SQL (generate_series; a deterministic hash per row and purpose instead of
 * random(), so the same seed gives the same data on every database). The helper function
 * bench_rnd is dropped afterwards: the schema ends as the migrations left it.
 */
export async function generateMatchingData(db: Db, s: MatchingSettings): Promise<Generated> {
  const t0 = performance.now();
  const mun = await db.selectFrom('organisations').select('id').where('type', '=', 'municipality').where('municipality_code', '=', 'GM9001').executeTakeFirstOrThrow();
  const providers = await db.selectFrom('organisations').select('id').where('type', '=', 'care_provider').where('active', '=', true).orderBy('code').execute();
  const admin = await db.selectFrom('users').select('id').orderBy('created_at').limit(1).executeTakeFirstOrThrow();
  const N = s.clients;
  const asOf = `date '${s.offerDate}'`;
  const ts = `timestamptz '2025-01-01T08:00:00Z'`;
  const munId = `'${mun.id}'::uuid`;
  const run = (q: string) => db.executeQuery(CompiledQuery.raw(q));
  await run(`CREATE FUNCTION bench_rnd(i bigint, k int) RETURNS double precision LANGUAGE sql IMMUTABLE AS
    $$ SELECT (hashint8(i * 1000003 + k * 7919 + ${s.seed % 1_000_000}) & 2147483647)::double precision / 2147483648.0 $$`);
  try {
    // The group of client i: r = bench_rnd(i, 1) — 45 % adult, 20 % family, 20 % young adult, 5 % wheelchair, 10 % social-medical.
    const group = `CASE WHEN bench_rnd(i,1) < 0.45 THEN 'omslag_mobw_adult' WHEN bench_rnd(i,1) < 0.65 THEN 'omslag_mobw_family' WHEN bench_rnd(i,1) < 0.85 THEN 'omslag_young_adult' WHEN bench_rnd(i,1) < 0.90 THEN 'wheelchair_urgent' ELSE 'social_medical_urgent' END`;
    const family = `(bench_rnd(i,1) >= 0.45 AND bench_rnd(i,1) < 0.65)`;
    const youngAdult = `(bench_rnd(i,1) >= 0.65 AND bench_rnd(i,1) < 0.85)`;
    log(`matching: generating ${N} clients …`);
    await run(`INSERT INTO clients (id, care_provider_id, first_name, last_name, birth_date, target_group, multi_problem_family, created_at, updated_at)
      SELECT md5('bench-client-' || i)::uuid, p.ids[1 + (i % array_length(p.ids, 1))], 'Cliënt', 'Bench ' || i,
             ${asOf} - (365.25 * CASE WHEN ${youngAdult} THEN 18 + bench_rnd(i,2) * 5 ELSE 23 + bench_rnd(i,2) * 45 END)::int,
             ${group}, ${family} AND bench_rnd(i,3) < 0.5, ${ts}, ${ts}
      FROM (SELECT ${textArray(providers.map((p) => p.id))}::uuid[] AS ids) p, generate_series(1, ${N}) i`);
    await run(`INSERT INTO trajectories (id, client_id, care_provider_id, target_group, variant, phase, status, started_on, state, event_count, created_at, updated_at, municipality_id)
      SELECT md5('bench-traj-' || i)::uuid, c.id, c.care_provider_id, c.target_group, 'regular', 'P3_matching', 'active', s.started,
             jsonb_build_object('activeMediationOn', (s.started + 60)::text)
               || CASE WHEN bench_rnd(i,5) < 0.9 THEN jsonb_build_object('analysisOn', (s.started + 30)::text) ELSE '{}'::jsonb END,
             12, ${ts}, ${ts}, ${munId}
      FROM generate_series(1, ${N}) i
      JOIN clients c ON c.id = md5('bench-client-' || i)::uuid
      CROSS JOIN LATERAL (SELECT ${asOf} - (90 + floor(bench_rnd(i,4) * 1400))::int AS started) s`);
    // Children: families 1–4, others 10 % one; partners: families 40 %, others 8 %.
    await run(`INSERT INTO household_members (id, client_id, kind, name, birth_date, created_at)
      SELECT md5('bench-hh-' || i || '-' || k)::uuid, md5('bench-client-' || i)::uuid, 'child', 'Kind ' || k,
             ${asOf} - (180 + floor(bench_rnd(i, 20 + k) * 6300))::int, ${ts}
      FROM generate_series(1, ${N}) i, generate_series(1, 4) k
      WHERE k <= CASE WHEN ${family} THEN 1 + floor(bench_rnd(i,6) * 4)::int WHEN bench_rnd(i,7) < 0.1 THEN 1 ELSE 0 END`);
    await run(`INSERT INTO household_members (id, client_id, kind, name, birth_date, created_at)
      SELECT md5('bench-hh-' || i || '-0')::uuid, md5('bench-client-' || i)::uuid, 'partner', 'Partner', NULL, ${ts}
      FROM generate_series(1, ${N}) i
      WHERE (${family} AND bench_rnd(i,8) < 0.4) OR (NOT ${family} AND bench_rnd(i,8) < 0.08)`);
    await run(`INSERT INTO consents (id, client_id, purposes, given_on, explained_items, explained_by, retention, recorded_at)
      SELECT md5('bench-consent-' || i)::uuid, md5('bench-client-' || i)::uuid, ARRAY['PB-1','PB-2'], ${asOf} - 400, '[]'::jsonb, '${admin.id}'::uuid,
             'Tot 2 jaar na afsluiting van het traject', ${ts}
      FROM generate_series(1, ${N}) i WHERE bench_rnd(i,9) < 0.95`);
    const codes = textArray(MATCHING_NEIGHBOURHOODS);
    const nc = MATCHING_NEIGHBOURHOODS.length;
    const tri = (k: number, pTrue: number, pNull: number) => `CASE WHEN bench_rnd(i,${k}) < ${pNull} THEN NULL ELSE bench_rnd(i,${k + 1}) < ${pTrue} END`;
    log('matching: housing-need profiles …');
    await run(`INSERT INTO housing_profiles (client_id, municipality_id, preferred, excluded, circumstances, schools, avoid_liquor_shop, low_stimulus, needs_wheelchair, ground_floor_or_lift, monthly_income, created_at, updated_at)
      SELECT md5('bench-client-' || i)::uuid, ${munId},
        (SELECT coalesce(jsonb_agg(jsonb_build_object('code', (${codes})[1 + floor(bench_rnd(i, 40 + k) * ${nc})::int], 'reason', 'netwerk in de buurt')), '[]'::jsonb)
           FROM generate_series(1, floor(bench_rnd(i,39) * 4)::int) k),
        (SELECT coalesce(jsonb_agg(jsonb_build_object('code', (${codes})[1 + floor(bench_rnd(i, 50 + k) * ${nc})::int], 'reason', 'eerdere overlast of risico')), '[]'::jsonb)
           FROM generate_series(1, CASE WHEN bench_rnd(i,49) < 0.6 THEN 0 ELSE 1 + floor(bench_rnd(i,48) * 2)::int END) k),
        '[]'::jsonb,
        (SELECT coalesce(jsonb_agg(jsonb_build_object('childId', h.id, 'name', 'Basisschool De Veenpoort', 'lat', 52.68 + bench_rnd(i,31) * 0.05, 'lon', 6.17 + bench_rnd(i,32) * 0.07)), '[]'::jsonb)
           FROM household_members h WHERE h.client_id = md5('bench-client-' || i)::uuid AND h.kind = 'child' AND h.birth_date < ${asOf} - 4 * 365 AND bench_rnd(i,30) < 0.7),
        ${tri(60, 0.15, 0.1)}, ${tri(62, 0.2, 0.05)},
        CASE WHEN bench_rnd(i,1) >= 0.85 AND bench_rnd(i,1) < 0.90 THEN true ELSE ${tri(64, 0.01, 0.05)} END,
        ${tri(66, 0.08, 0.05)},
        CASE WHEN bench_rnd(i,68) < 0.05 THEN NULL ELSE round((900 + bench_rnd(i,69) * 1500)::numeric, 2) END,
        ${ts}, ${ts}
      FROM generate_series(1, ${N}) i`);
    const D = s.dwellings + s.replays;
    log(`matching: ${D} dwellings …`);
    const corporations = await db.selectFrom('organisations').select('id').where('type', '=', 'housing_corporation').orderBy('code').execute();
    await run(`INSERT INTO dwellings (id, municipality_id, corporation_id, reference, postcode, house_number, street, city, address_verified, neighbourhood_code, municipality_code, lat, lon,
        floor, lift, noise, contact_name, contact_role, last_nuisance_file_on, liveability, access_type, rooms, area_m2, dwelling_type, wheelchair_suitable, inside_ring,
        one_person_unit, liquor_shop_distance_m, available_on, pool, rent, status, created_at, updated_at)
      SELECT md5('bench-dwelling-' || i)::uuid, ${munId}, (${textArray(corporations.map((c) => c.id))}::uuid[])[1 + (i % ${corporations.length})], 'BENCH-' || i,
             '900' || (1 + i % 7) || 'BX', i, 'Benchstraat', 'Veenhaven', true, (${codes})[1 + floor(bench_rnd(-i, 1) * ${nc})::int], 'GM9001',
             52.68 + bench_rnd(-i,2) * 0.05, 6.17 + bench_rnd(-i,3) * 0.07,
             f.floor, f.floor >= 2 AND bench_rnd(-i,5) < 0.7,
             CASE WHEN bench_rnd(-i,6) < 0.6 THEN 'LOW' WHEN bench_rnd(-i,6) < 0.9 THEN 'MEDIUM' ELSE 'HIGH' END,
             'Bench Beheer', 'wijkbeheerder',
             CASE WHEN bench_rnd(-i,7) < 0.1 THEN ${asOf} - (30 + floor(bench_rnd(-i,8) * 700))::int ELSE NULL END,
             CASE WHEN bench_rnd(-i,9) < 0.85 THEN 'OK' ELSE 'UNDER_PRESSURE' END,
             CASE WHEN f.floor = 0 THEN 'ground_level' WHEN bench_rnd(-i,10) < 0.5 THEN 'porch' ELSE 'gallery' END,
             f.rooms, round((18 + f.rooms * 16 + bench_rnd(-i,11) * 12)::numeric, 1),
             CASE WHEN f.rooms = 1 THEN 'studio' WHEN f.rooms >= 4 THEN 'family' ELSE 'apartment' END,
             bench_rnd(-i,12) < 0.05, NULL, f.rooms = 1 AND bench_rnd(-i,13) < 0.5,
             CASE WHEN bench_rnd(-i,14) < 0.1 THEN NULL ELSE 50 + floor(bench_rnd(-i,15) * 1450)::int END,
             ${asOf} + floor(bench_rnd(-i,16) * 30)::int,
             ARRAY(SELECT g FROM unnest(${textArray(MATCHING_GROUPS)}) WITH ORDINALITY AS u(g, n) WHERE bench_rnd(-i, 20 + n::int) < 0.35 OR n = 1 + (i % 5)),
             round((450 + bench_rnd(-i,17) * 450)::numeric, 2), 'available', ${ts}, ${ts}
      FROM generate_series(1, ${D}) i
      CROSS JOIN LATERAL (SELECT floor(bench_rnd(-i,4) * 7)::int AS floor, 1 + floor(bench_rnd(-i,18) * 4)::int AS rooms) f`);
  } finally {
    await run('DROP FUNCTION IF EXISTS bench_rnd(bigint, int)');
  }
  await sql`VACUUM ANALYZE`.execute(db);
  const rows: Record<string, number> = {};
  for (const t of ['clients', 'trajectories', 'household_members', 'consents', 'housing_profiles', 'dwellings'] as const) {
    const r = await db.selectFrom(t).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    rows[t] = Number(r.n);
  }
  return { municipalityId: mun.id, providerIds: providers.map((p) => p.id), rows, ms: performance.now() - t0 };
}

// ─── Measuring ─────────────────────────────────────────────────────────────

export interface Stats { n: number; meanMs: number; p50Ms: number; p90Ms: number; p99Ms: number; maxMs: number }

export function stats(samples: number[]): Stats {
  const xs = [...samples].sort((a, b) => a - b);
  const at = (q: number) => xs[Math.min(xs.length - 1, Math.max(0, Math.ceil(q * xs.length) - 1))] ?? 0;
  return {
    n: xs.length,
    meanMs: round(xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length)),
    p50Ms: round(at(0.5)),
    p90Ms: round(at(0.9)),
    p99Ms: round(at(0.99)),
    maxMs: round(xs.at(-1) ?? 0),
  };
}

function scenarioQuery(scenario: MatchingScenario, d: DwellingRow, providerIds: string[], index: number, today: string): CandidateQuery {
  return {
    municipalityId: d.municipality_id,
    pool: d.pool,
    neighbourhoodCode: d.neighbourhood_code,
    wheelchairSuitable: d.wheelchair_suitable,
    careProviderId: scenario === 'ams' ? providerIds[index % providerIds.length]! : null,
    corporationId: d.corporation_id,
    needsMatchingConsent: scenario === 'utr',
    today,
  };
}

export interface ScenarioReport {
  scenario: MatchingScenario;
  describe: string;
  dwellings: number;
  /** Rows the prefilter returned per dwelling (= candidates assessed). */
  candidates: { min: number; p50: number; max: number; atLimit: number };
  prefilter: Stats;
  proposal: Stats;
  /** Mean ms per step of (2). */
  /** Mean ms per step of (2): the dwelling row, engineInput (context + prefilter + facts), propose(). */
  steps: { loadDwellingMs: number; engineInputMs: number; proposeMs: number };
  ratio: { p50: number; p99: number };
  proposedPerDwelling: { p50: number; max: number };
  goal: { p99Ms: number; ratio: number; metP99: boolean; metRatio: boolean };
  explain: { plan: string[]; executionMs: number | null };
}

async function explainPrefilter(db: Db, q: CandidateQuery): Promise<{ plan: string[]; executionMs: number | null }> {
  const c = candidatePrefilter(db, q).compile();
  const r = await db.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`EXPLAIN (ANALYZE, BUFFERS) ${c.sql}`, [...c.parameters]));
  const plan = r.rows.map((x) => x['QUERY PLAN']);
  const exec = plan.map((l) => /Execution Time: ([\d.]+) ms/.exec(l)).find(Boolean);
  return { plan, executionMs: exec ? Number(exec[1]) : null };
}

/**
 * (2): what the offer routes do before they write — engineInput (configuration, placements nearby,
 * vulnerable neighbourhoods, dwelling facts, the prefilter, candidate facts) and propose() —
 * after loading the dwelling row.
 */
async function proposal(db: Db, dwellingId: string, scenario: MatchingScenario, careProviderId: string | null, offerDate: string) {
  const t0 = performance.now();
  const d = await db.selectFrom('dwellings').selectAll().where('id', '=', dwellingId).executeTakeFirstOrThrow();
  const t1 = performance.now();
  // What the routes do: OM-UTR the proposal of N (POST /offers), OM-AMS the care provider's first 50 ranked (GET /offers/:id/candidates).
  const ranked = await rankedCandidates(db, d, { offerDate, careProviderId, forCorporation: scenario === 'utr', today: offerDate, model: scenario === 'utr' ? 'OM-UTR' : 'OM-AMS', ...(scenario === 'ams' ? { want: 50 } : {}) });
  const t2 = performance.now();
  const result = ranked.proposal;
  const t3 = performance.now();
  return { result, candidates: ranked.candidates.length, batches: ranked.batches, times: [t1 - t0, t2 - t1, t3 - t2] as const, total: t3 - t0 };
}

async function benchScenario(db: Db, s: MatchingSettings, scenario: MatchingScenario, dwellingIds: string[], providerIds: string[]): Promise<ScenarioReport> {
  const rowsOf = new Map<string, DwellingRow>();
  for (const id of dwellingIds) rowsOf.set(id, await db.selectFrom('dwellings').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
  const providerFor = (index: number) => (scenario === 'ams' ? providerIds[index % providerIds.length]! : null);
  const qFor = (index: number) => (d: DwellingRow) => scenarioQuery(scenario, d, providerIds, index, s.offerDate);
  // Warm-up (discarded).
  for (let i = 0; i < Math.min(s.warmup, dwellingIds.length); i++) {
    await candidatePrefilter(db, qFor(i)(rowsOf.get(dwellingIds[i]!)!)).execute();
    await proposal(db, dwellingIds[i]!, scenario, providerFor(i), s.offerDate);
  }
  const pre: number[] = [];
  const full: number[] = [];
  const steps = [0, 0, 0];
  const counts: number[] = [];
  const proposedCounts: number[] = [];
  const limit = CANDIDATE_BATCH;
  for (let round_ = 0; round_ < s.rounds; round_++) {
    for (let i = 0; i < dwellingIds.length; i++) {
      const id = dwellingIds[i]!;
      const q = qFor(i)(rowsOf.get(id)!);
      // Alternate the order so neither measurement always runs on the other's warm cache.
      const measurePre = async () => {
        const t = performance.now();
        const rows = await candidatePrefilter(db, q).execute();
        pre.push(performance.now() - t);
        if (round_ === 0) counts.push(rows.length);
      };
      const measureFull = async () => {
        const r = await proposal(db, id, scenario, providerFor(i), s.offerDate);
        full.push(r.total);
        r.times.forEach((t, k) => (steps[k]! += t));
        if (round_ === 0) proposedCounts.push(r.result.proposed.length);
      };
      if (i % 2 === 0) {
        await measurePre();
        await measureFull();
      } else {
        await measureFull();
        await measurePre();
      }
    }
  }
  const prefilter = stats(pre);
  const prop = stats(full);
  const sortedCounts = [...counts].sort((a, b) => a - b);
  const sortedProposed = [...proposedCounts].sort((a, b) => a - b);
  const n = full.length;
  const explain = await explainPrefilter(db, qFor(0)(rowsOf.get(dwellingIds[0]!)!));
  return {
    scenario,
    describe: scenario === 'ams'
      ? "OM-AMS: the waiting clients of the care provider the dwelling is offered to (1 of 12), no consent filter"
      : 'OM-UTR: every waiting client of the municipality whose consent covers matching (PB-1)',
    dwellings: dwellingIds.length,
    candidates: { min: sortedCounts[0] ?? 0, p50: sortedCounts[Math.floor(sortedCounts.length / 2)] ?? 0, max: sortedCounts.at(-1) ?? 0, atLimit: counts.filter((c) => c >= limit).length },
    prefilter,
    proposal: prop,
    steps: { loadDwellingMs: round(steps[0]! / n), engineInputMs: round(steps[1]! / n), proposeMs: round(steps[2]! / n) },
    ratio: { p50: round(prop.p50Ms / prefilter.p50Ms, 2), p99: round(prop.p99Ms / prefilter.p99Ms, 2) },
    proposedPerDwelling: { p50: sortedProposed[Math.floor(sortedProposed.length / 2)] ?? 0, max: sortedProposed.at(-1) ?? 0 },
    goal: { p99Ms: s.goalP99Ms, ratio: s.goalRatio, metP99: prop.p99Ms <= s.goalP99Ms, metRatio: prop.p99Ms <= s.goalRatio * prefilter.p99Ms },
    explain,
  };
}

// ─── Replay ────────────────────────────────────────────────────────────────

export interface ReplayReport {
  proposals: number;
  candidatesPerProposal: number;
  /** Generating and writing the proposals (set-up, not measured as replay). */
  storeMs: number;
  /** POST /matching/replay's path: one query for the period's proposals + replay() over all, per proposal (median of 3 runs). */
  batch: { loadMsPerProposal: number; replayMsPerProposal: number; totalMs: number } | null;
  /** One proposal row read by id + replay() of it. */
  single: Stats;
  /** replay() of one proposal alone (pure). */
  replayOnly: Stats;
  /** Replayed under the configuration they were made with: must be 0. */
  changedUnderSameConfig: number;
  /** Under replayConfig() (SP-01 and SP-08 + 10): rankings changed / choices affected (informative). */
  changedUnderNewConfig: number;
  choicesAffected: number;
}

/** A configuration that differs from the stored one (so the replay recomputes for real): stronger SP-01 and SP-08. */
export function replayConfig(base: MatchingConfig): MatchingConfig {
  return { ...base, penalties: { ...base.penalties, SP01: base.penalties.SP01 + 10, SP08: base.penalties.SP08 + 10 } };
}

/**
 * (3): stores `replays` past proposals as the offer route stores them (config, dwelling facts, every
 * candidate's facts, the result with all assessments; OM-UTR, offer dates over the year before
 * offerDate, 70 % with a chosen candidate), each of `replayCandidates` candidates taken from the
 * waiting clients in the dwelling's pool; then measures
 *   - batch: the replay route's path — one query for the period's proposals, replay() over all — per proposal;
 *   - single: one proposal row read by id + replay() of it, per proposal (p50/p99);
 *   - replay() alone per proposal;
 * and checks that replaying under the stored configuration changes nothing.
 */
async function benchReplay(db: Db, s: MatchingSettings, dwellingIds: string[], municipalityId: string): Promise<ReplayReport> {
  if (dwellingIds.length === 0) return { proposals: 0, candidatesPerProposal: 0, storeMs: 0, batch: null, single: stats([]), replayOnly: stats([]), changedUnderSameConfig: 0, changedUnderNewConfig: 0, choicesAffected: 0 };
  const t0 = performance.now();
  // A reservoir of waiting candidates (every group, no neighbourhood or wheelchair cut).
  const reservoir = (await candidatePrefilter(db, {
    municipalityId, pool: [...MATCHING_GROUPS], neighbourhoodCode: null, wheelchairSuitable: true, needsMatchingConsent: false, today: s.offerDate, limit: 5000,
  }).execute()).map((r) => candidateFacts(r, s.offerDate));
  const stored: MatchingConfig = { ...DEFAULT_MATCHING_CONFIG, model: 'OM-UTR' };
  const rows = await db.selectFrom('dwellings').selectAll().where('id', 'in', dwellingIds).orderBy('house_number').execute();
  const batchSize = 25;
  let values: Array<Record<string, unknown>> = [];
  const flush = async () => {
    if (values.length) await db.insertInto('proposals').values(values as never).execute();
    values = [];
  };
  for (let j = 0; j < rows.length; j++) {
    const d = rows[j]!;
    const offerDate = shiftDate(s.offerDate, -(1 + ((j * 7919) % 365)));
    const facts: DwellingFacts = dwellingFacts(d, { placementsNearby24m: j % 3, vulnerable: j % 10 === 0 });
    const candidates: CandidateFacts[] = [];
    for (let k = 0; k < reservoir.length && candidates.length < s.replayCandidates; k++) {
      const c = reservoir[((j * 37) + k * 7) % reservoir.length]!;
      if (d.pool.includes(c.targetGroup) && !(d.neighbourhood_code && c.excludedNeighbourhoods.includes(d.neighbourhood_code)) && !candidates.includes(c)) candidates.push(c);
    }
    const p = propose(facts, candidates, offerDate, stored, 1);
    const chosen = j % 10 < 7 ? (p.proposed[j % Math.max(1, p.proposed.length)] ?? null) : null;
    values.push({
      municipality_id: d.municipality_id, dwelling_id: d.id, corporation_id: d.corporation_id, care_provider_id: null, model: 'OM-UTR', offer_date: offerDate,
      config_version: 1, config: JSON.stringify(stored), dwelling_facts: JSON.stringify(facts), candidate_facts: JSON.stringify(candidates), result: JSON.stringify(p),
      proposed: sql<string[]>`${sql.val(`{${p.proposed.join(',')}}`)}::uuid[]`, chosen_trajectory_id: chosen, created_at: new Date('2026-01-01T08:00:00Z'),
    });
    if (values.length >= batchSize) await flush();
  }
  await flush();
  await sql`ANALYZE proposals`.execute(db);
  const storeMs = performance.now() - t0;
  log(`matching replay: stored ${rows.length} proposals of ${s.replayCandidates} candidates in ${Math.round(storeMs)} ms`);

  type Row = { id: string; offer_date: string; config_version: number; dwelling_facts: unknown; candidate_facts: unknown; result: unknown; chosen_trajectory_id: string | null };
  const toPast = (r: Row): PastProposal => ({
    proposalId: r.id, dwelling: r.dwelling_facts as DwellingFacts, candidates: r.candidate_facts as CandidateFacts[], offerDate: r.offer_date,
    configVersion: r.config_version, proposed: (r.result as Proposal).proposed, chosenCandidateId: r.chosen_trajectory_id,
  });
  const columns = ['id', 'offer_date', 'config_version', 'dwelling_facts', 'candidate_facts', 'result', 'chosen_trajectory_id'] as const;
  const newConfig = replayConfig(stored);
  const from = shiftDate(s.offerDate, -366);
  // Batch, as POST /matching/replay does it (its query, its mapping), three times: the median run.
  const batches: Array<{ loadMs: number; replayMs: number }> = [];
  let changedNew = 0;
  let affected = 0;
  for (let run = 0; run < 3; run++) {
    const b0 = performance.now();
    const all = await db.selectFrom('proposals').select([...columns]).where('municipality_id', '=', municipalityId)
      .where('offer_date', '>=', from).where('offer_date', '<=', s.offerDate).orderBy('offer_date').limit(5000).execute();
    const b1 = performance.now();
    const r = replay(all.map((x) => toPast(x as Row)), newConfig, 2);
    const b2 = performance.now();
    batches.push({ loadMs: b1 - b0, replayMs: b2 - b1 });
    changedNew = r.totals.rankingsChanged;
    affected = r.totals.choicesAffected;
  }
  const mid = [...batches].sort((a, b) => a.loadMs + a.replayMs - (b.loadMs + b.replayMs))[1]!;
  // Single proposals.
  const ids = (await db.selectFrom('proposals').select('id').where('municipality_id', '=', municipalityId).orderBy('offer_date').execute()).map((r) => r.id);
  const single: number[] = [];
  const only: number[] = [];
  let changedSame = 0;
  for (const id of ids) {
    const a = performance.now();
    const row = await db.selectFrom('proposals').select([...columns]).where('id', '=', id).executeTakeFirstOrThrow();
    const past = toPast(row as Row);
    const b = performance.now();
    replay([past], newConfig, 2);
    const c = performance.now();
    single.push(c - a);
    only.push(c - b);
    if (replay([past], stored, 1).totals.rankingsChanged > 0) changedSame++;
  }
  const n = ids.length;
  return {
    proposals: n,
    candidatesPerProposal: s.replayCandidates,
    storeMs: Math.round(storeMs),
    batch: { loadMsPerProposal: round(mid.loadMs / n), replayMsPerProposal: round(mid.replayMs / n), totalMs: round(mid.loadMs + mid.replayMs, 1) },
    single: stats(single),
    replayOnly: stats(only),
    changedUnderSameConfig: changedSame,
    changedUnderNewConfig: changedNew,
    choicesAffected: affected,
  };
}

function shiftDate(iso: string, days: number): string {
  const t = Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

// ─── Report ────────────────────────────────────────────────────────────────

export interface MatchingReport {
  benchmark: 'matching';
  date: string;
  machine: ReturnType<typeof machineInfo>;
  loadAverage: { start: number[]; end: number[] };
  settings: MatchingSettings;
  database: { kind: DbKind; version: string; describe: string; sizeBytes: number | null };
  data: { rows: Record<string, number>; generateMs: number };
  scenarios: ScenarioReport[];
  replay: ReplayReport;
  wallSeconds: number;
  notes: string[];
}

export async function benchMatching(kind: DbKind, s: MatchingSettings): Promise<MatchingReport> {
  const date = new Date().toISOString(); // a bench, not a test: wall-clock time is what we want here
  const t0 = performance.now();
  const loadStart = loadAverage();
  const target = await prepareDatabase(kind);
  const closeDb = onCleanup(`close ${kind} matching database`, () => target.database.close());
  log(`${kind} matching: ${target.describe}`);
  await migrate(target.database);
  await seedDemo(target.database.db, systemClock);
  const db = target.database.db;
  const gen = await generateMatchingData(db, s);
  log(`${kind} matching: generated ${Object.entries(gen.rows).map(([k, v]) => `${v} ${k}`).join(', ')} in ${Math.round(gen.ms)} ms`);
  const all = await db.selectFrom('dwellings').select('id').where('reference', 'like', 'BENCH-%').orderBy('house_number').execute();
  const dwellingIds = all.slice(0, s.dwellings).map((r) => r.id);
  const replayIds = all.slice(s.dwellings, s.dwellings + s.replays).map((r) => r.id);
  const scenarios: ScenarioReport[] = [];
  for (const scenario of ['ams', 'utr'] as const) {
    log(`${kind} matching: scenario ${scenario}, ${dwellingIds.length} dwellings × ${s.rounds} round(s) …`);
    const r = await benchScenario(db, s, scenario, dwellingIds, gen.providerIds);
    log(`${kind} matching: ${scenario}: prefilter p50 ${r.prefilter.p50Ms} p99 ${r.prefilter.p99Ms} ms; proposal p50 ${r.proposal.p50Ms} p99 ${r.proposal.p99Ms} ms; ${r.candidates.p50} candidates (p50)`);
    scenarios.push(r);
  }
  const replayReport = await benchReplay(db, s, replayIds, gen.municipalityId);
  const version = await databaseVersion(db);
  const sizeBytes = await databaseSize(db);
  await closeDb();
  await target.dispose();
  const report: MatchingReport = {
    benchmark: 'matching',
    date,
    machine: machineInfo(),
    loadAverage: { start: loadStart, end: loadAverage() },
    settings: s,
    database: { kind, version, describe: target.describe, sizeBytes },
    data: { rows: gen.rows, generateMs: Math.round(gen.ms) },
    scenarios,
    replay: replayReport,
    wallSeconds: Math.round((performance.now() - t0) / 1000),
    notes: [
      'All timings are serial, one proposal at a time, on the bench process\'s own database handle (no HTTP, no session, no audit, no write of the proposal).',
      'Ratio = (2) proposal ÷ (1) prefilter at the same percentile, both measured over the same dwellings in the same run (interleaved).',
      'The prefilter reads one batch of candidates (250, longest wait first; migration 0013 indexes that order); the proposal reads batches until the top N is settled (src/modules/matching/proposal.ts). "candidates" counts the rows of the first batch; "atLimit" the dwellings whose first batch was full.',
    ],
  };
  return report;
}

export function writeMatchingReport(dir: string, r: MatchingReport, suffix: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `matching-${r.database.kind}${suffix}.json`);
  fs.writeFileSync(file, `${JSON.stringify(r, null, 2)}\n`);
  return file;
}

export function matchingSummary(r: MatchingReport, suffix: string) {
  return {
    database: r.database.kind,
    file: `matching-${r.database.kind}${suffix}.json`,
    clients: r.data.rows.trajectories,
    scenarios: r.scenarios.map((x) => ({
      scenario: x.scenario,
      candidatesP50: x.candidates.p50,
      prefilterP50Ms: x.prefilter.p50Ms,
      prefilterP99Ms: x.prefilter.p99Ms,
      proposalP50Ms: x.proposal.p50Ms,
      proposalP99Ms: x.proposal.p99Ms,
      ratioP50: x.ratio.p50,
      ratioP99: x.ratio.p99,
      goalMet: x.goal.metP99 && x.goal.metRatio,
    })),
    replayBatchMsPerProposal: r.replay.batch ? round(r.replay.batch.loadMsPerProposal + r.replay.batch.replayMsPerProposal) : null,
    replaySingleP50Ms: r.replay.single.p50Ms,
    replaySingleP99Ms: r.replay.single.p99Ms,
  };
}

export function printMatching(reports: MatchingReport[]): string {
  const out: string[] = [];
  for (const r of reports) {
    out.push(`\nMatching — ${r.database.kind} (${r.database.version.split(' on ')[0]}); ${r.data.rows.trajectories} waiting clients, ${r.settings.dwellings} dwellings; serial ms per proposal`);
    out.push(table([
      ['scenario', 'candidates p50 (max)', 'prefilter p50', 'p99', 'proposal p50', 'p90', 'p99', 'ratio p50', 'ratio p99', `goal p99 ≤ ${r.settings.goalP99Ms} ms`, `≤ ${r.settings.goalRatio}×`],
      ...r.scenarios.map((x) => [
        x.scenario, `${x.candidates.p50} (${x.candidates.max})`, String(x.prefilter.p50Ms), String(x.prefilter.p99Ms), String(x.proposal.p50Ms), String(x.proposal.p90Ms), String(x.proposal.p99Ms),
        `${x.ratio.p50}×`, `${x.ratio.p99}×`, x.goal.metP99 ? 'met' : 'NOT met', x.goal.metRatio ? 'met' : 'NOT met',
      ]),
    ]));
    for (const x of r.scenarios) {
      out.push(`  ${x.scenario} steps (mean ms): dwelling row ${x.steps.loadDwellingMs}, engineInput ${x.steps.engineInputMs} (prefilter alone: mean ${x.prefilter.meanMs}), propose ${x.steps.proposeMs}`);
    }
    const rp = r.replay;
    out.push(rp.batch
      ? `  replay of ${rp.proposals} stored proposals (${rp.candidatesPerProposal} candidates each): as POST /matching/replay ${round(rp.batch.loadMsPerProposal + rp.batch.replayMsPerProposal)} ms per proposal `
        + `(load ${rp.batch.loadMsPerProposal} + replay ${rp.batch.replayMsPerProposal}; ${rp.batch.totalMs} ms for all); one by one p50 ${rp.single.p50Ms} ms, p99 ${rp.single.p99Ms} ms; `
        + `replay() alone p50 ${rp.replayOnly.p50Ms} ms; changed under the same configuration ${rp.changedUnderSameConfig}, under the new one ${rp.changedUnderNewConfig}`
      : '  replay: not measured (BENCH_MATCHING_REPLAYS=0)');
  }
  return out.join('\n');
}

// `npx tsx bench/matching.ts`: this suite alone, PGlite only, without the rest of bench/run.ts.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const { RESULTS_DIR, runCleanups } = await import('./common.ts');
  const { DEFAULT_SEED } = await import('./synthetic.ts');
  const label = process.env.BENCH_LABEL?.trim() || null;
  try {
    const r = await benchMatching('pglite', matchingSettings({ seed: Math.floor(envNumber('BENCH_SEED', DEFAULT_SEED)), label }));
    const file = writeMatchingReport(RESULTS_DIR, r, label ? `-${label}` : '');
    process.stdout.write(`${printMatching([r])}\n\nwrote ${path.relative(process.cwd(), file)} in ${r.wallSeconds} s\n`);
  } finally {
    await runCleanups();
  }
  process.exit(0);
}
