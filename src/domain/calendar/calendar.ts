/**
 * The working-day calendar (spec README "Calendar").
 *
 * A working day is Monday–Friday and not a non-working day of the calendar:
 * the Atw statutory holidays (see holidays.ts), the decree days (data, default
 * {@link KNOWN_DECREE_DAYS}) and the organisation's extra closing days.
 * All dates are plain dates in Europe/Amsterdam; all arithmetic is on UTCDate
 * or day numbers, so nothing depends on the time zone of the process.
 */
import { addDays, addMonths, addWeeks } from 'date-fns';
import { InvalidAmountError, UnknownUnitError } from './errors.ts';
import {
  KNOWN_DECREE_DAYS,
  mergeCalendarDays,
  statutoryHolidays,
  toCalendarDays,
} from './holidays.ts';
import type { CalendarDay, CalendarDayEntry } from './holidays.ts';
import {
  fromEpochDay,
  fromUTCDate,
  isValidIsoDate,
  parseIsoDate,
  toEpochDay,
  toUTCDate,
  weekdayOfEpochDay,
  yearOfEpochDay,
} from './iso-date.ts';
import type { IsoDate } from './iso-date.ts';

export type { IsoDate } from './iso-date.ts';
export type { CalendarDay, CalendarDayEntry, CalendarDayKind } from './holidays.ts';
export { InvalidDateError } from './errors.ts';
export { isValidIsoDate, parseIsoDate };

export type PeriodUnit = 'working_days' | 'days' | 'weeks' | 'months' | 'years';
export type CalendarPeriodUnit = Exclude<PeriodUnit, 'working_days'>;

export const PERIOD_UNITS: readonly PeriodUnit[] = Object.freeze(['working_days', 'days', 'weeks', 'months', 'years']);
export const CALENDAR_PERIOD_UNITS: readonly CalendarPeriodUnit[] = Object.freeze(['days', 'weeks', 'months', 'years']);

export function isPeriodUnit(u: unknown): u is PeriodUnit {
  return (PERIOD_UNITS as readonly unknown[]).includes(u);
}

export interface CalendarData {
  /** Decree days (Besluit gelijkstelling), admin-entered; defaults to {@link KNOWN_DECREE_DAYS}. */
  decreeDays: ReadonlyArray<CalendarDayEntry>;
  /** Per-organisation extra closing days. */
  extraClosingDays?: ReadonlyArray<CalendarDayEntry>;
}

function assertInteger(n: number, what: string): void {
  if (!Number.isSafeInteger(n)) {
    throw new InvalidAmountError(n, `${what} must be an integer`);
  }
}

export class WorkingCalendar {
  /** Decree and organisation days indexed by year, validated once. */
  private readonly extraByYear = new Map<number, CalendarDay[]>();
  /** Merged non-working days (besides weekends) per year, by day number. */
  private readonly cache = new Map<number, Map<number, CalendarDay>>();

  constructor(data: CalendarData = { decreeDays: KNOWN_DECREE_DAYS }) {
    const extra = [
      ...toCalendarDays(data.decreeDays, 'decree'),
      ...toCalendarDays(data.extraClosingDays ?? [], 'organisation'),
    ];
    for (const day of extra) {
      const year = Number(day.date.slice(0, 4));
      const list = this.extraByYear.get(year) ?? [];
      list.push(day);
      this.extraByYear.set(year, list);
    }
  }

  private yearMap(year: number): Map<number, CalendarDay> {
    let map = this.cache.get(year);
    if (!map) {
      const merged = mergeCalendarDays([...statutoryHolidays(year), ...(this.extraByYear.get(year) ?? [])]);
      map = new Map(merged.map((d) => [toEpochDay(d.date), Object.freeze(d)]));
      this.cache.set(year, map);
    }
    return map;
  }

  private holidayAt(day: number): CalendarDay | undefined {
    return this.yearMap(yearOfEpochDay(day)).get(day);
  }

