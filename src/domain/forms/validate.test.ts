import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  F1_SUPPLEMENT,
  F2_EVALUATION,
  F3_NOMINATION,
  F4_SUPPORT_PLAN,
  FORM_DEFINITIONS,
  FORM_KINDS,
  NOT_APPLICABLE,
  ROOT_FIELD,
  allFields,
  pruneHiddenFields,
  validateForm,
} from './index.ts';
import type { FormDefinition, FormError } from './index.ts';
import { EXAMPLE_DATA, EXAMPLE_F1, EXAMPLE_F2, EXAMPLE_F3, EXAMPLE_F4 } from './examples.ts';

const submit = (def: FormDefinition, data: unknown, ctx = {}) => validateForm(def, data, 'submit', ctx);
const draft = (def: FormDefinition, data: unknown) => validateForm(def, data, 'draft');
const on = (errors: FormError[], field: string) => errors.filter((e) => e.field === field);
const codes = (errors: FormError[], field: string) => on(errors, field).map((e) => e.code);

function without(data: Record<string, unknown>, ...keys: string[]): Record<string, unknown> {
  const out = { ...data };
  for (const k of keys) delete out[k];
  return out;
}

/** F-2 with "no nomination": question 6 lapses, question 7 is answered. */
const F2_NO_NOMINATION = {
  ...without(EXAMPLE_F2, 'E-32', 'E-33', 'E-33a', 'E-33b', 'E-33c'),
  'E-31': 'no',
  'E-34': { date: '2028-02-15' },
  'E-35': 'Niets bijzonders.',
  'E-43': 'continue',
  'E-44': 'De huur zelf overmaken; de corporatie belt na drie maanden.',
};

describe('validateForm: the example data', () => {
  it.each(FORM_KINDS)('%s: the complete example passes submit, every section complete', (kind) => {
    const r = submit(FORM_DEFINITIONS[kind], EXAMPLE_DATA[kind]);
    expect(r.errors).toEqual([]);
    expect(r.complete).toBe(true);
    expect(r.sections.every((s) => s.complete && s.answered === s.required)).toBe(true);
  });

  it('F-2 without a nomination passes too', () => {
    expect(submit(F2_EVALUATION, F2_NO_NOMINATION).errors).toEqual([]);
  });
});

