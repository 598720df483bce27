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
  const remove = async () => {
    await trx.deleteFrom('placements').where('trajectory_id', '=', t.id).execute();
    await removeMovePlacements(trx, t.id, []);
  };

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
  await syncMovePlacements(trx, t, { municipalityId, targetGroup: group.code, persons: values.persons }, at);
}

/** The placement of a swap or move recorded on the trajectory (`swap_or_move`, event seq n): `traject-<id>-mv<n>`. */
export const movePlacementId = (trajectoryId: string, seq: number) => `${TRAJECTORY_PLACEMENT_PREFIX}${trajectoryId}-mv${seq}`;

async function removeMovePlacements(trx: Trx, trajectoryId: string, keep: string[]): Promise<void> {
  let q = trx.deleteFrom('placements').where('placement_id', 'like', `${TRAJECTORY_PLACEMENT_PREFIX}${trajectoryId}-mv%`).where('source', '=', 'trajectory');
  if (keep.length) q = q.where('placement_id', 'not in', keep);
  await q.execute();
}

/**
 * R-MO-29, R-MO-30, R-MO-41: every swap or move of the trajectory is one more housed household in
 * a new dwelling, counted apart — move_reason 'swap' (woningruil) or 'perspective_reassessment'
 * (verhuizing door herijking perspectief), delivered on the date of the move — never in the regular
 * counts; the trajectory's own placement stays 'regular'. A voided swap_or_move takes its placement
 * away. (The placement's trajectory_id stays on the trajectory's own placement, which is unique.)
 */
async function syncMovePlacements(trx: Trx, t: LoadedTrajectory, base: { municipalityId: string; targetGroup: string; persons: number }, at: Date): Promise<void> {
  const moves = t.events.filter((e) => e.type === 'swap_or_move' && !t.state.inactiveEventIds.includes(e.id));
  const ids = moves.map((e) => movePlacementId(t.id, e.seq));
  await removeMovePlacements(trx, t.id, ids);
  if (!t.corporationId) return;
  for (const e of moves) {
    const values = {
      municipality_id: base.municipalityId, corporation_id: t.corporationId, target_group: base.targetGroup,
      move_reason: (e.data.kind === 'swap' ? 'swap' : 'perspective_reassessment') as 'swap' | 'perspective_reassessment',
      active_mediation_date: null, lease_signed_date: e.occurredOn, persons: base.persons, allocated_on: null, updated_at: at,
    };
    await trx
      .insertInto('placements')
      .values({ ...values, placement_id: movePlacementId(t.id, e.seq), trajectory_id: null, source: 'trajectory', created_at: at })
      .onConflict((oc) => oc.column('placement_id').doUpdateSet({ ...values, version: sql`placements.version + 1` }))
      .execute();
  }
}

/** The monitor module's `caseEvent` listener. */
export const syncPlacementOnCaseEvent: TrajectoryEventHook = (trx, { trajectory, at }) => syncTrajectoryPlacement(trx, trajectory, at);
