import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { agreedVolume, corporationTargets, largestRemainder, planTotals } from './distribution.ts';

const weightsArb = fc.uniqueArray(
  fc.record({ key: fc.string({ minLength: 1, maxLength: 6 }), weight: fc.integer({ min: 0, max: 200_000 }) }),
  { selector: (w) => w.key, minLength: 1, maxLength: 12 },
);

describe('largestRemainder (R-MO-15)', () => {
  it('R-MO-15: the parts add up exactly to the total (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 100_000 }), weightsArb, (total, weights) => {
      fc.pre(weights.some((w) => w.weight > 0));
      const parts = largestRemainder(total, weights);
      expect([...parts.values()].reduce((s, n) => s + n, 0)).toBe(total);
      expect([...parts.keys()].sort()).toEqual(weights.map((w) => w.key).sort());
    }));
  });

  it('R-MO-15: every part is the floor or the ceiling of its exact quota (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 100_000 }), weightsArb, (total, weights) => {
      const sum = weights.reduce((s, w) => s + w.weight, 0);
      fc.pre(sum > 0);
      const parts = largestRemainder(total, weights);
      for (const w of weights) {
        const exactNum = BigInt(total) * BigInt(w.weight);
        const floor = Number(exactNum / BigInt(sum));
        const ceil = exactNum % BigInt(sum) === 0n ? floor : floor + 1;
        const p = parts.get(w.key)!;
        expect(p === floor || p === ceil).toBe(true);
      }
    }));
  });

  it('R-MO-15: a larger weight never gets fewer dwellings than a smaller one (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000 }), weightsArb, (total, weights) => {
      fc.pre(weights.some((w) => w.weight > 0));
      const parts = largestRemainder(total, weights);
      for (const a of weights) for (const b of weights) {
        if (a.weight > b.weight) expect(parts.get(a.key)!).toBeGreaterThanOrEqual(parts.get(b.key)!);
      }
    }));
  });

  it('R-MO-15: the result does not depend on the order of the weights (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000 }), weightsArb, (total, weights) => {
      const a = largestRemainder(total, weights);
      const b = largestRemainder(total, [...weights].reverse());
      for (const w of weights) expect(a.get(w.key)).toBe(b.get(w.key));
    }));
  });

  it('R-MO-15: ties go to the larger remainder, then the larger weight, then the key ascending', () => {
    // 10 over 1/1/1: quotas 3.33 each, one seat left, equal remainders and weights: key "a".
    expect(Object.fromEntries(largestRemainder(10, [{ key: 'c', weight: 1 }, { key: 'a', weight: 1 }, { key: 'b', weight: 1 }]))).toEqual({ a: 4, b: 3, c: 3 });
    // 5 over 1/1: quotas 2.5/2.5: key "x" before "y".
    expect(Object.fromEntries(largestRemainder(5, [{ key: 'y', weight: 3 }, { key: 'x', weight: 3 }]))).toEqual({ x: 3, y: 2 });
    // 7 over 3/2/2 (sum 7): exact quotas, no remainder.
    expect(Object.fromEntries(largestRemainder(7, [{ key: 'a', weight: 3 }, { key: 'b', weight: 2 }, { key: 'c', weight: 2 }]))).toEqual({ a: 3, b: 2, c: 2 });
    // 1 over 1/2 (sum 3): quotas 0.33 and 0.67: the larger remainder wins.
    expect(Object.fromEntries(largestRemainder(1, [{ key: 'a', weight: 1 }, { key: 'b', weight: 2 }]))).toEqual({ a: 0, b: 1 });
  });

  it('R-MO-15: all-zero or no weights apportion nothing (documented choice: all 0)', () => {
    expect(Object.fromEntries(largestRemainder(100, [{ key: 'a', weight: 0 }, { key: 'b', weight: 0 }]))).toEqual({ a: 0, b: 0 });
    expect(largestRemainder(100, []).size).toBe(0);
  });

  it('rejects a negative or fractional total, a negative weight and duplicate keys', () => {
    expect(() => largestRemainder(-1, [{ key: 'a', weight: 1 }])).toThrow(RangeError);
    expect(() => largestRemainder(1.5, [{ key: 'a', weight: 1 }])).toThrow(RangeError);
    expect(() => largestRemainder(1, [{ key: 'a', weight: -1 }])).toThrow(RangeError);
    expect(() => largestRemainder(1, [{ key: 'a', weight: 1 }, { key: 'a', weight: 2 }])).toThrow(RangeError);
  });

  it('fractional weights still add up to the total', () => {
    const parts = largestRemainder(100, [{ key: 'a', weight: 0.1 }, { key: 'b', weight: 0.2 }, { key: 'c', weight: 0.7 }]);
    expect(Object.fromEntries(parts)).toEqual({ a: 10, b: 20, c: 70 });
  });
});

