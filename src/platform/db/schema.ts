import type { ColumnType, Generated } from 'kysely';

/** Kysely table types; the SQL in /migrations is the source of truth. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** `date` columns travel as 'YYYY-MM-DD' strings (type parser set in database.ts). */
type PlainDate = ColumnType<string, string, string>;
type Json<T = unknown> = ColumnType<T, string | T, string | T>;

export interface RegionTable {
  id: Generated<string>;
  code: string;
  name: string;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OrganisationTable {
  id: Generated<string>;
  code: string;
  name: string;
  type: string;
  parent_id: string | null;
  region_id: string | null;
  municipality_code: string | null;
  contact_role_label: string | null;
  email: string | null;
  phone: string | null;
  active: Generated<boolean>;
  deactivated_at: Timestamp | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UserTable {
  id: Generated<string>;
  email: string;
  name: string;
  password_hash: string | null;
  locale: Generated<string>;
  active: Generated<boolean>;
  deactivated_at: Timestamp | null;
  deactivation_reason: string | null;
  successor_id: string | null;
  failed_login_count: Generated<number>;
  locked_until: Timestamp | null;
  last_login_at: Timestamp | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Failed logins per (account, client address) (migration 0009). */
export interface LoginFailureTable {
  user_id: string;
  address: string;
  failed_count: Generated<number>;
  locked_until: Timestamp | null;
  last_failed_at: Timestamp;
}

export interface UserIdentityTable {
  issuer: string;
  subject: string;
  user_id: string;
  created_at: Timestamp;
}

export interface MembershipTable {
  id: Generated<string>;
  user_id: string;
  organisation_id: string;
  role: string;
  active: Generated<boolean>;
  starts_on: PlainDate;
  ended_on: PlainDate | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UserHandoverTable {
  id: Generated<string>;
  from_user_id: string;
  to_user_id: string;
  reason: string;
  items: Json<Record<string, unknown>>;
  created_by: string | null;
  created_at: Timestamp;
}

export interface SessionTable {
  id: string;
  user_id: string;
  active_membership_id: string | null;
  csrf_token: string;
  auth_method: 'password' | 'oidc';
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
}

export interface OidcLoginStateTable {
  state: string;
  nonce: string;
  code_verifier: string;
  return_to: string;
  created_at: Timestamp;
}

export interface IdempotencyKeyTable {
  user_id: string;
  key: string;
  method: string;
  path: string;
  request_hash: string;
  status_code: number | null;
  response_body: string | null;
  content_type: string | null;
  created_at: Timestamp;
}

export interface CalendarDayTable {
  id: Generated<string>;
  date: PlainDate;
  name: string;
  name_en: string | null;
  kind: 'decree' | 'organisation';
  organisation_id: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

export interface AuditLogTable {
  seq: Generated<string>;
  occurred_at: Timestamp;
  actor_user_id: string | null;
  actor_organisation_id: string | null;
  actor_role: string | null;
  action: string;
  resource_type: string;
  resource_id: string | null;
  subject_organisation_id: string | null;
  purpose: string | null;
  outcome: 'success' | 'denied' | 'failure';
  request_id: string | null;
  details: Json<Record<string, unknown>>;
  /** Chained by the old trigger only (before migration 0019); later rows are chained in audit_seal. */
  prev_hash: Generated<string | null>;
  hash: Generated<string | null>;
}

/** The seal chain of the audit trail (migration 0019, ADR 0014): append-only, written by the sealer. */
export interface AuditSealTable {
  chain_no: string;
  seq: string;
  prev_hash: string;
  hash: string;
  legacy: Generated<boolean>;
  sealed_at: Generated<Timestamp>;
}

export interface SchemaMigrationTable {
  version: string;
  name: string;
  checksum: string;
  applied_at: Timestamp;
}

// ─── Omslagroute (migration 0002) ───────────────────────────────────────────

export interface ProcessingAgreementTable {
  care_provider_id: string;
  corporation_id: string;
  registered_on: PlainDate;
  ended_on: PlainDate | null;
  created_at: Timestamp;
}

export interface ClientTable {
  id: Generated<string>;
  care_provider_id: string;
  first_name: string | null;
  last_name: string | null;
  birth_date: PlainDate | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  woningnet_number: string | null;
  woningnet_registered_on: PlainDate | null;
  old_woningnet_number: string | null;
  old_woningnet_registered_on: PlainDate | null;
  target_group: string | null;
  multi_problem_family: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  erased_at: Timestamp | null;
}

export interface HouseholdMemberTable {
  id: Generated<string>;
  client_id: string;
  kind: 'partner' | 'child' | 'other';
  name: string | null;
  birth_date: PlainDate | null;
  created_at: Timestamp;
}

export interface TrajectoryTable {
  id: Generated<string>;
  client_id: string;
  care_provider_id: string;
  corporation_id: string | null;
  corporation_contact_id: string | null;
  target_group: string | null;
  variant: string;
  phase: string;
  status: 'active' | 'closed';
  exit: string | null;
  started_on: PlainDate;
  dwelling_address: string | null;
  /** The referring municipality and the dwelling's municipality (migration 0007; monitor.md §11). */
  municipality_id: string | null;
  dwelling_municipality_id: string | null;
  state: Json<Record<string, unknown>>;
  event_count: Generated<number>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TrajectoryEventTable {
  id: Generated<string>;
  trajectory_id: string;
  seq: number;
  type: string;
  occurred_on: PlainDate;
  data: Json<Record<string, unknown>>;
  corrects_event_id: string | null;
  recorded_by: string;
  recorded_by_organisation_id: string;
  recorded_at: Timestamp;
}

export interface TrajectoryTeamTable {
  id: Generated<string>;
  trajectory_id: string;
  user_id: string;
  organisation_id: string;
  case_role: string;
  added_by: string | null;
  added_at: Timestamp;
  removed_at: Timestamp | null;
}

/**
 * Deadlines of every kind of case, keyed by (case_kind, case_id, key) (migration 0008).
 * Never removed: a deadline ends met (met_on) or closed_as cancelled / waived / missed, on closed_on.
 */
export interface DeadlineTable {
  /** 'trajectory' (Omslagroute); later kinds: matching offers, nuisance cases, housing projects, young-adult contracts. */
  case_kind: ColumnType<string, string | undefined, string>;
  case_id: string;
  /** The tenant key of the case (a trajectory's referring municipality; may be unknown). */
  municipality_id: string | null;
  key: string;
  rule_id: string;
  nature: string;
  kind: string;
  actor_kinds: ColumnType<string[], unknown, unknown>;
  organisation_id: string | null;
  assignee_user_id: string | null;
  start_date: PlainDate;
  due_date: PlainDate | null;
  original_due_date: PlainDate;
  warn_on: PlainDate | null;
  met_on: PlainDate | null;
  closed_as: string | null;
  /** The date the deadline ended (cancelled, waived or missed) when the case stopped producing it. */
  closed_on: PlainDate | null;
  paused: Generated<boolean>;
  computed: Json<Record<string, unknown>>;
  history: Json<unknown[]>;
  note: string | null;
}

export interface DeadlineAdjustmentTable {
  id: Generated<string>;
  case_kind: ColumnType<string, string | undefined, string>;
  case_id: string;
  key: string;
  kind: 'pause' | 'resume' | 'extension';
  from_date: PlainDate | null;
  until_date: PlainDate | null;
  new_due: PlainDate | null;
  reason: string;
  by_user_id: string;
  created_at: Timestamp;
}

export interface ConsentTable {
  id: Generated<string>;
  client_id: string;
  purposes: ColumnType<string[], unknown, unknown>;
  given_on: PlainDate;
  explained_items: Json<string[]>;
  explained_by: string;
  retention: string;
  recorded_at: Timestamp;
  withdrawn_on: PlainDate | null;
  withdrawn_by: string | null;
  withdrawn_at: Timestamp | null;
  version: Generated<number>;
}

export interface FormTable {
  id: Generated<string>;
  trajectory_id: string;
  kind: 'F-1' | 'F-2' | 'F-3' | 'F-4';
  definition_version: number;
  status: 'draft' | 'submitted' | 'final';
  data: Json<Record<string, unknown>>;
  version: Generated<number>;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface FormVersionTable {
  form_id: string;
  version: number;
  data: Json<Record<string, unknown>>;
  content_hash: string;
  saved_by: string;
  saved_at: Timestamp;
}

export interface FormSignatureTable {
  id: Generated<string>;
  form_id: string;
  form_version: number;
  content_hash: string;
  party: 'client' | 'care_provider' | 'corporation';
  name: string;
  function: string | null;
  signed_on: PlainDate;
  signed_by_user: string;
  method: 'own_account' | 'on_behalf_in_person' | 'on_behalf_written' | 'on_behalf_digital';
  created_at: Timestamp;
}

export interface AttachmentTable {
  id: Generated<string>;
  form_id: string;
  filename: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  content: Buffer | null;
  uploaded_by: string;
  uploaded_at: Timestamp;
}

export interface OutboxEmailTable {
  id: Generated<string>;
  to_address: string;
  subject: string;
  body_text: string;
  body_html: string | null;
  dedupe_key: string | null;
  created_at: Timestamp;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  sent_at: Timestamp | null;
  last_error: string | null;
}

export interface DeletionRequestTable {
  id: Generated<string>;
  client_id: string;
  requested_by: string;
  requested_at: Timestamp;
  reason: string;
  effective_on: PlainDate;
  status: 'pending' | 'revoked' | 'executed';
  revoked_by: string | null;
  revoked_at: Timestamp | null;
  executed_at: Timestamp | null;
  version: Generated<number>;
}

export interface SettingTable {
  key: string;
  value: Json<unknown>;
  updated_by: string | null;
  updated_at: Timestamp;
}


// ─── Allocation agreements and the monitor (migrations/0004_monitor.sql) ─────

export interface TargetGroupTable {
  code: string;
  main_group: string;
  hierarchy_id: string | null;
  label_nl: string;
  label_en: string;
  counts_toward_agreement: Generated<boolean>;
  valid_from: ColumnType<string, string | undefined, string>;
  valid_to: PlainDate | null;
  sort_order: Generated<number>;
  version: Generated<number>;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface CorporationStockTable {
  municipality_id: string;
  corporation_id: string;
  year: number;
  dwellings: number;
  version: Generated<number>;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface ReleasedDwellingsTable {
  municipality_id: string;
  corporation_id: string;
  year: number;
  month: number;
  dwellings: number;
  version: Generated<number>;
  updated_by: string | null;
  updated_at: Timestamp;
}

/** R-MO-39: released social rent dwellings per corporation by number of rooms (5 = 5 or more) in a year (migration 0006). */
export interface ReleasedDwellingRoomsTable {
  municipality_id: string;
  corporation_id: string;
  year: number;
  rooms: number;
  dwellings: number;
  version: Generated<number>;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface EstimatedNeedTable {
  municipality_id: string;
  year: number;
  main_group: Generated<string>;
  dwellings: number;
  version: Generated<number>;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface AgreementTable {
  id: Generated<string>;
  municipality_id: string;
  name: string;
  first_year: number;
  last_year: number;
  kind: 'absolute' | 'share';
  yearly_number: number | null;
  /** numeric: travels as a string. */
  share: ColumnType<string | null, string | number | null, string | number | null>;
  distribute_over_corporations: Generated<boolean>;
  tolerance: ColumnType<string, string | number | undefined, string | number>;
  version: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PlanVersionTable {
  id: Generated<string>;
  agreement_id: string;
  year: number;
  version_no: number;
  decision_date: PlainDate;
  effective_from: PlainDate;
  reason: string;
  created_by: string | null;
  created_at: Timestamp;
}

export interface PlanLineTable {
  id: Generated<string>;
  plan_version_id: string;
  level: 'main_group' | 'target_group' | 'group_set';
  main_group: string | null;
  target_group: string | null;
  group_set_name: string | null;
  group_set_codes: string[] | null;
  corporation_id: string | null;
  dwellings: number;
  position: Generated<number>;
}

export interface CorporationTargetTable {
  agreement_id: string;
  year: number;
  corporation_id: string;
  dwellings: number;
  version: Generated<number>;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface StatushouderQuotaTable {
  id: Generated<string>;
  municipality_id: string;
  year: number;
  half: number;
  version_no: number;
  persons: number;
  decision_date: PlainDate;
  reason: string;
  created_by: string | null;
  created_at: Timestamp;
}

export interface StatushouderOpeningBacklogTable {
  municipality_id: string;
  year: number;
  persons: number;
  version: Generated<number>;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface YoungStatushouderUnitsTable {
  municipality_id: string;
  year: number;
  target_units: number;
  cumulative_units: number;
  delivered_units: number;
  version: Generated<number>;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface ReportLayoutRow {
  key: string;
  label: { nl: string; en: string };
  mainGroup: string;
  codes: string[];
}

export interface ReportLayoutTable {
  code: string;
  version: number;
  kind: 'delivery' | 'wait_time';
  name_nl: string;
  name_en: string;
  rows: Json<ReportLayoutRow[]>;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface PlacementImportTable {
  id: Generated<string>;
  filename: string | null;
  status: 'succeeded' | 'partial' | 'rejected';
  partial: Generated<boolean>;
  rows_total: Generated<number>;
  rows_accepted: Generated<number>;
  rows_rejected: Generated<number>;
  inserted: Generated<number>;
  updated: Generated<number>;
  rejections: Json<unknown[]>;
  created_by: string | null;
  organisation_id: string | null;
  started_at: Timestamp;
  finished_at: Timestamp;
}

export type MoveReason = 'regular' | 'perspective_reassessment' | 'swap';

/** Monthly rollup of delivered placements, kept by triggers on placements (migration 0005). */
export interface PlacementMonthCountTable {
  year: number;
  municipality_id: string;
  corporation_id: string | null;
  target_group: string;
  month: number;
  households: number;
  wait_base: number;
  wait_lt3: number;
  wait_3to6: number;
  wheelchair: number;
  persons: number;
  project_households: number;
  project_persons: number;
  reassess: number;
  swaps: number;
}

export interface PlacementTable {
  id: Generated<string>;
  placement_id: string;
  municipality_id: string;
  corporation_id: string | null;
  target_group: string;
  active_mediation_date: PlainDate | null;
  lease_signed_date: PlainDate | null;
  move_reason: ColumnType<MoveReason, MoveReason | undefined, MoveReason>;
  persons: ColumnType<number, number | undefined, number>;
  route: ColumnType<'corporation_dwelling' | 'housing_project', 'corporation_dwelling' | 'housing_project' | undefined, 'corporation_dwelling' | 'housing_project'>;
  wheelchair_dwelling: ColumnType<boolean, boolean | undefined, boolean>;
  district: string | null;
  neighbourhood: string | null;
  allocated_on: PlainDate | null;
  trajectory_id: string | null;
  source: 'import' | 'trajectory' | 'matching';
  import_id: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

// ─── matching (migration 0011) ───────────────────────────────────────────────
export interface MatchingConfigTable {
  municipality_id: string;
  version: number;
  config: Json<Record<string, unknown>>;
  note: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

export interface ApplicationFormVersionTable {
  id: string;
  name: string;
  valid_from: PlainDate;
  topics: Json<unknown[]>;
  created_at: Timestamp;
}

export interface DwellingTable {
  id: Generated<string>;
  municipality_id: string;
  corporation_id: string;
  reference: string | null;
  postcode: string;
  house_number: number;
  house_letter: string | null;
  house_number_addition: string | null;
  street: string | null;
  city: string | null;
  address_verified: Generated<boolean>;
  bag_address_id: string | null;
  bag_object_id: string | null;
  neighbourhood_code: string | null;
  neighbourhood_name: string | null;
  district_code: string | null;
  district_name: string | null;
  municipality_code: string | null;
  lat: number | null;
  lon: number | null;
  floor: number;
  lift: boolean;
  facilities: Json<string[]>;
  facilities_note: string | null;
  noise: 'LOW' | 'MEDIUM' | 'HIGH';
  noise_note: string | null;
  defects: Json<string[]>;
  contact_name: string;
  contact_role: string;
  contact_phone: string | null;
  contact_email: string | null;
  stairwell_info: string | null;
  last_nuisance_file_on: PlainDate | null;
  liveability: 'OK' | 'UNDER_PRESSURE';
  liveability_note: string | null;
  access_type: 'porch' | 'gallery' | 'ground_level' | 'other';
  rooms: number;
  area_m2: ColumnType<number, number, number>;
  dwelling_type: string;
  wheelchair_suitable: boolean;
  inside_ring: boolean | null;
  one_person_unit: Generated<boolean>;
  liquor_shop_distance_m: number | null;
  available_on: PlainDate;
  pool: ColumnType<string[], unknown, unknown>;
  rent: ColumnType<number, number, number>;
  status: Generated<'available' | 'offered' | 'let' | 'withdrawn' | 'unsuitable'>;
  unsuitable_reason_code: string | null;
  unsuitable_reason: string | null;
  woningnet_withdrawn_on: PlainDate | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface HousingProfileTable {
  client_id: string;
  municipality_id: string | null;
  preferred: Json<Array<{ code: string; name?: string; reason?: string }>>;
  excluded: Json<Array<{ code: string; name?: string; reason?: string }>>;
  circumstances: Json<string[]>;
  circumstances_note: string | null;
  schools: Json<Array<{ childId?: string | null; name: string; lat: number | null; lon: number | null }>>;
  care_needed: string | null;
  avoid_liquor_shop: boolean | null;
  low_stimulus: boolean | null;
  needs_wheelchair: boolean | null;
  ground_floor_or_lift: boolean | null;
  ggd_advice_on: PlainDate | null;
  other_constraints: string | null;
  monthly_income: ColumnType<number | null, number | null, number | null>;
  form_version_id: string | null;
  version: Generated<number>;
  updated_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ProposalTable {
  id: Generated<string>;
  municipality_id: string;
  dwelling_id: string;
  corporation_id: string;
  care_provider_id: string | null;
  model: 'OM-AMS' | 'OM-UTR';
  offer_date: PlainDate;
  config_version: number;
  config: Json<Record<string, unknown>>;
  dwelling_facts: Json<Record<string, unknown>>;
  candidate_facts: Json<unknown[]>;
  result: Json<Record<string, unknown>>;
  proposed: ColumnType<string[], unknown, unknown>;
  chosen_trajectory_id: string | null;
  chosen_rank: number | null;
  choice_reason: string | null;
  chosen_by: string | null;
  chosen_at: Timestamp | null;
  created_by: string | null;
  created_at: Timestamp;
}

export interface OfferTable {
  id: Generated<string>;
  municipality_id: string;
  dwelling_id: string;
  corporation_id: string;
  model: 'OM-AMS' | 'OM-UTR';
  care_provider_id: string | null;
  trajectory_id: string | null;
  proposal_id: string | null;
  status: string;
  offered_on: PlainDate;
  available_on: PlainDate;
  lease_type: 'intermediary' | 'omklap' | 'own_name';
  extra_clauses: Json<string[]>;
  state: Json<Record<string, unknown>>;
  event_count: Generated<number>;
  version: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OfferEventTable {
  id: Generated<string>;
  offer_id: string;
  municipality_id: string;
  seq: number;
  type: string;
  occurred_on: PlainDate;
  data: Json<Record<string, unknown>>;
  recorded_by: string | null;
  recorded_by_organisation_id: string | null;
  recorded_at: Timestamp;
}

/** The nuisance protocol (migration 0014): settings per municipality, cases, reports, events, letters, New Chance. */
export interface NuisanceSettingsTable {
  municipality_id: string;
  afwc_members: string[];
  night_from: Generated<string>;
  night_to: Generated<string>;
  hearing_working_days: Generated<number>;
  updated_at: Timestamp;
}

export interface NuisanceCaseTable {
  id: Generated<string>;
  /** The tenant key. */
  municipality_id: string;
  hub_id: string | null;
  hub_involved: Generated<boolean>;
  hub_lead: Generated<boolean>;
  district_code: string | null;
  district_name: string | null;
  address_key: string;
  address: string;
  dwelling_id: string | null;
  trajectory_id: string | null;
  care_provider_id: string | null;
  corporation_id: string | null;
  has_support: boolean;
  high_risk: Generated<boolean>;
  status: string;
  state: Json<Record<string, unknown>>;
  opened_on: PlainDate;
  closed_on: PlainDate | null;
  version: Generated<number>;
  event_count: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Append-only (a trigger refuses UPDATE and DELETE). The reporter's identity is kept here only. */
export interface NuisanceReportTable {
  id: Generated<string>;
  municipality_id: string;
  case_id: string;
  channel: 'C1' | 'C2' | 'C3' | 'C4' | 'C5';
  nuisance_type: string;
  description: string;
  occurred_at: string | null;
  received_at: Timestamp;
  received_on: PlainDate;
  reporter_name: string | null;
  reporter_phone: string | null;
  reporter_email: string | null;
  reporter_relation: string;
  reporter_key: string | null;
  counts_against_resident: boolean;
  /** The case's care provider (migration 0017: the reporting point's queue). */
  care_provider_id: Generated<string | null>;
  address_key: string;
  reported_by: string | null;
  reported_by_organisation_id: string | null;
  created_at: Timestamp;
}

/** Append-only (a trigger refuses UPDATE and DELETE). */
export interface NuisanceEventTable {
  id: Generated<string>;
  case_id: string;
  municipality_id: string;
  seq: number;
  type: string;
  occurred_on: PlainDate;
  data: Json<Record<string, unknown>>;
  recorded_by: string | null;
  recorded_by_organisation_id: string | null;
  recorded_at: Timestamp;
}

export interface NewChanceCaseTable {
  id: Generated<string>;
  municipality_id: string;
  hub_id: string;
  district_code: string | null;
  district_name: string | null;
  address_key: string;
  address: string;
  resident_name: string;
  corporation_id: string;
  care_provider_id: string | null;
  nuisance_case_id: string | null;
  step: string;
  state: Json<Record<string, unknown>>;
  granted_on: PlainDate | null;
  requested_on: PlainDate;
  ended_on: PlainDate | null;
  version: Generated<number>;
  event_count: Generated<number>;
  created_by: string | null;
  created_by_organisation_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface NuisancePreventionTable {
  trajectory_id: string;
  municipality_id: string;
  care_provider_id: string;
  data: Json<Record<string, unknown>>;
  high_risk: Generated<boolean>;
  version: Generated<number>;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface NuisanceLetterTable {
  id: Generated<string>;
  municipality_id: string;
  case_kind: 'nuisance' | 'new_chance';
  case_id: string;
  kind: string;
  action: number | null;
  input: Json<Record<string, unknown>>;
  issued_on: PlainDate;
  signed_on: PlainDate | null;
  signature: 'signed' | 'seen' | null;
  signed_recorded_by: string | null;
  copied_on: PlainDate | null;
  created_by: string | null;
  created_at: Timestamp;
}

/** Swaps and moves on a mismatch: cases of kind 'move' (migration 0012). */
export interface MoveTable {
  id: Generated<string>;
  /** The tenant key. */
  municipality_id: string;
  kind: 'swap' | 'move';
  trajectory_id: string;
  other_trajectory_id: string | null;
  care_provider_id: string;
  corporation_id: string | null;
  status: string;
  awaiting_wonen: Generated<boolean>;
  state: Json<Record<string, unknown>>;
  version: Generated<number>;
  event_count: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Append-only (a trigger refuses UPDATE and DELETE). */
export interface MoveEventTable {
  id: Generated<string>;
  move_id: string;
  municipality_id: string;
  seq: number;
  type: string;
  occurred_on: PlainDate;
  data: Json<Record<string, unknown>>;
  recorded_by: string | null;
  recorded_by_organisation_id: string | null;
  recorded_at: Timestamp;
}

export interface Database {
  target_groups: TargetGroupTable;
  corporation_stock: CorporationStockTable;
  released_dwellings: ReleasedDwellingsTable;
  released_dwelling_rooms: ReleasedDwellingRoomsTable;
  estimated_need: EstimatedNeedTable;
  agreements: AgreementTable;
  plan_versions: PlanVersionTable;
  plan_lines: PlanLineTable;
  corporation_targets: CorporationTargetTable;
  statushouder_quotas: StatushouderQuotaTable;
  statushouder_opening_backlogs: StatushouderOpeningBacklogTable;
  young_statushouder_units: YoungStatushouderUnitsTable;
  report_layouts: ReportLayoutTable;
  placement_imports: PlacementImportTable;
  placements: PlacementTable;
  placement_month_counts: PlacementMonthCountTable;
  processing_agreements: ProcessingAgreementTable;
  clients: ClientTable;
  household_members: HouseholdMemberTable;
  trajectories: TrajectoryTable;
  trajectory_events: TrajectoryEventTable;
  trajectory_team: TrajectoryTeamTable;
  deadlines: DeadlineTable;
  deadline_adjustments: DeadlineAdjustmentTable;
  moves: MoveTable;
  move_events: MoveEventTable;
  consents: ConsentTable;
  forms: FormTable;
  form_versions: FormVersionTable;
  form_signatures: FormSignatureTable;
  attachments: AttachmentTable;
  outbox_emails: OutboxEmailTable;
  deletion_requests: DeletionRequestTable;
  settings: SettingTable;
  regions: RegionTable;
  organisations: OrganisationTable;
  users: UserTable;
  login_failures: LoginFailureTable;
  user_identities: UserIdentityTable;
  memberships: MembershipTable;
  user_handovers: UserHandoverTable;
  sessions: SessionTable;
  oidc_login_states: OidcLoginStateTable;
  idempotency_keys: IdempotencyKeyTable;
  calendar_days: CalendarDayTable;
  audit_log: AuditLogTable;
  audit_seal: AuditSealTable;
  schema_migrations: SchemaMigrationTable;
  matching_configs: MatchingConfigTable;
  application_form_versions: ApplicationFormVersionTable;
  dwellings: DwellingTable;
  housing_profiles: HousingProfileTable;
  proposals: ProposalTable;
  offers: OfferTable;
  offer_events: OfferEventTable;
  nuisance_settings: NuisanceSettingsTable;
  nuisance_cases: NuisanceCaseTable;
  nuisance_reports: NuisanceReportTable;
  nuisance_events: NuisanceEventTable;
  new_chance_cases: NewChanceCaseTable;
  new_chance_events: NuisanceEventTable;
  nuisance_letters: NuisanceLetterTable;
  nuisance_prevention: NuisancePreventionTable;
}
