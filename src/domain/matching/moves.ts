/**
 * Swap and move on a mismatch (young-adults-and-moves.md Part B, matching.md §4.7, R-MA-36…R-MA-40).
 *
 * - DR-MV-1 `swapDecision`: may two omslag dwellings be swapped, and does directie Wonen have to approve?
 * - DR-MV-2 `moveDecision`: may the client move on a re-assessment of perspective?
 * - DR-MV-3 `moveTarget`: which target dwelling is allowed, and when Wonen decides.
 * - DR-MV-4 `administrativeRoute`: what is administered where (WoningNet code, agreed numbers, monitor).
 * - The eight-step procedure (R-MV-15 … R-MV-22, R-MV-23) as the transition table of a 'move' case:
 *   `checkMoveEvent` names every reason an event cannot be recorded now, `applyMoveEvent` folds it in.
 * - Deadlines: D-MV-02 applies D-07 and D-08 from the move's completion (Proposal in the spec);
 *   D-MV-01 ("swap as soon as possible") is a SHOULD without a date: a signal, never a dated deadline.
 *
 * Areas: "ten hoogste 60 m²" and "61 m² of groter" leave 60–61 m² open; an area above 60 counts as
 * 61 or larger (AMB-MV-02, `over60`). Pure: no I/O.
 */
import { computeDue, type IsoDate, type WorkingCalendar } from '../calendar/index.ts';

export interface Words { nl: string; en: string }

/** AMB-MV-02: an area above 60 m² counts as "61 m² or larger". */
export const over60 = (area: number): boolean => area > 60;

// ─── DR-MV-1: swap ───────────────────────────────────────────────────────────

export interface SwapInputs {
  bothConsent: boolean;
  /** Both households suitably housed under the housing bye-law after the swap. */
  bothSuitable: boolean;
  corporationAgrees: boolean;
  nuisanceOnEither: boolean;
  similar: boolean;
  areaA: number;
  areaB: number;
  /** Wonen's decision on an unequal swap: true approved, false refused, null not (yet) decided. */
  wonenApproval: boolean | null;
  /** D-MV-01: an approaching transfer (omklapmoment) is no obstacle; it does not change the outcome. */
  transferApproaching?: boolean;
}

export type SwapOutcome = 'PERMITTED' | 'PENDING_WONEN' | 'NOT_PERMITTED';

export interface SwapDecision {
  outcome: SwapOutcome;
  row: 1 | 2 | 3 | 4 | 5 | 6 | 7;
  rule: string;
  /** R-MV-05: Wonen is informed of every swap. */
  informWonen: true;
  /** Wonen must approve (an unequal swap involving a dwelling above 60 m²). */
  approvalRequired: boolean;
  /** Row 3 with nuisance: the corporation prefers a move (R-MV-04, DR-MV-2). */
  adviseMove: boolean;
  words: Words;
}

export function swapDecision(i: SwapInputs): SwapDecision {
  const larger = Math.max(i.areaA, i.areaB);
  const approvalRequired = !i.similar && over60(larger);
  const base = { informWonen: true as const, approvalRequired, adviseMove: false };
  if (!i.bothConsent) {
    return { ...base, outcome: 'NOT_PERMITTED', row: 1, rule: 'R-MV-03', words: { nl: 'Niet toegestaan: beide bewoners moeten instemmen met de ruil.', en: 'Not allowed: both residents must consent to the swap.' } };
  }
  if (!i.bothSuitable) {
    return { ...base, outcome: 'NOT_PERMITTED', row: 2, rule: 'R-MV-03', words: { nl: 'Niet toegestaan: beide huishoudens moeten na de ruil passend wonen volgens de huisvestingsverordening.', en: 'Not allowed: both households must be suitably housed after the swap under the housing bye-law.' } };
  }
  if (!i.corporationAgrees) {
    return {
      ...base, outcome: 'NOT_PERMITTED', row: 3, rule: 'R-MV-02', adviseMove: i.nuisanceOnEither,
      words: i.nuisanceOnEither
        ? { nl: 'Niet toegestaan: de corporatie stemt niet in met de ruil. Bij overlast heeft een verhuizing de voorkeur.', en: 'Not allowed: the corporation does not agree to the swap. With nuisance, a move is preferred.' }
        : { nl: 'Niet toegestaan: ruilen kan alleen in overleg met de corporatie, en die stemt niet in.', en: 'Not allowed: a swap needs the corporation’s agreement, which it does not give.' },
    };
  }
  if (i.similar) {
    return { ...base, outcome: 'PERMITTED', row: 4, rule: 'R-MV-03', words: { nl: 'Toegestaan: de woningen zijn gelijksoortig. De directie Wonen wordt geïnformeerd.', en: 'Allowed: the dwellings are similar. Directie Wonen is informed.' } };
  }
  if (!approvalRequired) {
    return { ...base, outcome: 'PERMITTED', row: 5, rule: 'R-MV-03', words: { nl: 'Toegestaan: geen van beide woningen is groter dan 60 m². De directie Wonen wordt geïnformeerd.', en: 'Allowed: neither dwelling is larger than 60 m². Directie Wonen is informed.' } };
  }
  if (i.wonenApproval === true) {
    return { ...base, outcome: 'PERMITTED', row: 6, rule: 'R-MV-03', words: { nl: 'Toegestaan: de directie Wonen heeft ingestemd met deze ongelijke ruil.', en: 'Allowed: directie Wonen approved this unequal swap.' } };
  }
  if (i.wonenApproval === false) {
    return { ...base, outcome: 'NOT_PERMITTED', row: 7, rule: 'R-MV-03', words: { nl: 'Niet toegestaan: de directie Wonen heeft niet ingestemd met deze ongelijke ruil.', en: 'Not allowed: directie Wonen refused this unequal swap.' } };
  }
  return { ...base, outcome: 'PENDING_WONEN', row: 7, rule: 'R-MV-03', words: { nl: 'De directie Wonen moet eerst instemmen: het is een ongelijke ruil met een woning groter dan 60 m².', en: 'Directie Wonen must approve first: it is an unequal swap involving a dwelling larger than 60 m².' } };
}

// ─── DR-MV-2: move on re-assessment of perspective ──────────────────────────

export const MOVE_REASONS = ['HOUSEHOLD_EXPANSION', 'NOISE_OR_QUALITY', 'HOUSEHOLD_REDUCTION', 'MEDICAL_GROUND_FLOOR_OR_LIFT', 'OTHER_MEDICAL', 'NON_MEDICAL'] as const;
export type MoveReason = (typeof MOVE_REASONS)[number];

