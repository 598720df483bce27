/**
 * Dutch statutory non-working days, per the Algemene termijnenwet (Atw):
 *
 * - art. 3(1), the "algemeen erkende feestdagen": Nieuwjaarsdag, Tweede Paasdag,
 *   Tweede Pinksterdag, Eerste en Tweede Kerstdag, Hemelvaartsdag, the day on which
 *   the King's birthday is celebrated (Koningsdag: 27 April, 26 April when the
 *   27th is a Sunday) and 5 May (every year);
 * - art. 3(2): Goede Vrijdag is made equal to those holidays;
 * - art. 3(3): further days made equal by royal decree ("Besluit gelijkstelling",
 *   set for three years at a time). These are DATA, not rules: {@link KNOWN_DECREE_DAYS}
 *   holds the published ones; an administrator enters later ones.
 *
 * Easter Sunday and Whit Sunday are not listed by the Atw (they are Sundays).
 *
 * Supported years: 2014 and later. Koningsdag exists since 2014; until 2013 the
 * holiday was Koninginnedag on 30 April, which this module does not model, so it
 * throws {@link UnsupportedYearError} for earlier years rather than answer wrongly.
 */
import { easter } from 'date-easter';
import { UnsupportedYearError } from './errors.ts';
import { compareIsoDates, fromEpochDay, MAX_YEAR, parseIsoDate, toEpochDay, weekdayOf } from './iso-date.ts';
import type { IsoDate } from './iso-date.ts';

export type CalendarDayKind = 'statutory' | 'decree' | 'organisation';

/** A non-working day other than a plain Saturday or Sunday. */
export interface CalendarDay {
  date: IsoDate;
  name: string;
  nameEn: string;
  kind: CalendarDayKind;
}

/** A day entered as data (decree day or organisation closing day). */
export interface CalendarDayEntry {
  date: IsoDate;
  name: string;
  nameEn?: string;
}

/** First year for which the Atw holidays are modelled (first Koningsdag). */
export const FIRST_SUPPORTED_YEAR = 2014;

/**
 * Days made equal to a holiday by royal decree (Besluit gelijkstelling, Atw
 * art. 3(3)), as published up to and including 2028. Later years: entered by an
 * administrator (CalendarData.decreeDays).
 */
