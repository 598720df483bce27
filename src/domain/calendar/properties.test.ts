import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addPeriod, WorkingCalendar } from './calendar.ts';
import type { CalendarPeriodUnit, PeriodUnit } from './calendar.ts';
import { applyDeadlineAdjustments } from './deadline-adjustments.ts';
import { computeDue } from './due.ts';
import type { DeadlineAdjustmentError } from './errors.ts';
import { KNOWN_DECREE_DAYS } from './holidays.ts';

const atw = new WorkingCalendar();
const MS_PER_DAY = 86_400_000;
const BASE = Date.UTC(2018, 0, 1);
const SPAN = (Date.UTC(2035, 11, 31) - BASE) / MS_PER_DAY;

/** Independent oracle (plain JS Date in UTC): 2018-01-01 + k days. */
const isoOf = (k: number): string => new Date(BASE + k * MS_PER_DAY).toISOString().slice(0, 10);
const dayOf = (iso: string): number => (Date.parse(`${iso}T00:00:00Z`) - BASE) / MS_PER_DAY;

const dateArb = fc.integer({ min: 0, max: SPAN }).map(isoOf);
const amountArb = fc.integer({ min: 0, max: 400 });
const signedAmountArb = fc.integer({ min: -400, max: 400 });
const calendarUnitArb = fc.constantFrom<CalendarPeriodUnit>('days', 'weeks', 'months', 'years');
const unitArb = fc.constantFrom<PeriodUnit>('working_days', 'days', 'weeks', 'months', 'years');
/** Amounts that keep the result inside 2018–2035 + a margin for every unit. */
const amountFor = (unit: PeriodUnit, n: number): number =>
  unit === 'years' ? n % 6 : unit === 'months' ? n % 60 : unit === 'weeks' ? n % 200 : n;

/** A calendar with a few random organisation closing days. */
const orgCalendarArb = fc
  .uniqueArray(fc.integer({ min: 0, max: SPAN }), { maxLength: 30 })
  .map((days) => new WorkingCalendar({
    decreeDays: KNOWN_DECREE_DAYS,
    extraClosingDays: days.map((k) => ({ date: isoOf(k), name: 'Sluitingsdag' })),
  }));

/** Naive count of working days in (from, to], by walking day by day. */
function naiveWorkingDaysBetween(cal: WorkingCalendar, from: string, to: string): number {
  let count = 0;
  for (let k = dayOf(from) + 1; k <= dayOf(to); k++) if (cal.isWorkingDay(isoOf(k))) count += 1;
  return count;
}

describe('properties of working-day arithmetic (fast-check, 2018–2035)', () => {
  it('addWorkingDays is monotonic in n', () => {
    fc.assert(fc.property(dateArb, signedAmountArb, signedAmountArb, (d, a, b) => {
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      expect(atw.addWorkingDays(d, lo) <= atw.addWorkingDays(d, hi)).toBe(true);
    }));
  });

  it('addWorkingDays is monotonic in the start date', () => {
    fc.assert(fc.property(dateArb, dateArb, signedAmountArb, (x, y, n) => {
      const [d1, d2] = x <= y ? [x, y] : [y, x];
      expect(atw.addWorkingDays(d1, n) <= atw.addWorkingDays(d2, n)).toBe(true);
    }));
  });

  it('addWorkingDays(d, n) for n != 0 is a working day, strictly after (n > 0) or before (n < 0) d, also with organisation closing days', () => {
    fc.assert(fc.property(orgCalendarArb, dateArb, signedAmountArb.filter((n) => n !== 0), (cal, d, n) => {
      const r = cal.addWorkingDays(d, n);
      expect(cal.isWorkingDay(r)).toBe(true);
      expect(n > 0 ? r > d : r < d).toBe(true);
    }), { numRuns: 50 });
  });

  it('addWorkingDays(d, n) equals n applications of addWorkingDays(·, ±1)', () => {
    fc.assert(fc.property(dateArb, signedAmountArb, (d, n) => {
      let step = d;
      for (let i = 0; i < Math.abs(n); i++) step = atw.addWorkingDays(step, Math.sign(n));
      expect(atw.addWorkingDays(d, n)).toBe(step);
    }));
  });

  it('workingDaysBetween(d, addWorkingDays(d, n)) === n (n >= 0; n < 0 when d is a working day)', () => {
    fc.assert(fc.property(dateArb, signedAmountArb, (d, n) => {
      fc.pre(n >= 0 || atw.isWorkingDay(d));
      expect(atw.workingDaysBetween(d, atw.addWorkingDays(d, n))).toBe(n);
    }));
  });

  it('workingDaysBetween agrees with a day-by-day count and is additive', () => {
    fc.assert(fc.property(orgCalendarArb, dateArb, dateArb, dateArb, (cal, x, y, z) => {
      const [a, b, c] = [x, y, z].sort();
      expect(cal.workingDaysBetween(a!, c!)).toBe(naiveWorkingDaysBetween(cal, a!, c!));
      expect(cal.workingDaysBetween(a!, b!) + cal.workingDaysBetween(b!, c!)).toBe(cal.workingDaysBetween(a!, c!));
      expect(cal.workingDaysBetween(c!, a!)).toBe(-cal.workingDaysBetween(a!, c!));
    }), { numRuns: 30 });
  });

  it('onOrAfterWorkingDay is the first working day on or after d', () => {
    fc.assert(fc.property(dateArb, (d) => {
      const r = atw.onOrAfterWorkingDay(d);
      expect(atw.isWorkingDay(r)).toBe(true);
      expect(atw.workingDaysBetween(d, r)).toBe(atw.isWorkingDay(d) ? 0 : 1);
    }));
  });
});

