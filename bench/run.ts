/**
 * `npm run bench`: the benchmark suites (BENCH_SUITES, default "foundation,worklist,monitor,import";
 * suite names as arguments win: `npm run bench -- monitor import`). See bench/README.md.
 *
 * Suites "monitor" and "import" (bench/monitor.ts, data bench/national.ts): the full national monitor
 * on 2 000 000 placements against a hand-written SQL aggregate, and a 1 000 000-row CSV import against
 * COPY of the same file; one generated database per kind shared by both.
 *
 * Suite "worklist" (bench/worklist.ts): GET /api/v1/worklist with 200 000 open deadlines in the
 * database, against the bare worklist query, at 50 and 200 connections.
 *
 * Suite "nuisance" (bench/nuisance.ts, opt-in: `npm run bench -- nuisance`): the hub's district
 * overview and the care provider's incoming-reports queue with 100 000 nuisance cases, against bare
 * routes running the same SQL.
 *
 * Suite "foundation": what does the platform's request pipeline
 * — session, policy, field projection, hash-chained audit — cost on top of the bare
 * indexed read it wraps?
 *
 * For each database (PGlite always; PostgreSQL when BENCH_DATABASE_URL or DATABASE_URL
 * is set) this starts the real app on 127.0.0.1, bulk-inserts synthetic users, logs in
 * as the demo platform admin and measures with autocannon (in a child process):
 *   (c) GET /healthz of the real app          — HTTP floor
 *   (a) GET /floor/users/:id on a bare Fastify — database floor (same handle, same query shape)
 *   (b) GET /api/v1/users/:id of the real app  — authenticated, policy-checked, projected, audited
 *
 * Environment: BENCH_SUITES ("foundation,worklist"), BENCH_USERS (50000), BENCH_DURATION (foundation:
 * 10 s per run with one database, 7 s with two; worklist: 5 s — so a full run stays bounded on 2 cores), BENCH_WARMUP (2 s),
 * BENCH_CONNECTIONS ("10,50"), BENCH_SEED, BENCH_DATABASES ("pglite,postgres"),
 * BENCH_DATABASE_URL / DATABASE_URL (an account that may CREATE DATABASE).
 * What-if runs: BENCH_EXTRA_SQL (executed after the data is generated, e.g. a candidate
 * index) with BENCH_LABEL (suffix of the result files, so the baseline is not overwritten).
 */
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Db } from '../src/platform/db/database.ts';
import { createServer, type Server } from '../src/app/server.ts';
import { systemClock } from '../src/platform/clock.ts';
import { DEMO_DOMAIN, DEMO_PASSWORD } from '../src/app/seed/demo.ts';
import { verifyAuditChain } from '../src/modules/audit/verify.ts';
import { sealAudit } from '../src/platform/audit/sealer.ts';
import { DEFAULT_SEED, insertSyntheticUsers } from './synthetic.ts';
import type { LoadJob, LoadResult } from './loadgen.ts';
import {
  LoadGenerator, RESULTS_DIR, count, drain, envList, envNumber, loadAverage, log, login, machineInfo, onCleanup, originOf, postgresUrl, prepareDatabase, round,
  runCleanups, sleep, table, trackInFlight, xactCommits, type DbKind,
} from './common.ts';
import { benchWorklist, printWorklist, worklistSettings, worklistSummary, writeWorklistReport, type WorklistReport } from './worklist.ts';
import { benchNational, importSummary, monitorSummary, nationalSettings, printNational, writeNationalReport, type ImportReport, type MonitorReport } from './monitor.ts';
import { benchMatching, matchingSettings, matchingSummary, printMatching, writeMatchingReport, type MatchingReport } from './matching.ts';
import { benchNuisance, nuisanceSettings, nuisanceSummary, printNuisance, writeNuisanceReport, type NuisanceReport } from './nuisance.ts';
import { benchWebSize, previousWebSummary, printWebSize, webSizeSummary, writeWebSizeReport, type WebSizeReport } from './web-size.ts';
import { auditSettings, auditSummary, benchAudit, printAudit, writeAuditReport, type AuditReport } from './audit.ts';

