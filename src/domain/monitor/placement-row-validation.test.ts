/**
 * Mutation tests for the placements CSV row (api.md § "Placements CSV (import)"): the calendar
 * date on each side of its bounds, the required codes, the date a target group's validity
 * (R-MO-01) is checked on, and the length of district and neighbourhood.
 */
import { describe, expect, it } from 'vitest';
import { isCalendarDate, parseHeader, validateRow, type ImportReferences, type RowProblem, type RowResult } from './placement-row.ts';

const refs: ImportReferences = {
  municipalities: new Map([['GM9001', 'mun-1']]),
  corporations: new Map([['WC-LINDE', 'corp-1']]),
  targetGroups: new Map([
    ['social_medical_urgent', { validFrom: '2016-01-01', validTo: null }],
    ['from_2020', { validFrom: '2020-01-01', validTo: null }],
    ['until_2018', { validFrom: '2016-01-01', validTo: '2018-12-31' }],
  ]),
};

const HEADER = ['placement_id', 'municipality', 'corporation', 'target_group', 'active_mediation_date', 'lease_signed_date', 'move_reason', 'district', 'neighbourhood'];

function row(values: Partial<Record<string, string>>): RowResult {
  const h = parseHeader(HEADER);
  if (!h.ok) throw new Error('header');
  const merged: Record<string, string> = {
    placement_id: 'P-1', municipality: 'GM9001', corporation: 'WC-LINDE', target_group: 'social_medical_urgent',
    active_mediation_date: '2018-06-01', lease_signed_date: '2018-09-01', move_reason: '', district: '', neighbourhood: '', ...values,
  };
  return validateRow(h.layout, HEADER.map((c) => merged[c] ?? ''), refs);
}
const problems = (r: RowResult): Array<Pick<RowProblem, 'field' | 'code'>> => (r.ok ? [] : r.problems.map((p) => ({ field: p.field, code: p.code })));

describe('placements CSV: dates', () => {
  it('R-MO-22: a date is a real day of 1900 to 2100, written exactly as YYYY-MM-DD', () => {
    expect(isCalendarDate('1899-12-31')).toBe(false);
    expect(isCalendarDate('1900-01-01')).toBe(true);
    expect(isCalendarDate('2100-12-31')).toBe(true);
    expect(isCalendarDate('2101-01-01')).toBe(false);
    expect(isCalendarDate('2020-01-00')).toBe(false);
    expect(isCalendarDate('2020-01-01')).toBe(true);
    expect(isCalendarDate('2020-00-10')).toBe(false);
    expect(isCalendarDate('2020-01-15')).toBe(true);
    expect(isCalendarDate('2020-12-15')).toBe(true);
    expect(isCalendarDate('2020-13-01')).toBe(false);
    // Nothing before or after the date.
    expect(isCalendarDate('2020-01-011')).toBe(false);
    expect(isCalendarDate('12020-01-01')).toBe(false);
    expect(isCalendarDate('2020-01-01T00:00')).toBe(false);
  });

  it('R-MO-22: a date out of range rejects the row as invalid_date of its column', () => {
    expect(problems(row({ active_mediation_date: '1899-12-31' }))).toEqual([{ field: 'active_mediation_date', code: 'invalid_date' }]);
    expect(problems(row({ lease_signed_date: '2018-09-00' }))).toEqual([{ field: 'lease_signed_date', code: 'invalid_date' }]);
  });
});

describe('placements CSV: codes', () => {
  it('an empty municipality or target group is required, not an unknown code', () => {
    expect(problems(row({ municipality: '' }))).toEqual([{ field: 'municipality', code: 'required' }]);
    expect(problems(row({ target_group: '' }))).toEqual([{ field: 'target_group', code: 'required' }]);
  });

  it('R-MO-01: a target group is checked on the lease date when there is one, its last valid day included', () => {
    // Mediation inside the validity, lease after its end: the lease date decides.
    expect(problems(row({ target_group: 'until_2018', active_mediation_date: '2018-12-01', lease_signed_date: '2019-01-10' })))
      .toEqual([{ field: 'target_group', code: 'target_group_not_valid' }]);
    expect(row({ target_group: 'until_2018', active_mediation_date: '2018-12-01', lease_signed_date: '2018-12-31' }).ok).toBe(true);
  });

  it('R-MO-01: without a lease date a target group is checked on the active-mediation date', () => {
    expect(problems(row({ target_group: 'until_2018', active_mediation_date: '2019-01-01', lease_signed_date: '', corporation: '' })))
      .toEqual([{ field: 'target_group', code: 'target_group_not_valid' }]);
    expect(row({ target_group: 'until_2018', active_mediation_date: '2018-12-31', lease_signed_date: '', corporation: '' }).ok).toBe(true);
  });

  it('R-MO-01: a target group not valid yet says it is valid from its first day with no end', () => {
    const r = row({ target_group: 'from_2020', active_mediation_date: '2019-06-01', lease_signed_date: '2019-12-31' });
    expect(problems(r)).toEqual([{ field: 'target_group', code: 'target_group_not_valid' }]);
    if (!r.ok) {
      expect(r.problems[0]!.nl).toContain('(geldig 2020-01-01 t/m heden)');
      expect(r.problems[0]!.en).toContain('(valid 2020-01-01 to present)');
    }
    const ended = row({ target_group: 'until_2018', active_mediation_date: '2019-01-01', lease_signed_date: '2019-02-01' });
    if (!ended.ok) expect(ended.problems[0]!.en).toContain('(valid 2016-01-01 to 2018-12-31)');
    expect(ended.ok).toBe(false);
  });
});

describe('placements CSV: district and neighbourhood', () => {
  it('M-26: district and neighbourhood take up to 100 characters', () => {
    const r = row({ district: 'd'.repeat(100), neighbourhood: 'n'.repeat(100) });
    expect(r.ok && [r.placement.district?.length, r.placement.neighbourhood?.length]).toEqual([100, 100]);
    expect(problems(row({ neighbourhood: 'n'.repeat(101) }))).toEqual([{ field: 'neighbourhood', code: 'too_long' }]);
  });
});
