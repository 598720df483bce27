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
  });

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
