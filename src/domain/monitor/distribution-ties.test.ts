/**
 * Mutation tests for the apportionment (R-MO-15) and M-01: the tie order, exact integer
 * arithmetic, fractional weights and the refusals. Every expectation is worked out by hand
 * from the quotas total × weight ÷ Σweight.
 */
import { describe, expect, it } from 'vitest';
import { agreedVolume, corporationTargets, largestRemainder } from './distribution.ts';

const split = (total: number, weights: Array<[string, number]>) =>
  Object.fromEntries(largestRemainder(total, weights.map(([key, weight]) => ({ key, weight }))));

/** Every order of the items (the input order must not decide a tie). */
function permutations<T>(xs: T[]): T[][] {
  if (xs.length <= 1) return [xs];
  return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((rest) => [x, ...rest]));
}

describe('largestRemainder: ties and arithmetic (R-MO-15)', () => {
  it('R-MO-15: integer weights are apportioned exactly: 2 over 1/1/4 has three equal remainders of 1/3, and the larger weight wins', () => {
    // Quotas 1/3, 1/3, 4/3: floors 0, 0, 1; one seat left; every remainder is exactly 1/3.
    // (In floating point 8/6 − 1 is a hair below 2/6, which would hand the seat to a.)
    expect(split(2, [['a', 1], ['b', 1], ['c', 4]])).toEqual({ a: 0, b: 0, c: 2 });
  });

  it('R-MO-15: equal remainders go to the larger weight before the smaller key, in any input order', () => {
    // 2 over 1/3: quotas 0.5 and 1.5, both remainders 1/2: the seat goes to the weight of 3.
    for (const order of permutations<[string, number]>([['a', 1], ['b', 3]])) expect(split(2, order)).toEqual({ a: 0, b: 2 });
    for (const order of permutations<[string, number]>([['a', 3], ['b', 1]])) expect(split(2, order)).toEqual({ a: 2, b: 0 });
  });

  it('R-MO-15: equal remainders and equal weights go to the key ascending, in any input order', () => {
    const keys: Array<[string, number]> = [['a', 1], ['b', 1], ['c', 1], ['d', 1]];
    for (const order of permutations(keys)) {
      expect(split(1, order)).toEqual({ a: 1, b: 0, c: 0, d: 0 });
      expect(split(3, order)).toEqual({ a: 1, b: 1, c: 1, d: 0 });
    }
  });

  it('R-MO-15: fractional weights: the seat left goes to the larger remainder, not the larger quota', () => {
    // 5 over 0.25/1.75: quotas 0.625 and 4.375; floors 0 and 4; the remainder .625 beats .375.
    expect(split(5, [['a', 0.25], ['b', 1.75]])).toEqual({ a: 1, b: 4 });
    // 10 over 0.5/1.5: quotas 2.5 and 7.5, equal remainders: the larger weight.
    expect(split(10, [['a', 0.5], ['b', 1.5]])).toEqual({ a: 2, b: 8 });
  });

  it('R-MO-15: integer and fractional weights mixed are apportioned too', () => {
    // 3 over 1/0.5: quotas 2 and 1.
    expect(split(3, [['a', 1], ['b', 0.5]])).toEqual({ a: 2, b: 1 });
    expect(split(3, [['a', 0.5], ['b', 1]])).toEqual({ a: 1, b: 2 });
  });

  it('R-MO-15: nothing to apportion gives every key 0', () => {
    expect(split(0, [['a', 2], ['b', 1]])).toEqual({ a: 0, b: 0 });
    expect(split(0, [['a', 0.5], ['b', 1.5]])).toEqual({ a: 0, b: 0 });
  });
});

describe('corporationTargets and agreedVolume', () => {
  it('R-MO-14: corporations with only a recorded number follow the stock rows, sorted by id', () => {
    const d = corporationTargets(10, [{ corporationId: 'M', dwellings: 1 }], new Map([['Z', 1], ['B', 2], ['M', 3], ['K', 4]]));
    expect(d.rows.map((r) => [r.corporationId, r.target])).toEqual([['M', 3], ['B', 2], ['K', 4], ['Z', 1]]);
  });

  it('R-MO-02: a share agreement refuses a negative number of released dwellings', () => {
    expect(() => agreedVolume({ kind: 'share', yearlyNumber: null, share: 0.3 }, -10)).toThrow(RangeError);
    expect(agreedVolume({ kind: 'share', yearlyNumber: null, share: 0.3 }, 0)).toMatchObject({ value: 0, rounded: 0 });
  });
});
