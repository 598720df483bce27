/**
 * Issue 12, read pipeline: the session and its memberships are resolved in one statement per request
 * (src/platform/auth/sessions.ts), so revocation stays immediate — also when another app instance on
 * the same database revokes. Instance B below is a second app on the same database; each test warms
 * instance A with requests first, so a cache there would be populated.
 * And the worklist's lean list items: codes, no two-language labels, no histories.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { Agent, etagOf, startTestApp, userId, type TestContext } from '../support/harness.ts';
import { buildApp } from '../../src/platform/http/app.ts';
import { MODULES } from '../../src/app/modules.ts';
import type { Server } from '../../src/app/server.ts';

let ctx: TestContext;
let instanceB: FastifyInstance;
beforeAll(async () => {
  ctx = await startTestApp({ demoCases: true });
  instanceB = (await buildApp({ config: ctx.config, database: ctx.server.database, clock: ctx.clock }, MODULES)) as unknown as FastifyInstance;
  await instanceB.ready();
});
afterAll(async () => {
  await instanceB?.close();
  await ctx?.close();
});

/** The same cookie (and CSRF token) on instance B. */
function onInstanceB(a: Agent): Agent {
  const b = new Agent({ app: instanceB } as unknown as Server);
  for (const [k, v] of a.cookies) b.cookies.set(k, v);
  b.csrfToken = a.csrfToken;
  return b;
}

async function warm(a: Agent) {
  for (let i = 0; i < 3; i++) expect((await a.get('/api/v1/worklist?asOf=2026-03-02')).statusCode).toBe(200);
}

