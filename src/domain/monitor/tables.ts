/**
 * The monitor dashboard's tables as pure data, made from one MonitorResponse (GET /api/v1/monitor).
 * The web page renders these models and the server exports them (CSV, XLSX, PDF), so the screen
 * and every download show the same numbers. Counts are taken from the response as they are;
 * percentages are rounded half-up to whole percent for display (§11), expected-to-date figures
 * (M-06, fractional twelfths) to whole dwellings. Status (M-07) and signal (M-24) cells keep
 * their codes in the model; `flattenTable` turns them into words of one language.
 */
import { expectedToDate, roundHalfUp, trackStatus } from './formulas.ts';
import { monthShare, proRatedTarget, regionName } from './period.ts';
import {
  MAIN_GROUPS,
  type MainGroup, type MetricId, type MonitorResponse, type MonitorRow, type Status, type Text,
} from './model.ts';

export const TABLE_NAMES = ['groups', 'corporations', 'monthly', 'wait-times', 'waiting', 'statushouders', 'apart', 'regional'] as const;
export type TableName = (typeof TABLE_NAMES)[number];
/**
 * Optional tables made from other aggregates than the MonitorResponse, served by the same
 * GET /api/v1/monitor/tables/:table (household-sizes: R-MO-39, domain/monitor/household-sizes.ts).
 */
export const EXTRA_TABLE_NAMES = ['household-sizes'] as const;
export type ExtraTableName = (typeof EXTRA_TABLE_NAMES)[number];

export type CellKind = 'count' | 'percent' | 'status' | 'signal';
export type Cell = number | string | null;

export interface TableColumn {
  key: string;
  label: Text;
  kind: CellKind;
  /** The metric the column shows. */
  metric: MetricId;
}

export interface TableRow {
  key: string;
  label: Text;
  /** total > main group > target group / group set; 'item' for rows of a flat list. */
  level: 'total' | 'main' | 'target' | 'set' | 'item';
  /** R-MO-21: the caller's own corporation. */
  own?: true;
  /** R-MO-42: a target group outside the agreement. */
  outsideAgreement?: true;
  /** A note (rule ID) that belongs next to this row (R-MO-25 at the SMU row). */
  note?: string;
  /** One value per column, in column order. */
  cells: Cell[];
}

export interface TableModel {
  name: TableName | ExtraTableName;
  caption: Text;
  /** Header of the first column (the row headers). */
  rowHeader: Text;
  columns: TableColumn[];
  rows: TableRow[];
  /** Rule IDs of the notes (MonitorResponse.notes) shown with the table. */
  notes: string[];
  /** Metric IDs the table shows. */
  metrics: MetricId[];
}

export interface TableOptions {
  /** Organisation code of the caller's corporation: its row comes first (R-MO-21). */
  ownCorporation?: string;
}

// ─── Row lookup ──────────────────────────────────────────────────────────────

const DIMS = [
  'region', 'municipality', 'corporation', 'mainGroup', 'targetGroup', 'groupSet', 'planVersion', 'month', 'half', 'year',
  'bucket', 'route', 'measure', 'reportRow', 'outsideAgreement', 'district', 'neighbourhood',
] as const satisfies ReadonlyArray<keyof MonitorRow>;
type Dims = Partial<Pick<MonitorRow, (typeof DIMS)[number]>>;

class Rows {
  private readonly index = new Map<string, MonitorRow[]>();
  constructor(rows: ReadonlyArray<MonitorRow>) {
    for (const r of rows) {
      const k = Rows.key(r.metric, r.period, r);
      const list = this.index.get(k);
      if (list) list.push(r);
      else this.index.set(k, [r]);
    }
  }
  static key(metric: MetricId, period: MonitorRow['period'], d: Dims): string {
    // Stryker disable next-line ConditionalExpression,StringLiteral: rows and look-ups share this key, so any spelling of an absent dimension (and any separator, short of two dimensions holding the same code) finds the same rows
    return `${metric}|${period}|${DIMS.map((k) => (d[k] === undefined ? '' : String(d[k]))).join('|')}`;
  }
  /** Every row with exactly these dimensions (absent = "all"). */
  all(metric: MetricId, period: MonitorRow['period'], d: Dims = {}): MonitorRow[] {
    return this.index.get(Rows.key(metric, period, d)) ?? [];
  }
  /** The numeric value of the row with exactly these dimensions, or null. */
  num(metric: MetricId, period: MonitorRow['period'], d: Dims = {}): number | null {
    const hit = this.all(metric, period, d).find((r) => typeof r.value === 'number');
    return hit ? (hit.value as number) : null;
  }
  /** The string value (status, signal) of the row with exactly these dimensions, or null. */
  str(metric: MetricId, period: MonitorRow['period'], d: Dims = {}): string | null {
    const hit = this.all(metric, period, d).find((r) => typeof r.value === 'string');
    return hit ? (hit.value as string) : null;
  }
  has(metric: MetricId, period: MonitorRow['period'], d: Dims = {}): boolean {
    return this.all(metric, period, d).length > 0;
  }
}

