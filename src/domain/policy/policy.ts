/**
 * The authorization policy: one pure module decides every (subject, action, resource).
 * Default deny: an action with no grant for the subject's role and relation is refused.
 * Field-level visibility and purpose binding are part of the policy, not of the handlers.
 */
import type { OrganisationType, Role } from '../organisations/model.ts';
import { PLATFORM_ROLES } from '../organisations/model.ts';

export const ACTIONS = [
  'system.public',
  'calendar.read',
  'calendar.manage_decree_days',
  'calendar.manage_closing_days',
  'session.self',
  'region.list',
  'region.create',
  'organisation.list',
  'organisation.read',
  'organisation.create',
  'organisation.update',
  'organisation.deactivate',
  'user.list',
  'user.read',
  'user.create',
  'user.update',
  'user.deactivate',
  'membership.list',
  'membership.create',
  'membership.end',
  'audit.read',
  'audit.verify',
  // Omslagroute (client data: every read carries a purpose and is audited)
  'client.create',
  'client.list',
  'client.read',
  'client.update',
  'trajectory.create',
  'trajectory.read',
  'trajectory.record_event',
  'trajectory.manage_team',
  'trajectory.assign_corporation',
  'deadline.adjust',
  'worklist.read',
  'worklist.read_organisation',
  'consent.record',
  'consent.read',
  'consent.withdraw',
  'form.read',
  'form.write',
  'form.sign',
  'privacy.export',
  'privacy.deletion',
  'route_info.edit',
  // Allocation agreements and the monitor: aggregates only, no personal data.
  'monitor.read',
  'reference.read',
  'target_group.manage',
  'agreement.manage',
  'corporation_figures.manage',
  'placement.import',
] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * Why personal data is read or written. PB-1…PB-8 are the purpose-binding situations of
 * omslagroute.md §8.2 (client data); the others are the platform's own purposes.
 */
export const PURPOSES = [
  'PB-1', 'PB-2', 'PB-3', 'PB-4', 'PB-5', 'PB-6', 'PB-7', 'PB-8',
  'account_administration',
  'own_account',
  'colleague_lookup',
  'security_audit',
  /** The care provider's own case work (the data does not leave the care provider). */
  'case_management',
] as const;
export type Purpose = (typeof PURPOSES)[number];

export interface Subject {
  userId: string;
  /** Role of the active membership; null when the user has no active membership. */
  role: Role | null;
  organisationId: string | null;
  organisationType: OrganisationType | null;
  /** The active organisation and every organisation below it. */
  scope: ReadonlyArray<string>;
  /**
   * The municipalities the active organisation belongs to (itself or the municipality above it):
   * a Wonen officer acts for the cases of its own municipality only.
   */
  municipalityIds?: ReadonlyArray<string>;
}

/** A client's trajectory: who provides care, which corporation lets the dwelling, who is on the case team. */
export interface CaseRef {
  careProviderId: string;
  corporationId: string | null;
  teamUserIds: ReadonlyArray<string>;
  /** The referring municipality and the dwelling's (the tenant key of the case); absent ones are left out. */
  municipalityIds?: ReadonlyArray<string>;
}

export interface Resource {
  /** Organisations the resource belongs to (for a user: the organisations of its active memberships). */
  organisationIds?: ReadonlyArray<string>;
  /** For client and trajectory resources: the case relations. */
  case?: CaseRef;
  /** The user the resource is about, for "self" grants. */
  userId?: string;
  /** For membership.create: the role being granted. */
  grantsRole?: Role;
}

/**
 * How the resource relates to the subject:
 * - self: it is the subject's own account;
 * - own: every organisation of the resource is in the subject's scope;
 * - shared: some but not all are;
 * - foreign: none is (or the resource has no organisation).
 */
export type Relation =
  | 'self' | 'own' | 'shared' | 'foreign'
  /** On the case team of the trajectory. */
  | 'case_team'
  /** Works for the trajectory's care provider (or an organisation above it). */
  | 'case_care_provider'
  /** Works for the trajectory's housing corporation. */
  | 'case_corporation'
  /** Municipality, directorate Wonen (team indicaties). */
  | 'case_wonen';

