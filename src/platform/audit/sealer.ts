/**
 * The audit sealer (ADR 0014). Audit rows are appended without a lock (a seq from the sequence,
 * nothing else); the sealer chains the committed rows afterwards, in seq order, into the
 * append-only table audit_seal (chain_no, seq, prev_hash, hash). It runs as the job
 * "audit-sealer" every AUDIT_SEAL_INTERVAL_MS (default 250 ms), so a row is chained within a
 * second; on start it catches up in batches.
 *
 * The work is one SQL function per batch (audit_seal_batch, migration 0019): it selects up to
 * `batchSize` unsealed rows set-based, links their hashes and inserts the seals in one statement,
 * all in one transaction. Two sealers never chain a row twice: the function takes a try-lock
 * (pg_try_advisory_xact_lock: a second sealer returns at once), and audit_seal's primary key (chain_no)
 * and unique seq refuse a second seal or a fork whatever happens.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

export interface SealOptions {
  /** Rows per batch (one statement, one transaction). Default 5,000. */
  batchSize?: number;
  /** At most this many batches in one call (the job's catch-up step). Default: until caught up. */
  maxBatches?: number;
  /**
   * Look for unsealed rows in the whole log, not only above the watermark (one full index scan):
   * the repair path if a row was ever left below it. `npm run audit:verify -- --seal` does this.
   */
  rescan?: boolean;
}

export interface SealResult {
  /** Rows chained in this call. */
  sealed: number;
  batches: number;
  /** Another sealer held the lock (this call chained nothing further). */
  busy: boolean;
}

/**
 * Chains every committed, unsealed audit row (or `maxBatches` batches of them). Safe to call
 * from any number of processes at once. Call it before reading a fully chained log (tests,
 * `npm run audit:verify -- --seal`).
 */
export async function sealAudit(db: Kysely<Database>, options: SealOptions = {}): Promise<SealResult> {
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? 5_000));
  const maxBatches = options.maxBatches ?? Number.POSITIVE_INFINITY;
  let sealed = 0;
  let batches = 0;
  while (batches < maxBatches) {
    const { rows } = options.rescan
      ? await sql<{ n: number }>`SELECT audit_seal_batch(${batchSize}::int, 0::bigint) AS n`.execute(db)
      : await sql<{ n: number }>`SELECT audit_seal_batch(${batchSize}::int) AS n`.execute(db);
    const n = Number(rows[0]?.n ?? 0);
    if (n < 0) return { sealed, batches, busy: true };
    batches++;
    sealed += n;
    if (n < batchSize) break;
  }
  return { sealed, batches, busy: false };
}

/** The head of the seal chain: the newest link, as anchored in the logs. */
export async function auditHead(db: Kysely<Database>): Promise<{ chainNo: string; seq: string; hash: string } | null> {
  const { rows } = await sql<{ chain_no: string; seq: string; hash: string }>`
    SELECT chain_no::text AS chain_no, seq::text AS seq, hash FROM audit_seal ORDER BY chain_no DESC LIMIT 1`.execute(db);
  const r = rows[0];
  return r ? { chainNo: r.chain_no, seq: r.seq, hash: r.hash } : null;
}

export interface SealerSettings {
  /** How often the sealer job runs. AUDIT_SEAL_INTERVAL_MS, 50–5,000; default 250. */
  intervalMs: number;
  /** Rows per batch. AUDIT_SEAL_BATCH, 100–50,000; default 5,000. */
  batchSize: number;
  /** Batches per job run (the rest follows in the next run). Default 20. */
  maxBatches: number;
}

/** The sealer's settings from the environment (like mailSettingsFromEnv: read once at start). */
export function sealerSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): SealerSettings {
  const num = (name: string, def: number, min: number, max: number) => {
    const raw = env[name]?.trim();
    if (!raw) return def;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be an integer from ${min} to ${max}, not "${raw}"`);
    return n;
  };
  return {
    intervalMs: num('AUDIT_SEAL_INTERVAL_MS', 250, 50, 5_000),
    batchSize: num('AUDIT_SEAL_BATCH', 5_000, 100, 50_000),
    maxBatches: num('AUDIT_SEAL_MAX_BATCHES', 20, 1, 1_000),
  };
}