export const KNOWN_DECREE_DAYS: ReadonlyArray<Readonly<Required<CalendarDayEntry>>> = Object.freeze(
  [
    { date: '2017-04-28', name: 'Dag na Koningsdag (gelijkgesteld bij KB)', nameEn: "Day after King's Day (made equal by royal decree)" },
    { date: '2017-05-26', name: 'Dag na Hemelvaartsdag (gelijkgesteld bij KB)', nameEn: 'Day after Ascension Day (made equal by royal decree)' },
    { date: '2018-05-11', name: 'Dag na Hemelvaartsdag (gelijkgesteld bij KB)', nameEn: 'Day after Ascension Day (made equal by royal decree)' },
    { date: '2018-12-24', name: 'Dag voor Eerste Kerstdag (gelijkgesteld bij KB)', nameEn: 'Christmas Eve (made equal by royal decree)' },
    { date: '2018-12-31', name: 'Oudejaarsdag (gelijkgesteld bij KB)', nameEn: "New Year's Eve (made equal by royal decree)" },
    { date: '2019-05-31', name: 'Dag na Hemelvaartsdag (gelijkgesteld bij KB)', nameEn: 'Day after Ascension Day (made equal by royal decree)' },
    { date: '2019-12-27', name: 'Dag na Tweede Kerstdag (gelijkgesteld bij KB)', nameEn: 'Day after Boxing Day (made equal by royal decree)' },
    { date: '2022-05-27', name: 'Dag na Hemelvaartsdag (gelijkgesteld bij KB)', nameEn: 'Day after Ascension Day (made equal by royal decree)' },
    { date: '2023-04-28', name: 'Dag na Koningsdag (gelijkgesteld bij KB)', nameEn: "Day after King's Day (made equal by royal decree)" },
    { date: '2023-05-19', name: 'Dag na Hemelvaartsdag (gelijkgesteld bij KB)', nameEn: 'Day after Ascension Day (made equal by royal decree)' },
    { date: '2024-05-10', name: 'Dag na Hemelvaartsdag (gelijkgesteld bij KB)', nameEn: 'Day after Ascension Day (made equal by royal decree)' },
    { date: '2024-12-27', name: 'Dag na Tweede Kerstdag (gelijkgesteld bij KB)', nameEn: 'Day after Boxing Day (made equal by royal decree)' },
    { date: '2025-05-30', name: 'Dag na Hemelvaartsdag (gelijkgesteld bij KB)', nameEn: 'Day after Ascension Day (made equal by royal decree)' },
    { date: '2026-01-02', name: 'Dag na Nieuwjaarsdag (gelijkgesteld bij KB)', nameEn: "Day after New Year's Day (made equal by royal decree)" },
    { date: '2026-05-15', name: 'Dag na Hemelvaartsdag (gelijkgesteld bij KB)', nameEn: 'Day after Ascension Day (made equal by royal decree)' },
    { date: '2027-05-07', name: 'Dag na Hemelvaartsdag (gelijkgesteld bij KB)', nameEn: 'Day after Ascension Day (made equal by royal decree)' },
    { date: '2028-04-28', name: 'Dag na Koningsdag (gelijkgesteld bij KB)', nameEn: "Day after King's Day (made equal by royal decree)" },
    { date: '2028-05-26', name: 'Dag na Hemelvaartsdag (gelijkgesteld bij KB)', nameEn: 'Day after Ascension Day (made equal by royal decree)' },
  ].map((d) => Object.freeze(d)),
);

function assertSupportedYear(year: number): void {
  if (!Number.isInteger(year)) throw new UnsupportedYearError(year, 'not an integer year');
  if (year < FIRST_SUPPORTED_YEAR) {
    throw new UnsupportedYearError(
      year,
      `the Atw holidays are modelled from ${FIRST_SUPPORTED_YEAR} (Koningsdag); earlier years had Koninginnedag on 30 April`,
    );
  }
  if (year > MAX_YEAR) throw new UnsupportedYearError(year, `years after ${MAX_YEAR} cannot be written as YYYY-MM-DD`);
}

