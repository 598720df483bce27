import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from './calendar.ts';
import type { PeriodUnit } from './calendar.ts';
import { atwArticle2, computeDue } from './due.ts';
import { InvalidAmountError, InvalidDateError, UnknownUnitError } from './errors.ts';
import { KNOWN_DECREE_DAYS } from './holidays.ts';

const atw = new WorkingCalendar();

// These tests prove the calendar: each passes the period (amount and unit) itself, taken from a
// deadline of omslagroute.md §5.1 for a realistic date. That the deadline table holds those periods
// (D-05 is 5 working days, …) is proven in src/domain/trajectories/route.test.ts ("the deadline table").
describe('computeDue: working-day periods as used by the deadlines of §5.1 (the period given by the test)', () => {
  it('D-05: 5 working days after the dwelling becomes available skips Good Friday and Easter Monday', () => {
    // Thu 2 Apr 2026; Fri 3 Good Friday, Mon 6 Easter Monday
    const due = computeDue(atw, { ruleId: 'D-05', start: '2026-04-02', amount: 5, unit: 'working_days' });
    expect(due).toEqual({
      ruleId: 'D-05',
      start: '2026-04-02',
      amount: 5,
      unit: 'working_days',
      unadjustedDue: '2026-04-13',
      due: '2026-04-13',
      adjustments: [],
    });
  });

  it('D-13: 5 working days after Wonen receives the nomination skips Christmas and Boxing Day', () => {
    const due = computeDue(atw, { ruleId: 'D-13', start: '2025-12-19', amount: 5, unit: 'working_days' });
    expect(due.due).toBe('2025-12-30');
    expect(due.adjustments).toEqual([]);
  });

  it('D-02: 1 working day to reply to an offer made on the Friday before Whit Monday', () => {
    expect(computeDue(atw, { ruleId: 'D-02', start: '2025-06-06', amount: 1, unit: 'working_days' }).due).toBe('2025-06-10');
  });

  it('D-03: 2 working days after the dwelling is available on the day before a decree day', () => {
    // Thu 29 May 2025 Ascension Day, Fri 30 May decree day
    expect(computeDue(atw, { ruleId: 'D-03', start: '2025-05-28', amount: 2, unit: 'working_days' }).due).toBe('2025-06-03');
  });

  it('README Calendar: "N working days after E" gets no Atw adjustment; 0 working days is the day of E', () => {
    const zero = computeDue(atw, { start: '2025-06-07', amount: 0, unit: 'working_days' });
    expect(zero.due).toBe('2025-06-07');
    expect(zero.adjustments).toEqual([]);
  });

  it('ruleId defaults to null', () => {
    expect(computeDue(atw, { start: '2025-06-02', amount: 1, unit: 'working_days' }).ruleId).toBeNull();
  });
});

