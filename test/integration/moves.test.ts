/**
 * Swaps and moves on a mismatch over HTTP (young-adults-and-moves.md Part B, issue 10 item 7):
 * each test houses its own client (key handover on 2026-04-16) and runs a swap or move through the
 * eight steps as the people who take them: the care worker, the independent reviewer, the
 * corporation and Wonen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actFor, etagOf, orgId, startTestApp, userId, type Agent, type TestContext } from '../support/harness.ts';
import { ALL_EXPLAINED, GOALS } from '../support/case-builder.ts';

let ctx: TestContext;
let cw: Agent;
let cc: Agent;
let won: Agent;
let rev: Agent;

beforeAll(async () => {
  ctx = await startTestApp();
  ctx.clock.set('2026-06-01T09:00:00Z');
  cw = await actFor(await ctx.login('begeleider'), 'ZA-HORIZON');
  cc = await ctx.login('corporatie');
  won = await ctx.login('wonen');
  rev = await ctx.login('onafhankelijk');
});
afterAll(async () => ctx?.close());

async function event(agent: Agent, tid: string, type: string, occurredOn: string, data: Record<string, unknown> = {}) {
  const res = await agent.post(`/api/v1/trajectories/${tid}/events`, { type, occurredOn, data }, { 'if-match': await etagOf(agent, `/api/v1/trajectories/${tid}`) });
  expect(res.statusCode, `${type}: ${res.body}`).toBe(201);
  return res.json();
}

let n = 0;
/** A client housed by De Linde Wonen on 2026-04-16 (P4, a living phase). */
async function housedCase(): Promise<string> {
  n++;
  const c = await cw.post('/api/v1/clients', {
    firstName: 'Ruil', lastName: `Bewoner ${n}`, birthDate: '1985-02-14', phone: '06 1234 5678', address: 'Opvang De Haven, Veenhaven',
    woningnetNumber: `WN-MV${n}`, woningnetRegisteredOn: '2019-09-15', targetGroup: 'omslag_mobw_adult',
  });
  expect(c.statusCode, c.body).toBe(201);
  const t = await cw.post('/api/v1/trajectories', { clientId: c.json().id, startedOn: '2026-01-05' });
  expect(t.statusCode, t.body).toBe(201);
  const tid = t.json().id as string;
  const consent = await cw.post(`/api/v1/clients/${c.json().id}/consents`, {
    purposes: ['PB-1', 'PB-2', 'PB-3', 'PB-4', 'PB-5', 'PB-6', 'PB-7'], givenOn: '2026-01-05', explainedItems: ALL_EXPLAINED, retention: 'Tot 2 jaar na einde traject',
  });
  expect(consent.statusCode, consent.body).toBe(201);
  await event(cw, tid, 'consent_given', '2026-01-05', { consentId: consent.json().id });
  await event(cw, tid, 'housing_needs_recorded', '2026-01-06', { preferredNeighbourhoods: ['Oost'], excludedNeighbourhoods: [], circumstances: 'Alleenstaand', schoolProximity: 'n.v.t.' });
  await event(cw, tid, 'referral_analysis_recorded', '2026-01-07', { c1PaysRent: true, c2GoodNeighbour: true, c3AcceptsSupport: true, c4GoalsMatchLifeDomains: true, c5ChildrenEnvironment: true, nuisanceRisk: 'Laag' });
  await event(cw, tid, 'goals_set', '2026-01-07', { goals: GOALS });
  await event(cw, tid, 'referral_submitted', '2026-01-08');
  await event(cw, tid, 'decision_issued', '2026-01-12');
  await event(won, tid, 'urgency_granted', '2026-01-19', { conditional: true });
  await event(won, tid, 'active_mediation_started', '2026-01-20');
  const assign = await cw.put(`/api/v1/trajectories/${tid}/corporation`, { corporationId: await orgId(ctx, 'WC-LINDE'), contactUserId: await userId(ctx, 'corporatie') }, { 'if-match': await etagOf(cw, `/api/v1/trajectories/${tid}`) });
  expect(assign.statusCode, assign.body).toBe(200);
  await event(cc, tid, 'offer_received', '2026-03-30', { address: 'Lindelaan 14-1, Veenhaven', availableOn: '2026-04-02', floor: 1, lift: true, facilities: 'Douche, keuken', noiseAndDefects: 'Geen', contactName: 'Joost Meijer', recentNuisanceFile: false });
  await event(cw, tid, 'offer_replied', '2026-03-31', { reply: 'request_viewing' });
  await event(cw, tid, 'viewing_held', '2026-04-07');
  await event(cw, tid, 'client_informed', '2026-04-08', { choicesDiscussed: true });
  await event(cc, tid, 'match_final', '2026-04-10', { oldRegistrationKept: true });
  await event(cc, tid, 'dwelling_ready', '2026-04-14');
  await event(cc, tid, 'lease_signed', '2026-04-15', { ibriShared: true });
  await event(cw, tid, 'transfer_goals_communicated', '2026-04-15');
  await event(cw, tid, 'key_handover', '2026-04-16', { corporationContactPresent: true });
  return tid;
}

