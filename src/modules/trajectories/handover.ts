import type { HandoverHook } from '../users/index.ts';

/**
 * When a worker leaves, the successor takes over the cases: team places (as personal
 * supervisor where the leaver was one), the corporation contact role, and assigned deadlines.
 * The trajectories module's `handover` listener.
 */
export const handOverCases: HandoverHook = async (trx, { fromUserId, toUserId, at }) => {
  const places = await trx.selectFrom('trajectory_team').select(['id', 'trajectory_id', 'case_role', 'organisation_id']).where('user_id', '=', fromUserId).where('removed_at', 'is', null).execute();
  let moved = 0;
  for (const p of places) {
    await trx.updateTable('trajectory_team').set({ removed_at: at }).where('id', '=', p.id).execute();
    const existing = await trx.selectFrom('trajectory_team').select(['id', 'case_role']).where('trajectory_id', '=', p.trajectory_id).where('user_id', '=', toUserId).where('removed_at', 'is', null).executeTakeFirst();
    if (existing) {
      if (p.case_role === 'personal_supervisor' || p.case_role === 'corporation_contact') await trx.updateTable('trajectory_team').set({ case_role: p.case_role }).where('id', '=', existing.id).execute();
    } else {
      await trx.insertInto('trajectory_team').values({ trajectory_id: p.trajectory_id, user_id: toUserId, organisation_id: p.organisation_id, case_role: p.case_role, added_by: null, added_at: at }).execute();
    }
    moved++;
  }
  const contacts = await trx.updateTable('trajectories').set({ corporation_contact_id: toUserId }).where('corporation_contact_id', '=', fromUserId).executeTakeFirst();
  // Open deadlines of every kind of case; ended ones (met, missed, cancelled, waived) keep who had them.
  const deadlines = await trx.updateTable('deadlines').set({ assignee_user_id: toUserId }).where('assignee_user_id', '=', fromUserId).where('met_on', 'is', null).where('closed_as', 'is', null).executeTakeFirst();
  return { trajectoryTeams: moved, corporationContact: Number(contacts.numUpdatedRows ?? 0), openDeadlines: Number(deadlines.numUpdatedRows ?? 0) };
};
