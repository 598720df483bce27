/**
 * AVG rights of the client through HTTP on a real database: the subject-access export (JSON and
 * Dutch PDF, R-OR-93), deletion requests with a configurable waiting period (R-OR-92) that can
 * be revoked, and the erasure job that keeps a metadata record and removes every personal field.
 *
 * This file is one walkthrough: one client is exported, asked to be deleted, and erased, in that
 * order; the erasure tests read what the deletion request before them left (run the file, not a single test).
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestApp, userId, type Agent, type TestContext, actFor } from '../support/harness.ts';
import { executeDueDeletions, scrubEventData } from '../../src/modules/privacy/deletion.ts';
import { collectSubjectAccess, subjectAccessSections } from '../../src/modules/privacy/subject-access.ts';
import { EXAMPLE_DATA } from '../../src/domain/forms/examples.ts';

let ctx: TestContext;
let clientId: string;
let tid: string;
let formId: string;
let deletionId: string;

/** Strings that identify the client; none may survive the erasure anywhere. */
const PERSONAL = ['Ayla', 'Demir', '1990-02-14', '06 1234 5678', 'ayla.demir@example.org', 'Opvang De Haven', 'WN-778899', 'Noortje', 'Geen galerijflat', 'Vrijwilligerswerk', 'Wekelijks contact met zus', 'Ziekenhuisopname', 'paspoort-ayla', 'Lindelaan'];

const GOALS = [
  { id: 'g1', domain: 'daytime_activities', text: 'Vrijwilligerswerk bij de buurtkeuken', linkedToUrgency: true },
  { id: 'g2', domain: 'social_functioning', text: 'Wekelijks contact met zus', linkedToUrgency: false },
  { id: 'g3', domain: 'psychological_functioning', text: 'Behandeling volhouden', linkedToUrgency: true },
  { id: 'g4', domain: 'financial_functioning', text: 'Huur op tijd betalen', linkedToUrgency: true },
];

async function loginCareWorker(): Promise<Agent> {
  return actFor(await ctx.login('begeleider'), 'ZA-HORIZON');
}

async function record(agent: Agent, type: string, occurredOn: string, data: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) {
  const t = await agent.get(`/api/v1/trajectories/${tid}`);
  expect(t.statusCode, t.body).toBe(200);
  const res = await agent.post(`/api/v1/trajectories/${tid}/events`, { type, occurredOn, data, ...extra }, { 'if-match': t.headers.etag as string });
  expect(res.statusCode, `${type}: ${res.body}`).toBe(201);
  return res.json();
}

async function setWaitingDays(days: number | null) {
  await ctx.db.deleteFrom('settings').where('key', '=', 'privacy').execute();
  if (days !== null) await ctx.db.insertInto('settings').values({ key: 'privacy', value: JSON.stringify({ deletionWaitingDays: days }), updated_by: null, updated_at: ctx.clock.now() }).execute();
}