describe('computeDue: Atw art. 1 (period ending on a non-working day moves to the next working day)', () => {
  it('D-07: 6 weeks after a key handover on Mon 23 Feb 2026 ends on Easter Monday and moves to Tuesday', () => {
    const due = computeDue(atw, { ruleId: 'D-07', start: '2026-02-23', amount: 6, unit: 'weeks' });
    expect(due.unadjustedDue).toBe('2026-04-06');
    expect(due.due).toBe('2026-04-07');
    expect(due.adjustments).toEqual([
      {
        rule: 'ATW_ART1',
        from: '2026-04-06',
        to: '2026-04-07',
        reason:
          'Einddatum valt op Tweede Paasdag (maandag 6 april 2026); verschoven naar de eerstvolgende werkdag, dinsdag 7 april 2026 (Atw art. 1)',
        reasonEn:
          'End date falls on Easter Monday (Monday 6 April 2026); moved to the next working day, Tuesday 7 April 2026 (Atw art. 1)',
      },
    ]);
  });

  it('D-07: 6 weeks ending on a Saturday moves to the Monday', () => {
    const due = computeDue(atw, { ruleId: 'D-07', start: '2025-03-01', amount: 6, unit: 'weeks' });
    expect(due.unadjustedDue).toBe('2025-04-12');
    expect(due.due).toBe('2025-04-14');
    expect(due.adjustments).toHaveLength(1);
    expect(due.adjustments[0]!.reason).toBe(
      'Einddatum valt op een zaterdag (12 april 2025); verschoven naar de eerstvolgende werkdag, maandag 14 april 2025 (Atw art. 1)',
    );
    expect(due.adjustments[0]!.reasonEn).toContain('falls on a Saturday (12 April 2025)');
  });

  it('D-08: 3 months after key handover clamps 30 Nov + 3 months = 28 Feb, a Saturday, so due Monday 2 March', () => {
    const due = computeDue(atw, { ruleId: 'D-08', start: '2025-11-30', amount: 3, unit: 'months' });
    expect(due.unadjustedDue).toBe('2026-02-28');
    expect(due.due).toBe('2026-03-02');
    expect(due.adjustments.map((a) => a.rule)).toEqual(['ATW_ART1']);
  });

  it('D-08: 30 Nov 2023 + 3 months = 29 Feb 2024 (leap year), a Thursday: no adjustment', () => {
    const due = computeDue(atw, { ruleId: 'D-08', start: '2023-11-30', amount: 3, unit: 'months' });
    expect(due.due).toBe('2024-02-29');
    expect(due.adjustments).toEqual([]);
  });

  it('D-01: 3 months ending on King\'s Day (Saturday 26 April 2025) names King\'s Day', () => {
    const due = computeDue(atw, { ruleId: 'D-01', start: '2025-01-26', amount: 3, unit: 'months' });
    expect(due.due).toBe('2025-04-28');
    expect(due.adjustments[0]!.reason).toContain('Koningsdag (zaterdag 26 april 2025)');
    expect(due.adjustments[0]!.reasonEn).toContain("King's Day (Saturday 26 April 2025)");
  });

  it('D-09: 1 year of intermediate lease from 29 Feb 2024 ends on 28 Feb 2025', () => {
    expect(computeDue(atw, { ruleId: 'D-09', start: '2024-02-29', amount: 1, unit: 'years' }).due).toBe('2025-02-28');
  });

  it('Atw art. 1: a decree day counts as a non-working day (2 Jan 2026)', () => {
    const due = computeDue(atw, { start: '2025-12-02', amount: 1, unit: 'months' });
    expect(due.unadjustedDue).toBe('2026-01-02');
    expect(due.due).toBe('2026-01-05');
    expect(due.adjustments[0]!.reason).toContain('Dag na Nieuwjaarsdag (gelijkgesteld bij KB)');
  });

  it('README Calendar: a per-organisation extra closing day moves the due date too', () => {
    const org = new WorkingCalendar({
      decreeDays: KNOWN_DECREE_DAYS,
      extraClosingDays: [{ date: '2025-10-03', name: 'Studiedag', nameEn: 'Staff training day' }],
    });
    expect(computeDue(atw, { start: '2025-09-03', amount: 1, unit: 'months' }).due).toBe('2025-10-03');
    const due = computeDue(org, { start: '2025-09-03', amount: 1, unit: 'months' });
    expect(due.due).toBe('2025-10-06');
    expect(due.adjustments[0]!.reason).toContain('Studiedag');
    expect(due.adjustments[0]!.reasonEn).toContain('Staff training day');
  });
});

