/**
 * The Omslagroute trajectory (omslagroute.md §3): phases, the events that move a
 * client along them, side exits and variant entries. Pure data and types.
 */
import type { IsoDate } from '../calendar/index.ts';
import type { Role } from '../organisations/model.ts';

/** Stations of the route (metro line), in order. P5 and P6 run in parallel. */
export const PHASES = [
  'P0_consent',
  'P1_referral',
  'P2_urgency',
  'P3_matching',
  'P4_key_handover',
  'P5_introduction',
  'P6_support_plan',
  'P7_living',
  'P8_transfer',
  'P9_aftercare',
] as const;
export type Phase = (typeof PHASES)[number];

/** The phases in words (Dutch and English), for people: refusals and the metro line never show a phase code. */
export const PHASE_LABELS: Record<Phase, { nl: string; en: string }> = {
  P0_consent: { nl: 'Toestemming', en: 'Consent' },
  P1_referral: { nl: 'Voordracht en voorbereiding', en: 'Referral and preparation' },
  P2_urgency: { nl: 'Beschikking, urgentie, actieve bemiddeling', en: 'Decision, urgency, active mediation' },
  P3_matching: { nl: 'De juiste match', en: 'Matching' },
  P4_key_handover: { nl: 'Sleuteloverdracht', en: 'Key handover' },
  P5_introduction: { nl: 'Kennismakingsgesprek en supplement', en: 'Introduction meeting and supplement' },
  P6_support_plan: { nl: 'Begeleidingsplan', en: 'Support plan' },
  P7_living: { nl: 'Wonen met begeleiding; woonevaluaties', en: 'Living with support; housing evaluations' },
  P8_transfer: { nl: 'Omklap', en: 'Lease transfer' },
  P9_aftercare: { nl: 'Zorg na omklap', en: 'Aftercare' },
};


/** Side exits (§3.1 X1–X6) and the normal end. X1 and X3 do not close the trajectory. */
export const EXITS = ['X2_care_stopped', 'X4_re_placement', 'X5_eviction', 'X6_swap_or_move', 'completed', 'ended_other'] as const;
export type ExitCode = (typeof EXITS)[number];

/** Variant entries (§3.1 E1, E2; R-OR-04 other routes). */
/** How the client entered the route; 'last_chance': the Last Chance scheme, pronounced by the court (R-OV-66). */
export const VARIANTS = ['regular', 'new_chance', 'last_chance', 'umo_ujo_panel', 'lasting_intermediate_lease', 'other_route'] as const;
export type Variant = (typeof VARIANTS)[number];

/** The four life domains (R-OR-09) plus the support-plan topics of R-OR-42. */
export const GOAL_DOMAINS = [
  'daytime_activities',
  'social_functioning',
  'psychological_functioning',
  'financial_functioning',
  'children_environment',
  'safety',
  'good_tenancy',
  'parenting',
  'housing_skills',
] as const;
export type GoalDomain = (typeof GOAL_DOMAINS)[number];

export interface Goal {
  id: string;
  domain: GoalDomain;
  text: string;
  /** R-OR-14: goals linked to the conditional urgency decide the transfer (T3). */
  linkedToUrgency: boolean;
  achieved: boolean;
  achievedOn: IsoDate | null;
}

/** Actors (§2) as organisation kinds relative to a trajectory. */
export type ActorKind = 'care_provider' | 'corporation' | 'wonen' | 'nuisance_hub' | 'independent_reviewer';

export interface EventActor {
  kind: ActorKind;
  roles: ReadonlyArray<Role>;
}

export const CARE: EventActor = { kind: 'care_provider', roles: ['care_worker', 'team_manager'] };
export const CARE_OR_REVIEWER: EventActor = { kind: 'care_provider', roles: ['care_worker', 'team_manager', 'independent_reviewer'] };
export const REVIEWER: EventActor = { kind: 'care_provider', roles: ['independent_reviewer'] };
export const CORPORATION: EventActor = { kind: 'corporation', roles: ['corporation_contact', 'team_manager'] };
export const WONEN: EventActor = { kind: 'wonen', roles: ['wonen_officer'] };
export const HUB: EventActor = { kind: 'nuisance_hub', roles: ['nuisance_hub_officer'] };

/** One recorded event. Events are kept forever; corrections are new events. */
export interface TrajectoryEvent {
  id: string;
  /** Order of recording (monotonic per trajectory). */
  seq: number;
  type: EventType;
  /** The date it happened (Europe/Amsterdam), may be in the past. */
  occurredOn: IsoDate;
  recordedBy: string;
  recordedByOrganisationId: string;
  data: Record<string, unknown>;
  /** For `event_corrected`/`event_voided`: the event this one replaces or voids. */
  correctsEventId?: string | null;
}

export const EVENT_TYPES = [
  // P0
  'trajectory_started',
  'consent_given',
  'consent_withdrawn',
  // P1
  'housing_needs_recorded',
  'referral_analysis_recorded',
  'goals_set',
  'preparation_recorded',
  'referral_submitted',
  // P2
  'decision_issued',
  'urgency_granted',
  'urgency_refused',
  'urgency_information_requested',
  'urgency_information_supplied',
  'active_mediation_started',
  // P3
  'offer_received',
  'offer_replied',
  'viewing_held',
  'offer_refused',
  'client_informed',
  'client_refused_offer',
  'match_final',
  'brp_registered',
  'special_assistance_applied',
  // P4
  'dwelling_ready',
  'lease_signed',
  'key_handover',
  'contacts_exchanged',
  'transfer_goals_communicated',
  'first_meeting_held',
  // P5 / P6
  'introduction_meeting_scheduled',
  'introduction_meeting_held',
  'supplement_signed',
  'support_plan_completed',
  // P7
  'fibu_agreements_made',
  'fibu_evaluation_held',
  'woningnet_renewal_paid',
  'housing_evaluation_held',
  'goal_achieved',
  'signal_reported',
  'complaint_recorded',
  // P8
  'nuisance_check_done',
  'transfer_decision_joint',
  'nomination_filled',
  'independent_review',
  'nomination_sent_to_wonen',
  'wonen_confirmed',
  'wonen_returned',
  'decision_extension_requested',
  'contract_own_name_signed',
  // P9
  'light_support_started',
  'trajectory_closed',
  // Side exits (§3.1)
  'time_out_started',
  'time_out_ended',
  'care_stopped_before_transfer',
  'woningnet_reactivation_requested',
  're_placement',
  'eviction_path_started',
  'swap_or_move',
  'trajectory_ended',
  'deviation_recorded',
  // Case data for the monitor (monitor.md §11): the referring municipality and the dwelling's.
  'municipality_recorded',
  // Corrections
  'event_corrected',
  'event_voided',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];
