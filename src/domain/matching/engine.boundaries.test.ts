/**
 * Boundary tests for every hard constraint (HC-01…HC-10) and soft criterion (SP-01…SP-09): the
 * last value that passes and the first that fails, the NEEDS_CHECK / unknown cases of missing
 * data, and the ranking's tie-breaks. Expected values are worked out by hand from matching.md §5.
 */
import { describe, expect, it } from 'vitest';
import { candidate, dwelling, north } from '../../../test/support/matching-fixtures.ts';
import { DEFAULT_MATCHING_CONFIG } from './config.ts';
import {
  assess,
  childAge,
  compareAssessments,
  householdSize,
  minorChildren,
  offerGate,
  placementsPenalty,
  propose,
  rank,
  schoolPenalty,
  scoreOf,
} from './engine.ts';
import { haversineKm } from './geo.ts';
import type { CandidateAssessment, CandidateFacts, DwellingFacts, MatchingConfig, PenaltyLine } from './model.ts';

const CFG: MatchingConfig = { ...DEFAULT_MATCHING_CONFIG, model: 'OM-AMS' };
const DAY = '2021-03-01';

const run = (d: Partial<DwellingFacts>, c: Partial<CandidateFacts>, config: MatchingConfig = CFG, date = DAY) =>
  assess(dwelling(d), candidate(c), date, config);
const verdict = (d: Partial<DwellingFacts>, c: Partial<CandidateFacts>, config: MatchingConfig = CFG, date = DAY) => {
  const a = run(d, c, config, date);
  return { eligibility: a.eligibility, failing: a.failing, missingData: a.missingData };
};
const ok = { eligibility: 'ELIGIBLE', failing: [], missingData: [] };
const fails = (...ids: string[]) => ({ eligibility: 'INELIGIBLE', failing: ids, missingData: [] });
const check = (...ids: string[]) => ({ eligibility: 'NEEDS_CHECK', failing: [], missingData: ids });
const lineOf = (a: CandidateAssessment, id: string): PenaltyLine | undefined => a.breakdown.find((l) => l.id === id);
const sp = (d: Partial<DwellingFacts>, c: Partial<CandidateFacts>, id: string, config: MatchingConfig = CFG) => {
  const l = lineOf(run(d, c, config), id);
  return l && { penalty: l.penalty, unknown: l.unknown };
};
const pen = (penalty: number) => ({ penalty, unknown: false });
const UNKNOWN = { penalty: 0, unknown: true };
const kid = (birthYear: number, over: { schoolGoing?: boolean; school?: { lat: number; lon: number } | null } = {}) => ({
  birthYear, schoolGoing: over.schoolGoing ?? false, school: over.school ?? null,
});

describe('offer gate (HC-01, R-MA-06, R-MA-07)', () => {
  it('HC-01: a nuisance file exactly 12 months before the offer date no longer blocks; one day later it does, until the anniversary', () => {
    expect(offerGate(dwelling({ lastNuisanceFileOn: '2020-03-01' }), '2021-03-01', CFG)).toEqual({ offerable: true, reasons: [] });
    expect(offerGate(dwelling({ lastNuisanceFileOn: '2020-03-02' }), '2021-03-01', CFG)).toEqual({
      offerable: false, reasons: [{ rule: 'HC-01', until: '2021-03-02' }],
    });
    expect(offerGate(dwelling({ lastNuisanceFileOn: '2020-03-01' }), '2021-02-28', CFG)).toEqual({
      offerable: false, reasons: [{ rule: 'HC-01', until: '2021-03-01' }],
    });
  });

  it('HC-01: the window is the configured number of months; a file dated after the offer date blocks too; no file never blocks', () => {
    const six: MatchingConfig = { ...CFG, nuisanceWindowMonths: 6 };
    expect(offerGate(dwelling({ lastNuisanceFileOn: '2020-09-01' }), '2021-03-01', six).offerable).toBe(true);
    expect(offerGate(dwelling({ lastNuisanceFileOn: '2020-09-02' }), '2021-03-01', six).reasons).toEqual([{ rule: 'HC-01', until: '2021-03-02' }]);
    expect(offerGate(dwelling({ lastNuisanceFileOn: '2021-04-01' }), '2021-03-01', CFG).reasons).toEqual([{ rule: 'HC-01', until: '2022-04-01' }]);
    expect(offerGate(dwelling({ lastNuisanceFileOn: null }), '2021-03-01', CFG).offerable).toBe(true);
    // End of February: 2020-02-29 + 12 months is 2021-02-28.
    expect(offerGate(dwelling({ lastNuisanceFileOn: '2020-02-29' }), '2021-02-27', CFG).reasons).toEqual([{ rule: 'HC-01', until: '2021-02-28' }]);
  });

  it('R-MA-06: every missing required field is a reason; the gate is closed with one of them', () => {
    expect(offerGate(dwelling(), DAY, CFG, ['floor'])).toEqual({ offerable: false, reasons: [{ rule: 'R-MA-06', field: 'floor' }] });
    expect(offerGate(dwelling({ lastNuisanceFileOn: '2021-01-01' }), DAY, CFG, ['lift', 'noise']).reasons).toEqual([
      { rule: 'HC-01', until: '2022-01-01' }, { rule: 'R-MA-06', field: 'lift' }, { rule: 'R-MA-06', field: 'noise' },
    ]);
    expect(offerGate(dwelling(), DAY, CFG).offerable).toBe(true);
    const p = propose(dwelling(), [candidate()], DAY, CFG, 1, ['contact']);
    expect(p.gate.reasons).toEqual([{ rule: 'R-MA-06', field: 'contact' }]);
    expect(p.proposed).toEqual([]);
    expect(p.assessments.map((a) => a.rank)).toEqual([1]);
  });
});

