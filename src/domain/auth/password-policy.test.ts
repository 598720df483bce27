import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MIN_PASSWORD_LENGTH, checkPassword, personalParts, repetitionPeriod } from './password-policy.ts';

const codes = (password: string, owner = {}) => checkPassword(password, owner).map((v) => v.code);
const FC = { seed: 7262007, numRuns: 200 };

describe('hardening: password policy', () => {
  it('hardening: refuses the trivially repeated examples and common passwords', () => {
    expect(codes('aaaaaaaaaaaa')).toEqual(['repetitive']);
    expect(codes('abcabcabcabc')).toEqual(['repetitive']);
    expect(codes('123412341234')).toEqual(['repetitive']);
    expect(codes('ababababababab')).toEqual(['repetitive']);
    expect(codes('aaaabbbbaaaa')).toEqual(['repetitive']); // fewer than 4 different characters
    for (const p of ['password1234', 'qwertyuiop12', '123456789012', 'iloveyou1234', 'wachtwoord2026', 'welkomwelkom1']) {
      expect(codes(p), p).toEqual(['common_password']);
    }
  });

  it('hardening: refuses the user\'s own e-mail address or name, in any case and with separators', () => {
    const owner = { email: 'beheerder@demo.thuisroute.nl', name: 'Mo Bakker' };
    expect(codes('beheerder@demo.thuisroute.nl', owner)).toEqual(['personal_data']);
    expect(codes('BEHEERDER-2026-x', owner)).toEqual(['personal_data']);
    expect(codes('x!MoBakker#2026', owner)).toEqual(['personal_data']);
    expect(codes('bakker.zonder.deeg!', owner)).toEqual(['personal_data']);
    // The domain is not forbidden by itself.
    expect(codes('een demo van mijn fiets', owner)).toEqual([]);
  });

  it('hardening: accepts long, varied passwords and passphrases', () => {
    for (const p of ['een-nieuw-lang-wachtwoord', 'fietsen langs de Amstel in mei', 'Tr4ject!M3lding-07', 'correct horse battery staple']) {
      expect(codes(p, { email: 'someone@example.org', name: 'Some One' }), p).toEqual([]);
    }
  });

  it('hardening: anything shorter than the minimum is refused as too short (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: MIN_PASSWORD_LENGTH - 1, unit: 'grapheme-ascii' }), (p) => {
        expect(codes(p)).toEqual(['too_short']);
      }),
      FC,
    );
  });

  it('hardening: any short unit repeated to the minimum length or more is refused (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 6, unit: 'grapheme-ascii' }), fc.integer({ min: 0, max: 4 }), (unit, extra) => {
        const times = Math.ceil(MIN_PASSWORD_LENGTH / unit.length) + extra;
        const p = unit.repeat(Math.max(2, times));
        expect(repetitionPeriod(p)).toBeLessThanOrEqual(unit.length);
        expect(codes(p)).toEqual(['repetitive']);
      }),
      FC,
    );
  });

  it('hardening: a password that contains the e-mail\'s local part or the name is refused, wherever it sits (property)', () => {
    const word = fc.stringMatching(/^[a-z]{4,10}$/);
    fc.assert(
      fc.property(word, word, fc.string({ maxLength: 8, unit: 'grapheme-ascii' }), fc.string({ maxLength: 8, unit: 'grapheme-ascii' }), (local, family, before, after) => {
        const owner = { email: `${local}@example.org`, name: `Anna ${family}` };
        expect(personalParts(owner)).toContain(local);
        const padded = (s: string) => `${before}${s}${after}${'#9Xq'.repeat(3)}`;
        expect(codes(padded(local), owner)).toEqual(['personal_data']);
        expect(codes(padded(family.toUpperCase()), owner)).toEqual(['personal_data']);
      }),
      FC,
    );
  });

  it('hardening: random 20-character passwords from a large alphabet are accepted (property)', () => {
    const alphabet = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789!#%+-=?@';
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { minLength: 20, maxLength: 20 }), (chars) => {
        const p = chars.join('');
        fc.pre(new Set(chars).size >= 10);
        expect(codes(p)).toEqual([]);
      }),
      { ...FC, numRuns: 40 },
    );
    // zxcvbn's dictionaries load on first use; a busy 2-core machine needs more than the default 5 s.
  }, 30_000);

  it('every violation has a Dutch and an English message', () => {
    for (const p of ['kort', 'aaaaaaaaaaaa', 'password1234', 'annajansen-x1']) {
      for (const v of checkPassword(p, { name: 'Anna Jansen' })) {
        expect(v.messageNl.length).toBeGreaterThan(10);
        expect(v.messageEn.length).toBeGreaterThan(10);
        expect(v.messageNl).not.toBe(v.messageEn);
      }
    }
  });
});

