/**
 * Worklist benchmark (suite "worklist" of `npm run bench`): GET /api/v1/worklist with a
 * national-ish volume of deadlines, against the bare indexed query it wraps. See bench/README.md.
 *
 * Per database: a fresh database with the demo region, plus (bench/synthetic.ts) 50 000 clients
 * with trajectories, 2 000 care workers, 600 000 deadline rows of which 200 000 open, a benchmark
 * care worker with 300 open deadlines (60 on the worklist) and a team manager of an organisation
 * with ≈ 20 000 open deadlines. Targets, each under a closed loop at every BENCH_WORKLIST_CONNECTIONS:
 *   (a)      floor-mine        bare Fastify, worklistRows(scope mine) for the care worker — the database floor
 *   (b)      real-mine         GET /api/v1/worklist?asOf=… logged in as the care worker
 *   (a-org)  floor-org         bare Fastify, worklistRows(scope organisation) for the team manager
 *   (c)      real-org          GET /api/v1/worklist?asOf=…&scope=organisation logged in as the team manager
 *   what-if  floor-org-whatif / real-org-whatif (opt-in, BENCH_WORKLIST_WHATIF=1): the same, with the ORDER BY's
 *            first term `(d.due_date < asOf) DESC` dropped by a Kysely plugin (see OverdueFirstRewrite) — a
 *            second app on the same database. The shipped query no longer has that term (it orders by due
 *            date alone since this what-if showed the sort it cost), so by default these targets are skipped.
 * Goals of issue 12 (read pipeline), printed as MET / NOT MET with the ratio: (b)/(a) and (c)/(a-org)
 * throughput ≥ 0.5× at 50 connections; serial HTTP p50 real ≤ 2× serial floor.
 * and, paced at BENCH_WORKLIST_PACED requests per second in total (default 20: 200 users each opening
 * their worklist every 10 s), real-mine / real-org / real-org-whatif.
 */
import fs from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import Fastify, { type FastifyInstance } from 'fastify';
import { CompiledQuery, sql, type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs, type QueryResult, type RootOperationNode, type UnknownRow } from 'kysely';
import type { Db } from '../src/platform/db/database.ts';
import { createServer, type Server } from '../src/app/server.ts';
import { buildApp } from '../src/platform/http/app.ts';
import { MODULES } from '../src/app/modules.ts';
import { systemClock, todayIn } from '../src/platform/clock.ts';
import { hashPassword } from '../src/modules/auth/passwords.ts';
import { resolveSession } from '../src/platform/auth/sessions.ts';
import { writeAudit } from '../src/platform/audit/writer.ts';
import { verifyAuditChain } from '../src/modules/audit/verify.ts';
import { sealAudit } from '../src/platform/audit/sealer.ts';
import { loadCalendar } from '../src/modules/calendar/repository.ts';
import { WORKLIST_HORIZON_WORKING_DAYS, worklistItem, worklistRows, type WorklistQuery } from '../src/modules/trajectories/worklist.ts';
import type { Subject } from '../src/domain/policy/index.ts';
import {
  count, databaseSize, databaseVersion, drain, envList, envNumber, loadAverage, log, login, machineInfo, onCleanup, originOf, prepareDatabase, round, table, trackInFlight,
  type DbKind, type LoadGenerator,
} from './common.ts';
import type { LoadJob, LoadResult } from './loadgen.ts';
import { BENCH_MANAGER_EMAIL, BENCH_PASSWORD, BENCH_WORKER_EMAIL, WORKLIST_AS_OF, insertWorklistData } from './synthetic.ts';

export type WorklistTargetName = 'floor-mine' | 'real-mine' | 'floor-org' | 'real-org' | 'floor-org-whatif' | 'real-org-whatif';

export const WORKLIST_TARGETS: Record<WorklistTargetName, { label: string; describe: string }> = {
  'floor-mine': { label: '(a) floor mine', describe: 'bare Fastify + worklistRows(scope mine), benchmark care worker' },
  'real-mine': { label: '(b) real mine', describe: 'GET /api/v1/worklist?asOf=… as the benchmark care worker (session, calendar, query, view, audit)' },
  'floor-org': { label: '(a-org) floor org', describe: 'bare Fastify + worklistRows(scope organisation), team manager' },
  'real-org': { label: '(c) real org', describe: 'GET /api/v1/worklist?asOf=…&scope=organisation as the team manager' },
  'floor-org-whatif': { label: "(a-org') floor org what-if", describe: 'floor org with ORDER BY due_date, trajectory_id (overdue-first term dropped)' },
  'real-org-whatif': { label: "(c') real org what-if", describe: 'real org on a second app whose Kysely drops the overdue-first ORDER BY term' },
};

// ─── Settings ────────────────────────────────────────────────────────────────

export interface WorklistSettings {
  durationS: number;
  warmupS: number;
  connections: number[];
  /**
   * Paced runs: offered requests per second in total (0 = none), sent by that many connections at
   * 1 request per second each (autocannon paces per connection, in whole requests per second).
   * Default 20 = 200 users each opening their worklist every 10 s.
   */
  pacedRate: number;
  pacedGroups: number;
  whatIf: boolean;
  seed: number;
  asOf: string;
  clients: number;
  careWorkers: number;
  openDeadlines: number;
  totalDeadlines: number;
  benchWorker: { trajectories: number; open: number; overdue: number; dueSoon: number; notOpen: number };
  focusOrganisationCode: string;
  focusShare: number;
  /** The goal of the Omslagroute issue: p99 ≤ goalP99Ms at goalConnections on PostgreSQL. */
  goalP99Ms: number;
  goalConnections: number;
  /** The read-pipeline goals of issue 12: real ≥ minThroughputRatio × floor at throughputConnections; serial real ≤ maxSerialRatio × serial floor. */
  pipeline: { throughputConnections: number; minThroughputRatio: number; maxSerialRatio: number };
  extraSql: string | null;
  label: string | null;
}

