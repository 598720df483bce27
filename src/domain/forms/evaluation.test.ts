import { describe, expect, it } from 'vitest';
import { evaluationFromForm } from './evaluation.ts';
import { EXAMPLE_F2 } from './examples.ts';
import { F2_EVALUATION } from './definitions.ts';
import { validateForm } from './validate.ts';

describe('the evaluation step a final F-2 records', () => {
  it('R-OR-63: a nomination for transfer (E-31 = yes) records the outcome "start transfer", on the meeting date', () => {
    expect(evaluationFromForm(EXAMPLE_F2)).toEqual({
      occurredOn: '2027-02-15', outcome: 'start_transfer', consentChecked: true, preConsultationHeld: true, atDwelling: true,
    });
  });

  it('R-OR-63 / R-OR-60: without a nomination the chosen outcome; "continue" carries the points needing progress', () => {
    const base = { 'E-12': '2027-03-01', 'E-31': 'no', 'E-40': 'yes', 'E-41': 'yes', 'E-42': 'no' };
    expect(evaluationFromForm({ ...base, 'E-43': 'continue', 'E-44': 'Huur zelf overmaken.' })).toEqual({
      occurredOn: '2027-03-01', outcome: 'continue', consentChecked: true, preConsultationHeld: true, atDwelling: false, pointsForProgress: 'Huur zelf overmaken.',
    });
    expect(evaluationFromForm({ ...base, 'E-43': 'lasting_intermediate_lease', 'E-44': 'blijft staan' })).toEqual({
      occurredOn: '2027-03-01', outcome: 'lasting_intermediate_lease', consentChecked: true, preConsultationHeld: true, atDwelling: false,
    });
    // Blank points are no points.
    expect(evaluationFromForm({ ...base, 'E-43': 'continue', 'E-44': '  ' })).not.toHaveProperty('pointsForProgress');
  });

  it('R-OR-90 / R-OR-59: consent re-asked and pre-consultation held only when answered yes', () => {
    const r = evaluationFromForm({ 'E-12': '2027-03-01', 'E-31': 'yes', 'E-40': 'no', 'E-41': 'n.v.t.' });
    expect(r).toMatchObject({ consentChecked: false, preConsultationHeld: false, atDwelling: false });
  });

  it('a form without a meeting date records nothing', () => {
    expect(evaluationFromForm({ 'E-31': 'yes' })).toBeNull();
    expect(evaluationFromForm({ 'E-12': '' })).toBeNull();
  });
});

describe('F-2 cannot be submitted before consent is re-asked and the pre-consultation held', () => {
  const submit = (data: Record<string, unknown>) => validateForm(F2_EVALUATION, data, 'submit');
  it('R-OR-90: "no" to the consent question refuses submission, in words', () => {
    const r = submit({ ...EXAMPLE_F2, 'E-40': 'no' });
    expect(r.errors).toEqual([expect.objectContaining({ field: 'E-40', code: 'consent_not_checked', rule: 'R-OR-90' })]);
    expect(r.errors[0]!.nl).toContain('opnieuw om toestemming');
    expect(r.complete).toBe(false);
  });
  it('R-OR-59: "no" to the pre-consultation refuses submission; a meeting elsewhere than the dwelling does not (the step decides, by variant)', () => {
    expect(submit({ ...EXAMPLE_F2, 'E-41': 'no' }).errors).toEqual([expect.objectContaining({ field: 'E-41', code: 'pre_consultation_missing', rule: 'R-OR-59' })]);
    expect(submit({ ...EXAMPLE_F2, 'E-42': 'no' }).errors).toEqual([]);
    expect(submit(EXAMPLE_F2).errors).toEqual([]);
  });
});
