import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_NOW, auditCount, etagOf, orgId, startTestApp, userId, type TestContext } from '../support/harness.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});
afterAll(async () => ctx?.close());

describe('organisations', () => {
  it('the demo region: a municipality with directorates and 7 districts, 7 corporations, 12 care providers, the nuisance hub, a refugee support organisation', async () => {
    const a = await ctx.login('admin');
    const count = async (type: string) => (await a.get(`/api/v1/organisations?type=${type}&limit=200`)).json().total;
    expect(await count('municipality')).toBe(1);
    expect(await count('district')).toBe(7);
    expect(await count('housing_corporation')).toBe(7);
    expect(await count('care_provider')).toBe(12);
    expect(await count('nuisance_hub')).toBe(1);
    expect(await count('refugee_support')).toBe(1);
    expect(await count('financial_support_team')).toBe(1);
    const dirs = (await a.get(`/api/v1/organisations?type=municipal_directorate&parentId=${await orgId(ctx, 'GEM-VEENHAVEN')}`)).json();
    expect(dirs.items.map((o: { name: string }) => o.name)).toEqual(expect.arrayContaining([expect.stringContaining('Wonen'), expect.stringContaining('OJZ'), expect.stringContaining('WPI'), expect.stringContaining('GGD')]));
  });

  it('a platform administrator creates a municipality in a region and a district below it; structure rules are enforced', async () => {
    const a = await ctx.login('admin');
    const region = (await a.post('/api/v1/regions', { code: 'REGIO-NOORD', name: 'Regio Noord' })).json();
    const mun = await a.post('/api/v1/organisations', { code: 'GEM-DIJKWAARD', name: 'Gemeente Dijkwaard', type: 'municipality', municipalityCode: 'GM9002', regionId: region.id });
    expect(mun.statusCode).toBe(201);
    expect(mun.headers.location).toBe(`/api/v1/organisations/${mun.json().id}`);
    expect(mun.headers.etag).toBe('"1"');
    const district = await a.post('/api/v1/organisations', { code: 'SD-DIJK-CENTRUM', name: 'Stadsdeel Centrum', type: 'district', parentId: mun.json().id });
    expect(district.statusCode).toBe(201);
    // A district must hang under a municipality; a municipality needs its CBS code.
    const orphan = await a.post('/api/v1/organisations', { code: 'SD-WEES', name: 'Stadsdeel Wees', type: 'district' });
    expect(orphan.statusCode).toBe(422);
    expect(orphan.json().code).toBe('parent_type_not_allowed');
    const noCode = await a.post('/api/v1/organisations', { code: 'GEM-ZONDER', name: 'Gemeente Zonder Code', type: 'municipality' });
    expect(noCode.json().code).toBe('municipality_code');
    const dupCode = await a.post('/api/v1/organisations', { code: 'GEM-DIJKWAARD', name: 'Dubbel', type: 'care_provider' });
    expect(dupCode.statusCode).toBe(409);
    expect(dupCode.json().field).toBe('code');
    // Cycles are refused.
    const etag = (await a.get(`/api/v1/organisations/${mun.json().id}`)).headers.etag as string;
    const cycle = await a.patch(`/api/v1/organisations/${mun.json().id}`, { parentId: district.json().id }, { 'if-match': etag });
    expect(cycle.statusCode).toBe(422);
  });

  it('optimistic concurrency: the second of two edits with the same ETag gets 412 and nothing is lost silently', async () => {
    const admin = await ctx.login('admin');
    const orgAdmin = await ctx.login('beheerder');
    const id = await orgId(ctx, 'ZA-HORIZON');
    const e1 = (await admin.get(`/api/v1/organisations/${id}`)).headers.etag as string;
    const e2 = (await orgAdmin.get(`/api/v1/organisations/${id}`)).headers.etag as string;
    expect(e1).toBe(e2);
    const first = await admin.patch(`/api/v1/organisations/${id}`, { phone: '020 111 2222' }, { 'if-match': e1 });
    expect(first.statusCode).toBe(200);
    expect(first.headers.etag).not.toBe(e1);
    const second = await orgAdmin.patch(`/api/v1/organisations/${id}`, { phone: '020 999 8888' }, { 'if-match': e2 });
    expect(second.statusCode).toBe(412);
    expect(second.json()).toMatchObject({ code: 'precondition_failed', currentVersion: first.json().version });
    expect((await admin.get(`/api/v1/organisations/${id}`)).json().phone).toBe('020 111 2222');
    expect((await orgAdmin.patch(`/api/v1/organisations/${id}`, { phone: '020 999 8888' })).statusCode).toBe(428);
  });

  it('field-level write policy: an organisation administrator may change contact details but not the code', async () => {
    const orgAdmin = await ctx.login('beheerder');
    const id = await orgId(ctx, 'ZA-HORIZON');
    const etag = (await orgAdmin.get(`/api/v1/organisations/${id}`)).headers.etag as string;
    const res = await orgAdmin.patch(`/api/v1/organisations/${id}`, { code: 'ZA-ANDERS', email: 'info@horizon.example' }, { 'if-match': etag });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ field: '/code', code: 'not_writable' })]);
    const ok = await orgAdmin.patch(`/api/v1/organisations/${id}`, { email: 'info@horizon.example' }, { 'if-match': etag });
    expect(ok.statusCode).toBe(200);
  });

  it('deactivation keeps the organisation (history) and refuses while active organisations hang below it', async () => {
    const a = await ctx.login('admin');
    const mun = await orgId(ctx, 'GEM-VEENHAVEN');
    const blocked = await a.post(`/api/v1/organisations/${mun}/deactivate`, undefined, { 'if-match': (await a.get(`/api/v1/organisations/${mun}`)).headers.etag as string });
    expect(blocked.json().code).toBe('has_active_children');
    const vs = await orgId(ctx, 'VS-VEENHAVEN');
    const res = await a.post(`/api/v1/organisations/${vs}/deactivate`, undefined, { 'if-match': '"1"' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ active: false, version: 2 });
    expect((await a.get('/api/v1/organisations?type=refugee_support')).json().total).toBe(0);
    expect((await a.get('/api/v1/organisations?type=refugee_support&includeInactive=true')).json().total).toBe(1);
  });
});

