import crypto from 'node:crypto';
import { sql, type Kysely } from 'kysely';
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

interface SessionRow {
  id: string;
  user_id: string;
  active_membership_id: string | null;
  csrf_token: string;
  auth_method: 'password' | 'oidc';
  last_seen_at: Date | string;
  expires_at: Date | string;
  revoked_at: Date | string | null;
  email: string;
  name: string;
  locale: string;
  active: boolean;
  memberships: string | Array<{ id: string; organisation_id: string; role: string; name: string; code: string; type: string }>;
}

/**
 * Resolves a cookie token to the session, enforcing idle and absolute expiry.
 *
 * One indexed round trip per request: the session (by its primary key), its user, and the user's
 * active memberships of active organisations (aggregated in the same statement). Nothing of it is
 * cached between requests, so logout, a revoked session, a removed membership or changed role and a
 * deactivated user take effect at the very next request on every app instance — the statement is
 * the version check and the payload at once (before: two statements, session ⋈ user, then the
 * memberships). See bench/README.md, worklist section.
 */
export async function resolveSession(
  db: Kysely<Database>,
  clock: Clock,
  settings: SessionSettings,
  token: string | undefined,
): Promise<SessionLookup> {
  if (!token || token.length > 200) return { state: 'none' };
  const id = sha256(token);
  const { rows } = await sql<SessionRow>`
    SELECT s.id, s.user_id, s.active_membership_id, s.csrf_token, s.auth_method, s.last_seen_at, s.expires_at, s.revoked_at,
      u.email, u.name, u.locale, u.active,
      (SELECT coalesce(json_agg(json_build_object('id', m.id, 'organisation_id', m.organisation_id, 'role', m.role, 'name', o.name, 'code', o.code, 'type', o.type)
                                ORDER BY o.name, m.role), '[]'::json)
         FROM memberships m JOIN organisations o ON o.id = m.organisation_id
        WHERE m.user_id = s.user_id AND m.active AND o.active) AS memberships
    FROM sessions s JOIN users u ON u.id = s.user_id
    WHERE s.id = ${id}`.execute(db);
  const row = rows[0];
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
  const list = typeof row.memberships === 'string' ? (JSON.parse(row.memberships) as Exclude<SessionRow['memberships'], string>) : row.memberships;
  const memberships: MembershipView[] = list.map((m) => ({
    id: m.id,
    organisationId: m.organisation_id,
    organisationName: m.name,
    organisationCode: m.code,
    organisationType: m.type as OrganisationType,
    role: m.role as Role,
  }));
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
