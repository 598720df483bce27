/** Mutation tests for the edges of the monitor formulas: the month range, the profile checks, the default month. */
import { describe, expect, it } from 'vitest';
import { defaultMonth, expectedToDate, monthEnd } from './formulas.ts';

describe('monitor formulas at their edges', () => {
  it('M-06: the month is 1 to 12 (0 and 13 are refused, 1 is a twelfth)', () => {
    expect(() => expectedToDate(1200, 0)).toThrow(RangeError);
    expect(expectedToDate(1200, 1)).toBe(100);
    expect(() => expectedToDate(1200, 13)).toThrow(RangeError);
    expect(() => expectedToDate(1200, 0, [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1])).toThrow(RangeError);
  });

  it('M-06: a monthly profile has exactly 12 weights with a positive total', () => {
    expect(() => expectedToDate(1200, 6, [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1])).toThrow(RangeError);
    expect(() => expectedToDate(1200, 6, [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1])).toThrow(RangeError);
    expect(() => expectedToDate(1200, 6, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])).toThrow(RangeError);
    // A profile with only December: nothing expected before it, everything in it.
    expect(expectedToDate(1200, 11, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4])).toBe(0);
    expect(expectedToDate(1200, 12, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4])).toBe(1200);
  });

  it('periods: the month end of a one-digit month, and January as the default month of a future year', () => {
    expect(monthEnd(2023, 2)).toBe('2023-02-28');
    expect(monthEnd(2024, 9)).toBe('2024-09-30');
    expect(defaultMonth(2027, '2026-11-21')).toBe(1);
    expect(defaultMonth(2026, '2026-03-05')).toBe(3);
    expect(defaultMonth(2025, '2026-03-05')).toBe(12);
  });
});
