/**
 * Password policy (issue 7, hardening): wherever a password is set, it must be long
 * enough, not a common password, not a trivial repetition or sequence, and not made of
 * the user's own e-mail address or name. Common passwords and guessability come from
 * zxcvbn-ts (its common-password, name and word lists); the rules named here are checked
 * first so the message says what is wrong.
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as zxcvbnCommon from '@zxcvbn-ts/language-common';
import * as zxcvbnEn from '@zxcvbn-ts/language-en';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 1024;
/** zxcvbn score 3 and up: "safely unguessable", about 10^8 guesses or more. */
export const MIN_PASSWORD_SCORE = 3;

export type PasswordViolationCode = 'too_short' | 'too_long' | 'repetitive' | 'personal_data' | 'common_password';

export interface PasswordViolation {
  code: PasswordViolationCode;
  messageNl: string;
  messageEn: string;
}

export interface PasswordOwner {
  email?: string | null;
  name?: string | null;
}

/** Common Dutch words and names people use in passwords here, on top of zxcvbn's lists. */
const DUTCH_WORDS = [
  'wachtwoord', 'welkom', 'geheim', 'thuisroute', 'omslagroute', 'veenhaven', 'gemeente', 'zorg', 'wonen', 'woning',
  'zomer', 'winter', 'lente', 'herfst', 'voorjaar', 'najaar', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag',
  'zaterdag', 'zondag', 'januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september',
  'oktober', 'november', 'december', 'amsterdam', 'rotterdam', 'utrecht', 'nederland', 'holland', 'ajax', 'feyenoord',
  'hallo', 'hoi', 'doei', 'liefde', 'schat', 'lieverd', 'poes', 'hond', 'kat', 'konijn', 'fiets', 'kaas', 'oranje',
  'beheerder', 'begeleider', 'corporatie', 'inloggen', 'toegang', 'veilig', 'sterk', 'nieuw', 'oud',
];

let factory: ZxcvbnFactory | null = null;
function zxcvbn(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...zxcvbnCommon.dictionary, ...zxcvbnEn.dictionary, dutch: DUTCH_WORDS },
    graphs: zxcvbnCommon.adjacencyGraphs,
    translations: zxcvbnEn.translations,
    maxLength: 256, // only the first 256 characters are judged: zxcvbn's cost grows with the length
  });
  return factory;
}

/** The smallest unit the text is a repetition of ("abcabcabc" → 3); the text's length when it repeats nothing. */
export function repetitionPeriod(text: string): number {
  const chars = [...text];
  // Stryker disable next-line ArithmeticOperator: a period above half the length can only be the length itself, which is also the answer after the loop
  for (let p = 1; p <= chars.length / 2; p++) {
    if (chars.length % p !== 0) continue;
    if (chars.every((c, i) => c === chars[i % p])) return p;
  }
  return chars.length;
}

/** Parts of the e-mail address and name that must not make up the password (4 characters or more). */
export function personalParts(owner: PasswordOwner): string[] {
  const parts = new Set<string>();
  // No e-mail address or name gives empty parts, which the length filter below drops.
  const email = owner.email?.trim().toLowerCase() ?? '';
  parts.add(email);
  const [local] = email.split('@') as [string, ...string[]];
  parts.add(local);
  for (const p of local.split(/[._+-]/)) parts.add(p);
  const name = owner.name?.trim().toLowerCase() ?? '';
  parts.add(name);
  parts.add(name.replace(/\s/g, ''));
  for (const p of name.split(/[\s.'-]/)) parts.add(p);
  return [...parts].filter((p) => [...p].length >= 4);
}

const fold = (s: string) => s.toLowerCase().normalize('NFKC');
/** Characters that are not letters or digits do not hide a name: "pim.beheer!" is "pimbeheer". */
const letters = (s: string) => fold(s).replace(/[^\p{L}\p{N}]/gu, '');

/** All violations of the policy; an empty list means the password may be set. */
export function checkPassword(password: string, owner: PasswordOwner = {}): PasswordViolation[] {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) {
    return [{ code: 'too_short', messageNl: `Te kort: minimaal ${MIN_PASSWORD_LENGTH} tekens.`, messageEn: `Too short: at least ${MIN_PASSWORD_LENGTH} characters.` }];
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    return [{ code: 'too_long', messageNl: `Te lang: maximaal ${MAX_PASSWORD_LENGTH} tekens.`, messageEn: `Too long: at most ${MAX_PASSWORD_LENGTH} characters.` }];
  }
  const plain = fold(password);
  if (repetitionPeriod(plain) <= length / 2 || new Set(plain).size < 4) {
    return [{
      code: 'repetitive',
      messageNl: 'Dit wachtwoord herhaalt steeds dezelfde tekens (zoals aaaa of abcabc). Kies iets dat niet te raden is.',
      messageEn: 'This password keeps repeating the same characters (like aaaa or abcabc). Choose something that cannot be guessed.',
    }];
  }
  const parts = personalParts(owner);
  const bare = letters(password);
  if (parts.some((p) => plain.includes(p) || (letters(p).length >= 4 && bare.includes(letters(p))))) {
    return [{
      code: 'personal_data',
      messageNl: 'Het wachtwoord mag uw e-mailadres of naam niet bevatten.',
      messageEn: 'The password must not contain your e-mail address or name.',
    }];
  }
  // The e-mail domain ("demo", "horizon") only lowers the score: it is guessable, not forbidden.
  const domainWords = (owner.email?.toLowerCase().split('@')[1] ?? '').split('.').filter((w) => w.length >= 3);
  const result = zxcvbn().check(password, [...parts, ...domainWords]);
  if (result.score < MIN_PASSWORD_SCORE) {
    return [{
      code: 'common_password',
      messageNl: 'Dit wachtwoord is te gewoon of te makkelijk te raden (een veelgebruikt wachtwoord, woord, reeks of patroon). Kies een langere zin of een willekeurig wachtwoord.',
      messageEn: 'This password is too common or too easy to guess (a frequently used password, word, sequence or pattern). Choose a longer phrase or a random password.',
    }];
  }
  return [];
}
