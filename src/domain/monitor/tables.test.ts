import { describe, expect, it } from 'vitest';
import type { MonitorResponse, MonitorRow } from './model.ts';
import {
  TABLE_NAMES, apartTable, corporationsTable, flattenTable, groupsTable, headline, isTableName, monitorTable, monthlyTable, regionalTable,
  statushoudersTable, waitTimesTable, waitingTable,
} from './tables.ts';

const MU = 'GM9001';
const row = (metric: MonitorRow['metric'], period: MonitorRow['period'], dims: Partial<MonitorRow>, value: MonitorRow['value'], unit: MonitorRow['unit'] = 'dwellings'): MonitorRow =>
  ({ metric, period, ...dims, value, unit }) as MonitorRow;

/** A small response for one municipality, month 6 of 2024, as the service would shape it. */
function fixture(): MonitorResponse {
  const mu = { municipality: MU };
  const cur = { ...mu, planVersion: 'current' as const };
  const ini = { ...mu, planVersion: 'initial' as const };
  const rows: MonitorRow[] = [
    row('M-01', 'year', mu, 120),
    row('M-04', 'year', mu, -60), row('M-05', 'year', mu, 50, 'percent'), row('M-06', 'ytd', mu, 60), row('M-04', 'ytd', mu, 0), row('M-07', 'ytd', mu, 'ON_TRACK', 'status'),
    row('M-03', 'year', mu, 60), row('M-03', 'ytd', mu, 60), row('M-03', 'year', {}, 60), row('M-03', 'ytd', {}, 60),
    row('M-03', 'year', { ...mu, mainGroup: 'MG-1' }, 45), row('M-03', 'ytd', { ...mu, mainGroup: 'MG-1' }, 45),
    row('M-03', 'year', { ...mu, mainGroup: 'MG-3' }, 15), row('M-03', 'ytd', { ...mu, mainGroup: 'MG-3' }, 15),
    row('M-03', 'year', { ...mu, mainGroup: 'MG-1', targetGroup: 'social_medical_urgent' }, 40), row('M-03', 'ytd', { ...mu, mainGroup: 'MG-1', targetGroup: 'social_medical_urgent' }, 40),
    row('M-03', 'year', { ...mu, mainGroup: 'MG-1', targetGroup: 'informal_carer' }, 5), row('M-03', 'ytd', { ...mu, mainGroup: 'MG-1', targetGroup: 'informal_carer' }, 5),
    row('M-03', 'year', { ...mu, mainGroup: 'MG-3', targetGroup: 'statushouder_regular' }, 15), row('M-03', 'ytd', { ...mu, mainGroup: 'MG-3', targetGroup: 'statushouder_regular' }, 15),
    row('M-03', 'year', { ...mu, mainGroup: 'MG-2', targetGroup: 'wlz_permanent', outsideAgreement: true }, 2), row('M-03', 'ytd', { ...mu, mainGroup: 'MG-2', targetGroup: 'wlz_permanent', outsideAgreement: true }, 2),
    // Plan: MG-1 current 50 (initial 40), MG-3 current 70; a target-group line on SMU.
    row('M-02', 'year', { ...cur, mainGroup: 'MG-1' }, 50), row('M-06', 'ytd', { ...cur, mainGroup: 'MG-1' }, 25), row('M-07', 'ytd', { ...cur, mainGroup: 'MG-1' }, 'ON_TRACK', 'status'),
    row('M-02', 'year', { ...ini, mainGroup: 'MG-1' }, 40),
    row('M-02', 'year', { ...cur, mainGroup: 'MG-3' }, 70), row('M-06', 'ytd', { ...cur, mainGroup: 'MG-3' }, 35), row('M-07', 'ytd', { ...cur, mainGroup: 'MG-3' }, 'BEHIND', 'status'),
    row('M-02', 'year', { ...ini, mainGroup: 'MG-3' }, 70),
    row('M-02', 'year', { ...cur, targetGroup: 'social_medical_urgent' }, 30), row('M-06', 'ytd', { ...cur, targetGroup: 'social_medical_urgent' }, 15), row('M-07', 'ytd', { ...cur, targetGroup: 'social_medical_urgent' }, 'ON_TRACK', 'status'),
    // Months.
    row('M-03', 'month', { ...mu, month: 1 }, 10), row('M-03', 'month', { ...mu, month: 3 }, 30), row('M-03', 'month', { ...mu, month: 6 }, 20),
    row('M-23', 'month', { ...mu, mainGroup: 'MG-3', month: 3 }, 15), row('M-23', 'year', { ...mu, mainGroup: 'MG-3' }, 15),
    // Corporations.
    row('M-03', 'year', { ...mu, corporation: 'WC-A' }, 40), row('M-03', 'ytd', { ...mu, corporation: 'WC-A' }, 40),
    row('M-03', 'year', { ...mu, corporation: 'WC-B' }, 20), row('M-03', 'ytd', { ...mu, corporation: 'WC-B' }, 20),
    row('M-08', 'year', { ...mu, corporation: 'WC-B' }, 33.5, 'percent'), row('M-09', 'year', { ...mu, corporation: 'WC-B' }, 40),
    row('M-06', 'ytd', { ...mu, corporation: 'WC-B' }, 20), row('M-07', 'ytd', { ...mu, corporation: 'WC-B' }, 'ON_TRACK', 'status'),
    row('M-10', 'year', { ...mu, corporation: 'WC-A' }, 300),
    row('M-11', 'year', { ...mu, corporation: 'WC-A' }, (40 / 300) * 100, 'percent'),
    // Wait times, previous year alongside.
    row('M-13', 'year', mu, 55, 'households'), row('M-14', 'year', mu, 52.5, 'percent'), row('M-15', 'year', mu, 24.49, 'percent'), row('M-16', 'year', mu, 23.01, 'percent'),
    row('M-13', 'year', { ...mu, mainGroup: 'MG-1', targetGroup: 'social_medical_urgent' }, 40, 'households'),
    row('M-14', 'year', { ...mu, mainGroup: 'MG-1', targetGroup: 'social_medical_urgent' }, 12.5, 'percent'),
    row('M-14', 'year', { ...mu, mainGroup: 'MG-1', targetGroup: 'social_medical_urgent', year: 2023 }, 20, 'percent'),
    row('M-14', 'year', { ...mu, year: 2023 }, 44.5, 'percent'),
    // Waiting households.
    row('M-17', 'month-end', { ...mu, month: 6, bucket: 'lt3' }, 3, 'households'), row('M-17', 'month-end', { ...mu, month: 6, bucket: 'gt6' }, 2, 'households'),
    row('M-17', 'month-end', { ...mu, mainGroup: 'MG-2', month: 6, bucket: 'gt6' }, 2, 'households'),
    row('M-17', 'month-end', { ...mu, mainGroup: 'MG-2', targetGroup: 'omslag_mobw_adult', month: 6, bucket: 'gt6' }, 2, 'households'),
    // Moves and swaps.
    row('M-18', 'year', mu, 1, 'households'), row('M-18', 'ytd', mu, 1, 'households'), row('M-19', 'year', mu, 2, 'households'), row('M-19', 'ytd', mu, 1, 'households'),
    row('M-18', 'year', { ...mu, mainGroup: 'MG-2', targetGroup: 'omslag_mobw_adult' }, 1, 'households'), row('M-18', 'ytd', { ...mu, mainGroup: 'MG-2', targetGroup: 'omslag_mobw_adult' }, 1, 'households'),
    // Statushouders.
    row('M-20', 'half-year', { ...mu, half: 1 }, 30, 'persons'), row('M-20', 'half-year', { ...mu, half: 2 }, 20, 'persons'), row('M-20', 'year', mu, 50, 'persons'),
    row('M-21', 'half-year', { ...mu, half: 1, route: 'corporation_dwelling' }, 25, 'persons'), row('M-21', 'half-year', { ...mu, half: 1, route: 'housing_project' }, 4, 'persons'),
    row('M-21', 'half-year', { ...mu, half: 2, route: 'corporation_dwelling' }, 0, 'persons'), row('M-21', 'half-year', { ...mu, half: 2, route: 'housing_project' }, 0, 'persons'),
    row('M-21', 'half-year', { ...mu, half: 1 }, 29, 'persons'), row('M-21', 'half-year', { ...mu, half: 2 }, 0, 'persons'), row('M-21', 'year', mu, 29, 'persons'),
    row('M-22', 'half-year', { ...mu, half: 1 }, 6, 'persons'), row('M-22a', 'half-year', { ...mu, half: 1 }, 2, 'persons'),
    row('M-22', 'half-year', { ...mu, half: 2 }, 26, 'persons'), row('M-22a', 'half-year', { ...mu, half: 2 }, 0, 'persons'),
    row('M-22', 'year', mu, 26, 'persons'), row('M-22a', 'year', mu, 0, 'persons'),
    // Released dwellings and the regional share.
    row('M-10', 'year', mu, 400), row('M-10', 'ytd', mu, 150), row('M-11', 'year', mu, 15, 'percent'),
    row('M-24', 'year', mu, 3.75, 'percent'), row('M-24', 'ytd', mu, 10, 'percent'), row('M-24', 'year', mu, 'NOT_ABOVE_10_PERCENT', 'signal'),
    row('M-10', 'year', { region: 'REGIO-X' }, 100), row('M-10', 'ytd', { region: 'REGIO-X' }, 50),
    row('M-24', 'year', { region: 'REGIO-X' }, 10.5, 'percent'), row('M-24', 'ytd', { region: 'REGIO-X' }, 10.5, 'percent'),
    row('M-24', 'year', { region: 'REGIO-X' }, 'ABOVE_10_PERCENT', 'signal'), row('M-24', 'ytd', { region: 'REGIO-X' }, 'ABOVE_10_PERCENT', 'signal'),
  ];
  const tg = (nl: string, mainGroup: 'MG-1' | 'MG-2' | 'MG-3', counts = true) => ({ nl, en: nl, mainGroup, countsTowardAgreement: counts });
  return {
    year: 2024, month: 6, asOf: '2024-06-30', periodEnd: '2024-06-30', state: 'closed', elapsedMonths: 6, monthFraction: 1, scope: { municipality: MU }, rows,
    labels: {
      regions: { 'REGIO-X': 'Regio X' },
      municipalities: { [MU]: { name: 'Gemeente Veenhaven', region: 'REGIO-X' } },
      corporations: { 'WC-A': 'Alfa Wonen', 'WC-B': 'Beta Wonen' },
      mainGroups: { 'MG-1': { nl: 'Wonen zonder begeleiding', en: 'Housing without support' }, 'MG-2': { nl: 'Wonen met begeleiding', en: 'Housing with support' }, 'MG-3': { nl: 'Statushouders', en: 'Statushouders' } },
      targetGroups: {
        social_medical_urgent: tg('Sociaal Medisch Urgenten', 'MG-1'), informal_carer: tg('Mantelzorg', 'MG-1'),
        omslag_mobw_adult: tg('Omslag MO/BW Volwassenen', 'MG-2'), wlz_permanent: tg('Wlz-permanent', 'MG-2', false),
        statushouder_regular: tg('Statushouders regulier', 'MG-3'),
      },
      groupSets: {},
    },
    planVersions: [],
    notes: [
      { id: 'R-MO-25', metrics: ['M-13', 'M-14'], targetGroup: 'social_medical_urgent', text: { nl: 'SMU', en: 'SMU' } },
      { id: 'R-MO-26', metrics: ['M-13'], text: { nl: 'echte wachttijd', en: 'real wait' } },
    ],
    warnings: [],
  };
}

