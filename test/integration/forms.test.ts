/**
 * The three-party forms over HTTP on a real database, by the people who fill them in and sign
 * them: care worker (personal supervisor), team manager, corporation contact, independent
 * reviewer and Wonen officer, on one client's trajectory.
 *
 * This file is one walkthrough: the forms of that one trajectory are filled in, signed, changed and
 * sent over its tests, in order, each building on the versions the previous ones left.
 */
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_F1, EXAMPLE_F2, EXAMPLE_F3, EXAMPLE_F4 } from '../../src/domain/forms/examples.ts';
import { orgId, startTestApp, userId, type Agent, type TestContext, actFor, etagOf } from '../support/harness.ts';

let ctx: TestContext;
let cw: Agent;
let tm: Agent;
let cc: Agent;
let od: Agent;
let won: Agent;
let tid: string;
const forms: Record<'F-1' | 'F-2' | 'F-3' | 'F-4', string> = { 'F-1': '', 'F-2': '', 'F-3': '', 'F-4': '' };

const GOALS = [
  { id: 'g1', domain: 'daytime_activities', text: 'Vrijwilligerswerk bij de buurtkeuken', linkedToUrgency: true },
  { id: 'g2', domain: 'social_functioning', text: 'Wekelijks contact met zus', linkedToUrgency: false },
  { id: 'g3', domain: 'psychological_functioning', text: 'Behandeling volhouden', linkedToUrgency: true },
  { id: 'g4', domain: 'financial_functioning', text: 'Huur op tijd betalen', linkedToUrgency: true },
];

async function event(agent: Agent, type: string, occurredOn: string, data: Record<string, unknown> = {}) {
  const t = await agent.get(`/api/v1/trajectories/${tid}`);
  expect(t.statusCode, `${type}: read ${t.body}`).toBe(200);
  const res = await agent.post(`/api/v1/trajectories/${tid}/events`, { type, occurredOn, data }, { 'if-match': t.headers.etag as string });
  expect(res.statusCode, `${type}: ${res.body}`).toBe(201);
  return res.json();
}

async function read(agent: Agent, formId: string) {
  const res = await agent.get(`/api/v1/forms/${formId}`);
  expect(res.statusCode, res.body).toBe(200);
  return { etag: res.headers.etag as string, body: res.json() };
}

async function create(kind: keyof typeof forms) {
  const res = await cw.post(`/api/v1/trajectories/${tid}/forms`, { kind });
  expect(res.statusCode, res.body).toBe(201);
  expect(res.headers.etag).toBe('"1"');
  forms[kind] = res.json().id;
  return res.json();
}

async function save(agent: Agent, formId: string, data: Record<string, unknown>, etag?: string) {
  return agent.patch(`/api/v1/forms/${formId}`, { data }, { 'if-match': etag ?? (await read(agent, formId)).etag });
}

async function submit(formId: string) {
  return cw.post(`/api/v1/forms/${formId}/submit`, {}, { 'if-match': (await read(cw, formId)).etag });
}

const CARE = { party: 'care_provider', name: 'Sanne de Vries', function: 'Persoonlijk begeleider', method: 'own_account' };
const CLIENT = { party: 'client', name: 'Ayla Demir', method: 'on_behalf_in_person' };
const CORP = { party: 'corporation', name: 'Joost Meijer', function: 'Wijkbeheerder', method: 'own_account' };

async function sign(agent: Agent, formId: string, who: Record<string, unknown>, signedOn: string, etag?: string) {
  return agent.post(`/api/v1/forms/${formId}/signatures`, { ...who, signedOn }, { 'if-match': etag ?? (await read(agent, formId)).etag });
}

/** A multipart/form-data body with one file. */
function multipart(filename: string, type: string, bytes: Buffer) {
  const boundary = `----thuisroute${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`);
  return { payload: Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function upload(agent: Agent, formId: string, filename: string, type: string, bytes: Buffer) {
  const body = multipart(filename, type, bytes);
  const res = await ctx.server.app.inject({
    method: 'POST',
    url: `/api/v1/forms/${formId}/attachments`,
    payload: body.payload,
    headers: {
      'content-type': body.contentType,
      'accept-language': 'nl',
      'x-csrf-token': agent.csrfToken ?? '',
      cookie: [...agent.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    },
  });
  return res;
}

/** A zip with stored entries (for a minimal DOCX). */
function zip(entries: Array<[string, string]>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of entries) {
    const data = Buffer.from(text);
    const n = Buffer.from(name);
    const crc = zlib.crc32(data);
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0); lh.writeUInt16LE(20, 4); lh.writeUInt32LE(crc, 14); lh.writeUInt32LE(data.length, 18); lh.writeUInt32LE(data.length, 22); lh.writeUInt16LE(n.length, 26);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0); ch.writeUInt16LE(20, 4); ch.writeUInt16LE(20, 6); ch.writeUInt32LE(crc, 16); ch.writeUInt32LE(data.length, 20); ch.writeUInt32LE(data.length, 24); ch.writeUInt16LE(n.length, 28); ch.writeUInt32LE(offset, 42);
    locals.push(lh, n, data);
    centrals.push(ch, n);
    offset += 30 + n.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(entries.length, 8); end.writeUInt16LE(entries.length, 10); end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58), Buffer.from([0x80, 0, 0, 0]), Buffer.from('This program cannot be run in DOS mode.\r\n$'), Buffer.alloc(64)]);
