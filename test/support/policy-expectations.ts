/**
 * The authorization matrix, written out by hand: which role may perform which action
 * on a resource of its own organisation tree, of a foreign organisation, and on itself.
 * The policy module must agree with this table (unit test) and every route must
 * enforce it (HTTP matrix test). Change it only together with the policy.
 */
import { ROLES, type Role } from '../../src/domain/organisations/model.ts';
import type { Action } from '../../src/domain/policy/index.ts';

export type Who = ReadonlyArray<Role> | 'anyone' | 'members' | 'authenticated';
export type CaseKind = 'team' | 'care_provider' | 'corporation' | 'none';

export interface Expectation {
  own: Who;
  foreign: Who;
  /**
   * For client and trajectory actions: who is allowed when the caller is on the case team
   * (and so works for the care provider), works for the care provider, works for the
   * corporation, or has no relation to the case. A Wonen officer relates to every case of its own
   * municipality (the fixtures' cases are all in the caller's municipality; the other municipality
   * is tested apart).
   */
  case?: Record<CaseKind, Who>;
  /** Also allowed when the resource is the caller's own account (which also counts as `own`). */
  self?: Who;
  /**
   * Roles that may attempt the action through a relation the fixtures do not have (case_hub: a
   * nuisance case reported to the caller's hub); decided on such cases in src/domain/nuisance/grants.test.ts.
   */
  attempt?: ReadonlyArray<Role>;
}

const PA: Role[] = ['platform_admin'];
const PA_OA: Role[] = ['platform_admin', 'org_admin'];
const PA_OA_TM: Role[] = ['platform_admin', 'org_admin', 'team_manager'];
const NONE: Role[] = [];
const PA_PAN: Role[] = ['platform_admin', 'programme_analyst'];
/** Readers of a case: the team, the care provider's managers and reviewers, the corporation's contact, Wonen. */
const CASE_READ: Record<CaseKind, Who> = {
  team: ['care_worker', 'team_manager', 'independent_reviewer', 'wonen_officer'],
  care_provider: ['team_manager', 'independent_reviewer', 'wonen_officer'],
  corporation: ['corporation_contact', 'wonen_officer'],
  none: ['wonen_officer'],
};
const CASE_TEAM_WORK: Record<CaseKind, Who> = { team: ['care_worker', 'team_manager'], care_provider: ['team_manager'], corporation: NONE, none: NONE };
const CASE_TEAM_WORK_CC: Record<CaseKind, Who> = { team: ['care_worker', 'team_manager'], care_provider: ['team_manager'], corporation: ['corporation_contact'], none: NONE };
const NO_CASE: Expectation = { own: NONE, foreign: NONE };
const DWELLING_READ: Record<CaseKind, Who> = { team: ['wonen_officer'], care_provider: ['wonen_officer'], corporation: ['corporation_contact', 'team_manager', 'wonen_officer'], none: ['wonen_officer'] };
const OFFER_PARTIES: Record<CaseKind, Who> = {
  team: ['care_worker', 'team_manager', 'wonen_officer'], care_provider: ['care_worker', 'team_manager', 'wonen_officer'],
  corporation: ['corporation_contact', 'team_manager', 'wonen_officer'], none: ['wonen_officer'],
};

const NUISANCE_REPORTERS: Record<CaseKind, Who> = { team: ['care_worker', 'team_manager'], care_provider: ['care_worker', 'team_manager'], corporation: ['corporation_contact'], none: NONE };
const NUISANCE_PARTIES: Record<CaseKind, Who> = { team: ['care_worker', 'team_manager'], care_provider: ['care_worker', 'team_manager'], corporation: ['corporation_contact', 'team_manager'], none: NONE };
const NEW_CHANCE_PARTIES: Record<CaseKind, Who> = {
  team: ['care_worker', 'team_manager', 'wonen_officer'], care_provider: ['care_worker', 'team_manager', 'wonen_officer'], corporation: ['corporation_contact', 'wonen_officer'], none: ['wonen_officer'],
};