describe('validateForm: draft and submit', () => {
  it('a draft may be incomplete: an empty form has no errors but is not complete', () => {
    const r = draft(F1_SUPPLEMENT, {});
    expect(r.errors).toEqual([]);
    expect(r.complete).toBe(false);
    expect(r.sections.find((s) => s.id === 'S0-RESIDENT')).toEqual({ id: 'S0-RESIDENT', complete: false, answered: 0, required: 3 });
  });

  it('a draft still gets type and format errors', () => {
    const r = draft(F1_SUPPLEMENT, {
      'S-01': 42,
      'S-06': 'geen-mail',
      'S-05': 'bel me',
      'S-13': 'x'.repeat(4001),
      'S-18': { answer: 'misschien' },
      'S-30': { answer: 'yes', amountCents: 12.5 },
    });
    expect(codes(r.errors, 'S-01')).toEqual(['invalid_type']);
    expect(codes(r.errors, 'S-06')).toEqual(['invalid_email']);
    expect(codes(r.errors, 'S-05')).toEqual(['invalid_phone']);
    expect(codes(r.errors, 'S-13')).toEqual(['too_long']);
    expect(on(r.errors, 'S-18')[0]).toMatchObject({ code: 'invalid_type', path: 'S-18.answer' });
    expect(on(r.errors, 'S-30')[0]).toMatchObject({ code: 'invalid_amount', path: 'S-30.amountCents' });
  });

  it('invalid dates such as 2025-02-30 are rejected, in draft and in rows', () => {
    const r = draft(F4_SUPPORT_PLAN, {
      'SP-FIRST-MEETING': '2025-02-30',
      'SP-DRAWN-UP': '2025-2-3',
      'SP-GOALS-DAYTIME': [{ text: 'Werk', linkedToUrgency: true, targetDate: '2026-13-01' }],
    });
    expect(codes(r.errors, 'SP-FIRST-MEETING')).toEqual(['invalid_date']);
    expect(codes(r.errors, 'SP-DRAWN-UP')).toEqual(['invalid_date']);
    expect(on(r.errors, 'SP-GOALS-DAYTIME')[0]).toMatchObject({ code: 'invalid_date', path: 'SP-GOALS-DAYTIME[0].targetDate' });
    expect(on(r.errors, 'SP-FIRST-MEETING')[0]!.nl).toContain('2025-02-30');
    expect(draft(F2_EVALUATION, { 'E-10': '2024-02-29' }).errors).toEqual([]);
    expect(codes(draft(F2_EVALUATION, { 'E-10': '2025-02-29' }).errors, 'E-10')).toEqual(['invalid_date']);
  });

  it('unknown field ids are rejected (on the root, naming the key)', () => {
    const r = draft(F1_SUPPLEMENT, { 'S-99': 'x', 'E-01': 'y', constructor: 1 });
    expect(r.errors.map((e) => [e.field, e.code, e.path])).toEqual([
      [ROOT_FIELD, 'unknown_field', 'S-99'],
      [ROOT_FIELD, 'unknown_field', 'E-01'],
      [ROOT_FIELD, 'unknown_field', 'constructor'],
    ]);
    expect(r.errors[0]!.nl).toContain('S-99');
  });

  it('form data that is not an object is one root error', () => {
    for (const d of [null, [], 'x', 3]) {
      const r = draft(F2_EVALUATION, d);
      expect(r.errors.map((e) => [e.field, e.code])).toEqual([[ROOT_FIELD, 'not_an_object']]);
      expect(r.complete).toBe(false);
    }
  });

  it('submit: every shown required field answered; errors name the field, in Dutch and English, with the rule', () => {
    const r = submit(F1_SUPPLEMENT, without(EXAMPLE_F1, 'S-04', 'S-30'));
    expect(on(r.errors, 'S-04')[0]).toMatchObject({ code: 'required' });
    expect(on(r.errors, 'S-04')[0]!.nl).toContain('Contactpersoon zorgaanbieder — Naam');
    expect(on(r.errors, 'S-04')[0]!.en).toContain('Care provider contact — Name');
    expect(on(r.errors, 'S-30')[0]).toMatchObject({ code: 'required', rule: 'R-OR-74' });
    expect(r.sections.find((s) => s.id === 'S0-CARE')).toEqual({ id: 'S0-CARE', complete: false, answered: 2, required: 3 });
  });

  it('blank strings and null count as unanswered', () => {
    const r = submit(F1_SUPPLEMENT, { ...EXAMPLE_F1, 'S-01': '   ', 'S-02': null });
    expect(codes(r.errors, 'S-01')).toEqual(['required']);
    expect(codes(r.errors, 'S-02')).toEqual(['required']);
  });

  it('read-only fields (F-3 V-10, V-11, V-12) cannot be entered', () => {
    const r = draft(F3_NOMINATION, { ...EXAMPLE_F3, 'V-10': 'goedgekeurd', 'V-12': 'bevestigd' });
    expect(r.errors.map((e) => [e.field, e.code, e.rule])).toEqual([
      ['V-10', 'read_only', 'R-OR-68'],
      ['V-12', 'read_only', 'R-OR-71'],
    ]);
  });

  it('F-1 S-10 ≤ S-11 (proposal): the introduction meeting is not before the lease started', () => {
    const r = submit(F1_SUPPLEMENT, { ...EXAMPLE_F1, 'S-10': '2026-03-03', 'S-11': '2026-03-02' });
    expect(on(r.errors, 'S-11')).toEqual([expect.objectContaining({ code: 'date_order', check: 'F1-DATES' })]);
    expect(submit(F1_SUPPLEMENT, { ...EXAMPLE_F1, 'S-10': '2026-03-02', 'S-11': '2026-03-02' }).errors).toEqual([]);
    // A draft may be inconsistent.
    expect(draft(F1_SUPPLEMENT, { 'S-10': '2026-03-03', 'S-11': '2026-03-02' }).errors).toEqual([]);
  });

  it('R-OR-37: the good-tenant declaration (S-12) needs the name and the confirmation', () => {
    const r = submit(F1_SUPPLEMENT, { ...EXAMPLE_F1, 'S-12': { name: '', agreed: false } });
    expect(on(r.errors, 'S-12').map((e) => [e.code, e.path])).toEqual([
      ['required', 'S-12.name'],
      ['declaration_not_agreed', 'S-12.agreed'],
    ]);
  });

  it('S-31a: every WA4 topic of the checklist is marked discussed yes/no on submit', () => {
    const r = submit(F1_SUPPLEMENT, { ...EXAMPLE_F1, 'S-31a': { housing_fraud: 'yes' } });
    expect(codes(r.errors, 'S-31a')).toEqual(Array(5).fill('checklist_incomplete'));
    expect(codes(draft(F1_SUPPLEMENT, { 'S-31a': { unknown_topic: 'yes' } }).errors, 'S-31a')).toEqual(['invalid_type']);
  });

  it('R-OR-95: the personal supervisor explained why the information is recorded', () => {
    const r = submit(F2_EVALUATION, { ...EXAMPLE_F2, 'E-PRIV': 'no' });
    expect(on(r.errors, 'E-PRIV')).toEqual([expect.objectContaining({ code: 'privacy_not_explained', rule: 'R-OR-95' })]);
  });
});

