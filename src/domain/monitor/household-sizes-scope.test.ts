/**
 * Mutation tests for R-MO-39: which municipalities the view shows, the completeness warnings
 * on each side of their conditions, the caption of each kind of area and the column contract.
 */
import { describe, expect, it } from 'vitest';
import { compareHouseholdSizes, householdSizeWarnings, householdSizesTable, type HouseholdSizeInput } from './household-sizes.ts';

const A = { code: 'GM9001', name: 'Gemeente Aa' };
const B = { code: 'GM9002', name: 'Gemeente Bee' };
const C = { code: 'GM9003', name: 'Gemeente Cee' };
const D = { code: 'GM9004', name: 'Gemeente Dee' };

function input(over: Partial<HouseholdSizeInput> = {}): HouseholdSizeInput {
  return {
    year: 2024, month: 3, area: { kind: 'region', name: 'Regio Polder' }, municipalities: [A, B, C, D],
    households: [], rooms: [], released: [], ...over,
  };
}

describe('R-MO-39: the municipalities in the view', () => {
  it('R-MO-39: a region shows each municipality with households, with dwellings by rooms or with M-10 only, and leaves out one with nothing', () => {
    const shown = compareHouseholdSizes(input({
      households: [{ municipality: A.code, persons: 2, households: 1 }],
      rooms: [{ municipality: B.code, rooms: 3, dwellings: 4 }],
      released: [{ municipality: C.code, dwellings: 7 }],
    }));
    expect(shown.map((c) => [c.municipality, c.households, c.dwellings, c.released])).toEqual([
      [A.code, 1, 0, 0], [B.code, 0, 4, 0], [C.code, 0, 0, 7],
    ]);
  });

  it('R-MO-39: figures of municipalities outside the scope are not read, not even a malformed size', () => {
    const shown = compareHouseholdSizes(input({
      area: { kind: 'municipality', name: A.name }, municipalities: [A],
      households: [{ municipality: A.code, persons: 1, households: 2 }, { municipality: 'GM0999', persons: 0, households: 5 }],
      rooms: [{ municipality: A.code, rooms: 1, dwellings: 3 }, { municipality: 'GM0999', rooms: 0, dwellings: 9 }],
      released: [{ municipality: A.code, dwellings: 3 }, { municipality: 'GM0999', dwellings: 9 }],
    }));
    expect(shown.map((c) => [c.municipality, c.households, c.dwellings, c.released])).toEqual([[A.code, 2, 3, 3]]);
  });

  it('R-MO-39: no figures by rooms is a warning when there are households or released dwellings, and nothing when there is neither', () => {
    const cmp = (households: number, released: number, dwellings: number) => ({
      municipality: A.code, name: A.name, households, dwellings, released, classes: [],
    });
    expect(householdSizeWarnings([cmp(3, 0, 0)], 2024).map((w) => [w.code, w.rooms, w.released])).toEqual([['no_room_figures', 0, 0]]);
    expect(householdSizeWarnings([cmp(0, 5, 0)], 2024).map((w) => [w.code, w.rooms, w.released])).toEqual([['no_room_figures', 0, 5]]);
    expect(householdSizeWarnings([cmp(0, 0, 0)], 2024)).toEqual([]);
    // Rooms entered: a warning only when they do not add up to M-10.
    expect(householdSizeWarnings([cmp(3, 5, 5)], 2024)).toEqual([]);
    expect(householdSizeWarnings([cmp(0, 0, 5)], 2024).map((w) => [w.code, w.rooms, w.released])).toEqual([['rooms_total_differs', 5, 0]]);
  });
});

describe('R-MO-39: the table around the comparison', () => {
  const withFigures = { households: [{ municipality: A.code, persons: 1, households: 1 }] };

  it('R-MO-39: the caption names the region, or every municipality, and the corporation when one is chosen', () => {
    expect(householdSizesTable(input(withFigures)).caption.en).toContain('(Regio Polder, per municipality, 2024 up to March)');
    expect(householdSizesTable(input({ ...withFigures, area: { kind: 'all' } })).caption.en).toContain('(all municipalities, per municipality, 2024 up to March)');
    expect(householdSizesTable(input({ ...withFigures, area: { kind: 'all' }, corporation: 'Alfa Wonen' })).caption.nl)
      .toContain('(alle gemeenten, per gemeente, Alfa Wonen, 2024 t/m maart)');
  });

  it('R-MO-39: columns show households (M-23) and dwellings (M-10) as counts and percentages; two explanations, the pairing note and the basis', () => {
    const t = householdSizesTable(input(withFigures));
    expect(t.columns.map((c) => [c.key, c.metric, c.kind])).toEqual([
      ['households', 'M-23', 'count'], ['householdShare', 'M-23', 'percent'], ['dwellings', 'M-10', 'count'], ['dwellingShare', 'M-10', 'percent'],
    ]);
    expect(t.explanations.map((e) => e.id)).toEqual(['R-MO-39', 'R-MO-39-basis']);
  });
});
