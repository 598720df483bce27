/**
 * The housing evaluation a final evaluation form (F-2) records (omslagroute.md P7.3-P7.5): the
 * signed form is the record of the meeting, so it records the evaluation step itself, once,
 * instead of the care worker entering the same facts again. Pure.
 */
import type { FormData } from './model.ts';

export type EvaluationOutcome = 'continue' | 'lasting_intermediate_lease' | 'start_transfer';

/** The data of the trajectory's `housing_evaluation_held` step, as the form answers it. */
export interface EvaluationFromForm {
  /** E-12, the date of the meeting. */
  occurredOn: string;
  /** R-OR-63: a nomination (E-31 = yes) starts the transfer; otherwise the outcome chosen in E-43. */
  outcome: EvaluationOutcome;
  /** R-OR-90 (E-40). */
  consentChecked: boolean;
  /** R-OR-59 (E-41). */
  preConsultationHeld: boolean;
  /** R-OR-57 (E-42). */
  atDwelling: boolean;
  /** R-OR-60 (E-44), when the outcome is to continue. */
  pointsForProgress?: string;
}

/** The evaluation step the form records, or null when the form has no meeting date. */
export function evaluationFromForm(data: FormData): EvaluationFromForm | null {
  const on = data['E-12'];
  if (typeof on !== 'string' || on === '') return null;
  const outcome: EvaluationOutcome =
    data['E-31'] === 'yes' ? 'start_transfer' : data['E-43'] === 'lasting_intermediate_lease' ? 'lasting_intermediate_lease' : 'continue';
  const points = data['E-44'];
  return {
    occurredOn: on,
    outcome,
    consentChecked: data['E-40'] === 'yes',
    preConsultationHeld: data['E-41'] === 'yes',
    atDwelling: data['E-42'] === 'yes',
    ...(outcome === 'continue' && typeof points === 'string' && points.trim() !== '' ? { pointsForProgress: points } : {}),
  };
}
