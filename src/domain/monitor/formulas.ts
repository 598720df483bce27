/**
 * The monitor's formulas on aggregates (monitor.md §11). Counting happens in SQL
 * (modules/monitor/queries.ts); these pure functions turn counts into the derived
 * metrics, so every rule has one definition that the tests pin down.
 */
import type { IsoDate } from '../calendar/index.ts';
import { daysInMonth } from '../calendar/iso-date.ts';
import type { Status } from './model.ts';

/** Percentages are shown rounded half-up to whole percent and kept unrounded in computation (§11). */
export function roundHalfUp(value: number, decimals = 0): number {
  const f = 10 ** decimals;
  // Add a tiny epsilon relative to the magnitude so 0.5 boundaries survive binary floating point (99.25 → 99.3).
  return Math.floor(value * f + 0.5 + 1e-9) / f;
}

/** Share as a percentage (unrounded); null when the base is 0 or missing. */
export function percentage(part: number, base: number | null | undefined): number | null {
  if (!base) return null;
  return (part / base) * 100;
}

/** M-04: delivered − planned (year) or delivered − expected to date (YTD); negative = behind. */
export function difference(delivered: number, planned: number | null): number | null {
  return planned === null ? null : delivered - planned;
}

/** M-05: realisation rate M-03 ÷ M-02 × 100; empty when M-02 is 0 or missing. */
export function realisationRate(delivered: number, planned: number | null): number | null {
  return percentage(delivered, planned);
}

/** M-06: expected to date = planned × (months elapsed up to and including the month ÷ 12) (linear twelfths, proposal). */
export function expectedToDate(planned: number, month: number, profile?: ReadonlyArray<number>): number {
  if (month < 1 || month > 12) throw new RangeError(`month ${month} outside 1..12`);
  if (profile) {
    if (profile.length !== 12) throw new RangeError('a monthly profile has 12 weights');
    const total = profile.reduce((a, b) => a + b, 0);
    if (total <= 0) throw new RangeError('a monthly profile needs a positive total');
    return (planned * profile.slice(0, month).reduce((a, b) => a + b, 0)) / total;
  }
  return (planned * month) / 12;
}

/** M-07: ON_TRACK if delivered YTD ≥ expected × (1 − tolerance), else BEHIND. */
export function trackStatus(deliveredYtd: number, expected: number, tolerance = 0): Status {
  return deliveredYtd >= expected * (1 - tolerance) ? 'ON_TRACK' : 'BEHIND';
}

// R-MO-24 (the wait buckets within 3, 3–6 and over 6 months) is computed in SQL only: by the rollup trigger
// (migrations/0005_placement_rollup.sql) and the M-17 query (modules/monitor/queries.ts); its boundaries are
// tested through the database in test/integration/monitor-wait-buckets.test.ts.

/** M-16: 100 − M-14 − M-15 on the unrounded values. */
export function above6Share(within3: number | null, from3to6: number | null): number | null {
  if (within3 === null || from3to6 === null) return null;
  return 100 - within3 - from3to6;
}

/** M-01 for a SHARE agreement (R-MO-02): share × released dwellings of the period. */
export function agreedFromShare(share: number, released: number): number {
  return share * released;
}

/**
 * M-22: opening backlog + Σ quota − Σ persons housed up to the period end (negative = ahead).
 * M-22a: persons in the backlog who already have a dwelling allocated, never more than the backlog.
 */
export function backlog(opening: number, quotas: ReadonlyArray<number>, housed: ReadonlyArray<number>): number {
  const sum = (xs: ReadonlyArray<number>) => xs.reduce((a, b) => a + b, 0);
  return opening + sum(quotas) - sum(housed);
}

export function backlogAllocated(backlogPersons: number, allocatedWaitingPersons: number): number {
  return Math.max(0, Math.min(backlogPersons, allocatedWaitingPersons));
}

/** R-MO-36: the regional signal when the statushouders share is strictly greater than 10%. Never a block. */
export function isAbove10Percent(sharePercent: number | null): boolean {
  return sharePercent !== null && sharePercent > 10;
}

/** The last day of a month (28 to 31: always two digits). */
export function monthEnd(year: number, month: number): IsoDate {
  return `${year}-${String(month).padStart(2, '0')}-${daysInMonth(year, month)}`;
}

/** The half-year (1 or 2) of a month. */
export function halfOf(month: number): 1 | 2 {
  return month <= 6 ? 1 : 2;
}

/** The default month of a monitor request: the current month for the current year, December for past years. */
export function defaultMonth(year: number, today: IsoDate): number {
  const [ty, tm] = today.split('-').map(Number) as [number, number];
  if (year < ty) return 12;
  if (year > ty) return 1;
  return tm;
}
