/**
 * Steps that explain themselves: for a trajectory, the recording party and today, which steps
 * that party may record now and, for the others, what is still missing — computed from the very
 * checks that refuse a step (guards.ts `checkPreconditions`, used by `checkEvent`), so the list
 * and a refusal never disagree. Plus the suggested next step(s) of the route, in route order,
 * and the decisions with legal effect that ask for a confirmation before they are recorded.
 */
import type { IsoDate } from '../calendar/index.ts';
import { EVENT_TYPES, type EventType } from './model.ts';
import { checkPreconditions, mayRecord, missingLifeDomains, type RecordingActor, type Violation } from './guards.ts';
import type { TrajectoryState } from './state.ts';

/** One thing still missing before a step is possible, in words, with the rule it comes from. */
export interface MissingItem {
  code: string;
  nl: string;
  en: string;
  ruleId: string | null;
}

export type StepAvailability =
  | { type: EventType; available: true }
  | { type: EventType; available: false; missing: MissingItem[] };

/** Steps with their own place in the UI (the start, the withdrawal of consent, corrections): never offered as a step. */
export const STEPS_WITH_OWN_PLACE: ReadonlySet<EventType> = new Set<EventType>(['trajectory_started', 'consent_withdrawn', 'event_corrected', 'event_voided']);

/** The refusal codes that say the step is not possible in this phase or state of the trajectory at all. */
export const PHASE_CODES: ReadonlySet<string> = new Set(['phase_not_allowed', 'trajectory_closed', 'not_started', 'already_started']);

const LEGAL_EFFECT_CANDIDATES = [
  'decision_issued',
  'urgency_granted',
  'urgency_refused',
  'urgency_information_requested',
  'wonen_confirmed',
  'wonen_returned',
  'trajectory_ended',
  'trajectory_closed',
] as const;

/**
 * Decisions with legal effect: recording one asks the user to confirm first. (The urgency refusal
 * and the request for information count as soon as the transition table has them.)
 */
export const LEGAL_EFFECT_EVENTS: ReadonlySet<EventType> = new Set(
  LEGAL_EFFECT_CANDIDATES.filter((x): x is (typeof LEGAL_EFFECT_CANDIDATES)[number] & EventType => (EVENT_TYPES as ReadonlyArray<string>).includes(x)),
);

export const missingItem = (x: Violation): MissingItem => ({ code: x.code, nl: x.nl, en: x.en, ruleId: x.rule });

/** Whether one step is possible now for this party, and if not, what is missing. */
export function stepAvailability(s: TrajectoryState, type: EventType, actor: RecordingActor, today: IsoDate): StepAvailability {
  const missing = checkPreconditions(s, type, actor, today).map(missingItem);
  return missing.length ? { type, available: false, missing } : { type, available: true };
}

/** Every step this party may record (its role and relation to the case), available or with what is missing, in table order. */
export function availability(s: TrajectoryState, actor: RecordingActor, today: IsoDate): StepAvailability[] {
  return EVENT_TYPES.filter((type) => !STEPS_WITH_OWN_PLACE.has(type) && mayRecord(type, actor)).map((type) => stepAvailability(s, type, actor, today));
}

/** The route's main line in order (P0 … P9) with, per step, whether this trajectory has done it. */
export const ROUTE_STEPS: ReadonlyArray<readonly [EventType, (s: TrajectoryState) => boolean]> = [
  ['consent_given', (s) => s.consentId !== null],
  ['housing_needs_recorded', (s) => s.housingNeedsOn !== null],
  ['referral_analysis_recorded', (s) => s.analysisOn !== null],
  ['goals_set', (s) => s.goals.length > 0 && missingLifeDomains(s.goals).length === 0],
  // After Wonen refused the urgency, a new referral is the next step (D-WON-1).
  ['referral_submitted', (s) => s.referralSubmittedOn !== null && s.urgencyRefusedOn === null],
  ['decision_issued', (s) => s.decisionOn !== null],
  // Wonen asked for information: supplying it is the care provider's next step.
  ['urgency_information_supplied', (s) => s.urgencyInformationRequestedOn === null],
  ['urgency_granted', (s) => s.urgencyOn !== null],
  ['active_mediation_started', (s) => s.activeMediationOn !== null],
  ['offer_received', (s) => s.offers.some((o) => !o.refusedOn && !o.clientRefusedOn)],
  ['offer_replied', (s) => s.offers.some((o) => o.repliedOn !== null && !o.refusedOn && !o.clientRefusedOn)],
  ['client_informed', (s) => s.offers.some((o) => o.clientInformedOn !== null && !o.refusedOn && !o.clientRefusedOn)],
  ['match_final', (s) => s.matchFinalOn !== null],
  ['dwelling_ready', (s) => s.dwellingReadyOn !== null],
  ['lease_signed', (s) => s.leaseStartOn !== null],
  ['transfer_goals_communicated', (s) => s.transferGoalsCommunicatedOn !== null],
  ['key_handover', (s) => s.keyHandoverOn !== null],
  ['introduction_meeting_scheduled', (s) => s.introScheduledOn !== null || s.introHeldOn !== null],
  ['introduction_meeting_held', (s) => s.introHeldOn !== null],
  ['supplement_signed', (s) => s.supplementSignedOn !== null],
  ['support_plan_completed', (s) => s.supportPlanOn !== null],
  ['housing_evaluation_held', (s) => s.evaluations.length > 0],
  ['nuisance_check_done', (s) => s.nuisanceCheck !== null],
  ['transfer_decision_joint', (s) => s.jointDecision !== null],
  ['nomination_filled', (s) => s.nominationFilledOn !== null],
  ['independent_review', (s) => s.review !== null],
  ['nomination_sent_to_wonen', (s) => s.sentToWonenOn !== null],
  ['wonen_confirmed', (s) => s.wonenConfirmedOn !== null],
  ['contract_own_name_signed', (s) => s.contractOwnNameOn !== null],
  ['light_support_started', (s) => s.lightSupport !== null],
  ['trajectory_closed', (s) => s.status === 'closed'],
];

/** At most this many suggestions: the next steps, not the whole rest of the route. */
export const MAX_SUGGESTED = 3;

/**
 * The next step(s) of the route for this party: the main-line steps in route order that are not
 * done yet and that this party can record now (available), at most MAX_SUGGESTED.
 */
export function suggestedNext(s: TrajectoryState, actor: RecordingActor, today: IsoDate): EventType[] {
  return ROUTE_STEPS
    .filter(([type, done]) => !done(s) && mayRecord(type, actor) && checkPreconditions(s, type, actor, today).length === 0)
    .map(([type]) => type)
    .slice(0, MAX_SUGGESTED);
}

/** "Nog niet mogelijk: …" — the words of a refusal or of a step's missing items, in both languages. */
export function notYetPossible(missing: ReadonlyArray<{ nl: string; en: string }>): { nl: string; en: string } {
  return { nl: `Nog niet mogelijk: ${missing.map((m) => m.nl).join(' ')}`, en: `Not possible yet: ${missing.map((m) => m.en).join(' ')}` };
}