export function worklistSettings(base: { durationS: number; warmupS: number; seed: number; extraSql: string | null; label: string | null }): WorklistSettings {
  const connections = envList('BENCH_WORKLIST_CONNECTIONS', '50,200').map(Number).filter((n) => Number.isInteger(n) && n > 0);
  if (connections.length === 0) throw new Error('BENCH_WORKLIST_CONNECTIONS lists no connection counts');
  const open = Math.floor(envNumber('BENCH_OPEN_DEADLINES', 200_000, 1));
  const total = Math.floor(envNumber('BENCH_DEADLINES', 600_000, 1));
  if (total < open) throw new Error('BENCH_DEADLINES must be ≥ BENCH_OPEN_DEADLINES');
  return {
    durationS: base.durationS,
    warmupS: base.warmupS,
    connections,
    pacedRate: Math.floor(envNumber('BENCH_WORKLIST_PACED', 20, 0)),
    pacedGroups: 20,
    // Opt-in (BENCH_WORKLIST_WHATIF=1): the shipped query already orders by due date alone, so the rewrite has nothing to drop.
    whatIf: process.env.BENCH_WORKLIST_WHATIF === '1',
    seed: base.seed,
    asOf: WORKLIST_AS_OF,
    clients: Math.floor(envNumber('BENCH_CLIENTS', 50_000, 100)),
    careWorkers: Math.floor(envNumber('BENCH_CARE_WORKERS', 2_000, 12)),
    openDeadlines: open,
    totalDeadlines: total,
    benchWorker: { trajectories: 75, open: 300, overdue: 24, dueSoon: 36, notOpen: 600 },
    focusOrganisationCode: 'ZA-HORIZON',
    focusShare: 0.11,
    goalP99Ms: 50,
    goalConnections: 200,
    pipeline: { throughputConnections: 50, minThroughputRatio: 0.5, maxSerialRatio: 2 },
    extraSql: base.extraSql,
    label: base.label,
  };
}

// ─── The what-if rewrite ─────────────────────────────────────────────────────

/**
 * Drops the first ORDER BY term of the worklist query, `(d.due_date < $asOf) DESC`, and nothing else.
 * The order does not change: the query only returns rows with due_date ≤ horizon (never NULL), and
 * every overdue row (due_date < asOf) already sorts before every other row by due_date alone. What
 * changes is that the ORDER BY becomes `d.due_date, d.trajectory_id`, which an index on
 * (…, due_date) can deliver presorted, so the LIMIT can stop early instead of sorting every match.
 */
export class OverdueFirstRewrite implements KyselyPlugin {
  hits = 0;
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const node = args.node;
    if (node.kind !== 'SelectQueryNode' || !node.orderBy) return node;
    const [first, ...rest] = node.orderBy.items;
    if (!first || first.orderBy.kind !== 'RawNode') return node;
    const fragments = (first.orderBy as unknown as { sqlFragments: ReadonlyArray<string> }).sqlFragments;
    if (fragments[0]?.replace(/\s+/g, ' ').trim() !== '(d.due_date <') return node;
    this.hits++;
    return { ...node, orderBy: { ...node.orderBy, items: rest } };
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

/** Captures the last query a Kysely instance compiles (for EXPLAIN). */
class Capture implements KyselyPlugin {
  last: PluginTransformQueryArgs | null = null;
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.last = args;
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

async function explain(db: Db, run: (db: Db) => Promise<unknown>): Promise<{ sql: string; plan: string[]; executionMs: number | null }> {
  const capture = new Capture();
  await run(db.withPlugin(capture));
  if (!capture.last) throw new Error('explain: no query captured');
  const compiled = db.getExecutor().compileQuery(capture.last.node, capture.last.queryId);
  const r = await db.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`EXPLAIN (ANALYZE, BUFFERS) ${compiled.sql}`, [...compiled.parameters]));
  const plan = r.rows.map((x) => x['QUERY PLAN']);
  const exec = plan.map((l) => /Execution Time: ([\d.]+) ms/.exec(l)).find(Boolean);
  return { sql: compiled.sql, plan, executionMs: exec ? Number(exec[1]) : null };
}

// ─── Report shapes ───────────────────────────────────────────────────────────

export interface WorklistMeasurement extends LoadResult {
  target: WorklistTargetName;
  mode: 'closed' | 'paced';
  description: string;
  /** Items in one response (pre-flight). */
  items: number;
  /** ms until the server had worked off the requests still queued when the load stopped. */
  drainMs: number;
  /** Event-loop delay of the server process during the run (warm-up included): how long ready I/O waited for the thread. */
  eventLoopDelayMs: { p50: number; p99: number; max: number };
  auditRowsWritten?: number;
}

export interface WorklistRatio {
  connections: number;
  /** real ÷ floor (mine): throughput, p50, p99; and the added median ms. */
  mine: { throughput: number; latencyP50: number; latencyP99: number; addedP50Ms: number };
  org: { throughput: number; latencyP50: number; latencyP99: number; addedP50Ms: number };
  /** what-if ÷ shipped (org): >1 throughput / <1 latency = the rewrite helps. */
  orgWhatIf: { floorThroughput: number; realThroughput: number; realLatencyP99: number } | null;
}

export interface StepTiming { step: string; describe: string; n: number; p50Ms: number; meanMs: number; p90Ms: number }

