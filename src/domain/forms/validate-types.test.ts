/**
 * validateForm, field type by field type, on small hand-made definitions (one section, one or a
 * few fields), so every error code, path, rule and progress count can be worked out by hand.
 * The value shapes are those of model.ts; the cross-field checks those of omslagroute.md §7.
 */
import { describe, expect, it } from 'vitest';
import { MAX_AMOUNT_CENTS, MAX_ROWS, NOT_APPLICABLE, ROOT_FIELD, validateForm } from './index.ts';
import type { CrossCheck, FieldDefinition, FormDefinition, FormError } from './index.ts';

type Extra = Partial<FieldDefinition>;
const fld = (id: string, type: FieldDefinition['type'], extra: Extra = {}): FieldDefinition => ({
  id,
  label: { nl: `Veld ${id}`, en: `Field ${id}` },
  type,
  required: true,
  ...extra,
});

function defOf(fields: FieldDefinition[], checks: CrossCheck[] = []): FormDefinition {
  return {
    kind: 'F-4',
    version: 1,
    title: { nl: 'Toets', en: 'Test' },
    privacyNotice: { nl: 'Privacy', en: 'Privacy' },
    signatureParties: [],
    signatureFieldIds: {},
    sections: [{ id: 'SEC', title: { nl: 'Sectie', en: 'Section' }, fields }],
    checks,
  };
}

/** Errors without their messages: field, code and (when present) path, rule, check. */
const bare = (errors: FormError[]) => errors.map(({ nl: _nl, en: _en, ...e }) => e);

/** Validate a one-field form holding `value` under 'X'. */
function one(type: FieldDefinition['type'], value: unknown, extra: Extra = {}, mode: 'draft' | 'submit' = 'submit') {
  const def = defOf([fld('X', type, extra)]);
  const r = validateForm(def, value === undefined ? {} : { X: value }, mode);
  return { errors: bare(r.errors), answered: r.sections[0]!.answered, complete: r.complete, raw: r.errors };
}
const codesOf = (type: FieldDefinition['type'], value: unknown, extra: Extra = {}, mode: 'draft' | 'submit' = 'draft') =>
  one(type, value, extra, mode).errors.map((e) => e.code);

const CHECKLIST = { items: [{ id: 'a', label: { nl: 'A', en: 'A' } }, { id: 'b', label: { nl: 'B', en: 'B' } }] };
const OPTIONS = { options: [{ value: 'p', label: { nl: 'P', en: 'P' } }, { value: 'q', label: { nl: 'Q', en: 'Q' } }] };

describe('R-OR-62: "n.v.t." only where the field allows it', () => {
  it.each([
    ['date', {}],
    ['yesno', {}],
    ['select', OPTIONS],
    ['yesno_text', {}],
    ['amount_eur', {}],
    ['declaration', {}],
    ['date_or_period', {}],
    ['checklist', CHECKLIST],
    ['goals', {}],
    ['goal_status_rows', {}],
  ] as const)('%s: "n.v.t." without notApplicableAllowed is not_applicable_not_allowed and nothing else', (type, extra) => {
    expect(codesOf(type, NOT_APPLICABLE, extra)).toEqual(['not_applicable_not_allowed']);
  });

  it.each([
    ['date', {}],
    ['yesno', {}],
    ['select', OPTIONS],
    ['yesno_text', {}],
    ['amount_eur', {}],
    ['declaration', {}],
    ['date_or_period', {}],
    ['checklist', CHECKLIST],
    ['goals', {}],
    ['goal_status_rows', {}],
  ] as const)('%s: "n.v.t." where allowed is a full answer on submit', (type, extra) => {
    const r = one(type, NOT_APPLICABLE, { ...extra, notApplicableAllowed: true });
    expect(r.errors).toEqual([]);
    expect(r.answered).toBe(1);
    expect(r.complete).toBe(true);
  });

  it('an invalid option on a field that allows "n.v.t." is still not an answer', () => {
    const r = one('select', 'z', { ...OPTIONS, notApplicableAllowed: true });
    expect(r.errors.map((e) => e.code)).toEqual(['invalid_option']);
    expect(r.answered).toBe(0);
  });
});

