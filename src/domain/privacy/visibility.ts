/**
 * Consent and purpose binding (omslagroute.md §8): which purposes (PB-1 … PB-8) a viewer may
 * read a client's data for, which artefacts each party sees (§8.3 visibility matrix) and which
 * fields of the client record and which trajectory events leave the care provider.
 * The policy decides *whether* a subject may act on a case; this module decides *what* it sees.
 */
import type { EventType, Phase } from '../trajectories/model.ts';
import type { Purpose } from '../policy/index.ts';

/** How the viewer relates to the case, strongest first. */
export type Viewer = 'care_provider' | 'corporation' | 'wonen' | 'nuisance_hub' | 'client';

export type SharingPurpose = Extract<Purpose, 'PB-1' | 'PB-2' | 'PB-3' | 'PB-4' | 'PB-5' | 'PB-6' | 'PB-7' | 'PB-8'>;
export const SHARING_PURPOSES: ReadonlyArray<SharingPurpose> = ['PB-1', 'PB-2', 'PB-3', 'PB-4', 'PB-5', 'PB-6', 'PB-7', 'PB-8'];

export const PURPOSE_LABELS: Record<SharingPurpose, { nl: string; en: string }> = {
  'PB-1': { nl: 'Matching bewoner en woning', en: 'Matching resident and dwelling' },
  'PB-2': { nl: 'Passende toewijzing en start intermediaire verhuur', en: 'Suitable allocation and start of intermediate lease' },
  'PB-3': { nl: 'Kennismakingsgesprek', en: 'Introduction meeting' },
  'PB-4': { nl: 'Signalen van overlast en huurachterstand', en: 'Signals of nuisance and rent arrears' },
  'PB-5': { nl: 'Jaarlijkse woonevaluatie', en: 'Annual housing evaluation' },
  'PB-6': { nl: 'Voorafgaand aan omklap', en: 'Before lease transfer' },
  'PB-7': { nl: 'Intermediaire verhuur stopt voor omklap', en: 'Intermediate lease stops before transfer' },
  'PB-8': { nl: 'Meldpunt Zorg en Woonoverlast; Nieuwe Kansregeling', en: 'Nuisance hub cases; New Chance' },
};

/** R-OR-83: what the care provider explains when asking consent; each item is recorded as explained. */
export const CONSENT_EXPLANATION_ITEMS = ['what', 'why', 'which_information', 'with_whom', 'storage_and_retention', 'rights'] as const;
export type ConsentExplanationItem = (typeof CONSENT_EXPLANATION_ITEMS)[number];

// ─── §8.3 Visibility matrix of artefacts ──────────────────────────────────────

export type Artefact = 'support_plan' | 'supplement' | 'evaluation_form' | 'meeting_report' | 'nomination' | 'income_data' | 'intervention_nature' | 'nuisance_letters';
export type Access = 'full' | 'copy' | 'partial' | 'none';

export const VISIBILITY: Record<Artefact, Record<Viewer, Access>> = {
  // R-OR-46 / R-OR-89(c): the corporation never sees the support plan; Wonen not either (proposal).
  support_plan: { client: 'full', care_provider: 'full', corporation: 'none', wonen: 'none', nuisance_hub: 'none' },
  supplement: { client: 'copy', care_provider: 'copy', corporation: 'copy', wonen: 'none', nuisance_hub: 'none' },
  evaluation_form: { client: 'copy', care_provider: 'full', corporation: 'copy', wonen: 'none', nuisance_hub: 'none' },
  meeting_report: { client: 'none', care_provider: 'full', corporation: 'none', wonen: 'none', nuisance_hub: 'none' },
  // Proposal: the corporation sees the aftercare part (V-09) of the nomination; Wonen receives it.
  nomination: { client: 'copy', care_provider: 'full', corporation: 'partial', wonen: 'full', nuisance_hub: 'none' },
  income_data: { client: 'full', care_provider: 'full', corporation: 'full', wonen: 'full', nuisance_hub: 'none' },
  intervention_nature: { client: 'full', care_provider: 'full', corporation: 'none', wonen: 'none', nuisance_hub: 'none' },
  nuisance_letters: { client: 'copy', care_provider: 'full', corporation: 'copy', wonen: 'none', nuisance_hub: 'partial' },
};

