import type { FastifyRequest } from 'fastify';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Clock } from '../clock.ts';

export interface AuditEntry {
  action: string;
  resourceType: string;
  resourceId?: string | null;
  subjectOrganisationId?: string | null;
  purpose?: string | null;
  outcome: 'success' | 'denied' | 'failure';
  details?: Record<string, unknown>;
  /**
   * The page view this read belongs to (the web's X-Page-View header). A successful read of
   * one resource by one user for one purpose in one page view is one audit row: the first
   * request appends it, every later request of that read is recorded as a fragment of it
   * (audit_read_fragments, ADR 0009). Only for reads; writes and denials are always rows.
   */
  pageView?: string | null;
}

/** A page-view id as the web sends it (X-Page-View): a UUID or a similar opaque token. */
export const PAGE_VIEW_PATTERN = /^[A-Za-z0-9._-]{8,64}$/;

type Actor = { userId: string | null; organisationId?: string | null; role?: string | null };

function auditValues(clock: Clock, req: Pick<FastifyRequest, 'id' | 'auth'> | null, entry: AuditEntry, actorOverride?: Actor) {
  const active = req?.auth?.activeMembership ?? null;
  return {
    occurred_at: clock.now(),
    actor_user_id: actorOverride ? actorOverride.userId : (req?.auth?.userId ?? null),
    actor_organisation_id: actorOverride ? (actorOverride.organisationId ?? null) : (active?.organisationId ?? null),
    actor_role: actorOverride ? (actorOverride.role ?? null) : (active?.role ?? null),
    action: entry.action,
    resource_type: entry.resourceType,
    resource_id: entry.resourceId ?? null,
    subject_organisation_id: entry.subjectOrganisationId ?? null,
    purpose: entry.purpose ?? null,
    outcome: entry.outcome,
    request_id: req?.id ?? null,
    details: JSON.stringify(entry.pageView ? { ...(entry.details ?? {}), pageView: entry.pageView } : (entry.details ?? {})),
  };
}

type AuditValues = ReturnType<typeof auditValues>;

/** Whether an entry is a fragment of a page view's read (merged), or a row of its own. */
function mergeable(entry: AuditEntry, v: AuditValues): boolean {
  return !!entry.pageView && PAGE_VIEW_PATTERN.test(entry.pageView) && entry.outcome === 'success' && v.actor_user_id !== null && v.resource_id !== null;
}

/** The read a fragment belongs to: one user, one resource, one purpose, one page view. */
const readKey = (v: AuditValues, pageView: string) => JSON.stringify([v.actor_user_id, v.resource_type, v.resource_id, v.purpose ?? '-', pageView]);

/**
 * Appends the reads of page views: per read (user, resource, purpose, page view) the first
 * fragment becomes the audit row (chained later by the sealer), unless an earlier request of the same page view
 * already wrote it (the unique key audit_log_page_view_read_key); every other fragment is
 * appended to audit_read_fragments against that row. Call inside one transaction.
 */
async function appendPageViewReads(trx: Kysely<Database>, items: ReadonlyArray<{ entry: AuditEntry; values: AuditValues }>): Promise<void> {
  const groups = new Map<string, Array<{ entry: AuditEntry; values: AuditValues }>>();
  for (const it of items) {
    const k = readKey(it.values, it.entry.pageView!);
    const g = groups.get(k);
    if (g) g.push(it);
    else groups.set(k, [it]);
  }
  for (const group of groups.values()) {
    const first = group[0]!;
    const inserted = await trx.insertInto('audit_log').values(first.values).onConflict((oc) => oc.doNothing()).returning('seq').executeTakeFirst();
    let seq: string;
    let rest = group.slice(1);
    if (inserted) {
      seq = inserted.seq;
    } else {
      const v = first.values;
      const { rows } = await sql<{ seq: string }>`
        SELECT seq::text AS seq FROM audit_log
        WHERE details ? 'pageView' AND actor_user_id = ${v.actor_user_id} AND resource_type = ${v.resource_type} AND resource_id = ${v.resource_id}
          AND coalesce(purpose, '-') = ${v.purpose ?? '-'} AND details->>'pageView' = ${first.entry.pageView!}`.execute(trx);
      if (!rows[0]) throw new Error('audit: the read of this page view was neither appended nor found');
      seq = rows[0].seq;
      rest = group;
    }
    for (const f of rest) {
      const d = f.entry.details ?? {};
      const route = typeof d.route === 'string' ? d.route : f.entry.action;
      await sql`INSERT INTO audit_read_fragments (seq, occurred_at, action, route, request_id, details)
        VALUES (${seq}, ${f.values.occurred_at}, ${f.entry.action}, ${route}, ${f.values.request_id}, ${JSON.stringify(d)}::jsonb)`.execute(trx);
    }
  }
}