describe('text, e-mail and phone', () => {
  it('too_long: exactly maxLength characters pass, one more fails (and is not also checked as an e-mail)', () => {
    expect(codesOf('text', 'abcde', { maxLength: 5 })).toEqual([]);
    expect(codesOf('text', 'abcdef', { maxLength: 5 })).toEqual(['too_long']);
    expect(codesOf('email', 'x'.repeat(255))).toEqual(['too_long']);
    expect(codesOf('email', 'x'.repeat(254))).toEqual(['invalid_email']);
  });

  it('a non-string text is invalid_type', () => {
    expect(codesOf('text', 42)).toEqual(['invalid_type']);
    expect(codesOf('email', 42)).toEqual(['invalid_type']);
    expect(codesOf('phone', 42)).toEqual(['invalid_type']);
  });

  it('an e-mail address is checked and counted without its surrounding spaces', () => {
    const ok = one('email', '  j.devries@zorg.example  ');
    expect(ok.errors).toEqual([]);
    expect(ok.answered).toBe(1);
    const bad = one('email', 'geen-mail');
    expect(bad.errors.map((e) => e.code)).toEqual(['invalid_email']);
    expect(bad.answered).toBe(0);
  });

  it('phone: 6 to 15 digits, only + at the start, digits, spaces, ( ) . -', () => {
    expect(codesOf('phone', '12345')).toEqual(['invalid_phone']);
    expect(codesOf('phone', '123456')).toEqual([]);
    expect(codesOf('phone', '123456789012345')).toEqual([]);
    expect(codesOf('phone', '1234567890123456')).toEqual(['invalid_phone']);
    expect(codesOf('phone', 'tel 0612345678')).toEqual(['invalid_phone']);
    expect(codesOf('phone', '(020) 555-01.42')).toEqual([]);
  });

  it('phone: surrounding spaces are ignored, for format and progress', () => {
    const r = one('phone', ' +31 6 12345678 ');
    expect(r.errors).toEqual([]);
    expect(r.answered).toBe(1);
    expect(one('phone', 'bel me').answered).toBe(0);
  });
});

describe('date, yesno, select', () => {
  it('date: an existing ISO date passes and counts; 2025-02-30 and a number do not', () => {
    expect(one('date', '2025-02-28')).toMatchObject({ errors: [], answered: 1 });
    expect(one('date', '2025-02-30')).toMatchObject({ errors: [{ field: 'X', code: 'invalid_date' }], answered: 0 });
    expect(one('date', 20250228)).toMatchObject({ errors: [{ field: 'X', code: 'invalid_date' }], answered: 0 });
  });

  it('yesno: only "yes" and "no"', () => {
    expect(one('yesno', 'no')).toMatchObject({ errors: [], answered: 1 });
    expect(one('yesno', 'ja')).toMatchObject({ errors: [{ field: 'X', code: 'invalid_type' }], answered: 0 });
  });

  it('select: only one of the option values, and only a string', () => {
    expect(one('select', 'q', OPTIONS)).toMatchObject({ errors: [], answered: 1 });
    expect(one('select', 'z', OPTIONS)).toMatchObject({ errors: [{ code: 'invalid_option' }], answered: 0 });
    expect(one('select', ['p'], OPTIONS)).toMatchObject({ errors: [{ code: 'invalid_option' }], answered: 0 });
  });

  it('select: a blank option value is no answer (required)', () => {
    const r = one('select', ' ', { options: [{ value: ' ', label: { nl: '-', en: '-' } }] });
    expect(r.errors.map((e) => e.code)).toEqual(['required']);
    expect(r.answered).toBe(0);
  });
});

