/**
 * Audit benchmark (suite "audit" of `npm run bench`, a default suite; ADR 0014): how many audit rows a
 * second can the platform append, with N concurrent writers, now that an append takes no lock — and
 * can the sealer keep up?
 *
 * Per database (PGlite always; PostgreSQL when BENCH_DATABASE_URL or DATABASE_URL is set), on a fresh
 * migrated database, for N in BENCH_AUDIT_WRITERS (default 1,4,16,64), each for BENCH_AUDIT_SECONDS
 * (default 1.5 on PostgreSQL, 0.75 on PGlite):
 *   direct   N writers, each appending one row per transaction (writeAudit, autocommit: the write path)
 *   batched  N callers through the AuditBatcher (the reads' path: rows of concurrent reads share a commit)
 *   locked   PostgreSQL only, "before": the same as direct with the trigger of migration 0001 put back
 *            (advisory lock 7262010, read of the last hash, hash on insert) — the rate this replaces
 * then:
 *   sealer   sealAudit() over the whole backlog the runs above left: rows chained per second
 *   sustained 16 direct writers for the same time with the sealer job running every 250 ms beside them:
 *            append rate, and the longest sealer run (a row is chained at most interval + that after commit)
 * Goal (issue 12): ≥ 5,000 audit rows/s appended on PostgreSQL, growing with writers; the sealer faster
 * than the appends. Results: bench/results/audit-<kind>.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { openDatabase, type DatabaseHandle, type Db } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { AuditBatcher, writeAudit, type AuditEntry } from '../src/platform/audit/writer.ts';
import { sealAudit } from '../src/platform/audit/sealer.ts';
import { verifyAuditChain } from '../src/modules/audit/verify.ts';
import { systemClock } from '../src/platform/clock.ts';
import { databaseVersion, envList, envNumber, loadAverage, log, machineInfo, prepareDatabase, round, sleep, table, type DbKind } from './common.ts';

export interface AuditBenchSettings {
  writers: number[];
  secondsPostgres: number;
  secondsPglite: number;
  /** Run the "locked" (before) mode on PostgreSQL. */
  locked: boolean;
  sealIntervalMs: number;
  goalRowsPerSec: number;
}

export function auditSettings(): AuditBenchSettings {
  const writers = envList('BENCH_AUDIT_WRITERS', '1,4,16,64').map(Number).filter((n) => Number.isInteger(n) && n > 0);
  if (!writers.length) throw new Error('BENCH_AUDIT_WRITERS: a list of positive integers, e.g. 1,4,16,64');
  return {
    writers,
    secondsPostgres: envNumber('BENCH_AUDIT_SECONDS', 1.5, 0.2),
    secondsPglite: envNumber('BENCH_AUDIT_SECONDS', 0.75, 0.2),
    locked: process.env.BENCH_AUDIT_LOCKED !== '0',
    sealIntervalMs: 250,
    goalRowsPerSec: 5_000,
  };
}

type Mode = 'direct' | 'batched' | 'locked';

export interface AppendRun { mode: Mode; writers: number; seconds: number; rows: number; rowsPerSec: number }

export interface AuditReport {
  benchmark: 'audit';
  date: string;
  machine: ReturnType<typeof machineInfo>;
  loadAverage: [number, number, number];
  settings: AuditBenchSettings;
  database: { kind: DbKind; version: string };
  appends: AppendRun[];
  sealer: { rows: number; ms: number; rowsPerSec: number };
  sustained: { writers: number; seconds: number; rowsPerSec: number; sealerRuns: number; longestSealerRunMs: number; chainedWithinMs: number; drainMs: number };
  verify: { ok: boolean; rows: number; unsealed: number; ms: number };
  goal: {
    /** PostgreSQL: the best lock-free rate (direct or batched, see `mode`) ≥ 5,000 rows/s. PGlite: informational (one connection). */
    rowsPerSec: number;
    mode: Mode;
    writers: number;
    met: boolean | null;
    /** The rate at the most writers ÷ at one writer, direct and batched (> 1: grows with writers). */
    growth: number;
    growthBatched: number;
    /** Both grow (PostgreSQL); null on PGlite, whose one connection serialises every append. */
    grows: boolean | null;
    /** "before": the locked rate at the most writers (PostgreSQL), and the best lock-free rate ÷ the best locked one. */
    lockedRowsPerSec: number | null;
    gainOverLocked: number | null;
    /** The sealer chains faster than the best append rate. */
    sealerKeepsUp: boolean;
  };
  notes: string[];
}