describe('hard constraints (HC-02…HC-10)', () => {
  it('HC-02: an excluded neighbourhood fails, another passes; an unknown neighbourhood needs a check only when something is excluded', () => {
    expect(verdict({ neighbourhoodCode: 'N-1' }, { excludedNeighbourhoods: ['N-0', 'N-1'] })).toEqual(fails('HC-02'));
    expect(verdict({ neighbourhoodCode: 'N-2' }, { excludedNeighbourhoods: ['N-0', 'N-1'] })).toEqual(ok);
    expect(verdict({ neighbourhoodCode: null }, { excludedNeighbourhoods: ['N-1'] })).toEqual(check('HC-02'));
    expect(verdict({ neighbourhoodCode: null }, { excludedNeighbourhoods: [] })).toEqual(ok);
  });

  it('HC-03: a wheelchair need fails on a dwelling that is not wheelchair-suitable; an unrecorded need is a check only there', () => {
    expect(verdict({ wheelchairSuitable: false }, { needsWheelchair: true })).toEqual(fails('HC-03'));
    expect(verdict({ wheelchairSuitable: true }, { needsWheelchair: true })).toEqual(ok);
    expect(verdict({ wheelchairSuitable: false }, { needsWheelchair: false })).toEqual(ok);
    expect(verdict({ wheelchairSuitable: false }, { needsWheelchair: null })).toEqual(check('HC-03'));
    expect(verdict({ wheelchairSuitable: true }, { needsWheelchair: null })).toEqual(ok);
  });

  it('HC-04: a ground-floor/lift need fails on floor 1 without a lift; floor 0 or a lift passes; unrecorded need is a check only where it could fail', () => {
    expect(verdict({ floor: 1, lift: false }, { groundFloorOrLift: true })).toEqual(fails('HC-04'));
    expect(verdict({ floor: 0, lift: false }, { groundFloorOrLift: true })).toEqual(ok);
    expect(verdict({ floor: 1, lift: true }, { groundFloorOrLift: true })).toEqual(ok);
    expect(verdict({ floor: 4, lift: false }, { groundFloorOrLift: false })).toEqual(ok);
    expect(verdict({ floor: 1, lift: false }, { groundFloorOrLift: null })).toEqual(check('HC-04'));
    expect(verdict({ floor: 0, lift: false }, { groundFloorOrLift: null })).toEqual(ok);
  });

  it('HC-05: a liquor shop at 200 m fails, at 201 m passes; an unknown distance or an unrecorded wish needs a check where it could fail', () => {
    expect(verdict({ liquorShopDistanceM: 200 }, { avoidLiquorShop: true })).toEqual(fails('HC-05'));
    expect(verdict({ liquorShopDistanceM: 201 }, { avoidLiquorShop: true })).toEqual(ok);
    expect(verdict({ liquorShopDistanceM: 0 }, { avoidLiquorShop: false })).toEqual(ok);
    expect(verdict({ liquorShopDistanceM: null }, { avoidLiquorShop: true })).toEqual(check('HC-05'));
    expect(verdict({ liquorShopDistanceM: 200 }, { avoidLiquorShop: null })).toEqual(check('HC-05'));
    expect(verdict({ liquorShopDistanceM: null }, { avoidLiquorShop: null })).toEqual(check('HC-05'));
    expect(verdict({ liquorShopDistanceM: 201 }, { avoidLiquorShop: null })).toEqual(ok);
    expect(verdict({ liquorShopDistanceM: null }, { avoidLiquorShop: false })).toEqual(ok);
    const far: MatchingConfig = { ...CFG, liquorDistanceM: 300 };
    expect(verdict({ liquorShopDistanceM: 300 }, { avoidLiquorShop: true }, far)).toEqual(fails('HC-05'));
    expect(verdict({ liquorShopDistanceM: 301 }, { avoidLiquorShop: true }, far)).toEqual(ok);
  });

  it('HC-05 switched to soft: no hard constraint, the candidate stays ELIGIBLE', () => {
    const soft: MatchingConfig = { ...CFG, liquorHard: false };
    expect(verdict({ liquorShopDistanceM: 10 }, { avoidLiquorShop: true }, soft)).toEqual(ok);
    expect(verdict({ liquorShopDistanceM: null }, { avoidLiquorShop: null }, soft)).toEqual(ok);
  });

  it('HC-06: young adult without children inside the ring: 40 m² passes, 40.5 and 41 m² fail; outside: 50 passes, 51 fails', () => {
    const ya = { youngAdultTrack: true, targetGroup: 'omslag_young_adult' };
    expect(verdict({ rooms: 1, areaM2: 40, insideRing: true }, ya)).toEqual(ok);
    expect(verdict({ rooms: 1, areaM2: 40.5, insideRing: true }, ya)).toEqual(fails('HC-06'));
    expect(verdict({ rooms: 1, areaM2: 41, insideRing: true }, ya)).toEqual(fails('HC-06'));
    expect(verdict({ rooms: 2, areaM2: 50, insideRing: false }, ya)).toEqual(ok);
    expect(verdict({ rooms: 2, areaM2: 51, insideRing: false }, ya)).toEqual(fails('HC-06'));
    // Not on the track: the same dwelling passes.
    expect(verdict({ rooms: 2, areaM2: 51, insideRing: false }, { youngAdultTrack: false })).toEqual(ok);
  });

  it('HC-06: young adult without children: 2 rooms pass, 3 rooms fail whatever the area', () => {
    const ya = { youngAdultTrack: true };
    expect(verdict({ rooms: 2, areaM2: 30, insideRing: true }, ya)).toEqual(ok);
    expect(verdict({ rooms: 3, areaM2: 30, insideRing: true }, ya)).toEqual(fails('HC-06'));
  });

  it('HC-06: inside the ring unknown: within both limits passes, between them needs a check, above both fails', () => {
    const ya = { youngAdultTrack: true };
    expect(verdict({ rooms: 1, areaM2: 40, insideRing: null }, ya)).toEqual(ok);
    expect(verdict({ rooms: 1, areaM2: 41, insideRing: null }, ya)).toEqual(check('HC-06'));
    expect(verdict({ rooms: 1, areaM2: 50, insideRing: null }, ya)).toEqual(check('HC-06'));
    expect(verdict({ rooms: 1, areaM2: 51, insideRing: null }, ya)).toEqual(fails('HC-06'));
    const odd: MatchingConfig = { ...CFG, youngAdultMaxM2InsideRing: 50, youngAdultMaxM2OutsideRing: 40 };
    expect(verdict({ rooms: 1, areaM2: 45, insideRing: null }, ya, odd)).toEqual(check('HC-06'));
    expect(verdict({ rooms: 1, areaM2: 45, insideRing: true }, ya, odd)).toEqual(ok);
  });

  it('HC-06: young adult with a child under 18 needs exactly 3 rooms (2 and 4 fail); a child of 18 that year does not count', () => {
    const parent = { youngAdultTrack: true, children: [kid(2019)] };
    expect(verdict({ rooms: 3, areaM2: 70 }, parent)).toEqual(ok);
    expect(verdict({ rooms: 2, areaM2: 30 }, parent)).toEqual(fails('HC-06'));
    expect(verdict({ rooms: 4, areaM2: 80 }, parent)).toEqual(fails('HC-06'));
    expect(verdict({ rooms: 3, areaM2: 70 }, { youngAdultTrack: true, children: [kid(2004)] })).toEqual(ok);
    expect(verdict({ rooms: 3, areaM2: 70 }, { youngAdultTrack: true, children: [kid(2003)] })).toEqual(fails('HC-06'));
    expect(verdict({ rooms: 4, areaM2: 80 }, parent, { ...CFG, youngAdultFamilyRooms: 4 })).toEqual(ok);
  });

  it('HC-07 / R-MA-31: a household with a child under 18 fails in a one-person unit; without children or an adult child it passes', () => {
    expect(verdict({ onePersonUnit: true }, { children: [kid(2020)] })).toEqual(fails('HC-07'));
    expect(verdict({ onePersonUnit: true }, { children: [kid(2022)] })).toEqual(fails('HC-07'));
    expect(verdict({ onePersonUnit: true }, { children: [] })).toEqual(ok);
    expect(verdict({ onePersonUnit: false }, { children: [kid(2020)] })).toEqual(ok);
    expect(verdict({ onePersonUnit: true }, { children: [kid(2003)] })).toEqual(ok);
  });

  it('HC-08: example rule of 2 persons per room: 4 persons in 2 rooms pass, 5 fail, with the rule and its label', () => {
    expect(verdict({ rooms: 2 }, { adults: 2, children: [kid(2015), kid(2016)] })).toEqual(ok);
    const a = run({ rooms: 2 }, { adults: 2, children: [kid(2015), kid(2016), kid(2017)] });
    expect([a.eligibility, a.failing]).toEqual(['INELIGIBLE', ['HC-08']]);
    expect(a.suitability).toEqual([{ id: 'example-persons-per-room', unknown: false, label: DEFAULT_MATCHING_CONFIG.suitability[0]!.label }]);
    expect(run({ rooms: 2 }, {}).suitability).toBeUndefined();
  });

  it('HC-08: example rent rule: rent above € 800 with an income below € 1,800 fails; at the limits it passes; an unknown income needs a check', () => {
    expect(verdict({ rent: 800 }, { monthlyIncome: 1000 })).toEqual(ok);
    expect(verdict({ rent: 800.01 }, { monthlyIncome: 1799.99 })).toEqual(fails('HC-08'));
    expect(verdict({ rent: 800.01 }, { monthlyIncome: 1800 })).toEqual(ok);
    expect(verdict({ rent: 800.01 }, { monthlyIncome: null })).toEqual(check('HC-08'));
    expect(verdict({ rent: 800 }, { monthlyIncome: null })).toEqual(ok);
    const a = run({ rent: 900, rooms: 1 }, { monthlyIncome: null, adults: 3 });
    expect(a.eligibility).toBe('INELIGIBLE');
    expect(a.failing).toEqual(['HC-08']);
    expect(a.suitability?.map((s) => [s.id, s.unknown])).toEqual([['example-persons-per-room', false], ['example-rent-for-income', true]]);
  });

  it('HC-08: a minimum-rooms rule fails from the given household size when rooms are fewer', () => {
    const rules: MatchingConfig = {
      ...CFG,
      suitability: [{ id: 'r', kind: 'min_rooms_for_persons', persons: 4, rooms: 3, label: { nl: 'x', en: 'x' } }],
    };
    expect(verdict({ rooms: 2 }, { adults: 4 }, rules)).toEqual(fails('HC-08'));
    expect(verdict({ rooms: 2 }, { adults: 3 }, rules)).toEqual(ok);
    expect(verdict({ rooms: 3 }, { adults: 4 }, rules)).toEqual(ok);
    expect(verdict({ rooms: 1 }, { adults: 9 }, { ...CFG, suitability: [] })).toEqual(ok);
  });

  it('HC-09 / R-MA-22: OM-AMS needs the nomination analysis recorded; OM-UTR does not', () => {
    expect(verdict({}, { nominationRecorded: false }, { ...CFG, model: 'OM-AMS' })).toEqual(fails('HC-09'));
    expect(verdict({}, { nominationRecorded: true }, { ...CFG, model: 'OM-AMS' })).toEqual(ok);
    expect(verdict({}, { nominationRecorded: false }, { ...CFG, model: 'OM-UTR' })).toEqual(ok);
  });

  it('HC-10: the target group must be in the pool; an empty pool admits nobody', () => {
    expect(verdict({ pool: ['a', 'b'] }, { targetGroup: 'b' })).toEqual(ok);
    expect(verdict({ pool: ['a', 'b'] }, { targetGroup: 'c' })).toEqual(fails('HC-10'));
    expect(verdict({ pool: [] }, { targetGroup: 'c' })).toEqual(fails('HC-10'));
  });

  it('HC-02…HC-10: several failures are all listed in order; a failure with missing data elsewhere is INELIGIBLE and keeps the missing ones', () => {
    expect(verdict({ pool: [], neighbourhoodCode: 'N-1', wheelchairSuitable: false }, { excludedNeighbourhoods: ['N-1'], needsWheelchair: true, nominationRecorded: false }))
      .toEqual(fails('HC-02', 'HC-03', 'HC-09', 'HC-10'));
    expect(verdict({ pool: [], floor: 2 }, { groundFloorOrLift: null, avoidLiquorShop: null, monthlyIncome: null }))
      .toEqual({ eligibility: 'INELIGIBLE', failing: ['HC-10'], missingData: ['HC-04'] });
    expect(verdict({ floor: 2, liquorShopDistanceM: null }, { groundFloorOrLift: null, avoidLiquorShop: true }))
      .toEqual(check('HC-04', 'HC-05'));
    expect(run({ floor: 2 }, { groundFloorOrLift: null }).score).toBe(100);
  });
});

