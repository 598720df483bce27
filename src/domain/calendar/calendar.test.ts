import { describe, expect, it } from 'vitest';
import {
  addPeriod,
  InvalidDateError,
  isValidIsoDate,
  parseIsoDate,
  WorkingCalendar,
} from './calendar.ts';
import type { CalendarPeriodUnit } from './calendar.ts';
import { InvalidAmountError, UnknownUnitError } from './errors.ts';
import { KNOWN_DECREE_DAYS } from './holidays.ts';
import { isWeekend, maxIsoDate, toAmsterdamIsoDate } from './iso-date.ts';

const atw = new WorkingCalendar();

describe('parseIsoDate / isValidIsoDate', () => {
  it.each([
    '2025-02-30', '2025-2-3', '', '2025-13-01', '2025-00-10', '2025-01-32', '2025-01-00', '1900-02-29',
    '2023-02-29', '0000-01-01', '20250101', ' 2025-01-01', '2025-01-01 ', '2025-01-01T00:00:00Z', '2025/01/01',
    '+2025-01-01', '２０２５-01-01',
  ])('rejects %j with InvalidDateError (code INVALID_DATE)', (s) => {
    expect(isValidIsoDate(s)).toBe(false);
    expect(() => parseIsoDate(s)).toThrow(InvalidDateError);
    try {
      parseIsoDate(s);
    } catch (e) {
      expect((e as InvalidDateError).code).toBe('INVALID_DATE');
    }
  });

  it.each(['2024-02-29', '2000-02-29', '2025-12-31', '2025-01-01', '0001-01-01', '9999-12-31'])('accepts %s', (s) => {
    expect(isValidIsoDate(s)).toBe(true);
    expect(parseIsoDate(s)).toBe(s);
  });

  it('rejects non-strings without crashing', () => {
    expect(isValidIsoDate(undefined as unknown as string)).toBe(false);
    expect(() => parseIsoDate(20250101 as unknown as string)).toThrow(InvalidDateError);
  });
});

describe('WorkingCalendar.isWorkingDay', () => {
  it('README Calendar: Saturdays and Sundays are not working days', () => {
    expect(atw.isWorkingDay('2025-06-06')).toBe(true); // Friday
    expect(atw.isWorkingDay('2025-06-07')).toBe(false); // Saturday
    expect(atw.isWorkingDay('2025-06-08')).toBe(false); // Sunday (Whit Sunday)
    expect(atw.isWorkingDay('2025-06-09')).toBe(false); // Whit Monday
    expect(atw.isWorkingDay('2025-06-10')).toBe(true);
  });

  it('README Calendar: decree days (Besluit gelijkstelling) are not working days', () => {
    expect(atw.isWorkingDay('2025-05-30')).toBe(false);
    expect(atw.isWorkingDay('2026-01-02')).toBe(false);
    expect(atw.holidayOn('2026-01-02')).toMatchObject({ kind: 'decree', name: 'Dag na Nieuwjaarsdag (gelijkgesteld bij KB)' });
  });

  it('README Calendar: the decree days are data; without them the day after Ascension 2025 is a working day', () => {
    const noDecree = new WorkingCalendar({ decreeDays: [] });
    expect(noDecree.isWorkingDay('2025-05-30')).toBe(true);
    expect(noDecree.isWorkingDay('2025-05-29')).toBe(false);
  });

  it('README Calendar: a per-organisation extra closing day is honoured', () => {
    const org = new WorkingCalendar({
      decreeDays: KNOWN_DECREE_DAYS,
      extraClosingDays: [{ date: '2025-12-31', name: 'Oudejaarsdag (kantoor gesloten)', nameEn: "New Year's Eve (office closed)" }],
    });
    expect(atw.isWorkingDay('2025-12-31')).toBe(true);
    expect(org.isWorkingDay('2025-12-31')).toBe(false);
    expect(org.holidayOn('2025-12-31')).toEqual({
      date: '2025-12-31', name: 'Oudejaarsdag (kantoor gesloten)', nameEn: "New Year's Eve (office closed)", kind: 'organisation',
    });
    // 30 Dec + 1 working day: 31 Dec closed, 1 Jan holiday, 2 Jan decree day, weekend → Monday 5 Jan
    expect(org.addWorkingDays('2025-12-30', 1)).toBe('2026-01-05');
    expect(atw.addWorkingDays('2025-12-30', 1)).toBe('2025-12-31');
    expect(org.nonWorkingDays(2025).map((d) => d.kind)).toContain('organisation');
    expect(org.nonWorkingDays(2025)).toHaveLength(atw.nonWorkingDays(2025).length + 1);
  });

  it('rejects an invalid admin-entered date when the calendar is built', () => {
    expect(() => new WorkingCalendar({ decreeDays: [{ date: '2030-02-30', name: 'x' }] })).toThrow(InvalidDateError);
  });

  it('nonWorkingDays returns copies: mutating them does not change the calendar', () => {
    const cal = new WorkingCalendar();
    const days = cal.nonWorkingDays(2025);
    days[0]!.date = '2025-01-02';
    days.length = 0;
    expect(cal.isWorkingDay('2025-01-02')).toBe(true);
    expect(cal.nonWorkingDays(2025)[0]!.date).toBe('2025-01-01');
  });

  it('rejects invalid input dates', () => {
    expect(() => atw.isWorkingDay('2025-02-30')).toThrow(InvalidDateError);
  });
});