describe('corporationTargets (M-08, M-09, R-MO-13, R-MO-14)', () => {
  it('R-MO-05: the 385 dwellings Utrecht needs each year are split over the corporations by stock, adding up exactly', () => {
    const stock = [
      { corporationId: 'bo-ex', dwellings: 11_000 }, { corporationId: 'mitros', dwellings: 16_500 },
      { corporationId: 'portaal', dwellings: 14_800 }, { corporationId: 'ssh', dwellings: 3_900 },
    ];
    const d = corporationTargets(385, stock, new Map());
    expect(d.computedTotal).toBe(385);
    expect(d.rows.map((r) => r.target)).toEqual([92, 138, 123, 32]);
  });

  const stock = [
    { corporationId: 'A', dwellings: 12_000 },
    { corporationId: 'B', dwellings: 8_000 },
    { corporationId: 'C', dwellings: 5_000 },
  ];

  it('M-08: stock share is the corporation stock over the total, in percent and unrounded', () => {
    const d = corporationTargets(385, stock, new Map());
    expect(d.totalStock).toBe(25_000);
    expect(d.rows.map((r) => r.stockShare)).toEqual([48, 32, 20]);
  });

  it('M-09 / R-MO-13 / R-MO-15: computed shares distribute the yearly number by stock and add up exactly', () => {
    const d = corporationTargets(385, stock, new Map());
    // Quotas 184.8 / 123.2 / 77: floors 184/123/77 = 384, the seat left goes to A (remainder .8).
    expect(d.rows.map((r) => [r.corporationId, r.computed, r.target])).toEqual([['A', 185, 185], ['B', 123, 123], ['C', 77, 77]]);
    expect(d.computedTotal).toBe(385);
    expect(d.distributable).toBe(true);
  });

  it('R-MO-14: a recorded number from the performance agreements takes precedence; the computed share stays as reference', () => {
    const d = corporationTargets(385, stock, new Map([['B', 130], ['D', 4]]));
    const b = d.rows.find((r) => r.corporationId === 'B')!;
    expect(b).toMatchObject({ computed: 123, recorded: 130, target: 130 });
    // A corporation with only a recorded number (no stock entered) is listed too.
    expect(d.rows.at(-1)).toEqual({ corporationId: 'D', stock: null, stockShare: null, computed: null, recorded: 4, target: 4 });
    expect(d.targetTotal).toBe(185 + 130 + 77 + 4);
  });

  it('R-MO-16: without stock nothing is computed (not distributable)', () => {
    const d = corporationTargets(1800, [{ corporationId: 'A', dwellings: 0 }], new Map());
    expect(d.distributable).toBe(false);
    expect(d.rows[0]).toMatchObject({ stockShare: null, computed: null, target: null });
  });

  it('M-09: Σ computed equals the yearly number for any positive stock (property)', () => {
    fc.assert(fc.property(
      fc.integer({ min: 0, max: 50_000 }),
      fc.uniqueArray(fc.record({ corporationId: fc.uuid(), dwellings: fc.integer({ min: 0, max: 100_000 }) }), { selector: (s) => s.corporationId, minLength: 1, maxLength: 10 }),
      (yearly, st) => {
        fc.pre(st.some((s) => s.dwellings > 0));
        const d = corporationTargets(yearly, st, new Map());
        expect(d.computedTotal).toBe(yearly);
        const shares = d.rows.reduce((s, r) => s + (r.stockShare ?? 0), 0);
        expect(Math.abs(shares - 100)).toBeLessThan(1e-9);
      },
    ));
  });
});

