/**
 * The home queues of one subject: the open deadlines of the cases it may read (the shared deadline
 * table, scoped by the same policy decision as the detail), the forms waiting for its signature and
 * the nominations waiting for review, grouped and worded by the domain (src/domain/home).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { Clock } from '../../platform/clock.ts';
import { todayIn } from '../../platform/clock.ts';
import type { Subject } from '../../domain/policy/index.ts';
import { ROLE_QUEUES, buildQueues, type HomeQueues, type QueueDeadline, type QueueSignature } from '../../domain/home/queue.ts';
import { loadCalendar } from '../calendar/index.ts';
import { WORKLIST_HORIZON_WORKING_DAYS, readableCases, reviewRows, servedWorklistRows, worklistRows } from '../trajectories/index.ts';
import { pendingSignatures } from '../forms/index.ts';

export interface SubjectQueues extends HomeQueues {
  asOf: string;
  horizon: string;
  /** Per case read: the purpose it is served under (for the audit row). */
  purposes: Record<string, string>;
}

const NO_DATE = '9999-12-31';
const nameOf = (first: string | null, last: string | null) => [first, last].filter(Boolean).join(' ') || null;

export async function queuesFor(db: Kysely<Database>, clock: Clock, s: Subject, asOf: string = todayIn(clock)): Promise<SubjectQueues> {
  const today = todayIn(clock);
  const cal = await loadCalendar(db, s.organisationId);
  const horizon = cal.addWorkingDays(asOf, WORKLIST_HORIZON_WORKING_DAYS);
  const keys = s.role ? ROLE_QUEUES[s.role] : [];
  const purposes: Record<string, string> = {};
  if (!keys.length) return { asOf, horizon, purposes, ...buildQueues({ role: s.role, userId: s.userId, asOf, horizon, deadlines: [], signatures: [], reviews: [] }) };

  const rows = servedWorklistRows(s, await worklistRows(db, { subject: s, asOf, horizon: NO_DATE, scope: 'cases', limit: 500, today }));
  const deadlines: QueueDeadline[] = rows.map(({ r, as }) => {
    purposes[r.case_id] = as.purpose;
    return {
      caseKind: r.case_kind, caseId: r.case_id, trajectoryId: r.trajectory_id, clientId: r.client_id, clientName: nameOf(r.first_name, r.last_name),
      key: r.key, ruleId: r.rule_id, actors: r.actor_kinds ?? [], due: r.due_date, assigneeUserId: r.assignee_user_id, onTeam: Boolean(r.on_team),
    };
  });

  let signatures: QueueSignature[] = [];
  if (keys.includes('toSign')) {
    const cases = await readableCases(db, s, today);
    const readers = new Map(cases.map(({ r, as }) => [r.trajectory_id, { viewer: as.viewer, purpose: as.purpose }]));
    const byId = new Map(cases.map(({ r }) => [r.trajectory_id, r]));
    signatures = (await pendingSignatures(db, readers)).map((p) => {
      const r = byId.get(p.trajectoryId)!;
      purposes[p.trajectoryId] = readers.get(p.trajectoryId)!.purpose;
      return { formId: p.formId, formTitle: p.title, trajectoryId: p.trajectoryId, clientId: r.client_id, clientName: nameOf(r.first_name, r.last_name), missing: p.missing };
    });
  }

  const reviews = keys.includes('reviews')
    ? (await reviewRows(db, s, today)).map(({ r, as }) => {
      purposes[r.trajectory_id] = as.purpose;
      return { trajectoryId: r.trajectory_id, clientId: r.client_id, clientName: nameOf(r.first_name, r.last_name), since: r.since };
    })
    : [];

  const q = buildQueues({ role: s.role, userId: s.userId, asOf, horizon, deadlines, signatures, reviews });
  // Only what is shown is audited as read.
  const shown = new Set(q.queues.flatMap((x) => x.items.map((i) => i.caseId)));
  for (const id of Object.keys(purposes)) if (!shown.has(id)) delete purposes[id];
  return { asOf, horizon, purposes, ...q };
}