describe('yesno_text', () => {
  it('answer and text are checked for their type, with the path of the part', () => {
    expect(one('yesno_text', { answer: 'misschien' }, {}, 'draft').errors).toEqual([{ field: 'X', code: 'invalid_type', path: 'X.answer' }]);
    expect(one('yesno_text', { answer: 'yes', text: 5 }, {}, 'draft').errors).toEqual([{ field: 'X', code: 'invalid_type', path: 'X.text' }]);
    expect(one('yesno_text', { answer: 'yes', text: 'abcdef' }, { maxLength: 5 }, 'draft').errors).toEqual([
      { field: 'X', code: 'too_long', path: 'X.text' },
    ]);
    expect(one('yesno_text', { answer: 'yes', text: null }).errors).toEqual([]);
    expect(one('yesno_text', { answer: 'yes', extra: 1 }, {}, 'draft').errors).toEqual([{ field: 'X', code: 'invalid_type', path: 'X.extra' }]);
    expect(codesOf('yesno_text', 'yes')).toEqual(['invalid_type']);
  });

  it('submit: without "yes"/"no" the answer is required, with the field rule and path', () => {
    const r = one('yesno_text', { text: 'uitleg' }, { rule: 'R-T' });
    expect(r.errors).toEqual([{ field: 'X', code: 'required', rule: 'R-T', path: 'X.answer' }]);
    expect(r.answered).toBe(0);
    expect(one('yesno_text', { answer: 'no' }).answered).toBe(1);
  });
});

describe('amount_eur (S-30)', () => {
  it('amountCents: a whole number from 0 to MAX_AMOUNT_CENTS; null is no amount', () => {
    const path = 'X.amountCents';
    expect(one('amount_eur', { answer: 'yes', amountCents: MAX_AMOUNT_CENTS }).errors).toEqual([]);
    expect(one('amount_eur', { answer: 'yes', amountCents: MAX_AMOUNT_CENTS + 1 }, {}, 'draft').errors).toEqual([{ field: 'X', code: 'invalid_amount', path }]);
    expect(one('amount_eur', { answer: 'yes', amountCents: -1 }, {}, 'draft').errors).toEqual([{ field: 'X', code: 'invalid_amount', path }]);
    expect(one('amount_eur', { answer: 'yes', amountCents: 12.5 }, {}, 'draft').errors).toEqual([{ field: 'X', code: 'invalid_amount', path }]);
    expect(one('amount_eur', { answer: 'yes', amountCents: '100' }, {}, 'draft').errors).toEqual([{ field: 'X', code: 'invalid_amount', path }]);
    expect(one('amount_eur', { answer: 'no', amountCents: 0 }, {}, 'draft').errors).toEqual([]);
    expect(one('amount_eur', { answer: 'no', amountCents: null }).errors).toEqual([]);
  });

  it('the answer must be "yes" or "no"; an object is required', () => {
    expect(one('amount_eur', { answer: 'ja' }, {}, 'draft').errors).toEqual([{ field: 'X', code: 'invalid_type', path: 'X.answer' }]);
    expect(one('amount_eur', 'yes', {}, 'draft').errors).toEqual([{ field: 'X', code: 'invalid_type' }]);
    expect(one('amount_eur', 'yes').answered).toBe(0);
  });

  it('progress: "no" without amount, or "yes" with a positive whole amount', () => {
    expect(one('amount_eur', { answer: 'no' }).answered).toBe(1);
    expect(one('amount_eur', { answer: 'no', amountCents: 500 }).answered).toBe(0);
    expect(one('amount_eur', { answer: 'yes', amountCents: 500 }).answered).toBe(1);
    expect(one('amount_eur', { answer: 'yes', amountCents: 0 }).answered).toBe(0);
    expect(one('amount_eur', { answer: 'yes' }).answered).toBe(0);
    expect(one('amount_eur', { answer: 'yes', amountCents: 12.5 }).answered).toBe(0);
    expect(one('amount_eur', { amountCents: 500 }).answered).toBe(0);
  });

  it('submit: the completeness errors carry rule and path', () => {
    const x = { rule: 'R-A' };
    expect(one('amount_eur', { amountCents: 500 }, x).errors).toEqual([{ field: 'X', code: 'required', rule: 'R-A', path: 'X.answer' }]);
    expect(one('amount_eur', { answer: 'yes', amountCents: 0 }, x).errors).toEqual([
      { field: 'X', code: 'amount_required', rule: 'R-A', path: 'X.amountCents' },
    ]);
    expect(one('amount_eur', { answer: 'no', amountCents: 500 }, x).errors).toEqual([
      { field: 'X', code: 'amount_not_expected', rule: 'R-A', path: 'X.amountCents' },
    ]);
  });
});