describe('planTotals (M-02, §12)', () => {
  it('§12 / M-02: the 2020 main-group plan adds up to 1,805, not 1,800: a warning, not an error', () => {
    const t = planTotals([
      { level: 'main_group', mainGroup: 'MG-1', dwellings: 375 },
      { level: 'main_group', mainGroup: 'MG-2', dwellings: 970 },
      { level: 'main_group', mainGroup: 'MG-3', dwellings: 460 },
    ], 1800);
    expect(t).toEqual({ planned: 1805, agreed: 1800, differs: true, difference: 5, byMainGroup: { 'MG-1': 375, 'MG-2': 970, 'MG-3': 460 } });
  });

  it('R-MO-08: target-group and group-set lines inside a planned main group are a breakdown, not added again', () => {
    const t = planTotals([
      { level: 'main_group', mainGroup: 'MG-1', dwellings: 375 },
      { level: 'main_group', mainGroup: 'MG-2', dwellings: 970 },
      { level: 'main_group', mainGroup: 'MG-3', dwellings: 460 },
      { level: 'target_group', mainGroup: 'MG-2', dwellings: 590 },
      { level: 'group_set', mainGroup: 'MG-2', dwellings: 110 },
    ], 1800);
    expect(t.planned).toBe(1805);
  });

  it('R-MO-08: lines of a main group without a main-group line add up; a set across main groups always adds', () => {
    const t = planTotals([
      { level: 'target_group', mainGroup: 'MG-2', dwellings: 590 },
      { level: 'target_group', mainGroup: 'MG-2', dwellings: 200 },
      { level: 'group_set', mainGroup: null, dwellings: 10 },
    ], 800);
    expect(t).toMatchObject({ planned: 800, differs: false, difference: 0, byMainGroup: { 'MG-2': 790 } });
  });

  it('without an agreed volume there is nothing to differ from', () => {
    expect(planTotals([{ level: 'main_group', mainGroup: 'MG-1', dwellings: 3 }], null)).toMatchObject({ planned: 3, differs: false, difference: null });
  });
});

describe('agreedVolume (M-01)', () => {
  it('R-MO-03 / M-01: an absolute agreement is its yearly number', () => {
    expect(agreedVolume({ kind: 'absolute', yearlyNumber: 1800, share: null }, 9999)).toEqual({ kind: 'absolute', value: 1800, rounded: 1800, share: null, released: null });
  });

  it('R-MO-02 / M-01: a share agreement is share × released dwellings, unrounded, with a half-up display value', () => {
    expect(agreedVolume({ kind: 'share', yearlyNumber: null, share: 0.3 }, 6000)).toMatchObject({ value: 1800, rounded: 1800 });
    expect(agreedVolume({ kind: 'share', yearlyNumber: null, share: 0.3 }, 1234)).toMatchObject({ value: 370.2, rounded: 370 });
    expect(agreedVolume({ kind: 'share', yearlyNumber: null, share: 0.3 }, 5)).toMatchObject({ value: 1.5, rounded: 2 });
    expect(agreedVolume({ kind: 'share', yearlyNumber: null, share: 0.12345 }, 2)).toMatchObject({ value: 0.2469, rounded: 0 });
  });

  it('R-MO-02: a share agreement without released dwellings has no volume yet', () => {
    expect(agreedVolume({ kind: 'share', yearlyNumber: null, share: 0.3 }, null)).toMatchObject({ value: null, rounded: null, share: 0.3 });
  });

  it('M-01: the rounded share is within half a dwelling of the exact value (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 0, max: 1_000_000 }), (s, released) => {
      const share = s / 100_000;
      const v = agreedVolume({ kind: 'share', yearlyNumber: null, share }, released);
      const exact = (s * released) / 100_000;
      expect(Math.abs(v.value! - exact)).toBeLessThan(1e-6);
      expect(v.rounded! - exact).toBeLessThanOrEqual(0.5);
      expect(exact - v.rounded!).toBeLessThan(0.5);
    }));
  });
});