const pct = (v: number | null): number | null => (v === null ? null : roundHalfUp(v));
const whole = (v: number | null): number | null => (v === null ? null : roundHalfUp(v));
/** Sum that stays null when every part is null. */
function sumOrNull(values: ReadonlyArray<number | null>): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length ? present.reduce((a, b) => a + b, 0) : null;
}

/**
 * The municipality the figures are read for: the filtered one, or the only one in scope.
 * Undefined means "programme-wide": counts are read from rows without a municipality and
 * plan figures (recorded per municipality) are summed.
 */
export function focusMunicipality(m: MonitorResponse): string | undefined {
  if (m.scope.municipality) return m.scope.municipality;
  const codes = Object.keys(m.labels.municipalities);
  return codes.length === 1 ? codes[0] : undefined;
}

function municipalitiesWithRows(m: MonitorResponse, metric: MetricId): string[] {
  // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: a municipality without rows of the metric adds only nulls (dropped by sumOrNull and the status filter), and the metrics asked for (M-01, M-02, M-20) always carry a municipality
  return [...new Set(m.rows.filter((r) => r.metric === metric && r.municipality).map((r) => r.municipality!))];
}

const T = (nl: string, en: string): Text => ({ nl, en });

export const MONTHS: Text[] = [
  T('januari', 'January'), T('februari', 'February'), T('maart', 'March'), T('april', 'April'), T('mei', 'May'), T('juni', 'June'),
  T('juli', 'July'), T('augustus', 'August'), T('september', 'September'), T('oktober', 'October'), T('november', 'November'), T('december', 'December'),
];

export const STATUS_TEXT: Record<Status, Text> = {
  ON_TRACK: T('Op stoom', 'On track'),
  BEHIND: T('Achter', 'Behind'),
};

/** R-MO-36: a signal for the regional meeting, never a breach or a block. */
export const SIGNAL_TEXT: Record<string, Text> = {
  ABOVE_10_PERCENT: T('Signaal: meer dan 10%', 'Signal: more than 10%'),
  NOT_ABOVE_10_PERCENT: T('Geen signaal (10% of minder)', 'No signal (10% or less)'),
};

const col = (key: string, metric: MetricId, kind: CellKind, label: Text): TableColumn => ({ key, metric, kind, label });

function model(name: TableName, caption: Text, rowHeader: Text, columns: TableColumn[], rows: TableRow[], notes: string[] = []): TableModel {
  return { name, caption, rowHeader, columns, rows, notes, metrics: [...new Set(columns.map((c) => c.metric))] };
}

/**
 * "t/m december" for a month that is over, "t/m 4 december" while it runs (the figures stand at
 * today, issue 9).
 */
export function uptoText(m: MonitorResponse): Text {
  const month = MONTHS[m.month - 1]!;
  if (m.state !== 'running') return month;
  const day = Number(m.asOf.slice(8, 10));
  return T(`${day} ${month.nl}`, `${day} ${month.en}`);
}

/**
 * The area shown, as a title names it: the municipality asked for, the region asked for (named
 * once: "Regio Veenhaven"), the only municipality there is, or all municipalities.
 */
export function areaText(m: MonitorResponse): Text {
  if (m.scope.municipality) {
    const name = m.labels.municipalities[m.scope.municipality]?.name ?? m.scope.municipality;
    return T(name, name);
  }
  if (m.scope.region) {
    const name = m.labels.regions[m.scope.region] ?? m.scope.region;
    return T(regionName(name, 'nl'), regionName(name, 'en'));
  }
  const mu = focusMunicipality(m);
  if (mu) {
    const name = m.labels.municipalities[mu]?.name ?? mu;
    return T(name, name);
  }
  return T('alle gemeenten', 'all municipalities');
}

function scopeText(m: MonitorResponse): Text {
  const parts: Text[] = [areaText(m)];
  if (m.scope.corporation) {
    const c = m.labels.corporations[m.scope.corporation] ?? m.scope.corporation;
    parts.push(T(c, c));
  }
  const upto = uptoText(m);
  return T(`${parts.map((p) => p.nl).join(', ')}, ${m.year} t/m ${upto.nl}`, `${parts.map((p) => p.en).join(', ')}, ${m.year} up to ${upto.en}`);
}

const captionOf = (m: MonitorResponse, nl: string, en: string): Text => {
  const s = scopeText(m);
  return T(`${nl} (${s.nl})`, `${en} (${s.en})`);
};

/** The target groups of a main group that the response has any figure for, in reference order. */
function groupsOf(m: MonitorResponse, mg: MainGroup, present: (code: string) => boolean): string[] {
  return Object.entries(m.labels.targetGroups).filter(([code, g]) => g.mainGroup === mg && present(code)).map(([code]) => code);
}

const tgLabel = (m: MonitorResponse, code: string): Text => {
  const g = m.labels.targetGroups[code];
  return g ? T(g.nl, g.en) : T(code, code);
};

/**
 * The monitor filtered on one corporation: that corporation's own target (M-09, summed over the
 * municipalities in scope), its target to date (M-06) and statuses (M-07). Null without a
 * corporation filter; target null when none is recorded or computed.
 */