type TargetName = 'healthz' | 'floor' | 'real';

const TARGETS: Record<TargetName, string> = {
  healthz: '(c) GET /healthz — HTTP floor (real app)',
  floor: '(a) GET /floor/users/:id — bare Fastify + indexed SELECT (floor)',
  real: '(b) GET /api/v1/users/:id — session + policy + projection + audit',
};

// ─── Settings ────────────────────────────────────────────────────────────────

const wanted = new Set(envList('BENCH_DATABASES', 'pglite,postgres'));
const kinds: DbKind[] = [
  ...(wanted.has('pglite') ? (['pglite'] as const) : []),
  ...(wanted.has('postgres') && postgresUrl ? (['postgres'] as const) : []),
];
const SUITES = ['web', 'foundation', 'worklist', 'monitor', 'import', 'matching', 'nuisance', 'audit'] as const;
type Suite = (typeof SUITES)[number];
// "matching" and "nuisance" are opt-in (`npm run bench -- matching`, `-- nuisance`): see bench/README.md.
// "web" (bench/web-size.ts): build dist/web and measure the first load against ≤ 200 kB gzipped; seconds, no database.
// "audit" (bench/audit.ts): audit rows appended per second with 1–64 concurrent writers, and the sealer (< 1 min).
const DEFAULT_SUITES: Suite[] = ['web', 'foundation', 'worklist', 'monitor', 'import', 'audit'];
// Suites as arguments (`npm run bench -- monitor import`) win over BENCH_SUITES.
const argSuites = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const suites = argSuites.length ? argSuites : envList('BENCH_SUITES', DEFAULT_SUITES.join(','));
for (const s of suites) if (!(SUITES as readonly string[]).includes(s)) throw new Error(`BENCH_SUITES: unknown suite "${s}" (known: ${SUITES.join(', ')})`);
const runs = (s: Suite) => suites.includes(s);

const settings = {
  users: Math.floor(envNumber('BENCH_USERS', 50_000, 1)),
  durationS: envNumber('BENCH_DURATION', kinds.length > 1 ? 7 : 10, 1),
  warmupS: envNumber('BENCH_WARMUP', 2, 0),
  connections: (process.env.BENCH_CONNECTIONS ?? '10,50').split(',').map((s) => Number(s.trim())).filter((n) => Number.isInteger(n) && n > 0),
  seed: Math.floor(envNumber('BENCH_SEED', DEFAULT_SEED)),
  batchSize: 1000,
  /** What-if SQL run after data generation; null for the shipped schema. */
  extraSql: process.env.BENCH_EXTRA_SQL?.trim() || null,
  label: process.env.BENCH_LABEL?.trim() || null,
};
if (settings.label && !/^[a-z0-9][a-z0-9_-]{0,40}$/.test(settings.label)) throw new Error('BENCH_LABEL: lower-case letters, digits, - and _ only');
if (settings.extraSql && !settings.label) throw new Error('BENCH_EXTRA_SQL changes the schema under test: set BENCH_LABEL too, so the baseline results are not overwritten');
const suffix = settings.label ? `-${settings.label}` : '';

// ─── The floor: a bare Fastify on the same database handle ───────────────────

async function startFloor(db: Db): Promise<FastifyInstance> {
  const floor = Fastify({ logger: false });
  floor.get<{ Params: { id: string } }>('/floor/users/:id', async (req, reply) => {
    const row = await db
      .selectFrom('users')
      .select(['id', 'email', 'name', 'locale', 'active', 'version', 'created_at', 'updated_at'])
      .where('id', '=', req.params.id)
      .executeTakeFirst();
    if (!row) return reply.status(404).send({ error: 'not found' });
    return row;
  });
  await floor.listen({ host: '127.0.0.1', port: 0 });
  return floor;
}

