/**
 * Steps that explain themselves (issue 9), through HTTP: GET /trajectories/:id/steps lists what
 * the recording party can do now, suggests the next step, and says per step what is still missing
 * — the same words a refused POST gives ("Nog niet mogelijk: …"), with the rule ID in the body.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actFor, startTestApp, type Agent, type TestContext } from '../support/harness.ts';
import { GOALS, buildCase } from '../support/case-builder.ts';

let ctx: TestContext;
let cw: Agent;
let won: Agent;
let cc: Agent;
let tid: string;

interface Missing { code: string; nl: string; en: string; ruleId: string | null }
interface Step { type: string; label: { nl: string; en: string }; phaseStep: boolean; legalEffect: boolean }
interface Steps { suggested: Step[]; available: Step[]; unavailable: Array<Step & { missing: Missing[] }> }

const steps = async (agent: Agent, id = tid) => agent.get(`/api/v1/trajectories/${id}/steps`);
async function post(agent: Agent, type: string, occurredOn: string, data: Record<string, unknown> = {}) {
  const t = await agent.get(`/api/v1/trajectories/${tid}`);
  expect(t.statusCode, t.body).toBe(200);
  return agent.post(`/api/v1/trajectories/${tid}/events`, { type, occurredOn, data }, { 'if-match': t.headers.etag as string });
}

beforeAll(async () => {
  ctx = await startTestApp();
  ctx.clock.set('2026-01-09T09:00:00Z');
  cw = await actFor(await ctx.login('begeleider'), 'ZA-HORIZON');
  won = await ctx.login('wonen');
  cc = await ctx.login('corporatie');
  tid = (await buildCase(ctx, { careWorker: cw, wonen: won, phase: 'P1_referral', purposes: ['PB-1', 'PB-2'] })).trajectoryId;
});
afterAll(async () => ctx?.close());

describe('GET /trajectories/:id/steps', () => {
  it('R-OR-06, R-OR-08, R-OR-09: in P1 without goals the referral is listed as not yet possible, the missing life domains in words', async () => {
    const res = await steps(cw);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as Steps;
    const referral = body.unavailable.find((s) => s.type === 'referral_submitted');
    expect(referral).toEqual({
      type: 'referral_submitted', label: { nl: 'Voordracht ingediend', en: 'Referral submitted' }, phaseStep: true, legalEffect: false,
      missing: [
        { code: 'housing_needs_missing', ruleId: 'R-OR-06', nl: 'Het woonbehoeftenprofiel ontbreekt.', en: 'The housing-needs profile is missing.' },
        { code: 'analysis_missing', ruleId: 'R-OR-08', nl: 'De analyse van kansen en overlastrisico ontbreekt.', en: 'The referral analysis is missing.' },
        {
          code: 'goals_missing', ruleId: 'R-OR-09',
          nl: 'Er ontbreken gepersonaliseerde doelen voor de leefdomeinen: dagbesteding, sociaal functioneren, psychisch functioneren, financieel functioneren.',
          en: 'Personalised goals are missing for the life domains: daytime activities, social functioning, psychological functioning, financial functioning.',
        },
      ],
    });
    expect(body.suggested.map((s) => s.type)).toEqual(['housing_needs_recorded', 'referral_analysis_recorded', 'goals_set']);
    expect(body.available.map((s) => s.type)).toEqual(expect.arrayContaining(['housing_needs_recorded', 'referral_analysis_recorded', 'goals_set', 'preparation_recorded', 'trajectory_ended']));
    expect(body.available.find((s) => s.type === 'trajectory_ended')).toEqual({ type: 'trajectory_ended', label: { nl: 'Traject beëindigd', en: 'Trajectory ended' }, phaseStep: false, legalEffect: true });
    // Steps with their own place are never listed; nothing shows a code in its words.
    const all = [...body.available, ...body.unavailable].map((s) => s.type);
    for (const own of ['trajectory_started', 'consent_withdrawn', 'event_corrected', 'event_voided']) expect(all).not.toContain(own);
    for (const u of body.unavailable) for (const m of u.missing) expect(`${m.nl} ${m.en}`).not.toMatch(/_[a-z]|\bR-OR-\d|\bT\d\b/);
  });

  it('the refused POST says "Nog niet mogelijk: …" with the same missing items as the list; the rule ID stays in the body', async () => {
    const listed = ((await steps(cw)).json() as Steps).unavailable.find((s) => s.type === 'referral_submitted')!.missing;
    const refused = await post(cw, 'referral_submitted', '2026-01-08');
    expect(refused.statusCode).toBe(422);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    const p = refused.json();
    expect(p.missing).toEqual(listed);
    expect(p.rule).toBe('R-OR-06');
    expect(p.violations).toEqual(listed.map((m) => ({ code: m.code, rule: m.ruleId })));
    expect(p.title).toBe('Nog niet mogelijk');
    expect(p.messages).toEqual({
      nl: { title: 'Nog niet mogelijk', detail: `Nog niet mogelijk: ${listed.map((m) => m.nl).join(' ')}` },
      en: { title: 'Not possible yet', detail: `Not possible yet: ${listed.map((m) => m.en).join(' ')}` },
    });
    expect(p.detail).toBe(p.messages.nl.detail);
  });

  it('after the housing needs, analysis and goals are recorded the referral becomes available and is suggested', async () => {
    expect((await post(cw, 'housing_needs_recorded', '2026-01-06', { preferredNeighbourhoods: ['Oost'], excludedNeighbourhoods: [], circumstances: 'Alleenstaand' })).statusCode).toBe(201);
    expect((await post(cw, 'referral_analysis_recorded', '2026-01-07', { c1PaysRent: true, c2GoodNeighbour: true, c3AcceptsSupport: true, c4GoalsMatchLifeDomains: true, nuisanceRisk: 'Laag' })).statusCode).toBe(201);
    const half = ((await steps(cw)).json() as Steps).unavailable.find((s) => s.type === 'referral_submitted')!;
    expect(half.missing.map((m) => m.code)).toEqual(['goals_missing']);
    expect((await post(cw, 'goals_set', '2026-01-07', { goals: GOALS })).statusCode).toBe(201);
    const body = (await steps(cw)).json() as Steps;
    expect(body.suggested.map((s) => s.type)).toEqual(['referral_submitted']);
    expect(body.available.map((s) => s.type)).toContain('referral_submitted');
    expect(body.unavailable.map((s) => s.type)).not.toContain('referral_submitted');
    expect((await post(cw, 'referral_submitted', '2026-01-08')).statusCode).toBe(201);
  });

  it('a party sees only the steps it may record: Wonen never sees the referral, the care worker never the urgency', async () => {
    const forWonen = (await steps(won)).json() as Steps;
    const wonenTypes = [...forWonen.available, ...forWonen.unavailable].map((s) => s.type);
    expect(wonenTypes).not.toContain('referral_submitted');
    expect(wonenTypes).not.toContain('goals_set');
    expect(forWonen.suggested.map((s) => s.type)).toEqual(['decision_issued', 'urgency_granted', 'active_mediation_started']);
    expect(forWonen.available.find((s) => s.type === 'urgency_granted')).toMatchObject({ legalEffect: true });
    const forCare = (await steps(cw)).json() as Steps;
    expect([...forCare.available, ...forCare.unavailable].map((s) => s.type)).not.toContain('urgency_granted');
    expect(forCare.suggested.map((s) => s.type)).toEqual(['decision_issued', 'active_mediation_started']);
  });

  it('a user without access to the case gets the same answer as for the detail', async () => {
    const other = await actFor(await ctx.login('begeleider'), 'ZA-ONDERDAK');
    const detail = await other.get(`/api/v1/trajectories/${tid}`);
    const res = await steps(other);
    expect([403, 404]).toContain(res.statusCode);
    expect(res.statusCode).toBe(detail.statusCode);
    const corp = await steps(cc);
    expect(corp.statusCode).toBe((await cc.get(`/api/v1/trajectories/${tid}`)).statusCode);
    expect((await steps(cw, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});