export const MOVE_REASON_WORDS: Record<MoveReason, Words> = {
  HOUSEHOLD_EXPANSION: { nl: 'Uitbreiding van het huishouden', en: 'Household expansion' },
  NOISE_OR_QUALITY: { nl: 'Geluidsoverlast of kwaliteit van de woning', en: 'Noise transmission or dwelling quality' },
  HOUSEHOLD_REDUCTION: { nl: 'Verkleining van het huishouden', en: 'Household reduction' },
  MEDICAL_GROUND_FLOOR_OR_LIFT: { nl: 'Medisch: benedenwoning of woning met lift', en: 'Medical: ground floor or lift' },
  OTHER_MEDICAL: { nl: 'Andere medische reden', en: 'Other medical reason' },
  NON_MEDICAL: { nl: 'Niet-medische reden', en: 'Non-medical reason' },
};

export interface MoveInputs {
  reason: MoveReason;
  seriouslyHampersTrajectory: boolean;
  careProviderAgrees: boolean;
  corporationAgrees: boolean;
  ggdDoctorAdvice: boolean;
  substantiationByCareProviderOrPractitioner: boolean;
  corporationSolutionImpossible: boolean;
  partiesAgreeOtherDwellingNeeded: boolean;
  /** Bye-law test after a household reduction (AMB-MV-08: an external rule). */
  tooLargeAfterReduction: boolean;
  /** R-MV-12: Wonen allows a household-expansion move as a high exception. */
  wonenExceptionalDecision: boolean;
}

export type MoveOutcome = 'PERMITTED' | 'NOT_PERMITTED' | 'MOVE_REQUIRED' | 'NO_MOVE_REQUIRED' | 'NOT_YET';

export interface MoveDecision {
  outcome: MoveOutcome;
  row: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11;
  rule: string;
  /** Row 1: Wonen issues a new housing urgency (R-MV-12). */
  newUrgency: boolean;
  /** R-MV-08: the GGD doctor's advice requires a ground-floor dwelling or one with a lift. */
  targetRequirement: 'ground_floor_or_lift' | null;
  words: Words;
}

export function moveDecision(i: MoveInputs): MoveDecision {
  const base = { newUrgency: false, targetRequirement: i.reason === 'MEDICAL_GROUND_FLOOR_OR_LIFT' ? ('ground_floor_or_lift' as const) : null };
  switch (i.reason) {
    case 'HOUSEHOLD_EXPANSION':
      return i.wonenExceptionalDecision
        ? { ...base, outcome: 'PERMITTED', row: 1, rule: 'R-MV-12', newUrgency: true, words: { nl: 'Toegestaan bij uitzondering: de directie Wonen besloot hiertoe en geeft een nieuwe urgentie.', en: 'Allowed as an exception: directie Wonen decided so and issues a new urgency.' } }
        : { ...base, outcome: 'NOT_PERMITTED', row: 2, rule: 'R-MV-12', words: { nl: 'Niet toegestaan: uitbreiding van het huishouden is geen reden om te verhuizen, behalve bij uitzondering door de directie Wonen.', en: 'Not allowed: household expansion is no reason to move, except as an exception by directie Wonen.' } };
    case 'NOISE_OR_QUALITY':
      return i.corporationSolutionImpossible && i.partiesAgreeOtherDwellingNeeded
        ? { ...base, outcome: 'PERMITTED', row: 3, rule: 'R-MV-11', words: { nl: 'Toegestaan: een oplossing in de woning is niet mogelijk en alle partijen vinden een andere woning nodig.', en: 'Allowed: no solution in the dwelling is possible and all parties agree another dwelling is needed.' } }
        : { ...base, outcome: 'NOT_PERMITTED', row: 4, rule: 'R-MV-11', words: { nl: 'Niet toegestaan: geluidsoverlast of de kwaliteit van de woning lost de corporatie op een andere manier op.', en: 'Not allowed: the corporation solves noise transmission or dwelling quality in another way.' } };
    case 'HOUSEHOLD_REDUCTION':
      return i.tooLargeAfterReduction
        ? { ...base, outcome: 'MOVE_REQUIRED', row: 5, rule: 'R-MV-10', words: { nl: 'Verhuizen is nodig: de woning is na de verkleining van het huishouden te groot.', en: 'A move is required: the dwelling is too large after the household reduction.' } }
        : { ...base, outcome: 'NO_MOVE_REQUIRED', row: 6, rule: 'R-MV-10', words: { nl: 'Verhuizen is niet nodig: de woning is nog passend na de verkleining van het huishouden.', en: 'No move required: the dwelling is still suitable after the household reduction.' } };
    default:
      break;
  }
  if (!(i.careProviderAgrees && i.corporationAgrees)) {
    return { ...base, outcome: 'NOT_PERMITTED', row: 7, rule: 'R-MV-07', words: { nl: 'Niet toegestaan: zorgaanbieder en corporatie nemen dit besluit samen, en zijn het niet eens.', en: 'Not allowed: the care provider and corporation decide together, and do not agree.' } };
  }
  if (!i.seriouslyHampersTrajectory) {
    return { ...base, outcome: 'NOT_PERMITTED', row: 8, rule: 'R-MV-07', words: { nl: 'Niet toegestaan: de woonsituatie belemmert het begeleidingstraject niet ernstig.', en: 'Not allowed: the housing situation does not seriously hamper the support trajectory.' } };
  }
  if (i.reason === 'MEDICAL_GROUND_FLOOR_OR_LIFT' && !i.ggdDoctorAdvice) {
    return { ...base, outcome: 'NOT_YET', row: 9, rule: 'R-MV-08', words: { nl: 'Nog niet mogelijk: het advies van de GGD-arts ontbreekt.', en: 'Not possible yet: the GGD doctor’s advice is missing.' } };
  }
  if ((i.reason === 'OTHER_MEDICAL' || i.reason === 'NON_MEDICAL') && !i.substantiationByCareProviderOrPractitioner) {
    return { ...base, outcome: 'NOT_YET', row: 10, rule: 'R-MV-09', words: { nl: 'Nog niet mogelijk: de onderbouwing door de zorgaanbieder of behandelaar ontbreekt.', en: 'Not possible yet: the substantiation by the care provider or practitioner is missing.' } };
  }
  return { ...base, outcome: 'PERMITTED', row: 11, rule: 'R-MV-07', words: { nl: 'Toegestaan: de woonsituatie belemmert het traject ernstig en zorgaanbieder en corporatie zijn het eens.', en: 'Allowed: the housing situation seriously hampers the trajectory and the care provider and corporation agree.' } };
}