describe('users and memberships', () => {
  it('an organisation administrator creates a colleague with a first membership in its own organisation, not elsewhere', async () => {
    const oa = await ctx.login('beheerder');
    const horizon = await orgId(ctx, 'ZA-HORIZON');
    const res = await oa.post('/api/v1/users', { email: 'Nieuwe.Begeleider@Horizon.example', name: 'Nieuwe Begeleider', password: 'een-lang-wachtwoord', membership: { organisationId: horizon, role: 'care_worker' } });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ email: 'nieuwe.begeleider@horizon.example', memberships: [expect.objectContaining({ organisationId: horizon, role: 'care_worker', active: true, startsOn: '2026-03-02' })] });
    const elsewhere = await oa.post('/api/v1/users', { email: 'x@linde.example', name: 'X', membership: { organisationId: await orgId(ctx, 'WC-LINDE'), role: 'corporation_contact' } });
    expect(elsewhere.statusCode).toBe(403);
    const platformRole = await oa.post('/api/v1/users', { email: 'y@horizon.example', name: 'Y', membership: { organisationId: horizon, role: 'platform_admin' } });
    expect(platformRole.statusCode).toBe(403);
    const dup = await oa.post('/api/v1/users', { email: 'nieuwe.begeleider@horizon.example', name: 'Dubbel', membership: { organisationId: horizon, role: 'care_worker' } });
    expect(dup.statusCode).toBe(409);
    // A role that does not exist in this type of organisation.
    const wrongRole = await oa.post('/api/v1/users', { email: 'z@horizon.example', name: 'Z', membership: { organisationId: horizon, role: 'corporation_contact' } });
    expect(wrongRole.statusCode).toBe(422);
    expect(wrongRole.json().code).toBe('role_not_allowed');
  });

  it('an organisation administrator lists only users of its own organisation; a team manager sees colleagues without security fields', async () => {
    const oa = await ctx.login('beheerder');
    const list = (await oa.get('/api/v1/users?limit=200')).json();
    const horizon = await orgId(ctx, 'ZA-HORIZON');
    expect(list.items.length).toBeGreaterThan(3);
    for (const u of list.items) expect(u.memberships.every((m: { organisationId: string }) => m.organisationId === horizon)).toBe(true);
    expect(list.items.map((u: { email: string }) => u.email)).not.toContain('corporatie@demo.thuisroute.nl');
    expect(list.items[0]).toHaveProperty('failedLoginCount');
    const tm = await ctx.login('teammanager');
    const colleagues = (await tm.get('/api/v1/users')).json();
    expect(colleagues.items.length).toBeGreaterThan(0);
    expect(colleagues.items[0]).not.toHaveProperty('failedLoginCount');
    expect(colleagues.items[0]).not.toHaveProperty('lockedUntil');
    // The care worker also works at Stichting Onderdak: the Horizon administrator does not see that membership.
    const sanne = (await oa.get(`/api/v1/users/${await userId(ctx, 'begeleider')}`)).json();
    expect(sanne.memberships.map((m: { organisationName: string }) => m.organisationName)).toEqual(['Zorggroep Horizon']);
  });

  it('a user may change its own name and language but not its e-mail', async () => {
    const me = await ctx.login('wonen');
    const id = await userId(ctx, 'wonen');
    const etag = (await me.get(`/api/v1/users/${id}`)).headers.etag as string;
    expect((await me.patch(`/api/v1/users/${id}`, { email: 'ander@demo.thuisroute.nl' }, { 'if-match': etag })).statusCode).toBe(400);
    const ok = await me.patch(`/api/v1/users/${id}`, { name: 'Fatma Yılmaz', locale: 'en' }, { 'if-match': etag });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ name: 'Fatma Yılmaz', locale: 'en' });
  });

  it('memberships: add a second role, end it (If-Match), a session acting for it falls back', async () => {
    const admin = await ctx.login('admin');
    const id = await userId(ctx, 'teammanager');
    const onderdak = await orgId(ctx, 'ZA-ONDERDAK');
    const m = await admin.post('/api/v1/memberships', { userId: id, organisationId: onderdak, role: 'team_manager' });
    expect(m.statusCode).toBe(201);
    expect((await admin.post('/api/v1/memberships', { userId: id, organisationId: onderdak, role: 'team_manager' })).statusCode).toBe(409);
    const tm = await ctx.login('teammanager');
    await tm.put('/api/v1/auth/session/active-membership', { membershipId: m.json().id });
    const stale = await admin.post(`/api/v1/memberships/${m.json().id}/end`, undefined, { 'if-match': '"7"' });
    expect(stale.statusCode).toBe(412);
    const ended = await admin.post(`/api/v1/memberships/${m.json().id}/end`, undefined, { 'if-match': '"1"' });
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toMatchObject({ active: false, endedOn: '2026-03-02' });
    // The session falls back to the user's other membership (Zorggroep Horizon).
    const after = (await tm.get('/api/v1/auth/session')).json();
    expect(after.memberships.find((x: { id: string }) => x.id === after.activeMembershipId).organisationCode).toBe('ZA-HORIZON');
    // A user left without any active membership can do nothing but manage its session.
    const horizonMembership = after.activeMembershipId;
    const hv = (await ctx.db.selectFrom('memberships').select('version').where('id', '=', horizonMembership).executeTakeFirstOrThrow()).version;
    expect((await admin.post(`/api/v1/memberships/${horizonMembership}/end`, undefined, { 'if-match': `"${hv}"` })).statusCode).toBe(200);
    expect((await tm.get('/api/v1/auth/session')).json().activeMembershipId).toBeNull();
    expect((await tm.get('/api/v1/organisations')).statusCode).toBe(403);
    expect((await tm.get('/api/v1/organisations')).json().reason).toBe('no_active_membership');
  });

  it('deactivation keeps history and hands open work to a named successor in the same organisation', async () => {
    const oa = await ctx.login('beheerder');
    const leaver = await userId(ctx, 'onafhankelijk');
    const successor = await userId(ctx, 'teammanager');
    const foreign = await userId(ctx, 'corporatie');
    const etag = (await oa.get(`/api/v1/users/${leaver}`)).headers.etag as string;
    const wrong = await oa.post(`/api/v1/users/${leaver}/deactivate`, { successorUserId: foreign, reason: 'Vertrokken' }, { 'if-match': etag });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().code).toBe('successor_not_in_organisation');
    const before = await auditCount(ctx);
    const res = await oa.post(`/api/v1/users/${leaver}/deactivate`, { successorUserId: successor, reason: 'Vertrokken per 1 maart' }, { 'if-match': etag });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ active: false, successorId: successor, deactivationReason: 'Vertrokken per 1 maart' });
    expect(res.json().handover.toUserId).toBe(successor);
    expect(await auditCount(ctx)).toBe(before + 1);
    const handover = await ctx.db.selectFrom('user_handovers').selectAll().where('from_user_id', '=', leaver).executeTakeFirstOrThrow();
    expect(handover.to_user_id).toBe(successor);
    // History is kept: the user row and its ended memberships remain.
    const ms = await ctx.db.selectFrom('memberships').selectAll().where('user_id', '=', leaver).execute();
    expect(ms.every((m) => !m.active && m.ended_on === '2026-03-02')).toBe(true);
    expect((await oa.post(`/api/v1/users/${leaver}/deactivate`, { successorUserId: successor, reason: 'nogmaals' }, { 'if-match': '"2"' })).statusCode).toBe(409);
  });
  it('only a platform administrator takes a platform role away: an organisation administrator cannot end it or deactivate its holder', async () => {
    const admin = await ctx.login('admin');
    const mun = await orgId(ctx, 'GEM-VEENHAVEN');
    const mkUser = async (email: string, role: string) => {
      const res = await admin.post('/api/v1/users', { email, name: email.split('@')[0], password: 'een-lang-wachtwoord-voor-de-test', membership: { organisationId: mun, role } });
      expect(res.statusCode).toBe(201);
      return res.json() as { id: string; memberships: { id: string }[] };
    };
    await mkUser('gemeente.beheer@veenhaven.example', 'org_admin');
    const editor = await mkUser('redacteur@veenhaven.example', 'platform_editor');
    const colleague = await mkUser('analist@veenhaven.example', 'programme_analyst');
    const oa = await ctx.login('gemeente.beheer@veenhaven.example', 'een-lang-wachtwoord-voor-de-test');
    const membershipUrl = `/api/v1/memberships/${editor.memberships[0]!.id}/end`;

    const end = await oa.post(membershipUrl, undefined, { 'if-match': '"1"' });
    expect(end.statusCode).toBe(403);
    const deactivate = await oa.post(`/api/v1/users/${editor.id}/deactivate`, { successorUserId: colleague.id, reason: 'Vertrokken' }, { 'if-match': await etagOf(oa, `/api/v1/users/${editor.id}`) });
    expect(deactivate.statusCode).toBe(403);
    expect((await admin.get(`/api/v1/users/${editor.id}`)).json()).toMatchObject({ active: true, memberships: [expect.objectContaining({ role: 'platform_editor', active: true })] });

    // The same organisation administrator does end an ordinary role in its organisation,
    // and the platform administrator ends the platform role.
    const analystEnd = await oa.post(`/api/v1/memberships/${colleague.memberships[0]!.id}/end`, undefined, { 'if-match': '"1"' });
    expect(analystEnd.statusCode).toBe(200);
    expect((await admin.post(membershipUrl, undefined, { 'if-match': '"1"' })).statusCode).toBe(200);
  });
});