describe('F-2 Woonevaluatieformulier (§7.3)', () => {
  it('R-OR-62: an evaluation form cannot be submitted with an unanswered discussion point ("n.v.t." allowed)', () => {
    const missing = submit(F2_EVALUATION, without(EXAMPLE_F2, 'E-16', 'E-25'));
    expect(on(missing.errors, 'E-16')).toEqual([expect.objectContaining({ code: 'required', rule: 'R-OR-62' })]);
    expect(on(missing.errors, 'E-25')).toEqual([expect.objectContaining({ code: 'required', rule: 'R-OR-62' })]);
    expect(missing.complete).toBe(false);
    expect(missing.sections.find((s) => s.id === 'E2')).toMatchObject({ complete: false, answered: 2, required: 3 });
    // "n.v.t." is an answer (E-16 in the example is "n.v.t.").
    expect(EXAMPLE_F2['E-16']).toBe(NOT_APPLICABLE);
    expect(submit(F2_EVALUATION, EXAMPLE_F2).complete).toBe(true);
    // …but not for a yes/no fact such as E-25.
    expect(codes(submit(F2_EVALUATION, { ...EXAMPLE_F2, 'E-25': NOT_APPLICABLE }).errors, 'E-25')).toEqual(['not_applicable_not_allowed']);
  });

  it('V-E1: E-31 = yes ⇒ E-32 and E-33 required, question 7 hidden; E-31 = no ⇒ E-34 and E-35 required', () => {
    const yes = submit(F2_EVALUATION, without(EXAMPLE_F2, 'E-32', 'E-33'));
    expect(codes(yes.errors, 'E-32')).toEqual(['required']);
    expect(codes(yes.errors, 'E-33')).toEqual(['required']);
    expect(on(yes.errors, 'E-34')).toEqual([]);
    expect(yes.sections.find((s) => s.id === 'E7')).toEqual({ id: 'E7', complete: true, answered: 0, required: 0 });

    const no = submit(F2_EVALUATION, without(F2_NO_NOMINATION, 'E-34', 'E-35'));
    expect(codes(no.errors, 'E-34')).toEqual(['required']);
    expect(codes(no.errors, 'E-35')).toEqual(['required']);
    expect(on(no.errors, 'E-32')).toEqual([]);
  });

  it('V-E1: answers to lapsed questions are rejected on submit (ignored in a draft); pruneHiddenFields removes them', () => {
    const data = { ...F2_NO_NOMINATION, 'E-32': 'yes', 'E-33': 'Zus en buurvrouw' };
    const r = submit(F2_EVALUATION, data);
    expect(r.errors.map((e) => [e.field, e.code])).toEqual([
      ['E-32', 'hidden_not_empty'],
      ['E-33', 'hidden_not_empty'],
    ]);
    expect(r.errors[0]!.nl).toContain('E-31');
    expect(draft(F2_EVALUATION, data).errors).toEqual([]);
    const pruned = pruneHiddenFields(F2_EVALUATION, data);
    expect(pruned).not.toHaveProperty('E-32');
    expect(pruned).not.toHaveProperty('E-33');
    expect(submit(F2_EVALUATION, pruned).errors).toEqual([]);
  });

  it('V-E2 / R-OR-64 T3: a nomination (E-31 = yes) with E-32 ≠ yes is blocked', () => {
    const r = submit(F2_EVALUATION, { ...EXAMPLE_F2, 'E-32': 'no' });
    expect(on(r.errors, 'E-32')).toEqual([expect.objectContaining({ code: 'goals_not_met', rule: 'R-OR-64 T3', check: 'V-E2' })]);
    expect(on(r.errors, 'E-32')[0]!.nl).toContain('geblokkeerd');
    expect(r.complete).toBe(false);
    // Not when there is no nomination.
    expect(submit(F2_EVALUATION, { ...F2_NO_NOMINATION }).errors).toEqual([]);
  });

  it('V-E2 / AMB-OR-10 proposal: both the housing goals of section 5 and the goals linked to the conditional urgency must be met', () => {
    const rows = [
      { goal: 'Huur op tijd betalen', status: 'Op schema', achieved: 'yes' },
      { goal: 'Vrijwilligerswerk', status: 'Nog niet gestart', achieved: 'no' },
    ];
    const housing = submit(F2_EVALUATION, { ...EXAMPLE_F2, 'E-30': rows });
    expect(on(housing.errors, 'E-30')).toEqual([expect.objectContaining({ code: 'goals_not_met', rule: 'R-OR-64 T3', check: 'V-E2' })]);
    expect(on(housing.errors, 'E-30')[0]!.nl).toContain('Vrijwilligerswerk');

    const urgencyGoals = [
      { id: 'g1', text: 'Twee dagen per week vrijwilligerswerk', linkedToUrgency: true, achieved: true },
      { id: 'g3', text: 'Behandeling GGZ volhouden', linkedToUrgency: true, achieved: false },
      { id: 'g2', text: 'Contact met familie herstellen', linkedToUrgency: false, achieved: false },
    ];
    const urgency = submit(F2_EVALUATION, EXAMPLE_F2, { urgencyGoals });
    expect(on(urgency.errors, 'E-32')).toEqual([expect.objectContaining({ code: 'urgency_goals_not_met', rule: 'R-OR-64 T3' })]);
    expect(on(urgency.errors, 'E-32')[0]!.en).toContain('Behandeling GGZ volhouden');
    expect(on(urgency.errors, 'E-32')[0]!.en).not.toContain('familie');
  });

  it('V-E3: conditional follow-ups E-19/E-20 by E-18, E-22 by E-21, E-24 by E-23, E-29 by E-28', () => {
    // EXAMPLE_F2: E-18 = yes (E-19 answered), E-21 = no, E-23 = no, E-28 = yes.
    const cases: Array<[Record<string, unknown>, string[]]> = [
      [{ 'E-19': undefined }, ['E-19']],
      [{ 'E-18': 'no', 'E-19': undefined }, ['E-20']],
      [{ 'E-21': 'yes' }, ['E-22']],
      [{ 'E-23': 'yes' }, ['E-23a', 'E-23b', 'E-24']],
      [{ 'E-28': 'no' }, ['E-29']],
    ];
    for (const [answers, required] of cases) {
      const r = submit(F2_EVALUATION, { ...EXAMPLE_F2, ...answers });
      expect(r.errors.map((e) => [e.field, e.code]), JSON.stringify(answers)).toEqual(required.map((f) => [f, 'required']));
    }
    // The follow-up of the other branch is rejected on submit.
    const r = submit(F2_EVALUATION, { ...EXAMPLE_F2, 'E-20': 'Nee' });
    expect(codes(r.errors, 'E-20')).toEqual(['hidden_not_empty']);
  });

  it('V-E4: the extension fields E-33a/b/c are required only when E-31 = yes (E-33c may be "n.v.t.")', () => {
    const r = submit(F2_EVALUATION, without(EXAMPLE_F2, 'E-33a', 'E-33b', 'E-33c'));
    expect(r.errors.map((e) => [e.field, e.code, e.rule])).toEqual([
      ['E-33a', 'required', 'R-OR-75'],
      ['E-33b', 'required', 'R-OR-75'],
      ['E-33c', 'required', 'R-OR-75'],
    ]);
    expect(submit(F2_EVALUATION, { ...EXAMPLE_F2, 'E-33c': NOT_APPLICABLE }).errors).toEqual([]);
  });

  it('V-E5: E-12 ≥ E-11 ≥ E-10 (E-11 may be "n.v.t." for entry E2; then E-12 ≥ E-10)', () => {
    const early = submit(F2_EVALUATION, { ...EXAMPLE_F2, 'E-11': '2025-12-01' });
    expect(on(early.errors, 'E-11')).toEqual([expect.objectContaining({ code: 'date_order', check: 'V-E5' })]);
    const late = submit(F2_EVALUATION, { ...EXAMPLE_F2, 'E-12': '2026-03-01' });
    expect(on(late.errors, 'E-12')).toEqual([expect.objectContaining({ code: 'date_order', check: 'V-E5' })]);
    expect(submit(F2_EVALUATION, { ...EXAMPLE_F2, 'E-11': NOT_APPLICABLE }).errors).toEqual([]);
    const na = submit(F2_EVALUATION, { ...EXAMPLE_F2, 'E-11': NOT_APPLICABLE, 'E-12': '2025-06-01' });
    expect(on(na.errors, 'E-12')).toEqual([expect.objectContaining({ code: 'date_order', check: 'V-E5' })]);
    // Same day is fine.
    expect(submit(F2_EVALUATION, { ...EXAMPLE_F2, 'E-10': '2026-03-02', 'E-11': '2026-03-02', 'E-12': '2026-03-02' }).errors).toEqual([]);
  });

  it('E-30 rows must be complete on submit', () => {
    const r = submit(F2_EVALUATION, { ...EXAMPLE_F2, 'E-30': [{ goal: 'Huur op tijd betalen', status: '' }] });
    expect(on(r.errors, 'E-30').map((e) => e.path)).toEqual(['E-30[0].status', 'E-30[0].achieved']);
    expect(codes(submit(F2_EVALUATION, { ...EXAMPLE_F2, 'E-30': [] }).errors, 'E-30')).toEqual(['required']);
  });
});

