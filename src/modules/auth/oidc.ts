/**
 * Organisation login via OpenID Connect: authorization code flow with PKCE (S256),
 * state and nonce. The identity provider authenticates; Thuisroute decides who
 * may enter. Nobody is provisioned here: an identity maps to an existing account
 * by a stored link (issuer + subject) or, once, by a verified e-mail address of
 * an active account, after which the link is stored.
 *
 * Both routes are browser navigations, so every outcome is a 302: to the
 * provider, to the requested page, or to /inloggen?fout=… (never with the reason,
 * which goes to the log and the audit trail).
 */
import * as client from 'openid-client';
import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { App } from '../../platform/http/app.ts';
import type { OidcConfig } from '../../platform/config/config.ts';
import { transact } from '../../platform/http/tx.ts';
import { writeAudit } from '../../platform/audit/writer.ts';
import { createSession, resolveSession, revokeSession, safeEqual } from '../../platform/auth/sessions.ts';
import { startInWorkOrganisation } from './start.ts';
import { setSessionCookie } from './routes.ts';

/** Binds a pending login (its state) to the browser that started it. */
export const OIDC_STATE_COOKIE = 'tr_oidc_state';
/** A login must come back from the provider within this time. */
export const OIDC_STATE_TTL_MS = 10 * 60_000;
/** Seconds before discovery, token and userinfo requests to the provider give up. */
const PROVIDER_TIMEOUT_SECONDS = 10;

export type OidcLoginError = 'oidc_failed' | 'oidc_unknown_user' | 'oidc_inactive';

/**
 * `returnTo` is only ever a same-origin relative path ("/…", not "//…" nor "/\…");
 * anything else becomes "/". Returns the normalised path + query + fragment.
 */
export function safeReturnTo(raw: unknown): string {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 2048) return '/';
  if (!raw.startsWith('/') || raw.startsWith('//') || raw.includes('\\')) return '/';
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return '/';
  }
  const base = 'http://thuisroute.invalid';
  let u: URL;
  try {
    u = new URL(raw, base);
  } catch {
    return '/';
  }
  if (u.origin !== base) return '/';
  return `${u.pathname}${u.search}${u.hash}`;
}

/**
 * Lazily discovers the provider once and caches the client configuration.
 * A failed discovery is not cached: the next login tries again. Concurrent
 * first logins share one discovery.
 */
export function oidcClientConfiguration(oidc: OidcConfig, opts: { production: boolean; log: FastifyBaseLogger }): () => Promise<client.Configuration> {
  let pending: Promise<client.Configuration> | null = null;

  const discover = async (): Promise<client.Configuration> => {
    const server = new URL(oidc.issuer);
    const insecure = server.protocol === 'http:';
    if (insecure && opts.production) throw new Error('OIDC_ISSUER must be an https:// URL in production');
    const execute = insecure ? [client.allowInsecureRequests] : [];
    const discovered = await client.discovery(server, oidc.clientId, undefined, client.None(), { execute, timeout: PROVIDER_TIMEOUT_SECONDS });
    const metadata = discovered.serverMetadata();

    // Confidential client: client_secret_basic (the OIDC default) unless the provider only offers _post.
    let auth: client.ClientAuth = client.None();
    if (oidc.clientSecret) {
      const methods = metadata.token_endpoint_auth_methods_supported;
      auth = methods && !methods.includes('client_secret_basic') && methods.includes('client_secret_post')
        ? client.ClientSecretPost(oidc.clientSecret)
        : client.ClientSecretBasic(oidc.clientSecret);
    }
    const cfg = new client.Configuration(metadata, oidc.clientId, oidc.clientSecret ? { client_secret: oidc.clientSecret } : undefined, auth);
    for (const fn of execute) fn(cfg);
    cfg.timeout = PROVIDER_TIMEOUT_SECONDS;
    if (!metadata.code_challenge_methods_supported?.includes('S256')) {
      opts.log.warn({ issuer: metadata.issuer }, 'OIDC provider does not advertise PKCE S256; sending it anyway');
    }
    opts.log.info({ issuer: metadata.issuer }, 'OIDC provider discovered');
    return cfg;
  };

  return () => {
    pending ??= discover().catch((err: unknown) => {
      pending = null;
      throw err;
    });
    return pending;
  };
}

interface Refusal {
  reason: string;
  outcome: 'failure' | 'denied';
  error: OidcLoginError;
  userId?: string | null;
  details?: Record<string, unknown>;
  err?: unknown;
}

