/**
 * What the UI offers is decided by the same pure policy module the API enforces
 * (src/domain/policy): no rule is repeated here. The API remains the authority;
 * hiding an action is only a courtesy.
 */
import {
  coveredRelations, decide, writableOrganisationFields, writableTrajectoryMunicipalityFields, writableUserFields, type Action, type CaseRef, type Resource, type Subject,
} from '../../domain/policy/index.ts';
import type { SessionView } from '../api/types.ts';

/**
 * The subject as far as the browser knows it. The API computes the full scope (the active
 * organisation and everything below it); the browser knows the active organisation plus
 * whatever a page has established to lie inside it (`knownInScope`).
 */
export function subjectFromSession(session: SessionView | null, knownInScope: ReadonlyArray<string> = []): Subject | null {
  if (!session) return null;
  const m = session.memberships.find((x) => x.id === session.activeMembershipId) ?? null;
  return {
    userId: session.user.id,
    role: m?.role ?? null,
    organisationId: m?.organisationId ?? null,
    organisationType: m?.organisationType ?? null,
    scope: m ? [m.organisationId, ...knownInScope] : [],
    municipalityIds: session.municipalityIds ?? [],
  };
}

/** May the user attempt this action at all (menu items, buttons)? */
export function can(session: SessionView | null, action: Action, resource?: Resource, knownInScope?: ReadonlyArray<string>): boolean {
  return decide(subjectFromSession(session, knownInScope), action, resource).allowed;
}

/** Does the user hold this action for every organisation (a platform-wide grant)? */
export function platformWide(session: SessionView | null, action: Action): boolean {
  return coveredRelations(subjectFromSession(session), action) === 'any';
}

export function organisationFieldsWritable(session: SessionView | null, organisationId: string, knownInScope?: ReadonlyArray<string>) {
  const subject = subjectFromSession(session, knownInScope);
  if (!subject) return [];
  const d = decide(subject, 'organisation.update', { organisationIds: [organisationId] });
  if (!d.allowed) return [];
  return writableOrganisationFields(subject, d.relation ?? 'foreign');
}

export function userFieldsWritable(session: SessionView | null, resource: Resource, knownInScope?: ReadonlyArray<string>) {
  const subject = subjectFromSession(session, knownInScope);
  if (!subject) return [];
  const d = decide(subject, 'user.update', resource);
  if (!d.allowed) return [];
  return writableUserFields(subject, d.relation ?? 'foreign');
}

/** Which municipalities of a trajectory (the referring one, the dwelling's) the user may record. */
export function trajectoryMunicipalityFieldsWritable(session: SessionView | null, c: CaseRef) {
  const subject = subjectFromSession(session);
  if (!subject) return [];
  const d = decide(subject, 'trajectory.record_event', { case: c, organisationIds: [c.careProviderId] });
  if (!d.allowed) return [];
  return writableTrajectoryMunicipalityFields(subject, d.relation);
}