describe('Idempotency-Key on POST', () => {
  it('a retry with the same key returns the stored response and writes nothing twice', async () => {
    const a = await ctx.login('admin');
    const body = { code: 'ZA-IDEMPOTENT', name: 'Zorg Idempotent', type: 'care_provider' };
    const first = await a.post('/api/v1/organisations', body, { 'idempotency-key': 'key-1' });
    expect(first.statusCode).toBe(201);
    const before = await auditCount(ctx);
    const retry = await a.post('/api/v1/organisations', body, { 'idempotency-key': 'key-1' });
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json().id).toBe(first.json().id);
    expect(await auditCount(ctx)).toBe(before);
    const rows = await ctx.db.selectFrom('organisations').select('id').where('code', '=', 'ZA-IDEMPOTENT').execute();
    expect(rows).toHaveLength(1);
  });

  it('the same key with another body is refused (422); a bad key is a 400', async () => {
    const a = await ctx.login('admin');
    await a.post('/api/v1/regions', { code: 'R-IDEM-A', name: 'A' }, { 'idempotency-key': 'key-2' });
    const other = await a.post('/api/v1/regions', { code: 'R-IDEM-B', name: 'B' }, { 'idempotency-key': 'key-2' });
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('idempotency_key_reused');
    expect((await a.post('/api/v1/regions', { code: 'R-IDEM-C', name: 'C' }, { 'idempotency-key': 'x'.repeat(201) })).statusCode).toBe(400);
  });

  it('a key lives IDEMPOTENCY_KEY_TTL_HOURS (24): past it, before any clean-up ran, the same key and body run as a new request', async () => {
    const a = await ctx.login('admin');
    const first = await a.post('/api/v1/regions', { code: 'R-IDEM-TTL', name: 'TTL' }, { 'idempotency-key': 'ttl-key' });
    expect(first.statusCode).toBe(201);
    ctx.clock.advance(23 * 60 * 60_000);
    const a1 = await ctx.login('admin'); // a session does not last that long: log in again
    const within = await a1.post('/api/v1/regions', { code: 'R-IDEM-TTL', name: 'TTL' }, { 'idempotency-key': 'ttl-key' });
    expect(within.headers['idempotent-replayed']).toBe('true');
    expect(within.statusCode).toBe(201);
    ctx.clock.advance(2 * 60 * 60_000);
    const a2 = await ctx.login('admin');
    const after = await a2.post('/api/v1/regions', { code: 'R-IDEM-TTL', name: 'TTL' }, { 'idempotency-key': 'ttl-key' });
    expect(after.headers['idempotent-replayed']).toBeUndefined();
    expect(after.statusCode).toBe(409); // ran anew: the region code is taken now, not the stored 201
    // and the key now holds the new answer, replayed within its new lifetime
    const replay = await a2.post('/api/v1/regions', { code: 'R-IDEM-TTL', name: 'TTL' }, { 'idempotency-key': 'ttl-key' });
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.statusCode).toBe(409);
    ctx.clock.set(TEST_NOW);
  });

  it('keys are per user: another user with the same key is not affected', async () => {
    const a = await ctx.login('admin');
    const b = await ctx.login('beheerder');
    await a.post('/api/v1/regions', { code: 'R-IDEM-D', name: 'D' }, { 'idempotency-key': 'shared-key' });
    const res = await b.post('/api/v1/regions', { code: 'R-IDEM-D', name: 'D' }, { 'idempotency-key': 'shared-key' });
    expect(res.statusCode).toBe(403); // b may not create regions at all — not a replay of a's response
  });
});