const DOCX = zip([
  ['[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'],
  ['word/document.xml', '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'],
]);
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

beforeAll(async () => {
  ctx = await startTestApp();
  ctx.clock.set('2027-08-02T09:00:00Z');
  // Sanne acts for Zorggroep Horizon in this test.
  cw = await actFor(await ctx.login('begeleider'), 'ZA-HORIZON');
  tm = await ctx.login('teammanager');
  cc = await ctx.login('corporatie');
  od = await ctx.login('onafhankelijk');
  won = await ctx.login('wonen');

  const c = await cw.post('/api/v1/clients', {
    firstName: 'Ayla', lastName: 'Demir', birthDate: '1990-02-14', phone: '06 1234 5678', address: 'Opvang De Haven, Veenhaven',
    household: [{ kind: 'child', name: 'Noor', birthDate: '2018-06-01' }], woningnetNumber: 'WN-778899', woningnetRegisteredOn: '2019-09-15', targetGroup: 'omslag_mobw_adult',
  });
  expect(c.statusCode, c.body).toBe(201);
  const t = await cw.post('/api/v1/trajectories', { clientId: c.json().id, startedOn: '2026-01-05' });
  expect(t.statusCode, t.body).toBe(201);
  tid = t.json().id;
  const consent = await cw.post(`/api/v1/clients/${c.json().id}/consents`, {
    purposes: ['PB-1', 'PB-2', 'PB-3', 'PB-4', 'PB-5', 'PB-6', 'PB-7'], givenOn: '2026-01-05',
    explainedItems: ['what', 'why', 'which_information', 'with_whom', 'storage_and_retention', 'rights'], retention: 'Tot 2 jaar na einde traject',
  });
  expect(consent.statusCode, consent.body).toBe(201);
  await event(cw, 'consent_given', '2026-01-05', { consentId: consent.json().id });
  await event(cw, 'housing_needs_recorded', '2026-01-06', { preferredNeighbourhoods: ['Oost'], excludedNeighbourhoods: ['Haven'], circumstances: 'Moeder met dochter', schoolProximity: 'Dichtbij school' });
  await event(cw, 'referral_analysis_recorded', '2026-01-07', { c1PaysRent: true, c2GoodNeighbour: true, c3AcceptsSupport: true, c4GoalsMatchLifeDomains: true, c5ChildrenEnvironment: true, nuisanceRisk: 'Laag' });
  await event(cw, 'goals_set', '2026-01-07', { goals: GOALS });
  await event(cw, 'referral_submitted', '2026-01-08');
  await event(cw, 'decision_issued', '2026-01-12');
  await event(won, 'urgency_granted', '2026-01-19', { conditional: true });
  await event(won, 'active_mediation_started', '2026-01-20');
  const assign = await cw.put(`/api/v1/trajectories/${tid}/corporation`, { corporationId: await orgId(ctx, 'WC-LINDE'), contactUserId: await userId(ctx, 'corporatie') }, { 'if-match': await etagOf(cw, `/api/v1/trajectories/${tid}`) });
  expect(assign.statusCode, assign.body).toBe(200);
  await event(cc, 'offer_received', '2026-03-30', { address: 'Lindelaan 12-2, Veenhaven', availableOn: '2026-04-02', floor: 2, lift: true, facilities: 'Douche, keuken', noiseAndDefects: 'Geen', contactName: 'Joost Meijer', recentNuisanceFile: false });
  await event(cw, 'offer_replied', '2026-03-31', { reply: 'request_viewing' });
  await event(cw, 'viewing_held', '2026-04-07');
  await event(cw, 'client_informed', '2026-04-08', { choicesDiscussed: true });
  await event(cc, 'match_final', '2026-04-10', { oldRegistrationKept: true });
  await event(cc, 'dwelling_ready', '2026-04-14');
  await event(cc, 'lease_signed', '2026-04-15', { ibriShared: true });
  await event(cw, 'transfer_goals_communicated', '2026-04-15');
  await event(cw, 'key_handover', '2026-04-16', { corporationContactPresent: true });
  await event(cw, 'introduction_meeting_scheduled', '2026-05-04', { plannedOn: '2026-05-20' });
  const intro = await event(cw, 'introduction_meeting_held', '2026-05-20', { atDwelling: true, evaluationIntervalMonths: 12 });
  expect(intro.phase).toBe('P5_introduction');
});
afterAll(async () => ctx?.close());