describe('soft criteria (SP-01…SP-09)', () => {
  it('SP-01: 15 when the dwelling is in none of the preferred neighbourhoods; 0 in one; unknown when its neighbourhood is unknown', () => {
    expect(sp({ neighbourhoodCode: 'N-2' }, { preferredNeighbourhoods: ['N-1', 'N-3'] }, 'SP-01')).toEqual(pen(15));
    expect(sp({ neighbourhoodCode: 'N-3' }, { preferredNeighbourhoods: ['N-1', 'N-3'] }, 'SP-01')).toEqual(pen(0));
    expect(sp({ neighbourhoodCode: null }, { preferredNeighbourhoods: ['N-1'] }, 'SP-01')).toEqual(UNKNOWN);
    expect(sp({ neighbourhoodCode: null }, { preferredNeighbourhoods: [] }, 'SP-01')).toEqual(pen(0));
  });

  it('SP-02: school at 1.5 km no penalty, 1.50001 km 10; 3 km 10, 3.0001 km 20', () => {
    expect(schoolPenalty(0, CFG)).toBe(0);
    expect(schoolPenalty(1.5, CFG)).toBe(0);
    expect(schoolPenalty(1.50001, CFG)).toBe(10);
    expect(schoolPenalty(3, CFG)).toBe(10);
    expect(schoolPenalty(3.0001, CFG)).toBe(20);
    const tuned: MatchingConfig = { ...CFG, schoolNearKm: 1, schoolFarKm: 2, penalties: { ...CFG.penalties, SP02near: 5, SP02far: 7 } };
    expect([schoolPenalty(1, tuned), schoolPenalty(1.1, tuned), schoolPenalty(2, tuned), schoolPenalty(2.1, tuned)]).toEqual([0, 5, 5, 7]);
  });

  it('SP-02: straight-line distance from the dwelling to the farthest school of a school-going child', () => {
    const school = { lat: 52.36, lon: 4.89 };
    const home = (km: number) => ({ location: north(school, km) });
    const child = (s: { lat: number; lon: number } | null, going = true) => kid(2014, { schoolGoing: going, school: s });
    expect(sp(home(1.4), { children: [child(school)] }, 'SP-02')).toEqual(pen(0));
    expect(sp(home(1.6), { children: [child(school)] }, 'SP-02')).toEqual(pen(10));
    expect(sp(home(3.1), { children: [child(school)] }, 'SP-02')).toEqual(pen(20));
    // The farthest school counts: one near, one at 3.1 km.
    expect(sp(home(3.1), { children: [child(north(school, 3.1)), child(school)] }, 'SP-02')).toEqual(pen(20));
    // A child not at school does not count, even with a far school recorded.
    expect(sp(home(3.1), { children: [child(school, false)] }, 'SP-02')).toEqual(pen(0));
    expect(lineOf(run(home(3.1), { children: [child(school, false)] }), 'SP-02')?.measure).toBeUndefined();
    expect(lineOf(run(home(2.26), { children: [child(school)] }), 'SP-02')?.measure).toBe(2.3);
  });

  it('SP-02: unknown dwelling location or school: unknown without penalty, unless a known school already gives the full penalty', () => {
    const school = { lat: 52.36, lon: 4.89 };
    const going = (s: { lat: number; lon: number } | null) => kid(2014, { schoolGoing: true, school: s });
    expect(sp({ location: null }, { children: [going(school)] }, 'SP-02')).toEqual(UNKNOWN);
    expect(sp({ location: north(school, 2) }, { children: [going(null)] }, 'SP-02')).toEqual(UNKNOWN);
    expect(lineOf(run({ location: north(school, 2) }, { children: [going(null)] }), 'SP-02')?.measure).toBeUndefined();
    expect(sp({ location: north(school, 2) }, { children: [going(school), going(null)] }, 'SP-02')).toEqual(UNKNOWN);
    expect(sp({ location: north(school, 3.2) }, { children: [going(school), going(null)] }, 'SP-02')).toEqual(pen(20));
    expect(sp({ location: north(school, 2.9) }, { children: [going(school), going(null)] }, 'SP-02', { ...CFG, schoolFarKm: 2.95 })).toEqual(UNKNOWN);
    expect(sp({ location: null }, { children: [] }, 'SP-02')).toEqual(pen(0));
    // Exactly at the far limit with a school missing: it could still get worse, so unknown.
    const at = north(school, 2.5);
    const exact = haversineKm(at, school);
    expect(sp({ location: at }, { children: [going(school), going(null)] }, 'SP-02', { ...CFG, schoolFarKm: exact })).toEqual(UNKNOWN);
    expect(sp({ location: at }, { children: [going(school)] }, 'SP-02', { ...CFG, schoolFarKm: exact })).toEqual(pen(10));
  });

  it('SP-03: a household of 5 in a gallery flat costs 20; 4 persons or another access type cost nothing', () => {
    const five = { adults: 2, children: [kid(2010), kid(2012), kid(2014)] };
    const four = { adults: 2, children: [kid(2010), kid(2012)] };
    expect(sp({ accessType: 'gallery', rooms: 4 }, five, 'SP-03')).toEqual(pen(20));
    expect(sp({ accessType: 'gallery', rooms: 4 }, four, 'SP-03')).toEqual(pen(0));
    expect(sp({ accessType: 'porch', rooms: 4 }, five, 'SP-03')).toEqual(pen(0));
    expect(lineOf(run({ accessType: 'gallery', rooms: 4 }, five), 'SP-03')?.measure).toBe(5);
    expect(sp({ accessType: 'gallery', rooms: 4 }, four, 'SP-03', { ...CFG, largeFamilyPersons: 4 })).toEqual(pen(20));
  });

  it('SP-04: low-stimulus advised: noise LOW 0, MEDIUM 10, HIGH 20; not advised 0; unrecorded is unknown only on a noisy dwelling', () => {
    expect(sp({ noise: 'LOW' }, { lowStimulus: true }, 'SP-04')).toEqual(pen(0));
    expect(sp({ noise: 'MEDIUM' }, { lowStimulus: true }, 'SP-04')).toEqual(pen(10));
    expect(sp({ noise: 'HIGH' }, { lowStimulus: true }, 'SP-04')).toEqual(pen(20));
    expect(sp({ noise: 'HIGH' }, { lowStimulus: false }, 'SP-04')).toEqual(pen(0));
    expect(sp({ noise: 'MEDIUM' }, { lowStimulus: null }, 'SP-04')).toEqual(UNKNOWN);
    expect(sp({ noise: 'LOW' }, { lowStimulus: null }, 'SP-04')).toEqual(pen(0));
  });

  it('SP-05, SP-06, SP-07 / R-MA-28, R-MA-29: dwelling-only criteria: liveability under pressure 15; placements 0/1/2/3 give 0/10/20/20; vulnerable neighbourhood 10', () => {
    expect(sp({ liveability: 'UNDER_PRESSURE' }, {}, 'SP-05')).toEqual(pen(15));
    expect(sp({ liveability: 'OK' }, {}, 'SP-05')).toEqual(pen(0));
    expect([0, 1, 2, 3].map((n) => sp({ placementsNearby24m: n }, {}, 'SP-06'))).toEqual([pen(0), pen(10), pen(20), pen(20)]);
    expect([0, 1, 2, 3].map((n) => placementsPenalty(n, CFG))).toEqual([0, 10, 20, 20]);
    expect(sp({ vulnerableNeighbourhood: true }, {}, 'SP-07')).toEqual(pen(10));
    expect(sp({ vulnerableNeighbourhood: false }, {}, 'SP-07')).toEqual(pen(0));
    const a = run({ liveability: 'UNDER_PRESSURE', placementsNearby24m: 1, vulnerableNeighbourhood: true }, {});
    expect(a.breakdown.filter((l) => l.dwellingOnly).map((l) => [l.id, l.penalty])).toEqual([['SP-05', 15], ['SP-06', 10], ['SP-07', 10]]);
    expect(a.breakdown.filter((l) => !l.dwellingOnly).map((l) => l.id)).toEqual(['SP-01', 'SP-02', 'SP-03', 'SP-04', 'SP-08']);
    expect(lineOf(a, 'SP-06')?.measure).toBe(1);
    expect(a.score).toBe(65);
    // Only criteria with a number to explain carry `measure` (SP-02 with a school, SP-03, SP-06, SP-09).
    expect(a.breakdown.filter((l) => 'measure' in l).map((l) => l.id)).toEqual(['SP-03', 'SP-06']);
    expect(lineOf(a, 'SP-05')).toStrictEqual({ id: 'SP-05', penalty: 15, unknown: false, dwellingOnly: true });
  });

  it('SP-08: a wheelchair dwelling for a client without that need costs 25; with the need or on an ordinary dwelling 0; unrecorded need unknown', () => {
    expect(sp({ wheelchairSuitable: true }, { needsWheelchair: false }, 'SP-08')).toEqual(pen(25));
    expect(sp({ wheelchairSuitable: true }, { needsWheelchair: true }, 'SP-08')).toEqual(pen(0));
    expect(sp({ wheelchairSuitable: true }, { needsWheelchair: null }, 'SP-08')).toEqual(UNKNOWN);
    expect(sp({ wheelchairSuitable: false }, { needsWheelchair: false }, 'SP-08')).toEqual(pen(0));
    expect(sp({ wheelchairSuitable: false }, { needsWheelchair: null }, 'SP-08')).toEqual(pen(0));
  });

  it('SP-09: only when HC-05 is soft: liquor shop at 200 m costs 30, at 201 m nothing; unknown data is unknown', () => {
    const soft: MatchingConfig = { ...CFG, liquorHard: false };
    expect(sp({ liquorShopDistanceM: 200 }, { avoidLiquorShop: true }, 'SP-09')).toBeUndefined();
    expect(sp({ liquorShopDistanceM: 200 }, { avoidLiquorShop: true }, 'SP-09', soft)).toEqual(pen(30));
    expect(sp({ liquorShopDistanceM: 201 }, { avoidLiquorShop: true }, 'SP-09', soft)).toEqual(pen(0));
    expect(sp({ liquorShopDistanceM: 50 }, { avoidLiquorShop: false }, 'SP-09', soft)).toEqual(pen(0));
    expect(sp({ liquorShopDistanceM: null }, { avoidLiquorShop: true }, 'SP-09', soft)).toEqual(UNKNOWN);
    expect(sp({ liquorShopDistanceM: 50 }, { avoidLiquorShop: null }, 'SP-09', soft)).toEqual(UNKNOWN);
    expect(sp({ liquorShopDistanceM: 201 }, { avoidLiquorShop: null }, 'SP-09', soft)).toEqual(pen(0));
    expect(lineOf(run({ liquorShopDistanceM: null }, { avoidLiquorShop: true }, soft), 'SP-09')?.measure).toBeUndefined();
  });

  it('score: 100 − Σ penalties, never below 0', () => {
    const heavy: MatchingConfig = { ...CFG, penalties: { ...CFG.penalties, SP05: 60, SP07: 50 } };
    expect(run({ liveability: 'UNDER_PRESSURE', vulnerableNeighbourhood: true }, {}, heavy).score).toBe(0);
    expect(run({ liveability: 'UNDER_PRESSURE', vulnerableNeighbourhood: false }, {}, heavy).score).toBe(40);
    const l = (penalty: number): PenaltyLine => ({ id: 'SP-01', penalty, unknown: false, dwellingOnly: false });
    expect(scoreOf([])).toBe(100);
    expect(scoreOf([l(30), l(20)])).toBe(50);
    expect(scoreOf([l(60), l(40)])).toBe(0);
    expect(scoreOf([l(60), l(41)])).toBe(0);
  });

  it('household size, age of a child from the birth year and the offer year, measured wait in days', () => {
    expect(childAge(2003, '2021-12-31')).toBe(18);
    expect(childAge(2004, '2021-01-01')).toBe(17);
    expect(householdSize(candidate({ adults: 2, children: [kid(2010), kid(2011)] }))).toBe(4);
    expect(minorChildren(candidate({ children: [kid(2003), kid(2004), kid(2022)] }), '2021-06-01')).toBe(2);
    expect(run({}, { waitStartOn: '2020-10-01' }, CFG, '2021-05-03').waitDays).toBe(214);
    expect(run({}, { waitStartOn: null }).waitDays).toBeNull();
    expect(run({}, { waitStartOn: '2020-10-01' }).waitStartOn).toBe('2020-10-01');
  });
});

