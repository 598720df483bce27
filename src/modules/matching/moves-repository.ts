/**
 * Loading and saving swaps and moves (case kind 'move', migration 0012). The events are the
 * source of truth; the row's status, Wonen-queue flag and state, and the case's deadlines in the
 * shared deadline table (D-MV-02: D-07/D-08 from the completion) are caches rewritten in the
 * transaction of every event.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { CaseRef, Subject } from '../../domain/policy/index.ts';
import { caseDecision, deriveMoveState, moveDeadlines, type MoveEventInput, type MoveEventType, type MoveState } from '../../domain/matching/moves.ts';
import { loadCalendar } from '../calendar/index.ts';

type Db = Kysely<Database>;

/** The case kind of a swap or move in the shared deadline table. */
export const MOVE_CASE = 'move';

export interface MoveEvent extends MoveEventInput {
  id: string;
  seq: number;
  recordedBy: string | null;
  recordedByOrganisationId: string | null;
  recordedAt: string;
}

export interface LoadedMove {
  id: string;
  municipalityId: string;
  kind: 'swap' | 'move';
  trajectoryId: string;
  otherTrajectoryId: string | null;
  careProviderId: string;
  corporationId: string | null;
  /** The trajectory's case team (active members): the case relation `case_team`. */
  teamUserIds: string[];
  version: number;
  createdAt: string;
  events: MoveEvent[];
  state: MoveState;
}

/** The policy's view of a move: the trajectory's parties, Wonen of the move's municipality. */
export function moveCaseRef(m: Pick<LoadedMove, 'careProviderId' | 'corporationId' | 'teamUserIds' | 'municipalityId'>): CaseRef {
  return { careProviderId: m.careProviderId, corporationId: m.corporationId, teamUserIds: m.teamUserIds, municipalityIds: [m.municipalityId] };
}

export async function loadMove(db: Db, id: string, opts: { forUpdate?: boolean } = {}): Promise<LoadedMove | null> {
  let q = db.selectFrom('moves').selectAll().where('id', '=', id);
  if (opts.forUpdate) q = q.forUpdate();
  const m = await q.executeTakeFirst();
  if (!m) return null;
  const [events, team] = await Promise.all([
    db.selectFrom('move_events').selectAll().where('move_id', '=', id).orderBy('seq').execute(),
    db.selectFrom('trajectory_team').select('user_id').where('trajectory_id', '=', m.trajectory_id).where('removed_at', 'is', null).execute(),
  ]);
  const evs: MoveEvent[] = events.map((e) => ({
    id: e.id, seq: e.seq, type: e.type as MoveEventType, occurredOn: e.occurred_on,
    data: (typeof e.data === 'string' ? JSON.parse(e.data) : e.data) as Record<string, unknown>,
    recordedBy: e.recorded_by, recordedByOrganisationId: e.recorded_by_organisation_id, recordedAt: new Date(e.recorded_at).toISOString(),
  }));
  return {
    id: m.id, municipalityId: m.municipality_id, kind: m.kind, trajectoryId: m.trajectory_id, otherTrajectoryId: m.other_trajectory_id,
    careProviderId: m.care_provider_id, corporationId: m.corporation_id, teamUserIds: team.map((t) => t.user_id), version: m.version,
    createdAt: new Date(m.created_at).toISOString(), events: evs, state: deriveMoveState(evs),
  };
}

/** Waits for directie Wonen: submitted, its approval needed and not given or refused yet. */
export function awaitingWonen(s: MoveState): boolean {
  return s.status === 'submitted' && s.wonen === null && caseDecision(s).wonenApprovalNeeded;
}

