/**
 * One client's whole Omslagroute through HTTP on a real database, by the people who perform
 * each step: care worker, corporation contact, independent reviewer and Wonen officer.
 *
 * This file is one walkthrough: its tests are the steps of one case, in order, and each builds on
 * the state the previous ones left (run the file, not a single test).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgId, startTestApp, userId, type Agent, type TestContext, actFor, etagOf } from '../support/harness.ts';

let ctx: TestContext;
let cw: Agent;
let cc: Agent;
let od: Agent;
let won: Agent;
let clientId: string;
let tid: string;

const GOALS = [
  { id: 'g1', domain: 'daytime_activities', text: 'Vrijwilligerswerk bij de buurtkeuken', linkedToUrgency: true },
  { id: 'g2', domain: 'social_functioning', text: 'Wekelijks contact met zus', linkedToUrgency: false },
  { id: 'g3', domain: 'psychological_functioning', text: 'Behandeling volhouden', linkedToUrgency: true },
  { id: 'g4', domain: 'financial_functioning', text: 'Huur op tijd betalen', linkedToUrgency: true },
];

async function record(agent: Agent, type: string, occurredOn: string, data: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) {
  const t = await agent.get(`/api/v1/trajectories/${tid}`);
  expect(t.statusCode, `${type}: read ${t.body}`).toBe(200);
  const res = await agent.post(`/api/v1/trajectories/${tid}/events`, { type, occurredOn, data, ...extra }, { 'if-match': t.headers.etag as string });
  return res;
}

async function ok(agent: Agent, type: string, occurredOn: string, data: Record<string, unknown> = {}) {
  const res = await record(agent, type, occurredOn, data);
  expect(res.statusCode, `${type}: ${res.body}`).toBe(201);
  return res.json();
}

beforeAll(async () => {
  ctx = await startTestApp();
  ctx.clock.set('2027-08-02T09:00:00Z');
  // Sanne acts for Zorggroep Horizon in this test.
  cw = await actFor(await ctx.login('begeleider'), 'ZA-HORIZON');
  cc = await ctx.login('corporatie');
  od = await ctx.login('onafhankelijk');
  won = await ctx.login('wonen');
});
afterAll(async () => ctx?.close());

describe('Omslagroute through HTTP', () => {
  it('a care worker registers a client with household and starts a trajectory; she becomes personal supervisor', async () => {
    const c = await cw.post('/api/v1/clients', {
      firstName: 'Ayla', lastName: 'Demir', birthDate: '1990-02-14', phone: '06 1234 5678', address: 'Opvang De Haven, Veenhaven',
      household: [{ kind: 'child', name: 'Noor', birthDate: '2018-06-01' }], woningnetNumber: 'WN-778899', woningnetRegisteredOn: '2019-09-15', targetGroup: 'omslag_mobw_adult',
    });
    expect(c.statusCode, c.body).toBe(201);
    clientId = c.json().id;
    const t = await cw.post('/api/v1/trajectories', { clientId, startedOn: '2026-01-05' });
    expect(t.statusCode, t.body).toBe(201);
    tid = t.json().id;
    expect(t.json()).toMatchObject({ phase: 'P0_consent', status: 'active' });
    expect(t.json().team).toEqual([expect.objectContaining({ caseRole: 'personal_supervisor', name: 'Sanne de Vries' })]);
    expect((await cw.post('/api/v1/trajectories', { clientId, startedOn: '2026-01-05' })).statusCode).toBe(409);
  });

  it('R-OR-82 / R-OR-83: consent is recorded with everything explained, then the route starts', async () => {
    const incomplete = await cw.post(`/api/v1/clients/${clientId}/consents`, { purposes: ['PB-1'], givenOn: '2026-01-05', explainedItems: ['what', 'why'], retention: 'Tot 2 jaar na einde traject' });
    expect(incomplete.statusCode).toBe(422);
    expect(incomplete.json().rule).toBe('R-OR-83');
    const consent = await cw.post(`/api/v1/clients/${clientId}/consents`, {
      purposes: ['PB-1', 'PB-2', 'PB-3', 'PB-4', 'PB-5', 'PB-6', 'PB-7'], givenOn: '2026-01-05',
      explainedItems: ['what', 'why', 'which_information', 'with_whom', 'storage_and_retention', 'rights'], retention: 'Tot 2 jaar na einde traject',
    });
    expect(consent.statusCode, consent.body).toBe(201);
    await ok(cw, 'consent_given', '2026-01-05', { consentId: consent.json().id });
  });

  it('a corporation sees nothing before it is assigned, and cannot be assigned without a processing agreement and consent', async () => {
    expect((await cc.get(`/api/v1/trajectories/${tid}`)).statusCode).toBe(403);
    expect((await cc.get('/api/v1/clients')).json().items).toEqual([]);
  });

  it('P1–P2: referral with housing needs, analysis and goals; Wonen grants the urgency', async () => {
    const early = await record(cw, 'referral_submitted', '2026-01-08');
    expect(early.statusCode).toBe(422);
    expect(early.json().violations.map((v: { rule: string }) => v.rule).sort()).toEqual(['R-OR-06', 'R-OR-08', 'R-OR-09']);
    await ok(cw, 'housing_needs_recorded', '2026-01-06', { preferredNeighbourhoods: ['Oost'], excludedNeighbourhoods: ['Haven'], circumstances: 'Moeder met dochter; geen galerijflat', schoolProximity: 'Dichtbij basisschool De Linde' });
    await ok(cw, 'referral_analysis_recorded', '2026-01-07', { c1PaysRent: true, c2GoodNeighbour: true, c3AcceptsSupport: true, c4GoalsMatchLifeDomains: true, c5ChildrenEnvironment: true, nuisanceRisk: 'Laag' });
    await ok(cw, 'goals_set', '2026-01-07', { goals: GOALS });
    await ok(cw, 'referral_submitted', '2026-01-08');
    await ok(cw, 'decision_issued', '2026-01-12');
    const notCw = await record(cw, 'urgency_granted', '2026-01-19', { conditional: true });
    // Wonen's decision by another party is forbidden (403), naming the rule.
    expect(notCw.statusCode).toBe(403);
    expect(notCw.json()).toMatchObject({ code: 'actor_not_allowed', rule: 'R-OR-13' });
    await ok(won, 'urgency_granted', '2026-01-19', { conditional: true });
    await ok(won, 'active_mediation_started', '2026-01-20');
  });

  it('M-17: from active mediation the household counts as waiting in the monitor (a placement without personal data)', async () => {
    const p = await ctx.db.selectFrom('placements').selectAll().where('trajectory_id', '=', tid).executeTakeFirstOrThrow();
    expect(p).toMatchObject({ source: 'trajectory', target_group: 'omslag_mobw_adult', active_mediation_date: '2026-01-20', lease_signed_date: null, persons: 2 });
    const analyst = await ctx.login('analist');
    const m = (await analyst.get('/api/v1/monitor?year=2026&month=2&municipality=GM9001')).json();
    const waiting = m.rows.filter((r: { metric: string; targetGroup?: string; municipality?: string }) => r.metric === 'M-17' && r.targetGroup === 'omslag_mobw_adult' && r.municipality === 'GM9001');
    expect(waiting).toEqual([expect.objectContaining({ bucket: 'lt3', value: 1, month: 2 })]);
  });

  it('R-OR-85: no corporation gets the case without a processing agreement with the care provider', async () => {
    const linde = await orgId(ctx, 'WC-LINDE');
    const horizon = await orgId(ctx, 'ZA-HORIZON');
    await ctx.db.updateTable('processing_agreements').set({ ended_on: '2026-01-01' }).where('care_provider_id', '=', horizon).where('corporation_id', '=', linde).execute();
    const res = await cw.put(`/api/v1/trajectories/${tid}/corporation`, { corporationId: linde, contactUserId: await userId(ctx, 'corporatie') }, { 'if-match': await etagOf(cw, `/api/v1/trajectories/${tid}`) });
    expect(res.statusCode).toBe(422);
    expect(res.json().rule).toBe('R-OR-85');
    await ctx.db.updateTable('processing_agreements').set({ ended_on: null }).where('care_provider_id', '=', horizon).where('corporation_id', '=', linde).execute();
  });

  it('P3: the care worker assigns the corporation; the corporation offers a dwelling; deadlines D-02 and D-05 appear on the worklists', async () => {
    const linde = await orgId(ctx, 'WC-LINDE');
    const contact = await userId(ctx, 'corporatie');
    const assign = await cw.put(`/api/v1/trajectories/${tid}/corporation`, { corporationId: linde, contactUserId: contact }, { 'if-match': await etagOf(cw, `/api/v1/trajectories/${tid}`) });
    expect(assign.statusCode, assign.body).toBe(200);
    // R-OR-31: one fixed corporation contact person at a time — assigning again replaces, never adds.
    expect((await cw.put(`/api/v1/trajectories/${tid}/corporation`, { corporationId: linde, contactUserId: contact }, { 'if-match': await etagOf(cw, `/api/v1/trajectories/${tid}`) })).statusCode).toBe(200);
    const team = (await cw.get(`/api/v1/trajectories/${tid}`)).json().team.filter((m: { caseRole: string }) => m.caseRole === 'corporation_contact');
    expect(team).toHaveLength(1);
    const seen = await cc.get(`/api/v1/trajectories/${tid}`);
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json()).toMatchObject({ viewer: 'corporation', purpose: 'PB-1' });
    await ok(cc, 'offer_received', '2026-03-30', { address: 'Lindelaan 12-2, Veenhaven', availableOn: '2026-04-02', floor: 2, lift: true, facilities: 'Douche, keuken, balkon', noiseAndDefects: 'Geen', contactName: 'Joost Meijer', recentNuisanceFile: false });
    const dl = (await cw.get(`/api/v1/trajectories/${tid}/deadlines?asOf=2026-03-30`)).json().items;
    expect(dl.find((d: { ruleId: string }) => d.ruleId === 'D-02')).toMatchObject({ due: '2026-03-31', status: 'open' });
    expect(dl.find((d: { ruleId: string }) => d.ruleId === 'D-05')).toMatchObject({ due: '2026-04-13' });
    const wl = (await cw.get('/api/v1/worklist?asOf=2026-03-30')).json();
    expect(wl.items.map((i: { ruleId: string }) => i.ruleId)).toEqual(expect.arrayContaining(['D-02', 'D-05']));
    expect(wl.items[0].clientName).toBe('Ayla Demir');
    await ok(cw, 'offer_replied', '2026-03-31', { reply: 'request_viewing' });
    await ok(cw, 'viewing_held', '2026-04-07');
    await ok(cw, 'client_informed', '2026-04-08', { choicesDiscussed: true });
    await ok(cc, 'match_final', '2026-04-10', { oldRegistrationKept: true });
  });

  it('P4: the dwelling is ready, leases signed, transfer goals communicated, keys handed over', async () => {
    await ok(cc, 'dwelling_ready', '2026-04-14');
    await ok(cc, 'lease_signed', '2026-04-15', { ibriShared: true });
    // Issue 4: the signed lease makes the trajectory's placement a delivery (M-03), in the same transaction.
    const p = await ctx.db.selectFrom('placements').selectAll().where('trajectory_id', '=', tid).executeTakeFirstOrThrow();
    expect(p).toMatchObject({ lease_signed_date: '2026-04-15', active_mediation_date: '2026-01-20', allocated_on: '2026-04-10', corporation_id: await orgId(ctx, 'WC-LINDE') });
    const m = (await (await ctx.login('analist')).get('/api/v1/monitor?year=2026&month=4&municipality=GM9001&corporation=WC-LINDE')).json();
    const delivered = m.rows.find((r: Record<string, unknown>) => r.metric === 'M-03' && r.period === 'month' && r.month === 4 && r.targetGroup === 'omslag_mobw_adult');
    expect(delivered?.value).toBe(1);
    await ok(cw, 'transfer_goals_communicated', '2026-04-15');
    const kh = await ok(cw, 'key_handover', '2026-04-16', { corporationContactPresent: true });
    expect(kh.phase).toBe('P4_key_handover');
    const dl = (await cw.get(`/api/v1/trajectories/${tid}/deadlines?asOf=2026-04-16`)).json().items;
    expect(dl.find((d: { ruleId: string }) => d.ruleId === 'D-07')).toMatchObject({ due: '2026-05-28', status: 'open' });
    expect(dl.find((d: { ruleId: string }) => d.ruleId === 'D-08')).toMatchObject({ due: '2026-07-16' });
  });

  it('P5–P7: introduction meeting, support plan, a yearly evaluation with its outcome', async () => {
    await ok(cw, 'introduction_meeting_scheduled', '2026-05-04', { plannedOn: '2026-05-20' });
    await ok(cw, 'introduction_meeting_held', '2026-05-20', { atDwelling: true, evaluationIntervalMonths: 12 });
    await ok(cw, 'support_plan_completed', '2026-05-25');
    await ok(cw, 'housing_evaluation_held', '2027-04-20', { outcome: 'start_transfer', consentChecked: true, preConsultationHeld: true, atDwelling: true });
    for (const g of ['g1', 'g3', 'g4']) await ok(cw, 'goal_achieved', '2027-04-20', { goalId: g, achieved: true });
  });

  it('R-OR-46: the corporation never sees the support plan, the referral analysis or the goals not linked to the urgency', async () => {
    const events = (await cc.get(`/api/v1/trajectories/${tid}/events`)).json().items.map((e: { type: string }) => e.type);
    expect(events).toContain('key_handover');
    expect(events).not.toContain('support_plan_completed');
    expect(events).not.toContain('referral_analysis_recorded');
    expect(events).not.toContain('goals_set');
    const t = (await cc.get(`/api/v1/trajectories/${tid}`)).json();
    expect(t.goals.map((g: { id: string }) => g.id)).toEqual(['g1', 'g3', 'g4']);
    // Not even the date of the support plan reaches the corporation: no P6 station date, no D-06 deadline.
    expect(t.stations.find((st: { phase: string }) => st.phase === 'P6_support_plan').enteredOn).toBeNull();
    const ccDeadlines = (await cc.get(`/api/v1/trajectories/${tid}/deadlines`)).json().items.map((d: { ruleId: string }) => d.ruleId);
    expect(ccDeadlines).not.toContain('D-06');
    expect(ccDeadlines).toContain('D-08');
    const client = (await cc.get(`/api/v1/clients/${clientId}`)).json();
    expect(client.firstName).toBe('Ayla');
    expect(client).not.toHaveProperty('targetGroup');
  });

  it('P8: nuisance check, joint decision, nomination, independent review and Wonen’s check (D-13)', async () => {
    await ok(cw, 'nuisance_check_done', '2027-04-22', { complaintsFound: false, transferPossibleWithoutBehaviourChange: true, checkedWith: ['nuisance_hub', 'corporation'] });
    await ok(cw, 'transfer_decision_joint', '2027-05-03', { residentAgrees: true, careProviderAgrees: true, corporationAgrees: true, noUnacceptableRisks: true, aftercareNeeds: 'Buurteam en inloop Huis van de Wijk' });
    await ok(cw, 'nomination_filled', '2027-05-10');
    const early = await record(cw, 'nomination_sent_to_wonen', '2027-05-11', { nawBankIbriShared: true });
    expect(early.statusCode).toBe(422);
    expect(early.json().violations).toEqual([{ code: 'transfer_condition_T7', rule: 'R-OR-64' }]);
    // The independent reviewer reviews (not the personal supervisor).
    await ok(od, 'independent_review', '2027-05-20', { verdict: 'approved', reasonCodes: [], motivation: 'Doelen aantoonbaar behaald; geen onaanvaardbare risico’s' });
    await ok(cw, 'nomination_sent_to_wonen', '2027-06-01', { nawBankIbriShared: true });
    const queue = (await won.get('/api/v1/clients?queue=wonen_check')).json();
    expect(queue.items.map((i: { trajectoryId: string }) => i.trajectoryId)).toContain(tid);
    const wl = (await won.get('/api/v1/worklist?asOf=2027-06-01')).json();
    expect(wl.items.find((i: { trajectoryId: string }) => i.trajectoryId === tid)).toMatchObject({ ruleId: 'D-13', due: '2027-06-08' });
    await ok(won, 'wonen_confirmed', '2027-06-04');
  });

  it('contract in own name (D-14 met) and aftercare; the trajectory closes', async () => {
    const r = await ok(cc, 'contract_own_name_signed', '2027-07-01', { contractType: 'indefinite' });
    expect(r.phase).toBe('P9_aftercare');
    const dl = (await cw.get(`/api/v1/trajectories/${tid}/deadlines?asOf=2027-07-01`)).json().items;
    expect(dl.find((d: { ruleId: string }) => d.ruleId === 'D-14')).toMatchObject({ status: 'met', metOn: '2027-07-01' });
    await ok(cw, 'light_support_started', '2027-07-01', { plannedEndOn: '2027-10-01' });
    await ok(cw, 'trajectory_closed', '2027-07-30');
    const t = (await cw.get(`/api/v1/trajectories/${tid}`)).json();
    expect(t).toMatchObject({ status: 'closed', exit: 'completed' });
    expect(t.stations.map((s: { status: string }) => s.status)).toEqual(Array(10).fill('done'));
  });

  it('every read of the case is in the audit trail with its purpose', async () => {
    const rows = await ctx.db.selectFrom('audit_log').select(['action', 'purpose', 'actor_role', 'outcome']).where('resource_id', '=', tid).execute();
    const corpReads = rows.filter((r) => r.actor_role === 'corporation_contact' && r.action === 'trajectory.read' && r.outcome === 'success');
    // The corporation's attempt before it was assigned is there too, as a denial.
    expect(rows.some((r) => r.actor_role === 'corporation_contact' && r.outcome === 'denied')).toBe(true);
    expect(corpReads.length).toBeGreaterThan(3);
    expect(corpReads.every((r) => r.purpose?.startsWith('PB-'))).toBe(true);
    expect(rows.filter((r) => r.actor_role === 'care_worker' && r.purpose !== 'case_management')).toEqual([]);
  });
});

describe('bad input on events', () => {
  it('an event dated in the future, a stale If-Match, a correction of a non-existing event', async () => {
    const c = await cw.post('/api/v1/clients', { firstName: 'Bram', lastName: 'Kok' });
    const t = await cw.post('/api/v1/trajectories', { clientId: c.json().id, startedOn: '2027-07-01' });
    const id = t.json().id;
    const etag = t.headers.etag as string;
    const future = await cw.post(`/api/v1/trajectories/${id}/events`, { type: 'decision_issued', occurredOn: '2027-09-01', data: {} }, { 'if-match': etag });
    expect(future.statusCode).toBe(422);
    const before = await cw.post(`/api/v1/trajectories/${id}/events`, { type: 'consent_given', occurredOn: '2027-06-01', data: { consentId: 'x' } }, { 'if-match': etag });
    expect(before.json().violations.map((v: { code: string }) => v.code)).toContain('date_before_start');
    const stale = await cw.post(`/api/v1/trajectories/${id}/events`, { type: 'consent_given', occurredOn: '2027-07-02', data: { consentId: 'x' } }, { 'if-match': '"99"' });
    expect(stale.statusCode).toBe(412);
    const bogus = await cw.post(`/api/v1/trajectories/${id}/events`, { type: 'event_voided', occurredOn: '2027-07-02', data: { reason: 'x'.repeat(5) }, correctsEventId: '00000000-0000-4000-8000-000000000000' }, { 'if-match': etag });
    expect(bogus.statusCode).toBe(422);
    const count = await ctx.db.selectFrom('trajectory_events').select((eb) => eb.fn.countAll<string>().as('n')).where('trajectory_id', '=', id).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });
});
