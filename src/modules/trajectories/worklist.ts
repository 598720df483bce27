import { Type } from 'typebox';
import { sql, type Kysely } from 'kysely';
import type { App } from '../../platform/http/app.ts';
import { subjectOf } from '../../platform/http/app.ts';
import { problem } from '../../platform/http/problem.ts';
import { IsoDateSchema, ProblemResponses } from '../../platform/http/schemas.ts';
import type { Database } from '../../platform/db/schema.ts';
import { todayIn } from '../../platform/clock.ts';
import { decide, type Subject } from '../../domain/policy/index.ts';
import { loadCalendar } from '../calendar/index.ts';
import { deadlineStatus, isEscalated, type DeadlineRuleId } from '../../domain/trajectories/index.ts';
import { caseMunicipalities, caseScope, onTeam, servedAs, type Served } from './scope.ts';
import { canSeeDeadline } from '../../domain/privacy/visibility.ts';
import { casePartiesColumn, otherKindsScope, servedOtherKind } from './case-kinds.ts';

export const WORKLIST_HORIZON_WORKING_DAYS = 10;

export interface WorklistQuery {
  subject: Subject;
  asOf: string;
  /** Deadlines due on or before this date are shown (asOf + 10 working days). */
  horizon: string;
  /** mine: the subject's own work; organisation: its organisation's (team managers); cases: every open deadline of the cases it may read (the home page sorts them). */
  scope: 'mine' | 'organisation' | 'cases';
  limit: number;
  /** The date consent and agreements are judged on (the case scope). */
  today: string;
}

/**
 * The open deadlines a user has to act on, overdue first, then those due within the horizon.
 * One indexed query (partial indexes on assignee / organisation for unfulfilled deadlines) over
 * every kind of case in the shared deadline table; a trajectory's deadline brings its phase and
 * client name (LEFT JOIN: deadlines of other kinds of case have none).
 */
export async function worklistRows(db: Kysely<Database>, q: WorklistQuery) {
  const s = q.subject;
  let base = db
    .selectFrom('deadlines as d')
    .leftJoin('trajectories as t', (j) => j.onRef('t.id', '=', 'd.case_id').on('d.case_kind', '=', 'trajectory'))
    .leftJoin('clients as c', 'c.id', 't.client_id')
    .where('d.met_on', 'is', null)
    .where('d.closed_as', 'is', null)
    .where('d.kind', '=', 'deadline')
    .where('d.due_date', '<=', q.horizon)
    // Only cases the subject may read, by the same decision as the detail: a trajectory by its case scope,
    // another kind of case (an offer, a move) by its parties and the grants of its read action (case-kinds.ts).
    .where((eb) => eb.or([
      eb.and([eb('d.case_kind', '=', 'trajectory'), caseScope(eb as never, s, 'trajectory.read', q.today)]),
      ...otherKindsScope(eb as never, s),
    ]));
  const scope = s.scope.length ? [...s.scope] : ['00000000-0000-0000-0000-000000000000'];
  if (q.scope === 'cases') {
    // No further filter: every open deadline of a readable case (the caller decides whose work each is).
  } else if (q.scope === 'organisation') {
    base = base.where('d.organisation_id', 'in', scope);
  } else if (s.role === 'wonen_officer') {
    base = base.where(sql<boolean>`'wonen' = ANY(d.actor_kinds)`);
  } else if (s.role === 'corporation_contact') {
    // Assigned to this contact, or a deadline its corporation acts on for one of its clients (D-01 is
    // assigned to the care provider's supervisor, yet the corporation acts on it too) — not one
    // assigned to another contact of the corporation alone.
    base = base.where((eb) => eb.or([
      eb('d.assignee_user_id', '=', s.userId),
      eb.and([eb('d.assignee_user_id', 'is', null), eb('d.organisation_id', 'in', scope)]),
      eb.and([
        sql<boolean>`'corporation' = ANY(d.actor_kinds)`,
        eb('t.corporation_id', 'in', scope),
        eb.or([eb('t.corporation_contact_id', 'is', null), eb('t.corporation_contact_id', '=', s.userId), sql<boolean>`NOT (d.actor_kinds <@ ARRAY['corporation']::text[])`]),
      ]),
    ]));
  } else {
    // Assigned to the user; or unassigned work of its organisation on another kind of case (an offer to its care provider).
    base = base.where((eb) => eb.or([
      eb('d.assignee_user_id', '=', s.userId),
      eb.and([eb('d.case_kind', '<>', 'trajectory'), eb('d.assignee_user_id', 'is', null), eb('d.organisation_id', 'in', scope)]),
    ]));
  }
  return base
    .select([
      'd.case_kind', 'd.case_id', sql<string | null>`CASE WHEN d.case_kind = 'trajectory' THEN d.case_id END`.as('trajectory_id'), 'd.key', 'd.rule_id', 'd.nature', 'd.kind', 'd.actor_kinds', 'd.organisation_id', 'd.assignee_user_id', 'd.start_date', 'd.due_date',
      // No history and no note: no list needs them (the deadline's detail has them), and a history grows with every move.
      'd.original_due_date', 'd.warn_on', 'd.met_on', 'd.closed_as', 'd.closed_on', 'd.paused', 'd.computed',
      't.phase', 't.client_id', 'c.first_name', 'c.last_name', 't.care_provider_id', 't.corporation_id', 't.corporation_contact_id',
    ])
    .select((eb) => onTeam(eb as never, s))
    .select(caseMunicipalities().as('case_municipality_ids'))
    .select(casePartiesColumn().as('case_parties'))
    // Overdue first needs no extra sort key: overdue rows already come first by due date,
    // and ordering by due date alone lets the partial index feed rows in order (stop at the limit).
    .orderBy('d.due_date')
    .orderBy('d.case_id')
    .orderBy('d.key')
    .limit(q.limit)
    .execute();
}

