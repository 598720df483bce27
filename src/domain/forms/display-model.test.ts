/**
 * How answers read (displayAnswer, displayForm), which fields are shown and kept
 * (isFieldVisible through displayForm, conditionHolds through validateForm, pruneHiddenFields),
 * and what definitionProblems finds in a hand-broken definition.
 */
import { describe, expect, it } from 'vitest';
import { F1_SUPPLEMENT, definitionProblems, displayAnswer, displayForm, fieldIndex, formatEuroCents, pruneHiddenFields, validateForm } from './index.ts';
import type { FieldDefinition, FormDefinition } from './index.ts';

type Extra = Partial<FieldDefinition>;
const fld = (id: string, type: FieldDefinition['type'], extra: Extra = {}): FieldDefinition => ({
  id,
  label: { nl: `Veld ${id}`, en: `Field ${id}` },
  type,
  required: false,
  ...extra,
});
const sectionOf = (id: string, fields: FieldDefinition[]) => ({ id, title: { nl: `Sectie ${id}`, en: `Section ${id}` }, fields });
function defOf(sections: FormDefinition['sections'], extra: Partial<FormDefinition> = {}): FormDefinition {
  return {
    kind: 'F-4',
    version: 1,
    title: { nl: 'Toets', en: 'Test' },
    privacyNotice: { nl: 'Privacy', en: 'Privacy' },
    signatureParties: [],
    signatureFieldIds: {},
    sections,
    checks: [],
    ...extra,
  };
}
const text = (t: string) => ({ kind: 'text', text: t });
const S12 = fieldIndex(F1_SUPPLEMENT).get('S-12')!; // "Ik, [naam], verklaar …"

describe('displayAnswer', () => {
  it('yesno_text: a non-object is shown as its text; a blank explanation is left out; null text is no text', () => {
    const f = fld('X', 'yesno_text');
    expect(displayAnswer(f, ['uitleg'], 'nl')).toEqual(text('uitleg'));
    expect(displayAnswer(f, 'ja', 'nl')).toEqual(text('ja'));
    expect(displayAnswer(f, { answer: 'yes', text: null }, 'nl')).toEqual(text('Ja'));
    expect(displayAnswer(f, { answer: 'yes', text: '   ' }, 'en')).toEqual(text('Yes'));
    expect(displayAnswer(f, { answer: 'no', text: ' Zo. ' }, 'nl')).toEqual(text('Nee — Zo.'));
    expect(displayAnswer(f, { text: 'Alleen uitleg' }, 'nl')).toEqual(text('Alleen uitleg'));
  });

  it('a value of another type is shown as a string', () => {
    expect(displayAnswer(fld('X', 'yesno'), 5, 'nl')).toEqual(text('5'));
    expect(displayAnswer(fld('X', 'date'), 20260406, 'nl')).toEqual(text('20260406'));
    expect(displayAnswer(fld('X', 'yesno'), true, 'nl')).toEqual(text('Ja'));
    expect(displayAnswer(fld('X', 'yesno'), false, 'en')).toEqual(text('No'));
  });

  it('an impossible date is shown as given', () => {
    expect(displayAnswer(fld('X', 'date'), '2026-02-30', 'nl')).toEqual(text('2026-02-30'));
  });

  it('a blank string is empty; "n.v.t." in a text field is the text itself, elsewhere "not applicable"', () => {
    expect(displayAnswer(fld('X', 'text'), '   ', 'nl')).toEqual({ kind: 'empty' });
    expect(displayAnswer(fld('X', 'text'), 'n.v.t.', 'en')).toEqual(text('n.v.t.'));
    expect(displayAnswer(fld('X', 'longtext'), 'n.v.t.', 'en')).toEqual(text('n.v.t.'));
    expect(displayAnswer(fld('X', 'yesno'), 'n.v.t.', 'en')).toEqual(text('not applicable'));
  });

  it('select: the option label, or the raw value when it is no option', () => {
    const f = fld('X', 'select', { options: [{ value: 'p', label: { nl: 'Pee', en: 'Pea' } }, { value: 'q', label: { nl: 'Kuu', en: 'Queue' } }] });
    expect(displayAnswer(f, 'q', 'en')).toEqual(text('Queue'));
    expect(displayAnswer(f, 'z', 'en')).toEqual(text('z'));
  });

  it('amount: an answer other than yes/no is empty; the amount in English format', () => {
    const f = fld('X', 'amount_eur');
    expect(displayAnswer(f, { answer: 'misschien', amountCents: 100 }, 'nl')).toEqual({ kind: 'empty' });
    expect(displayAnswer(f, { answer: 'yes', amountCents: 45000 }, 'en')).toEqual(text('Yes, deposit: €450.00'));
    expect(displayAnswer(f, { answer: 'yes' }, 'en')).toEqual(text('Yes'));
    expect(formatEuroCents(45000, 'en')).toBe('€450.00');
  });

  it('declaration: agreed only with true; a blank name leaves the dotted line', () => {
    const notAgreed = displayAnswer(S12, { name: 'Fatima', agreed: 'yes' }, 'nl') as { text: string };
    expect(notAgreed.text).toMatch(/^Ik, Fatima, verklaar.*\nNog niet akkoord$/s);
    const blank = displayAnswer(S12, { name: '   ', agreed: true }, 'en') as { text: string };
    expect(blank.text).toContain('……………………');
    expect(blank.text.endsWith('\nAgreed')).toBe(true);
  });

  it('date_or_period: a blank period is empty', () => {
    expect(displayAnswer(fld('X', 'date_or_period'), { period: '   ' }, 'nl')).toEqual({ kind: 'empty' });
    expect(displayAnswer(fld('X', 'date_or_period'), { period: 'zomer' }, 'nl')).toEqual(text('zomer'));
  });

  it('checklist: an unanswered item shows a dash', () => {
    const f = fld('X', 'checklist', { items: [{ id: 'a', label: { nl: 'A', en: 'A' } }, { id: 'b', label: { nl: 'B', en: 'B' } }] });
    expect(displayAnswer(f, { a: 'yes' }, 'nl')).toEqual({
      kind: 'table',
      head: ['Onderwerp', 'Besproken'],
      rows: [['A', 'Ja'], ['B', '—']],
      columns: ['text', 'short'],
    });
  });

  it('goals: empty list is empty; one allowed domain hides the topic column; target date without weekday', () => {
    const one = fld('X', 'goals', { domains: ['housing_skills'], withResults: true });
    expect(displayAnswer(one, [], 'nl')).toEqual({ kind: 'empty' });
    expect(
      displayAnswer(one, [{ text: 'Schoonmaken', linkedToUrgency: false, intendedResult: 'Schoon huis', targetDate: '2026-04-06' }, { text: 'Koken', linkedToUrgency: true }], 'nl'),
    ).toEqual({
      kind: 'table',
      head: ['Doel', 'Beoogd resultaat', 'Streefdatum', 'Gekoppeld aan urgentie'],
      rows: [
        ['Schoonmaken', 'Schoon huis', '6 april 2026', 'Nee'],
        ['Koken', '', '', 'Ja'],
      ],
      columns: ['text', 'text', 'date', 'short'],
    });
  });

  it('goal_status_rows: empty list is empty', () => {
    expect(displayAnswer(fld('X', 'goal_status_rows'), [], 'nl')).toEqual({ kind: 'empty' });
  });
});

