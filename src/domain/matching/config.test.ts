/** The matching configuration (matching.md §5.2, §5.3, §7): defaults, validation, diff. */
import { describe, expect, it } from 'vitest';
import { CONFIG_WORDS, DEFAULT_MATCHING_CONFIG, EXAMPLE_SUITABILITY_RULES, configDiff, validateConfig } from './config.ts';
import type { MatchingConfigInput } from './config.ts';
import type { MatchingConfig } from './model.ts';

const paths = (partial: unknown) => validateConfig(partial as MatchingConfigInput).errors.map((e) => e.path);

describe('DEFAULT_MATCHING_CONFIG (§5.2, §5.3, §7)', () => {
  it('HC-01, HC-05, HC-06, R-MA-04, SP-02, R-MA-23: windows, distances, limits and N are the spec defaults', () => {
    expect(DEFAULT_MATCHING_CONFIG).toMatchObject({
      nuisanceWindowMonths: 12, liquorDistanceM: 200, liquorHard: true,
      youngAdultMaxM2InsideRing: 40, youngAdultMaxM2OutsideRing: 50, youngAdultFamilyRooms: 3,
      largeFamilyPersons: 5, schoolNearKm: 1.5, schoolFarKm: 3, proposalSize: 3,
    });
  });

  it('SP-01…SP-09: the penalties of §5.3', () => {
    expect(DEFAULT_MATCHING_CONFIG.penalties).toEqual({
      SP01: 15, SP02near: 10, SP02far: 20, SP03: 20, SP04medium: 10, SP04high: 20,
      SP05: 15, SP06one: 10, SP06many: 20, SP07: 10, SP08: 25, SP09: 30,
    });
  });

  it('HC-08: the default suitability rules are two labelled examples (2 persons per room; € 800 rent under € 1,800 income)', () => {
    expect(DEFAULT_MATCHING_CONFIG.suitability).toBe(EXAMPLE_SUITABILITY_RULES);
    expect(EXAMPLE_SUITABILITY_RULES.map(({ label: _l, ...r }) => r)).toEqual([
      { id: 'example-persons-per-room', kind: 'max_persons_per_room', value: 2 },
      { id: 'example-rent-for-income', kind: 'max_rent_for_income', incomeBelow: 1800, rentAbove: 800 },
    ]);
    for (const r of EXAMPLE_SUITABILITY_RULES) {
      expect(r.label.nl).toMatch(/^Voorbeeldregel: /);
      expect(r.label.en).toMatch(/^Example rule: /);
    }
    expect(validateConfig({}).errors).toEqual([]);
  });
});

