/**
 * The vocabulary of the allocation monitor (monitor.md): main groups, metrics, the long-form
 * row of GET /api/v1/monitor and the response around it. Pure data, shared by the server,
 * the exports and the web app.
 */

export const MAIN_GROUPS = ['MG-1', 'MG-2', 'MG-3'] as const;
export type MainGroup = (typeof MAIN_GROUPS)[number];

export const MAIN_GROUP_LABELS: Record<MainGroup, { nl: string; en: string }> = {
  'MG-1': { nl: 'Wonen zonder begeleiding', en: 'Housing without support' },
  'MG-2': { nl: 'Wonen met begeleiding (via Omslagroute)', en: 'Housing with support (via the Omslagroute)' },
  'MG-3': { nl: 'Statushouders', en: 'Statushouders' },
};

export const MOVE_REASONS = ['regular', 'perspective_reassessment', 'swap'] as const;
export type MoveReason = (typeof MOVE_REASONS)[number];

export const METRIC_IDS = [
  'M-01', 'M-02', 'M-03', 'M-04', 'M-05', 'M-06', 'M-07', 'M-08', 'M-09', 'M-10', 'M-11', 'M-12', 'M-13', 'M-14',
  'M-15', 'M-16', 'M-17', 'M-18', 'M-19', 'M-20', 'M-21', 'M-22', 'M-22a', 'M-23', 'M-23a', 'M-24', 'M-25', 'M-26', 'M-27',
] as const;
export type MetricId = (typeof METRIC_IDS)[number];

export type MetricUnit = 'dwellings' | 'households' | 'persons' | 'percent' | 'status' | 'signal' | 'units';

export const METRICS: Record<MetricId, { nl: string; en: string; unit: MetricUnit }> = {
  'M-01': { nl: 'Afgesproken aantal', en: 'Agreed volume', unit: 'dwellings' },
  'M-02': { nl: 'Prognose (verdeling)', en: 'Planned (distribution)', unit: 'dwellings' },
  'M-03': { nl: 'Geleverd', en: 'Delivered', unit: 'dwellings' },
  'M-04': { nl: 'Verschil met prognose', en: 'Difference from plan', unit: 'dwellings' },
  'M-05': { nl: 'Realisatiegraad', en: 'Realisation rate', unit: 'percent' },
  'M-06': { nl: 'Verwacht tot nu toe', en: 'Expected to date', unit: 'dwellings' },
  'M-07': { nl: 'Op stoom of achter', en: 'On track or behind', unit: 'status' },
  'M-08': { nl: 'Aandeel woningvoorraad corporatie', en: 'Corporation stock share', unit: 'percent' },
  'M-09': { nl: 'Taakstelling corporatie', en: 'Corporation target', unit: 'dwellings' },
  'M-10': { nl: 'Vrijkomende sociale huurwoningen', en: 'Released social rent dwellings', unit: 'dwellings' },
  'M-11': { nl: 'Aandeel vrijkomende woningen voor kwetsbare groepen', en: 'Share of released dwellings delivered to vulnerable groups', unit: 'percent' },
  'M-12': { nl: 'Benodigd aantal en tekort', en: 'Estimated need and gap', unit: 'dwellings' },
  'M-13': { nl: 'Basis wachttijd', en: 'Wait-time base', unit: 'households' },
  'M-14': { nl: 'Gehuisvest binnen 3 maanden', en: 'Placed within 3 months', unit: 'percent' },
  'M-15': { nl: 'Gehuisvest in 3–6 maanden', en: 'Placed in 3–6 months', unit: 'percent' },
  'M-16': { nl: 'Gehuisvest na meer dan 6 maanden', en: 'Placed after more than 6 months', unit: 'percent' },
  'M-17': { nl: 'Huishoudens nog wachtend', en: 'Households still waiting', unit: 'households' },
  'M-18': { nl: 'Verhuizingen door herijking perspectief', en: 'Moves due to re-assessment of perspective', unit: 'households' },
  'M-19': { nl: 'Woningruil', en: 'Swaps', unit: 'households' },
  'M-20': { nl: 'Taakstelling statushouders', en: 'Statushouders quota', unit: 'persons' },
  'M-21': { nl: 'Statushouders gehuisvest', en: 'Statushouders housed', unit: 'persons' },
  'M-22': { nl: 'Achterstand statushouders', en: 'Statushouders backlog', unit: 'persons' },
  'M-22a': { nl: 'Achterstand met woning toegewezen', en: 'Backlog with a dwelling allocated', unit: 'persons' },
  'M-23': { nl: 'Woningen geleverd voor statushouders', en: 'Dwellings delivered for statushouders', unit: 'dwellings' },
  'M-23a': { nl: 'Statushouders in woonprojecten', en: 'Statushouders in housing projects', unit: 'persons' },
  'M-24': { nl: 'Regionaal aandeel statushouders in vrijkomende woningen', en: 'Regional statushouders share of released dwellings', unit: 'percent' },
  'M-25': { nl: 'Rolstoelwoningen verhuurd', en: 'Wheelchair dwellings let', unit: 'dwellings' },
  'M-26': { nl: 'Plaatsingen per buurt', en: 'Placements per neighbourhood', unit: 'households' },
  'M-27': { nl: 'Wooneenheden jonge statushouders', en: 'Housing units for young statushouders', unit: 'units' },
};