describe('displayForm', () => {
  it('the declaration is labelled "Verklaring"/"Declaration", others by their label; help in the language', () => {
    const def = defOf([sectionOf('A', [{ ...S12 }, fld('T', 'text', { help: { nl: 'Hulp', en: 'Help' } })])]);
    const nl = displayForm(def, {}, 'nl')[0]!.fields;
    expect(nl.map((x) => x.label)).toEqual(['Verklaring', 'Veld T']);
    expect(nl.map((x) => x.help)).toEqual([undefined, 'Hulp']);
    const en = displayForm(def, {}, 'en')[0]!.fields;
    expect(en.map((x) => x.label)).toEqual(['Declaration', 'Field T']);
    expect(en[1]!.help).toBe('Help');
  });

  it('a section whose every field is hidden is left out', () => {
    const def = defOf([sectionOf('A', [fld('C', 'yesno')]), sectionOf('B', [fld('D', 'text', { showIf: { field: 'C', equals: 'yes' } })])]);
    expect(displayForm(def, { C: 'no' }, 'nl').map((s) => s.id)).toEqual(['A']);
    expect(displayForm(def, { C: 'yes' }, 'nl').map((s) => s.id)).toEqual(['A', 'B']);
  });

  it('a field whose showIf names an unknown field is hidden', () => {
    const def = defOf([sectionOf('A', [fld('T', 'text'), fld('D', 'text', { showIf: { field: 'NOPE', equals: 'yes' } })])]);
    expect(displayForm(def, { NOPE: 'yes' }, 'nl')[0]!.fields.map((x) => x.field.id)).toEqual(['T']);
  });

  it('visibility follows a chain of showIf up to 21 steps deep; deeper is hidden', () => {
    const chain = Array.from({ length: 23 }, (_, i) => fld(`F${i}`, 'yesno', i ? { showIf: { field: `F${i - 1}`, equals: 'yes' } } : {}));
    const def = defOf([sectionOf('A', chain)]);
    const data = Object.fromEntries(chain.map((f) => [f.id, 'yes']));
    const shown = displayForm(def, data, 'nl')[0]!.fields.map((x) => x.field.id);
    expect(shown).toContain('F21');
    expect(shown).not.toContain('F22');
    expect(shown).toHaveLength(22);
  });
});

