/**
 * Property tests of the matching engine (fast-check). The oracles below are written apart from
 * the engine, straight from the tables of matching.md §5.2/§5.3, in a different shape (lists
 * of predicates), so a slip in the engine does not repeat itself here.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GROUPS, candidate, dwelling, north } from '../../../test/support/matching-fixtures.ts';
import { DEFAULT_MATCHING_CONFIG } from './config.ts';
import { assess, compareAssessments, propose, rank } from './engine.ts';
import type { CandidateAssessment, CandidateFacts, DwellingFacts, MatchingConfig } from './model.ts';

const OFFER = '2021-03-01';
const SCHOOL = { lat: 52.36, lon: 4.89 };
/** School distances well away from the 1.5 and 3 km limits (floating point stays on one side). */
const SCHOOL_KM = [0.4, 1.2, 2.2, 2.8, 3.6, 6];

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 4 });

const dwellingArb: fc.Arbitrary<DwellingFacts> = fc.record({
  floor: fc.integer({ min: 0, max: 4 }),
  lift: fc.boolean(),
  noise: fc.constantFrom('LOW', 'MEDIUM', 'HIGH') as fc.Arbitrary<DwellingFacts['noise']>,
  liveability: fc.constantFrom('OK', 'UNDER_PRESSURE') as fc.Arbitrary<DwellingFacts['liveability']>,
  neighbourhoodCode: maybe(fc.constantFrom('N1', 'N2', 'N3')),
  accessType: fc.constantFrom('porch', 'gallery', 'ground_level', 'other') as fc.Arbitrary<DwellingFacts['accessType']>,
  rooms: fc.integer({ min: 1, max: 5 }),
  areaM2: fc.constantFrom(30, 40, 45, 50, 55, 80),
  wheelchairSuitable: fc.boolean(),
  insideRing: maybe(fc.boolean()),
  onePersonUnit: fc.boolean(),
  liquorShopDistanceM: maybe(fc.constantFrom(50, 200, 201, 900)),
  pool: fc.subarray(GROUPS),
  rent: fc.constantFrom(500, 800, 950),
  placementsNearby24m: fc.integer({ min: 0, max: 3 }),
  vulnerableNeighbourhood: fc.boolean(),
  schoolKm: maybe(fc.constantFrom(...SCHOOL_KM)),
}).map(({ schoolKm, ...d }) => dwelling({ ...d, location: schoolKm === null ? null : north(SCHOOL, schoolKm) }));

const childArb = fc.record({
  birthYear: fc.integer({ min: 2000, max: 2021 }),
  schoolGoing: fc.boolean(),
  hasSchool: fc.boolean(),
}).map(({ hasSchool, ...c }) => ({ ...c, school: hasSchool ? SCHOOL : null }));

const candidateFields = {
  targetGroup: fc.constantFrom(...GROUPS),
  waitStartOn: maybe(fc.constantFrom('2019-05-01', '2020-01-01', '2020-06-15', '2021-01-01')),
  preferredNeighbourhoods: fc.subarray(['N1', 'N2', 'N3']),
  excludedNeighbourhoods: fc.subarray(['N1', 'N2', 'N3'], { maxLength: 1 }),
  adults: fc.integer({ min: 1, max: 2 }),
  children: fc.array(childArb, { maxLength: 4 }),
  avoidLiquorShop: maybe(fc.boolean()),
  lowStimulus: maybe(fc.boolean()),
  needsWheelchair: maybe(fc.boolean()),
  groundFloorOrLift: maybe(fc.boolean()),
  youngAdultTrack: fc.boolean(),
  nominationRecorded: fc.boolean(),
  monthlyIncome: maybe(fc.constantFrom(1200, 1800, 2500)),
  clientId: fc.constantFrom('c1', 'c2', 'c3'),
};
const candidateArb: fc.Arbitrary<Omit<CandidateFacts, 'id'>> = fc.record(candidateFields);

/** Candidates with unique ids k0, k1, … */
const candidatesArb = fc.array(candidateArb, { maxLength: 8 }).map((cs) => cs.map((c, i) => candidate({ ...c, id: `k${i}` })));

const configArb: fc.Arbitrary<MatchingConfig> = fc.record({
  model: fc.constantFrom('OM-AMS', 'OM-UTR') as fc.Arbitrary<MatchingConfig['model']>,
  liquorHard: fc.boolean(),
  proposalSize: fc.integer({ min: 1, max: 4 }),
}).map((over) => ({ ...DEFAULT_MATCHING_CONFIG, ...over }));

const age = (birthYear: number) => 2021 - birthYear;

