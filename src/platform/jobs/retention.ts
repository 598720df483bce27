/**
 * Retention of operational rows the platform keeps only for a while (issue 12), as jobs on the
 * job runner (startJobs adds them after the modules' jobs):
 * - outbox-retention: sent e-mails (outbox_emails.sent_at set) older than OUTBOX_RETENTION_DAYS
 *   (default 30); pending and given-up e-mails stay;
 * - idempotency-retention: Idempotency-Keys (and their stored responses) older than
 *   IDEMPOTENCY_KEY_TTL_HOURS (default 24): a retry after that runs as a new request.
 * Both delete in batches of RETENTION_BATCH_SIZE rows (default 1000), one short statement each,
 * so a backlog never holds a long lock; the age is measured on the injected clock. Neither table
 * is append-only (the audit log is, and is never touched here).
 */
import { sql, type Kysely } from 'kysely';
import type { Clock } from '../clock.ts';
import type { RetentionConfig } from '../config/config.ts';
import type { DatabaseHandle } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import type { JobDefinition } from './runner.ts';

export const DEFAULT_RETENTION: RetentionConfig = { outboxSentDays: 30, idempotencyKeyHours: 24, batchSize: 1000 };

/** How often the retention jobs run (on the injected clock). */
export const RETENTION_EVERY_MS = 60 * 60_000;

const DAY_MS = 24 * 60 * 60_000;
const HOUR_MS = 60 * 60_000;

export interface RetentionResult {
  deleted: number;
  batches: number;
  /** Rows older than this were deleted. */
  before: string;
}

/** Runs `deleteBatch(limit)` until a batch deletes fewer than `batchSize` rows (or `maxBatches` ran). */
async function inBatches(batchSize: number, deleteBatch: (limit: number) => Promise<number>, maxBatches = 10_000): Promise<{ deleted: number; batches: number }> {
  let deleted = 0;
  let batches = 0;
  while (batches < maxBatches) {
    const n = await deleteBatch(batchSize);
    batches++;
    deleted += n;
    if (n < batchSize) break;
  }
  return { deleted, batches };
}

/** Deletes sent outbox e-mails sent before now − days, oldest first, in batches. */
export async function purgeSentOutbox(db: Kysely<Database>, clock: Clock, settings: Pick<RetentionConfig, 'outboxSentDays' | 'batchSize'>): Promise<RetentionResult> {
  const before = new Date(clock.now().getTime() - settings.outboxSentDays * DAY_MS);
  const r = await inBatches(settings.batchSize, async (limit) => {
    const rows = await db
      .deleteFrom('outbox_emails')
      .where('id', 'in', (eb) => eb.selectFrom('outbox_emails').select('id').where('sent_at', 'is not', null).where('sent_at', '<', before).orderBy('sent_at').limit(limit))
      .returning('id')
      .execute();
    return rows.length;
  });
  return { ...r, before: before.toISOString() };
}

/** Deletes Idempotency-Keys created before now − hours, oldest first, in batches. */
export async function purgeExpiredIdempotencyKeys(db: Kysely<Database>, clock: Clock, settings: Pick<RetentionConfig, 'idempotencyKeyHours' | 'batchSize'>): Promise<RetentionResult> {
  const before = new Date(clock.now().getTime() - settings.idempotencyKeyHours * HOUR_MS);
  const r = await inBatches(settings.batchSize, async (limit) => {
    const { rows } = await sql<{ key: string }>`
      DELETE FROM idempotency_keys WHERE (user_id, key) IN (
        SELECT user_id, key FROM idempotency_keys WHERE created_at < ${before} ORDER BY created_at LIMIT ${limit}
      ) RETURNING key`.execute(db);
    return rows.length;
  });
  return { ...r, before: before.toISOString() };
}

/** The retention jobs (hourly). */
export function retentionJobs(ctx: { database: Pick<DatabaseHandle, 'db'>; clock: Clock }, settings: RetentionConfig = DEFAULT_RETENTION): JobDefinition[] {
  const { database, clock } = ctx;
  const noteworthy = (r: unknown) => (r as RetentionResult).deleted > 0;
  return [
    { name: 'outbox-retention', everyMs: RETENTION_EVERY_MS, run: () => purgeSentOutbox(database.db, clock, settings), noteworthy },
    { name: 'idempotency-retention', everyMs: RETENTION_EVERY_MS, run: () => purgeExpiredIdempotencyKeys(database.db, clock, settings), noteworthy },
  ];
}