beforeAll(async () => {
  ctx = await startTestApp();
  ctx.clock.set('2026-03-02T09:00:00Z');
  const cw = await loginCareWorker();
  const c = await cw.post('/api/v1/clients', {
    firstName: 'Ayla', lastName: 'Demir', birthDate: '1990-02-14', phone: '06 1234 5678', email: 'ayla.demir@example.org', address: 'Opvang De Haven, Veenhaven',
    household: [{ kind: 'child', name: 'Noortje', birthDate: '2018-06-01' }], woningnetNumber: 'WN-778899', woningnetRegisteredOn: '2019-09-15', targetGroup: 'omslag_mobw_adult',
  }, { 'idempotency-key': 'create-ayla' });
  expect(c.statusCode, c.body).toBe(201);
  clientId = c.json().id;
  const t = await cw.post('/api/v1/trajectories', { clientId, startedOn: '2026-01-05' });
  expect(t.statusCode, t.body).toBe(201);
  tid = t.json().id;
  const consent = await cw.post(`/api/v1/clients/${clientId}/consents`, {
    purposes: ['PB-1', 'PB-2', 'PB-3'], givenOn: '2026-01-05', explainedItems: ['what', 'why', 'which_information', 'with_whom', 'storage_and_retention', 'rights'], retention: 'Tot 2 jaar na einde traject',
  });
  expect(consent.statusCode, consent.body).toBe(201);
  await record(cw, 'consent_given', '2026-01-05', { consentId: consent.json().id });
  const needs = await record(cw, 'housing_needs_recorded', '2026-01-06', { preferredNeighbourhoods: ['Oost'], excludedNeighbourhoods: ['Haven'], circumstances: 'Moeder met dochter; geen galerijflat' });
  // A correction is a new event; the export shows both.
  await record(cw, 'event_corrected', '2026-01-07', { data: { preferredNeighbourhoods: ['Oost', 'Noord'], excludedNeighbourhoods: ['Haven'], circumstances: 'Geen galerijflat, liefst begane grond' }, reason: 'Wijk Noord vergeten' }, { correctsEventId: needs.eventId });
  await record(cw, 'goals_set', '2026-01-07', { goals: GOALS });
  await record(cw, 'goal_achieved', '2026-02-02', { goalId: 'g1', achieved: true, substantiation: 'Werkt twee dagen per week' });
  await record(cw, 'fibu_agreements_made', '2026-01-12');
  const ext = await cw.post(`/api/v1/trajectories/${tid}/deadlines/D-12%231/adjustments`, { kind: 'extension', newDue: '2026-08-31', reason: 'Ziekenhuisopname van de cliënt' });
  expect(ext.statusCode, ext.body).toBe(201);

  // A signed F-1 with an attachment (the forms API is another module; the tables are shared).
  const sanne = await userId(ctx, 'begeleider');
  const now = ctx.clock.now();
  const data = { ...EXAMPLE_DATA['F-1'], 'S-01': 'Ayla Demir' };
  const hash = crypto.createHash('sha256').update(JSON.stringify(data)).digest('hex');
  const form = await ctx.db.insertInto('forms').values({ trajectory_id: tid, kind: 'F-1', definition_version: 1, status: 'final', data: JSON.stringify(data), version: 1, created_by: sanne, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
  formId = form.id;
  await ctx.db.insertInto('form_versions').values({ form_id: formId, version: 1, data: JSON.stringify(data), content_hash: hash, saved_by: sanne, saved_at: now }).execute();
  await ctx.db.insertInto('form_signatures').values([
    { form_id: formId, form_version: 1, content_hash: hash, party: 'client', name: 'Ayla Demir', function: null, signed_on: '2026-03-02', signed_by_user: sanne, method: 'on_behalf_in_person', created_at: now },
    { form_id: formId, form_version: 1, content_hash: hash, party: 'care_provider', name: 'Sanne de Vries', function: 'Persoonlijk begeleider', signed_on: '2026-03-02', signed_by_user: sanne, method: 'own_account', created_at: now },
  ]).execute();
  const content = Buffer.from('%PDF-1.4 scan van het paspoort');
  await ctx.db.insertInto('attachments').values({ form_id: formId, filename: 'paspoort-ayla-demir.pdf', content_type: 'application/pdf', size_bytes: content.length, sha256: crypto.createHash('sha256').update(content).digest('hex'), content, uploaded_by: sanne, uploaded_at: now }).execute();
});
afterAll(async () => ctx?.close());

describe('subject access (R-OR-93)', () => {
  it('R-OR-93: the subject-access export contains the client with household, consents, every event (corrections included), deadlines with history, team, forms with versions and signatures, and the audit trail', async () => {
    const cw = await loginCareWorker();
    const refused = await cw.get(`/api/v1/clients/${clientId}/export`);
    expect(refused.statusCode).toBe(403);

    const tm = await ctx.login('teammanager');
    const res = await tm.get(`/api/v1/clients/${clientId}/export`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-disposition']).toContain(`inzage-${clientId}.json`);
    const x = res.json();
    expect(x.client).toMatchObject({
      id: clientId, firstName: 'Ayla', lastName: 'Demir', birthDate: '1990-02-14', phone: '06 1234 5678', email: 'ayla.demir@example.org', woningnetNumber: 'WN-778899', erased: false,
      household: [{ kind: 'child', name: 'Noortje', birthDate: '2018-06-01' }], careProvider: { name: 'Zorggroep Horizon' },
    });
    expect(x.consents).toEqual([expect.objectContaining({ givenOn: '2026-01-05', retention: 'Tot 2 jaar na einde traject', explainedItems: expect.arrayContaining(['rights']), explainedBy: expect.objectContaining({ name: 'Sanne de Vries' }) })]);
    expect(x.trajectories).toHaveLength(1);
    const t = x.trajectories[0];
    expect(t.events.map((e: { type: string }) => e.type)).toEqual(['trajectory_started', 'consent_given', 'housing_needs_recorded', 'event_corrected', 'goals_set', 'goal_achieved', 'fibu_agreements_made']);
    const needs = t.events.find((e: { type: string }) => e.type === 'housing_needs_recorded');
    const correction = t.events.find((e: { type: string }) => e.type === 'event_corrected');
    expect(needs).toMatchObject({ superseded: true, data: { circumstances: 'Moeder met dochter; geen galerijflat' }, recordedBy: { name: 'Sanne de Vries' }, recordedByOrganisation: { name: 'Zorggroep Horizon' } });
    expect(correction).toMatchObject({ correctsEventId: needs.id, data: { reason: 'Wijk Noord vergeten' } });
    const d12 = t.deadlines.find((d: { ruleId: string }) => d.ruleId === 'D-12');
    expect(d12).toMatchObject({ due: '2026-08-31', originalDue: '2026-07-13', adjustments: [expect.objectContaining({ kind: 'extension', newDue: '2026-08-31', reason: 'Ziekenhuisopname van de cliënt' })] });
    expect(d12.history).toHaveLength(1);
    expect(t.team).toEqual([expect.objectContaining({ caseRole: 'personal_supervisor', user: expect.objectContaining({ name: 'Sanne de Vries' }), removedAt: null })]);
    expect(t.forms).toHaveLength(1);
    const f = t.forms[0];
    expect(f).toMatchObject({ id: formId, kind: 'F-1', status: 'final', title: { nl: 'Supplement Wonen en Goed Huurderschap' } });
    expect(f.versions).toEqual([expect.objectContaining({ version: 1, data: expect.objectContaining({ 'S-01': 'Ayla Demir' }) })]);
    expect(f.signatures.map((s: { party: string; name: string }) => [s.party, s.name])).toEqual([['client', 'Ayla Demir'], ['care_provider', 'Sanne de Vries']]);
    expect(f.attachments).toEqual([expect.objectContaining({ filename: 'paspoort-ayla-demir.pdf', contentType: 'application/pdf', sizeBytes: 30 })]);
    expect(f.attachments[0]).not.toHaveProperty('content');
    expect(res.body).not.toContain(Buffer.from('%PDF-1.4 scan van het paspoort').toString('base64'));
    // The audit rows about the client, its trajectory, consent and form: writes, reads and the refused export.
    const actions = x.audit.map((a: { action: string }) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['client.create', 'trajectory.create', 'consent.record', 'trajectory.record_event', 'deadline.adjust', 'trajectory.read']));
    expect(x.audit).toContainEqual(expect.objectContaining({ action: 'privacy.export', outcome: 'denied', actor: expect.objectContaining({ role: 'care_worker' }) }));
    expect(x.audit.every((a: { resourceId: string }) => [clientId, tid, formId, x.consents[0].id].includes(a.resourceId))).toBe(true);

    const row = await ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'privacy.export').where('outcome', '=', 'success').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ resource_type: 'client', resource_id: clientId, purpose: 'case_management', actor_role: 'team_manager' });
    expect(row.details).toMatchObject({ export: true, format: 'json' });
  });

  it('R-OR-93: the subject-access export is also a readable Dutch PDF, audited the same way', async () => {
    const tm = await ctx.login('teammanager');
    const res = await tm.get(`/api/v1/clients/${clientId}/export.pdf`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(`inzage-${clientId}.pdf`);
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(res.rawPayload.length).toBeGreaterThan(5_000);
    const row = await ctx.db.selectFrom('audit_log').select(['details', 'purpose']).where('action', '=', 'privacy.export').where('outcome', '=', 'success').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ purpose: 'case_management', details: { export: true, format: 'pdf' } });

    // What the PDF says, section by section (Dutch).
    const sections = subjectAccessSections(await collectSubjectAccess(ctx.db, ctx.clock, clientId));
    const heading = (h: string) => sections.find((s) => s.heading === h)!;
    expect(sections.map((s) => s.heading)).toEqual(expect.arrayContaining(['Over dit overzicht', 'Uw persoonsgegevens', 'Uw huishouden', 'Uw toestemming', 'Traject vanaf maandag 5 januari 2026', 'Wie uw gegevens heeft bekeken of gewijzigd']));
    expect(heading('Uw persoonsgegevens').rows).toEqual(expect.arrayContaining([['Voornaam', 'Ayla'], ['Geboortedatum', 'woensdag 14 februari 1990']]));
    expect(heading('Uw huishouden').rows).toEqual([['Kind', 'Noortje, geboren vrijdag 1 juni 2018']]);
    const events = heading('Traject vanaf maandag 5 januari 2026: wat er is gebeurd').rows;
    expect(events.map(([l]) => l)).toContain('3. Woonbehoeften vastgelegd (later gecorrigeerd)');
    expect(events.find(([l]) => l.startsWith('4. Correctie'))![1]).toContain('Reden: Wijk Noord vergeten');
    expect(heading('Traject vanaf maandag 5 januari 2026: termijnen').rows.find(([l]) => l.startsWith('D-12'))![1]).toContain('Verlengd op');
    expect(heading('Wie uw gegevens heeft bekeken of gewijzigd').rows.some(([, v]) => v.includes('Karim El Idrissi (teammanager, Zorggroep Horizon) — inzageoverzicht gemaakt — doel: eigen begeleiding (zorgaanbieder) — gelukt'))).toBe(true);
  });

  it('R-OR-93: only the team manager of the care provider gets the export; an unknown client is 404', async () => {
    const other = await ctx.login('onafhankelijk'); // independent reviewer of the same care provider: no privacy.export grant
    expect((await other.get(`/api/v1/clients/${clientId}/export`)).statusCode).toBe(403);
    const tm = await ctx.login('teammanager');
    expect((await tm.get(`/api/v1/clients/${crypto.randomUUID()}/export`)).statusCode).toBe(404);
  });
});