// ─── DR-MV-3: target dwelling ────────────────────────────────────────────────

export type TargetOutcome = 'ALLOWED' | 'WONEN_APPROVAL_REQUIRED' | 'NOT_LISTED';

export interface TargetDecision {
  outcome: TargetOutcome;
  row: 1 | 2 | 3 | 4;
  rule: string;
  /** Wonen decides (row 1 always; row 4 by the Proposal of AMB-MV-07). */
  wonenDecisionRequired: boolean;
  words: Words;
}

export function moveTarget(currentArea: number, targetArea: number, similar: boolean): TargetDecision {
  if (!over60(currentArea) && targetArea > currentArea) {
    return { outcome: 'WONEN_APPROVAL_REQUIRED', row: 1, rule: 'R-MV-13', wonenDecisionRequired: true, words: { nl: 'Verhuizen naar een grotere woning vanuit een woning tot 61 m² legt u altijd voor aan de directie Wonen.', en: 'A move from a dwelling under 61 m² to a larger one always needs directie Wonen’s approval.' } };
  }
  if (similar) return { outcome: 'ALLOWED', row: 2, rule: 'R-MV-13', wonenDecisionRequired: false, words: { nl: 'Toegestaan: een gelijksoortige woning.', en: 'Allowed: a similar dwelling.' } };
  if (!over60(targetArea)) return { outcome: 'ALLOWED', row: 3, rule: 'R-MV-13', wonenDecisionRequired: false, words: { nl: 'Toegestaan: een woning van ten hoogste 60 m².', en: 'Allowed: a dwelling of at most 60 m².' } };
  return { outcome: 'NOT_LISTED', row: 4, rule: 'R-MV-13', wonenDecisionRequired: true, words: { nl: 'Deze woning staat niet in de afspraken: de directie Wonen beslist.', en: 'This dwelling is not covered by the agreements: directie Wonen decides.' } };
}

// ─── DR-MV-4: administrative route ──────────────────────────────────────────

export type MoveKind = 'swap' | 'move';

export interface AdministrativeRoute {
  kind: MoveKind;
  /** Step 1: submitted to directie Wonen (as information unless approval is needed, AMB-MV-04). */
  submittedToWonen: true;
  /** Steps 2, 3, 4. */
  substantiation: true;
  independentReview: true;
  extraEvaluation: true;
  /** Step 5: no right to new furnishing costs; a loan can be applied for via the care provider. */
  furnishingGrant: false;
  furnishingLoanViaCareProvider: true;
  /** Steps 6/7: the WoningNet code, and whether the active mediation module is used. */
  woningnetCode: 'woningruil' | 'herijking perspectief';
  activeMediation: boolean;
  woningnetRegistration: Words;
  /** R-MV-21: moves do not count toward the agreed numbers; swaps: unspecified (AMB-MV-09, R-MO-30 Proposal: not). */
  countsTowardAgreedNumbers: false;
  countsSpecifiedInSource: boolean;
  /** R-MV-14, R-MO-29/30: the monitor placement's move_reason. */
  monitorMoveReason: 'swap' | 'perspective_reassessment';
  /** R-MV-22. */
  vacatedDwelling: 'other_swap_party' | 'back_to_corporation';
  /** R-MV-23 (a swap: Proposal). */
  introductionMeeting: true;
}

export function administrativeRoute(kind: MoveKind): AdministrativeRoute {
  const common = {
    kind, submittedToWonen: true, substantiation: true, independentReview: true, extraEvaluation: true,
    furnishingGrant: false, furnishingLoanViaCareProvider: true, countsTowardAgreedNumbers: false, introductionMeeting: true,
  } as const;
  return kind === 'swap'
    ? {
      ...common, woningnetCode: 'woningruil', activeMediation: false, countsSpecifiedInSource: false, monitorMoveReason: 'swap', vacatedDwelling: 'other_swap_party',
      woningnetRegistration: { nl: 'In WoningNet als woningruil, niet via de module actieve bemiddeling', en: 'In WoningNet as a dwelling swap, not through the active mediation module' },
    }
    : {
      ...common, woningnetCode: 'herijking perspectief', activeMediation: true, countsSpecifiedInSource: true, monitorMoveReason: 'perspective_reassessment', vacatedDwelling: 'back_to_corporation',
      woningnetRegistration: { nl: 'Via de module actieve bemiddeling als verhuizing door herijking perspectief', en: 'Through the active mediation module as a move on re-assessment of perspective' },
    };
}

// ─── The procedure: a 'move' case ───────────────────────────────────────────

/** The facts the decisions are taken on; each is recorded by the party that knows it. */
export interface MoveFacts {
  // swap (DR-MV-1)
  bothConsent: boolean;
  bothSuitable: boolean;
  nuisanceOnEither: boolean;
  // move (DR-MV-2)
  seriouslyHampersTrajectory: boolean;
  careProviderAgrees: boolean;
  ggdDoctorAdvice: boolean;
  corporationSolutionImpossible: boolean;
  partiesAgreeOtherDwellingNeeded: boolean;
  tooLargeAfterReduction: boolean;
  // both
  corporationAgrees: boolean;
}
export type MoveFact = keyof MoveFacts;
export const MOVE_FACTS: ReadonlyArray<MoveFact> = [
  'bothConsent', 'bothSuitable', 'nuisanceOnEither', 'seriouslyHampersTrajectory', 'careProviderAgrees', 'ggdDoctorAdvice',
  'corporationSolutionImpossible', 'partiesAgreeOtherDwellingNeeded', 'tooLargeAfterReduction', 'corporationAgrees',
];
/** Facts only the corporation states (its agreement, nuisance, whether it can solve it otherwise); the care provider states the rest. */
export const CORPORATION_FACTS: ReadonlySet<MoveFact> = new Set<MoveFact>(['corporationAgrees', 'nuisanceOnEither', 'corporationSolutionImpossible']);

export const NO_FACTS: MoveFacts = {
  bothConsent: false, bothSuitable: false, nuisanceOnEither: false, seriouslyHampersTrajectory: false, careProviderAgrees: false, ggdDoctorAdvice: false,
  corporationSolutionImpossible: false, partiesAgreeOtherDwellingNeeded: false, tooLargeAfterReduction: false, corporationAgrees: false,
};

export type MoveStatus = 'preparing' | 'submitted' | 'agreed' | 'registered' | 'completed' | 'withdrawn';