export function corporationTarget(m: MonitorResponse): { corporation: string; target: number | null; expected: number | null; statuses: string[] } | null {
  const co = m.scope.corporation;
  if (!co) return null;
  const r = new Rows(m.rows);
  const mu = focusMunicipality(m);
  const munis = mu ? [mu] : [...new Set(m.rows.filter((x) => x.metric === 'M-09' && x.corporation === co && x.municipality).map((x) => x.municipality!))];
  const target = sumOrNull(munis.map((x) => r.num('M-09', 'year', { municipality: x, corporation: co })));
  const expected = target === null ? null : sumOrNull(munis.map((x) => r.num('M-06', 'ytd', { municipality: x, corporation: co }))) ?? proRatedTarget(target, m.elapsedMonths);
  const statuses = target === null ? [] : munis.map((x) => r.str('M-07', 'ytd', { municipality: x, corporation: co })).filter((x): x is string => x !== null);
  return { corporation: co, target, expected, statuses };
}

// ─── groups: planned vs delivered per main group and target group (M-02..M-07, R-MO-09, R-MO-19) ──

export function groupsTable(m: MonitorResponse): TableModel {
  const r = new Rows(m.rows);
  const upto = uptoText(m);
  const mu = focusMunicipality(m);
  const planMunis = mu ? [mu] : municipalitiesWithRows(m, 'M-02');
  const columns = [
    col('plannedCurrent', 'M-02', 'count', T('Prognose (huidige versie)', 'Planned (current version)')),
    col('plannedInitial', 'M-02', 'count', T('Prognose (eerste versie)', 'Planned (initial version)')),
    col('deliveredYtd', 'M-03', 'count', T(`Geleverd t/m ${upto.nl}`, `Delivered up to ${upto.en}`)),
    col('deliveredYear', 'M-03', 'count', T('Geleverd in het jaar', 'Delivered in the year')),
    col('difference', 'M-04', 'count', T('Verschil met prognose', 'Difference from plan')),
    col('realisation', 'M-05', 'percent', T('Realisatie (%)', 'Realisation (%)')),
    col('expected', 'M-06', 'count', T(`Verwacht t/m ${upto.nl}`, `Expected up to ${upto.en}`)),
    col('status', 'M-07', 'status', T('Op stoom of achter', 'On track or behind')),
  ];
  type Sel = { mainGroup?: MainGroup; targetGroup?: string; groupSet?: string };
  /** A plan line's figures (current and initial version), for the focus municipality or summed. */
  const plan = (sel: Sel) => {
    const at = (metric: MetricId, period: MonitorRow['period'], version: 'current' | 'initial') =>
      sumOrNull(planMunis.map((x) => r.num(metric, period, { municipality: x, planVersion: version, ...sel })));
    return {
      current: at('M-02', 'year', 'current'),
      initial: at('M-02', 'year', 'initial') ?? at('M-02', 'year', 'current'),
      expected: at('M-06', 'ytd', 'current'),
      statuses: planMunis.map((x) => r.str('M-07', 'ytd', { municipality: x, planVersion: 'current', ...sel })).filter((s): s is string => s !== null),
    };
  };
  const delivered = (d: Dims) => ({ year: r.num('M-03', 'year', { ...(mu ? { municipality: mu } : {}), ...d }), ytd: r.num('M-03', 'ytd', { ...(mu ? { municipality: mu } : {}), ...d }) });
  const line = (key: string, label: Text, level: TableRow['level'], p: ReturnType<typeof plan>, d: { year: number | null; ytd: number | null }, extra: Partial<TableRow> = {}): TableRow => {
    const dy = d.year ?? 0;
    const dytd = d.ytd ?? 0;
    const diff = p.current === null ? null : dy - p.current;
    const rate = p.current ? (dy / p.current) * 100 : null;
    // One municipality: the status as computed with its tolerance; summed: on the summed figures.
    const status = p.expected === null ? null : p.statuses.length === 1 ? p.statuses[0]! : trackStatus(dytd, p.expected);
    return { key, label, level, ...extra, cells: [p.current, p.current === null ? null : p.initial, d.ytd ?? 0, d.year ?? 0, diff, pct(rate), whole(p.expected), status] };
  };

  const rows: TableRow[] = [];
  const totalDims: Dims = mu ? { municipality: mu } : {};
  const td = delivered({});
  const own = corporationTarget(m);
  if (own) {
    // Filtered on one corporation: its deliveries against its own target (M-09), not the municipal agreement.
    const name = m.labels.corporations[own.corporation] ?? own.corporation;
    rows.push(line('total', T(`Totaal (taakstelling ${name})`, `Total (${name}'s target)`), 'total', { current: own.target, initial: own.target, expected: own.expected, statuses: own.statuses }, td));
  } else {
    // Total: the agreement (M-01) against everything delivered.
    const agreed = mu ? r.num('M-01', 'year', { municipality: mu }) : r.num('M-01', 'year') ?? sumOrNull(municipalitiesWithRows(m, 'M-01').map((x) => r.num('M-01', 'year', { municipality: x })));
    const totalExpected = agreed === null ? null : r.num('M-06', 'ytd', totalDims) ?? proRatedTarget(agreed, m.elapsedMonths);
    const totalStatus = r.str('M-07', 'ytd', totalDims);
    rows.push(line('total', T('Totaal (afgesproken aantal)', 'Total (agreed volume)'), 'total', { current: agreed, initial: agreed, expected: totalExpected, statuses: totalStatus ? [totalStatus] : [] }, td));
  }

  const tgDelivered = (code: string) => delivered({ mainGroup: m.labels.targetGroups[code]?.mainGroup, targetGroup: code });
  for (const mg of MAIN_GROUPS) {
    const label = m.labels.mainGroups[mg];
    rows.push(line(mg, T(label.nl, label.en), 'main', plan({ mainGroup: mg }), delivered({ mainGroup: mg })));
    const codes = groupsOf(m, mg, (code) => r.has('M-03', 'year', { ...totalDims, mainGroup: mg, targetGroup: code, ...(m.labels.targetGroups[code]?.countsTowardAgreement ? {} : { outsideAgreement: true }) })
      || planMunis.some((x) => r.has('M-02', 'year', { municipality: x, planVersion: 'current', targetGroup: code })));
    for (const code of codes) {
      const outside = !m.labels.targetGroups[code]?.countsTowardAgreement;
      const d = outside
        ? { year: r.num('M-03', 'year', { ...totalDims, mainGroup: mg, targetGroup: code, outsideAgreement: true }), ytd: r.num('M-03', 'ytd', { ...totalDims, mainGroup: mg, targetGroup: code, outsideAgreement: true }) }
        : tgDelivered(code);
      const l = tgLabel(m, code);
      rows.push(line(code, outside ? T(`${l.nl} (buiten de afspraak)`, `${l.en} (outside the agreement)`) : l, 'target', plan({ targetGroup: code }), d, outside ? { outsideAgreement: true } : {}));
    }
    // Plan lines on a named set of groups (R-MO-08), after the main group of their first code.
    for (const [name, codes] of Object.entries(m.labels.groupSets)) {
      // Stryker disable next-line StringLiteral: an empty set has no first code; any key that is no target group code skips it alike
      if (m.labels.targetGroups[codes[0] ?? '']?.mainGroup !== mg) continue;
      const parts = codes.map(tgDelivered);
      rows.push(line(`set:${name}`, T(`Combinatie: ${name}`, `Combination: ${name}`), 'set', plan({ groupSet: name }),
        { year: sumOrNull(parts.map((p) => p.year)) ?? 0, ytd: sumOrNull(parts.map((p) => p.ytd)) ?? 0 }));
    }
  }
  return model('groups', captionOf(m, 'Prognose en levering per hoofdgroep en doelgroep', 'Planned and delivered per main group and target group'), T('Groep', 'Group'), columns, rows);
}

