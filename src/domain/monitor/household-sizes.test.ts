import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  PAIRING_NOTE, SIZE_CLASSES, classLabel, compareHouseholdSizes, householdSizeWarnings, householdSizesTable, sizeClass, type HouseholdSizeInput,
} from './household-sizes.ts';
import { flattenTable } from './tables.ts';

const VEEN = { code: 'GM9001', name: 'Gemeente Veenhaven' };
const LIND = { code: 'GM9002', name: 'Gemeente Lindendal' };

function input(over: Partial<HouseholdSizeInput> = {}): HouseholdSizeInput {
  return {
    year: 2024,
    month: 6,
    area: { kind: 'municipality', name: VEEN.name },
    municipalities: [VEEN],
    households: [
      { municipality: VEEN.code, persons: 1, households: 6 },
      { municipality: VEEN.code, persons: 2, households: 2 },
      { municipality: VEEN.code, persons: 4, households: 1 },
      // 5, 6 and 8 persons are one class: 5 or more.
      { municipality: VEEN.code, persons: 5, households: 1 },
      { municipality: VEEN.code, persons: 6, households: 1 },
      { municipality: VEEN.code, persons: 8, households: 1 },
    ],
    rooms: [
      { municipality: VEEN.code, rooms: 1, dwellings: 10 },
      { municipality: VEEN.code, rooms: 2, dwellings: 40 },
      { municipality: VEEN.code, rooms: 3, dwellings: 30 },
      { municipality: VEEN.code, rooms: 4, dwellings: 15 },
      { municipality: VEEN.code, rooms: 5, dwellings: 5 },
    ],
    released: [{ municipality: VEEN.code, dwellings: 100 }],
    ...over,
  };
}