describe('deletion requests and erasure (R-OR-92)', () => {
  it('R-OR-92: a deletion request waits the configured period and can be revoked', async () => {
    await setWaitingDays(14);
    let tm = await ctx.login('teammanager');
    const cw = await loginCareWorker();
    expect((await cw.post(`/api/v1/clients/${clientId}/deletion-requests`, { reason: 'Verzoek van de cliënt' })).statusCode).toBe(403);

    const created = await tm.post(`/api/v1/clients/${clientId}/deletion-requests`, { reason: 'Verzoek van de cliënt (AVG art. 17)' });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ status: 'pending', effectiveOn: '2026-03-16', clientId, requestedBy: { name: 'Karim El Idrissi' }, version: 1 });
    expect(created.headers.etag).toBe('"1"');
    const id = created.json().id;
    const again = await tm.post(`/api/v1/clients/${clientId}/deletion-requests`, { reason: 'Nog een keer' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'deletion_pending', deletionRequestId: id });
    expect((await tm.get(`/api/v1/clients/${clientId}/deletion-requests`)).json().items).toEqual([expect.objectContaining({ id, status: 'pending' })]);

    // Not yet due: nothing happens.
    expect(await executeDueDeletions(ctx.db, ctx.clock)).toMatchObject({ due: 0, executed: 0 });
    ctx.clock.set('2026-03-15T10:00:00Z');
    expect(await executeDueDeletions(ctx.db, ctx.clock)).toMatchObject({ due: 0, executed: 0 });

    tm = await ctx.login('teammanager');
    expect((await tm.post(`/api/v1/deletion-requests/${id}/revoke`)).statusCode).toBe(428);
    expect((await tm.post(`/api/v1/deletion-requests/${id}/revoke`, {}, { 'if-match': '"7"' })).statusCode).toBe(412);
    const revoked = await tm.post(`/api/v1/deletion-requests/${id}/revoke`, {}, { 'if-match': '"1"' });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json()).toMatchObject({ status: 'revoked', revokedBy: { name: 'Karim El Idrissi' }, version: 2 });
    const twice = await tm.post(`/api/v1/deletion-requests/${id}/revoke`, {}, { 'if-match': '"2"' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('deletion_not_pending');

    // The effective date passes: a revoked request erases nothing.
    ctx.clock.set('2026-03-16T10:00:00Z');
    expect(await executeDueDeletions(ctx.db, ctx.clock)).toMatchObject({ due: 0, executed: 0 });
    expect((await ctx.db.selectFrom('clients').select(['first_name', 'erased_at']).where('id', '=', clientId).executeTakeFirstOrThrow())).toEqual({ first_name: 'Ayla', erased_at: null });

    // Without the setting the waiting period is the default of 30 days.
    await setWaitingDays(null);
    tm = await ctx.login('teammanager');
    const second = await tm.post(`/api/v1/clients/${clientId}/deletion-requests`, { reason: 'Verzoek van de cliënt (AVG art. 17)' });
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json()).toMatchObject({ status: 'pending', effectiveOn: '2026-04-15' });
    deletionId = second.json().id;
    const one = await tm.get(`/api/v1/deletion-requests/${deletionId}`);
    expect(one.statusCode).toBe(200);
    expect(one.headers.etag).toBe('"1"');

    const audit = await ctx.db.selectFrom('audit_log').select(['action', 'resource_id', 'purpose', 'details']).where('action', 'in', ['privacy.deletion_request', 'privacy.deletion_revoke']).orderBy('seq').execute();
    expect(audit.map((a) => [a.action, a.resource_id])).toEqual([['privacy.deletion_request', id], ['privacy.deletion_revoke', id], ['privacy.deletion_request', deletionId]]);
    expect(audit[0]!.details).toMatchObject({ clientId, effectiveOn: '2026-03-16', waitingDays: 14 });
  });

  it('erasure keeps a metadata record and removes every personal field', async () => {
    const before = await ctx.db.selectFrom('trajectory_events').select(['id', 'seq', 'type', 'occurred_on', 'recorded_by']).where('trajectory_id', '=', tid).orderBy('seq').execute();
    const trajectoryBefore = await ctx.db.selectFrom('trajectories').select(['phase', 'status', 'started_on', 'variant']).where('id', '=', tid).executeTakeFirstOrThrow();
    const idem = await ctx.db.selectFrom('idempotency_keys').select('key').where('key', '=', 'create-ayla').execute();
    expect(idem).toHaveLength(1);

    ctx.clock.set('2026-04-14T10:00:00Z');
    expect(await executeDueDeletions(ctx.db, ctx.clock)).toMatchObject({ due: 0, executed: 0 });
    ctx.clock.set('2026-04-15T05:00:00Z'); // 07:00 in Amsterdam
    expect(await executeDueDeletions(ctx.db, ctx.clock)).toEqual({ date: '2026-04-15', due: 1, executed: 1, failed: 0 });

    // The client: personal fields gone, the row stays (target group, care provider: metadata).
    const c = await ctx.db.selectFrom('clients').selectAll().where('id', '=', clientId).executeTakeFirstOrThrow();
    expect(c).toMatchObject({ first_name: null, last_name: null, birth_date: null, phone: null, email: null, address: null, woningnet_number: null, woningnet_registered_on: null, old_woningnet_number: null, target_group: 'omslag_mobw_adult' });
    expect(c.erased_at).not.toBeNull();
    expect(await ctx.db.selectFrom('household_members').select('id').where('client_id', '=', clientId).execute()).toEqual([]);
    const consent = await ctx.db.selectFrom('consents').selectAll().where('client_id', '=', clientId).executeTakeFirstOrThrow();
    expect(consent).toMatchObject({ purposes: ['PB-1', 'PB-2', 'PB-3'], given_on: '2026-01-05', explained_items: [], retention: 'Tot 2 jaar na einde traject' });

    // Events: the metadata record (type, dates, seq, author) stays; free text is gone.
    const after = await ctx.db.selectFrom('trajectory_events').select(['id', 'seq', 'type', 'occurred_on', 'recorded_by', 'data']).where('trajectory_id', '=', tid).orderBy('seq').execute();
    expect(after.map(({ data: _d, ...m }) => m)).toEqual(before);
    const dataOf = (type: string) => after.find((e) => e.type === type)!.data;
    expect(dataOf('housing_needs_recorded')).toEqual({ preferredNeighbourhoods: [], excludedNeighbourhoods: [] });
    expect(dataOf('event_corrected')).toEqual({ data: { preferredNeighbourhoods: [], excludedNeighbourhoods: [] } });
    expect(dataOf('goals_set')).toEqual({ goals: GOALS.map((g) => ({ id: expect.stringMatching(/^ref-[0-9a-f]{16}$/), domain: g.domain, linkedToUrgency: g.linkedToUrgency })) });
    expect((dataOf('goal_achieved') as { goalId: string }).goalId).toBe((dataOf('goals_set') as { goals: Array<{ id: string }> }).goals[0]!.id);
    expect(await ctx.db.selectFrom('trajectories').select(['phase', 'status', 'started_on', 'variant', 'dwelling_address']).where('id', '=', tid).executeTakeFirstOrThrow()).toEqual({ ...trajectoryBefore, dwelling_address: null });

    // Deadlines keep their dates; the reasons of adjustments are gone.
    const d12 = await ctx.db.selectFrom('deadlines').selectAll().where('case_kind', '=', 'trajectory').where('case_id', '=', tid).where('rule_id', '=', 'D-12').executeTakeFirstOrThrow();
    expect(d12).toMatchObject({ due_date: '2026-08-31', original_due_date: '2026-07-13' });
    expect(JSON.stringify(d12.history)).toContain('[gewist]');
    expect((await ctx.db.selectFrom('deadline_adjustments').select('reason').where('case_kind', '=', 'trajectory').where('case_id', '=', tid).execute()).map((a) => a.reason)).toEqual(['[gewist]']);

    // Forms: kind, status, dates, hashes and who signed as which party on which date stay.
    expect(await ctx.db.selectFrom('forms').select(['kind', 'status', 'data', 'version']).where('id', '=', formId).executeTakeFirstOrThrow()).toEqual({ kind: 'F-1', status: 'final', data: {}, version: 1 });
    expect((await ctx.db.selectFrom('form_versions').select(['version', 'data']).where('form_id', '=', formId).execute())).toEqual([{ version: 1, data: {} }]);
    const sigs = await ctx.db.selectFrom('form_signatures').select(['party', 'name', 'function', 'signed_on', 'method']).where('form_id', '=', formId).orderBy('created_at').orderBy('party', 'desc').execute();
    expect(sigs).toEqual([
      { party: 'client', name: '[gewist]', function: null, signed_on: '2026-03-02', method: 'on_behalf_in_person' },
      { party: 'care_provider', name: '[gewist]', function: null, signed_on: '2026-03-02', method: 'own_account' },
    ]);
    const att = await ctx.db.selectFrom('attachments').selectAll().where('form_id', '=', formId).executeTakeFirstOrThrow();
    expect(att).toMatchObject({ content: null, filename: '[gewist]', content_type: 'application/pdf', size_bytes: 30 });

    // The request is executed; the system wrote the audit row.
    expect(await ctx.db.selectFrom('deletion_requests').select(['status', 'reason', 'effective_on']).where('id', '=', deletionId).executeTakeFirstOrThrow()).toEqual({ status: 'executed', reason: '[gewist]', effective_on: '2026-04-15' });
    const erase = await ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'privacy.erase').executeTakeFirstOrThrow();
    expect(erase).toMatchObject({ actor_user_id: null, resource_type: 'client', resource_id: clientId, outcome: 'success' });
    expect(erase.details).toMatchObject({ deletionRequestIds: [deletionId], trajectories: 1, forms: 1, householdMembers: 1, idempotentResponses: 1 });

    // No personal string survives in any table that holds client data (the audit trail included).
    const { rows } = await sql<{ dump: string }>`
      SELECT concat_ws('|',
        (SELECT json_agg(x)::text FROM clients x), (SELECT json_agg(x)::text FROM household_members x), (SELECT json_agg(x)::text FROM trajectories x),
        (SELECT json_agg(x)::text FROM trajectory_events x), (SELECT json_agg(x)::text FROM deadlines x), (SELECT json_agg(x)::text FROM deadline_adjustments x),
        (SELECT json_agg(x)::text FROM consents x), (SELECT json_agg(x)::text FROM forms x), (SELECT json_agg(x)::text FROM form_versions x),
        (SELECT json_agg(x)::text FROM form_signatures x), (SELECT json_agg(x)::text FROM attachments x), (SELECT json_agg(x)::text FROM idempotency_keys x), (SELECT json_agg(x)::text FROM deletion_requests x),
        (SELECT json_agg(x)::text FROM audit_log x)) AS dump`.execute(ctx.db);
    for (const s of PERSONAL) expect(rows[0]!.dump, s).not.toContain(s);

    // Erasing again finds nothing; the events are append-only again outside an erasure.
    expect(await executeDueDeletions(ctx.db, ctx.clock)).toMatchObject({ due: 0, executed: 0 });
    await expect(sql`UPDATE trajectory_events SET data = '{}' WHERE trajectory_id = ${tid}`.execute(ctx.db)).rejects.toThrow(/append-only/);
  });

  it('erasure: every client read afterwards says erased: true and shows no personal data', async () => {
    const cw = await loginCareWorker();
    const client = await cw.get(`/api/v1/clients/${clientId}`);
    expect(client.statusCode, client.body).toBe(200);
    expect(client.json()).toMatchObject({ erased: true, firstName: null, lastName: null, birthDate: null, household: [] });
    const t = await cw.get(`/api/v1/trajectories/${tid}`);
    expect(t.statusCode, t.body).toBe(200);
    expect(t.json()).toMatchObject({ clientName: null, phase: 'P1_referral', status: 'active' });
    expect(t.json().goals.map((g: { domain: string; achieved: boolean; text?: string }) => [g.domain, g.achieved, g.text])).toEqual([
      ['daytime_activities', true, undefined], ['social_functioning', false, undefined], ['psychological_functioning', false, undefined], ['financial_functioning', false, undefined],
    ]);
    expect((await cw.get(`/api/v1/trajectories/${tid}/events`)).statusCode).toBe(200);
    const wl = (await cw.get('/api/v1/worklist?asOf=2026-08-31')).json();
    expect(wl.items.filter((i: { trajectoryId: string }) => i.trajectoryId === tid).every((i: { clientName: string | null }) => i.clientName === null)).toBe(true);

    const tm = await ctx.login('teammanager');
    const x = await tm.get(`/api/v1/clients/${clientId}/export`);
    expect(x.statusCode).toBe(200);
    expect(x.json().client).toMatchObject({ erased: true, firstName: null });
    expect(x.json().trajectories[0].events).toHaveLength(7);
    for (const s of PERSONAL) expect(x.body, s).not.toContain(s);
    expect((await tm.get(`/api/v1/clients/${clientId}/export.pdf`)).statusCode).toBe(200);
    const again = await tm.post(`/api/v1/clients/${clientId}/deletion-requests`, { reason: 'Nogmaals' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('client_erased');
  });

  it('erasure keeps the codes of event data and drops free text, per event schema', () => {
    expect(scrubEventData('offer_received', { offerId: 'LIN-2026-12', address: 'Lindelaan 12-2', availableOn: '2026-04-02', floor: 2, lift: true, facilities: 'Balkon', noiseAndDefects: 'Geen', contactName: 'Joost', recentNuisanceFile: false }))
      .toEqual({ offerId: expect.stringMatching(/^ref-/), availableOn: '2026-04-02', floor: 2, lift: true, recentNuisanceFile: false });
    expect(scrubEventData('independent_review', { verdict: 'approved', reasonCodes: ['x'], motivation: 'Doelen behaald' })).toEqual({ verdict: 'approved', reasonCodes: [] });
    expect(scrubEventData('consent_given', { consentId: '6a0e9c52-3d1e-4c1a-9d55-0d2b8f3e7c11' })).toEqual({ consentId: '6a0e9c52-3d1e-4c1a-9d55-0d2b8f3e7c11' });
    expect(scrubEventData('swap_or_move', { kind: 'move', newAddress: 'Kade 1' })).toEqual({ kind: 'move' });
    expect(scrubEventData('no_such_event', { anything: 'x' })).toEqual({});
  });
});