describe('declaration', () => {
  it('name must be text, agreed a boolean; null parts are simply not given', () => {
    expect(one('declaration', { name: 5, agreed: true }, {}, 'draft').errors).toEqual([{ field: 'X', code: 'invalid_type', path: 'X.name' }]);
    expect(one('declaration', { name: 'A', agreed: 'yes' }, {}, 'draft').errors).toEqual([{ field: 'X', code: 'invalid_type', path: 'X.agreed' }]);
    expect(one('declaration', { name: null, agreed: null }, {}, 'draft').errors).toEqual([]);
    expect(one('declaration', { name: 'abcdef' }, { maxLength: 5 }, 'draft').errors).toEqual([{ field: 'X', code: 'too_long', path: 'X.name' }]);
    expect(one('declaration', { name: 'A', agreed: true, x: 1 }, {}, 'draft').errors).toEqual([{ field: 'X', code: 'invalid_type', path: 'X.x' }]);
    expect(codesOf('declaration', 'Fatima')).toEqual(['invalid_type']);
  });

  it('submit: a name (not just spaces) and agreed = true, with rule and path', () => {
    const x = { rule: 'R-D' };
    expect(one('declaration', { name: '   ', agreed: true }, x).errors).toEqual([{ field: 'X', code: 'required', rule: 'R-D', path: 'X.name' }]);
    expect(one('declaration', { name: 'A', agreed: false }, x).errors).toEqual([
      { field: 'X', code: 'declaration_not_agreed', rule: 'R-D', path: 'X.agreed' },
    ]);
    expect(one('declaration', { name: 'A', agreed: false }).answered).toBe(0);
    expect(one('declaration', { name: '   ', agreed: true }).answered).toBe(0);
    expect(one('declaration', { name: 'A', agreed: true })).toMatchObject({ errors: [], answered: 1 });
  });
});

describe('date_or_period', () => {
  it('a date or a period, not both; each part checked with its path', () => {
    expect(one('date_or_period', { date: '2026-03-01', period: 'zomer' }, {}, 'draft').errors).toEqual([{ field: 'X', code: 'invalid_type' }]);
    expect(one('date_or_period', { date: '2026-02-30' }, {}, 'draft').errors).toEqual([{ field: 'X', code: 'invalid_date', path: 'X.date' }]);
    expect(one('date_or_period', { period: 5 }, {}, 'draft').errors).toEqual([{ field: 'X', code: 'invalid_type', path: 'X.period' }]);
    expect(one('date_or_period', { date: '2026-03-01', period: null }).errors).toEqual([]);
    expect(one('date_or_period', { date: '2026-03-01', other: 1 }, {}, 'draft').errors).toEqual([{ field: 'X', code: 'invalid_type', path: 'X.other' }]);
    expect(codesOf('date_or_period', '2026-03-01')).toEqual(['invalid_type']);
  });

  it('submit: an empty object is required (with the rule); progress needs exactly one valid part', () => {
    expect(one('date_or_period', { date: null, period: '' }, { rule: 'R-P' }).errors).toEqual([{ field: 'X', code: 'required', rule: 'R-P' }]);
    expect(one('date_or_period', {}).answered).toBe(0);
    expect(one('date_or_period', { date: '2026-03-01' }).answered).toBe(1);
    expect(one('date_or_period', { period: 'in de zomer' }).answered).toBe(1);
    expect(one('date_or_period', { date: '2026-02-30' }).answered).toBe(0);
    expect(one('date_or_period', { date: '2026-03-01', period: 'zomer' }).answered).toBe(0);
    expect(one('date_or_period', 'zomer').answered).toBe(0);
  });
});