describe('validateConfig', () => {
  it('merges a partial over the defaults, one penalty at a time', () => {
    const { config, errors } = validateConfig({ model: 'OM-UTR', liquorHard: false, penalties: { SP01: 5 } });
    expect(errors).toEqual([]);
    expect(config).toEqual({ ...DEFAULT_MATCHING_CONFIG, model: 'OM-UTR', liquorHard: false, penalties: { ...DEFAULT_MATCHING_CONFIG.penalties, SP01: 5 } });
    expect(DEFAULT_MATCHING_CONFIG.penalties.SP01).toBe(15);
    expect(validateConfig({}).config).toEqual(DEFAULT_MATCHING_CONFIG);
  });

  it('refuses unknown settings, at the top and among the penalties, with a message in Dutch and English', () => {
    const { errors } = validateConfig({ nuisanceMonths: 3, penalties: { SP10: 1 } } as unknown as MatchingConfigInput);
    expect(errors).toEqual([
      { path: 'nuisanceMonths', nl: 'Onbekende instelling; deze wordt niet opgeslagen.', en: 'Unknown setting; it is not saved.' },
      { path: 'penalties.SP10', nl: 'Onbekende aftrek; deze wordt niet opgeslagen.', en: 'Unknown deduction; it is not saved.' },
    ]);
  });

  it('R-MA-01: the model is OM-AMS or OM-UTR; liquorHard is a boolean', () => {
    expect(paths({ model: 'OM-AMS' })).toEqual([]);
    expect(paths({ model: 'OM-UTR' })).toEqual([]);
    expect(paths({ model: 'OM-X' })).toEqual(['model']);
    expect(paths({ liquorHard: 'yes' })).toEqual(['liquorHard']);
    expect(paths({ corporationSeesCareTopics: 'ja' } as unknown as MatchingConfigInput)).toEqual(['corporationSeesCareTopics']);
    expect(paths({ corporationSeesCareTopics: true })).toEqual([]);
    expect(paths({ liquorHard: false })).toEqual([]);
  });

  it('range checks: both ends of every range are allowed, one step beyond is refused, whole numbers where needed', () => {
    const cases: Array<[string, number, number, boolean]> = [
      ['nuisanceWindowMonths', 0, 120, true],
      ['liquorDistanceM', 0, 5000, false],
      ['youngAdultMaxM2InsideRing', 1, 500, false],
      ['youngAdultMaxM2OutsideRing', 1, 500, false],
      ['youngAdultFamilyRooms', 1, 20, true],
      ['largeFamilyPersons', 2, 30, true],
      ['proposalSize', 1, 50, true],
    ];
    for (const [key, min, max, integer] of cases) {
      expect(paths({ [key]: min }), `${key}=${min}`).toEqual([]);
      expect(paths({ [key]: max }), `${key}=${max}`).toEqual([]);
      expect(paths({ [key]: min - 0.5 }), `${key}<min`).toEqual([key]);
      expect(paths({ [key]: max + 0.5 }), `${key}>max`).toEqual([key]);
      expect(paths({ [key]: min + 0.5 }), `${key} fraction`).toEqual(integer ? [key] : []);
      expect(paths({ [key]: '3' }), `${key} text`).toEqual([key]);
      expect(paths({ [key]: Number.NaN }), `${key} NaN`).toEqual([key]);
    }
    expect(paths({ schoolNearKm: 0, schoolFarKm: 100 })).toEqual([]);
    expect(paths({ schoolNearKm: -0.1 })).toEqual(['schoolNearKm']);
    expect(paths({ schoolFarKm: 100.1 })).toEqual(['schoolFarKm']);
    expect(paths({ liquorDistanceM: Number.POSITIVE_INFINITY })).toEqual(['liquorDistanceM']);
  });

  it('range errors say the range in words, in Dutch and English', () => {
    expect(validateConfig({ proposalSize: 0 }).errors).toEqual([{
      path: 'proposalSize',
      nl: 'Het aantal kandidaten per woning: dit moet een geheel getal zijn van 1 tot en met 50.',
      en: 'The number of candidates per dwelling: this must be a whole number from 1 up to and including 50.',
    }]);
    expect(validateConfig({ liquorDistanceM: -1 }).errors[0]).toEqual({
      path: 'liquorDistanceM',
      nl: 'De loopafstand tot een drankwinkel (meter): dit moet een getal zijn van 0 tot en met 5000.',
      en: 'The walking distance to a liquor shop (metres): this must be a number from 0 up to and including 5000.',
    });
  });

  it('penalties lie in 0…100; the far school distance is not below the near one', () => {
    expect(paths({ penalties: { SP08: 0, SP09: 100, SP02far: 12.5 } })).toEqual([]);
    expect(paths({ penalties: { SP08: -1 } })).toEqual(['penalties.SP08']);
    expect(paths({ penalties: { SP09: 101 } })).toEqual(['penalties.SP09']);
    expect(paths({ schoolNearKm: 2, schoolFarKm: 2 })).toEqual([]);
    expect(paths({ schoolNearKm: 2.5, schoolFarKm: 2 })).toEqual(['schoolFarKm']);
  });

  it('HC-08: suitability rules need an id (unique), a known kind with valid numbers, and a label in both languages', () => {
    const label = { nl: 'Regel', en: 'Rule' };
    expect(paths({ suitability: [] })).toEqual([]);
    expect(paths({ suitability: [{ id: 'a', kind: 'min_rooms_for_persons', persons: 4, rooms: 3, label }] })).toEqual([]);
    expect(paths({ suitability: 'none' })).toEqual(['suitability']);
    expect(paths({ suitability: [{ id: '', kind: 'max_persons_per_room', value: 2, label }] })).toEqual(['suitability[0].id']);
    expect(paths({ suitability: [{ kind: 'max_persons_per_room', value: 2, label }] })).toEqual(['suitability[0].id']);
    expect(paths({ suitability: [{ id: 'a', kind: 'max_persons_per_room', value: 2, label }, { id: 'a', kind: 'max_persons_per_room', value: 3, label }] }))
      .toEqual(['suitability[1].id']);
    expect(paths({ suitability: [{ id: 'a', kind: 'max_persons_per_room', value: 2, label: { nl: 'x', en: ' ' } }] })).toEqual(['suitability[0].label']);
    expect(paths({ suitability: [{ id: 'a', kind: 'max_persons_per_room', value: 2, label: { nl: '', en: 'x' } }] })).toEqual(['suitability[0].label']);
    expect(paths({ suitability: [{ id: 'a', kind: 'max_persons_per_room', value: 2, label: { nl: 'x' } }] })).toEqual(['suitability[0].label']);
    expect(paths({ suitability: [{ id: 'a', kind: 'max_persons_per_room', value: 2, label: { en: 'x' } }] })).toEqual(['suitability[0].label']);
    expect(paths({ suitability: [{ id: 'a', kind: 'max_persons_per_room', value: 2, label: { nl: ' ', en: 'x' } }] })).toEqual(['suitability[0].label']);
    expect(paths({ suitability: [{ id: 'a', kind: 'max_persons_per_room', value: 2, label: null }] })).toEqual(['suitability[0].label']);
    expect(paths({ suitability: [{ id: 'a', kind: 'max_persons_per_room', value: 2, label: 'x' }] })).toEqual(['suitability[0].label']);
    expect(paths({ suitability: [{ id: 'a', kind: 'other', label }] })).toEqual(['suitability[0].kind']);
    expect(paths({ suitability: [null] })).toEqual(['suitability[0].id', 'suitability[0].label', 'suitability[0].kind']);
    expect(paths({ suitability: [{ id: 'a', kind: 'max_persons_per_room', value: 0, label }] })).toEqual(['suitability[0].value']);
    expect(paths({ suitability: [{ id: 'a', kind: 'max_persons_per_room', value: 0.1, label }] })).toEqual([]);
    expect(paths({ suitability: [{ id: 'a', kind: 'max_persons_per_room', value: 20.5, label }] })).toEqual(['suitability[0].value']);
    expect(paths({ suitability: [{ id: 'a', kind: 'min_rooms_for_persons', persons: 2.5, rooms: 0, label }] })).toEqual(['suitability[0].persons', 'suitability[0].rooms']);
    expect(paths({ suitability: [{ id: 'a', kind: 'min_rooms_for_persons', persons: 31, rooms: 21, label }] })).toEqual(['suitability[0].persons', 'suitability[0].rooms']);
    expect(paths({ suitability: [{ id: 'a', kind: 'min_rooms_for_persons', persons: 30, rooms: 20, label }] })).toEqual([]);
    expect(paths({ suitability: [{ id: 'a', kind: 'max_rent_for_income', incomeBelow: -1, rentAbove: 100_001, label }] })).toEqual(['suitability[0].incomeBelow', 'suitability[0].rentAbove']);
    expect(paths({ suitability: [{ id: 'a', kind: 'max_rent_for_income', incomeBelow: 0, rentAbove: 100_000, label }] })).toEqual([]);
  });

  it('suitability errors carry readable messages', () => {
    const label = { nl: 'Regel', en: 'Rule' };
    expect(validateConfig({ suitability: [{ id: 'a', kind: 'max_persons_per_room', value: 2, label }, { id: 'a', kind: 'max_persons_per_room', value: 2, label }] }).errors)
      .toEqual([{ path: 'suitability[1].id', nl: 'suitability[1].id "a" komt twee keer voor.', en: 'suitability[1].id "a" occurs twice.' }]);
  });
});