type Who = Role | 'anyone' | 'authenticated' | 'member';
interface Grant {
  who: Who;
  /** Relations the grant covers; 'any' for resource-independent or platform-wide grants. */
  relations: 'any' | ReadonlyArray<Relation>;
  purpose?: Purpose;
}

const ALL_MEMBER: Grant = { who: 'member', relations: 'any' };
// Case work. The purpose of a corporation's or Wonen's read is the PB-n situation of the
// request (purpose binding, see domain/privacy); the grant's purpose is the default.
const CW_OWN: Grant = { who: 'care_worker', relations: ['own'], purpose: 'case_management' };
const TM_OWN: Grant = { who: 'team_manager', relations: ['own'], purpose: 'case_management' };
const CW_TEAM: Grant = { who: 'care_worker', relations: ['case_team'], purpose: 'case_management' };
const TM_CASE: Grant = { who: 'team_manager', relations: ['case_care_provider'], purpose: 'case_management' };
const REVIEWER_CASE: Grant = { who: 'independent_reviewer', relations: ['case_care_provider'], purpose: 'case_management' };
const CC_CASE: Grant = { who: 'corporation_contact', relations: ['case_corporation'], purpose: 'PB-1' };
const WON_CASE: Grant = { who: 'wonen_officer', relations: ['case_wonen'], purpose: 'PB-2' };
const CASE_READERS: ReadonlyArray<Grant> = [CW_TEAM, TM_CASE, REVIEWER_CASE, CC_CASE, WON_CASE];
const PLATFORM_ADMIN: Grant = { who: 'platform_admin', relations: 'any', purpose: 'account_administration' };
const OWN: ReadonlyArray<Relation> = ['own'];
/** The platform administrator on programme reference data (no personal data, so no purpose). */
const PROGRAMME_ADMIN: Grant = { who: 'platform_admin', relations: 'any' };
const OWN_OR_SHARED: ReadonlyArray<Relation> = ['own', 'shared'];

