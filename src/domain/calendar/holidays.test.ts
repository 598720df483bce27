import { describe, expect, it } from 'vitest';
import {
  easterSunday,
  holidaysForYear,
  KNOWN_DECREE_DAYS,
  kingsDay,
  mergeCalendarDays,
  statutoryHolidays,
} from './holidays.ts';
import type { CalendarDay, CalendarDayKind } from './holidays.ts';
import { WorkingCalendar } from './calendar.ts';
import { UnsupportedYearError } from './errors.ts';
import { weekdayOf } from './iso-date.ts';

/**
 * Expected non-working days (besides weekends) per year, written out by hand from
 * the Easter table below and the Atw rules; decree days from the spec README.
 * Kind: statutory = Atw art. 3(1)/3(2), decree = Besluit gelijkstelling (art. 3(3)).
 */
const EXPECTED: Record<number, Array<[string, string, 'statutory' | 'decree']>> = {
  2020: [
    ['2020-01-01', 'Nieuwjaarsdag', 'statutory'],
    ['2020-04-10', 'Goede Vrijdag', 'statutory'],
    ['2020-04-13', 'Tweede Paasdag', 'statutory'],
    ['2020-04-27', 'Koningsdag', 'statutory'],
    ['2020-05-05', 'Bevrijdingsdag', 'statutory'],
    ['2020-05-21', 'Hemelvaartsdag', 'statutory'],
    ['2020-06-01', 'Tweede Pinksterdag', 'statutory'],
    ['2020-12-25', 'Eerste Kerstdag', 'statutory'],
    ['2020-12-26', 'Tweede Kerstdag', 'statutory'],
  ],
  2021: [
    ['2021-01-01', 'Nieuwjaarsdag', 'statutory'],
    ['2021-04-02', 'Goede Vrijdag', 'statutory'],
    ['2021-04-05', 'Tweede Paasdag', 'statutory'],
    ['2021-04-27', 'Koningsdag', 'statutory'],
    ['2021-05-05', 'Bevrijdingsdag', 'statutory'],
    ['2021-05-13', 'Hemelvaartsdag', 'statutory'],
    ['2021-05-24', 'Tweede Pinksterdag', 'statutory'],
    ['2021-12-25', 'Eerste Kerstdag', 'statutory'],
    ['2021-12-26', 'Tweede Kerstdag', 'statutory'],
  ],
  2022: [
    ['2022-01-01', 'Nieuwjaarsdag', 'statutory'],
    ['2022-04-15', 'Goede Vrijdag', 'statutory'],
    ['2022-04-18', 'Tweede Paasdag', 'statutory'],
    ['2022-04-27', 'Koningsdag', 'statutory'],
    ['2022-05-05', 'Bevrijdingsdag', 'statutory'],
    ['2022-05-26', 'Hemelvaartsdag', 'statutory'],
    ['2022-05-27', 'Dag na Hemelvaartsdag (gelijkgesteld bij KB)', 'decree'],
    ['2022-06-06', 'Tweede Pinksterdag', 'statutory'],
    ['2022-12-25', 'Eerste Kerstdag', 'statutory'],
    ['2022-12-26', 'Tweede Kerstdag', 'statutory'],
  ],
  2023: [
    ['2023-01-01', 'Nieuwjaarsdag', 'statutory'],
    ['2023-04-07', 'Goede Vrijdag', 'statutory'],
    ['2023-04-10', 'Tweede Paasdag', 'statutory'],
    ['2023-04-27', 'Koningsdag', 'statutory'],
    ['2023-04-28', 'Dag na Koningsdag (gelijkgesteld bij KB)', 'decree'],
    ['2023-05-05', 'Bevrijdingsdag', 'statutory'],
    ['2023-05-18', 'Hemelvaartsdag', 'statutory'],
    ['2023-05-19', 'Dag na Hemelvaartsdag (gelijkgesteld bij KB)', 'decree'],
    ['2023-05-29', 'Tweede Pinksterdag', 'statutory'],
    ['2023-12-25', 'Eerste Kerstdag', 'statutory'],
    ['2023-12-26', 'Tweede Kerstdag', 'statutory'],
  ],
  2024: [
    ['2024-01-01', 'Nieuwjaarsdag', 'statutory'],
    ['2024-03-29', 'Goede Vrijdag', 'statutory'],
    ['2024-04-01', 'Tweede Paasdag', 'statutory'],
    ['2024-04-27', 'Koningsdag', 'statutory'],
    ['2024-05-05', 'Bevrijdingsdag', 'statutory'],
    ['2024-05-09', 'Hemelvaartsdag', 'statutory'],
    ['2024-05-10', 'Dag na Hemelvaartsdag (gelijkgesteld bij KB)', 'decree'],
    ['2024-05-20', 'Tweede Pinksterdag', 'statutory'],
    ['2024-12-25', 'Eerste Kerstdag', 'statutory'],
    ['2024-12-26', 'Tweede Kerstdag', 'statutory'],
    ['2024-12-27', 'Dag na Tweede Kerstdag (gelijkgesteld bij KB)', 'decree'],
  ],
  2025: [
    ['2025-01-01', 'Nieuwjaarsdag', 'statutory'],
    ['2025-04-18', 'Goede Vrijdag', 'statutory'],
    ['2025-04-21', 'Tweede Paasdag', 'statutory'],
    ['2025-04-26', 'Koningsdag', 'statutory'],
    ['2025-05-05', 'Bevrijdingsdag', 'statutory'],
    ['2025-05-29', 'Hemelvaartsdag', 'statutory'],
    ['2025-05-30', 'Dag na Hemelvaartsdag (gelijkgesteld bij KB)', 'decree'],
    ['2025-06-09', 'Tweede Pinksterdag', 'statutory'],
    ['2025-12-25', 'Eerste Kerstdag', 'statutory'],
    ['2025-12-26', 'Tweede Kerstdag', 'statutory'],
  ],
  2026: [
    ['2026-01-01', 'Nieuwjaarsdag', 'statutory'],
    ['2026-01-02', 'Dag na Nieuwjaarsdag (gelijkgesteld bij KB)', 'decree'],
    ['2026-04-03', 'Goede Vrijdag', 'statutory'],
    ['2026-04-06', 'Tweede Paasdag', 'statutory'],
    ['2026-04-27', 'Koningsdag', 'statutory'],
    ['2026-05-05', 'Bevrijdingsdag', 'statutory'],
    ['2026-05-14', 'Hemelvaartsdag', 'statutory'],
    ['2026-05-15', 'Dag na Hemelvaartsdag (gelijkgesteld bij KB)', 'decree'],
    ['2026-05-25', 'Tweede Pinksterdag', 'statutory'],
    ['2026-12-25', 'Eerste Kerstdag', 'statutory'],
    ['2026-12-26', 'Tweede Kerstdag', 'statutory'],
  ],
  2027: [
    ['2027-01-01', 'Nieuwjaarsdag', 'statutory'],
    ['2027-03-26', 'Goede Vrijdag', 'statutory'],
    ['2027-03-29', 'Tweede Paasdag', 'statutory'],
    ['2027-04-27', 'Koningsdag', 'statutory'],
    ['2027-05-05', 'Bevrijdingsdag', 'statutory'],
    ['2027-05-06', 'Hemelvaartsdag', 'statutory'],
    ['2027-05-07', 'Dag na Hemelvaartsdag (gelijkgesteld bij KB)', 'decree'],
    ['2027-05-17', 'Tweede Pinksterdag', 'statutory'],
    ['2027-12-25', 'Eerste Kerstdag', 'statutory'],
    ['2027-12-26', 'Tweede Kerstdag', 'statutory'],
  ],
  2028: [
    ['2028-01-01', 'Nieuwjaarsdag', 'statutory'],
    ['2028-04-14', 'Goede Vrijdag', 'statutory'],
    ['2028-04-17', 'Tweede Paasdag', 'statutory'],
    ['2028-04-27', 'Koningsdag', 'statutory'],
    ['2028-04-28', 'Dag na Koningsdag (gelijkgesteld bij KB)', 'decree'],
    ['2028-05-05', 'Bevrijdingsdag', 'statutory'],
    ['2028-05-25', 'Hemelvaartsdag', 'statutory'],
    ['2028-05-26', 'Dag na Hemelvaartsdag (gelijkgesteld bij KB)', 'decree'],
    ['2028-06-05', 'Tweede Pinksterdag', 'statutory'],
    ['2028-12-25', 'Eerste Kerstdag', 'statutory'],
    ['2028-12-26', 'Tweede Kerstdag', 'statutory'],
  ],
  2029: [
    ['2029-01-01', 'Nieuwjaarsdag', 'statutory'],
    ['2029-03-30', 'Goede Vrijdag', 'statutory'],
    ['2029-04-02', 'Tweede Paasdag', 'statutory'],
    ['2029-04-27', 'Koningsdag', 'statutory'],
    ['2029-05-05', 'Bevrijdingsdag', 'statutory'],
    ['2029-05-10', 'Hemelvaartsdag', 'statutory'],
    ['2029-05-21', 'Tweede Pinksterdag', 'statutory'],
    ['2029-12-25', 'Eerste Kerstdag', 'statutory'],
    ['2029-12-26', 'Tweede Kerstdag', 'statutory'],
  ],
  2030: [
    ['2030-01-01', 'Nieuwjaarsdag', 'statutory'],
    ['2030-04-19', 'Goede Vrijdag', 'statutory'],
    ['2030-04-22', 'Tweede Paasdag', 'statutory'],
    ['2030-04-27', 'Koningsdag', 'statutory'],
    ['2030-05-05', 'Bevrijdingsdag', 'statutory'],
    ['2030-05-30', 'Hemelvaartsdag', 'statutory'],
    ['2030-06-10', 'Tweede Pinksterdag', 'statutory'],
    ['2030-12-25', 'Eerste Kerstdag', 'statutory'],
    ['2030-12-26', 'Tweede Kerstdag', 'statutory'],
  ],
  2031: [
    ['2031-01-01', 'Nieuwjaarsdag', 'statutory'],
    ['2031-04-11', 'Goede Vrijdag', 'statutory'],
    ['2031-04-14', 'Tweede Paasdag', 'statutory'],
    ['2031-04-26', 'Koningsdag', 'statutory'],
    ['2031-05-05', 'Bevrijdingsdag', 'statutory'],
    ['2031-05-22', 'Hemelvaartsdag', 'statutory'],
    ['2031-06-02', 'Tweede Pinksterdag', 'statutory'],
    ['2031-12-25', 'Eerste Kerstdag', 'statutory'],
    ['2031-12-26', 'Tweede Kerstdag', 'statutory'],
  ],
  2032: [
    ['2032-01-01', 'Nieuwjaarsdag', 'statutory'],
    ['2032-03-26', 'Goede Vrijdag', 'statutory'],
    ['2032-03-29', 'Tweede Paasdag', 'statutory'],
    ['2032-04-27', 'Koningsdag', 'statutory'],
    ['2032-05-05', 'Bevrijdingsdag', 'statutory'],
    ['2032-05-06', 'Hemelvaartsdag', 'statutory'],
    ['2032-05-17', 'Tweede Pinksterdag', 'statutory'],
    ['2032-12-25', 'Eerste Kerstdag', 'statutory'],
    ['2032-12-26', 'Tweede Kerstdag', 'statutory'],
  ],
  2033: [
    ['2033-01-01', 'Nieuwjaarsdag', 'statutory'],
    ['2033-04-15', 'Goede Vrijdag', 'statutory'],
    ['2033-04-18', 'Tweede Paasdag', 'statutory'],
    ['2033-04-27', 'Koningsdag', 'statutory'],
    ['2033-05-05', 'Bevrijdingsdag', 'statutory'],
    ['2033-05-26', 'Hemelvaartsdag', 'statutory'],
    ['2033-06-06', 'Tweede Pinksterdag', 'statutory'],
    ['2033-12-25', 'Eerste Kerstdag', 'statutory'],
    ['2033-12-26', 'Tweede Kerstdag', 'statutory'],
  ],
  2034: [
    ['2034-01-01', 'Nieuwjaarsdag', 'statutory'],
    ['2034-04-07', 'Goede Vrijdag', 'statutory'],
    ['2034-04-10', 'Tweede Paasdag', 'statutory'],
    ['2034-04-27', 'Koningsdag', 'statutory'],
    ['2034-05-05', 'Bevrijdingsdag', 'statutory'],
    ['2034-05-18', 'Hemelvaartsdag', 'statutory'],
    ['2034-05-29', 'Tweede Pinksterdag', 'statutory'],
    ['2034-12-25', 'Eerste Kerstdag', 'statutory'],
    ['2034-12-26', 'Tweede Kerstdag', 'statutory'],
  ],
  2035: [
    ['2035-01-01', 'Nieuwjaarsdag', 'statutory'],
    ['2035-03-23', 'Goede Vrijdag', 'statutory'],
    ['2035-03-26', 'Tweede Paasdag', 'statutory'],
    ['2035-04-27', 'Koningsdag', 'statutory'],
    ['2035-05-03', 'Hemelvaartsdag', 'statutory'],
    ['2035-05-05', 'Bevrijdingsdag', 'statutory'],
    ['2035-05-14', 'Tweede Pinksterdag', 'statutory'],
    ['2035-12-25', 'Eerste Kerstdag', 'statutory'],
    ['2035-12-26', 'Tweede Kerstdag', 'statutory'],
  ],
};