describe('hardening: password policy at its boundaries', () => {
  it('hardening: at most 1024 characters: 1024 go on to the other rules, 1025 are refused as too long first', () => {
    // "ab" repeated: the other rules call it repetitive, so the answer shows which rule spoke first.
    expect(codes('ab'.repeat(512))).toEqual(['repetitive']);
    expect(codes(`${'ab'.repeat(512)}a`)).toEqual(['too_long']);
  });

  it('hardening: four different characters are enough (abcdbcadcbda); three are repetitive (abcbcacbabca)', () => {
    expect(codes('abcdbcadcbda')).toEqual([]);
    expect(codes('abcbcacbabca')).toEqual(['repetitive']);
  });

  it('repetitionPeriod: a text that only starts to repeat itself is no repetition', () => {
    expect(repetitionPeriod('abcab')).toBe(5);
    expect(repetitionPeriod('abcabcab')).toBe(8);
    expect(repetitionPeriod('abcabc')).toBe(3);
    expect(repetitionPeriod('abab')).toBe(2);
    expect(repetitionPeriod('aa')).toBe(1);
    expect(repetitionPeriod('ab')).toBe(2);
    expect(repetitionPeriod('')).toBe(0);
  });

  it('hardening: zxcvbn score 3 is accepted (Deventer2000!, about 10^8 guesses), score 2 refused (greenhouse42!)', () => {
    expect(codes('Deventer2000!')).toEqual([]);
    expect(codes('greenhouse42!')).toEqual(['common_password']);
  });

  it('hardening: the e-mail domain makes a password built on it guessable (Delvenhof2026! for someone at delvenhof.nl)', () => {
    expect(codes('Delvenhof2026!', { email: 'p.jansen@delvenhof.nl' })).toEqual(['common_password']);
    expect(codes('Delvenhof2026!', { email: 'P.Jansen@Delvenhof.NL' })).toEqual(['common_password']);
    expect(codes('Delvenhof2026!', { email: 'p.jansen@example.org' })).toEqual([]);
  });
});

describe('hardening: personal parts of the e-mail address and name', () => {
  it('lists the address, its local part, the name, the name without spaces and each piece of 4 characters or more, in lower case', () => {
    expect(personalParts({ email: ' Jan.de-Vries@Veenhaven.nl ', name: ' Jan de Vries-Bakker ' })).toEqual([
      'jan.de-vries@veenhaven.nl',
      'jan.de-vries',
      'vries',
      'jan de vries-bakker',
      'jandevries-bakker',
      'bakker',
    ]);
  });

  it('an owner without an e-mail address or without a name contributes nothing for it', () => {
    expect(personalParts({})).toEqual([]);
    expect(personalParts({ email: null, name: null })).toEqual([]);
    expect(personalParts({ name: 'Anna Jansen' })).toEqual(['anna jansen', 'annajansen', 'anna', 'jansen']);
    expect(personalParts({ email: 'anna@example.org' })).toEqual(['anna@example.org', 'anna']);
  });

  it('hardening: the local part as written counts, in any case (P.J.K for p.j.k@gemeente.nl), but its three letters alone do not', () => {
    const owner = { email: 'p.j.k@gemeente.nl' };
    expect(codes('P.J.K-fietst-naar-huis', owner)).toEqual(['personal_data']);
    expect(codes('pjk-fietst-naar-huis-2026', owner)).toEqual([]);
  });

  it('hardening: separators do not hide a name or address: pim.beheer!2026 contains pimbeheer, Ai-Wu! contains "ai wu"', () => {
    expect(codes('pim.beheer!2026', { email: 'pimbeheer@veenhaven.nl' })).toEqual(['personal_data']);
    expect(codes('pim.beheer!2026', { email: 'someone@veenhaven.nl' })).toEqual([]);
    // "ai wu" has four letters: enough to count once the separators are dropped
    expect(codes('Ai-Wu!fietst-2026', { name: 'Ai Wu' })).toEqual(['personal_data']);
    expect(codes('Ai-Wu!fietst-2026', { name: 'Bo Li' })).toEqual([]);
  });
});
