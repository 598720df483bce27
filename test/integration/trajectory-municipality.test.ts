/**
 * The municipality a trajectory counts for in the monitor, in a region of several municipalities
 * (R-MO-18): the demo region Veenhaven gets a second municipality, Lindeoord; another region has a
 * third, Elders. The referring municipality counts while the household waits (M-17), the dwelling's
 * municipality once there is a dwelling, and the lease becomes a delivery there (M-03).
 *
 * This file is one walkthrough: one case (Lindeoord) goes from referral to lease over its tests, in
 * order, each building on the state the previous ones left (run the file, not a single test).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actFor, orgId, startTestApp, userId, type Agent, type TestContext, etagOf } from '../support/harness.ts';

let ctx: TestContext;
let cw: Agent;
let cc: Agent;
let won: Agent;
let wonLindeoord: Agent;
let veenhaven: string;
let lindeoord: string;
let elders: string;

const GOALS = [
  { id: 'g1', domain: 'daytime_activities', text: 'Vrijwilligerswerk', linkedToUrgency: true },
  { id: 'g2', domain: 'social_functioning', text: 'Contact met familie', linkedToUrgency: false },
  { id: 'g3', domain: 'psychological_functioning', text: 'Behandeling volhouden', linkedToUrgency: true },
  { id: 'g4', domain: 'financial_functioning', text: 'Huur op tijd betalen', linkedToUrgency: true },
];

async function record(agent: Agent, tid: string, type: string, occurredOn: string, data: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const t = await agent.get(`/api/v1/trajectories/${tid}`);
  expect(t.statusCode, `${type}: read ${t.body}`).toBe(200);
  return agent.post(`/api/v1/trajectories/${tid}/events`, { type, occurredOn, data }, { 'if-match': t.headers.etag as string, ...headers });
}

async function ok(agent: Agent, tid: string, type: string, occurredOn: string, data: Record<string, unknown> = {}) {
  const res = await record(agent, tid, type, occurredOn, data);
  expect(res.statusCode, `${type}: ${res.body}`).toBe(201);
  return res.json();
}

async function newClient(lastName: string): Promise<string> {
  const c = await cw.post('/api/v1/clients', { firstName: 'Test', lastName, birthDate: '1991-03-04', targetGroup: 'omslag_mobw_adult' });
  expect(c.statusCode, c.body).toBe(201);
  return c.json().id;
}

/** Consent, referral (with what the referral carries), decision: the trajectory waits for Wonen. */
async function toUrgency(tid: string, clientId: string, referral: Record<string, unknown> = {}) {
  const consent = await cw.post(`/api/v1/clients/${clientId}/consents`, {
    purposes: ['PB-1', 'PB-2', 'PB-3', 'PB-4', 'PB-5', 'PB-6', 'PB-7'], givenOn: '2026-01-05',
    explainedItems: ['what', 'why', 'which_information', 'with_whom', 'storage_and_retention', 'rights'], retention: 'Tot 2 jaar na einde traject',
  });
  expect(consent.statusCode, consent.body).toBe(201);
  await ok(cw, tid, 'consent_given', '2026-01-05', { consentId: consent.json().id });
  await ok(cw, tid, 'housing_needs_recorded', '2026-01-06', { preferredNeighbourhoods: ['Oost'], excludedNeighbourhoods: [], circumstances: 'Alleenstaand' });
  await ok(cw, tid, 'referral_analysis_recorded', '2026-01-07', { c1PaysRent: true, c2GoodNeighbour: true, c3AcceptsSupport: true, c4GoalsMatchLifeDomains: true, c5ChildrenEnvironment: null, nuisanceRisk: 'Laag' });
  await ok(cw, tid, 'goals_set', '2026-01-07', { goals: GOALS });
  await ok(cw, tid, 'referral_submitted', '2026-01-08', referral);
  await ok(cw, tid, 'decision_issued', '2026-01-12');
}

const view = async (agent: Agent, tid: string) => (await agent.get(`/api/v1/trajectories/${tid}`)).json();
const placementOf = (tid: string) => ctx.db.selectFrom('placements').selectAll().where('trajectory_id', '=', tid).executeTakeFirst();