describe('WorkingCalendar working-day arithmetic', () => {
  it('omslagroute §0: "N working days after E" is the N-th working day after the day of E (across Easter 2025)', () => {
    // Thu 17 Apr; Fri 18 Good Friday, Mon 21 Easter Monday
    expect(atw.addWorkingDays('2025-04-17', 1)).toBe('2025-04-22');
    expect(atw.addWorkingDays('2025-04-16', 5)).toBe('2025-04-25');
  });

  it('N working days across Christmas, New Year and a decree day (2 Jan 2026)', () => {
    expect(atw.addWorkingDays('2025-12-23', 3)).toBe('2025-12-30');
    expect(atw.addWorkingDays('2025-12-24', 5)).toBe('2026-01-06');
  });

  it('n = 0 returns the date unchanged, even on a weekend', () => {
    expect(atw.addWorkingDays('2025-06-07', 0)).toBe('2025-06-07');
    expect(atw.addWorkingDays('2025-06-06', 0)).toBe('2025-06-06');
  });

  it('negative n gives the N-th working day before (for "warn 10 working days before")', () => {
    expect(atw.addWorkingDays('2025-04-22', -1)).toBe('2025-04-17');
    expect(atw.addWorkingDays('2026-01-05', -1)).toBe('2025-12-31');
    expect(atw.addWorkingDays('2025-05-13', -10)).toBe('2025-04-28'); // skips Liberation Day (Mon 5 May)
  });

  it('rejects a non-integer number of working days', () => {
    expect(() => atw.addWorkingDays('2025-01-06', 1.5)).toThrow(InvalidAmountError);
    expect(() => atw.addWorkingDays('2025-01-06', Number.NaN)).toThrow(InvalidAmountError);
  });

  it('onOrAfterWorkingDay / onOrBeforeWorkingDay', () => {
    expect(atw.onOrAfterWorkingDay('2025-04-18')).toBe('2025-04-22');
    expect(atw.onOrAfterWorkingDay('2025-04-22')).toBe('2025-04-22');
    expect(atw.onOrBeforeWorkingDay('2025-04-21')).toBe('2025-04-17');
    expect(atw.onOrBeforeWorkingDay('2025-04-17')).toBe('2025-04-17');
  });

  it('workingDaysBetween counts working days in (from, to]', () => {
    expect(atw.workingDaysBetween('2025-04-17', '2025-04-22')).toBe(1);
    expect(atw.workingDaysBetween('2025-04-17', '2025-04-17')).toBe(0);
    expect(atw.workingDaysBetween('2025-04-22', '2025-04-17')).toBe(-1);
    expect(atw.workingDaysBetween('2025-01-01', '2025-12-31')).toBe(252);
    expect(atw.workingDaysBetween('2025-06-06', '2025-06-09')).toBe(0); // Sat, Sun, Whit Monday
  });
});

describe('addPeriod (plain calendar arithmetic)', () => {
  it.each<[string, number, CalendarPeriodUnit, string]>([
    ['2025-01-31', 1, 'months', '2025-02-28'],
    ['2024-01-31', 1, 'months', '2024-02-29'],
    ['2025-01-31', 2, 'months', '2025-03-31'],
    ['2025-03-31', 1, 'months', '2025-04-30'],
    ['2025-11-30', 3, 'months', '2026-02-28'],
    ['2023-11-30', 3, 'months', '2024-02-29'],
    ['2025-03-31', -1, 'months', '2025-02-28'],
    ['2024-02-29', 1, 'years', '2025-02-28'],
    ['2024-02-29', 4, 'years', '2028-02-29'],
    ['2025-07-01', 1, 'years', '2026-07-01'],
    ['2025-03-01', 6, 'weeks', '2025-04-12'],
    ['2025-03-29', 1, 'days', '2025-03-30'], // DST starts in Amsterdam on 30 March 2025
    ['2025-10-25', 2, 'days', '2025-10-27'], // DST ends on 26 October 2025
    ['2025-12-31', 1, 'days', '2026-01-01'],
    ['2025-03-01', -1, 'days', '2025-02-28'],
    ['2025-05-05', 0, 'months', '2025-05-05'],
  ])('README Calendar: %s + %i %s = %s', (start, amount, unit, expected) => {
    expect(addPeriod(start, amount, unit)).toBe(expected);
  });

  it('rejects non-integer amounts, unknown units, invalid dates and results beyond 9999', () => {
    expect(() => addPeriod('2025-01-01', 0.5, 'days')).toThrow(InvalidAmountError);
    expect(() => addPeriod('2025-01-01', 1, 'fortnights' as CalendarPeriodUnit)).toThrow(UnknownUnitError);
    expect(() => addPeriod('2025-01-01', 1, 'working_days' as CalendarPeriodUnit)).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_UNIT' }),
    );
    expect(() => addPeriod('2025-02-30', 1, 'days')).toThrow(InvalidDateError);
    expect(() => addPeriod('9999-12-31', 1, 'days')).toThrow(InvalidDateError);
  });
});

