import argon2 from 'argon2';
import { MIN_PASSWORD_LENGTH, checkPassword, type PasswordOwner } from '../../domain/auth/password-policy.ts';
import { Problem } from '../../platform/http/problem.ts';

export { MIN_PASSWORD_LENGTH };

/** argon2id with the OWASP-recommended minimum (19 MiB, 2 iterations, 1 lane). */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(plain: string): Promise<string> {
  return argon2.hash(plain, OPTIONS);
}

/**
 * A fixed argon2id hash with the same parameters as OPTIONS, of a password nobody uses.
 * An unknown address, an account without a password and a locked account are verified
 * against it, so every login attempt does exactly one argon2id verification and timing
 * does not tell which e-mail addresses exist or which accounts are locked.
 */
export const DUMMY_HASH = '$argon2id$v=19$m=19456,p=1,t=2$0K5L2NPNSeDSW8aZwBeH8w$ENXZKdmf4oiql9yEFTaYqAr8wJ8tjEo95zNIvP1TZeA';

/** Always one argon2id verification; false for a null hash (checked against DUMMY_HASH). */
export async function verifyPassword(hash: string | null, plain: string): Promise<boolean> {
  try {
    const ok = await argon2.verify(hash ?? DUMMY_HASH, plain);
    return hash !== null && ok;
  } catch {
    return false;
  }
}

/** Refuses a password the policy does not allow: 422 problem+json with a field error in Dutch and English. */
export function assertPasswordAllowed(password: string, owner: PasswordOwner, field = '/password'): void {
  const violations = checkPassword(password, owner);
  if (violations.length === 0) return;
  throw new Problem({
    status: 422,
    code: 'weak_password',
    titleNl: 'Wachtwoord niet toegestaan',
    titleEn: 'Password not allowed',
    detailNl: violations[0]!.messageNl,
    detailEn: violations[0]!.messageEn,
    errors: violations.map((v) => ({ field, in: 'body', code: v.code, message: v.messageNl, messageNl: v.messageNl, messageEn: v.messageEn })),
  });
}
