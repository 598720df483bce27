/**
 * Shared plumbing of the benchmark suites (bench/run.ts): settings from the environment,
 * clean-up on exit and Ctrl-C, the load-generator child, a fresh database per suite,
 * login over HTTP, machine information and table output.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fork, type ChildProcess } from 'node:child_process';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { sql } from 'kysely';
import { loadConfig, type Config } from '../src/platform/config/config.ts';
import { openDatabase, type DatabaseHandle, type Db } from '../src/platform/db/database.ts';
import type { LoadJob, LoadResult } from './loadgen.ts';

export const HERE = path.dirname(fileURLToPath(import.meta.url));
export const RESULTS_DIR = path.join(HERE, 'results');

export type DbKind = 'pglite' | 'postgres';

// ─── Settings ────────────────────────────────────────────────────────────────

export function envNumber(key: string, fallback: number, min = 0): number {
  const raw = process.env[key];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min) throw new Error(`${key} must be a number ≥ ${min}, got "${raw}"`);
  return n;
}

export function envList(key: string, fallback: string): string[] {
  return (process.env[key] ?? fallback).split(',').map((s) => s.trim()).filter(Boolean);
}

export const postgresUrl = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || null;

export const log = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);
export const round = (n: number, d = 3) => Math.round(n * 10 ** d) / 10 ** d;
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const redactUrl = (u: string) => {
  const url = new URL(u);
  if (url.password) url.password = '***';
  return url.toString();
};

// ─── Cleanup (also on Ctrl-C) ────────────────────────────────────────────────

interface Cleanup { label: string; fn: () => Promise<void> | void }
const cleanups: Cleanup[] = [];
/** Registers a clean-up step; the returned function runs it now (once) and unregisters it. */
export function onCleanup(label: string, fn: () => Promise<void> | void): () => Promise<void> {
  const c: Cleanup = { label, fn };
  cleanups.push(c);
  return async () => {
    const i = cleanups.indexOf(c);
    if (i < 0) return;
    cleanups.splice(i, 1);
    await c.fn();
  };
}
export async function runCleanups() {
  while (cleanups.length) {
    const c = cleanups.pop()!;
    try {
      await c.fn();
    } catch (err) {
      log(`cleanup "${c.label}" failed: ${(err as Error).message}`);
    }
  }
}
let interrupted = false;
process.on('SIGINT', () => {
  if (interrupted) process.exit(130);
  interrupted = true;
  log('interrupted — cleaning up');
  void runCleanups().finally(() => process.exit(130));
});

// ─── The load generator child ────────────────────────────────────────────────

/**
 * A forked bench child (this runtime's tsx loader) spoken to one request at a time over IPC: each
 * `ask` resolves with the child's next message, or with an error message if the child exits.
 */
export class BenchChild {
  readonly process: ChildProcess;
  #waiting: ((msg: any) => void) | null = null;

  constructor(file: string, name: string, env?: NodeJS.ProcessEnv) {
    const execArgv = process.execArgv.some((a) => a.includes('tsx')) ? process.execArgv : ['--import', 'tsx'];
    this.process = fork(path.join(HERE, file), [], { execArgv, env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.process.on('message', (msg) => {
      const w = this.#waiting;
      this.#waiting = null;
      w?.(msg);
    });
    this.process.on('exit', (code) => {
      const w = this.#waiting;
      this.#waiting = null;
      w?.({ type: 'error', message: `${name} exited with code ${code}` });
    });
  }

  ask(msg: object): Promise<any> {
    if (this.#waiting) throw new Error('bench child is busy');
    return new Promise((resolve) => {
      this.#waiting = resolve;
      this.process.send(msg);
    });
  }
}

export class LoadGenerator {
  #child = new BenchChild('loadgen.ts', 'load generator');

  #ask(msg: unknown): Promise<any> {
    return this.#child.ask(msg as object);
  }

  async setIds(ids: string[]) {
    const r = await this.#ask({ type: 'ids', ids });
    if (r.type !== 'ids-ok') throw new Error(`load generator: ${r.message ?? 'unexpected reply'}`);
  }

  async run(job: Omit<LoadJob, 'type'>): Promise<LoadResult> {
    const r = await this.#ask({ type: 'job', ...job });
    if (r.type !== 'result') throw new Error(`load generator: ${r.message ?? 'unexpected reply'}`);
    return r as LoadResult;
  }

  stop() {
    const child = this.#child.process;
    if (child.connected) child.disconnect();
    if (child.exitCode === null) child.kill();
  }
}

// ─── Database set-up ─────────────────────────────────────────────────────────

export interface Target {
  kind: DbKind;
  config: Config;
  database: DatabaseHandle;
  describe: string;
  /** Removes the data dir / drops the bench database. */
  dispose: () => Promise<void>;
}

/** A fresh, empty database (PGlite data dir or PostgreSQL database) and an app config pointing at it. */
export async function prepareDatabase(kind: DbKind): Promise<Target> {
  const base: Config = { ...loadConfig({ NODE_ENV: 'test' }), demoSeed: true, logLevel: 'silent', cookieSecure: false, host: '127.0.0.1', port: 0 };
  if (kind === 'pglite') {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'thuisroute-bench-'));
    const dispose = onCleanup(`remove ${dataDir}`, () => fs.rmSync(dataDir, { recursive: true, force: true }));
    const config = { ...base, databaseUrl: null, dataDir };
    const database = await openDatabase({ databaseUrl: null, dataDir });
    return { kind, config, database, describe: `PGlite (data dir ${dataDir})`, dispose };
  }
  const adminUrl = postgresUrl!;
  const name = `thuisroute_bench_${crypto.randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const dispose = onCleanup(`drop database ${name}`, async () => {
    const a = new pg.Client({ connectionString: adminUrl });
    await a.connect();
    await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await a.end();
    log(`dropped database ${name}`);
  });
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const config = { ...base, databaseUrl: u.toString() };
  // The production default pool size (openDatabase: 20), not a bench-tuned one.
  const database = await openDatabase({ databaseUrl: u.toString(), dataDir: '' });
  return { kind, config, database, describe: `PostgreSQL database ${name} on ${redactUrl(adminUrl)}`, dispose };
}

export const originOf = (f: FastifyInstance) => {
  const a = f.server.address();
  if (!a || typeof a === 'string') throw new Error('no TCP address');
  return `http://127.0.0.1:${a.port}`;
};

