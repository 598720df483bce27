/**
 * Deadlines end, they never vanish (issue 7, item 3): recorded through HTTP by the people who
 * perform each step, judged on what GET /trajectories/:id/deadlines and the worklist answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgId, startTestApp, userId, type Agent, type TestContext, actFor, etagOf } from '../support/harness.ts';

let ctx: TestContext;
let cw: Agent;
let cc: Agent;
let od: Agent;
let won: Agent;

const GOALS = [
  { id: 'g1', domain: 'daytime_activities', text: 'Vrijwilligerswerk bij de buurtkeuken', linkedToUrgency: true },
  { id: 'g2', domain: 'social_functioning', text: 'Wekelijks contact met zus', linkedToUrgency: false },
  { id: 'g3', domain: 'psychological_functioning', text: 'Behandeling volhouden', linkedToUrgency: true },
  { id: 'g4', domain: 'financial_functioning', text: 'Huur op tijd betalen', linkedToUrgency: true },
];

interface DeadlineItem { key: string; ruleId: string; due: string | null; status: string; metOn: string | null; closedOn: string | null; overdue: boolean; note: string | null; moved: Array<{ rule: string; from: string; to: string }> }

async function record(agent: Agent, tid: string, type: string, occurredOn: string, data: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) {
  const t = await agent.get(`/api/v1/trajectories/${tid}`);
  expect(t.statusCode, `${type}: read ${t.body}`).toBe(200);
  const res = await agent.post(`/api/v1/trajectories/${tid}/events`, { type, occurredOn, data, ...extra }, { 'if-match': t.headers.etag as string });
  expect(res.statusCode, `${type}: ${res.body}`).toBe(201);
  return res.json() as { eventId: string };
}

async function deadlines(tid: string, asOf: string): Promise<DeadlineItem[]> {
  const res = await cw.get(`/api/v1/trajectories/${tid}/deadlines?asOf=${asOf}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
}

/** A client of Zorggroep Horizon walked through HTTP up to the key handover on 2026-04-16. */
async function toKeyHandover(firstName: string, woningnetRegisteredOn: string): Promise<string> {
  const c = await cw.post('/api/v1/clients', { firstName, lastName: 'Termijn', birthDate: '1980-02-14', woningnetNumber: `WN-${firstName}`, woningnetRegisteredOn, targetGroup: 'omslag_mobw_adult' });
  expect(c.statusCode, c.body).toBe(201);
  const t = await cw.post('/api/v1/trajectories', { clientId: c.json().id, startedOn: '2026-01-05' });
  expect(t.statusCode, t.body).toBe(201);
  const tid = t.json().id as string;
  const consent = await cw.post(`/api/v1/clients/${c.json().id}/consents`, {
    purposes: ['PB-1', 'PB-2', 'PB-3', 'PB-4', 'PB-5', 'PB-6', 'PB-7'], givenOn: '2026-01-05',
    explainedItems: ['what', 'why', 'which_information', 'with_whom', 'storage_and_retention', 'rights'], retention: 'Tot 2 jaar na einde traject',
  });
  expect(consent.statusCode, consent.body).toBe(201);
  await record(cw, tid, 'consent_given', '2026-01-05', { consentId: consent.json().id });
  await record(cw, tid, 'housing_needs_recorded', '2026-01-06', { preferredNeighbourhoods: ['Oost'], excludedNeighbourhoods: [], circumstances: 'Alleenstaand', schoolProximity: '' });
  await record(cw, tid, 'referral_analysis_recorded', '2026-01-07', { c1PaysRent: true, c2GoodNeighbour: true, c3AcceptsSupport: true, c4GoalsMatchLifeDomains: true, c5ChildrenEnvironment: null, nuisanceRisk: 'Laag' });
  await record(cw, tid, 'goals_set', '2026-01-07', { goals: GOALS });
  await record(cw, tid, 'referral_submitted', '2026-01-08');
  await record(cw, tid, 'decision_issued', '2026-01-12');
  await record(won, tid, 'urgency_granted', '2026-01-19', { conditional: true });
  await record(won, tid, 'active_mediation_started', '2026-01-20');
  const assign = await cw.put(`/api/v1/trajectories/${tid}/corporation`, { corporationId: await orgId(ctx, 'WC-LINDE'), contactUserId: await userId(ctx, 'corporatie') }, { 'if-match': await etagOf(cw, `/api/v1/trajectories/${tid}`) });
  expect(assign.statusCode, assign.body).toBe(200);
  await record(cc, tid, 'offer_received', '2026-03-30', { address: 'Lindelaan 14-1, Veenhaven', availableOn: '2026-04-02', floor: 1, lift: true, facilities: 'Douche, keuken', noiseAndDefects: 'Geen', contactName: 'Joost Meijer', recentNuisanceFile: false });
  await record(cw, tid, 'offer_replied', '2026-03-31', { reply: 'request_viewing' });
  await record(cw, tid, 'viewing_held', '2026-04-07');
  await record(cw, tid, 'client_informed', '2026-04-08', { choicesDiscussed: true });
  await record(cc, tid, 'match_final', '2026-04-10', { oldRegistrationKept: true });
  await record(cc, tid, 'dwelling_ready', '2026-04-14');
  await record(cc, tid, 'lease_signed', '2026-04-15', { ibriShared: true });
  await record(cw, tid, 'transfer_goals_communicated', '2026-04-15');
  await record(cw, tid, 'key_handover', '2026-04-16', { corporationContactPresent: true });
  return tid;
}

