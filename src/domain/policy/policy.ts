/**
 * The authorization policy: one pure module decides every (subject, action, resource).
 * Default deny: an action with no grant for the subject's role and relation is refused.
 * Field-level visibility and purpose binding are part of the policy, not of the handlers.
 */
import type { OrganisationType, Role } from '../organisations/model.ts';
import { PLATFORM_ROLES } from '../organisations/model.ts';
import { CORE_ACTIONS, CORE_GRANTS } from './core-grants.ts';
import { CASE_ACTIONS, CASE_GRANTS } from '../trajectories/grants.ts';
import { PRIVACY_ACTIONS, PRIVACY_GRANTS } from '../privacy/grants.ts';
import { FORM_ACTIONS, FORM_GRANTS } from '../forms/grants.ts';
import { MONITOR_ACTIONS, MONITOR_GRANTS } from '../monitor/grants.ts';
import { HOME_ACTIONS, HOME_GRANTS } from '../home/grants.ts';
import { MATCHING_ACTIONS, MATCHING_GRANTS } from '../matching/grants.ts';
import { MOVE_ACTIONS, MOVE_GRANTS } from '../matching/move-grants.ts';
import { NUISANCE_ACTIONS, NUISANCE_GRANTS } from '../nuisance/grants.ts';

/**
 * Every action a route may declare, each owned by one module's grant file (written per module,
 * merged here into the one table): the platform's own (core-grants.ts), the case work of the
 * Omslagroute (domain/trajectories/grants.ts), consent and privacy (domain/privacy/grants.ts),
 * forms (domain/forms/grants.ts) and the monitor (domain/monitor/grants.ts).
 */
export const ACTIONS = [...CORE_ACTIONS, ...CASE_ACTIONS, ...PRIVACY_ACTIONS, ...FORM_ACTIONS, ...MONITOR_ACTIONS, ...HOME_ACTIONS, ...MATCHING_ACTIONS, ...MOVE_ACTIONS, ...NUISANCE_ACTIONS] as const;
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
  /**
   * The nuisance hubs (MZWO) the case is reported to (a nuisance or New Chance case once the hub is
   * involved: a report by channel C4, a report to the hub under M1–M10, or a New Chance application).
   */
  hubIds?: ReadonlyArray<string>;
}

export interface Resource {
  /** Organisations the resource belongs to (for a user: the organisations of its active memberships). */
  organisationIds?: ReadonlyArray<string>;
  /** For client and trajectory resources: the case relations. */
  case?: CaseRef;
  /** The user the resource is about, for "self" grants. */
  userId?: string;
  /**
   * For membership.create and membership.end: the role given or taken away; for
   * user.deactivate: a platform role the user holds. Only a platform administrator
   * gives or takes away a platform role.
   */
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
  | 'case_wonen'
  /** Works for the nuisance hub (MZWO) the case is reported to. */
  | 'case_hub';

export type Who = Role | 'anyone' | 'authenticated' | 'member';
export interface Grant {
  who: Who;
  /** Relations the grant covers; 'any' for resource-independent or platform-wide grants. */
  relations: 'any' | ReadonlyArray<Relation>;
  purpose?: Purpose;
}

/** The grants of one module: its actions and who may perform them. */
export type GrantTable<A extends string = string> = Readonly<Record<A, ReadonlyArray<Grant>>>;

/**
 * Merges the modules' grant tables into the one checked table: every action is granted by exactly
 * one module (an action in two tables, or one without a table, is a programming error).
 */
export function mergeGrants<A extends string>(actions: ReadonlyArray<A>, tables: ReadonlyArray<GrantTable>): Record<A, ReadonlyArray<Grant>> {
  const out: Partial<Record<string, ReadonlyArray<Grant>>> = {};
  for (const table of tables) {
    for (const [action, grants] of Object.entries(table)) {
      if (out[action]) throw new Error(`policy: action ${action} is granted by two modules`);
      out[action] = grants;
    }
  }
  const missing = actions.filter((a) => !out[a]);
  if (missing.length) throw new Error(`policy: no module grants ${missing.join(', ')}`);
  const unknown = Object.keys(out).filter((a) => !(actions as ReadonlyArray<string>).includes(a));
  if (unknown.length) throw new Error(`policy: grants for undeclared actions ${unknown.join(', ')}`);
  return out as Record<A, ReadonlyArray<Grant>>;
}

/** The grant table. Anything not listed is denied. */
export const GRANTS: Record<Action, ReadonlyArray<Grant>> = mergeGrants(ACTIONS, [CORE_GRANTS, CASE_GRANTS, PRIVACY_GRANTS, FORM_GRANTS, MONITOR_GRANTS, HOME_GRANTS, MATCHING_GRANTS, MOVE_GRANTS, NUISANCE_GRANTS]);

export interface Decision {
  allowed: boolean;
  relation: Relation | null;
  purpose: Purpose | null;
  /** Machine-readable reason, also written to the audit trail on denial. */
  reason: 'granted' | 'not_authenticated' | 'no_active_membership' | 'no_grant' | 'relation_not_covered' | 'platform_role_grant';
}

/** The organisation relation of a resource to the subject (ignoring "self"). */
export function organisationRelationOf(subject: Subject, resource: Resource): Exclude<Relation, 'self'> {
  const orgs = resource.organisationIds;
  if (!orgs?.length) return 'foreign';
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
  const self =
    resource.userId === subject.userId &&
    // Stryker disable next-line ConditionalExpression: equivalent — a Subject's userId is always a string, so a resource without userId never equals it; this only guards a malformed subject
    resource.userId !== undefined;
  const out: Relation[] = self ? ['self', org] : [org];
  const c = resource.case;
  if (c) {
    if (c.teamUserIds.includes(subject.userId) && subject.scope.includes(c.careProviderId)) out.push('case_team');
    if (subject.scope.includes(c.careProviderId)) out.push('case_care_provider');
    if (c.corporationId && subject.scope.includes(c.corporationId)) out.push('case_corporation');
    // Wonen (team indicaties) of the case's own municipality only: the referring one or the dwelling's.
    if (subject.role === 'wonen_officer' && subject.organisationType === 'municipal_directorate' && c.municipalityIds?.some((m) => subject.municipalityIds?.includes(m))) {
      out.push('case_wonen');
    }
    if (c.hubIds?.some((h) => subject.scope.includes(h))) out.push('case_hub');
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
/** Actions that give or take away a role (a platform role only by a platform administrator). */
const ROLE_CHANGING_ACTIONS: ReadonlySet<Action> = new Set<Action>(['membership.create', 'membership.end', 'user.deactivate']);

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
  if (ROLE_CHANGING_ACTIONS.has(action) && resource?.grantsRole && PLATFORM_ROLES.includes(resource.grantsRole) && subject?.role !== 'platform_admin') {
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