export const EXPECTED: Record<Action, Expectation> = {
  'system.public': { own: 'anyone', foreign: 'anyone' },
  'calendar.read': { own: 'anyone', foreign: 'anyone' },
  'calendar.manage_decree_days': { own: PA, foreign: PA },
  'calendar.manage_closing_days': { own: PA_OA, foreign: PA },
  'session.self': { own: 'authenticated', foreign: 'authenticated' },
  'region.list': { own: 'members', foreign: 'members' },
  'region.create': { own: PA, foreign: PA },
  'organisation.list': { own: 'members', foreign: 'members' },
  'organisation.read': { own: 'members', foreign: 'members' },
  'organisation.create': { own: PA, foreign: PA },
  'organisation.update': { own: PA_OA, foreign: PA },
  'organisation.deactivate': { own: PA, foreign: PA },
  'user.list': { own: PA_OA_TM, foreign: PA },
  'user.read': { own: PA_OA_TM, foreign: PA, self: 'authenticated' },
  'user.create': { own: PA_OA, foreign: PA },
  'user.update': { own: PA_OA, foreign: PA, self: 'authenticated' },
  'user.deactivate': { own: PA_OA, foreign: PA },
  'membership.list': { own: PA_OA_TM, foreign: PA, self: 'authenticated' },
  'membership.create': { own: PA_OA, foreign: PA },
  'membership.end': { own: PA_OA, foreign: PA },
  'audit.read': { own: PA_OA, foreign: PA },
  'audit.verify': { own: PA, foreign: PA },
  'client.create': { own: ['care_worker', 'team_manager'], foreign: NONE },
  // A list shows the cases whose detail may be read (list ⊆ detail): the same matrix as client.read.
  'client.list': { ...NO_CASE, case: CASE_READ },
  'client.read': { ...NO_CASE, case: CASE_READ },
  'client.update': { ...NO_CASE, case: CASE_TEAM_WORK },
  'trajectory.create': { own: ['care_worker', 'team_manager'], foreign: NONE },
  'trajectory.read': { ...NO_CASE, case: CASE_READ },
  'trajectory.record_event': { ...NO_CASE, case: CASE_READ },
  'trajectory.manage_team': { ...NO_CASE, case: CASE_TEAM_WORK },
  'trajectory.assign_corporation': { ...NO_CASE, case: CASE_TEAM_WORK },
  'deadline.adjust': { ...NO_CASE, case: { team: ['care_worker', 'team_manager', 'wonen_officer'], care_provider: ['team_manager', 'wonen_officer'], corporation: ['corporation_contact', 'wonen_officer'], none: ['wonen_officer'] } },
  'worklist.read': { ...NO_CASE, case: CASE_READ },
  'worklist.read_organisation': { own: ['team_manager'], foreign: NONE },
  'consent.record': { ...NO_CASE, case: CASE_TEAM_WORK },
  'consent.read': { ...NO_CASE, case: { team: ['care_worker', 'team_manager', 'independent_reviewer'], care_provider: ['team_manager', 'independent_reviewer'], corporation: NONE, none: NONE } },
  'consent.withdraw': { ...NO_CASE, case: CASE_TEAM_WORK },
  'form.read': { ...NO_CASE, case: CASE_READ },
  'form.write': { ...NO_CASE, case: CASE_TEAM_WORK_CC },
  'form.sign': { ...NO_CASE, case: CASE_TEAM_WORK_CC },
  'privacy.export': { ...NO_CASE, case: { team: ['team_manager'], care_provider: ['team_manager'], corporation: NONE, none: NONE } },
  'privacy.deletion': { ...NO_CASE, case: { team: ['team_manager'], care_provider: ['team_manager'], corporation: NONE, none: NONE } },
  'route_info.edit': { own: ['platform_editor', 'platform_admin'], foreign: ['platform_editor', 'platform_admin'] },
  'monitor.read': { own: 'members', foreign: 'members' },
  'reference.read': { own: 'members', foreign: 'members' },
  'target_group.manage': { own: PA_PAN, foreign: PA_PAN },
  'agreement.manage': { own: PA_PAN, foreign: PA },
  'corporation_figures.manage': { own: PA_PAN, foreign: PA },
  'placement.import': { own: PA_PAN, foreign: PA_PAN },
  // Every signed-in user reads its own home queues (each item filtered by its case's read decision).
  'home.read': { own: 'authenticated', foreign: 'authenticated' },
  // Swaps and moves (domain/matching/move-grants.ts): the care provider starts them; the trajectory's readers act on them (the domain decides which step is whose).
  // Matching (domain/matching/grants.ts): the corporation's dwellings, the care provider's profiles, the offer's parties, Wonen of the municipality.
  'dwelling.list': { ...NO_CASE, case: DWELLING_READ },
  'dwelling.read': { ...NO_CASE, case: DWELLING_READ },
  'dwelling.create': { own: ['corporation_contact'], foreign: NONE },
  'dwelling.update': { ...NO_CASE, case: { team: NONE, care_provider: NONE, corporation: ['corporation_contact'], none: NONE } },
  'dwelling.import': { own: ['corporation_contact'], foreign: NONE },
  'address.lookup': { own: ['corporation_contact'], foreign: ['corporation_contact'] },
  'housing_profile.read': { ...NO_CASE, case: { team: ['care_worker', 'team_manager'], care_provider: ['care_worker', 'team_manager'], corporation: ['corporation_contact'], none: NONE } },
  'housing_profile.update': { ...NO_CASE, case: { team: ['care_worker', 'team_manager'], care_provider: ['care_worker', 'team_manager'], corporation: NONE, none: NONE } },
  'offer.create': { ...NO_CASE, case: { team: NONE, care_provider: NONE, corporation: ['corporation_contact'], none: NONE } },
  'offer.list': { ...NO_CASE, case: OFFER_PARTIES },
  'offer.read': { ...NO_CASE, case: OFFER_PARTIES },
  'offer.record_event': { ...NO_CASE, case: OFFER_PARTIES },
  'matching.candidates': { ...NO_CASE, case: { team: ['care_worker', 'team_manager'], care_provider: ['care_worker', 'team_manager'], corporation: NONE, none: NONE } },
  'matching_config.read': { own: ['programme_analyst', 'wonen_officer'], foreign: ['programme_analyst', 'wonen_officer'] },
  'matching_config.update': { own: ['wonen_officer'], foreign: ['wonen_officer'] },
  'matching.replay': { own: ['programme_analyst', 'wonen_officer'], foreign: ['programme_analyst', 'wonen_officer'] },
  'move.create': { ...NO_CASE, case: CASE_TEAM_WORK },
  'move.read': { ...NO_CASE, case: CASE_READ },
  'move.list': { ...NO_CASE, case: CASE_READ },
  'move.record_event': { ...NO_CASE, case: CASE_READ },
  // The nuisance protocol (domain/nuisance/grants.ts): the care provider runs it, the corporation reports and reads its dwellings' cases,
  // the hub reads the cases reported to it (case_hub: never in these fixtures, which are not reported to a hub; tested apart).
  'nuisance_report.create': { ...NO_CASE, case: NUISANCE_REPORTERS, attempt: ['nuisance_hub_officer'] },
  'nuisance_report.related': { ...NO_CASE, case: NUISANCE_REPORTERS, attempt: ['nuisance_hub_officer'] },
  'nuisance_case.list': { ...NO_CASE, case: NUISANCE_PARTIES, attempt: ['nuisance_hub_officer', 'team_manager'] },
  'nuisance_case.read': { ...NO_CASE, case: NUISANCE_PARTIES, attempt: ['nuisance_hub_officer', 'team_manager'] },
  'nuisance_case.record_event': { ...NO_CASE, case: NUISANCE_REPORTERS, attempt: ['nuisance_hub_officer', 'team_manager'] },
  'nuisance_letter.create': { ...NO_CASE, case: { team: ['care_worker', 'team_manager'], care_provider: ['care_worker', 'team_manager'], corporation: NONE, none: NONE } },
  'nuisance_letter.read': { ...NO_CASE, case: NUISANCE_PARTIES, attempt: ['nuisance_hub_officer', 'team_manager'] },
  'nuisance_hub.overview': { own: ['nuisance_hub_officer', 'team_manager'], foreign: ['nuisance_hub_officer'] },
  'nuisance_hub.address_check': { own: ['nuisance_hub_officer'], foreign: ['nuisance_hub_officer'] },
  'new_chance.create': { ...NO_CASE, case: NUISANCE_REPORTERS, attempt: ['nuisance_hub_officer'] },
  'new_chance.list': { ...NO_CASE, case: NEW_CHANCE_PARTIES, attempt: ['nuisance_hub_officer', 'team_manager'] },
  'new_chance.read': { ...NO_CASE, case: NEW_CHANCE_PARTIES, attempt: ['nuisance_hub_officer', 'team_manager'] },
  'new_chance.record_event': { ...NO_CASE, case: NEW_CHANCE_PARTIES, attempt: ['nuisance_hub_officer', 'team_manager'] },
  'nuisance_prevention.read': { ...NO_CASE, case: NUISANCE_REPORTERS },
  'nuisance_prevention.update': { ...NO_CASE, case: { team: ['care_worker', 'team_manager'], care_provider: ['care_worker', 'team_manager'], corporation: NONE, none: NONE } },
};