async function monitorRows(municipality: string, month: number) {
  const res = await (await ctx.login('analist')).get(`/api/v1/monitor?year=2026&month=${month}&municipality=${municipality}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().rows as Array<Record<string, unknown>>;
}

beforeAll(async () => {
  ctx = await startTestApp();
  ctx.clock.set('2027-08-02T09:00:00Z');
  const admin = await ctx.login('admin');
  const regions = (await admin.get('/api/v1/regions')).json().items as Array<{ id: string; code: string }>;
  const region = regions.find((r) => r.code === 'REGIO-VEENHAVEN')!.id;
  const add = await admin.post('/api/v1/organisations', { code: 'GEM-LINDEOORD', name: 'Gemeente Lindeoord', type: 'municipality', regionId: region, municipalityCode: 'GM9002' });
  expect(add.statusCode, add.body).toBe(201);
  lindeoord = add.json().id;
  const other = await admin.post('/api/v1/regions', { code: 'REGIO-ELDERS', name: 'Regio Elders' });
  expect(other.statusCode, other.body).toBe(201);
  const far = await admin.post('/api/v1/organisations', { code: 'GEM-ELDERS', name: 'Gemeente Elders', type: 'municipality', regionId: other.json().id, municipalityCode: 'GM9003' });
  expect(far.statusCode, far.body).toBe(201);
  elders = far.json().id;
  veenhaven = await orgId(ctx, 'GEM-VEENHAVEN');
  cw = await actFor(await ctx.login('begeleider'), 'ZA-HORIZON');
  cc = await ctx.login('corporatie');
  won = await ctx.login('wonen');
  // Lindeoord's own Wonen (team indicaties): a directorate under the municipality, with one officer.
  const dir = await admin.post('/api/v1/organisations', { code: 'GEM-LO-WONEN', name: 'Directie Wonen Lindeoord', type: 'municipal_directorate', parentId: lindeoord, regionId: region });
  expect(dir.statusCode, dir.body).toBe(201);
  const now = ctx.clock.now();
  const hash = (await ctx.db.selectFrom('users').select('password_hash').where('email', '=', 'wonen@demo.thuisroute.nl').executeTakeFirstOrThrow()).password_hash;
  const u = await ctx.db.insertInto('users').values({ email: 'wonen@lindeoord.example', name: 'Wonen Lindeoord', password_hash: hash, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
  await ctx.db.insertInto('memberships').values({ user_id: u.id, organisation_id: dir.json().id, role: 'wonen_officer', starts_on: '2020-01-01', created_at: now, updated_at: now }).execute();
  ctx.server.app.scopes.invalidate();
  wonLindeoord = await ctx.login('wonen@lindeoord.example');
});
afterAll(async () => ctx?.close());

describe('the municipality of a trajectory in a region of two municipalities', () => {
  let tid: string;
  let clientId: string;

  it('R-MO-18: a municipality outside the trajectory’s region is refused with 422 (Dutch and English); without one nothing is filled in', async () => {
    clientId = await newClient('Lindeoord');
    const refused = await cw.post('/api/v1/trajectories', { clientId, startedOn: '2026-01-05', municipalityId: elders });
    expect(refused.statusCode).toBe(422);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({ code: 'municipality_not_in_region', rule: 'R-MO-18', errors: [expect.objectContaining({ field: '/municipalityId' })] });
    expect(refused.json().detail).toContain('gemeente');
    const en = await cw.post('/api/v1/trajectories', { clientId, startedOn: '2026-01-05', municipalityId: elders }, { 'accept-language': 'en' });
    expect(en.statusCode).toBe(422);
    expect(en.json().detail).toContain('municipality');

    const unset = await cw.post('/api/v1/trajectories', { clientId, startedOn: '2026-01-05' });
    expect(unset.statusCode, unset.body).toBe(201);
    tid = unset.json().id;
    // Two municipalities in the region: nobody decided yet, both are offered.
    expect(unset.json()).toMatchObject({ municipality: null, referringMunicipality: null, dwellingMunicipality: null });
    expect(unset.json().municipalityOptions.map((m: { code: string }) => m.code)).toEqual(['GM9002', 'GM9001']);
  });

  it('R-MO-18: an event carrying a municipality outside the region is refused with 422; the referral records the referring municipality', async () => {
    await toUrgency(tid, clientId, { municipalityId: lindeoord });
    expect((await view(cw, tid)).referringMunicipality).toMatchObject({ id: lindeoord, code: 'GM9002' });
    const bad = await record(cw, tid, 'municipality_recorded', '2026-01-13', { municipalityId: elders });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ code: 'event_refused', rule: 'R-MO-18' });
    expect(bad.json().violations).toEqual([{ code: 'municipality_not_in_region', rule: 'R-MO-18' }]);
    expect(bad.json().errors[0].field).toBe('/data/municipalityId');
  });

  it('M-17 / R-MO-18: the waiting household counts for the referring municipality; Wonen of another municipality cannot act on it', async () => {
    // Referred to Lindeoord: Veenhaven's Wonen neither reads nor records (issue 7: Wonen is confined to its own municipality).
    expect((await won.get(`/api/v1/trajectories/${tid}`)).statusCode).toBe(403);
    await ok(wonLindeoord, tid, 'urgency_granted', '2026-01-19', { conditional: true });
    await ok(wonLindeoord, tid, 'active_mediation_started', '2026-01-20');
    const t = await view(cw, tid);
    expect(t.municipality).toMatchObject({ id: lindeoord, basis: 'referral' });
    expect(await placementOf(tid)).toMatchObject({ municipality_id: lindeoord, active_mediation_date: '2026-01-20', lease_signed_date: null });
    const waiting = (await monitorRows('GM9002', 2)).filter((r) => r.metric === 'M-17' && r.targetGroup === 'omslag_mobw_adult' && r.municipality === 'GM9002');
    expect(waiting).toEqual([expect.objectContaining({ bucket: 'lt3', value: 1 })]);
  });

  it('R-MO-18: once there is a dwelling its municipality counts; unknown, there is no placement, and the corporation records only the dwelling’s municipality', async () => {
    const assign = await cw.put(`/api/v1/trajectories/${tid}/corporation`, { corporationId: await orgId(ctx, 'WC-LINDE'), contactUserId: await userId(ctx, 'corporatie') }, { 'if-match': await etagOf(cw, `/api/v1/trajectories/${tid}`) });
    expect(assign.statusCode, assign.body).toBe(200);
    await ok(cc, tid, 'offer_received', '2026-03-30', { address: 'Lindelaan 3, Veenhaven', availableOn: '2026-04-02', floor: 1, lift: false, facilities: 'Douche', noiseAndDefects: 'Geen', contactName: 'Joost Meijer', recentNuisanceFile: false });
    await ok(cw, tid, 'offer_replied', '2026-03-31', { reply: 'accept' });
    await ok(cw, tid, 'client_informed', '2026-04-01', { choicesDiscussed: true });
    // The match without the dwelling's municipality: two in the region, so it stays unknown.
    await ok(cc, tid, 'match_final', '2026-04-10', { oldRegistrationKept: true });
    expect((await view(cw, tid)).municipality).toBeNull();
    expect(await placementOf(tid)).toBeUndefined();

    // Field-level writability (policy): the corporation does not record the referring municipality.
    const notWritable = await record(cc, tid, 'municipality_recorded', '2026-04-10', { municipalityId: veenhaven });
    expect(notWritable.statusCode).toBe(422);
    expect(notWritable.json().violations).toEqual([{ code: 'municipality_not_writable', rule: 'R-MO-18' }]);
    const outside = await record(cc, tid, 'municipality_recorded', '2026-04-10', { dwellingMunicipalityId: elders });
    expect(outside.statusCode).toBe(422);
    expect(outside.json().violations).toEqual([{ code: 'municipality_not_in_region', rule: 'R-MO-18' }]);

    await ok(cc, tid, 'municipality_recorded', '2026-04-10', { dwellingMunicipalityId: veenhaven });
    const t = await view(cw, tid);
    expect(t).toMatchObject({ municipality: { id: veenhaven, basis: 'dwelling' }, referringMunicipality: { id: lindeoord }, dwellingMunicipality: { id: veenhaven } });
    expect(await placementOf(tid)).toMatchObject({ municipality_id: veenhaven, allocated_on: '2026-04-10' });
    // The change is in the audit trail of the event write.
    const audit = await ctx.db.selectFrom('audit_log').select('details').where('action', '=', 'trajectory.record_event').where('outcome', '=', 'success').where('resource_id', '=', tid).orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ type: 'municipality_recorded', dwellingMunicipalityId: veenhaven, municipalityId: lindeoord });
  });

  it('M-03 / R-MO-18: the lease becomes a delivery for the municipality of the dwelling, not for the referring one', async () => {
    const before = (await monitorRows('GM9001', 4)).find((r) => r.metric === 'M-03' && r.period === 'month' && r.month === 4 && r.targetGroup === 'omslag_mobw_adult' && r.corporation === undefined);
    await ok(cc, tid, 'dwelling_ready', '2026-04-14');
    await ok(cc, tid, 'lease_signed', '2026-04-15', { ibriShared: true });
    expect(await placementOf(tid)).toMatchObject({ municipality_id: veenhaven, corporation_id: await orgId(ctx, 'WC-LINDE'), lease_signed_date: '2026-04-15', active_mediation_date: '2026-01-20' });
    const after = (await monitorRows('GM9001', 4)).find((r) => r.metric === 'M-03' && r.period === 'month' && r.month === 4 && r.targetGroup === 'omslag_mobw_adult' && r.corporation === undefined);
    expect(Number(after?.value ?? 0)).toBe(Number(before?.value ?? 0) + 1);
    const lindeoordDelivered = (await monitorRows('GM9002', 4)).filter((r) => r.metric === 'M-03' && r.targetGroup === 'omslag_mobw_adult' && Number(r.value) > 0);
    expect(lindeoordDelivered).toEqual([]);
  });
});

describe('what the region and Wonen decide by themselves', () => {
  it('R-MO-18: without a referring municipality, the urgency granted by Wonen records Wonen’s municipality', async () => {
    const clientId = await newClient('Wonen');
    const t = await cw.post('/api/v1/trajectories', { clientId, startedOn: '2026-01-05' });
    expect(t.statusCode, t.body).toBe(201);
    const tid = t.json().id;
    await toUrgency(tid, clientId);
    expect((await view(cw, tid)).municipality).toBeNull();
    await ok(won, tid, 'urgency_granted', '2026-01-19', { conditional: true });
    expect((await view(cw, tid)).municipality).toMatchObject({ id: veenhaven, basis: 'referral' });
  });
});
