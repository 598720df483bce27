import { Type } from 'typebox';
import type { FastifyReply } from 'fastify';
import { modulePlugin, type App } from '../../platform/http/app.ts';
import type { AuthState } from '../../platform/http/context.ts';
import { Problem, problem } from '../../platform/http/problem.ts';
import { recordAudit, transact } from '../../platform/http/tx.ts';
import { writeAudit } from '../../platform/audit/writer.ts';
import { SESSION_COOKIE, createSession, resolveSession, revokeSession } from '../../platform/auth/sessions.ts';
import { MIN_PASSWORD_LENGTH, hashPassword, verifyPassword } from './passwords.ts';
import { oidcRoutes } from './oidc.ts';
import { ProblemResponses } from '../../platform/http/schemas.ts';

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
  csrfToken: Type.String(),
  authMethod: Type.String(),
  expiresAt: Type.String({ format: 'date-time' }),
});

export function sessionView(auth: AuthState) {
  return {
    user: { id: auth.userId, email: auth.email, name: auth.name, locale: auth.locale },
    memberships: auth.memberships,
    activeMembershipId: auth.activeMembership?.id ?? null,
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

export async function authRoutes(app: App) {
  const { config, clock } = app.deps;
  const db = app.deps.database.db;
  const sessionSettings = { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours };

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
    const user = await db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
    const invalid = () =>
      new Problem({
        status: 401,
        code: 'invalid_credentials',
        titleNl: 'Inloggen mislukt',
        titleEn: 'Login failed',
        detailNl: 'Het e-mailadres of wachtwoord klopt niet.',
        detailEn: 'The e-mail address or password is incorrect.',
      });
    if (user?.locked_until && new Date(user.locked_until) > now) {
      const minutes = Math.ceil((new Date(user.locked_until).getTime() - now.getTime()) / 60_000);
      await writeAudit(db, clock, req, { action: 'auth.login', resourceType: 'user', resourceId: user.id, outcome: 'denied', details: { reason: 'locked' } }, { userId: user.id });
      req.audited = true;
      throw new Problem({
        status: 401,
        code: 'account_locked',
        titleNl: 'Account tijdelijk geblokkeerd',
        titleEn: 'Account temporarily locked',
        detailNl: `Te veel mislukte pogingen. Probeer het over ${minutes} minuten opnieuw of vraag uw beheerder om de blokkade op te heffen.`,
        detailEn: `Too many failed attempts. Try again in ${minutes} minutes or ask your administrator to unlock the account.`,
      });
    }
    const ok = await verifyPassword(user?.active ? user.password_hash : null, req.body.password);
    if (!user || !ok) {
      if (user) {
        const failed = user.failed_login_count + 1;
        const lock = failed >= config.loginMaxAttempts;
        await db
          .updateTable('users')
          .set({ failed_login_count: lock ? 0 : failed, locked_until: lock ? new Date(now.getTime() + config.loginLockoutMinutes * 60_000) : user.locked_until })
          .where('id', '=', user.id)
          .execute();
        await writeAudit(db, clock, req, { action: 'auth.login', resourceType: 'user', resourceId: user.id, outcome: 'failure', details: { failed, locked: lock } }, { userId: user.id });
      } else {
        await writeAudit(db, clock, req, { action: 'auth.login', resourceType: 'user', outcome: 'failure', details: { reason: 'unknown_email' } }, { userId: null });
      }
      req.audited = true;
      throw invalid();
    }
    const { token, expiresAt } = await transact(app, async (trx) => {
      await trx.updateTable('users').set({ failed_login_count: 0, locked_until: null, last_login_at: now }).where('id', '=', user.id).execute();
      const s = await createSession(trx, clock, sessionSettings, user.id, 'password');
      await writeAudit(trx, clock, req, { action: 'auth.login', resourceType: 'user', resourceId: user.id, outcome: 'success' }, { userId: user.id });
      return s;
    });
    req.audited = true;
    setSessionCookie(app, reply, token, expiresAt);
    const found = await resolveSession(db, clock, sessionSettings, token);
    if (found.state !== 'valid') throw problem.unauthenticated();
    return sessionView(found.auth);
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
  }, async (req) => sessionView(req.auth!));

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
    return sessionView({ ...auth, activeMembership: m });
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
    const user = await db.selectFrom('users').select(['password_hash']).where('id', '=', auth.userId).executeTakeFirstOrThrow();
    if (user.password_hash && !(await verifyPassword(user.password_hash, req.body.currentPassword))) {
      throw problem.unprocessable('wrong_current_password', 'Uw huidige wachtwoord klopt niet.', 'Your current password is incorrect.');
    }
    const hash = await hashPassword(req.body.newPassword);
    await transact(app, async (trx) => {
      await trx.updateTable('users').set({ password_hash: hash, updated_at: clock.now() }).where('id', '=', auth.userId).execute();
      // Other sessions of this user end; this one stays.
      await trx.updateTable('sessions').set({ revoked_at: clock.now() }).where('user_id', '=', auth.userId).where('id', '<>', auth.sessionId).where('revoked_at', 'is', null).execute();
      await recordAudit(app, trx, req, { action: 'auth.change_password', resourceType: 'user', resourceId: auth.userId, outcome: 'success' });
    });
    return reply.status(204).send(null);
  });

  if (config.oidc) await app.register(modulePlugin(oidcRoutes), { oidc: config.oidc });
}
