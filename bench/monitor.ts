/**
 * National-scale benchmarks of issue 4 (suites "monitor" and "import" of `npm run bench`). See bench/README.md.
 *
 * Per database, one fresh database with the national data set of bench/national.ts (2 000 000
 * placements over 2016–2025, 350 municipalities in 25 regions, 300 corporations, agreements and plans,
 * released dwellings, quotas; deterministic from BENCH_SEED; BENCH_SCALE shrinks it), then:
 *
 * monitor — the full national monitor for one year and month (all groupings):
 *   (service) computeMonitor(db, { year, month }) in-process             — SQL + JS shaping
 *   (http)    GET /api/v1/monitor?year=…&month=… as the programme analyst — + session, policy, response schema, transfer
 *   (raw)     a hand-written SQL aggregate of the same counts             — the floor (rawMonitorAggregate)
 * timed interleaved (warm-up + N runs each, median and p95), ratio = monitor ÷ raw; plus a breakdown (each query
 * of queries.ts alone and together, JSON size and rows per metric) and EXPLAIN (ANALYZE, BUFFERS) of the main queries.
 *
 * import — POST /api/v1/imports/placements of a 1 000 000-row CSV (api.md format, streamed from a temp file)
 * to the real app running in a CHILD process (its own RSS, sampled every 100 ms, is the server's peak memory),
 * against COPY of the same file into an unlogged table without indexes or constraints (psql \copy on
 * PostgreSQL, COPY … FROM '/dev/blob' on PGlite).
 *
 * The child mode: this file, forked with BENCH_IMPORT_CHILD=1, runs the import server (importChild below).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import crypto from 'node:crypto';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { PGlite } from '@electric-sql/pglite';
import { CompiledQuery, sql, type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs, type QueryResult, type RootOperationNode, type UnknownRow } from 'kysely';
import type { Config } from '../src/platform/config/config.ts';
import { openDatabase, type Db } from '../src/platform/db/database.ts';
import { createServer, type Server } from '../src/app/server.ts';
import { systemClock } from '../src/platform/clock.ts';
import { DEMO_DOMAIN, DEMO_PASSWORD } from '../src/app/seed/demo.ts';
import { computeMonitor } from '../src/modules/monitor/service.ts';
import {
  agreementsFor, deliveryAggregates, municipalInputs, previousYearWait, regionalStatushouderDwellings, releasedAggregates, statushouderInputs,
  waitingAggregates, type Scope,
} from '../src/modules/monitor/queries.ts';
import { monthEnd } from '../src/domain/monitor/formulas.ts';
import { parseHeader, validateRow, type ImportReferences } from '../src/domain/monitor/placement-row.ts';
import { parse as parseCsv } from 'csv-parse';
import type { MonitorResponse } from '../src/domain/monitor/model.ts';
import {
  BenchChild, databaseSize, databaseVersion, envNumber, loadAverage, log, login, machineInfo, onCleanup, originOf, prepareDatabase, round, table,
  type DbKind,
} from './common.ts';
import { generateNational, nationalSize, writeImportCsv, IMPORT_HEADER, type NationalResult, type NationalSize } from './national.ts';

// ─── Settings ────────────────────────────────────────────────────────────────

export interface NationalSettings {
  /** BENCH_SCALE (1 = the issue's volume). */
  scale: number;
  /** BENCH_SCALE_PGLITE: PGlite's scale (default min(scale, 0.25): at scale 1 PGlite needs ≈ 8 min to generate and ≈ 1 min per monitor). */
  scalePglite: number;
  seed: number;
  year: number;
  month: number;
  warmup: number;
  runs: number;
  /** BENCH_MONITOR_RUNS_PGLITE (default min(runs, 5)): PGlite's monitor is several times slower. */
  runsPglite: number;
  /** BENCH_IMPORT_ROWS, default 1 000 000 × scale. */
  importRows: number;
  goals: { monitorMs: number; monitorRatio: number; importRowsPerSec: number; importRssMb: number };
  label: string | null;
}

export function nationalSettings(base: { seed: number; label: string | null }): NationalSettings {
  const scale = envNumber('BENCH_SCALE', 1, 0.0005);
  return {
    scale,
    scalePglite: envNumber('BENCH_SCALE_PGLITE', Math.min(scale, 0.25), 0.0005),
    seed: base.seed,
    year: Math.floor(envNumber('BENCH_MONITOR_YEAR', 2024, 2017)),
    month: Math.floor(envNumber('BENCH_MONITOR_MONTH', 6, 1)),
    warmup: Math.floor(envNumber('BENCH_MONITOR_WARMUP', 2, 0)),
    runs: Math.floor(envNumber('BENCH_MONITOR_RUNS', 10, 1)),
    runsPglite: Math.floor(envNumber('BENCH_MONITOR_RUNS_PGLITE', Math.min(5, envNumber('BENCH_MONITOR_RUNS', 10, 1)), 1)),
    importRows: Math.floor(envNumber('BENCH_IMPORT_ROWS', Math.round(1_000_000 * scale), 1)),
    goals: { monitorMs: 1000, monitorRatio: 1.3, importRowsPerSec: 20_000, importRssMb: 512 },
    label: base.label,
  };
}

// ─── Helpers ─────────────────────────────────────────────────────────────────

const pct = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1]! : NaN);
export interface Timing { n: number; medianMs: number; p95Ms: number; minMs: number; maxMs: number; meanMs: number; samplesMs: number[] }
function timing(samples: number[]): Timing {
  const s = [...samples].sort((a, b) => a - b);
  return {
    n: s.length, medianMs: round(pct(s, 50), 1), p95Ms: round(pct(s, 95), 1), minMs: round(s[0] ?? NaN, 1), maxMs: round(s[s.length - 1] ?? NaN, 1),
    meanMs: round(s.reduce((a, b) => a + b, 0) / (s.length || 1), 1), samplesMs: samples.map((x) => round(x, 1)),
  };
}
async function timeIt(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}
const mb = (bytes: number) => round(bytes / 1024 ** 2, 1);

