/**
 * Access to a case: the policy decides whether the subject may act (with the case relations),
 * purpose binding decides for what (PB-n for parties outside the care provider, with the
 * client's consent and a processing agreement), and the viewer kind decides what it sees.
 */
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { problem, Problem } from '../../platform/http/problem.ts';
import { subjectOf } from '../../platform/http/app.ts';
import { todayIn, type Clock } from '../../platform/clock.ts';
import { decide, type Action, type Decision, type Purpose, type Subject } from '../../domain/policy/index.ts';
import { checkConsent, choosePurpose, type SharingPurpose, type Viewer } from '../../domain/privacy/visibility.ts';
import type { ActorKind } from '../../domain/trajectories/index.ts';
import { caseRefOf, type LoadedTrajectory } from './repository.ts';
import type { TrajectoryActor } from './case-kind.ts';

export interface CaseAccess {
  decision: Decision;
  viewer: Viewer;
  purpose: Purpose;
  /** The actor kinds the subject may record events as. */
  actorKinds: ActorKind[];
  isPersonalSupervisor: boolean;
}

function viewerOf(d: Decision): Viewer {
  switch (d.relation) {
    case 'case_corporation':
      return 'corporation';
    case 'case_wonen':
      return 'wonen';
    default:
      return 'care_provider';
  }
}

export async function consentsOf(db: Kysely<Database>, clientId: string) {
  const rows = await db.selectFrom('consents').select(['purposes', 'given_on', 'withdrawn_on', 'explained_items']).where('client_id', '=', clientId).execute();
  return rows.map((r) => ({ purposes: r.purposes, givenOn: r.given_on, withdrawnOn: r.withdrawn_on, explainedItems: r.explained_items as string[] }));
}

/** Purpose requested by the caller (query `purpose` or header `X-Purpose`). */
export function requestedPurpose(req: FastifyRequest): string | null {
  const q = (req.query as Record<string, unknown> | undefined)?.purpose;
  const h = req.headers['x-purpose'];
  const v = typeof q === 'string' ? q : typeof h === 'string' ? h : null;
  return v && v.length <= 40 ? v : null;
}

/** Another of the user's memberships under which the case may be read (the 403's `switchTo`). */
export interface SwitchTarget {
  membershipId: string;
  organisationId: string;
  organisationName: string;
  role: string;
}

/** The subject the user would be when acting for one of its memberships (as the request pipeline builds it). */
async function subjectForMembership(req: FastifyRequest, m: { organisationId: string; organisationType: string; role: string }): Promise<Subject> {
  const scopes = (req.server as unknown as { scopes: { subtree(id: string): Promise<string[]>; municipalitiesOf(id: string): Promise<string[]> } }).scopes;
  return {
    userId: req.auth!.userId,
    role: m.role as Subject['role'],
    organisationId: m.organisationId,
    organisationType: m.organisationType as Subject['organisationType'],
    scope: await scopes.subtree(m.organisationId),
    municipalityIds: await scopes.municipalitiesOf(m.organisationId),
  };
}

/**
 * Whether the subject may read the case: the policy decision with the case relation, a purpose its
 * party may use in the case's phase, the client's consent for it and (a corporation) a processing
 * agreement — the conditions `authorizeCase` checks for the acting membership.
 */
export async function mayReadCase(db: Kysely<Database>, today: string, subject: Subject, t: LoadedTrajectory): Promise<boolean> {
  const d = decide(subject, 'trajectory.read', { case: caseRefOf(t), organisationIds: [t.careProviderId] });
  if (!d.allowed) return false;
  const viewer = viewerOf(d);
  if (viewer === 'care_provider') return true;
  const choice = choosePurpose(viewer, t.state.phase, null);
  if (!choice.ok) return false;
  if (!checkConsent(await consentsOf(db, t.clientId), choice.purpose, today).ok) return false;
  if (viewer !== 'corporation') return true;
  const pa = await db
    .selectFrom('processing_agreements')
    .select('registered_on')
    .where('care_provider_id', '=', t.careProviderId)
    .where('corporation_id', '=', t.corporationId!)
    .where((eb) => eb.or([eb('ended_on', 'is', null), eb('ended_on', '>', today)]))
    .executeTakeFirst();
  return !!pa;
}

/** The first other membership of the user (by name) that may read the case, if any. */
export async function caseSwitchTarget(db: Kysely<Database>, clock: Clock, req: FastifyRequest, t: LoadedTrajectory): Promise<SwitchTarget | null> {
  const auth = req.auth;
  if (!auth) return null;
  const today = todayIn(clock);
  for (const m of auth.memberships) {
    if (m.id === auth.activeMembership?.id) continue;
    if (await mayReadCase(db, today, await subjectForMembership(req, m), t)) {
      return { membershipId: m.id, organisationId: m.organisationId, organisationName: m.organisationName, role: m.role };
    }
  }
  return null;
}

/**
 * A 403 for the case, with `switchTo` when another of the user's memberships may read it. Only a
 * read (opening the case) offers the switch: a refused write runs inside its transaction, and the
 * other memberships' scopes are read through the shared pool — on a single-connection database
 * (PGlite) that would wait for the transaction forever.
 */