describe('computeDue: Atw art. 2 (a period of at least three days contains at least two working days)', () => {
  it('Atw art. 2: a period of at least three days contains at least two working days (3 days from Wed 24 Dec 2025)', () => {
    const due = computeDue(atw, { start: '2025-12-24', amount: 3, unit: 'days' });
    expect(due.unadjustedDue).toBe('2025-12-27');
    expect(due.due).toBe('2025-12-30');
    expect(due.adjustments.map((a) => [a.rule, a.from, a.to])).toEqual([
      ['ATW_ART1', '2025-12-27', '2025-12-29'],
      ['ATW_ART2', '2025-12-29', '2025-12-30'],
    ]);
    expect(due.adjustments[1]!.reason).toBe(
      'Termijn van ten minste drie dagen bevat tot en met maandag 29 december 2025 slechts 1 werkdag ' +
        '(niet-werkdagen: Eerste Kerstdag, Tweede Kerstdag, zaterdag, zondag); verlengd tot de tweede werkdag na de begindatum, ' +
        'dinsdag 30 december 2025 (Atw art. 2)',
    );
    expect(due.adjustments[1]!.reasonEn).toContain('Christmas Day, Boxing Day, Saturday, Sunday');
  });

  it('Atw art. 2: 3 days from Maundy Thursday 2026 (Good Friday, Easter weekend, Easter Monday) ends on Wednesday', () => {
    const due = computeDue(atw, { start: '2026-04-02', amount: 3, unit: 'days' });
    expect(due.unadjustedDue).toBe('2026-04-05');
    expect(due.due).toBe('2026-04-08');
    expect(due.adjustments.map((a) => a.rule)).toEqual(['ATW_ART1', 'ATW_ART2']);
  });

  it('Atw art. 2: 3 days from Tue 24 Dec 2024 across Christmas and the decree day of 27 Dec', () => {
    const due = computeDue(atw, { start: '2024-12-24', amount: 3, unit: 'days' });
    expect(due.unadjustedDue).toBe('2024-12-27');
    expect(due.due).toBe('2024-12-31');
    expect(due.adjustments.map((a) => [a.rule, a.to])).toEqual([
      ['ATW_ART1', '2024-12-30'],
      ['ATW_ART2', '2024-12-31'],
    ]);
  });

  it('Atw art. 2 does not apply to a period shorter than three days (2 days from 24 Dec 2025)', () => {
    const due = computeDue(atw, { start: '2025-12-24', amount: 2, unit: 'days' });
    expect(due.due).toBe('2025-12-29');
    expect(due.adjustments.map((a) => a.rule)).toEqual(['ATW_ART1']);
  });

  it('Atw art. 2 is not needed when the moved period already holds two working days', () => {
    const due = computeDue(atw, { start: '2025-01-02', amount: 3, unit: 'days' });
    expect(due.due).toBe('2025-01-06');
    expect(due.adjustments.map((a) => a.rule)).toEqual(['ATW_ART1']);
  });
});

describe('computeDue: input validation', () => {
  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects amount %s with INVALID_AMOUNT', (amount) => {
    expect(() => computeDue(atw, { start: '2025-01-06', amount, unit: 'days' })).toThrow(InvalidAmountError);
    expect(() => computeDue(atw, { start: '2025-01-06', amount, unit: 'working_days' })).toThrow(
      expect.objectContaining({ code: 'INVALID_AMOUNT' }),
    );
  });

  it('rejects an unknown unit with UNKNOWN_UNIT', () => {
    expect(() => computeDue(atw, { start: '2025-01-06', amount: 1, unit: 'fortnights' as PeriodUnit })).toThrow(UnknownUnitError);
    expect(() => computeDue(atw, { start: '2025-01-06', amount: 1, unit: 'fortnights' as PeriodUnit })).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_UNIT' }),
    );
  });

  it('rejects an invalid start date with INVALID_DATE', () => {
    expect(() => computeDue(atw, { start: '2025-02-29', amount: 1, unit: 'days' })).toThrow(InvalidDateError);
  });
});

