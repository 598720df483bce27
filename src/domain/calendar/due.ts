/**
 * Due dates of deadlines (spec README "Calendar"; omslagroute.md §0 and §5.1).
 *
 * - `working_days`: "N working days after event E" is the N-th working day after
 *   the day of E. No Atw adjustments (the result is a working day by construction;
 *   N = 0 is the day of E itself).
 * - `days`, `weeks`, `months`, `years`: the calendar end date (addPeriod), then
 *   - Atw art. 1: a period ending on a non-working day (weekend, holiday, decree day,
 *     organisation closing day) is extended to the next working day;
 *   - Atw art. 2: a period of at least three days is extended when needed so that it
 *     contains at least two working days: if (start, due] holds fewer than two, the
 *     due date becomes the second working day after the start.
 *   Art. 1 is applied whatever the amount (also 0), so a calendar-unit due date is
 *   always a working day.
 *
 * Every result records the rule ID that set it and each move with its reason.
 */
import { format } from 'date-fns';
import { enGB, nl } from 'date-fns/locale';
import { addPeriod, isPeriodUnit, PERIOD_UNITS } from './calendar.ts';
import type { PeriodUnit, WorkingCalendar } from './calendar.ts';
import { InvalidAmountError, UnknownUnitError } from './errors.ts';
import { calendarDaysBetween, fromEpochDay, parseIsoDate, toEpochDay, toUTCDate } from './iso-date.ts';
import type { IsoDate } from './iso-date.ts';

export interface DueAdjustment {
  rule: 'ATW_ART1' | 'ATW_ART2';
  from: IsoDate;
  to: IsoDate;
  /** Dutch, for users. */
  reason: string;
  reasonEn: string;
}

export interface DueDate {
  /** The deadline rule (e.g. 'D-05') that set this due date, if any. */
  ruleId: string | null;
  start: IsoDate;
  amount: number;
  unit: PeriodUnit;
  /** The end date before any Atw adjustment. */
  unadjustedDue: IsoDate;
  due: IsoDate;
  adjustments: DueAdjustment[];
}

export interface DueInput {
  start: IsoDate;
  amount: number;
  unit: PeriodUnit;
  ruleId?: string | null;
}

/** "maandag 6 april 2026" */
export function formatDateNl(d: IsoDate): string {
  return format(toUTCDate(d), 'EEEE d MMMM yyyy', { locale: nl });
}

/** "Monday 6 April 2026" */
export function formatDateEn(d: IsoDate): string {
  // Stryker disable next-line ObjectLiteral: date-fns's default locale (en-US) writes this pattern exactly as en-GB does
  return format(toUTCDate(d), 'EEEE d MMMM yyyy', { locale: enGB });
}

/** Why a date is not a working day: "Tweede Paasdag (maandag 6 april 2026)", "een zaterdag (4 april 2026)". */
function describeNonWorkingDay(calendar: WorkingCalendar, d: IsoDate): { nl: string; en: string } {
  const holiday = calendar.holidayOn(d);
  if (holiday) return { nl: `${holiday.name} (${formatDateNl(d)})`, en: `${holiday.nameEn} (${formatDateEn(d)})` };
  const date = toUTCDate(d);
  return {
    nl: `een ${format(date, 'EEEE (d MMMM yyyy)', { locale: nl })}`,
    en: `a ${format(date, 'EEEE (d MMMM yyyy)', { locale: enGB })}`,
  };
}

/** Short name of a non-working day for lists: the holiday's name, else the weekday. */
function nameNonWorkingDay(calendar: WorkingCalendar, d: IsoDate): { nl: string; en: string } {
  const holiday = calendar.holidayOn(d);
  if (holiday) return { nl: holiday.name, en: holiday.nameEn };
  const date = toUTCDate(d);
  // Stryker disable next-line ObjectLiteral: date-fns's default locale (en-US) names weekdays exactly as en-GB does
  const en = format(date, 'EEEE', { locale: enGB });
  return { nl: format(date, 'EEEE', { locale: nl }), en };
}

