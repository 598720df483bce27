/**
 * Writing a case's deadlines into the one shared `deadlines` table (keyed by case_kind, case_id,
 * key), for every kind of case other than the trajectory (which keeps its own writer with
 * pauses and extensions in src/modules/trajectories/repository.ts).
 *
 * Deadlines are upserted and never removed: a stored open deadline the case no longer derives is
 * ended — cancelled while not yet due, missed when already overdue (as of `today`).
 */
import { sql } from 'kysely';
import type { Trx } from './engine.ts';

export interface CaseDeadline {
  key: string;
  ruleId: string;
  nature: 'MUST' | 'SHOULD' | 'MAY';
  actors: ReadonlyArray<string>;
  start: string;
  due: string;
  metOn: string | null;
  closedAs: 'cancelled' | 'waived' | 'missed' | null;
  closedOn: string | null;
  note?: string | null;
  /** The computed due date with its rule and adjustments (Atw), as the calendar gave it. */
  computed: unknown;
  /** The organisation whose work it is (its worklist), and the user if assigned. */
  organisationId: string | null;
  assigneeUserId?: string | null;
}

export async function writeCaseDeadlines(
  trx: Trx,
  ref: { caseKind: string; caseId: string; municipalityId: string | null; today: string },
  deadlines: ReadonlyArray<CaseDeadline>,
): Promise<void> {
  const stored = await trx
    .selectFrom('deadlines')
    .select(['key', 'due_date', 'met_on', 'closed_as'])
    .where('case_kind', '=', ref.caseKind)
    .where('case_id', '=', ref.caseId)
    .execute();
  const derived = new Set(deadlines.map((d) => d.key));
  for (const s of stored) {
    if (derived.has(s.key) || s.met_on || s.closed_as) continue;
    const overdue = s.due_date !== null && s.due_date < ref.today;
    await trx
      .updateTable('deadlines')
      .set({ closed_as: overdue ? 'missed' : 'cancelled', closed_on: ref.today })
      .where('case_kind', '=', ref.caseKind)
      .where('case_id', '=', ref.caseId)
      .where('key', '=', s.key)
      .execute();
  }
  if (!deadlines.length) return;
  await trx
    .insertInto('deadlines')
    .values(deadlines.map((d) => ({
      case_kind: ref.caseKind,
      case_id: ref.caseId,
      municipality_id: ref.municipalityId,
      key: d.key,
      rule_id: d.ruleId,
      nature: d.nature,
      kind: 'deadline',
      actor_kinds: sql<string[]>`${sql.val(`{${d.actors.join(',')}}`)}::text[]`,
      organisation_id: d.organisationId,
      assignee_user_id: d.assigneeUserId ?? null,
      start_date: d.start,
      due_date: d.due,
      original_due_date: d.due,
      warn_on: null,
      met_on: d.metOn,
      closed_as: d.closedAs,
      closed_on: d.closedOn,
      paused: false,
      computed: JSON.stringify(d.computed),
      history: JSON.stringify([]),
      note: d.note ?? null,
    })))
    .onConflict((oc) => oc.columns(['case_kind', 'case_id', 'key']).doUpdateSet((eb) => ({
      municipality_id: eb.ref('excluded.municipality_id'),
      rule_id: eb.ref('excluded.rule_id'),
      nature: eb.ref('excluded.nature'),
      actor_kinds: eb.ref('excluded.actor_kinds'),
      organisation_id: eb.ref('excluded.organisation_id'),
      assignee_user_id: eb.ref('excluded.assignee_user_id'),
      start_date: eb.ref('excluded.start_date'),
      due_date: eb.ref('excluded.due_date'),
      original_due_date: eb.ref('excluded.original_due_date'),
      met_on: eb.ref('excluded.met_on'),
      closed_as: eb.ref('excluded.closed_as'),
      closed_on: eb.ref('excluded.closed_on'),
      computed: eb.ref('excluded.computed'),
      note: eb.ref('excluded.note'),
    })))
    .execute();
}
