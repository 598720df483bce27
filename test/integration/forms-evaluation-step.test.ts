/**
 * A final, three-party-signed evaluation form (F-2) records the housing evaluation itself
 * (issue 9: no double entry): the step on the meeting date, once, linked to the form; the
 * evaluation deadline (D-10) is then met. Each test builds its own case.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actFor, etagOf, orgId, startTestApp, userId, type Agent, type TestContext } from '../support/harness.ts';
import { ALL_EXPLAINED, GOALS } from '../support/case-builder.ts';
import { EXAMPLE_F2 } from '../../src/domain/forms/examples.ts';

let ctx: TestContext;
let cw: Agent;
let cc: Agent;
let won: Agent;

beforeAll(async () => {
  ctx = await startTestApp();
  ctx.clock.set('2027-08-02T09:00:00Z');
  cw = await actFor(await ctx.login('begeleider'), 'ZA-HORIZON');
  cc = await ctx.login('corporatie');
  won = await ctx.login('wonen');
});
afterAll(async () => ctx?.close());

async function event(agent: Agent, tid: string, type: string, occurredOn: string, data: Record<string, unknown> = {}) {
  const res = await agent.post(`/api/v1/trajectories/${tid}/events`, { type, occurredOn, data }, { 'if-match': await etagOf(agent, `/api/v1/trajectories/${tid}`) });
  expect(res.statusCode, `${type}: ${res.body}`).toBe(201);
  return res.json();
}

let n = 0;
/** A case housed on 2026-04-16 whose introduction meeting was held on 2026-05-20 (P5). */
async function housedCase(): Promise<string> {
  n++;
  const c = await cw.post('/api/v1/clients', {
    firstName: 'Evaluatie', lastName: `Bewoner ${n}`, birthDate: '1985-02-14', phone: '06 1234 5678', address: 'Opvang De Haven, Veenhaven',
    woningnetNumber: `WN-EV${n}`, woningnetRegisteredOn: '2019-09-15', targetGroup: 'omslag_mobw_adult',
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
  await event(cw, tid, 'introduction_meeting_scheduled', '2026-05-04', { plannedOn: '2026-05-20' });
  const intro = await event(cw, tid, 'introduction_meeting_held', '2026-05-20', { atDwelling: true, evaluationIntervalMonths: 12 });
  expect(intro.phase).toBe('P5_introduction');
  return tid;
}

const CARE = { party: 'care_provider', name: 'Sanne de Vries', function: 'Persoonlijk begeleider', method: 'own_account' };
const CLIENT = { party: 'client', name: 'Evaluatie Bewoner', method: 'on_behalf_in_person' };
const CORP = { party: 'corporation', name: 'Joost Meijer', function: 'Wijkbeheerder', method: 'own_account' };

/** An F-2 with these answers, filled in and submitted by the care worker. */
async function submittedEvaluation(tid: string, data: Record<string, unknown>): Promise<string> {
  const f = await cw.post(`/api/v1/trajectories/${tid}/forms`, { kind: 'F-2' });
  expect(f.statusCode, f.body).toBe(201);
  const id = f.json().id as string;
  const saved = await cw.patch(`/api/v1/forms/${id}`, { data }, { 'if-match': '"1"' });
  expect(saved.statusCode, saved.body).toBe(200);
  const sub = await cw.post(`/api/v1/forms/${id}/submit`, {}, { 'if-match': saved.headers.etag as string });
  expect(sub.statusCode, sub.body).toBe(200);
  return id;
}

async function signAll(id: string, on: string) {
  const results = [];
  for (const [agent, who] of [[cc, CORP], [cw, CARE], [cw, CLIENT]] as const) {
    const res = await agent.post(`/api/v1/forms/${id}/signatures`, { ...who, signedOn: on }, { 'if-match': await etagOf(agent, `/api/v1/forms/${id}`) });
    expect(res.statusCode, res.body).toBe(201);
    results.push(res.json());
  }
  return results;
}

const evaluations = async (tid: string) =>
  ((await cw.get(`/api/v1/trajectories/${tid}/events`)).json().items as Array<{ type: string; occurredOn: string; data: Record<string, unknown> }>)
    .filter((e) => e.type === 'housing_evaluation_held');

const NO_NOMINATION = (() => {
  const { 'E-32': _a, 'E-33': _b, 'E-33a': _c, 'E-33b': _d, 'E-33c': _e, ...rest } = EXAMPLE_F2;
  return { ...rest, 'E-10': '2026-04-15', 'E-11': '2026-05-20', 'E-12': '2027-03-01', 'E-31': 'no', 'E-34': { date: '2028-03-01' }, 'E-35': 'Niets bijzonders.', 'E-43': 'continue', 'E-44': 'De huur zelf overmaken.' };
})();

describe('a final evaluation form records the housing evaluation (no double entry)', () => {
  it('R-OR-61 / D-10: the third signature makes F-2 final and records the evaluation once, on the meeting date, linked to the form; D-10 is met', async () => {
    const tid = await housedCase();
    const before = (await cw.get(`/api/v1/trajectories/${tid}/deadlines`)).json().items.find((d: { ruleId: string }) => d.ruleId === 'D-10');
    expect(before).toMatchObject({ ruleId: 'D-10', metOn: null });
    const id = await submittedEvaluation(tid, NO_NOMINATION);
    const [, , last] = await signAll(id, '2027-03-02');
    expect(last).toMatchObject({ status: 'final' });

    const recorded = await evaluations(tid);
    expect(recorded).toEqual([expect.objectContaining({ occurredOn: '2027-03-01', data: expect.objectContaining({ outcome: 'continue', formId: id, pointsForProgress: 'De huur zelf overmaken.', preConsultationHeld: true, consentChecked: true, atDwelling: true }) })]);
    const view = (await cw.get(`/api/v1/trajectories/${tid}`)).json();
    expect(view.phase).toBe('P7_living');
    expect(view.keyDates.lastEvaluationOn).toBe('2027-03-01');
    const d10 = (await cw.get(`/api/v1/trajectories/${tid}/deadlines`)).json().items.filter((d: { ruleId: string }) => d.ruleId === 'D-10');
    expect(d10.find((d: { metOn: string | null }) => d.metOn === '2027-03-01')).toBeDefined();
  });

  it('R-OR-61: an evaluation of that day already recorded by hand is not recorded a second time', async () => {
    const tid = await housedCase();
    await event(cw, tid, 'housing_evaluation_held', '2027-03-01', { outcome: 'continue', consentChecked: true, preConsultationHeld: true, atDwelling: true, pointsForProgress: 'Huur zelf overmaken' });
    const id = await submittedEvaluation(tid, NO_NOMINATION);
    const [, , last] = await signAll(id, '2027-03-02');
    expect(last).toMatchObject({ status: 'final' });
    expect(await evaluations(tid)).toHaveLength(1);
  });

  it('R-OR-63: a form with a nomination records the outcome "start transfer"', async () => {
    const tid = await housedCase();
    // A nomination needs the goals linked to the urgency met (R-OR-64 T3).
    for (const g of GOALS.filter((x) => x.linkedToUrgency)) await event(cw, tid, 'goal_achieved', '2027-02-20', { goalId: g.id, achieved: true, substantiation: 'Besproken met de partners' });
    const id = await submittedEvaluation(tid, { ...EXAMPLE_F2, 'E-10': '2026-04-15', 'E-11': '2026-05-20', 'E-12': '2027-03-01' });
    await signAll(id, '2027-03-02');
    expect(await evaluations(tid)).toEqual([expect.objectContaining({ occurredOn: '2027-03-01', data: expect.objectContaining({ outcome: 'start_transfer', formId: id }) })]);
  });
});