beforeAll(async () => {
  ctx = await startTestApp();
  ctx.clock.set('2026-07-05T09:00:00Z');
  cw = await actFor(await ctx.login('begeleider'), 'ZA-HORIZON');
  cc = await ctx.login('corporatie');
  od = await ctx.login('onafhankelijk');
  won = await ctx.login('wonen');
});
afterAll(async () => ctx?.close());

// Each test walks its own client to the key handover: no test reads deadlines left by another.
describe('a time-out, a voided event and a side exit end deadlines instead of removing them', () => {
  it('D-15: a yearly renewal that falls on a Saturday moves to the next working day (Atw art. 1), like every other period', async () => {
    // Registered on 19 September 2019: the 7th anniversary, 19 September 2026, is a Saturday.
    const tid = await toKeyHandover('Bram', '2019-09-19');
    const d15 = (await deadlines(tid, '2026-07-05')).find((d) => d.ruleId === 'D-15')!;
    expect(d15).toMatchObject({ due: '2026-09-21', status: 'open' });
    expect(d15.moved).toEqual([expect.objectContaining({ rule: 'ATW_ART1', from: '2026-09-19', to: '2026-09-21' })]);
  });

  it('D-OV-09: a time-out that ended after two weeks stays visible as missed (late) with its end date; one that ended in time is met', async () => {
    const tid = await toKeyHandover('Bas', '2019-09-19');
    await record(cw, tid, 'time_out_started', '2026-06-01', { place: 'Time-outvoorziening De Haven' });
    await record(cw, tid, 'time_out_ended', '2026-06-20', { outcome: 'returned' });
    await record(cw, tid, 'time_out_started', '2026-06-22', { place: 'Time-outvoorziening De Haven' });
    await record(cw, tid, 'time_out_ended', '2026-07-01', { outcome: 'returned' });
    const ov = (await deadlines(tid, '2026-07-05')).filter((d) => d.ruleId === 'D-OV-09');
    expect(ov.map(({ key, due, status, metOn }) => ({ key, due, status, metOn }))).toEqual([
      { key: 'D-OV-09#2026-06-01', due: '2026-06-15', status: 'missed', metOn: '2026-06-20' },
      { key: 'D-OV-09#2026-06-22', due: '2026-07-06', status: 'met', metOn: '2026-07-01' },
    ]);
  });

  it('D-OV-09: the deadline of a voided time-out is not removed: it ends cancelled on the day it stopped applying', async () => {
    const tid = await toKeyHandover('Bo', '2019-09-19');
    const started = await record(cw, tid, 'time_out_started', '2026-07-03', { place: 'Time-outvoorziening De Haven' });
    expect((await deadlines(tid, '2026-07-05')).find((d) => d.key === 'D-OV-09#2026-07-03')).toMatchObject({ status: 'open', due: '2026-07-17' });
    await record(cw, tid, 'event_voided', '2026-07-05', { reason: 'Verkeerd traject' }, { correctsEventId: started.eventId });
    expect((await deadlines(tid, '2026-07-05')).find((d) => d.key === 'D-OV-09#2026-07-03')).toMatchObject({ status: 'cancelled', closedOn: '2026-07-05', due: '2026-07-17', overdue: false });
  });

  it('R-OR-80: a side exit cancels the open deadlines on its date and leaves the ones already missed as missed, off the worklist', async () => {
    const tid = await toKeyHandover('Bente', '2019-09-19');
    await record(cw, tid, 'time_out_started', '2026-06-01', { place: 'Time-outvoorziening De Haven' });
    await record(cw, tid, 'time_out_ended', '2026-06-20', { outcome: 'returned' });
    const before = await deadlines(tid, '2026-07-05');
    expect(before.find((d) => d.ruleId === 'D-07')).toMatchObject({ due: '2026-05-28', status: 'missed', overdue: true });
    const onList = (await cw.get('/api/v1/worklist?asOf=2026-07-05')).json().items.filter((i: { trajectoryId: string }) => i.trajectoryId === tid);
    expect(onList.map((i: { ruleId: string }) => i.ruleId)).toContain('D-07');

    await record(cw, tid, 'care_stopped_before_transfer', '2026-07-05', { reason: 'Cliënt beëindigt de onderhuur', reportedToCorporation: true, reportedToWonen: true });
    const after = await deadlines(tid, '2026-07-05');
    expect(after.find((d) => d.ruleId === 'D-07')).toMatchObject({ due: '2026-05-28', status: 'missed', closedOn: '2026-07-05', overdue: false });
    expect(after.find((d) => d.ruleId === 'D-08')).toMatchObject({ due: '2026-07-16', status: 'cancelled', closedOn: '2026-07-05' });
    expect(after.find((d) => d.ruleId === 'D-15')).toMatchObject({ status: 'cancelled', closedOn: '2026-07-05' });
    // Nothing vanished: every deadline shown before the exit is still there.
    expect(after.map((d) => d.key).sort()).toEqual(before.map((d) => d.key).sort());
    const stillOnList = (await cw.get('/api/v1/worklist?asOf=2026-07-05')).json().items.filter((i: { trajectoryId: string }) => i.trajectoryId === tid);
    expect(stillOnList).toEqual([]);
  });
});

