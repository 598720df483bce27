/**
 * Every route × every role × own / foreign organisation, through HTTP on a real database.
 * The expected outcome comes from the hand-written matrix in test/support/policy-expectations.ts;
 * a route that is missing from this file's request templates fails the test, so a new
 * route cannot ship without being placed in the matrix.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Action } from '../../src/domain/policy/index.ts';
import { FORM_DEFINITIONS, contentHashInput, type FormKind } from '../../src/domain/forms/index.ts';
import type { Role } from '../../src/domain/organisations/model.ts';
import { DEMO_USERS } from '../../src/app/seed/demo.ts';
import { startTestApp, type Agent, type TestContext } from '../support/harness.ts';
import { expectedAllowed, expectedAttempt, expectedOnCase, type CaseKind } from '../support/policy-expectations.ts';

import type { Fx, Req } from '../support/matrix/types.ts';
import { MONITOR_TEMPLATES } from '../support/matrix/monitor.ts';
import { AGREEMENT_TEMPLATES } from '../support/matrix/agreements.ts';
import { IMPORT_TEMPLATES } from '../support/matrix/imports.ts';
import { moveTemplates } from '../support/matrix/moves.ts';
import { matchingTemplates } from '../support/matrix/matching.ts';
import { nuisanceTemplates } from '../support/matrix/nuisance.ts';

let ctx: TestContext;
let seq = 0;
const uniq = () => `${Date.now().toString(36)}${(seq++).toString(36)}`.toUpperCase();

async function insertOrg(parentId: string | null): Promise<string> {
  const now = ctx.clock.now();
  const r = await ctx.db
    .insertInto('organisations')
    .values({ code: `T-${uniq()}`, name: 'Testorganisatie', type: 'district', parent_id: parentId, region_id: null, municipality_code: null, contact_role_label: null, email: null, phone: null, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  ctx.server.app.scopes.invalidate();
  return r.id;
}

async function insertUser(orgId: string, role: Role = 'care_worker') {
  const now = ctx.clock.now();
  const u = await ctx.db.insertInto('users').values({ email: `t-${uniq().toLowerCase()}@test.example`, name: 'Test Persoon', password_hash: null, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
  const m = await ctx.db.insertInto('memberships').values({ user_id: u.id, organisation_id: orgId, role, starts_on: '2026-03-02', created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
  return { userId: u.id, membershipId: m.id };
}

async function insertDay(orgId: string | null) {
  const r = await ctx.db
    .insertInto('calendar_days')
    .values({ date: `2027-0${1 + (seq % 9)}-${String(10 + (seq++ % 18)).padStart(2, '0')}`, name: 'Sluitingsdag', name_en: null, kind: orgId ? 'organisation' : 'decree', organisation_id: orgId, created_by: null, created_at: ctx.clock.now() })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!r) return insertDay(orgId);
  return r.id;
}

/**
 * A case fixture for the caller: on its team, of its organisation (not on the team), of a
 * corporation the caller works for, or unrelated. The client consented to every purpose and a
 * processing agreement exists, so only the policy decides.
 */
