/**
 * Mutation tests for the monitor tables programme-wide (no municipality in focus: plan figures
 * summed over the municipalities, counts read from rows without a municipality), the row
 * selection of each table, the notes and columns each table carries, and the cell words.
 * Every expected figure is worked out by hand from the rows below.
 */
import { describe, expect, it } from 'vitest';
import type { MonitorResponse, MonitorRow } from './model.ts';
import {
  apartTable, cellValue, corporationsTable, focusMunicipality, groupsTable, monthlyTable, regionalTable, statushoudersTable,
  waitTimesTable, waitingTable, type TableModel,
} from './tables.ts';

const G1 = 'GM9001';
const G2 = 'GM9002';
const row = (metric: MonitorRow['metric'], period: MonitorRow['period'], dims: Partial<MonitorRow>, value: MonitorRow['value']): MonitorRow =>
  ({ metric, period, ...dims, value, unit: typeof value === 'string' ? 'status' : 'dwellings' }) as MonitorRow;
const cur = (municipality: string) => ({ municipality, planVersion: 'current' as const });

function response(rows: MonitorRow[], over: Partial<MonitorResponse> = {}): MonitorResponse {
  const tg = (nl: string, mainGroup: 'MG-1' | 'MG-2' | 'MG-3', counts = true) => ({ nl, en: nl, mainGroup, countsTowardAgreement: counts });
  return {
    year: 2024, month: 6, asOf: '2024-06-30', periodEnd: '2024-06-30', state: 'closed', elapsedMonths: 6, monthFraction: 1, scope: {}, rows,
    labels: {
      regions: { 'REG-P': 'Polder' },
      municipalities: { [G1]: { name: 'Aa', region: 'REG-P' }, [G2]: { name: 'Bee', region: 'REG-P' } },
      corporations: { 'WC-A': 'Alfa Wonen' },
      mainGroups: { 'MG-1': { nl: 'Zonder', en: 'Without' }, 'MG-2': { nl: 'Met', en: 'With' }, 'MG-3': { nl: 'Statushouders', en: 'Statushouders' } },
      targetGroups: {
        smu: tg('SMU', 'MG-1'), carer: tg('Mantelzorg', 'MG-1'),
        mobw_adult: tg('MO/BW volwassenen', 'MG-2'), mobw_youth: tg('MO/BW jongeren', 'MG-2'), wlz: tg('Wlz', 'MG-2', false),
        sh_regular: tg('Statushouders regulier', 'MG-3'),
      },
      groupSets: { 'MO/BW': ['mobw_adult', 'mobw_youth'], Leeg: [] },
    },
    planVersions: [], notes: [], warnings: [], ...over,
  };
}

const cells = (t: TableModel) => Object.fromEntries(t.rows.map((r) => [r.key, r.cells]));

