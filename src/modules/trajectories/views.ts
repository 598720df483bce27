/** Response shapes for cases, filtered by what the viewer may see (domain/privacy). */
import {
  DEADLINE_RULES, PHASES, PHASE_LABELS, TRANSITIONS, correctionPartyViolation, deadlineStatus, isEscalated, mayRecord, transferConditions, type DeadlineRuleId, type Phase,
  type RecordingActor,
} from '../../domain/trajectories/index.ts';
import { canSeeDeadline, canSeeEvent, canSeeEventInstance, visibleClientFields, visibleEventData, visibleGoals, type Viewer } from '../../domain/privacy/visibility.ts';
import { decide, type Subject } from '../../domain/policy/index.ts';
import { caseRefOf, type LoadedTrajectory } from './repository.ts';

export { PHASE_LABELS };

export interface DeadlineRow {
  key: string;
  rule_id: string;
  nature: string;
  kind: string;
  actor_kinds: string[];
  organisation_id: string | null;
  assignee_user_id: string | null;
  start_date: string;
  due_date: string | null;
  original_due_date: string;
  warn_on: string | null;
  met_on: string | null;
  closed_as: string | null;
  /** The date it ended as closed_as (migration 0008); absent in older rows. */
  closed_on?: string | null;
  paused: boolean;
  computed: unknown;
  history: unknown;
  note: string | null;
}

export function deadlineView(d: DeadlineRow, asOf: string) {
  const rule = DEADLINE_RULES[d.rule_id as DeadlineRuleId];
  const inst = {
    key: d.key, ruleId: d.rule_id as DeadlineRuleId, nature: d.nature as 'MUST', kind: d.kind as 'deadline', actors: [], start: d.start_date,
    computed: d.computed as never, due: d.due_date, originalDue: d.original_due_date, paused: d.paused, adjustmentHistory: [], warnOn: d.warn_on,
    metOn: d.met_on, closedAs: d.closed_as as null, closedOn: d.closed_on ?? null, note: d.note,
  };
  const status = deadlineStatus(inst, asOf);
  const computed = (typeof d.computed === 'string' ? JSON.parse(d.computed) : d.computed) as { adjustments?: unknown[] };
  return {
    key: d.key,
    ruleId: d.rule_id,
    label: rule?.label ?? { nl: d.rule_id, en: d.rule_id },
    nature: d.nature,
    kind: d.kind,
    actors: d.actor_kinds,
    organisationId: d.organisation_id,
    assigneeUserId: d.assignee_user_id,
    start: d.start_date,
    due: d.due_date,
    originalDue: d.original_due_date,
    warnOn: d.warn_on,
    metOn: d.met_on,
    status,
    /** The date it ended without being met (cancelled, waived, missed), where known. */
    closedOn: d.closed_on ?? null,
    // Overdue: missed and still open work; a deadline that ended as missed stays missed but is no work any more.
    overdue: status === 'missed' && !d.met_on && !d.closed_as,
    warning: d.warn_on !== null && !d.met_on && asOf >= d.warn_on && status === 'open',
    escalated: isEscalated(inst, asOf),
    paused: d.paused,
    moved: computed.adjustments ?? [],
    history: (typeof d.history === 'string' ? JSON.parse(d.history) : d.history) as unknown[],
    note: d.note,
  };
}

/** The metro line: one station per phase, with status, date, who and the open deadlines. */
export function metroLine(t: LoadedTrajectory, deadlines: ReturnType<typeof deadlineView>[], names: Map<string, string>, viewer: Viewer = 'care_provider') {
  const s = t.state;
  const inactive = new Set(s.inactiveEventIds);
  const entered = new Map<Phase, { on: string; by: string }>();
  for (const e of [...t.events].sort((a, b) => (a.occurredOn < b.occurredOn ? -1 : 1))) {
    // A station's date and author come only from events the viewer may see (R-OR-46: not the support plan).
    if (inactive.has(e.id) || !canSeeEvent(viewer, e.type)) continue;
    const to = TRANSITIONS[e.type]?.to ?? (e.type === 'trajectory_started' ? 'P0_consent' : e.type === 'support_plan_completed' ? 'P6_support_plan' : undefined);
    if (to && !entered.has(to)) entered.set(to, { on: e.occurredOn, by: names.get(e.recordedBy) ?? e.recordedBy });
  }
  const deadlinePhase: Partial<Record<string, Phase>> = {
    'D-01': 'P2_urgency', 'D-02': 'P3_matching', 'D-03': 'P3_matching', 'D-04': 'P3_matching', 'D-05': 'P3_matching', 'D-06': 'P6_support_plan',
    'D-07': 'P5_introduction', 'D-08': 'P5_introduction', 'D-09': 'P8_transfer', 'D-10': 'P7_living', 'D-11': 'P7_living', 'D-12': 'P7_living',
    'D-13': 'P8_transfer', 'D-14': 'P8_transfer', 'D-15': 'P7_living', 'D-16': 'P9_aftercare', 'D-OV-09': 'P7_living',
    'D-WON-1': 'P2_urgency',
  };
  return PHASES.map((p) => {
    const reached = s.reached.includes(p);
    const current = s.status === 'active' && (p === s.phase || (p === 'P6_support_plan' && !s.supportPlanOn && ['P4_key_handover', 'P5_introduction'].includes(s.phase)));
    const status = current ? 'current' : reached ? 'done' : s.status === 'closed' ? 'not_reached' : 'upcoming';
    return {
      phase: p,
      label: PHASE_LABELS[p],
      status,
      enteredOn: entered.get(p)?.on ?? null,
      enteredBy: entered.get(p)?.by ?? null,
      openDeadlines: deadlines.filter((d) => deadlinePhase[d.ruleId] === p && (d.status === 'open' || d.overdue) && d.kind === 'deadline'),
    };
  });
}