  private isWorkingEpochDay(day: number): boolean {
    const wd = weekdayOfEpochDay(day);
    if (wd === 0 || wd === 6) return false;
    return this.holidayAt(day) === undefined;
  }

  /** Monday–Friday and not a holiday, decree day or extra closing day. */
  isWorkingDay(d: IsoDate): boolean {
    return this.isWorkingEpochDay(toEpochDay(d));
  }

  /** The holiday, decree day or closing day on `d` (whatever weekday), or null. */
  holidayOn(d: IsoDate): CalendarDay | null {
    return this.holidayAt(toEpochDay(d)) ?? null;
  }

  /** Non-working days of a year besides weekends (holidays on a weekend included), sorted by date. */
  nonWorkingDays(year: number): CalendarDay[] {
    return [...this.yearMap(year).values()].map((d) => ({ ...d }));
  }

  /** `d` if it is a working day, else the next working day. */
  onOrAfterWorkingDay(d: IsoDate): IsoDate {
    let day = toEpochDay(d);
    while (!this.isWorkingEpochDay(day)) day += 1;
    return fromEpochDay(day);
  }

  /** `d` if it is a working day, else the previous working day. */
  onOrBeforeWorkingDay(d: IsoDate): IsoDate {
    let day = toEpochDay(d);
    while (!this.isWorkingEpochDay(day)) day -= 1;
    return fromEpochDay(day);
  }

  /**
   * The n-th working day after `d` (n > 0), the n-th working day before `d`
   * (n < 0), or `d` itself (n = 0, even when `d` is not a working day).
   */
  addWorkingDays(d: IsoDate, n: number): IsoDate {
    assertInteger(n, 'the number of working days');
    let day = toEpochDay(d);
    const step = Math.sign(n);
    let remaining = Math.abs(n);
    while (remaining > 0) {
      day += step;
      if (this.isWorkingEpochDay(day)) remaining -= 1;
    }
    return fromEpochDay(day);
  }

  /**
   * The number of working days in the interval (from, to]: `from` excluded,
   * `to` included. When `to` is before `from` the result is the negated count
   * of working days in (to, from].
   */
  workingDaysBetween(from: IsoDate, to: IsoDate): number {
    const a = toEpochDay(from);
    const b = toEpochDay(to);
    if (b < a) return -this.countWorking(b, a);
    return this.countWorking(a, b);
  }

  /** Working days in (a, b], a <= b, as day numbers. */
  private countWorking(a: number, b: number): number {
    let count = 0;
    for (let day = a + 1; day <= b; day++) {
      if (this.isWorkingEpochDay(day)) count += 1;
    }
    return count;
  }
}

/** The default calendar: Atw holidays plus {@link KNOWN_DECREE_DAYS}, no organisation days. */
export const ATW_CALENDAR: WorkingCalendar = new WorkingCalendar();

/**
 * Plain calendar arithmetic (no working-day rules): `amount` (an integer, may be
 * negative) days, weeks, months or years after `start`. Months and years are
 * calendar months (a year is 12 months) counted from `start`, clamped to the
 * end of the month: 31 Jan + 1 month = 28/29 Feb, 29 Feb 2024 + 1 year = 28 Feb 2025.
 */
export function addPeriod(start: IsoDate, amount: number, unit: CalendarPeriodUnit): IsoDate {
  assertInteger(amount, 'the amount');
  const date = toUTCDate(start);
  switch (unit) {
    case 'days':
      return fromUTCDate(addDays(date, amount));
    case 'weeks':
      return fromUTCDate(addWeeks(date, amount));
    case 'months':
      return fromUTCDate(addMonths(date, amount));
    case 'years':
      return fromUTCDate(addMonths(date, amount * 12));
    default:
      throw new UnknownUnitError(unit, CALENDAR_PERIOD_UNITS);
  }
}
