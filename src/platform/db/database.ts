import fs from 'node:fs';
import { Kysely, PostgresDialect, type Dialect, type Driver, type DatabaseConnection, type TransactionSettings } from 'kysely';
import pg from 'pg';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { KyselyPGlite } from 'kysely-pglite';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;

export interface DatabaseHandle {
  db: Db;
  kind: 'postgres' | 'pglite';
  /** Runs a multi-statement SQL script atomically (BEGIN … COMMIT, rolled back on error). */
  execScript(script: string): Promise<void>;
  /**
   * Runs fn on one dedicated connection while that connection holds the session-level
   * advisory lock `key` (pg_advisory_lock), released afterwards: a critical section across
   * processes (several app instances starting on one PostgreSQL). On PGlite, one
   * connection in one process, calls are queued instead.
   */
  withAdvisoryLock<T>(key: number, fn: (conn: LockedConnection) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** The connection that holds the lock in withAdvisoryLock. */
export interface LockedConnection {
  /** One statement (no parameters) outside a transaction; its rows. */
  query<R = Record<string, unknown>>(text: string): Promise<R[]>;
  /** A multi-statement script, atomically (BEGIN … COMMIT, rolled back on error). */
  execScript(script: string): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… for a PostgreSQL server; null for embedded PGlite. */
  databaseUrl: string | null;
  /** PGlite data directory; 'memory://' for an in-memory database. */
  dataDir: string;
  poolSize?: number;
  /** Called when an idle pooled connection fails (it is discarded either way). */
  onIdleError?: (err: Error) => void;
}

// `date` columns are plain calendar dates: keep them as 'YYYY-MM-DD' strings,
// never as JS Dates shifted by the process time zone.
const DATE_OID = 1082;
pg.types.setTypeParser(DATE_OID, (v: string) => v);
// bigint (int8) stays a string (audit seq); counts are cast in SQL where needed.

/**
 * PGlite is a single connection. Kysely acquires a connection per query and
 * holds it for a whole transaction, so serialise acquisitions: without this,
 * statements of concurrent requests would interleave inside a transaction.
 */
class SerialisedDriver implements Driver {
  #queue: Promise<void> = Promise.resolve();
  #release = new Map<DatabaseConnection, () => void>();
  private readonly inner: Driver;
  constructor(inner: Driver) { this.inner = inner; }
  init() { return this.inner.init(); }
  async acquireConnection(): Promise<DatabaseConnection> {
    let release!: () => void;
    const turn = new Promise<void>((r) => (release = r));
    const previous = this.#queue;
    this.#queue = previous.then(() => turn);
    await previous;
    const conn = await this.inner.acquireConnection();
    this.#release.set(conn, release);
    return conn;
  }
  beginTransaction(c: DatabaseConnection, s: TransactionSettings) { return this.inner.beginTransaction(c, s); }
  commitTransaction(c: DatabaseConnection) { return this.inner.commitTransaction(c); }
  rollbackTransaction(c: DatabaseConnection) { return this.inner.rollbackTransaction(c); }
  async releaseConnection(c: DatabaseConnection) {
    await this.inner.releaseConnection(c);
    const release = this.#release.get(c);
    this.#release.delete(c);
    release?.();
  }
  destroy() { return this.inner.destroy(); }
}

function serialised(dialect: Dialect): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createDriver: () => new SerialisedDriver(dialect.createDriver()),
    createIntrospector: (db) => dialect.createIntrospector(db),
    createQueryCompiler: () => dialect.createQueryCompiler(),
  };
}

export async function openDatabase(opts: DatabaseOptions): Promise<DatabaseHandle> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 20 });
    // An idle pooled connection that the server terminates (restart, failover, pg_terminate_backend)
    // emits 'error' on the pool; without a listener that would crash the process. The pool drops the
    // client and the next query opens a fresh one.
    pool.on('error', (err) => {
      if (opts.onIdleError) opts.onIdleError(err);
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const scriptOn = async (client: pg.PoolClient, script: string) => {
      try {
        await client.query('BEGIN');
        await client.query(script);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw err;
      }
    };
    const execScript = async (script: string) => {
      const client = await pool.connect();
      try {
        await scriptOn(client, script);
      } finally {
        client.release();
      }
    };
    const withAdvisoryLock = async <T>(key: number, fn: (conn: LockedConnection) => Promise<T>): Promise<T> => {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('SELECT pg_advisory_lock($1)', [key]);
        try {
          return await fn({
            query: async <R>(text: string) => (await client.query(text)).rows as R[],
            execScript: (script) => scriptOn(client, script),
          });
        } finally {
          // A connection that cannot unlock is destroyed, which ends its session and the lock.
          await client.query('SELECT pg_advisory_unlock($1)', [key]).catch((err: Error) => (broken = err));
        }
      } finally {
        client.release(broken);
      }
    };
    return { db, kind: 'postgres', execScript, withAdvisoryLock, close: () => db.destroy() };
  }
  if (!opts.dataDir.startsWith('memory://')) fs.mkdirSync(opts.dataDir, { recursive: true });
  const client = await PGlite.create(opts.dataDir, {
    parsers: { [pgliteTypes.DATE]: (v: string) => v },
  });
  const { dialect } = new KyselyPGlite(client);
  const db = new Kysely<Database>({ dialect: serialised(dialect) });
  const execScript = async (script: string) => {
    await client.transaction(async (tx) => {
      await tx.exec(script);
    });
  };
  // One connection: a session-level lock would be re-entered by every caller, so queue them.
  let lockQueue: Promise<unknown> = Promise.resolve();
  const withAdvisoryLock = <T>(_key: number, fn: (conn: LockedConnection) => Promise<T>): Promise<T> => {
    const run = lockQueue.then(() =>
      fn({ query: async <R>(text: string) => (await client.query(text)).rows as R[], execScript }),
    );
    lockQueue = run.catch(() => undefined);
    return run;
  };
  return { db, kind: 'pglite', execScript, withAdvisoryLock, close: () => db.destroy() };
}