const entry = (w: number, i: number): AuditEntry => ({ action: 'bench.append', resourceType: 'bench', resourceId: `${w}-${i}`, outcome: 'success', purpose: 'bench', details: { w, i } });
const ACTOR = { userId: null };

/** The trigger of migration 0001 (the chain lock), for the "before" rate; restored afterwards. */
const LOCKED_TRIGGER = sql`CREATE OR REPLACE FUNCTION audit_log_append() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE last_hash text;
BEGIN
  PERFORM pg_advisory_xact_lock(7262010);
  SELECT hash INTO last_hash FROM audit_log WHERE hash IS NOT NULL ORDER BY seq DESC LIMIT 1;
  NEW.seq := nextval('audit_log_seq');
  NEW.prev_hash := coalesce(last_hash, repeat('0', 64));
  NEW.hash := audit_log_row_hash(NEW);
  RETURN NEW;
END $$`;

/** The trigger of migration 0019, put back after the "locked" runs. */
const LOCK_FREE_TRIGGER = sql`CREATE OR REPLACE FUNCTION audit_log_append() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_current_xact_id();
  NEW.seq := nextval('audit_log_seq');
  NEW.prev_hash := NULL;
  NEW.hash := NULL;
  RETURN NEW;
END $$`;

async function appendFor(db: Db, mode: Mode, writers: number, seconds: number): Promise<AppendRun> {
  const batcher = mode === 'batched' ? new AuditBatcher(db, systemClock) : null;
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  const counts = await Promise.all(Array.from({ length: writers }, async (_, w) => {
    let i = 0;
    while (performance.now() < until) {
      if (batcher) await batcher.write(null, entry(w, i), ACTOR);
      else await writeAudit(db, systemClock, null, entry(w, i), ACTOR);
      i++;
    }
    return i;
  }));
  const elapsed = (performance.now() - started) / 1000;
  await batcher?.close();
  const rows = counts.reduce((a, b) => a + b, 0);
  return { mode, writers, seconds: round(elapsed, 2), rows, rowsPerSec: Math.round(rows / elapsed) };
}