/** Two municipalities, no focus: an agreement per municipality, deliveries programme-wide. */
const programme = (): MonitorRow[] => [
  row('M-01', 'year', { municipality: G1 }, 60), row('M-01', 'year', { municipality: G2 }, 40),
  row('M-03', 'year', {}, 30), row('M-03', 'ytd', {}, 20),
  // MG-1: planned in G1 only, with the status G1 computed with its tolerance.
  row('M-02', 'year', { ...cur(G1), mainGroup: 'MG-1' }, 24), row('M-02', 'year', { municipality: G1, planVersion: 'initial', mainGroup: 'MG-1' }, 20),
  row('M-06', 'ytd', { ...cur(G1), mainGroup: 'MG-1' }, 12), row('M-07', 'ytd', { ...cur(G1), mainGroup: 'MG-1' }, 'ON_TRACK'),
  row('M-03', 'year', { mainGroup: 'MG-1' }, 15), row('M-03', 'ytd', { mainGroup: 'MG-1' }, 11),
  // smu: delivered, only an initial plan line; carer: a current plan line in G1, nothing delivered.
  row('M-03', 'year', { mainGroup: 'MG-1', targetGroup: 'smu' }, 15), row('M-03', 'ytd', { mainGroup: 'MG-1', targetGroup: 'smu' }, 11),
  row('M-02', 'year', { municipality: G1, planVersion: 'initial', targetGroup: 'smu' }, 8),
  row('M-02', 'year', { ...cur(G1), targetGroup: 'carer' }, 5),
  // MG-2: planned in G2; a plan line on the set MO/BW; a group outside the agreement.
  row('M-02', 'year', { ...cur(G2), mainGroup: 'MG-2' }, 10),
  row('M-03', 'year', { mainGroup: 'MG-2' }, 7), row('M-03', 'ytd', { mainGroup: 'MG-2' }, 5),
  row('M-03', 'year', { mainGroup: 'MG-2', targetGroup: 'mobw_adult' }, 4), row('M-03', 'ytd', { mainGroup: 'MG-2', targetGroup: 'mobw_adult' }, 3),
  row('M-03', 'year', { mainGroup: 'MG-2', targetGroup: 'mobw_youth' }, 3), row('M-03', 'ytd', { mainGroup: 'MG-2', targetGroup: 'mobw_youth' }, 2),
  row('M-02', 'year', { ...cur(G2), groupSet: 'MO/BW' }, 9),
  row('M-03', 'year', { mainGroup: 'MG-2', targetGroup: 'wlz', outsideAgreement: true }, 2), row('M-03', 'ytd', { mainGroup: 'MG-2', targetGroup: 'wlz', outsideAgreement: true }, 1),
  // Corporations: WC-A with a target in both municipalities, a status in G1 only; WC-Z only in the rows.
  row('M-09', 'year', { municipality: G1, corporation: 'WC-A' }, 20), row('M-09', 'year', { municipality: G2, corporation: 'WC-A' }, 10),
  row('M-06', 'ytd', { municipality: G1, corporation: 'WC-A' }, 10), row('M-06', 'ytd', { municipality: G2, corporation: 'WC-A' }, 5),
  row('M-07', 'ytd', { municipality: G1, corporation: 'WC-A' }, 'ON_TRACK'),
  row('M-10', 'year', { municipality: G1, corporation: 'WC-A' }, 100), row('M-10', 'year', { municipality: G2, corporation: 'WC-A' }, 100),
  // The same released dwellings grouped by corporation alone (a grouping set of the query): not added again.
  row('M-10', 'year', { corporation: 'WC-A' }, 200),
  row('M-03', 'year', { corporation: 'WC-A' }, 12), row('M-03', 'ytd', { corporation: 'WC-A' }, 8),
  row('M-03', 'year', { corporation: 'WC-Z' }, 3), row('M-03', 'ytd', { corporation: 'WC-Z' }, 2),
  // Months.
  row('M-03', 'month', { month: 1 }, 4), row('M-03', 'month', { month: 2 }, 6),
];

describe('focus municipality', () => {
  const labels = (codes: string[]) => response([], { labels: { ...response([]).labels, municipalities: Object.fromEntries(codes.map((c) => [c, { name: c, region: null }])) } }).labels;
  it('the filtered municipality, else the only one in scope, else none (programme-wide)', () => {
    expect(focusMunicipality(response([], { scope: { municipality: G2 }, labels: labels([G1, G2]) }))).toBe(G2);
    expect(focusMunicipality(response([], { scope: {}, labels: labels([G1]) }))).toBe(G1);
    expect(focusMunicipality(response([], { scope: {}, labels: labels([G1, G2]) }))).toBeUndefined();
  });
});