/** The grant table. Anything not listed is denied. */
export const GRANTS: Record<Action, ReadonlyArray<Grant>> = {
  'system.public': [{ who: 'anyone', relations: 'any' }],
  'calendar.read': [{ who: 'anyone', relations: 'any' }],
  'calendar.manage_decree_days': [PLATFORM_ADMIN],
  'calendar.manage_closing_days': [PLATFORM_ADMIN, { who: 'org_admin', relations: OWN }],
  'session.self': [{ who: 'authenticated', relations: 'any', purpose: 'own_account' }],
  'region.list': [ALL_MEMBER],
  'region.create': [PLATFORM_ADMIN],
  'organisation.list': [ALL_MEMBER],
  'organisation.read': [ALL_MEMBER],
  'organisation.create': [PLATFORM_ADMIN],
  'organisation.update': [PLATFORM_ADMIN, { who: 'org_admin', relations: OWN }],
  'organisation.deactivate': [PLATFORM_ADMIN],
  'user.list': [
    PLATFORM_ADMIN,
    { who: 'org_admin', relations: OWN_OR_SHARED, purpose: 'account_administration' },
    { who: 'team_manager', relations: OWN_OR_SHARED, purpose: 'colleague_lookup' },
  ],
  'user.read': [
    PLATFORM_ADMIN,
    { who: 'org_admin', relations: OWN_OR_SHARED, purpose: 'account_administration' },
    { who: 'team_manager', relations: OWN_OR_SHARED, purpose: 'colleague_lookup' },
    { who: 'authenticated', relations: ['self'], purpose: 'own_account' },
  ],
  'user.create': [PLATFORM_ADMIN, { who: 'org_admin', relations: OWN, purpose: 'account_administration' }],
  'user.update': [
    PLATFORM_ADMIN,
    { who: 'org_admin', relations: OWN, purpose: 'account_administration' },
    { who: 'authenticated', relations: ['self'], purpose: 'own_account' },
  ],
  'user.deactivate': [PLATFORM_ADMIN, { who: 'org_admin', relations: OWN, purpose: 'account_administration' }],
  'membership.list': [
    PLATFORM_ADMIN,
    { who: 'org_admin', relations: OWN_OR_SHARED, purpose: 'account_administration' },
    { who: 'team_manager', relations: OWN_OR_SHARED, purpose: 'colleague_lookup' },
    { who: 'authenticated', relations: ['self'], purpose: 'own_account' },
  ],
  'membership.create': [PLATFORM_ADMIN, { who: 'org_admin', relations: OWN, purpose: 'account_administration' }],
  'membership.end': [PLATFORM_ADMIN, { who: 'org_admin', relations: OWN, purpose: 'account_administration' }],
  'audit.read': [
    { who: 'platform_admin', relations: 'any', purpose: 'security_audit' },
    { who: 'org_admin', relations: OWN, purpose: 'security_audit' },
  ],
  'audit.verify': [{ who: 'platform_admin', relations: 'any', purpose: 'security_audit' }],
  'client.create': [CW_OWN, TM_OWN],
  // Lists are filtered by the same decision as the detail (modules/trajectories/scope.ts builds the SQL from these grants).
  'client.list': CASE_READERS,
  'client.read': CASE_READERS,
  'client.update': [CW_TEAM, TM_CASE],
  'trajectory.create': [CW_OWN, TM_OWN],
  'trajectory.read': CASE_READERS,
  'trajectory.record_event': CASE_READERS,
  'trajectory.manage_team': [CW_TEAM, TM_CASE],
  'trajectory.assign_corporation': [CW_TEAM, TM_CASE],
  'deadline.adjust': [CW_TEAM, TM_CASE, CC_CASE, WON_CASE],
  'worklist.read': CASE_READERS,
  'worklist.read_organisation': [{ who: 'team_manager', relations: OWN, purpose: 'case_management' }],
  'consent.record': [CW_TEAM, TM_CASE],
  'consent.read': [CW_TEAM, TM_CASE, REVIEWER_CASE],
  'consent.withdraw': [CW_TEAM, TM_CASE],
  'form.read': CASE_READERS,
  'form.write': [CW_TEAM, TM_CASE, CC_CASE],
  'form.sign': [CW_TEAM, TM_CASE, CC_CASE],
  'privacy.export': [TM_CASE],
  'privacy.deletion': [TM_CASE],
  'route_info.edit': [{ who: 'platform_editor', relations: 'any' }, { who: 'platform_admin', relations: 'any' }],
  // R-MO-20: every party of the programme reads the shared monitor; it holds aggregates only.
  'monitor.read': [ALL_MEMBER],
  'reference.read': [ALL_MEMBER],
  // R-MO-01: the programme team maintains target groups, agreements and the figures behind them.
  'target_group.manage': [PROGRAMME_ADMIN, { who: 'programme_analyst', relations: 'any' }],
  'agreement.manage': [PROGRAMME_ADMIN, { who: 'programme_analyst', relations: OWN }],
  'corporation_figures.manage': [PROGRAMME_ADMIN, { who: 'programme_analyst', relations: OWN_OR_SHARED }],
  // Rows are checked against the importer's municipalities in the handler.
  'placement.import': [PROGRAMME_ADMIN, { who: 'programme_analyst', relations: 'any' }],
};

export interface Decision {
  allowed: boolean;
  relation: Relation | null;
  purpose: Purpose | null;
  /** Machine-readable reason, also written to the audit trail on denial. */
  reason: 'granted' | 'not_authenticated' | 'no_active_membership' | 'no_grant' | 'relation_not_covered' | 'platform_role_grant';
}

/** The organisation relation of a resource to the subject (ignoring "self"). */
export function organisationRelationOf(subject: Subject, resource: Resource): Exclude<Relation, 'self'> {
  const orgs = resource.organisationIds ?? [];
  if (orgs.length === 0) return 'foreign';
  const inScope = orgs.filter((o) => subject.scope.includes(o)).length;
  if (inScope === orgs.length) return 'own';
  return inScope > 0 ? 'shared' : 'foreign';
}

