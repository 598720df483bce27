/**
 * A tiny interval scheduler for background jobs. There is no queue of its own: every job reads
 * its work from PostgreSQL tables (pending deletion requests, the outbox, the worklist) and is
 * idempotent. A job runs under a session-level advisory lock (pg_try_advisory_lock), so when
 * several app instances share a database only one of them runs a given job at a time; the
 * others skip that round. Cadence is measured on the injected clock; a short real-time tick
 * checks which jobs are due. stop() waits for running jobs (graceful shutdown).
 */
import { sql } from 'kysely';
import type { DatabaseHandle } from '../db/database.ts';
import type { Clock } from '../clock.ts';

export interface JobLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  debug(obj: object, msg?: string): void;
}

export interface JobDefinition {
  /** Unique; also the advisory-lock key (hashtext(name) in the job namespace). */
  name: string;
  /** How often the job runs, on the injected clock. */
  everyMs: number;
  run(): Promise<unknown>;
  /** Whether a result is worth an info line (else debug). */
  noteworthy?(result: unknown): boolean;
}

export type JobOutcome =
  | { status: 'ran'; result: unknown; ms: number }
  | { status: 'locked' }
  | { status: 'busy' }
  | { status: 'not_due' }
  | { status: 'stopped' }
  | { status: 'failed'; error: string };

/** First key of the two-key advisory locks taken by jobs (the audit chain uses a one-key lock: another key space). */
export const JOB_LOCK_NAMESPACE = 7262020;

type LockDatabase = Pick<DatabaseHandle, 'db' | 'kind'>;

/**
 * Runs fn while holding the job's advisory lock; { acquired: false } when another session holds it.
 * PostgreSQL: the lock is held by one pooled connection for the job's duration (the job's own
 * queries use the pool). PGlite has a single connection, which the job needs for its queries, so
 * the lock is taken and released on it between them (one process per data directory anyway).
 */
export async function withJobLock<T>(database: LockDatabase, name: string, fn: () => Promise<T>): Promise<{ acquired: true; value: T } | { acquired: false }> {
  const tryLock = sql<{ locked: boolean }>`SELECT pg_try_advisory_lock(${JOB_LOCK_NAMESPACE}, hashtext(${name})) AS locked`;
  const unlock = sql<{ unlocked: boolean }>`SELECT pg_advisory_unlock(${JOB_LOCK_NAMESPACE}, hashtext(${name})) AS unlocked`;
  if (database.kind === 'pglite') {
    const { rows } = await tryLock.execute(database.db);
    if (!rows[0]?.locked) return { acquired: false };
    try {
      return { acquired: true, value: await fn() };
    } finally {
      await unlock.execute(database.db);
    }
  }
  return database.db.connection().execute(async (conn) => {
    const { rows } = await tryLock.execute(conn);
    if (!rows[0]?.locked) return { acquired: false as const };
    try {
      return { acquired: true as const, value: await fn() };
    } finally {
      // If the connection broke, the session (and with it the lock) is gone anyway.
      await unlock.execute(conn).catch(() => undefined);
    }
  });
}

export interface JobRunnerOptions {
  database: LockDatabase;
  clock: Clock;
  log: JobLogger;
  jobs: ReadonlyArray<JobDefinition>;
  /** Real-time interval of the due check. Default 5 s. */
  tickMs?: number;
}

export class JobRunner {
  readonly #opts: JobRunnerOptions;
  readonly #jobs = new Map<string, JobDefinition>();
  readonly #lastRun = new Map<string, number>();
  readonly #running = new Map<string, Promise<JobOutcome>>();
  #timer: NodeJS.Timeout | null = null;
  #stopped = false;

  constructor(opts: JobRunnerOptions) {
    this.#opts = opts;
    for (const j of opts.jobs) {
      if (this.#jobs.has(j.name)) throw new Error(`duplicate job ${j.name}`);
      if (!(j.everyMs > 0)) throw new Error(`job ${j.name}: everyMs must be positive`);
      this.#jobs.set(j.name, j);
    }
  }

  get jobNames(): string[] {
    return [...this.#jobs.keys()];
  }

  /** Starts the periodic due check (and runs a first check right away). */
  start(): void {
    if (this.#timer || this.#stopped) return;
    this.#timer = setInterval(() => void this.tick(), this.#opts.tickMs ?? 5_000);
    this.#timer.unref();
    void this.tick();
  }

  /** Runs every job that is due on the clock (each at most once at a time). */
  async tick(): Promise<Record<string, JobOutcome>> {
    const now = this.#opts.clock.now().getTime();
    const entries = await Promise.all(
      [...this.#jobs.values()].map(async (j): Promise<[string, JobOutcome]> => {
        const last = this.#lastRun.get(j.name);
        if (last !== undefined && now - last < j.everyMs) return [j.name, { status: 'not_due' }];
        return [j.name, await this.runNow(j.name)];
      }),
    );
    return Object.fromEntries(entries);
  }

  /** Runs one job now (unless it is running already, or another instance holds its lock). */
  runNow(name: string): Promise<JobOutcome> {
    const job = this.#jobs.get(name);
    if (!job) throw new Error(`unknown job ${name}`);
    if (this.#stopped) return Promise.resolve({ status: 'stopped' });
    if (this.#running.has(name)) return Promise.resolve({ status: 'busy' });
    this.#lastRun.set(name, this.#opts.clock.now().getTime());
    const p = this.#execute(job).finally(() => this.#running.delete(name));
    this.#running.set(name, p);
    return p;
  }

  async #execute(job: JobDefinition): Promise<JobOutcome> {
    const log = this.#opts.log;
    const started = performance.now();
    try {
      const r = await withJobLock(this.#opts.database, job.name, () => job.run());
      if (!r.acquired) {
        log.debug({ job: job.name }, 'job skipped: another instance runs it');
        return { status: 'locked' };
      }
      const ms = Math.round(performance.now() - started);
      if (job.noteworthy?.(r.value)) log.info({ job: job.name, ms, result: r.value }, 'job ran');
      else log.debug({ job: job.name, ms, result: r.value }, 'job ran');
      return { status: 'ran', result: r.value, ms };
    } catch (err) {
      log.error({ job: job.name, err }, 'job failed');
      return { status: 'failed', error: err instanceof Error ? err.message : String(err) };
    }
  }

  /** Stops scheduling and waits for the jobs that are running. */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    await Promise.allSettled([...this.#running.values()]);
  }
}
