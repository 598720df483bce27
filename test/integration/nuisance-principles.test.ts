/**
 * The nuisance protocol's principles and general duties through HTTP on the demo data (overlast.md
 * §7.1, §7.2, §7.7): the mutual duty to inform, the hub's first contact, the start conversation,
 * who informs whom, the hub per municipality, the entry routes of the Last Chance scheme and the
 * supplementary target groups, and the complaints on record before the lease goes to the
 * resident's own name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actFor, orgId, startTestApp, type Agent, type TestContext } from '../support/harness.ts';

let ctx: TestContext;
let cw: Agent;
let corp: Agent;
let hub: Agent;
const caseAt = async (street: string) => (await ctx.db.selectFrom('nuisance_cases').select(['id', 'trajectory_id', 'version']).where('address', 'like', `${street}%`).executeTakeFirstOrThrow());
const etag = async (a: Agent, url: string) => (await a.get(url)).headers.etag as string;
const step = async (a: Agent, id: string, type: string, data: Record<string, unknown>, on = '2026-03-02') =>
  a.post(`/api/v1/nuisance/cases/${id}/events`, { type, occurredOn: on, data }, { 'if-match': await etag(a, `/api/v1/nuisance/cases/${id}`) });

beforeAll(async () => {
  ctx = await startTestApp({ demoCases: true });
  cw = await actFor(await ctx.login('begeleider'), 'ZA-HORIZON');
  corp = await actFor(await ctx.login('corporatie'), 'WC-LINDE');
  hub = await ctx.login('mzwo');
}, 120_000);
afterAll(async () => ctx?.close());

describe('informing each other', () => {
  it('R-OV-01: the corporation signals nuisance to the care provider (its response due in 2 working days on the care provider\'s worklist) and reads how it is handled', async () => {
    const horizon = await orgId(ctx, 'ZA-HORIZON');
    const c = await caseAt('Zwanenlaan');
    const r = await corp.post('/api/v1/nuisance/reports', { channel: 'C2', nuisanceType: 'noise', description: 'Buren melden opnieuw lawaai.', reporter: { name: 'Joost Meijer', relation: 'corporation' }, about: { trajectoryId: c.trajectory_id }, caseId: c.id });
    expect(r.statusCode, r.body).toBe(201);
    const d = await ctx.db.selectFrom('deadlines').select(['due_date', 'organisation_id']).where('case_kind', '=', 'nuisance').where('case_id', '=', c.id).where('key', '=', `D-OV-03:${r.json().reportId}`).executeTakeFirstOrThrow();
    expect(d).toEqual({ due_date: '2026-03-04', organisation_id: horizon });
    expect((await step(cw, c.id, 'corporation_informed', { approach: 'Nieuw gesprek met de bewoner; wasmachine alleen overdag.' })).statusCode).toBe(201);
    const seen = (await corp.get(`/api/v1/nuisance/cases/${c.id}`)).json();
    expect(JSON.stringify(seen.events)).toContain('wasmachine alleen overdag');
  });

  it('R-OV-04 / MZ-7: a report through the hub about an address with support reaches the care provider\'s reporting point at once, with its two-day clock', async () => {
    const c = await caseAt('Turfmarkt');
    const about = { address: { postcode: '9001AA', houseNumber: 3, street: 'Turfmarkt', city: 'Veenhaven' } };
    const check = (await hub.get('/api/v1/nuisance/hub/address-check?postcode=9001AA&houseNumber=3')).json();
    expect(check).toMatchObject({ hasSupport: true, careProvider: { name: 'Zorggroep Horizon' } });
    const body = { channel: 'C4', nuisanceType: 'noise', description: 'Buurman belt het Meldpunt: opnieuw muziek.', reporter: { name: 'P. de Wit', phone: '0600000001', relation: 'neighbour' }, about };
    const proposed = await hub.post('/api/v1/nuisance/reports', body);
    expect(proposed.statusCode).toBe(409);
    expect(proposed.json().proposedCaseId).toBe(c.id);
    const r = await hub.post('/api/v1/nuisance/reports', { ...body, caseId: c.id });
    expect(r.statusCode, r.body).toBe(201);
    const incoming = (await cw.get('/api/v1/nuisance/reports/incoming')).json() as Array<{ id: string; clock: Array<{ ruleId: string; due: string }> }>;
    const mine = incoming.find((x) => x.id === r.json().reportId);
    expect(mine?.clock.find((k) => k.ruleId === 'D-OV-01')?.due).toBe('2026-03-04');
    // The hub now reads the case (reported to it through its own channel).
    expect((await hub.get(`/api/v1/nuisance/cases/${c.id}`)).statusCode).toBe(200);
  });

  it('R-OV-03: the corporation reports about a typed address in the municipality where it lets dwellings; the open case there is proposed', async () => {
    const r = await corp.get('/api/v1/nuisance/reports/related?postcode=9006FC&houseNumber=2&houseLetter=B');
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().openCase).toMatchObject({ readable: true });
  });

  it('R-OV-11 / R-OV-12: letters to the resident and informing the neighbours are the care provider\'s; the corporation is refused (403)', async () => {
    const c = await caseAt('Dagpauwoogstraat');
    const letter = await corp.post(`/api/v1/nuisance/cases/${c.id}/letters`, { kind: 'warning_letter', behaviour: 'Lawaai', agreementsNotKept: ['Geen muziek na 22.00 uur'] }, { 'if-match': await etag(corp, `/api/v1/nuisance/cases/${c.id}`) });
    expect(letter.statusCode).toBe(403);
    expect((await step(corp, c.id, 'hearing_held', { reportId: '00000000-0000-0000-0000-000000000000' })).statusCode).toBe(403);
    expect((await step(corp, c.id, 'action_step_done', { action: 4, step: 'neighbours_informed' })).statusCode).toBe(403);
    expect((await step(cw, c.id, 'action_step_done', { action: 4, step: 'neighbours_informed' })).statusCode).toBe(201);
  });

  it('R-OV-13: a time-out may be used preventively, before any escalation', async () => {
    const c = await caseAt('Zwanenlaan');
    const r = await step(cw, c.id, 'timeout_started', { place: 'Respijtvoorziening De Luwte', plannedEndOn: '2026-03-09', corporationAligned: true });
    expect(r.statusCode, r.body).toBe(201);
  });

  it('R-OV-18: the reporters see that work is done: every report gets its own approach deadline, and a J3 complainant is asked again after six weeks', async () => {
    const c = await caseAt('Zwanenlaan');
    const rows = await ctx.db.selectFrom('deadlines').select(['key', 'rule_id']).where('case_kind', '=', 'nuisance').where('case_id', '=', c.id).execute();
    expect(rows.some((d) => d.rule_id === 'D-OV-06')).toBe(true);
    const reports = await ctx.db.selectFrom('nuisance_reports').select(['id', 'channel']).where('case_id', '=', c.id).execute();
    for (const r of reports.filter((x) => x.channel !== 'C2')) expect(rows.some((d) => d.key === `D-OV-01:${r.id}`)).toBe(true);
  });

  it('R-OV-06 / R-OV-02: a letter carries the care provider\'s own reporting point (its phone and e-mail) for the resident and the neighbours', async () => {
    const horizon = await orgId(ctx, 'ZA-HORIZON');
    await ctx.db.updateTable('organisations').set({ phone: '020-1234567', email: 'meldpunt@horizon.example' }).where('id', '=', horizon).execute();
    const c = await caseAt('Zwanenlaan');
    const r = await cw.post(`/api/v1/nuisance/cases/${c.id}/letters`, { kind: 'written_feedback', behaviour: 'De wasmachine draaide in de nacht.', agreementsNotKept: ['Wasmachine alleen overdag'] }, { 'if-match': await etag(cw, `/api/v1/nuisance/cases/${c.id}`) });
    expect(r.statusCode, r.body).toBe(201);
    const l = await ctx.db.selectFrom('nuisance_letters').select('input').where('id', '=', r.json().id).executeTakeFirstOrThrow();
    expect(l.input).toMatchObject({ careProvider: { name: 'Zorggroep Horizon', reportingPointPhone: '020-1234567', reportingPointEmail: 'meldpunt@horizon.example' } });
  });
});

describe('the hub', () => {
  it('R-OV-21: each case belongs to the hub (MZWO) of its municipality', async () => {
    const hubId = await orgId(ctx, 'MZWO-VEENHAVEN');
    const rows = await ctx.db.selectFrom('nuisance_cases').select('hub_id').execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.hub_id === hubId)).toBe(true);
  });

  it('R-OV-22 / MZ-2 / MZ-4: the hub sees repeated reports about one address through several channels as one situation, and its cases by district and age', async () => {
    const ov = (await hub.get('/api/v1/nuisance/hub/overview')).json();
    const oost = ov.situations.find((s: { address: string }) => s.address.startsWith('Dagpauwoogstraat'));
    expect(oost.channels).toEqual(['C1', 'C3']);
    expect(ov.districts.find((d: { name: string }) => d.name === 'Haven')).toMatchObject({ overThreeMonths: 1 });
  });

  it('R-OV-23 / MZ-6: the hub keeps contact with the reporters (it reads their contact details) and residents may turn to it themselves', async () => {
    const c = await caseAt('Dagpauwoogstraat');
    const v = (await hub.get(`/api/v1/nuisance/cases/${c.id}`)).json();
    expect(v.reports[0].reporter).toMatchObject({ name: 'F. Yildiz', phone: '0687654321' });
    const own = await hub.post('/api/v1/nuisance/reports', { channel: 'C5', nuisanceType: 'harassment', description: 'De bewoner meldt zelf dat hij wordt gepest.', reporter: { name: null, relation: 'resident' }, about: { address: { postcode: '9003CA', houseNumber: 112 } }, caseId: c.id });
    expect(own.statusCode, own.body).toBe(201);
    expect((await hub.get(`/api/v1/nuisance/cases/${c.id}`)).json().reports.at(-1)).toMatchObject({ channel: 'C5', countsAgainstResident: false });
  });
});

describe('attention for nuisance from the start (R-OV-14…R-OV-17)', () => {
  const body = {
    heldOn: '2026-03-02', furnishingRules: true, behaviourAndConsequences: true, neighbours: false, acquaintance: 'declined',
    furnishing: { floorCovering: true, curtains: true, hardFloor: true, receiptKept: true, underlay: { mark: 'TNO', dbLin: 9, dbLw: 21 } }, highRisk: true, note: null,
  };
  let trajectoryId = '';
  beforeAll(async () => {
    const horizon = await orgId(ctx, 'ZA-HORIZON');
    trajectoryId = (await ctx.db.selectFrom('trajectories').select('id').where('care_provider_id', '=', horizon).where('status', '=', 'active').where('id', 'not in', (eb) => eb.selectFrom('nuisance_cases').select('trajectory_id').where('trajectory_id', 'is not', null)).orderBy('started_on', 'desc').executeTakeFirstOrThrow()).id;
  });

  it('R-OV-14 / R-OV-15 / R-OV-17: the start conversation says in words what is still open; declining to meet the neighbours is the resident\'s choice', async () => {
    const url = `/api/v1/trajectories/${trajectoryId}/nuisance-prevention`;
    const empty = await cw.get(url);
    expect(empty.json()).toMatchObject({ version: 0, complete: false });
    const r = await cw.put(url, body, { 'if-match': '"0"' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().open.map((o: { code: string }) => o.code)).toEqual(['neighbours', 'underlay_db_lin']);
    expect(JSON.stringify(r.json().open)).not.toContain('acquaintance');
    // A second save with the old version is a concurrent edit.
    expect((await cw.put(url, body, { 'if-match': '"0"' })).statusCode).toBe(412);
    // Impossible input is refused with its rule.
    const future = await cw.put(url, { ...body, heldOn: '2026-03-03' }, { 'if-match': '"1"' });
    expect(future.statusCode).toBe(422);
    expect(future.json()).toMatchObject({ rule: 'R-OV-14' });
    // The corporation reads it (its furnishing rules), but may not change it.
    expect((await corp.get(url)).statusCode).toBe(200);
    expect((await corp.put(url, body, { 'if-match': '"1"' })).statusCode).toBe(403);
  });

  it('R-OV-16: a nuisance case opened for a high-risk resident hears them within 2 working days (not 5)', async () => {
    const r = await cw.post('/api/v1/nuisance/reports', { channel: 'C1', nuisanceType: 'noise', description: 'Lawaai in de nacht.', reporter: { name: 'Buur', relation: 'neighbour' }, about: { trajectoryId } });
    expect(r.statusCode, r.body).toBe(201);
    const d = await ctx.db.selectFrom('deadlines').select('due_date').where('case_kind', '=', 'nuisance').where('case_id', '=', r.json().caseId).where('key', '=', `D-OV-08:${r.json().reportId}`).executeTakeFirstOrThrow();
    expect(d.due_date).toBe('2026-03-04');
  });

  it('D-OV-14 / R-OV-19 / MZ-10: before the lease goes to the resident\'s own name, the care provider finds the complaints on record about that resident', async () => {
    const list = (await cw.get(`/api/v1/nuisance/cases?status=all&trajectoryId=${trajectoryId}`)).json();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ status: 'received', firstComplaintOn: '2026-03-02' });
  });
});

describe('entry routes and target groups (R-OV-66, R-OV-67)', () => {
  it('R-OV-66: the Last Chance scheme is an entry route of a trajectory', async () => {
    const horizon = await orgId(ctx, 'ZA-HORIZON');
    const client = await ctx.db.selectFrom('clients').select('id').where('care_provider_id', '=', horizon).where('id', 'not in', (eb) => eb.selectFrom('trajectories').select('client_id').where('status', '=', 'active')).executeTakeFirst();
    const clientId = client?.id ?? (await cw.post('/api/v1/clients', { firstName: 'Lotte', lastName: 'Kansen', birthDate: '1990-01-01' })).json().id;
    const r = await cw.post('/api/v1/trajectories', { clientId, startedOn: '2026-03-02', variant: 'last_chance', municipalityId: await orgId(ctx, 'GEM-VEENHAVEN') });
    expect(r.statusCode, r.body).toBe(201);
    const t = await ctx.db.selectFrom('trajectories').select('variant').where('id', '=', r.json().id).executeTakeFirstOrThrow();
    expect(t.variant).toBe('last_chance');
  });

  it('R-OV-67: multi-problem families, the harassment approach and Last/New Chance are target groups, and a new one (top600) can be added', async () => {
    const analyst = await ctx.login('analist');
    const groups = (await analyst.get('/api/v1/target-groups')).json().items.map((g: { code: string }) => g.code);
    expect(groups).toEqual(expect.arrayContaining(['multi_problem_family', 'bullying_approach', 'last_new_chance']));
    const r = await analyst.post('/api/v1/target-groups', { code: 'top600', mainGroup: 'MG-2', label: { nl: 'Top600', en: 'Top600' } });
    expect(r.statusCode, r.body).toBe(201);
  });
});

describe('home queues', () => {
  it('D-OV-05: the hub officer\'s home page lists the case open for more than three months as overdue, in words', async () => {
    const r = await hub.get('/api/v1/home');
    expect(r.statusCode, r.body).toBe(200);
    const overdue = r.json().queues.find((q: { key: string }) => q.key === 'overdue');
    expect(overdue.items.map((i: { text: { nl: string } }) => i.text.nl)).toContain('Meldpunt: overlast binnen drie maanden verholpen (bewaken)');
    expect(JSON.stringify(r.json().queues)).not.toMatch(/"nl":"[^"]*D-OV/);
  });
});
