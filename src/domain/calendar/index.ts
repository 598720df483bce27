/** Public API of the working-day calendar and deadline arithmetic (pure, no I/O). */
export {
  ATW_CALENDAR,
  CALENDAR_PERIOD_UNITS,
  PERIOD_UNITS,
  WorkingCalendar,
  addPeriod,
  isPeriodUnit,
} from './calendar.ts';
export type { CalendarData, CalendarPeriodUnit, PeriodUnit } from './calendar.ts';

export {
  FIRST_SUPPORTED_YEAR,
  KNOWN_DECREE_DAYS,
  easterSunday,
  holidaysForYear,
  kingsDay,
  statutoryHolidays,
} from './holidays.ts';
export type { CalendarDay, CalendarDayEntry, CalendarDayKind } from './holidays.ts';

export {
  calendarDaysBetween,
  compareIsoDates,
  isValidIsoDate,
  isWeekend,
  maxIsoDate,
  parseIsoDate,
  toAmsterdamIsoDate,
  weekdayOf,
} from './iso-date.ts';
export type { IsoDate } from './iso-date.ts';

export { atwArticle1, atwArticle2, computeDue, formatDateEn, formatDateNl } from './due.ts';
export type { DueAdjustment, DueDate, DueInput } from './due.ts';

export { applyDeadlineAdjustments } from './deadline-adjustments.ts';
export type { AdjustedDeadline, DeadlineAdjustment, DeadlineHistoryEntry } from './deadline-adjustments.ts';

export {
  CalendarError,
  DeadlineAdjustmentError,
  InvalidAmountError,
  InvalidDateError,
  UnknownUnitError,
  UnsupportedYearError,
} from './errors.ts';
export type { CalendarErrorCode, DeadlineAdjustmentViolation } from './errors.ts';