/**
 * Who asks for the timeline, for the corrections it may make: the actor it records as, and whether
 * it may record events on this case at all (the policy's `trajectory.record_event`). Null: no corrections.
 */
export type Corrector = Pick<RecordingActor, 'role' | 'kinds'> | null;

/** The corrector of a reader of the case: its actor kinds, if the policy lets it record events on this case. */
export function correctorOf(subject: Subject, access: { actorKinds: RecordingActor['kinds'] }, t: LoadedTrajectory): Corrector {
  if (!subject.role) return null;
  const d = decide(subject, 'trajectory.record_event', { case: caseRefOf(t), organisationIds: [t.careProviderId] });
  return d.allowed ? { role: subject.role, kinds: access.actorKinds } : null;
}

/** Events nobody corrects or voids from the timeline: corrections themselves, the start, and a withdrawal of consent. */
const NOT_CORRECTABLE = new Set(['event_corrected', 'event_voided', 'trajectory_started', 'consent_withdrawn']);

/**
 * Whether this actor may correct or void this event: one decision with the write path (case-kind.ts):
 * the actor may record corrections, and it is the party that may record the event's type
 * (`correctionPartyViolation`). A superseded event is corrected through its replacement.
 */
export function mayCorrectEvent(t: Pick<LoadedTrajectory, 'client'>, e: { type: keyof typeof TRANSITIONS }, superseded: boolean, corrector: Corrector): boolean {
  if (!corrector || t.client.erased || superseded || NOT_CORRECTABLE.has(e.type)) return false;
  return mayRecord('event_corrected', corrector) && correctionPartyViolation(e.type, corrector) === null;
}

export function eventsFor(t: LoadedTrajectory, viewer: Viewer, names: Map<string, string>, corrector: Corrector = null) {
  const inactive = new Set(t.state.inactiveEventIds);
  const urgencyGoalIds = t.state.goals.filter((g) => g.linkedToUrgency).map((g) => g.id);
  return t.events
    .filter((e) => canSeeEventInstance(viewer, e.type, e.data, urgencyGoalIds) || ((e.type === 'event_corrected' || e.type === 'event_voided') && viewer === 'care_provider'))
    .map((e) => ({
      id: e.id,
      seq: e.seq,
      type: e.type,
      label: TRANSITIONS[e.type].label,
      occurredOn: e.occurredOn,
      recordedBy: names.get(e.recordedBy) ?? null,
      data: visibleEventData(viewer, e.type, e.data),
      correctsEventId: e.correctsEventId ?? null,
      superseded: inactive.has(e.id),
      /** Whether the viewer may correct or void it ("Corrigeren" / "Vervallen verklaren"). */
      mayCorrect: mayCorrectEvent(t, e, inactive.has(e.id), corrector),
    }));
}

export function trajectoryView(t: LoadedTrajectory, viewer: Viewer, asOf: string, deadlines: ReturnType<typeof deadlineView>[], names: Map<string, string>, orgNames: Map<string, string>) {
  const s = t.state;
  const care = viewer === 'care_provider';
  return {
    id: t.id,
    clientId: t.clientId,
    clientName: t.client.erased ? null : [t.client.firstName, t.client.lastName].filter(Boolean).join(' '),
    careProvider: { id: t.careProviderId, name: orgNames.get(t.careProviderId) ?? null },
    corporation: t.corporationId ? { id: t.corporationId, name: orgNames.get(t.corporationId) ?? null } : null,
    corporationContactId: t.corporationContactId,
    // Field visibility of the client record applies to the case too (the corporation does not see the target group).
    targetGroup: visibleClientFields(viewer).includes('targetGroup') ? t.targetGroup : null,
    variant: t.variant,
    phase: s.phase,
    phaseLabel: PHASE_LABELS[s.phase],
    status: s.status,
    exit: s.exit,
    startedOn: t.startedOn,
    dwellingAddress: s.dwellingAddress,
    version: t.version,
    flags: {
      enteredViaOtherRoute: s.enteredViaOtherRoute,
      lastingIntermediateLease: s.lastingIntermediateLease,
      inTimeOut: care ? s.inTimeOutSince !== null : undefined,
      multiProblemFamily: care ? s.multiProblemFamily : undefined,
      consentActive: s.consentActive,
    },
    keyDates: {
      leaseStartOn: s.leaseStartOn, keyHandoverOn: s.keyHandoverOn, introHeldOn: s.introHeldOn, lastEvaluationOn: s.evaluations[s.evaluations.length - 1]?.on ?? null,
      sentToWonenOn: s.sentToWonenOn, wonenConfirmedOn: s.wonenConfirmedOn, contractOwnNameOn: s.contractOwnNameOn,
    },
    goals: visibleGoals(viewer, s.goals),
    transferConditions: viewer === 'nuisance_hub' ? [] : transferConditions(s, asOf),
    stations: metroLine(t, deadlines.filter((d) => canSeeDeadline(viewer, d.ruleId)), names, viewer),
    team: t.team.map((m) => ({ id: m.id, userId: m.userId, name: m.name, organisationId: m.organisationId, organisationName: orgNames.get(m.organisationId) ?? null, caseRole: m.caseRole })),
  };
}