export type MonitorPeriod = 'year' | 'ytd' | 'month' | 'half-year' | 'month-end' | 'cumulative';
export type WaitBucket = 'lt3' | '3to6' | 'gt6';
export type Status = 'ON_TRACK' | 'BEHIND';
export const ABOVE_10_PERCENT = 'ABOVE_10_PERCENT';
export const NOT_ABOVE_10_PERCENT = 'NOT_ABOVE_10_PERCENT';

/**
 * One figure in long form. A dimension absent from a row means "all". Codes, not names:
 * municipality = CBS code (GM0363), corporation and region = organisation/region code,
 * targetGroup = a §2.2 code; names are in MonitorResponse.labels.
 */
export interface MonitorRow {
  metric: MetricId;
  period: MonitorPeriod;
  /** For period month (the month itself) and month-end (M-17). */
  month?: number;
  /** For period half-year (M-20..M-22). */
  half?: 1 | 2;
  /** Only when the row is about another year than the requested one (M-14 of the previous year, R-MO-28). */
  year?: number;
  region?: string;
  municipality?: string;
  corporation?: string;
  mainGroup?: MainGroup;
  targetGroup?: string;
  /** M-02 and derived metrics: a plan line on a named set of target groups. */
  groupSet?: string;
  /** M-02 and derived metrics: the plan version compared with (R-MO-09). */
  planVersion?: 'initial' | 'current';
  /** M-17: elapsed wait at the month end. */
  bucket?: WaitBucket;
  /** M-21: statushouders housed in a corporation dwelling or a housing project. */
  route?: 'corporation_dwelling' | 'housing_project';
  district?: string;
  neighbourhood?: string;
  /** R-MO-42: a target group that does not count toward the agreement. */
  outsideAgreement?: true;
  /** M-12: need (input) or gap (need − M-01). */
  measure?: 'need' | 'gap' | 'computed_share' | 'target_units' | 'without_location';
  /** §12: the printed row of a report layout (GET /monitor?layout=…) the figure belongs to. */
  reportRow?: string;
  value: number | string | null;
  unit: MetricUnit;
}

export interface Text { nl: string; en: string }

export interface MonitorNote {
  /** The rule that requires the note (R-MO-25, R-MO-26, R-MO-36, …). */
  id: string;
  metrics: MetricId[];
  targetGroup?: string;
  text: Text;
}

export interface MonitorWarning {
  code: 'plan_total_differs' | 'no_agreement' | 'no_plan';
  municipality: string;
  planVersion?: 'initial' | 'current';
  planned?: number;
  agreed?: number;
  text: Text;
}

export interface PlanVersionRef {
  municipality: string;
  agreementId: string;
  year: number;
  versionNo: number;
  decisionDate: string;
  effectiveFrom: string;
  reason: string;
  role: 'initial' | 'current';
}

export interface MonitorResponse {
  year: number;
  /** The selected month (YTD runs from 1 January to its end). */
  month: number;
  /** The date the figures stand at ("stand per"): the month end, or today while the month runs (period.ts). */
  asOf: string;
  /** The last day of the selected month. */
  periodEnd: string;
  /** Closed (over), running (today falls in it) or future (not begun). */
  state: 'closed' | 'running' | 'future';
  /** Twelfths of the year elapsed by asOf (0..12; fractional while the month runs): the pacing of M-06. */
  elapsedMonths: number;
  /** The share of the selected month elapsed by asOf (0..1). */
  monthFraction: number;
  scope: { region?: string; municipality?: string; corporation?: string };
  rows: MonitorRow[];
  labels: {
    regions: Record<string, string>;
    municipalities: Record<string, { name: string; region: string | null }>;
    corporations: Record<string, string>;
    mainGroups: Record<MainGroup, Text>;
    targetGroups: Record<string, Text & { mainGroup: MainGroup; countsTowardAgreement: boolean }>;
    groupSets: Record<string, string[]>;
  };
  planVersions: PlanVersionRef[];
  /** §12: the report layout asked for, with its printed rows (their figures are rows with reportRow). */
  layout?: { code: string; version: number; kind: 'delivery' | 'wait_time'; name: Text; rows: Array<{ key: string; label: Text; mainGroup: MainGroup; codes: string[] }> };
  notes: MonitorNote[];
  warnings: MonitorWarning[];
}
