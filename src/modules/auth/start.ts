/**
 * After login the session starts in the organisation where the user's work is: the membership with
 * the most open items in its home queues; on a tie the one used last (the active membership of the
 * user's last switch of organisation, else of its previous session); else the first by name.
 */
import { sql } from 'kysely';
import type { App } from '../../platform/http/app.ts';
import type { AuthState } from '../../platform/http/context.ts';
import { chooseStartMembership } from '../home/index.ts';

export async function startInWorkOrganisation(app: App, auth: AuthState): Promise<AuthState> {
  if (auth.memberships.length < 2) return auth;
  const db = app.deps.database.db;
  // Used last: the organisation of the user's last switch (audited in order), else of its previous session.
  const switched = await db
    .selectFrom('audit_log')
    .select(sql<string | null>`details->>'membershipId'`.as('membership_id'))
    .where('actor_user_id', '=', auth.userId)
    .where('action', '=', 'auth.switch_organisation')
    .where('outcome', '=', 'success')
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const previous = switched?.membership_id ? { active_membership_id: switched.membership_id } : await db
    .selectFrom('sessions')
    .select('active_membership_id')
    .where('user_id', '=', auth.userId)
    .where('id', '<>', auth.sessionId)
    .where('active_membership_id', 'is not', null)
    .orderBy('last_seen_at', 'desc')
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  const start = await chooseStartMembership(db, app.deps.clock, app.scopes, auth.userId, auth.memberships, previous?.active_membership_id ?? null);
  if (!start || start.id === auth.activeMembership?.id) return auth;
  await db.updateTable('sessions').set({ active_membership_id: start.id }).where('id', '=', auth.sessionId).execute();
  return { ...auth, activeMembership: start };
}
