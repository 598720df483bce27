/**
 * Whether an event may be recorded now: phase (state machine table), actor (role and
 * organisation relation), data (schema per event), dates, and the rules that block a step.
 * Returns every violation with the rule it breaks, for a problem response that names it.
 * The full check of a step with its data (`checkEvent`, using the schema validator) is in
 * event-data.ts: the browser asks this module what is possible and never loads the validator.
 */
import type { IsoDate } from '../calendar/index.ts';
import type { Role } from '../organisations/model.ts';
import { PHASE_LABELS, type ActorKind, type EventType } from './model.ts';
import { TRANSITIONS } from './transitions.ts';
import type { TrajectoryState } from './state.ts';
import { failingBeforeNomination } from './transfer.ts';
import { urgencyPreconditions } from './urgency.ts';

export interface Violation {
  code: string;
  rule: string | null;
  nl: string;
  en: string;
  /** JSON pointer into the event data, for field errors. */
  field?: string;
  /** Set on what must be in place before the step (phase, party, consent, earlier steps): "not yet possible". */
  precondition?: true;
}

export interface RecordingActor {
  userId: string;
  role: Role;
  /** How the acting organisation relates to this trajectory. */
  kinds: ReadonlyArray<ActorKind>;
  /** R-OR-68: the reviewer may not be the resident's own personal supervisor. */
  isPersonalSupervisor: boolean;
}

export interface EventInput {
  type: EventType;
  occurredOn: IsoDate;
  data: Record<string, unknown>;
  correctsEventId?: string | null;
}

const v = (code: string, rule: string | null, nl: string, en: string, field?: string): Violation => ({ code, rule, nl, en, ...(field ? { field } : {}) });

/** The four life domains of R-OR-09, in words (refusals name them, never their codes). */
export const LIFE_DOMAINS = ['daytime_activities', 'social_functioning', 'psychological_functioning', 'financial_functioning'] as const;
export const LIFE_DOMAIN_WORDS: Record<(typeof LIFE_DOMAINS)[number], { nl: string; en: string }> = {
  daytime_activities: { nl: 'dagbesteding', en: 'daytime activities' },
  social_functioning: { nl: 'sociaal functioneren', en: 'social functioning' },
  psychological_functioning: { nl: 'psychisch functioneren', en: 'psychological functioning' },
  financial_functioning: { nl: 'financieel functioneren', en: 'financial functioning' },
};

/** The life domains (R-OR-09) that none of these goals covers, in their fixed order. */
export function missingLifeDomains(goals: ReadonlyArray<{ domain: string }>): Array<(typeof LIFE_DOMAINS)[number]> {
  return LIFE_DOMAINS.filter((x) => !goals.some((g) => g.domain === x));
}

const domainWords = (list: ReadonlyArray<(typeof LIFE_DOMAINS)[number]>, lang: 'nl' | 'en') => list.map((x) => LIFE_DOMAIN_WORDS[x][lang]).join(', ');

/** A violation of what must be in place before a step (phase, party, consent, earlier steps): "not yet possible". */
const pre = (code: string, rule: string | null, nl: string, en: string): Violation => ({ code, rule, nl, en, precondition: true });

/**
 * What must be in place before a step of this type can be recorded on `on` — the phase (state
 * machine), the party (role and organisation relation), the client's consent and the earlier steps
 * it builds on — independent of the step's own data. `checkEvent` refuses with exactly these, and
 * availability (availability.ts) lists them as what is still missing, so the two never disagree.
 */