/**
 * Every relation that holds between subject and resource: a user's own account is
 * "self" and, when it belongs to the subject's organisation tree, also "own".
 */
export function relationsOf(subject: Subject, resource: Resource | undefined): Relation[] {
  if (!resource) return [];
  const org = organisationRelationOf(subject, resource);
  const out: Relation[] = resource.userId !== undefined && resource.userId === subject.userId ? ['self', org] : [org];
  const c = resource.case;
  if (c) {
    if (c.teamUserIds.includes(subject.userId) && subject.scope.includes(c.careProviderId)) out.push('case_team');
    if (subject.scope.includes(c.careProviderId)) out.push('case_care_provider');
    if (c.corporationId && subject.scope.includes(c.corporationId)) out.push('case_corporation');
    // Wonen (team indicaties) of the case's own municipality only: the referring one or the dwelling's.
    if (subject.role === 'wonen_officer' && subject.organisationType === 'municipal_directorate' && (c.municipalityIds ?? []).some((m) => (subject.municipalityIds ?? []).includes(m))) {
      out.push('case_wonen');
    }
  }
  return out;
}

/** The primary relation: "self" for one's own account, else the organisation relation. */
export function relationOf(subject: Subject, resource: Resource | undefined): Relation | null {
  return relationsOf(subject, resource)[0] ?? null;
}

function matchesWho(who: Who, subject: Subject | null): boolean {
  if (who === 'anyone') return true;
  if (!subject) return false;
  if (who === 'authenticated') return true;
  if (who === 'member') return subject.role !== null;
  return subject.role === who;
}

/**
 * Decide (subject, action, resource). Without a resource, the question is
 * "may this subject attempt the action at all" (the route-level check); the
 * handler asks again with the loaded resource.
 */
export function decide(subject: Subject | null, action: Action, resource?: Resource): Decision {
  const grants = GRANTS[action];
  const candidates = grants.filter((g) => matchesWho(g.who, subject));
  if (candidates.length === 0) {
    if (!subject) return { allowed: false, relation: null, purpose: null, reason: 'not_authenticated' };
    if (subject.role === null) return { allowed: false, relation: null, purpose: null, reason: 'no_active_membership' };
    return { allowed: false, relation: null, purpose: null, reason: 'no_grant' };
  }
  const relations = subject ? relationsOf(subject, resource) : [];
  const primary = relations[0] ?? null;
  if (action === 'membership.create' && resource?.grantsRole && PLATFORM_ROLES.includes(resource.grantsRole) && subject?.role !== 'platform_admin') {
    return { allowed: false, relation: primary, purpose: null, reason: 'platform_role_grant' };
  }
  // Grants are tried in table order (broadest first), so an administrator reading
  // its own account gets the administrator's view, a care worker the self view.
  for (const g of candidates) {
    if (g.relations === 'any' || !resource) return { allowed: true, relation: primary, purpose: g.purpose ?? null, reason: 'granted' };
    const granted = g.relations;
    const hit = relations.find((r) => granted.includes(r));
    if (hit) return { allowed: true, relation: hit, purpose: g.purpose ?? null, reason: 'granted' };
  }
  return { allowed: false, relation: primary, purpose: null, reason: 'relation_not_covered' };
}

/** The relations under which the subject may perform an action (for scoping list queries). */
export function coveredRelations(subject: Subject | null, action: Action): 'any' | Relation[] {
  const out = new Set<Relation>();
  for (const g of GRANTS[action]) {
    if (!matchesWho(g.who, subject)) continue;
    if (g.relations === 'any') return 'any';
    g.relations.forEach((r) => out.add(r));
  }
  return [...out];
}

// ─── Field-level visibility ─────────────────────────────────────────────────