describe('groups table programme-wide', () => {
  it('M-01, M-06, M-07: the agreement is the sum over the municipalities; expected and status follow from it without a total row', () => {
    // Agreed 60 + 40 = 100; expected to June 100 × 6/12 = 50; 20 delivered to date is behind.
    expect(cells(groupsTable(response(programme()))).total).toEqual([100, 100, 20, 30, -70, 30, 50, 'BEHIND']);
  });

  it('M-06, M-07: a total expected figure and status of the response are taken as they are', () => {
    const t = groupsTable(response([...programme(), row('M-06', 'ytd', {}, 45), row('M-07', 'ytd', {}, 'ON_TRACK')]));
    expect(cells(t).total).toEqual([100, 100, 20, 30, -70, 30, 45, 'ON_TRACK']);
  });

  it('M-07, R-MO-09: a line planned in one municipality keeps that municipality\'s status; its initial version stays beside the current one', () => {
    // Summed, 11 delivered against 12 expected would be behind; G1 judged it on track (tolerance).
    expect(cells(groupsTable(response(programme())))['MG-1']).toEqual([24, 20, 11, 15, -9, 63, 12, 'ON_TRACK']);
  });

  it('R-MO-09: a target group with only an initial plan line shows no plan; one planned in a single municipality is listed without deliveries', () => {
    const c = cells(groupsTable(response(programme())));
    expect(c.smu).toEqual([null, null, 11, 15, null, null, null, null]);
    expect(c.carer).toEqual([5, 5, 0, 0, -5, 0, null, null]);
  });

  it('R-MO-08, R-MO-42: a plan line on a named set follows its main group, delivered summed over its codes; outside the agreement its own figures', () => {
    const t = groupsTable(response(programme()));
    expect(t.rows.map((r) => r.key)).toEqual(['total', 'MG-1', 'smu', 'carer', 'MG-2', 'mobw_adult', 'mobw_youth', 'wlz', 'set:MO/BW', 'MG-3']);
    expect(t.rows.find((r) => r.key === 'set:MO/BW')!.level).toBe('set');
    // Planned 9; delivered 4 + 3 in the year, 3 + 2 to date; 7 of 9 is 77.8% → 78.
    expect(cells(t)['set:MO/BW']).toEqual([9, 9, 5, 7, -2, 78, null, null]);
    expect(cells(t).wlz).toEqual([null, null, 1, 2, null, null, null, null]);
  });
});

describe('corporations table programme-wide', () => {
  it('M-03, M-07, M-09, M-10, M-11: a corporation\'s figures summed over the municipalities, its own deliveries, one municipality\'s status', () => {
    const c = cells(corporationsTable(response(programme())));
    // Target 20 + 10; expected 10 + 5; 12 delivered of 200 released = 6%; G1's status (summed, 8 < 15 would be behind).
    expect(c['WC-A']).toEqual([30, null, 8, 12, 15, -18, 'ON_TRACK', 200, 6]);
  });

  it('R-MO-21: a corporation that only appears in the rows is listed under its code', () => {
    const t = corporationsTable(response(programme()));
    expect(t.rows.map((r) => [r.key, r.label.nl])).toEqual([['WC-A', 'Alfa Wonen'], ['WC-Z', 'WC-Z']]);
    expect(cells(t)['WC-Z']).toEqual([null, null, 2, 3, null, null, null, null, null]);
  });
});

describe('monthly table programme-wide', () => {
  it('M-03, M-06: months named from January, expected cumulative from the summed agreement', () => {
    const t = monthlyTable(response(programme()));
    expect(t.rows.map((r) => [r.key, r.label.en, ...r.cells])).toEqual([
      ['1', 'January', 4, 4, 8], ['2', 'February', 6, 10, 17], ['3', 'March', 0, 10, 25],
      ['4', 'April', 0, 10, 33], ['5', 'May', 0, 10, 42], ['6', 'June', 0, 10, 50],
    ]);
  });
});