describe('checklist', () => {
  it('each item "yes"/"no"; unknown items and other values are invalid_type with their path', () => {
    expect(one('checklist', { a: 'yes', b: 'misschien' }, CHECKLIST, 'draft').errors).toEqual([{ field: 'X', code: 'invalid_type', path: 'X.b' }]);
    expect(one('checklist', { a: 'yes', b: 'no', c: 'yes' }, CHECKLIST, 'draft').errors).toEqual([{ field: 'X', code: 'invalid_type', path: 'X.c' }]);
    expect(codesOf('checklist', 'yes', CHECKLIST)).toEqual(['invalid_type']);
  });

  it('submit: every item answered, else checklist_incomplete per item (rule and path)', () => {
    const r = one('checklist', { a: 'yes' }, { ...CHECKLIST, rule: 'R-C' });
    expect(r.errors).toEqual([{ field: 'X', code: 'checklist_incomplete', rule: 'R-C', path: 'X.b' }]);
    expect(r.answered).toBe(0);
    expect(one('checklist', { a: 'yes', b: 'no' }, CHECKLIST)).toMatchObject({ errors: [], answered: 1 });
  });
});

const goalRow = (over: Record<string, unknown> = {}) => ({ domain: 'housing_skills', text: 'Huur betalen', linkedToUrgency: true, ...over });
const statusRow = (over: Record<string, unknown> = {}) => ({ goal: 'Huur betalen', status: 'Gaat goed', achieved: 'yes', ...over });

describe('goals rows (R-OR-14)', () => {
  it('a complete row with goalId, domain, text and the urgency flag passes', () => {
    expect(one('goals', [goalRow({ goalId: 'g1' })])).toMatchObject({ errors: [], answered: 1 });
  });

  it('row format: each part with its path', () => {
    const d = (row: unknown, extra: Extra = {}) => one('goals', [row], extra, 'draft').errors;
    expect(d(goalRow({ domain: 'moon' }))).toEqual([{ field: 'X', code: 'invalid_option', path: 'X[0].domain' }]);
    expect(d(goalRow({ domain: 7 }))).toEqual([{ field: 'X', code: 'invalid_option', path: 'X[0].domain' }]);
    expect(d(goalRow({ domain: 'housing_skills' }), { domains: ['financial_functioning'] })).toEqual([{ field: 'X', code: 'invalid_option', path: 'X[0].domain' }]);
    expect(d(goalRow({ text: 5 }))).toEqual([{ field: 'X', code: 'invalid_type', path: 'X[0].text' }]);
    expect(d(goalRow({ linkedToUrgency: 'yes' }))).toEqual([{ field: 'X', code: 'invalid_type', path: 'X[0].linkedToUrgency' }]);
    expect(d(goalRow({ goalId: 5 }))).toEqual([{ field: 'X', code: 'invalid_type', path: 'X[0].goalId' }]);
    expect(d(goalRow({ goalId: 'g'.repeat(100) }))).toEqual([]);
    expect(d(goalRow({ goalId: 'g'.repeat(101) }))).toEqual([{ field: 'X', code: 'too_long', path: 'X[0].goalId' }]);
    expect(d(goalRow({ goalId: null, domain: null, text: null, linkedToUrgency: null }))).toEqual([]);
    expect(d('rij')).toEqual([{ field: 'X', code: 'invalid_type', path: 'X[0]' }]);
    expect(codesOf('goals', { text: 'x' })).toEqual(['invalid_type']);
  });

  it('intendedResult and targetDate only with withResults', () => {
    const row = goalRow({ intendedResult: 'Geen achterstand', targetDate: '2026-09-01' });
    expect(one('goals', [row], {}, 'draft').errors).toEqual([
      { field: 'X', code: 'invalid_type', path: 'X[0].intendedResult' },
      { field: 'X', code: 'invalid_type', path: 'X[0].targetDate' },
    ]);
    expect(one('goals', [row], { withResults: true })).toMatchObject({ errors: [], answered: 1 });
    expect(one('goals', [goalRow({ intendedResult: 5, targetDate: '2026-02-30' })], { withResults: true }, 'draft').errors).toEqual([
      { field: 'X', code: 'invalid_type', path: 'X[0].intendedResult' },
      { field: 'X', code: 'invalid_date', path: 'X[0].targetDate' },
    ]);
  });

  it('submit: each missing part is row_incomplete at its path; the urgency flag names R-OR-14, the rest the field rule', () => {
    const r = one('goals', [goalRow(), { goalId: 'g2' }], { rule: 'R-G', withResults: true });
    expect(r.errors).toEqual([
      { field: 'X', code: 'row_incomplete', rule: 'R-G', path: 'X[0].intendedResult' },
      { field: 'X', code: 'row_incomplete', rule: 'R-G', path: 'X[1].text' },
      { field: 'X', code: 'row_incomplete', rule: 'R-OR-14', path: 'X[1].linkedToUrgency' },
      { field: 'X', code: 'row_incomplete', rule: 'R-G', path: 'X[1].domain' },
      { field: 'X', code: 'row_incomplete', rule: 'R-G', path: 'X[1].intendedResult' },
    ]);
    expect(r.raw[1]!.nl).toContain('Regel 2:');
    expect(r.raw[1]!.en).toContain('Row 2:');
    expect(r.answered).toBe(0);
  });

  it('submit: with exactly one allowed domain the row may omit it', () => {
    expect(one('goals', [goalRow({ domain: undefined })], { domains: ['housing_skills'] })).toMatchObject({ errors: [], answered: 1 });
    expect(one('goals', [goalRow({ domain: undefined })], { domains: ['housing_skills', 'financial_functioning'] }).errors).toEqual([
      { field: 'X', code: 'row_incomplete', path: 'X[0].domain' },
    ]);
  });

  it('submit: a row that is no object is row_incomplete at the row', () => {
    expect(one('goals', [5]).errors).toEqual([
      { field: 'X', code: 'invalid_type', path: 'X[0]' },
      { field: 'X', code: 'row_incomplete', path: 'X[0]' },
    ]);
  });

  it('submit: an empty list of a required field is required, and no answer', () => {
    expect(one('goals', [], { rule: 'R-G' })).toMatchObject({ errors: [{ field: 'X', code: 'required', rule: 'R-G' }], answered: 0 });
    expect(one('goals', [], { required: false })).toMatchObject({ errors: [], answered: 0 });
  });

  it('progress: every row must be complete', () => {
    expect(one('goals', [goalRow(), goalRow({ text: '' })]).answered).toBe(0);
  });

  it(`at most MAX_ROWS (${MAX_ROWS}) rows; beyond that only too_many_rows`, () => {
    const full = Array.from({ length: MAX_ROWS }, () => ({}));
    const r50 = one('goals', full);
    expect(r50.errors.filter((e) => e.code === 'too_many_rows')).toEqual([]);
    expect(r50.errors.filter((e) => e.code === 'row_incomplete')).toHaveLength(MAX_ROWS * 3);
    expect(one('goals', [...full, {}]).errors).toEqual([{ field: 'X', code: 'too_many_rows' }]);
  });
});