// ─── One database ────────────────────────────────────────────────────────────

interface Measurement extends LoadResult {
  target: TargetName;
  description: string;
  /** (b) only: audit rows appended during warm-up + measured window. */
  auditRowsWritten?: number;
  /** PostgreSQL only: committed transactions per 2xx response (≈ autocommit statements per request). */
  transactionsPerRequest?: number | null;
}

interface Ratios {
  connections: number;
  /** (b)/(a) requests per second: 1 = free, 0.25 = the pipeline costs 3 of every 4 request-slots. */
  throughput: number;
  /** (b)/(a) median latency. */
  latencyP50: number;
  /** (b)/(a) 99th-percentile latency. */
  latencyP99: number;
  /** (b) − (a) median latency, ms: the pipeline's added time per request. */
  addedP50Ms: number;
  /** (a)/(c) throughput: what the database read costs against the bare HTTP floor. */
  floorVsHttpThroughput: number;
}

interface DatabaseReport {
  benchmark: 'foundation';
  date: string;
  machine: ReturnType<typeof machineInfo>;
  settings: typeof settings;
  database: { kind: DbKind; version: string; describe: string; poolSize: number | null };
  data: { users: number; syntheticUsers: number; memberships: number; organisations: number; sizeBytes: number | null; insertMs: number; insertRowsPerSec: number };
  measurements: Measurement[];
  ratios: Ratios[];
  audit: {
    rowsBefore: number;
    rowsAfter: number;
    /** Rows appended while (b) ran (warm-up + measured + requests still in flight when the load stopped). */
    rowsWrittenDuringReal: number;
    /** 2xx responses autocannon counted for (b), warm-up included. */
    okResponsesDuringReal: number;
    /** Requests the server may still finish (and audit) after autocannon stops counting: 2 × connections per run. */
    inFlightAllowance: number;
    chainOk: boolean;
    verifyMs: number;
  };
  notes: string[];
}

