/**
 * The table sort (sort.ts): a permutation of its input, ordered by the key, stable for equal keys,
 * descending the reverse of ascending for distinct keys, empty keys last; Dutch collation for text.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareKeys, dateKey, sortRows, type SortDirection, type SortKey } from './sort.ts';

interface Row { id: number; k: SortKey }

const text = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('IJssel', 'ijzer', 'Émile', 'emile', 'Zeeman', 'item 2', 'item 10', "'s-Hertogenbosch", 'Ångström'));
const date = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z') });
const num = fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.double({ min: -1e6, max: 1e6, noNaN: true }));
/** One column holds one kind of key, sometimes empty. */
const column = <K extends SortKey>(arb: fc.Arbitrary<K>) =>
  fc.array(fc.option(arb, { nil: null, freq: 5 }), { maxLength: 40 }).map((ks) => ks.map((k, id): Row => ({ id, k })));
const anyColumn = fc.oneof(column(text), column(date), column(num), column(fc.boolean()));
const direction = fc.constantFrom<SortDirection>('ascending', 'descending');
/** Empty as a person sees it (independent of sort.ts): no value, blank text, an invalid date or NaN. */
const empty = (k: SortKey) => k === null || k === undefined || k === '' || (k instanceof Date && Number.isNaN(k.getTime())) || (typeof k === 'number' && Number.isNaN(k));

describe('sortRows', () => {
  it('is a permutation of its input and leaves the input unchanged', () => {
    fc.assert(
      fc.property(anyColumn, direction, (rows, dir) => {
        const before = [...rows];
        const out = sortRows(rows, (r) => r.k, dir);
        expect(rows).toEqual(before);
        expect([...out].sort((a, b) => a.id - b.id)).toEqual(before);
      }),
    );
  });

  it('orders by the key, empty keys last, and is stable for equal keys (both directions)', () => {
    fc.assert(
      fc.property(anyColumn, direction, (rows, dir) => {
        const out = sortRows(rows, (r) => r.k, dir);
        for (let i = 1; i < out.length; i++) {
          const a = out[i - 1]!;
          const b = out[i]!;
          if (empty(a.k) || empty(b.k)) {
            expect(empty(a.k) && !empty(b.k)).toBe(false); // nothing non-empty after an empty key
            if (empty(a.k) && empty(b.k)) expect(a.id).toBeLessThan(b.id);
            continue;
          }
          const c = compareKeys(a.k, b.k);
          expect(dir === 'ascending' ? c : -c).toBeLessThanOrEqual(0);
          if (c === 0) expect(a.id).toBeLessThan(b.id);
        }
      }),
    );
  });

  it('descending is the reverse of ascending when the keys are distinct', () => {
    const distinct = anyColumn.map((rows) => {
      const kept: Row[] = [];
      for (const r of rows) if (!empty(r.k) && kept.every((s) => compareKeys(s.k, r.k) !== 0)) kept.push(r);
      return kept;
    });
    fc.assert(
      fc.property(distinct, (rows) => {
        const up = sortRows(rows, (r) => r.k, 'ascending');
        const down = sortRows(rows, (r) => r.k, 'descending');
        expect(down).toEqual([...up].reverse());
      }),
    );
  });

  it('sorts Dutch text with Dutch collation: case and accents do not split, numbers count', () => {
    const names = ['Zeeman', 'émile', 'Bakker', 'item 10', 'Achterberg', 'item 2', 'IJsselmonde', 'Emma'];
    const out = sortRows(names, (n) => n, 'ascending');
    expect(out).toEqual(['Achterberg', 'Bakker', 'émile', 'Emma', 'IJsselmonde', 'item 2', 'item 10', 'Zeeman']);
  });

  it('sorts dates and numbers by value, not as text', () => {
    const dates = ['2026-12-04', '2026-02-10', '2025-12-31'];
    expect(sortRows(dates, dateKey, 'ascending')).toEqual(['2025-12-31', '2026-02-10', '2026-12-04']);
    expect(sortRows([10, 9, 100, -1], (n) => n, 'ascending')).toEqual([-1, 9, 10, 100]);
    expect(sortRows([10, 9, 100, -1], (n) => n, 'descending')).toEqual([100, 10, 9, -1]);
  });

  it('puts empty values last in both directions, in input order', () => {
    const rows = [{ n: 'b', v: null }, { n: 'a', v: 2 }, { n: 'c', v: undefined }, { n: 'd', v: 5 }];
    expect(sortRows(rows, (r) => r.v, 'ascending').map((r) => r.n)).toEqual(['a', 'd', 'b', 'c']);
    expect(sortRows(rows, (r) => r.v, 'descending').map((r) => r.n)).toEqual(['d', 'a', 'b', 'c']);
  });

  it('dateKey reads ISO dates and gives null for nothing or nonsense', () => {
    expect(dateKey('2026-12-04')?.toISOString()).toBe('2026-12-04T00:00:00.000Z');
    expect(dateKey(null)).toBeNull();
    expect(dateKey('')).toBeNull();
    expect(dateKey('geen datum')).toBeNull();
  });
});