export function checkPreconditions(s: TrajectoryState, type: EventType, actor: RecordingActor, on: IsoDate): Violation[] {
  const t = TRANSITIONS[type];
  const out: Violation[] = [];

  // Phase: the state machine.
  const from = t.from;
  if (type === 'trajectory_started') {
    if (s.startedOn) out.push(pre('already_started', null, 'Dit traject is al gestart.', 'This trajectory has already started.'));
  } else if (!s.startedOn) {
    out.push(pre('not_started', null, 'Het traject is nog niet gestart.', 'The trajectory has not started yet.'));
  } else if (from === 'closed') {
    if (s.status !== 'closed') out.push(pre('phase_not_allowed', null, 'Dit kan pas nadat het traject is beëindigd.', 'This is only possible after the trajectory has ended.'));
  } else if (s.status === 'closed' && type !== 'event_corrected' && type !== 'event_voided') {
    out.push(pre('trajectory_closed', null, 'Het traject is afgesloten.', 'The trajectory is closed.'));
  } else if (from !== 'active' && !from.includes(s.phase)) {
    const where = (lang: 'nl' | 'en') => from.map((p) => `“${PHASE_LABELS[p][lang]}”`).join(lang === 'nl' ? ' of ' : ' or ');
    out.push(pre(
      'phase_not_allowed', t.rules[0] ?? null,
      `“${t.label.nl}” kan niet in de fase “${PHASE_LABELS[s.phase].nl}”${from.length ? `, wel in de fase ${where('nl')}` : ''}.`,
      `“${t.label.en}” is not allowed in the phase “${PHASE_LABELS[s.phase].en}”${from.length ? `, only in the phase ${where('en')}` : ''}.`,
    ));
  }

  // Actor: role and the organisation's relation to the trajectory.
  if (!mayRecord(type, actor)) {
    out.push(pre('actor_not_allowed', t.rules[0] ?? null, 'Uw rol of organisatie mag deze stap niet vastleggen.', 'Your role or organisation may not record this step.'));
  }

  // Consent before any sharing (R-OR-82), and no new disclosures after withdrawal (R-OR-94).
  if (type !== 'trajectory_started' && type !== 'consent_given' && !s.consentActive && !actor.kinds.includes('care_provider')) {
    out.push(pre('no_consent', 'R-OR-82', 'Er is geen geldige toestemming van de cliënt; gegevens mogen niet worden gedeeld.', 'There is no valid consent of the client; data may not be shared.'));
  }

  // Wonen's urgency decision (D-WON-1): a new referral only after a refusal, no refusal after a grant, an answer only to a question.
  out.push(...urgencyPreconditions(s, type));

  // The earlier steps this one builds on.
  const lastOffer = s.offers[s.offers.length - 1];
  switch (type) {
    case 'referral_submitted': {
      if (!s.housingNeedsOn) out.push(pre('housing_needs_missing', 'R-OR-06', 'Het woonbehoeftenprofiel ontbreekt.', 'The housing-needs profile is missing.'));
      if (!s.analysisOn) out.push(pre('analysis_missing', 'R-OR-08', 'De analyse van kansen en overlastrisico ontbreekt.', 'The referral analysis is missing.'));
      const missing = missingLifeDomains(s.goals);
      if (missing.length) {
        out.push(pre('goals_missing', 'R-OR-09', `Er ontbreken gepersonaliseerde doelen voor de leefdomeinen: ${domainWords(missing, 'nl')}.`, `Personalised goals are missing for the life domains: ${domainWords(missing, 'en')}.`));
      }
      break;
    }
    case 'offer_received':
      if (lastOffer && !lastOffer.refusedOn && !lastOffer.clientRefusedOn) {
        out.push(pre('offer_open', 'R-OR-22', 'Er loopt al een aanbod; wijs het eerst af met redenen.', 'An offer is already open; refuse it with reasons first.'));
      }
      break;
    case 'offer_replied':
    case 'viewing_held':
    case 'offer_refused':
    case 'client_informed':
    case 'client_refused_offer':
      if (!lastOffer) out.push(pre('no_offer', 'R-OR-15', 'Er is geen aanbod.', 'There is no offer.'));
      break;
    case 'match_final':
      if (!s.offers.some((o) => o.clientInformedOn && !o.refusedOn && !o.clientRefusedOn)) {
        out.push(pre('client_not_informed', 'R-OR-21', 'De cliënt is nog niet geïnformeerd over het aanbod.', 'The client has not been informed of the offer yet.'));
      }
      break;
    case 'lease_signed':
      if (!s.matchFinalOn) out.push(pre('no_match', 'R-OR-23', 'De match is nog niet definitief.', 'The match is not final yet.'));
      break;
    case 'key_handover':
      if (!s.matchFinalOn) out.push(pre('no_match', 'R-OR-23', 'De match is nog niet definitief.', 'The match is not final yet.'));
      if (!s.dwellingReadyOn) out.push(pre('dwelling_not_ready', 'R-OR-28', 'De woning is nog niet verhuurklaar gemeld.', 'The dwelling has not been reported ready to let.'));
      if (!s.leaseStartOn) out.push(pre('lease_not_signed', 'R-OR-02', 'De huurovereenkomsten zijn nog niet getekend.', 'The leases are not signed yet.'));
      break;
    case 'introduction_meeting_held':
      if (!s.transferGoalsCommunicatedOn) out.push(pre('transfer_goals_not_communicated', 'R-OR-32', 'Leg eerst vast dat de omklapdoelen met de bewoner zijn besproken (uiterlijk bij de sleuteloverdracht).', 'First record that the transfer goals were communicated (at the latest at the key handover).'));
      break;
    case 'transfer_decision_joint':
      if (!s.evaluations.length) out.push(pre('no_evaluation', 'R-OR-64', 'Er is nog geen woonevaluatie gehouden.', 'No housing evaluation has been held yet.'));
      if (!s.nuisanceCheck) out.push(pre('no_nuisance_check', 'R-OR-64', 'De overlastcheck bij MZWO en corporatie ontbreekt.', 'The nuisance check with MZWO and the corporation is missing.'));
      break;
    case 'independent_review':
      if (!s.jointDecision) out.push(pre('no_joint_decision', 'R-OR-66', 'Er is nog geen gezamenlijk besluit tot omklap.', 'There is no joint transfer decision yet.'));
      if (actor.isPersonalSupervisor) out.push(pre('reviewer_is_supervisor', 'R-OR-68', 'De onafhankelijke derde mag niet de persoonlijk begeleider van deze bewoner zijn.', 'The independent reviewer may not be this resident’s personal supervisor.'));
      break;
    case 'nomination_sent_to_wonen':
      for (const c of failingBeforeNomination(s, on)) out.push(pre(`transfer_condition_${c.id}`, 'R-OR-64', `Voorwaarde voor omklap nog niet vervuld: ${c.nl}`, `Transfer condition not met yet: ${c.en}`));
      break;
    case 'wonen_confirmed':
    case 'wonen_returned':
      if (!s.sentToWonenOn) out.push(pre('not_sent_to_wonen', 'R-OR-71', 'Er ligt geen voordracht bij Wonen.', 'No nomination is waiting at Wonen.'));
      break;
    case 'contract_own_name_signed':
      if (!s.wonenConfirmedOn) out.push(pre('not_confirmed', 'R-OR-64', 'Wonen heeft de voordracht nog niet bevestigd.', 'Wonen has not confirmed the nomination.'));
      break;
    case 'time_out_ended':
      if (!s.inTimeOutSince) out.push(pre('no_time_out', 'D-OV-09', 'Er loopt geen time-out.', 'No time-out is running.'));
      break;
    case 'time_out_started':
      if (s.inTimeOutSince) out.push(pre('time_out_running', 'D-OV-09', 'Er loopt al een time-out.', 'A time-out is already running.'));
      break;
    case 'woningnet_reactivation_requested':
      if (s.exit !== 'X2_care_stopped' && s.exit !== 'X5_eviction' && s.exit !== 'ended_other') {
        out.push(pre('not_an_early_stop', 'R-OR-81', 'Heractivering kan alleen na een voortijdige beëindiging.', 'Reactivation is only possible after an early stop.'));
      }
      break;
    default:
      break;
  }
  return out;
}

/** Whether the actor's role and organisation relation may record this type of event (the transition table's actors). */
export function mayRecord(type: EventType, actor: Pick<RecordingActor, 'role' | 'kinds'>): boolean {
  return TRANSITIONS[type].actors.some((a) => actor.kinds.includes(a.kind) && a.roles.includes(actor.role));
}

/**
 * Correcting or voiding an event is for the party that may record it: Wonen cannot void the care
 * provider's consent step, a corporation cannot correct the support plan. Returns the refusal, or
 * null when the actor may record the corrected event's type.
 */
export function correctionPartyViolation(target: EventType, actor: Pick<RecordingActor, 'role' | 'kinds'>): Violation | null {
  if (mayRecord(target, actor)) return null;
  const t = TRANSITIONS[target];
  return v(
    'correction_by_other_party', t.rules[0] ?? null,
    `Alleen wie “${t.label.nl}” mag vastleggen, mag deze stap corrigeren of laten vervallen.`,
    `Only a party that may record “${t.label.en}” may correct or void this step.`,
    '/correctsEventId',
  );
}

/** Shared with event-data.ts, which checks the step's data on the write path. */
export { v as violation, domainWords as lifeDomainWords };