export interface MoveState {
  kind: MoveKind;
  status: MoveStatus;
  startedOn: IsoDate;
  /** DR-MV-2's reason (a move); null for a swap. */
  reason: MoveReason | null;
  currentArea: number;
  targetArea: number;
  similar: boolean;
  otherTrajectoryId: string | null;
  facts: MoveFacts;
  /** Step 2 (R-MV-16). */
  substantiation: { on: IsoDate; summary: string; byPractitioner: boolean } | null;
  /** Step 3 (R-MV-17). */
  independentReviewOn: IsoDate | null;
  /** Step 1 (R-MV-15). */
  submittedOn: IsoDate | null;
  /** Wonen's decision where needed (DR-MV-1 row 6/7, DR-MV-3 row 1/4, DR-MV-2 row 1). */
  wonen: { approved: boolean; on: IsoDate; reason: string; newUrgency: boolean } | null;
  /** Step 4 (R-MV-18). */
  extraEvaluationOn: IsoDate | null;
  /** Step 5 (R-MV-19). */
  furnishing: { on: IsoDate; loanApplied: boolean } | null;
  /** Steps 6/7 (R-MV-20/21). */
  registered: { on: IsoDate; woningnetCode: string } | null;
  /** Step 8 (R-MV-22) and the new address. */
  completedOn: IsoDate | null;
  newAddress: string | null;
  /** R-MV-23 / D-MV-02. */
  introductionMeetingHeldOn: IsoDate | null;
  withdrawnOn: IsoDate | null;
}

export type MoveEventType =
  | 'request_started' | 'facts_recorded' | 'substantiation_recorded' | 'independent_review_done' | 'submitted_to_wonen' | 'wonen_decided'
  | 'extra_evaluation_recorded' | 'furnishing_recorded' | 'registered' | 'completed' | 'introduction_meeting_held' | 'withdrawn';

export const MOVE_EVENT_TYPES: ReadonlyArray<MoveEventType> = [
  'request_started', 'facts_recorded', 'substantiation_recorded', 'independent_review_done', 'submitted_to_wonen', 'wonen_decided',
  'extra_evaluation_recorded', 'furnishing_recorded', 'registered', 'completed', 'introduction_meeting_held', 'withdrawn',
];

export interface MoveEventInput {
  type: MoveEventType;
  occurredOn: IsoDate;
  data: Record<string, unknown>;
}

/** Who records: the party kind it acts as, and its role (the independent reviewer). */
export interface MoveActor {
  kinds: ReadonlyArray<'care_provider' | 'corporation' | 'wonen'>;
  role: string;
}

export interface MoveViolation { code: string; rule: string | null; nl: string; en: string; field?: string; forbidden?: boolean }

type Party = 'care_provider' | 'corporation' | 'wonen' | 'independent_reviewer';

interface MoveTransition {
  from: ReadonlyArray<MoveStatus>;
  parties: ReadonlyArray<Party>;
  rules: ReadonlyArray<string>;
  label: Words;
}

const OPEN: MoveStatus[] = ['preparing', 'submitted', 'agreed'];

/** The procedure R-MV-15 … R-MV-23 as a transition table: from which status, by whom, under which rules. */
export const MOVE_TRANSITIONS: Record<MoveEventType, MoveTransition> = {
  request_started: { from: [], parties: ['care_provider'], rules: ['R-MV-01'], label: { nl: 'Ruil of verhuizing aangevraagd', en: 'Swap or move requested' } },
  facts_recorded: { from: OPEN, parties: ['care_provider', 'corporation'], rules: ['R-MV-03', 'R-MV-07'], label: { nl: 'Gegevens voor het besluit vastgelegd', en: 'Facts for the decision recorded' } },
  substantiation_recorded: { from: ['preparing'], parties: ['care_provider'], rules: ['R-MV-16', 'R-MV-09'], label: { nl: 'Onderbouwing vastgelegd', en: 'Substantiation recorded' } },
  independent_review_done: { from: ['preparing'], parties: ['independent_reviewer'], rules: ['R-MV-17'], label: { nl: 'Getoetst door de onafhankelijk deskundige', en: 'Reviewed by the independent reviewer' } },
  submitted_to_wonen: { from: ['preparing'], parties: ['care_provider', 'corporation'], rules: ['R-MV-15', 'R-MV-05'], label: { nl: 'Voorgelegd aan de directie Wonen', en: 'Submitted to directie Wonen' } },
  wonen_decided: { from: ['submitted'], parties: ['wonen'], rules: ['R-MV-03', 'R-MV-13', 'R-MV-12'], label: { nl: 'Besluit van de directie Wonen', en: 'Decision of directie Wonen' } },
  extra_evaluation_recorded: { from: ['submitted'], parties: ['care_provider', 'corporation'], rules: ['R-MV-18'], label: { nl: 'Besluit vastgelegd in een extra woonevaluatie', en: 'Decision recorded in an extra housing evaluation' } },
  furnishing_recorded: { from: ['agreed', 'registered'], parties: ['care_provider'], rules: ['R-MV-19'], label: { nl: 'Inrichtingskosten: lening geregeld', en: 'Furnishing costs: loan arranged' } },
  registered: { from: ['agreed'], parties: ['care_provider', 'corporation'], rules: ['R-MV-20', 'R-MV-21'], label: { nl: 'Geregistreerd in WoningNet', en: 'Registered in WoningNet' } },
  completed: { from: ['registered'], parties: ['care_provider'], rules: ['R-MV-22'], label: { nl: 'Verhuisd', en: 'Moved' } },
  introduction_meeting_held: { from: ['completed'], parties: ['care_provider'], rules: ['R-MV-23', 'D-MV-02'], label: { nl: 'Kennismakingsgesprek gehouden', en: 'Introduction meeting held' } },
  withdrawn: { from: OPEN, parties: ['care_provider'], rules: ['R-MV-01'], label: { nl: 'Aanvraag ingetrokken', en: 'Request withdrawn' } },
};

export function initialMoveState(): MoveState {
  return {
    kind: 'move', status: 'preparing', startedOn: '', reason: null, currentArea: 0, targetArea: 0, similar: false, otherTrajectoryId: null, facts: { ...NO_FACTS },
    substantiation: null, independentReviewOn: null, submittedOn: null, wonen: null, extraEvaluationOn: null, furnishing: null, registered: null,
    completedOn: null, newAddress: null, introductionMeetingHeldOn: null, withdrawnOn: null,
  };
}

