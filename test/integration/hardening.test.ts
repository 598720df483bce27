/**
 * Issue 7, hardening: login without account enumeration and with a per-(account, address)
 * lockout, TRUST_PROXY for the rate limit, the audit head as a number, Cache-Control on
 * personal data, /metrics behind a token, the password policy, the password change under
 * the lockout, and org admins attaching users of other organisations.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import argon2 from 'argon2';
import { sql } from 'kysely';
import { orgId, startTestApp, userId, type Agent, type TestContext } from '../support/harness.ts';
import { parseTrustProxy } from '../../src/platform/config/config.ts';
import { sealAudit } from '../../src/platform/audit/sealer.ts';

/** Every demo account's password (src/app/seed/demo.ts); it is set by the seed, not through the policy. */
const DEMO_PASSWORD = 'thuisroute-demo';
const email = (who: string) => `${who}@demo.thuisroute.nl`;

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});
afterAll(async () => ctx?.close());
afterEach(() => {
  vi.restoreAllMocks();
});

/** A login from a given client address (the socket's peer; TRUST_PROXY is off by default). */
function loginFrom(c: TestContext, address: string, who: string, password: string, headers: Record<string, string> = {}) {
  return c.server.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    remoteAddress: address,
    headers: { 'content-type': 'application/json', 'accept-language': 'nl', ...headers },
    payload: JSON.stringify({ email: who.includes('@') ? who : email(who), password }),
  });
}

/** The problem body without what differs per request. */
const comparable = (body: Record<string, unknown>) => {
  const { requestId: _requestId, ...rest } = body;
  return rest;
};