async function insertCase(kind: CaseKind, me: Fx['me'], foreignOrg: string) {
  const now = ctx.clock.now();
  const other = await insertOrg(null);
  const careProviderId = kind === 'team' || kind === 'care_provider' ? me.orgId : other;
  const corporationId = kind === 'corporation' ? me.orgId : foreignOrg;
  const c = await ctx.db.insertInto('clients').values({
    care_provider_id: careProviderId, first_name: 'Test', last_name: `Cliënt ${uniq()}`, birth_date: '1990-01-01', phone: null, email: null, address: null,
    woningnet_number: null, woningnet_registered_on: null, old_woningnet_number: null, old_woningnet_registered_on: null, target_group: null, created_at: now, updated_at: now, erased_at: null,
  }).returning('id').executeTakeFirstOrThrow();
  const supervisor = kind === 'team' ? me.userId : (await insertUser(careProviderId)).userId;
  const t = await ctx.db.insertInto('trajectories').values({
    client_id: c.id, care_provider_id: careProviderId, corporation_id: corporationId, corporation_contact_id: null, target_group: null, variant: 'regular',
    phase: 'P1_referral', status: 'active', exit: null, started_on: '2026-01-05', dwelling_address: null, state: '{}', created_at: now, updated_at: now,
    // In the caller's municipality (Veenhaven), so Wonen relates to it; past consent (P1), so the corporation and Wonen have a purpose.
    municipality_id: (await ctx.db.selectFrom('organisations').select('id').where('code', '=', 'GEM-VEENHAVEN').executeTakeFirstOrThrow()).id,
  }).returning('id').executeTakeFirstOrThrow();
  const member = await ctx.db.insertInto('trajectory_team').values({ trajectory_id: t.id, user_id: supervisor, organisation_id: careProviderId, case_role: 'personal_supervisor', added_by: null, added_at: now }).returning('id').executeTakeFirstOrThrow();
  await ctx.db.insertInto('trajectory_events').values({ trajectory_id: t.id, seq: 1, type: 'trajectory_started', occurred_on: '2026-01-05', data: JSON.stringify({ variant: 'regular' }), corrects_event_id: null, recorded_by: supervisor, recorded_by_organisation_id: careProviderId, recorded_at: now }).execute();
  const consent = await ctx.db.insertInto('consents').values({
    client_id: c.id, purposes: ['PB-1', 'PB-2', 'PB-3', 'PB-4', 'PB-5', 'PB-6', 'PB-7', 'PB-8'], given_on: '2026-01-05',
    explained_items: JSON.stringify(['what', 'why', 'which_information', 'with_whom', 'storage_and_retention', 'rights']), explained_by: supervisor, retention: '2 jaar', recorded_at: now,
  }).returning('id').executeTakeFirstOrThrow();
  await ctx.db.insertInto('trajectory_events').values({ trajectory_id: t.id, seq: 2, type: 'consent_given', occurred_on: '2026-01-05', data: JSON.stringify({ consentId: consent.id }), corrects_event_id: null, recorded_by: supervisor, recorded_by_organisation_id: careProviderId, recorded_at: now }).execute();
  await ctx.db.insertInto('processing_agreements').values({ care_provider_id: careProviderId, corporation_id: corporationId, registered_on: '2020-01-01', ended_on: null, created_at: now }).onConflict((oc) => oc.doNothing()).execute();
  return { trajectoryId: t.id, clientId: c.id, consentId: consent.id, memberId: member.id };
}