// ─── corporations: per corporation (M-03, M-06..M-11, R-MO-13..R-MO-21) ──────────

export function corporationsTable(m: MonitorResponse, opts: TableOptions = {}): TableModel {
  const r = new Rows(m.rows);
  const upto = uptoText(m);
  const mu = focusMunicipality(m);
  const columns = [
    col('target', 'M-09', 'count', T('Taakstelling corporatie', 'Corporation target')),
    col('stockShare', 'M-08', 'percent', T('Aandeel woningvoorraad (%)', 'Stock share (%)')),
    col('deliveredYtd', 'M-03', 'count', T(`Geleverd t/m ${upto.nl}`, `Delivered up to ${upto.en}`)),
    col('deliveredYear', 'M-03', 'count', T('Geleverd in het jaar', 'Delivered in the year')),
    col('expected', 'M-06', 'count', T(`Verwacht t/m ${upto.nl}`, `Expected up to ${upto.en}`)),
    col('difference', 'M-04', 'count', T('Verschil met taakstelling', 'Difference from target')),
    col('status', 'M-07', 'status', T('Op stoom of achter', 'On track or behind')),
    col('released', 'M-10', 'count', T('Vrijgekomen sociale huurwoningen', 'Released social rent dwellings')),
    col('share', 'M-11', 'percent', T('Aandeel voor kwetsbare groepen (%)', 'Share for vulnerable groups (%)')),
  ];
  const codes = new Set<string>(Object.keys(m.labels.corporations));
  for (const row of m.rows) if (row.corporation && !row.planVersion) codes.add(row.corporation);
  const munis = mu ? [mu] : [...new Set(m.rows.filter((x) => x.corporation && x.municipality).map((x) => x.municipality!))];
  const rows: TableRow[] = [];
  for (const co of codes) {
    const at = (metric: MetricId, period: MonitorRow['period'], extra: Dims = {}) => sumOrNull(munis.map((x) => r.num(metric, period, { municipality: x, corporation: co, ...extra })));
    const deliveredYear = mu ? r.num('M-03', 'year', { municipality: mu, corporation: co }) : r.num('M-03', 'year', { corporation: co });
    const deliveredYtd = mu ? r.num('M-03', 'ytd', { municipality: mu, corporation: co }) : r.num('M-03', 'ytd', { corporation: co });
    const target = at('M-09', 'year');
    const expected = at('M-06', 'ytd');
    const statuses = munis.map((x) => r.str('M-07', 'ytd', { municipality: x, corporation: co })).filter((s): s is string => s !== null);
    const status = expected === null ? null : statuses.length === 1 ? statuses[0]! : trackStatus(deliveredYtd ?? 0, expected);
    const released = at('M-10', 'year');
    const share = mu ? r.num('M-11', 'year', { municipality: mu, corporation: co }) : released ? ((deliveredYear ?? 0) / released) * 100 : null;
    const name = m.labels.corporations[co] ?? co;
    rows.push({
      key: co, label: T(name, name), level: 'item', ...(opts.ownCorporation === co ? { own: true as const } : {}),
      cells: [target, mu ? pct(r.num('M-08', 'year', { municipality: mu, corporation: co })) : null, deliveredYtd ?? 0, deliveredYear ?? 0, whole(expected),
        target === null ? null : (deliveredYear ?? 0) - target, status, released, pct(share)],
    });
  }
  rows.sort((a, b) => Number(!!b.own) - Number(!!a.own) || a.label.nl.localeCompare(b.label.nl, 'nl'));
  return model('corporations', captionOf(m, 'Levering per corporatie', 'Delivery per corporation'), T('Corporatie', 'Corporation'), columns, rows);
}