describe('revocation is immediate (session and memberships resolved per request)', () => {
  it('logout, then the same cookie → 401 at the next request, on this instance and on another', async () => {
    const a = await ctx.login('begeleider');
    await warm(a);
    await warm(onInstanceB(a));
    const replayB = onInstanceB(a);
    const replayA = ctx.agent();
    replayA.cookies.set('tr_session', a.cookies.get('tr_session')!);
    expect((await a.post('/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await replayA.get('/api/v1/worklist')).statusCode).toBe(401);
    expect((await replayB.get('/api/v1/worklist')).statusCode).toBe(401);
  });

  it('a session revoked on instance B (logout there) is refused on instance A at the next request', async () => {
    const a = await ctx.login('begeleider');
    await warm(a);
    expect((await onInstanceB(a).post('/api/v1/auth/logout')).statusCode).toBe(204);
    const res = await a.get('/api/v1/worklist');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('session_expired');
  });

  it('a role taken away (membership ended by the administrator) denies the next request; a role changed in the database acts at once', async () => {
    const tm = await ctx.login('teammanager');
    await warm(tm);
    expect((await tm.get('/api/v1/worklist?scope=organisation&asOf=2026-03-02')).statusCode).toBe(200);

    // Another instance changes the role (as a migration or an admin tool on another server would): the next request acts as a care worker.
    const id = await userId(ctx, 'teammanager');
    await ctx.db.updateTable('memberships').set({ role: 'care_worker' }).where('user_id', '=', id).execute();
    expect((await tm.get('/api/v1/worklist?scope=organisation&asOf=2026-03-02')).statusCode).toBe(403);
    await ctx.db.updateTable('memberships').set({ role: 'team_manager' }).where('user_id', '=', id).execute();
    expect((await tm.get('/api/v1/worklist?scope=organisation&asOf=2026-03-02')).statusCode).toBe(200);

    // The administrator ends the membership on instance B; instance A denies the next request (no membership left: no role).
    const admin = onInstanceB(await ctx.login('admin'));
    const user = (await admin.get(`/api/v1/users/${id}`)).json();
    const membership = user.memberships.find((m: { active: boolean }) => m.active);
    const ended = await admin.post(`/api/v1/memberships/${membership.id}/end`, {}, { 'if-match': await etagOfMembership(admin, id, membership.id) });
    expect(ended.statusCode, ended.body).toBe(200);
    expect((await tm.get('/api/v1/worklist?scope=organisation&asOf=2026-03-02')).statusCode).toBe(403);
    const session = await tm.get('/api/v1/auth/session');
    expect(session.statusCode).toBe(200);
    expect(session.json().memberships).toEqual([]);
  });

  it('a deactivated user → 401 at the next request, whether deactivated over HTTP or by another instance', async () => {
    const victim = await ctx.login('collega');
    await warm(victim);
    const id = await userId(ctx, 'collega');
    await ctx.db.updateTable('users').set({ active: false }).where('id', '=', id).execute();
    expect((await victim.get('/api/v1/worklist')).statusCode).toBe(401);
    expect((await onInstanceB(victim).get('/api/v1/auth/session')).statusCode).toBe(401);
    await ctx.db.updateTable('users').set({ active: true }).where('id', '=', id).execute();

    const again = await ctx.login('collega');
    await warm(again);
    const admin = await ctx.login('admin');
    const successor = await userId(ctx, 'begeleider');
    const etag = await etagOf(admin, `/api/v1/users/${id}`);
    expect((await onInstanceB(admin).post(`/api/v1/users/${id}/deactivate`, { successorUserId: successor, reason: 'Uit dienst' }, { 'if-match': etag })).statusCode).toBe(200);
    expect((await again.get('/api/v1/worklist')).statusCode).toBe(401);
  });
});

/** The ETag of a membership: its version, as the user's view carries it. */
async function etagOfMembership(admin: Agent, uid: string, membershipId: string): Promise<string> {
  const u = (await admin.get(`/api/v1/users/${uid}`)).json();
  const m = u.memberships.find((x: { id: string }) => x.id === membershipId);
  return `"${m.version}"`;
}

describe('worklist list payload: lean items', () => {
  const LEAN_KEYS = [
    'actors', 'caseId', 'caseKind', 'clientId', 'clientName', 'due', 'escalated', 'key', 'kind', 'moved', 'nature', 'originalDue', 'overdue', 'paused',
    'phase', 'purpose', 'ruleId', 'start', 'status', 'trajectoryId', 'warnOn', 'warning',
  ];

  it('items carry codes (rule, nature, phase, purpose, Atw article), no two-language labels and no histories; the detail keeps its full shape', async () => {
    let items: Array<Record<string, unknown>> = [];
    let asOf = '';
    let tm: Agent | null = null;
    search: for (const who of ['begeleider', 'wonen', 'corporatie']) {
      tm = await ctx.login(who);
      for (const d of ['2026-03-02', '2026-04-20', '2026-06-01', '2026-09-01', '2027-03-01']) {
        const res = await tm.get(`/api/v1/worklist?asOf=${d}`);
        expect(res.statusCode, res.body).toBe(200);
        items = res.json().items;
        asOf = d;
        if (items.some((i) => i.caseKind === 'trajectory')) break search;
      }
    }
    expect(items.length).toBeGreaterThan(0);
    for (const i of items) {
      expect(Object.keys(i).sort()).toEqual(LEAN_KEYS);
      expect(i.ruleId).toMatch(/^[A-Z]+(-[A-Z]+)?-\d+/);
      expect(i).not.toHaveProperty('label');
      expect(i).not.toHaveProperty('history');
      expect(i).not.toHaveProperty('note');
      for (const m of i.moved as Array<Record<string, unknown>>) expect(Object.keys(m).sort()).toEqual(['from', 'rule', 'to']);
    }
    // The detail of the same deadline is unchanged: it still has the words and the history.
    const first = items.find((i) => i.caseKind === 'trajectory')!;
    const detail = (await tm!.get(`/api/v1/trajectories/${first.caseId}/deadlines?asOf=${asOf}&purpose=${first.purpose}`)).json().items;
    const same = detail.find((d: { key: string }) => d.key === first.key);
    expect(same).toMatchObject({ ruleId: first.ruleId, due: first.due, status: first.status });
    expect(same.label).toEqual({ nl: expect.any(String), en: expect.any(String) });
    expect(Array.isArray(same.history)).toBe(true);
  });

  it('the OpenAPI document describes the lean item (no label, closed object)', async () => {
    const doc = (await ctx.agent().get('/api/v1/openapi.json')).json();
    const path = Object.keys(doc.paths).find((p) => p.endsWith('/worklist'))!;
    const schema = doc.paths[path].get.responses['200'].content['application/json'].schema;
    const item = schema.properties.items.items;
    expect(item.additionalProperties).toBe(false);
    expect(Object.keys(item.properties).sort()).toEqual(LEAN_KEYS);
  });
});
