/**
 * Wonen's urgency decision over HTTP, as the people who make it (issue 9): Wonen refuses with reasons,
 * asks for information, the care worker supplies it, Wonen grants; the proposed term D-WON-1 is on
 * Wonen's worklist with its due date and is met by the decision. Corrections are offered only to the
 * party that may make them; forms only when they may be started.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, actFor, type Agent, type TestContext } from '../support/harness.ts';
import { buildCase } from '../support/case-builder.ts';

let ctx: TestContext;
let cw: Agent;
let won: Agent;
let cc: Agent;
let tid: string;
const ALL = ['PB-1', 'PB-2', 'PB-3', 'PB-4', 'PB-5', 'PB-6', 'PB-7'];

async function record(agent: Agent, type: string, occurredOn: string, data: Record<string, unknown> = {}, correctsEventId?: string, id = tid) {
  const t = await agent.get(`/api/v1/trajectories/${id}`);
  expect(t.statusCode, `${type}: read ${t.body}`).toBe(200);
  return agent.post(`/api/v1/trajectories/${id}/events`, { type, occurredOn, data, ...(correctsEventId ? { correctsEventId } : {}) }, { 'if-match': t.headers.etag as string });
}

async function ok(agent: Agent, type: string, occurredOn: string, data: Record<string, unknown> = {}) {
  const res = await record(agent, type, occurredOn, data);
  expect(res.statusCode, `${type}: ${res.body}`).toBe(201);
  return res.json();
}

const wonenItems = async (asOf: string) =>
  (await won.get(`/api/v1/worklist?asOf=${asOf}`)).json().items.filter((i: { trajectoryId: string; ruleId: string }) => i.trajectoryId === tid && i.ruleId === 'D-WON-1');

const deadlines = async (agent: Agent, asOf: string) =>
  (await agent.get(`/api/v1/trajectories/${tid}/deadlines?asOf=${asOf}`)).json().items.filter((d: { ruleId: string }) => d.ruleId === 'D-WON-1');

beforeAll(async () => {
  ctx = await startTestApp();
  ctx.clock.set('2026-06-01T09:00:00Z');
  cw = await actFor(await ctx.login('begeleider'), 'ZA-HORIZON');
  won = await ctx.login('wonen');
  cc = await ctx.login('corporatie');
  // Referred on Thursday 8 January 2026: D-WON-1 is due Thursday 5 March.
  tid = (await buildCase(ctx, { careWorker: cw, wonen: won, phase: 'P2_urgency', purposes: ALL, corporation: true, firstName: 'Urgentie' })).trajectoryId;
});
afterAll(async () => ctx?.close());

describe('Wonen decides on the urgency request', () => {
  it('D-WON-1: the request is on Wonen’s worklist with its due date, not on the corporation’s', async () => {
    expect(await wonenItems('2026-02-25')).toEqual([expect.objectContaining({
      ruleId: 'D-WON-1', key: 'D-WON-1', start: '2026-01-08', due: '2026-03-05', status: 'open', actors: ['wonen'],
    })]);
    // Beyond the horizon (10 working days) it is not listed yet.
    expect(await wonenItems('2026-02-18')).toEqual([]);
    expect((await cc.get(`/api/v1/trajectories/${tid}/deadlines?asOf=2026-02-25`)).json().items.map((d: { ruleId: string }) => d.ruleId)).not.toContain('D-WON-1');
  });

  it('R-OR-13: a corporation or a care worker cannot record Wonen’s decision (403)', async () => {
    for (const agent of [cc, cw]) {
      const res = await record(agent, 'urgency_refused', '2026-01-20', { reasons: 'Niet aan de voorwaarden voldaan' });
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json()).toMatchObject({ status: 403, code: 'actor_not_allowed', rule: 'D-WON-1', title: expect.any(String), detail: expect.any(String) });
      expect((await record(agent, 'urgency_granted', '2026-01-20', { conditional: true })).statusCode).toBe(403);
    }
  });

  it('R-OR-13: a refusal without reasons is a 400 problem in Dutch and English', async () => {
    const res = await record(won, 'urgency_refused', '2026-01-20', {});
    expect(res.statusCode, res.body).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const p = res.json();
    expect(p).toMatchObject({ status: 400, code: 'event_refused' });
    expect(p.errors[0]).toMatchObject({ code: 'invalid_data', messageNl: expect.stringContaining('Ongeldig gegeven'), messageEn: expect.stringContaining('Invalid data') });
    expect((await record(won, 'urgency_refused', '2026-01-20', { reasons: '' })).json().errors[0]).toMatchObject({ field: '/data/reasons' });
  });

  it('R-OR-13: Wonen refuses with reasons; the case stays in P2, D-WON-1 is met and D-01 does not start', async () => {
    await ok(cw, 'decision_issued', '2026-01-12');
    const res = await ok(won, 'urgency_refused', '2026-01-26', { reasons: 'De doelen sluiten niet aan bij de urgentievoorwaarden.' });
    expect(res).toMatchObject({ phase: 'P2_urgency', status: 'active' });
    expect(await deadlines(won, '2026-01-27')).toEqual([expect.objectContaining({ key: 'D-WON-1', metOn: '2026-01-26', status: 'met', note: 'refused' })]);
    expect(await wonenItems('2026-02-25')).toEqual([]);
    const all = (await cw.get(`/api/v1/trajectories/${tid}/deadlines?asOf=2026-01-27`)).json().items.map((d: { ruleId: string }) => d.ruleId);
    expect(all).not.toContain('D-01');
    // Wonen sees its refusal with the reasons; the corporation does not see it at all.
    const wonEvents = (await won.get(`/api/v1/trajectories/${tid}/events`)).json().items;
    expect(wonEvents.find((e: { type: string }) => e.type === 'urgency_refused')).toMatchObject({ data: { reasons: 'De doelen sluiten niet aan bij de urgentievoorwaarden.' } });
    expect((await cc.get(`/api/v1/trajectories/${tid}/events`)).json().items.map((e: { type: string }) => e.type)).not.toContain('urgency_refused');
    // A second refusal needs a new referral first.
    const again = await record(won, 'urgency_refused', '2026-01-27', { reasons: 'Nogmaals' });
    expect(again.statusCode).toBe(422);
    expect(again.json().violations).toEqual([{ code: 'urgency_already_refused', rule: 'D-WON-1' }]);
  });

  it('D-WON-1: a new referral starts D-WON-1#2; Wonen asks for information, which ends it', async () => {
    await ok(cw, 'referral_submitted', '2026-02-02');
    expect(await wonenItems('2026-03-20')).toEqual([expect.objectContaining({ key: 'D-WON-1#2', start: '2026-02-02', due: '2026-03-30', status: 'open' })]);
    await ok(won, 'urgency_information_requested', '2026-02-09', { informationRequested: 'Een recente rapportage over de dagbesteding.' });
    expect(await wonenItems('2026-03-20')).toEqual([]);
    expect(await deadlines(won, '2026-02-10')).toEqual([
      expect.objectContaining({ key: 'D-WON-1', status: 'met' }),
      expect.objectContaining({ key: 'D-WON-1#2', metOn: '2026-02-09', status: 'met', note: 'information_requested' }),
    ]);
    // Only the care provider answers, and only a question.
    expect((await record(won, 'urgency_information_supplied', '2026-02-10', { informationSupplied: 'x' })).statusCode).toBe(403);
  });

  it('D-WON-1: the care worker supplies the information (a new period: Monday 6 April 2026 is Easter Monday → Tuesday 7 April); Wonen grants, which meets it', async () => {
    await ok(cw, 'urgency_information_supplied', '2026-02-09', { informationSupplied: 'Rapportage van januari: drie dagen per week vrijwilligerswerk.' });
    expect(await wonenItems('2026-03-30')).toEqual([expect.objectContaining({ key: 'D-WON-1#3', start: '2026-02-09', due: '2026-04-07', status: 'open' })]);
    await ok(won, 'urgency_granted', '2026-02-16', { conditional: true });
    expect(await wonenItems('2026-03-30')).toEqual([]);
    expect((await deadlines(won, '2026-02-17')).map((d: { key: string; status: string; metOn: string | null }) => [d.key, d.status, d.metOn])).toEqual([
      ['D-WON-1', 'met', '2026-01-26'], ['D-WON-1#2', 'met', '2026-02-09'], ['D-WON-1#3', 'met', '2026-02-16'],
    ]);
    const d01 = (await cw.get(`/api/v1/trajectories/${tid}/deadlines?asOf=2026-02-17`)).json().items.filter((d: { ruleId: string }) => d.ruleId === 'D-01');
    // D-01 counts from the later of the decision (12 January) and the urgency (16 February).
    expect(d01).toEqual([expect.objectContaining({ start: '2026-02-16' })]);
  });
});

describe('corrections only for the party that may make them', () => {
  it('the API marks per event whether the viewer may correct it', async () => {
    const mine = (items: Array<{ type: string; mayCorrect: boolean }>, type: string) => items.find((e) => e.type === type)?.mayCorrect;
    const wonEvents = (await won.get(`/api/v1/trajectories/${tid}/events`)).json().items;
    expect([mine(wonEvents, 'urgency_granted'), mine(wonEvents, 'urgency_refused'), mine(wonEvents, 'referral_submitted'), mine(wonEvents, 'consent_given')]).toEqual([true, true, false, false]);
    const cwEvents = (await cw.get(`/api/v1/trajectories/${tid}/events`)).json().items;
    expect([mine(cwEvents, 'urgency_granted'), mine(cwEvents, 'urgency_information_supplied'), mine(cwEvents, 'goals_set'), mine(cwEvents, 'trajectory_started')]).toEqual([false, true, true, false]);
    // What the API marks is what the write path decides: the care worker cannot void Wonen's grant.
    const grant = cwEvents.find((e: { type: string }) => e.type === 'urgency_granted');
    const refused = await record(cw, 'event_voided', '2026-02-20', { reason: 'Vergissing' }, grant.id);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'correction_by_other_party', rule: 'R-OR-13' });
  });
});

describe('forms offered only when they may be started', () => {
  it('R-OR-82: in P0 without consent no form may be started (mayStart false, in words) and the server refuses it', async () => {
    const k = await buildCase(ctx, { careWorker: cw, wonen: won, phase: 'P0_consent', purposes: null, firstName: 'Zonderformulier' });
    const list = await cw.get(`/api/v1/trajectories/${k.trajectoryId}/forms`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().creatable).toEqual([]);
    expect(list.json().start).toEqual(['F-1', 'F-2', 'F-3', 'F-4'].map((kind) => ({
      kind, mayStart: false,
      reason: { code: 'no_consent', rule: 'R-OR-82', nl: 'Nog niet mogelijk: eerst toestemming van de cliënt vastleggen.', en: 'Not possible yet: first record the client’s consent.' },
    })));
    for (const kind of ['F-1', 'F-4']) {
      const res = await cw.post(`/api/v1/trajectories/${k.trajectoryId}/forms`, { kind });
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json()).toMatchObject({ code: 'no_consent', rule: 'R-OR-82', title: expect.any(String) });
    }
  });

  it('R-OR-37: in P2 with consent only the support plan may be started; the rest says when', async () => {
    const start = (await cw.get(`/api/v1/trajectories/${tid}/forms`)).json().start;
    expect(start.map((o: { kind: string; mayStart: boolean; reason: { code: string } | null }) => [o.kind, o.mayStart, o.reason?.code ?? null])).toEqual([
      ['F-1', false, 'form_not_yet'], ['F-2', false, 'form_not_yet'], ['F-3', false, 'form_not_yet'], ['F-4', true, null],
    ]);
    const res = await cw.post(`/api/v1/trajectories/${tid}/forms`, { kind: 'F-1' });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'form_not_yet', rule: 'R-OR-37' });
    // The corporation never starts one: the reason is not for it to solve.
    const corp = (await cc.get(`/api/v1/trajectories/${tid}/forms`)).json();
    expect(corp.creatable).toEqual([]);
    expect(corp.start.every((o: { reason: { code: string } }) => o.reason.code === 'care_provider_fills_in')).toBe(true);
  });
});
