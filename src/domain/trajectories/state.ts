/**
 * Derives a trajectory's state from its events (events are the source of truth).
 * Corrections and voids are applied first; then events fold in date order.
 */
import type { IsoDate } from '../calendar/index.ts';
import type { ExitCode, Goal, Phase, TrajectoryEvent, Variant } from './model.ts';

export interface OfferState {
  offerId: string | null;
  eventId: string;
  receivedOn: IsoDate;
  availableOn: IsoDate;
  address: string;
  reply: 'accept' | 'request_viewing' | 'refuse' | null;
  repliedOn: IsoDate | null;
  viewedOn: IsoDate | null;
  refusedOn: IsoDate | null;
  clientInformedOn: IsoDate | null;
  clientRefusedOn: IsoDate | null;
  /** Made through the platform's matching (an offer case): its deadlines D-02…D-05 live on that case. */
  platformOffer?: boolean;
}

export interface EvaluationState {
  eventId: string;
  on: IsoDate;
  outcome: 'continue' | 'lasting_intermediate_lease' | 'start_transfer';
  atDwelling: boolean;
}

/**
 * One urgency request waiting for Wonen's decision (D-WON-1, proposal): opened by a referral or by the
 * information Wonen asked for; it ends when Wonen grants, refuses or asks for information, or when the
 * route moves on without a decision (active mediation started).
 */
export interface UrgencyRequest {
  startedOn: IsoDate;
  endedOn: IsoDate | null;
  end: 'granted' | 'refused' | 'information_requested' | 'moved_on' | null;
}

export interface TrajectoryState {
  startedOn: IsoDate | null;
  phase: Phase;
  /** Furthest phase reached (the metro line shows everything before it as passed). */
  reached: Phase[];
  status: 'active' | 'closed';
  exit: ExitCode | null;
  closedOn: IsoDate | null;
  variant: Variant;
  enteredViaOtherRoute: boolean;
  multiProblemFamily: boolean;
  consentActive: boolean;
  consentId: string | null;
  lastingIntermediateLease: boolean;
  inTimeOutSince: IsoDate | null;
  /** Every time-out (X3), in order, with its end once it ended (D-OV-09). */
  timeOuts: Array<{ startedOn: IsoDate; endedOn: IsoDate | null }>;
  goals: Goal[];
  housingNeedsOn: IsoDate | null;
  analysisOn: IsoDate | null;
  referralSubmittedOn: IsoDate | null;
  decisionOn: IsoDate | null;
  urgencyOn: IsoDate | null;
  /** Wonen's refusal of the urgency, until it grants it or a new referral asks again. D-01 never starts on a refusal (R-OR-13). */
  urgencyRefusedOn: IsoDate | null;
  /** Wonen asked for information on the urgency request and it has not been supplied yet. */
  urgencyInformationRequestedOn: IsoDate | null;
  /** The urgency requests, in order (D-WON-1). */
  urgencyRequests: UrgencyRequest[];
  activeMediationOn: IsoDate | null;
  offers: OfferState[];
  matchFinalOn: IsoDate | null;
  dwellingReadyOn: IsoDate | null;
  dwellingAddress: string | null;
  leaseStartOn: IsoDate | null;
  keyHandoverOn: IsoDate | null;
  transferGoalsCommunicatedOn: IsoDate | null;
  firstMeetingOn: IsoDate | null;
  introScheduledOn: IsoDate | null;
  introHeldOn: IsoDate | null;
  evaluationIntervalMonths: number | null;
  supplementSignedOn: IsoDate | null;
  supportPlanOn: IsoDate | null;
  evaluations: EvaluationState[];
  fibuAgreementsOn: IsoDate | null;
  fibuEvaluations: IsoDate[];
  woningnetRenewals: IsoDate[];
  nuisanceCheck: { on: IsoDate; complaintsFound: boolean; transferPossible: boolean; checkedWith: string[] } | null;
  jointDecision: { on: IsoDate; noUnacceptableRisks: boolean } | null;
  nominationFilledOn: IsoDate | null;
  review: { on: IsoDate; verdict: 'approved' | 'rejected'; by: string } | null;
  sentToWonenOn: IsoDate | null;
  wonenConfirmedOn: IsoDate | null;
  wonenReturned: { on: IsoDate; motivation: string } | null;
  /** Every submission of the nomination to Wonen, in order, with Wonen's answer (D-13). */
  wonenSubmissions: Array<{ sentOn: IsoDate; confirmedOn: IsoDate | null; returnedOn: IsoDate | null }>;
  contractOwnNameOn: IsoDate | null;
  contractType: 'indefinite' | 'five_year' | null;
  lightSupport: { startedOn: IsoDate; plannedEndOn: IsoDate | null } | null;
  deviations: Array<{ item: string; reason: string; on: IsoDate }>;
  /** Event ids that are superseded (corrected) or voided. */
  inactiveEventIds: string[];
}