describe('F-1 deposit (§7.2 S-30)', () => {
  it('R-OR-74: the deposit question (S-30) must be answered, with the amount when a deposit is due', () => {
    expect(codes(submit(F1_SUPPLEMENT, without(EXAMPLE_F1, 'S-30')).errors, 'S-30')).toEqual(['required']);
    expect(codes(submit(F1_SUPPLEMENT, { ...EXAMPLE_F1, 'S-30': NOT_APPLICABLE }).errors, 'S-30')).toEqual(['not_applicable_not_allowed']);
    const noAmount = submit(F1_SUPPLEMENT, { ...EXAMPLE_F1, 'S-30': { answer: 'yes' } });
    expect(on(noAmount.errors, 'S-30')).toEqual([expect.objectContaining({ code: 'amount_required', rule: 'R-OR-74', path: 'S-30.amountCents' })]);
    const zero = submit(F1_SUPPLEMENT, { ...EXAMPLE_F1, 'S-30': { answer: 'yes', amountCents: 0 } });
    expect(codes(zero.errors, 'S-30')).toEqual(['amount_required']);
    expect(submit(F1_SUPPLEMENT, { ...EXAMPLE_F1, 'S-30': { answer: 'no' } }).errors).toEqual([]);
    expect(codes(submit(F1_SUPPLEMENT, { ...EXAMPLE_F1, 'S-30': { answer: 'no', amountCents: 100 } }).errors, 'S-30')).toEqual(['amount_not_expected']);
    expect(codes(submit(F1_SUPPLEMENT, { ...EXAMPLE_F1, 'S-30': {} }).errors, 'S-30')).toEqual(['required']);
  });
});