const EASTER_SUNDAYS: Record<number, string> = {
  2020: '2020-04-12', 2021: '2021-04-04', 2022: '2022-04-17', 2023: '2023-04-09',
  2024: '2024-03-31', 2025: '2025-04-20', 2026: '2026-04-05', 2027: '2027-03-28',
  2028: '2028-04-16', 2029: '2029-04-01', 2030: '2030-04-21', 2031: '2031-04-13',
  2032: '2032-03-28', 2033: '2033-04-17', 2034: '2034-04-09', 2035: '2035-03-25',
};

describe('Atw holidays 2020–2035', () => {
  it.each(Object.keys(EXPECTED).map(Number))('Atw art. 3: all non-working days of %i (statutory and decree)', (year) => {
    const actual = holidaysForYear(year).map((d) => [d.date, d.name, d.kind]);
    expect(actual).toEqual(EXPECTED[year]);
  });

  it.each(Object.entries(EASTER_SUNDAYS))('Easter Sunday %s is %s (date-easter)', (year, expected) => {
    expect(easterSunday(Number(year))).toBe(expected);
    expect(weekdayOf(expected)).toBe(0);
  });

  it('the WorkingCalendar lists the same days as holidaysForYear', () => {
    const cal = new WorkingCalendar();
    for (let y = 2020; y <= 2035; y++) {
      expect(cal.nonWorkingDays(y).map((d) => d.date)).toEqual(EXPECTED[y]!.map(([d]) => d));
    }
  });
});

