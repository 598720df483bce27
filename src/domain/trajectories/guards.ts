/**
 * Whether an event may be recorded now: phase (state machine table), actor (role and
 * organisation relation), data (schema per event), dates, and the rules that block a step.
 * Returns every violation with the rule it breaks, for a problem response that names it.
 */
import { Value } from 'typebox/value';
import { addPeriod, type IsoDate } from '../calendar/index.ts';
import type { Role } from '../organisations/model.ts';
import { PHASE_LABELS, type ActorKind, type EventType } from './model.ts';
import { TRANSITIONS, type TypedEventInput } from './transitions.ts';
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

export function checkEvent(s: TrajectoryState, input: EventInput, actor: RecordingActor, today: IsoDate): Violation[] {
  const t = TRANSITIONS[input.type];
  const out: Violation[] = [];

  // Data shape, per event type.
  if (!Value.Check(t.data, input.data)) {
    for (const e of Value.Errors(t.data, input.data)) {
      out.push(v('invalid_data', null, `Ongeldig gegeven: ${e.message}`, `Invalid data: ${e.message}`, `/data${e.instancePath}`));
    }
    return out;
  }

  // Dates: not in the future, not before the trajectory started.
  if (input.occurredOn > today) out.push(v('date_in_future', null, 'De datum ligt in de toekomst.', 'The date is in the future.', '/occurredOn'));
  if (s.startedOn && input.occurredOn < s.startedOn) {
    out.push(v('date_before_start', null, `De datum ligt vóór de start van het traject (${s.startedOn}).`, `The date is before the trajectory started (${s.startedOn}).`, '/occurredOn'));
  }

  // Phase, party, consent and earlier steps: the same checks availability reports.
  out.push(...checkPreconditions(s, input.type, actor, input.occurredOn));

  // The step's own data.
  const d = input.data;
  switch (input.type) {
    case 'goals_set': {
      const goals = d.goals as Array<{ domain: string; id: string }>;
      const ids = new Set(goals.map((g) => g.id));
      if (ids.size !== goals.length) out.push(v('duplicate_goal_id', 'R-OR-14', 'Twee doelen hebben hetzelfde kenmerk.', 'Two goals share an identifier.', '/data/goals'));
      const missing = missingLifeDomains(goals);
      if (missing.length) out.push(v('life_domains_missing', 'R-OR-09', `Er ontbreken doelen voor de leefdomeinen: ${domainWords(missing, 'nl')}.`, `Goals are missing for the life domains: ${domainWords(missing, 'en')}.`, '/data/goals'));
      break;
    }
    case 'offer_received':
      if (d.recentNuisanceFile === true) out.push(v('recent_nuisance_file', 'R-OR-16', 'Een woning met een recent overlastdossier mag niet worden aangeboden.', 'A dwelling with a recent nuisance file may not be offered.', '/data/recentNuisanceFile'));
      break;
    case 'viewing_held':
      if (s.offers.length && input.occurredOn < s.offers[s.offers.length - 1]!.receivedOn) {
        out.push(v('date_before_offer', 'R-OR-19', 'De bezichtiging ligt vóór het aanbod.', 'The viewing is before the offer.', '/occurredOn'));
      }
      break;
    case 'introduction_meeting_held':
      if (s.keyHandoverOn && input.occurredOn > addPeriod(s.keyHandoverOn, 3, 'months') && !s.deviations.some((x) => x.item === 'D-08')) {
        out.push(v('d08_exceeded_without_deviation', 'R-OR-05', 'Het kennismakingsgesprek valt na de termijn van 3 maanden na de sleuteloverdracht; leg eerst een afwijking met reden vast.', 'The introduction meeting is after the 3-month limit after the key handover; record a deviation with reason first.'));
      }
      if (d.atDwelling !== true) out.push(v('not_at_dwelling', 'R-OR-35', 'Het kennismakingsgesprek vindt plaats in de woning van de bewoner.', 'The introduction meeting takes place at the dwelling.', '/data/atDwelling'));
      break;
    case 'housing_evaluation_held':
      if (d.preConsultationHeld !== true) out.push(v('pre_consultation_missing', 'R-OR-59', 'Houd eerst het telefonisch vooroverleg met de contactpersoon van de corporatie.', 'First hold the telephone pre-consultation with the corporation contact.', '/data/preConsultationHeld'));
      if (d.consentChecked !== true) out.push(v('consent_not_checked', 'R-OR-90', 'Vraag vóór elke evaluatie opnieuw toestemming voor het delen van gegevens.', 'Ask consent for sharing again before each evaluation.', '/data/consentChecked'));
      if (d.atDwelling !== true && s.variant !== 'umo_ujo_panel' && s.variant !== 'lasting_intermediate_lease') {
        out.push(v('not_at_dwelling', 'R-OR-57', 'De woonevaluatie vindt plaats in de woning.', 'The housing evaluation takes place at the dwelling.', '/data/atDwelling'));
      }
      if (d.outcome === 'continue' && !d.pointsForProgress) out.push(v('points_for_progress_missing', 'R-OR-60', 'Benoem de punten waarop vooruitgang nodig is.', 'State the points on which progress is needed.', '/data/pointsForProgress'));
      break;
    case 'signal_reported':
      // R-OR-48: the corporation does not confront the resident with nuisance signals without consulting the care provider.
      if (actor.kinds.includes('corporation') && !actor.kinds.includes('care_provider') && d.sharedWithResident === true && d.careProviderConsulted !== true) {
        out.push(v('care_provider_not_consulted', 'R-OR-48', 'Deel een signaal van overlast pas met de bewoner na overleg met de zorgaanbieder.', 'Share a nuisance signal with the resident only after consulting the care provider.', '/data/careProviderConsulted'));
      }
      break;
    case 'goal_achieved':
      if (!s.goals.some((g) => g.id === d.goalId)) out.push(v('unknown_goal', 'R-OR-14', 'Dit doel bestaat niet in dit traject.', 'This goal does not exist in this trajectory.', '/data/goalId'));
      break;
    case 'nomination_sent_to_wonen': {
      if (d.nawBankIbriShared !== true) out.push(v('naw_not_shared', 'R-OR-70', 'Zorg dat de corporatie actuele NAW-gegevens, rekeningnummer en IBRI heeft.', 'Make sure the corporation has current NAW data, bank account and IBRI.', '/data/nawBankIbriShared'));
      break;
    }
    case 'municipality_recorded':
      if (!d.municipalityId && !d.dwellingMunicipalityId) out.push(v('municipality_missing', 'R-MO-18', 'Kies een gemeente.', 'Choose a municipality.', '/data/municipalityId'));
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

/**
 * The event as its transition-table schema types it: a checked narrowing of untyped input (an HTTP
 * body, seed data) to the discriminated union, so the write path never casts event data.
 */
export function isTypedEventInput(raw: { type: EventType; occurredOn: string; data: unknown; correctsEventId?: string | null }): raw is TypedEventInput {
  return Value.Check(TRANSITIONS[raw.type].data, raw.data);
}

/** The schema violations of untyped event data, as refusals that name the field. */
export function eventDataViolations(type: EventType, data: unknown): Violation[] {
  return [...Value.Errors(TRANSITIONS[type].data, data)].map((e) => v('invalid_data', null, `Ongeldig gegeven: ${e.message}`, `Invalid data: ${e.message}`, `/data${e.instancePath}`));
}