/** The Atw art. 1 adjustment of `end`, or null when it is a working day. */
export function atwArticle1(calendar: WorkingCalendar, end: IsoDate): DueAdjustment | null {
  if (calendar.isWorkingDay(end)) return null;
  const to = calendar.onOrAfterWorkingDay(end);
  const what = describeNonWorkingDay(calendar, end);
  return {
    rule: 'ATW_ART1',
    from: end,
    to,
    reason:
      `Einddatum valt op ${what.nl}; verschoven naar de eerstvolgende werkdag, ` +
      `${formatDateNl(to)} (Atw art. 1)`,
    reasonEn:
      `End date falls on ${what.en}; moved to the next working day, ` +
      `${formatDateEn(to)} (Atw art. 1)`,
  };
}

/**
 * The Atw art. 2 adjustment of a period (start, due] of at least three days,
 * or null when it already contains two working days (or is shorter than three days).
 */
export function atwArticle2(
  calendar: WorkingCalendar,
  start: IsoDate,
  unadjustedDue: IsoDate,
  due: IsoDate,
): DueAdjustment | null {
  if (calendarDaysBetween(start, unadjustedDue) < 3) return null;
  const count = calendar.workingDaysBetween(start, due);
  if (count >= 2) return null;
  const to = calendar.addWorkingDays(start, 2);
  const names: { nl: string; en: string }[] = [];
  for (let day = toEpochDay(start) + 1; day <= toEpochDay(due); day++) {
    const iso = fromEpochDay(day);
    if (!calendar.isWorkingDay(iso)) {
      const what = nameNonWorkingDay(calendar, iso);
      if (!names.some((n) => n.nl === what.nl)) names.push(what);
    }
  }
  const listNl = names.map((n) => n.nl).join(', ');
  const listEn = names.map((n) => n.en).join(', ');
  const countNl = count === 1 ? '1 werkdag' : `${count} werkdagen`;
  const countEn = count === 1 ? '1 working day' : `${count} working days`;
  return {
    rule: 'ATW_ART2',
    from: due,
    to,
    reason:
      `Termijn van ten minste drie dagen bevat tot en met ${formatDateNl(due)} slechts ${countNl} ` +
      `(niet-werkdagen: ${listNl}); verlengd tot de tweede werkdag na de begindatum, ${formatDateNl(to)} (Atw art. 2)`,
    reasonEn:
      `Period of at least three days contains only ${countEn} up to and including ${formatDateEn(due)} ` +
      `(non-working days: ${listEn}); extended to the second working day after the start date, ${formatDateEn(to)} (Atw art. 2)`,
  };
}

/** Compute the due date of a deadline of `amount` `unit` after `start` on `calendar`. */
export function computeDue(calendar: WorkingCalendar, input: DueInput): DueDate {
  const start = parseIsoDate(input.start);
  const { amount, unit } = input;
  if (!Number.isSafeInteger(amount) || amount < 0) {
    throw new InvalidAmountError(amount, 'a deadline amount must be a non-negative integer');
  }
  // Stryker disable next-line ConditionalExpression: without this check addPeriod refuses the same units with the same UnknownUnitError (only its message lists fewer units)
  if (!isPeriodUnit(unit)) throw new UnknownUnitError(unit, PERIOD_UNITS);
  const ruleId = input.ruleId ?? null;

  if (unit === 'working_days') {
    const due = calendar.addWorkingDays(start, amount);
    return { ruleId, start, amount, unit, unadjustedDue: due, due, adjustments: [] };
  }

  const unadjustedDue = addPeriod(start, amount, unit);
  const adjustments: DueAdjustment[] = [];
  let due = unadjustedDue;
  const art1 = atwArticle1(calendar, due);
  if (art1) {
    adjustments.push(art1);
    due = art1.to;
  }
  const art2 = atwArticle2(calendar, start, unadjustedDue, due);
  if (art2) {
    adjustments.push(art2);
    due = art2.to;
  }
  return { ruleId, start, amount, unit, unadjustedDue, due, adjustments };
}