describe('Atw art. 2: which non-working days the reason names', () => {
  it('Atw art. 2: the start day itself is not in the period (3 days from Christmas Day 2025 name Boxing Day, not Christmas Day)', () => {
    // (Thu 25 Dec, Sun 28 Dec] → Atw art. 1: Mon 29 Dec; (25 Dec, 29 Dec] holds one working day → Tue 30 Dec
    const due = computeDue(atw, { start: '2025-12-25', amount: 3, unit: 'days' });
    expect(due.adjustments.map((a) => [a.rule, a.from, a.to])).toEqual([
      ['ATW_ART1', '2025-12-28', '2025-12-29'],
      ['ATW_ART2', '2025-12-29', '2025-12-30'],
    ]);
    expect(due.adjustments[1]!.reason).toBe(
      'Termijn van ten minste drie dagen bevat tot en met maandag 29 december 2025 slechts 1 werkdag ' +
        '(niet-werkdagen: Tweede Kerstdag, zaterdag, zondag); verlengd tot de tweede werkdag na de begindatum, ' +
        'dinsdag 30 december 2025 (Atw art. 2)',
    );
    expect(due.adjustments[1]!.reasonEn).toBe(
      'Period of at least three days contains only 1 working day up to and including Monday 29 December 2025 ' +
        '(non-working days: Boxing Day, Saturday, Sunday); extended to the second working day after the start date, ' +
        'Tuesday 30 December 2025 (Atw art. 2)',
    );
  });

  it('Atw art. 2: each non-working day is named once, though a weekday or closing day recurs (an office closed 29–31 Dec 2025)', () => {
    const org = new WorkingCalendar({
      decreeDays: KNOWN_DECREE_DAYS,
      extraClosingDays: ['2025-12-29', '2025-12-30', '2025-12-31'].map((date) => ({ date, name: 'Kerstsluiting', nameEn: 'Christmas closure' })),
    });
    // 24 Dec + 3 days = Sat 27 Dec; the next working day is Mon 5 Jan 2026 (closure, New Year, decree day 2 Jan, weekend)
    const due = computeDue(org, { start: '2025-12-24', amount: 3, unit: 'days' });
    expect(due.adjustments.map((a) => [a.rule, a.from, a.to])).toEqual([
      ['ATW_ART1', '2025-12-27', '2026-01-05'],
      ['ATW_ART2', '2026-01-05', '2026-01-06'],
    ]);
    expect(due.adjustments[1]!.reason).toContain(
      '(niet-werkdagen: Eerste Kerstdag, Tweede Kerstdag, zaterdag, zondag, Kerstsluiting, Nieuwjaarsdag, ' +
        'Dag na Nieuwjaarsdag (gelijkgesteld bij KB));',
    );
    expect(due.adjustments[1]!.reasonEn).toContain(
      "(non-working days: Christmas Day, Boxing Day, Saturday, Sunday, Christmas closure, New Year's Day, " +
        "Day after New Year's Day (made equal by royal decree));",
    );
  });

  it('Atw art. 2 on its own: a period (Wed 24, Sat 27 Dec 2025] with no working day names its last day too', () => {
    expect(atwArticle2(atw, '2025-12-24', '2025-12-27', '2025-12-27')).toEqual({
      rule: 'ATW_ART2',
      from: '2025-12-27',
      to: '2025-12-30',
      reason:
        'Termijn van ten minste drie dagen bevat tot en met zaterdag 27 december 2025 slechts 0 werkdagen ' +
        '(niet-werkdagen: Eerste Kerstdag, Tweede Kerstdag, zaterdag); verlengd tot de tweede werkdag na de begindatum, ' +
        'dinsdag 30 december 2025 (Atw art. 2)',
      reasonEn:
        'Period of at least three days contains only 0 working days up to and including Saturday 27 December 2025 ' +
        '(non-working days: Christmas Day, Boxing Day, Saturday); extended to the second working day after the start date, ' +
        'Tuesday 30 December 2025 (Atw art. 2)',
    });
  });
});

describe('computeDue: which error a wrong request gets', () => {
  it('a non-integer amount is refused as INVALID_AMOUNT even when the unit is unknown too', () => {
    expect(() => computeDue(atw, { start: '2025-01-06', amount: 1.5, unit: 'fortnights' as PeriodUnit })).toThrow(
      expect.objectContaining({ code: 'INVALID_AMOUNT', amount: 1.5 }),
    );
    expect(() => computeDue(atw, { start: '2025-01-06', amount: -1, unit: 'fortnights' as PeriodUnit })).toThrow(
      expect.objectContaining({ code: 'INVALID_AMOUNT', amount: -1 }),
    );
  });
});