describe('King\'s Day', () => {
  it('Atw art. 3(1): King\'s Day is 27 April, or 26 April when the 27th is a Sunday (2025, 2031)', () => {
    expect(kingsDay(2025)).toBe('2025-04-26');
    expect(kingsDay(2031)).toBe('2031-04-26');
    expect(kingsDay(2014)).toBe('2014-04-26'); // 27 April 2014 was a Sunday
    expect(kingsDay(2020)).toBe('2020-04-27'); // a Monday
    const moved = [];
    for (let y = 2020; y <= 2035; y++) if (kingsDay(y).endsWith('-26')) moved.push(y);
    expect(moved).toEqual([2025, 2031]);
  });

  it('years before 2014 (Koninginnedag on 30 April) are not supported and say so', () => {
    expect(() => statutoryHolidays(2013)).toThrow(UnsupportedYearError);
    expect(() => kingsDay(2013)).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_YEAR', year: 2013 }));
    expect(() => new WorkingCalendar().isWorkingDay('2013-06-03')).toThrow(UnsupportedYearError);
    expect(() => new WorkingCalendar().addWorkingDays('2014-01-02', -2)).toThrow(UnsupportedYearError);
    expect(() => statutoryHolidays(2020.5)).toThrow(UnsupportedYearError);
  });
});

