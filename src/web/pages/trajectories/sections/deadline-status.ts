/**
 * How a deadline's outcome reads: met in time, met late (met after its due date: not the green of
 * "met in time"), or still open/missed. Pure; dates are YYYY-MM-DD.
 */
export type DeadlineOutcome = 'met_in_time' | 'met_late' | 'not_met';

export function deadlineOutcome(d: { metOn: string | null; due: string | null }): DeadlineOutcome {
  if (!d.metOn) return 'not_met';
  return d.due !== null && d.metOn.slice(0, 10) > d.due.slice(0, 10) ? 'met_late' : 'met_in_time';
}
