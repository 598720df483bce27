import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { Clock } from '../../platform/clock.ts';

export interface AuditEntry {
  action: string;
  resourceType: string;
  resourceId?: string | null;
  subjectOrganisationId?: string | null;
  purpose?: string | null;
  outcome: 'success' | 'denied' | 'failure';
  details?: Record<string, unknown>;
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
  actorOverride?: { userId: string | null; organisationId?: string | null; role?: string | null },
): Promise<void> {
  const active = req?.auth?.activeMembership ?? null;
  await db
    .insertInto('audit_log')
    .values({
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
    })
    .execute();
}