/** The form kinds and the artefact each is. */
export const FORM_ARTEFACT: Record<'F-1' | 'F-2' | 'F-3' | 'F-4', Artefact> = {
  'F-1': 'supplement',
  'F-2': 'evaluation_form',
  'F-3': 'nomination',
  'F-4': 'support_plan',
};

/**
 * R-OR-86 purpose binding per form (§8.2): the purposes under which a form is shared outside the
 * care provider; under any other purpose it is refused, even in a phase where the party may
 * read the case. The evaluation form (F-2) is shared for the annual evaluation and before
 * transfer only (PB-5 names "copy of the evaluation form"; PB-6 judges the goals); the
 * nomination (F-3) before transfer (PB-6: "nomination form"); the supplement (F-1) from the
 * signing of the leases and the introduction (PB-2, PB-3: "supplement contents") and for the
 * evaluation and transfer check that judge progress on its agreements (PB-5, PB-6; R-OR-59).
 * The support plan is never shared outside the care provider (R-OR-46).
 */
export const FORM_PURPOSES: Record<keyof typeof FORM_ARTEFACT, ReadonlyArray<SharingPurpose>> = {
  'F-1': ['PB-2', 'PB-3', 'PB-5', 'PB-6'],
  'F-2': ['PB-5', 'PB-6'],
  'F-3': ['PB-6'],
  'F-4': [],
};

/** Whether a read under this purpose may include this form (the care provider and the client read without a sharing purpose). */
export function formSharedUnder(viewer: Viewer, kind: keyof typeof FORM_ARTEFACT, purpose: string | null): boolean {
  if (viewer === 'care_provider' || viewer === 'client') return true;
  return (FORM_PURPOSES[kind] as ReadonlyArray<string>).includes(purpose ?? '');
}

export function canSeeArtefact(viewer: Viewer, artefact: Artefact): boolean {
  return VISIBILITY[artefact][viewer] !== 'none';
}

// ─── Client record fields ────────────────────────────────────────────────────

export const CLIENT_FIELDS = [
  'id', 'firstName', 'lastName', 'birthDate', 'phone', 'email', 'address', 'household', 'woningnetNumber', 'woningnetRegisteredOn',
  'oldWoningnetNumber', 'oldWoningnetRegisteredOn', 'targetGroup', 'multiProblemFamily', 'careProviderId', 'version', 'createdAt', 'updatedAt',
] as const;
export type ClientField = (typeof CLIENT_FIELDS)[number];

/**
 * R-OR-88 / R-OR-89: only what the receiving party needs for its purpose. A corporation gets
 * name, household composition and contact details (PB-1 matching, PB-3 introduction) and the
 * WoningNet registration (PB-7 restoration); Wonen gets what the urgency and transfer check needs.
 */
const CLIENT_FIELDS_BY_VIEWER: Record<Viewer, ReadonlyArray<ClientField>> = {
  client: CLIENT_FIELDS,
  care_provider: CLIENT_FIELDS,
  corporation: ['id', 'firstName', 'lastName', 'birthDate', 'phone', 'email', 'address', 'household', 'woningnetNumber', 'oldWoningnetNumber', 'oldWoningnetRegisteredOn', 'careProviderId'],
  wonen: ['id', 'firstName', 'lastName', 'birthDate', 'address', 'household', 'woningnetNumber', 'woningnetRegisteredOn', 'oldWoningnetNumber', 'oldWoningnetRegisteredOn', 'targetGroup', 'careProviderId'],
  nuisance_hub: ['id', 'firstName', 'lastName', 'address', 'careProviderId'],
};

export function visibleClientFields(viewer: Viewer): ReadonlyArray<ClientField> {
  return CLIENT_FIELDS_BY_VIEWER[viewer];
}

// ─── Trajectory events ───────────────────────────────────────────────────────

/**
 * Which events a party outside the care provider sees. Never: the referral analysis and
 * preparation (background, R-OR-89a), the support plan and goals beyond those linked to the
 * urgency (R-OR-46), the nature of interventions (time-out, re-placement, R-OR-89d), Fibu.
 */
