import { describe, expect, it } from 'vitest';
import { F1_SUPPLEMENT, F2_EVALUATION, F3_NOMINATION, displayAnswer, displayForm, fieldIndex, formatEuroCents } from './index.ts';
import { EXAMPLE_F1, EXAMPLE_F2, EXAMPLE_F3 } from './examples.ts';

const f1 = fieldIndex(F1_SUPPLEMENT);
const f2 = fieldIndex(F2_EVALUATION);

describe('displayAnswer', () => {
  it('yes/no as Ja/Nee, dates in full Dutch, "n.v.t."', () => {
    expect(displayAnswer(f2.get('E-18')!, 'yes', 'nl')).toEqual({ kind: 'text', text: 'Ja' });
    expect(displayAnswer(f2.get('E-18')!, 'no', 'en')).toEqual({ kind: 'text', text: 'No' });
    expect(displayAnswer(f2.get('E-10')!, '2026-04-06', 'nl')).toEqual({ kind: 'text', text: 'maandag 6 april 2026' });
    expect(displayAnswer(f2.get('E-10')!, '2026-04-06', 'en')).toEqual({ kind: 'text', text: 'Monday 6 April 2026' });
    expect(displayAnswer(f2.get('E-11')!, 'n.v.t.', 'en')).toEqual({ kind: 'text', text: 'not applicable' });
    expect(displayAnswer(f2.get('E-13')!, null, 'nl')).toEqual({ kind: 'empty' });
  });

  it('the deposit in euros, the declaration with the name filled in', () => {
    expect(displayAnswer(f1.get('S-30')!, { answer: 'yes', amountCents: 45000 }, 'nl')).toEqual({ kind: 'text', text: `Ja, borg: ${formatEuroCents(45000, 'nl')}` });
    expect(formatEuroCents(45000, 'nl').replace(/\s/g, ' ')).toBe('€ 450,00');
    expect(displayAnswer(f1.get('S-30')!, { answer: 'no' }, 'nl')).toEqual({ kind: 'text', text: 'Nee, geen borg' });
    const decl = displayAnswer(f1.get('S-12')!, { name: 'Fatima el Amrani', agreed: true }, 'nl');
    expect(decl).toEqual({ kind: 'text', text: expect.stringContaining('Ik, Fatima el Amrani, verklaar dat ik me als een goed huurder zal gedragen.') });
  });

  it('goal rows as a table with the urgency flag', () => {
    const t = displayAnswer(f1.get('S-27')!, EXAMPLE_F1['S-27'], 'nl');
    expect(t).toEqual({
      kind: 'table',
      head: ['Onderwerp', 'Doel', 'Gekoppeld aan urgentie'],
      rows: [
        ['Financieel stabiel functioneren', 'Huur en vaste lasten op tijd betalen', 'Ja'],
        ['Passende en zinvolle dagbesteding', 'Twee dagen per week vrijwilligerswerk', 'Ja'],
      ],
      columns: ['text', 'text', 'short'],
    });
  });
});

describe('displayForm', () => {
  it('leaves out lapsed questions', () => {
    const ids = displayForm(F2_EVALUATION, EXAMPLE_F2, 'nl').flatMap((s) => s.fields.map((f) => f.field.id));
    expect(ids).toContain('E-33a');
    expect(ids).not.toContain('E-20');
    expect(ids).not.toContain('E-34');
  });

  it('§8.3 proposal: the corporation copy of the nomination holds only the marked parts (V-09 aftercare)', () => {
    const ids = displayForm(F3_NOMINATION, EXAMPLE_F3, 'nl', { partialCopyOnly: true }).flatMap((s) => s.fields.map((f) => f.field.id));
    expect(ids).toEqual(['V-01', 'V-03', 'V-09']);
  });
});