describe('wait-times table', () => {
  const rows = [
    row('M-13', 'year', {}, 10), row('M-13', 'year', { mainGroup: 'MG-1' }, 6),
    row('M-13', 'year', { mainGroup: 'MG-1', targetGroup: 'smu' }, 4),
    row('M-13', 'year', { mainGroup: 'MG-1', targetGroup: 'carer', year: 2023 }, 3),
  ];
  const notes: MonitorResponse['notes'] = [
    { id: 'R-MO-25', metrics: ['M-13'], targetGroup: 'smu', text: { nl: 'SMU', en: 'SMU' } },
    { id: 'R-MO-28', metrics: ['M-14'], targetGroup: 'carer', text: { nl: 'vorig jaar', en: 'previous year' } },
  ];

  it('M-13, R-MO-28: a main group reads its own base; a target group is listed with a figure of this or the previous year only', () => {
    const t = waitTimesTable(response(rows, { notes }));
    expect(t.rows.map((r) => [r.key, r.cells[0]])).toEqual([['total', 10], ['MG-1', 6], ['smu', 4], ['carer', null], ['MG-2', null], ['MG-3', null]]);
  });

  it('R-MO-25: the SMU note sits at the SMU row only', () => {
    const t = waitTimesTable(response(rows, { notes }));
    expect(t.rows.map((r) => [r.key, r.note])).toEqual([
      ['total', undefined], ['MG-1', undefined], ['smu', 'R-MO-25'], ['carer', undefined], ['MG-2', undefined], ['MG-3', undefined],
    ]);
  });
});

describe('statushouders table', () => {
  it('M-23, R-MO-32: dwellings of January to June in the first half-year, July to December in the second, each half named', () => {
    const t = statushoudersTable(response([
      row('M-23', 'month', { mainGroup: 'MG-3', month: 1 }, 3), row('M-23', 'month', { mainGroup: 'MG-3', month: 6 }, 2),
      row('M-23', 'month', { mainGroup: 'MG-3', month: 7 }, 5), row('M-23', 'month', { mainGroup: 'MG-3', month: 12 }, 1),
    ]));
    expect(t.rows.map((r) => [r.key, r.label.en, r.cells[6]])).toEqual([['H1', 'First half of 2024', 5], ['H2', 'Second half of 2024', 6], ['year', 'All of 2024', 0]]);
  });
});

describe('regional table', () => {
  it('M-24, R-MO-36: a row per region with a statushouders share, named from the labels; the share read past a signal row with the same dimensions', () => {
    const t = regionalTable(response([
      row('M-24', 'year', { region: 'REG-P' }, 'ABOVE_10_PERCENT'), row('M-24', 'year', { region: 'REG-P' }, 12.4),
      row('M-10', 'year', { region: 'REG-Q' }, 50),
    ]));
    expect(t.rows.map((r) => [r.key, r.label.en, ...r.cells])).toEqual([['region:REG-P', 'Region Polder', null, null, null, null, 12, 'ABOVE_10_PERCENT']]);
  });

  it('M-10, M-24: a municipality row for each municipality with released dwellings or a share of its own, not for corporation, month or other rows', () => {
    const t = regionalTable(response([
      row('M-24', 'year', { municipality: G1 }, 8), row('M-10', 'year', { municipality: G2 }, 40),
      row('M-10', 'year', { municipality: 'GM9003', corporation: 'WC-A' }, 10),
      row('M-11', 'year', { municipality: 'GM9004' }, 5),
      row('M-10', 'month', { municipality: 'GM9005', month: 3 }, 2),
    ]));
    expect(t.rows.map((r) => [r.key, r.label.nl, ...r.cells])).toEqual([
      [G1, 'Aa', null, null, null, null, 8, null],
      [G2, 'Bee', null, 40, null, null, null, null],
    ]);
  });
});