async function insertDeletionRequest(clientId: string, requestedBy: string): Promise<string> {
  const r = await ctx.db.insertInto('deletion_requests').values({ client_id: clientId, requested_by: requestedBy, requested_at: ctx.clock.now(), reason: 'Verzoek van de cliënt', effective_on: '2026-04-01', status: 'pending' }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

const CASE_KINDS: CaseKind[] = ['team', 'care_provider', 'corporation', 'none'];

/** One request per case kind, built from a fresh fixture. */
async function perCase(f: Fx, build: (k: Awaited<ReturnType<typeof insertCase>>, kind: CaseKind) => Promise<Omit<Req, 'relation'>> | Omit<Req, 'relation'>): Promise<Req[]> {
  const out: Req[] = [];
  for (const kind of CASE_KINDS) out.push({ ...(await build(await insertCase(kind, f.me, f.foreignOrg), kind)), relation: `case:${kind}` });
  return out;
}

const COMPLETE_CONSENT = { purposes: ['PB-1', 'PB-2'], givenOn: '2026-01-05', explainedItems: ['what', 'why', 'which_information', 'with_whom', 'storage_and_retention', 'rights'], retention: 'Tot 2 jaar na einde traject' };

/** A form on a case fixture (F-2: the corporation has a copy, Wonen none), created by the caller. */
async function insertForm(k: Awaited<ReturnType<typeof insertCase>>, f: Fx, status: 'draft' | 'submitted', kind: FormKind = 'F-2') {
  const def = FORM_DEFINITIONS[kind];
  const now = ctx.clock.now();
  const form = await ctx.db.insertInto('forms').values({ trajectory_id: k.trajectoryId, kind, definition_version: def.version, status, data: '{}', version: 1, created_by: f.me.userId, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
  const hash = crypto.createHash('sha256').update(contentHashInput(def, {})).digest('hex');
  await ctx.db.insertInto('form_versions').values({ form_id: form.id, version: 1, data: '{}', content_hash: hash, saved_by: f.me.userId, saved_at: now }).execute();
  return form.id;
}

const UPLOAD_PDF = '%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n';

/** An attachment (uploaded by the caller) on a submitted form of the case fixture. */
async function insertAttachment(k: Awaited<ReturnType<typeof insertCase>>, f: Fx) {
  const formId = await insertForm(k, f, 'submitted');
  const bytes = Buffer.from(UPLOAD_PDF);
  const a = await ctx.db.insertInto('attachments').values({
    form_id: formId, filename: 'bijlage.pdf', content_type: 'application/pdf', size_bytes: bytes.length, sha256: crypto.createHash('sha256').update(bytes).digest('hex'), content: bytes, uploaded_by: f.me.userId, uploaded_at: ctx.clock.now(),
  }).returning('id').executeTakeFirstOrThrow();
  return a.id;
}

const MULTIPART = { body: `--matrix\r\nContent-Disposition: form-data; name="file"; filename="bijlage.pdf"\r\nContent-Type: application/pdf\r\n\r\n${UPLOAD_PDF}\r\n--matrix--\r\n`, headers: { 'content-type': 'multipart/form-data; boundary=matrix' } };
const SIGNATURE = { party: 'care_provider', name: 'Test Persoon', function: 'Begeleider', signedOn: '2026-03-01', method: 'own_account' };

const version = async (table: 'organisations' | 'users' | 'memberships', id: string) =>
  `"${(await ctx.db.selectFrom(table).select('version').where('id', '=', id).executeTakeFirst())?.version ?? 1}"`;

/** Request templates per route. `own` targets the caller's organisation tree, `foreign` another organisation. */
const TEMPLATES: Record<string, (f: Fx) => Promise<Req[]>> = {
  ...MONITOR_TEMPLATES,
  ...AGREEMENT_TEMPLATES,
  ...IMPORT_TEMPLATES,
  ...moveTemplates(perCase, () => ctx.db, () => ctx.clock.now()),
  ...matchingTemplates(perCase),
  ...nuisanceTemplates(perCase),
  'GET /healthz': async () => [{ method: 'GET', url: '/healthz', relation: 'none' }],
  'GET /readyz': async () => [{ method: 'GET', url: '/readyz', relation: 'none' }],
  'GET /metrics': async () => [{ method: 'GET', url: '/metrics', relation: 'none' }],
  'GET /api/v1/openapi.json': async () => [{ method: 'GET', url: '/api/v1/openapi.json', relation: 'none' }],
  'GET /api/v1/auth/config': async () => [{ method: 'GET', url: '/api/v1/auth/config', relation: 'none' }],
  'POST /api/v1/auth/login': async () => [{ method: 'POST', url: '/api/v1/auth/login', body: { email: 'niemand@test.example', password: 'x' }, relation: 'none' }],
  'POST /api/v1/auth/logout': async () => [], // exercised separately: it ends the session
  'GET /api/v1/auth/session': async () => [{ method: 'GET', url: '/api/v1/auth/session', relation: 'none' }],
  'PUT /api/v1/auth/session/active-membership': async (f) => [{ method: 'PUT', url: '/api/v1/auth/session/active-membership', body: { membershipId: f.me.membershipId }, relation: 'none' }],
  'POST /api/v1/auth/password': async () => [{ method: 'POST', url: '/api/v1/auth/password', body: { currentPassword: 'wrong-password', newPassword: 'a-new-long-password' }, relation: 'none' }],
  'GET /api/v1/organisations': async () => [{ method: 'GET', url: '/api/v1/organisations', relation: 'none' }],
  'GET /api/v1/organisations/:id': async (f) => [
    { method: 'GET', url: `/api/v1/organisations/${f.me.orgId}`, relation: 'own' },
    { method: 'GET', url: `/api/v1/organisations/${f.foreignOrg}`, relation: 'foreign' },
  ],
  'POST /api/v1/organisations': async () => [{ method: 'POST', url: '/api/v1/organisations', body: { code: `N-${uniq()}`, name: 'Nieuwe zorgaanbieder', type: 'care_provider' }, relation: 'none' }],
  'PATCH /api/v1/organisations/:id': async (f) => [
    { method: 'PATCH', url: `/api/v1/organisations/${f.me.orgId}`, body: { phone: '020 123 4567' }, headers: { 'if-match': await version('organisations', f.me.orgId) }, relation: 'own' },
    { method: 'PATCH', url: `/api/v1/organisations/${f.foreignOrg}`, body: { phone: '020 123 4567' }, headers: { 'if-match': await version('organisations', f.foreignOrg) }, relation: 'foreign' },
  ],
  'POST /api/v1/organisations/:id/deactivate': async (f) => {
    const own = await insertOrg(f.me.orgId);
    const foreign = await insertOrg(f.foreignOrg);
    return [
      { method: 'POST', url: `/api/v1/organisations/${own}/deactivate`, headers: { 'if-match': '"1"' }, relation: 'own' },
      { method: 'POST', url: `/api/v1/organisations/${foreign}/deactivate`, headers: { 'if-match': '"1"' }, relation: 'foreign' },
    ];
  },
  'GET /api/v1/regions': async () => [{ method: 'GET', url: '/api/v1/regions', relation: 'none' }],
  'POST /api/v1/regions': async () => [{ method: 'POST', url: '/api/v1/regions', body: { code: `R-${uniq()}`, name: 'Testregio' }, relation: 'none' }],
  'GET /api/v1/users': async () => [{ method: 'GET', url: '/api/v1/users', relation: 'none' }],
  'GET /api/v1/users/:id': async (f) => {
    const own = await insertUser(f.me.orgId);
    const foreign = await insertUser(f.foreignOrg);
    return [
      { method: 'GET', url: `/api/v1/users/${own.userId}`, relation: 'own' },
      { method: 'GET', url: `/api/v1/users/${foreign.userId}`, relation: 'foreign' },
      { method: 'GET', url: `/api/v1/users/${f.me.userId}`, relation: 'self' },
    ];
  },
  'POST /api/v1/users': async (f) => [
    { method: 'POST', url: '/api/v1/users', body: { email: `n-${uniq().toLowerCase()}@test.example`, name: 'Nieuw', membership: { organisationId: f.me.orgId, role: 'team_manager' } }, relation: 'own' },
    { method: 'POST', url: '/api/v1/users', body: { email: `n-${uniq().toLowerCase()}@test.example`, name: 'Nieuw', membership: { organisationId: f.foreignOrg, role: 'team_manager' } }, relation: 'foreign' },
  ],
  'PATCH /api/v1/users/:id': async (f) => {
    const own = await insertUser(f.me.orgId);
    const foreign = await insertUser(f.foreignOrg);
    return [
      { method: 'PATCH', url: `/api/v1/users/${own.userId}`, body: { name: 'Gewijzigd' }, headers: { 'if-match': '"1"' }, relation: 'own' },
      { method: 'PATCH', url: `/api/v1/users/${foreign.userId}`, body: { name: 'Gewijzigd' }, headers: { 'if-match': '"1"' }, relation: 'foreign' },
      { method: 'PATCH', url: `/api/v1/users/${f.me.userId}`, body: { locale: 'nl' }, headers: { 'if-match': await version('users', f.me.userId) }, relation: 'self' },
    ];
  },
  'POST /api/v1/users/:id/deactivate': async (f) => {
    const own = await insertUser(f.me.orgId);
    const ownSuccessor = await insertUser(f.me.orgId);
    const foreign = await insertUser(f.foreignOrg);
    const foreignSuccessor = await insertUser(f.foreignOrg);
    return [
      { method: 'POST', url: `/api/v1/users/${own.userId}/deactivate`, body: { successorUserId: ownSuccessor.userId, reason: 'Uit dienst' }, headers: { 'if-match': '"1"' }, relation: 'own' },
      { method: 'POST', url: `/api/v1/users/${foreign.userId}/deactivate`, body: { successorUserId: foreignSuccessor.userId, reason: 'Uit dienst' }, headers: { 'if-match': '"1"' }, relation: 'foreign' },
    ];
  },
  'POST /api/v1/memberships': async (f) => {
    const own = await insertUser(f.me.orgId);
    const foreign = await insertUser(f.foreignOrg);
    return [
      { method: 'POST', url: '/api/v1/memberships', body: { userId: own.userId, organisationId: f.me.orgId, role: 'team_manager' }, relation: 'own' },
      { method: 'POST', url: '/api/v1/memberships', body: { userId: foreign.userId, organisationId: f.foreignOrg, role: 'team_manager' }, relation: 'foreign' },
    ];
  },
  'POST /api/v1/memberships/:id/end': async (f) => {
    const own = await insertUser(f.me.orgId);
    const foreign = await insertUser(f.foreignOrg);
    return [
      { method: 'POST', url: `/api/v1/memberships/${own.membershipId}/end`, headers: { 'if-match': '"1"' }, relation: 'own' },
      { method: 'POST', url: `/api/v1/memberships/${foreign.membershipId}/end`, headers: { 'if-match': '"1"' }, relation: 'foreign' },
    ];
  },
  'GET /api/v1/audit': async () => [{ method: 'GET', url: '/api/v1/audit?limit=5', relation: 'none' }],
  'GET /api/v1/audit/export.csv': async () => [{ method: 'GET', url: '/api/v1/audit/export.csv?outcome=denied', relation: 'none' }],
  'GET /api/v1/audit/verify': async () => [{ method: 'GET', url: '/api/v1/audit/verify', relation: 'none' }],
  'GET /api/v1/calendar/holidays': async () => [{ method: 'GET', url: '/api/v1/calendar/holidays?year=2026', relation: 'none' }],
  'GET /api/v1/calendar/due': async () => [{ method: 'GET', url: '/api/v1/calendar/due?start=2026-04-02&amount=5&unit=working_days', relation: 'none' }],
  'GET /api/v1/calendar/days': async () => [{ method: 'GET', url: '/api/v1/calendar/days', relation: 'none' }],
  'POST /api/v1/calendar/days': async (f) => [
    { method: 'POST', url: '/api/v1/calendar/days', body: { date: `2027-12-${String(1 + (seq++ % 20)).padStart(2, '0')}`, name: 'Teamdag', organisationId: f.me.orgId }, relation: 'own' },
    { method: 'POST', url: '/api/v1/calendar/days', body: { date: `2027-11-${String(1 + (seq++ % 20)).padStart(2, '0')}`, name: 'Teamdag', organisationId: f.foreignOrg }, relation: 'foreign' },
  ],
  'POST /api/v1/clients': async () => [{ method: 'POST', url: '/api/v1/clients', body: { firstName: 'Nieuwe', lastName: 'Cliënt' }, relation: 'none' }],
  'GET /api/v1/clients': async () => [{ method: 'GET', url: '/api/v1/clients', relation: 'none' }],
  'GET /api/v1/clients/:id': async (f) => perCase(f, (k) => ({ method: 'GET', url: `/api/v1/clients/${k.clientId}` })),
  'PATCH /api/v1/clients/:id': async (f) => perCase(f, (k) => ({ method: 'PATCH', url: `/api/v1/clients/${k.clientId}`, body: { phone: '06 1111 2222' }, headers: { 'if-match': '"1"' } })),
  'POST /api/v1/trajectories': async (f) => {
    const k = await insertCase('care_provider', f.me, f.foreignOrg);
    await ctx.db.updateTable('trajectories').set({ status: 'closed' }).where('id', '=', k.trajectoryId).execute();
    return [{ method: 'POST', url: '/api/v1/trajectories', body: { clientId: k.clientId, startedOn: '2026-03-01' }, relation: 'none' }];
  },
  'GET /api/v1/trajectories/:id': async (f) => perCase(f, (k) => ({ method: 'GET', url: `/api/v1/trajectories/${k.trajectoryId}` })),
  'GET /api/v1/trajectories/:id/events': async (f) => perCase(f, (k) => ({ method: 'GET', url: `/api/v1/trajectories/${k.trajectoryId}/events` })),
  'POST /api/v1/trajectories/:id/events': async (f) => perCase(f, (k) => ({ method: 'POST', url: `/api/v1/trajectories/${k.trajectoryId}/events`, body: { type: 'consent_given', occurredOn: '2026-01-06', data: { consentId: k.consentId } }, headers: { 'if-match': '"1"' } })),
  'GET /api/v1/trajectories/:id/steps': async (f) => perCase(f, (k) => ({ method: 'GET', url: `/api/v1/trajectories/${k.trajectoryId}/steps` })),
  'GET /api/v1/trajectories/:id/deadlines': async (f) => perCase(f, (k) => ({ method: 'GET', url: `/api/v1/trajectories/${k.trajectoryId}/deadlines` })),
  'POST /api/v1/trajectories/:id/deadlines/:key/adjustments': async (f) => perCase(f, (k) => ({ method: 'POST', url: `/api/v1/trajectories/${k.trajectoryId}/deadlines/D-07/adjustments`, body: { kind: 'pause', reason: 'Opname' } })),
  'POST /api/v1/trajectories/:id/team': async (f) => perCase(f, async (k) => ({ method: 'POST', url: `/api/v1/trajectories/${k.trajectoryId}/team`, body: { userId: (await insertUser(f.me.orgId)).userId, caseRole: 'colleague' }, headers: { 'if-match': '"1"' } })),
  'DELETE /api/v1/trajectories/:id/team/:memberId': async (f) => perCase(f, (k) => ({ method: 'DELETE', url: `/api/v1/trajectories/${k.trajectoryId}/team/${k.memberId}`, headers: { 'if-match': '"1"' } })),
  'PUT /api/v1/trajectories/:id/corporation': async (f) => perCase(f, async (k) => ({ method: 'PUT', url: `/api/v1/trajectories/${k.trajectoryId}/corporation`, body: { corporationId: f.foreignOrg, contactUserId: (await insertUser(f.foreignOrg, 'corporation_contact')).userId }, headers: { 'if-match': '"1"' } })),
  'GET /api/v1/worklist': async () => [{ method: 'GET', url: '/api/v1/worklist', relation: 'none' }],
  'GET /api/v1/home': async () => [{ method: 'GET', url: '/api/v1/home', relation: 'none' }],
  'POST /api/v1/clients/:id/consents': async (f) => perCase(f, (k) => ({ method: 'POST', url: `/api/v1/clients/${k.clientId}/consents`, body: COMPLETE_CONSENT })),
  'GET /api/v1/clients/:id/consents': async (f) => perCase(f, (k) => ({ method: 'GET', url: `/api/v1/clients/${k.clientId}/consents` })),
  'POST /api/v1/consents/:id/withdraw': async (f) => perCase(f, (k) => ({ method: 'POST', url: `/api/v1/consents/${k.consentId}/withdraw`, body: {}, headers: { 'if-match': '"1"' } })),
  'GET /api/v1/trajectories/:id/forms': async (f) => perCase(f, (k) => ({ method: 'GET', url: `/api/v1/trajectories/${k.trajectoryId}/forms` })),
  'POST /api/v1/trajectories/:id/forms': async (f) => perCase(f, (k) => ({ method: 'POST', url: `/api/v1/trajectories/${k.trajectoryId}/forms`, body: { kind: 'F-2' } })),
  'GET /api/v1/forms/blank/:kind.pdf': async () => [{ method: 'GET', url: '/api/v1/forms/blank/F-1.pdf', relation: 'none' }],
  'GET /api/v1/forms/:id': async (f) => perCase(f, async (k) => ({ method: 'GET', url: `/api/v1/forms/${await insertForm(k, f, 'submitted')}` })),
  'PATCH /api/v1/forms/:id': async (f) => perCase(f, async (k) => ({ method: 'PATCH', url: `/api/v1/forms/${await insertForm(k, f, 'draft')}`, body: { data: { 'E-13': 'Goed' } }, headers: { 'if-match': '"1"' } })),
  'POST /api/v1/forms/:id/submit': async (f) => perCase(f, async (k) => ({ method: 'POST', url: `/api/v1/forms/${await insertForm(k, f, 'draft')}/submit`, body: {}, headers: { 'if-match': '"1"' } })),
  'POST /api/v1/forms/:id/signatures': async (f) => perCase(f, async (k) => ({ method: 'POST', url: `/api/v1/forms/${await insertForm(k, f, 'submitted')}/signatures`, body: SIGNATURE, headers: { 'if-match': '"1"' } })),
  'GET /api/v1/forms/:id/versions': async (f) => perCase(f, async (k) => ({ method: 'GET', url: `/api/v1/forms/${await insertForm(k, f, 'submitted')}/versions` })),
  'GET /api/v1/forms/:id/pdf': async (f) => perCase(f, async (k) => ({ method: 'GET', url: `/api/v1/forms/${await insertForm(k, f, 'submitted')}/pdf` })),
  'GET /api/v1/trajectories/:id/summary.pdf': async (f) => perCase(f, (k) => ({ method: 'GET', url: `/api/v1/trajectories/${k.trajectoryId}/summary.pdf` })),
  'POST /api/v1/forms/:id/attachments': async (f) => perCase(f, async (k) => ({ method: 'POST', url: `/api/v1/forms/${await insertForm(k, f, 'submitted')}/attachments`, ...MULTIPART })),
  'GET /api/v1/forms/:id/attachments': async (f) => perCase(f, async (k) => ({ method: 'GET', url: `/api/v1/forms/${await insertForm(k, f, 'submitted')}/attachments` })),
  'GET /api/v1/attachments/:id': async (f) => perCase(f, async (k) => ({ method: 'GET', url: `/api/v1/attachments/${await insertAttachment(k, f)}` })),
  'DELETE /api/v1/attachments/:id': async (f) => perCase(f, async (k) => ({ method: 'DELETE', url: `/api/v1/attachments/${await insertAttachment(k, f)}` })),
  'GET /api/v1/clients/:id/export': async (f) => perCase(f, (k) => ({ method: 'GET', url: `/api/v1/clients/${k.clientId}/export` })),
  'GET /api/v1/clients/:id/export.pdf': async (f) => perCase(f, (k) => ({ method: 'GET', url: `/api/v1/clients/${k.clientId}/export.pdf` })),
  'POST /api/v1/clients/:id/deletion-requests': async (f) => perCase(f, (k) => ({ method: 'POST', url: `/api/v1/clients/${k.clientId}/deletion-requests`, body: { reason: 'Verzoek van de cliënt' } })),
  'GET /api/v1/clients/:id/deletion-requests': async (f) => perCase(f, (k) => ({ method: 'GET', url: `/api/v1/clients/${k.clientId}/deletion-requests` })),
  'GET /api/v1/deletion-requests/:id': async (f) => perCase(f, async (k) => ({ method: 'GET', url: `/api/v1/deletion-requests/${await insertDeletionRequest(k.clientId, f.me.userId)}` })),
  'POST /api/v1/deletion-requests/:id/revoke': async (f) => perCase(f, async (k) => ({ method: 'POST', url: `/api/v1/deletion-requests/${await insertDeletionRequest(k.clientId, f.me.userId)}/revoke`, body: {}, headers: { 'if-match': '"1"' } })),
  'GET /api/v1/route-info': async () => [{ method: 'GET', url: '/api/v1/route-info', relation: 'none' }],
  'PUT /api/v1/route-info/:phase': async () => {
    const { rows } = await sql<{ version: number }>`SELECT version FROM route_info WHERE phase = 'P9_aftercare'`.execute(ctx.db);
    const current = rows[0]!;
    return [{
      method: 'PUT', url: '/api/v1/route-info/P9_aftercare', relation: 'none', headers: { 'if-match': `"${current.version}"` },
      body: { title: { nl: 'Zorg na omklap', en: 'Aftercare' }, body: { nl: 'Tekst van de redactie.', en: 'Text by the editors.' }, responsible: ['care_provider'] },
    }];
  },
  'GET /api/v1/trajectories/:id/contact-candidates': async (f) => perCase(f, (k) => ({ method: 'GET', url: `/api/v1/trajectories/${k.trajectoryId}/contact-candidates?kind=colleague` })),
  'DELETE /api/v1/calendar/days/:id': async (f) => [
    { method: 'DELETE', url: `/api/v1/calendar/days/${await insertDay(f.me.orgId)}`, relation: 'own' },
    { method: 'DELETE', url: `/api/v1/calendar/days/${await insertDay(f.foreignOrg)}`, relation: 'foreign' },
  ],
};

/** Resource-level expectations that differ from the route's action (decree days need the decree grant). */
function expectationFor(role: Role | 'anonymous', action: Action, req: Req): boolean {
  if (req.relation === 'none') return expectedAttempt(role, action);
  if (req.relation.startsWith('case:')) return role !== 'anonymous' && expectedOnCase(role, action, req.relation.slice(5) as CaseKind);
  return expectedAllowed(role, action, req.relation as 'own' | 'foreign' | 'self');
}

/** A refusal by authentication or the policy (not a validation or business-rule refusal). */
function isDenial(res: { statusCode: number; body: string }): boolean {
  if (res.statusCode !== 401 && res.statusCode !== 403) return false;
  const code = (JSON.parse(res.body) as { code?: string }).code;
  return code === 'forbidden' || code === 'unauthenticated' || code === 'session_expired';
}

const ROLE_USERS = DEMO_USERS.filter((u) => u.email !== 'collega@demo.thuisroute.nl');

beforeAll(async () => {
  ctx = await startTestApp();
});
afterAll(async () => ctx?.close());

function apiRoutes() {
  return ctx.server.app.routeTable.filter((r) => r.method !== 'HEAD' && !r.url.startsWith('/api/docs') && (r.url.startsWith('/api') || ['/healthz', '/readyz', '/metrics'].includes(r.url)));
}

describe('authorization matrix over HTTP', () => {
  it('every API route declares a policy action and has a request template in the matrix', () => {
    const routes = apiRoutes();
    expect(routes.length).toBeGreaterThan(25);
    const missingAction = routes.filter((r) => !r.action).map((r) => `${r.method} ${r.url}`);
    expect(missingAction).toEqual([]);
    const missingTemplate = routes.map((r) => `${r.method} ${r.url}`).filter((k) => !TEMPLATES[k]);
    expect(missingTemplate).toEqual([]);
  });

  it('anonymous callers reach only public routes', async () => {
    const anon = ctx.agent();
    const someone = (await ctx.db.selectFrom('users').select('id').where('email', '=', 'collega@demo.thuisroute.nl').executeTakeFirstOrThrow()).id;
    const me = { userId: someone, membershipId: '00000000-0000-4000-8000-000000000000', orgId: (await ctx.db.selectFrom('organisations').select('id').where('code', '=', 'ZA-HORIZON').executeTakeFirstOrThrow()).id };
    const foreignOrg = (await ctx.db.selectFrom('organisations').select('id').where('code', '=', 'WC-LINDE').executeTakeFirstOrThrow()).id;
    const wrong: string[] = [];
    for (const r of apiRoutes()) {
      for (const req of await TEMPLATES[`${r.method} ${r.url}`]!({ ctx, me, foreignOrg })) {
        const res = await anon.request(req.method, req.url, req.body, req.headers);
        const allowed = expectationFor('anonymous', r.action!, req);
        const denied = isDenial(res);
        if (allowed === denied) wrong.push(`${req.method} ${req.url}: ${res.statusCode}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  for (const u of ROLE_USERS) {
    const role = u.memberships[0]![1];
    it(`${role} (${u.email}): every route, own and foreign organisation, as the matrix says`, async () => {
      const agent: Agent = await ctx.login(u.email);
      const session = (await agent.get('/api/v1/auth/session')).json();
      const active = session.memberships.find((m: { id: string }) => m.id === session.activeMembershipId);
      const me = { userId: session.user.id, membershipId: active.id, orgId: active.organisationId };
      const foreignCode = active.organisationCode === 'WC-LINDE' ? 'ZA-BAKEN' : 'WC-LINDE';
      const foreignOrg = (await ctx.db.selectFrom('organisations').select('id').where('code', '=', foreignCode).executeTakeFirstOrThrow()).id;
      const role: Role = active.role;
      const wrong: string[] = [];
      let checked = 0;
      for (const r of apiRoutes()) {
        for (const req of await TEMPLATES[`${r.method} ${r.url}`]!({ ctx, me, foreignOrg })) {
          const res = await agent.request(req.method, req.url, req.body, req.headers);
          const allowed = expectationFor(role, r.action!, req);
          const denied = isDenial(res);
          checked++;
          if (res.statusCode >= 500) wrong.push(`${req.method} ${r.url} (${req.relation}): 5xx ${res.body}`);
          else if (allowed === denied) wrong.push(`${req.method} ${r.url} (${req.relation}): got ${res.statusCode} ${res.body.slice(0, 160)}, expected ${allowed ? 'allowed' : 'denied'}`);
          if (denied && res.statusCode === 403) expect(res.headers['content-type']).toContain('application/problem+json');
        }
      }
      expect(wrong).toEqual([]);
      expect(checked).toBeGreaterThan(40);
    });
  }

  it('logout is open to everyone with a session and ends it', async () => {
    for (const u of ROLE_USERS) {
      const agent = await ctx.login(u.email);
      expect((await agent.post('/api/v1/auth/logout')).statusCode).toBe(204);
      expect((await agent.get('/api/v1/auth/session')).statusCode).toBe(401);
    }
  });

  it('every denial by the policy is written to the audit trail with outcome denied', async () => {
    const denied = await ctx.db.selectFrom('audit_log').select(['action', 'actor_role']).where('outcome', '=', 'denied').execute();
    expect(denied.length).toBeGreaterThan(20);
    expect(new Set(denied.map((d) => d.actor_role))).toContain('care_worker');
  });
});
