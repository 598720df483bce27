/**
 * Distribution arithmetic of the allocation agreements (monitor.md §3–§5, §12): pure functions,
 * shared by the agreements API (which shows them while the programme maintains the inputs)
 * and the monitor.
 *
 * - largestRemainder: Hamilton apportionment, so corporation numbers add up exactly (R-MO-15).
 * - corporationTargets: M-08 stock share, M-09 computed share and the recorded number from the
 *   performance agreements, which takes precedence (R-MO-13, R-MO-14).
 * - planTotals: the sum of a plan version compared with the agreed volume; a difference is a
 *   warning, never a refusal (§12: 2020 plans 375 + 970 + 460 = 1,805 vs 1,800).
 * - agreedVolume: M-01 for an absolute or a share agreement (R-MO-02, R-MO-03).
 */

export interface Weight {
  key: string;
  weight: number;
}

function isNonNegativeInteger(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 0;
}

/**
 * Largest-remainder (Hamilton) apportionment of `total` over the weights.
 *
 * Each key first gets the integer part of its exact quota `total × weight ÷ Σweight`; the
 * seats left over go one each to the keys with the largest remainders. Ties are broken
 * deterministically: larger remainder first, then larger weight, then key ascending
 * (code-point order). The parts add up exactly to `total`, and every part is the floor or the
 * ceiling of its exact quota.
 *
 * Integer weights (dwelling counts) are computed exactly with BigInt; fractional weights fall
 * back to floating point.
 *
 * Degenerate input, by choice: when there are no weights or they are all 0 there is nothing to
 * apportion by, so every key gets 0 and the parts do NOT add up to `total`; callers detect this
 * with `Σweight === 0` (see corporationTargets: `distributable: false`). An equal split would
 * invent a distribution the programme never agreed to.
 *
 * @throws RangeError for a negative or non-integer total, a negative or non-finite weight, or a
 *   duplicate key.
 */
export function largestRemainder(total: number, weights: ReadonlyArray<Weight>): Map<string, number> {
  if (!isNonNegativeInteger(total)) throw new RangeError(`total must be a non-negative integer, got ${total}`);
  const out = new Map<string, number>();
  for (const w of weights) {
    if (!Number.isFinite(w.weight) || w.weight < 0) throw new RangeError(`weight of ${w.key} must be a finite non-negative number`);
    if (out.has(w.key)) throw new RangeError(`duplicate key ${w.key}`);
    out.set(w.key, 0);
  }
  const sum = weights.reduce((s, w) => s + w.weight, 0);
  // No weights or all 0: nothing to apportion by. (A total of 0 needs no case of its own: every floor is 0.)
  if (sum === 0) return out;

  interface Part { key: string; weight: number; floor: number; /** remainder, comparable across parts */ rem: number | bigint }
  let parts: Part[];
  if (weights.every((w) => Number.isSafeInteger(w.weight))) {
    const T = BigInt(total);
    const S = weights.reduce((s, w) => s + BigInt(w.weight), 0n);
    parts = weights.map((w) => {
      const n = T * BigInt(w.weight);
      return { key: w.key, weight: w.weight, floor: Number(n / S), rem: n % S };
    });
  } else {
    parts = weights.map((w) => {
      const q = (total * w.weight) / sum;
      const floor = Math.floor(q);
      return { key: w.key, weight: w.weight, floor, rem: q - floor };
    });
  }
  for (const p of parts) out.set(p.key, p.floor);
  let left = total - parts.reduce((s, p) => s + p.floor, 0);
  const order = [...parts].sort((a, b) => {
    // Stryker disable next-line EqualityOperator: inside a.rem !== b.rem, a.rem >= b.rem is a.rem > b.rem
    if (a.rem !== b.rem) return a.rem > b.rem ? -1 : 1;
    if (a.weight !== b.weight) return b.weight - a.weight;
    // Keys are unique (a duplicate is refused above), so two parts never compare equal.
    // Stryker disable next-line EqualityOperator: with unique keys a.key <= b.key is a.key < b.key
    return a.key < b.key ? -1 : 1;
  });
  // In exact arithmetic 0 ≤ left < number of parts with a remainder; the floating-point path
  // may be off by rounding, so hand out seats round-robin over the ordered parts (weight > 0).
  // Either way left never exceeds the parts with a positive weight, which come first in the
  // order (a weight of 0 has remainder 0): the filter and the length check are only a guard.
  // Stryker disable next-line MethodExpression,ConditionalExpression,EqualityOperator: a part of weight 0 has remainder 0 and is never reached
  const eligible = order.filter((p) => p.weight > 0);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: eligible is never empty here (Σweight > 0)
  for (let i = 0; left > 0 && eligible.length > 0; i = (i + 1) % eligible.length, left--) {
    const p = eligible[i]!;
    out.set(p.key, (out.get(p.key) ?? 0) + 1);
  }
  return out;
}

export interface StockEntry {
  corporationId: string;
  dwellings: number;
}

export interface CorporationTarget {
  corporationId: string;
  /** Social rent stock on 1 January (R-MO-15); null when not entered for this corporation. */
  stock: number | null;
  /** M-08: stock ÷ total stock × 100, unrounded; null without stock or when the total is 0. */
  stockShare: number | null;
  /** M-09 computed share: largest-remainder part of the yearly number; null when not distributable. */
  computed: number | null;
  /** From the performance agreements (R-MO-14); null when none is recorded. */
  recorded: number | null;
  /** recorded ?? computed. */
  target: number | null;
}

export interface CorporationDistribution {
  rows: CorporationTarget[];
  totalStock: number;
  /** False when there is no stock to distribute by (every computed share is then null). */
  distributable: boolean;
  /** Σ computed (equals the yearly number when distributable). */
  computedTotal: number;
  /** Σ target over the rows that have one. */
  targetTotal: number;
}