/** Logs in over HTTP (the real login route) and returns the `tr_session=…` cookie pair. */
export async function login(origin: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${origin}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`login as ${email} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('tr_session='));
  if (!cookie) throw new Error('login set no tr_session cookie');
  return cookie;
}

export async function count(db: Db, table: 'users' | 'memberships' | 'audit_log' | 'sessions'): Promise<number> {
  const r = await db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Committed transactions in this database so far (PostgreSQL statistics; null where unavailable). */
export async function xactCommits(db: Db): Promise<number | null> {
  try {
    await sql`SELECT pg_stat_clear_snapshot()`.execute(db);
    const r = await sql<{ n: string }>`SELECT xact_commit::text AS n FROM pg_stat_database WHERE datname = current_database()`.execute(db);
    return r.rows[0] ? Number(r.rows[0].n) : null;
  } catch {
    return null;
  }
}

/** What a Node HTTP server is still doing: requests read and not yet answered, and when it last read one. */
export interface ServerActivity {
  inFlight(): number;
  lastRequestAt(): number;
}

/**
 * Counts the requests a Node HTTP server has read and not yet answered. A request counts as
 * answered when the handler ends the response (`res.end`), also when the client has already gone:
 * what matters here is the work still running in the server, not the client.
 */
export function trackInFlight(server: Server): ServerActivity {
  let inFlight = 0;
  let last = 0;
  server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
    inFlight++;
    last = performance.now();
    let done = false;
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
    res.end = ((...args: unknown[]) => {
      if (!done) {
        done = true;
        inFlight--;
      }
      return end(...args);
    }) as ServerResponse['end'];
  });
  return { inFlight: () => inFlight, lastRequestAt: () => last };
}

/**
 * Waits until the server has worked off what the load generator left behind. When autocannon stops,
 * requests it no longer waits for are still running in the server (queued for the pool or for
 * PGlite's single connection) — and, when the server's thread was too busy to read its sockets (PGlite
 * runs every query synchronously on that thread), requests still sit unread in the kernel's socket
 * buffers: the server reads and runs them after the client has closed. Either would slow down the next
 * run. Drained = no request in flight and none read for `quietMs` on the given servers, then three
 * `SELECT 1` in a row through the app's own database handle (same pool / same queue, same event loop)
 * each answered within `quickMs`. Returns the milliseconds it took (the backlog, roughly).
 */
export async function drain(db: Db, { quickMs = 20, quietMs = 1000, maxMs = 180_000, servers = [] as ServerActivity[] } = {}): Promise<number> {
  const start = performance.now();
  let quick = 0;
  await sleep(250);
  const busy = () => servers.some((s) => s.inFlight() > 0 || performance.now() - s.lastRequestAt() < quietMs);
  while (busy() && performance.now() - start < maxMs) await sleep(50);
  while (quick < 3 && performance.now() - start < maxMs) {
    const t = performance.now();
    await sql`SELECT 1`.execute(db);
    quick = performance.now() - t < quickMs ? quick + 1 : 0;
    await sleep(50);
  }
  return Math.round(performance.now() - start);
}

export async function databaseSize(db: Db): Promise<number | null> {
  try {
    return Number((await sql<{ n: string }>`SELECT pg_database_size(current_database())::text AS n`.execute(db)).rows[0]?.n ?? NaN);
  } catch {
    return null;
  }
}

export async function databaseVersion(db: Db): Promise<string> {
  return (await sql<{ v: string }>`SELECT version() AS v`.execute(db)).rows[0]?.v ?? 'unknown';
}

export function machineInfo() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    totalMemBytes: os.totalmem(),
    totalMemGiB: round(os.totalmem() / 1024 ** 3, 1),
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
  };
}

/** 1/5/15-minute load averages, rounded: other work on the machine skews every number. */
export const loadAverage = (): [number, number, number] => os.loadavg().map((x) => round(x, 2)) as [number, number, number];

// ─── Output ──────────────────────────────────────────────────────────────────

export function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(rows[0]!), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}
