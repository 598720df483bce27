import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  COLUMNS, REQUIRED_COLUMNS, isCalendarDate, parseHeader, validateRow,
  type HeaderLayout, type ImportReferences, type RowResult,
} from './placement-row.ts';

const refs: ImportReferences = {
  municipalities: new Map([['GM9001', 'mun-1'], ['GM0363', 'mun-2']]),
  corporations: new Map([['WC-LINDE', 'corp-1'], ['WC-HAVENWONINGEN', 'corp-2']]),
  targetGroups: new Map([
    ['social_medical_urgent', { validFrom: '2016-01-01', validTo: null }],
    ['wheelchair_urgent', { validFrom: '2016-01-01', validTo: null }],
    ['statushouder_regular', { validFrom: '2016-01-01', validTo: null }],
    ['wlz_independent', { validFrom: '2020-01-01', validTo: null }],
    ['retired_group', { validFrom: '2016-01-01', validTo: '2018-12-31' }],
  ]),
};

const HEADER = ['placement_id', 'municipality', 'corporation', 'target_group', 'active_mediation_date', 'lease_signed_date', 'move_reason', 'persons'];

function layoutOf(header: string[]): HeaderLayout {
  const h = parseHeader(header);
  if (!h.ok) throw new Error(JSON.stringify(h.problems));
  return h.layout;
}

function row(values: Partial<Record<string, string>>, header = HEADER): RowResult {
  const base: Record<string, string> = {
    placement_id: 'P-1', municipality: 'GM9001', corporation: 'WC-LINDE', target_group: 'social_medical_urgent',
    active_mediation_date: '2020-01-10', lease_signed_date: '2020-03-01', move_reason: '', persons: '',
  };
  const merged = { ...base, ...values };
  return validateRow(layoutOf(header), header.map((c) => merged[c] ?? ''), refs);
}

function codes(r: RowResult): string[] {
  return r.ok ? [] : r.problems.map((p) => p.code);
}

describe('placements CSV header', () => {
  it('accepts the api.md columns in any order, case-insensitively, with a BOM', () => {
    const h = parseHeader(['\uFEFFMove_Reason', ...[...REQUIRED_COLUMNS].reverse().filter((c) => c !== 'move_reason'), 'persons']);
    expect(h.ok).toBe(true);
    if (h.ok) expect(h.layout.move_reason).toBe(0);
  });

  it('accepts every optional extension column', () => {
    expect(parseHeader([...COLUMNS]).ok).toBe(true);
  });

  it('rejects an unknown column with a Dutch reason naming it', () => {
    const h = parseHeader([...HEADER, 'klantnaam']);
    expect(h.ok).toBe(false);
    if (!h.ok) {
      expect(h.problems[0]!.code).toBe('header_unknown_column');
      expect(h.problems[0]!.nl).toContain('Onbekende kolom "klantnaam"');
    }
  });

  it('rejects a duplicated column', () => {
    const h = parseHeader([...HEADER, 'persons']);
    expect(!h.ok && h.problems.map((p) => p.code)).toEqual(['header_duplicate_column']);
  });

  it('rejects a missing required column', () => {
    const h = parseHeader(HEADER.filter((c) => c !== 'move_reason'));
    expect(!h.ok && h.problems.map((p) => [p.code, p.field])).toEqual([['header_missing_column', 'move_reason']]);
  });
});

