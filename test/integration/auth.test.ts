import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, userId, type TestContext } from '../support/harness.ts';
import { DEMO_PASSWORD } from '../../src/app/seed/demo.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});
afterAll(async () => ctx?.close());

describe('local login and sessions', () => {
  it('logs in with e-mail and password: httpOnly SameSite cookie, session view with memberships and CSRF token', async () => {
    const a = ctx.agent();
    const res = await a.post('/api/v1/auth/login', { email: 'Begeleider@Demo.Thuisroute.nl', password: DEMO_PASSWORD });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'tr_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.path).toBe('/');
    const s = res.json();
    expect(s.user.email).toBe('begeleider@demo.thuisroute.nl');
    expect(s.memberships.map((m: { organisationCode: string }) => m.organisationCode).sort()).toEqual(['ZA-HORIZON', 'ZA-ONDERDAK']);
    expect(s.csrfToken).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(s.authMethod).toBe('password');
    // Only the hash of the token is stored.
    const stored = await ctx.db.selectFrom('sessions').select('id').execute();
    expect(stored.map((r) => r.id)).not.toContain(cookie.value);
  });

  it('sets the Secure flag on the session cookie when COOKIE_SECURE is on (the default)', async () => {
    const secure = await startTestApp({ cookieSecure: true });
    try {
      const res = await secure.agent().post('/api/v1/auth/login', { email: 'admin@demo.thuisroute.nl', password: DEMO_PASSWORD });
      expect(res.cookies.find((c) => c.name === 'tr_session')!.secure).toBe(true);
    } finally {
      await secure.close();
    }
  });

  it('a wrong password gives 401 problem+json in Dutch and English, and is audited as a failure', async () => {
    const res = await ctx.agent().post('/api/v1/auth/login', { email: 'wonen@demo.thuisroute.nl', password: 'fout-wachtwoord' });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const body = res.json();
    expect(body.code).toBe('invalid_credentials');
    expect(body.messages.nl.detail).toContain('wachtwoord');
    expect(body.messages.en.detail).toContain('password');
    const rows = await ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'auth.login').where('outcome', '=', 'failure').execute();
    expect(rows.some((r) => r.resource_id === null || typeof r.resource_id === 'string')).toBe(true);
  });

  it('an unknown e-mail gets the same answer as a wrong password (no account enumeration)', async () => {
    const res = await ctx.agent().post('/api/v1/auth/login', { email: 'bestaat-niet@demo.thuisroute.nl', password: 'whatever-123' });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('invalid_credentials');
  });

  it('locks the account after 5 failed attempts, refuses even the right password, and lifts the lock after 15 minutes', async () => {
    const email = 'mzwo@demo.thuisroute.nl';
    for (let i = 0; i < 5; i++) {
      expect((await ctx.agent().post('/api/v1/auth/login', { email, password: `fout-${i}` })).statusCode).toBe(401);
    }
    const locked = await ctx.agent().post('/api/v1/auth/login', { email, password: DEMO_PASSWORD });
    expect(locked.statusCode).toBe(401);
    // The same answer as a wrong password or an unknown address (hardening: no account enumeration).
    expect(locked.json().code).toBe('invalid_credentials');
    ctx.clock.advance(16 * 60_000);
    expect((await ctx.agent().post('/api/v1/auth/login', { email, password: DEMO_PASSWORD })).statusCode).toBe(200);
  });

  it('an administrator can lift a lockout (unlock)', async () => {
    const email = 'analist@demo.thuisroute.nl';
    for (let i = 0; i < 5; i++) await ctx.agent().post('/api/v1/auth/login', { email, password: `fout-${i}` });
    const admin = await ctx.login('admin');
    const id = await userId(ctx, 'analist');
    const user = await admin.get(`/api/v1/users/${id}`);
    expect(user.json().lockedUntil).not.toBeNull();
    const res = await admin.patch(`/api/v1/users/${id}`, { unlock: true }, { 'if-match': user.headers.etag as string });
    expect(res.statusCode).toBe(200);
    expect(res.json().lockedUntil).toBeNull();
    expect((await ctx.agent().post('/api/v1/auth/login', { email, password: DEMO_PASSWORD })).statusCode).toBe(200);
  });

  it('rate-limits login attempts per client address (429 problem with Retry-After)', async () => {
    const limited = await startTestApp({ loginRateLimitPerMinute: 3 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await limited.agent().post('/api/v1/auth/login', { email: 'x@demo.thuisroute.nl', password: 'y' })).statusCode);
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
      const res = await limited.agent().post('/api/v1/auth/login', { email: 'x@demo.thuisroute.nl', password: 'y' });
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBe('rate_limited');
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });

  it('expires a session after 30 idle minutes (401 session_expired)', async () => {
    const a = await ctx.login('corporatie');
    ctx.clock.advance(29 * 60_000);
    expect((await a.get('/api/v1/auth/session')).statusCode).toBe(200);
    ctx.clock.advance(29 * 60_000);
    expect((await a.get('/api/v1/auth/session')).statusCode).toBe(200);
    ctx.clock.advance(31 * 60_000);
    const res = await a.get('/api/v1/auth/session');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('session_expired');
  });

  it('expires a session 12 hours after login even when it is used all the time (absolute expiry)', async () => {
    const a = await ctx.login('onafhankelijk');
    for (let h = 0; h < 11 * 3; h++) {
      ctx.clock.advance(20 * 60_000);
      expect((await a.get('/api/v1/auth/session')).statusCode).toBe(200);
    }
    ctx.clock.advance(60 * 60_000 + 1);
    expect((await a.get('/api/v1/auth/session')).json().code).toBe('session_expired');
  });

  it('logout revokes the session server-side: the old cookie no longer works', async () => {
    const a = await ctx.login('teammanager');
    const cookie = a.cookies.get('tr_session')!;
    expect((await a.post('/api/v1/auth/logout')).statusCode).toBe(204);
    const replay = ctx.agent();
    replay.cookies.set('tr_session', cookie);
    expect((await replay.get('/api/v1/auth/session')).statusCode).toBe(401);
  });

  it('organisation switcher: a user with two memberships switches the organisation it acts for; a foreign membership is refused', async () => {
    const a = await ctx.login('begeleider');
    const s = (await a.get('/api/v1/auth/session')).json();
    const other = s.memberships.find((m: { id: string }) => m.id !== s.activeMembershipId);
    const res = await a.put('/api/v1/auth/session/active-membership', { membershipId: other.id });
    expect(res.statusCode).toBe(200);
    expect((await a.get('/api/v1/auth/session')).json().activeMembershipId).toBe(other.id);
    const admin = (await (await ctx.login('admin')).get('/api/v1/auth/session')).json();
    const refused = await a.put('/api/v1/auth/session/active-membership', { membershipId: admin.activeMembershipId });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('not_your_membership');
  });

  it('changing the password needs the current one, ends the other sessions and keeps this one', async () => {
    const a = await ctx.login('redacteur');
    const b = await ctx.login('redacteur');
    expect((await a.post('/api/v1/auth/password', { currentPassword: 'wrong', newPassword: 'een-nieuw-lang-wachtwoord' })).statusCode).toBe(422);
    expect((await a.post('/api/v1/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'kort' })).statusCode).toBe(400);
    expect((await a.post('/api/v1/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'een-nieuw-lang-wachtwoord' })).statusCode).toBe(204);
    expect((await a.get('/api/v1/auth/session')).statusCode).toBe(200);
    expect((await b.get('/api/v1/auth/session')).statusCode).toBe(401);
    expect((await ctx.agent().post('/api/v1/auth/login', { email: 'redacteur@demo.thuisroute.nl', password: 'een-nieuw-lang-wachtwoord' })).statusCode).toBe(200);
    const row = await ctx.db.selectFrom('users').select('password_hash').where('email', '=', 'redacteur@demo.thuisroute.nl').executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('a deactivated user cannot log in and its sessions end', async () => {
    const victim = await ctx.login('collega');
    const admin = await ctx.login('admin');
    const id = await userId(ctx, 'collega');
    const successor = await userId(ctx, 'begeleider');
    const etag = (await admin.get(`/api/v1/users/${id}`)).headers.etag as string;
    expect((await admin.post(`/api/v1/users/${id}/deactivate`, { successorUserId: successor, reason: 'Uit dienst per 1 maart' }, { 'if-match': etag })).statusCode).toBe(200);
    expect((await victim.get('/api/v1/auth/session')).statusCode).toBe(401);
    expect((await ctx.agent().post('/api/v1/auth/login', { email: 'collega@demo.thuisroute.nl', password: DEMO_PASSWORD })).statusCode).toBe(401);
  });

  it('login needs no CSRF token, but every unsafe request with a session does', async () => {
    const a = await ctx.login('beheerder');
    const res = await a.request('POST', '/api/v1/regions', { code: 'R-CSRF', name: 'x' }, { 'x-csrf-token': 'nope' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('csrf');
  });
});

describe('security headers', () => {
  it('sends CSP, frame-ancestors none, nosniff, referrer policy and no server fingerprint', async () => {
    const res = await ctx.agent().get('/healthz');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});
