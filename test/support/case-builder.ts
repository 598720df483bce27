/**
 * Builds Omslagroute cases through HTTP as the people who perform each step, to a chosen phase,
 * with a chosen consent. Used by the access tests (each finding arranged as a real case) and by
 * the list ⊆ detail property test.
 */
import { expect } from 'vitest';
import { orgId, userId, type Agent, type TestContext, etagOf } from './harness.ts';

export const ALL_EXPLAINED = ['what', 'why', 'which_information', 'with_whom', 'storage_and_retention', 'rights'];
export const GOALS = [
  { id: 'g1', domain: 'daytime_activities', text: 'Vrijwilligerswerk bij de buurtkeuken', linkedToUrgency: true },
  { id: 'g2', domain: 'social_functioning', text: 'Wekelijks contact met zus', linkedToUrgency: false },
  { id: 'g3', domain: 'psychological_functioning', text: 'Behandeling volhouden', linkedToUrgency: true },
  { id: 'g4', domain: 'financial_functioning', text: 'Huur op tijd betalen', linkedToUrgency: true },
];

export type BuildPhase = 'P0_consent' | 'P1_referral' | 'P2_urgency' | 'P3_matching';
const ORDER: BuildPhase[] = ['P0_consent', 'P1_referral', 'P2_urgency', 'P3_matching'];

export interface CaseSpec {
  /** The agent of the care worker acting for the care provider (begeleider, switched to its organisation). */
  careWorker: Agent;
  /** Wonen of the case's municipality, for the urgency (P3). */
  wonen: Agent;
  phase: BuildPhase;
  /** Purposes the client consents to; null: no consent recorded. */
  purposes: string[] | null;
  /** Assign De Linde Wonen (needs PB-1 in the consent; done before a withdrawal). */
  corporation?: boolean;
  /** Withdraw the consent at the end. */
  withdraw?: boolean;
  firstName?: string;
  lastName?: string;
  targetGroup?: string;
  multiProblemFamily?: boolean;
  accessRoute?: string;
}

export interface BuiltCase {
  clientId: string;
  trajectoryId: string;
  consentId: string | null;
}

async function step(agent: Agent, tid: string, type: string, occurredOn: string, data: Record<string, unknown> = {}) {
  const t = await agent.get(`/api/v1/trajectories/${tid}`);
  expect(t.statusCode, `${type}: read ${t.body}`).toBe(200);
  const res = await agent.post(`/api/v1/trajectories/${tid}/events`, { type, occurredOn, data }, { 'if-match': t.headers.etag as string });
  expect(res.statusCode, `${type}: ${res.body}`).toBe(201);
  return res.json();
}

let n = 0;