const cellsOf = (t: ReturnType<typeof groupsTable>, key: string) => Object.fromEntries(t.columns.map((c, i) => [c.key, t.rows.find((r) => r.key === key)!.cells[i]]));

describe('monitor tables', () => {
  it('M-02, M-03, M-04, M-05, M-06, M-07, R-MO-09: planned (current and initial) vs delivered per main group and target group', () => {
    const t = groupsTable(fixture());
    expect(t.metrics).toEqual(['M-02', 'M-03', 'M-04', 'M-05', 'M-06', 'M-07']);
    expect(cellsOf(t, 'total')).toEqual({ plannedCurrent: 120, plannedInitial: 120, deliveredYtd: 60, deliveredYear: 60, difference: -60, realisation: 50, expected: 60, status: 'ON_TRACK' });
    expect(cellsOf(t, 'MG-1')).toEqual({ plannedCurrent: 50, plannedInitial: 40, deliveredYtd: 45, deliveredYear: 45, difference: -5, realisation: 90, expected: 25, status: 'ON_TRACK' });
    expect(cellsOf(t, 'MG-3')).toMatchObject({ plannedCurrent: 70, deliveredYear: 15, difference: -55, realisation: 21, status: 'BEHIND' });
    expect(cellsOf(t, 'social_medical_urgent')).toMatchObject({ plannedCurrent: 30, plannedInitial: 30, deliveredYear: 40, difference: 10, realisation: 133 });
    // A target group without a plan line: delivered only.
    expect(cellsOf(t, 'informal_carer')).toMatchObject({ plannedCurrent: null, plannedInitial: null, deliveredYear: 5, difference: null, status: null });
    expect(t.rows.map((r) => r.key)).toEqual(['total', 'MG-1', 'social_medical_urgent', 'informal_carer', 'MG-2', 'wlz_permanent', 'MG-3', 'statushouder_regular']);
  });

  it('R-MO-42: a target group outside the agreement is labelled so and reads its outside-agreement figure', () => {
    const t = groupsTable(fixture());
    const w = t.rows.find((r) => r.key === 'wlz_permanent')!;
    expect(w.outsideAgreement).toBe(true);
    expect(w.label.nl).toContain('buiten de afspraak');
    expect(cellsOf(t, 'wlz_permanent').deliveredYear).toBe(2);
  });

  it('M-08, M-09, M-10, M-11, R-MO-21: corporations, the caller\'s own corporation first', () => {
    const plain = corporationsTable(fixture());
    expect(plain.rows.map((r) => r.key)).toEqual(['WC-A', 'WC-B']);
    const t = corporationsTable(fixture(), { ownCorporation: 'WC-B' });
    expect(t.rows.map((r) => r.key)).toEqual(['WC-B', 'WC-A']);
    expect(t.rows[0]!.own).toBe(true);
    expect(cellsOf(t, 'WC-B')).toEqual({ target: 40, stockShare: 34, deliveredYtd: 20, deliveredYear: 20, expected: 20, difference: -20, status: 'ON_TRACK', released: null, share: null });
    expect(cellsOf(t, 'WC-A')).toMatchObject({ target: null, deliveredYear: 40, released: 300, share: 13 });
  });

  it('M-03, M-06: monthly delivered, cumulative and expected cumulative up to the selected month', () => {
    const t = monthlyTable(fixture());
    expect(t.rows).toHaveLength(6);
    expect(t.rows.map((r) => r.cells)).toEqual([[10, 10, 10], [0, 10, 20], [30, 40, 30], [0, 40, 40], [0, 40, 50], [20, 60, 60]]);
  });

  it('M-13, M-14, M-15, M-16, R-MO-25, R-MO-26, R-MO-28: wait shares rounded half-up, previous year alongside, the SMU note at its row', () => {
    const t = waitTimesTable(fixture());
    expect(t.rows[0]!.cells).toEqual([55, 53, 24, 23, 45]);
    const smu = t.rows.find((r) => r.key === 'social_medical_urgent')!;
    expect(smu.cells).toEqual([40, 13, null, null, 20]);
    expect(smu.note).toBe('R-MO-25');
    expect(t.notes).toEqual(['R-MO-26', 'R-MO-25']);
  });

  it('M-17: households still waiting at the month end per bucket', () => {
    const t = waitingTable(fixture());
    expect(t.rows.map((r) => [r.key, ...r.cells])).toEqual([['total', 3, 0, 2, 5], ['MG-2', 0, 0, 2, 2], ['omslag_mobw_adult', 0, 0, 2, 2]]);
  });

  it('M-20, M-21, M-22, M-22a, M-23, R-MO-32: quota and backlog in persons per half-year, dwellings apart', () => {
    const t = statushoudersTable(fixture());
    expect(t.rows.map((r) => [r.key, ...r.cells])).toEqual([
      ['H1', 30, 25, 4, 29, 6, 2, 15],
      ['H2', 20, 0, 0, 0, 26, 0, 0],
      ['year', 50, 25, 4, 29, 26, 0, 15],
    ]);
  });

  it('M-18, M-19, R-MO-29: moves and swaps apart, per target group with any', () => {
    const t = apartTable(fixture());
    expect(t.rows.map((r) => [r.key, ...r.cells])).toEqual([['total', 1, 1, 1, 2], ['omslag_mobw_adult', 1, 1, 0, 0]]);
  });

  it('M-10, M-24, R-MO-36: the regional share with a signal, phrased as a signal and never as a breach', () => {
    const t = regionalTable(fixture());
    expect(t.rows.map((r) => [r.key, ...r.cells])).toEqual([
      ['region:REGIO-X', 50, 100, null, 11, 11, 'ABOVE_10_PERCENT'],
      ['GM9001', 150, 400, 15, 10, 4, 'NOT_ABOVE_10_PERCENT'],
    ]);
    const flat = flattenTable(t, 'nl');
    expect(flat.rows[0]![6]).toBe('Signaal: meer dan 10%');
    expect(JSON.stringify(flat)).not.toMatch(/overschrijding|breach|te veel/i);
  });

  it('M-03, M-07, M-14, R-MO-27: headline tiles (delivered vs agreed, % placed within 3 months) and flattening in both languages', () => {
    const h = headline(fixture());
    expect(h).toMatchObject({ agreed: 120, deliveredYtd: 60, deliveredYear: 60, expectedToDate: 60, status: 'ON_TRACK', realisation: 50, within3: 53, waiting: 5, signal: 'NOT_ABOVE_10_PERCENT' });
    const en = flattenTable(groupsTable(fixture()), 'en');
    expect(en.header[0]).toBe('Group');
    expect(en.rows[0]![8]).toBe('On track');
    for (const name of TABLE_NAMES) {
      expect(isTableName(name)).toBe(true);
      const m = monitorTable(fixture(), name);
      expect(m.name).toBe(name);
      expect(m.caption.nl).toContain('Gemeente Veenhaven, 2024 t/m juni');
      for (const r of m.rows) expect(r.cells).toHaveLength(m.columns.length);
    }
    expect(isTableName('nope')).toBe(false);
  });
});
