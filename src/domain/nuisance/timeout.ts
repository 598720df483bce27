/**
 * The time-out place (overlast.md §7.5, R-OV-43; D-OV-09): a resident who temporarily cannot live
 * independently may rest in a safe place for one to at most two weeks; at the maximum without a
 * return, a structural solution is sought. Plain calendar days: the stay itself is counted, not
 * working days (the worklist deadline in deadlines.ts follows the platform's Atw convention).
 */
import { addPeriod } from '../calendar/index.ts';
import type { NuisanceState, Violation } from './model.ts';

/** D-OV-09: at least one, at most two weeks. */
export const TIMEOUT_MIN_WEEKS = 1;
export const TIMEOUT_MAX_WEEKS = 2;

const T = (nl: string, en: string) => ({ nl, en });
const v = (code: string, rule: string, text: { nl: string; en: string }, field: string): Violation => ({ code, rule, nl: text.nl, en: text.en, field });

/** The last day a time-out started on `startOn` may last (start + 2 weeks). */
export function timeoutMaxEnd(startOn: string): string {
  return addPeriod(startOn, TIMEOUT_MAX_WEEKS, 'weeks');
}

/** Why a planned time-out cannot be recorded: its end must lie 1 to 2 weeks after its start (D-OV-09, R-OV-43). */
export function checkTimeout(startOn: string, plannedEndOn: string): Violation[] {
  if (plannedEndOn <= startOn) {
    return [v('timeout_end_before_start', 'R-OV-43', T('De geplande einddatum ligt niet na de begindatum.', 'The planned end date is not after the start date.'), '/data/plannedEndOn')];
  }
  if (plannedEndOn < addPeriod(startOn, TIMEOUT_MIN_WEEKS, 'weeks')) {
    return [v('timeout_too_short', 'D-OV-09', T('Een time-out duurt één tot twee weken: kies een einddatum minstens een week na de start.', 'A time-out lasts one to two weeks: choose an end date at least one week after the start.'), '/data/plannedEndOn')];
  }
  if (plannedEndOn > timeoutMaxEnd(startOn)) {
    return [v('timeout_too_long', 'D-OV-09', T('Een time-out duurt hoogstens twee weken; zoek daarna een structurele oplossing.', 'A time-out lasts at most two weeks; after that, look for a structural solution.'), '/data/plannedEndOn')];
  }
  return [];
}

/**
 * Whether a running time-out is past its end (the planned end, which is at most two weeks): the
 * resident has not returned, so a structural solution is needed (R-OV-43). False without a
 * time-out or once it ended.
 */
export function timeoutOverdue(state: Pick<NuisanceState, 'timeout'>, today: string): boolean {
  const t = state.timeout;
  if (!t || t.endedOn !== null) return false;
  return today > t.plannedEndOn || today > timeoutMaxEnd(t.startOn);
}