describe('R-MO-39: household size vs released dwellings by rooms', () => {
  it('R-MO-39: classes are 1, 2, 3, 4 and 5 or more, on both sides', () => {
    expect([1, 2, 3, 4, 5, 6, 30].map(sizeClass)).toEqual([1, 2, 3, 4, 5, 5, 5]);
    expect(() => sizeClass(0)).toThrow(RangeError);
    expect(classLabel(1)).toEqual({ nl: '1 persoon / 1 kamer', en: '1 person / 1 room' });
    expect(classLabel(3).nl).toBe('3 personen / 3 kamers');
    expect(classLabel(5).en).toBe('5 or more persons / 5 or more rooms');
  });

  it('R-MO-39: counts and shares of each side per municipality', () => {
    const [c] = compareHouseholdSizes(input());
    expect(c).toMatchObject({ municipality: 'GM9001', households: 12, dwellings: 100, released: 100 });
    expect(c!.classes.map((k) => k.households)).toEqual([6, 2, 0, 1, 3]);
    expect(c!.classes.map((k) => k.householdShare)).toEqual([50, (2 / 12) * 100, 0, (1 / 12) * 100, 25]);
    expect(c!.classes.map((k) => k.dwellings)).toEqual([10, 40, 30, 15, 5]);
    expect(c!.classes.map((k) => k.dwellingShare)).toEqual([10, 40, 30, 15, 5]);
  });

  it('R-MO-39: the table has a total row and one row per class, shares rounded half-up to whole percent', () => {
    const t = householdSizesTable(input());
    expect(t.name).toBe('household-sizes');
    expect(t.caption.nl).toBe('Huishoudgrootte statushouders en vrijgekomen woningen naar kamers (Gemeente Veenhaven, 2024 t/m juni)');
    expect(t.columns.map((c) => c.key)).toEqual(['households', 'householdShare', 'dwellings', 'dwellingShare']);
    expect(t.rows.map((r) => r.key)).toEqual(['GM9001', 'GM9001:1', 'GM9001:2', 'GM9001:3', 'GM9001:4', 'GM9001:5']);
    expect(t.rows[0]).toMatchObject({ level: 'total', label: { nl: 'Totaal', en: 'Total' }, cells: [12, 100, 100, 100] });
    // 2/12 = 16.67% → 17; 1/12 = 8.33% → 8.
    expect(t.rows.map((r) => r.cells)).toEqual([[12, 100, 100, 100], [6, 50, 10, 10], [2, 17, 40, 40], [0, 0, 30, 30], [1, 8, 15, 15], [3, 25, 5, 5]]);
    expect(t.metrics).toEqual(['M-23', 'M-10']);
    expect(t.warnings).toEqual([]);
  });

  it('R-MO-39: says plainly, in Dutch and English, that the pairing n persons ↔ n rooms is a proposal and not a norm', () => {
    const t = householdSizesTable(input());
    expect(t.notes).toEqual(['R-MO-39']);
    expect(t.explanations[0]).toEqual({ id: 'R-MO-39', text: PAIRING_NOTE });
    expect(PAIRING_NOTE.nl).toMatch(/voorstel/i);
    expect(PAIRING_NOTE.nl).toMatch(/geen norm/);
    expect(PAIRING_NOTE.en).toMatch(/proposal/i);
    expect(PAIRING_NOTE.en).toMatch(/not a norm/);
    expect(t.explanations[1]!.text.nl).toContain('tot en met juni 2024');
    expect(t.explanations[1]!.text.en).toContain('up to the end of June 2024');
  });

  it('R-MO-39: one municipality without any figure is still shown, with empty shares and a warning', () => {
    const t = householdSizesTable(input({ households: [], rooms: [], released: [] }));
    expect(t.rows).toHaveLength(6);
    expect(t.rows[0]!.cells).toEqual([0, null, 0, null]);
    expect(t.rows[1]!.cells).toEqual([0, null, 0, null]);
    // Nothing at all to compare: no warning either.
    expect(t.warnings).toEqual([]);
    const noRooms = householdSizesTable(input({ rooms: [] }));
    expect(noRooms.warnings).toMatchObject([{ code: 'no_room_figures', municipality: 'GM9001', rooms: 0, released: 100 }]);
    expect(noRooms.warnings[0]!.text.nl).toContain('nog geen vrijgekomen woningen naar aantal kamers');
  });

  it('R-MO-39: figures by rooms that do not add up to M-10 of the year give a warning, not a block', () => {
    const [c] = compareHouseholdSizes(input({ released: [{ municipality: VEEN.code, dwellings: 120 }] }));
    const w = householdSizeWarnings([c!], 2024);
    expect(w).toMatchObject([{ code: 'rooms_total_differs', rooms: 100, released: 120 }]);
    expect(w[0]!.text.nl).toContain('(M-10) tot 120');
    expect(w[0]!.text.en).toContain('to 120');
  });

  it('R-MO-39: a region is shown per municipality, only those with figures, labels naming the municipality', () => {
    const t = householdSizesTable(input({
      area: { kind: 'region', name: 'Regio Veenhaven' },
      municipalities: [LIND, VEEN, { code: 'GM9003', name: 'Gemeente Leeg' }],
      households: [...input().households, { municipality: LIND.code, persons: 3, households: 4 }],
      // A figure of a municipality outside the scope is ignored.
      rooms: [...input().rooms, { municipality: 'GM9999', rooms: 2, dwellings: 99 }],
    }));
    expect(t.caption.en).toBe('Household size of statushouders and released dwellings by rooms (Regio Veenhaven, per municipality, 2024 up to June)');
    expect(t.rows.filter((r) => r.level === 'main').map((r) => r.key)).toEqual(['GM9002', 'GM9001']);
    expect(t.rows).toHaveLength(12);
    expect(t.rows[0]).toMatchObject({ label: { nl: 'Gemeente Lindendal: totaal' }, cells: [4, 100, 0, null] });
    expect(t.rows[3]).toMatchObject({ key: 'GM9002:3', level: 'target', label: { nl: 'Gemeente Lindendal: 3 personen / 3 kamers' }, cells: [4, 100, 0, null] });
    expect(t.warnings.map((w) => [w.code, w.municipality])).toEqual([['no_room_figures', 'GM9002']]);
  });

  it('R-MO-39: the flattened table (CSV, XLSX) carries the same numbers as the model', () => {
    const t = householdSizesTable(input());
    const flat = flattenTable(t, 'en');
    expect(flat.header).toEqual(['Household size / number of rooms', 'Statushouder households to date', 'Share of households (%)', 'Released dwellings in the year', 'Share of dwellings (%)']);
    expect(flat.rows[5]).toEqual(['5 or more persons / 5 or more rooms', 3, 25, 5, 5]);
  });

  const countsArb = fc.array(fc.record({ size: fc.integer({ min: 1, max: 30 }), n: fc.integer({ min: 0, max: 5000 }) }), { maxLength: 40 });

  it('R-MO-39 (property): with data, the unrounded shares of each side add up to 100 and the classes add up to the total', () => {
    fc.assert(fc.property(countsArb, countsArb, (hh, rooms) => {
      const [c] = compareHouseholdSizes(input({
        households: hh.map((h) => ({ municipality: VEEN.code, persons: h.size, households: h.n })),
        rooms: rooms.map((r) => ({ municipality: VEEN.code, rooms: Math.min(r.size, 5), dwellings: r.n })),
      }));
      expect(c!.classes.map((k) => k.size)).toEqual([...SIZE_CLASSES]);
      expect(c!.classes.reduce((s, k) => s + k.households, 0)).toBe(hh.reduce((s, h) => s + h.n, 0));
      expect(c!.classes.reduce((s, k) => s + k.dwellings, 0)).toBe(c!.dwellings);
      if (c!.households > 0) expect(c!.classes.reduce((s, k) => s + k.householdShare!, 0)).toBeCloseTo(100, 9);
      else expect(c!.classes.every((k) => k.householdShare === null)).toBe(true);
      if (c!.dwellings > 0) expect(c!.classes.reduce((s, k) => s + k.dwellingShare!, 0)).toBeCloseTo(100, 9);
      else expect(c!.classes.every((k) => k.dwellingShare === null)).toBe(true);
      for (const k of c!.classes) {
        for (const v of [k.householdShare, k.dwellingShare]) if (v !== null) expect(v).toBeGreaterThanOrEqual(0);
      }
    }));
  });

  it('R-MO-39 (property): each rounded share is within half a percent of the exact one, and the total row equals the sum of the class rows', () => {
    fc.assert(fc.property(countsArb, (hh) => {
      const t = householdSizesTable(input({ households: hh.map((h) => ({ municipality: VEEN.code, persons: h.size, households: h.n })) }));
      const [c] = compareHouseholdSizes(input({ households: hh.map((h) => ({ municipality: VEEN.code, persons: h.size, households: h.n })) }));
      const classRows = t.rows.slice(1);
      expect(classRows.reduce((s, r) => s + (r.cells[0] as number), 0)).toBe(t.rows[0]!.cells[0]);
      classRows.forEach((r, i) => {
        const exact = c!.classes[i]!.householdShare;
        if (exact === null) expect(r.cells[1]).toBeNull();
        else expect(Math.abs((r.cells[1] as number) - exact)).toBeLessThanOrEqual(0.5 + 1e-9);
      });
    }));
  });
});
