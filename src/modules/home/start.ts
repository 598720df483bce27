/**
 * The organisation to start in after login: the membership with the most open work in its queues;
 * on a tie the one used last (the user's previous session), else the first (by name).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Subject } from '../../domain/policy/index.ts';
import { openWork, startMembership } from '../../domain/home/queue.ts';
import { queuesFor } from './service.ts';

export interface StartMembership {
  id: string;
  organisationId: string;
  organisationType: string;
  role: string;
}

export interface Scopes {
  subtree(id: string): Promise<string[]>;
  municipalitiesOf(id: string): Promise<string[]>;
}

export async function chooseStartMembership<M extends StartMembership>(
  db: Kysely<Database>, clock: Clock, scopes: Scopes, userId: string, memberships: ReadonlyArray<M>, lastUsedId: string | null,
): Promise<M | null> {
  if (memberships.length < 2) return memberships[0] ?? null;
  const work = new Map<string, number>();
  for (const m of memberships) {
    const s: Subject = {
      userId, role: m.role as Subject['role'], organisationId: m.organisationId, organisationType: m.organisationType as Subject['organisationType'],
      scope: await scopes.subtree(m.organisationId), municipalityIds: await scopes.municipalitiesOf(m.organisationId),
    };
    work.set(m.id, openWork(await queuesFor(db, clock, s)));
  }
  return startMembership(memberships, work, lastUsedId);
}