describe('goal_status_rows (V-06)', () => {
  it('a complete row passes; source only with withSource', () => {
    expect(one('goal_status_rows', [statusRow({ goalId: 'g1' })])).toMatchObject({ errors: [], answered: 1 });
    expect(one('goal_status_rows', [statusRow({ source: 'Dossier' })], {}, 'draft').errors).toEqual([
      { field: 'X', code: 'invalid_type', path: 'X[0].source' },
    ]);
    expect(one('goal_status_rows', [statusRow({ source: 'Dossier' })], { withSource: true })).toMatchObject({ errors: [], answered: 1 });
  });

  it('row format: parts with their paths', () => {
    const d = (row: unknown) => one('goal_status_rows', [row], { withSource: true }, 'draft').errors;
    expect(d(statusRow({ achieved: 'misschien' }))).toEqual([{ field: 'X', code: 'invalid_type', path: 'X[0].achieved' }]);
    expect(d(statusRow({ goal: 1, status: 2, source: 3 }))).toEqual([
      { field: 'X', code: 'invalid_type', path: 'X[0].goal' },
      { field: 'X', code: 'invalid_type', path: 'X[0].status' },
      { field: 'X', code: 'invalid_type', path: 'X[0].source' },
    ]);
    expect(d(statusRow({ domain: 'housing_skills' }))).toEqual([{ field: 'X', code: 'invalid_type', path: 'X[0].domain' }]);
    expect(d(statusRow({ goalId: 'g'.repeat(101) }))).toEqual([{ field: 'X', code: 'too_long', path: 'X[0].goalId' }]);
  });

  it('submit: missing goal, status, achieved, source', () => {
    expect(one('goal_status_rows', [{}], { withSource: true }).errors).toEqual([
      { field: 'X', code: 'row_incomplete', path: 'X[0].goal' },
      { field: 'X', code: 'row_incomplete', path: 'X[0].status' },
      { field: 'X', code: 'row_incomplete', path: 'X[0].achieved' },
      { field: 'X', code: 'row_incomplete', path: 'X[0].source' },
    ]);
  });
});