const CORPORATION_EVENTS: ReadonlySet<EventType> = new Set<EventType>([
  'trajectory_started', 'consent_given', 'consent_withdrawn', 'active_mediation_started', 'offer_received', 'offer_replied', 'viewing_held', 'offer_refused',
  'client_informed', 'client_refused_offer', 'match_final', 'dwelling_ready', 'lease_signed', 'key_handover', 'contacts_exchanged',
  'introduction_meeting_scheduled', 'introduction_meeting_held', 'supplement_signed', 'housing_evaluation_held', 'nuisance_check_done',
  'transfer_decision_joint', 'signal_reported', 'nomination_sent_to_wonen', 'wonen_confirmed', 'wonen_returned', 'contract_own_name_signed',
  'care_stopped_before_transfer', 'woningnet_reactivation_requested', 'swap_or_move', 'trajectory_ended', 'trajectory_closed', 'deviation_recorded', 'eviction_path_started',
  'municipality_recorded',
]);

const WONEN_EVENTS: ReadonlySet<EventType> = new Set<EventType>([
  'trajectory_started', 'consent_given', 'consent_withdrawn', 'referral_submitted', 'decision_issued', 'urgency_granted', 'active_mediation_started', 'match_final',
  // Wonen's own urgency decision (D-WON-1): its refusal, its question and the answer to it.
  'urgency_refused', 'urgency_information_requested', 'urgency_information_supplied',
  'lease_signed', 'key_handover', 'housing_evaluation_held', 'goal_achieved', 'nuisance_check_done', 'transfer_decision_joint', 'nomination_filled', 'independent_review',
  'nomination_sent_to_wonen', 'wonen_confirmed', 'wonen_returned', 'decision_extension_requested', 'contract_own_name_signed', 'care_stopped_before_transfer',
  'trajectory_ended', 'trajectory_closed', 'municipality_recorded',
]);

export function canSeeEvent(viewer: Viewer, type: EventType): boolean {
  if (viewer === 'care_provider' || viewer === 'client') return true;
  if (viewer === 'corporation') return CORPORATION_EVENTS.has(type);
  if (viewer === 'wonen') return WONEN_EVENTS.has(type);
  return false;
}

/**
 * Event data outside the care provider, as data per party and event type: only the keys listed
 * leave the care provider (default deny — a new field stays inside until it is listed here).
 * Housing facts, never the care content: not the access route or the multi-problem flag of the
 * start (R-OR-89a), not the reasons of a care stop, not the motivation of the independent review.
 */