export function swapInputsOf(s: MoveState): SwapInputs {
  return {
    bothConsent: s.facts.bothConsent, bothSuitable: s.facts.bothSuitable, corporationAgrees: s.facts.corporationAgrees, nuisanceOnEither: s.facts.nuisanceOnEither,
    similar: s.similar, areaA: s.currentArea, areaB: s.targetArea, wonenApproval: s.wonen ? s.wonen.approved : null,
  };
}

export function moveInputsOf(s: MoveState): MoveInputs {
  return {
    reason: s.reason ?? 'NON_MEDICAL', seriouslyHampersTrajectory: s.facts.seriouslyHampersTrajectory, careProviderAgrees: s.facts.careProviderAgrees,
    corporationAgrees: s.facts.corporationAgrees, ggdDoctorAdvice: s.facts.ggdDoctorAdvice, substantiationByCareProviderOrPractitioner: s.substantiation !== null,
    corporationSolutionImpossible: s.facts.corporationSolutionImpossible, partiesAgreeOtherDwellingNeeded: s.facts.partiesAgreeOtherDwellingNeeded,
    tooLargeAfterReduction: s.facts.tooLargeAfterReduction, wonenExceptionalDecision: s.wonen?.approved === true && s.wonen.newUrgency,
  };
}

/** The decision on the case as it stands, in words: DR-MV-1 for a swap, DR-MV-2 and DR-MV-3 for a move. */
export interface CaseDecision {
  kind: MoveKind;
  /** PERMITTED: the swap or move may go ahead; PENDING_WONEN: it waits for Wonen; NOT_YET: something is missing; NOT_PERMITTED. */
  outcome: 'PERMITTED' | 'PENDING_WONEN' | 'NOT_YET' | 'NOT_PERMITTED';
  /** Wonen must decide (approve or refuse) before the swap or move can go ahead. */
  wonenApprovalNeeded: boolean;
  reasons: Array<{ rule: string; words: Words }>;
  swap: SwapDecision | null;
  move: MoveDecision | null;
  target: TargetDecision | null;
  route: AdministrativeRoute;
  /** D-MV-01: a SHOULD without a date, shown as a signal. */
  signals: Array<{ rule: string; nature: 'SHOULD'; words: Words }>;
}

export const D_MV_01_SIGNAL = {
  rule: 'D-MV-01', nature: 'SHOULD' as const,
  words: { nl: 'Ruil of verhuis zo snel mogelijk; wacht niet op het omklapmoment. Een naderend omklapmoment is geen beletsel.', en: 'Swap or move as soon as possible; do not wait for the transfer. An approaching transfer is no obstacle.' },
};

export function caseDecision(s: MoveState): CaseDecision {
  const route = administrativeRoute(s.kind);
  const signals = s.status === 'completed' || s.status === 'withdrawn' ? [] : [D_MV_01_SIGNAL];
  if (s.kind === 'swap') {
    const d = swapDecision(swapInputsOf(s));
    return { kind: 'swap', outcome: d.outcome, wonenApprovalNeeded: d.approvalRequired, reasons: [{ rule: d.rule, words: d.words }], swap: d, move: null, target: null, route, signals };
  }
  const m = moveDecision(moveInputsOf(s));
  const t = moveTarget(s.currentArea, s.targetArea, s.similar);
  const expansion = s.reason === 'HOUSEHOLD_EXPANSION';
  const wonenApprovalNeeded = t.wonenDecisionRequired || expansion;
  const reasons = [{ rule: m.rule, words: m.words }, { rule: t.rule, words: t.words }];
  // The reason first (DR-MV-2), then the target (DR-MV-3).
  let outcome: CaseDecision['outcome'];
  if (m.outcome === 'NOT_YET') outcome = 'NOT_YET';
  else if (s.wonen && !s.wonen.approved && wonenApprovalNeeded) outcome = 'NOT_PERMITTED';
  else if (expansion && !s.wonen) outcome = 'PENDING_WONEN';
  else if (m.outcome === 'NOT_PERMITTED' || m.outcome === 'NO_MOVE_REQUIRED') outcome = 'NOT_PERMITTED';
  else if (t.wonenDecisionRequired && !s.wonen) outcome = 'PENDING_WONEN';
  else outcome = 'PERMITTED';
  return { kind: 'move', outcome, wonenApprovalNeeded, reasons, swap: null, move: m, target: t, route, signals };
}

/** A message in Dutch and English (the shorthand for a LocalText pair). */
const T = (nl: string, en: string) => ({ nl, en });
const not = (code: string, rule: string | null, text: { nl: string; en: string }, field?: string): MoveViolation => ({ code, rule, nl: `Nog niet mogelijk: ${text.nl}`, en: `Not possible yet: ${text.en}`, ...(field ? { field } : {}) });

/** Why the swap or move may not go ahead (yet), as violations; empty when it is permitted. */
export function decisionViolations(s: MoveState): MoveViolation[] {
  const d = caseDecision(s);
  if (d.outcome === 'PERMITTED') return [];
  if (d.kind === 'swap') {
    const w = d.swap!.words;
    return [d.outcome === 'PENDING_WONEN'
      ? not('wonen_approval_missing', 'R-MV-03', T('de directie Wonen moet eerst instemmen met deze ongelijke ruil met een woning groter dan 60 m².', 'directie Wonen must first approve this unequal swap involving a dwelling larger than 60 m².'))
      : { code: 'swap_not_permitted', rule: d.swap!.rule, nl: `Nog niet mogelijk: ${w.nl}`, en: `Not possible yet: ${w.en}` }];
  }
  const m = d.move!;
  const t = d.target!;
  if (d.outcome === 'NOT_YET') return [{ code: 'move_not_yet', rule: m.rule, nl: m.words.nl, en: m.words.en }];
  if (d.outcome === 'PENDING_WONEN') {
    return [s.reason === 'HOUSEHOLD_EXPANSION'
      ? not('wonen_exception_missing', 'R-MV-12', T('alleen de directie Wonen kan bij hoge uitzondering een verhuizing bij uitbreiding van het huishouden toestaan.', 'only directie Wonen can allow a move on household expansion, as a high exception.'))
      : not('wonen_approval_missing', 'R-MV-13', T(`de directie Wonen moet eerst instemmen met deze woning. ${t.words.nl}`, `directie Wonen must first approve this dwelling. ${t.words.en}`))];
  }
  if (s.wonen && !s.wonen.approved) return [not('wonen_refused', t.wonenDecisionRequired ? 'R-MV-13' : 'R-MV-12', T('de directie Wonen heeft niet ingestemd.', 'directie Wonen did not approve.'))];
  return [{ code: 'move_not_permitted', rule: m.rule, nl: `Nog niet mogelijk: ${m.words.nl}`, en: `Not possible yet: ${m.words.en}` }];
}

