/**
 * Pure sorting for the web's tables (no React, no I/O): a typed accessor gives each row a key,
 * keys compare by kind — text with Dutch collation (Intl.Collator('nl'): "IJssel" with the I's,
 * accents ignored, "item 2" before "item 10"), numbers and dates by value, true after false — and
 * empty keys (null, undefined, '', an invalid date, NaN) always come last, in either direction.
 * The sort is stable: rows with equal keys keep the order they came in, in both directions.
 */

export type SortKey = string | number | boolean | Date | null | undefined;
export type SortDirection = 'ascending' | 'descending';

/** Accent-, case- and number-aware Dutch comparison; created once (constructing a Collator is slow). */
const collator = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });

function isEmpty(k: SortKey): k is null | undefined {
  return k === null || k === undefined || k === '' || (typeof k === 'number' && Number.isNaN(k)) || (k instanceof Date && Number.isNaN(k.getTime()));
}

function rank(k: string | number | boolean | Date): number {
  if (typeof k === 'boolean') return 0;
  if (typeof k === 'number') return 1;
  if (k instanceof Date) return 2;
  return 3;
}

/** Compares two keys ascending; empty keys count as equal to each other and greater than any value. */
export function compareKeys(a: SortKey, b: SortKey): number {
  const ea = isEmpty(a);
  const eb = isEmpty(b);
  if (ea || eb) return ea === eb ? 0 : ea ? 1 : -1;
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb; // one column should hold one kind; mixed kinds still sort totally
  if (typeof a === 'string' && typeof b === 'string') return collator.compare(a, b);
  if (a instanceof Date && b instanceof Date) return Math.sign(a.getTime() - b.getTime());
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  return Number(a) - Number(b); // booleans: false before true
}

/**
 * A new array ordered by `key` (the input is not changed). Descending reverses the order of the
 * values but keeps equal keys in input order and empty keys last.
 */
export function sortRows<T>(rows: readonly T[], key: (row: T) => SortKey, direction: SortDirection): T[] {
  const keyed = rows.map((row, index) => ({ row, index, k: key(row) }));
  const sign = direction === 'ascending' ? 1 : -1;
  keyed.sort((x, y) => {
    const ex = isEmpty(x.k);
    const ey = isEmpty(y.k);
    const c = ex || ey ? compareKeys(x.k, y.k) : sign * compareKeys(x.k, y.k);
    return c !== 0 ? c : x.index - y.index;
  });
  return keyed.map((e) => e.row);
}

/** A date-only or date-time string (ISO 8601, as the API sends) as a Date key; anything else empty. */
export function dateKey(value: string | null | undefined): Date | null {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}