const EVENT_DATA_OUTSIDE: Record<'corporation' | 'wonen', Partial<Record<EventType, ReadonlyArray<string>>>> = {
  corporation: {
    trajectory_started: ['variant', 'enteredViaOtherRoute', 'municipalityId'],
    offer_received: ['offerId', 'address', 'availableOn', 'floor', 'lift', 'facilities', 'noiseAndDefects', 'contactName', 'contactPhone', 'liveabilityNote', 'recentNuisanceFile'],
    offer_replied: ['reply'],
    offer_refused: ['reasons'],
    client_informed: ['choicesDiscussed'],
    client_refused_offer: ['reasons'],
    match_final: ['newWoningnetNumber', 'oldRegistrationKept', 'dwellingMunicipalityId'],
    lease_signed: ['ibriShared'],
    key_handover: ['corporationContactPresent', 'dwellingMunicipalityId'],
    introduction_meeting_scheduled: ['plannedOn'],
    introduction_meeting_held: ['atDwelling', 'evaluationIntervalMonths'],
    supplement_signed: ['formId'],
    housing_evaluation_held: ['outcome', 'atDwelling'],
    nuisance_check_done: ['complaintsFound', 'transferPossibleWithoutBehaviourChange', 'checkedWith'],
    // R-OR-69: aftercare agreements are on the nomination; the corporation sees that a decision was made.
    transfer_decision_joint: ['residentAgrees', 'careProviderAgrees', 'corporationAgrees'],
    signal_reported: ['kind', 'description', 'sharedWithResident', 'careProviderConsulted'],
    nomination_sent_to_wonen: ['nawBankIbriShared'],
    wonen_confirmed: ['reasonCodes'],
    wonen_returned: ['reasonCodes', 'motivation'],
    contract_own_name_signed: ['contractType', 'depositEur'],
    care_stopped_before_transfer: ['reportedToCorporation', 'reportedToWonen'],
    woningnet_reactivation_requested: ['oldRegistrationNumber'],
    swap_or_move: ['kind', 'newAddress'],
    deviation_recorded: ['item', 'agreedBy'],
    municipality_recorded: ['municipalityId', 'dwellingMunicipalityId'],
  },
  wonen: {
    trajectory_started: ['variant', 'enteredViaOtherRoute', 'municipalityId'],
    referral_submitted: ['municipalityId'],
    decision_issued: ['reference'],
    urgency_granted: ['conditional', 'municipalityId'],
    urgency_refused: ['reasons'],
    urgency_information_requested: ['informationRequested'],
    urgency_information_supplied: ['informationSupplied'],
    match_final: ['newWoningnetNumber', 'oldRegistrationKept', 'dwellingMunicipalityId'],
    lease_signed: ['ibriShared'],
    key_handover: ['dwellingMunicipalityId'],
    housing_evaluation_held: ['outcome', 'atDwelling'],
    goal_achieved: ['goalId', 'achieved'],
    nuisance_check_done: ['complaintsFound', 'transferPossibleWithoutBehaviourChange'],
    transfer_decision_joint: ['residentAgrees', 'careProviderAgrees', 'corporationAgrees'],
    nomination_filled: ['formId'],
    independent_review: ['verdict'],
    nomination_sent_to_wonen: ['nawBankIbriShared'],
    wonen_confirmed: ['reasonCodes'],
    wonen_returned: ['reasonCodes', 'motivation'],
    decision_extension_requested: ['reason'],
    contract_own_name_signed: ['contractType'],
    care_stopped_before_transfer: ['reportedToCorporation', 'reportedToWonen'],
    municipality_recorded: ['municipalityId', 'dwellingMunicipalityId'],
  },
};

/** Event data a party sees: everything inside the care provider, the listed housing facts outside it, nothing for others. */
export function visibleEventData(viewer: Viewer, type: EventType, data: Record<string, unknown>): Record<string, unknown> {
  if (viewer === 'care_provider' || viewer === 'client') return data;
  if (viewer !== 'corporation' && viewer !== 'wonen') return {};
  const keys = EVENT_DATA_OUTSIDE[viewer][type];
  if (!keys) return {};
  return Object.fromEntries(Object.entries(data).filter(([k]) => keys.includes(k)));
}

/**
 * Whether a party sees this one event: its type (canSeeEvent) and, for the assessment of a goal,
 * whether the goal is one linked to the conditional urgency (R-OR-46: other goals stay inside).
 */
export function canSeeEventInstance(viewer: Viewer, type: EventType, data: Record<string, unknown>, urgencyGoalIds: ReadonlyArray<string>): boolean {
  if (!canSeeEvent(viewer, type)) return false;
  if (type === 'goal_achieved' && viewer !== 'care_provider' && viewer !== 'client') return urgencyGoalIds.includes(String(data.goalId));
  return true;
}

/**
 * Deadlines outside the care provider: the housing process, not the care. The support plan (D-06),
 * Fibu (D-12), light support (D-16) and the time-out (D-OV-09, nature of an intervention) stay inside.
 */
const HIDDEN_DEADLINES_OUTSIDE: ReadonlySet<string> = new Set(['D-06', 'D-12', 'D-16', 'D-OV-09']);

export function canSeeDeadline(viewer: Viewer, ruleId: string): boolean {
  if (viewer === 'care_provider' || viewer === 'client') return true;
  // The hub sees the nuisance protocol's deadlines of the cases reported to it (its own D-OV-05 and the parties'
  // steps it monitors, MZ-4), never the care content (the time-out, D-OV-09; re-placement, D-OV-10) nor a trajectory's.
  if (viewer === 'nuisance_hub') return /^(D|R)-OV-/.test(ruleId) && ruleId !== 'D-OV-10' && !HIDDEN_DEADLINES_OUTSIDE.has(ruleId);
  // Wonen's urgency decision (D-WON-1) is between Wonen and the care provider, like the urgency events.
  if (ruleId === 'D-WON-1') return viewer === 'wonen';
  return !HIDDEN_DEADLINES_OUTSIDE.has(ruleId);
}

