/**
 * The trajectory state machine as a data table (omslagroute.md §3): for every event,
 * the phases it may be recorded in, the phase it leads to, who may record it and the
 * data it requires. The shell validates against this table; nothing is hand-coded per route.
 */
import { Type, type Static, type TProperties, type TSchema } from 'typebox';
import {
  CARE, CARE_OR_REVIEWER, CORPORATION, GOAL_DOMAINS, HUB, REVIEWER, VARIANTS, WONEN,
  type EventActor, type EventType, type Phase,
} from './model.ts';

const Date_ = Type.String({ format: 'date' });
const Text = (max = 4000) => Type.String({ minLength: 1, maxLength: max });
const Obj = <P extends TProperties>(props: P) => Type.Object(props, { additionalProperties: false });
const Empty = Obj({});
const Opt = Type.Optional;
/** A municipality (organisation id); the shell checks it is an active municipality of the trajectory's region (R-MO-18). */
const Municipality = Type.String({ format: 'uuid' });

const GoalInput = Obj({
  id: Type.String({ minLength: 1, maxLength: 64 }),
  domain: Type.Enum(GOAL_DOMAINS),
  text: Text(1000),
  linkedToUrgency: Type.Boolean(),
});

export interface Transition {
  /**
   * Phases in which the event may be recorded; 'active' = any phase of an active
   * trajectory; 'closed' = only after the trajectory ended (e.g. the WoningNet reactivation after X2).
   */
  from: ReadonlyArray<Phase> | 'active' | 'closed';
  /** The phase the event moves the trajectory to, if it moves it. */
  to?: Phase;
  actors: ReadonlyArray<EventActor>;
  data: TSchema;
  /** Rules (R-…) and deadlines (D-…) that govern this step; named in refusals. */
  rules: ReadonlyArray<string>;
  /** Dutch and English label for the UI and the metro line. */
  label: { nl: string; en: string };
}

const AFTER_MATCH: Phase[] = ['P3_matching', 'P4_key_handover', 'P5_introduction', 'P6_support_plan', 'P7_living', 'P8_transfer'];
const LIVING: Phase[] = ['P4_key_handover', 'P5_introduction', 'P6_support_plan', 'P7_living', 'P8_transfer'];

