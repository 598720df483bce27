/**
 * Issue 9, "a monitor that is true today": the tables and headline of a month that is still
 * running (4 December 2026), of one corporation against its own target (M-09), and of a region
 * named once. Every expected figure is worked out by hand from the rows below.
 */
import { describe, expect, it } from 'vitest';
import type { MonitorResponse, MonitorRow } from './model.ts';
import { areaText, groupsTable, headline, monthlyTable, regionalTable, uptoText, waitingTable } from './tables.ts';

const G1 = 'GM9001';
const row = (metric: MonitorRow['metric'], period: MonitorRow['period'], dims: Partial<MonitorRow>, value: MonitorRow['value']): MonitorRow =>
  ({ metric, period, ...dims, value, unit: typeof value === 'string' ? 'status' : 'dwellings' }) as MonitorRow;

/** 4 December 2026: 11 + 4/31 twelfths of the year have passed, 4/31 of December. */
const RUNNING = { year: 2026, month: 12, asOf: '2026-12-04', periodEnd: '2026-12-31', state: 'running', elapsedMonths: 11 + 4 / 31, monthFraction: 4 / 31 } as const;

function response(rows: MonitorRow[], over: Partial<MonitorResponse> = {}): MonitorResponse {
  return {
    ...RUNNING, scope: { municipality: G1 }, rows,
    labels: {
      regions: { 'REGIO-VEENHAVEN': 'Regio Veenhaven' },
      municipalities: { [G1]: { name: 'Gemeente Veenhaven', region: 'REGIO-VEENHAVEN' } },
      corporations: { 'WC-LINDE': 'De Linde Wonen', 'WC-HAVEN': 'Havenwoningen' },
      mainGroups: { 'MG-1': { nl: 'Zonder', en: 'Without' }, 'MG-2': { nl: 'Met', en: 'With' }, 'MG-3': { nl: 'Statushouders', en: 'Statushouders' } },
      targetGroups: {},
      groupSets: {},
    },
    planVersions: [], notes: [], warnings: [], ...over,
  };
}

/**
 * Veenhaven 2026: agreement 420; 300 delivered up to 4 December, 5 of them in December.
 * M-06 as the service computes it: 420 × (11 + 4/31) ÷ 12 = 389.52 → 390 shown; 300 < 389.52: behind.
 * De Linde Wonen: own target 110; 60 delivered; M-06 = 110 × (11 + 4/31) ÷ 12 = 102.02 → 102.
 */
const rows = (): MonitorRow[] => [
  row('M-01', 'year', { municipality: G1 }, 420),
  row('M-06', 'ytd', { municipality: G1 }, 420 * (11 + 4 / 31) / 12), row('M-07', 'ytd', { municipality: G1 }, 'BEHIND'),
  row('M-03', 'year', { municipality: G1 }, 300), row('M-03', 'ytd', { municipality: G1 }, 300),
  row('M-03', 'month', { municipality: G1, month: 11 }, 40), row('M-03', 'month', { municipality: G1, month: 12 }, 5),
  row('M-09', 'year', { municipality: G1, corporation: 'WC-LINDE' }, 110),
  row('M-06', 'ytd', { municipality: G1, corporation: 'WC-LINDE' }, 110 * (11 + 4 / 31) / 12), row('M-07', 'ytd', { municipality: G1, corporation: 'WC-LINDE' }, 'BEHIND'),
  row('M-03', 'year', { municipality: G1, corporation: 'WC-LINDE' }, 60), row('M-03', 'ytd', { municipality: G1, corporation: 'WC-LINDE' }, 60),
];

describe('the running month (4 December 2026)', () => {
  it('M-06: the headline compares the year to date with the target pro-rated to today (390 of 420), and December with its share to date (35 × 4/31 → 5)', () => {
    expect(headline(response(rows()))).toEqual({
      agreed: 420, targetKind: 'agreement', deliveredYtd: 300, deliveredYear: 300, expectedToDate: 390, status: 'BEHIND', realisation: 71,
      monthDelivered: 5, monthTarget: 5, within3: null, waitBase: null, waiting: 0, signal: null,
    });
  });

  it('M-06: a closed month compares with whole twelfths and the full monthly share (35)', () => {
    const closed = response(rows().filter((r) => r.metric !== 'M-06'), { asOf: '2026-12-31', state: 'closed', elapsedMonths: 12, monthFraction: 1 });
    const h = headline(closed);
    expect(h.expectedToDate).toBe(420);
    expect(h.monthTarget).toBe(35);
  });

  it('M-06: without a stored M-06 row the groups total is pro-rated to today as well (389.52 → 390)', () => {
    const t = groupsTable(response(rows().filter((r) => r.metric !== 'M-06')));
    expect(t.rows[0]!.cells[6]).toBe(390);
  });

  it('M-03, M-06: the monthly table says December runs up to the 4th and expects 390 cumulative, not 420', () => {
    const t = monthlyTable(response(rows()));
    expect(t.rows).toHaveLength(12);
    expect(t.rows[10]).toEqual({ key: '11', label: { nl: 'november', en: 'November' }, level: 'item', cells: [40, 40, 385] });
    expect(t.rows[11]).toEqual({ key: '12', label: { nl: 'december (t/m 4 december)', en: 'December (up to 4 December)' }, level: 'item', cells: [5, 45, 390] });
  });

  it('titles say up to which day: "Geleverd t/m 4 december", "(Gemeente Veenhaven, 2026 t/m 4 december)"', () => {
    expect(uptoText(response([]))).toEqual({ nl: '4 december', en: '4 December' });
    const t = groupsTable(response(rows()));
    expect(t.columns.map((c) => c.label.nl)).toContain('Geleverd t/m 4 december');
    expect(t.columns.map((c) => c.label.nl)).toContain('Verwacht t/m 4 december');
    expect(t.caption.nl).toBe('Prognose en levering per hoofdgroep en doelgroep (Gemeente Veenhaven, 2026 t/m 4 december)');
    expect(waitingTable(response(rows())).caption.nl).toBe('Huishoudens nog wachtend op een woning op 4 december (Gemeente Veenhaven, 2026 t/m 4 december)');
    expect(waitingTable(response(rows(), { state: 'closed', asOf: '2026-12-31' })).caption.en)
      .toBe('Households still waiting for a dwelling at the month end (Gemeente Veenhaven, 2026 up to December)');
  });
});