async function benchDatabase(kind: DbKind, loader: LoadGenerator): Promise<DatabaseReport> {
  const date = new Date().toISOString(); // a bench, not a test: wall-clock time is what we want here
  const target = await prepareDatabase(kind);
  log(`${kind}: ${target.describe}`);
  const started = performance.now();
  const server: Server = await createServer(target.config, systemClock, target.database);
  const closeServer = onCleanup(`close ${kind} app`, () => server.close());
  const db = server.database.db;
  log(`${kind}: migrated and seeded in ${Math.round(performance.now() - started)} ms`);

  const inserted = await insertSyntheticUsers(db, {
    count: settings.users,
    seed: settings.seed,
    batchSize: settings.batchSize,
    onProgress: (n, total) => {
      if (n % 10_000 === 0 || n === total) log(`${kind}: inserted ${n}/${total} synthetic users`);
    },
  });
  log(`${kind}: ${inserted.users} users, ${inserted.memberships} memberships in ${Math.round(inserted.ms)} ms`);
  if (settings.extraSql) {
    log(`${kind}: what-if SQL: ${settings.extraSql}`);
    await sql.raw(settings.extraSql).execute(db);
  }
  await sql`ANALYZE`.execute(db);

  await server.app.listen({ host: '127.0.0.1', port: 0 });
  const floor = await startFloor(db);
  const closeFloor = onCleanup('close floor', () => floor.close());
  const appOrigin = originOf(server.app as unknown as FastifyInstance);
  const floorOrigin = originOf(floor);
  const inFlight = [trackInFlight(server.app.server), trackInFlight(floor.server)];
  const cookie = await login(appOrigin, `admin@${DEMO_DOMAIN}`, DEMO_PASSWORD);

  // Pre-flight: both routes answer for a synthetic id, and the real one with memberships.
  const probeId = inserted.userIds[0]!;
  const real = await fetch(`${appOrigin}/api/v1/users/${probeId}`, { headers: { cookie } });
  const realBody = (await real.json()) as { id?: string; memberships?: unknown[] };
  if (real.status !== 200 || realBody.id !== probeId || !realBody.memberships?.length) {
    throw new Error(`pre-flight: GET /api/v1/users/${probeId} → ${real.status} ${JSON.stringify(realBody).slice(0, 300)}`);
  }
  const fl = await fetch(`${floorOrigin}/floor/users/${probeId}`);
  if (fl.status !== 200) throw new Error(`pre-flight: floor → ${fl.status}`);

  await loader.setIds(inserted.userIds);
  const auditBefore = await count(db, 'audit_log');
  const measurements: Measurement[] = [];
  let auditWritten = 0;
  let okDuringReal = 0;
  let inFlightAllowance = 0;

  for (const connections of settings.connections) {
    for (const name of ['healthz', 'floor', 'real'] as const) {
      const job: Omit<LoadJob, 'type'> = {
        origin: name === 'floor' ? floorOrigin : appOrigin,
        path: name === 'healthz' ? '/healthz' : name === 'floor' ? '/floor/users/' : '/api/v1/users/',
        randomId: name !== 'healthz',
        seed: settings.seed + connections, // the same id sequence for (a) and (b)
        connections,
        durationS: settings.durationS,
        warmupS: settings.warmupS,
        ...(name === 'real' ? { headers: { cookie } } : {}),
      };
      log(`${kind}: ${TARGETS[name]}, ${connections} connections, ${settings.warmupS}+${settings.durationS} s`);
      const auditStart = name === 'real' ? await count(db, 'audit_log') : 0;
      if (kind === 'postgres' && name !== 'healthz') await sleep(1100); // PostgreSQL flushes backend statistics about once a second when idle
      const xactStart = kind === 'postgres' ? await xactCommits(db) : null;
      const r = await loader.run(job);
      await drain(db, { servers: inFlight }); // let in-flight requests (and their audit rows) finish
      const m: Measurement = { target: name, description: TARGETS[name], ...r };
      if (name === 'real') {
        m.auditRowsWritten = (await count(db, 'audit_log')) - auditStart;
        auditWritten += m.auditRowsWritten;
        okDuringReal += r.ok + r.warmupOk;
        inFlightAllowance += (settings.warmupS > 0 ? 2 : 1) * connections;
      }
      if (kind === 'postgres' && name !== 'healthz') {
        await sleep(1500);
        const xactEnd = await xactCommits(db);
        const total = r.warmupRequests + r.ok + r.non2xx;
        m.transactionsPerRequest = xactStart !== null && xactEnd !== null && total > 0 ? round((xactEnd - xactStart) / total, 2) : null;
      }
      measurements.push(m);
      log(`   → ${r.reqPerSec} req/s, p50 ${r.latencyMs.p50} ms, p99 ${r.latencyMs.p99} ms, non-2xx ${r.non2xx}, errors ${r.errors}`);
    }
  }

  const ratios: Ratios[] = settings.connections.map((connections) => {
    const get = (t: TargetName) => measurements.find((m) => m.target === t && m.connections === connections)!;
    const a = get('floor');
    const b = get('real');
    const c = get('healthz');
    return {
      connections,
      throughput: round(b.reqPerSec / a.reqPerSec),
      latencyP50: round(b.latencyMs.p50 / a.latencyMs.p50, 2),
      latencyP99: round(b.latencyMs.p99 / a.latencyMs.p99, 2),
      addedP50Ms: round(b.latencyMs.p50 - a.latencyMs.p50),
      floorVsHttpThroughput: round(a.reqPerSec / c.reqPerSec),
    };
  });

  // Seal what the runs appended (the sealer job may still be behind), so the verification covers every row (ADR 0014).
  await sealAudit(db);
  const verifyStart = performance.now();
  const chain = await verifyAuditChain(db);
  const verifyMs = Math.round(performance.now() - verifyStart);
  const version = (await sql<{ v: string }>`SELECT version() AS v`.execute(db)).rows[0]?.v ?? 'unknown';
  let sizeBytes: number | null = null;
  try {
    sizeBytes = Number((await sql<{ n: string }>`SELECT pg_database_size(current_database())::text AS n`.execute(db)).rows[0]?.n ?? NaN);
  } catch {
    sizeBytes = null;
  }
  const data = {
    users: await count(db, 'users'),
    syntheticUsers: inserted.users,
    memberships: await count(db, 'memberships'),
    organisations: inserted.organisations,
    sizeBytes,
    insertMs: Math.round(inserted.ms),
    insertRowsPerSec: Math.round(((inserted.users + inserted.memberships) / inserted.ms) * 1000),
  };
  const auditAfter = await count(db, 'audit_log');

  const notes: string[] = [];
  for (const m of measurements) {
    if (m.non2xx > 0 || m.errors > 0) notes.push(`${m.target} @${m.connections}: ${m.non2xx} non-2xx (${JSON.stringify(m.statusCounts)}), ${m.errors} errors, ${m.timeouts} timeouts`);
  }
  if (auditWritten < okDuringReal || auditWritten > okDuringReal + inFlightAllowance) {
    notes.push(`audit rows written (${auditWritten}) outside [2xx responses of (b) incl. warm-up, + in-flight allowance] = [${okDuringReal}, ${okDuringReal + inFlightAllowance}]`);
  }
  if (settings.extraSql) notes.push(`WHAT-IF run: the schema was changed by BENCH_EXTRA_SQL (${settings.extraSql}); these are not the shipped schema's numbers.`);
  if (!chain.ok) notes.push(`audit chain broken: ${chain.changed.length} changed, ${chain.broken.length} broken links`);
  if (kind === 'pglite') notes.push('PGlite is one in-process connection: every query of every request is serialised on the server thread.');
  notes.push('Load generator (autocannon) runs in a child process on the same machine; on a 2-core box it competes with the server (and PostgreSQL) for CPU.');

  // Close now (not at the very end), so the next database gets the machine to itself.
  await closeFloor();
  await closeServer();
  await target.dispose();

  return {
    benchmark: 'foundation',
    date,
    machine: machineInfo(),
    settings,
    database: { kind, version, describe: target.describe, poolSize: kind === 'postgres' ? 20 : null },
    data,
    measurements,
    ratios,
    audit: {
      rowsBefore: auditBefore,
      rowsAfter: auditAfter,
      rowsWrittenDuringReal: auditWritten,
      okResponsesDuringReal: okDuringReal,
      inFlightAllowance,
      chainOk: chain.ok,
      verifyMs,
    },
    notes,
  };
}