describe('placements CSV row', () => {
  it('a valid delivered row becomes a typed placement with defaults', () => {
    const r = row({});
    expect(r).toEqual({
      ok: true,
      placement: {
        placementId: 'P-1', municipalityId: 'mun-1', corporationId: 'corp-1', targetGroup: 'social_medical_urgent',
        activeMediationDate: '2020-01-10', leaseSignedDate: '2020-03-01', moveReason: 'regular', persons: 1,
        route: 'corporation_dwelling', wheelchairDwelling: false, district: null, neighbourhood: null,
      },
    });
  });

  it('codes are matched case-insensitively and values are trimmed', () => {
    const r = row({ municipality: ' gm9001 ', corporation: 'wc-linde', persons: ' 4 ' });
    expect(r.ok && [r.placement.municipalityId, r.placement.corporationId, r.placement.persons]).toEqual(['mun-1', 'corp-1', 4]);
  });

  it('rejects 2020-02-30 and other non-dates, accepts 2020-02-29', () => {
    expect(codes(row({ lease_signed_date: '2020-02-30' }))).toEqual(['invalid_date']);
    expect(codes(row({ lease_signed_date: '2021-02-29' }))).toEqual(['invalid_date']);
    expect(codes(row({ active_mediation_date: '10-01-2020' }))).toEqual(['invalid_date']);
    expect(codes(row({ active_mediation_date: '2020-1-10' }))).toEqual(['invalid_date']);
    expect(row({ active_mediation_date: '2020-01-01', lease_signed_date: '2020-02-29' }).ok).toBe(true);
    const r = row({ lease_signed_date: '2020-02-30' });
    expect(!r.ok && r.problems[0]!.nl).toContain('geen bestaande datum');
  });

  it('rejects a lease date before the active-mediation date', () => {
    const r = row({ active_mediation_date: '2020-05-01', lease_signed_date: '2020-04-30' });
    expect(codes(r)).toEqual(['lease_before_mediation']);
    expect(!r.ok && r.problems[0]!.nl).toContain('vóór de start van de actieve bemiddeling');
  });

  it('a household still waiting has no lease date (and may have no corporation)', () => {
    const r = row({ lease_signed_date: '', corporation: '' });
    expect(r.ok && [r.placement.leaseSignedDate, r.placement.corporationId]).toEqual([null, null]);
  });

  it('without a lease date the active-mediation date is required', () => {
    expect(codes(row({ lease_signed_date: '', active_mediation_date: '' }))).toEqual(['required']);
  });

  it('a delivered row without active-mediation date is allowed (start unknown)', () => {
    expect(row({ active_mediation_date: '' }).ok).toBe(true);
  });

  it('corporation is required for a delivery unless the route is housing_project', () => {
    expect(codes(row({ corporation: '' }))).toEqual(['required']);
    const header = [...HEADER, 'route'];
    expect(row({ corporation: '', route: 'housing_project', target_group: 'statushouder_regular' }, header).ok).toBe(true);
  });

  it('rejects unknown municipality, corporation and target group codes', () => {
    expect(codes(row({ municipality: 'GM0000' }))).toEqual(['unknown_municipality']);
    expect(codes(row({ corporation: 'WC-NOPE' }))).toEqual(['unknown_corporation']);
    const r = row({ target_group: 'homeless' });
    expect(codes(r)).toEqual(['unknown_target_group']);
    expect(!r.ok && r.problems[0]!.nl).toBe('Onbekende doelgroepcode "homeless".');
  });

  it('rejects a target group outside its validity period', () => {
    expect(codes(row({ target_group: 'wlz_independent', active_mediation_date: '2019-01-01', lease_signed_date: '2019-06-01' }))).toEqual(['target_group_not_valid']);
    expect(codes(row({ target_group: 'retired_group', active_mediation_date: '2019-01-01', lease_signed_date: '2019-06-01' }))).toEqual(['target_group_not_valid']);
    expect(row({ target_group: 'wlz_independent', active_mediation_date: '2020-01-01', lease_signed_date: '2020-06-01' }).ok).toBe(true);
  });

  it('move_reason: empty means regular; the three codes pass; anything else is rejected', () => {
    for (const m of ['regular', 'perspective_reassessment', 'swap']) {
      const r = row({ move_reason: m });
      expect(r.ok && r.placement.moveReason).toBe(m);
    }
    expect(codes(row({ move_reason: 'verhuizing' }))).toEqual(['invalid_move_reason']);
  });

  it('persons: integer 1–30, default 1', () => {
    expect(codes(row({ persons: '0' }))).toEqual(['invalid_persons']);
    expect(codes(row({ persons: '31' }))).toEqual(['invalid_persons']);
    expect(codes(row({ persons: '2.5' }))).toEqual(['invalid_persons']);
    const r = row({ persons: '30' });
    expect(r.ok && r.placement.persons).toBe(30);
  });

  it('placement_id: 1–64 characters of [A-Za-z0-9._:/-]', () => {
    expect(codes(row({ placement_id: '' }))).toEqual(['required']);
    expect(codes(row({ placement_id: 'a b' }))).toEqual(['invalid_placement_id']);
    expect(codes(row({ placement_id: 'x'.repeat(65) }))).toEqual(['invalid_placement_id']);
    expect(row({ placement_id: 'WN/2020:01.a_b-c' }).ok).toBe(true);
  });

  it('wheelchair_dwelling: words in Dutch and English; default true only for wheelchair_urgent (proposal M-25)', () => {
    const header = [...HEADER, 'wheelchair_dwelling'];
    expect((row({ target_group: 'wheelchair_urgent' }) as { placement: { wheelchairDwelling: boolean } }).placement.wheelchairDwelling).toBe(true);
    expect((row({}) as { placement: { wheelchairDwelling: boolean } }).placement.wheelchairDwelling).toBe(false);
    for (const [v, b] of [['ja', true], ['NEE', false], ['1', true], ['0', false], ['true', true], ['False', false]] as const) {
      const r = row({ wheelchair_dwelling: v, target_group: 'wheelchair_urgent' }, header);
      expect(r.ok && r.placement.wheelchairDwelling).toBe(b);
    }
    expect(codes(row({ wheelchair_dwelling: 'misschien' }, header))).toEqual(['invalid_boolean']);
  });

  it('route, district and neighbourhood are checked', () => {
    const header = [...HEADER, 'route', 'district', 'neighbourhood'];
    expect(codes(row({ route: 'tent' }, header))).toEqual(['invalid_route']);
    expect(codes(row({ district: 'x'.repeat(101) }, header))).toEqual(['too_long']);
    const r = row({ district: 'Noord', neighbourhood: 'Havenkwartier' }, header);
    expect(r.ok && [r.placement.district, r.placement.neighbourhood]).toEqual(['Noord', 'Havenkwartier']);
  });

  it('a row with another number of columns than the header is rejected as a whole', () => {
    const r = validateRow(layoutOf(HEADER), ['P-1', 'GM9001'], refs);
    expect(codes(r)).toEqual(['column_count']);
  });

  it('collects several problems of one row, Dutch first, each naming its field', () => {
    const r = row({ municipality: 'GM0000', target_group: 'nope', persons: '99' });
    expect(!r.ok && r.problems.map((p) => p.field)).toEqual(['municipality', 'target_group', 'persons']);
    expect(!r.ok && r.placementId).toBe('P-1');
  });

  it('isCalendarDate knows leap years', () => {
    expect(isCalendarDate('2000-02-29')).toBe(true);
    expect(isCalendarDate('1900-02-29')).toBe(false);
    expect(isCalendarDate('2024-04-31')).toBe(false);
    expect(isCalendarDate('2024-12-31')).toBe(true);
  });

  it('property: valid generated rows round-trip into the placement they were written from', () => {
    const date = fc.date({ min: new Date('2016-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    const arb = fc.record({
      placementId: fc.stringMatching(/^[A-Za-z0-9._:/-]{1,64}$/),
      municipality: fc.constantFrom(['GM9001', 'mun-1'], ['GM0363', 'mun-2']),
      corporation: fc.constantFrom(['WC-LINDE', 'corp-1'], ['WC-HAVENWONINGEN', 'corp-2'], null),
      targetGroup: fc.constantFrom('social_medical_urgent', 'wheelchair_urgent', 'statushouder_regular'),
      start: date,
      waitDays: fc.option(fc.integer({ min: 0, max: 900 })),
      moveReason: fc.constantFrom('regular', 'perspective_reassessment', 'swap'),
      persons: fc.integer({ min: 1, max: 30 }),
      route: fc.constantFrom('corporation_dwelling', 'housing_project'),
      wheelchair: fc.boolean(),
      district: fc.option(fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,20}[A-Za-z]$/)),
      order: fc.shuffledSubarray([...COLUMNS], { minLength: COLUMNS.length, maxLength: COLUMNS.length }),
    });
    fc.assert(fc.property(arb, (g) => {
      const lease = g.waitDays === null ? null : new Date(Date.parse(g.start) + g.waitDays * 86_400_000).toISOString().slice(0, 10);
      const corporation = g.corporation ?? (lease && g.route !== 'housing_project' ? ['WC-LINDE', 'corp-1'] : null);
      const values: Record<string, string> = {
        placement_id: g.placementId, municipality: g.municipality[0]!, corporation: corporation?.[0] ?? '', target_group: g.targetGroup,
        active_mediation_date: g.start, lease_signed_date: lease ?? '', move_reason: g.moveReason, persons: String(g.persons),
        wheelchair_dwelling: g.wheelchair ? 'ja' : 'nee', district: g.district ?? '', neighbourhood: '', route: g.route,
      };
      const r = validateRow(layoutOf(g.order), g.order.map((c) => values[c]!), refs);
      expect(r).toEqual({
        ok: true,
        placement: {
          placementId: g.placementId, municipalityId: g.municipality[1], corporationId: corporation?.[1] ?? null, targetGroup: g.targetGroup,
          activeMediationDate: g.start, leaseSignedDate: lease, moveReason: g.moveReason, persons: g.persons, route: g.route,
          wheelchairDwelling: g.wheelchair, district: g.district, neighbourhood: null,
        },
      });
    }), { numRuns: 300 });
  });
});