const WHO: Record<Party, Words> = {
  care_provider: { nl: 'de zorgaanbieder', en: 'the care provider' },
  corporation: { nl: 'de corporatie', en: 'the corporation' },
  wonen: { nl: 'de directie Wonen', en: 'directie Wonen' },
  independent_reviewer: { nl: 'de onafhankelijk deskundige van de zorgaanbieder', en: 'the care provider’s independent reviewer' },
};

function partiesOf(actor: MoveActor): Party[] {
  const out: Party[] = [...actor.kinds];
  if (actor.role === 'independent_reviewer' && actor.kinds.includes('care_provider')) out.push('independent_reviewer');
  return out;
}

const isText = (v: unknown, max: number) => typeof v === 'string' && v.trim().length > 0 && v.length <= max;

/** Every reason the event cannot be recorded now (R-MV-15 … R-MV-23). A wrong party is `forbidden` (403). */
export function checkMoveEvent(s: MoveState, input: MoveEventInput, actor: MoveActor, today: IsoDate): MoveViolation[] {
  const tr = MOVE_TRANSITIONS[input.type];
  const parties = partiesOf(actor);
  // The independent review is the reviewer's; everything else by the care provider's staff other than the reviewer too.
  const allowed = tr.parties.some((p) => parties.includes(p));
  if (!allowed) {
    const who = tr.parties.map((p) => WHO[p]);
    return [{ code: 'actor_not_allowed', rule: tr.rules[0] ?? null, forbidden: true, nl: `Dit legt ${who.map((w) => w.nl).join(' of ')} vast.`, en: `This is recorded by ${who.map((w) => w.en).join(' or ')}.` }];
  }
  const out: MoveViolation[] = [];
  if (input.occurredOn > today) out.push({ code: 'date_in_future', rule: null, nl: 'De datum ligt in de toekomst.', en: 'The date is in the future.', field: '/occurredOn' });
  // The first event starts the case; it is recorded once.
  if (input.type === 'request_started') {
    if (s.startedOn) out.push({ code: 'already_started', rule: null, nl: 'Deze aanvraag is al gestart.', en: 'This request has already started.' });
    else out.push(...checkRequestStart(input.data));
    return out;
  }
  if (s.startedOn && input.occurredOn < s.startedOn) out.push({ code: 'date_before_start', rule: null, nl: 'De datum ligt vóór de aanvraag.', en: 'The date is before the request.', field: '/occurredOn' });
  if (!tr.from.includes(s.status) || (input.type === 'introduction_meeting_held' && s.introductionMeetingHeldOn)) {
    out.push(...missingBefore(s, input.type));
    return out;
  }
  const d = input.data;
  switch (input.type) {
    case 'facts_recorded': {
      const keys = Object.keys(d);
      if (!keys.length) out.push({ code: 'no_facts', rule: null, nl: 'Geef ten minste één gegeven op.', en: 'State at least one fact.', field: '/data' });
      for (const k of keys) {
        if (!(MOVE_FACTS as ReadonlyArray<string>).includes(k) || typeof d[k] !== 'boolean') {
          out.push({ code: 'unknown_fact', rule: null, nl: 'Dit gegeven is onbekend of geen ja/nee.', en: 'This fact is unknown or not yes/no.', field: `/data/${k}` });
          continue;
        }
        const corp = CORPORATION_FACTS.has(k as MoveFact);
        if (corp && !parties.includes('corporation')) out.push({ code: 'fact_of_other_party', rule: k === 'corporationAgrees' ? 'R-MV-02' : 'R-MV-11', forbidden: true, nl: 'Dit gegeven legt de corporatie vast.', en: 'The corporation records this fact.', field: `/data/${k}` });
        if (!corp && !parties.includes('care_provider')) out.push({ code: 'fact_of_other_party', rule: 'R-MV-07', forbidden: true, nl: 'Dit gegeven legt de zorgaanbieder vast.', en: 'The care provider records this fact.', field: `/data/${k}` });
      }
      break;
    }
    case 'substantiation_recorded':
      if (!isText(d.summary, 4000)) {
        out.push({ code: 'summary_missing', rule: 'R-MV-16', field: '/data/summary', nl: 'Beschrijf wat er is gedaan om het herstel te bevorderen of het ongemak op te lossen, waarom dat niet lukte en waarom ruilen of verhuizen nodig is.', en: 'Describe what was done to improve recovery or resolve the inconvenience, why it did not succeed and why the swap or move is necessary.' });
      }
      break;
    case 'independent_review_done':
      if (!s.substantiation) out.push(not('substantiation_missing', 'R-MV-16', T('eerst legt de zorgaanbieder de onderbouwing vast; die toetst de onafhankelijk deskundige.', 'the care provider first records the substantiation, which the independent reviewer then reviews.')));
      break;
    case 'submitted_to_wonen': {
      if (!s.substantiation) out.push(not('substantiation_missing', 'R-MV-16', T('de onderbouwing van de zorgaanbieder ontbreekt.', 'the care provider’s substantiation is missing.')));
      if (!s.independentReviewOn) out.push(not('independent_review_missing', 'R-MV-17', T('de onafhankelijk deskundige heeft de voordracht nog niet getoetst; dat gebeurt vóór het voorleggen aan de directie Wonen.', 'the independent reviewer has not reviewed the nomination yet; that happens before the submission to directie Wonen.')));
      // What Wonen cannot change is refused now; what waits for Wonen may be submitted.
      const dec = caseDecision(s);
      if (dec.outcome === 'NOT_YET' || (dec.outcome === 'NOT_PERMITTED' && !(s.kind === 'move' && s.reason === 'HOUSEHOLD_EXPANSION'))) out.push(...decisionViolations(s));
      break;
    }
    case 'wonen_decided': {
      const dec = caseDecision(s);
      if (!dec.wonenApprovalNeeded) {
        out.push({ code: 'approval_not_needed', rule: s.kind === 'swap' ? 'R-MV-05' : 'R-MV-13', nl: 'Voor deze ruil of verhuizing is geen instemming van de directie Wonen nodig; Wonen is geïnformeerd.', en: 'This swap or move does not need directie Wonen’s approval; Wonen has been informed.' });
      }
      if (s.wonen) out.push({ code: 'already_decided', rule: null, nl: 'De directie Wonen heeft hierover al besloten.', en: 'Directie Wonen has already decided.' });
      if (typeof d.approved !== 'boolean') out.push({ code: 'decision_missing', rule: null, field: '/data/approved', nl: 'Geef aan of de directie Wonen instemt.', en: 'State whether directie Wonen approves.' });
      if (!isText(d.reason, 2000)) out.push({ code: 'reason_missing', rule: null, field: '/data/reason', nl: 'Geef de reden van het besluit.', en: 'Give the reason for the decision.' });
      if (s.kind === 'move' && s.reason === 'HOUSEHOLD_EXPANSION' && d.approved === true && d.newUrgency !== true) {
        out.push({ code: 'new_urgency_missing', rule: 'R-MV-12', field: '/data/newUrgency', nl: 'Een verhuizing bij uitbreiding van het huishouden staat de directie Wonen alleen toe met een nieuwe urgentie.', en: 'Directie Wonen allows a move on household expansion only with a new urgency.' });
      }
      break;
    }
    case 'extra_evaluation_recorded':
      out.push(...stepsBefore(s, 'extra_evaluation_recorded'));
      break;
    case 'furnishing_recorded':
      if (d.grant === true) {
        out.push({ code: 'no_furnishing_grant', rule: 'R-MV-19', field: '/data/grant', nl: 'Niet mogelijk: bij ruil of verhuizing is er geen recht op nieuwe inrichtingskosten. Een lening kan wel worden aangevraagd; dat regelt de zorgaanbieder.', en: 'Not possible: a swap or move gives no right to new furnishing costs. A loan can be applied for; the care provider arranges it.' });
      }
      if (typeof d.loanApplied !== 'boolean') out.push({ code: 'loan_missing', rule: 'R-MV-19', field: '/data/loanApplied', nl: 'Geef aan of er een lening is aangevraagd.', en: 'State whether a loan was applied for.' });
      break;
    case 'registered': {
      const code = administrativeRoute(s.kind).woningnetCode;
      if (d.woningnetCode !== code) {
        out.push({
          code: 'woningnet_code', rule: s.kind === 'swap' ? 'R-MV-20' : 'R-MV-21', field: '/data/woningnetCode',
          nl: `Registreer dit in WoningNet met de code "${code}".`, en: `Register this in WoningNet with the code "${code}".`,
        });
      }
      break;
    }
    case 'completed':
      if (!isText(d.newAddress, 300)) out.push({ code: 'address_missing', rule: null, field: '/data/newAddress', nl: 'Geef het adres van de nieuwe woning.', en: 'Give the address of the new dwelling.' });
      break;
    default:
      break;
  }
  return out;
}