// ─── Output ──────────────────────────────────────────────────────────────────

function printSummary(reports: DatabaseReport[]): string {
  const fmt = (n: number, d = 2) => n.toFixed(d);
  const out: string[] = [];
  for (const r of reports) {
    out.push('');
    out.push(`Foundation bench — ${r.database.kind} (${r.database.version.split(' on ')[0]}), ${r.data.users} users / ${r.data.memberships} memberships, ` +
      `${r.machine.cpus} CPU, ${r.machine.totalMemGiB} GiB, Node ${r.machine.node}, ${r.settings.durationS} s per run after ${r.settings.warmupS} s warm-up`);
    const rows: string[][] = [['target', 'conns', 'req/s', 'p50 ms', 'p97.5 ms', 'p99 ms', 'max ms', 'non-2xx', 'tx/req', 'load1']];
    for (const m of r.measurements) {
      rows.push([
        m.target === 'real' ? '(b) real /api/v1/users/:id' : m.target === 'floor' ? '(a) floor bare SELECT' : '(c) /healthz',
        String(m.connections),
        fmt(m.reqPerSec, 0),
        fmt(m.latencyMs.p50),
        fmt(m.latencyMs.p97_5),
        fmt(m.latencyMs.p99),
        fmt(m.latencyMs.max, 1),
        String(m.non2xx + m.errors),
        m.transactionsPerRequest == null ? '–' : fmt(m.transactionsPerRequest, 2),
        m.loadAverage ? fmt(m.loadAverage.end[0] ?? NaN, 1) : '–',
      ]);
    }
    out.push(table(rows));
    out.push('');
    const ratioRows: string[][] = [['ratio (b)/(a)', 'conns', 'throughput', 'p50 latency', 'p99 latency', '+p50 ms', '(a)/(c) thr.']];
    for (const x of r.ratios) {
      ratioRows.push(['real ÷ floor', String(x.connections), `${fmt(x.throughput)}×`, `${fmt(x.latencyP50)}×`, `${fmt(x.latencyP99)}×`, fmt(x.addedP50Ms), `${fmt(x.floorVsHttpThroughput)}×`]);
    }
    out.push(table(ratioRows));
    for (const g of foundationGoals(r)) {
      out.push(`goal audited read ≥ ${g.limit}× floor throughput at ${g.connections} connections: ${fmt(g.ratio)}× → ${g.met ? 'MET' : 'NOT MET'}`);
    }
    out.push(`audit: ${r.audit.rowsWrittenDuringReal} rows written during (b) for ${r.audit.okResponsesDuringReal} counted 2xx responses ` +
      `(+ up to ${r.audit.inFlightAllowance} finished after the load stopped); chain ${r.audit.chainOk ? 'verified' : 'BROKEN'} (${r.audit.rowsAfter} rows, ${r.audit.verifyMs} ms)`);
    out.push(`data: synthetic insert ${r.data.insertMs} ms (${r.data.insertRowsPerSec} rows/s), database size ${r.data.sizeBytes ? `${round(r.data.sizeBytes / 1024 ** 2, 1)} MiB` : 'n/a'}`);
    for (const n of r.notes) out.push(`note: ${n}`);
  }
  return out.join('\n');
}

