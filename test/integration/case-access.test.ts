/**
 * The access leaks found when the platform was tried as other organisations would (issue 7),
 * each arranged as a real case through HTTP and asserted on what the API now answers: 403/404
 * or a filtered body, with the denial in the audit trail.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actFor, startTestApp, type Agent, type TestContext } from '../support/harness.ts';
import { ALL_EXPLAINED, buildCase, otherMunicipality } from '../support/case-builder.ts';

let ctx: TestContext;
let cw: Agent;
let cc: Agent;
let won: Agent;
let otherWon: Agent;
let otherMunicipalityId: string;

const ids = (res: { json(): { items: Array<{ clientId?: string; trajectoryId?: string }> } }) => res.json().items.map((i) => i.trajectoryId ?? i.clientId);

async function denials(trajectoryId: string, actorEmail: string) {
  return ctx.db
    .selectFrom('audit_log as a').innerJoin('users as u', 'u.id', 'a.actor_user_id')
    .select(['a.action', 'a.outcome', 'a.purpose', 'a.details']).where('u.email', '=', actorEmail).where('a.resource_id', '=', trajectoryId).where('a.outcome', '=', 'denied').execute();
}

async function eventCount(trajectoryId: string) {
  const r = await ctx.db.selectFrom('trajectory_events').select((eb) => eb.fn.countAll<string>().as('n')).where('trajectory_id', '=', trajectoryId).executeTakeFirstOrThrow();
  return Number(r.n);
}

beforeAll(async () => {
  ctx = await startTestApp();
  cw = await actFor(await ctx.login('begeleider'), 'ZA-HORIZON');
  cc = await ctx.login('corporatie');
  won = await ctx.login('wonen');
  const other = await otherMunicipality(ctx);
  otherMunicipalityId = other.municipalityId;
  otherWon = await ctx.login(other.wonenEmail);
});
afterAll(async () => ctx?.close());

describe('Wonen officers are confined to their own municipality', () => {
  it('a Wonen officer of another municipality cannot read, write or list a Veenhaven case; Veenhaven’s own Wonen can', async () => {
    const k = await buildCase(ctx, { careWorker: cw, wonen: won, phase: 'P2_urgency', purposes: ['PB-1', 'PB-2', 'PB-6'] });
    const t = k.trajectoryId;
    for (const url of [`/api/v1/trajectories/${t}`, `/api/v1/trajectories/${t}/events`, `/api/v1/trajectories/${t}/deadlines`, `/api/v1/trajectories/${t}/forms`, `/api/v1/trajectories/${t}/summary.pdf`, `/api/v1/clients/${k.clientId}`]) {
      const res = await otherWon.get(url);
      expect(res.statusCode, url).toBe(403);
      expect(res.body).not.toContain('Proef');
    }
    const before = await eventCount(t);
    const etag = (await cw.get(`/api/v1/trajectories/${t}`)).headers.etag as string;
    const write = await otherWon.post(`/api/v1/trajectories/${t}/events`, { type: 'decision_issued', occurredOn: '2026-01-12', data: {} }, { 'if-match': etag });
    expect(write.statusCode).toBe(403);
    expect(await eventCount(t)).toBe(before);
    expect(ids(await otherWon.get('/api/v1/clients'))).not.toContain(t);
    expect((await otherWon.get('/api/v1/worklist')).json().items.map((i: { caseId: string }) => i.caseId)).not.toContain(t);
    expect((await denials(t, 'wonen@dijkstad.example')).length).toBeGreaterThanOrEqual(7);
    // Veenhaven's own Wonen reads and lists it.
    expect((await won.get(`/api/v1/trajectories/${t}`)).statusCode).toBe(200);
    expect(ids(await won.get('/api/v1/clients'))).toContain(t);
  });

  it('a case referred to the other municipality is that municipality’s: its Wonen reads it, Veenhaven’s does not', async () => {
    const k = await buildCase(ctx, { careWorker: cw, wonen: won, phase: 'P2_urgency', purposes: ['PB-1', 'PB-2'] });
    await ctx.db.updateTable('trajectories').set({ municipality_id: otherMunicipalityId }).where('id', '=', k.trajectoryId).execute();
    expect((await otherWon.get(`/api/v1/trajectories/${k.trajectoryId}`)).statusCode).toBe(200);
    expect(ids(await otherWon.get('/api/v1/clients'))).toContain(k.trajectoryId);
    expect((await won.get(`/api/v1/trajectories/${k.trajectoryId}`)).statusCode).toBe(403);
    expect(ids(await won.get('/api/v1/clients'))).not.toContain(k.trajectoryId);
  });
});

describe('lists follow the acting organisation', () => {
  it('a care worker acting for her other care provider does not see the first one’s clients, on the list or the worklist', async () => {
    const k = await buildCase(ctx, { careWorker: cw, wonen: won, phase: 'P1_referral', purposes: ['PB-1'], firstName: 'Horizonclient' });
    expect(ids(await cw.get('/api/v1/clients'))).toContain(k.trajectoryId);
    const asOnderdak = await actFor(await ctx.login('begeleider'), 'ZA-ONDERDAK');
    const list = await asOnderdak.get('/api/v1/clients');
    expect(list.statusCode).toBe(200);
    expect(ids(list)).not.toContain(k.trajectoryId);
    expect(list.body).not.toContain('Horizonclient');
    const wl = await asOnderdak.get('/api/v1/worklist?asOf=2026-03-02');
    expect(wl.body).not.toContain('Horizonclient');
    expect((await asOnderdak.get(`/api/v1/trajectories/${k.trajectoryId}`)).statusCode).toBe(403);
    // The denial is audited with the organisation she acted for.
    const row = await ctx.db.selectFrom('audit_log as a').innerJoin('organisations as o', 'o.id', 'a.actor_organisation_id').select(['o.code', 'a.outcome'])
      .where('a.resource_id', '=', k.trajectoryId).where('a.outcome', '=', 'denied').orderBy('a.seq', 'desc').executeTakeFirstOrThrow();
    expect(row.code).toBe('ZA-ONDERDAK');
  });
});

describe('lists check consent for the viewer’s purpose (R-OR-82, R-OR-86, R-OR-94)', () => {
  it('R-OR-86: after a client withdrew PB-1…PB-7 and consented only to PB-8, neither the corporation nor Wonen lists or reads the client', async () => {
    const k = await buildCase(ctx, { careWorker: cw, wonen: won, phase: 'P3_matching', purposes: ['PB-1', 'PB-2', 'PB-3', 'PB-4', 'PB-5', 'PB-6', 'PB-7'], corporation: true, withdraw: true, firstName: 'Alleenpbacht' });
    const pb8 = await cw.post(`/api/v1/clients/${k.clientId}/consents`, { purposes: ['PB-8'], givenOn: '2026-03-01', explainedItems: ALL_EXPLAINED, retention: 'Tot 2 jaar na einde traject' });
    expect(pb8.statusCode, pb8.body).toBe(201);
    for (const who of [cc, won]) {
      const list = await who.get('/api/v1/clients?status=active');
      expect(list.body).not.toContain('Alleenpbacht');
      const detail = await who.get(`/api/v1/trajectories/${k.trajectoryId}`);
      expect(detail.statusCode).toBe(403);
      expect(detail.json().rule).toMatch(/^R-OR-(86|94)$/);
    }
  });

  it('R-OR-86: Wonen does not list a client whose consent covers only matching (PB-1)', async () => {
    const k = await buildCase(ctx, { careWorker: cw, wonen: won, phase: 'P2_urgency', purposes: ['PB-1'], firstName: 'Alleenmatching' });
    expect((await won.get('/api/v1/clients')).body).not.toContain('Alleenmatching');
    const detail = await won.get(`/api/v1/trajectories/${k.trajectoryId}`);
    expect(detail.statusCode).toBe(403);
    expect(detail.json()).toMatchObject({ code: 'no_consent', rule: 'R-OR-86' });
  });

  it('R-OR-94: Wonen’s worklist no longer shows the D-01 of a client who withdrew consent', async () => {
    const k = await buildCase(ctx, { careWorker: cw, wonen: won, phase: 'P3_matching', purposes: ['PB-1', 'PB-2', 'PB-6'], firstName: 'Ingetrokken' });
    const before = (await won.get('/api/v1/worklist?asOf=2026-04-15')).json().items.filter((i: { caseId: string }) => i.caseId === k.trajectoryId);
    expect(before.map((i: { ruleId: string }) => i.ruleId)).toContain('D-01');
    const w = await cw.post(`/api/v1/consents/${k.consentId}/withdraw`, {}, { 'if-match': '"1"' });
    expect(w.statusCode, w.body).toBe(200);
    const after = await won.get('/api/v1/worklist?asOf=2026-04-15');
    expect(after.json().items.filter((i: { caseId: string }) => i.caseId === k.trajectoryId)).toEqual([]);
    expect(after.body).not.toContain('Ingetrokken');
  });

  it('R-OR-82: a corporation assigned to a case that is back without valid consent (P0) sees neither the client nor the summary', async () => {
    const k = await buildCase(ctx, { careWorker: cw, wonen: won, phase: 'P0_consent', purposes: ['PB-1'], corporation: true, withdraw: true, firstName: 'Zondertoestemming' });
    const list = await cc.get('/api/v1/clients');
    expect(list.body).not.toContain('Zondertoestemming');
    for (const url of [`/api/v1/trajectories/${k.trajectoryId}`, `/api/v1/clients/${k.clientId}`, `/api/v1/trajectories/${k.trajectoryId}/summary.pdf`, `/api/v1/trajectories/${k.trajectoryId}/events`]) {
      const res = await cc.get(url);
      expect(res.statusCode, url).toBe(403);
      expect(res.body).not.toContain('Zondertoestemming');
    }
    expect((await cc.get('/api/v1/worklist')).body).not.toContain('Zondertoestemming');
  });
});

describe('the event history applies the same field visibility as the views', () => {
  it('R-OR-89: the corporation and Wonen do not read the access route or the multi-problem flag of the start, nor the corporation the target group', async () => {
    const k = await buildCase(ctx, {
      careWorker: cw, wonen: won, phase: 'P3_matching', purposes: ['PB-1', 'PB-2', 'PB-6'], corporation: true, multiProblemFamily: true, accessRoute: 'Blijf Groep', targetGroup: 'omslag_mobw_adult',
    });
    for (const who of [cc, won]) {
      const events = await who.get(`/api/v1/trajectories/${k.trajectoryId}/events`);
      expect(events.statusCode, events.body).toBe(200);
      const started = events.json().items.find((e: { type: string }) => e.type === 'trajectory_started');
      expect(started.data).not.toHaveProperty('accessRoute');
      expect(started.data).not.toHaveProperty('multiProblemFamily');
      expect(events.body).not.toContain('Blijf Groep');
    }
    // The care provider itself still reads them.
    const own = (await cw.get(`/api/v1/trajectories/${k.trajectoryId}/events`)).json().items.find((e: { type: string }) => e.type === 'trajectory_started');
    expect(own.data).toMatchObject({ accessRoute: 'Blijf Groep', multiProblemFamily: true });
    const corpView = (await cc.get(`/api/v1/trajectories/${k.trajectoryId}`)).json();
    expect(corpView.targetGroup).toBeNull();
    const corpItem = (await cc.get('/api/v1/clients')).json().items.find((i: { trajectoryId: string }) => i.trajectoryId === k.trajectoryId);
    expect(corpItem.targetGroup).toBeNull();
    expect((await won.get(`/api/v1/trajectories/${k.trajectoryId}`)).json().targetGroup).toBe('omslag_mobw_adult');
  });

  it('R-OR-46: Wonen reads the assessment of goals linked to the urgency only', async () => {
    const k = await buildCase(ctx, { careWorker: cw, wonen: won, phase: 'P3_matching', purposes: ['PB-1', 'PB-2', 'PB-6'] });
    for (const goalId of ['g1', 'g2']) {
      const etag = (await cw.get(`/api/v1/trajectories/${k.trajectoryId}`)).headers.etag as string;
      const res = await cw.post(`/api/v1/trajectories/${k.trajectoryId}/events`, { type: 'goal_achieved', occurredOn: '2026-02-01', data: { goalId, achieved: true, substantiation: `Toelichting ${goalId}` } }, { 'if-match': etag });
      expect(res.statusCode, res.body).toBe(201);
    }
    const seen = (await won.get(`/api/v1/trajectories/${k.trajectoryId}/events`)).json().items.filter((e: { type: string }) => e.type === 'goal_achieved');
    expect(seen.map((e: { data: { goalId: string } }) => e.data.goalId)).toEqual(['g1']);
    expect(seen[0].data).not.toHaveProperty('substantiation');
    const view = (await won.get(`/api/v1/trajectories/${k.trajectoryId}`)).json();
    expect(view.goals.map((g: { id: string }) => g.id)).toEqual(['g1', 'g3', 'g4']);
  });
});

describe('purpose binding: a purpose the party may use in the case’s phase (R-OR-86)', () => {
  it('R-OR-86: the corporation reading a P1 case “before lease transfer” is refused and the denial audited; under matching it is served and audited as such', async () => {
    const k = await buildCase(ctx, { careWorker: cw, wonen: won, phase: 'P1_referral', purposes: ['PB-1', 'PB-6'], corporation: true });
    const refused = await cc.get(`/api/v1/trajectories/${k.trajectoryId}?purpose=PB-6`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'purpose_not_allowed', rule: 'R-OR-86' });
    expect(refused.json().detail).not.toMatch(/PB-\d/);
    expect((await denials(k.trajectoryId, 'corporatie@demo.thuisroute.nl')).some((d) => (d.details as { reason?: string }).reason === 'purpose_not_allowed')).toBe(true);
    const served = await cc.get(`/api/v1/trajectories/${k.trajectoryId}?purpose=PB-1`);
    expect(served.statusCode).toBe(200);
    expect(served.json().purpose).toBe('PB-1');
    const audited = await ctx.db.selectFrom('audit_log').select(['purpose']).where('resource_id', '=', k.trajectoryId).where('action', '=', 'trajectory.read').where('outcome', '=', 'success').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(audited.purpose).toBe('PB-1');
  });

  it('R-OR-86: an unknown purpose and any purpose in P0 are refused', async () => {
    const k = await buildCase(ctx, { careWorker: cw, wonen: won, phase: 'P1_referral', purposes: ['PB-1'], corporation: true });
    expect((await cc.get(`/api/v1/trajectories/${k.trajectoryId}?purpose=PB-9`)).statusCode).toBe(403);
    expect((await won.get(`/api/v1/trajectories/${k.trajectoryId}?purpose=PB-1`)).statusCode).toBe(403);
  });
});

describe('corrections are for the party that may record the event', () => {
  it('Wonen cannot void the care worker’s consent step (403, nothing written); it does correct its own urgency', async () => {
    const k = await buildCase(ctx, { careWorker: cw, wonen: won, phase: 'P3_matching', purposes: ['PB-1', 'PB-2'] });
    const events = (await cw.get(`/api/v1/trajectories/${k.trajectoryId}/events`)).json().items;
    const consentGiven = events.find((e: { type: string }) => e.type === 'consent_given');
    const before = await eventCount(k.trajectoryId);
    const etag = (await won.get(`/api/v1/trajectories/${k.trajectoryId}`)).headers.etag as string;
    const res = await won.post(`/api/v1/trajectories/${k.trajectoryId}/events`, { type: 'event_voided', occurredOn: '2026-02-01', data: { reason: 'Onjuist' }, correctsEventId: consentGiven.id }, { 'if-match': etag });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'correction_by_other_party', rule: 'R-OR-82' });
    expect(await eventCount(k.trajectoryId)).toBe(before);
    expect((await denials(k.trajectoryId, 'wonen@demo.thuisroute.nl')).length).toBeGreaterThan(0);
    // Wonen corrects the date of its own step.
    const urgency = (await won.get(`/api/v1/trajectories/${k.trajectoryId}/events`)).json().items.find((e: { type: string }) => e.type === 'urgency_granted');
    const etag2 = (await won.get(`/api/v1/trajectories/${k.trajectoryId}`)).headers.etag as string;
    const own = await won.post(`/api/v1/trajectories/${k.trajectoryId}/events`, { type: 'event_corrected', occurredOn: '2026-02-01', data: { occurredOn: '2026-01-18', reason: 'Datum verkeerd overgenomen' }, correctsEventId: urgency.id }, { 'if-match': etag2 });
    expect(own.statusCode, own.body).toBe(201);
    expect(await eventCount(k.trajectoryId)).toBe(before + 1);
  });
});

describe('list reads are audited with the purpose they were served under', () => {
  it('R-OR-86: the corporation’s client list is audited as matching (PB-1), each client with its purpose', async () => {
    const k = await buildCase(ctx, { careWorker: cw, wonen: won, phase: 'P1_referral', purposes: ['PB-1'], corporation: true, firstName: 'Lijstaudit' });
    const list = await cc.get('/api/v1/clients?q=Lijstaudit');
    expect(list.json().items).toEqual([expect.objectContaining({ trajectoryId: k.trajectoryId, purpose: 'PB-1' })]);
    const row = await ctx.db.selectFrom('audit_log').select(['purpose', 'details']).where('action', '=', 'client.list').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(row.purpose).toBe('PB-1');
    expect((row.details as { purposes: Record<string, string> }).purposes[k.clientId]).toBe('PB-1');
  });
});

describe('consent and its route step commit together', () => {
  it('R-OR-82: a stale trajectory version refuses the consent and the step together (412, nothing written)', async () => {
    const c = await cw.post('/api/v1/clients', { firstName: 'Samen', lastName: 'Opgeslagen' });
    const t = await cw.post('/api/v1/trajectories', { clientId: c.json().id, startedOn: '2026-01-05' });
    const stale = await cw.post(`/api/v1/clients/${c.json().id}/consents`, { purposes: ['PB-1'], givenOn: '2026-01-05', explainedItems: ALL_EXPLAINED, retention: 'Tot 2 jaar', recordStep: { trajectoryVersion: 999 } });
    expect(stale.statusCode).toBe(412);
    expect((await ctx.db.selectFrom('consents').select('id').where('client_id', '=', c.json().id).execute())).toEqual([]);
    const version = Number(String(t.headers.etag).replaceAll('"', ''));
    const ok = await cw.post(`/api/v1/clients/${c.json().id}/consents`, { purposes: ['PB-1'], givenOn: '2026-01-05', explainedItems: ALL_EXPLAINED, retention: 'Tot 2 jaar', recordStep: { trajectoryVersion: version } });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().trajectoryVersion).toBeGreaterThan(version);
    expect((await cw.get(`/api/v1/trajectories/${t.json().id}`)).json().phase).toBe('P1_referral');
  });
});

describe('concurrent edits of the case team and the corporation are detected', () => {
  it('team changes and the corporation assignment need the trajectory’s ETag: missing 428, stale 412, nothing written', async () => {
    const k = await buildCase(ctx, { careWorker: cw, wonen: won, phase: 'P1_referral', purposes: ['PB-1'] });
    const url = `/api/v1/trajectories/${k.trajectoryId}`;
    const colleague = (await ctx.db.selectFrom('users').select('id').where('email', '=', 'teammanager@demo.thuisroute.nl').executeTakeFirstOrThrow()).id;
    const linde = (await ctx.db.selectFrom('organisations').select('id').where('code', '=', 'WC-LINDE').executeTakeFirstOrThrow()).id;
    const contact = (await ctx.db.selectFrom('users').select('id').where('email', '=', 'corporatie@demo.thuisroute.nl').executeTakeFirstOrThrow()).id;
    expect((await cw.post(`${url}/team`, { userId: colleague, caseRole: 'colleague' })).statusCode).toBe(428);
    expect((await cw.put(`${url}/corporation`, { corporationId: linde, contactUserId: contact })).statusCode).toBe(428);
    const etag = (await cw.get(url)).headers.etag as string;
    const added = await cw.post(`${url}/team`, { userId: colleague, caseRole: 'colleague' }, { 'if-match': etag });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.headers.etag).not.toBe(etag);
    // A second editor who read before the change is refused, and nothing changes.
    const stale = await cw.put(`${url}/corporation`, { corporationId: linde, contactUserId: contact }, { 'if-match': etag });
    expect(stale.statusCode).toBe(412);
    expect((await cw.get(url)).json().corporation).toBeNull();
    const member = (await cw.get(url)).json().team.find((m: { userId: string }) => m.userId === colleague);
    const staleRemove = await cw.delete(`${url}/team/${member.id}`, { 'if-match': etag });
    expect(staleRemove.statusCode).toBe(412);
    const removed = await cw.delete(`${url}/team/${member.id}`, { 'if-match': added.headers.etag as string });
    expect(removed.statusCode, removed.body).toBe(204);
    expect((await cw.get(url)).json().team.map((m: { userId: string }) => m.userId)).not.toContain(colleague);
  });
});
