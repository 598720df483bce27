/**
 * The authorization matrix, written out by hand: which role may perform which action
 * on a resource of its own organisation tree, of a foreign organisation, and on itself.
 * The policy module must agree with this table (unit test) and every route must
 * enforce it (HTTP matrix test). Change it only together with the policy.
 */
import { ROLES, type Role } from '../../src/domain/organisations/model.ts';
import type { Action } from '../../src/domain/policy/index.ts';

export type Who = ReadonlyArray<Role> | 'anyone' | 'members' | 'authenticated';
export interface Expectation {
  own: Who;
  foreign: Who;
  /** Also allowed when the resource is the caller's own account (which also counts as `own`). */
  self?: Who;
}

const PA: Role[] = ['platform_admin'];
const PA_OA: Role[] = ['platform_admin', 'org_admin'];
const PA_OA_TM: Role[] = ['platform_admin', 'org_admin', 'team_manager'];

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
};

export function expectedAllowed(role: Role | null | 'anonymous', action: Action, relation: 'own' | 'foreign' | 'self'): boolean {
  const e = EXPECTED[action];
  if (relation === 'self') return allows(e.own, role) || (e.self !== undefined && allows(e.self, role));
  return allows(e[relation], role);
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
  return (['own', 'foreign', 'self'] as const).some((r) => expectedAllowed(role, action, r));
}

export const ALL_ROLES = ROLES;