describe('holiday list details', () => {
  it('Atw art. 3(1): 5 May is a holiday every year, not only every fifth year', () => {
    for (let y = 2014; y <= 2040; y++) {
      expect(holidaysForYear(y).some((d) => d.date === `${y}-05-05`)).toBe(true);
    }
  });

  it('Atw art. 3(2): Good Friday counts as a holiday; Easter Sunday and Whit Sunday are not listed', () => {
    const days = holidaysForYear(2025);
    expect(days.find((d) => d.date === '2025-04-18')).toMatchObject({ name: 'Goede Vrijdag', nameEn: 'Good Friday' });
    expect(days.some((d) => d.date === '2025-04-20')).toBe(false);
    expect(days.some((d) => d.date === '2025-06-08')).toBe(false);
  });

  it('holidays on a weekend are still listed (Christmas 2021 on Saturday and Sunday)', () => {
    const dates = holidaysForYear(2021).map((d) => d.date);
    expect(dates).toContain('2021-12-25');
    expect(dates).toContain('2021-12-26');
  });

  it('coinciding holidays are merged into one date with both names (Ascension Day on 5 May 2016)', () => {
    const days = holidaysForYear(2016);
    const may5 = days.filter((d) => d.date === '2016-05-05');
    expect(may5).toEqual([
      { date: '2016-05-05', name: 'Bevrijdingsdag / Hemelvaartsdag', nameEn: 'Liberation Day / Ascension Day', kind: 'statutory' },
    ]);
    expect(days).toHaveLength(8);
    // statutoryHolidays keeps both entries
    expect(statutoryHolidays(2016).filter((d) => d.date === '2016-05-05')).toHaveLength(2);
  });

  it('every holiday has a Dutch and an English name', () => {
    for (let y = 2014; y <= 2035; y++) {
      for (const d of holidaysForYear(y)) {
        expect(d.name.length).toBeGreaterThan(0);
        expect(d.nameEn.length).toBeGreaterThan(0);
      }
    }
  });

  it('results are sorted by date and unique', () => {
    for (let y = 2014; y <= 2100; y++) {
      const dates = holidaysForYear(y).map((d) => d.date);
      expect([...dates].sort()).toEqual(dates);
      expect(new Set(dates).size).toBe(dates.length);
    }
  });
});

