/**
 * Typed errors of the calendar domain. Every error carries a stable `code`
 * that the shell can map to an HTTP problem response without parsing messages.
 */

export type CalendarErrorCode =
  | 'INVALID_DATE'
  | 'UNSUPPORTED_YEAR'
  | 'INVALID_AMOUNT'
  | 'UNKNOWN_UNIT'
  | 'INVALID_DEADLINE_ADJUSTMENT';

export abstract class CalendarError extends Error {
  abstract readonly code: CalendarErrorCode;
}

/** A string is not a strict, existing `YYYY-MM-DD` date (or a result falls outside years 0001–9999). */
export class InvalidDateError extends CalendarError {
  readonly code = 'INVALID_DATE' as const;
  readonly value: unknown;
  constructor(value: unknown, detail?: string) {
    super(`Invalid date ${JSON.stringify(value)}: ${detail ?? 'expected an existing date as YYYY-MM-DD'}`);
    this.name = 'InvalidDateError';
    this.value = value;
  }
}

/**
 * The statutory calendar is only defined from 2014 (the first year with
 * Koningsdag on 27 April; before that Koninginnedag fell on 30 April).
 */
export class UnsupportedYearError extends CalendarError {
  readonly code = 'UNSUPPORTED_YEAR' as const;
  readonly year: number;
  constructor(year: number, detail: string) {
    super(`Year ${year} is not supported by the working-day calendar: ${detail}`);
    this.name = 'UnsupportedYearError';
    this.year = year;
  }
}

/** An amount of days/weeks/… is not an integer (or negative where only >= 0 is allowed). */
export class InvalidAmountError extends CalendarError {
  readonly code = 'INVALID_AMOUNT' as const;
  readonly amount: unknown;
  constructor(amount: unknown, detail: string) {
    super(`Invalid amount ${String(amount)}: ${detail}`);
    this.name = 'InvalidAmountError';
    this.amount = amount;
  }
}

export class UnknownUnitError extends CalendarError {
  readonly code = 'UNKNOWN_UNIT' as const;
  readonly unit: unknown;
  constructor(unit: unknown, allowed: readonly string[]) {
    super(`Unknown period unit ${JSON.stringify(unit)}; expected one of ${allowed.join(', ')}`);
    this.name = 'UnknownUnitError';
    this.unit = unit;
  }
}

/** Why a pause (opschorting) or extension (verlenging) was refused. */
export type DeadlineAdjustmentViolation =
  | 'PAUSE_AFTER_DUE' // the pause starts after the (current) due date: the deadline had already passed
  | 'PAUSE_BEFORE_START' // the pause starts before the deadline's start date
  | 'PAUSE_ENDS_BEFORE_IT_STARTS' // until < from
  | 'PAUSE_OVERLAPS_PREVIOUS' // starts before the previous pause ended
  | 'DEADLINE_PAUSED' // an adjustment follows an open-ended pause (close the pause first)
  | 'EXTENSION_NOT_LATER' // the new due date is not after the current due date
  | 'REASON_REQUIRED'
  | 'ACTOR_REQUIRED';

export class DeadlineAdjustmentError extends CalendarError {
  readonly code = 'INVALID_DEADLINE_ADJUSTMENT' as const;
  readonly violation: DeadlineAdjustmentViolation;
  /** Position of the offending adjustment in the list passed in. */
  readonly index: number;
  constructor(violation: DeadlineAdjustmentViolation, index: number, message: string) {
    super(`Deadline adjustment #${index} refused (${violation}): ${message}`);
    this.name = 'DeadlineAdjustmentError';
    this.violation = violation;
    this.index = index;
  }
}