/** A date of a supported year (2014–9999: four digits, no padding needed). */
function iso(year: number, month: number, day: number): IsoDate {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Easter Sunday (Gregorian) of a year, from the `date-easter` package. */
export function easterSunday(year: number): IsoDate {
  assertSupportedYear(year);
  const e = easter(year);
  return iso(e.year, e.month, e.day);
}

/** King's Day: 27 April, or 26 April when the 27th is a Sunday (Atw art. 3(1); from 2014). */
export function kingsDay(year: number): IsoDate {
  assertSupportedYear(year);
  const apr27 = iso(year, 4, 27);
  return weekdayOf(apr27) === 0 ? iso(year, 4, 26) : apr27;
}

const statutoryCache = new Map<number, readonly CalendarDay[]>();

/**
 * The nine statutory non-working days of Atw art. 3(1) and 3(2) of a year,
 * in chronological order, whatever weekday they fall on. Two holidays can share
 * a date (Hemelvaartsdag on 5 May, e.g. 2016): both entries are returned here;
 * {@link holidaysForYear} merges them.
 */
export function statutoryHolidays(year: number): readonly CalendarDay[] {
  const cached = statutoryCache.get(year);
  if (cached) return cached;
  assertSupportedYear(year);
  const easterDay = toEpochDay(easterSunday(year));
  const rel = (offset: number): IsoDate => fromEpochDay(easterDay + offset);
  const days: CalendarDay[] = [
    { date: iso(year, 1, 1), name: 'Nieuwjaarsdag', nameEn: "New Year's Day", kind: 'statutory' },
    { date: rel(-2), name: 'Goede Vrijdag', nameEn: 'Good Friday', kind: 'statutory' },
    { date: rel(1), name: 'Tweede Paasdag', nameEn: 'Easter Monday', kind: 'statutory' },
    { date: kingsDay(year), name: 'Koningsdag', nameEn: "King's Day", kind: 'statutory' },
    { date: iso(year, 5, 5), name: 'Bevrijdingsdag', nameEn: 'Liberation Day', kind: 'statutory' },
    { date: rel(39), name: 'Hemelvaartsdag', nameEn: 'Ascension Day', kind: 'statutory' },
    { date: rel(50), name: 'Tweede Pinksterdag', nameEn: 'Whit Monday', kind: 'statutory' },
    { date: iso(year, 12, 25), name: 'Eerste Kerstdag', nameEn: 'Christmas Day', kind: 'statutory' },
    { date: iso(year, 12, 26), name: 'Tweede Kerstdag', nameEn: 'Boxing Day', kind: 'statutory' },
  ];
  // Stable sort: coinciding holidays keep the Atw order.
  days.sort((a, b) => compareIsoDates(a.date, b.date));
  const frozen = Object.freeze(days.map((d) => Object.freeze(d)));
  statutoryCache.set(year, frozen);
  return frozen;
}

const KIND_RANK: Record<CalendarDayKind, number> = { statutory: 0, decree: 1, organisation: 2 };

/**
 * Sort by date and merge entries that share a date: names are joined with " / "
 * (first occurrence first, duplicates dropped) and the strongest kind wins
 * (statutory > decree > organisation).
 */
export function mergeCalendarDays(days: Iterable<CalendarDay>): CalendarDay[] {
  const byDate = new Map<IsoDate, CalendarDay>();
  for (const day of days) {
    const prev = byDate.get(day.date);
    if (!prev) {
      byDate.set(day.date, { ...day });
      continue;
    }
    const names = prev.name.split(' / ');
    const namesEn = prev.nameEn.split(' / ');
    byDate.set(day.date, {
      date: day.date,
      name: names.includes(day.name) ? prev.name : `${prev.name} / ${day.name}`,
      nameEn: namesEn.includes(day.nameEn) ? prev.nameEn : `${prev.nameEn} / ${day.nameEn}`,
      // Stryker disable next-line EqualityOperator: `<=` is equivalent (equal ranks are the same kind); `>=` is killed by the tests
      kind: KIND_RANK[day.kind] < KIND_RANK[prev.kind] ? day.kind : prev.kind,
    });
  }
  return [...byDate.values()].sort((a, b) => compareIsoDates(a.date, b.date));
}

/** Turn admin-entered entries into calendar days of a kind (validates the dates). */
export function toCalendarDays(entries: Iterable<CalendarDayEntry>, kind: 'decree' | 'organisation'): CalendarDay[] {
  const out: CalendarDay[] = [];
  for (const e of entries) {
    out.push({ date: parseIsoDate(e.date), name: e.name, nameEn: e.nameEn ?? e.name, kind });
  }
  return out;
}

/**
 * All non-working days of a year besides ordinary weekends: the Atw statutory
 * holidays plus the decree days of that year (default {@link KNOWN_DECREE_DAYS}),
 * sorted and de-duplicated by date. Holidays that fall on a Saturday or Sunday
 * are listed too.
 */
export function holidaysForYear(
  year: number,
  decreeDays: Iterable<CalendarDayEntry> = KNOWN_DECREE_DAYS,
): CalendarDay[] {
  const prefix = `${year}-`; // statutoryHolidays(year) below refuses years outside 2014–9999
  const decree = toCalendarDays(decreeDays, 'decree').filter((d) => d.date.startsWith(prefix));
  return mergeCalendarDays([...statutoryHolidays(year), ...decree]);
}
