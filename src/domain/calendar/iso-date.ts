/**
 * Plain dates (`YYYY-MM-DD`) without a time of day, as used by every deadline
 * in Thuisroute. A plain date is a day in Europe/Amsterdam; arithmetic on it
 * never involves a time zone: internally a date is a UTCDate at 00:00 UTC (or
 * the number of days since 1970-01-01), so results never depend on the TZ of
 * the process.
 */
import { UTCDate } from '@date-fns/utc';
import { InvalidDateError } from './errors.ts';

/** 'YYYY-MM-DD', a plain date in Europe/Amsterdam. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export const MIN_YEAR = 1;
export const MAX_YEAR = 9999;

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function splitIsoDate(s: unknown): [number, number, number] | null {
  if (typeof s !== 'string') return null;
  const m = ISO_DATE.exec(s);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < MIN_YEAR || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return [y, mo, d];
}

/** True for an existing date written strictly as `YYYY-MM-DD` (years 0001–9999). */
export function isValidIsoDate(s: string): boolean {
  return splitIsoDate(s) !== null;
}

/**
 * Strict parse: rejects `2025-02-30`, `2025-2-3`, `''`, `2025-01-01T00:00`,
 * whitespace etc. by throwing {@link InvalidDateError} (code `INVALID_DATE`).
 */
export function parseIsoDate(s: string): IsoDate {
  if (splitIsoDate(s) === null) throw new InvalidDateError(s);
  return s;
}

/** The date as a UTCDate at 00:00 UTC. */
export function toUTCDate(d: IsoDate): UTCDate {
  const parts = splitIsoDate(d);
  if (!parts) throw new InvalidDateError(d);
  const [y, m, day] = parts;
  const date = new UTCDate(0);
  // setFullYear (UTC on a UTCDate) avoids the 0–99 → 1900–1999 quirk of Date.UTC.
  date.setFullYear(y, m - 1, day);
  return date;
}

/** The calendar day of a UTCDate (its UTC fields), as `YYYY-MM-DD`. */
export function fromUTCDate(date: UTCDate): IsoDate {
  const y = date.getFullYear();
  if (!Number.isFinite(y) || y < MIN_YEAR || y > MAX_YEAR) {
    throw new InvalidDateError(date.getTime(), `outside the supported years ${MIN_YEAR}–${MAX_YEAR}`);
  }
  const mm = String(date.getMonth() + 1).padStart(2, '0');
  const dd = String(date.getDate()).padStart(2, '0');
  return `${String(y).padStart(4, '0')}-${mm}-${dd}`;
}

/** Days since 1970-01-01 (negative before). */
export function toEpochDay(d: IsoDate): number {
  return Math.round(toUTCDate(d).getTime() / MS_PER_DAY);
}

export function fromEpochDay(n: number): IsoDate {
  return fromUTCDate(new UTCDate(n * MS_PER_DAY));
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOfEpochDay(n: number): number {
  return (((n + 4) % 7) + 7) % 7;
}

export function yearOfEpochDay(n: number): number {
  return new UTCDate(n * MS_PER_DAY).getFullYear();
}

/** Weekday: 0 = Sunday … 6 = Saturday. */
export function weekdayOf(d: IsoDate): number {
  return weekdayOfEpochDay(toEpochDay(d));
}

export function isWeekend(d: IsoDate): boolean {
  const wd = weekdayOf(d);
  return wd === 0 || wd === 6;
}

/** Negative when a < b, 0 when equal, positive when a > b (validates both). */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return toEpochDay(a) - toEpochDay(b);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: IsoDate, to: IsoDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

export function maxIsoDate(a: IsoDate, b: IsoDate): IsoDate {
  // Stryker disable next-line EqualityOperator: `> 0` is equivalent (equal dates are the same string); `< 0` is killed by the tests
  return compareIsoDates(a, b) >= 0 ? a : b;
}

const AMSTERDAM_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The plain date in Europe/Amsterdam at a given instant (e.g. `toAmsterdamIsoDate(new Date())`
 * for "today"; the caller passes the clock in, so this stays pure).
 */
export function toAmsterdamIsoDate(instant: Date | number): IsoDate {
  const t = typeof instant === 'number' ? instant : instant.getTime();
  if (!Number.isFinite(t)) throw new InvalidDateError(instant, 'not a valid instant');
  const parts = AMSTERDAM_DATE.formatToParts(t);
  // Stryker disable next-line StringLiteral: en-CA always yields year, month and day parts, so the '' fallback is never used
  const get = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return parseIsoDate(`${get('year').padStart(4, '0')}-${get('month')}-${get('day')}`);
}