/** What a step needs before it: review, submission, the decision (permitted), the extra evaluation. */
function stepsBefore(s: MoveState, type: MoveEventType): MoveViolation[] {
  const out: MoveViolation[] = [];
  if (!s.independentReviewOn) out.push(not('independent_review_missing', 'R-MV-17', T('de onafhankelijk deskundige heeft de voordracht nog niet getoetst.', 'the independent reviewer has not reviewed the nomination yet.')));
  if (!s.submittedOn) out.push(not('not_submitted', 'R-MV-15', T('de ruil of verhuizing is nog niet voorgelegd aan de directie Wonen.', 'the swap or move has not been submitted to directie Wonen yet.')));
  out.push(...decisionViolations(s));
  if (type !== 'extra_evaluation_recorded' && !s.extraEvaluationOn) {
    out.push(not('extra_evaluation_missing', 'R-MV-18', T('het besluit is nog niet vastgelegd in een extra woonevaluatie.', 'the decision has not been recorded in an extra housing evaluation yet.')));
  }
  return out;
}

/**
 * Every reason an event is not possible in the case's status: for the steps after the submission,
 * each missing step in order (Ex 6: no independent review; Ex 7: no extra housing evaluation).
 */
export function missingBefore(s: MoveState, type: MoveEventType): MoveViolation[] {
  // R-MV-23 / D-MV-02: the introduction meeting is held once; a second record would move the date its deadlines were met on.
  if (type === 'introduction_meeting_held' && s.introductionMeetingHeldOn) {
    return [{ code: 'already_held', rule: 'R-MV-23', nl: 'Het kennismakingsgesprek is al gehouden.', en: 'The introduction meeting has already been held.' }];
  }
  if (MOVE_TRANSITIONS[type].from.includes(s.status)) return [];
  if (s.status === 'withdrawn') return [{ code: 'withdrawn', rule: null, nl: 'Niet mogelijk: de aanvraag is ingetrokken.', en: 'Not possible: the request has been withdrawn.' }];
  if (type === 'request_started') return [{ code: 'already_started', rule: null, nl: 'Deze aanvraag is al gestart.', en: 'This request has already started.' }];
  if (type === 'introduction_meeting_held') {
    return [not('not_completed', 'R-MV-23', T('het kennismakingsgesprek volgt na de verhuizing.', 'the introduction meeting follows the move.'))];
  }
  if (s.status === 'completed') return [{ code: 'completed', rule: null, nl: 'Niet mogelijk: de ruil of verhuizing is al afgerond.', en: 'Not possible: the swap or move has already been completed.' }];
  if (type === 'substantiation_recorded' || type === 'independent_review_done' || type === 'submitted_to_wonen') {
    return [{ code: 'already_submitted', rule: 'R-MV-15', nl: 'Niet meer mogelijk: de aanvraag is al voorgelegd aan de directie Wonen.', en: 'No longer possible: the request has already been submitted to directie Wonen.' }];
  }
  if (type === 'wonen_decided') {
    return [s.submittedOn
      ? { code: 'already_agreed', rule: null, nl: 'Niet meer mogelijk: het besluit is al vastgelegd in de extra woonevaluatie.', en: 'No longer possible: the decision has already been recorded in the extra housing evaluation.' }
      : not('not_submitted', 'R-MV-15', T('de ruil of verhuizing is nog niet voorgelegd aan de directie Wonen.', 'the swap or move has not been submitted to directie Wonen yet.'))];
  }
  if (type === 'extra_evaluation_recorded') {
    return s.submittedOn
      ? [{ code: 'already_agreed', rule: 'R-MV-18', nl: 'Het besluit is al vastgelegd in een extra woonevaluatie.', en: 'The decision has already been recorded in an extra housing evaluation.' }]
      : stepsBefore(s, type);
  }
  // furnishing, registered, completed: every missing step before them.
  const out = s.status === 'preparing' || s.status === 'submitted' ? stepsBefore(s, type) : [];
  if (type === 'completed' && !s.registered) out.push(not('not_registered', s.kind === 'swap' ? 'R-MV-20' : 'R-MV-21', T('de ruil of verhuizing is nog niet geregistreerd in WoningNet.', 'the swap or move has not been registered in WoningNet yet.')));
  if (type === 'registered' && s.registered) out.push({ code: 'already_registered', rule: null, nl: 'De ruil of verhuizing is al geregistreerd.', en: 'The swap or move has already been registered.' });
  return out.length ? out : [{ code: 'wrong_status', rule: null, nl: 'Deze stap past nu niet.', en: 'This step does not fit now.' }];
}

