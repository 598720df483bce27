/** Rules of omslagroute.md §6 that the form definitions carry (content of meetings, three-way sharing). */
import { describe, expect, it } from 'vitest';
import { F1_SUPPLEMENT, F2_EVALUATION, F4_SUPPORT_PLAN, NOT_APPLICABLE, fieldIndex, validateForm } from './index.ts';
import { EXAMPLE_F1 } from './examples.ts';

const has = (def: Parameters<typeof fieldIndex>[0], ...ids: string[]) => ids.filter((id) => !fieldIndex(def).has(id));

describe('form content required by the agreements', () => {
  it('R-OR-36: the supplement covers house rules, neighbourhood facilities, housing goals, the neighbours and nuisance', () => {
    // S-17 house rules; S-23…S-26 neighbourhood and facilities; S-27…S-29 housing goals; S-15 neighbours; S-20…S-22 nuisance.
    expect(has(F1_SUPPLEMENT, 'S-15', 'S-17', 'S-20', 'S-21', 'S-22', 'S-23', 'S-24', 'S-25', 'S-26', 'S-27', 'S-28', 'S-29')).toEqual([]);
  });

  it('R-OR-40: getting acquainted with the neighbours is asked as a question — it stays the resident’s choice ("n.v.t." is a valid answer)', () => {
    const s15 = fieldIndex(F1_SUPPLEMENT).get('S-15')!;
    expect(s15.label.nl).toContain('buren');
    // The complete example supplement stays complete when the resident does not want to meet the neighbours.
    expect(validateForm(F1_SUPPLEMENT, EXAMPLE_F1, 'submit').errors).toEqual([]);
    const declined = validateForm(F1_SUPPLEMENT, { ...EXAMPLE_F1, 'S-15': NOT_APPLICABLE }, 'submit');
    expect(declined.errors.filter((e) => e.field === 'S-15')).toEqual([]);
    expect(declined.complete).toBe(true);
  });

  it('R-OR-45: the support plan records the network and the coordination with other care', () => {
    expect(has(F4_SUPPORT_PLAN, 'SP-NETWORK', 'SP-OTHER-CARE', 'SP-RELAPSE-NETWORK')).toEqual([]);
  });

  it('R-OR-87: supplement and evaluation are three-way records: resident, care provider and corporation sign', () => {
    expect(F1_SUPPLEMENT.signatureParties).toEqual(['client', 'care_provider', 'corporation']);
    expect(F2_EVALUATION.signatureParties).toEqual(['client', 'care_provider', 'corporation']);
  });
});