export function expectedOnCase(role: Role | null | 'anonymous', action: Action, kind: CaseKind): boolean {
  const c = EXPECTED[action].case;
  if (!c) return false;
  return allows(c[kind], role);
}

export function expectedAllowed(role: Role | null | 'anonymous', action: Action, relation: 'own' | 'foreign' | 'self'): boolean {
  const e = EXPECTED[action];
  if (relation === 'self') return allows(e.own, role) || (e.self !== undefined && allows(e.self, role));
  return allows(e[relation], role);
}

/** Whether the role may act on its own account by the `self` column alone (whatever organisation the account belongs to). */
export function expectedOnSelf(role: Role | null | 'anonymous', action: Action): boolean {
  const e = EXPECTED[action];
  return e.self !== undefined && allows(e.self, role);
}

function allows(who: Who, role: Role | null | 'anonymous'): boolean {
  if (who === 'anyone') return true;
  if (role === 'anonymous') return false;
  if (who === 'authenticated') return true;
  if (role === null) return false;
  if (who === 'members') return true;
  return who.includes(role);
}

/** Whether the role may attempt the action at all (route-level check, before any resource is loaded). */
export function expectedAttempt(role: Role | null | 'anonymous', action: Action): boolean {
  return (['own', 'foreign', 'self'] as const).some((r) => expectedAllowed(role, action, r)) || (['team', 'care_provider', 'corporation', 'none'] as const).some((k) => expectedOnCase(role, action, k))
    || (role !== null && role !== 'anonymous' && (EXPECTED[action].attempt ?? []).includes(role));
}

export const ALL_ROLES = ROLES;