describe('read-only fields, hidden fields, unknown keys, sections', () => {
  it('a read-only field rejects a value but not null', () => {
    expect(one('date', '2026-01-01', { readOnly: true, required: false, rule: 'R-RO' }, 'draft').errors).toEqual([
      { field: 'X', code: 'read_only', rule: 'R-RO' },
    ]);
    expect(one('date', null, { readOnly: true, required: false }, 'draft').errors).toEqual([]);
  });

  it('an unknown key is reported on $root with the key as path', () => {
    const r = validateForm(defOf([fld('X', 'text')]), { X: 'a', Y: 1 }, 'draft');
    expect(bare(r.errors)).toEqual([{ field: ROOT_FIELD, code: 'unknown_field', path: 'Y' }]);
  });

  it('a section with an error is not complete even when all its required fields are answered', () => {
    const def = defOf([fld('A', 'text'), fld('B', 'email', { required: false })]);
    const r = validateForm(def, { A: 'x', B: 'geen-mail' }, 'draft');
    expect(r.sections).toEqual([{ id: 'SEC', complete: false, answered: 1, required: 1 }]);
    const ok = validateForm(def, { A: 'x', B: 'a@b.nl' }, 'draft');
    expect(ok.sections).toEqual([{ id: 'SEC', complete: true, answered: 1, required: 1 }]);
  });

  it('a section with an unanswered required field and no error is not complete', () => {
    const def = defOf([fld('A', 'text'), fld('B', 'text')]);
    expect(validateForm(def, { A: 'x' }, 'draft').sections).toEqual([{ id: 'SEC', complete: false, answered: 1, required: 2 }]);
  });
});

describe('messages: labels and values', () => {
  const msg = (label: string, value: unknown) => {
    const def = defOf([{ ...fld('X', 'select', OPTIONS), label: { nl: label, en: label } }]);
    return validateForm(def, { X: value }, 'draft').errors[0]!;
  };

  it('a label of up to 20 characters is prefixed with its section title, a longer one is not', () => {
    expect(msg('a'.repeat(20), 'z').nl).toContain(`“Sectie — ${'a'.repeat(20)}”`);
    expect(msg('a'.repeat(21), 'z').en).toContain(`“${'a'.repeat(21)}”`);
    expect(msg('a'.repeat(21), 'z').en).not.toContain('Section');
  });

  it('a label over 60 characters is cut to 59 and an ellipsis', () => {
    expect(msg('b'.repeat(60), 'z').nl).toContain(`“${'b'.repeat(60)}”`);
    expect(msg('b'.repeat(61), 'z').nl).toContain(`“${'b'.repeat(59)}…”`);
  });

  it('the value shown is cut after 39 characters when longer than 40; a non-string is shown as JSON', () => {
    expect(msg('Keuze', 'v'.repeat(40)).nl).toContain(`"${'v'.repeat(40)}"`);
    expect(msg('Keuze', 'v'.repeat(41)).nl).toContain(`"${'v'.repeat(39)}…"`);
    expect(msg('Keuze', { a: 1 }).en).toContain('"{"a":1}"');
  });
});