/**
 * M-08 and M-09 per corporation (R-MO-13, R-MO-14, R-MO-15). Rows cover every corporation with
 * stock or a recorded number, in the order of `stock` followed by corporations that only have a
 * recorded number (sorted by id).
 */
export function corporationTargets(yearly: number, stock: ReadonlyArray<StockEntry>, recorded: ReadonlyMap<string, number>): CorporationDistribution {
  const totalStock = stock.reduce((s, e) => s + e.dwellings, 0);
  const distributable = totalStock > 0;
  const computed = distributable ? largestRemainder(yearly, stock.map((e) => ({ key: e.corporationId, weight: e.dwellings }))) : new Map<string, number>();
  const ids = [...stock.map((e) => e.corporationId), ...[...recorded.keys()].filter((id) => !stock.some((e) => e.corporationId === id)).sort()];
  const stockOf = new Map(stock.map((e) => [e.corporationId, e.dwellings]));
  const rows = ids.map((corporationId): CorporationTarget => {
    const s = stockOf.get(corporationId) ?? null;
    const c = distributable && s !== null ? (computed.get(corporationId) ?? 0) : null;
    const r = recorded.get(corporationId) ?? null;
    return {
      corporationId,
      stock: s,
      stockShare: distributable && s !== null ? (s / totalStock) * 100 : null,
      computed: c,
      recorded: r,
      target: r ?? c,
    };
  });
  return {
    rows,
    totalStock,
    distributable,
    computedTotal: rows.reduce((s, r) => s + (r.computed ?? 0), 0),
    targetTotal: rows.reduce((s, r) => s + (r.target ?? 0), 0),
  };
}

export type PlanLineLevel = 'main_group' | 'target_group' | 'group_set';

export interface PlanLineLike {
  level: PlanLineLevel;
  /**
   * The main group of the line: given for a main-group line, that of the target group for a
   * target-group line, the common main group of a group set (null when its codes span several).
   */
  mainGroup: string | null;
  dwellings: number;
}

export interface PlanTotals {
  /** M-02 total of the version (see planTotals). */
  planned: number;
  agreed: number | null;
  /** True when an agreed volume is known and the plan total differs from it. */
  differs: boolean;
  /** planned − agreed; null without an agreed volume. */
  difference: number | null;
  /** Planned per main group: its main-group lines, or else the sum of its detail lines. */
  byMainGroup: Record<string, number>;
}

/**
 * The total of a plan version, compared with the agreed volume (§12: warn, never refuse).
 *
 * A plan can be made per main group, per target group or per named set (R-MO-08), and the
 * 2020 plan mixes them: 375 / 970 / 460 per main group and, inside MG-2, 590 MO/BW adults and
 * 110 for youth. A target-group or group-set line whose main group also has a main-group line
 * is a breakdown of that line and is not added again; any other line adds to the total.
 */
export function planTotals(lines: ReadonlyArray<PlanLineLike>, agreed: number | null): PlanTotals {
  const withMainLine = new Set(lines.filter((l) => l.level === 'main_group' && l.mainGroup).map((l) => l.mainGroup!));
  const byMainGroup: Record<string, number> = {};
  let planned = 0;
  for (const l of lines) {
    const counts = l.level === 'main_group' || l.mainGroup === null || !withMainLine.has(l.mainGroup);
    if (!counts) continue;
    planned += l.dwellings;
    if (l.mainGroup) byMainGroup[l.mainGroup] = (byMainGroup[l.mainGroup] ?? 0) + l.dwellings;
  }
  const difference = agreed === null ? null : planned - agreed;
  return { planned, agreed, differs: difference !== null && difference !== 0, difference, byMainGroup };
}

export interface AgreementTerms {
  kind: 'absolute' | 'share';
  yearlyNumber: number | null;
  /** A fraction (0.3 = 30%), at most 5 decimals (numeric(6,5)). */
  share: number | null;
}

export interface AgreedVolume {
  kind: 'absolute' | 'share';
  /** M-01 unrounded (share × released); null for a share agreement without released dwellings. */
  value: number | null;
  /** value rounded half-up to whole dwellings, for display and comparison with plans. */
  rounded: number | null;
  share: number | null;
  released: number | null;
}

/** Half-up rounding of the non-negative fraction n / d (integers). */
function roundHalfUp(n: bigint, d: bigint): number {
  return Number((2n * n + d) / (2n * d));
}

/**
 * M-01: an ABSOLUTE agreement is its yearly number (R-MO-03); a SHARE agreement is
 * share × released social rent dwellings of the period (M-10), e.g. 30% (R-MO-02). The share is
 * computed exactly (the share has at most 5 decimals): `value` keeps the unrounded number for
 * further computation, `rounded` is half-up to whole dwellings (0.5 → 1).
 */
export function agreedVolume(agreement: AgreementTerms, releasedDwellings: number | null | undefined): AgreedVolume {
  if (agreement.kind === 'absolute') {
    const v = agreement.yearlyNumber;
    return { kind: 'absolute', value: v, rounded: v, share: null, released: null };
  }
  const share = agreement.share;
  if (share === null || releasedDwellings === null || releasedDwellings === undefined) {
    return { kind: 'share', value: null, rounded: null, share, released: releasedDwellings ?? null };
  }
  if (!isNonNegativeInteger(releasedDwellings)) throw new RangeError('released dwellings must be a non-negative integer');
  const scaled = BigInt(Math.round(share * 100_000));
  const n = scaled * BigInt(releasedDwellings);
  return { kind: 'share', value: Number(n) / 100_000, rounded: roundHalfUp(n, 100_000n), share, released: releasedDwellings };
}
