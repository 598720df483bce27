/**
 * Every household housed through the Omslagroute becomes a placement automatically
 * (issue 4, part 2): after each trajectory event, in the same transaction, the trajectory's
 * placement is brought in line with its effective state. The placement holds no personal
 * data: municipality, corporation, target group, dates and the number of persons.
 *
 * - start of the measured wait (R-MO-22/R-MO-23): the date of placement in active mediation;
 *   for New Chance the urgency date when no active-mediation date is known;
 * - delivery date: the (first) lease signing (monitor.md §11);
 * - allocated_on (M-22a): the final match;
 * - a trajectory closed before a lease is no longer a waiting household: its placement goes;
 * - municipality: the municipality of the trajectory (domain/trajectories/municipality.ts): the
 *   dwelling's municipality once a dwelling is known, the referring municipality (the one that
 *   grants the urgency) before that. Both are recorded on the trajectory (by the events that carry
 *   them, or filled in where the region has one municipality); while it is unknown no placement is
 *   made, and the trajectory page asks for it.
 */
import { sql, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { dwellingKnown, municipalityOf } from '../../domain/trajectories/index.ts';
import type { LoadedTrajectory, TrajectoryEventHook } from '../trajectories/index.ts';

type Trx = Transaction<Database>;

export const TRAJECTORY_PLACEMENT_PREFIX = 'traject-';

export async function syncTrajectoryPlacement(trx: Trx, t: LoadedTrajectory, at: Date): Promise<void> {
  const s = t.state;
  const placementId = `${TRAJECTORY_PLACEMENT_PREFIX}${t.id}`;
  const start = s.activeMediationOn ?? s.urgencyOn ?? null;
  const lease = s.leaseStartOn ?? null;
  const remove = () => trx.deleteFrom('placements').where('trajectory_id', '=', t.id).execute();

  if ((!start && !lease) || (s.status === 'closed' && !lease)) {
    await remove();
    return;
  }
  const group = t.targetGroup
    ? await trx.selectFrom('target_groups').select('code').where('code', '=', t.targetGroup).executeTakeFirst()
    : undefined;
  const municipalityId = municipalityOf(t, dwellingKnown(s))?.id ?? null;
  // Without a known target group, municipality, or (once let) corporation the household cannot be counted.
  if (!group || !municipalityId || (lease && !t.corporationId)) {
    await remove();
    return;
  }
  const persons = 1 + Number((await trx.selectFrom('household_members').select(sql<number>`count(*)::int`.as('n')).where('client_id', '=', t.clientId).executeTakeFirst())?.n ?? 0);
  const values = {
    municipality_id: municipalityId,
    corporation_id: t.corporationId,
    target_group: group.code,
    active_mediation_date: start && (!lease || start <= lease) ? start : null,
    lease_signed_date: lease,
    persons: Math.min(persons, 30),
    allocated_on: s.matchFinalOn ?? null,
    updated_at: at,
  };
  await trx
    .insertInto('placements')
    .values({ ...values, placement_id: placementId, trajectory_id: t.id, source: 'trajectory', move_reason: 'regular', created_at: at })
    .onConflict((oc) => oc.column('placement_id').doUpdateSet({ ...values, version: sql`placements.version + 1` }))
    .execute();
}

/** The monitor module's `caseEvent` listener. */
export const syncPlacementOnCaseEvent: TrajectoryEventHook = (trx, { trajectory, at }) => syncTrajectoryPlacement(trx, trajectory, at);