const TABLE = {
  trajectory_started: {
    from: [], actors: [CARE], rules: ['R-OR-01', 'R-OR-04', 'R-OR-12'],
    data: Obj({ variant: Type.Enum(VARIANTS), enteredViaOtherRoute: Opt(Type.Boolean()), multiProblemFamily: Opt(Type.Boolean()), accessRoute: Opt(Text(200)), municipalityId: Opt(Municipality) }),
    label: { nl: 'Traject gestart', en: 'Trajectory started' },
  },
  consent_given: {
    from: ['P0_consent'], to: 'P1_referral', actors: [CARE], rules: ['R-OR-82', 'R-OR-83'],
    data: Obj({ consentId: Type.String({ minLength: 1 }) }),
    label: { nl: 'Toestemming gegeven', en: 'Consent given' },
  },
  consent_withdrawn: {
    from: 'active', actors: [CARE], rules: ['R-OR-93', 'R-OR-94'],
    data: Obj({ consentId: Type.String({ minLength: 1 }) }),
    label: { nl: 'Toestemming ingetrokken', en: 'Consent withdrawn' },
  },
  housing_needs_recorded: {
    from: ['P1_referral', 'P2_urgency', 'P3_matching'], actors: [CARE], rules: ['R-OR-06', 'R-OR-07'],
    data: Obj({
      preferredNeighbourhoods: Type.Array(Text(100), { maxItems: 20 }),
      excludedNeighbourhoods: Type.Array(Text(100), { maxItems: 20 }),
      circumstances: Text(2000),
      schoolProximity: Opt(Type.String({ maxLength: 1000 })),
    }),
    label: { nl: 'Woonbehoeften vastgelegd', en: 'Housing needs recorded' },
  },
  referral_analysis_recorded: {
    from: ['P1_referral'], actors: [CARE], rules: ['R-OR-08'],
    data: Obj({
      c1PaysRent: Type.Boolean(), c2GoodNeighbour: Type.Boolean(), c3AcceptsSupport: Type.Boolean(), c4GoalsMatchLifeDomains: Type.Boolean(),
      c5ChildrenEnvironment: Opt(Type.Union([Type.Boolean(), Type.Null()])), nuisanceRisk: Text(2000),
    }),
    label: { nl: 'Analyse kansen en overlastrisico', en: 'Referral analysis' },
  },
  goals_set: {
    from: ['P1_referral', 'P2_urgency', 'P3_matching', 'P4_key_handover', 'P5_introduction', 'P6_support_plan', 'P7_living'], actors: [CARE], rules: ['R-OR-09', 'R-OR-14'],
    data: Obj({ goals: Type.Array(GoalInput, { minItems: 1, maxItems: 50 }) }),
    label: { nl: 'Gepersonaliseerde doelen vastgesteld', en: 'Personalised goals set' },
  },
  preparation_recorded: {
    from: ['P1_referral', 'P2_urgency'], actors: [CARE], rules: ['R-OR-10', 'R-OR-11'],
    data: Obj({
      network: Text(2000), finances: Text(2000), woningnetChecked: Type.Boolean(), incomeStatementRequested: Type.Boolean(),
      // R-OR-11: accepting support with financial management MAY be a condition of the offer.
      financialSupportCondition: Opt(Type.Boolean()),
    }),
    label: { nl: 'Voorbereiding vastgelegd', en: 'Preparation recorded' },
  },
  referral_submitted: {
    // In P2 only again after Wonen refused the urgency (a new referral, D-WON-1).
    from: ['P1_referral', 'P2_urgency'], to: 'P2_urgency', actors: [CARE], rules: ['R-OR-06', 'R-OR-08', 'R-OR-09'],
    data: Obj({ municipalityId: Opt(Municipality) }), label: { nl: 'Voordracht ingediend', en: 'Referral submitted' },
  },
  decision_issued: {
    from: ['P2_urgency'], actors: [CARE, WONEN], rules: ['AMB-OR-01', 'D-01'],
    data: Obj({ reference: Opt(Type.String({ maxLength: 100 })) }), label: { nl: 'Beschikking afgegeven', en: 'Decision issued' },
  },
  urgency_granted: {
    from: ['P2_urgency'], actors: [WONEN], rules: ['R-OR-13', 'R-OR-14', 'D-01'],
    data: Obj({ conditional: Type.Boolean(), municipalityId: Opt(Municipality) }), label: { nl: 'Urgentie toegekend', en: 'Urgency granted' },
  },
  // Wonen's urgency decision (P2.2; AMB-OR-12: the process is not described). Proposal D-WON-1: Wonen decides
  // within 8 weeks (Awb 4:13); it may refuse with reasons or ask for information, which the care provider supplies.
  urgency_refused: {
    from: ['P2_urgency'], actors: [WONEN], rules: ['D-WON-1', 'R-OR-13'],
    data: Obj({ reasons: Text(4000) }), label: { nl: 'Urgentie afgewezen (met redenen)', en: 'Urgency refused (with reasons)' },
  },
  urgency_information_requested: {
    from: ['P2_urgency'], actors: [WONEN], rules: ['D-WON-1'],
    data: Obj({ informationRequested: Text(4000) }), label: { nl: 'Wonen vraagt aanvullende informatie', en: 'Wonen asks for more information' },
  },
  urgency_information_supplied: {
    from: ['P2_urgency'], actors: [CARE], rules: ['D-WON-1'],
    data: Obj({ informationSupplied: Text(4000) }), label: { nl: 'Aanvullende informatie aan Wonen gegeven', en: 'More information given to Wonen' },
  },
  active_mediation_started: {
    from: ['P2_urgency'], to: 'P3_matching', actors: [WONEN, CARE], rules: ['AMB-OR-12'],
    data: Empty, label: { nl: 'Actieve bemiddeling gestart', en: 'Active mediation started' },
  },
  offer_received: {
    from: ['P3_matching'], actors: [CORPORATION], rules: ['R-OR-15', 'R-OR-16', 'R-OR-17', 'D-02', 'D-03', 'D-05'],
    data: Obj({
      offerId: Opt(Type.String({ maxLength: 64 })),
      /** The platform's offer case (matching), whose deadlines are its own. */
      platformOfferId: Opt(Type.String({ format: 'uuid' })),
      address: Text(300),
      availableOn: Date_,
      floor: Type.Integer({ minimum: -1, maximum: 60 }),
      lift: Type.Boolean(),
      facilities: Type.String({ maxLength: 2000 }),
      noiseAndDefects: Type.String({ maxLength: 2000 }),
      contactName: Text(200),
      contactPhone: Opt(Type.String({ maxLength: 30 })),
      liveabilityNote: Opt(Type.String({ maxLength: 2000 })),
      recentNuisanceFile: Type.Boolean(),
    }),
    label: { nl: 'Aanbod ontvangen', en: 'Offer received' },
  },
  offer_replied: {
    from: ['P3_matching'], actors: [CARE], rules: ['R-OR-18', 'D-02'],
    data: Obj({ reply: Type.Enum(['accept', 'request_viewing', 'refuse'] as const) }), label: { nl: 'Gereageerd op aanbod', en: 'Replied to offer' },
  },
  viewing_held: {
    from: ['P3_matching'], actors: [CARE], rules: ['R-OR-19', 'D-03'],
    data: Empty, label: { nl: 'Woning bezichtigd', en: 'Viewing held' },
  },
  offer_refused: {
    from: ['P3_matching'], actors: [CARE], rules: ['R-OR-20', 'D-04'],
    data: Obj({ reasons: Text(2000) }), label: { nl: 'Aanbod afgewezen (met redenen)', en: 'Offer refused (with reasons)' },
  },
  client_informed: {
    from: ['P3_matching'], actors: [CARE], rules: ['R-OR-21', 'R-OR-22', 'D-05', 'D-01'],
    data: Obj({ choicesDiscussed: Type.Boolean() }), label: { nl: 'Cliënt geïnformeerd over aanbod', en: 'Client informed of the offer' },
  },
  client_refused_offer: {
    from: ['P3_matching'], actors: [CARE], rules: ['R-OR-22'],
    data: Obj({ reasons: Text(2000) }), label: { nl: 'Cliënt weigert eenmalig aanbod', en: 'Client refused the one-time offer' },
  },
  match_final: {
    from: ['P3_matching'], actors: [CORPORATION], rules: ['R-OR-23', 'R-OR-24'],
    data: Obj({ newWoningnetNumber: Opt(Type.String({ maxLength: 40 })), oldRegistrationKept: Type.Boolean(), dwellingMunicipalityId: Opt(Municipality) }),
    label: { nl: 'Match definitief', en: 'Match final' },
  },
  brp_registered: { from: AFTER_MATCH, actors: [CARE], rules: ['R-OR-25'], data: Empty, label: { nl: 'Ingeschreven in de BRP', en: 'Registered in the BRP' } },
  special_assistance_applied: { from: AFTER_MATCH, actors: [CARE], rules: ['R-OR-26'], data: Empty, label: { nl: 'Bijzondere bijstand aangevraagd', en: 'Special assistance applied for' } },
  dwelling_ready: { from: ['P3_matching'], actors: [CORPORATION], rules: ['R-OR-28'], data: Empty, label: { nl: 'Woning verhuurklaar', en: 'Dwelling ready to let' } },
  lease_signed: {
    from: ['P3_matching'], actors: [CARE, CORPORATION], rules: ['R-OR-02', 'R-OR-33', 'D-09'],
    data: Obj({ ibriShared: Type.Boolean() }), label: { nl: 'Huurovereenkomsten getekend (start intermediaire verhuur)', en: 'Leases signed (intermediate lease starts)' },
  },
  key_handover: {
    from: ['P3_matching'], to: 'P4_key_handover', actors: [CARE], rules: ['R-OR-28', 'R-OR-29', 'D-06', 'D-07', 'D-08'],
    data: Obj({ corporationContactPresent: Type.Boolean(), dwellingMunicipalityId: Opt(Municipality) }), label: { nl: 'Sleuteloverdracht', en: 'Key handover' },
  },
  contacts_exchanged: { from: LIVING, actors: [CARE, CORPORATION], rules: ['R-OR-30', 'R-OR-31'], data: Empty, label: { nl: 'Contactgegevens uitgewisseld', en: 'Contact details exchanged' } },
  transfer_goals_communicated: {
    from: ['P3_matching', 'P4_key_handover'], actors: [CARE], rules: ['R-OR-32'], data: Empty,
    label: { nl: 'Omklapdoelen besproken met bewoner', en: 'Transfer goals communicated' },
  },
  first_meeting_held: { from: ['P3_matching', 'P4_key_handover', 'P5_introduction'], actors: [CARE], rules: ['D-06', 'AMB-OR-03'], data: Empty, label: { nl: 'Kennismaking zorgaanbieder en bewoner', en: 'First meeting care provider and resident' } },
  introduction_meeting_scheduled: {
    from: ['P4_key_handover'], actors: [CARE], rules: ['R-OR-34', 'D-07'],
    data: Obj({ plannedOn: Date_ }), label: { nl: 'Kennismakingsgesprek ingepland', en: 'Introduction meeting scheduled' },
  },
  introduction_meeting_held: {
    from: ['P4_key_handover'], to: 'P5_introduction', actors: [CARE], rules: ['R-OR-34', 'R-OR-35', 'R-OR-36', 'R-OR-39', 'D-08', 'D-10', 'D-11'],
    data: Obj({ atDwelling: Type.Boolean(), evaluationIntervalMonths: Type.Integer({ minimum: 1, maximum: 12 }) }),
    label: { nl: 'Kennismakingsgesprek gehouden', en: 'Introduction meeting held' },
  },
  supplement_signed: {
    from: ['P5_introduction', 'P6_support_plan', 'P7_living', 'P8_transfer'], actors: [CARE], rules: ['R-OR-37', 'R-OR-38'],
    data: Obj({ formId: Type.String({ minLength: 1 }) }), label: { nl: 'Supplement door drie partijen getekend', en: 'Supplement signed by all three parties' },
  },
  support_plan_completed: {
    from: ['P4_key_handover', 'P5_introduction', 'P6_support_plan', 'P7_living'], actors: [CARE], rules: ['R-OR-41', 'R-OR-42', 'R-OR-43', 'D-06'],
    data: Obj({ formId: Opt(Type.String()) }), label: { nl: 'Begeleidingsplan opgesteld', en: 'Support plan completed' },
  },
  fibu_agreements_made: { from: 'active', actors: [CARE], rules: ['R-OR-52', 'R-OR-53', 'D-12'], data: Empty, label: { nl: 'Afspraken Fibu-team gemaakt', en: 'Fibu-team agreements made' } },
  fibu_evaluation_held: { from: 'active', actors: [CARE], rules: ['R-OR-54', 'D-12'], data: Empty, label: { nl: 'Fibu-evaluatie gehouden', en: 'Fibu evaluation held' } },
  woningnet_renewal_paid: { from: 'active', actors: [CARE], rules: ['D-15'], data: Empty, label: { nl: 'WoningNet-inschrijving verlengd', en: 'WoningNet registration renewed' } },
  housing_evaluation_held: {
    from: ['P5_introduction', 'P6_support_plan', 'P7_living', 'P8_transfer'], to: 'P7_living', actors: [CARE],
    rules: ['R-OR-56', 'R-OR-57', 'R-OR-58', 'R-OR-59', 'R-OR-60', 'R-OR-61', 'R-OR-62', 'R-OR-63', 'R-OR-90', 'D-10', 'D-11'],
    data: Obj({
      outcome: Type.Enum(['continue', 'lasting_intermediate_lease', 'start_transfer'] as const),
      consentChecked: Type.Boolean(),
      /** R-OR-59 step 2: the telephone pre-consultation of care provider and corporation contact. */
      preConsultationHeld: Type.Boolean(),
      atDwelling: Type.Boolean(),
      pointsForProgress: Opt(Type.String({ maxLength: 4000 })),
      formId: Opt(Type.String()),
      evaluationIntervalMonths: Opt(Type.Integer({ minimum: 1, maximum: 12 })),
    }),
    label: { nl: 'Woonevaluatie gehouden', en: 'Housing evaluation held' },
  },
  goal_achieved: {
    from: 'active', actors: [CARE], rules: ['R-OR-14', 'R-OR-64'],
    data: Obj({ goalId: Type.String({ minLength: 1 }), achieved: Type.Boolean(), substantiation: Opt(Type.String({ maxLength: 2000 })) }),
    label: { nl: 'Doel beoordeeld', en: 'Goal assessed' },
  },
  signal_reported: {
    from: LIVING, actors: [CARE, CORPORATION], rules: ['R-OR-47', 'R-OR-48', 'R-OR-49'],
    data: Obj({
      kind: Type.Enum(['nuisance', 'rent_arrears', 'other'] as const),
      description: Text(2000),
      sharedWithResident: Type.Boolean(),
      careProviderConsulted: Opt(Type.Boolean()),
    }),
    label: { nl: 'Signaal van overlast of huurachterstand', en: 'Signal of nuisance or rent arrears' },
  },
  complaint_recorded: {
    from: 'active', actors: [CARE], rules: ['R-OR-27'],
    data: Obj({ about: Type.Enum(['offer', 'dwelling', 'support', 'other'] as const), channel: Type.Enum(['objection', 'appeal', 'municipality_complaint', 'corporation_complaint', 'care_provider_complaint'] as const), summary: Text(2000) }),
    label: { nl: 'Klacht of bezwaar van de cliënt', en: 'Complaint or objection of the client' },
  },
  nuisance_check_done: {
    from: ['P7_living', 'P8_transfer'], actors: [CARE, HUB], rules: ['R-OR-64'],
    data: Obj({ complaintsFound: Type.Boolean(), transferPossibleWithoutBehaviourChange: Type.Boolean(), checkedWith: Type.Array(Type.Enum(['nuisance_hub', 'corporation'] as const), { minItems: 2, uniqueItems: true }) }),
    label: { nl: 'Overlastcheck bij MZWO en corporatie', en: 'Nuisance check with MZWO and corporation' },
  },
  transfer_decision_joint: {
    from: ['P7_living', 'P8_transfer'], to: 'P8_transfer', actors: [CARE], rules: ['R-OR-64', 'R-OR-66', 'R-OR-69'],
    data: Obj({ residentAgrees: Type.Literal(true), careProviderAgrees: Type.Literal(true), corporationAgrees: Type.Literal(true), noUnacceptableRisks: Type.Boolean(), aftercareNeeds: Text(4000) }),
    label: { nl: 'Gezamenlijk besluit tot omklap', en: 'Joint transfer decision' },
  },
  nomination_filled: {
    from: ['P8_transfer'], actors: [CARE], rules: ['R-OR-67', 'R-OR-69'],
    data: Obj({ formId: Opt(Type.String()) }), label: { nl: 'Voordracht voor Omklap ingevuld', en: 'Transfer nomination filled in' },
  },
  independent_review: {
    from: ['P8_transfer'], actors: [REVIEWER], rules: ['R-OR-68'],
    data: Obj({ verdict: Type.Enum(['approved', 'rejected'] as const), reasonCodes: Type.Array(Type.String({ maxLength: 50 }), { maxItems: 10 }), motivation: Text(4000) }),
    label: { nl: 'Toets onafhankelijke derde', en: 'Independent review' },
  },
  nomination_sent_to_wonen: {
    from: ['P8_transfer'], actors: [CARE], rules: ['R-OR-64', 'R-OR-68', 'R-OR-70', 'D-13'],
    data: Obj({ nawBankIbriShared: Type.Boolean() }), label: { nl: 'Voordracht naar directie Wonen', en: 'Nomination sent to Wonen' },
  },
  wonen_confirmed: {
    from: ['P8_transfer'], actors: [WONEN], rules: ['R-OR-71', 'D-13', 'D-14'],
    data: Obj({ reasonCodes: Opt(Type.Array(Type.String({ maxLength: 50 }), { maxItems: 10 })) }), label: { nl: 'Wonen bevestigt', en: 'Wonen confirms' },
  },
  wonen_returned: {
    from: ['P8_transfer'], to: 'P7_living', actors: [WONEN], rules: ['R-OR-71', 'D-13'],
    data: Obj({ reasonCodes: Type.Array(Type.String({ maxLength: 50 }), { minItems: 1, maxItems: 10 }), motivation: Text(4000) }),
    label: { nl: 'Wonen stuurt terug met motivatie', en: 'Wonen returns with motivation' },
  },
  decision_extension_requested: { from: ['P7_living', 'P8_transfer'], actors: [CARE], rules: ['R-OR-65'], data: Obj({ reason: Text(2000) }), label: { nl: 'Verlenging beschikking aangevraagd', en: 'Decision extension requested' } },
  contract_own_name_signed: {
    from: ['P8_transfer'], to: 'P9_aftercare', actors: [CORPORATION], rules: ['R-OR-72', 'R-OR-74', 'D-14', 'R-YA-05'],
    data: Obj({ contractType: Type.Enum(['indefinite', 'five_year'] as const), depositEur: Opt(Type.Number({ minimum: 0, maximum: 100_000 })) }),
    label: { nl: 'Huurcontract op eigen naam', en: 'Lease in own name' },
  },
  light_support_started: {
    from: ['P9_aftercare'], actors: [CARE], rules: ['R-OR-76', 'D-16'],
    data: Obj({ plannedEndOn: Opt(Date_) }), label: { nl: 'Lichte begeleiding na omklap', en: 'Light support after transfer' },
  },
  trajectory_closed: { from: ['P9_aftercare'], actors: [CARE], rules: ['R-OR-78'], data: Empty, label: { nl: 'Traject afgesloten', en: 'Trajectory closed' } },
  time_out_started: { from: LIVING, actors: [CARE], rules: ['R-OR-51', 'D-OV-09'], data: Obj({ place: Text(300) }), label: { nl: 'Time-out gestart', en: 'Time-out started' } },
  time_out_ended: { from: 'active', actors: [CARE], rules: ['D-OV-09'], data: Obj({ outcome: Type.Enum(['returned', 'structural_solution'] as const) }), label: { nl: 'Time-out beëindigd', en: 'Time-out ended' } },
  care_stopped_before_transfer: {
    from: LIVING, actors: [CARE], rules: ['R-OR-80', 'R-OR-81'],
    data: Obj({ reason: Text(2000), reportedToCorporation: Type.Boolean(), reportedToWonen: Type.Boolean() }),
    label: { nl: 'Zorg gestopt voor omklap', en: 'Care stopped before transfer' },
  },
  woningnet_reactivation_requested: {
    from: 'closed', actors: [CORPORATION], rules: ['R-OR-81', 'AMB-OR-08'],
    data: Obj({ oldRegistrationNumber: Opt(Type.String({ maxLength: 40 })) }), label: { nl: 'Heractivering oude WoningNet-inschrijving aangevraagd', en: 'Reactivation of old WoningNet registration requested' },
  },
  re_placement: { from: LIVING, actors: [CARE], rules: ['R-OV-44', 'D-OV-10'], data: Obj({ facility: Text(300), fieldTableInformedOn: Opt(Date_) }), label: { nl: 'Herplaatsing', en: 'Re-placement' } },
  eviction_path_started: { from: LIVING, actors: [CARE, CORPORATION], rules: ['R-OV-30'], data: Obj({ reason: Text(2000) }), label: { nl: 'Ontruimingstraject', en: 'Eviction path' } },
  swap_or_move: { from: LIVING, actors: [CARE], rules: ['R-MV-01'], data: Obj({ kind: Type.Enum(['swap', 'move'] as const), newAddress: Text(300) }), label: { nl: 'Woningruil of verhuizing', en: 'Swap or move' } },
  trajectory_ended: { from: 'active', actors: [CARE], rules: ['R-OR-80'], data: Obj({ reason: Text(2000) }), label: { nl: 'Traject beëindigd', en: 'Trajectory ended' } },
  deviation_recorded: {
    from: 'active', actors: [CARE, CORPORATION], rules: ['R-OR-05'],
    data: Obj({ item: Type.Enum(['D-08', 'lease_duration', 'offer', 'after_move'] as const), reason: Text(2000), agreedBy: Type.Array(Type.Enum(['client', 'care_provider', 'corporation', 'wonen'] as const), { minItems: 2, uniqueItems: true }) }),
    label: { nl: 'Gedocumenteerde afwijking (maatwerk)', en: 'Documented deviation (tailor-made)' },
  },
  municipality_recorded: {
    // Sets or changes the municipality the household counts for (see municipality.ts); which of the two a party may set is the policy's (field-level writability).
    from: 'active', actors: [CARE, CORPORATION, WONEN], rules: ['R-MO-18'],
    data: Type.Object({ municipalityId: Opt(Municipality), dwellingMunicipalityId: Opt(Municipality) }, { additionalProperties: false, minProperties: 1 }),
    label: { nl: 'Gemeente vastgelegd', en: 'Municipality recorded' },
  },
  event_corrected: {
    from: 'active', actors: [CARE, CORPORATION, WONEN, REVIEWER], rules: [],
    data: Obj({ occurredOn: Opt(Date_), data: Opt(Type.Record(Type.String(), Type.Unknown())), reason: Text(2000) }),
    label: { nl: 'Correctie', en: 'Correction' },
  },
  event_voided: { from: 'active', actors: [CARE, CORPORATION, WONEN, REVIEWER], rules: [], data: Obj({ reason: Text(2000) }), label: { nl: 'Vervallen verklaard', en: 'Voided' } },
} satisfies Record<EventType, Transition>;

/** The state machine, one transition per event type. */
export const TRANSITIONS: Record<EventType, Transition> = TABLE;

/** The data of an event of type T, as its schema in the transition table types it. */
export type EventData<T extends EventType> = Static<(typeof TABLE)[T]['data']> & Record<string, unknown>;

/** An event as the transition table types it: a discriminated union on `type`. */
export type TypedEventInput = {
  [T in EventType]: { type: T; occurredOn: string; data: EventData<T>; correctsEventId?: string | null };
}[EventType];

// CARE_OR_REVIEWER is exported for modules that let reviewers record on behalf of the team.
export { CARE_OR_REVIEWER };
