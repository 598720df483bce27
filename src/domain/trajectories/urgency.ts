/**
 * Wonen's decision on the urgency request (P2.2). The spec does not describe the process (AMB-OR-12);
 * the proposal (docs/adr/0010-urgency-decision-term.md, deadline D-WON-1): a referral asks Wonen for
 * the urgency; Wonen grants it, refuses it with reasons, or asks for information, which the care
 * provider supplies, after which Wonen decides. After a refusal the trajectory stays in P2: the care
 * provider may refer again, object (a complaint with the channel "objection") or end the trajectory.
 */
import type { EventType } from './model.ts';
import type { TrajectoryState } from './state.ts';

export interface UrgencyViolation {
  code: string;
  rule: string;
  nl: string;
  en: string;
  precondition: true;
}

const pre = (code: string, rule: string, nl: string, en: string): UrgencyViolation => ({ code, rule, nl, en, precondition: true });

/** What must be in place before a step of Wonen's urgency decision (and a new referral) can be recorded. */
export function urgencyPreconditions(s: TrajectoryState, type: EventType): UrgencyViolation[] {
  switch (type) {
    case 'referral_submitted':
      // Once in P2, a new referral only after Wonen refused the urgency.
      if (s.phase === 'P2_urgency' && s.urgencyRefusedOn === null) {
        return [pre('referral_already_submitted', 'D-WON-1', 'De voordracht ligt al bij Wonen; een nieuwe voordracht kan pas na een afwijzing van de urgentie.', 'The referral is already with Wonen; a new referral is only possible after the urgency was refused.')];
      }
      return [];
    case 'urgency_refused':
    case 'urgency_information_requested':
      if (s.urgencyOn !== null) {
        return [pre('urgency_already_granted', 'R-OR-13', 'De urgentie is al toegekend; corrigeer die stap als de beslissing anders is.', 'The urgency has already been granted; correct that step if the decision is different.')];
      }
      if (type === 'urgency_information_requested' && s.urgencyInformationRequestedOn !== null) {
        return [pre('information_already_requested', 'D-WON-1', 'Er is al om informatie gevraagd; wacht op het antwoord van de zorgaanbieder.', 'Information has already been asked for; wait for the care provider’s answer.')];
      }
      if (s.urgencyRefusedOn !== null) {
        return [pre('urgency_already_refused', 'D-WON-1', 'De urgentie is al afgewezen; eerst moet de zorgaanbieder opnieuw voordragen.', 'The urgency has already been refused; the care provider has to refer again first.')];
      }
      return [];
    case 'urgency_information_supplied':
      if (s.urgencyInformationRequestedOn === null) {
        return [pre('no_information_requested', 'D-WON-1', 'Wonen heeft niet om aanvullende informatie gevraagd.', 'Wonen has not asked for more information.')];
      }
      return [];
    default:
      return [];
  }
}