export async function benchAudit(kind: DbKind, s: AuditBenchSettings): Promise<AuditReport> {
  const date = new Date().toISOString(); // a bench, not a test: wall-clock time is what we want here
  const target = await prepareDatabase(kind);
  log(`audit ${kind}: ${target.describe}`);
  let writersDb: DatabaseHandle | null = null;
  try {
    await migrate(target.database);
    const maxWriters = Math.max(...s.writers, 16);
    // PostgreSQL: a pool as large as the writers (each writer holds a connection per append).
    writersDb = kind === 'postgres' ? await openDatabase({ databaseUrl: target.config.databaseUrl, dataDir: '', poolSize: maxWriters + 2 }) : target.database;
    const db = writersDb.db;
    const seconds = kind === 'postgres' ? s.secondsPostgres : s.secondsPglite;
    const appends: AppendRun[] = [];
    const modes: Mode[] = kind === 'postgres' && s.locked ? ['direct', 'batched', 'locked'] : ['direct', 'batched'];
    for (const mode of modes) {
      if (mode === 'locked') await LOCKED_TRIGGER.execute(target.database.db);
      try {
        for (const n of s.writers) {
          const r = await appendFor(db, mode, n, seconds);
          appends.push(r);
          log(`audit ${kind}: ${mode} × ${n} writers → ${r.rowsPerSec} rows/s (${r.rows} rows)`);
        }
      } finally {
        if (mode === 'locked') await LOCK_FREE_TRIGGER.execute(target.database.db);
      }
    }

    // The sealer over the backlog.
    const backlog = Number((await sql<{ n: string }>`SELECT count(*)::text AS n FROM audit_log a WHERE NOT EXISTS (SELECT 1 FROM audit_seal s WHERE s.seq = a.seq)`.execute(target.database.db)).rows[0]!.n);
    const sealStart = performance.now();
    const sealed = await sealAudit(target.database.db);
    const sealMs = performance.now() - sealStart;
    log(`audit ${kind}: sealer chained ${sealed.sealed} of ${backlog} rows in ${Math.round(sealMs)} ms → ${Math.round(sealed.sealed / (sealMs / 1000))} rows/s`);

    // Sustained: 16 writers with the sealer every 250 ms beside them.
    let stop = false;
    const runs: number[] = [];
    const sealer = (async () => {
      while (!stop) {
        const t = performance.now();
        await sealAudit(target.database.db, { maxBatches: 20 });
        runs.push(performance.now() - t);
        await sleep(Math.max(0, s.sealIntervalMs - (performance.now() - t)));
      }
    })();
    const sus = await appendFor(db, 'direct', 16, seconds);
    stop = true;
    await sealer;
    const drainStart = performance.now();
    await sealAudit(target.database.db);
    const drainMs = Math.round(performance.now() - drainStart);
    const longest = Math.round(Math.max(0, ...runs));
    log(`audit ${kind}: sustained 16 writers + sealer → ${sus.rowsPerSec} rows/s; ${runs.length} sealer runs, longest ${longest} ms; drained in ${drainMs} ms`);

    const vStart = performance.now();
    const v = await verifyAuditChain(target.database.db);
    const verifyMs = Math.round(performance.now() - vStart);

    const growthOf = (mode: Mode) => {
      const runsOf = appends.filter((a) => a.mode === mode);
      return round(runsOf[runsOf.length - 1]!.rowsPerSec / Math.max(1, runsOf[0]!.rowsPerSec), 2);
    };
    const lockFree = appends.filter((a) => a.mode !== 'locked');
    const top = lockFree.reduce((x, y) => (y.rowsPerSec > x.rowsPerSec ? y : x));
    const best = top.rowsPerSec;
    const growth = growthOf('direct');
    const growthBatched = growthOf('batched');
    const locked = appends.filter((a) => a.mode === 'locked');
    const bestLocked = locked.length ? Math.max(...locked.map((a) => a.rowsPerSec)) : null;
    const sealerRate = Math.round(sealed.sealed / (sealMs / 1000));
    const notes: string[] = [];
    if (kind === 'pglite') notes.push('PGlite is one in-process connection: appends are serialised whatever the number of writers; the goal is for PostgreSQL.');
    notes.push('Writers, sealer and (PostgreSQL) the database server share the machine; other work on it skews every number (load average in the report).');
    if (!v.ok) notes.push(`audit chain NOT intact: ${v.changed.length} changed, ${v.broken.length} broken`);
    return {
      benchmark: 'audit',
      date,
      machine: machineInfo(),
      loadAverage: loadAverage(),
      settings: s,
      database: { kind, version: await databaseVersion(target.database.db) },
      appends,
      sealer: { rows: sealed.sealed, ms: Math.round(sealMs), rowsPerSec: sealerRate },
      sustained: { writers: 16, seconds: sus.seconds, rowsPerSec: sus.rowsPerSec, sealerRuns: runs.length, longestSealerRunMs: longest, chainedWithinMs: s.sealIntervalMs + longest, drainMs },
      verify: { ok: v.ok, rows: v.rows, unsealed: v.unsealed.rows, ms: verifyMs },
      goal: {
        rowsPerSec: best,
        mode: top.mode,
        writers: top.writers,
        met: kind === 'postgres' ? best >= s.goalRowsPerSec : null,
        growth,
        growthBatched,
        grows: kind === 'postgres' ? growth > 1 && growthBatched > 1 : null,
        lockedRowsPerSec: locked.length ? locked[locked.length - 1]!.rowsPerSec : null,
        gainOverLocked: bestLocked ? round(best / Math.max(1, bestLocked), 1) : null,
        sealerKeepsUp: sealerRate >= best,
      },
      notes,
    };
  } finally {
    if (writersDb && writersDb !== target.database) await writersDb.close();
    await target.database.close();
    await target.dispose();
  }
}

