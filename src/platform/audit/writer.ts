import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
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
}

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
    details: JSON.stringify(entry.details ?? {}),
  };
}

/**
 * Appends one row to the audit trail. Pass the transaction of the write it
 * belongs to, so the write and its audit row commit or roll back together.
 * The database chains the row (hash of its predecessor) and refuses changes.
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
 * concurrent reads share one commit (and one hold of the chain's lock) instead of queueing
 * behind each other. Each caller still waits until its row is committed before it answers.
 */
export class AuditBatcher {
  #queue: Array<{ values: ReturnType<typeof auditValues>; resolve: () => void; reject: (e: unknown) => void }> = [];
  #timer: NodeJS.Timeout | null = null;
  #inflight: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly maxDelayMs = 2,
    private readonly maxBatch = 250,
  ) {}

  write(req: Pick<FastifyRequest, 'id' | 'auth'> | null, entry: AuditEntry, actorOverride?: Actor): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ values: auditValues(this.clock, req, entry, actorOverride), resolve, reject });
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
      await this.db.insertInto('audit_log').values(batch.map((b) => b.values)).execute();
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
