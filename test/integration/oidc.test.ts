/**
 * Organisation login (OpenID Connect) end to end against a real provider:
 * oidc-provider runs inside the test on 127.0.0.1, Thuisroute listens on its own
 * port, and a tiny "browser" (fetch + cookie jar per origin, manual redirects)
 * walks the whole flow, including the provider's login and consent forms.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- oidc-provider ships no type declarations (and @types/oidc-provider is not installed)
import Provider from 'oidc-provider';
import { DEMO_DOMAIN } from '../../src/app/seed/demo.ts';
import { OIDC_STATE_COOKIE, oidcClientConfiguration } from '../../src/modules/auth/oidc.ts';
import { TEST_NOW, startTestApp, userId, type TestContext } from '../support/harness.ts';

const CLIENT_ID = 'thuisroute';
const CLIENT_SECRET = crypto.randomBytes(24).toString('base64url');
const SANNE = `begeleider@${DEMO_DOMAIN}`;
const DAAN = `collega@${DEMO_DOMAIN}`;

/** The provider's accounts: account id (= sub) → claims. Mutable, so a test can change what the provider asserts. */
const accounts = new Map<string, { email: string; email_verified: boolean; name: string }>([
  ['sanne-sub', { email: SANNE, email_verified: true, name: 'Sanne de Vries' }],
  ['sanne-unverified', { email: SANNE, email_verified: false, name: 'Sanne (unverified)' }],
  ['stranger', { email: 'onbekend@elders.example', email_verified: true, name: 'Onbekende Persoon' }],
  ['daan-sub', { email: DAAN, email_verified: true, name: 'Daan Mulder' }],
]);

/** A free TCP port on 127.0.0.1 (Thuisroute's port must be known before its OIDC config exists). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** A minimal browser: one cookie jar per origin, redirects followed by the caller. */
class Browser {
  private jars = new Map<string, Map<string, string>>();

  jar(origin: string): Map<string, string> {
    let j = this.jars.get(origin);
    if (!j) this.jars.set(origin, (j = new Map()));
    return j;
  }

