/**
 * Consent and purpose binding (omslagroute.md §8): which purposes (PB-1 … PB-8) a viewer may
 * read a client's data for, which artefacts each party sees (§8.3 visibility matrix) and which
 * fields of the client record and which trajectory events leave the care provider.
 * The policy decides *whether* a subject may act on a case; this module decides *what* it sees.
 */
import type { EventType } from '../trajectories/model.ts';
import type { Purpose } from '../policy/index.ts';

/** How the viewer relates to the case, strongest first. */
export type Viewer = 'care_provider' | 'corporation' | 'wonen' | 'nuisance_hub' | 'client';

export type SharingPurpose = Extract<Purpose, 'PB-1' | 'PB-2' | 'PB-3' | 'PB-4' | 'PB-5' | 'PB-6' | 'PB-7' | 'PB-8'>;
export const SHARING_PURPOSES: ReadonlyArray<SharingPurpose> = ['PB-1', 'PB-2', 'PB-3', 'PB-4', 'PB-5', 'PB-6', 'PB-7', 'PB-8'];

/** §8.2: the situations in which information may be shared, per receiving party. */
export const PURPOSES_BY_VIEWER: Record<Exclude<Viewer, 'care_provider' | 'client'>, ReadonlyArray<SharingPurpose>> = {
  corporation: ['PB-1', 'PB-2', 'PB-3', 'PB-4', 'PB-5', 'PB-6', 'PB-7'],
  wonen: ['PB-2', 'PB-6', 'PB-7'],
  nuisance_hub: ['PB-4', 'PB-8'],
};

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

/** Event data a corporation or Wonen sees: housing-related facts, not the care content. */
export function visibleEventData(viewer: Viewer, type: EventType, data: Record<string, unknown>): Record<string, unknown> {
  if (viewer === 'care_provider' || viewer === 'client') return data;
  const keep = (...keys: string[]) => Object.fromEntries(Object.entries(data).filter(([k]) => keys.includes(k)));
  switch (type) {
    case 'housing_evaluation_held':
      return keep('outcome', 'atDwelling');
    case 'transfer_decision_joint':
      // R-OR-69: aftercare agreements are on the nomination; the corporation sees that a decision was made.
      return keep('residentAgrees', 'careProviderAgrees', 'corporationAgrees');
    case 'care_stopped_before_transfer':
    case 'trajectory_ended':
      return keep('reportedToCorporation', 'reportedToWonen');
    case 'eviction_path_started':
      return {};
    case 'independent_review':
      return viewer === 'wonen' ? keep('verdict') : {};
    default:
      return data;
  }
}

/**
 * Deadlines outside the care provider: the housing process, not the care. The support plan (D-06),
 * Fibu (D-12), light support (D-16) and the time-out (D-OV-09, nature of an intervention) stay inside.
 */
const HIDDEN_DEADLINES_OUTSIDE: ReadonlySet<string> = new Set(['D-06', 'D-12', 'D-16', 'D-OV-09']);

export function canSeeDeadline(viewer: Viewer, ruleId: string): boolean {
  if (viewer === 'care_provider' || viewer === 'client') return true;
  if (viewer === 'nuisance_hub') return false;
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
    return { ok: false, rule: 'R-OR-86', nl: `De toestemming dekt doel ${purpose} (${PURPOSE_LABELS[purpose].nl}) niet.`, en: `The consent does not cover purpose ${purpose} (${PURPOSE_LABELS[purpose].en}).` };
  }
  return { ok: true };
}

/** R-OR-83: a consent record lists every item as explained. */
export function missingExplanations(items: ReadonlyArray<string>): ConsentExplanationItem[] {
  return CONSENT_EXPLANATION_ITEMS.filter((i) => !items.includes(i));
}

/** The default purpose of a read by a party outside the care provider, by the phase of the case. */
export function defaultPurpose(viewer: Viewer, phase: string): SharingPurpose | null {
  if (viewer === 'corporation') {
    if (phase <= 'P3_matching') return 'PB-1';
    if (phase === 'P4_key_handover') return 'PB-2';
    if (phase === 'P5_introduction' || phase === 'P6_support_plan') return 'PB-3';
    if (phase === 'P7_living') return 'PB-5';
    return 'PB-6';
  }
  if (viewer === 'wonen') return phase >= 'P7_living' ? 'PB-6' : 'PB-2';
  if (viewer === 'nuisance_hub') return 'PB-4';
  return null;
}
