/** Shapes of the Thuisroute API (see GET /api/v1/openapi.json). */
import type { OrganisationType, Role } from '../../domain/organisations/model.ts';
import type { FormDefinition } from '../../domain/forms/model.ts';

export type Lang = 'nl' | 'en';

export interface SessionMembership {
  id: string;
  organisationId: string;
  organisationName: string;
  organisationCode: string;
  organisationType: OrganisationType;
  role: Role;
}

export interface SessionView {
  user: { id: string; email: string; name: string; locale: string };
  memberships: SessionMembership[];
  activeMembershipId: string | null;
  /** The municipalities the active organisation belongs to. */
  municipalityIds?: string[];
  csrfToken: string;
  authMethod: string;
  expiresAt: string;
}

export interface AuthConfig {
  oidc: { enabled: boolean; displayName: string | null };
}

export interface ListResponse<T> {
  items: T[];
  total: number;
}

export interface Organisation {
  id: string;
  code: string;
  name: string;
  type: OrganisationType;
  parentId: string | null;
  regionId: string | null;
  municipalityCode: string | null;
  contactRoleLabel: string | null;
  email: string | null;
  phone: string | null;
  active: boolean;
  deactivatedAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface Region {
  id: string;
  code: string;
  name: string;
  version: number;
}

export interface UserMembership {
  id: string;
  organisationId: string;
  organisationName: string;
  organisationType: OrganisationType;
  role: Role;
  active: boolean;
  startsOn: string;
  endedOn: string | null;
  version: number;
}

/** Which fields are present depends on the policy (field-level visibility). */
export interface User {
  id: string;
  email?: string;
  name?: string;
  locale?: string;
  active?: boolean;
  deactivatedAt?: string | null;
  deactivationReason?: string | null;
  successorId?: string | null;
  lockedUntil?: string | null;
  failedLoginCount?: number;
  lastLoginAt?: string | null;
  hasPassword?: boolean;
  memberships?: UserMembership[];
  version?: number;
  createdAt?: string;
  updatedAt?: string;
}

export interface DeactivateResult {
  user: User;
  handover: { id: string; toUserId: string; items: Record<string, number> };
}

export interface AuditRow {
  seq: string;
  occurredAt: string;
  actorUserId: string | null;
  actorName: string | null;
  actorOrganisationId: string | null;
  actorRole: string | null;
  action: string;
  resourceType: string;
  resourceId: string | null;
  subjectOrganisationId: string | null;
  purpose: string | null;
  outcome: 'success' | 'denied' | 'failure' | string;
  requestId: string | null;
  details: Record<string, unknown>;
  /** Null until the sealer has chained the row (within a second). */
  hash: string | null;
}

export interface AuditPage {
  items: AuditRow[];
  nextBefore: string | null;
}

export interface VerifyResult {
  ok: boolean;
  rows: number;
  headSeq: number | null;
  headHash: string | null;
  headChainNo?: number | null;
  changed: string[];
  broken: string[];
  /** Rows the sealer has not chained yet (it does so within a second). */
  unsealed?: { rows: number; oldestSeq: number | null; oldestAgeSeconds: number | null };
}

export interface NonWorkingDay {
  date: string;
  name: string;
  nameEn: string;
  kind: string;
}

export interface DueAdjustment {
  rule: string;
  from: string;
  to: string;
  reason: string;
  reasonEn: string;
}

export interface DueResult {
  due: string;
  start: string;
  amount: number;
  unit: string;
  ruleId: string | null;
  unadjustedDue: string;
  adjustments: DueAdjustment[];
}

/** RFC 9457 problem details as the API sends them. */
export interface FieldProblem {
  field: string;
  in: string;
  code: string;
  message: string;
  messageNl: string;
  messageEn: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  requestId?: string;
  messages?: Record<Lang, { title: string; detail: string }>;
  errors?: FieldProblem[];
  /** Extra members some problems carry. */
  field?: string;
  retryAfter?: number;
  currentVersion?: number;
  reason?: string;
  /** A 403 on a case: another of the user's memberships may read it. */
  switchTo?: SwitchTarget;
}

// ─── Omslagroute: cases, trajectories, forms (see src/modules/trajectories, forms, privacy) ──

export type LocalText = Record<Lang, string>;

/** What deadlines share, on the worklist and in a case's detail. */
interface DeadlineBase {
  key: string;
  ruleId: string;
  nature: 'MUST' | 'SHOULD' | 'MAY' | string;
  kind: string;
  start: string;
  due: string | null;
  originalDue: string;
  status: 'open' | 'met' | 'missed' | 'cancelled' | 'waived' | string;
  overdue: boolean;
  escalated: boolean;
  warning: boolean;
  paused: boolean;
}

/** A worklist item is lean: codes, not words (the rule is named by deadlineTexts.rules.<ruleId>), no history. */
export interface WorklistItem extends DeadlineBase {
  /** 'trajectory', or another kind of case on the worklist ('offer', 'move'). */
  caseKind: string;
  caseId: string;
  trajectoryId: string | null;
  clientId: string | null;
  clientName: string | null;
  phase: string;
  purpose: string;
  actors: string[];
  warnOn: string | null;
  /** Moves by the Algemene termijnenwet, as the article's code and the dates. */
  moved: Array<Pick<DueAdjustment, 'rule' | 'from' | 'to'>>;
}

export interface Worklist {
  asOf: string;
  horizon: string;
  items: WorklistItem[];
}

export interface ClientListItem {
  clientId: string;
  name: string;
  birthDate: string | null;
  trajectoryId: string;
  phase: string;
  status: 'active' | 'closed';
  targetGroup: string | null;
  careProvider: string | null;
  corporation: string | null;
  startedOn: string;
  overdueDeadlines: number;
}

export interface HouseholdMember {
  kind: 'partner' | 'child' | 'other';
  name: string;
  birthDate?: string | null;
}

/** Which fields are present depends on the viewer (purpose binding). */
export interface Client {
  id: string;
  firstName?: string | null;
  lastName?: string | null;
  birthDate?: string | null;
  phone?: string | null;
  email?: string | null;
  address?: string | null;
  household?: HouseholdMember[];
  woningnetNumber?: string | null;
  woningnetRegisteredOn?: string | null;
  oldWoningnetNumber?: string | null;
  targetGroup?: string | null;
  multiProblemFamily?: boolean;
  careProviderId?: string;
  version?: number;
  erased: boolean;
  purpose?: string;
  trajectories?: Array<{ id: string; phase: string; status: string; started_on: string }>;
}

export interface Deadline extends DeadlineBase {
  label: LocalText;
  moved: DueAdjustment[];
  actors: string[];
  metOn: string | null;
  warnOn: string | null;
  history: unknown[];
  note: string | null;
}

export interface Station {
  phase: string;
  label: LocalText;
  status: 'done' | 'current' | 'upcoming' | 'not_reached';
  enteredOn: string | null;
  enteredBy: string | null;
  openDeadlines: Deadline[];
}

export interface TeamMemberView {
  id: string;
  userId: string;
  name: string;
  organisationId: string;
  organisationName: string | null;
  caseRole: 'personal_supervisor' | 'colleague' | 'external' | 'corporation_contact' | string;
}

export interface TransferConditionView {
  id: string;
  met: boolean;
  rule: string;
  nl: string;
  en: string;
}

export interface GoalView {
  id: string;
  domain: string;
  text: string;
  linkedToUrgency: boolean;
  achieved: boolean;
  achievedOn: string | null;
}

export type Viewer = 'care_provider' | 'corporation' | 'wonen' | 'nuisance_hub' | 'client';

/** A municipality that can be recorded for a trajectory (the active ones of its region). */
export interface MunicipalityOption {
  id: string;
  name: string;
  code: string | null;
}

export interface Trajectory {
  id: string;
  clientId: string;
  clientName: string | null;
  careProvider: { id: string; name: string | null };
  corporation: { id: string; name: string | null } | null;
  corporationContactId: string | null;
  targetGroup: string | null;
  variant: string;
  phase: string;
  phaseLabel: LocalText;
  status: 'active' | 'closed';
  exit: string | null;
  startedOn: string;
  dwellingAddress: string | null;
  version: number;
  flags: { enteredViaOtherRoute: boolean; lastingIntermediateLease: boolean; inTimeOut?: boolean; multiProblemFamily?: boolean; consentActive: boolean };
  keyDates: Record<string, string | null>;
  goals: GoalView[];
  transferConditions: TransferConditionView[];
  stations: Station[];
  team: TeamMemberView[];
  /** The municipality the household counts for in the monitor: the dwelling's once known, before that the referring one; null = unknown. */
  municipality: (MunicipalityOption & { basis: 'dwelling' | 'referral' }) | null;
  referringMunicipality: MunicipalityOption | null;
  dwellingMunicipality: MunicipalityOption | null;
  municipalityOptions: MunicipalityOption[];
  viewer: Viewer;
  purpose: string;
}

export interface TimelineEvent {
  id: string;
  seq: number;
  type: string;
  label: LocalText;
  occurredOn: string;
  recordedBy: string | null;
  data: Record<string, unknown>;
  correctsEventId: string | null;
  superseded: boolean;
  /** The server's decision: the viewer may correct or void this event (the party that may record it). */
  mayCorrect: boolean;
}

export interface Consent {
  id: string;
  clientId: string;
  purposes: Array<{ id: string; nl: string; en: string }>;
  givenOn: string;
  explainedItems: string[];
  explainedBy: string | null;
  retention: string;
  withdrawnOn: string | null;
  active: boolean;
  version: number;
}

export interface ContactCandidate {
  userId: string;
  name: string;
  organisationId: string;
  organisationName: string;
  role: string;
  onTeam: boolean;
}

export interface FormSectionProgress {
  id: string;
  title: LocalText;
  complete: boolean;
  answered: number;
  required: number;
}

/** Per form kind: whether the user may start a new one now, and if not, why (the server's one decision). */
export interface FormStartOption {
  kind: 'F-1' | 'F-2' | 'F-3' | 'F-4';
  mayStart: boolean;
  reason: { code: string; rule: string | null; nl: string; en: string } | null;
}

export interface FormListItem {
  id: string;
  kind: 'F-1' | 'F-2' | 'F-3' | 'F-4';
  title: LocalText;
  status: 'draft' | 'submitted' | 'final';
  version: number;
  copy: 'full' | 'copy' | 'partial';
  complete: boolean | null;
  sections: FormSectionProgress[] | null;
  signatures: { requiresSignatures: boolean; final: boolean; missing: string[]; signed: string[]; stale: number; names: Array<{ party: string; name: string; signedOn: string; recordedBy: string | null }> } | null;
  createdAt: string;
  updatedAt: string;
}

export interface FormSignatureView {
  id: string;
  party: 'client' | 'care_provider' | 'corporation';
  name: string;
  function: string | null;
  signedOn: string;
  method: string;
  formVersion: number;
  contentHash: string;
  recordedBy: string | null;
  recordedAt: string;
}

export interface FormErrorView {
  field: string;
  code: string;
  nl: string;
  en: string;
  rule?: string;
  path?: string;
  check?: string;
}

export interface FormView {
  id: string;
  trajectoryId: string;
  kind: 'F-1' | 'F-2' | 'F-3' | 'F-4';
  title: LocalText;
  status: 'draft' | 'submitted' | 'final';
  version: number;
  definitionVersion: number;
  contentHash: string | null;
  viewer: Viewer;
  purpose: string;
  copy: 'full' | 'copy' | 'partial';
  definition: FormDefinition;
  data: Record<string, unknown>;
  progress: { complete: boolean; sections: FormSectionProgress[]; errors: FormErrorView[] } | null;
  signatures: { requiresSignatures: boolean; parties: string[]; final: boolean; missing: string[]; valid: FormSignatureView[]; stale: FormSignatureView[] } | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  automaticEvent?: { type: string; recorded: boolean } | null;
}

export interface AttachmentView {
  id: string;
  formId: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
  uploadedBy: string | null;
  uploadedAt: string;
}

export interface DeletionRequest {
  id: string;
  clientId: string;
  status: 'pending' | 'revoked' | 'executed';
  reason: string;
  requestedBy: { id: string; name: string | null } | null;
  requestedAt: string;
  effectiveOn: string;
  revokedBy: { id: string; name: string | null } | null;
  revokedAt: string | null;
  executedAt: string | null;
  version: number;
}

export interface RouteInfoItem {
  phase: string;
  title: LocalText;
  body: LocalText;
  responsible: string[];
  version: number;
  updatedAt: string;
}

// ─── Home: work queues per role (src/modules/home) ──

export type HomeQueueKey = 'overdue' | 'dueSoon' | 'toSign' | 'offers' | 'urgency' | 'nominations' | 'transfers' | 'reviews' | 'waitingOnOthers' | 'organisationOverdue';

export interface HomeQueueItem {
  /** What is needed and by whom, in words. */
  text: LocalText;
  /** "uiterlijk 12 december (3 dagen te laat)". */
  when: LocalText | null;
  clientName: string | null;
  caseKind: string;
  caseId: string;
  trajectoryId: string | null;
  clientId: string | null;
  due: string | null;
  overdue: boolean;
  /** Data only: never shown as text. */
  ruleId: string | null;
  key: string | null;
  formId: string | null;
  actors: string[];
}

export interface HomeView {
  asOf: string;
  horizon: string;
  role: string | null;
  counts: Record<HomeQueueKey, number>;
  queues: Array<{ key: HomeQueueKey; items: HomeQueueItem[] }>;
}

/** A 403 on a case another of the user's memberships may read. */
export interface SwitchTarget {
  membershipId: string;
  organisationId: string;
  organisationName: string;
  role: string;
}