describe('decree days (Besluit gelijkstelling, Atw art. 3(3))', () => {
  it('KNOWN_DECREE_DAYS holds exactly the days listed in the spec', () => {
    expect(KNOWN_DECREE_DAYS.map((d) => d.date)).toEqual([
      '2017-04-28', '2017-05-26', '2018-05-11', '2018-12-24', '2018-12-31', '2019-05-31', '2019-12-27',
      '2022-05-27', '2023-04-28', '2023-05-19', '2024-05-10', '2024-12-27', '2025-05-30', '2026-01-02',
      '2026-05-15', '2027-05-07', '2028-04-28', '2028-05-26',
    ]);
    expect(Object.isFrozen(KNOWN_DECREE_DAYS)).toBe(true);
  });

  it('each decree day is a weekday next to a statutory holiday, and its name says which', () => {
    for (const d of KNOWN_DECREE_DAYS) {
      const wd = weekdayOf(d.date);
      expect(wd === 1 || wd === 5).toBe(true);
      expect(d.name).toMatch(/\(gelijkgesteld bij KB\)$/);
      expect(d.nameEn).toMatch(/\(made equal by royal decree\)$/);
    }
    // the "day after X" names are right
    const year = (d: string) => Number(d.slice(0, 4));
    for (const d of KNOWN_DECREE_DAYS.filter((x) => x.name.startsWith('Dag na '))) {
      const holidayName = d.name.replace(/^Dag na /, '').replace(/ \(gelijkgesteld bij KB\)$/, '');
      const holiday = statutoryHolidays(year(d.date)).find((h) => h.name === holidayName);
      expect(holiday, d.date).toBeDefined();
      const next = new Date(Date.parse(`${holiday!.date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      expect(next).toBe(d.date);
    }
  });

  it('holidaysForYear uses the decree days passed in (admin-entered) instead of the built-in table', () => {
    const custom = [{ date: '2029-05-11', name: 'Dag na Hemelvaartsdag (gelijkgesteld bij KB)' }];
    const days = holidaysForYear(2029, custom);
    expect(days.find((d) => d.date === '2029-05-11')).toEqual({
      date: '2029-05-11',
      name: 'Dag na Hemelvaartsdag (gelijkgesteld bij KB)',
      nameEn: 'Dag na Hemelvaartsdag (gelijkgesteld bij KB)',
      kind: 'decree',
    });
    expect(holidaysForYear(2025, []).some((d) => d.date === '2025-05-30')).toBe(false);
  });

  it('a decree day that coincides with a statutory holiday stays statutory', () => {
    const days = holidaysForYear(2030, [{ date: '2030-12-25', name: 'Extra', nameEn: 'Extra' }]);
    expect(days.find((d) => d.date === '2030-12-25')).toEqual({
      date: '2030-12-25', name: 'Eerste Kerstdag / Extra', nameEn: 'Christmas Day / Extra', kind: 'statutory',
    });
  });
});

describe('statutoryHolidays order and the last supported year', () => {
  it('Atw art. 3: statutoryHolidays lists the days by date, Ascension Day before 5 May when Easter is early (2035)', () => {
    // Easter Sunday 25 March 2035: Good Friday 23 March, Easter Monday 26 March, Ascension (+39) 3 May, Whit Monday (+50) 14 May
    expect(statutoryHolidays(2035).map((d) => [d.date, d.name])).toEqual([
      ['2035-01-01', 'Nieuwjaarsdag'],
      ['2035-03-23', 'Goede Vrijdag'],
      ['2035-03-26', 'Tweede Paasdag'],
      ['2035-04-27', 'Koningsdag'],
      ['2035-05-03', 'Hemelvaartsdag'],
      ['2035-05-05', 'Bevrijdingsdag'],
      ['2035-05-14', 'Tweede Pinksterdag'],
      ['2035-12-25', 'Eerste Kerstdag'],
      ['2035-12-26', 'Tweede Kerstdag'],
    ]);
  });

  it('Atw art. 3: two holidays on one date keep the order of the Atw (Bevrijdingsdag, then Hemelvaartsdag, 5 May 2016)', () => {
    expect(statutoryHolidays(2016).map((d) => [d.date, d.name])).toEqual([
      ['2016-01-01', 'Nieuwjaarsdag'],
      ['2016-03-25', 'Goede Vrijdag'],
      ['2016-03-28', 'Tweede Paasdag'],
      ['2016-04-27', 'Koningsdag'],
      ['2016-05-05', 'Bevrijdingsdag'],
      ['2016-05-05', 'Hemelvaartsdag'],
      ['2016-05-16', 'Tweede Pinksterdag'],
      ['2016-12-25', 'Eerste Kerstdag'],
      ['2016-12-26', 'Tweede Kerstdag'],
    ]);
  });

  it('9999 is the last year with holidays (Easter 28 March 9999, King\'s Day Tuesday 27 April); 10000 is refused', () => {
    expect(easterSunday(9999)).toBe('9999-03-28');
    expect(kingsDay(9999)).toBe('9999-04-27');
    expect(statutoryHolidays(9999).map((d) => d.date).at(-1)).toBe('9999-12-26');
    expect(() => easterSunday(10000)).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_YEAR', year: 10000 }));
    expect(() => kingsDay(10000)).toThrow(UnsupportedYearError);
    expect(() => holidaysForYear(10000)).toThrow(UnsupportedYearError);
  });
});

describe('merging days that share a date', () => {
  it('README Calendar: an organisation closing day entered on a decree day adds no second name and stays a decree day', () => {
    const org = new WorkingCalendar({
      decreeDays: KNOWN_DECREE_DAYS,
      extraClosingDays: [{
        date: '2025-05-30',
        name: 'Dag na Hemelvaartsdag (gelijkgesteld bij KB)',
        nameEn: 'Day after Ascension Day (made equal by royal decree)',
      }],
    });
    expect(org.holidayOn('2025-05-30')).toEqual({
      date: '2025-05-30',
      name: 'Dag na Hemelvaartsdag (gelijkgesteld bij KB)',
      nameEn: 'Day after Ascension Day (made equal by royal decree)',
      kind: 'decree',
    });
  });

  it('a name already in a joined name is not added again (Hemelvaartsdag entered on 5 May 2016)', () => {
    const days = holidaysForYear(2016, [{ date: '2016-05-05', name: 'Hemelvaartsdag', nameEn: 'Ascension Day' }]);
    expect(days.filter((d) => d.date === '2016-05-05')).toEqual([
      { date: '2016-05-05', name: 'Bevrijdingsdag / Hemelvaartsdag', nameEn: 'Liberation Day / Ascension Day', kind: 'statutory' },
    ]);
  });

  it('the strongest kind wins whatever the order (statutory > decree > organisation), names in the order given', () => {
    const day = (name: string, kind: CalendarDayKind): CalendarDay => ({ date: '2030-12-24', name, nameEn: `${name} (en)`, kind });
    expect(mergeCalendarDays([day('Sluiting', 'organisation'), day('Besluit', 'decree'), day('Wet', 'statutory')])).toEqual([
      { date: '2030-12-24', name: 'Sluiting / Besluit / Wet', nameEn: 'Sluiting (en) / Besluit (en) / Wet (en)', kind: 'statutory' },
    ]);
    expect(mergeCalendarDays([day('Sluiting', 'organisation'), day('Besluit', 'decree')])[0]!.kind).toBe('decree');
    expect(mergeCalendarDays([day('Besluit', 'decree'), day('Sluiting', 'organisation')])[0]!.kind).toBe('decree');
  });

  it('mergeCalendarDays sorts by date', () => {
    const day = (date: string): CalendarDay => ({ date, name: date, nameEn: date, kind: 'organisation' });
    expect(mergeCalendarDays([day('2030-12-24'), day('2030-01-02'), day('2030-06-30')]).map((d) => d.date)).toEqual([
      '2030-01-02', '2030-06-30', '2030-12-24',
    ]);
  });
});