/** Captures the last query a Kysely instance compiles (for EXPLAIN). */
class Capture implements KyselyPlugin {
  queries: PluginTransformQueryArgs[] = [];
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.queries.push(args);
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

export interface PlanSummary {
  name: string;
  executionMs: number | null;
  planningMs: number | null;
  /** The indexes the plan reads, and whether any of those reads is index-only. */
  indexes: string[];
  indexOnlyScan: boolean;
  heapFetches: number | null;
  /** Sorts or hashes that spilled to disk (work_mem too small for the grouping). */
  spills: string[];
  topNode: string;
  scans: string[];
  plan: string[];
}

function summarisePlan(name: string, plan: string[]): PlanSummary {
  const num = (re: RegExp) => {
    const m = plan.map((l) => re.exec(l)).find(Boolean);
    return m ? Number(m[1]) : null;
  };
  const heap = plan.map((l) => /Heap Fetches: (\d+)/.exec(l)).filter(Boolean).map((m) => Number(m![1]));
  return {
    name,
    executionMs: num(/Execution Time: ([\d.]+) ms/),
    planningMs: num(/Planning Time: ([\d.]+) ms/),
    indexes: [...new Set(plan.map((l) => /Index (?:Only )?Scan using (\S+)|Bitmap Index Scan on (\S+)/.exec(l)).filter(Boolean).map((m) => m![1] ?? m![2]!))],
    indexOnlyScan: plan.some((l) => /Index Only Scan using/.test(l)),
    heapFetches: heap.length ? heap.reduce((a, b) => a + b, 0) : null,
    spills: plan.filter((l) => /Disk|external|Batches: [2-9]|Batches: \d\d/.test(l)).map((l) => l.trim()),
    topNode: plan[0]?.trim() ?? '',
    scans: plan.filter((l) => /Scan/.test(l)).map((l) => l.trim().replace(/\s+\(cost=.*$/, '').replace(/^->\s*/, '')),
    plan,
  };
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of the first SELECT/WITH query `run` sends (the captured SQL with its
 * parameters), in a transaction that first replays the `SET` statements sent before it (e.g. the
 * main pass's `SET LOCAL work_mem`), so the plan is the one the service gets.
 */
async function explainFirst(db: Db, name: string, run: (db: Db) => Promise<unknown>): Promise<PlanSummary> {
  const capture = new Capture();
  await run(db.withPlugin(capture));
  const compiled = capture.queries.map((q) => db.getExecutor().compileQuery(q.node, q.queryId));
  const i = compiled.findIndex((c) => /^\s*(SELECT|WITH)\b/i.test(c.sql));
  if (i < 0) throw new Error(`explain ${name}: no SELECT captured`);
  const target = compiled[i]!;
  const sets = compiled.slice(0, i).filter((c) => /^\s*SET\b/i.test(c.sql));
  const plan = await db.transaction().execute(async (trx) => {
    for (const c of sets) await trx.executeQuery(CompiledQuery.raw(c.sql, [...c.parameters]));
    const r = await trx.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`EXPLAIN (ANALYZE, BUFFERS) ${target.sql}`, [...target.parameters]));
    return r.rows.map((x) => x['QUERY PLAN']);
  });
  const summary = summarisePlan(name, plan);
  if (sets.length) summary.plan.unshift(...sets.map((c) => `-- replayed before EXPLAIN: ${c.sql.trim()}`));
  return summary;
}

// ─── The floor: a hand-written SQL aggregate of the same counts ──────────────

/**
 * The same counts as the monitor, as a DBA would write them by hand: one pass over the year's
 * placements with the finest groupings the figures are sums of — (municipality × target group),
 * (municipality × corporation), (municipality × month), (target group × month) and the total;
 * main groups, regions and main-group totals are sums of these rows (a target group belongs to one
 * main group, a municipality to one region) — and, likewise, the previous year's wait per
 * (municipality × target group), the households waiting at the month end per (municipality ×
 * target group × bucket) and released dwellings per (municipality × corporation × month). Delivered
 * year/YTD, the wait buckets (year/YTD), re-assessments, swaps and statushouder persons. No joins,
 * no JavaScript: the rows come back as the driver returns them. Sent together (Promise.all), as the
 * service sends its queries.
 */
export function rawMonitorStatements(scope: { year: number; month: number; from: string; to: string; asOf: string }) {
  const { from, to, asOf } = scope;
  const prevFrom = `${scope.year - 1}-01-01`;
  const prevTo = `${scope.year - 1}-12-31`;
  const reg = sql.raw(`move_reason = 'regular' AND route = 'corporation_dwelling'`);
  return {
    delivery: sql<Record<string, unknown>>`
      SELECT GROUPING(municipality_id, corporation_id, target_group, m) AS g, municipality_id, corporation_id, target_group, m,
        count(*) FILTER (WHERE ${reg})::int AS delivered,
        count(*) FILTER (WHERE ${reg} AND d <= ${asOf}::date)::int AS delivered_ytd,
        count(*) FILTER (WHERE ${reg} AND s IS NOT NULL)::int AS wait_base,
        count(*) FILTER (WHERE ${reg} AND d < s + 91)::int AS wait_lt3,
        count(*) FILTER (WHERE ${reg} AND d >= s + 91 AND d < s + 183)::int AS wait_3to6,
        count(*) FILTER (WHERE ${reg} AND s IS NOT NULL AND d <= ${asOf}::date)::int AS wait_base_ytd,
        count(*) FILTER (WHERE ${reg} AND d <= ${asOf}::date AND d < s + 91)::int AS wait_lt3_ytd,
        count(*) FILTER (WHERE ${reg} AND d <= ${asOf}::date AND d >= s + 91 AND d < s + 183)::int AS wait_3to6_ytd,
        count(*) FILTER (WHERE move_reason = 'perspective_reassessment')::int AS reassess,
        count(*) FILTER (WHERE move_reason = 'swap')::int AS swaps,
        coalesce(sum(persons) FILTER (WHERE move_reason = 'regular'), 0)::int AS persons
      FROM (SELECT municipality_id, corporation_id, target_group, move_reason, route, persons, lease_signed_date AS d, active_mediation_date AS s,
                   extract(month FROM lease_signed_date)::int AS m
              FROM placements WHERE lease_signed_date BETWEEN ${from}::date AND ${to}::date) p
      GROUP BY GROUPING SETS ((municipality_id, target_group), (municipality_id, corporation_id), (municipality_id, m), (target_group, m), ())`,
    previousYear: sql<Record<string, unknown>>`
      SELECT municipality_id, target_group,
        count(*) FILTER (WHERE active_mediation_date IS NOT NULL)::int AS wait_base,
        count(*) FILTER (WHERE lease_signed_date < active_mediation_date + 91)::int AS wait_lt3
      FROM placements
      WHERE lease_signed_date BETWEEN ${prevFrom}::date AND ${prevTo}::date AND move_reason = 'regular' AND route = 'corporation_dwelling'
      GROUP BY municipality_id, target_group`,
    waiting: sql<Record<string, unknown>>`
      SELECT municipality_id, target_group,
        CASE WHEN ${asOf}::date < active_mediation_date + 91 THEN 'lt3' WHEN ${asOf}::date < active_mediation_date + 183 THEN '3to6' ELSE 'gt6' END AS bucket,
        count(*)::int AS households
      FROM placements
      WHERE active_mediation_date <= ${asOf}::date AND (lease_signed_date IS NULL OR lease_signed_date > ${asOf}::date) AND move_reason = 'regular'
      GROUP BY 1, 2, 3`,
    released: sql<Record<string, unknown>>`
      SELECT municipality_id, corporation_id, month, sum(dwellings)::int AS dwellings
      FROM released_dwellings WHERE year = ${scope.year}
      GROUP BY 1, 2, 3`,
  };
}

async function rawMonitorAggregate(db: Db, scope: Parameters<typeof rawMonitorStatements>[0]) {
  const s = rawMonitorStatements(scope);
  const [a, b, c, d] = await Promise.all([s.delivery.execute(db), s.previousYear.execute(db), s.waiting.execute(db), s.released.execute(db)]);
  return { delivery: a.rows.length, previousYear: b.rows.length, waiting: c.rows.length, released: d.rows.length };
}

/**
 * The second floor: the same hand-written statements, but the delivered counts and the previous
 * year's wait read from the monthly rollup placement_month_counts (migration 0005) that the
 * service reads too — what a DBA would write by hand against the same table. The waiting
 * households and released dwellings are the same statements as the first floor.
 */
export function rollupMonitorStatements(scope: { year: number; month: number; from: string; to: string; asOf: string }) {
  const raw = rawMonitorStatements(scope);
  return {
    delivery: sql<Record<string, unknown>>`
      SELECT GROUPING(municipality_id, corporation_id, target_group, month) AS g, municipality_id, corporation_id, target_group, month,
        sum(households)::int AS delivered, coalesce(sum(households) FILTER (WHERE month <= ${scope.month}), 0)::int AS delivered_ytd,
        sum(wait_base)::int AS wait_base, sum(wait_lt3)::int AS wait_lt3, sum(wait_3to6)::int AS wait_3to6,
        coalesce(sum(wait_base) FILTER (WHERE month <= ${scope.month}), 0)::int AS wait_base_ytd,
        coalesce(sum(wait_lt3) FILTER (WHERE month <= ${scope.month}), 0)::int AS wait_lt3_ytd,
        coalesce(sum(wait_3to6) FILTER (WHERE month <= ${scope.month}), 0)::int AS wait_3to6_ytd,
        sum(reassess)::int AS reassess, sum(swaps)::int AS swaps, sum(persons + project_persons)::int AS persons
      FROM placement_month_counts WHERE year = ${scope.year}
      GROUP BY GROUPING SETS ((municipality_id, target_group), (municipality_id, corporation_id), (municipality_id, month), (target_group, month), ())`,
    previousYear: sql<Record<string, unknown>>`
      SELECT municipality_id, target_group, sum(wait_base)::int AS wait_base, sum(wait_lt3)::int AS wait_lt3
      FROM placement_month_counts WHERE year = ${scope.year - 1} GROUP BY municipality_id, target_group`,
    waiting: raw.waiting,
    released: raw.released,
  };
}

async function rollupMonitorAggregate(db: Db, scope: Parameters<typeof rawMonitorStatements>[0]) {
  const s = rollupMonitorStatements(scope);
  const [a, b, c, d] = await Promise.all([s.delivery.execute(db), s.previousYear.execute(db), s.waiting.execute(db), s.released.execute(db)]);
  return { delivery: a.rows.length, previousYear: b.rows.length, waiting: c.rows.length, released: d.rows.length };
}

// ─── Report shapes ───────────────────────────────────────────────────────────

export interface DataReport {
  size: NationalSize;
  rows: Record<string, number>;
  generateMs: number;
  stepsMs: Record<string, number>;
  sizeBytes: number | null;
  placementsBytes: number | null;
  /** Placements with a lease in the measured year / waiting at the month end (counted). */
  yearPlacements: number;
  waitingAtMonthEnd: number;
}

export interface MonitorReport {
  benchmark: 'monitor';
  date: string;
  machine: ReturnType<typeof machineInfo>;
  loadAverage: { start: number[]; end: number[] };
  settings: NationalSettings;
  database: { kind: DbKind; version: string; describe: string; poolSize: number | null; workMem: string | null; sharedBuffers: string | null };
  data: DataReport;
  query: { year: number; month: number; asOf: string; scope: 'national, all groupings' };
  timings: { service: Timing; http: Timing; raw: Timing; rollup: Timing };
  /** ÷ raw = against the hand-written aggregate over placements; ÷ rollup = against the hand-written aggregate over placement_month_counts. */
  ratios: { serviceVsRaw: number; httpVsRaw: number; serviceVsRollup: number; httpVsRollup: number };
  /**
   * The goals of issue 12 per target (service, HTTP): ≤ monitorMs (msRatio = median ÷ monitorMs)
   * and ≤ ratio × the hand-written aggregate over the same rollup (rollupRatio = median ÷ floor 2);
   * rawRatio (÷ the aggregate over placements) for comparison with earlier runs.
   */
  goal: { monitorMs: number; ratio: number; service: MonitorGoal; http: MonitorGoal };
  response: { rows: number; jsonBytes: number; httpBytes: number; stringifyMs: number; rowsPerMetric: Record<string, number>; planVersions: number; warnings: number };
  /** Serial cost of each part (median of 5 after one warm-up). */
  breakdown: { step: string; medianMs: number; rows: number | null }[];
  raw: { rows: Record<string, number> };
  explain: PlanSummary[];
  notes: string[];
}

export interface MonitorGoal { ms: number; msRatio: number; msMet: boolean; rollupRatio: number; rollupMet: boolean; rawRatio: number; met: boolean }

export interface ImportReport {
  benchmark: 'import';
  date: string;
  machine: ReturnType<typeof machineInfo>;
  loadAverage: { start: number[]; end: number[] };
  settings: NationalSettings;
  database: { kind: DbKind; version: string; describe: string };
  data: { placementsBefore: number; placementsAfter: number; rows: number; fileBytes: number; writeFileMs: number };
  /** The importer's JavaScript alone (csv-parse + validateRow over the file, no database), in the bench process. */
  parseValidateOnly: { rows: number; valid: number; ms: number; rowsPerSec: number };
  importer: {
    ok: boolean;
    status: number;
    importStatus: string | null;
    rowsAccepted: number | null;
    inserted: number | null;
    wallMs: number;
    rowsPerSec: number;
    mbPerSec: number;
    server: 'child process (bench/monitor.ts, BENCH_IMPORT_CHILD=1)';
    rss: { baselineMb: number; peakMb: number; peakDeltaMb: number; maxRssKernelMb: number; heapUsedPeakMb: number; externalPeakMb: number; arrayBuffersPeakMb: number; samples: number };
    error: string | null;
  };
  copy: { method: string; ok: boolean; rows: number; wallMs: number; rowsPerSec: number; error: string | null };
  ratios: { importVsCopyThroughput: number | null };
  goal: { rowsPerSec: number; rssMb: number; throughputMet: boolean; rssMet: boolean };
  notes: string[];
}

// ─── One database ────────────────────────────────────────────────────────────

export async function benchNational(kind: DbKind, settings: NationalSettings, parts: { monitor: boolean; import: boolean }): Promise<{ monitor?: MonitorReport; import?: ImportReport }> {
  const date = new Date().toISOString(); // a bench, not a test: wall-clock time is what we want here
  const loadStart = loadAverage();
  const scale = kind === 'pglite' ? settings.scalePglite : settings.scale;
  const target = await prepareDatabase(kind);
  log(`${kind} national: ${target.describe}`);
  const server: Server = await createServer(target.config, systemClock, target.database);
  const closeServer = onCleanup(`close ${kind} app`, () => server.close());
  const db = server.database.db;

  log(`${kind} national: generating scale ${scale} (${nationalSize(scale).placements} placements) …`);
  const gen: NationalResult = await generateNational(db, { scale, seed: settings.seed, onProgress: (m) => log(`${kind} national: ${m}`) });
  log(`${kind} national: generated in ${Math.round(gen.ms)} ms: ${Object.entries(gen.rows).map(([k, v]) => `${v} ${k}`).join(', ')}`);
  const asOf = monthEnd(settings.year, settings.month);
  const facts = (await sql<{ year_n: string; waiting: string }>`
    SELECT count(*) FILTER (WHERE lease_signed_date BETWEEN ${`${settings.year}-01-01`}::date AND ${`${settings.year}-12-31`}::date)::text AS year_n,
           count(*) FILTER (WHERE active_mediation_date <= ${asOf}::date AND (lease_signed_date IS NULL OR lease_signed_date > ${asOf}::date))::text AS waiting
      FROM placements`.execute(db)).rows[0]!;
  let placementsBytes: number | null = null;
  try {
    placementsBytes = Number((await sql<{ n: string }>`SELECT pg_total_relation_size('placements')::text AS n`.execute(db)).rows[0]?.n ?? NaN);
  } catch {
    placementsBytes = null;
  }
  const data: DataReport = {
    size: gen.size, rows: gen.rows, generateMs: Math.round(gen.ms), stepsMs: gen.stepsMs, sizeBytes: await databaseSize(db), placementsBytes,
    yearPlacements: Number(facts.year_n), waitingAtMonthEnd: Number(facts.waiting),
  };
  const version = await databaseVersion(db);
  const setting = async (name: string) => {
    try {
      return (await sql<{ v: string }>`SELECT current_setting(${name}) AS v`.execute(db)).rows[0]?.v ?? null;
    } catch {
      return null;
    }
  };
  const workMem = await setting('work_mem');
  const sharedBuffers = await setting('shared_buffers');

  const out: { monitor?: MonitorReport; import?: ImportReport } = {};
  if (parts.monitor) {
    out.monitor = await benchMonitor(kind, server, settings, { date, loadStart, data, version, describe: target.describe, workMem, sharedBuffers });
  }
  if (parts.import) {
    // The import server runs in a child process: close ours (PGlite: one process per data dir).
    await closeServer();
    out.import = await benchImport(kind, target.config, settings, gen.size, { version, describe: target.describe });
  }
  await closeServer();
  await target.dispose();
  return out;
}

// ─── Monitor ─────────────────────────────────────────────────────────────────

async function benchMonitor(
  kind: DbKind, server: Server, settings: NationalSettings,
  ctx: { date: string; loadStart: number[]; data: DataReport; version: string; describe: string; workMem: string | null; sharedBuffers: string | null },
): Promise<MonitorReport> {
  const db = server.database.db;
  const { year, month } = settings;
  const asOf = monthEnd(year, month);
  const scope: Scope = { year, month, from: `${year}-01-01`, to: `${year}-12-31`, asOf, municipalityIds: null, corporationId: null, single: false, wholeRegions: true };
  const regionIds = (await sql<{ id: string }>`SELECT DISTINCT region_id AS id FROM organisations WHERE type = 'municipality' AND region_id IS NOT NULL`.execute(db)).rows.map((r) => r.id);
  const notes: string[] = [];

  await server.app.listen({ host: '127.0.0.1', port: 0 });
  const origin = originOf(server.app as unknown as FastifyInstance);
  const cookie = await login(origin, `analist@${DEMO_DOMAIN}`, DEMO_PASSWORD);
  const url = `${origin}/api/v1/monitor?year=${year}&month=${month}`;
  let httpBytes = 0;
  const httpOnce = async () => {
    const res = await fetch(url, { headers: { cookie, accept: 'application/json' } });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`GET ${url} → ${res.status} ${text.slice(0, 300)}`);
    httpBytes = Buffer.byteLength(text);
  };

  // Pre-flight and warm-up.
  log(`${kind} monitor: warm-up (${settings.warmup}× each) …`);
  let result: MonitorResponse | null = null;
  for (let i = 0; i < Math.max(1, settings.warmup); i++) {
    result = await computeMonitor(db, { year, month });
    await rawMonitorAggregate(db, scope);
    await httpOnce();
  }
  const stringifyStart = performance.now();
  const json = JSON.stringify(result);
  const stringifyMs = performance.now() - stringifyStart;
  const rowsPerMetric: Record<string, number> = {};
  for (const r of result!.rows) rowsPerMetric[r.metric] = (rowsPerMetric[r.metric] ?? 0) + 1;
  log(`${kind} monitor: ${result!.rows.length} rows, ${mb(Buffer.byteLength(json))} MB JSON (HTTP ${mb(httpBytes)} MB)`);

  // Timed, interleaved: service, raw, http in turn, so drift on a shared machine hits all three alike.
  const samples = { service: [] as number[], http: [] as number[], raw: [] as number[], rollup: [] as number[] };
  let rawRows: Record<string, number> = {};
  const runs = kind === 'pglite' ? settings.runsPglite : settings.runs;
  for (let i = 0; i < runs; i++) {
    samples.service.push(await timeIt(() => computeMonitor(db, { year, month })));
    samples.raw.push(await timeIt(async () => {
      rawRows = await rawMonitorAggregate(db, scope);
    }));
    samples.rollup.push(await timeIt(() => rollupMonitorAggregate(db, scope)));
    samples.http.push(await timeIt(httpOnce));
    log(`${kind} monitor: run ${i + 1}/${runs}: service ${Math.round(samples.service.at(-1)!)} ms, raw ${Math.round(samples.raw.at(-1)!)} ms, rollup ${Math.round(samples.rollup.at(-1)!)} ms, http ${Math.round(samples.http.at(-1)!)} ms`);
  }
  const timings = { service: timing(samples.service), http: timing(samples.http), raw: timing(samples.raw), rollup: timing(samples.rollup) };

  // Breakdown: each part alone (serial), then the service's parallel batch.
  log(`${kind} monitor: breakdown …`);
  const breakdown: MonitorReport['breakdown'] = [];
  const part = async (step: string, fn: () => Promise<unknown[] | { length: number } | unknown>) => {
    let rows: number | null = null;
    await fn();
    const t: number[] = [];
    for (let i = 0; i < 5; i++) {
      t.push(await timeIt(async () => {
        const r = await fn();
        rows = Array.isArray(r) ? r.length : null;
      }));
    }
    breakdown.push({ step, medianMs: timing(t).medianMs, rows });
  };
  await part('directory (3 reference queries)', async () => {
    await sql`SELECT id, code, name, type, region_id, municipality_code FROM organisations WHERE type IN ('municipality', 'housing_corporation')`.execute(db);
    await sql`SELECT id, code, name FROM regions`.execute(db);
    return (await sql`SELECT code, main_group, label_nl, label_en, counts_toward_agreement, sort_order FROM target_groups ORDER BY sort_order, code`.execute(db)).rows;
  });
  await part('deliveryAggregates (main GROUPING SETS pass)', () => deliveryAggregates(db, scope));
  await part('previousYearWait', () => previousYearWait(db, scope));
  await part('waitingAggregates', () => waitingAggregates(db, scope));
  await part('agreementsFor', async () => (await agreementsFor(db, scope)).lines);
  await part('releasedAggregates', () => releasedAggregates(db, scope, regionIds));
  await part('regionalStatushouderDwellings', () => regionalStatushouderDwellings(db, scope, regionIds));
  await part('statushouderInputs', async () => (await statushouderInputs(db, scope)).quotas);
  await part('municipalInputs', async () => (await municipalInputs(db, scope)).stock);
  await part('all queries together (Promise.all, as the service)', () => Promise.all([
    deliveryAggregates(db, scope), previousYearWait(db, scope), waitingAggregates(db, scope), agreementsFor(db, scope),
    releasedAggregates(db, scope, regionIds), regionalStatushouderDwellings(db, scope, regionIds), statushouderInputs(db, scope), municipalInputs(db, scope),
  ]));
  const raw = rawMonitorStatements(scope);
  await part('raw: delivery statement alone', async () => (await raw.delivery.execute(db)).rows);
  await part('raw: all four statements (Promise.all)', () => rawMonitorAggregate(db, scope));
  await part('rollup floor: all four statements (Promise.all)', () => rollupMonitorAggregate(db, scope));
  await part('computeMonitor (service)', async () => (await computeMonitor(db, { year, month })).rows);
  await part('JSON.stringify(service result)', async () => {
    JSON.stringify(result);
    return result!.rows;
  });

  // EXPLAIN (ANALYZE, BUFFERS).
  log(`${kind} monitor: EXPLAIN …`);
  const explain: PlanSummary[] = [];
  explain.push(await explainFirst(db, 'deliveryAggregates', (d) => deliveryAggregates(d, scope)));
  explain.push(await explainFirst(db, 'waitingAggregates', (d) => waitingAggregates(d, scope)));
  explain.push(await explainFirst(db, 'previousYearWait', (d) => previousYearWait(d, scope)));
  explain.push(await explainFirst(db, 'raw delivery statement', (d) => raw.delivery.execute(d)));
  for (const p of explain) {
    log(`${kind} monitor: EXPLAIN ${p.name}: ${p.executionMs} ms, indexes ${p.indexes.join(', ') || 'none'}${p.indexOnlyScan ? ' (index-only)' : ''}, heap fetches ${p.heapFetches ?? '–'}${p.spills.length ? `, spills: ${p.spills.join(' | ')}` : ''}`);
  }

  const ratios = {
    serviceVsRaw: round(timings.service.medianMs / timings.raw.medianMs, 2), httpVsRaw: round(timings.http.medianMs / timings.raw.medianMs, 2),
    serviceVsRollup: round(timings.service.medianMs / timings.rollup.medianMs, 2), httpVsRollup: round(timings.http.medianMs / timings.rollup.medianMs, 2),
  };
  const g = settings.goals;
  const goalOf = (ms: number, rollupRatio: number, rawRatio: number): MonitorGoal => {
    const msMet = ms <= g.monitorMs;
    const rollupMet = rollupRatio <= g.monitorRatio;
    return { ms, msRatio: round(ms / g.monitorMs, 2), msMet, rollupRatio, rollupMet, rawRatio, met: msMet && rollupMet };
  };
  const goal = {
    monitorMs: g.monitorMs, ratio: g.monitorRatio,
    service: goalOf(timings.service.medianMs, ratios.serviceVsRollup, ratios.serviceVsRaw),
    http: goalOf(timings.http.medianMs, ratios.httpVsRollup, ratios.httpVsRaw),
  };
  if (kind === 'pglite') notes.push('PGlite is one in-process connection: the service\'s Promise.all of queries (and the raw statements) run one after another.');
  if (kind === 'pglite' && settings.scalePglite !== settings.scale) notes.push(`PGlite ran at BENCH_SCALE_PGLITE=${settings.scalePglite} (PostgreSQL at ${settings.scale}): its figures are for a smaller data set.`);
  notes.push('The raw floor returns the finest groupings the figures are sums of (main-group and region totals are sums of its rows); it does not join target_groups/organisations and ignores counts_toward_agreement (every seeded group counts).');
  notes.push('Floor 2 is the same hand-written aggregate over placement_month_counts, the monthly rollup the service reads (kept by triggers on placements, migration 0005); the first floor reads placements, as the service did before the rollup.');
  notes.push('Wait buckets in the raw floor use 91/183 days instead of interval \'3/6 months\' (same order of work; values may differ by a few rows at month boundaries).');
  await server.app.close().catch(() => undefined);

  return {
    benchmark: 'monitor', date: ctx.date, machine: machineInfo(), loadAverage: { start: ctx.loadStart, end: loadAverage() }, settings,
    database: { kind, version: ctx.version, describe: ctx.describe, poolSize: kind === 'postgres' ? 20 : null, workMem: ctx.workMem, sharedBuffers: ctx.sharedBuffers },
    data: ctx.data,
    query: { year, month, asOf, scope: 'national, all groupings' },
    timings, ratios, goal,
    response: {
      rows: result!.rows.length, jsonBytes: Buffer.byteLength(json), httpBytes, stringifyMs: round(stringifyMs, 1), rowsPerMetric,
      planVersions: result!.planVersions.length, warnings: result!.warnings.length,
    },
    breakdown, raw: { rows: rawRows }, explain, notes,
  };
}

// ─── Import ──────────────────────────────────────────────────────────────────

interface ChildReport { peakRss: number; baselineRss: number; maxRssKernelKb: number; heapUsedPeak: number; externalPeak: number; arrayBuffersPeak: number; samples: number }

/** The import server child (this file with BENCH_IMPORT_CHILD=1), so its RSS is the server's alone. */
class ImportChild {
  #child = new BenchChild('monitor.ts', 'import server child', { ...process.env, BENCH_IMPORT_CHILD: '1' });
  ask(msg: object): Promise<any> {
    return this.#child.ask(msg);
  }
  async stop() {
    const child = this.#child.process;
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    if (child.connected) child.send({ type: 'stop' });
    const timer = setTimeout(() => child.kill(), 30_000);
    await exited;
    clearTimeout(timer);
  }
}

/**
 * The importer's JavaScript alone: the same csv-parse options and validateRow over the same file, no
 * database. The importer parses, validates and writes one batch after the other (the parser waits
 * while a batch is written), so import time ≈ this + the database's time.
 */
async function parseAndValidate(file: string, refs: ImportReferences): Promise<{ rows: number; valid: number; ms: number }> {
  const t0 = performance.now();
  const parser = fs.createReadStream(file).pipe(parseCsv({ bom: true, info: true, skip_empty_lines: true, skip_records_with_error: true, relax_column_count: false, max_record_size: 64 * 1024 }));
  let layout: ReturnType<typeof parseHeader> | null = null;
  let rows = 0;
  let valid = 0;
  for await (const item of parser as AsyncIterable<{ record: string[] }>) {
    if (!layout) {
      layout = parseHeader(item.record);
      if (!layout.ok) throw new Error('parseAndValidate: header rejected');
      continue;
    }
    rows++;
    if (layout.ok && validateRow(layout.layout, item.record, refs).ok) valid++;
  }
  return { rows, valid, ms: performance.now() - t0 };
}

async function loadRefs(db: Db): Promise<ImportReferences> {
  const { rows: orgs } = await sql<{ id: string; code: string; type: string; municipality_code: string | null }>`
    SELECT id, code, type, municipality_code FROM organisations WHERE type IN ('municipality', 'housing_corporation')`.execute(db);
  const { rows: groups } = await sql<{ code: string; valid_from: string; valid_to: string | null }>`
    SELECT code, valid_from::text AS valid_from, valid_to::text AS valid_to FROM target_groups`.execute(db);
  return {
    municipalities: new Map(orgs.filter((o) => o.type === 'municipality' && o.municipality_code).map((o) => [o.municipality_code!.toUpperCase(), o.id])),
    corporations: new Map(orgs.filter((o) => o.type === 'housing_corporation').map((o) => [o.code.toUpperCase(), o.id])),
    targetGroups: new Map(groups.map((g) => [g.code, { validFrom: g.valid_from, validTo: g.valid_to }])),
  };
}

async function upload(origin: string, file: string, headers: Record<string, string>): Promise<{ status: number; body: any; ms: number }> {
  const u = new URL(`${origin}/api/v1/imports/placements?filename=bench-national.csv`);
  const size = fs.statSync(file).size;
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request({ host: u.hostname, port: u.port, path: `${u.pathname}${u.search}`, method: 'POST', headers: { ...headers, 'content-type': 'text/csv', 'content-length': String(size) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: any = text;
        try {
          body = JSON.parse(text);
        } catch {
          /* not JSON */
        }
        resolve({ status: res.statusCode ?? 0, body, ms: performance.now() - t0 });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    const rs = fs.createReadStream(file);
    rs.on('error', reject);
    rs.pipe(req);
  });
}

async function benchImport(kind: DbKind, config: Config, settings: NationalSettings, size: NationalSize, ctx: { version: string; describe: string }): Promise<ImportReport> {
  const date = new Date().toISOString();
  const loadStart = loadAverage();
  const notes: string[] = [];
  const file = path.join(os.tmpdir(), `thuisroute-bench-import-${crypto.randomBytes(4).toString('hex')}.csv`);
  const removeFile = onCleanup(`remove ${file}`, () => fs.rmSync(file, { force: true }));
  log(`${kind} import: writing ${settings.importRows} rows to ${file} …`);
  const written = await writeImportCsv(file, { rows: settings.importRows, size, seed: settings.seed });
  log(`${kind} import: ${mb(written.bytes)} MB in ${Math.round(written.ms)} ms`);

  const countPlacements = async (d: Db) => Number((await sql<{ n: string }>`SELECT count(*)::text AS n FROM placements`.execute(d)).rows[0]!.n);
  // Rows before (a short-lived handle; closed before the child opens the database).
  let before: number;
  let refs: ImportReferences;
  {
    const h = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
    before = await countPlacements(h.db);
    refs = await loadRefs(h.db);
    await h.close();
  }
  const js = await parseAndValidate(file, refs);
  const jsOnly = { rows: js.rows, valid: js.valid, ms: Math.round(js.ms), rowsPerSec: Math.round((js.rows / js.ms) * 1000) };
  log(`${kind} import: parse + validate alone (csv-parse + validateRow, no database): ${jsOnly.rowsPerSec} rows/s (${jsOnly.valid}/${jsOnly.rows} valid)`);
  if (jsOnly.valid !== jsOnly.rows) notes.push(`generated file: ${jsOnly.rows - jsOnly.valid} rows do not validate`);

  // (a) The real import, server in a child process.
  const child = new ImportChild();
  const stopChild = onCleanup('stop import child', () => child.stop());
  const importer: ImportReport['importer'] = {
    ok: false, status: 0, importStatus: null, rowsAccepted: null, inserted: null, wallMs: 0, rowsPerSec: 0, mbPerSec: 0,
    server: 'child process (bench/monitor.ts, BENCH_IMPORT_CHILD=1)',
    rss: { baselineMb: 0, peakMb: 0, peakDeltaMb: 0, maxRssKernelMb: 0, heapUsedPeakMb: 0, externalPeakMb: 0, arrayBuffersPeakMb: 0, samples: 0 },
    error: null,
  };
  try {
    const ready = await child.ask({ type: 'start', config });
    if (ready.type !== 'ready') throw new Error(`import child: ${ready.message ?? JSON.stringify(ready)}`);
    const origin = `http://127.0.0.1:${ready.port}`;
    const cookie = await login(origin, `admin@${DEMO_DOMAIN}`, DEMO_PASSWORD);
    const session = (await (await fetch(`${origin}/api/v1/auth/session`, { headers: { cookie } })).json()) as { csrfToken: string };
    await child.ask({ type: 'reset' });
    log(`${kind} import: POST /api/v1/imports/placements (${settings.importRows} rows, ${mb(written.bytes)} MB) …`);
    const r = await upload(origin, file, { cookie, 'x-csrf-token': session.csrfToken });
    const rep = (await child.ask({ type: 'report' })) as ChildReport & { type: string };
    importer.status = r.status;
    importer.wallMs = Math.round(r.ms);
    importer.importStatus = r.body?.status !== undefined && typeof r.body.status === 'string' ? r.body.status : r.body?.importStatus ?? null;
    importer.rowsAccepted = r.body?.rowsAccepted ?? null;
    importer.inserted = r.body?.inserted ?? null;
    importer.ok = r.status === 200 && importer.rowsAccepted === settings.importRows;
    importer.rowsPerSec = Math.round(((importer.rowsAccepted ?? 0) / r.ms) * 1000);
    importer.mbPerSec = round(mb(written.bytes) / (r.ms / 1000), 2);
    importer.rss = {
      baselineMb: mb(rep.baselineRss), peakMb: mb(rep.peakRss), peakDeltaMb: mb(rep.peakRss - rep.baselineRss), maxRssKernelMb: round(rep.maxRssKernelKb / 1024, 1),
      heapUsedPeakMb: mb(rep.heapUsedPeak), externalPeakMb: mb(rep.externalPeak), arrayBuffersPeakMb: mb(rep.arrayBuffersPeak), samples: rep.samples,
    };
    if (!importer.ok) {
      importer.error = `HTTP ${r.status}: ${JSON.stringify(r.body).slice(0, 1500)}`;
      notes.push(`import did not succeed: ${importer.error}`);
    }
    log(`${kind} import: ${r.status} ${importer.importStatus} ${importer.rowsAccepted} rows in ${importer.wallMs} ms = ${importer.rowsPerSec} rows/s; server RSS peak ${importer.rss.peakMb} MB (baseline ${importer.rss.baselineMb} MB)`);
  } catch (err) {
    importer.error = (err as Error).message;
    notes.push(`import failed: ${importer.error}`);
    log(`${kind} import: FAILED: ${importer.error}`);
  } finally {
    await stopChild();
  }

  // (b) The floor: COPY of the same file into an unlogged table without indexes or constraints.
  const copy: ImportReport['copy'] = { method: '', ok: false, rows: 0, wallMs: 0, rowsPerSec: 0, error: null };
  const cols = IMPORT_HEADER;
  const createFloor = `CREATE UNLOGGED TABLE placements_copy_floor (placement_id text, municipality text, corporation text, target_group text,
    active_mediation_date date, lease_signed_date date, move_reason text, persons integer)`;
  let after = before;
  if (kind === 'postgres') {
    const h = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: '', poolSize: 2 });
    try {
      after = await countPlacements(h.db);
      await sql.raw(createFloor).execute(h.db);
      copy.method = `psql \\copy placements_copy_floor (${cols}) FROM '<file>' WITH (FORMAT csv, HEADER true)`;
      const t0 = performance.now();
      const res = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
        const p = spawn('psql', [config.databaseUrl!, '-v', 'ON_ERROR_STOP=1', '-qc', `\\copy placements_copy_floor (${cols}) FROM '${file}' WITH (FORMAT csv, HEADER true)`], { stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        p.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
        p.on('error', reject);
        p.on('close', (code) => resolve({ code, stderr }));
      }).catch((err: Error) => ({ code: -1, stderr: err.message }));
      copy.wallMs = Math.round(performance.now() - t0);
      if (res.code !== 0) copy.error = `psql exited ${res.code}: ${res.stderr.trim().slice(0, 500)} (the COPY floor needs psql on PATH, or the pg-copy-streams package)`;
      copy.rows = Number((await sql<{ n: string }>`SELECT count(*)::text AS n FROM placements_copy_floor`.execute(h.db)).rows[0]!.n);
      await sql`DROP TABLE placements_copy_floor`.execute(h.db);
    } finally {
      await h.close();
    }
  } else {
    const pg = await PGlite.create(config.dataDir);
    try {
      after = Number((await pg.query<{ n: string }>('SELECT count(*)::text AS n FROM placements')).rows[0]!.n);
      await pg.exec(createFloor);
      const blob = new Blob([fs.readFileSync(file)]);
      copy.method = `PGlite COPY placements_copy_floor (${cols}) FROM '/dev/blob' WITH (FORMAT csv, HEADER true) — file read into a Blob beforehand (not timed)`;
      const t0 = performance.now();
      try {
        await pg.query(`COPY placements_copy_floor (${cols}) FROM '/dev/blob' WITH (FORMAT csv, HEADER true)`, [], { blob });
      } catch (err) {
        copy.error = (err as Error).message;
      }
      copy.wallMs = Math.round(performance.now() - t0);
      copy.rows = Number((await pg.query<{ n: string }>('SELECT count(*)::text AS n FROM placements_copy_floor')).rows[0]!.n);
      await pg.exec('DROP TABLE placements_copy_floor');
    } finally {
      await pg.close();
    }
  }
  copy.ok = !copy.error && copy.rows === settings.importRows;
  copy.rowsPerSec = copy.wallMs > 0 ? Math.round((copy.rows / copy.wallMs) * 1000) : 0;
  log(`${kind} import: COPY floor ${copy.rows} rows in ${copy.wallMs} ms = ${copy.rowsPerSec} rows/s${copy.error ? ` (error: ${copy.error})` : ''}`);
  await removeFile();