async function start(body: Record<string, unknown>) {
  const res = await cw.post('/api/v1/moves', { occurredOn: '2026-05-04', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number; decision: { outcome: string } };
}

/** Records a step with the move's current ETag; returns the response (the caller checks the status). */
async function step(agent: Agent, id: string, type: string, occurredOn: string, data: Record<string, unknown> = {}) {
  const etag = await etagOf(cw, `/api/v1/moves/${id}`);
  return agent.post(`/api/v1/moves/${id}/events`, { type, occurredOn, data }, { 'if-match': etag });
}

async function ok(agent: Agent, id: string, type: string, occurredOn: string, data: Record<string, unknown> = {}) {
  const res = await step(agent, id, type, occurredOn, data);
  expect(res.statusCode, `${type}: ${res.body}`).toBe(201);
  return res.json();
}

/** Steps 2 and 3: the care provider's substantiation and the independent review. */
async function prepare(id: string) {
  await ok(cw, id, 'substantiation_recorded', '2026-05-05', { summary: 'Ondersteuning in deze woning lukt niet; zie het verslag van de begeleider.' });
  await ok(rev, id, 'independent_review_done', '2026-05-06');
}

const moveEvents = async (id: string) => Number((await ctx.db.selectFrom('move_events').select((eb) => eb.fn.countAll<string>().as('n')).where('move_id', '=', id).executeTakeFirstOrThrow()).n);

describe('swaps', () => {
  it('R-MV-03 R-MV-05 R-MV-15…R-MV-20 R-MO-30: a similar swap is permitted, recorded step by step, and counted apart as a swap', async () => {
    const tid = await housedCase();
    const m = await start({ trajectoryId: tid, kind: 'swap', currentArea: 45, targetArea: 47, similar: true, facts: { bothConsent: true, bothSuitable: true } });
    // The corporation has not agreed yet (R-MV-02): not permitted, in words.
    const before = await cw.get(`/api/v1/moves/${m.id}/decision`);
    expect(before.json()).toMatchObject({ outcome: 'NOT_PERMITTED', wonenApprovalNeeded: false });
    await ok(cc, m.id, 'facts_recorded', '2026-05-04', { corporationAgrees: true });
    const d = (await cw.get(`/api/v1/moves/${m.id}/decision`)).json();
    expect(d).toMatchObject({ outcome: 'PERMITTED', wonenApprovalNeeded: false, route: { woningnetCode: 'woningruil', activeMediation: false, monitorMoveReason: 'swap' } });
    expect(d.reasons[0].nl).toMatch(/gelijksoortig/);
    expect(d.signals.map((x: { rule: string }) => x.rule)).toEqual(['D-MV-01']);
    await prepare(m.id);
    await ok(cw, m.id, 'submitted_to_wonen', '2026-05-07');
    await ok(cc, m.id, 'extra_evaluation_recorded', '2026-05-08');
    await ok(cw, m.id, 'furnishing_recorded', '2026-05-09', { loanApplied: true });
    await ok(cc, m.id, 'registered', '2026-05-11', { woningnetCode: 'woningruil' });
    const done = await ok(cw, m.id, 'completed', '2026-05-15', { newAddress: 'Ruilstraat 3, Veenhaven' });
    expect(done.status).toBe('completed');
    // The trajectory's own write path recorded the swap; the monitor counts the new dwelling as a swap.
    const t = (await cw.get(`/api/v1/trajectories/${tid}/events`)).json();
    const sm = t.items.find((e: { type: string }) => e.type === 'swap_or_move');
    expect(sm).toMatchObject({ occurredOn: '2026-05-15' });
    const placements = await ctx.db.selectFrom('placements').select(['placement_id', 'move_reason', 'lease_signed_date', 'trajectory_id']).where('placement_id', 'like', `traject-${tid}%`).orderBy('placement_id').execute();
    expect(placements.map((p) => [p.move_reason, p.lease_signed_date])).toEqual([['regular', '2026-04-15'], ['swap', '2026-05-15']]);
    // D-MV-02: the introduction meeting after the move (D-07/D-08 from the completion), met when held.
    const deadlines = await ctx.db.selectFrom('deadlines').select(['key', 'rule_id', 'due_date', 'met_on', 'municipality_id']).where('case_kind', '=', 'move').where('case_id', '=', m.id).orderBy('key').execute();
    expect(deadlines.map((x) => [x.key, x.rule_id, x.due_date, x.met_on])).toEqual([['D-MV-02#D-07', 'D-07', '2026-06-26', null], ['D-MV-02#D-08', 'D-08', '2026-08-17', null]]);
    expect(deadlines[0]!.municipality_id).not.toBeNull();
    await ok(cw, m.id, 'introduction_meeting_held', '2026-05-28');
    const after = (await cw.get(`/api/v1/moves/${m.id}`)).json();
    expect(after.deadlines.map((x: { status: string }) => x.status)).toEqual(['met', 'met']);
    // Every write is audited.
    const audit = await ctx.db.selectFrom('audit_log').select(['action', 'outcome']).where('resource_id', '=', m.id).execute();
    expect(audit.filter((a) => a.action === 'move.create')).toHaveLength(1);
    expect(audit.filter((a) => a.action === 'move.record_event' && a.outcome === 'success').length).toBeGreaterThanOrEqual(9);
  });

  it('R-MV-03 AMB-MV-01: a swap to 70 m² without Wonen’s approval is refused (422, nothing written); Wonen sees it in its queue; with approval it goes ahead', async () => {
    const tid = await housedCase();
    const m = await start({ trajectoryId: tid, kind: 'swap', currentArea: 50, targetArea: 70, similar: false, facts: { bothConsent: true, bothSuitable: true } });
    await ok(cc, m.id, 'facts_recorded', '2026-05-04', { corporationAgrees: true });
    await prepare(m.id);
    // Wonen sees a move only once it is submitted.
    expect((await won.get('/api/v1/moves?awaitingWonen=true')).json().items.map((x: { id: string }) => x.id)).not.toContain(m.id);
    expect((await won.get(`/api/v1/moves/${m.id}`)).statusCode).toBe(403);
    await ok(cw, m.id, 'submitted_to_wonen', '2026-05-07');
    expect((await won.get('/api/v1/moves?awaitingWonen=true')).json().items.map((x: { id: string }) => x.id)).toContain(m.id);
    const events = await moveEvents(m.id);
    const version = (await cw.get(`/api/v1/moves/${m.id}`)).json().version;
    const refused = await step(cc, m.id, 'extra_evaluation_recorded', '2026-05-08');
    expect(refused.statusCode, refused.body).toBe(422);
    const p = refused.json();
    expect(p.rule).toBe('R-MV-03');
    expect(p.violations).toEqual([{ code: 'wonen_approval_missing', rule: 'R-MV-03' }]);
    expect(p.errors[0].messageNl).toMatch(/^Nog niet mogelijk: /);
    expect(p.errors[0].messageEn).toMatch(/^Not possible yet: /);
    expect(await moveEvents(m.id)).toBe(events);
    expect((await cw.get(`/api/v1/moves/${m.id}`)).json().version).toBe(version);
    // Only Wonen decides (403 for the corporation); Wonen approves.
    expect((await step(cc, m.id, 'wonen_decided', '2026-05-08', { approved: true, reason: 'Passend' })).statusCode).toBe(403);
    await ok(won, m.id, 'wonen_decided', '2026-05-08', { approved: true, reason: 'Huishouden B woont passend in 70 m².' });
    expect((await won.get('/api/v1/moves?awaitingWonen=true')).json().items.map((x: { id: string }) => x.id)).not.toContain(m.id);
    expect((await cw.get(`/api/v1/moves/${m.id}/decision`)).json().outcome).toBe('PERMITTED');
    await ok(cc, m.id, 'extra_evaluation_recorded', '2026-05-09');
  });
});

describe('moves on re-assessment of perspective', () => {
  it('R-MV-08 DR-MV-2 Ex 2: a medical move to a ground floor without the GGD doctor’s advice is not possible yet', async () => {
    const tid = await housedCase();
    const m = await start({
      trajectoryId: tid, kind: 'move', reason: 'MEDICAL_GROUND_FLOOR_OR_LIFT', currentArea: 65, targetArea: 58, similar: false,
      facts: { seriouslyHampersTrajectory: true, careProviderAgrees: true },
    });
    await ok(cc, m.id, 'facts_recorded', '2026-05-04', { corporationAgrees: true });
    const d = (await cw.get(`/api/v1/moves/${m.id}/decision`)).json();
    expect(d).toMatchObject({ outcome: 'NOT_YET', move: { row: 9, targetRequirement: 'ground_floor_or_lift' } });
    expect(d.reasons[0].nl).toMatch(/GGD-arts/);
    await prepare(m.id);
    const refused = await step(cw, m.id, 'submitted_to_wonen', '2026-05-07');
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.json().rule).toBe('R-MV-08');
    await ok(cw, m.id, 'facts_recorded', '2026-05-07', { ggdDoctorAdvice: true });
    await ok(cw, m.id, 'submitted_to_wonen', '2026-05-07');
  });

  it('R-MV-17 AMB-MV-05 DR-MV-4 Ex 6: completing without the independent review is refused, naming what is missing', async () => {
    const tid = await housedCase();
    const m = await start({ trajectoryId: tid, kind: 'move', reason: 'NON_MEDICAL', currentArea: 65, targetArea: 58, similar: false, facts: { seriouslyHampersTrajectory: true, careProviderAgrees: true } });
    await ok(cw, m.id, 'substantiation_recorded', '2026-05-05', { summary: 'Herhaalde bedreigingen in het portiek.' });
    const refused = await step(cw, m.id, 'completed', '2026-05-15', { newAddress: 'Elders 1' });
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.json().rule).toBe('R-MV-17');
    expect(refused.json().violations.map((v: { rule: string }) => v.rule)).toEqual(expect.arrayContaining(['R-MV-17', 'R-MV-15', 'R-MV-18']));
    // The review is the independent reviewer's (403 for the care worker).
    expect((await step(cw, m.id, 'independent_review_done', '2026-05-06')).statusCode).toBe(403);
  });

  it('R-MV-14 R-MV-21 R-MV-22 R-MO-29: a completed move records the trajectory’s swap_or_move and a placement counted as perspective_reassessment', async () => {
    const tid = await housedCase();
    const m = await start({ trajectoryId: tid, kind: 'move', reason: 'NON_MEDICAL', currentArea: 65, targetArea: 58, similar: false, facts: { seriouslyHampersTrajectory: true, careProviderAgrees: true } });
    await ok(cc, m.id, 'facts_recorded', '2026-05-04', { corporationAgrees: true });
    await prepare(m.id);
    await ok(cw, m.id, 'submitted_to_wonen', '2026-05-07');
    await ok(cw, m.id, 'extra_evaluation_recorded', '2026-05-08');
    const wrongCode = await step(cc, m.id, 'registered', '2026-05-11', { woningnetCode: 'woningruil' });
    expect([wrongCode.statusCode, wrongCode.json().rule]).toEqual([422, 'R-MV-21']);
    await ok(cc, m.id, 'registered', '2026-05-11', { woningnetCode: 'herijking perspectief' });
    await ok(cw, m.id, 'completed', '2026-05-20', { newAddress: 'Nieuweweg 8, Veenhaven' });
    const t = (await cw.get(`/api/v1/trajectories/${tid}`)).json();
    expect(t.dwellingAddress).toBe('Nieuweweg 8, Veenhaven');
    const placements = await ctx.db.selectFrom('placements').select(['move_reason', 'lease_signed_date']).where('placement_id', 'like', `traject-${tid}%`).orderBy('placement_id').execute();
    expect(placements.map((p) => [p.move_reason, p.lease_signed_date])).toEqual([['regular', '2026-04-15'], ['perspective_reassessment', '2026-05-20']]);
    // R-MV-19: a furnishing grant is refused after the move too (the case is done; nothing more but the introduction meeting).
    expect((await step(cw, m.id, 'furnishing_recorded', '2026-05-21', { grant: true, loanApplied: false })).statusCode).toBe(422);
    expect((await step(cw, m.id, 'introduction_meeting_held', '2026-05-25')).statusCode).toBe(201);
    // Voiding the trajectory's swap_or_move takes its placement away again (the regular one stays).
    const sm = (await cw.get(`/api/v1/trajectories/${tid}/events`)).json().items.find((e: { type: string }) => e.type === 'swap_or_move');
    const voided = await cw.post(`/api/v1/trajectories/${tid}/events`, { type: 'event_voided', occurredOn: '2026-05-26', data: { reason: 'Verkeerd vastgelegd' }, correctsEventId: sm.id }, { 'if-match': await etagOf(cw, `/api/v1/trajectories/${tid}`) });
    expect(voided.statusCode, voided.body).toBe(201);
    const left = await ctx.db.selectFrom('placements').select('move_reason').where('placement_id', 'like', `traject-${tid}%`).execute();
    expect(left.map((p) => p.move_reason)).toEqual(['regular']);
  });

  it('R-MV-01: a move starts only from a living phase, by the care provider on the team (not the corporation)', async () => {
    const c = await cw.post('/api/v1/clients', { firstName: 'Nog', lastName: 'Niet gehuisvest', birthDate: '1990-01-01', targetGroup: 'omslag_mobw_adult' });
    const t = await cw.post('/api/v1/trajectories', { clientId: c.json().id, startedOn: '2026-01-05' });
    const early = await cw.post('/api/v1/moves', { trajectoryId: t.json().id, kind: 'swap', currentArea: 45, targetArea: 47, similar: true });
    expect([early.statusCode, early.json().code]).toEqual([422, 'not_living']);
    const tid = await housedCase();
    expect((await cc.post('/api/v1/moves', { trajectoryId: tid, kind: 'swap', currentArea: 45, targetArea: 47, similar: true })).statusCode).toBe(403);
  });
});