describe('configDiff', () => {
  const base: MatchingConfig = DEFAULT_MATCHING_CONFIG;

  it('lists nothing for equal configurations', () => {
    expect(configDiff(base, { ...base, penalties: { ...base.penalties }, suitability: base.suitability.map((r) => ({ ...r })) })).toEqual([]);
  });

  it('lists the changed top-level parameters and penalties by path, in the order of the defaults', () => {
    const b: MatchingConfig = { ...base, proposalSize: 4, liquorHard: false, penalties: { ...base.penalties, SP09: 25, SP01: 10 } };
    expect(configDiff(base, b)).toEqual([
      { path: 'liquorHard', before: true, after: false },
      { path: 'penalties.SP01', before: 15, after: 10 },
      { path: 'penalties.SP09', before: 30, after: 25 },
      { path: 'proposalSize', before: 3, after: 4 },
    ]);
  });

  it('compares suitability rules by id: changed, added and removed', () => {
    const [rooms, rent] = base.suitability as [MatchingConfig['suitability'][number], MatchingConfig['suitability'][number]];
    const added = { id: 'new', kind: 'min_rooms_for_persons' as const, persons: 3, rooms: 2, label: { nl: 'n', en: 'n' } };
    const changed = { ...rooms, value: 3 } as typeof rooms;
    const b: MatchingConfig = { ...base, suitability: [changed, added] };
    expect(configDiff(base, b)).toEqual([
      { path: 'suitability.example-persons-per-room', before: rooms, after: changed },
      { path: 'suitability.example-rent-for-income', before: rent, after: null },
      { path: 'suitability.new', before: null, after: added },
    ]);
  });
});

describe('parameters in words', () => {
  it('R-MA-26: every parameter and every penalty has words in Dutch and English, so a refusal never shows a key', () => {
    for (const key of [...Object.keys(DEFAULT_MATCHING_CONFIG).filter((k) => k !== 'penalties'), ...Object.keys(DEFAULT_MATCHING_CONFIG.penalties).map((k) => `penalties.${k}`)]) {
      expect(CONFIG_WORDS[key], key).toBeDefined();
      expect(CONFIG_WORDS[key]!.nl).not.toMatch(/[a-z][A-Z]|SP\d|penalties/);
    }
    expect(validateConfig({ corporationSeesCareTopics: 1 } as unknown as MatchingConfigInput).errors).toEqual([{ path: 'corporationSeesCareTopics', nl: 'De corporatie ziet ook de zorgonderwerpen van het aanmeldformulier: kies ja of nee.', en: 'The corporation also sees the care topics of the application form: choose yes or no.' }]);
    expect(validateConfig({ schoolNearKm: 2, schoolFarKm: 1 }).errors.map((e) => e.nl)).toEqual(['De afstand tot school die ver is, mag niet kleiner zijn dan de afstand die nog dichtbij is.']);
    expect(DEFAULT_MATCHING_CONFIG.corporationSeesCareTopics).toBe(false);
  });
});
