/**
 * The period a monitor request shows, seen from today (issue 9: "a monitor that is true today").
 *
 * The monitor reports year-to-date up to a selected month (§11). The spec's pacing is linear
 * twelfths (M-06, proposal in §13): the target up to and including month n is n/12 of the year's
 * number. For a month that is still running that would compare a few days of delivery with a
 * whole month's share, so the running month is pro-rated by its days:
 *
 *   elapsed twelfths = (full months before the "as of" date) + (days of its month up to and
 *                      including that date ÷ days in that month)
 *
 * which is exactly n at the end of month n (so closed months keep the spec's figure) and, on
 * 4 December, 11 + 4/31. "As of" (stand per) is the month end for a month that is over and
 * today for the running month; a month that has not begun yet is shown as of today with
 * nothing due. Pure: today is always passed in.
 */
import type { IsoDate } from '../calendar/index.ts';
import { daysInMonth } from '../calendar/iso-date.ts';
import { monthEnd } from './formulas.ts';

export type PeriodState = 'closed' | 'running' | 'future';

export interface PeriodView {
  /** Closed (the month is over), running (today falls in it) or future (it has not begun). */
  state: PeriodState;
  /** The last day of the selected month. */
  periodEnd: IsoDate;
  /** The date the figures stand at ("stand per"): the month end, or today while it runs. */
  asOf: IsoDate;
  /** Twelfths of the year elapsed by asOf (0..12, fractional in a running month). */
  elapsedMonths: number;
  /** The share of the selected month elapsed by asOf (0..1). */
  monthFraction: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Twelfths of `year` elapsed by the end of day `date` (0 before the year, 12 after it). */
export function elapsedMonths(year: number, date: IsoDate): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  if (y < year) return 0;
  if (y > year) return 12;
  return m - 1 + d / daysInMonth(y, m);
}

/** The selected month of a monitor request, seen from today. */
export function periodView(year: number, month: number, today: IsoDate): PeriodView {
  const periodEnd = monthEnd(year, month);
  const start = `${year}-${pad(month)}-01`;
  if (today >= periodEnd) return { state: 'closed', periodEnd, asOf: periodEnd, elapsedMonths: month, monthFraction: 1 };
  if (today < start) return { state: 'future', periodEnd, asOf: today, elapsedMonths: elapsedMonths(year, today), monthFraction: 0 };
  const day = Number(today.slice(8, 10));
  return { state: 'running', periodEnd, asOf: today, elapsedMonths: elapsedMonths(year, today), monthFraction: day / daysInMonth(year, month) };
}

/** M-06 pro-rated: the year's number × elapsed twelfths ÷ 12 ("doel tot en met vandaag"). */
export function proRatedTarget(yearTarget: number, elapsed: number): number {
  if (elapsed < 0 || elapsed > 12) throw new RangeError(`elapsed ${elapsed} outside 0..12`);
  return (yearTarget * elapsed) / 12;
}

/** The selected month's own share of the year's number (1/12), pro-rated by the part of it that has passed. */
export function monthShare(yearTarget: number, monthFraction: number): number {
  if (monthFraction < 0 || monthFraction > 1) throw new RangeError(`fraction ${monthFraction} outside 0..1`);
  return (yearTarget / 12) * monthFraction;
}

const DATE_FORMAT = {
  nl: new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
} as const;

/** A calendar date in words for a sentence: "4 december 2026" / "4 December 2026", never ISO. */
export function dateInWords(date: IsoDate, lang: 'nl' | 'en'): string {
  return DATE_FORMAT[lang].format(new Date(`${date.slice(0, 10)}T00:00:00Z`));
}

/**
 * The name of a region in a sentence or title: "Regio Veenhaven" / "Region Veenhaven", whether the
 * stored name already starts with "Regio" or not (never "Regio Regio Veenhaven").
 */
export function regionName(name: string, lang: 'nl' | 'en'): string {
  const base = name.replace(/^\s*(regio|region)\s+/i, '').trim();
  return `${lang === 'nl' ? 'Regio' : 'Region'} ${base}`;
}

/** A number for a CSV cell read by Dutch Excel: decimal comma, no thousands separator. */
export function decimalComma(value: number): string {
  return String(value).replace('.', ',');
}