describe('what each table carries', () => {
  const m = () => response(programme());

  it('R-MO-26, R-MO-29, R-MO-36: the notes of each table, and none where no rule asks for one', () => {
    expect(waitingTable(m()).notes).toEqual(['R-MO-26']);
    expect(apartTable(m()).notes).toEqual(['R-MO-29']);
    expect(regionalTable(m()).notes).toEqual(['R-MO-36']);
    for (const t of [groupsTable(m()), corporationsTable(m()), monthlyTable(m()), statushoudersTable(m())]) expect(t.notes).toEqual([]);
  });

  it('the columns of each table: key, metric and kind of cell', () => {
    const cols = (t: TableModel) => t.columns.map((c) => `${c.key} ${c.metric} ${c.kind}`);
    expect(cols(groupsTable(m()))).toEqual([
      'plannedCurrent M-02 count', 'plannedInitial M-02 count', 'deliveredYtd M-03 count', 'deliveredYear M-03 count',
      'difference M-04 count', 'realisation M-05 percent', 'expected M-06 count', 'status M-07 status',
    ]);
    expect(cols(corporationsTable(m()))).toEqual([
      'target M-09 count', 'stockShare M-08 percent', 'deliveredYtd M-03 count', 'deliveredYear M-03 count', 'expected M-06 count',
      'difference M-04 count', 'status M-07 status', 'released M-10 count', 'share M-11 percent',
    ]);
    expect(cols(monthlyTable(m()))).toEqual(['delivered M-03 count', 'cumulative M-03 count', 'expected M-06 count']);
    expect(cols(waitTimesTable(m()))).toEqual(['base M-13 count', 'lt3 M-14 percent', '3to6 M-15 percent', 'gt6 M-16 percent', 'lt3Previous M-14 percent']);
    expect(cols(waitingTable(m()))).toEqual(['lt3 M-17 count', '3to6 M-17 count', 'gt6 M-17 count', 'total M-17 count']);
    expect(cols(statushoudersTable(m()))).toEqual([
      'quota M-20 count', 'housedDwelling M-21 count', 'housedProject M-21 count', 'housed M-21 count', 'backlog M-22 count',
      'allocated M-22a count', 'dwellings M-23 count',
    ]);
    expect(cols(apartTable(m()))).toEqual(['reassessYtd M-18 count', 'reassessYear M-18 count', 'swapsYtd M-19 count', 'swapsYear M-19 count']);
    expect(cols(regionalTable(m()))).toEqual([
      'releasedYtd M-10 count', 'releasedYear M-10 count', 'vulnerableShare M-11 percent', 'shareYtd M-24 percent', 'shareYear M-24 percent', 'signal M-24 signal',
    ]);
  });

  it('the caption names the scope: every municipality or the region, the corporation, the year and month', () => {
    expect(corporationsTable(response(programme(), { scope: { corporation: 'WC-A' } })).caption)
      .toEqual({ nl: 'Levering per corporatie (alle gemeenten, Alfa Wonen, 2024 t/m juni)', en: 'Delivery per corporation (all municipalities, Alfa Wonen, 2024 up to June)' });
    expect(monthlyTable(response(programme(), { scope: { region: 'REG-P' } })).caption.en).toBe('Delivery per month, cumulative and expected (Region Polder, 2024 up to June)');
  });
});

describe('cell words', () => {
  it('M-07, M-24, R-MO-36: status and signal codes become words in their own columns only; other values stay as they are', () => {
    expect(cellValue('ON_TRACK', 'status', 'nl')).toBe('Op stoom');
    expect(cellValue('BEHIND', 'status', 'en')).toBe('Behind');
    expect(cellValue('NOT_ABOVE_10_PERCENT', 'signal', 'en')).toBe('No signal (10% or less)');
    expect(cellValue('ABOVE_10_PERCENT', 'status', 'en')).toBe('ABOVE_10_PERCENT');
    expect(cellValue('ON_TRACK', 'signal', 'en')).toBe('ON_TRACK');
    expect(cellValue('ABOVE_10_PERCENT', 'count', 'en')).toBe('ABOVE_10_PERCENT');
    expect(cellValue('UNKNOWN', 'status', 'nl')).toBe('UNKNOWN');
    expect(cellValue(12, 'percent', 'nl')).toBe(12);
    expect(cellValue(null, 'status', 'nl')).toBeNull();
  });
});