describe('a corporation against its own target (M-09)', () => {
  it('M-09, M-06, M-07: filtered on De Linde Wonen the tiles compare 60 with its own 110 (102 to date), never with the municipal 420', () => {
    expect(headline(response(rows(), { scope: { municipality: G1, corporation: 'WC-LINDE' } }))).toMatchObject({
      agreed: 110, targetKind: 'corporation', deliveredYtd: 60, deliveredYear: 60, expectedToDate: 102, status: 'BEHIND', realisation: 55, monthTarget: 1,
    });
  });

  it('M-09, M-06: filtered on De Linde Wonen the groups total and the monthly expected line follow its own target (110: 102 to date), not 420', () => {
    const scoped = response(rows(), { scope: { municipality: G1, corporation: 'WC-LINDE' } });
    const total = groupsTable(scoped).rows[0]!;
    expect(total.label).toEqual({ nl: 'Totaal (taakstelling De Linde Wonen)', en: "Total (De Linde Wonen's target)" });
    expect(total.cells).toEqual([110, 110, 300, 300, 190, 273, 102, 'BEHIND']);
    expect(monthlyTable(scoped).rows[11]!.cells).toEqual([5, 45, 102]);
    expect(monthlyTable(scoped).rows[5]!.cells).toEqual([0, 0, 55]);
    // Without a stored M-06 row for the corporation: pro-rated from its target; the status on the summed figures.
    const bare = response(rows().filter((r) => !(r.corporation && (r.metric === 'M-06' || r.metric === 'M-07'))), { scope: { corporation: 'WC-LINDE' } });
    expect(groupsTable(bare).rows[0]!.cells.slice(6)).toEqual([102, 'ON_TRACK']);
  });

  it('M-09: a corporation without a recorded or computed target has no target in the tiles (not the municipal one)', () => {
    const h = headline(response(rows(), { scope: { municipality: G1, corporation: 'WC-HAVEN' } }));
    expect(h).toMatchObject({ agreed: null, targetKind: 'corporation', expectedToDate: null, status: null, realisation: null, monthTarget: null });
  });
});

describe('a corporation without any row', () => {
  it('M-09: a corporation the figures do not mention has no target and falls back to the delivered totals of the scope', () => {
    const h = headline(response(rows(), { scope: { municipality: G1, corporation: 'WC-ONBEKEND' } }));
    expect(h).toMatchObject({ agreed: null, targetKind: 'corporation', deliveredYtd: 300, deliveredYear: 300, expectedToDate: null, status: null, realisation: null, monthDelivered: 5, monthTarget: null });
  });
});

describe('the area a title names', () => {
  it('a region with one municipality is titled with the region, named once ("Regio Veenhaven", never "Regio Regio Veenhaven")', () => {
    const region = response(rows(), { scope: { region: 'REGIO-VEENHAVEN' } });
    expect(areaText(region)).toEqual({ nl: 'Regio Veenhaven', en: 'Region Veenhaven' });
    expect(groupsTable(region).caption.nl).toBe('Prognose en levering per hoofdgroep en doelgroep (Regio Veenhaven, 2026 t/m 4 december)');
    expect(areaText(response(rows()))).toEqual({ nl: 'Gemeente Veenhaven', en: 'Gemeente Veenhaven' });
    expect(areaText(response(rows(), { scope: {} }))).toEqual({ nl: 'Gemeente Veenhaven', en: 'Gemeente Veenhaven' });
    expect(areaText(response(rows(), { scope: {}, labels: { ...response([]).labels, municipalities: {} } }))).toEqual({ nl: 'alle gemeenten', en: 'all municipalities' });
  });

  it('M-24: the region row of the regional table is named once', () => {
    const t = regionalTable(response([row('M-24', 'year', { region: 'REGIO-VEENHAVEN' }, 8), row('M-10', 'year', { region: 'REGIO-VEENHAVEN' }, 25)], { scope: { region: 'REGIO-VEENHAVEN' } }));
    expect(t.rows[0]!.label).toEqual({ nl: 'Regio Veenhaven', en: 'Region Veenhaven' });
  });
});
