import { Type } from 'typebox';
import type { FastifyReply } from 'fastify';
import { modulePlugin, type App } from '../../platform/http/app.ts';
import type { AuthState } from '../../platform/http/context.ts';
import { Problem, problem } from '../../platform/http/problem.ts';
import { recordAudit, transact } from '../../platform/http/tx.ts';
import { writeAudit } from '../../platform/audit/writer.ts';
import { SESSION_COOKIE, createSession, resolveSession, revokeSession } from '../../platform/auth/sessions.ts';
import { MIN_PASSWORD_LENGTH, assertPasswordAllowed, hashPassword, verifyPassword } from './passwords.ts';
import { oidcRoutes } from './oidc.ts';
import { clearFailures, clientAddress, lockedUntil, recordFailure } from './lockout.ts';
import { ProblemResponses } from '../../platform/http/schemas.ts';
import { startInWorkOrganisation } from './start.ts';

export const MembershipSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  organisationId: Type.String({ format: 'uuid' }),
  organisationName: Type.String(),
  organisationCode: Type.String(),
  organisationType: Type.String(),
  role: Type.String(),
});

const SessionSchema = Type.Object({
  user: Type.Object({ id: Type.String(), email: Type.String(), name: Type.String(), locale: Type.String() }),
  memberships: Type.Array(MembershipSchema),
  activeMembershipId: Type.Union([Type.String(), Type.Null()]),
  /** The municipalities the active organisation belongs to (a Wonen officer acts for its own municipality's cases). */
  municipalityIds: Type.Array(Type.String()),
  csrfToken: Type.String(),
  authMethod: Type.String(),
  expiresAt: Type.String({ format: 'date-time' }),
});

export function sessionView(auth: AuthState, municipalityIds: ReadonlyArray<string> = []) {
  return {
    user: { id: auth.userId, email: auth.email, name: auth.name, locale: auth.locale },
    memberships: auth.memberships,
    activeMembershipId: auth.activeMembership?.id ?? null,
    municipalityIds: [...municipalityIds],
    csrfToken: auth.csrfToken,
    authMethod: auth.authMethod,
    expiresAt: auth.expiresAt.toISOString(),
  };
}

export function setSessionCookie(app: App, reply: FastifyReply, token: string, expiresAt: Date) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    secure: app.deps.config.cookieSecure,
    sameSite: 'lax',
    expires: expiresAt,
  });
}

/**
 * The one answer to a failed login: unknown address, wrong password and locked account
 * alike. It mentions the lockout without saying whether it applies.
 */
export const invalidCredentials = () =>
  new Problem({
    status: 401,
    code: 'invalid_credentials',
    titleNl: 'Inloggen mislukt',
    titleEn: 'Login failed',
    detailNl: 'Het e-mailadres of wachtwoord klopt niet. Na te veel mislukte pogingen kunt u een tijd niet inloggen; vraag zo nodig uw beheerder om de blokkade op te heffen.',
    detailEn: 'The e-mail address or password is incorrect. After too many failed attempts you cannot log in for a while; if needed, ask your administrator to unlock your account.',
  });

