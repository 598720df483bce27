/**
 * The nuisance protocol's vocabulary (overlast.md): reports from the channels C1–C5, the nuisance
 * case and its states (§6.1), the events every step records, the New Chance route (Annex 5).
 * Pure data and types; the rules are in protocol.ts, judgement.ts, escalation.ts, deadlines.ts,
 * mzwo.ts, replacement.ts, timeout.ts and new-chance.ts.
 */

export interface Words { nl: string; en: string }

/** §3: the channel a report came in by. C5: the resident reports nuisance by others (R-OV-10). */
export const CHANNELS = ['C1', 'C2', 'C3', 'C4', 'C5'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_WORDS: Record<Channel, Words> = {
  C1: { nl: 'Buurtbewoner rechtstreeks bij het meldpunt van de zorgaanbieder', en: 'Neighbour directly at the care provider’s reporting point' },
  C2: { nl: 'Signaal van de woningcorporatie', en: 'Signal from the housing corporation' },
  C3: { nl: 'Buurtbewoner via een professional (corporatie, wijkagent)', en: 'Neighbour via a professional (corporation, community police officer)' },
  C4: { nl: 'Buurtbewoner via het Meldpunt Zorg en Woonoverlast', en: 'Neighbour via the Care and Housing Nuisance Hub' },
  C5: { nl: 'De bewoner ervaart zelf overlast of wordt onterecht beklaagd', en: 'The resident experiences nuisance or is wrongly complained about' },
};

/** R-OV-30 (proposal): the configurable nuisance types; "similar" = the same type within 12 months. */
export const NUISANCE_TYPES = ['noise', 'smell', 'aggression', 'pollution', 'harassment', 'other'] as const;
export type NuisanceType = (typeof NUISANCE_TYPES)[number];
export const NUISANCE_TYPE_WORDS: Record<NuisanceType, Words> = {
  noise: { nl: 'Geluid', en: 'Noise' },
  smell: { nl: 'Stank', en: 'Smell' },
  aggression: { nl: 'Agressie of dreiging', en: 'Aggression or threats' },
  pollution: { nl: 'Vervuiling', en: 'Pollution' },
  harassment: { nl: 'Treiteren of intimidatie', en: 'Harassment or intimidation' },
  other: { nl: 'Anders', en: 'Other' },
};

/** §6.1 case states (MZWO involvement and lead are flags, not states). */
export const NUISANCE_STATES = [
  'received', // RECEIVED
  'corporation_informed', // Action 1 done
  'heard_and_judged', // Action 2 done (hearing + judgement)
  'cat1_follow_up', // the matrix row's follow-up under way
  'action_3', // ACTION_3_WARNING
  'action_4', // ACTION_4_OFFICIAL_WARNING
  'action_5', // ACTION_5_FORMAL_NOTICE
  'action_6', // ACTION_6_DISSOLUTION
  'alternative_accepted', // ALTERNATIVE_ACCEPTED (no court, R-OV-42)
  'court_requested', // COURT_REQUESTED
  'evicted', // EVICTED
  'closed', // CLOSED
] as const;
export type NuisanceStatus = (typeof NUISANCE_STATES)[number];
export const TERMINAL_STATES: ReadonlyArray<NuisanceStatus> = ['evicted', 'closed'];

/** §6.3: the judgement of Action 2. */
export type Behaviour = 'conscious' | 'unconscious';
export type JudgementRow = 'J1' | 'J2' | 'J3' | 'J4' | 'J5';

/** Category 2 actions (§6.4). */
export type EscalationAction = 3 | 4 | 5 | 6;

/** §6.5: the letters and documents the platform generates. */
export const LETTER_KINDS = ['written_feedback', 'warning_letter', 'official_warning_letter', 'formal_notice', 'dissolution_notice', 'new_chance_letter'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];
/** What the resident does with a letter (§6.5): signs it after it was read aloud, or signs it "voor gezien". */
export type LetterSignature = 'signed' | 'seen';

/** §5.1: the situations that require a report to MZWO. */
export const HUB_SITUATIONS = ['M1', 'M2', 'M3', 'M4', 'M5', 'M6', 'M7', 'M8', 'M9', 'M10'] as const;
export type HubSituation = (typeof HUB_SITUATIONS)[number];

/** A report (melding) as the protocol needs it: the reporter's identity is never part of the domain case. */
export interface ReportFacts {
  id: string;
  channel: Channel;
  nuisanceType: NuisanceType;
  /** ISO date-time (Europe/Amsterdam wall time, 'YYYY-MM-DDTHH:mm') of the nuisance, when known. */
  occurredAt: string | null;
  receivedOn: string;
  /** A pseudonymous key of the reporter (M2: distinct reporters), never the identity. */
  reporterKey: string | null;
  /** R-OV-10: false for a C5 report by the resident; such a report never counts towards escalation. */
  countsAgainstResident: boolean;
}

/** The checklist step codes per action (§6.4); words in escalation.ts. */
export type ActionStep = string;

/**
 * Events of the nuisance case (case_kind 'nuisance'). Every step of the protocol is one event,
 * recorded through the case's one write path; the state, flags and deadlines are derived from them.
 */
export type NuisanceEventInput =
  | { type: 'report_linked'; occurredOn: string; data: { report: ReportFacts } }
  | { type: 'reporter_contacted'; occurredOn: string; data: { reportId: string; note?: string | null } }
  | { type: 'corporation_informed'; occurredOn: string; data: { approach: string } }
  | { type: 'hearing_held'; occurredOn: string; data: { reportId: string; note?: string | null } }
  | { type: 'judged'; occurredOn: string; data: { reportId: string; behaviour: Behaviour; justifiedPerCareProvider: boolean; residentAgreesJustified?: boolean | null; note?: string | null } }
  | { type: 'complainant_informed'; occurredOn: string; data: { reportId: string; togetherWithResident: boolean } }
  | { type: 'six_week_check'; occurredOn: string; data: { reportId: string; resolved: boolean } }
  | { type: 'follow_up_done'; occurredOn: string; data: { step: ActionStep; note?: string | null } }
  | { type: 'escalated'; occurredOn: string; data: { action: EscalationAction; reportId: string | null; hubSkipDecision?: string | null } }
  | { type: 'action_step_done'; occurredOn: string; data: { action: EscalationAction; step: ActionStep; note?: string | null } }
  | { type: 'letter_issued'; occurredOn: string; data: { letterId: string; kind: LetterKind; action: EscalationAction | null; agreementsNotKept: string[] } }
  | { type: 'letter_signed'; occurredOn: string; data: { letterId: string; signature: LetterSignature; readAloud: boolean } }
  | { type: 'letter_copied'; occurredOn: string; data: { letterId: string } }
  | { type: 'hub_involved'; occurredOn: string; data: { situations: HubSituation[]; note?: string | null } }
  | { type: 'hub_lead_taken'; occurredOn: string; data: { note?: string | null } }
  | { type: 'eiv_decided'; occurredOn: string; data: { issued: boolean; reasonNoneNeeded?: string | null } }
  | { type: 'alternative_accepted'; occurredOn: string; data: { description: string } }
  | { type: 'court_requested'; occurredOn: string; data: { ground: 'nuisance_file' | 'agreements_not_kept' } }
  | { type: 'court_judgment'; occurredOn: string; data: { evictionJustified: boolean } }
  | { type: 'timeout_started'; occurredOn: string; data: { place: string; plannedEndOn: string; corporationAligned: boolean } }
  | { type: 'timeout_ended'; occurredOn: string; data: { outcome: 'returned' | 'structural_solution'; note?: string | null } }
  | { type: 'replacement_decided'; occurredOn: string; data: { careContentReason: boolean; ambulantOptionsExhausted: boolean; swapCandidateTrajectoryId?: string | null; environmentSuitable?: boolean | null; corporationAgrees?: boolean | null; verySeriousEscalation: boolean } }
  | { type: 'field_table_notified'; occurredOn: string; data: { note?: string | null } }
  | { type: 'closed'; occurredOn: string; data: { reason: string } };
export type NuisanceEventType = NuisanceEventInput['type'];

/** A stored event (the input with its sequence number). */
export type NuisanceEvent = NuisanceEventInput & { seq: number };

/** Who records an event on a nuisance case. */
export type NuisanceParty = 'care_provider' | 'corporation' | 'hub' | 'wonen';

/** New Chance (Annex 5): the steps NK-1…NK-11 as events of case_kind 'new_chance'. */
export type NewChanceEventInput =
  | { type: 'requested'; occurredOn: string; data: { requestedBy: 'corporation' | 'care_provider' | 'ggd' | 'police' | 'hub' | 'other'; corporationCode: string; seriousNuisance: boolean; careNotDeliverable: boolean; note?: string | null } }
  | { type: 'ko_decided'; occurredOn: string; data: { suitable: boolean; note?: string | null } }
  | { type: 'home_visit_held'; occurredOn: string; data: { careCannotBeDeliveredHere: boolean; note?: string | null } }
  | { type: 'resident_conversation'; occurredOn: string; data: { willing: 'yes' | 'no' | 'doubtful'; note?: string | null } }
  | { type: 'uvo_held'; occurredOn: string; data: { note?: string | null } }
  | { type: 'go_decided'; occurredOn: string; data: { suitable: boolean; residentWilling: boolean; residentAttended: boolean; careProviderId: string | null; move: boolean; termMonths: number | null; housingNeeds: string | null; temporaryStay: boolean } }
  | { type: 'letter_issued'; occurredOn: string; data: { letterId: string } }
  | { type: 'active_mediation_placed'; occurredOn: string; data: Record<string, never> }
  | { type: 'dwelling_mediated'; occurredOn: string; data: { address: string; corporationCode: string } }
  | { type: 'leases_signed'; occurredOn: string; data: Record<string, never> }
  | { type: 'goals_set'; occurredOn: string; data: { goals: string[] } }
  | { type: 'evaluation_held'; occurredOn: string; data: { goalsKept: boolean; nuisance: boolean; note?: string | null } }
  | { type: 'hub_informed'; occurredOn: string; data: { about: 'evaluation' | 'concern'; note?: string | null } }
  | { type: 'concern_signalled'; occurredOn: string; data: { note: string } }
  | { type: 'returned_to_own_name'; occurredOn: string; data: { allPartiesAgree: boolean } }
  | { type: 'ended'; occurredOn: string; data: { reason: string } };
export type NewChanceEvent = NewChanceEventInput & { seq: number };
export type NewChanceParty = 'care_provider' | 'corporation' | 'hub' | 'wonen';

/** Why an event cannot be recorded: the same shape as the case engine's CaseViolation. */
export interface Violation {
  code: string;
  rule: string | null;
  nl: string;
  en: string;
  field?: string;
  forbidden?: boolean;
}

/** A deadline the case derives (written by the shell into the shared deadline table). */
export interface NuisanceDeadline {
  key: string;
  ruleId: string;
  nature: 'MUST' | 'SHOULD' | 'MAY';
  /** Whose worklist: the care provider, the corporation, the hub or Wonen. */
  actor: NuisanceParty;
  start: string;
  due: string;
  metOn: string | null;
  closedAs: 'cancelled' | null;
  computed: unknown;
  label: Words;
}

/** What the case knows besides its events. */
export interface NuisanceFacts {
  /** R-OV-05: a care provider is involved with the dwelling (Annex 1 applies); false: the hub's regular method. */
  hasSupport: boolean;
  /** R-OV-16 (proposal): a resident with a high risk of nuisance: internal notices come earlier. */
  highRisk: boolean;
}

/** A report as the case holds it, with what was done about it. */
export interface CaseReport extends ReportFacts {
  linkedOn: string;
  reporterContactedOn: string | null;
  heardOn: string | null;
  judgement: { row: JudgementRow; behaviour: Behaviour; justified: boolean; residentAgrees: boolean | null; on: string } | null;
  complainantInformedOn: string | null;
  sixWeekCheckOn: string | null;
  resolved: boolean | null;
}

export interface CaseLetter {
  letterId: string;
  kind: LetterKind;
  action: EscalationAction | null;
  issuedOn: string;
  agreementsNotKept: string[];
  signedOn: string | null;
  signature: LetterSignature | null;
  readAloud: boolean;
  copiedOn: string | null;
}

/** The state a nuisance case's events derive (protocol.ts `deriveNuisanceState`). */
export interface NuisanceState {
  status: NuisanceStatus;
  reports: CaseReport[];
  /** D-OV-05 start: the first report that counts against the resident. */
  firstComplaintOn: string | null;
  corporationInformedOn: string | null;
  /** Category 1 follow-up steps done (code → date). */
  followUps: Record<string, string>;
  /** The current category 2 action (null in category 1). */
  action: EscalationAction | null;
  /** The date each action started. */
  actionStartedOn: Partial<Record<EscalationAction, string>>;
  /** Checklist steps done per action (step code → date). */
  actionSteps: Partial<Record<EscalationAction, Record<string, string>>>;
  letters: CaseLetter[];
  hubInvolvedOn: string | null;
  hubSituations: HubSituation[];
  hubLeadOn: string | null;
  eiv: { issued: boolean; reasonNoneNeeded: string | null; on: string } | null;
  alternativeAcceptedOn: string | null;
  courtRequestedOn: string | null;
  courtJudgment: { evictionJustified: boolean; on: string } | null;
  timeout: { startOn: string; plannedEndOn: string; endedOn: string | null; outcome: 'returned' | 'structural_solution' | null } | null;
  replacement: {
    decidedOn: string;
    outcome: 'no_replacement' | 'not_yet' | 'priority_with_swap' | 'priority_no_swap' | 'priority';
    fieldTableNotifiedOn: string | null;
    /** D-OV-10: a very serious escalation may be reported to the field table afterwards. */
    afterwards: boolean;
  } | null;
  /** J5 (R-OV-28): flagged for review. */
  reviewFlag: boolean;
  closedOn: string | null;
}

/** The state a New Chance case's events derive (new-chance.ts). */
export type NewChanceStep = 'NK-1' | 'NK-2' | 'NK-3' | 'NK-4' | 'NK-5' | 'NK-6' | 'NK-7' | 'NK-8' | 'NK-9' | 'NK-11' | 'ended';
export interface NewChanceState {
  /** The step the case waits at (NK-10 is a side step within NK-9). */
  step: NewChanceStep;
  requestedOn: string | null;
  /** R-OV-64: information is shared beyond the covenant parties only once granted (the letter issued). */
  grantedOn: string | null;
  decision: { careProviderId: string | null; move: boolean; termMonths: number | null; housingNeeds: string | null; temporaryStay: boolean; on: string } | null;
  letterId: string | null;
  letterOn: string | null;
  mediationPlacedOn: string | null;
  dwellingMediatedOn: string | null;
  leasesSignedOn: string | null;
  goalsSetOn: string | null;
  lastEvaluationOn: string | null;
  /** R-OV-63: what the last evaluation found (the lease may return to the own name only when goals were kept and there was no nuisance). */
  lastEvaluation?: { goalsKept: boolean; nuisance: boolean } | null;
  evaluationHubInformedOn: string | null;
  openConcernOn: string | null;
  concernHubInformedOn: string | null;
  endedOn: string | null;
  endReason: string | null;
}