export function writeAuditReport(dir: string, r: AuditReport, suffix: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `audit-${r.database.kind}${suffix}.json`);
  fs.writeFileSync(file, `${JSON.stringify(r, null, 2)}\n`);
  return file;
}

export function auditSummary(r: AuditReport, suffix: string) {
  const rate = (mode: Mode) => Object.fromEntries(r.appends.filter((a) => a.mode === mode).map((a) => [String(a.writers), a.rowsPerSec]));
  return {
    database: r.database.kind,
    file: `audit-${r.database.kind}${suffix}.json`,
    directRowsPerSec: rate('direct'),
    batchedRowsPerSec: rate('batched'),
    lockedRowsPerSec: r.appends.some((a) => a.mode === 'locked') ? rate('locked') : null,
    sealerRowsPerSec: r.sealer.rowsPerSec,
    chainedWithinMs: r.sustained.chainedWithinMs,
    goal: r.goal,
  };
}

export function printAudit(reports: AuditReport[]): string {
  const out: string[] = [];
  for (const r of reports) {
    out.push(`\nAudit append — ${r.database.kind} (${r.database.version.split(' on ')[0]}); rows/s per number of concurrent writers`);
    const modes = [...new Set(r.appends.map((a) => a.mode))];
    out.push(table([
      ['mode', ...r.settings.writers.map((n) => `${n} writer${n > 1 ? 's' : ''}`)],
      ...modes.map((m) => [m === 'locked' ? 'locked (before: 0001 trigger)' : m, ...r.settings.writers.map((n) => String(r.appends.find((a) => a.mode === m && a.writers === n)?.rowsPerSec ?? '—'))]),
    ]));
    const g = r.goal;
    const span = `${r.settings.writers[0]} to ${r.settings.writers[r.settings.writers.length - 1]} writers`;
    out.push(`  goal ≥ ${r.settings.goalRowsPerSec} rows/s on PostgreSQL: ${g.met === null ? 'n/a (PGlite)' : g.met ? 'MET' : 'NOT MET'} (best ${g.rowsPerSec} rows/s, ${g.mode} × ${g.writers}; ratio ${round(g.rowsPerSec / r.settings.goalRowsPerSec, 2)}×); `
      + `grows with writers: ${g.grows === null ? 'n/a (PGlite)' : g.grows ? 'yes' : 'NO'} (${span}: direct ${g.growth}×, batched ${g.growthBatched}×)`
      + (g.gainOverLocked !== null ? `; ${g.gainOverLocked}× the best rate with the old chain lock` : ''));
    out.push(`  sealer: ${r.sealer.rowsPerSec} rows/s (${r.sealer.rows} rows in ${r.sealer.ms} ms) — ${g.sealerKeepsUp ? 'keeps up with' : 'SLOWER than'} the best append rate; `
      + `sustained 16 writers + sealer every ${r.settings.sealIntervalMs} ms: ${r.sustained.rowsPerSec} rows/s, longest run ${r.sustained.longestSealerRunMs} ms → chained within ${r.sustained.chainedWithinMs} ms`);
    out.push(`  verify: ${r.verify.ok ? 'ok' : 'NOT ok'}, ${r.verify.rows} links, ${r.verify.unsealed} unsealed, ${r.verify.ms} ms`);
    for (const n of r.notes) out.push(`  note: ${n}`);
  }
  return out.join('\n');
}

// `npx tsx bench/audit.ts`: this suite alone (PGlite, and PostgreSQL when BENCH_DATABASE_URL/DATABASE_URL is set).
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const { postgresUrl, RESULTS_DIR } = await import('./common.ts');
  const s = auditSettings();
  const reports: AuditReport[] = [];
  for (const kind of ['pglite', ...(postgresUrl ? ['postgres'] : [])] as DbKind[]) reports.push(await benchAudit(kind, s));
  for (const r of reports) log(`wrote ${writeAuditReport(RESULTS_DIR, r, '')}`);
  process.stdout.write(`${printAudit(reports)}\n`);
}