/** Goals outside the care provider: only those linked to the conditional urgency, with their status (PB-5, PB-6). */
export function visibleGoals<G extends { linkedToUrgency: boolean }>(viewer: Viewer, goals: ReadonlyArray<G>): G[] {
  if (viewer === 'care_provider' || viewer === 'client') return [...goals];
  if (viewer === 'nuisance_hub') return [];
  return goals.filter((g) => g.linkedToUrgency);
}

// ─── Consent ─────────────────────────────────────────────────────────────────

export interface ConsentRecord {
  purposes: ReadonlyArray<string>;
  givenOn: string;
  withdrawnOn: string | null;
  explainedItems: ReadonlyArray<string>;
}

export type ConsentCheck = { ok: true } | { ok: false; rule: 'R-OR-82' | 'R-OR-86' | 'R-OR-94' | 'R-OR-83'; nl: string; en: string };

/**
 * R-OR-82 / R-OR-86 / R-OR-94: data leaves the care provider only for a purpose the client
 * consented to, under a consent that is not withdrawn.
 */
export function checkConsent(consents: ReadonlyArray<ConsentRecord>, purpose: SharingPurpose, on: string): ConsentCheck {
  const valid = consents.filter((c) => c.givenOn <= on && (!c.withdrawnOn || c.withdrawnOn > on));
  if (valid.length === 0) {
    const withdrawn = consents.some((c) => c.withdrawnOn && c.withdrawnOn <= on);
    return withdrawn
      ? { ok: false, rule: 'R-OR-94', nl: 'De cliënt heeft de toestemming ingetrokken; er worden geen gegevens meer gedeeld.', en: 'The client withdrew consent; no data is shared any more.' }
      : { ok: false, rule: 'R-OR-82', nl: 'Er is geen schriftelijke toestemming van de cliënt vastgelegd.', en: 'No written consent of the client is recorded.' };
  }
  if (!valid.some((c) => c.purposes.includes(purpose))) {
    return { ok: false, rule: 'R-OR-86', nl: `De toestemming van de cliënt dekt het delen voor “${PURPOSE_LABELS[purpose].nl}” niet.`, en: `The client’s consent does not cover sharing for “${PURPOSE_LABELS[purpose].en}”.` };
  }
  return { ok: true };
}

/** R-OR-83: a consent record lists every item as explained. */
export function missingExplanations(items: ReadonlyArray<string>): ConsentExplanationItem[] {
  return CONSENT_EXPLANATION_ITEMS.filter((i) => !items.includes(i));
}

// ─── Purposes bound to party and phase ───────────────────────────────────────

type PhaseId = Phase;
const DURING_LEASE: ReadonlyArray<PhaseId> = ['P4_key_handover', 'P5_introduction', 'P6_support_plan', 'P7_living', 'P8_transfer'];

/**
 * §8.2 read as a table of who may use which situation in which phase of the case (R-OR-86): a
 * purpose is not whatever the caller names, but one the party's role may use while the case is
 * in that phase. Nothing is shared in P0 (no consent yet, R-OR-82). The first purpose listed for
 * a phase is the default a read is served under.
 */
export const PURPOSE_PHASES: Record<Exclude<Viewer, 'care_provider' | 'client'>, Partial<Record<SharingPurpose, ReadonlyArray<PhaseId>>>> = {
  corporation: {
    'PB-1': ['P1_referral', 'P2_urgency', 'P3_matching'],
    'PB-2': ['P3_matching', 'P4_key_handover'],
    'PB-3': ['P4_key_handover', 'P5_introduction', 'P6_support_plan'],
    'PB-4': DURING_LEASE,
    // A housing evaluation may be held from the introduction on (housing_evaluation_held: P5-P8),
    // and the corporation signs its form (F-2) as a party.
    'PB-5': ['P5_introduction', 'P6_support_plan', 'P7_living', 'P8_transfer'],
    'PB-6': ['P7_living', 'P8_transfer', 'P9_aftercare'],
    'PB-7': DURING_LEASE,
  },
  wonen: {
    'PB-2': ['P1_referral', 'P2_urgency', 'P3_matching', 'P4_key_handover'],
    'PB-6': ['P7_living', 'P8_transfer', 'P9_aftercare'],
    'PB-7': DURING_LEASE,
  },
  nuisance_hub: {
    'PB-4': DURING_LEASE,
    'PB-8': [...DURING_LEASE, 'P9_aftercare'],
  },
};