// ─── monthly: delivered per month, cumulative, expected cumulative (M-03 month, M-06) ──

export function monthlyTable(m: MonitorResponse): TableModel {
  const r = new Rows(m.rows);
  const mu = focusMunicipality(m);
  const d: Dims = mu ? { municipality: mu } : {};
  const own = corporationTarget(m);
  // Expected: the agreement, or filtered on a corporation its own target.
  const agreed = own ? own.target : mu ? r.num('M-01', 'year', d) : r.num('M-01', 'year') ?? sumOrNull(municipalitiesWithRows(m, 'M-01').map((x) => r.num('M-01', 'year', { municipality: x })));
  const columns = [
    col('delivered', 'M-03', 'count', T('Geleverd in de maand', 'Delivered in the month')),
    col('cumulative', 'M-03', 'count', T('Geleverd cumulatief', 'Delivered cumulative')),
    col('expected', 'M-06', 'count', T('Verwacht cumulatief', 'Expected cumulative')),
  ];
  const rows: TableRow[] = [];
  let cumulative = 0;
  for (let month = 1; month <= m.month; month++) {
    const n = r.num('M-03', 'month', { ...d, month }) ?? 0;
    cumulative += n;
    // The running month: its label says up to which day, its expected figure is pro-rated to today.
    const running = month === m.month && m.state === 'running';
    const upto = uptoText(m);
    const label = running ? T(`${MONTHS[month - 1]!.nl} (t/m ${upto.nl})`, `${MONTHS[month - 1]!.en} (up to ${upto.en})`) : MONTHS[month - 1]!;
    const expected = agreed === null ? null : whole(running ? proRatedTarget(agreed, m.elapsedMonths) : expectedToDate(agreed, month));
    rows.push({ key: String(month), label, level: 'item', cells: [n, cumulative, expected] });
  }
  return model('monthly', captionOf(m, 'Levering per maand, cumulatief en verwacht', 'Delivery per month, cumulative and expected'), T('Maand', 'Month'), columns, rows);
}

// ─── wait-times: M-13..M-16 per target group with the previous year (R-MO-25..R-MO-28) ──

export function waitTimesTable(m: MonitorResponse): TableModel {
  const r = new Rows(m.rows);
  const mu = focusMunicipality(m);
  const d: Dims = mu ? { municipality: mu } : {};
  const prev = m.year - 1;
  const columns = [
    col('base', 'M-13', 'count', T('Aantal gehuisvest (basis)', 'Households housed (base)')),
    col('lt3', 'M-14', 'percent', T('< 3 maanden (%)', '< 3 months (%)')),
    col('3to6', 'M-15', 'percent', T('3–6 maanden (%)', '3–6 months (%)')),
    col('gt6', 'M-16', 'percent', T('> 6 maanden (%)', '> 6 months (%)')),
    col('lt3Previous', 'M-14', 'percent', T(`< 3 maanden in ${prev} (%)`, `< 3 months in ${prev} (%)`)),
  ];
  const line = (key: string, label: Text, level: TableRow['level'], x: Dims, note?: string): TableRow => ({
    key, label, level, ...(note ? { note } : {}),
    cells: [r.num('M-13', 'year', x), pct(r.num('M-14', 'year', x)), pct(r.num('M-15', 'year', x)), pct(r.num('M-16', 'year', x)), pct(r.num('M-14', 'year', { ...x, year: prev }))],
  });
  const rows: TableRow[] = [line('total', T('Totaal', 'Total'), 'total', d)];
  for (const mg of MAIN_GROUPS) {
    const label = m.labels.mainGroups[mg];
    rows.push(line(mg, T(label.nl, label.en), 'main', { ...d, mainGroup: mg }));
    for (const code of groupsOf(m, mg, (c) => r.has('M-13', 'year', { ...d, mainGroup: mg, targetGroup: c }) || r.has('M-13', 'year', { ...d, mainGroup: mg, targetGroup: c, year: prev }))) {
      rows.push(line(code, tgLabel(m, code), 'target', { ...d, mainGroup: mg, targetGroup: code }, m.notes.some((n) => n.id === 'R-MO-25' && n.targetGroup === code) ? 'R-MO-25' : undefined));
    }
  }
  return model('wait-times', captionOf(m, 'Wachttijd tot het huurcontract per doelgroep', 'Wait until the lease per target group'), T('Groep', 'Group'), columns, rows, ['R-MO-26', 'R-MO-25']);
}

