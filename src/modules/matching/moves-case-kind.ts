/**
 * A swap or move on a mismatch as a kind of case on the shared case engine (src/platform/cases):
 * its transition table and rules are src/domain/matching/moves.ts, its caches and deadlines are
 * rewritten by `refreshMove`. `recordMoveEvent` is the only code that inserts into `move_events`.
 *
 * When the move completes, the trajectory's `swap_or_move` event is recorded in the same
 * transaction through the trajectory's one write path (`recordTrajectoryEvent`), so the monitor
 * counts the new dwelling apart (move_reason 'swap' / 'perspective_reassessment').
 */
import { recordCaseEvent, type CaseActor, type CaseAuditSink, type CaseAuthorizer, type CaseKind, type Recorded } from '../../platform/cases/engine.ts';
import { todayIn, type Clock } from '../../platform/clock.ts';
import type { Relation } from '../../domain/policy/index.ts';
import { applyMoveEvent, checkMoveEvent, type MoveEventInput } from '../../domain/matching/moves.ts';
import { recordTrajectoryEvent, type TrajectoryActor } from '../trajectories/index.ts';
import { loadMove, refreshMove, type LoadedMove, type MoveEvent } from './moves-repository.ts';

export interface MoveCaseActor extends CaseActor {
  kinds: Array<'care_provider' | 'corporation' | 'wonen'>;
  relation: Relation | null;
  purpose: string | null;
}

/** Events that carry free text about the client: the audit row names the type, never the text. */
const AUDITED_DATA: ReadonlySet<string> = new Set(['approved', 'newUrgency', 'loanApplied', 'woningnetCode', 'kind', 'reason']);

export const moveCaseKind: CaseKind<LoadedMove, MoveEventInput, MoveCaseActor, MoveEvent> = {
  kind: 'move',
  load: (trx, id, opts) => loadMove(trx, id, opts),
  version: (m) => m.version,
  async check(_trx, m, input, actor, today) {
    return checkMoveEvent(m.state, input, { kinds: actor.kinds, role: actor.role }, today);
  },
  async append(trx, m, input, actor, now) {
    const seq = m.events.length + 1;
    const row = await trx
      .insertInto('move_events')
      .values({
        move_id: m.id, municipality_id: m.municipalityId, seq, type: input.type, occurred_on: input.occurredOn, data: JSON.stringify(input.data),
        recorded_by: actor.userId, recorded_by_organisation_id: actor.organisationId, recorded_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const event: MoveEvent = { ...input, id: row.id, seq, recordedBy: actor.userId, recordedByOrganisationId: actor.organisationId, recordedAt: now.toISOString() };
    return { event, after: { ...m, events: [...m.events, event], state: applyMoveEvent(m.state, input) } };
  },
  refresh: (trx, _before, after, now) => refreshMove(trx, after, now, todayIn({ now: () => now })),
  audit(m, event, input, actor) {
    return {
      action: 'move.record_event', resourceType: 'move', resourceId: m.id, subjectOrganisationId: m.careProviderId, purpose: actor.purpose,
      details: {
        eventId: event.id, type: input.type, occurredOn: input.occurredOn, trajectoryId: m.trajectoryId,
        ...Object.fromEntries(Object.entries(input.data).filter(([k]) => AUDITED_DATA.has(k))),
      },
    };
  },
  hooks: () => [],
};

export interface RecordMoveEventOptions {
  clock: Clock;
  expectedVersion?: number;
  audit?: CaseAuditSink;
}

/**
 * Records one event of a swap or move through the case engine. On completion, the trajectory's
 * `swap_or_move` event follows in the same transaction, recorded as the care provider who completed
 * the move (its audit row goes to the same sink).
 */
export async function recordMoveEvent(
  trx: Parameters<typeof recordCaseEvent>[0],
  moveId: string,
  input: MoveEventInput,
  authorize: CaseAuthorizer<LoadedMove, MoveCaseActor>,
  opts: RecordMoveEventOptions,
): Promise<Recorded<LoadedMove, MoveEvent>> {
  let actor: MoveCaseActor | null = null;
  const recorded = await recordCaseEvent(trx, moveCaseKind, moveId, input, async (m) => (actor = await authorize(m)), {
    today: todayIn(opts.clock), now: opts.clock.now(), expectedVersion: opts.expectedVersion, audit: opts.audit,
  });
  if (input.type === 'completed' && actor) {
    const a: MoveCaseActor = actor;
    const m = recorded.case;
    const trajectoryActor: TrajectoryActor = {
      userId: a.userId, organisationId: a.organisationId, role: a.role as TrajectoryActor['role'], kinds: ['care_provider'],
      isPersonalSupervisor: false, relation: a.relation, purpose: 'case_management',
    };
    await recordTrajectoryEvent(
      trx, m.trajectoryId,
      { type: 'swap_or_move', occurredOn: input.occurredOn, data: { kind: m.kind, newAddress: String(input.data.newAddress) }, correctsEventId: null },
      () => trajectoryActor,
      { clock: opts.clock, audit: opts.audit },
    );
  }
  return recorded;
}
