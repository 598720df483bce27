/**
 * The e-mail outbox: mails are written as rows (in the transaction of whatever caused them,
 * deduplicated by key) and a worker sends them. Failed sends are retried with exponential
 * backoff and given up after a number of attempts; the last error stays on the row.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { Clock } from '../../platform/clock.ts';
import type { MailTransport } from '../../platform/mail.ts';

type Db = Kysely<Database>;

export interface NewEmail {
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  /** Unique: a second row with the same key is not written (e.g. digest:<userId>:<date>). */
  dedupeKey?: string | null;
}

/** Writes one mail to the outbox; false when a row with the dedupe key exists already. */
export async function enqueueEmail(db: Db, clock: Clock, mail: NewEmail): Promise<boolean> {
  const now = clock.now();
  const row = await db
    .insertInto('outbox_emails')
    .values({ to_address: mail.to, subject: mail.subject, body_text: mail.text, body_html: mail.html ?? null, dedupe_key: mail.dedupeKey ?? null, created_at: now, next_attempt_at: now })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export const OUTBOX_MAX_ATTEMPTS = 8;
export const OUTBOX_BASE_BACKOFF_MS = 60_000;
const OUTBOX_MAX_BACKOFF_MS = 6 * 3600_000;
/** A claimed row is invisible to other drainers for this long (a crash mid-send retries after it). */
const CLAIM_LEASE_MS = 10 * 60_000;

/** Wait before the next attempt after `attempts` failed ones: 1, 2, 4, 8 … minutes (capped at 6 hours). */
export function outboxBackoffMs(attempts: number, baseMs = OUTBOX_BASE_BACKOFF_MS): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempts - 1), OUTBOX_MAX_BACKOFF_MS);
}

export interface DrainLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

export interface DrainOptions {
  from: string;
  log?: DrainLogger;
  batchSize?: number;
  maxAttempts?: number;
  baseBackoffMs?: number;
}

export interface DrainResult {
  sent: number;
  failed: number;
  gaveUp: number;
  /** No transport: nothing was attempted. */
  skipped: boolean;
}

let warnedNoTransport = false;

/**
 * Sends the pending mails that are due. Rows are claimed first (FOR UPDATE SKIP LOCKED plus a
 * lease), so two drainers never send the same row even without the job lock.
 */
export async function drainOutbox(db: Db, clock: Clock, transport: MailTransport | null, opts: DrainOptions): Promise<DrainResult> {
  const result: DrainResult = { sent: 0, failed: 0, gaveUp: 0, skipped: false };
  const maxAttempts = opts.maxAttempts ?? OUTBOX_MAX_ATTEMPTS;
  if (!transport) {
    if (!warnedNoTransport) {
      warnedNoTransport = true;
      opts.log?.info({}, 'SMTP_URL is not set: e-mails stay in the outbox until it is');
    }
    return { ...result, skipped: true };
  }
  const now = clock.now();
  const claimed = await db
    .updateTable('outbox_emails')
    .set({ next_attempt_at: new Date(now.getTime() + CLAIM_LEASE_MS) })
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('outbox_emails')
        .select('id')
        .where('sent_at', 'is', null)
        .where('attempts', '<', maxAttempts)
        .where('next_attempt_at', '<=', now)
        .orderBy('next_attempt_at')
        .orderBy('created_at')
        .limit(opts.batchSize ?? 50)
        .forUpdate()
        .skipLocked(),
    )
    .returning(['id', 'to_address', 'subject', 'body_text', 'body_html', 'attempts'])
    .execute();

  for (const row of claimed) {
    try {
      await transport.sendMail({
        from: opts.from,
        to: row.to_address,
        subject: row.subject,
        text: row.body_text,
        ...(row.body_html ? { html: row.body_html } : {}),
        headers: { 'X-Thuisroute-Outbox-Id': row.id, 'Auto-Submitted': 'auto-generated' },
      });
      await db.updateTable('outbox_emails').set({ sent_at: clock.now(), attempts: row.attempts + 1, last_error: null }).where('id', '=', row.id).execute();
      result.sent++;
    } catch (err) {
      const attempts = row.attempts + 1;
      const message = (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ').slice(0, 500);
      const at = clock.now();
      const gaveUp = attempts >= maxAttempts;
      await db
        .updateTable('outbox_emails')
        .set({ attempts, last_error: message, next_attempt_at: gaveUp ? at : new Date(at.getTime() + outboxBackoffMs(attempts, opts.baseBackoffMs)) })
        .where('id', '=', row.id)
        .execute();
      if (gaveUp) {
        result.gaveUp++;
        opts.log?.warn({ outboxId: row.id, attempts, error: message }, 'e-mail given up after the maximum number of attempts');
      } else {
        result.failed++;
        opts.log?.warn({ outboxId: row.id, attempts, error: message }, 'e-mail send failed; will retry');
      }
    }
  }
  return result;
}