/** Issue 12's goal for the request pipeline: the audited read serves ≥ 0.5× the bare floor's throughput. */
const FOUNDATION_GOAL_RATIO = 0.5;
function foundationGoals(r: DatabaseReport) {
  return r.ratios.map((x) => ({ connections: x.connections, limit: FOUNDATION_GOAL_RATIO, ratio: x.throughput, met: x.throughput >= FOUNDATION_GOAL_RATIO }));
}

// ─── Main ────────────────────────────────────────────────────────────────────

function foundationSummary(r: DatabaseReport) {
  return {
    kind: r.database.kind,
    version: r.database.version,
    file: `foundation-${r.database.kind}${suffix}.json`,
    date: r.date,
    data: r.data,
    measurements: r.measurements.map((m) => ({
      target: m.target,
      connections: m.connections,
      reqPerSec: m.reqPerSec,
      latencyMs: { p50: m.latencyMs.p50, p97_5: m.latencyMs.p97_5, p99: m.latencyMs.p99 },
      non2xx: m.non2xx,
      errors: m.errors,
      loadAverage1m: m.loadAverage?.end[0] ?? null,
      ...(m.auditRowsWritten !== undefined ? { auditRowsWritten: m.auditRowsWritten } : {}),
      ...(m.transactionsPerRequest != null ? { transactionsPerRequest: m.transactionsPerRequest } : {}),
    })),
    ratios: r.ratios,
    goals: foundationGoals(r),
    audit: r.audit,
  };
}

interface SuiteSection { date: string; settings: unknown; databases: unknown[]; carriedOver?: boolean }

/** The previous summary's section of a suite that did not run this time (older files: the foundation suite at the top level). */
function previousSection(file: string, suite: Suite): SuiteSection | null {
  try {
    const prev = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    const section = (prev[suite] ?? (suite === 'foundation' && prev.benchmark === 'foundation' ? prev : null)) as SuiteSection | null;
    return section ? { date: section.date, settings: section.settings, databases: section.databases, carriedOver: true } : null;
  } catch {
    return null;
  }
}