/**
 * The active trajectories the subject may read, each with how it is served (viewer, purpose): the
 * list scope as SQL, decided again per row like the detail. For lists of work on those cases
 * (forms waiting for a signature).
 */
export async function readableCases(db: Kysely<Database>, s: Subject, today: string, limit = 1000) {
  const rows = await db
    .selectFrom('trajectories as t')
    .innerJoin('clients as c', 'c.id', 't.client_id')
    .where('t.status', '=', 'active')
    .where((eb) => caseScope(eb as never, s, 'trajectory.read', today))
    .select(['t.id as trajectory_id', 't.client_id', 'c.first_name', 'c.last_name', 't.phase', 't.care_provider_id', 't.corporation_id'])
    .select((eb) => onTeam(eb as never, s))
    .select(caseMunicipalities().as('case_municipality_ids'))
    .orderBy('t.id')
    .limit(limit)
    .execute();
  return rows.flatMap((r) => {
    const as = servedAs(s, 'trajectory.read', { care_provider_id: r.care_provider_id, corporation_id: r.corporation_id, case_municipality_ids: r.case_municipality_ids ?? [], phase: r.phase, on_team: Boolean(r.on_team) });
    return as ? [{ r, as }] : [];
  });
}

/**
 * The nominations (F-3 filled in, phase P8) waiting for the independent review (R-OR-68): not reviewed
 * and not sent to Wonen yet, of the cases the subject may read (the same scope as the detail).
 */
