/**
 * Killing the server mid-request leaves no half-written row.
 *
 * The real server runs as a child process (node --import tsx src/app/main.ts) on
 * PGlite in a temporary data directory — or on a fresh PostgreSQL database when
 * TEST_DATABASE_URL is set. We log in over HTTP, fire many concurrent writes (each user
 * create writes user + membership + audit row in one transaction; organisation creates
 * write organisation + audit row), SIGKILL the process while they are in flight, restart
 * it on the same data and check: every use case is all-or-nothing, every acknowledged
 * write survived, the audit hash chain verifies, the server answers /readyz, and a retry
 * with the Idempotency-Key of a request the kill interrupted completes (exactly once).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { openDatabase, type DatabaseHandle } from '../../src/platform/db/database.ts';
import { verifyAuditChain } from '../../src/modules/audit/verify.ts';
import { DEMO_DOMAIN, DEMO_PASSWORD } from '../../src/app/seed/demo.ts';
import { idempotencyRequestHash } from '../../src/platform/http/idempotency.ts';
import { createPostgresDatabase } from '../support/harness.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const WRITES = 240;
const KILL_AFTER_ACKS = 25;
/** The kill comes this long after the last acknowledgement: inside the next request (a write takes tens of ms). */
const KILL_DELAY_MS = 15;

interface Child {
  proc: ChildProcess;
  port: number;
  output: string[];
  exited: Promise<number | null>;
}

const children = new Set<ChildProcess>();
const cleanups: Array<() => Promise<void> | void> = [];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function startServer(env: Record<string, string>): Promise<Child> {
  const port = await freePort();
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/app/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'test',
      DEMO_SEED: 'true',
      COOKIE_SECURE: 'false',
      LOG_LEVEL: 'silent',
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
      WEB_DIST_DIR: path.join(os.tmpdir(), 'thuisroute-no-web'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(proc);
  const output: string[] = [];
  proc.stdout!.on('data', (d: Buffer) => output.push(d.toString()));
  proc.stderr!.on('data', (d: Buffer) => output.push(d.toString()));
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => {
    children.delete(proc);
    resolve(code);
  }));
  return { proc, port, output, exited };
}