  const g = settings.goals;
  if (kind === 'postgres') notes.push('Peak RSS is the Node server process only; PostgreSQL\'s own memory (the backend running the import transaction) is not included.');
  else notes.push('Peak RSS includes PGlite (in-process WASM PostgreSQL) — that is the app\'s real footprint with PGlite.');
  notes.push('The COPY floor loads into an UNLOGGED table without indexes, constraints or triggers; the import validates every row, stages it in a temporary table and merges into placements in one statement (its indexes, the statement-level reference checks of ADR 0007 and the rollup trigger of ADR 0006), all in one transaction.');
  if (kind === 'pglite' && settings.scalePglite !== settings.scale) notes.push(`PGlite ran at BENCH_SCALE_PGLITE=${settings.scalePglite}: ${settings.importRows} rows were imported into a smaller placements table.`);
  return {
    benchmark: 'import', date, machine: machineInfo(), loadAverage: { start: loadStart, end: loadAverage() }, settings,
    database: { kind, version: ctx.version, describe: ctx.describe },
    data: { placementsBefore: before, placementsAfter: after, rows: settings.importRows, fileBytes: written.bytes, writeFileMs: Math.round(written.ms) },
    parseValidateOnly: jsOnly, importer, copy,
    ratios: { importVsCopyThroughput: copy.rowsPerSec > 0 && importer.ok ? round(importer.rowsPerSec / copy.rowsPerSec, 3) : null },
    goal: { rowsPerSec: g.importRowsPerSec, rssMb: g.importRssMb, throughputMet: importer.ok && importer.rowsPerSec >= g.importRowsPerSec, rssMet: importer.ok && importer.rss.peakMb <= g.importRssMb },
    notes,
  };
}