const PHASE_ORDER: Record<Phase, number> = {
  P0_consent: 0, P1_referral: 1, P2_urgency: 2, P3_matching: 3, P4_key_handover: 4, P5_introduction: 5, P6_support_plan: 6, P7_living: 7, P8_transfer: 8, P9_aftercare: 9,
};
export const phaseIndex = (p: Phase) => PHASE_ORDER[p];

export function initialState(): TrajectoryState {
  return {
    startedOn: null, phase: 'P0_consent', reached: ['P0_consent'], status: 'active', exit: null, closedOn: null, variant: 'regular',
    enteredViaOtherRoute: false, multiProblemFamily: false, consentActive: false, consentId: null, lastingIntermediateLease: false,
    inTimeOutSince: null, timeOuts: [], goals: [], housingNeedsOn: null, analysisOn: null, referralSubmittedOn: null, decisionOn: null, urgencyOn: null,
    urgencyRefusedOn: null, urgencyInformationRequestedOn: null, urgencyRequests: [],
    activeMediationOn: null, offers: [], matchFinalOn: null, dwellingReadyOn: null, dwellingAddress: null, leaseStartOn: null, keyHandoverOn: null,
    transferGoalsCommunicatedOn: null, firstMeetingOn: null, introScheduledOn: null, introHeldOn: null, evaluationIntervalMonths: null,
    supplementSignedOn: null, supportPlanOn: null, evaluations: [], fibuAgreementsOn: null, fibuEvaluations: [], woningnetRenewals: [],
    nuisanceCheck: null, jointDecision: null, nominationFilledOn: null, review: null, sentToWonenOn: null, wonenConfirmedOn: null,
    wonenReturned: null, wonenSubmissions: [], contractOwnNameOn: null, contractType: null, lightSupport: null, deviations: [], inactiveEventIds: [],
  };
}

/**
 * The events that count: a correction replaces its target (with the corrected date and
 * data), a void removes it. Sorted by the date they happened, then by recording order.
 */
export function effectiveEvents(events: ReadonlyArray<TrajectoryEvent>): { events: TrajectoryEvent[]; inactive: string[] } {
  const byId = new Map(events.map((e) => [e.id, e]));
  const replaced = new Map<string, TrajectoryEvent>();
  const inactive = new Set<string>();
  for (const e of [...events].sort((a, b) => a.seq - b.seq)) {
    if (!e.correctsEventId) continue;
    const target = byId.get(e.correctsEventId);
    if (!target) continue;
    inactive.add(target.id);
    if (e.type === 'event_voided') {
      replaced.delete(target.id);
      continue;
    }
    const base = replaced.get(target.id) ?? target;
    replaced.set(target.id, {
      ...base,
      id: e.id,
      seq: e.seq,
      occurredOn: (e.data.occurredOn as string | undefined) ?? base.occurredOn,
      data: (e.data.data as Record<string, unknown> | undefined) ?? base.data,
      recordedBy: e.recordedBy,
      correctsEventId: target.id,
    });
  }
  const out: TrajectoryEvent[] = [];
  for (const e of events) {
    if (e.type === 'event_corrected' || e.type === 'event_voided') continue;
    if (inactive.has(e.id)) {
      const r = replaced.get(e.id);
      if (r) out.push(r);
      continue;
    }
    out.push(e);
  }
  out.sort((a, b) => (a.occurredOn < b.occurredOn ? -1 : a.occurredOn > b.occurredOn ? 1 : a.seq - b.seq));
  return { events: out, inactive: [...inactive] };
}

