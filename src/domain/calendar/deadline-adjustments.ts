/**
 * Pausing (opschorten) and extending (verlengen) a deadline (spec README
 * "Calendar": "A deadline can be paused or extended by an authorised user with
 * a reason; the history keeps the original due date.").
 *
 * Adjustments are applied in the order given, each to the due date left by the
 * previous one:
 * - A closed pause [from, until) stops the clock: the due date moves later by the
 *   paused length in the deadline's own basis: for `working_days` deadlines by the
 *   number of working days in [from, until), otherwise by the number of calendar
 *   days, after which Atw art. 1 applies again (a date on a non-working day moves to
 *   the next working day). A pause of zero length changes nothing.
 * - An open pause (until = null) leaves the deadline without a due date until it is
 *   closed (the shell replaces the open pause by the closed one); nothing may follow it.
 * - An extension sets a later due date chosen by the user, as is.
 * Authorisation (who may pause or extend) is the policy's job, not this module's.
 */
import { addPeriod } from './calendar.ts';
import type { WorkingCalendar } from './calendar.ts';
import { atwArticle1 } from './due.ts';
import type { DueAdjustment, DueDate } from './due.ts';
import { DeadlineAdjustmentError } from './errors.ts';
import { compareIsoDates, parseIsoDate } from './iso-date.ts';
import type { IsoDate } from './iso-date.ts';

export type DeadlineAdjustment =
  /** until null = still paused. The pause covers [from, until): `until` is the day the clock runs again. */
  | { kind: 'pause'; from: IsoDate; until: IsoDate | null; reason: string; by: string }
  | { kind: 'extension'; newDue: IsoDate; reason: string; by: string };

export interface DeadlineHistoryEntry {
  adjustment: DeadlineAdjustment;
  dueBefore: IsoDate | null;
  dueAfter: IsoDate | null;
  /** For a closed pause: how far the due date was shifted, in the deadline's basis. */
  shift?: { amount: number; unit: 'working_days' | 'days' };
  /** For a closed pause: the Atw art. 1 move after shifting, if any. */
  atw?: DueAdjustment;
}

export interface AdjustedDeadline {
  originalDue: IsoDate;
  /** null while paused open-ended. */
  due: IsoDate | null;
  paused: boolean;
  /** Start of the open pause, or null. */
  pausedSince: IsoDate | null;
  history: DeadlineHistoryEntry[];
}

function dayBefore(d: IsoDate): IsoDate {
  return addPeriod(d, -1, 'days');
}

export function applyDeadlineAdjustments(
  calendar: WorkingCalendar,
  base: DueDate,
  adjustments: readonly DeadlineAdjustment[],
): AdjustedDeadline {
  let due: IsoDate | null = base.due;
  let pausedSince: IsoDate | null = null;
  let previousPauseUntil: IsoDate | null = null;
  const history: DeadlineHistoryEntry[] = [];

  adjustments.forEach((adjustment, index) => {
    const fail = (violation: ConstructorParameters<typeof DeadlineAdjustmentError>[0], message: string): never => {
      throw new DeadlineAdjustmentError(violation, index, message);
    };
    if (typeof adjustment.by !== 'string' || adjustment.by.trim() === '') {
      fail('ACTOR_REQUIRED', 'an adjustment must name the user who made it');
    }
    if (typeof adjustment.reason !== 'string' || adjustment.reason.trim() === '') {
      fail('REASON_REQUIRED', `a ${adjustment.kind} needs a reason`);
    }
    if (due === null) { // only an open pause leaves no due date
      fail('DEADLINE_PAUSED', `the deadline is paused since ${pausedSince}; close that pause first`);
    }
    const current = due as IsoDate;

    if (adjustment.kind === 'pause') {
      const from = parseIsoDate(adjustment.from);
      const until = adjustment.until === null ? null : parseIsoDate(adjustment.until);
      if (compareIsoDates(from, base.start) < 0) {
        fail('PAUSE_BEFORE_START', `the pause starts on ${from}, before the deadline starts (${base.start})`);
      }
      if (compareIsoDates(from, current) > 0) {
        fail('PAUSE_AFTER_DUE', `the pause starts on ${from}, after the due date ${current}`);
      }
      if (until !== null && compareIsoDates(until, from) < 0) {
        fail('PAUSE_ENDS_BEFORE_IT_STARTS', `the pause ends on ${until}, before it starts (${from})`);
      }
      if (previousPauseUntil !== null && compareIsoDates(from, previousPauseUntil) < 0) {
        fail('PAUSE_OVERLAPS_PREVIOUS', `the pause starts on ${from}, before the previous pause ended (${previousPauseUntil})`);
      }
      if (until === null) {
        pausedSince = from;
        due = null;
        history.push({ adjustment, dueBefore: current, dueAfter: null });
        return;
      }
      previousPauseUntil = until;
      if (base.unit === 'working_days') {
        // Working days in [from, until) = working days in (from - 1, until - 1].
        const n = calendar.workingDaysBetween(dayBefore(from), dayBefore(until));
        due = calendar.addWorkingDays(current, n); // n = 0 leaves `current` as it is
        history.push({ adjustment, dueBefore: current, dueAfter: due, shift: { amount: n, unit: 'working_days' } });
        return;
      }
      const k = compareIsoDates(until, from);
      if (k === 0) {
        history.push({ adjustment, dueBefore: current, dueAfter: current, shift: { amount: 0, unit: 'days' } });
        return;
      }
      const shifted = addPeriod(current, k, 'days');
      const atw = atwArticle1(calendar, shifted);
      due = atw ? atw.to : shifted;
      history.push({
        adjustment,
        dueBefore: current,
        dueAfter: due,
        shift: { amount: k, unit: 'days' },
        ...(atw ? { atw } : {}),
      });
      return;
    }

    const newDue = parseIsoDate(adjustment.newDue);
    if (compareIsoDates(newDue, current) <= 0) {
      fail('EXTENSION_NOT_LATER', `the new due date ${newDue} is not after the current due date ${current}`);
    }
    due = newDue;
    history.push({ adjustment, dueBefore: current, dueAfter: newDue });
  });

  return { originalDue: base.due, due, paused: pausedSince !== null, pausedSince, history };
}