describe('hardening: login without account enumeration', () => {
  it('hardening: a locked account answers like an unknown one and a wrong password — same status, same problem body, one argon2id verification each', async () => {
    for (let i = 0; i < 5; i++) expect((await loginFrom(ctx, '10.0.0.1', 'mzwo', `fout-${i}`)).statusCode).toBe(401);

    const verify = vi.spyOn(argon2, 'verify');
    const attempts = {
      unknown: await loginFrom(ctx, '10.0.0.1', 'bestaat-niet', 'een-wachtwoord'),
      wrongPassword: await loginFrom(ctx, '10.0.0.1', 'wonen', 'fout-wachtwoord'),
      locked: await loginFrom(ctx, '10.0.0.1', 'mzwo', DEMO_PASSWORD),
      lockedWrong: await loginFrom(ctx, '10.0.0.1', 'mzwo', 'fout-wachtwoord'),
    };
    // Exactly one argon2id verification per attempt, whatever the case (timing does not tell).
    expect(verify).toHaveBeenCalledTimes(4);

    const reference = attempts.unknown;
    expect(reference.statusCode).toBe(401);
    expect(reference.headers['content-type']).toContain('application/problem+json');
    expect(reference.json().code).toBe('invalid_credentials');
    expect(reference.json().messages.nl.detail).toContain('Het e-mailadres of wachtwoord klopt niet.');
    expect(reference.json().messages.en.detail).toContain('The e-mail address or password is incorrect.');
    for (const [name, res] of Object.entries(attempts)) {
      expect(res.statusCode, name).toBe(reference.statusCode);
      expect(res.headers['content-type'], name).toBe(reference.headers['content-type']);
      expect(res.headers['retry-after'], name).toBeUndefined();
      expect(comparable(res.json()), name).toEqual(comparable(reference.json()));
    }

    // The audit trail still tells them apart (for the administrator, not the caller).
    const mzwo = await userId(ctx, 'mzwo');
    const denied = await ctx.db.selectFrom('audit_log').select('details').where('action', '=', 'auth.login').where('resource_id', '=', mzwo).where('outcome', '=', 'denied').execute();
    expect(denied).toHaveLength(2);
    // Attempts while locked do not extend the lockout.
    const row = await ctx.db.selectFrom('login_failures').selectAll().where('user_id', '=', mzwo).executeTakeFirstOrThrow();
    expect(new Date(row.locked_until!).toISOString()).toBe(new Date(ctx.clock.now().getTime() + 15 * 60_000).toISOString());
  });

  it('hardening: failures from one address lock that address out of the account only; the correct password from another address still works', async () => {
    const who = 'corporatie';
    for (let i = 0; i < 5; i++) await loginFrom(ctx, '10.0.0.2', who, `fout-${i}`);
    expect((await loginFrom(ctx, '10.0.0.2', who, DEMO_PASSWORD)).statusCode).toBe(401);
    expect((await loginFrom(ctx, '10.0.0.3', who, DEMO_PASSWORD)).statusCode).toBe(200);
    // A success from the other address does not lift the first address's lockout.
    expect((await loginFrom(ctx, '10.0.0.2', who, DEMO_PASSWORD)).statusCode).toBe(401);

    // The administration still shows the lockout (the latest over the addresses) and can lift it.
    const admin = await ctx.login('admin');
    const id = await userId(ctx, who);
    const before = await admin.get(`/api/v1/users/${id}`);
    expect(before.json().lockedUntil).toBe(new Date(ctx.clock.now().getTime() + 15 * 60_000).toISOString());
    const unlocked = await admin.patch(`/api/v1/users/${id}`, { unlock: true }, { 'if-match': before.headers.etag as string });
    expect(unlocked.statusCode).toBe(200);
    expect(unlocked.json()).toMatchObject({ lockedUntil: null, failedLoginCount: 0 });
    expect(await ctx.db.selectFrom('login_failures').select('address').where('user_id', '=', id).execute()).toEqual([]);
    expect((await loginFrom(ctx, '10.0.0.2', who, DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('hardening: the failure count is per address and shown as the highest over the addresses', async () => {
    const who = 'onafhankelijk';
    const id = await userId(ctx, who);
    for (let i = 0; i < 3; i++) await loginFrom(ctx, '10.0.1.1', who, `fout-${i}`);
    await loginFrom(ctx, '10.0.1.2', who, 'fout');
    const admin = await ctx.login('admin');
    expect((await admin.get(`/api/v1/users/${id}`)).json()).toMatchObject({ failedLoginCount: 3, lockedUntil: null });
    // A correct password from 10.0.1.1 forgets that address's failures only.
    expect((await loginFrom(ctx, '10.0.1.1', who, DEMO_PASSWORD)).statusCode).toBe(200);
    expect((await admin.get(`/api/v1/users/${id}`)).json()).toMatchObject({ failedLoginCount: 1 });
    // A lockout ends after LOGIN_LOCKOUT_MINUTES.
    for (let i = 0; i < 5; i++) await loginFrom(ctx, '10.0.1.2', who, `fout-${i}`);
    expect((await loginFrom(ctx, '10.0.1.2', who, DEMO_PASSWORD)).statusCode).toBe(401);
    ctx.clock.advance(16 * 60_000);
    expect((await loginFrom(ctx, '10.0.1.2', who, DEMO_PASSWORD)).statusCode).toBe(200);
  });
});

describe('hardening: TRUST_PROXY', () => {
  it('hardening: with TRUST_PROXY off (the default), changing X-Forwarded-For does not bypass the login rate limit', async () => {
    const limited = await startTestApp({ loginRateLimitPerMinute: 3 });
    try {
      expect(limited.config.trustProxy).toBe(false);
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        statuses.push((await loginFrom(limited, '192.0.2.10', 'x@demo.thuisroute.nl', 'y', { 'x-forwarded-for': `203.0.113.${i + 1}` })).statusCode);
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await limited.close();
    }
  });

  it('hardening: TRUST_PROXY names the proxies whose X-Forwarded-For counts as the client address', async () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy('false')).toBe(false);
    expect(parseTrustProxy('true')).toBe(true);
    expect(parseTrustProxy('0')).toBe(false);
    const twoHops = parseTrustProxy('2') as (address: string, hop: number) => boolean;
    expect([0, 1, 2].map((hop) => twoHops('10.0.0.1', hop))).toEqual([true, true, false]);
    expect(parseTrustProxy('10.0.0.0/8, 127.0.0.1,::1')).toEqual(['10.0.0.0/8', '127.0.0.1', '::1']);
    expect(() => parseTrustProxy('proxy.internal')).toThrow(/TRUST_PROXY/);
    expect(() => parseTrustProxy('10.0.0.0/33')).toThrow(/TRUST_PROXY/);

    // Behind a trusted proxy (192.0.2.10), each forwarded client has its own budget.
    const proxied = await startTestApp({ loginRateLimitPerMinute: 3 }, { TRUST_PROXY: '192.0.2.10' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        statuses.push((await loginFrom(proxied, '192.0.2.10', 'x@demo.thuisroute.nl', 'y', { 'x-forwarded-for': `203.0.113.${i + 1}` })).statusCode);
      }
      expect(statuses).toEqual([401, 401, 401, 401, 401]);
      // An untrusted peer's header is ignored.
      const direct: number[] = [];
      for (let i = 0; i < 4; i++) {
        direct.push((await loginFrom(proxied, '198.51.100.7', 'x@demo.thuisroute.nl', 'y', { 'x-forwarded-for': `203.0.113.${i + 100}` })).statusCode);
      }
      expect(direct).toEqual([401, 401, 401, 429]);
    } finally {
      await proxied.close();
    }
  });
});

describe('hardening: audit head sequence', () => {
  it('hardening: GET /audit/verify reports the head sequence as a number (2158, not "999" by text order)', async () => {
    // Grow the trail past 1000 rows, so text order and number order differ.
    await sql`INSERT INTO audit_log (occurred_at, action, resource_type, outcome, details)
      SELECT ${ctx.clock.now()}::timestamptz, 'test.fill', 'test', 'success', jsonb_build_object('i', i)
      FROM generate_series(1, 1100) AS i`.execute(ctx.db);
    const admin = await ctx.login('admin');
    await sealAudit(ctx.db); // what the sealer job does within a second (ADR 0014)
    const res = await admin.get('/api/v1/audit/verify');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const { rows } = await sql<{ max: string }>`SELECT max(seq)::text AS max FROM audit_log`.execute(ctx.db);
    expect(Number(rows[0]!.max)).toBeGreaterThan(1000);
    expect(typeof body.headSeq).toBe('number');
    expect(body.ok).toBe(true);
    expect(body.headSeq).toBe(Number(rows[0]!.max));
    const head = await ctx.db.selectFrom('audit_seal').select('hash').where('seq', '=', String(body.headSeq)).executeTakeFirstOrThrow();
    expect(body.headHash).toBe(head.hash);
  });
});

describe('hardening: Cache-Control on personal data', () => {
  it('hardening: responses with personal data, the session and their error answers carry Cache-Control: no-store', async () => {
    const a = await ctx.login('beheerder');
    const cases: Array<[string, Awaited<ReturnType<Agent['get']>>]> = [
      ['session', await a.get('/api/v1/auth/session')],
      ['users list (personal data)', await a.get('/api/v1/users')],
      ['user detail (personal data)', await a.get(`/api/v1/users/${await userId(ctx, 'teammanager')}`)],
      ['personal data, not found', await a.get('/api/v1/users/00000000-0000-4000-8000-000000000000')],
      ['personal data, not logged in', await ctx.agent().get('/api/v1/users')],
      ['session, not logged in', await ctx.agent().get('/api/v1/auth/session')],
      ['failed login', await ctx.agent().post('/api/v1/auth/login', { email: 'niemand@demo.thuisroute.nl', password: 'x' })],
      ['unknown API route', await a.get('/api/v1/does-not-exist')],
    ];
    expect(cases.map(([, r]) => r.statusCode)).toEqual([200, 200, 200, 404, 401, 401, 401, 404]);
    for (const [name, res] of cases) expect(res.headers['cache-control'], name).toBe('no-store');
    // Static reference documents stay cacheable.
    expect((await ctx.agent().get('/api/v1/openapi.json')).headers['cache-control']).not.toBe('no-store');
  });
});

describe('hardening: /metrics not public', () => {
  it('hardening: without METRICS_TOKEN /metrics does not exist (404 problem+json)', async () => {
    const res = await ctx.agent().get('/metrics');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).not.toContain('thuisroute_http_request_duration_seconds');
  });

  it('hardening: with METRICS_TOKEN /metrics needs Authorization: Bearer <token>', async () => {
    const token = 'metrics-token-for-the-test-0123456789';
    const m = await startTestApp({}, { METRICS_TOKEN: token });
    try {
      const none = await m.agent().get('/metrics');
      expect(none.statusCode).toBe(401);
      expect(none.headers['www-authenticate']).toContain('Bearer');
      expect(none.json().messages.en.detail).toContain('metrics token');
      expect((await m.agent().get('/metrics', { authorization: `Bearer ${token}x` })).statusCode).toBe(401);
      expect((await m.agent().get('/metrics', { authorization: `Basic ${token}` })).statusCode).toBe(401);
      const ok = await m.agent().get('/metrics', { authorization: `Bearer ${token}` });
      expect(ok.statusCode).toBe(200);
      expect(ok.body).toContain('thuisroute_http_request_duration_seconds');
      await expect(startTestApp({}, { METRICS_TOKEN: 'short' })).rejects.toThrow(/METRICS_TOKEN/);
    } finally {
      await m.close();
    }
  });
});

describe('hardening: password policy and password change', () => {
  it('hardening: a common, repeated or personal password is refused when changing one\'s own password (422 with a field error in Dutch and English)', async () => {
    const a = await ctx.login('teammanager');
    for (const [password, code] of [
      ['aaaaaaaaaaaa', 'repetitive'],
      ['abcabcabcabc', 'repetitive'],
      ['123412341234', 'repetitive'],
      ['password1234', 'common_password'],
      ['wachtwoord2026', 'common_password'],
      ['qwertyuiop12', 'common_password'],
      ['teammanager-2026', 'personal_data'],
      ['KarimElIdrissi!', 'personal_data'],
    ] as const) {
      const res = await a.post('/api/v1/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: password });
      expect(res.statusCode, password).toBe(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const body = res.json();
      expect(body.code).toBe('weak_password');
      expect(body.errors).toEqual([expect.objectContaining({ field: '/newPassword', in: 'body', code })]);
      expect(body.errors[0].messageNl).toMatch(/wachtwoord|tekens/i);
      expect(body.errors[0].messageEn).toMatch(/password|characters/i);
      expect(body.messages.nl.detail).toBe(body.errors[0].messageNl);
    }
    // A good one is accepted; the demo password still worked for the current one all along.
    expect((await a.post('/api/v1/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'fietsen langs de Amstel in mei' })).statusCode).toBe(204);
  });

  it('hardening: an administrator cannot set a common or trivial initial password for a new user', async () => {
    const oa = await ctx.login('beheerder');
    const horizon = await orgId(ctx, 'ZA-HORIZON');
    const weak = await oa.post('/api/v1/users', { email: 'nieuw.zwak@horizon.example', name: 'Nieuw Zwak', password: '123412341234', membership: { organisationId: horizon, role: 'care_worker' } });
    expect(weak.statusCode).toBe(422);
    expect(weak.json().errors[0]).toMatchObject({ field: '/password', code: 'repetitive' });
    expect(await ctx.db.selectFrom('users').select('id').where('email', '=', 'nieuw.zwak@horizon.example').execute()).toEqual([]);
    const common = await oa.post('/api/v1/users', { email: 'nieuw.zwak@horizon.example', name: 'Nieuw Zwak', password: 'iloveyou1234', membership: { organisationId: horizon, role: 'care_worker' } });
    expect(common.json()).toMatchObject({ code: 'weak_password', errors: [{ field: '/password', code: 'common_password' }] });
    const ok = await oa.post('/api/v1/users', { email: 'nieuw.sterk@horizon.example', name: 'Nieuw Sterk', password: 'een-lang-wachtwoord', membership: { organisationId: horizon, role: 'care_worker' } });
    expect(ok.statusCode).toBe(201);
  });

  it('hardening: changing the password refuses the current password as the new one (422, Dutch and English)', async () => {
    const a = await ctx.login('analist');
    const res = await a.post('/api/v1/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: DEMO_PASSWORD });
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.code).toBe('same_password');
    expect(body.errors).toEqual([expect.objectContaining({ field: '/newPassword', code: 'same_password' })]);
    expect(body.messages.nl.detail).toContain('anders');
    expect(body.messages.en.detail).toContain('differ');
  });

  it('hardening: a wrong current password counts toward the login lockout, and a locked address cannot try further', async () => {
    const who = 'collega';
    const a = await ctx.login(who); // from 127.0.0.1, like every injected request
    for (let i = 0; i < 5; i++) {
      const res = await a.post('/api/v1/auth/password', { currentPassword: `fout-${i}`, newPassword: 'fietsen langs de Amstel in mei' });
      expect(res.statusCode).toBe(422);
      expect(res.json().code).toBe('wrong_current_password');
    }
    const verify = vi.spyOn(argon2, 'verify');
    const locked = await a.post('/api/v1/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'fietsen langs de Amstel in mei' });
    expect(verify).toHaveBeenCalledTimes(1);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('password_attempts_locked');
    expect(Number(locked.headers['retry-after'])).toBe(15 * 60);
    expect(locked.json().messages.nl.detail).toContain('beheerder');
    // The same lockout as login: this address cannot log in, another one can.
    expect((await loginFrom(ctx, '127.0.0.1', who, DEMO_PASSWORD)).statusCode).toBe(401);
    expect((await loginFrom(ctx, '10.0.2.1', who, DEMO_PASSWORD)).statusCode).toBe(200);
    const id = await userId(ctx, who);
    const audit = await ctx.db.selectFrom('audit_log').select(['outcome']).where('action', '=', 'auth.change_password').where('resource_id', '=', id).orderBy('seq').execute();
    expect(audit.map((r) => r.outcome)).toEqual(['failure', 'failure', 'failure', 'failure', 'failure', 'denied']);
    const row = await ctx.db.selectFrom('users').select('password_hash').where('id', '=', id).executeTakeFirstOrThrow();
    expect(await argon2.verify(row.password_hash!, DEMO_PASSWORD)).toBe(true);
  });
});

describe('hardening: organisation administrators and users of other organisations', () => {
  it('hardening: an organisation administrator cannot attach a user of another organisation to its own (403, audited), a platform administrator can', async () => {
    const oa = await ctx.login('beheerder');
    const horizon = await orgId(ctx, 'ZA-HORIZON');
    const joost = await userId(ctx, 'corporatie'); // De Linde Wonen
    const res = await oa.post('/api/v1/memberships', { userId: joost, organisationId: horizon, role: 'care_worker' });
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'forbidden', reason: 'user_of_other_organisation' });
    expect(res.json().messages.nl.detail).toContain('platformbeheerder');
    expect(res.json().messages.en.detail).toContain('platform administrator');
    const memberships = await ctx.db.selectFrom('memberships').select('organisation_id').where('user_id', '=', joost).execute();
    expect(memberships.map((m) => m.organisation_id)).not.toContain(horizon);
    const denial = await ctx.db
      .selectFrom('audit_log')
      .select(['outcome', 'details', 'subject_organisation_id'])
      .where('action', '=', 'membership.create')
      .where('outcome', '=', 'denied')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(denial).toMatchObject({ subject_organisation_id: horizon, details: expect.objectContaining({ userId: joost, reason: 'user_of_other_organisation', status: 403 }) });
    // And so the administrator still cannot read that user's login state.
    const view = await oa.get(`/api/v1/users/${joost}`);
    expect(view.json()).not.toHaveProperty('lockedUntil');
    expect(view.json()).not.toHaveProperty('failedLoginCount');

    const admin = await ctx.login('admin');
    expect((await admin.post('/api/v1/memberships', { userId: joost, organisationId: horizon, role: 'care_worker' })).statusCode).toBe(201);
  });

  it('hardening: an organisation administrator still attaches a user of its own organisation', async () => {
    const oa = await ctx.login('beheerder');
    const horizon = await orgId(ctx, 'ZA-HORIZON');
    const karim = await userId(ctx, 'teammanager'); // Zorggroep Horizon only
    const res = await oa.post('/api/v1/memberships', { userId: karim, organisationId: horizon, role: 'care_worker' });
    expect(res.statusCode).toBe(201);
  });
});
