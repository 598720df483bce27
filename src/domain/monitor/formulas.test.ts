import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  above6Share, agreedFromShare, backlog, backlogAllocated, defaultMonth, difference, expectedToDate, halfOf,
  isAbove10Percent, monthEnd, percentage, realisationRate, roundHalfUp, trackStatus,
} from './formulas.ts';

describe('monitor formulas', () => {
  it('M-05: realisation rate 1,785 of 1,800 is 99.2% (one decimal), empty when nothing is planned', () => {
    expect(roundHalfUp(realisationRate(1785, 1800)!, 1)).toBe(99.2);
    expect(realisationRate(10, 0)).toBeNull();
    expect(realisationRate(10, null)).toBeNull();
  });

  it('M-04: difference delivered − planned, negative = behind (2020: +299, −314, −5)', () => {
    expect(difference(674, 375)).toBe(299);
    expect(difference(656, 970)).toBe(-314);
    expect(difference(455, 460)).toBe(-5);
    expect(difference(3, null)).toBeNull();
  });

  it('M-06: expected to date in linear twelfths, or a monthly profile', () => {
    expect(expectedToDate(1800, 6)).toBe(900);
    expect(expectedToDate(1800, 12)).toBe(1800);
    const profile = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 9];
    expect(expectedToDate(2000, 11, profile)).toBe(1100);
    expect(() => expectedToDate(10, 13)).toThrow(RangeError);
  });

  it('M-07: on track when delivered YTD ≥ expected × (1 − tolerance), else behind', () => {
    expect(trackStatus(900, 900)).toBe('ON_TRACK');
    expect(trackStatus(899, 900)).toBe('BEHIND');
    expect(trackStatus(855, 900, 0.05)).toBe('ON_TRACK');
    expect(trackStatus(854, 900, 0.05)).toBe('BEHIND');
  });

  it('M-07: a larger delivery never turns on-track into behind (property)', () => {
    fc.assert(fc.property(fc.nat(5000), fc.nat(5000), fc.nat(5000), fc.double({ min: 0, max: 0.5, noNaN: true }), (a, b, exp, tol) => {
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      if (trackStatus(lo, exp, tol) === 'ON_TRACK') expect(trackStatus(hi, exp, tol)).toBe('ON_TRACK');
    }));
  });

  it('M-16: above six months is 100 − M-14 − M-15 on unrounded values', () => {
    expect(above6Share(50, 36)).toBe(14);
    expect(above6Share(100 / 3, 100 / 3)).toBeCloseTo(100 / 3, 10);
    expect(above6Share(null, 3)).toBeNull();
  });

  it('percentages round half-up for display and stay unrounded for computation', () => {
    expect(roundHalfUp(percentage(1, 8)!)).toBe(13); // 12.5 → 13
    expect(roundHalfUp(percentage(5, 11)!)).toBe(45);
    expect(roundHalfUp(2.5)).toBe(3);
    expect(percentage(1, 0)).toBeNull();
  });

  it('R-MO-02: a SHARE agreement agrees share × released dwellings', () => {
    expect(agreedFromShare(0.3, 6000)).toBeCloseTo(1800, 9);
  });

  it('M-22: backlog = opening + Σ quota − Σ housed (negative = ahead); M-22a never exceeds the backlog', () => {
    expect(backlog(10, [400, 367], [380, 376])).toBe(21);
    expect(backlog(0, [100], [120])).toBe(-20);
    expect(backlogAllocated(21, 30)).toBe(21);
    expect(backlogAllocated(21, 5)).toBe(5);
    expect(backlogAllocated(-3, 5)).toBe(0);
  });

  it('R-MO-36: the signal is strictly above 10%', () => {
    expect(isAbove10Percent(10)).toBe(false);
    expect(isAbove10Percent(10.0001)).toBe(true);
    expect(isAbove10Percent(null)).toBe(false);
  });

  it('periods: month end, half-year, default month', () => {
    expect(monthEnd(2020, 2)).toBe('2020-02-29');
    expect(monthEnd(2021, 12)).toBe('2021-12-31');
    expect(halfOf(6)).toBe(1);
    expect(halfOf(7)).toBe(2);
    expect(defaultMonth(2025, '2026-11-21')).toBe(12);
    expect(defaultMonth(2026, '2026-11-21')).toBe(11);
  });
});