/** The default purpose per party and phase: what the party does with the case in that phase. */
const DEFAULT_PURPOSE: Record<Exclude<Viewer, 'care_provider' | 'client'>, Partial<Record<PhaseId, SharingPurpose>>> = {
  corporation: {
    P1_referral: 'PB-1', P2_urgency: 'PB-1', P3_matching: 'PB-1', P4_key_handover: 'PB-2', P5_introduction: 'PB-3', P6_support_plan: 'PB-3',
    P7_living: 'PB-5', P8_transfer: 'PB-6', P9_aftercare: 'PB-6',
  },
  wonen: { P1_referral: 'PB-2', P2_urgency: 'PB-2', P3_matching: 'PB-2', P4_key_handover: 'PB-2', P7_living: 'PB-6', P8_transfer: 'PB-6', P9_aftercare: 'PB-6' },
  nuisance_hub: { P4_key_handover: 'PB-4', P5_introduction: 'PB-4', P6_support_plan: 'PB-4', P7_living: 'PB-4', P8_transfer: 'PB-4', P9_aftercare: 'PB-8' },
};

/** The purposes a party outside the care provider may use while the case is in this phase. */
export function purposesFor(viewer: Viewer, phase: string): SharingPurpose[] {
  if (viewer === 'care_provider' || viewer === 'client') return [];
  const table = PURPOSE_PHASES[viewer];
  return SHARING_PURPOSES.filter((p) => (table[p] ?? []).includes(phase as PhaseId));
}

/** The default purpose of a read by a party outside the care provider, by the phase of the case (null: nothing is shared in that phase). */
export function defaultPurpose(viewer: Viewer, phase: string): SharingPurpose | null {
  if (viewer === 'care_provider' || viewer === 'client') return null;
  return DEFAULT_PURPOSE[viewer][phase as PhaseId] ?? null;
}

export type PurposeChoice = { ok: true; purpose: SharingPurpose } | { ok: false; rule: 'R-OR-86'; nl: string; en: string };

/**
 * R-OR-86: the purpose a read or write by a party outside the care provider is served under — the
 * one asked for if the party may use it in this phase, else the phase's default. Refused when the
 * asked purpose is not one of the party's for this phase, or when the phase has none.
 */
export function choosePurpose(viewer: Viewer, phase: string, asked: string | null, preferred: ReadonlyArray<SharingPurpose> = []): PurposeChoice {
  const allowed = purposesFor(viewer, phase);
  // Without a purpose asked: the first preferred one the party may use now (a form's own
  // purposes, FORM_PURPOSES), else the phase's default.
  const chosen = asked ?? preferred.find((p) => allowed.includes(p)) ?? defaultPurpose(viewer, phase);
  if (chosen && (allowed as string[]).includes(chosen)) return { ok: true, purpose: chosen as SharingPurpose };
  const label = (p: string | null, lang: 'nl' | 'en') => (p && p in PURPOSE_LABELS ? `“${PURPOSE_LABELS[p as SharingPurpose][lang]}”` : lang === 'nl' ? 'dit doel' : 'this purpose');
  if (!allowed.length) {
    return { ok: false, rule: 'R-OR-86', nl: 'In deze fase van het traject worden geen gegevens met uw organisatie gedeeld.', en: 'In this phase of the trajectory no information is shared with your organisation.' };
  }
  return {
    ok: false, rule: 'R-OR-86',
    nl: `Gegevens worden in deze fase niet gedeeld voor ${label(asked, 'nl')}; wel voor: ${allowed.map((p) => PURPOSE_LABELS[p].nl).join('; ')}.`,
    en: `In this phase information is not shared for ${label(asked, 'en')}; it is for: ${allowed.map((p) => PURPOSE_LABELS[p].en).join('; ')}.`,
  };
}