export const USER_FIELDS = [
  'id', 'email', 'name', 'locale', 'active', 'deactivatedAt', 'deactivationReason', 'successorId',
  'lockedUntil', 'failedLoginCount', 'lastLoginAt', 'hasPassword', 'memberships', 'version', 'createdAt', 'updatedAt',
] as const;
export type UserField = (typeof USER_FIELDS)[number];

const USER_ADMIN_VIEW: ReadonlyArray<UserField> = USER_FIELDS;
const USER_COLLEAGUE_VIEW: ReadonlyArray<UserField> = ['id', 'email', 'name', 'active', 'memberships'];
const USER_SELF_VIEW: ReadonlyArray<UserField> = ['id', 'email', 'name', 'locale', 'active', 'lastLoginAt', 'hasPassword', 'memberships', 'version', 'createdAt', 'updatedAt'];

/** Which fields of a user record the subject may see, given the relation. */
export function visibleUserFields(subject: Subject, relation: Relation): ReadonlyArray<UserField> {
  if (subject.role === 'platform_admin') return USER_ADMIN_VIEW;
  if (subject.role === 'org_admin' && (relation === 'own' || relation === 'shared')) return USER_ADMIN_VIEW;
  if (relation === 'self') return USER_SELF_VIEW;
  if (subject.role === 'team_manager' && (relation === 'own' || relation === 'shared')) return USER_COLLEAGUE_VIEW;
  return [];
}

export const USER_WRITABLE = ['email', 'name', 'locale', 'unlock'] as const;
export type UserWritableField = (typeof USER_WRITABLE)[number];

export function writableUserFields(subject: Subject, relation: Relation): ReadonlyArray<UserWritableField> {
  if (subject.role === 'platform_admin') return USER_WRITABLE;
  if (subject.role === 'org_admin' && relation === 'own') return USER_WRITABLE;
  if (relation === 'self') return ['name', 'locale'];
  return [];
}

export const ORGANISATION_WRITABLE = ['name', 'code', 'parentId', 'regionId', 'municipalityCode', 'contactRoleLabel', 'email', 'phone'] as const;
export type OrganisationWritableField = (typeof ORGANISATION_WRITABLE)[number];

export function writableOrganisationFields(subject: Subject, relation: Relation): ReadonlyArray<OrganisationWritableField> {
  if (subject.role === 'platform_admin') return ORGANISATION_WRITABLE;
  if (subject.role === 'org_admin' && relation === 'own') return ['name', 'contactRoleLabel', 'email', 'phone'];
  return [];
}

/**
 * The municipality a trajectory counts for in the monitor (domain/trajectories/municipality.ts):
 * the care provider keeps the case and records both; the corporation records where its dwelling
 * is; Wonen (team indicaties) records the municipality that grants the urgency. A reviewer records
 * neither. The relation is the one the case grant was given under (trajectory.create: own).
 */
export const TRAJECTORY_MUNICIPALITY_WRITABLE = ['municipalityId', 'dwellingMunicipalityId'] as const;
export type TrajectoryMunicipalityWritableField = (typeof TRAJECTORY_MUNICIPALITY_WRITABLE)[number];

export function writableTrajectoryMunicipalityFields(subject: Subject, relation: Relation | null): ReadonlyArray<TrajectoryMunicipalityWritableField> {
  const careStaff = subject.role === 'care_worker' || subject.role === 'team_manager';
  if (careStaff && (relation === 'own' || relation === 'case_team' || relation === 'case_care_provider')) return TRAJECTORY_MUNICIPALITY_WRITABLE;
  if (subject.role === 'corporation_contact' && relation === 'case_corporation') return ['dwellingMunicipalityId'];
  if (subject.role === 'wonen_officer' && relation === 'case_wonen') return ['municipalityId'];
  return [];
}

/** Keep only the visible fields of a record. */
export function project<T extends Record<string, unknown>, F extends string>(record: T, fields: ReadonlyArray<F>): Partial<T> {
  const out: Partial<T> = {};
  for (const f of fields) if (f in record) (out as Record<string, unknown>)[f] = record[f];
  return out;
}