describe('cross-field checks only on shown fields', () => {
  const ctl = fld('C', 'yesno');
  const msg = { nl: 'm', en: 'm' };

  it('date_order: not checked when the earlier date is hidden', () => {
    const def = defOf([ctl, fld('A', 'date', { showIf: { field: 'C', equals: 'yes' } }), fld('B', 'date')], [
      { kind: 'date_order', id: 'V-T1', earlier: 'A', later: 'B' },
    ]);
    expect(validateForm(def, { C: 'yes', A: '2026-02-01', B: '2026-01-01' }, 'submit').errors.map((e) => e.code)).toEqual(['date_order']);
    const hidden = validateForm(def, { C: 'no', A: '2026-02-01', B: '2026-01-01' }, 'submit').errors.map((e) => e.code);
    expect(hidden).toEqual(['hidden_not_empty']);
  });

  it('requires_value: not checked when the field is hidden, nor when the condition fails', () => {
    const def = defOf([ctl, fld('D', 'yesno'), fld('F', 'yesno', { showIf: { field: 'C', equals: 'yes' } })], [
      { kind: 'requires_value', id: 'V-T2', field: 'F', equals: 'yes', when: { field: 'D', equals: 'yes' }, code: 'must_yes', message: msg },
    ]);
    expect(validateForm(def, { C: 'yes', D: 'yes', F: 'no' }, 'submit').errors.map((e) => e.code)).toEqual(['must_yes']);
    expect(validateForm(def, { C: 'yes', D: 'no', F: 'no' }, 'submit').errors).toEqual([]);
    expect(validateForm(def, { C: 'no', D: 'yes' }, 'submit').errors).toEqual([]);
  });

  it('forbid_value: not checked when the field is hidden', () => {
    const def = defOf([ctl, fld('F', 'yesno', { showIf: { field: 'C', equals: 'yes' } })], [
      { kind: 'forbid_value', id: 'V-T3', field: 'F', value: 'no', code: 'no_no', message: msg },
    ]);
    expect(validateForm(def, { C: 'yes', F: 'no' }, 'submit').errors.map((e) => e.code)).toEqual(['no_no']);
    expect(validateForm(def, { C: 'no', F: 'no' }, 'submit').errors.map((e) => e.code)).toEqual(['hidden_not_empty']);
  });

  it('all_rows_achieved: not checked when the condition fails or the field is hidden', () => {
    const rows = [statusRow({ achieved: 'no' })];
    const def = defOf([ctl, fld('D', 'yesno'), fld('R', 'goal_status_rows', { showIf: { field: 'C', equals: 'yes' } })], [
      { kind: 'all_rows_achieved', id: 'V-T4', field: 'R', when: { field: 'D', equals: 'yes' }, code: 'open_rows', message: msg },
    ]);
    expect(validateForm(def, { C: 'yes', D: 'yes', R: rows }, 'submit').errors.map((e) => e.code)).toEqual(['open_rows']);
    expect(validateForm(def, { C: 'yes', D: 'no', R: rows }, 'submit').errors).toEqual([]);
    expect(validateForm(def, { C: 'no', D: 'yes' }, 'submit').errors).toEqual([]);
  });

  it('urgency_goals_achieved (V-E2): only goals linked to the urgency and not achieved; not when hidden', () => {
    const def = defOf([ctl, fld('D', 'yesno'), fld('U', 'yesno', { showIf: { field: 'C', equals: 'yes' } })], [
      { kind: 'urgency_goals_achieved', id: 'V-T5', field: 'U', when: { field: 'D', equals: 'yes' }, code: 'urgency_open', message: msg },
    ]);
    const open = { urgencyGoals: [{ id: 'g1', text: 'Huur', linkedToUrgency: true, achieved: false }] };
    const done = {
      urgencyGoals: [
        { id: 'g1', text: 'Huur', linkedToUrgency: true, achieved: true },
        { id: 'g2', text: 'Werk', linkedToUrgency: false, achieved: false },
      ],
    };
    expect(validateForm(def, { C: 'yes', D: 'yes', U: 'yes' }, 'submit', open).errors.map((e) => e.code)).toEqual(['urgency_open']);
    expect(validateForm(def, { C: 'yes', D: 'yes', U: 'yes' }, 'submit', done).errors).toEqual([]);
    expect(validateForm(def, { C: 'yes', D: 'no', U: 'yes' }, 'submit', open).errors).toEqual([]);
    expect(validateForm(def, { C: 'no', D: 'yes' }, 'submit', open).errors).toEqual([]);
  });
});
