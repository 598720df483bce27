import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dateInWords, decimalComma, elapsedMonths, monthShare, periodView, proRatedTarget, regionName } from './period.ts';

describe('monitor period seen from today (issue 9)', () => {
  it('M-06: on 4 December 2026 the running month is pro-rated: 11 + 4/31 twelfths, stand per today', () => {
    const p = periodView(2026, 12, '2026-12-04');
    expect(p).toEqual({ state: 'running', periodEnd: '2026-12-31', asOf: '2026-12-04', elapsedMonths: 11 + 4 / 31, monthFraction: 4 / 31 });
    // 420 a year: 420 × (11 + 4/31) / 12 = 385 + 140/31 = 389.516…
    expect(proRatedTarget(420, p.elapsedMonths)).toBeCloseTo(389.516129, 5);
    // December's own share to date: 35 × 4/31 = 4.516…
    expect(monthShare(420, p.monthFraction)).toBeCloseTo(4.516129, 5);
  });

  it('M-06: on the last day of the month the month is closed and the spec twelfths hold exactly (31 December)', () => {
    expect(periodView(2026, 12, '2026-12-31')).toEqual({ state: 'closed', periodEnd: '2026-12-31', asOf: '2026-12-31', elapsedMonths: 12, monthFraction: 1 });
    expect(proRatedTarget(420, 12)).toBe(420);
    expect(monthShare(420, 1)).toBe(35);
  });

  it('M-06: on the 1st of the month one day of it has passed', () => {
    expect(periodView(2026, 3, '2026-03-01')).toEqual({ state: 'running', periodEnd: '2026-03-31', asOf: '2026-03-01', elapsedMonths: 2 + 1 / 31, monthFraction: 1 / 31 });
    expect(periodView(2026, 1, '2026-01-01').elapsedMonths).toBe(1 / 31);
  });

  it('M-06: a month that is over stands at its month end (leap day 29 February 2024, 28 February 2026)', () => {
    expect(periodView(2024, 2, '2024-03-01')).toEqual({ state: 'closed', periodEnd: '2024-02-29', asOf: '2024-02-29', elapsedMonths: 2, monthFraction: 1 });
    expect(periodView(2024, 2, '2024-02-29')).toEqual({ state: 'closed', periodEnd: '2024-02-29', asOf: '2024-02-29', elapsedMonths: 2, monthFraction: 1 });
    expect(periodView(2024, 2, '2024-02-28')).toEqual({ state: 'running', periodEnd: '2024-02-29', asOf: '2024-02-28', elapsedMonths: 1 + 28 / 29, monthFraction: 28 / 29 });
    expect(periodView(2026, 2, '2026-02-28').state).toBe('closed');
    expect(periodView(2026, 6, '2026-12-04')).toEqual({ state: 'closed', periodEnd: '2026-06-30', asOf: '2026-06-30', elapsedMonths: 6, monthFraction: 1 });
  });

  it('M-06: a month that has not begun stands at today with nothing (or only the elapsed part of the year) due', () => {
    expect(periodView(2027, 1, '2026-12-04')).toEqual({ state: 'future', periodEnd: '2027-01-31', asOf: '2026-12-04', elapsedMonths: 0, monthFraction: 0 });
    expect(periodView(2026, 12, '2026-11-30')).toEqual({ state: 'future', periodEnd: '2026-12-31', asOf: '2026-11-30', elapsedMonths: 11, monthFraction: 0 });
  });

  it('M-06: elapsed twelfths are 0 before the year and 12 after it', () => {
    expect(elapsedMonths(2026, '2025-12-31')).toBe(0);
    expect(elapsedMonths(2026, '2027-01-01')).toBe(12);
    expect(elapsedMonths(2026, '2026-06-30')).toBe(6);
    expect(elapsedMonths(2026, '2026-07-15')).toBe(6 + 15 / 31);
  });

  it('M-06: the pro-rated target refuses elapsed twelfths outside 0..12 and a month fraction outside 0..1', () => {
    expect(proRatedTarget(120, 0)).toBe(0);
    expect(() => proRatedTarget(120, -0.01)).toThrow(RangeError);
    expect(() => proRatedTarget(120, 12.01)).toThrow(RangeError);
    expect(monthShare(120, 0)).toBe(0);
    expect(() => monthShare(120, -0.01)).toThrow(RangeError);
    expect(() => monthShare(120, 1.01)).toThrow(RangeError);
  });

  it('M-06: elapsed twelfths grow with the date and end every month on a whole number (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
      const end = periodView(y, m, '2200-01-01').periodEnd;
      expect(elapsedMonths(y, end)).toBe(m);
      const first = `${y}-${String(m).padStart(2, '0')}-01`;
      expect(elapsedMonths(y, first)).toBeGreaterThan(m - 1);
      expect(elapsedMonths(y, first)).toBeLessThan(m);
    }));
  });

  it('dates in sentences are words, never ISO: "4 december 2026" / "4 December 2026", leap day included', () => {
    expect(dateInWords('2026-12-04', 'nl')).toBe('4 december 2026');
    expect(dateInWords('2026-12-04', 'en')).toBe('4 December 2026');
    expect(dateInWords('2024-02-29', 'nl')).toBe('29 februari 2024');
    expect(dateInWords('2026-12-31T00:00:00Z', 'nl')).toBe('31 december 2026');
  });

  it('a region is named once: "Regio Veenhaven", never "Regio Regio Veenhaven"', () => {
    expect(regionName('Regio Veenhaven', 'nl')).toBe('Regio Veenhaven');
    expect(regionName('Veenhaven', 'nl')).toBe('Regio Veenhaven');
    expect(regionName('regio  Veenhaven', 'nl')).toBe('Regio Veenhaven');
    expect(regionName('Regio Veenhaven', 'en')).toBe('Region Veenhaven');
    expect(regionName('Region Veenhaven', 'nl')).toBe('Regio Veenhaven');
    expect(regionName('Regionaal Noord', 'nl')).toBe('Regio Regionaal Noord');
    expect(regionName(' Regio Veenhaven ', 'nl')).toBe('Regio Veenhaven');
  });

  it('numbers in a CSV for Dutch Excel carry a decimal comma', () => {
    expect(decimalComma(99.2)).toBe('99,2');
    expect(decimalComma(36)).toBe('36');
    expect(decimalComma(-0.5)).toBe('-0,5');
  });
});