/** Oracle: the hard constraints that certainly fail on the known data (matching.md §5.2). */
function oracleFails(d: DwellingFacts, c: CandidateFacts, cfg: MatchingConfig): string[] {
  const persons = c.adults + c.children.length;
  const kids = c.children.filter((k) => age(k.birthYear) <= 17).length;
  const checks: Array<[string, boolean]> = [
    ['HC-02', d.neighbourhoodCode !== null && c.excludedNeighbourhoods.some((n) => n === d.neighbourhoodCode)],
    ['HC-03', c.needsWheelchair === true && d.wheelchairSuitable === false],
    ['HC-04', c.groundFloorOrLift === true && d.floor > 0 && d.lift === false],
    ['HC-05', cfg.liquorHard && c.avoidLiquorShop === true && d.liquorShopDistanceM !== null && !(d.liquorShopDistanceM > 200)],
    ['HC-06', c.youngAdultTrack && (kids > 0
      ? d.rooms !== 3
      : d.rooms >= 3 || (d.insideRing === true && d.areaM2 > 40) || (d.insideRing !== true && d.areaM2 > 50))],
    ['HC-07', kids > 0 && d.onePersonUnit],
    ['HC-08', persons > 2 * d.rooms || (d.rent > 800 && c.monthlyIncome !== null && c.monthlyIncome < 1800)],
    ['HC-09', cfg.model === 'OM-AMS' && !c.nominationRecorded],
    ['HC-10', !d.pool.some((g) => g === c.targetGroup)],
  ];
  return checks.filter(([, fails]) => fails).map(([id]) => id);
}

/** Oracle: the sum of soft penalties for data without unknowns (matching.md §5.3). */
function oraclePenalty(d: DwellingFacts, c: CandidateFacts, cfg: MatchingConfig): number {
  const km = d.location === null ? 0 : (d.location.lat - SCHOOL.lat) * ((6371.0088 * Math.PI) / 180);
  const atSchool = c.children.some((k) => k.schoolGoing);
  const terms = [
    c.preferredNeighbourhoods.length > 0 && !c.preferredNeighbourhoods.some((n) => n === d.neighbourhoodCode) ? 15 : 0,
    atSchool ? (km > 3 ? 20 : km > 1.5 ? 10 : 0) : 0,
    c.adults + c.children.length >= 5 && d.accessType === 'gallery' ? 20 : 0,
    c.lowStimulus ? { LOW: 0, MEDIUM: 10, HIGH: 20 }[d.noise] : 0,
    d.liveability === 'UNDER_PRESSURE' ? 15 : 0,
    [0, 10, 20, 20][d.placementsNearby24m]!,
    d.vulnerableNeighbourhood ? 10 : 0,
    d.wheelchairSuitable && c.needsWheelchair === false ? 25 : 0,
    !cfg.liquorHard && c.avoidLiquorShop && d.liquorShopDistanceM! <= 200 ? 30 : 0,
  ];
  return terms.reduce((s, t) => s + t, 0);
}

/** Oracle ranking key: score desc, wait desc (unknown last), start asc (unknown last), client, candidate. */
function oracleOrder(as: CandidateAssessment[]): string[] {
  const key = (a: CandidateAssessment) => [
    -(a.score ?? -1), a.waitDays === null ? Infinity : -a.waitDays, a.waitStartOn ?? '9999', a.clientId, a.candidateId,
  ] as const;
  return [...as].sort((x, y) => {
    const kx = key(x);
    const ky = key(y);
    for (let i = 0; i < kx.length; i++) if (kx[i] !== ky[i]) return kx[i]! < ky[i]! ? -1 : 1;
    return 0;
  }).map((a) => a.candidateId);
}