export async function authRoutes(app: App) {
  const { config, clock } = app.deps;
  const db = app.deps.database.db;
  const sessionSettings = { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours };
  const lockout = { maxAttempts: config.loginMaxAttempts, lockoutMinutes: config.loginLockoutMinutes };

  app.get('/config', {
    config: { action: 'system.public' },
    schema: {
      tags: ['auth'],
      summary: 'Login options (local and organisation login via OpenID Connect)',
      response: { 200: Type.Object({ oidc: Type.Object({ enabled: Type.Boolean(), displayName: Type.Union([Type.String(), Type.Null()]) }) }) },
    },
  }, async () => ({ oidc: { enabled: !!config.oidc, displayName: config.oidc?.displayName ?? null } }));

  app.post('/login', {
    config: {
      action: 'system.public',
      csrfExempt: true,
      rateLimit: { max: config.loginRateLimitPerMinute, timeWindow: 60_000 },
    },
    schema: {
      tags: ['auth'],
      summary: 'Log in with e-mail and password; sets the session cookie',
      body: Type.Object(
        { email: Type.String({ format: 'email', maxLength: 254 }), password: Type.String({ minLength: 1, maxLength: 1024 }) },
        { additionalProperties: false },
      ),
      response: { 200: SessionSchema, ...ProblemResponses },
    },
  }, async (req, reply) => {
    const email = req.body.email.trim().toLowerCase();
    const now = clock.now();
    const address = clientAddress(req.ip);
    // Unknown e-mail, wrong password and a locked (account, client address) give the same
    // answer after the same work: one query, one argon2id verification (against DUMMY_HASH
    // when there is no usable hash), one audit row — no enumeration by status, body or timing.
    const user = await db
      .selectFrom('users as u')
      .leftJoin('login_failures as f', (j) => j.onRef('f.user_id', '=', 'u.id').on('f.address', '=', address))
      .selectAll('u')
      .select('f.locked_until as address_locked_until')
      .where('u.email', '=', email)
      .executeTakeFirst();
    const locked = !!user?.address_locked_until && new Date(user.address_locked_until) > now;
    const ok = await verifyPassword(user?.active && !locked ? user.password_hash : null, req.body.password);
    if (!user || !ok) {
      if (user && locked) {
        await writeAudit(db, clock, req, { action: 'auth.login', resourceType: 'user', resourceId: user.id, outcome: 'denied', details: { reason: 'locked' } }, { userId: user.id });
      } else if (user) {
        const { failed, locked: nowLocked } = await recordFailure(db, user.id, address, now, lockout);
        await writeAudit(db, clock, req, { action: 'auth.login', resourceType: 'user', resourceId: user.id, outcome: 'failure', details: { failed, locked: nowLocked } }, { userId: user.id });
      } else {
        await writeAudit(db, clock, req, { action: 'auth.login', resourceType: 'user', outcome: 'failure', details: { reason: 'unknown_email' } }, { userId: null });
      }
      req.audited = true;
      throw invalidCredentials();
    }
    const { token, expiresAt } = await transact(app, async (trx) => {
      await trx.updateTable('users').set({ last_login_at: now }).where('id', '=', user.id).execute();
      await clearFailures(trx, user.id, address);
      const s = await createSession(trx, clock, sessionSettings, user.id, 'password');
      await writeAudit(trx, clock, req, { action: 'auth.login', resourceType: 'user', resourceId: user.id, outcome: 'success' }, { userId: user.id });
      return s;
    });
    req.audited = true;
    setSessionCookie(app, reply, token, expiresAt);
    const found = await resolveSession(db, clock, sessionSettings, token);
    if (found.state !== 'valid') throw problem.unauthenticated();
    // Start where the user's work is (the membership with the most open work, else the one used last).
    const auth = await startInWorkOrganisation(app, found.auth);
    return sessionView(auth, auth.activeMembership ? await app.scopes.municipalitiesOf(auth.activeMembership.organisationId) : []);
  });

  app.post('/logout', {
    config: { action: 'system.public' },
    schema: { tags: ['auth'], summary: 'End the session', response: { 204: Type.Null(), ...ProblemResponses } },
  }, async (req, reply) => {
    if (req.auth) {
      const auth = req.auth;
      await transact(app, async (trx) => {
        await revokeSession(trx, clock, auth.sessionId);
        await recordAudit(app, trx, req, { action: 'auth.logout', resourceType: 'session', resourceId: auth.userId, outcome: 'success' });
      });
    }
    req.audited = true;
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  app.get('/session', {
    config: { action: 'session.self' },
    schema: { tags: ['auth'], summary: 'The current user, memberships and CSRF token', response: { 200: SessionSchema, ...ProblemResponses } },
  }, async (req) => sessionView(req.auth!, req.subject?.municipalityIds ?? []));

  app.put('/session/active-membership', {
    config: { action: 'session.self' },
    schema: {
      tags: ['auth'],
      summary: 'Switch the organisation (membership) you act for',
      body: Type.Object({ membershipId: Type.String({ format: 'uuid' }) }, { additionalProperties: false }),
      response: { 200: SessionSchema, ...ProblemResponses },
    },
  }, async (req) => {
    const auth = req.auth!;
    const m = auth.memberships.find((x) => x.id === req.body.membershipId);
    if (!m) throw problem.unprocessable('not_your_membership', 'Dit lidmaatschap is niet van u of niet actief.', 'This membership is not yours or not active.');
    await transact(app, async (trx) => {
      await trx.updateTable('sessions').set({ active_membership_id: m.id }).where('id', '=', auth.sessionId).execute();
      await recordAudit(app, trx, req, { action: 'auth.switch_organisation', resourceType: 'session', resourceId: auth.userId, outcome: 'success', details: { membershipId: m.id, organisationId: m.organisationId } });
    });
    return sessionView({ ...auth, activeMembership: m }, await app.scopes.municipalitiesOf(m.organisationId));
  });

  app.post('/password', {
    config: { action: 'session.self' },
    schema: {
      tags: ['auth'],
      summary: 'Change your own password',
      body: Type.Object(
        { currentPassword: Type.String({ maxLength: 1024 }), newPassword: Type.String({ minLength: MIN_PASSWORD_LENGTH, maxLength: 1024 }) },
        { additionalProperties: false },
      ),
      response: { 204: Type.Null(), ...ProblemResponses },
    },
  }, async (req, reply) => {
    const auth = req.auth!;
    const now = clock.now();
    const address = clientAddress(req.ip);
    const { currentPassword, newPassword } = req.body;
    const user = await db.selectFrom('users').select(['password_hash', 'email', 'name']).where('id', '=', auth.userId).executeTakeFirstOrThrow();
    if (user.password_hash) {
      // The current password is checked under the login lockout of this (account, address):
      // a failure here counts like a failed login, and a locked address is refused.
      const locked = await lockedUntil(db, auth.userId, address, now);
      const ok = await verifyPassword(locked ? null : user.password_hash, currentPassword);
      if (locked) {
        await recordAudit(app, db, req, { action: 'auth.change_password', resourceType: 'user', resourceId: auth.userId, outcome: 'denied', details: { reason: 'locked' } });
        const seconds = Math.max(1, Math.ceil((locked.getTime() - now.getTime()) / 1000));
        const minutes = Math.ceil(seconds / 60);
        throw new Problem({
          status: 429,
          code: 'password_attempts_locked',
          titleNl: 'Te veel mislukte pogingen',
          titleEn: 'Too many failed attempts',
          detailNl: `Uw huidige wachtwoord is te vaak verkeerd ingevoerd. Probeer het over ${minutes} minuten opnieuw of vraag uw beheerder om de blokkade op te heffen.`,
          detailEn: `Your current password was entered wrongly too often. Try again in ${minutes} minutes or ask your administrator to unlock your account.`,
          extra: { retryAfter: seconds },
        });
      }
      if (!ok) {
        const { failed, locked: nowLocked } = await recordFailure(db, auth.userId, address, now, lockout);
        await recordAudit(app, db, req, { action: 'auth.change_password', resourceType: 'user', resourceId: auth.userId, outcome: 'failure', details: { reason: 'wrong_current_password', failed, locked: nowLocked } });
        const nl = 'Uw huidige wachtwoord klopt niet.';
        const en = 'Your current password is incorrect.';
        throw new Problem({
          status: 422, code: 'wrong_current_password', titleNl: 'Niet toegestaan volgens de afspraken', titleEn: 'Not allowed by the rules', detailNl: nl, detailEn: en,
          errors: [{ field: '/currentPassword', in: 'body', code: 'wrong_current_password', message: nl, messageNl: nl, messageEn: en }],
        });
      }
      if (newPassword === currentPassword) {
        const nl = 'Het nieuwe wachtwoord moet anders zijn dan het huidige.';
        const en = 'The new password must differ from the current one.';
        throw new Problem({
          status: 422, code: 'same_password', titleNl: 'Wachtwoord niet toegestaan', titleEn: 'Password not allowed', detailNl: nl, detailEn: en,
          errors: [{ field: '/newPassword', in: 'body', code: 'same_password', message: nl, messageNl: nl, messageEn: en }],
        });
      }
    }
    assertPasswordAllowed(newPassword, { email: user.email, name: user.name }, '/newPassword');
    const hash = await hashPassword(newPassword);
    await transact(app, async (trx) => {
      await trx.updateTable('users').set({ password_hash: hash, updated_at: clock.now() }).where('id', '=', auth.userId).execute();
      await clearFailures(trx, auth.userId, address);
      // Other sessions of this user end; this one stays.
      await trx.updateTable('sessions').set({ revoked_at: clock.now() }).where('user_id', '=', auth.userId).where('id', '<>', auth.sessionId).where('revoked_at', 'is', null).execute();
      await recordAudit(app, trx, req, { action: 'auth.change_password', resourceType: 'user', resourceId: auth.userId, outcome: 'success' });
    });
    return reply.status(204).send(null);
  });

  if (config.oidc) await app.register(modulePlugin(oidcRoutes), { oidc: config.oidc });
}