async function waitReady(child: Child, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void child.exited.then(() => (exited = true));
  for (;;) {
    if (exited) throw new Error(`server exited before it was ready:\n${child.output.join('').slice(-3000)}`);
    try {
      const res = await fetch(`http://127.0.0.1:${child.port}/readyz`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server not ready after ${timeoutMs} ms:\n${child.output.join('').slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function stop(child: Child, signal: NodeJS.Signals, timeoutMs = 15_000): Promise<number | null> {
  if (child.proc.exitCode !== null || child.proc.signalCode !== null) return child.proc.exitCode;
  child.proc.kill(signal);
  const timer = setTimeout(() => child.proc.kill('SIGKILL'), timeoutMs);
  try {
    return await child.exited;
  } finally {
    clearTimeout(timer);
  }
}

interface Session { base: string; cookie: string; csrf: string }

async function login(child: Child): Promise<Session> {
  const base = `http://127.0.0.1:${child.port}`;
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: `admin@${DEMO_DOMAIN}`, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { base, cookie, csrf: csrfToken };
}

function post(s: Session, url: string, body: unknown, key: string): Promise<Response> {
  return fetch(`${s.base}${url}`, {
    method: 'POST',
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(20_000),
  });
}

interface Write { i: number; kind: 'user' | 'organisation'; url: string; body: Record<string, unknown>; key: string; status?: number; error?: string }

function plannedWrites(orgId: string): Write[] {
  return Array.from({ length: WRITES }, (_, i): Write => {
    const key = `crash-${i}`;
    return i % 3 === 2
      ? { i, kind: 'organisation', key, url: '/api/v1/organisations', body: { code: `CRASH-${i}`, name: `Crash organisatie ${i}`, type: 'care_provider' } }
      : { i, kind: 'user', key, url: '/api/v1/users', body: { email: `crash-${i}@example.org`, name: `Crash ${i}`, membership: { organisationId: orgId, role: 'care_worker' } } };
  });
}

interface CrashState { users: number; organisations: number; inProgressKeys: number }

/** Every crash write is all-or-nothing: user + membership + audit row, organisation + audit row, no audit row without its write. */
async function expectNoHalfWrites(db: DatabaseHandle): Promise<CrashState> {
  const users = await db.db.selectFrom('users').select(['id', 'email']).where('email', 'like', 'crash-%@example.org').execute();
  const organisations = await db.db.selectFrom('organisations').select(['id', 'code']).where('code', 'like', 'CRASH-%').execute();
  const none = ['00000000-0000-0000-0000-000000000000'];
  const memberships = await db.db.selectFrom('memberships').select('user_id').where('user_id', 'in', [...none, ...users.map((u) => u.id)]).execute();
  const audits = await db.db.selectFrom('audit_log').select(['action', 'resource_id']).where('action', 'in', ['user.create', 'organisation.create']).execute();
  const withMembership = new Set(memberships.map((m) => m.user_id));
  const audited = (action: string) => new Set(audits.filter((a) => a.action === action).map((a) => a.resource_id));
  expect(users.filter((u) => !withMembership.has(u.id)).map((u) => u.email), 'users without their membership').toEqual([]);
  expect(users.filter((u) => !audited('user.create').has(u.id)).map((u) => u.email), 'users without their user.create audit row').toEqual([]);
  expect(organisations.filter((o) => !audited('organisation.create').has(o.id)).map((o) => o.code), 'organisations without their audit row').toEqual([]);
  // No audit row for a write that is not there (all user.create / organisation.create rows point at existing rows).
  const auditedUserIds = [...audited('user.create')].filter((id): id is string => !!id);
  const auditedOrgIds = [...audited('organisation.create')].filter((id): id is string => !!id);
  const existingUsers = await db.db.selectFrom('users').select('id').where('id', 'in', [...none, ...auditedUserIds]).execute();
  const existingOrgs = await db.db.selectFrom('organisations').select('id').where('id', 'in', [...none, ...auditedOrgIds]).execute();
  expect(existingUsers.length, 'user.create audit rows without their user').toBe(auditedUserIds.length);
  expect(existingOrgs.length, 'organisation.create audit rows without their organisation').toBe(auditedOrgIds.length);
  expect(new Set(users.map((u) => u.email)).size, 'duplicate users').toBe(users.length);
  const chain = await verifyAuditChain(db.db);
  expect(chain, 'audit hash chain').toMatchObject({ ok: true, changed: [], broken: [] });
  const keys = await sql<{ n: number }>`SELECT count(*)::int AS n FROM idempotency_keys WHERE status_code IS NULL`.execute(db.db);
  return { users: users.length, organisations: organisations.length, inProgressKeys: keys.rows[0]!.n };
}

afterAll(async () => {
  for (const proc of children) proc.kill('SIGKILL');
  for (const c of cleanups.reverse()) await c();
});

describe('crash safety', () => {
  it('killing the server mid-request leaves no half-written row', async () => {
    const started = Date.now();
    const phases: string[] = [];
    const phase = (name: string) => phases.push(`${name} ${((Date.now() - started) / 1000).toFixed(1)}s`);
    const pgBase = process.env.TEST_DATABASE_URL;
    let env: Record<string, string>;
    let openDb: () => Promise<DatabaseHandle>;
    if (pgBase) {
      const created = await createPostgresDatabase(pgBase);
      cleanups.push(() => created.drop());
      env = { DATABASE_URL: created.url };
      openDb = () => openDatabase({ databaseUrl: created.url, dataDir: '', poolSize: 2 });
    } else {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thuisroute-crash-'));
      // PGlite finishes a file-system operation shortly after close() resolves; remove the directory after it.
      cleanups.push(async () => {
        await new Promise((r) => setTimeout(r, 1000));
        fs.rmSync(dir, { recursive: true, force: true });
      });
      env = { DATA_DIR: dir, DATABASE_URL: '' };
      openDb = () => openDatabase({ databaseUrl: null, dataDir: dir });
    }

    // ── 1. Start, log in, fire concurrent writes and SIGKILL while they are in flight ──
    const first = await startServer(env);
    await waitReady(first, 60_000);
    phase('first start');
    const session = await login(first);
    const orgs = (await (await fetch(`${session.base}/api/v1/organisations?q=Horizon`, { headers: { cookie: session.cookie } })).json()) as { items: Array<{ id: string; code: string }> };
    const horizon = orgs.items.find((o) => o.code === 'ZA-HORIZON')!.id;
    const writes = plannedWrites(horizon);
    let acks = 0;
    let killed = false;
    const kill = () => {
      if (killed) return;
      killed = true;
      first.proc.kill('SIGKILL');
    };
    const safety = setTimeout(kill, 10_000);
    await Promise.all(
      writes.map(async (w) => {
        try {
          const res = await post(session, w.url, w.body, w.key);
          await res.arrayBuffer();
          w.status = res.status;
          if (res.status === 201 && ++acks === KILL_AFTER_ACKS) setTimeout(kill, KILL_DELAY_MS);
        } catch (err) {
          w.error = (err as Error).message;
        }
      }),
    );
    clearTimeout(safety);
    phase('writes+kill');
    expect(await first.exited).toBe(null); // killed by the signal, not exited
    expect(first.proc.signalCode).toBe('SIGKILL');
    const answered = writes.filter((w) => w.status !== undefined);
    const acknowledged = writes.filter((w) => w.status === 201);
    const unanswered = writes.filter((w) => w.status === undefined);
    // The kill happened with writes in flight, and no answered write failed on the server.
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    expect(unanswered.length).toBeGreaterThan(0);
    expect(answered.filter((w) => w.status !== 201)).toEqual([]);

    // ── 2. The data exactly as the kill left it ──
    const crashState = await (async () => {
      const db = await openDb();
      try {
        const crashed = await expectNoHalfWrites(db);
        phase('checked crash state');
        // Every acknowledged write survived the kill.
        const emails = new Set((await db.db.selectFrom('users').select('email').where('email', 'like', 'crash-%').execute()).map((u) => u.email));
        const codes = new Set((await db.db.selectFrom('organisations').select('code').where('code', 'like', 'CRASH-%').execute()).map((o) => o.code));
        const lost = acknowledged.filter((w) => (w.kind === 'user' ? !emails.has(String(w.body.email)) : !codes.has(String(w.body.code))));
        expect(lost.map((w) => w.key), 'acknowledged writes lost').toEqual([]);
        // The client retries two minutes later: age the keys the killed requests left in progress;
        // if the kill fell between requests, plant the key the next request would have left.
        const adminRow = await db.db.selectFrom('users').select('id').where('email', '=', `admin@${DEMO_DOMAIN}`).executeTakeFirstOrThrow();
        if (crashed.inProgressKeys === 0) {
          // An unanswered write may still have committed (with its key) just before the kill: plant the key of one that did not.
          const stored = new Set((await db.db.selectFrom('idempotency_keys').select('key').where('user_id', '=', adminRow.id).execute()).map((k) => k.key));
          const w = unanswered.find((u) => !stored.has(u.key));
          if (w) await db.db.insertInto('idempotency_keys').values({ user_id: adminRow.id, key: w.key, method: 'POST', path: w.url, request_hash: idempotencyRequestHash('POST', w.url, w.body), created_at: new Date() }).execute();
        }
        await sql`UPDATE idempotency_keys SET created_at = created_at - interval '2 minutes' WHERE status_code IS NULL`.execute(db.db);
        const abandoned = await db.db.selectFrom('idempotency_keys').select('key').where('status_code', 'is', null).execute();
        return { ...crashed, abandoned: abandoned.map((k) => k.key) };
      } finally {
        await db.close();
      }
    })();

    // ── 3. Restart on the same data: ready, usable, audit chain intact over HTTP ──
    const second = await startServer(env);
    await waitReady(second, 60_000);
    phase('restart');
    const again = await login(second);
    const probe = await post(again, '/api/v1/regions', { code: 'AFTER-CRASH', name: 'Na de crash' }, 'after-crash');
    expect(probe.status, await probe.clone().text()).toBe(201);
    const verifyHttp = (await (await fetch(`${again.base}/api/v1/audit/verify`, { headers: { cookie: again.cookie } })).json()) as { ok: boolean };
    expect(verifyHttp.ok).toBe(true);
    // Retrying the interrupted writes with their Idempotency-Keys completes them exactly once:
    // never a 5xx, never stuck "in progress" (a stored 201 is replayed; 409 duplicate only if the write committed unrecorded).
    const toRetry = unanswered.filter((w, n) => n < 30 || crashState.abandoned.includes(w.key));
    expect(toRetry.filter((w) => crashState.abandoned.includes(w.key)).length).toBe(crashState.abandoned.length);
    const retried = await Promise.all(toRetry.map(async (w) => {
      const res = await post(again, w.url, w.body, w.key);
      const body = (await res.json()) as { code?: string };
      const replayed = res.headers.get('idempotent-replayed') === 'true';
      return { key: w.key, status: res.status, code: res.status >= 400 ? body.code : replayed ? 'replayed' : undefined };
    }));
    expect(retried.filter((r) => !(r.status === 201 || (r.status === 409 && r.code === 'duplicate')))).toEqual([]);
    expect(await stop(second, 'SIGTERM')).toBe(0);
    phase('retries+graceful stop');

    // ── 4. After restart and retries: still all-or-nothing, no duplicates, chain verifies ──
    const db = await openDb();
    try {
      const after = await expectNoHalfWrites(db);
      // Each retry either created its row now, or replayed the stored 201 of a write that committed just before the kill.
      expect(after.users + after.organisations).toBe(crashState.users + crashState.organisations + retried.filter((r) => r.status === 201 && r.code !== 'replayed').length);
      expect(after.inProgressKeys).toBe(0);
      phase('checked final state');
      const retryStats = retried.reduce<Record<string, number>>((m, r) => {
        const k = `${r.status}${r.code ? ` ${r.code}` : ''}`;
        return { ...m, [k]: (m[k] ?? 0) + 1 };
      }, {});
      console.log(
        `[crash] ${pgBase ? 'PostgreSQL' : 'PGlite'}: SIGKILL ${KILL_DELAY_MS} ms after the ${KILL_AFTER_ACKS}th acknowledged write, ${unanswered.length} of ${WRITES} writes in flight; ` +
          `left by the kill: ${crashState.users} users + ${crashState.organisations} organisations, all complete, ${crashState.inProgressKeys} idempotency key(s) in progress; ` +
          `retries ${JSON.stringify(retryStats)}; final ${after.users} users + ${after.organisations} organisations, audit chain ok; phases: ${phases.join(', ')}`,
      );
    } finally {
      await db.close();
    }
  }, 240_000);
});
