import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Clock } from '../clock.ts';
import type { AuthState, MembershipView } from '../http/context.ts';
import type { OrganisationType, Role } from '../../domain/organisations/model.ts';

export const SESSION_COOKIE = 'tr_session';

export interface SessionSettings {
  idleMinutes: number;
  absoluteHours: number;
}

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');
export const randomToken = (bytes = 32) => crypto.randomBytes(bytes).toString('base64url');

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && crypto.timingSafeEqual(ab, bb);
}

export async function loadMemberships(db: Kysely<Database>, userId: string): Promise<MembershipView[]> {
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select(['m.id', 'm.organisation_id', 'm.role', 'o.name', 'o.code', 'o.type'])
    .where('m.user_id', '=', userId)
    .where('m.active', '=', true)
    .where('o.active', '=', true)
    .orderBy('o.name')
    .orderBy('m.role')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    organisationId: r.organisation_id,
    organisationName: r.name,
    organisationCode: r.code,
    organisationType: r.type as OrganisationType,
    role: r.role as Role,
  }));
}

/** Creates a session; returns the cookie token (only its hash is stored). */
export async function createSession(
  db: Kysely<Database>,
  clock: Clock,
  settings: SessionSettings,
  userId: string,
  authMethod: 'password' | 'oidc',
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomToken();
  const now = clock.now();
  const memberships = await loadMemberships(db, userId);
  const expiresAt = new Date(now.getTime() + settings.absoluteHours * 3600_000);
  await db
    .insertInto('sessions')
    .values({
      id: sha256(token),
      user_id: userId,
      active_membership_id: memberships[0]?.id ?? null,
      csrf_token: randomToken(24),
      auth_method: authMethod,
      created_at: now,
      last_seen_at: now,
      expires_at: expiresAt,
    })
    .execute();
  return { token, expiresAt };
}

export type SessionLookup = { state: 'valid'; auth: AuthState } | { state: 'expired' } | { state: 'none' };

/** Resolves a cookie token to the session, enforcing idle and absolute expiry. */
export async function resolveSession(
  db: Kysely<Database>,
  clock: Clock,
  settings: SessionSettings,
  token: string | undefined,
): Promise<SessionLookup> {
  if (!token || token.length > 200) return { state: 'none' };
  const id = sha256(token);
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      's.id', 's.user_id', 's.active_membership_id', 's.csrf_token', 's.auth_method', 's.last_seen_at', 's.expires_at', 's.revoked_at',
      'u.email', 'u.name', 'u.locale', 'u.active',
    ])
    .where('s.id', '=', id)
    .executeTakeFirst();
  if (!row) return { state: 'none' };
  const now = clock.now();
  const idleLimit = new Date(new Date(row.last_seen_at).getTime() + settings.idleMinutes * 60_000);
  if (row.revoked_at || !row.active || now >= new Date(row.expires_at) || now >= idleLimit) {
    return { state: 'expired' };
  }
  // Touch at most once a minute: keeps idle expiry honest without a write per request.
  if (now.getTime() - new Date(row.last_seen_at).getTime() > 60_000) {
    await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute();
  }
  const memberships = await loadMemberships(db, row.user_id);
  const active = memberships.find((m) => m.id === row.active_membership_id) ?? null;
  return {
    state: 'valid',
    auth: {
      sessionId: row.id,
      userId: row.user_id,
      email: row.email,
      name: row.name,
      locale: row.locale === 'en' ? 'en' : 'nl',
      csrfToken: row.csrf_token,
      authMethod: row.auth_method,
      memberships,
      activeMembership: active,
      expiresAt: new Date(row.expires_at),
    },
  };
}

export async function revokeSession(db: Kysely<Database>, clock: Clock, sessionId: string) {
  await db.updateTable('sessions').set({ revoked_at: clock.now() }).where('id', '=', sessionId).execute();
}

export async function revokeAllSessionsOf(db: Kysely<Database>, clock: Clock, userId: string) {
  await db.updateTable('sessions').set({ revoked_at: clock.now() }).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
}