// ─── The import server (child process) ───────────────────────────────────────

async function importChild() {
  let server: Server | null = null;
  let baseline = 0;
  let peak = { rss: 0, heapUsed: 0, external: 0, arrayBuffers: 0 };
  let samples = 0;
  const sample = () => {
    const m = process.memoryUsage();
    samples++;
    peak = { rss: Math.max(peak.rss, m.rss), heapUsed: Math.max(peak.heapUsed, m.heapUsed), external: Math.max(peak.external, m.external), arrayBuffers: Math.max(peak.arrayBuffers, m.arrayBuffers) };
  };
  const timer = setInterval(sample, 100);
  process.on('message', async (msg: { type: string; config?: Config }) => {
    try {
      if (msg.type === 'start') {
        server = await createServer(msg.config!, systemClock);
        await server.app.listen({ host: '127.0.0.1', port: 0 });
        const a = server.app.server.address();
        process.send!({ type: 'ready', port: typeof a === 'object' && a ? a.port : 0 });
      } else if (msg.type === 'reset') {
        baseline = process.memoryUsage().rss;
        peak = { rss: baseline, heapUsed: 0, external: 0, arrayBuffers: 0 };
        samples = 0;
        sample();
        process.send!({ type: 'reset-ok' });
      } else if (msg.type === 'report') {
        sample();
        process.send!({
          type: 'report', peakRss: peak.rss, baselineRss: baseline, maxRssKernelKb: process.resourceUsage().maxRSS, heapUsedPeak: peak.heapUsed,
          externalPeak: peak.external, arrayBuffersPeak: peak.arrayBuffers, samples,
        } satisfies ChildReport & { type: string });
      } else if (msg.type === 'stop') {
        clearInterval(timer);
        await server?.close();
        process.exit(0);
      }
    } catch (err) {
      process.send!({ type: 'error', message: (err as Error).stack ?? String(err) });
    }
  });
}

