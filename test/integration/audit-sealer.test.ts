/**
 * The audit trail without a global lock (ADR 0014): rows are appended with a seq and no lock,
 * the sealer chains committed rows into audit_seal. On PGlite, and on PostgreSQL when
 * TEST_DATABASE_URL is set (a fresh database per test; the concurrency tests need it to have
 * real concurrent transactions — PGlite runs one transaction at a time).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/platform/db/database.ts';
import { migrate, readMigrations } from '../../src/platform/db/migrate.ts';
import type { Database } from '../../src/platform/db/schema.ts';
import { writeAudit, type AuditEntry } from '../../src/platform/audit/writer.ts';
import { sealAudit } from '../../src/platform/audit/sealer.ts';
import { verifyAuditChain } from '../../src/modules/audit/verify.ts';
import { auditModule } from '../../src/modules/audit/index.ts';
import { JobRunner } from '../../src/platform/jobs/runner.ts';
import { fixedClock } from '../../src/platform/clock.ts';
import { createPostgresDatabase } from '../support/harness.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PG = process.env.TEST_DATABASE_URL;
const clock = fixedClock('2026-03-02T09:00:00Z');
const silent = { info() {}, warn() {}, error() {}, debug() {} };

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
// PGlite directories go last: a closed PGlite may still flush to its directory for a moment.
const dirs: string[] = [];
afterAll(async () => {
  await new Promise((r) => setTimeout(r, 1000));
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** A fresh database (PostgreSQL when TEST_DATABASE_URL is set, else PGlite in memory); `open()` gives a second handle on it. */
async function freshDatabase(opts: { migrated?: boolean; file?: boolean } = {}): Promise<{ h: DatabaseHandle; open(): Promise<DatabaseHandle>; env: Record<string, string> }> {
  let url: string | null = null;
  let dir = 'memory://';
  if (PG) {
    const created = await createPostgresDatabase(PG);
    url = created.url;
    cleanups.push(created.drop);
  } else if (opts.file) {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thuisroute-sealer-'));
    dirs.push(dir);
  }
  const open = async () => {
    const h = await openDatabase({ databaseUrl: url, dataDir: dir, poolSize: 12 });
    cleanups.push(() => h.close());
    return h;
  };
  const h = await open();
  if (opts.migrated !== false) await migrate(h);
  return { h, open, env: url ? { DATABASE_URL: url } : { DATA_DIR: dir } };
}

const entry = (i: number, action = 'test.write'): AuditEntry => ({ action, resourceType: 'test', resourceId: String(i), outcome: 'success', details: { i } });
const write = (db: Kysely<Database>, i: number, action?: string) => writeAudit(db, clock, null, entry(i, action), { userId: null });

async function counts(db: Kysely<Database>) {
  const { rows } = await sql<{ rows: number; seals: number; sealed_rows: number; rolled_back: number }>`
    SELECT (SELECT count(*) FROM audit_log)::int AS rows, (SELECT count(*) FROM audit_seal)::int AS seals,
           (SELECT count(DISTINCT seq) FROM audit_seal)::int AS sealed_rows,
           (SELECT count(*) FROM audit_log WHERE action = 'test.rollback')::int AS rolled_back`.execute(db);
  return rows[0]!;
}