describe('F-3 Voordracht voor Omklap (§7.4)', () => {
  it('R-OR-69: aftercare agreements on the nomination (V-09) are required', () => {
    const r = submit(F3_NOMINATION, without(EXAMPLE_F3, 'V-09'));
    expect(on(r.errors, 'V-09')).toEqual([expect.objectContaining({ code: 'required', rule: 'R-OR-69' })]);
  });

  it('R-OR-64 T3: every goal linked to the conditional urgency (V-06) is met', () => {
    const rows = [{ goal: 'Huur op tijd betalen', status: 'Achterstand in mei', achieved: 'no', source: 'Huuroverzicht' }];
    const r = submit(F3_NOMINATION, { ...EXAMPLE_F3, 'V-06': rows });
    expect(on(r.errors, 'V-06')).toEqual([expect.objectContaining({ code: 'goals_not_met', rule: 'R-OR-64 T3' })]);
    // The source of substantiation is part of each row.
    const noSource = submit(F3_NOMINATION, { ...EXAMPLE_F3, 'V-06': [{ goal: 'Huur', status: 'Op tijd', achieved: 'yes' }] });
    expect(on(noSource.errors, 'V-06').map((e) => e.path)).toEqual(['V-06[0].source']);
    const ctx = { urgencyGoals: [{ id: 'g3', text: 'Behandeling GGZ volhouden', linkedToUrgency: true, achieved: false }] };
    expect(codes(submit(F3_NOMINATION, EXAMPLE_F3, ctx).errors, 'V-06')).toEqual(['urgency_goals_not_met']);
  });

  it('R-OR-64 T4 / T5: risks or a needed behaviour change block the nomination', () => {
    expect(codes(submit(F3_NOMINATION, { ...EXAMPLE_F3, 'V-06r': 'yes' }).errors, 'V-06r')).toEqual(['unacceptable_risks']);
    expect(codes(submit(F3_NOMINATION, { ...EXAMPLE_F3, 'V-07': 'complaints_behaviour_change_needed' }).errors, 'V-07')).toEqual(['nuisance_blocks_transfer']);
    const possible = submit(F3_NOMINATION, { ...EXAMPLE_F3, 'V-07': 'complaints_transfer_possible' });
    expect(codes(possible.errors, 'V-07b')).toEqual(['required']);
    expect(codes(draft(F3_NOMINATION, { 'V-07': 'onbekend' }).errors, 'V-07')).toEqual(['invalid_option']);
  });

  it('R-OR-64 T2: the latest evaluation is not after the joint decision', () => {
    const r = submit(F3_NOMINATION, { ...EXAMPLE_F3, 'V-05': '2027-03-02' });
    expect(on(r.errors, 'V-08')).toEqual([expect.objectContaining({ code: 'date_order', rule: 'R-OR-64 T2' })]);
  });
});