export async function reviewRows(db: Kysely<Database>, s: Subject, today: string, limit = 200) {
  const rows = await db
    .selectFrom('trajectories as t')
    .innerJoin('clients as c', 'c.id', 't.client_id')
    .where('t.status', '=', 'active')
    .where('t.phase', '=', 'P8_transfer')
    .where(sql<boolean>`(t.state->>'nominationFilledOn') IS NOT NULL`)
    .where(sql<boolean>`jsonb_typeof(t.state->'review') IS DISTINCT FROM 'object'`)
    .where(sql<boolean>`(t.state->>'sentToWonenOn') IS NULL`)
    .where((eb) => caseScope(eb as never, s, 'trajectory.read', today))
    .select(['t.id as trajectory_id', 't.client_id', 'c.first_name', 'c.last_name', 't.phase', 't.care_provider_id', 't.corporation_id'])
    .select(sql<string | null>`t.state->>'nominationFilledOn'`.as('since'))
    .select((eb) => onTeam(eb as never, s))
    .select(caseMunicipalities().as('case_municipality_ids'))
    .orderBy(sql`t.state->>'nominationFilledOn'`)
    .orderBy('t.id')
    .limit(limit)
    .execute();
  // Decided again like the detail; served under the purpose the detail would use.
  return rows.flatMap((r) => {
    const as = servedAs(s, 'trajectory.read', { care_provider_id: r.care_provider_id, corporation_id: r.corporation_id, case_municipality_ids: r.case_municipality_ids ?? [], phase: r.phase, on_team: Boolean(r.on_team) });
    return as ? [{ r, as }] : [];
  });
}

/**
 * Each worklist row decided again like its case's detail: the purpose it is served under, and only
 * the deadlines that party may see (a corporation never sees the support plan's deadline).
 */
export function servedWorklistRows<R extends Awaited<ReturnType<typeof worklistRows>>[number]>(s: Subject, rows: ReadonlyArray<R>): Array<{ r: R; as: Served }> {
  return rows
    .map((r) => ({
      r,
      as: r.case_kind !== 'trajectory'
        ? servedOtherKind(s, r.case_kind, r.case_parties)
        : r.care_provider_id
        ? servedAs(s, 'trajectory.read', { care_provider_id: r.care_provider_id, corporation_id: r.corporation_id, case_municipality_ids: r.case_municipality_ids ?? [], phase: r.phase ?? '', on_team: Boolean(r.on_team) })
        : null,
    }))
    .filter((x): x is { r: R; as: Served } => x.as !== null && canSeeDeadline(x.as.viewer, x.r.rule_id));
}

/**
 * One worklist item, lean: codes, not words (the web app names the rule, the nature and a move's
 * Atw article in the reader's language); no history, no note, no organisation or assignee (the
 * deadline's detail, GET /trajectories/:id/deadlines, keeps the full shape).
 */
export const WorklistItemSchema = Type.Object({
  caseKind: Type.String({ description: "'trajectory', or another kind of case ('offer', 'move', 'nuisance', 'new_chance')" }),
  caseId: Type.String(),
  trajectoryId: Type.Union([Type.String(), Type.Null()]),
  clientId: Type.Union([Type.String(), Type.Null()]),
  clientName: Type.Union([Type.String(), Type.Null()]),
  phase: Type.Union([Type.String(), Type.Null()], { description: 'Phase code of the trajectory (P0_consent … P9_aftercare); null for other kinds of case' }),
  purpose: Type.String({ description: 'Purpose code the item is served under' }),
  key: Type.String(),
  ruleId: Type.String({ description: 'Deadline rule code (D-05, D-OV-01, …): the web app names it' }),
  nature: Type.String({ description: 'MUST, SHOULD or MAY' }),
  kind: Type.String(),
  actors: Type.Array(Type.String()),
  start: Type.String(),
  due: Type.Union([Type.String(), Type.Null()]),
  originalDue: Type.String(),
  warnOn: Type.Union([Type.String(), Type.Null()]),
  status: Type.String({ description: 'open, met, missed, cancelled or waived' }),
  overdue: Type.Boolean(),
  warning: Type.Boolean(),
  escalated: Type.Boolean(),
  paused: Type.Boolean(),
  moved: Type.Array(Type.Object({ rule: Type.String({ description: 'ATW_ART1 or ATW_ART2' }), from: Type.String(), to: Type.String() }), { description: 'Moves of the due date by the Algemene termijnenwet, as codes and dates' }),
}, { additionalProperties: false });

type WorklistRow = Awaited<ReturnType<typeof worklistRows>>[number];

const asText = (v: unknown): string | null => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v));

