/** Shapes of the Thuisroute API (see GET /api/v1/openapi.json). */
import type { OrganisationType, Role } from '../../domain/organisations/model.ts';

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
  hash: string;
}

export interface AuditPage {
  items: AuditRow[];
  nextBefore: string | null;
}

export interface VerifyResult {
  ok: boolean;
  rows: number;
  headSeq: string | null;
  headHash: string | null;
  changed: string[];
  broken: string[];
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
}