function shuffle<T>(xs: T[], seed: number): T[] {
  const out = [...xs];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('matching engine properties', () => {
  it('HC-02…HC-10 (property): a candidate failing a hard constraint (oracle) is INELIGIBLE with exactly those IDs and never proposed', () => {
    fc.assert(fc.property(dwellingArb, candidatesArb, configArb, (d, cs, cfg) => {
      const p = propose(d, cs, OFFER, cfg, 1);
      for (const c of cs) {
        const expected = oracleFails(d, c, cfg);
        const a = p.assessments.find((x) => x.candidateId === c.id)!;
        expect(a.failing).toEqual(expected);
        if (expected.length > 0) {
          expect(a.eligibility).toBe('INELIGIBLE');
          expect(p.proposed).not.toContain(c.id);
        }
      }
      for (const id of p.proposed) expect(p.assessments.find((x) => x.candidateId === id)?.eligibility).toBe('ELIGIBLE');
    }), { numRuns: 300 });
  });

  it('SP-01…SP-09 (property): with every soft input known, score = max(0, 100 − oracle penalties) and equals 100 − Σ breakdown floored at 0', () => {
    const known = fc.record({
      ...candidateFields,
      avoidLiquorShop: fc.boolean(),
      lowStimulus: fc.boolean(),
      needsWheelchair: fc.boolean(),
      groundFloorOrLift: fc.boolean(),
      children: fc.array(childArb.map((k) => ({ ...k, school: SCHOOL })), { maxLength: 4 }),
    });
    const knownDwelling = dwellingArb.filter((d) => d.neighbourhoodCode !== null && d.liquorShopDistanceM !== null && d.location !== null);
    fc.assert(fc.property(knownDwelling, known, configArb, (d, c0, cfg) => {
      const c = candidate({ ...c0, id: 'k' });
      const a = assess(d, c, OFFER, cfg);
      expect(a.breakdown.every((l) => !l.unknown)).toBe(true);
      const sum = a.breakdown.reduce((s, l) => s + l.penalty, 0);
      const expected = Math.max(0, 100 - oraclePenalty(d, c, cfg));
      if (a.eligibility === 'INELIGIBLE') {
        expect(a.score).toBeNull();
      } else {
        expect(a.score).toBe(expected);
        expect(a.score).toBe(Math.max(0, 100 - sum));
      }
      expect(sum).toBe(oraclePenalty(d, c, cfg));
    }), { numRuns: 300 });
  });

  it('score (property): in [0, 100] and 100 − Σ breakdown floored at 0; unknown lines carry no penalty; null exactly when INELIGIBLE', () => {
    fc.assert(fc.property(dwellingArb, candidatesArb, configArb, (d, cs, cfg) => {
      for (const c of cs) {
        const a = assess(d, c, OFFER, cfg);
        expect(a.score === null).toBe(a.eligibility === 'INELIGIBLE');
        for (const l of a.breakdown) if (l.unknown) expect(l.penalty).toBe(0);
        if (a.score !== null) {
          expect(a.score).toBeGreaterThanOrEqual(0);
          expect(a.score).toBeLessThanOrEqual(100);
          expect(a.score).toBe(Math.max(0, 100 - a.breakdown.reduce((s, l) => s + l.penalty, 0)));
        }
      }
    }), { numRuns: 200 });
  });

  it('R-MA-23 (property): the proposal is the oracle order of the ELIGIBLE candidates (top N in OM-UTR, all in OM-AMS); ranks are 1…k without gaps', () => {
    fc.assert(fc.property(dwellingArb, candidatesArb, configArb, (d, cs, cfg) => {
      const p = propose(d, cs, OFFER, cfg, 1);
      const eligible = oracleOrder(p.assessments.filter((a) => a.eligibility === 'ELIGIBLE'));
      const checks = oracleOrder(p.assessments.filter((a) => a.eligibility === 'NEEDS_CHECK'));
      expect(p.proposed).toEqual(cfg.model === 'OM-UTR' ? eligible.slice(0, cfg.proposalSize) : eligible);
      expect(p.short).toBe(cfg.model === 'OM-UTR' && eligible.length < cfg.proposalSize);
      const ranked = p.assessments.filter((a) => a.rank !== null);
      expect(ranked.map((a) => a.candidateId)).toEqual([...eligible, ...checks]);
      expect(ranked.map((a) => a.rank)).toEqual(ranked.map((_, i) => i + 1));
    }), { numRuns: 300 });
  });

  it('ranking (property): shuffling the candidates gives the same proposal; the same input gives the same proposal', () => {
    fc.assert(fc.property(dwellingArb, candidatesArb, configArb, fc.nat(), (d, cs, cfg, seed) => {
      const p = propose(d, cs, OFFER, cfg, 3);
      expect(propose(d, shuffle(cs, seed), OFFER, cfg, 3)).toEqual(p);
      expect(propose(d, cs, OFFER, cfg, 3)).toEqual(p);
    }), { numRuns: 200 });
  });

  it('ranking (property): compareAssessments is a total order: antisymmetric, transitive, 0 only for the same candidate', () => {
    fc.assert(fc.property(dwellingArb, candidatesArb, configArb, (d, cs, cfg) => {
      const as = cs.map((c) => assess(d, c, OFFER, cfg));
      const sign = (x: number) => Math.sign(x);
      for (const a of as) {
        for (const b of as) {
          expect(sign(compareAssessments(a, b))).toBe(-sign(compareAssessments(b, a)) || 0);
          expect(compareAssessments(a, b) === 0).toBe(a.candidateId === b.candidateId);
          for (const c of as) {
            if (compareAssessments(a, b) < 0 && compareAssessments(b, c) < 0) expect(compareAssessments(a, c)).toBeLessThan(0);
          }
        }
      }
      // rank() is a permutation of its input.
      expect(rank(as).map((a) => a.candidateId).sort()).toEqual(as.map((a) => a.candidateId).sort());
    }), { numRuns: 150 });
  });

  it('R-MA-12, R-MA-27 (property): the target group only decides HC-10; it never changes the score or the breakdown', () => {
    const allPools = dwellingArb.map((d) => ({ ...d, pool: [...GROUPS] }));
    fc.assert(fc.property(allPools, candidateArb, fc.constantFrom(...GROUPS), configArb, (d, c0, other, cfg) => {
      const a = assess(d, candidate({ ...c0, id: 'k' }), OFFER, cfg);
      const b = assess(d, candidate({ ...c0, id: 'k', targetGroup: other }), OFFER, cfg);
      expect(b).toEqual(a);
      const outside = assess({ ...d, pool: [] }, candidate({ ...c0, id: 'k' }), OFFER, cfg);
      expect(outside.breakdown).toEqual(a.breakdown);
      expect(outside.failing).toContain('HC-10');
    }), { numRuns: 200 });
  });
});
