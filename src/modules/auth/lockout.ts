import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';

/**
 * Login lockout per (account, client address) (migration 0009). Failures from one
 * address lock that address out of that account only, so nobody can lock another
 * person out from one address; the correct password from another address still works.
 * users.failed_login_count and users.locked_until hold the maximum over the addresses,
 * for the user administration.
 */
export interface LockoutSettings {
  maxAttempts: number;
  lockoutMinutes: number;
}

/** The client address as stored: Fastify's req.ip (which honours TRUST_PROXY), bounded. */
export function clientAddress(ip: string | undefined): string {
  return (ip || 'unknown').slice(0, 100);
}

/** Until when this address is locked out of this account, or null. */
export async function lockedUntil(db: Kysely<Database>, userId: string, address: string, now: Date): Promise<Date | null> {
  const row = await db.selectFrom('login_failures').select('locked_until').where('user_id', '=', userId).where('address', '=', address).executeTakeFirst();
  const until = row?.locked_until ? new Date(row.locked_until) : null;
  return until && until > now ? until : null;
}

/** Keeps the per-user fields the administration shows in line: the maximum over the addresses. */
async function syncUser(db: Kysely<Database>, userId: string) {
  await sql`UPDATE users SET
      failed_login_count = coalesce((SELECT max(failed_count) FROM login_failures WHERE user_id = ${userId}), 0),
      locked_until = (SELECT max(locked_until) FROM login_failures WHERE user_id = ${userId})
    WHERE id = ${userId}`.execute(db);
}

/**
 * Counts one failure of this address against this account. At the limit the address
 * is locked for the lockout period and its count starts again (as before per account).
 */
export async function recordFailure(db: Kysely<Database>, userId: string, address: string, now: Date, s: LockoutSettings): Promise<{ failed: number; locked: boolean }> {
  const lockUntil = new Date(now.getTime() + s.lockoutMinutes * 60_000);
  const max = Math.max(1, s.maxAttempts);
  const row = await db
    .insertInto('login_failures')
    .values({ user_id: userId, address, failed_count: max <= 1 ? 0 : 1, locked_until: max <= 1 ? lockUntil : null, last_failed_at: now })
    .onConflict((oc) =>
      oc.columns(['user_id', 'address']).doUpdateSet({
        failed_count: sql`CASE WHEN login_failures.failed_count + 1 >= ${max} THEN 0 ELSE login_failures.failed_count + 1 END`,
        locked_until: sql`CASE WHEN login_failures.failed_count + 1 >= ${max} THEN ${lockUntil}::timestamptz ELSE login_failures.locked_until END`,
        last_failed_at: now,
      }),
    )
    .returning(['failed_count', 'locked_until'])
    .executeTakeFirstOrThrow();
  await syncUser(db, userId);
  const locked = !!row.locked_until && new Date(row.locked_until).getTime() === lockUntil.getTime();
  return { failed: locked ? max : row.failed_count, locked };
}

/** A correct password from this address: its failures are forgotten (other addresses keep theirs). */
export async function clearFailures(db: Kysely<Database>, userId: string, address: string): Promise<void> {
  await db.deleteFrom('login_failures').where('user_id', '=', userId).where('address', '=', address).execute();
  await syncUser(db, userId);
}

/** The administrator's unlock: every address's failures and lockouts of this account end. */
export async function unlockUser(db: Kysely<Database>, userId: string): Promise<void> {
  await db.deleteFrom('login_failures').where('user_id', '=', userId).execute();
  await syncUser(db, userId);
}