if (process.env.BENCH_IMPORT_CHILD === '1' && process.send && process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  void importChild();
}

// ─── Output ──────────────────────────────────────────────────────────────────

export function writeNationalReport(dir: string, r: MonitorReport | ImportReport, suffix: string): string {
  const file = path.join(dir, `${r.benchmark}-${r.database.kind}${suffix}.json`);
  fs.writeFileSync(file, `${JSON.stringify(r, null, 2)}\n`);
  return file;
}

export function monitorSummary(r: MonitorReport, suffix: string) {
  return {
    kind: r.database.kind, version: r.database.version, file: `monitor-${r.database.kind}${suffix}.json`, date: r.date, loadAverage: r.loadAverage,
    data: { placements: r.data.rows.placements, scale: r.data.size.scale, generateMs: r.data.generateMs, yearPlacements: r.data.yearPlacements, sizeBytes: r.data.sizeBytes },
    query: r.query,
    medianMs: { service: r.timings.service.medianMs, http: r.timings.http.medianMs, raw: r.timings.raw.medianMs, rollup: r.timings.rollup.medianMs },
    p95Ms: { service: r.timings.service.p95Ms, http: r.timings.http.p95Ms, raw: r.timings.raw.p95Ms, rollup: r.timings.rollup.p95Ms },
    ratios: r.ratios,
    response: { rows: r.response.rows, httpBytes: r.response.httpBytes },
    explain: r.explain.map((p) => ({ name: p.name, executionMs: p.executionMs, indexes: p.indexes, indexOnlyScan: p.indexOnlyScan, heapFetches: p.heapFetches, spills: p.spills.length })),
    goal: r.goal,
  };
}