describe('toAmsterdamIsoDate', () => {
  it('README Calendar: all dates are in Europe/Amsterdam (CET and CEST around midnight)', () => {
    expect(toAmsterdamIsoDate(new Date('2025-01-14T22:59:59Z'))).toBe('2025-01-14');
    expect(toAmsterdamIsoDate(new Date('2025-01-14T23:00:00Z'))).toBe('2025-01-15');
    expect(toAmsterdamIsoDate(new Date('2025-03-29T23:30:00Z'))).toBe('2025-03-30');
    expect(toAmsterdamIsoDate(Date.parse('2025-06-30T21:59:59Z'))).toBe('2025-06-30');
    expect(toAmsterdamIsoDate(Date.parse('2025-06-30T22:00:00Z'))).toBe('2025-07-01');
    expect(() => toAmsterdamIsoDate(new Date('nonsense'))).toThrow(InvalidDateError);
  });
});

describe('the supported years 0001–9999 at both ends (addPeriod results)', () => {
  it('a result on 1 January 0001 or 31 December 9999 is a date; one day further is refused', () => {
    expect(addPeriod('0001-01-02', -1, 'days')).toBe('0001-01-01');
    expect(() => addPeriod('0001-01-01', -1, 'days')).toThrow(InvalidDateError);
    expect(addPeriod('9999-12-30', 1, 'days')).toBe('9999-12-31');
    expect(() => addPeriod('9999-12-31', 1, 'days')).toThrow(InvalidDateError);
  });

  it('years before 1000 are written with four digits (0100 is not a leap year in the Gregorian calendar)', () => {
    expect(addPeriod('0001-01-01', 1, 'days')).toBe('0001-01-02');
    expect(addPeriod('0100-03-01', -1, 'days')).toBe('0100-02-28');
    expect(addPeriod('0999-12-31', 1, 'days')).toBe('1000-01-01');
  });

  it('an amount that leaves the range of dates altogether is refused as an invalid date, not written as NaN', () => {
    expect(() => addPeriod('2025-01-01', 200_000_000, 'days')).toThrow(InvalidDateError);
    expect(() => addPeriod('2025-01-01', -200_000_000, 'days')).toThrow(InvalidDateError);
  });
});

describe('isWeekend and maxIsoDate', () => {
  it('isWeekend is true on Saturday and Sunday only, whatever the holidays (Whit weekend 2025)', () => {
    expect(isWeekend('2025-06-06')).toBe(false); // Friday
    expect(isWeekend('2025-06-07')).toBe(true); // Saturday
    expect(isWeekend('2025-06-08')).toBe(true); // Sunday
    expect(isWeekend('2025-06-09')).toBe(false); // Whit Monday: a holiday, not a weekend day
  });

  it('maxIsoDate gives the later of two dates, in either order, and validates both', () => {
    expect(maxIsoDate('2025-03-01', '2025-02-28')).toBe('2025-03-01');
    expect(maxIsoDate('2025-02-28', '2025-03-01')).toBe('2025-03-01');
    expect(maxIsoDate('2024-12-31', '2025-01-01')).toBe('2025-01-01');
    expect(maxIsoDate('2025-05-05', '2025-05-05')).toBe('2025-05-05');
    expect(() => maxIsoDate('2025-02-30', '2025-01-01')).toThrow(InvalidDateError);
  });
});

describe('toAmsterdamIsoDate before the year 1000', () => {
  it('writes the year with four digits (midday 15 June 500)', () => {
    expect(toAmsterdamIsoDate(Date.UTC(500, 5, 15, 12))).toBe('0500-06-15');
  });
});