export async function oidcRoutes(app: App, opts: { oidc: OidcConfig }) {
  const { oidc } = opts;
  const { config, clock } = app.deps;
  const db = app.deps.database.db;
  const sessionSettings = { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours };
  const cookiePath = `${app.prefix}/oidc`;
  const scope = oidc.scope.split(/\s+/).includes('openid') ? oidc.scope : `openid ${oidc.scope}`.trim();
  const getConfiguration = oidcClientConfiguration(oidc, { production: config.nodeEnv === 'production', log: app.log });

  /** Logs and audits a refused login, then sends the browser to the login page with a bare error code. */
  async function refuse(req: FastifyRequest, reply: FastifyReply, r: Refusal) {
    const log = { reason: r.reason, issuer: oidc.issuer, ...(r.details ?? {}) };
    if (r.err) req.log.warn({ ...log, err: r.err }, 'OIDC login failed');
    else req.log.info(log, 'OIDC login refused');
    await writeAudit(
      db,
      clock,
      req,
      {
        action: 'auth.login',
        resourceType: 'user',
        resourceId: r.userId ?? null,
        outcome: r.outcome,
        details: { method: 'oidc', reason: r.reason, ...(r.details ?? {}) },
      },
      { userId: r.userId ?? null },
    );
    req.audited = true;
    reply.header('cache-control', 'no-store');
    return reply.redirect(`/inloggen?fout=${r.error}`, 302);
  }

  app.get('/oidc/login', {
    config: { action: 'system.public', rateLimit: { max: config.loginRateLimitPerMinute, timeWindow: 60_000 } },
    schema: {
      tags: ['auth'],
      summary: 'Start the organisation login (OpenID Connect, authorization code + PKCE); redirects to the identity provider',
      querystring: Type.Object({ returnTo: Type.Optional(Type.String({ description: 'Relative path to return to after login' })) }),
    },
  }, async (req, reply) => {
    const returnTo = safeReturnTo(req.query.returnTo);
    let cfg: client.Configuration;
    try {
      cfg = await getConfiguration();
    } catch (err) {
      return refuse(req, reply, { reason: 'discovery_failed', outcome: 'failure', error: 'oidc_failed', err });
    }

    const state = client.randomState();
    const nonce = client.randomNonce();
    const codeVerifier = client.randomPKCECodeVerifier();
    const codeChallenge = await client.calculatePKCECodeChallenge(codeVerifier);
    const now = clock.now();
    // Abandoned logins do not pile up: each new login sweeps the expired ones.
    await db.deleteFrom('oidc_login_states').where('created_at', '<', new Date(now.getTime() - OIDC_STATE_TTL_MS)).execute();
    await db
      .insertInto('oidc_login_states')
      .values({ state, nonce, code_verifier: codeVerifier, return_to: returnTo, created_at: now })
      .execute();

    reply.setCookie(OIDC_STATE_COOKIE, state, {
      path: cookiePath,
      httpOnly: true,
      secure: config.cookieSecure,
      // Lax: the cookie must travel on the provider's top-level redirect back to us.
      sameSite: 'lax',
      maxAge: OIDC_STATE_TTL_MS / 1000,
    });
    const url = client.buildAuthorizationUrl(cfg, {
      redirect_uri: oidc.redirectUri,
      scope,
      state,
      nonce,
      code_challenge: codeChallenge,
      code_challenge_method: 'S256',
    });
    reply.header('cache-control', 'no-store');
    return reply.redirect(url.href, 302);
  });

  app.get('/oidc/callback', {
    config: { action: 'system.public' },
    schema: {
      tags: ['auth'],
      summary: 'Redirect target of the identity provider: completes the organisation login and sets the session cookie',
    },
  }, async (req, reply) => {
    const cookieState = req.cookies[OIDC_STATE_COOKIE];
    reply.clearCookie(OIDC_STATE_COOKIE, { path: cookiePath });
    const q = req.url.indexOf('?');
    const rawQuery = q >= 0 ? req.url.slice(q) : '';
    const state = new URLSearchParams(rawQuery).get('state');

    if (!state) return refuse(req, reply, { reason: 'missing_state', outcome: 'failure', error: 'oidc_failed' });
    // Consume the pending login first: a state is good for one attempt, whatever its outcome.
    const pending = state.length <= 256
      ? await db.deleteFrom('oidc_login_states').where('state', '=', state).returningAll().executeTakeFirst()
      : undefined;
    if (!pending) return refuse(req, reply, { reason: 'unknown_state', outcome: 'failure', error: 'oidc_failed' });
    if (!cookieState || !safeEqual(cookieState, state)) {
      return refuse(req, reply, { reason: 'state_not_bound_to_browser', outcome: 'failure', error: 'oidc_failed' });
    }
    const now = clock.now();
    if (now.getTime() - new Date(pending.created_at).getTime() > OIDC_STATE_TTL_MS) {
      return refuse(req, reply, { reason: 'state_expired', outcome: 'failure', error: 'oidc_failed' });
    }

    let cfg: client.Configuration;
    try {
      cfg = await getConfiguration();
    } catch (err) {
      return refuse(req, reply, { reason: 'discovery_failed', outcome: 'failure', error: 'oidc_failed', err });
    }
    const issuer = cfg.serverMetadata().issuer;

    // The redirect_uri sent to the token endpoint is the configured one, not whatever host a proxy saw.
    const currentUrl = new URL(oidc.redirectUri);
    currentUrl.search = rawQuery;
    let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
    try {
      tokens = await client.authorizationCodeGrant(cfg, currentUrl, {
        pkceCodeVerifier: pending.code_verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
    } catch (err) {
      const details = err instanceof client.AuthorizationResponseError ? { providerError: err.error } : undefined;
      return refuse(req, reply, { reason: details ? 'provider_error' : 'code_exchange_failed', outcome: 'failure', error: 'oidc_failed', details, err });
    }
    const idToken = tokens.claims();
    if (!idToken) return refuse(req, reply, { reason: 'no_id_token', outcome: 'failure', error: 'oidc_failed' });
    const subject = idToken.sub;

    // 1. A stored link (issuer + subject) decides.
    const linked = await db
      .selectFrom('user_identities as i')
      .innerJoin('users as u', 'u.id', 'i.user_id')
      .select(['u.id', 'u.active'])
      .where('i.issuer', '=', issuer)
      .where('i.subject', '=', subject)
      .executeTakeFirst();

    let user: { id: string; active: boolean } | undefined = linked;
    let linkIdentity = false;
    if (!user) {
      // 2. Otherwise a verified e-mail address of an existing account; the link is stored on success.
      let claims: Record<string, unknown> = idToken;
      if (claims.email === undefined && tokens.access_token && cfg.serverMetadata().userinfo_endpoint) {
        try {
          // Providers may keep scope claims out of the ID token; userinfo must be about the same subject.
          claims = { ...(await client.fetchUserInfo(cfg, tokens.access_token, subject)), ...idToken };
        } catch (err) {
          return refuse(req, reply, { reason: 'userinfo_failed', outcome: 'failure', error: 'oidc_failed', err });
        }
      }
      const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : '';
      const verified = claims.email_verified === true || claims.email_verified === 'true';
      if (!email) return refuse(req, reply, { reason: 'no_email_claim', outcome: 'denied', error: 'oidc_unknown_user' });
      if (!verified) return refuse(req, reply, { reason: 'email_not_verified', outcome: 'denied', error: 'oidc_unknown_user' });
      user = await db.selectFrom('users').select(['id', 'active']).where('email', '=', email).executeTakeFirst();
      if (!user) return refuse(req, reply, { reason: 'unknown_user', outcome: 'denied', error: 'oidc_unknown_user' });
      linkIdentity = true;
    }
    if (!user.active) {
      return refuse(req, reply, { reason: 'inactive_user', outcome: 'denied', error: 'oidc_inactive', userId: user.id });
    }

    const userId = user.id;
    const previousSession = req.auth?.sessionId ?? null;
    const { token, expiresAt } = await transact(app, async (trx) => {
      if (linkIdentity) {
        await trx
          .insertInto('user_identities')
          .values({ issuer, subject, user_id: userId, created_at: now })
          .onConflict((oc) => oc.columns(['issuer', 'subject']).doNothing())
          .execute();
      }
      await trx.updateTable('users').set({ last_login_at: now }).where('id', '=', userId).execute();
      // A new login replaces whatever session this browser had.
      if (previousSession) await revokeSession(trx, clock, previousSession);
      const s = await createSession(trx, clock, sessionSettings, userId, 'oidc');
      await writeAudit(
        trx,
        clock,
        req,
        { action: 'auth.login', resourceType: 'user', resourceId: userId, outcome: 'success', details: { method: 'oidc', issuer, identityLinked: linkIdentity } },
        { userId },
      );
      return s;
    });
    req.audited = true;
    const started = await resolveSession(db, clock, sessionSettings, token);
    if (started.state === 'valid') await startInWorkOrganisation(app, started.auth);
    setSessionCookie(app, reply, token, expiresAt);
    reply.header('cache-control', 'no-store');
    return reply.redirect(safeReturnTo(pending.return_to), 302);
  });
}