/** A hand-made assessment for the ranking tests. */
function ax(id: string, over: Partial<CandidateAssessment> = {}): CandidateAssessment {
  return {
    candidateId: id, clientId: `c-${id}`, eligibility: 'ELIGIBLE', failing: [], missingData: [], score: 80,
    breakdown: [], waitDays: 100, waitStartOn: '2020-01-01', rank: null, ...over,
  };
}
const order = (xs: CandidateAssessment[]) => rank(xs).map((a) => a.candidateId);

describe('ranking (§5.1 step 4)', () => {
  it('score first: a higher score ranks above a longer wait', () => {
    expect(order([ax('a', { score: 80, waitDays: 900 }), ax('b', { score: 81, waitDays: 1 })])).toEqual(['b', 'a']);
  });

  it('tie in score: the longer wait first; unknown wait last', () => {
    expect(order([ax('a', { waitDays: 10 }), ax('b', { waitDays: 11 })])).toEqual(['b', 'a']);
    expect(order([ax('b', { waitDays: 11 }), ax('a', { waitDays: 10 })])).toEqual(['b', 'a']);
    expect(order([ax('a', { waitDays: null }), ax('b', { waitDays: 0 })])).toEqual(['b', 'a']);
    expect(order([ax('b', { waitDays: 0 }), ax('a', { waitDays: null })])).toEqual(['b', 'a']);
  });

  it('tie in score and wait: the earlier start date first (unknown last), then client id, then candidate id', () => {
    expect(order([ax('a', { waitStartOn: '2020-01-02' }), ax('b', { waitStartOn: '2020-01-01' })])).toEqual(['b', 'a']);
    expect(order([ax('a', { waitStartOn: null }), ax('b', { waitStartOn: '2020-01-01' })])).toEqual(['b', 'a']);
    expect(order([ax('a', { clientId: 'z' }), ax('b', { clientId: 'y' })])).toEqual(['b', 'a']);
    expect(order([ax('b', { clientId: 'y' }), ax('a', { clientId: 'z' })])).toEqual(['b', 'a']);
    expect(order([ax('b', { clientId: 'same' }), ax('a', { clientId: 'same' })])).toEqual(['a', 'b']);
    expect(order([ax('a', { clientId: 'same' }), ax('b', { clientId: 'same' })])).toEqual(['a', 'b']);
  });

  it('NEEDS_CHECK after every ELIGIBLE one (whatever its score); INELIGIBLE last and unranked', () => {
    const r = rank([
      ax('x', { eligibility: 'INELIGIBLE', score: null, failing: ['HC-02'] }),
      ax('n', { eligibility: 'NEEDS_CHECK', score: 100, missingData: ['HC-03'] }),
      ax('e', { eligibility: 'ELIGIBLE', score: 10 }),
    ]);
    expect(r.map((a) => [a.candidateId, a.rank])).toEqual([['e', 1], ['n', 2], ['x', null]]);
  });

  it('compareAssessments: 0 only for the same candidate, antisymmetric in sign', () => {
    expect(compareAssessments(ax('a'), ax('a'))).toBe(0);
    expect(Math.sign(compareAssessments(ax('a'), ax('b')))).toBe(-1);
    expect(Math.sign(compareAssessments(ax('b'), ax('a')))).toBe(1);
    expect(compareAssessments(ax('a', { score: null }), ax('b', { score: null, clientId: 'c-a' }))).toBeLessThan(0);
  });
});