describe('three-party forms', () => {
  it('R-OR-35: only the care provider fills in a form; the corporation cannot start or edit one', async () => {
    const res = await cc.post(`/api/v1/trajectories/${tid}/forms`, { kind: 'F-1' });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'care_provider_fills_in', rule: 'R-OR-35' });
    const list = await cw.get(`/api/v1/trajectories/${tid}/forms`);
    expect(list.json()).toMatchObject({ items: [], creatable: ['F-1', 'F-2', 'F-3', 'F-4'] });
  });

  it('R-OR-38: a supplement is final only with the signatures of client, care provider and corporation on the same version', async () => {
    const f = await create('F-1');
    // Prefilled from the trajectory: the resident, the supervisor, the corporation contact, the dates.
    expect(f.data).toMatchObject({ 'S-01': 'Ayla Demir', 'S-04': 'Sanne de Vries', 'S-07': 'Joost Meijer', 'S-10': '2026-04-15', 'S-11': '2026-05-20' });
    expect(f).toMatchObject({ status: 'draft', version: 1, copy: 'full', signatures: { requiresSignatures: true, parties: ['client', 'care_provider', 'corporation'] } });
    expect((await cw.post(`/api/v1/trajectories/${tid}/forms`, { kind: 'F-1' })).json()).toMatchObject({ code: 'form_open', formId: f.id });
    // A draft is not shared with the corporation and cannot be signed.
    expect((await cc.get(`/api/v1/trajectories/${tid}/forms`)).json().items).toEqual([]);
    expect((await cc.get(`/api/v1/forms/${f.id}`)).json()).toMatchObject({ code: 'form_not_shared' });
    expect((await sign(cw, f.id, CARE, '2026-05-20')).json().violations).toEqual(expect.arrayContaining([{ code: 'form_not_submitted', rule: 'R-OR-38' }]));

    const saved = await save(cw, f.id, EXAMPLE_F1);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.headers.etag).toBe('"2"');
    const sub = await submit(f.id);
    expect(sub.statusCode, sub.body).toBe(200);
    expect(sub.json()).toMatchObject({ status: 'submitted', version: 2 });
    const v = sub.headers.etag as string;

    // Each party signs for itself; the care worker records the client's signature on the client's behalf.
    expect((await sign(cw, f.id, CORP, '2026-05-21', v)).json()).toMatchObject({ code: 'signature_refused', violations: [{ code: 'party_not_yours', rule: 'R-OR-38' }] });
    expect((await sign(cc, f.id, CLIENT, '2026-05-21', v)).json()).toMatchObject({ code: 'signature_refused', violations: [{ code: 'party_not_yours', rule: 'R-OR-38' }] });
    expect((await sign(cw, f.id, { ...CLIENT, method: 'own_account' }, '2026-05-21', v)).json().violations).toEqual([{ code: 'method_not_allowed', rule: 'R-OR-38' }]);
    expect((await sign(cc, f.id, { ...CORP, function: null }, '2026-05-21', v)).json().violations).toEqual([{ code: 'function_required', rule: 'R-OR-38' }]);

    const s1 = await sign(cw, f.id, CARE, '2026-05-20', v);
    expect(s1.statusCode, s1.body).toBe(201);
    const s2 = await sign(cw, f.id, CLIENT, '2026-05-20', v);
    expect(s2.statusCode, s2.body).toBe(201);
    expect(s2.json()).toMatchObject({ status: 'submitted', signatures: { final: false, missing: ['corporation'] }, automaticEvent: null });
    expect((await sign(cw, f.id, CARE, '2026-05-20', v)).json().violations).toEqual([{ code: 'already_signed', rule: 'R-OR-38' }]);
    // The corporation reads the submitted supplement (its copy) and signs.
    const seen = await read(cc, f.id);
    expect(seen.body).toMatchObject({ copy: 'copy', viewer: 'corporation', purpose: 'PB-3', status: 'submitted', progress: null });
    expect(seen.body.data['S-13']).toBe(EXAMPLE_F1['S-13']);
    const s3 = await sign(cc, f.id, CORP, '2026-05-22', seen.etag);
    expect(s3.statusCode, s3.body).toBe(201);
    expect(s3.json()).toMatchObject({ status: 'final', signatures: { final: true, missing: [] }, automaticEvent: { type: 'supplement_signed', recorded: true, occurredOn: '2026-05-22' } });
    expect(s3.json().signatures.valid.map((x: { party: string }) => x.party).sort()).toEqual(['care_provider', 'client', 'corporation']);
    // The supplement_signed event is in the trajectory, in the same transaction.
    const events = (await cw.get(`/api/v1/trajectories/${tid}/events`)).json().items;
    expect(events.filter((e: { type: string }) => e.type === 'supplement_signed')).toEqual([expect.objectContaining({ occurredOn: '2026-05-22', data: { formId: f.id } })]);
    expect((await cw.get(`/api/v1/trajectories/${tid}/forms`)).json().creatable).toEqual(['F-1', 'F-2', 'F-3', 'F-4']);
  });

  it('R-OR-50: a change after signing creates a new version; old signatures no longer count', async () => {
    const id = forms['F-1'];
    const before = await ctx.db.selectFrom('form_versions').selectAll().where('form_id', '=', id).where('version', '=', 2).executeTakeFirstOrThrow();
    const { etag, body } = await read(cw, id);
    expect(body.status).toBe('final');
    // A change must keep the form complete (it is a submitted form again).
    const broken = await save(cw, id, { 'S-13': null }, etag);
    expect(broken.statusCode).toBe(422);
    expect(broken.json()).toMatchObject({ code: 'form_incomplete', fields: ['S-13'] });
    const changed = await save(cw, id, { 'S-30': { answer: 'yes', amountCents: 30000 } }, etag);
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.headers.etag).toBe('"3"');
    expect(changed.json()).toMatchObject({ status: 'submitted', version: 3, signatures: { final: false, valid: [], missing: ['client', 'care_provider', 'corporation'] } });
    expect(changed.json().signatures.stale).toHaveLength(3);
    // The signed version is unchanged; the new version has its own content hash.
    const after = await ctx.db.selectFrom('form_versions').selectAll().where('form_id', '=', id).where('version', '=', 2).executeTakeFirstOrThrow();
    expect(after).toEqual(before);
    const versions = (await cw.get(`/api/v1/forms/${id}/versions`)).json();
    expect(versions.current).toBe(3);
    expect(versions.items.map((x: { version: number }) => x.version)).toEqual([1, 2, 3]);
    expect(versions.items[1].signatures.map((x: { party: string; counts: boolean }) => [x.party, x.counts]).sort()).toEqual([['care_provider', false], ['client', false], ['corporation', false]]);
    expect(versions.items[2]).toMatchObject({ signatures: [], contentHash: changed.json().contentHash });
    expect(versions.items[2].contentHash).not.toBe(before.content_hash);
    // Saving the same content again is no new version (the signatures are not lost for nothing).
    const same = await save(cw, id, { 'S-30': { answer: 'yes', amountCents: 30000 } }, '"3"');
    expect(same.headers.etag).toBe('"3"');
  });

  it('a signature on a stale version is refused', async () => {
    const id = forms['F-1'];
    const stale = await sign(cc, id, CORP, '2026-06-01', '"2"');
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'stale_version', rule: 'R-OR-50', currentVersion: 3 });
    const future = await sign(cc, id, CORP, '2026-06-01', '"9"');
    expect(future.json()).toMatchObject({ code: 'unknown_version', currentVersion: 3 });
    const changedUnderneath = await cc.post(`/api/v1/forms/${id}/signatures`, { ...CORP, signedOn: '2026-06-01', contentHash: 'a'.repeat(64) }, { 'if-match': '"3"' });
    expect(changedUnderneath.json().violations).toEqual([{ code: 'content_mismatch', rule: 'R-OR-38' }]);
    expect(await ctx.db.selectFrom('form_signatures').select('id').where('form_id', '=', id).where('form_version', '=', 3).execute()).toEqual([]);
    // All three sign the new version: final again.
    expect((await sign(cc, id, CORP, '2026-06-01', '"3"')).statusCode).toBe(201);
    expect((await sign(cw, id, CARE, '2026-06-01', '"3"')).statusCode).toBe(201);
    const last = await sign(cw, id, { ...CLIENT, method: 'on_behalf_written' }, '2026-06-02', '"3"');
    expect(last.json()).toMatchObject({ status: 'final', version: 3, automaticEvent: { type: 'supplement_signed', recorded: true } });
  });

  it('two users editing the same form: the second gets 412 and keeps its input', async () => {
    const f = await create('F-4');
    expect(f.data['SP-CLIENT']).toBe('Ayla Demir');
    expect(f.data['SP-GOALS-DAYTIME']).toEqual([{ goalId: 'g1', text: GOALS[0]!.text, linkedToUrgency: true }]);
    const a = await read(cw, f.id);
    const b = await read(tm, f.id);
    expect(a.etag).toBe(b.etag);
    const first = await save(cw, f.id, { 'SP-DRAWN-UP': '2026-06-01' }, a.etag);
    expect(first.statusCode, first.body).toBe(200);
    const mine = { 'SP-RELAPSE-SIGNALS': 'Slecht slapen, post niet openen.' };
    const second = await save(tm, f.id, mine, b.etag);
    expect(second.statusCode).toBe(412);
    expect(second.json()).toMatchObject({ code: 'precondition_failed', currentVersion: 2, currentStatus: 'draft', updatedBy: 'Sanne de Vries' });
    expect((await read(cw, f.id)).body.data).not.toHaveProperty('SP-RELAPSE-SIGNALS');
    // The team manager reloads and saves the same input on the current version: both answers are kept.
    const again = await save(tm, f.id, mine, second.headers.etag ?? `"${second.json().currentVersion}"`);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().data).toMatchObject({ 'SP-DRAWN-UP': '2026-06-01', 'SP-RELAPSE-SIGNALS': mine['SP-RELAPSE-SIGNALS'] });
    expect((await tm.patch(`/api/v1/forms/${f.id}`, { data: mine })).statusCode).toBe(428);
    // Invalid answers are refused whole, naming the field.
    const bad = await save(cw, f.id, { 'SP-DRAWN-UP': '2026-02-30', 'SP-NOPE': 'x' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ code: 'form_invalid' });
    expect(bad.json().fields.sort()).toEqual(['$root', 'SP-DRAWN-UP']);
  });

  it('R-OR-46: the corporation never sees the support plan (F-4), its PDF or its attachments', async () => {
    const id = forms['F-4'];
    const att = await upload(cw, id, 'plan-bijlage.pdf', 'application/pdf', PDF);
    expect(att.statusCode, att.body).toBe(201);
    for (const url of [`/api/v1/forms/${id}`, `/api/v1/forms/${id}/pdf`, `/api/v1/forms/${id}/versions`, `/api/v1/forms/${id}/attachments`, `/api/v1/attachments/${att.json().id}`]) {
      const res = await cc.get(url);
      expect(res.statusCode, url).toBe(403);
      expect(res.json(), url).toMatchObject({ code: 'artefact_not_visible', rule: 'R-OR-46' });
    }
    expect((await save(cc, id, { 'SP-NETWORK': 'x' }, '"3"')).json()).toMatchObject({ code: 'artefact_not_visible', rule: 'R-OR-46' });
    expect((await upload(cc, id, 'x.pdf', 'application/pdf', PDF)).json()).toMatchObject({ code: 'artefact_not_visible' });
    expect((await cc.get(`/api/v1/trajectories/${tid}/forms`)).json().items.map((f: { kind: string }) => f.kind)).toEqual(['F-1']);
    // Wonen does not see it either (§8.3 proposal): here already because Wonen shares nothing in this phase (R-OR-86).
    const wonen = await won.get(`/api/v1/forms/${id}`);
    expect(wonen.statusCode).toBe(403);
    expect(wonen.json()).toMatchObject({ code: 'purpose_not_allowed', rule: 'R-OR-86' });
    expect(wonen.body).not.toContain('SP-');
    // Every refusal is in the audit trail.
    const denied = await ctx.db.selectFrom('audit_log').select(['action']).where('outcome', '=', 'denied').where('actor_role', '=', 'corporation_contact').execute();
    expect(denied.length).toBeGreaterThanOrEqual(5);
  });

  it('R-OR-41: a support plan signed by resident and care provider is final and records support_plan_completed', async () => {
    const id = forms['F-4'];
    const saved = await save(cw, id, EXAMPLE_F4);
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await submit(id)).json()).toMatchObject({ status: 'submitted' });
    expect((await sign(cc, id, CORP, '2026-06-05', '"1"')).json()).toMatchObject({ code: 'artefact_not_visible' });
    expect((await sign(cw, id, { ...CLIENT, method: 'on_behalf_written' }, '2026-06-05')).statusCode).toBe(201);
    const done = await sign(cw, id, CARE, '2026-06-05');
    expect(done.json()).toMatchObject({ status: 'final', automaticEvent: { type: 'support_plan_completed', recorded: true, occurredOn: '2026-06-05' } });
    const t = (await cw.get(`/api/v1/trajectories/${tid}`)).json();
    expect(t.stations.find((s: { phase: string }) => s.phase === 'P6_support_plan')).toMatchObject({ status: 'done', enteredOn: '2026-06-05' });
  });

  it('R-OR-62: an evaluation form cannot be submitted incomplete (422 names the fields)', async () => {
    await event(cw, 'housing_evaluation_held', '2027-04-20', { outcome: 'start_transfer', consentChecked: true, preConsultationHeld: true, atDwelling: true });
    for (const g of ['g1', 'g3', 'g4']) await event(cw, 'goal_achieved', '2027-04-20', { goalId: g, achieved: true });
    const f = await create('F-2');
    expect(f.data['E-30']).toHaveLength(3);
    expect((await save(cw, f.id, { 'E-13': 'Goed; ik voel me thuis.', 'E-16': 'n.v.t.' })).statusCode).toBe(200);
    const { etag } = await read(cw, f.id);
    const res = await cw.post(`/api/v1/forms/${f.id}/submit`, {}, { 'if-match': etag });
    expect(res.statusCode).toBe(422);
    const p = res.json();
    expect(p).toMatchObject({ code: 'form_incomplete', status: 422 });
    expect(p.fields).toEqual(expect.arrayContaining(['E-12', 'E-14', 'E-15', 'E-17', 'E-18', 'E-PRIV']));
    expect(p.fields).not.toContain('E-13');
    expect(p.fields).not.toContain('E-16'); // "n.v.t." is an answer
    expect(p.rules).toContain('R-OR-62');
    expect(p.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: '/data/E-14', code: 'required' })]));
    expect(p.formErrors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'E-14', rule: 'R-OR-62' })]));
    expect(p.detail).toContain('E-14');
    // Nothing was written.
    const after = await read(cw, f.id);
    expect(after.etag).toBe(etag);
    expect(after.body).toMatchObject({ status: 'draft', progress: { complete: false } });
    expect(after.body.progress.sections.find((s: { id: string }) => s.id === 'E1')).toMatchObject({ complete: false, answered: 1, required: 2 });
    // Complete: submitted.
    expect((await save(cw, f.id, EXAMPLE_F2)).statusCode).toBe(200);
    const ok = await submit(f.id);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'submitted', progress: { complete: true } });
    expect((await submit(f.id)).json()).toMatchObject({ code: 'already_submitted' });
  });

  it('R-OR-61: the corporation receives a copy of the evaluation form', async () => {
    const id = forms['F-2'];
    const list = (await cc.get(`/api/v1/trajectories/${tid}/forms`)).json();
    expect(list.items.map((f: { kind: string; copy: string }) => [f.kind, f.copy]).sort()).toEqual([['F-1', 'copy'], ['F-2', 'copy']]);
    expect(list.creatable).toEqual([]);
    const copy = await read(cc, id);
    expect(copy.body).toMatchObject({ kind: 'F-2', copy: 'copy', purpose: 'PB-5', data: { 'E-33a': EXAMPLE_F2['E-33a'] } });
    expect(copy.body.definition.sections.length).toBeGreaterThan(5);
    const pdf = await cc.get(`/api/v1/forms/${id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    // The corporation signs its copy as a party of the evaluation.
    expect((await sign(cc, id, CORP, '2027-04-21', copy.etag)).statusCode).toBe(201);
    // ... and every read of it is in the audit trail with its purpose.
    const reads = await ctx.db.selectFrom('audit_log').select(['purpose', 'resource_type']).where('action', '=', 'form.read').where('actor_role', '=', 'corporation_contact').where('outcome', '=', 'success').where('resource_id', '=', id).execute();
    expect(reads.length).toBeGreaterThanOrEqual(2);
    expect(reads.every((r) => r.purpose === 'PB-5' && r.resource_type === 'form')).toBe(true);
  });

  it('R-OR-86: the evaluation form is shared only for the evaluation or the transfer, not under another purpose the corporation may use in this phase', async () => {
    const id = forms['F-2'];
    // PB-4 (signals of nuisance) is a purpose the corporation may use in P7, but F-2 is not shared for it.
    const refused = await cc.get(`/api/v1/forms/${id}?purpose=PB-4`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'form_not_for_purpose', rule: 'R-OR-86', allowedPurposes: ['PB-5', 'PB-6'] });
    expect(refused.json().detail).toContain('Jaarlijkse woonevaluatie');
    expect((await cc.get(`/api/v1/forms/${id}/pdf?purpose=PB-4`)).statusCode).toBe(403);
    // The list under that purpose leaves the form out, like the detail (F-1 is not shared for PB-4 either).
    const list = (await cc.get(`/api/v1/trajectories/${tid}/forms?purpose=PB-4`)).json();
    expect(list.items).toEqual([]);
    // Under the transfer purpose it is shared.
    expect((await cc.get(`/api/v1/forms/${id}?purpose=PB-6`)).json()).toMatchObject({ kind: 'F-2', purpose: 'PB-6' });
  });

  it('F-3 partial copy for the corporation (V-09 aftercare)', async () => {
    const f = await create('F-3');
    expect(f.data).toMatchObject({ 'V-01': 'Ayla Demir, Lindelaan 12-2, Veenhaven', 'V-03': 'De Linde Wonen — Joost Meijer', 'V-04': '2026-04-15', 'V-05': '2027-04-20' });
    expect(f.data['V-06'].map((r: { goalId: string; achieved: string }) => [r.goalId, r.achieved])).toEqual([['g1', 'yes'], ['g3', 'yes'], ['g4', 'yes']]);
    // V-10…V-12 are never entered: they are ignored on save and filled from the recorded decisions.
    expect((await save(cw, f.id, { ...EXAMPLE_F3, 'V-12': 'Bevestigd' })).statusCode).toBe(200);
    expect((await read(cw, f.id)).body.data).not.toHaveProperty('V-12');
    expect((await submit(f.id)).json()).toMatchObject({ status: 'submitted' });
    const partial = await read(cc, f.id);
    expect(partial.body).toMatchObject({ copy: 'partial', signatures: null, contentHash: null });
    expect(Object.keys(partial.body.data).sort()).toEqual(['V-01', 'V-03', 'V-09']);
    expect(partial.body.data['V-09']).toBe(EXAMPLE_F3['V-09']);
    expect(partial.body.definition.sections.flatMap((s: { fields: Array<{ id: string }> }) => s.fields.map((x) => x.id))).toEqual(['V-01', 'V-03', 'V-09']);
    const pdf = await cc.get(`/api/v1/forms/${f.id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-disposition']).toContain('deelkopie');
    const full = await cw.get(`/api/v1/forms/${f.id}/pdf`);
    expect(pdf.rawPayload.length).toBeLessThan(full.rawPayload.length);
    // Wonen receives the nomination only once it is sent to Wonen.
    expect((await won.get(`/api/v1/forms/${f.id}`)).json()).toMatchObject({ code: 'form_not_shared', rule: 'R-OR-68' });
  });

  it('attachments are visible only where the form is', async () => {
    const onF2 = await upload(cw, forms['F-2'], 'verslag evaluatie.pdf', 'application/pdf', PDF);
    expect(onF2.statusCode, onF2.body).toBe(201);
    expect(onF2.json()).toMatchObject({ filename: 'verslag evaluatie.pdf', contentType: 'application/pdf', sizeBytes: PDF.length, uploadedBy: 'Sanne de Vries' });
    expect(onF2.json().sha256).toMatch(/^[0-9a-f]{64}$/);
    const onF3 = await upload(cw, forms['F-3'], 'bron-huuroverzicht.png', 'image/png', PNG);
    expect(onF3.statusCode, onF3.body).toBe(201);
    const docx = await upload(cw, forms['F-2'], 'afspraken.docx', 'application/octet-stream', DOCX);
    expect(docx.statusCode, docx.body).toBe(201);
    expect(docx.json().contentType).toBe(DOCX_TYPE);

    // The corporation has a copy of F-2: it lists and downloads its attachments.
    const listed = await cc.get(`/api/v1/forms/${forms['F-2']}/attachments`);
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json().items.map((a: { filename: string }) => a.filename).sort()).toEqual(['afspraken.docx', 'verslag evaluatie.pdf']);
    const dl = await cc.get(`/api/v1/attachments/${onF2.json().id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(dl.headers['content-disposition']).toBe(`attachment; filename="verslag evaluatie.pdf"; filename*=UTF-8''verslag%20evaluatie.pdf`);
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    expect(dl.rawPayload.equals(PDF)).toBe(true);
    // F-3 attachments are not part of the corporation's partial copy.
    for (const url of [`/api/v1/forms/${forms['F-3']}/attachments`, `/api/v1/attachments/${onF3.json().id}`]) {
      expect((await cc.get(url)).json(), url).toMatchObject({ code: 'attachments_not_shared' });
    }
    expect((await cw.get(`/api/v1/forms/${forms['F-3']}/attachments`)).json().items).toHaveLength(1);
    // Wonen sees neither F-2 nor (yet) F-3.
    expect((await won.get(`/api/v1/forms/${forms['F-2']}/attachments`)).json()).toMatchObject({ code: 'artefact_not_visible' });
    expect((await won.get(`/api/v1/attachments/${onF3.json().id}`)).json()).toMatchObject({ code: 'form_not_shared' });

    // Removal: the corporation cannot; a colleague who did not upload cannot; the uploader and a team manager can.
    expect((await cc.delete(`/api/v1/attachments/${docx.json().id}`)).json()).toMatchObject({ code: 'care_provider_fills_in' });
    expect((await tm.delete(`/api/v1/attachments/${docx.json().id}`)).statusCode).toBe(204);
    expect((await cw.get(`/api/v1/attachments/${docx.json().id}`)).statusCode).toBe(404);
    // A final form's attachments stay as they are.
    const f1 = await cw.get(`/api/v1/forms/${forms['F-1']}`);
    expect(f1.json().status).toBe('final');
    expect((await upload(cw, forms['F-1'], 'x.pdf', 'application/pdf', PDF)).json()).toMatchObject({ code: 'form_final' });
    const f4att = (await cw.get(`/api/v1/forms/${forms['F-4']}/attachments`)).json().items[0];
    expect((await cw.delete(`/api/v1/attachments/${f4att.id}`)).json()).toMatchObject({ code: 'form_final' });
  });

  it('an upload of a disguised type is refused (a Windows executable named .pdf)', async () => {
    const before = await ctx.db.selectFrom('attachments').select('id').execute();
    const exe = await upload(cw, forms['F-2'], 'rapport.pdf', 'application/pdf', EXE);
    expect(exe.statusCode).toBe(415);
    expect(exe.headers['content-type']).toContain('application/problem+json');
    expect(exe.json()).toMatchObject({ code: 'file_type_not_allowed', reason: 'file_type_not_allowed', detected: { ext: 'exe' } });
    // A PNG named .jpg, a PDF declared as an image, plain text: refused with the reason.
    expect((await upload(cw, forms['F-2'], 'foto.jpg', 'image/jpeg', PNG)).json()).toMatchObject({ code: 'file_extension_mismatch', detected: { ext: 'png' }, extension: 'jpg' });
    expect((await upload(cw, forms['F-2'], 'scan.pdf', 'image/png', PDF)).json()).toMatchObject({ code: 'declared_type_mismatch' });
    expect((await upload(cw, forms['F-2'], 'notitie.pdf', 'application/pdf', Buffer.from('gewoon tekst'))).json()).toMatchObject({ code: 'file_type_unrecognised' });
    expect((await upload(cw, forms['F-2'], 'leeg.pdf', 'application/pdf', Buffer.alloc(0))).json()).toMatchObject({ code: 'empty_file' });
    const notMultipart = await cw.post(`/api/v1/forms/${forms['F-2']}/attachments`, { file: 'x' });
    expect(notMultipart.statusCode).toBe(415);
    expect(await ctx.db.selectFrom('attachments').select('id').execute()).toEqual(before);
  });

  it('an upload over the size limit gets 413', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024 + 1 - PDF.length, 0x20)]);
    const res = await upload(cw, forms['F-2'], 'groot.pdf', 'application/pdf', big);
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'attachment_too_large', maxBytes: 10 * 1024 * 1024 });
    // The limit is a setting.
    await ctx.db.insertInto('settings').values({ key: 'attachments', value: JSON.stringify({ maxBytes: 1024 }), updated_by: null, updated_at: ctx.clock.now() }).execute();
    try {
      const small = await upload(cw, forms['F-2'], 'klein.png', 'image/png', Buffer.concat([PNG, Buffer.alloc(2000)]));
      expect(small.json()).toMatchObject({ code: 'attachment_too_large', maxBytes: 1024 });
      expect((await upload(cw, forms['F-2'], 'klein.png', 'image/png', PNG)).statusCode).toBe(201);
    } finally {
      await ctx.db.deleteFrom('settings').where('key', '=', 'attachments').execute();
    }
  });

  it('Wonen receives the nomination once sent; the decisions fill V-10…V-12; Wonen’s confirmation makes it final', async () => {
    const id = forms['F-3'];
    await event(cw, 'nuisance_check_done', '2027-04-22', { complaintsFound: false, transferPossibleWithoutBehaviourChange: true, checkedWith: ['nuisance_hub', 'corporation'] });
    await event(cw, 'transfer_decision_joint', '2027-05-03', { residentAgrees: true, careProviderAgrees: true, corporationAgrees: true, noUnacceptableRisks: true, aftercareNeeds: 'Buurteam en inloop' });
    await event(od, 'independent_review', '2027-05-20', { verdict: 'approved', reasonCodes: [], motivation: 'Doelen aantoonbaar behaald' });
    await event(cw, 'nomination_sent_to_wonen', '2027-06-01', { nawBankIbriShared: true });
    const seen = await read(won, id);
    expect(seen.body).toMatchObject({ viewer: 'wonen', copy: 'full', purpose: 'PB-6', status: 'submitted' });
    expect(seen.body.data['V-10']).toBe('Ineke Bos, donderdag 20 mei 2027: goedgekeurd — Doelen aantoonbaar behaald');
    expect(seen.body.data['V-11']).toBe('2027-06-01');
    expect(seen.body.data).not.toHaveProperty('V-12');
    expect((await won.get(`/api/v1/forms/${id}/attachments`)).json().items).toHaveLength(1);
    expect((await won.get(`/api/v1/forms/${id}?lang=en`)).json().data['V-10']).toContain('approved');
    // While the nomination is with Wonen it is not changed.
    expect((await save(cw, id, { 'V-09': 'Anders' })).json()).toMatchObject({ code: 'nomination_at_wonen' });
    await event(won, 'wonen_confirmed', '2027-06-04');
    const after = await read(cw, id);
    expect(after.body).toMatchObject({ status: 'final' });
    expect(after.body.data['V-12']).toBe('Bevestigd (e-mail van vrijdag 4 juni 2027)');
    expect((await save(cw, id, { 'V-09': 'Anders' })).json()).toMatchObject({ code: 'form_final' });
  });

  it('PDF of every form in Dutch', async () => {
    for (const kind of ['F-1', 'F-2', 'F-3', 'F-4'] as const) {
      const res = await cw.get(`/api/v1/forms/${forms[kind]}/pdf`);
      expect(res.statusCode, kind).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(res.rawPayload.toString('latin1')).toContain('/Lang (nl-NL)');
      const blank = await ctx.agent().get(`/api/v1/forms/blank/${kind}.pdf`);
      expect(blank.statusCode, `blank ${kind}`).toBe(200);
      expect(blank.headers['content-type']).toBe('application/pdf');
      expect(blank.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
    const en = await cw.get(`/api/v1/forms/${forms['F-1']}/pdf?lang=en`);
    expect(en.rawPayload.toString('latin1')).toContain('/Lang (en-GB)');
    for (const agent of [cw, cc, won]) {
      const summary = await agent.get(`/api/v1/trajectories/${tid}/summary.pdf`);
      expect(summary.statusCode, summary.body.slice(0, 200)).toBe(200);
      expect(summary.headers['content-type']).toBe('application/pdf');
      expect(summary.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
    expect((await ctx.agent().get(`/api/v1/trajectories/${tid}/summary.pdf`)).statusCode).toBe(401);
    expect((await ctx.agent().get('/api/v1/forms/blank/F-9.pdf')).statusCode).toBe(400);
  });

  it('every write is audited in its transaction and every read of a form with its purpose', async () => {
    const rows = await ctx.db.selectFrom('audit_log').select(['action', 'purpose', 'actor_role', 'outcome', 'resource_type']).where('outcome', '=', 'success').execute();
    const actions = new Set(rows.map((r) => r.action));
    for (const a of ['form.create', 'form.save', 'form.submit', 'form.sign', 'attachment.upload', 'attachment.delete', 'form.read', 'trajectory.read']) expect(actions, a).toContain(a);
    const formReads = rows.filter((r) => r.action === 'form.read');
    expect(formReads.every((r) => r.purpose !== null)).toBe(true);
    expect(formReads.filter((r) => r.actor_role === 'corporation_contact').every((r) => r.purpose?.startsWith('PB-'))).toBe(true);
    expect(formReads.filter((r) => r.actor_role === 'care_worker').every((r) => r.purpose === 'case_management')).toBe(true);
    const verify = await (await ctx.login('admin')).get('/api/v1/audit/verify');
    expect(verify.json()).toMatchObject({ ok: true });
  });
});

describe('malformed uploads', () => {
  it('a malformed multipart body, a body without a file, or two files are refused with a 4xx and store nothing', async () => {
    const before = await ctx.db.selectFrom('attachments').select('id').execute();
    const raw = async (contentType: string, payload: string | Buffer) =>
      ctx.server.app.inject({
        method: 'POST', url: `/api/v1/forms/${forms['F-2']}/attachments`, payload,
        headers: { 'content-type': contentType, 'x-csrf-token': cw.csrfToken ?? '', cookie: [...cw.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
      });
    const garbage = await raw('multipart/form-data; boundary=x', 'dit is geen multipart');
    expect([400, 415, 422]).toContain(garbage.statusCode);
    expect(garbage.headers['content-type']).toContain('application/problem+json');
    const truncated = await raw('multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4');
    expect(truncated.statusCode).toBeGreaterThanOrEqual(400);
    expect(truncated.statusCode).toBeLessThan(500);
    const noFile = await raw('multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="note"\r\n\r\nhallo\r\n--x--\r\n');
    expect(noFile.json()).toMatchObject({ code: 'file_missing' });
    const part = (n: string) => `--x\r\nContent-Disposition: form-data; name="file"; filename="${n}"\r\nContent-Type: application/pdf\r\n\r\n${PDF.toString('latin1')}\r\n`;
    const two = await raw('multipart/form-data; boundary=x', `${part('a.pdf')}${part('b.pdf')}--x--\r\n`);
    expect(two.statusCode, two.body).toBe(413);
    expect(two.json()).toMatchObject({ code: 'too_many_files' });
    expect(await ctx.db.selectFrom('attachments').select('id').execute()).toEqual(before);
  });
});