function moveTo(s: TrajectoryState, p: Phase) {
  s.phase = p;
  if (!s.reached.includes(p)) s.reached.push(p);
  s.reached.sort((a, b) => PHASE_ORDER[a] - PHASE_ORDER[b]);
}

/** Ends the urgency request that is still waiting for Wonen, if there is one. */
function endUrgencyRequest(s: TrajectoryState, on: IsoDate, end: NonNullable<UrgencyRequest['end']>) {
  const open = s.urgencyRequests[s.urgencyRequests.length - 1];
  if (open && open.endedOn === null) {
    open.endedOn = on;
    open.end = end;
  }
}

function close(s: TrajectoryState, exit: ExitCode, on: IsoDate) {
  s.status = 'closed';
  s.exit = exit;
  s.closedOn = on;
}

/** Applies one (effective) event to the state. */
export function apply(s: TrajectoryState, e: TrajectoryEvent): TrajectoryState {
  const d = e.data;
  const on = e.occurredOn;
  const lastOffer = s.offers[s.offers.length - 1];
  switch (e.type) {
    case 'trajectory_started':
      s.startedOn = on;
      s.variant = (d.variant as TrajectoryState['variant']) ?? 'regular';
      s.enteredViaOtherRoute = Boolean(d.enteredViaOtherRoute) || s.variant !== 'regular';
      s.multiProblemFamily = Boolean(d.multiProblemFamily);
      break;
    case 'consent_given':
      s.consentActive = true;
      s.consentId = d.consentId as string;
      moveTo(s, 'P1_referral');
      break;
    case 'consent_withdrawn':
      s.consentActive = false;
      break;
    case 'housing_needs_recorded':
      s.housingNeedsOn = on;
      break;
    case 'referral_analysis_recorded':
      s.analysisOn = on;
      break;
    case 'goals_set': {
      const incoming = (d.goals as Array<Omit<Goal, 'achieved' | 'achievedOn'>> | undefined) ?? [];
      const prior = new Map(s.goals.map((g) => [g.id, g]));
      s.goals = incoming.map((g) => ({ ...g, achieved: prior.get(g.id)?.achieved ?? false, achievedOn: prior.get(g.id)?.achievedOn ?? null }));
      break;
    }
    case 'referral_submitted':
      s.referralSubmittedOn = on;
      // A (new) referral asks Wonen for the urgency, unless it was granted already.
      if (s.urgencyOn === null) {
        endUrgencyRequest(s, on, 'moved_on');
        s.urgencyRequests.push({ startedOn: on, endedOn: null, end: null });
        // The new referral is a new request: the earlier refusal is answered by it.
        s.urgencyRefusedOn = null;
      }
      moveTo(s, 'P2_urgency');
      break;
    case 'decision_issued':
      s.decisionOn = on;
      break;
    case 'urgency_granted':
      s.urgencyOn = on;
      s.urgencyRefusedOn = null;
      s.urgencyInformationRequestedOn = null;
      endUrgencyRequest(s, on, 'granted');
      break;
    case 'urgency_refused':
      // The trajectory stays in P2: the care provider may refer again, object, or end the trajectory.
      s.urgencyRefusedOn = on;
      s.urgencyOn = null;
      s.urgencyInformationRequestedOn = null;
      endUrgencyRequest(s, on, 'refused');
      break;
    case 'urgency_information_requested':
      s.urgencyInformationRequestedOn = on;
      endUrgencyRequest(s, on, 'information_requested');
      break;
    case 'urgency_information_supplied':
      // Wonen's decision period starts again from the information (D-WON-1).
      s.urgencyInformationRequestedOn = null;
      s.urgencyRequests.push({ startedOn: on, endedOn: null, end: null });
      break;
    case 'active_mediation_started':
      endUrgencyRequest(s, on, 'moved_on');
      s.activeMediationOn = on;
      moveTo(s, 'P3_matching');
      break;
    case 'offer_received':
      s.offers.push({
        offerId: (d.offerId as string | undefined) ?? null, eventId: e.id, receivedOn: on, availableOn: d.availableOn as string, address: d.address as string,
        reply: null, repliedOn: null, viewedOn: null, refusedOn: null, clientInformedOn: null, clientRefusedOn: null,
        ...(typeof d.platformOfferId === 'string' ? { platformOffer: true } : {}),
      });
      break;
    case 'offer_replied':
      if (lastOffer) {
        lastOffer.reply = d.reply as OfferState['reply'];
        lastOffer.repliedOn ??= on;
      }
      break;
    case 'viewing_held':
      if (lastOffer) lastOffer.viewedOn = on;
      break;
    case 'offer_refused':
      if (lastOffer) lastOffer.refusedOn = on;
      break;
    case 'client_informed':
      if (lastOffer) lastOffer.clientInformedOn = on;
      break;
    case 'client_refused_offer':
      if (lastOffer) lastOffer.clientRefusedOn = on;
      break;
    case 'match_final':
      s.matchFinalOn = on;
      s.dwellingAddress = lastOffer?.address ?? null;
      break;
    case 'dwelling_ready':
      s.dwellingReadyOn = on;
      break;
    case 'lease_signed':
      // AMB-OR-11: the year counts from the first intermediate lease, not restarted by a swap or move.
      s.leaseStartOn ??= on;
      break;
    case 'key_handover':
      s.keyHandoverOn = on;
      moveTo(s, 'P4_key_handover');
      break;
    case 'transfer_goals_communicated':
      s.transferGoalsCommunicatedOn = on;
      break;
    case 'first_meeting_held':
      s.firstMeetingOn ??= on;
      break;
    case 'introduction_meeting_scheduled':
      s.introScheduledOn = on;
      break;
    case 'introduction_meeting_held':
      s.introHeldOn = on;
      s.evaluationIntervalMonths = d.evaluationIntervalMonths as number;
      moveTo(s, 'P5_introduction');
      break;
    case 'supplement_signed':
      s.supplementSignedOn = on;
      break;
    case 'support_plan_completed':
      s.supportPlanOn ??= on;
      if (!s.reached.includes('P6_support_plan')) s.reached.push('P6_support_plan');
      s.reached.sort((a, b) => PHASE_ORDER[a] - PHASE_ORDER[b]);
      break;
    case 'fibu_agreements_made':
      s.fibuAgreementsOn = on;
      break;
    case 'fibu_evaluation_held':
      s.fibuEvaluations.push(on);
      break;
    case 'woningnet_renewal_paid':
      s.woningnetRenewals.push(on);
      break;
    case 'housing_evaluation_held': {
      const outcome = d.outcome as EvaluationState['outcome'];
      s.evaluations.push({ eventId: e.id, on, outcome, atDwelling: Boolean(d.atDwelling) });
      if (typeof d.evaluationIntervalMonths === 'number') s.evaluationIntervalMonths = d.evaluationIntervalMonths;
      s.lastingIntermediateLease = outcome === 'lasting_intermediate_lease' ? true : s.lastingIntermediateLease;
      moveTo(s, 'P7_living');
      break;
    }
    case 'goal_achieved': {
      const g = s.goals.find((x) => x.id === d.goalId);
      if (g) {
        g.achieved = Boolean(d.achieved);
        g.achievedOn = g.achieved ? on : null;
      }
      break;
    }
    case 'nuisance_check_done':
      s.nuisanceCheck = { on, complaintsFound: Boolean(d.complaintsFound), transferPossible: Boolean(d.transferPossibleWithoutBehaviourChange), checkedWith: d.checkedWith as string[] };
      break;
    case 'transfer_decision_joint':
      s.jointDecision = { on, noUnacceptableRisks: Boolean(d.noUnacceptableRisks) };
      moveTo(s, 'P8_transfer');
      break;
    case 'nomination_filled':
      s.nominationFilledOn = on;
      break;
    case 'independent_review':
      s.review = { on, verdict: d.verdict as 'approved' | 'rejected', by: e.recordedBy };
      // R-OR-68 (proposal): a negative verdict returns the case to P7.
      if (s.review.verdict === 'rejected') {
        s.jointDecision = null;
        moveTo(s, 'P7_living');
      }
      break;
    case 'nomination_sent_to_wonen':
      s.sentToWonenOn = on;
      s.wonenReturned = null;
      s.wonenSubmissions.push({ sentOn: on, confirmedOn: null, returnedOn: null });
      break;
    case 'wonen_confirmed': {
      s.wonenConfirmedOn = on;
      const sub = s.wonenSubmissions[s.wonenSubmissions.length - 1];
      if (sub && sub.confirmedOn === null && sub.returnedOn === null) sub.confirmedOn = on;
      break;
    }
    case 'wonen_returned':
      s.wonenReturned = { on, motivation: d.motivation as string };
      s.sentToWonenOn = null;
      {
        const sub = s.wonenSubmissions[s.wonenSubmissions.length - 1];
        if (sub && sub.confirmedOn === null && sub.returnedOn === null) sub.returnedOn = on;
      }
      s.jointDecision = null;
      s.review = null;
      moveTo(s, 'P7_living');
      break;
    case 'contract_own_name_signed':
      s.contractOwnNameOn = on;
      s.contractType = d.contractType as 'indefinite' | 'five_year';
      s.lastingIntermediateLease = false;
      moveTo(s, 'P9_aftercare');
      break;
    case 'light_support_started':
      s.lightSupport = { startedOn: on, plannedEndOn: (d.plannedEndOn as string | undefined) ?? null };
      break;
    case 'trajectory_closed':
      close(s, 'completed', on);
      break;
    case 'time_out_started':
      s.inTimeOutSince = on;
      s.timeOuts.push({ startedOn: on, endedOn: null });
      break;
    case 'time_out_ended': {
      s.inTimeOutSince = null;
      const open = s.timeOuts[s.timeOuts.length - 1];
      if (open && open.endedOn === null) open.endedOn = on;
      break;
    }
    case 'care_stopped_before_transfer':
      close(s, 'X2_care_stopped', on);
      break;
    case 're_placement':
      close(s, 'X4_re_placement', on);
      break;
    case 'eviction_path_started':
      close(s, 'X5_eviction', on);
      break;
    case 'swap_or_move':
      // X6: the trajectory continues in the new dwelling (the introduction meeting follows, D-MV-02).
      s.dwellingAddress = d.newAddress as string;
      break;
    case 'trajectory_ended':
      close(s, 'ended_other', on);
      break;
    case 'deviation_recorded':
      s.deviations.push({ item: d.item as string, reason: d.reason as string, on });
      break;
    default:
      break;
  }
  return s;
}

export function deriveState(events: ReadonlyArray<TrajectoryEvent>): TrajectoryState {
  const { events: effective, inactive } = effectiveEvents(events);
  const s = initialState();
  for (const e of effective) apply(s, e);
  s.inactiveEventIds = inactive;
  return s;
}