// Last in the file: this test moves the clock a year on (and logs in again).
describe('Wonen returns a nomination', () => {
  it('D-13: a late return stays visible as missed with the return date; a return in time after a new submission is met on its date', async () => {
    const tid = await toKeyHandover('Ayla', '2019-09-15');
    ctx.clock.set('2027-08-02T09:00:00Z');
    // A year later: new sessions.
    cw = await actFor(await ctx.login('begeleider'), 'ZA-HORIZON');
    od = await ctx.login('onafhankelijk');
    won = await ctx.login('wonen');
    await record(cw, tid, 'introduction_meeting_scheduled', '2026-05-04', { plannedOn: '2026-05-20' });
    await record(cw, tid, 'introduction_meeting_held', '2026-05-20', { atDwelling: true, evaluationIntervalMonths: 12 });
    await record(cw, tid, 'support_plan_completed', '2026-05-25');
    await record(cw, tid, 'housing_evaluation_held', '2027-04-20', { outcome: 'start_transfer', consentChecked: true, preConsultationHeld: true, atDwelling: true });
    for (const g of ['g1', 'g3', 'g4']) await record(cw, tid, 'goal_achieved', '2027-04-20', { goalId: g, achieved: true });
    await record(cw, tid, 'nuisance_check_done', '2027-04-22', { complaintsFound: false, transferPossibleWithoutBehaviourChange: true, checkedWith: ['nuisance_hub', 'corporation'] });
    const joint = { residentAgrees: true, careProviderAgrees: true, corporationAgrees: true, noUnacceptableRisks: true, aftercareNeeds: 'Buurteam' };
    await record(cw, tid, 'transfer_decision_joint', '2027-05-03', joint);
    await record(cw, tid, 'nomination_filled', '2027-05-10');
    await record(od, tid, 'independent_review', '2027-05-20', { verdict: 'approved', reasonCodes: [], motivation: 'Doelen aantoonbaar behaald' });
    await record(cw, tid, 'nomination_sent_to_wonen', '2027-06-01', { nawBankIbriShared: true });
    const wlBefore = (await won.get('/api/v1/worklist?asOf=2027-06-09')).json().items.filter((i: { trajectoryId: string }) => i.trajectoryId === tid);
    expect(wlBefore).toEqual([expect.objectContaining({ ruleId: 'D-13', due: '2027-06-08', overdue: true })]);

    // Returned two working days late.
    await record(won, tid, 'wonen_returned', '2027-06-10', { reasonCodes: ['URGENCY_GOAL_UNPROVEN'], motivation: 'Onderbouwing dagbesteding ontbreekt' });
    const late = (await deadlines(tid, '2027-06-10')).filter((d) => d.ruleId === 'D-13');
    expect(late).toEqual([expect.objectContaining({ key: 'D-13', due: '2027-06-08', status: 'missed', metOn: '2027-06-10', note: 'returned', overdue: false })]);
    expect((await won.get('/api/v1/worklist?asOf=2027-06-10')).json().items.filter((i: { trajectoryId: string }) => i.trajectoryId === tid)).toEqual([]);

    // A new submission has its own D-13; a return in time meets it on the return date.
    await record(cw, tid, 'transfer_decision_joint', '2027-06-14', joint);
    await record(od, tid, 'independent_review', '2027-06-16', { verdict: 'approved', reasonCodes: [], motivation: 'Onderbouwing aangevuld' });
    await record(cw, tid, 'nomination_sent_to_wonen', '2027-06-21', { nawBankIbriShared: true });
    await record(won, tid, 'wonen_returned', '2027-06-23', { reasonCodes: ['URGENCY_GOAL_UNPROVEN'], motivation: 'Nog steeds onvoldoende' });
    const all = (await deadlines(tid, '2027-07-01')).filter((d) => d.ruleId === 'D-13');
    expect(all.map(({ key, due, status, metOn }) => ({ key, due, status, metOn }))).toEqual([
      { key: 'D-13', due: '2027-06-08', status: 'missed', metOn: '2027-06-10' },
      { key: 'D-13#2', due: '2027-06-28', status: 'met', metOn: '2027-06-23' },
    ]);
  });
});