// ─── waiting: households still waiting at the month end (M-17) ───────────────

export function waitingTable(m: MonitorResponse): TableModel {
  const r = new Rows(m.rows);
  const mu = focusMunicipality(m);
  const d: Dims = mu ? { municipality: mu } : {};
  const columns = [
    col('lt3', 'M-17', 'count', T('Korter dan 3 maanden', 'Less than 3 months')),
    col('3to6', 'M-17', 'count', T('3 tot 6 maanden', '3 to 6 months')),
    col('gt6', 'M-17', 'count', T('6 maanden of langer', '6 months or more')),
    col('total', 'M-17', 'count', T('Totaal wachtend', 'Total waiting')),
  ];
  const line = (key: string, label: Text, level: TableRow['level'], x: Dims): TableRow => {
    const b = (['lt3', '3to6', 'gt6'] as const).map((bucket) => r.num('M-17', 'month-end', { ...x, month: m.month, bucket }) ?? 0);
    return { key, label, level, cells: [...b, b.reduce((s, v) => s + v, 0)] };
  };
  const rows: TableRow[] = [line('total', T('Totaal', 'Total'), 'total', d)];
  for (const mg of MAIN_GROUPS) {
    const has = (x: Dims) => (['lt3', '3to6', 'gt6'] as const).some((bucket) => r.has('M-17', 'month-end', { ...x, month: m.month, bucket }));
    if (!has({ ...d, mainGroup: mg })) continue;
    const label = m.labels.mainGroups[mg];
    rows.push(line(mg, T(label.nl, label.en), 'main', { ...d, mainGroup: mg }));
    for (const code of groupsOf(m, mg, (c) => has({ ...d, mainGroup: mg, targetGroup: c }))) rows.push(line(code, tgLabel(m, code), 'target', { ...d, mainGroup: mg, targetGroup: code }));
  }
  const at = m.state === 'running' ? uptoText(m) : T('het eind van de maand', 'the month end');
  return model('waiting', captionOf(m, `Huishoudens nog wachtend op een woning op ${at.nl}`, `Households still waiting for a dwelling at ${at.en}`), T('Groep', 'Group'), columns, rows, ['R-MO-26']);
}

// ─── statushouders: half-year quota, persons housed by route, backlog (M-20..M-23, R-MO-32..R-MO-34) ──

export function statushoudersTable(m: MonitorResponse): TableModel {
  const r = new Rows(m.rows);
  const mu = focusMunicipality(m);
  const munis = mu ? [mu] : municipalitiesWithRows(m, 'M-20');
  const columns = [
    col('quota', 'M-20', 'count', T('Taakstelling (personen)', 'Quota (persons)')),
    col('housedDwelling', 'M-21', 'count', T('Gehuisvest in corporatiewoning (personen)', 'Housed in a corporation dwelling (persons)')),
    col('housedProject', 'M-21', 'count', T('Gehuisvest in woonproject (personen)', 'Housed in a housing project (persons)')),
    col('housed', 'M-21', 'count', T('Gehuisvest totaal (personen)', 'Housed in total (persons)')),
    col('backlog', 'M-22', 'count', T('Achterstand aan het eind (personen)', 'Backlog at the end (persons)')),
    col('allocated', 'M-22a', 'count', T('Waarvan woning toegewezen (personen)', 'Of which a dwelling allocated (persons)')),
    col('dwellings', 'M-23', 'count', T('Woningen geleverd (woningen)', 'Dwellings delivered (dwellings)')),
  ];
  const sum = (metric: MetricId, period: MonitorRow['period'], x: Dims) => sumOrNull(munis.map((u) => r.num(metric, period, { municipality: u, ...x })));
  const md: Dims = mu ? { municipality: mu } : {};
  const dwellingsIn = (from: number, to: number) => {
    let s = 0;
    for (let month = from; month <= to; month++) s += r.num('M-23', 'month', { ...md, mainGroup: 'MG-3', month }) ?? 0;
    return s;
  };
  const rows: TableRow[] = ([1, 2] as const).map((half): TableRow => ({
    key: `H${half}`, label: half === 1 ? T(`Eerste halfjaar ${m.year}`, `First half of ${m.year}`) : T(`Tweede halfjaar ${m.year}`, `Second half of ${m.year}`), level: 'item',
    cells: [sum('M-20', 'half-year', { half }), sum('M-21', 'half-year', { half, route: 'corporation_dwelling' }), sum('M-21', 'half-year', { half, route: 'housing_project' }),
      sum('M-21', 'half-year', { half }), sum('M-22', 'half-year', { half }), sum('M-22a', 'half-year', { half }), half === 1 ? dwellingsIn(1, 6) : dwellingsIn(7, 12)],
  }));
  rows.push({
    key: 'year', label: T(`Heel ${m.year}`, `All of ${m.year}`), level: 'total',
    cells: [sum('M-20', 'year', {}), sumOrNull([rows[0]!.cells[1] as number | null, rows[1]!.cells[1] as number | null]), sumOrNull([rows[0]!.cells[2] as number | null, rows[1]!.cells[2] as number | null]),
      sum('M-21', 'year', {}), sum('M-22', 'year', {}), sum('M-22a', 'year', {}), r.num('M-23', 'year', { ...md, mainGroup: 'MG-3' }) ?? 0],
  });
  return model('statushouders', captionOf(m, 'Statushouders: taakstelling, huisvesting en achterstand per halfjaar', 'Statushouders: quota, housing and backlog per half-year'), T('Periode', 'Period'), columns, rows);
}