describe('conditionHolds (through a requires_value check) and pruneHiddenFields', () => {
  const msg = { nl: 'm', en: 'm' };

  it('a condition on a hidden controlling field does not hold, even when it holds the value', () => {
    const def = defOf([sectionOf('A', [fld('C', 'yesno'), fld('D', 'yesno', { showIf: { field: 'C', equals: 'yes' } }), fld('F', 'yesno')])], {
      checks: [{ kind: 'requires_value', id: 'V-T', field: 'F', equals: 'yes', when: { field: 'D', equals: 'yes' }, code: 'must_yes', message: msg }],
    });
    expect(validateForm(def, { C: 'yes', D: 'yes', F: 'no' }, 'submit').errors.map((e) => e.code)).toEqual(['must_yes']);
    expect(validateForm(def, { C: 'no', D: 'yes', F: 'no' }, 'submit').errors.map((e) => e.code)).toEqual(['hidden_not_empty']);
  });

  it('a condition on an unknown field does not hold', () => {
    const def = defOf([sectionOf('A', [fld('F', 'yesno')])], {
      checks: [{ kind: 'requires_value', id: 'V-T', field: 'F', equals: 'yes', when: { field: 'Z', equals: 'yes' }, code: 'must_yes', message: msg }],
    });
    expect(validateForm(def, { Z: 'yes', F: 'no' }, 'submit').errors.map((e) => e.code)).toEqual(['unknown_field']);
  });

  it('pruneHiddenFields keeps shown answers only: no read-only fields, no absent keys, no hidden answers', () => {
    const def = defOf([
      sectionOf('A', [
        fld('C', 'yesno'),
        fld('D', 'text', { showIf: { field: 'C', equals: 'yes' } }),
        fld('RO', 'date', { readOnly: true }),
        fld('E', 'text'),
      ]),
    ]);
    const out = pruneHiddenFields(def, { C: 'no', D: 'weg', RO: '2026-01-01', X: 1 });
    expect(Object.keys(out)).toEqual(['C']);
    expect(out).toEqual({ C: 'no' });
  });
});

describe('definitionProblems', () => {
  it('finds duplicate sections, missing titles and labels, a later showIf, an empty checklist, an unknown domain, a stray signature field', () => {
    const def = defOf(
      [
        { id: 'A', title: { nl: 'A', en: '' }, fields: [fld('P', 'yesno', { showIf: { field: 'Q', equals: 'yes' } }), fld('Q', 'yesno')] },
        {
          id: 'A',
          title: { nl: 'A2', en: 'A2' },
          fields: [
            { ...fld('L', 'text'), label: { nl: '', en: 'L' } },
            fld('K', 'checklist', { items: [] }),
            fld('G', 'goals', { domains: ['housing_skills', 'moon' as never] }),
            fld('OK', 'goals', { domains: ['housing_skills'] }),
          ],
        },
      ],
      { signatureParties: ['client'], signatureFieldIds: { client: 'S-X', corporation: 'S-Y' } },
    );
    expect(definitionProblems(def)).toEqual([
      'section A lacks a title',
      'duplicate section id A',
      'P showIf names a later field Q',
      'L lacks a label',
      'K (checklist) has no items',
      'G names an unknown goal domain',
      'signature field S-Y for a party that does not sign',
    ]);
  });

  it('a showIf on itself is a later field; checks name their fields, including the when field', () => {
    const def = defOf([{ id: 'A', title: { nl: 'A', en: 'A' }, fields: [fld('S', 'yesno', { showIf: { field: 'S', equals: 'yes' } }), fld('T', 'yesno')] }], {
      checks: [{ kind: 'forbid_value', id: 'c1', field: 'T', value: 'no', code: 'x', message: { nl: 'x', en: 'x' } }, { kind: 'requires_value', id: 'c2', field: 'W', equals: 'yes', when: { field: 'V', equals: 'yes' }, code: 'x', message: { nl: 'x', en: 'x' } }],
    });
    expect(definitionProblems(def)).toEqual(['S showIf names a later field S', 'check c2 names unknown field W', 'check c2 names unknown field V']);
  });

  it('a clean hand-made definition has no problems', () => {
    const def = defOf([sectionOf('A', [fld('C', 'yesno'), fld('D', 'checklist', { items: [{ id: 'i', label: { nl: 'I', en: 'I' } }] })])], {
      signatureParties: ['client'],
      signatureFieldIds: { client: 'S-X' },
    });
    expect(definitionProblems(def)).toEqual([]);
  });
});