/**
 * Appends one row to the audit trail. Pass the transaction of the write it
 * belongs to, so the write and its audit row commit or roll back together.
 * The INSERT takes only a seq from the sequence (no lock, no read of another row); the
 * sealer chains the row once it is committed (src/platform/audit/sealer.ts, ADR 0014).
 * The database refuses changes.
 */
export async function writeAudit(
  db: Kysely<Database>,
  clock: Clock,
  req: Pick<FastifyRequest, 'id' | 'auth'> | null,
  entry: AuditEntry,
  actorOverride?: Actor,
): Promise<void> {
  await db.insertInto('audit_log').values(auditValues(clock, req, entry, actorOverride)).execute();
}

/**
 * Audit rows of reads (and denials) that belong to no write transaction are grouped:
 * entries arriving within a few milliseconds are appended in one multi-row INSERT, so
 * concurrent reads share one commit (one WAL flush) instead of one each. Since the chain lock
 * is gone (ADR 0014) nothing queues behind a lock any more; the batcher stays because a commit
 * still costs a flush: bench/audit.ts measures both ways (batched vs one INSERT per row).
 * Each caller still waits until its row is committed before it answers.
 */
export class AuditBatcher {
  #queue: Array<{ entry: AuditEntry; values: AuditValues; resolve: () => void; reject: (e: unknown) => void }> = [];
  #timer: NodeJS.Timeout | null = null;
  #inflight: Promise<void> = Promise.resolve();

  private readonly db: Kysely<Database>;
  private readonly clock: Clock;
  private readonly maxDelayMs: number;
  private readonly maxBatch: number;
  constructor(db: Kysely<Database>, clock: Clock, maxDelayMs = 2, maxBatch = 250) {
    this.db = db;
    this.clock = clock;
    this.maxDelayMs = maxDelayMs;
    this.maxBatch = maxBatch;
  }

  write(req: Pick<FastifyRequest, 'id' | 'auth'> | null, entry: AuditEntry, actorOverride?: Actor): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ entry, values: auditValues(this.clock, req, entry, actorOverride), resolve, reject });
      if (this.#queue.length >= this.maxBatch) this.#flushSoon(0);
      else this.#flushSoon(this.maxDelayMs);
    });
  }

  #flushSoon(delay: number) {
    if (this.#timer && delay > 0) return;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#inflight = this.#inflight.then(() => this.flush());
    }, delay);
  }

  async flush(): Promise<void> {
    const batch = this.#queue.splice(0, this.#queue.length);
    if (!batch.length) return;
    try {
      const rows = batch.filter((b) => !mergeable(b.entry, b.values));
      const reads = batch.filter((b) => mergeable(b.entry, b.values));
      if (!reads.length) {
        await this.db.insertInto('audit_log').values(rows.map((b) => b.values)).execute();
      } else {
        await this.db.transaction().execute(async (trx) => {
          if (rows.length) await trx.insertInto('audit_log').values(rows.map((b) => b.values)).execute();
          await appendPageViewReads(trx, reads);
        });
      }
      for (const b of batch) b.resolve();
    } catch (err) {
      for (const b of batch) b.reject(err);
    }
  }

  /** Writes what is queued (graceful shutdown). */
  async close() {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    await this.#inflight;
    await this.flush();
  }
}