async function main() {
  if (settings.connections.length === 0) throw new Error('BENCH_CONNECTIONS lists no connection counts');
  const t0 = performance.now();
  const nat = runs('monitor') || runs('import') ? nationalSettings({ seed: settings.seed, label: settings.label }) : null;
  const wl = runs('worklist')
    ? worklistSettings({ durationS: envNumber('BENCH_DURATION', 5, 1), warmupS: settings.warmupS, seed: settings.seed, extraSql: settings.extraSql, label: settings.label })
    : null;
  log(`suites: ${suites.join(', ')}; databases: ${kinds.join(', ')}${postgresUrl ? '' : ' (set BENCH_DATABASE_URL or DATABASE_URL to add PostgreSQL)'}; load average ${loadAverage().join('/')}`);
  if (runs('foundation')) log(`foundation: ${settings.users} users; ${settings.connections.join('/')} connections; ${settings.warmupS}+${settings.durationS} s per run`);
  if (wl) log(`worklist: ${wl.clients} clients, ${wl.totalDeadlines} deadlines (${wl.openDeadlines} open); ${wl.connections.join('/')} connections; ${wl.warmupS}+${wl.durationS} s per run`);
  const mt = runs('matching') ? matchingSettings({ seed: settings.seed, label: settings.label }) : null;
  if (mt) log(`matching: ${mt.clients} waiting clients, ${mt.dwellings} dwellings × ${mt.rounds} round(s), ${mt.replays} replays`);
  const nu = runs('nuisance')
    ? nuisanceSettings({ durationS: envNumber('BENCH_DURATION', 5, 1), warmupS: settings.warmupS, seed: settings.seed, extraSql: settings.extraSql, label: settings.label })
    : null;
  if (nu) log(`nuisance: ${nu.cases} cases; ${nu.connections} connections closed loop, paced ${nu.pacedRate} req/s; ${nu.warmupS}+${nu.durationS} s per run`);
  if (nat) log(`monitor/import: scale ${nat.scale}${nat.scalePglite !== nat.scale ? ` (PGlite ${nat.scalePglite})` : ''}; monitor ${nat.year}-${nat.month}, ${nat.warmup}+${nat.runs} runs; import ${nat.importRows} rows`);
  const loader = new LoadGenerator();
  onCleanup('stop load generator', () => loader.stop());
  const foundation: DatabaseReport[] = [];
  const worklist: WorklistReport[] = [];
  const monitor: MonitorReport[] = [];
  const imports: ImportReport[] = [];
  const matching: MatchingReport[] = [];
  const nuisance: NuisanceReport[] = [];
  let web: WebSizeReport | null = null;
  const au = runs('audit') ? auditSettings() : null;
  const audit: AuditReport[] = [];
  try {
    if (runs('web')) web = benchWebSize();
    if (runs('foundation')) for (const kind of kinds) foundation.push(await benchDatabase(kind, loader));
    if (wl) for (const kind of kinds) worklist.push(await benchWorklist(kind, loader, wl));
    // monitor + import share one generated national database per kind (the import lands in the populated table).
    if (nat) {
      for (const kind of [...kinds].reverse()) {
        const r = await benchNational(kind, nat, { monitor: runs('monitor'), import: runs('import') });
        if (r.monitor) monitor.push(r.monitor);
        if (r.import) imports.push(r.import);
      }
    }
    if (mt) for (const kind of kinds) matching.push(await benchMatching(kind, mt));
    if (nu) for (const kind of kinds) nuisance.push(await benchNuisance(kind, loader, nu));
    if (au) for (const kind of kinds) audit.push(await benchAudit(kind, au));
  } finally {
    await runCleanups();
  }
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const files: string[] = [];
  for (const r of foundation) {
    const file = path.join(RESULTS_DIR, `foundation-${r.database.kind}${suffix}.json`);
    fs.writeFileSync(file, `${JSON.stringify(r, null, 2)}\n`);
    files.push(path.relative(process.cwd(), file));
  }
  for (const r of worklist) files.push(path.relative(process.cwd(), writeWorklistReport(RESULTS_DIR, r, suffix)));
  for (const r of [...monitor, ...imports]) files.push(path.relative(process.cwd(), writeNationalReport(RESULTS_DIR, r, suffix)));
  for (const r of matching) files.push(path.relative(process.cwd(), writeMatchingReport(RESULTS_DIR, r, suffix)));
  for (const r of nuisance) files.push(path.relative(process.cwd(), writeNuisanceReport(RESULTS_DIR, r, suffix)));
  if (web) files.push(path.relative(process.cwd(), writeWebSizeReport(RESULTS_DIR, web)));
  for (const r of audit) files.push(path.relative(process.cwd(), writeAuditReport(RESULTS_DIR, r, suffix)));
  const summaryFile = path.join(RESULTS_DIR, `summary${suffix}.json`);
  const now = new Date().toISOString();
  const summary = {
    date: foundation[0]?.date ?? worklist[0]?.date ?? monitor[0]?.date ?? imports[0]?.date ?? matching[0]?.date ?? nuisance[0]?.date ?? now,
    suitesRun: suites,
    machine: machineInfo(),
    loadAverageAtEnd: loadAverage(),
    wallSeconds: Math.round((performance.now() - t0) / 1000),
    foundation: runs('foundation')
      ? { date: foundation[0]?.date ?? now, settings, databases: foundation.map(foundationSummary) }
      : previousSection(summaryFile, 'foundation'),
    worklist: wl ? { date: worklist[0]?.date ?? now, settings: wl, databases: worklist.map((r) => worklistSummary(r, suffix)) } : previousSection(summaryFile, 'worklist'),
    monitor: nat && runs('monitor') ? { date: monitor[0]?.date ?? now, settings: nat, databases: monitor.map((r) => monitorSummary(r, suffix)) } : previousSection(summaryFile, 'monitor'),
    import: nat && runs('import') ? { date: imports[0]?.date ?? now, settings: nat, databases: imports.map((r) => importSummary(r, suffix)) } : previousSection(summaryFile, 'import'),
    matching: mt ? { date: matching[0]?.date ?? now, settings: mt, databases: matching.map((r) => matchingSummary(r, suffix)) } : previousSection(summaryFile, 'matching'),
    nuisance: nu ? { date: nuisance[0]?.date ?? now, settings: nu, databases: nuisance.map((r) => nuisanceSummary(r, suffix)) } : previousSection(summaryFile, 'nuisance'),
    web: web ? webSizeSummary(web) : previousWebSummary(summaryFile),
    audit: au ? { date: audit[0]?.date ?? now, settings: au, databases: audit.map((r) => auditSummary(r, suffix)) } : previousSection(summaryFile, 'audit'),
  };
  fs.writeFileSync(summaryFile, `${JSON.stringify(summary, null, 2)}\n`);
  files.push(path.relative(process.cwd(), summaryFile));
  const printed = [
    web ? printWebSize(web) : '',
    foundation.length ? printSummary(foundation) : '',
    worklist.length ? printWorklist(worklist) : '',
    monitor.length || imports.length ? printNational(monitor, imports) : '',
    matching.length ? printMatching(matching) : '',
    nuisance.length ? printNuisance(nuisance) : '',
    audit.length ? printAudit(audit) : '',
  ].filter(Boolean).join('\n');
  process.stdout.write(`${printed}\n`);
  for (const suite of SUITES) {
    const section = summary[suite];
    if (!runs(suite) && section) process.stdout.write(`(${suite}: not run; summary.json keeps the section of ${section.date})\n`);
  }
  process.stdout.write(`\nwrote ${files.join(', ')} in ${summary.wallSeconds} s\n`);
}

main().then(
  () => process.exit(0),
  async (err: unknown) => {
    log(`failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    await runCleanups();
    process.exit(1);
  },
);