describe('properties of addPeriod (fast-check)', () => {
  it('README Calendar: months are calendar months clamped to the month end (independent oracle)', () => {
    fc.assert(fc.property(dateArb, fc.integer({ min: -120, max: 120 }), calendarUnitArb, (d, n, unit) => {
      const [y, m, day] = d.split('-').map(Number) as [number, number, number];
      let expected: string;
      if (unit === 'days' || unit === 'weeks') {
        expected = isoOf(dayOf(d) + n * (unit === 'weeks' ? 7 : 1));
      } else {
        const months = unit === 'years' ? n * 12 : n;
        const total = y * 12 + (m - 1) + months;
        const ty = Math.floor(total / 12);
        const tm = (total % 12) + 1;
        const lastDay = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
        expected = `${ty}-${String(tm).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
      }
      expect(addPeriod(d, n, unit)).toBe(expected);
    }));
  });
});

describe('properties of computeDue (fast-check)', () => {
  it('the due date is never a non-working day (calendar units, any amount; working_days with amount > 0)', () => {
    fc.assert(fc.property(dateArb, amountArb, unitArb, (start, n, unit) => {
      const amount = amountFor(unit, n);
      fc.pre(unit !== 'working_days' || amount > 0);
      const due = computeDue(atw, { start, amount, unit });
      expect(atw.isWorkingDay(due.due)).toBe(true);
    }));
  });

  it('computeDue(...).due >= unadjustedDue, and every adjustment moves later', () => {
    fc.assert(fc.property(dateArb, amountArb, unitArb, (start, n, unit) => {
      const due = computeDue(atw, { start, amount: amountFor(unit, n), unit });
      expect(due.due >= due.unadjustedDue).toBe(true);
      let current = due.unadjustedDue;
      for (const adj of due.adjustments) {
        expect(adj.from).toBe(current);
        expect(adj.to > adj.from).toBe(true);
        current = adj.to;
      }
      expect(current).toBe(due.due);
    }));
  });

  it('Atw art. 1: without an art. 2 extension the due date is the first working day on or after the calendar end', () => {
    fc.assert(fc.property(dateArb, amountArb, calendarUnitArb, (start, n, unit) => {
      const due = computeDue(atw, { start, amount: amountFor(unit, n), unit });
      fc.pre(!due.adjustments.some((a) => a.rule === 'ATW_ART2'));
      expect(due.due).toBe(atw.onOrAfterWorkingDay(due.unadjustedDue));
    }));
  });

  it('Atw art. 2: a period of at least three days contains at least two working days', () => {
    fc.assert(fc.property(dateArb, fc.integer({ min: 3, max: 20 }), (start, amount) => {
      const due = computeDue(atw, { start, amount, unit: 'days' });
      expect(atw.workingDaysBetween(start, due.due)).toBeGreaterThanOrEqual(2);
      // and never more than needed: either art. 2 did not apply, or the due date is the 2nd working day
      if (due.adjustments.some((a) => a.rule === 'ATW_ART2')) expect(due.due).toBe(atw.addWorkingDays(start, 2));
    }));
  });
});

describe('properties of pauses and extensions (fast-check)', () => {
  const baseArb = fc
    .tuple(dateArb, amountArb, unitArb)
    .map(([start, n, unit]) => computeDue(atw, { start, amount: amountFor(unit, n), unit }));

  it('a pause of zero length changes nothing', () => {
    fc.assert(fc.property(baseArb, fc.double({ min: 0, max: 1, noNaN: true }), (base, t) => {
      const span = dayOf(base.due) - dayOf(base.start);
      const from = isoOf(dayOf(base.start) + Math.floor(t * span));
      const result = applyDeadlineAdjustments(atw, base, [{ kind: 'pause', from, until: from, reason: 'r', by: 'u' }]);
      expect(result.due).toBe(base.due);
      expect(result.originalDue).toBe(base.due);
    }));
  });

  it('a closed pause never moves the due date earlier, and a non-empty one moves it later when it covers a working day', () => {
    fc.assert(fc.property(baseArb, fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 60 }), (base, t, len) => {
      const span = dayOf(base.due) - dayOf(base.start);
      const fromDay = dayOf(base.start) + Math.floor(t * span);
      const from = isoOf(fromDay);
      const until = isoOf(fromDay + len);
      const result = applyDeadlineAdjustments(atw, base, [{ kind: 'pause', from, until, reason: 'r', by: 'u' }]);
      expect(result.due! >= base.due).toBe(true);
      const pausedWorkingDays = naiveWorkingDaysBetween(atw, isoOf(fromDay - 1), isoOf(fromDay + len - 1));
      if (base.unit === 'working_days' ? pausedWorkingDays > 0 : len > 0) expect(result.due! > base.due).toBe(true);
    }));
  });

  it('an extension never moves the due date earlier (it is refused instead)', () => {
    fc.assert(fc.property(baseArb, fc.integer({ min: -100, max: 100 }), (base, delta) => {
      const newDue = isoOf(dayOf(base.due) + delta);
      try {
        const result = applyDeadlineAdjustments(atw, base, [{ kind: 'extension', newDue, reason: 'r', by: 'u' }]);
        expect(result.due! > base.due).toBe(true);
        expect(result.due).toBe(newDue);
      } catch (e) {
        expect(delta).toBeLessThanOrEqual(0);
        expect((e as DeadlineAdjustmentError).violation).toBe('EXTENSION_NOT_LATER');
      }
    }));
  });
});