/** The lean list item of one served row (see WorklistItemSchema). */
export function worklistItem(r: WorklistRow, purpose: string, asOf: string) {
  const computed = (typeof r.computed === 'string' ? JSON.parse(r.computed) : r.computed) as { adjustments?: Array<{ rule: string; from: string; to: string }> } | null;
  const inst = {
    key: r.key, ruleId: r.rule_id as DeadlineRuleId, nature: r.nature as 'MUST', kind: r.kind as 'deadline', actors: [], start: asText(r.start_date)!,
    computed: computed as never, due: asText(r.due_date), originalDue: asText(r.original_due_date)!, paused: r.paused, adjustmentHistory: [], warnOn: asText(r.warn_on),
    metOn: asText(r.met_on), closedAs: r.closed_as as null, closedOn: asText(r.closed_on), note: null,
  };
  const status = deadlineStatus(inst, asOf);
  return {
    caseKind: r.case_kind,
    caseId: r.case_id,
    trajectoryId: r.trajectory_id,
    clientId: r.client_id,
    clientName: [r.first_name, r.last_name].filter(Boolean).join(' ') || null,
    phase: r.phase,
    purpose,
    key: r.key,
    ruleId: r.rule_id,
    nature: r.nature,
    kind: r.kind,
    actors: r.actor_kinds,
    start: inst.start,
    due: inst.due,
    originalDue: inst.originalDue,
    warnOn: inst.warnOn,
    status,
    overdue: status === 'missed' && !r.met_on && !r.closed_as,
    warning: inst.warnOn !== null && !r.met_on && asOf >= inst.warnOn && status === 'open',
    escalated: isEscalated(inst, asOf),
    paused: r.paused,
    moved: (computed?.adjustments ?? []).map((a) => ({ rule: a.rule, from: a.from, to: a.to })),
  };
}

export async function worklistRoutes(app: App) {
  const db = app.deps.database.db;
  const clock = app.deps.clock;

  app.get('/worklist', {
    config: { action: 'worklist.read', personalData: true, resourceType: 'deadline' },
    schema: {
      tags: ['trajectories'],
      summary: 'Your open deadlines across trajectories: overdue first, then due within 10 working days; scope=organisation for team managers',
      querystring: Type.Object(
        {
          asOf: Type.Optional(IsoDateSchema),
          scope: Type.Optional(Type.Enum(['mine', 'organisation'] as const)),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 200 })),
        },
        { additionalProperties: false },
      ),
      response: { 200: Type.Object({ asOf: Type.String(), horizon: Type.String(), items: Type.Array(WorklistItemSchema) }), ...ProblemResponses },
    },
  }, async (req) => {
    const s = subjectOf(req);
    const scope = req.query.scope ?? 'mine';
    if (scope === 'organisation') {
      const d = decide(s, 'worklist.read_organisation', { organisationIds: [s.organisationId!] });
      if (!d.allowed) throw problem.forbidden(d.reason);
    }
    const asOf = req.query.asOf ?? todayIn(clock);
    const cal = await loadCalendar(db, s.organisationId);
    const horizon = cal.addWorkingDays(asOf, WORKLIST_HORIZON_WORKING_DAYS);
    const rows = await worklistRows(db, { subject: s, asOf, horizon, scope, limit: req.query.limit ?? 200, today: todayIn(clock) });
    const served = servedWorklistRows(s, rows);
    const purposes = [...new Set(served.map((x) => x.as.purpose))];
    req.auditInfo = {
      resourceType: 'deadline',
      purpose: purposes.length === 1 ? purposes[0]! : null,
      details: { count: served.length, scope, trajectoryIds: [...new Set(served.flatMap(({ r }) => (r.trajectory_id ? [r.trajectory_id] : [])))], purposes: Object.fromEntries(served.map(({ r, as }) => [r.case_id, as.purpose])) },
    };
    return {
      asOf,
      horizon,
      items: served.map(({ r, as }) => worklistItem(r, as.purpose, asOf)),
    };
  });
}