// ─── apart: moves due to re-assessment and swaps (M-18, M-19, R-MO-29, R-MO-30, R-MO-41) ──

export function apartTable(m: MonitorResponse): TableModel {
  const r = new Rows(m.rows);
  const upto = uptoText(m);
  const mu = focusMunicipality(m);
  const d: Dims = mu ? { municipality: mu } : {};
  const columns = [
    col('reassessYtd', 'M-18', 'count', T(`Herijking perspectief t/m ${upto.nl}`, `Re-assessment moves up to ${upto.en}`)),
    col('reassessYear', 'M-18', 'count', T('Herijking perspectief in het jaar', 'Re-assessment moves in the year')),
    col('swapsYtd', 'M-19', 'count', T(`Woningruil t/m ${upto.nl}`, `Swaps up to ${upto.en}`)),
    col('swapsYear', 'M-19', 'count', T('Woningruil in het jaar', 'Swaps in the year')),
  ];
  const cells = (x: Dims): Cell[] => [r.num('M-18', 'ytd', x) ?? 0, r.num('M-18', 'year', x) ?? 0, r.num('M-19', 'ytd', x) ?? 0, r.num('M-19', 'year', x) ?? 0];
  const rows: TableRow[] = [{ key: 'total', label: T('Totaal', 'Total'), level: 'total', cells: cells(d) }];
  for (const mg of MAIN_GROUPS) {
    for (const code of groupsOf(m, mg, (c) => cells({ ...d, mainGroup: mg, targetGroup: c }).some((v) => v !== 0))) {
      rows.push({ key: code, label: tgLabel(m, code), level: 'target', cells: cells({ ...d, mainGroup: mg, targetGroup: code }) });
    }
  }
  return model('apart', captionOf(m, 'Verhuizingen door herijking perspectief en woningruil (tellen niet mee)', 'Moves due to re-assessment of perspective and swaps (not counted)'), T('Doelgroep', 'Target group'), columns, rows, ['R-MO-29']);
}

// ─── regional: released dwellings and the statushouders share with its signal (M-10, M-11, M-24, R-MO-36) ──

export function regionalTable(m: MonitorResponse): TableModel {
  const r = new Rows(m.rows);
  const upto = uptoText(m);
  const columns = [
    col('releasedYtd', 'M-10', 'count', T(`Vrijgekomen t/m ${upto.nl}`, `Released up to ${upto.en}`)),
    col('releasedYear', 'M-10', 'count', T('Vrijgekomen in het jaar', 'Released in the year')),
    col('vulnerableShare', 'M-11', 'percent', T('Aandeel kwetsbare groepen (%)', 'Share for vulnerable groups (%)')),
    col('shareYtd', 'M-24', 'percent', T(`Aandeel statushouders t/m ${upto.nl} (%)`, `Statushouders share up to ${upto.en} (%)`)),
    col('shareYear', 'M-24', 'percent', T('Aandeel statushouders in het jaar (%)', 'Statushouders share in the year (%)')),
    col('signal', 'M-24', 'signal', T('Signaal regionaal overleg', 'Signal for the regional meeting')),
  ];
  const rows: TableRow[] = [];
  const regions = [...new Set(m.rows.filter((x) => x.metric === 'M-24' && x.region && !x.municipality).map((x) => x.region!))];
  for (const rg of regions) {
    const x: Dims = { region: rg };
    const name = m.labels.regions[rg] ?? rg;
    rows.push({ key: `region:${rg}`, label: T(regionName(name, 'nl'), regionName(name, 'en')), level: 'total',
      cells: [r.num('M-10', 'ytd', x), r.num('M-10', 'year', x), null, pct(r.num('M-24', 'ytd', x)), pct(r.num('M-24', 'year', x)), r.str('M-24', 'year', x)] });
  }
  const munis = [...new Set(m.rows.filter((x) => (x.metric === 'M-10' || x.metric === 'M-24') && x.municipality && !x.corporation && !x.month).map((x) => x.municipality!))];
  for (const mu of munis) {
    const x: Dims = { municipality: mu };
    const name = m.labels.municipalities[mu]?.name ?? mu;
    rows.push({ key: mu, label: T(name, name), level: 'item',
      cells: [r.num('M-10', 'ytd', x), r.num('M-10', 'year', x), pct(r.num('M-11', 'year', x)), pct(r.num('M-24', 'ytd', x)), pct(r.num('M-24', 'year', x)), r.str('M-24', 'year', x)] });
  }
  return model('regional', captionOf(m, 'Vrijgekomen sociale huurwoningen en het regionale aandeel statushouders', 'Released social rent dwellings and the regional statushouders share'), T('Regio of gemeente', 'Region or municipality'), columns, rows, ['R-MO-36']);
}