const SWITCH_OFFERED_ON: ReadonlySet<Action> = new Set<Action>(['trajectory.read', 'client.read', 'form.read']);
async function refusal(db: Kysely<Database>, clock: Clock, req: FastifyRequest, t: LoadedTrajectory, p: Problem, action: Action): Promise<Problem> {
  if (!SWITCH_OFFERED_ON.has(action) || db.isTransaction) return p;
  const target = await caseSwitchTarget(db, clock, req, t);
  if (target) p.init.extra = { ...p.init.extra, switchTo: target };
  return p;
}

export async function authorizeCase(
  db: Kysely<Database>,
  clock: Clock,
  req: FastifyRequest,
  action: Action,
  t: LoadedTrajectory,
  /** Purposes to serve the read under when the caller names none (a form's own, FORM_PURPOSES). */
  preferred: ReadonlyArray<SharingPurpose> = [],
): Promise<CaseAccess> {
  const subject = subjectOf(req);
  const d = decide(subject, action, { case: caseRefOf(t), organisationIds: [t.careProviderId] });
  if (!d.allowed) {
    req.auditInfo = { resourceType: 'trajectory', resourceId: t.id, subjectOrganisationId: t.careProviderId, details: { reason: d.reason } };
    throw await refusal(db, clock, req, t, problem.forbidden(d.reason), action);
  }
  const viewer = viewerOf(d);
  let purpose: Purpose = 'case_management';
  if (viewer !== 'care_provider') {
    // R-OR-86: a purpose the party's role may use in the case's current phase, not whatever the caller names.
    const choice = choosePurpose(viewer, t.state.phase, requestedPurpose(req), preferred);
    if (!choice.ok) {
      req.auditInfo = { resourceType: 'trajectory', resourceId: t.id, subjectOrganisationId: t.careProviderId, details: { reason: 'purpose_not_allowed', rule: choice.rule, phase: t.state.phase, asked: requestedPurpose(req) } };
      throw await refusal(db, clock, req, t, new Problem({ status: 403, code: 'purpose_not_allowed', titleNl: 'Niet voor dit doel', titleEn: 'Not for this purpose', detailNl: choice.nl, detailEn: choice.en, rule: choice.rule, extra: { reason: 'purpose_not_allowed' } }), action);
    }
    const chosen = choice.purpose;
    const consent = checkConsent(await consentsOf(db, t.clientId), chosen, todayIn(clock));
    if (!consent.ok) {
      req.auditInfo = { resourceType: 'trajectory', resourceId: t.id, subjectOrganisationId: t.careProviderId, purpose: chosen, details: { reason: 'consent', rule: consent.rule } };
      throw await refusal(db, clock, req, t, new Problem({ status: 403, code: 'no_consent', titleNl: 'Geen toestemming', titleEn: 'No consent', detailNl: consent.nl, detailEn: consent.en, rule: consent.rule }), action);
    }
    if (viewer === 'corporation') {
      const pa = await db
        .selectFrom('processing_agreements')
        .select('registered_on')
        .where('care_provider_id', '=', t.careProviderId)
        .where('corporation_id', '=', t.corporationId!)
        .where((eb) => eb.or([eb('ended_on', 'is', null), eb('ended_on', '>', todayIn(clock))]))
        .executeTakeFirst();
      if (!pa) {
        throw await refusal(db, clock, req, t, new Problem({
          status: 403, code: 'no_processing_agreement', titleNl: 'Geen verwerkersovereenkomst', titleEn: 'No processing agreement', rule: 'R-OR-85',
          detailNl: 'Er is geen verwerkersovereenkomst tussen deze zorgaanbieder en corporatie geregistreerd.',
          detailEn: 'No processing agreement between this care provider and corporation is registered.',
        }), action);
      }
    }
    purpose = chosen;
  }
  const kinds: ActorKind[] = [];
  const subjectRelations = new Set([d.relation]);
  // A care worker on the team, a team manager or a reviewer of the care provider acts as the care provider.
  if (viewer === 'care_provider') kinds.push('care_provider');
  if (viewer === 'corporation' || subjectRelations.has('case_corporation')) kinds.push('corporation');
  if (viewer === 'wonen') kinds.push('wonen');
  if (subject.role === 'nuisance_hub_officer') kinds.push('nuisance_hub');
  const isPersonalSupervisor = t.team.some((m) => m.userId === subject.userId && m.caseRole === 'personal_supervisor');
  req.auditInfo = { resourceType: 'trajectory', resourceId: t.id, subjectOrganisationId: t.careProviderId, purpose };
  return { decision: d, viewer, purpose, actorKinds: kinds, isPersonalSupervisor };
}

/** The actor an authorized subject records events as (the case engine's view of the access decision). */
export function actorOf(subject: Subject, access: CaseAccess): TrajectoryActor {
  return {
    userId: subject.userId, organisationId: subject.organisationId!, role: subject.role!, kinds: access.actorKinds, isPersonalSupervisor: access.isPersonalSupervisor,
    relation: access.decision.relation, purpose: access.purpose,
  };
}