describe('F-4 Begeleidingsplan (§7.5)', () => {
  it('R-OR-42: mandatory support-plan topics each need at least one goal; parenting and children only when there are children', () => {
    const r = submit(F4_SUPPORT_PLAN, without(EXAMPLE_F4, 'SP-GOALS-SAFETY', 'SP-GOALS-HOUSING-SKILLS'));
    expect(r.errors.map((e) => [e.field, e.code, e.rule])).toEqual([
      ['SP-GOALS-SAFETY', 'required', 'R-OR-42'],
      ['SP-GOALS-HOUSING-SKILLS', 'required', 'R-OR-10'],
    ]);
    const withChildren = submit(F4_SUPPORT_PLAN, { ...EXAMPLE_F4, 'SP-CHILDREN': 'yes' });
    expect(withChildren.errors.map((e) => e.field)).toEqual(['SP-GOALS-PARENTING', 'SP-GOALS-CHILDREN-ENV']);
    // A goal in the wrong topic is a format error.
    const wrong = draft(F4_SUPPORT_PLAN, { 'SP-GOALS-SAFETY': [{ domain: 'good_tenancy', text: 'x', linkedToUrgency: false }] });
    expect(on(wrong.errors, 'SP-GOALS-SAFETY')[0]).toMatchObject({ code: 'invalid_option', path: 'SP-GOALS-SAFETY[0].domain' });
  });

  it('R-OR-43: the support plan has relapse prevention — it cannot be submitted without signals, steps, network and help', () => {
    const r = submit(F4_SUPPORT_PLAN, without(EXAMPLE_F4, 'SP-RELAPSE-SIGNALS', 'SP-RELAPSE-STEPS', 'SP-RELAPSE-NETWORK', 'SP-RELAPSE-HELP'));
    expect(r.errors.map((e) => [e.field, e.rule])).toEqual([
      ['SP-RELAPSE-SIGNALS', 'R-OR-43'],
      ['SP-RELAPSE-STEPS', 'R-OR-43'],
      ['SP-RELAPSE-NETWORK', 'R-OR-43'],
      ['SP-RELAPSE-HELP', 'R-OR-43'],
    ]);
    expect(r.sections.find((s) => s.id === 'SP-RELAPSE')).toEqual({ id: 'SP-RELAPSE', complete: false, answered: 0, required: 4 });
  });

  it('R-OR-14: every support-plan goal carries the urgency flag', () => {
    const goals = [{ text: 'Vrijwilligerswerk', intendedResult: 'Vast rooster' }];
    const r = submit(F4_SUPPORT_PLAN, { ...EXAMPLE_F4, 'SP-GOALS-DAYTIME': goals });
    expect(on(r.errors, 'SP-GOALS-DAYTIME')).toEqual([
      expect.objectContaining({ code: 'row_incomplete', rule: 'R-OR-14', path: 'SP-GOALS-DAYTIME[0].linkedToUrgency' }),
    ]);
    const notBoolean = draft(F4_SUPPORT_PLAN, { 'SP-GOALS-DAYTIME': [{ text: 'x', linkedToUrgency: 'ja' }] });
    expect(on(notBoolean.errors, 'SP-GOALS-DAYTIME')[0]).toMatchObject({ code: 'invalid_type', path: 'SP-GOALS-DAYTIME[0].linkedToUrgency' });
    // Also on the supplement's goal list (S-27).
    const s27 = submit(F1_SUPPLEMENT, { ...EXAMPLE_F1, 'S-27': [{ domain: 'safety', text: 'Veilig wonen' }] });
    expect(on(s27.errors, 'S-27')).toEqual([expect.objectContaining({ rule: 'R-OR-14', path: 'S-27[0].linkedToUrgency' })]);
  });

  it('R-OR-42: each goal has an intended result (results over time)', () => {
    const r = submit(F4_SUPPORT_PLAN, { ...EXAMPLE_F4, 'SP-GOALS-SOCIAL': [{ text: 'Familie', linkedToUrgency: false }] });
    expect(on(r.errors, 'SP-GOALS-SOCIAL').map((e) => e.path)).toEqual(['SP-GOALS-SOCIAL[0].intendedResult']);
  });

  it('R-OR-44: coordination with other care is described when other care is involved', () => {
    expect(codes(submit(F4_SUPPORT_PLAN, without(EXAMPLE_F4, 'SP-COORDINATION')).errors, 'SP-COORDINATION')).toEqual(['required']);
    expect(submit(F4_SUPPORT_PLAN, { ...without(EXAMPLE_F4, 'SP-COORDINATION'), 'SP-OTHER-CARE': 'no' }).errors).toEqual([]);
  });
});