describe('who sees a move; concurrent edits', () => {
  it('a corporation of another region cannot read a move (403) and its list does not show it; If-Match stale → 412', async () => {
    const now = ctx.clock.now();
    const region = await ctx.db.insertInto('regions').values({ code: 'REGIO-MV', name: 'Regio Elders', created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
    const corp = await ctx.db.insertInto('organisations').values({
      code: 'WC-ELDERS', name: 'Elders Wonen', type: 'housing_corporation', parent_id: null, region_id: region.id, municipality_code: null, contact_role_label: null, email: null, phone: null, created_at: now, updated_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    const demo = await ctx.db.selectFrom('users').select('password_hash').where('email', '=', 'corporatie@demo.thuisroute.nl').executeTakeFirstOrThrow();
    const u = await ctx.db.insertInto('users').values({ email: 'corporatie@elders.example', name: 'Elders Contact', password_hash: demo.password_hash, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
    await ctx.db.insertInto('memberships').values({ user_id: u.id, organisation_id: corp.id, role: 'corporation_contact', starts_on: '2020-01-01', created_at: now, updated_at: now }).execute();
    ctx.server.app.scopes.invalidate();
    const other = await ctx.login('corporatie@elders.example');

    const tid = await housedCase();
    const m = await start({ trajectoryId: tid, kind: 'swap', currentArea: 45, targetArea: 47, similar: true });
    expect((await other.get(`/api/v1/moves/${m.id}`)).statusCode).toBe(403);
    expect((await other.get(`/api/v1/moves/${m.id}/decision`)).statusCode).toBe(403);
    expect((await other.get('/api/v1/moves')).json().items).toEqual([]);
    expect((await other.post(`/api/v1/moves/${m.id}/events`, { type: 'facts_recorded', occurredOn: '2026-05-04', data: { corporationAgrees: true } }, { 'if-match': `"${m.version}"` })).statusCode).toBe(403);
    // The own corporation sees it in its list.
    expect((await cc.get('/api/v1/moves')).json().items.map((x: { id: string }) => x.id)).toContain(m.id);

    const stale = await cw.get(`/api/v1/moves/${m.id}`);
    await ok(cc, m.id, 'facts_recorded', '2026-05-04', { corporationAgrees: true });
    const res = await cw.post(`/api/v1/moves/${m.id}/events`, { type: 'substantiation_recorded', occurredOn: '2026-05-05', data: { summary: 'x' } }, { 'if-match': stale.headers.etag as string });
    expect(res.statusCode, res.body).toBe(412);
    // A second open request on the same trajectory is a conflict.
    expect((await cw.post('/api/v1/moves', { trajectoryId: tid, kind: 'swap', currentArea: 45, targetArea: 47, similar: true })).statusCode).toBe(409);
  });
});
