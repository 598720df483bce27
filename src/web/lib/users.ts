import type { SessionView, User, UserMembership } from '../api/types.ts';
import type { Resource } from '../../domain/policy/index.ts';

/** The policy resource for a user: the organisations of its active memberships, and who it is. */
export function userResource(u: User): Resource {
  return { organisationIds: activeMemberships(u).map((m) => m.organisationId), userId: u.id };
}

export function activeMemberships(u: User): UserMembership[] {
  return (u.memberships ?? []).filter((m) => m.active);
}

/**
 * Organisations the API has shown to lie in the caller's scope: for an organisation administrator
 * the API lists only memberships inside its own organisation tree.
 */
export function knownScopeFor(session: SessionView | null, u: User): string[] {
  const active = session?.memberships.find((m) => m.id === session.activeMembershipId);
  return active?.role === 'org_admin' ? activeMemberships(u).map((m) => m.organisationId) : [];
}

export function isLocked(u: User): boolean {
  return !!u.lockedUntil && new Date(u.lockedUntil).getTime() > Date.now();
}