describe('audit sealer: append without a lock, chain afterwards', () => {
  it('R-OR-91: an INSERT takes a seq only (no hash, no lock); the sealer chains the rows and verify recomputes every link', async () => {
    const { h } = await freshDatabase();
    for (let i = 0; i < 4; i++) await write(h.db, i);
    // No lock is taken by an append: none is held by the writing transaction before it commits.
    const locks = await h.db.transaction().execute(async (trx) => {
      await write(trx, 4);
      return (await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()`.execute(trx)).rows[0]!.n;
    });
    expect(locks).toBe(0);
    const raw = await h.db.selectFrom('audit_log').select(['seq', 'prev_hash', 'hash']).orderBy('seq').execute();
    expect(raw.map((r) => [r.prev_hash, r.hash])).toEqual(Array.from({ length: 5 }, () => [null, null]));
    // Before sealing: nothing is wrong, five rows wait.
    expect(await verifyAuditChain(h.db)).toMatchObject({ ok: true, rows: 0, headSeq: null, unsealed: { rows: 5, oldestSeq: Number(raw[0]!.seq) } });
    expect(await sealAudit(h.db, { batchSize: 2 })).toEqual({ sealed: 5, batches: 3, busy: false });
    const r = await verifyAuditChain(h.db);
    const head = await h.db.selectFrom('audit_seal').selectAll().orderBy('chain_no', 'desc').executeTakeFirstOrThrow();
    expect(r).toMatchObject({ ok: true, rows: 5, headSeq: Number(raw[4]!.seq), headChainNo: 5, headHash: head.hash, changed: [], broken: [], unsealed: { rows: 0, oldestSeq: null } });
    // Sealing again chains nothing twice.
    expect((await sealAudit(h.db)).sealed).toBe(0);
    if (!PG) {
      // Nothing can commit below the last seq any more: the watermark has moved past every row.
      const state = await sql<{ low_seq: string }>`SELECT low_seq::text AS low_seq FROM audit_seal_state`.execute(h.db);
      expect(state.rows[0]!.low_seq).toBe(String(raw[4]!.seq));
    }
    // The seal chain is append-only too.
    await expect(sql`UPDATE audit_seal SET hash = 'x'`.execute(h.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_seal`.execute(h.db)).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE audit_seal`.execute(h.db)).rejects.toThrow(/append-only/);
    await expect(sql`UPDATE audit_log SET action = 'x'`.execute(h.db)).rejects.toThrow(/append-only/);
  });

  it('R-OR-91: rows chained by the old trigger keep their hashes: migration 0019 makes them the first links, and the chain continues from them', async () => {
    const { h } = await freshDatabase({ migrated: false });
    const files = readMigrations();
    for (const m of files.filter((f) => f.version < '0019')) await h.execScript(m.sql);
    for (let i = 0; i < 4; i++) await write(h.db, i, 'test.legacy');
    const legacy = await h.db.selectFrom('audit_log').select(['seq', 'prev_hash', 'hash']).orderBy('seq').execute();
    expect(legacy.every((r) => r.hash && r.prev_hash)).toBe(true);
    for (const m of files.filter((f) => f.version >= '0019')) await h.execScript(m.sql);
    for (let i = 4; i < 7; i++) await write(h.db, i);
    await sealAudit(h.db);
    const seals = await h.db.selectFrom('audit_seal').selectAll().orderBy('chain_no').execute();
    expect(seals.map((s) => [String(s.seq), s.hash, s.legacy])).toEqual([
      ...legacy.map((l) => [String(l.seq), l.hash, true]),
      ...seals.slice(4).map((s) => [String(s.seq), s.hash, false]),
    ]);
    expect(seals[4]!.prev_hash).toBe(legacy[3]!.hash);
    expect(await verifyAuditChain(h.db)).toMatchObject({ ok: true, rows: 7, headChainNo: 7 });
    // A changed legacy row is still found (its own hash no longer matches).
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(h.db);
    await sql`UPDATE audit_log SET resource_id = 'changed' WHERE seq = ${legacy[1]!.seq}`.execute(h.db);
    await sql`UPDATE audit_log SET resource_id = 'changed' WHERE seq = ${seals[5]!.seq}`.execute(h.db);
    const r = await verifyAuditChain(h.db);
    expect(r).toMatchObject({ ok: false, changed: [String(legacy[1]!.seq), String(seals[5]!.seq)], broken: [] });
  });

  it('R-OR-91: 8 concurrent writers, some rolled back, with a sealer running: after sealing every committed row is sealed exactly once, no rolled-back row, verify ok', async () => {
    const { h } = await freshDatabase();
    let stop = false;
    const sealer = (async () => {
      let n = 0;
      while (!stop) {
        n += (await sealAudit(h.db, { batchSize: 50 })).sealed;
        await new Promise((r) => setTimeout(r, 5));
      }
      return n;
    })();
    class Rollback extends Error {}
    const committed: number[] = [];
    await Promise.all(Array.from({ length: 8 }, async (_, w) => {
      for (let k = 0; k < 25; k++) {
        const i = w * 100 + k;
        const rollback = k % 4 === 3;
        try {
          await h.db.transaction().execute(async (trx) => {
            await write(trx, i, rollback ? 'test.rollback' : 'test.write');
            if (k % 3 === 0) await write(trx, i, 'test.write'); // two rows in one transaction
            await sql`SELECT pg_sleep(${(i % 7) / 1000})`.execute(trx); // commit out of seq order
            if (rollback) throw new Rollback();
          });
          committed.push(i);
        } catch (e) {
          if (!(e instanceof Rollback)) throw e;
        }
      }
    }));
    stop = true;
    await sealer;
    await sealAudit(h.db);
    const c = await counts(h.db);
    expect(c.rolled_back).toBe(0);
    expect(c.rows).toBe(committed.length + committed.filter((i) => (i % 100) % 3 === 0).length);
    expect(c.seals).toBe(c.rows);
    expect(c.sealed_rows).toBe(c.rows);
    const r = await verifyAuditChain(h.db);
    expect(r).toMatchObject({ ok: true, rows: c.rows, changed: [], broken: [], unsealed: { rows: 0 } });
  });

  it.skipIf(!PG)('R-OR-91: a row that commits late (a lower seq than a sealed one) is sealed in a later batch with the next chain_no', async () => {
    const { h } = await freshDatabase();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let lateSeq = '';
    const late = h.db.transaction().execute(async (trx) => {
      await write(trx, 1, 'test.late');
      lateSeq = (await trx.selectFrom('audit_log').select('seq').where('action', '=', 'test.late').executeTakeFirstOrThrow()).seq;
      await gate;
    });
    while (!lateSeq) await new Promise((r) => setTimeout(r, 5));
    const lowSeq = async () => Number((await sql<{ low_seq: string }>`SELECT low_seq::text AS low_seq FROM audit_seal_state`.execute(h.db)).rows[0]!.low_seq);
    // Sealer runs while the open transaction is the newest one: the watermark must not pass it
    // (a snapshot's xmax would: it is latestCompletedXid + 1, below the open transaction's id).
    for (let k = 0; k < 3; k++) await sealAudit(h.db);
    expect(await lowSeq()).toBeLessThan(Number(lateSeq));
    for (let i = 2; i < 5; i++) await write(h.db, i);
    expect((await sealAudit(h.db)).sealed).toBe(3);
    expect((await sealAudit(h.db)).sealed).toBe(0); // the watermark does not pass the open transaction
    expect(await lowSeq()).toBeLessThan(Number(lateSeq));
    release();
    await late;
    expect((await sealAudit(h.db)).sealed).toBe(1);
    const seals = await h.db.selectFrom('audit_seal').select(['chain_no', 'seq']).orderBy('chain_no').execute();
    expect(seals.map((s) => Number(s.chain_no))).toEqual([1, 2, 3, 4]);
    expect(String(seals[3]!.seq)).toBe(String(lateSeq));
    expect(Number(seals[0]!.seq)).toBeGreaterThan(Number(lateSeq));
    expect(await verifyAuditChain(h.db)).toMatchObject({ ok: true, rows: 4, headSeq: Number(lateSeq), headChainNo: 4 });
    // (The watermark moves on once every transaction of the cluster older than its cut has ended; on a
    // shared test server other databases' transactions may hold it back, so that is asserted on PGlite.)
  });

  it('R-OR-91: two sealers at once never chain a row twice; the unique keys refuse a second seal even without the lock', async () => {
    const { h, open } = await freshDatabase();
    const h2 = PG ? await open() : h;
    let stop = false;
    const writers = Promise.all(Array.from({ length: 4 }, async (_, w) => {
      for (let k = 0; k < 60; k++) await write(h.db, w * 1000 + k);
    })).finally(() => (stop = true));
    const sealer = async (db: Kysely<Database>) => {
      let sealed = 0;
      let busy = 0;
      while (!stop) {
        const r = await sealAudit(db, { batchSize: 7 });
        sealed += r.sealed;
        if (r.busy) busy++;
      }
      return { sealed, busy };
    };
    const [a, b] = await Promise.all([sealer(h.db), sealer(h2.db), writers]);
    const rest = (await sealAudit(h.db)).sealed;
    const c = await counts(h.db);
    expect(c.rows).toBe(240);
    expect(a.sealed + b.sealed + rest).toBe(240);
    expect(c.seals).toBe(240);
    expect(c.sealed_rows).toBe(240);
    expect((await verifyAuditChain(h.db)).ok).toBe(true);
    // The real guarantee: a second seal of a row, or a second link at a chain position, is refused.
    const s = await h.db.selectFrom('audit_seal').selectAll().orderBy('chain_no', 'desc').executeTakeFirstOrThrow();
    await expect(sql`INSERT INTO audit_seal (chain_no, seq, prev_hash, hash) VALUES (${Number(s.chain_no) + 1}, ${s.seq}, ${s.hash}, 'x')`.execute(h.db)).rejects.toThrow(/duplicate key|unique/i);
    await expect(sql`INSERT INTO audit_seal (chain_no, seq, prev_hash, hash) VALUES (${s.chain_no}, 999999, ${s.prev_hash}, 'x')`.execute(h.db)).rejects.toThrow(/duplicate key|unique/i);
  });

  it('R-OR-91: a row left below the watermark is never hidden: verify reports it unsealed, and a rescan (audit:verify --seal) chains it', async () => {
    const { h } = await freshDatabase();
    for (let i = 0; i < 3; i++) await write(h.db, i);
    // A wrong watermark (it is a hint): it claims every row so far is sealed.
    await sql`UPDATE audit_seal_state SET low_seq = (SELECT max(seq) FROM audit_log), cut_seq = NULL, cut_xmax = NULL`.execute(h.db);
    await write(h.db, 3);
    expect((await sealAudit(h.db)).sealed).toBe(1);
    expect(await verifyAuditChain(h.db)).toMatchObject({ ok: true, rows: 1, unsealed: { rows: 3 } });
    expect((await sealAudit(h.db, { rescan: true })).sealed).toBe(3);
    expect(await verifyAuditChain(h.db)).toMatchObject({ ok: true, rows: 4, unsealed: { rows: 0 } });
  });

  it('R-OR-91: a sealer that was down catches up on start (the job runs at once, in batches)', async () => {
    const { h } = await freshDatabase();
    await sql`INSERT INTO audit_log (occurred_at, action, resource_type, outcome, details)
      SELECT ${clock.now()}::timestamptz, 'test.backlog', 'test', 'success', jsonb_build_object('i', i) FROM generate_series(1, 12000) AS i`.execute(h.db);
    expect((await verifyAuditChain(h.db)).unsealed.rows).toBe(12000);
    const jobs = auditModule.jobs!({ database: h, clock, config: { publicBaseUrl: 'http://localhost' }, log: silent, mail: { smtpUrl: null, from: 'x@example.org' } });
    expect(jobs.map((j) => [j.name, j.everyMs])).toEqual([['audit-sealer', 250]]);
    const runner = new JobRunner({ database: h, clock, log: silent, jobs, tickMs: 60_000 });
    const out = await runner.tick(); // what start() does first
    await runner.stop();
    expect(out['audit-sealer']).toMatchObject({ status: 'ran', result: { sealed: 12000, batches: 3 } });
    expect(await verifyAuditChain(h.db)).toMatchObject({ ok: true, rows: 12000, unsealed: { rows: 0 } });
  });

  it('R-OR-91: kill -9 of a process writing audited rows (sealer running) loses no acknowledged write, and the chain verifies after the sealer catches up', async () => {
    const { h, env } = await freshDatabase({ file: true });
    await h.close();
    cleanups.pop();
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/audit-writer-child.ts'], {
      cwd: ROOT,
      env: { ...process.env, ...env, WRITERS: '4', SEAL_MS: '50', PREFIX: 'KILL' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked: string[] = [];
    let stderr = '';
    let buf = '';
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no acknowledgements in time: ${stderr.slice(-2000)}`)), 90_000);
      child.stdout!.on('data', (d: Buffer) => {
        buf += d.toString();
        const lines = buf.split('\n');
        buf = lines.pop()!;
        for (const l of lines) if (l.startsWith('ack ')) acked.push(l.slice(4));
        if (acked.length >= 150) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => reject(new Error(`child exited (${code}) early: ${stderr.slice(-2000)}`)));
    });
    child.kill('SIGKILL');
    await exited;
    // Acknowledgements printed before the kill and read only now still count.
    for (const l of buf.split('\n')) if (l.startsWith('ack ')) acked.push(l.slice(4));

    const again = await openDatabase({ databaseUrl: env.DATABASE_URL ?? null, dataDir: env.DATA_DIR ?? '' });
    cleanups.push(() => again.close());
    await migrate(again);
    await sealAudit(again.db);
    const audited = await again.db.selectFrom('audit_log').select(sql<string>`details->>'code'`.as('code')).where('action', '=', 'region.create').execute();
    const regions = await again.db.selectFrom('regions').select('code').where('code', 'like', 'KILL-%').execute();
    const auditedCodes = new Set(audited.map((a) => a.code));
    const regionCodes = new Set(regions.map((r) => r.code));
    expect(acked.filter((c) => !auditedCodes.has(c)), 'acknowledged writes without their audit row').toEqual([]);
    expect(acked.filter((c) => !regionCodes.has(c)), 'acknowledged writes lost').toEqual([]);
    // All or nothing: an audit row for every region and none without one; no rolled-back write (every fifth).
    expect([...auditedCodes].sort()).toEqual([...regionCodes].sort());
    expect([...regionCodes].filter((c) => Number(c.split('-')[1]) % 5 === 4)).toEqual([]);
    const r = await verifyAuditChain(again.db);
    expect(r).toMatchObject({ ok: true, changed: [], broken: [], unsealed: { rows: 0 } });
    expect(r.rows).toBe(audited.length);
  }, 120_000);
});