/** Rewrites the move's caches and its deadlines (never removed: upserted; a withdrawn move cancels open ones). */
export async function refreshMove(trx: Transaction<Database>, m: LoadedMove, now: Date, today: string): Promise<number> {
  const s = m.state;
  const row = await trx
    .updateTable('moves')
    .set({ status: s.status, awaiting_wonen: awaitingWonen(s), state: JSON.stringify(s), event_count: m.events.length, version: sql<number>`version + 1`, updated_at: now })
    .where('id', '=', m.id)
    .returning('version')
    .executeTakeFirstOrThrow();
  const deadlines = moveDeadlines(s, await loadCalendar(trx, m.careProviderId));
  for (const d of deadlines) {
    const values = {
      case_kind: MOVE_CASE, case_id: m.id, municipality_id: m.municipalityId, key: d.key, rule_id: d.ruleId, nature: d.nature, kind: 'deadline',
      actor_kinds: sql<string[]>`${sql.val('{care_provider}')}::text[]`, organisation_id: m.careProviderId, assignee_user_id: null,
      start_date: d.start, due_date: d.due, original_due_date: d.due, warn_on: null, met_on: d.metOn, closed_as: null, closed_on: null,
      computed: JSON.stringify({ appliesFor: d.appliesFor, ruleId: d.ruleId, start: d.start, due: d.due }), history: JSON.stringify([]), note: null,
    };
    await trx.insertInto('deadlines').values(values)
      .onConflict((oc) => oc.columns(['case_kind', 'case_id', 'key']).doUpdateSet({ met_on: values.met_on, due_date: values.due_date, municipality_id: values.municipality_id }))
      .execute();
  }
  if (s.status === 'withdrawn') {
    await trx.updateTable('deadlines').set({ closed_as: 'cancelled', closed_on: today })
      .where('case_kind', '=', MOVE_CASE).where('case_id', '=', m.id).where('met_on', 'is', null).where('closed_as', 'is', null).execute();
  }
  return row.version;
}

export interface MoveDeadlineRow { key: string; rule_id: string; due_date: string | null; met_on: string | null; closed_as: string | null; start_date: string }

export async function moveDeadlineRows(db: Db, id: string): Promise<MoveDeadlineRow[]> {
  return db.selectFrom('deadlines').select(['key', 'rule_id', 'due_date', 'met_on', 'closed_as', 'start_date'])
    .where('case_kind', '=', MOVE_CASE).where('case_id', '=', id).orderBy('key').execute();
}

/**
 * The list as the detail's policy decision in SQL: the care provider's staff (a care worker on the
 * trajectory's team, a team manager or reviewer of the care provider), the corporation of the
 * trajectory, Wonen of the move's municipality once it is submitted (moves.ts `mayServe`).
 */
export async function listMoves(db: Db, subject: Subject, filter: { trajectoryId?: string; awaitingWonen?: boolean; status?: string }) {
  const scope = subject.scope;
  if (!subject.role || !scope.length) return [];
  let q = db.selectFrom('moves as m').selectAll('m');
  q = q.where((eb) => {
    const ors = [];
    if (subject.role === 'care_worker') {
      ors.push(eb.and([
        eb('m.care_provider_id', 'in', scope),
        eb.exists(eb.selectFrom('trajectory_team as tt').select('tt.id').whereRef('tt.trajectory_id', '=', 'm.trajectory_id').where('tt.user_id', '=', subject.userId).where('tt.removed_at', 'is', null)),
      ]));
    }
    if (subject.role === 'team_manager' || subject.role === 'independent_reviewer') ors.push(eb('m.care_provider_id', 'in', scope));
    if (subject.role === 'corporation_contact') ors.push(eb('m.corporation_id', 'in', scope));
    if (subject.role === 'wonen_officer' && subject.organisationType === 'municipal_directorate' && subject.municipalityIds?.length) {
      ors.push(eb.and([eb('m.municipality_id', 'in', subject.municipalityIds), sql<boolean>`(m.state->>'submittedOn') IS NOT NULL`]));
    }
    return ors.length ? eb.or(ors) : sql<boolean>`false`;
  });
  if (filter.trajectoryId) q = q.where('m.trajectory_id', '=', filter.trajectoryId);
  if (filter.awaitingWonen !== undefined) q = q.where('m.awaiting_wonen', '=', filter.awaitingWonen);
  if (filter.status) q = q.where('m.status', '=', filter.status);
  return q.orderBy('m.created_at', 'desc').limit(200).execute();
}