export function importSummary(r: ImportReport, suffix: string) {
  return {
    kind: r.database.kind, version: r.database.version, file: `import-${r.database.kind}${suffix}.json`, date: r.date, loadAverage: r.loadAverage,
    rows: r.data.rows, placementsBefore: r.data.placementsBefore, fileBytes: r.data.fileBytes,
    import: { ok: r.importer.ok, status: r.importer.status, rowsPerSec: r.importer.rowsPerSec, wallMs: r.importer.wallMs, peakRssMb: r.importer.rss.peakMb, baselineRssMb: r.importer.rss.baselineMb, error: r.importer.error },
    copy: { ok: r.copy.ok, rowsPerSec: r.copy.rowsPerSec, wallMs: r.copy.wallMs, error: r.copy.error },
    ratios: r.ratios,
    goal: r.goal,
  };
}

export function printNational(monitors: MonitorReport[], imports: ImportReport[]): string {
  const fmt = (n: number | null | undefined, d = 1) => (n == null || !Number.isFinite(n) ? '–' : n.toFixed(d));
  const out: string[] = [];
  for (const r of monitors) {
    const d = r.data;
    out.push('');
    out.push(`Monitor bench — ${r.database.kind} (${r.database.version.split(' on ')[0]}), ${d.rows.placements} placements (scale ${d.size.scale}; ${d.yearPlacements} in ${r.query.year}), ` +
      `${d.size.municipalities} municipalities / ${d.size.regions} regions / ${d.size.corporations} corporations; generated in ${fmt(d.generateMs / 1000)} s; ` +
      `${r.machine.cpus} CPU, Node ${r.machine.node}; load ${r.loadAverage.start.join('/')} → ${r.loadAverage.end.join('/')}`);
    const rows: string[][] = [['target', 'runs', 'median ms', 'p95 ms', 'min ms', 'max ms', '÷ raw']];
    rows[0]!.push('÷ rollup floor');
    for (const [k, label] of [['service', 'computeMonitor (service)'], ['http', 'GET /api/v1/monitor (HTTP)'], ['raw', 'raw SQL aggregate over placements (floor)'], ['rollup', 'raw SQL aggregate over the rollup (floor 2)']] as const) {
      const t = r.timings[k];
      const vsRaw = k === 'raw' ? 1 : k === 'service' ? r.ratios.serviceVsRaw : k === 'http' ? r.ratios.httpVsRaw : t.medianMs / r.timings.raw.medianMs;
      const vsRollup = k === 'rollup' ? 1 : k === 'service' ? r.ratios.serviceVsRollup : k === 'http' ? r.ratios.httpVsRollup : t.medianMs / r.timings.rollup.medianMs;
      rows.push([label, String(t.n), fmt(t.medianMs), fmt(t.p95Ms), fmt(t.minMs), fmt(t.maxMs), `${fmt(vsRaw, 2)}×`, `${fmt(vsRollup, 2)}×`]);
    }
    out.push(table(rows));
    out.push(`response: ${r.response.rows} rows, ${fmt(r.response.httpBytes / 1024 ** 2)} MB over HTTP, JSON.stringify ${fmt(r.response.stringifyMs)} ms; ` +
      `top metrics: ${Object.entries(r.response.rowsPerMetric).sort((a, b) => b[1] - a[1]).slice(0, 6).map(([m, n]) => `${m} ${n}`).join(', ')}`);
    out.push(`breakdown (serial median ms): ${r.breakdown.map((b) => `${b.step} ${fmt(b.medianMs)}${b.rows !== null ? ` [${b.rows} rows]` : ''}`).join(' · ')}`);
    for (const p of r.explain) {
      out.push(`EXPLAIN ${p.name}: ${fmt(p.executionMs)} ms; indexes ${(p.indexes ?? []).join(', ') || 'none'}${p.indexOnlyScan ? ' (index-only)' : ''}` +
        `${p.heapFetches !== null ? `, heap fetches ${p.heapFetches}` : ''}${p.spills.length ? `; spills: ${p.spills.join(' | ')}` : ''}`);
    }
    const met = (ok: boolean) => (ok ? 'MET' : 'NOT MET');
    for (const k of ['service', 'http'] as const) {
      const g = r.goal[k];
      out.push(`goal monitor (${k}) ≤ ${r.goal.monitorMs} ms: ${fmt(g.ms)} ms = ${fmt(g.msRatio, 2)}× the goal → ${met(g.msMet)}`);
      out.push(`goal monitor (${k}) ≤ ${r.goal.ratio}× the aggregate over the same rollup (floor 2): ${fmt(g.rollupRatio, 2)}× → ${met(g.rollupMet)} (÷ raw floor over placements: ${fmt(g.rawRatio, 2)}×)`);
    }
    for (const n of r.notes) out.push(`note: ${n}`);
  }
  for (const r of imports) {
    out.push('');
    out.push(`Import bench — ${r.database.kind} (${r.database.version.split(' on ')[0]}), ${r.data.rows} rows (${fmt(r.data.fileBytes / 1024 ** 2)} MB) into ${r.data.placementsBefore} placements; ` +
      `${r.machine.cpus} CPU, Node ${r.machine.node}`);
    const i = r.importer;
    const rows: string[][] = [['target', 'ok', 'rows/s', 'wall s', 'peak RSS MB', 'baseline MB', 'MB/s']];
    rows.push(['POST /api/v1/imports/placements', i.ok ? 'yes' : `NO (${i.status})`, String(i.rowsPerSec), fmt(i.wallMs / 1000, 2), fmt(i.rss.peakMb), fmt(i.rss.baselineMb), fmt(i.mbPerSec, 2)]);
    rows.push(['COPY floor', r.copy.ok ? 'yes' : 'NO', String(r.copy.rowsPerSec), fmt(r.copy.wallMs / 1000, 2), '–', '–', '–']);
    out.push(table(rows));
    out.push(`parse + validate alone (no database): ${r.parseValidateOnly.rowsPerSec} rows/s (${fmt(r.parseValidateOnly.ms / 1000, 2)} s)`);
    out.push(`ratio import ÷ COPY throughput: ${r.ratios.importVsCopyThroughput ?? '–'}`);
    out.push(`goal import ≥ ${r.goal.rowsPerSec} rows/s: ${i.rowsPerSec} rows/s = ${fmt(i.rowsPerSec / r.goal.rowsPerSec, 2)}× the goal → ${r.goal.throughputMet ? 'MET' : 'NOT MET'}`);
    out.push(`goal import peak RSS ≤ ${r.goal.rssMb} MB: ${fmt(i.rss.peakMb)} MB = ${fmt(i.rss.peakMb / r.goal.rssMb, 2)}× the goal → ${r.goal.rssMet ? 'MET' : 'NOT MET'}`);
    if (i.error) out.push(`import error: ${i.error}`);
    if (r.copy.error) out.push(`COPY error: ${r.copy.error}`);
    for (const n of r.notes) out.push(`note: ${n}`);
  }
  return out.join('\n');
}