describe('proposal (§5.1 step 5, R-MA-23)', () => {
  const names = ['p', 'q', 'r', 's'];
  const cands = (n: number) => names.slice(0, n).map((id, i) => candidate({ id, waitStartOn: `2020-0${i + 1}-01` }));
  const UTR: MatchingConfig = { ...CFG, model: 'OM-UTR' };

  it('R-MA-23: OM-UTR proposes the top 3 ELIGIBLE; with exactly 3 it is not short; with fewer it is', () => {
    expect(propose(dwelling(), cands(4), DAY, UTR, 1)).toMatchObject({ proposed: ['p', 'q', 'r'], short: false });
    expect(propose(dwelling(), cands(3), DAY, UTR, 1)).toMatchObject({ proposed: ['p', 'q', 'r'], short: false });
    expect(propose(dwelling(), cands(2), DAY, UTR, 1)).toMatchObject({ proposed: ['p', 'q'], short: true });
    expect(propose(dwelling(), [], DAY, UTR, 1)).toMatchObject({ proposed: [], short: true });
    expect(propose(dwelling(), cands(4), DAY, { ...UTR, proposalSize: 2 }, 1)).toMatchObject({ proposed: ['p', 'q'], short: false });
  });

  it('R-MA-23: NEEDS_CHECK and INELIGIBLE candidates are never proposed; NEEDS_CHECK is ranked after the eligible ones', () => {
    const list = [
      candidate({ id: 'n', needsWheelchair: null, waitStartOn: '2010-01-01' }),
      candidate({ id: 'x', targetGroup: 'other', waitStartOn: '2010-01-01' }),
      candidate({ id: 'e', waitStartOn: '2020-01-01' }),
    ];
    const p = propose(dwelling(), list, DAY, UTR, 1);
    expect(p.proposed).toEqual(['e']);
    expect(p.short).toBe(true);
    expect(p.assessments.map((a) => [a.candidateId, a.eligibility, a.rank])).toEqual([
      ['e', 'ELIGIBLE', 1], ['n', 'NEEDS_CHECK', 2], ['x', 'INELIGIBLE', null],
    ]);
  });

  it('HC-01: a dwelling that fails the gate gets no proposal in OM-UTR either, and is not short', () => {
    const p = propose(dwelling({ lastNuisanceFileOn: '2021-01-01' }), cands(2), DAY, UTR, 1);
    expect(p).toMatchObject({ proposed: [], short: false });
    expect(p.assessments.map((a) => a.rank)).toEqual([1, 2]);
  });

  it('OM-AMS: every ELIGIBLE candidate in rank order; never short', () => {
    expect(propose(dwelling(), cands(4), DAY, CFG, 1)).toMatchObject({ proposed: ['p', 'q', 'r', 's'], short: false });
    expect(propose(dwelling(), [], DAY, CFG, 1)).toMatchObject({ proposed: [], short: false });
  });

  it('R-MA-08: the warnings are the dwelling-only criteria with a penalty, in order', () => {
    const d = dwelling({ liveability: 'UNDER_PRESSURE', placementsNearby24m: 1, vulnerableNeighbourhood: true });
    expect(propose(d, [], DAY, CFG, 1).warnings.map((w) => [w.id, w.penalty, w.measure])).toEqual([['SP-05', 15, undefined], ['SP-06', 10, 1], ['SP-07', 10, undefined]]);
    expect(propose(dwelling(), [], DAY, CFG, 1).warnings).toEqual([]);
  });
});