  async fetch(url: string, init: { method?: 'GET' | 'POST'; form?: URLSearchParams } = {}): Promise<Response> {
    const u = new URL(url);
    const jar = this.jar(u.origin);
    const headers: Record<string, string> = { accept: 'text/html,application/json' };
    if (jar.size) headers.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    if (init.form) headers['content-type'] = 'application/x-www-form-urlencoded';
    const res = await fetch(u, { method: init.method ?? 'GET', headers, body: init.form?.toString(), redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      // Deletions only (Max-Age=0, or Expires at the epoch as clearCookie sends): Thuisroute runs on
      // the harness's fixed clock in the past, so a real-time expiry check would drop its fresh cookies.
      const expired = attrs.some((a) => {
        const [k, v = ''] = a.trim().split('=');
        if (k!.toLowerCase() === 'max-age') return Number(v) <= 0;
        if (k!.toLowerCase() === 'expires') return new Date(v).getTime() < Date.UTC(2000, 0, 1);
        return false;
      });
      if (expired || value === '') jar.delete(name);
      else jar.set(name, value);
    }
    return res;
  }
}

function location(res: Response, base: string): URL {
  const loc = res.headers.get('location');
  if (!loc) throw new Error(`expected a redirect, got ${res.status}`);
  return new URL(loc, base);
}

describe('organisation login via OpenID Connect (real oidc-provider)', () => {
  let ctx: TestContext;
  let providerServer: http.Server;
  let issuer: string;
  let base: string;
  let callbackUrl: string;
  let signingKey: Record<string, unknown>;
  /** Paths Thuisroute and the browser called at the provider, in order. */
  const providerCalls: string[] = [];

  beforeAll(async () => {
    // 1. The provider: listen first (port 0), then build it with the issuer URL that port gives.
    providerServer = http.createServer();
    await new Promise<void>((resolve) => providerServer.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(providerServer.address() as net.AddressInfo).port}`;

    // 2. Thuisroute's address is fixed up front: the provider's redirect_uris and Thuisroute's config both need it.
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    callbackUrl = `${base}/api/v1/auth/oidc/callback`;

    const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
    signingKey = { ...privateKey.export({ format: 'jwk' }), kid: 'test-rs256', use: 'sig', alg: 'RS256' };
    const provider = new Provider(issuer, {
      clients: [{
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [callbackUrl],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      }],
      // Scope claims are served from userinfo (conformIdTokenClaims), as many providers do.
      claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
      findAccount: async (_ctx: unknown, id: string) => {
        const claims = accounts.get(id);
        return claims ? { accountId: id, claims: async () => ({ sub: id, ...claims }) } : undefined;
      },
      pkce: { required: () => true },
      jwks: { keys: [signingKey] },
      cookies: { keys: [crypto.randomBytes(16).toString('hex')] },
      features: { devInteractions: { enabled: true } },
    });
    provider.on('server_error', (_c: unknown, err: Error) => console.error('oidc-provider server_error', err));
    providerServer.on('request', (req: http.IncomingMessage) => providerCalls.push(`${req.method} ${new URL(req.url ?? '/', issuer).pathname}`));
    providerServer.on('request', provider.callback());

    // 3. Thuisroute on the pre-chosen port, configured for the provider.
    ctx = await startTestApp(
      {
        publicBaseUrl: base,
        oidc: { issuer, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUri: callbackUrl, displayName: 'Testorganisatie', scope: 'openid email profile' },
        loginRateLimitPerMinute: 10_000, // ~20 logins from 127.0.0.1 in this file
      },
    );
    await ctx.server.app.listen({ port, host: '127.0.0.1' });
  });

  afterAll(async () => {
    await ctx?.close();
    providerServer?.closeAllConnections();
    await new Promise((resolve) => providerServer?.close(resolve));
  });

  /** Walks the provider: authorization request → login form → consent form → redirect to Thuisroute's callback. */
  async function throughProvider(browser: Browser, authorizationUrl: URL, accountId: string): Promise<URL> {
    let url = authorizationUrl;
    for (let hop = 0; hop < 15; hop++) {
      const res = await browser.fetch(url.href);
      if (res.status >= 300 && res.status < 400) {
        const next = location(res, url.href);
        if (next.origin === base) {
          expect(`${next.origin}${next.pathname}`).toBe(callbackUrl);
          return next;
        }
        url = next;
        continue;
      }
      const html = await res.text();
      expect(res.status, html).toBe(200);
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1]?.replaceAll('&amp;', '&');
      const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
      if (!action || !prompt) throw new Error(`no interaction form at ${url.href}`);
      const form = new URLSearchParams({ prompt });
      if (prompt === 'login') {
        form.set('login', accountId);
        form.set('password', 'any password; devInteractions do not check it');
      }
      const posted = await browser.fetch(new URL(action, url).href, { method: 'POST', form });
      expect(posted.status).toBe(303);
      url = location(posted, url.href);
    }
    throw new Error('the provider never redirected back to Thuisroute');
  }

  async function startLogin(browser: Browser, returnTo = '/dossiers') {
    const res = await browser.fetch(`${base}/api/v1/auth/oidc/login?returnTo=${encodeURIComponent(returnTo)}`);
    expect(res.status).toBe(302);
    return { res, authorizationUrl: location(res, base) };
  }

  /** Full login; returns where Thuisroute finally sent the browser. */
  async function loginAs(browser: Browser, accountId: string, returnTo = '/dossiers') {
    const { authorizationUrl } = await startLogin(browser, returnTo);
    const callback = await throughProvider(browser, authorizationUrl, accountId);
    const done = await browser.fetch(callback.href);
    expect(done.status).toBe(302);
    return { authorizationUrl, callback, done, to: done.headers.get('location') };
  }

  async function sessionOf(browser: Browser) {
    const res = await browser.fetch(`${base}/api/v1/auth/session`);
    return { status: res.status, body: (await res.json()) as any };
  }

  async function lastLoginAudit() {
    const row = await ctx.db
      .selectFrom('audit_log')
      .select(['actor_user_id', 'resource_id', 'outcome', 'details'])
      .where('action', '=', 'auth.login')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    return { ...row, details: (typeof row.details === 'string' ? JSON.parse(row.details) : row.details) as Record<string, unknown> };
  }

  const identitiesOf = (uid: string) => ctx.db.selectFrom('user_identities').selectAll().where('user_id', '=', uid).execute();

  it('sends the browser to the provider with PKCE (S256), state and nonce, bound to the browser by a cookie', async () => {
    const browser = new Browser();
    const { res, authorizationUrl: u } = await startLogin(browser, '/dossiers?tab=open');
    expect(u.origin).toBe(issuer);
    const p = u.searchParams;
    expect(p.get('response_type')).toBe('code');
    expect(p.get('client_id')).toBe(CLIENT_ID);
    expect(p.get('redirect_uri')).toBe(callbackUrl);
    expect(p.get('scope')).toBe('openid email profile');
    expect(p.get('code_challenge_method')).toBe('S256');
    expect(p.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(p.get('state')).toBeTruthy();
    expect(p.get('nonce')).toBeTruthy();
    expect(res.headers.get('cache-control')).toBe('no-store');

    const cookie = res.headers.getSetCookie().find((c) => c.startsWith(`${OIDC_STATE_COOKIE}=`))!;
    expect(cookie).toContain(`${OIDC_STATE_COOKIE}=${p.get('state')}`);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\/api\/v1\/auth\/oidc/);

    const row = await ctx.db.selectFrom('oidc_login_states').selectAll().where('state', '=', p.get('state')!).executeTakeFirstOrThrow();
    expect(row.nonce).toBe(p.get('nonce'));
    expect(row.return_to).toBe('/dossiers?tab=open');
    expect(new Date(row.created_at).toISOString()).toBe(new Date(TEST_NOW).toISOString());
    // The verifier never leaves the server; the challenge is its S256 hash.
    expect(crypto.createHash('sha256').update(row.code_verifier).digest('base64url')).toBe(p.get('code_challenge'));
  });

  it('logs the care worker in end to end, links the identity by verified e-mail and audits the login', async () => {
    const sanneId = await userId(ctx, SANNE);
    expect(await identitiesOf(sanneId)).toHaveLength(0);

    const browser = new Browser();
    providerCalls.length = 0;
    const { callback, done, to } = await loginAs(browser, 'sanne-sub');
    // Back channel: code exchange (PKCE is required by this provider) and, as the ID token holds no e-mail, userinfo.
    expect(providerCalls).toContain('POST /token');
    expect(providerCalls).toContain('GET /me');
    expect(callback.searchParams.get('code')).toBeTruthy();
    expect(callback.searchParams.get('iss')).toBe(issuer);
    expect(to).toBe('/dossiers');
    expect(done.headers.getSetCookie().some((c) => c.startsWith('tr_session=') && /HttpOnly/i.test(c))).toBe(true);
    expect(browser.jar(base).has(OIDC_STATE_COOKIE)).toBe(false);

    const s = await sessionOf(browser);
    expect(s.status).toBe(200);
    expect(s.body.user.email).toBe(SANNE);
    expect(s.body.authMethod).toBe('oidc');
    expect(s.body.memberships.map((m: { role: string }) => m.role)).toEqual(['care_worker', 'care_worker']);

    const ids = await identitiesOf(sanneId);
    expect(ids).toHaveLength(1);
    expect(ids[0]).toMatchObject({ issuer, subject: 'sanne-sub' });

    const user = await ctx.db.selectFrom('users').select('last_login_at').where('id', '=', sanneId).executeTakeFirstOrThrow();
    expect(new Date(user.last_login_at!).toISOString()).toBe(new Date(TEST_NOW).toISOString());

    const audit = await lastLoginAudit();
    expect(audit).toMatchObject({ actor_user_id: sanneId, resource_id: sanneId, outcome: 'success' });
    expect(audit.details).toMatchObject({ method: 'oidc', identityLinked: true });

    // The pending login is single-use: replaying the same callback is refused.
    const replay = await browser.fetch(callback.href);
    expect(replay.headers.get('location')).toBe('/inloggen?fout=oidc_failed');
  });

  it('a second login uses the stored link, even when the provider no longer asserts a verified e-mail', async () => {
    const sanneId = await userId(ctx, SANNE);
    const original = accounts.get('sanne-sub')!;
    accounts.set('sanne-sub', { email: 'sanne@elders.example', email_verified: false, name: 'S. de Vries' });
    try {
      const browser = new Browser();
      providerCalls.length = 0;
      const { to } = await loginAs(browser, 'sanne-sub', '/');
      expect(providerCalls).not.toContain('GET /me'); // the link decides; no e-mail needed
      expect(to).toBe('/');
      const s = await sessionOf(browser);
      expect(s.body.user.email).toBe(SANNE);
      expect(s.body.authMethod).toBe('oidc');
      expect(await identitiesOf(sanneId)).toHaveLength(1);
      const audit = await lastLoginAudit();
      expect(audit).toMatchObject({ actor_user_id: sanneId, outcome: 'success' });
      expect(audit.details).toMatchObject({ method: 'oidc', identityLinked: false });
    } finally {
      accounts.set('sanne-sub', original);
    }
  });

  it('refuses an unverified e-mail address: no session, no link', async () => {
    const browser = new Browser();
    const { to, done } = await loginAs(browser, 'sanne-unverified');
    expect(to).toBe('/inloggen?fout=oidc_unknown_user');
    expect(done.headers.getSetCookie().some((c) => c.startsWith('tr_session='))).toBe(false);
    expect((await sessionOf(browser)).status).toBe(401);
    expect(await ctx.db.selectFrom('user_identities').selectAll().where('subject', '=', 'sanne-unverified').execute()).toHaveLength(0);
    const audit = await lastLoginAudit();
    expect(audit).toMatchObject({ actor_user_id: null, outcome: 'denied' });
    expect(audit.details).toMatchObject({ method: 'oidc', reason: 'email_not_verified' });
  });

  it('refuses an unknown person: nobody is provisioned', async () => {
    const usersBefore = await ctx.db.selectFrom('users').select('id').execute();
    const browser = new Browser();
    const { to } = await loginAs(browser, 'stranger');
    expect(to).toBe('/inloggen?fout=oidc_unknown_user');
    expect((await sessionOf(browser)).status).toBe(401);
    expect(await ctx.db.selectFrom('users').select('id').execute()).toHaveLength(usersBefore.length);
    expect(await ctx.db.selectFrom('users').select('id').where('email', '=', 'onbekend@elders.example').execute()).toHaveLength(0);
    const audit = await lastLoginAudit();
    expect(audit).toMatchObject({ outcome: 'denied' });
    expect(audit.details).toMatchObject({ method: 'oidc', reason: 'unknown_user' });
  });

  it('refuses a deactivated account', async () => {
    const daanId = await userId(ctx, DAAN);
    await ctx.db.updateTable('users').set({ active: false, deactivated_at: new Date(TEST_NOW) }).where('id', '=', daanId).execute();
    try {
      const browser = new Browser();
      const { to } = await loginAs(browser, 'daan-sub');
      expect(to).toBe('/inloggen?fout=oidc_inactive');
      expect((await sessionOf(browser)).status).toBe(401);
      expect(await identitiesOf(daanId)).toHaveLength(0);
      const audit = await lastLoginAudit();
      expect(audit).toMatchObject({ actor_user_id: daanId, outcome: 'denied' });
      expect(audit.details).toMatchObject({ method: 'oidc', reason: 'inactive_user' });
    } finally {
      await ctx.db.updateTable('users').set({ active: true, deactivated_at: null }).where('id', '=', daanId).execute();
    }
  });

  it('refuses a tampered state, a callback in another browser and an expired login', async () => {
    // Tampered state.
    const a = new Browser();
    const { authorizationUrl } = await startLogin(a);
    const callback = await throughProvider(a, authorizationUrl, 'sanne-sub');
    const tampered = new URL(callback);
    tampered.searchParams.set('state', `${callback.searchParams.get('state')}x`);
    const t = await a.fetch(tampered.href);
    expect(t.status).toBe(302);
    expect(t.headers.get('location')).toBe('/inloggen?fout=oidc_failed');
    expect(t.headers.getSetCookie().some((c) => c.startsWith('tr_session='))).toBe(false);
    expect((await lastLoginAudit()).details).toMatchObject({ method: 'oidc', reason: 'unknown_state' });

    // The genuine callback, replayed from a browser that never started this login (login CSRF).
    const other = new Browser();
    const o = await other.fetch(callback.href);
    expect(o.headers.get('location')).toBe('/inloggen?fout=oidc_failed');
    expect((await sessionOf(other)).status).toBe(401);
    expect((await lastLoginAudit()).details).toMatchObject({ reason: 'state_not_bound_to_browser' });

    // Back after more than ten minutes (injected clock).
    const b = new Browser();
    const started = await startLogin(b);
    const late = await throughProvider(b, started.authorizationUrl, 'sanne-sub');
    ctx.clock.advance(10 * 60_000 + 1_000);
    try {
      const l = await b.fetch(late.href);
      expect(l.headers.get('location')).toBe('/inloggen?fout=oidc_failed');
      expect((await sessionOf(b)).status).toBe(401);
      expect((await lastLoginAudit()).details).toMatchObject({ reason: 'state_expired' });
      expect(await ctx.db.selectFrom('oidc_login_states').selectAll().where('state', '=', late.searchParams.get('state')!).execute()).toHaveLength(0);
      // A new login sweeps abandoned ones older than ten minutes.
      await startLogin(new Browser());
      const stale = await ctx.db.selectFrom('oidc_login_states').select('created_at').execute();
      expect(stale.every((r) => new Date(r.created_at).getTime() >= ctx.clock.now().getTime() - 10 * 60_000)).toBe(true);
    } finally {
      ctx.clock.set(TEST_NOW);
    }
  });

  it('a login cancelled at the provider comes back as oidc_failed and is audited with the provider error', async () => {
    const browser = new Browser();
    const { authorizationUrl } = await startLogin(browser);
    const toInteraction = await browser.fetch(authorizationUrl.href);
    const interaction = location(toInteraction, authorizationUrl.href);
    expect(interaction.pathname).toMatch(/^\/interaction\//);
    // devInteractions' "abort" link: the provider answers the authorization request with error=access_denied.
    let next = location(await browser.fetch(`${interaction.href}/abort`), interaction.href);
    while (next.origin === issuer) next = location(await browser.fetch(next.href), next.href);
    expect(next.searchParams.get('error')).toBe('access_denied');
    const back = await browser.fetch(next.href);
    expect(back.headers.get('location')).toBe('/inloggen?fout=oidc_failed');
    expect((await sessionOf(browser)).status).toBe(401);
    const audit = await lastLoginAudit();
    expect(audit).toMatchObject({ outcome: 'failure' });
    expect(audit.details).toMatchObject({ method: 'oidc', reason: 'provider_error', providerError: 'access_denied' });
  });

  it('returnTo accepts only same-origin relative paths', async () => {
    const cases: Array<[string, string]> = [
      ['/beheer/gebruikers?x=1#top', '/beheer/gebruikers?x=1#top'],
      ['//evil.example/phish', '/'],
      ['/\\evil.example', '/'],
      ['https://evil.example/', '/'],
      ['javascript:alert(1)', '/'],
      ['dossiers', '/'],
      ['/a\r\nSet-Cookie: x=y', '/'],
    ];
    for (const [input, expected] of cases) {
      const { authorizationUrl } = await startLogin(new Browser(), input);
      const row = await ctx.db.selectFrom('oidc_login_states').select('return_to').where('state', '=', authorizationUrl.searchParams.get('state')!).executeTakeFirstOrThrow();
      expect(row.return_to, input).toBe(expected);
    }
  });

  it('discovers lazily, retries after a failed discovery, caches success, and refuses http:// issuers in production', async () => {
    const port = await freePort();
    const lateIssuer = `http://127.0.0.1:${port}`;
    const oidc = { issuer: lateIssuer, clientId: 'x', clientSecret: 's', redirectUri: callbackUrl, displayName: 'x', scope: 'openid' };
    const log = ctx.server.app.log;

    const getConfiguration = oidcClientConfiguration(oidc, { production: false, log });
    await expect(getConfiguration()).rejects.toThrow(); // nobody listens yet

    const late = http.createServer();
    await new Promise<void>((resolve) => late.listen(port, '127.0.0.1', resolve));
    try {
      late.on('request', new Provider(lateIssuer, { jwks: { keys: [signingKey] }, cookies: { keys: ['k'] } }).callback());
      const first = await getConfiguration();
      expect(first.serverMetadata().issuer).toBe(lateIssuer);
      expect(first.serverMetadata().code_challenge_methods_supported).toContain('S256');
      expect(await getConfiguration()).toBe(first);

      const prod = oidcClientConfiguration(oidc, { production: true, log });
      await expect(prod()).rejects.toThrow(/https/);
    } finally {
      late.closeAllConnections();
      await new Promise((resolve) => late.close(resolve));
    }
  });
});