// ─── All tables, flattening, headline ────────────────────────────────────────

export function monitorTable(m: MonitorResponse, name: TableName, opts: TableOptions = {}): TableModel {
  switch (name) {
    case 'groups': return groupsTable(m);
    case 'corporations': return corporationsTable(m, opts);
    case 'monthly': return monthlyTable(m);
    case 'wait-times': return waitTimesTable(m);
    case 'waiting': return waitingTable(m);
    case 'statushouders': return statushoudersTable(m);
    case 'apart': return apartTable(m);
    case 'regional': return regionalTable(m);
  }
}

export function isTableName(s: string): s is TableName {
  return (TABLE_NAMES as readonly string[]).includes(s);
}

/** A cell as words of one language: status and signal codes translated, numbers kept as numbers. */
export function cellValue(c: Cell, kind: CellKind, lang: 'nl' | 'en'): string | number | null {
  // Stryker disable next-line ConditionalExpression: a number is no key of STATUS_TEXT or SIGNAL_TEXT, so it comes back as it is either way
  if (typeof c !== 'string') return c;
  const words = kind === 'status' ? STATUS_TEXT[c as Status] : kind === 'signal' ? SIGNAL_TEXT[c] : undefined;
  return words?.[lang] ?? c;
}

/** The table as a header line and value lines (for CSV, XLSX and PDF). */
export function flattenTable(t: TableModel, lang: 'nl' | 'en'): { header: string[]; rows: Array<Array<string | number | null>> } {
  return {
    header: [t.rowHeader[lang], ...t.columns.map((c) => c.label[lang])],
    rows: t.rows.map((row) => [row.label[lang], ...row.cells.map((c, i) => cellValue(c, t.columns[i]!.kind, lang))]),
  };
}

export interface Headline {
  /**
   * The year's number the figures are compared with: the municipal agreement (M-01), or — when
   * the monitor is filtered on one corporation — that corporation's own target (M-09). Null when
   * none is recorded.
   */
  agreed: number | null;
  /** Which target `agreed` is: the agreement, or the corporation's own target. */
  targetKind: 'agreement' | 'corporation';
  deliveredYtd: number;
  deliveredYear: number;
  /** M-06: the target pro-rated up to the "as of" date (whole twelfths for a closed month, to the day while it runs). */
  expectedToDate: number | null;
  status: Status | null;
  /** M-05 rounded half-up to whole percent. */
  realisation: number | null;
  /** Delivered in the selected month itself (M-03, month). */
  monthDelivered: number;
  /** The month's own share of the target (1/12), pro-rated while the month runs; whole dwellings. */
  monthTarget: number | null;
  /** M-14 over the year, whole percent (R-MO-27: the headline wait-time figure). */
  within3: number | null;
  waitBase: number | null;
  waiting: number;
  /** M-24 signal of the scope's region or municipality (R-MO-36). */
  signal: string | null;
}

/**
 * The headline tiles: delivered vs the target, expected to date, status, % within 3 months.
 * Filtered on a corporation, the tiles compare with the corporation's own target (M-09), never
 * with the municipal agreement.
 */
export function headline(m: MonitorResponse): Headline {
  const g = groupsTable(m).rows[0]!.cells;
  const w = waitTimesTable(m).rows[0]!.cells;
  const waiting = waitingTable(m).rows[0]!.cells;
  const regional = regionalTable(m).rows;
  const monthly = monthlyTable(m).rows;
  const mu = focusMunicipality(m);
  const sig = (mu ? regional.find((x) => x.key === mu) : regional[0])?.cells[5] ?? null;
  const common = {
    monthDelivered: (monthly[monthly.length - 1]?.cells[0] as number | undefined) ?? 0,
    within3: w[1] as number | null,
    waitBase: w[0] as number | null,
    waiting: waiting[3] as number,
    signal: typeof sig === 'string' ? sig : null,
  };
  const monthTargetOf = (target: number | null) => (target === null ? null : whole(monthShare(target, m.monthFraction)));
  if (m.scope.corporation) {
    const c = corporationsTable(m).rows.find((x) => x.key === m.scope.corporation)?.cells;
    const target = (c?.[0] as number | null | undefined) ?? null;
    const deliveredYear = (c?.[3] as number | undefined) ?? (g[3] as number);
    return {
      ...common,
      agreed: target,
      targetKind: 'corporation',
      deliveredYtd: (c?.[2] as number | undefined) ?? (g[2] as number),
      deliveredYear,
      expectedToDate: target === null ? null : whole(proRatedTarget(target, m.elapsedMonths)),
      status: target === null ? null : ((c?.[6] as Status | null | undefined) ?? null),
      realisation: target ? pct((deliveredYear / target) * 100) : null,
      monthTarget: monthTargetOf(target),
    };
  }
  return {
    ...common,
    agreed: g[0] as number | null,
    targetKind: 'agreement',
    deliveredYtd: g[2] as number,
    deliveredYear: g[3] as number,
    expectedToDate: g[6] as number | null,
    status: (g[7] as Status | null) ?? null,
    realisation: g[5] as number | null,
    monthTarget: monthTargetOf(g[0] as number | null),
  };
}