export interface WorklistReport {
  benchmark: 'worklist';
  date: string;
  machine: ReturnType<typeof machineInfo>;
  loadAverage: { start: number[]; end: number[] };
  settings: WorklistSettings;
  database: { kind: DbKind; version: string; describe: string; poolSize: number | null };
  asOf: string;
  horizon: string;
  data: {
    rows: Record<string, number>;
    deadlines: number;
    openDeadlines: number;
    openAssignedToCareWorkers: number;
    careWorkersWithOpenDeadlines: number;
    focusOrganisation: { code: string; openDeadlines: number; onWorklist: number };
    benchWorker: { openDeadlines: number; overdue: number; onWorklist: number };
    sizeBytes: number | null;
    deadlinesBytes: number | null;
    insertMs: number;
    insertRowsPerSec: number;
  };
  /** Serial (one at a time, no load) cost of each step of the real request. */
  steps: StepTiming[];
  /** Unloaded HTTP latency: sequential requests, one at a time; and the size of one response body (bytes, uncompressed). */
  serialHttp: Array<{ target: WorklistTargetName; n: number; p50Ms: number; meanMs: number; responseBytes: number }>;
  explain: Record<'mine' | 'org' | 'orgWhatIf', { sql: string; plan: string[]; executionMs: number | null }>;
  measurements: WorklistMeasurement[];
  ratios: WorklistRatio[];
  goal: { p99Ms: number; connections: number; results: Array<{ target: WorklistTargetName; mode: 'closed' | 'paced'; p99Ms: number; reqPerSec: number; met: boolean }> };
  /**
   * Issue 12's read-pipeline goals, per scope (mine: the care worker; org: the team manager): real ÷ floor
   * throughput at the closed-loop connection count (≥ limit), serial HTTP p50 real ÷ floor (≤ limit).
   */
  pipelineGoals: Array<{ goal: 'throughput' | 'serial'; scope: 'mine' | 'org'; connections: number; limit: number; ratio: number; met: boolean; realMs?: number; floorMs?: number }>;
  audit: { rowsBefore: number; rowsAfter: number; rowsWrittenDuringReal: number; okResponsesDuringReal: number; inFlightAllowance: number; chainOk: boolean; verifyMs: number };
  notes: string[];
}

// ─── Helpers ─────────────────────────────────────────────────────────────────

function pct(sorted: number[], p: number) {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1]!;
}

async function timeSteps(step: string, describe: string, n: number, fn: () => Promise<unknown> | unknown): Promise<StepTiming> {
  for (let i = 0; i < 5; i++) await fn();
  const t: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = performance.now();
    await fn();
    t.push(performance.now() - s);
  }
  t.sort((a, b) => a - b);
  return { step, describe, n, p50Ms: round(pct(t, 50)), meanMs: round(t.reduce((a, b) => a + b, 0) / n), p90Ms: round(pct(t, 90)) };
}

type Item = { trajectoryId?: string; trajectory_id?: string; due?: string; due_date?: string; key: string };
/** The order the query defines: (due date, trajectory) per row (ties between keys are unordered). */
const orderKey = (items: Item[]) => items.map((i) => `${i.due ?? i.due_date}|${i.trajectoryId ?? i.trajectory_id}`).join(',');

async function getJson(url: string, cookie?: string): Promise<{ status: number; bytes: number; body: { items?: Item[] } & Record<string, unknown> }> {
  const res = await fetch(url, cookie ? { headers: { cookie } } : {});
  const text = await res.text();
  return { status: res.status, bytes: Buffer.byteLength(text), body: JSON.parse(text) as { items?: Item[] } };
}

// ─── One database ────────────────────────────────────────────────────────────