export async function buildCase(ctx: TestContext, spec: CaseSpec): Promise<BuiltCase> {
  const cw = spec.careWorker;
  n++;
  const c = await cw.post('/api/v1/clients', {
    firstName: spec.firstName ?? 'Proef', lastName: spec.lastName ?? `Persoon ${n}`, birthDate: '1991-04-03', phone: '06 1111 2222', address: 'Opvang De Haven, Veenhaven',
    woningnetNumber: `WN-${1000 + n}`, woningnetRegisteredOn: '2019-09-15', targetGroup: spec.targetGroup ?? 'omslag_mobw_adult', multiProblemFamily: spec.multiProblemFamily ?? false,
  });
  expect(c.statusCode, c.body).toBe(201);
  const clientId = c.json().id as string;
  const t = await cw.post('/api/v1/trajectories', { clientId, startedOn: '2026-01-05', ...(spec.accessRoute ? { accessRoute: spec.accessRoute, variant: 'other_route' } : {}) });
  expect(t.statusCode, t.body).toBe(201);
  const tid = t.json().id as string;
  const reach = ORDER.indexOf(spec.phase);
  let consentId: string | null = null;
  if (spec.purposes) {
    const body: Record<string, unknown> = { purposes: spec.purposes, givenOn: '2026-01-05', explainedItems: ALL_EXPLAINED, retention: 'Tot 2 jaar na einde traject' };
    if (reach >= 1) body.recordStep = { trajectoryVersion: Number(String(t.headers.etag).replaceAll('"', '')) };
    const k = await cw.post(`/api/v1/clients/${clientId}/consents`, body);
    expect(k.statusCode, k.body).toBe(201);
    consentId = k.json().id;
  }
  if (reach >= 2) {
    await step(cw, tid, 'housing_needs_recorded', '2026-01-06', { preferredNeighbourhoods: ['Oost'], excludedNeighbourhoods: [], circumstances: 'Alleenstaand', schoolProximity: '' });
    await step(cw, tid, 'referral_analysis_recorded', '2026-01-07', { c1PaysRent: true, c2GoodNeighbour: true, c3AcceptsSupport: true, c4GoalsMatchLifeDomains: true, nuisanceRisk: 'Laag' });
    await step(cw, tid, 'goals_set', '2026-01-07', { goals: GOALS });
    await step(cw, tid, 'referral_submitted', '2026-01-08');
  }
  if (reach >= 3) {
    await step(cw, tid, 'decision_issued', '2026-01-12');
    await step(spec.wonen, tid, 'urgency_granted', '2026-01-19', { conditional: true });
    await step(spec.wonen, tid, 'active_mediation_started', '2026-01-20');
  }
  if (spec.corporation) {
    const res = await cw.put(`/api/v1/trajectories/${tid}/corporation`, { corporationId: await orgId(ctx, 'WC-LINDE'), contactUserId: await userId(ctx, 'corporatie') }, { 'if-match': await etagOf(cw, `/api/v1/trajectories/${tid}`) });
    expect(res.statusCode, res.body).toBe(200);
  }
  if (spec.withdraw && consentId) {
    const res = await cw.post(`/api/v1/consents/${consentId}/withdraw`, {}, { 'if-match': '"1"' });
    expect(res.statusCode, res.body).toBe(200);
  }
  return { clientId, trajectoryId: tid, consentId };
}

/** A second municipality (outside Veenhaven's region) with its own Wonen directorate and officer, who logs in with the demo password. */
export async function otherMunicipality(ctx: TestContext): Promise<{ municipalityId: string; wonenEmail: string }> {
  const now = ctx.clock.now();
  const region = await ctx.db.insertInto('regions').values({ code: 'REGIO-DIJKSTAD', name: 'Regio Dijkstad', created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
  const m = await ctx.db.insertInto('organisations').values({
    code: 'GEM-DIJKSTAD', name: 'Gemeente Dijkstad', type: 'municipality', parent_id: null, region_id: region.id, municipality_code: 'GM9002', contact_role_label: null, email: null, phone: null, created_at: now, updated_at: now,
  }).returning('id').executeTakeFirstOrThrow();
  const dir = await ctx.db.insertInto('organisations').values({
    code: 'GEM-DS-WONEN', name: 'Directie Wonen Dijkstad', type: 'municipal_directorate', parent_id: m.id, region_id: region.id, municipality_code: null, contact_role_label: null, email: null, phone: null, created_at: now, updated_at: now,
  }).returning('id').executeTakeFirstOrThrow();
  const demo = await ctx.db.selectFrom('users').select('password_hash').where('email', '=', 'wonen@demo.thuisroute.nl').executeTakeFirstOrThrow();
  const wonenEmail = 'wonen@dijkstad.example';
  const u = await ctx.db.insertInto('users').values({ email: wonenEmail, name: 'Wonen Dijkstad', password_hash: demo.password_hash, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
  await ctx.db.insertInto('memberships').values({ user_id: u.id, organisation_id: dir.id, role: 'wonen_officer', starts_on: '2020-01-01', created_at: now, updated_at: now }).execute();
  ctx.server.app.scopes.invalidate();
  return { municipalityId: m.id, wonenEmail };
}