const bool = (v: unknown) => v === true;
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** Folds one event into the state (the status follows the steps). */
export function applyMoveEvent(prev: MoveState, e: MoveEventInput): MoveState {
  const s: MoveState = { ...prev, facts: { ...prev.facts } };
  const d = e.data;
  switch (e.type) {
    case 'request_started': {
      s.kind = d.kind === 'swap' ? 'swap' : 'move';
      s.startedOn = e.occurredOn;
      s.reason = s.kind === 'move' && (MOVE_REASONS as ReadonlyArray<unknown>).includes(d.reason) ? (d.reason as MoveReason) : null;
      s.currentArea = num(d.currentArea);
      s.targetArea = num(d.targetArea);
      s.similar = bool(d.similar);
      s.otherTrajectoryId = typeof d.otherTrajectoryId === 'string' ? d.otherTrajectoryId : null;
      const facts = (d.facts ?? {}) as Record<string, unknown>;
      for (const k of MOVE_FACTS) if (typeof facts[k] === 'boolean') s.facts[k] = facts[k] as boolean;
      break;
    }
    case 'facts_recorded':
      for (const k of MOVE_FACTS) if (typeof d[k] === 'boolean') s.facts[k] = d[k] as boolean;
      break;
    case 'substantiation_recorded':
      s.substantiation = { on: e.occurredOn, summary: String(d.summary ?? ''), byPractitioner: bool(d.byPractitioner) };
      break;
    case 'independent_review_done':
      s.independentReviewOn = e.occurredOn;
      break;
    case 'submitted_to_wonen':
      s.submittedOn = e.occurredOn;
      s.status = 'submitted';
      break;
    case 'wonen_decided':
      s.wonen = { approved: bool(d.approved), on: e.occurredOn, reason: String(d.reason ?? ''), newUrgency: bool(d.newUrgency) };
      break;
    case 'extra_evaluation_recorded':
      s.extraEvaluationOn = e.occurredOn;
      s.status = 'agreed';
      break;
    case 'furnishing_recorded':
      s.furnishing = { on: e.occurredOn, loanApplied: bool(d.loanApplied) };
      break;
    case 'registered':
      s.registered = { on: e.occurredOn, woningnetCode: String(d.woningnetCode ?? '') };
      s.status = 'registered';
      break;
    case 'completed':
      s.completedOn = e.occurredOn;
      s.newAddress = typeof d.newAddress === 'string' ? d.newAddress : null;
      s.status = 'completed';
      break;
    case 'introduction_meeting_held':
      s.introductionMeetingHeldOn = e.occurredOn;
      break;
    case 'withdrawn':
      s.withdrawnOn = e.occurredOn;
      s.status = 'withdrawn';
      break;
    default:
      break;
  }
  return s;
}

export function deriveMoveState(events: ReadonlyArray<MoveEventInput>): MoveState {
  return events.reduce(applyMoveEvent, initialMoveState());
}

/** Checks the start of a request (the body of POST /moves) as the first event. */
export function checkRequestStart(data: Record<string, unknown>): MoveViolation[] {
  const out: MoveViolation[] = [];
  if (data.kind === 'move' && !(MOVE_REASONS as ReadonlyArray<unknown>).includes(data.reason)) {
    out.push({ code: 'reason_missing', rule: 'R-MV-07', field: '/reason', nl: 'Geef de reden van de verhuizing.', en: 'Give the reason for the move.' });
  }
  if (data.kind === 'swap' && data.reason !== undefined && data.reason !== null) {
    out.push({ code: 'reason_for_swap', rule: null, field: '/reason', nl: 'Een ruil heeft geen verhuisreden.', en: 'A swap has no move reason.' });
  }
  if (data.kind === 'move' && data.otherTrajectoryId) {
    out.push({ code: 'other_party_for_move', rule: null, field: '/otherTrajectoryId', nl: 'Alleen een ruil heeft een andere partij.', en: 'Only a swap has another party.' });
  }
  return out;
}

// ─── Deadlines: D-MV-02 (D-07 and D-08 from the completion) ────────────────

export interface MoveDeadline {
  key: string;
  ruleId: 'D-07' | 'D-08';
  /** The spec's deadline this applies (D-MV-02: the introduction meeting after a move). */
  appliesFor: 'D-MV-02';
  nature: 'MUST';
  start: IsoDate;
  due: IsoDate;
  metOn: IsoDate | null;
  closedAs: 'cancelled' | null;
  label: Words;
}

/**
 * D-MV-02 (Proposal): the introduction meeting after the move is scheduled within 6 weeks (D-07)
 * and held within 3 months (D-08) of the completion. The case records the meeting held, which
 * meets both (scheduling is not recorded separately). D-MV-01 has no date: see `D_MV_01_SIGNAL`.
 */
export function moveDeadlines(s: MoveState, calendar: WorkingCalendar): MoveDeadline[] {
  if (!s.completedOn) return [];
  const start = s.completedOn;
  const met = s.introductionMeetingHeldOn;
  const one = (ruleId: 'D-07' | 'D-08', amount: number, unit: 'weeks' | 'months', label: Words): MoveDeadline => ({
    key: `D-MV-02#${ruleId}`, ruleId, appliesFor: 'D-MV-02', nature: 'MUST', start, due: computeDue(calendar, { start, amount, unit, ruleId }).due, metOn: met, closedAs: null, label,
  });
  return [
    one('D-07', 6, 'weeks', { nl: 'Kennismakingsgesprek na de verhuizing inplannen binnen 6 weken', en: 'Schedule the introduction meeting after the move within 6 weeks' }),
    one('D-08', 3, 'months', { nl: 'Kennismakingsgesprek na de verhuizing binnen 3 maanden', en: 'Introduction meeting after the move within 3 months' }),
  ];
}

/**
 * Whether a party the policy lets read the move is served it now: directie Wonen sees a swap or
 * move once it is submitted to it (R-MV-15); the care provider and the corporation prepare it
 * together before that. The list applies the same condition in SQL.
 */
export function mayServe(relation: string | null, s: Pick<MoveState, 'submittedOn'>): boolean {
  return relation !== 'case_wonen' || s.submittedOn !== null;
}