export async function benchWorklist(kind: DbKind, loader: LoadGenerator, settings: WorklistSettings): Promise<WorklistReport> {
  const date = new Date().toISOString(); // a bench, not a test: wall-clock time is what we want here
  const loadStart = loadAverage();
  const target = await prepareDatabase(kind);
  log(`${kind} worklist: ${target.describe}`);
  const server: Server = await createServer(target.config, systemClock, target.database);
  const closeServer = onCleanup(`close ${kind} app`, () => server.close());
  const db = server.database.db;
  const calendar = await loadCalendar(db, null);
  const horizon = calendar.addWorkingDays(settings.asOf, WORKLIST_HORIZON_WORKING_DAYS);

  const passwordHash = await hashPassword(BENCH_PASSWORD);
  log(`${kind} worklist: generating ${settings.clients} clients, ${settings.totalDeadlines} deadlines (${settings.openDeadlines} open) …`);
  const gen = await insertWorklistData(db, {
    seed: settings.seed,
    asOf: settings.asOf,
    horizon,
    clients: settings.clients,
    careWorkers: settings.careWorkers,
    openDeadlines: settings.openDeadlines,
    totalDeadlines: settings.totalDeadlines,
    focusOrganisationCode: settings.focusOrganisationCode,
    focusShare: settings.focusShare,
    benchWorker: { email: BENCH_WORKER_EMAIL, name: 'Noor van der Werf', passwordHash, ...settings.benchWorker },
    teamManager: { email: BENCH_MANAGER_EMAIL, name: 'Ruben Mahabier', passwordHash },
    onProgress: (what, done, total) => {
      if (what !== 'deadlines' || done % 100_000 < 5000 || done === total) log(`${kind} worklist: ${what} ${done}/${total}`);
    },
  });
  log(`${kind} worklist: generated ${Object.entries(gen.rows).map(([k, v]) => `${v} ${k}`).join(', ')} in ${Math.round(gen.ms)} ms`);
  if (settings.extraSql) {
    log(`${kind} worklist: what-if SQL: ${settings.extraSql}`);
    await sql.raw(settings.extraSql).execute(db);
  }
  // A bulk-loaded table is not what a running system has: set hint bits and the visibility map, and gather statistics.
  await sql`VACUUM ANALYZE`.execute(db);

  // ── Data facts (counted, not assumed) ──
  const open = sql`d.met_on IS NULL AND d.closed_as IS NULL AND d.kind = 'deadline'`;
  const facts = (await sql<{ total: string; open: string; assigned: string; workers: string; focus_open: string; focus_visible: string; bw_open: string; bw_overdue: string; bw_visible: string }>`
    SELECT count(*)::text AS total,
      count(*) FILTER (WHERE ${open})::text AS open,
      count(*) FILTER (WHERE ${open} AND d.assignee_user_id IN (SELECT user_id FROM memberships WHERE role = 'care_worker'))::text AS assigned,
      count(DISTINCT d.assignee_user_id) FILTER (WHERE ${open} AND d.assignee_user_id IN (SELECT user_id FROM memberships WHERE role = 'care_worker'))::text AS workers,
      count(*) FILTER (WHERE ${open} AND d.organisation_id = ${gen.focusOrganisationId})::text AS focus_open,
      count(*) FILTER (WHERE ${open} AND d.organisation_id = ${gen.focusOrganisationId} AND d.due_date <= ${horizon})::text AS focus_visible,
      count(*) FILTER (WHERE ${open} AND d.assignee_user_id = ${gen.benchWorkerId})::text AS bw_open,
      count(*) FILTER (WHERE ${open} AND d.assignee_user_id = ${gen.benchWorkerId} AND d.due_date < ${settings.asOf})::text AS bw_overdue,
      count(*) FILTER (WHERE ${open} AND d.assignee_user_id = ${gen.benchWorkerId} AND d.due_date <= ${horizon})::text AS bw_visible
    FROM deadlines d`.execute(db)).rows[0]!;
  let deadlinesBytes: number | null = null;
  try {
    deadlinesBytes = Number((await sql<{ n: string }>`SELECT pg_total_relation_size('deadlines')::text AS n`.execute(db)).rows[0]?.n ?? NaN);
  } catch {
    deadlinesBytes = null;
  }
  const totalRows = Object.values(gen.rows).reduce((a, b) => a + b, 0);
  const data: WorklistReport['data'] = {
    rows: gen.rows,
    deadlines: Number(facts.total),
    openDeadlines: Number(facts.open),
    openAssignedToCareWorkers: Number(facts.assigned),
    careWorkersWithOpenDeadlines: Number(facts.workers),
    focusOrganisation: { code: settings.focusOrganisationCode, openDeadlines: Number(facts.focus_open), onWorklist: Number(facts.focus_visible) },
    benchWorker: { openDeadlines: Number(facts.bw_open), overdue: Number(facts.bw_overdue), onWorklist: Number(facts.bw_visible) },
    sizeBytes: await databaseSize(db),
    deadlinesBytes,
    insertMs: Math.round(gen.ms),
    insertRowsPerSec: Math.round((totalRows / gen.ms) * 1000),
  };
  log(`${kind} worklist: ${data.openDeadlines} open deadlines; ${data.focusOrganisation.code} ${data.focusOrganisation.openDeadlines} open (${data.focusOrganisation.onWorklist} due ≤ horizon); ` +
    `benchmark worker ${data.benchWorker.openDeadlines} open, ${data.benchWorker.onWorklist} on the worklist`);

  // ── Apps: the real one, the what-if one (same database), the floor ──
  const rewrite = new OverdueFirstRewrite();
  const whatIfDb = db.withPlugin(rewrite);
  await server.app.listen({ host: '127.0.0.1', port: 0 });
  const appOrigin = originOf(server.app as unknown as FastifyInstance);
  const inFlight = [trackInFlight(server.app.server)];
  let whatIfOrigin: string | null = null;
  if (settings.whatIf) {
    const whatIfApp = await buildApp({ config: target.config, database: { ...server.database, db: whatIfDb }, clock: systemClock }, MODULES);
    onCleanup('close what-if app', () => whatIfApp.close());
    await whatIfApp.listen({ host: '127.0.0.1', port: 0 });
    whatIfOrigin = originOf(whatIfApp as unknown as FastifyInstance);
    inFlight.push(trackInFlight(whatIfApp.server));
  }
  const workerCookie = await login(appOrigin, BENCH_WORKER_EMAIL, BENCH_PASSWORD);
  const managerCookie = await login(appOrigin, BENCH_MANAGER_EMAIL, BENCH_PASSWORD);

  const focusId = gen.focusOrganisationId;
  const workerSubject: Subject = { userId: gen.benchWorkerId, role: 'care_worker', organisationId: focusId, organisationType: 'care_provider', scope: [focusId] };
  const managerSubject: Subject = { userId: gen.teamManagerId, role: 'team_manager', organisationId: focusId, organisationType: 'care_provider', scope: [focusId] };
  // The floor runs the route's query exactly: the route judges consent and agreements on today (the clock), not on asOf.
  const today = todayIn(systemClock);
  const mineQuery: WorklistQuery = { subject: workerSubject, asOf: settings.asOf, horizon, scope: 'mine', limit: 200, today };
  const orgQuery: WorklistQuery = { subject: managerSubject, asOf: settings.asOf, horizon, scope: 'organisation', limit: 200, today };
  const floor = Fastify({ logger: false });
  floor.get<{ Querystring: { scope?: string } }>('/floor/worklist', async (req) => {
    const q = req.query.scope === 'organisation' ? orgQuery : mineQuery;
    return { asOf: q.asOf, horizon: q.horizon, items: await worklistRows(db, q) };
  });
  floor.get<{ Querystring: { scope?: string } }>('/floor/worklist-whatif', async (req) => {
    const q = req.query.scope === 'organisation' ? orgQuery : mineQuery;
    return { asOf: q.asOf, horizon: q.horizon, items: await worklistRows(whatIfDb, q) };
  });
  await floor.listen({ host: '127.0.0.1', port: 0 });
  inFlight.push(trackInFlight(floor.server));
  const closeFloor = onCleanup('close worklist floor', () => floor.close());
  const floorOrigin = originOf(floor);

  const realMinePath = `/api/v1/worklist?asOf=${settings.asOf}`;
  const realOrgPath = `/api/v1/worklist?asOf=${settings.asOf}&scope=organisation`;
  const jobs: Record<WorklistTargetName, { origin: string; path: string; cookie?: string }> = {
    'floor-mine': { origin: floorOrigin, path: '/floor/worklist?scope=mine' },
    'real-mine': { origin: appOrigin, path: realMinePath, cookie: workerCookie },
    'floor-org': { origin: floorOrigin, path: '/floor/worklist?scope=organisation' },
    'real-org': { origin: appOrigin, path: realOrgPath, cookie: managerCookie },
    'floor-org-whatif': { origin: floorOrigin, path: '/floor/worklist-whatif?scope=organisation' },
    'real-org-whatif': { origin: whatIfOrigin ?? appOrigin, path: realOrgPath, cookie: managerCookie },
  };
  const names = (Object.keys(jobs) as WorklistTargetName[]).filter((n) => settings.whatIf || !n.endsWith('-whatif'));

  // ── Pre-flight: every target answers, the real routes return what the floor returns ──
  const items: Partial<Record<WorklistTargetName, Item[]>> = {};
  const responseBytes: Partial<Record<WorklistTargetName, number>> = {};
  for (const n of names) {
    const j = jobs[n];
    const r = await getJson(`${j.origin}${j.path}`, j.cookie);
    if (r.status !== 200 || !Array.isArray(r.body.items)) throw new Error(`pre-flight ${n}: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
    items[n] = r.body.items;
    responseBytes[n] = r.bytes;
  }
  const expectMine = Math.min(200, data.benchWorker.onWorklist);
  if (items['floor-mine']!.length !== expectMine) throw new Error(`pre-flight: floor mine has ${items['floor-mine']!.length} items, expected ${expectMine}`);
  if (items['floor-org']!.length !== Math.min(200, data.focusOrganisation.onWorklist)) throw new Error(`pre-flight: floor org has ${items['floor-org']!.length} items`);
  const same = (a: WorklistTargetName, b: WorklistTargetName) => {
    if (items[a] && items[b] && orderKey(items[a]) !== orderKey(items[b])) throw new Error(`pre-flight: ${a} and ${b} return different worklists`);
  };
  same('floor-mine', 'real-mine');
  same('floor-org', 'real-org');
  same('floor-org', 'floor-org-whatif');
  same('floor-org', 'real-org-whatif');
  // The what-if is opt-in: the shipped query orders by due date alone (the overdue-first term was dropped after this rewrite
  // showed it costs a sort), so the rewrite finds nothing to drop and its targets measure the shipped query twice.
  const whatIfNote = settings.whatIf && rewrite.hits === 0
    ? 'what-if (BENCH_WORKLIST_WHATIF=1): the rewrite found no overdue-first ORDER BY term to drop — the shipped query already orders by due date alone, so the what-if targets measure the shipped query.'
    : null;

  // ── EXPLAIN ANALYZE and serial step costs (no load) ──
  const plans = {
    mine: await explain(db, (d) => worklistRows(d, mineQuery)),
    org: await explain(db, (d) => worklistRows(d, orgQuery)),
    orgWhatIf: await explain(whatIfDb, (d) => worklistRows(d, orgQuery)),
  };
  for (const [k, p] of Object.entries(plans)) log(`${kind} worklist: EXPLAIN ${k}: ${p.executionMs} ms — ${p.plan[0]?.trim()}`);

  const auditBefore = await count(db, 'audit_log');
  const sessionSettings = { idleMinutes: target.config.sessionIdleMinutes, absoluteHours: target.config.sessionAbsoluteHours };
  const orgRows = await worklistRows(db, orgQuery);
  const N = 50;
  const steps: StepTiming[] = [
    await timeSteps('session', 'resolveSession: one statement, session ⋈ user with the memberships aggregated (every authenticated request)', N, () =>
      resolveSession(db, systemClock, sessionSettings, decodeURIComponent(managerCookie.slice('tr_session='.length)))),
    await timeSteps('calendar', 'loadCalendar(organisation): decree + closing days (every worklist request)', N, () => loadCalendar(db, focusId)),
    await timeSteps('query-mine', `worklistRows scope mine (${items['floor-mine']!.length} rows)`, N, () => worklistRows(db, mineQuery)),
    await timeSteps('query-org', `worklistRows scope organisation (${orgRows.length} of ${data.focusOrganisation.onWorklist} rows)`, N, () => worklistRows(db, orgQuery)),
    ...(settings.whatIf ? [await timeSteps('query-org-whatif', 'the same without the overdue-first ORDER BY term', N, () => worklistRows(whatIfDb, orgQuery))] : []),
    await timeSteps('view-org', `worklistItem × ${orgRows.length} + JSON.stringify (CPU only)`, N, () =>
      JSON.stringify(orgRows.map((r) => worklistItem(r, 'case_management', settings.asOf)))),
    await timeSteps('audit-row', `one audit row alone (INSERT, no lock: chained later by the sealer; details with ${new Set(orgRows.map((r) => r.trajectory_id)).size} trajectory ids)`, 20, () =>
      writeAudit(db, systemClock, null, { action: 'worklist.read', resourceType: 'deadline', outcome: 'success', purpose: 'case_management', details: { method: 'GET', route: '/api/v1/worklist', status: 200, count: orgRows.length, scope: 'organisation', trajectoryIds: [...new Set(orgRows.map((r) => r.trajectory_id))] } }, { userId: gen.teamManagerId, organisationId: focusId, role: 'team_manager' })),
  ];
  const serialHttp: WorklistReport['serialHttp'] = [];
  for (const n of names) {
    const j = jobs[n];
    const t: number[] = [];
    for (let i = 0; i < 25; i++) {
      const s = performance.now();
      const res = await fetch(`${j.origin}${j.path}`, j.cookie ? { headers: { cookie: j.cookie } } : {});
      await res.arrayBuffer();
      if (i >= 5) t.push(performance.now() - s);
    }
    t.sort((a, b) => a - b);
    serialHttp.push({ target: n, n: t.length, p50Ms: round(pct(t, 50)), meanMs: round(t.reduce((a, b) => a + b, 0) / t.length), responseBytes: responseBytes[n] ?? 0 });
  }
  log(`${kind} worklist: serial ${steps.map((s) => `${s.step} ${s.p50Ms}`).join(', ')} ms; HTTP ${serialHttp.map((s) => `${s.target} ${s.p50Ms}`).join(', ')} ms`);

  // ── Load ──
  const measurements: WorklistMeasurement[] = [];
  let auditWritten = 0;
  let okDuringReal = 0;
  let inFlightAllowance = 0;
  const measure = async (n: WorklistTargetName, connections: number, mode: 'closed' | 'paced') => {
    const j = jobs[n];
    const job: Omit<LoadJob, 'type'> = {
      origin: j.origin,
      path: j.path,
      randomId: false,
      seed: settings.seed + connections,
      connections,
      durationS: settings.durationS,
      warmupS: settings.warmupS,
      ...(j.cookie ? { headers: { cookie: j.cookie } } : {}),
      ...(mode === 'paced' ? { pace: { perConnectionRate: 1, groups: Math.min(settings.pacedGroups, connections) } } : {}),
    };
    log(`${kind} worklist: ${WORKLIST_TARGETS[n].label}, ${mode === 'paced' ? `paced ${connections} req/s (${connections} connections × 1/s)` : `${connections} connections closed loop`}, ${settings.warmupS}+${settings.durationS} s`);
    const auditStart = n.startsWith('real') ? await count(db, 'audit_log') : 0;
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const r = await loader.run(job);
    loop.disable();
    const drainMs = await drain(db, { servers: inFlight }); // let in-flight requests (and their audit rows) finish before counting and before the next run
    const eventLoopDelayMs = { p50: round(loop.percentile(50) / 1e6, 1), p99: round(loop.percentile(99) / 1e6, 1), max: round(loop.max / 1e6, 1) };
    const m: WorklistMeasurement = { target: n, mode, description: WORKLIST_TARGETS[n].describe, items: items[n]?.length ?? 0, drainMs, eventLoopDelayMs, ...r };
    if (n.startsWith('real')) {
      m.auditRowsWritten = (await count(db, 'audit_log')) - auditStart;
      auditWritten += m.auditRowsWritten;
      okDuringReal += r.ok + r.warmupOk;
      inFlightAllowance += (settings.warmupS > 0 ? 2 : 1) * connections;
    }
    measurements.push(m);
    log(`   → ${r.reqPerSec} req/s, p50 ${r.latencyMs.p50} ms, p99 ${r.latencyMs.p99} ms, non-2xx ${r.non2xx}, errors ${r.errors}, timeouts ${r.timeouts}, ` +
      `event-loop delay p99 ${eventLoopDelayMs.p99} / max ${eventLoopDelayMs.max} ms, drained in ${drainMs} ms, load ${r.loadAverage.end[0]}`);
  };
  for (const connections of settings.connections) {
    for (const n of names) await measure(n, connections, 'closed');
  }
  const maxConnections = Math.max(...settings.connections);
  if (settings.pacedRate > 0) {
    for (const n of names.filter((x) => x.startsWith('real'))) await measure(n, settings.pacedRate, 'paced');
  }

  // ── Ratios, goal, audit ──
  const get = (t: WorklistTargetName, c: number, mode: 'closed' | 'paced' = 'closed') => measurements.find((m) => m.target === t && m.connections === c && m.mode === mode);
  const ratio = (b: WorklistMeasurement | undefined, a: WorklistMeasurement | undefined) =>
    !a || !b ? { throughput: NaN, latencyP50: NaN, latencyP99: NaN, addedP50Ms: NaN } : {
      throughput: round(b.reqPerSec / a.reqPerSec),
      latencyP50: round(b.latencyMs.p50 / a.latencyMs.p50, 2),
      latencyP99: round(b.latencyMs.p99 / a.latencyMs.p99, 2),
      addedP50Ms: round(b.latencyMs.p50 - a.latencyMs.p50),
    };
  const ratios: WorklistRatio[] = settings.connections.map((c) => {
    const fo = get('floor-org', c);
    const fw = get('floor-org-whatif', c);
    const ro = get('real-org', c);
    const rw = get('real-org-whatif', c);
    return {
      connections: c,
      mine: ratio(get('real-mine', c), get('floor-mine', c)),
      org: ratio(ro, fo),
      orgWhatIf: fo && fw && ro && rw ? { floorThroughput: round(fw.reqPerSec / fo.reqPerSec, 2), realThroughput: round(rw.reqPerSec / ro.reqPerSec, 2), realLatencyP99: round(rw.latencyMs.p99 / ro.latencyMs.p99, 2) } : null,
    };
  });
  const goalConnections = settings.connections.includes(settings.goalConnections) ? settings.goalConnections : maxConnections;
  const goal: WorklistReport['goal'] = {
    p99Ms: settings.goalP99Ms,
    connections: goalConnections,
    results: measurements
      .filter((m) => m.target.startsWith('real') && (m.mode === 'paced' || m.connections === goalConnections))
      .map((m) => ({ target: m.target, mode: m.mode, p99Ms: m.latencyMs.p99, reqPerSec: m.reqPerSec, met: m.ok > 0 && m.latencyMs.p99 <= settings.goalP99Ms && m.non2xx + m.errors === 0 })),
  };

  const pg = settings.pipeline;
  const pipelineConnections = settings.connections.includes(pg.throughputConnections) ? pg.throughputConnections : Math.min(...settings.connections);
  const serialOf = (t: WorklistTargetName) => serialHttp.find((x) => x.target === t)?.p50Ms ?? NaN;
  const pipelineGoals: WorklistReport['pipelineGoals'] = [];
  for (const [real, fl, label] of [['real-mine', 'floor-mine', 'mine'], ['real-org', 'floor-org', 'org']] as const) {
    const r = get(real, pipelineConnections);
    const f = get(fl, pipelineConnections);
    const tp = r && f && f.reqPerSec > 0 ? round(r.reqPerSec / f.reqPerSec, 2) : NaN;
    pipelineGoals.push({ goal: 'throughput', scope: label, connections: pipelineConnections, limit: pg.minThroughputRatio, ratio: tp, met: Number.isFinite(tp) && tp >= pg.minThroughputRatio && (r?.non2xx ?? 1) + (r?.errors ?? 1) === 0 });
    const sr = round(serialOf(real) / serialOf(fl), 2);
    pipelineGoals.push({ goal: 'serial', scope: label, connections: 1, limit: pg.maxSerialRatio, ratio: sr, met: Number.isFinite(sr) && sr <= pg.maxSerialRatio, realMs: serialOf(real), floorMs: serialOf(fl) });
  }

  // Chain what the measured runs appended (the sealer job does this every 250 ms in the app; ADR 0014), so the check covers every row.
  await sealAudit(db);
  const verifyStart = performance.now();
  const chain = await verifyAuditChain(db);
  const verifyMs = Math.round(performance.now() - verifyStart);
  const auditAfter = await count(db, 'audit_log');
  const version = await databaseVersion(db);

  const notes: string[] = [];
  if (whatIfNote) notes.push(whatIfNote);
  for (const m of measurements) {
    if (m.non2xx > 0 || m.errors > 0) notes.push(`${m.target} @${m.connections} ${m.mode}: ${m.non2xx} non-2xx (${JSON.stringify(m.statusCounts)}), ${m.errors} errors, ${m.timeouts} timeouts`);
    if (m.ok < 2 * m.connections) {
      notes.push(`${m.target} @${m.connections} ${m.mode}: only ${m.ok} answers in the ${m.durationS} s window for ${m.connections} connections (${m.unanswered} of ${m.sent} requests never answered): ` +
        'the server is saturated beyond the window; latencies above the window are not in the percentiles, so they understate the real latency.');
    }
  }
  if (auditWritten < okDuringReal || auditWritten > okDuringReal + inFlightAllowance) {
    notes.push(`audit rows written (${auditWritten}) outside [2xx responses of the real targets incl. warm-up, + in-flight allowance] = [${okDuringReal}, ${okDuringReal + inFlightAllowance}]`);
  }
  if (!chain.ok) notes.push(`audit chain broken: ${chain.changed.length} changed, ${chain.broken.length} broken links`);
  if (settings.extraSql) notes.push(`WHAT-IF run: the schema was changed by BENCH_EXTRA_SQL (${settings.extraSql}); these are not the shipped schema's numbers.`);
  notes.push(`Closed loop: by Little's law mean latency ≈ connections ÷ throughput, so p99 ≤ ${settings.goalP99Ms} ms at ${goalConnections} closed-loop connections needs well over ${Math.round(goalConnections / (settings.goalP99Ms / 1000))} req/s; ` +
    `the paced runs (${settings.pacedRate} req/s offered) show the latency at a fixed load below saturation (a paced connection whose answer takes longer than 1 s sends its next request late: above saturation paced latencies are understated).`);
  notes.push('Every request of a target asks for the same worklist (one care worker / one team manager): the same pages stay in cache; 200 different users would touch more pages.');
  if (kind === 'pglite') notes.push('PGlite is one in-process connection: every query of every request is serialised on the server thread.');
  notes.push('Load generator (autocannon) runs in a child process on the same machine; on a 2-core box it competes with the server (and PostgreSQL) for CPU. See loadAverage per measurement.');

  await closeFloor();
  await closeServer();
  await target.dispose();

  return {
    benchmark: 'worklist',
    date,
    machine: machineInfo(),
    loadAverage: { start: loadStart, end: loadAverage() },
    settings,
    database: { kind, version, describe: target.describe, poolSize: kind === 'postgres' ? 20 : null },
    asOf: settings.asOf,
    horizon,
    data,
    steps,
    serialHttp,
    explain: plans,
    measurements,
    ratios,
    goal,
    pipelineGoals,
    audit: { rowsBefore: auditBefore, rowsAfter: auditAfter, rowsWrittenDuringReal: auditWritten, okResponsesDuringReal: okDuringReal, inFlightAllowance, chainOk: chain.ok, verifyMs },
    notes,
  };
}

// ─── Output ──────────────────────────────────────────────────────────────────

export function writeWorklistReport(dir: string, r: WorklistReport, suffix: string): string {
  const file = path.join(dir, `worklist-${r.database.kind}${suffix}.json`);
  fs.writeFileSync(file, `${JSON.stringify(r, null, 2)}\n`);
  return file;
}

/** The worklist rows of summary.json. */
export function worklistSummary(r: WorklistReport, suffix: string) {
  return {
    kind: r.database.kind,
    version: r.database.version,
    file: `worklist-${r.database.kind}${suffix}.json`,
    date: r.date,
    loadAverage: r.loadAverage,
    asOf: r.asOf,
    horizon: r.horizon,
    data: {
      deadlines: r.data.deadlines,
      openDeadlines: r.data.openDeadlines,
      careWorkersWithOpenDeadlines: r.data.careWorkersWithOpenDeadlines,
      focusOrganisation: r.data.focusOrganisation,
      benchWorker: r.data.benchWorker,
      sizeBytes: r.data.sizeBytes,
      insertMs: r.data.insertMs,
    },
    measurements: r.measurements.map((m) => ({
      target: m.target,
      mode: m.mode,
      connections: m.connections,
      offeredRatePerSec: m.offeredRatePerSec,
      items: m.items,
      reqPerSec: m.reqPerSec,
      latencyMs: { p50: m.latencyMs.p50, p97_5: m.latencyMs.p97_5, p99: m.latencyMs.p99 },
      ok: m.ok,
      non2xx: m.non2xx,
      errors: m.errors,
      unanswered: m.unanswered,
      loadAverage1m: m.loadAverage.end[0],
      eventLoopDelayMaxMs: m.eventLoopDelayMs.max,
      drainMs: m.drainMs,
    })),
    ratios: r.ratios,
    steps: r.steps.map((s) => ({ step: s.step, p50Ms: s.p50Ms })),
    explainMs: { mine: r.explain.mine.executionMs, org: r.explain.org.executionMs, orgWhatIf: r.explain.orgWhatIf.executionMs },
    goal: r.goal,
    pipelineGoals: r.pipelineGoals,
    audit: r.audit,
  };
}

export function printWorklist(reports: WorklistReport[]): string {
  const fmt = (n: number, d = 2) => (Number.isFinite(n) ? n.toFixed(d) : '–');
  const out: string[] = [];
  for (const r of reports) {
    const d = r.data;
    out.push('');
    out.push(`Worklist bench — ${r.database.kind} (${r.database.version.split(' on ')[0]}), ${d.deadlines} deadlines / ${d.openDeadlines} open over ${d.careWorkersWithOpenDeadlines} care workers; ` +
      `asOf ${r.asOf}, horizon ${r.horizon}; ${r.machine.cpus} CPU, Node ${r.machine.node}, ${r.settings.durationS} s per run after ${r.settings.warmupS} s warm-up; ` +
      `load average ${r.loadAverage.start.join('/')} at start, ${r.loadAverage.end.join('/')} at end`);
    out.push(`  care worker: ${d.benchWorker.openDeadlines} open deadlines, ${d.benchWorker.overdue} overdue, ${d.benchWorker.onWorklist} on the worklist; ` +
      `team manager (${d.focusOrganisation.code}): ${d.focusOrganisation.openDeadlines} open, ${d.focusOrganisation.onWorklist} due ≤ horizon, first 200 returned`);
    const rows: string[][] = [['target', 'conns', 'load', 'req/s', 'p50 ms', 'p97.5 ms', 'p99 ms', 'max ms', 'n', 'err', 'loop max', 'drain s', 'load1']];
    for (const m of r.measurements) {
      rows.push([
        WORKLIST_TARGETS[m.target].label,
        String(m.connections),
        m.mode === 'paced' ? `${m.offeredRatePerSec}/s` : 'closed',
        fmt(m.reqPerSec, 0),
        fmt(m.latencyMs.p50),
        fmt(m.latencyMs.p97_5),
        fmt(m.latencyMs.p99),
        fmt(m.latencyMs.max, 1),
        String(m.ok),
        String(m.non2xx + m.errors),
        fmt(m.eventLoopDelayMs.max, 0),
        fmt(m.drainMs / 1000, 1),
        fmt(m.loadAverage.end[0] ?? NaN, 1),
      ]);
    }
    out.push(table(rows));
    out.push('');
    const ratioRows: string[][] = [['ratio', 'conns', 'throughput', 'p50 latency', 'p99 latency', '+p50 ms']];
    for (const x of r.ratios) {
      ratioRows.push(['(b)/(a) real ÷ floor, mine', String(x.connections), `${fmt(x.mine.throughput)}×`, `${fmt(x.mine.latencyP50)}×`, `${fmt(x.mine.latencyP99)}×`, fmt(x.mine.addedP50Ms)]);
      ratioRows.push(['(c)/(a-org) real ÷ floor, org', String(x.connections), `${fmt(x.org.throughput)}×`, `${fmt(x.org.latencyP50)}×`, `${fmt(x.org.latencyP99)}×`, fmt(x.org.addedP50Ms)]);
      if (x.orgWhatIf) ratioRows.push(["what-if ÷ shipped, org (floor | real)", String(x.connections), `${fmt(x.orgWhatIf.floorThroughput)}× | ${fmt(x.orgWhatIf.realThroughput)}×`, '', `real ${fmt(x.orgWhatIf.realLatencyP99)}×`, '']);
    }
    out.push(table(ratioRows));
    out.push('');
    out.push(`serial cost per step (no load, p50 ms): ${r.steps.map((s) => `${s.step} ${fmt(s.p50Ms)}`).join(' · ')}`);
    out.push(`serial HTTP (one request at a time, p50 ms): ${r.serialHttp.map((s) => `${s.target} ${fmt(s.p50Ms)}`).join(' · ')}`);
    out.push(`response body (bytes): ${r.serialHttp.map((s) => `${s.target} ${s.responseBytes}`).join(' · ')}`);
    out.push(`EXPLAIN ANALYZE execution: mine ${r.explain.mine.executionMs} ms, org ${r.explain.org.executionMs} ms, org what-if ${r.explain.orgWhatIf.executionMs} ms`);
    for (const g of r.pipelineGoals) {
      out.push(g.goal === 'throughput'
        ? `goal real ≥ ${g.limit}× floor throughput at ${g.connections} connections, ${g.scope}: ${fmt(g.ratio)}× → ${g.met ? 'MET' : 'NOT MET'}`
        : `goal serial real ≤ ${g.limit}× serial floor, ${g.scope}: ${fmt(g.realMs ?? NaN)} ms ÷ ${fmt(g.floorMs ?? NaN)} ms = ${fmt(g.ratio)}× → ${g.met ? 'MET' : 'NOT MET'}`);
    }
    for (const g of r.goal.results) {
      const how = g.mode === 'paced' ? `paced ${r.settings.pacedRate} req/s` : `${r.goal.connections} connections closed loop`;
      out.push(`goal p99 ≤ ${r.goal.p99Ms} ms, ${how}: ${WORKLIST_TARGETS[g.target].label} p99 ${fmt(g.p99Ms)} ms at ${fmt(g.reqPerSec, 0)} req/s → ${g.met ? 'MET' : 'NOT MET'}`);
    }
    out.push(`audit: ${r.audit.rowsWrittenDuringReal} rows written during the real targets for ${r.audit.okResponsesDuringReal} counted 2xx responses ` +
      `(+ up to ${r.audit.inFlightAllowance} finished after the load stopped); chain ${r.audit.chainOk ? 'verified' : 'BROKEN'} (${r.audit.rowsAfter} rows, ${r.audit.verifyMs} ms)`);
    out.push(`data: generated in ${r.data.insertMs} ms (${r.data.insertRowsPerSec} rows/s), database ${r.data.sizeBytes ? `${round(r.data.sizeBytes / 1024 ** 2, 1)} MiB` : 'n/a'}, deadlines table ${r.data.deadlinesBytes ? `${round(r.data.deadlinesBytes / 1024 ** 2, 1)} MiB` : 'n/a'}`);
    for (const n of r.notes) out.push(`note: ${n}`);
  }
  return out.join('\n');
}