describe('validateForm: properties', () => {
  const defs = Object.values(FORM_DEFINITIONS);
  const defArb = fc.constantFrom(...defs);

  /** Arbitrary data keyed by the definition's own ids (and a few strangers), so the checks run deep. */
  const dataFor = (def: FormDefinition) => {
    const ids = allFields(def).map((f) => f.id);
    const value = fc.oneof(
      fc.jsonValue(),
      fc.constantFrom('yes', 'no', NOT_APPLICABLE, '2026-02-30', '2026-03-01', '', ' '),
      fc.record({ answer: fc.constantFrom('yes', 'no', 'x'), amountCents: fc.oneof(fc.integer(), fc.double(), fc.constant(null)) }, { requiredKeys: [] }),
      fc.array(fc.dictionary(fc.constantFrom('goal', 'status', 'achieved', 'text', 'linkedToUrgency', 'domain', 'source', 'x'), fc.jsonValue()), { maxLength: 4 }),
    );
    return fc.dictionary(fc.constantFrom(...ids, '__proto__', 'toString', 'S-99'), value, { maxKeys: 12 });
  };

  it('never throws for arbitrary JSON input, and every error names a field id of the definition or the root', () => {
    fc.assert(
      fc.property(defArb, fc.jsonValue(), fc.constantFrom('draft', 'submit') as fc.Arbitrary<'draft' | 'submit'>, (def, data, mode) => {
        const r = validateForm(def, data, mode);
        const ids = new Set([...allFields(def).map((f) => f.id), ROOT_FIELD]);
        for (const e of r.errors) {
          expect(ids.has(e.field)).toBe(true);
          expect(e.nl.length).toBeGreaterThan(0);
          expect(e.en.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never throws for data with the form\'s own field ids and odd values; draft errors ⊆ submit errors; complete ⇔ no submit errors', () => {
    fc.assert(
      fc.property(
        defArb.chain((def) => fc.tuple(fc.constant(def), dataFor(def))),
        ([def, data]) => {
          const d = validateForm(def, data, 'draft');
          const s = validateForm(def, data, 'submit');
          const ids = new Set([...allFields(def).map((f) => f.id), ROOT_FIELD]);
          for (const e of s.errors) expect(ids.has(e.field)).toBe(true);
          const key = (e: FormError) => JSON.stringify([e.field, e.code, e.path ?? null]);
          const sub = new Set(s.errors.map(key));
          for (const e of d.errors) expect(sub.has(key(e))).toBe(true);
          expect(s.complete).toBe(s.errors.length === 0);
          expect(d.complete).toBe(s.complete);
          for (const sec of s.sections) expect(sec.answered).toBeLessThanOrEqual(sec.required);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('key order does not matter', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FORM_KINDS), fc.integer(), (kind, seed) => {
        const entries = Object.entries(EXAMPLE_DATA[kind]);
        const shuffled = Object.fromEntries([...entries].sort(() => ((seed = (seed * 16807) % 2147483647) & 1 ? 1 : -1)));
        expect(validateForm(FORM_DEFINITIONS[kind], shuffled, 'submit')).toEqual(validateForm(FORM_DEFINITIONS[kind], EXAMPLE_DATA[kind], 'submit'));
      }),
      { numRuns: 40 },
    );
  });
});
