/**
 * The eight worked examples of matching.md §6, each checked on the engine's own output. Every
 * expected value is the one in the spec's tables (worked out by hand there).
 */
import { describe, expect, it } from 'vitest';
import { candidate, dwelling, north } from '../../../test/support/matching-fixtures.ts';
import { DEFAULT_MATCHING_CONFIG } from './config.ts';
import { assess, offerGate, propose } from './engine.ts';
import type { MatchingConfig } from './model.ts';

const AMS: MatchingConfig = { ...DEFAULT_MATCHING_CONFIG, model: 'OM-AMS' };
const UTR: MatchingConfig = { ...DEFAULT_MATCHING_CONFIG, model: 'OM-UTR' };
const penalties = (a: ReturnType<typeof assess>) => Object.fromEntries(a.breakdown.filter((l) => l.penalty > 0).map((l) => [l.id, l.penalty]));

describe('matching.md §6 worked examples', () => {
  it('Example 1 (HC-01…HC-10, SP-01…SP-08): W-101 and a single adult without wishes: every constraint passes, no penalty, score 100', () => {
    const w101 = dwelling({ id: 'W-101', rooms: 2, areaM2: 48, floor: 2, lift: true, accessType: 'porch', availableOn: '2021-03-01' });
    const k1 = candidate({ id: 'K-1', targetGroup: 'omslag_mobw_adult' });
    expect(offerGate(w101, '2021-03-01', AMS, [])).toEqual({ offerable: true, reasons: [] });
    const a = assess(w101, k1, '2021-03-01', AMS);
    expect(a.eligibility).toBe('ELIGIBLE');
    expect(a.failing).toEqual([]);
    expect(a.missingData).toEqual([]);
    expect(a.score).toBe(100);
    expect(penalties(a)).toEqual({});
    expect(a.breakdown.map((l) => l.id)).toEqual(['SP-01', 'SP-02', 'SP-03', 'SP-04', 'SP-05', 'SP-06', 'SP-07', 'SP-08']);
    const p = propose(w101, [k1], '2021-03-01', AMS, 7);
    expect(p.proposed).toEqual(['K-1']);
    expect(p.configVersion).toBe(7);
    expect(p.dwellingId).toBe('W-101');
    expect(p.offerDate).toBe('2021-03-01');
    expect(p.assessments[0]?.rank).toBe(1);
  });

  it('Example 2 (HC-01, R-MA-07): W-102 with a nuisance file of 2020-10-15 is NOT_OFFERABLE on 2021-03-01 until 2021-10-15; W-103 (2019-12-01) is offerable', () => {
    const w102 = dwelling({ id: 'W-102', lastNuisanceFileOn: '2020-10-15' });
    const w103 = dwelling({ id: 'W-103', lastNuisanceFileOn: '2019-12-01' });
    expect(offerGate(w102, '2021-03-01', AMS, [])).toEqual({ offerable: false, reasons: [{ rule: 'HC-01', until: '2021-10-15' }] });
    expect(offerGate(w103, '2021-03-01', AMS, [])).toEqual({ offerable: true, reasons: [] });
    const p = propose(w102, [candidate()], '2021-03-01', AMS, 1);
    expect(p.gate.offerable).toBe(false);
    expect(p.proposed).toEqual([]);
    expect(p.short).toBe(false);
  });

  it('Example 3 (SP-01, SP-02, SP-03, R-MA-04): K-3 (6 persons, 2 at school) scores 60 on W-104 (gallery, 4.2 km) and 85 on W-105 (not preferred, 1.0 km)', () => {
    const school = { lat: 52.35, lon: 4.88 };
    const child = (birthYear: number, atSchool: boolean) => ({ birthYear, schoolGoing: atSchool, school: atSchool ? school : null });
    const k3 = candidate({
      id: 'K-3', targetGroup: 'omslag_mobw_family', adults: 2, preferredNeighbourhoods: ['N-W2'],
      children: [child(2013, true), child(2015, true), child(2018, false), child(2020, false)],
    });
    const w104 = dwelling({ id: 'W-104', rooms: 4, accessType: 'gallery', floor: 3, lift: true, neighbourhoodCode: 'N-W2', location: north(school, 4.2) });
    const w105 = dwelling({ id: 'W-105', rooms: 4, accessType: 'porch', floor: 1, lift: false, neighbourhoodCode: 'N-W5', location: north(school, 1.0) });
    const a104 = assess(w104, k3, '2021-03-01', AMS);
    const a105 = assess(w105, k3, '2021-03-01', AMS);
    expect(a104.eligibility).toBe('ELIGIBLE');
    expect(a104.score).toBe(60);
    expect(penalties(a104)).toEqual({ 'SP-02': 20, 'SP-03': 20 });
    expect(a104.breakdown.find((l) => l.id === 'SP-02')?.measure).toBe(4.2);
    expect(a105.eligibility).toBe('ELIGIBLE');
    expect(a105.score).toBe(85);
    expect(penalties(a105)).toEqual({ 'SP-01': 15 });
    expect(a105.breakdown.find((l) => l.id === 'SP-02')?.measure).toBe(1);
    expect(a105.score! > a104.score!).toBe(true);
  });

  it('Example 4 (HC-05, SP-09, R-MA-24): liquor shop at 120 m is INELIGIBLE by default and 70 when switched to soft; at 650 m 100 both ways', () => {
    const k4 = candidate({ id: 'K-4', avoidLiquorShop: true });
    const w106 = dwelling({ id: 'W-106', liquorShopDistanceM: 120 });
    const w107 = dwelling({ id: 'W-107', liquorShopDistanceM: 650 });
    const soft: MatchingConfig = { ...AMS, liquorHard: false };
    const hard106 = assess(w106, k4, '2021-03-01', AMS);
    expect(hard106.eligibility).toBe('INELIGIBLE');
    expect(hard106.failing).toEqual(['HC-05']);
    expect(hard106.score).toBeNull();
    expect(hard106.rank).toBeNull();
    const soft106 = assess(w106, k4, '2021-03-01', soft);
    expect(soft106.eligibility).toBe('ELIGIBLE');
    expect(soft106.score).toBe(70);
    expect(penalties(soft106)).toEqual({ 'SP-09': 30 });
    expect(soft106.breakdown.find((l) => l.id === 'SP-09')?.measure).toBe(120);
    expect(assess(w107, k4, '2021-03-01', AMS).score).toBe(100);
    expect(assess(w107, k4, '2021-03-01', soft).score).toBe(100);
  });

  it('Example 5 (SP-04, SP-06, R-MA-08): W-108 (noise HIGH, 2 placements): K-5 60, K-6 80, K-6 first, warning of 2 placements', () => {
    const w108 = dwelling({ id: 'W-108', noise: 'HIGH', placementsNearby24m: 2, accessType: 'gallery' });
    const k5 = candidate({ id: 'K-5', lowStimulus: true, waitStartOn: '2019-01-01' });
    const k6 = candidate({ id: 'K-6', waitStartOn: '2020-06-01' });
    const p = propose(w108, [k5, k6], '2021-03-01', AMS, 1);
    const byId = Object.fromEntries(p.assessments.map((a) => [a.candidateId, a]));
    expect(byId['K-5']?.score).toBe(60);
    expect(penalties(byId['K-5']!)).toEqual({ 'SP-04': 20, 'SP-06': 20 });
    expect(byId['K-6']?.score).toBe(80);
    expect(penalties(byId['K-6']!)).toEqual({ 'SP-06': 20 });
    expect(p.assessments.map((a) => [a.candidateId, a.rank])).toEqual([['K-6', 1], ['K-5', 2]]);
    expect(p.proposed).toEqual(['K-6', 'K-5']);
    expect(p.warnings).toEqual([{ id: 'SP-06', penalty: 20, unknown: false, dwellingOnly: true, measure: 2 }]);
  });

  it('Example 6 (R-MA-23, HC-02, SP-01, SP-04, SP-07): U-201 proposes B, C, D; B and C tie at 90 and the longer wait (214 days) goes first; A is INELIGIBLE', () => {
    const u201 = dwelling({ id: 'U-201', rooms: 2, areaM2: 55, floor: 1, lift: false, accessType: 'porch', neighbourhoodCode: 'U-K', vulnerableNeighbourhood: true, noise: 'MEDIUM' });
    const cands = [
      candidate({ id: 'A', excludedNeighbourhoods: ['U-K'], waitStartOn: '2020-05-01' }),
      candidate({ id: 'B', waitStartOn: '2020-10-01' }),
      candidate({ id: 'C', waitStartOn: '2020-11-20' }),
      candidate({ id: 'D', lowStimulus: true, waitStartOn: '2020-07-01' }),
      candidate({ id: 'E', preferredNeighbourhoods: ['U-L'], waitStartOn: '2020-06-01' }),
    ];
    const p = propose(u201, cands, '2021-05-03', UTR, 4);
    expect(p.proposed).toEqual(['B', 'C', 'D']);
    expect(p.short).toBe(false);
    expect(p.assessments.map((a) => [a.candidateId, a.eligibility, a.score, a.waitDays, a.rank])).toEqual([
      ['B', 'ELIGIBLE', 90, 214, 1],
      ['C', 'ELIGIBLE', 90, 164, 2],
      ['D', 'ELIGIBLE', 80, 306, 3],
      ['E', 'ELIGIBLE', 75, 336, 4],
      ['A', 'INELIGIBLE', null, 367, null],
    ]);
    const byId = Object.fromEntries(p.assessments.map((a) => [a.candidateId, a]));
    expect(byId.A?.failing).toEqual(['HC-02']);
    expect(penalties(byId.B!)).toEqual({ 'SP-07': 10 });
    expect(penalties(byId.D!)).toEqual({ 'SP-07': 10, 'SP-04': 10 });
    expect(penalties(byId.E!)).toEqual({ 'SP-01': 15, 'SP-07': 10 });
    expect(p.warnings.map((w) => w.id)).toEqual(['SP-07']);
  });

  it('Example 7 (HC-03, SP-08, R-MA-32): W-109 gives K-7 100 and K-8 75 (K-7 first); W-110 is INELIGIBLE for K-7', () => {
    const w109 = dwelling({ id: 'W-109', wheelchairSuitable: true, floor: 0 });
    const w110 = dwelling({ id: 'W-110', wheelchairSuitable: false, floor: 3, lift: true });
    const k7 = candidate({ id: 'K-7', targetGroup: 'wheelchair_urgent', needsWheelchair: true, waitStartOn: '2020-12-01' });
    const k8 = candidate({ id: 'K-8', targetGroup: 'social_medical_urgent', needsWheelchair: false, waitStartOn: '2019-01-01' });
    const p = propose(w109, [k8, k7], '2021-03-01', AMS, 1);
    expect(p.assessments.map((a) => [a.candidateId, a.score, a.rank])).toEqual([['K-7', 100, 1], ['K-8', 75, 2]]);
    expect(penalties(p.assessments[1]!)).toEqual({ 'SP-08': 25 });
    const p110 = propose(w110, [k7], '2021-03-01', AMS, 1);
    expect(p110.assessments[0]?.eligibility).toBe('INELIGIBLE');
    expect(p110.assessments[0]?.failing).toEqual(['HC-03']);
    expect(p110.proposed).toEqual([]);
  });

  it('Example 8 (HC-06, R-MA-33): K-9 (young adult, no children): W-111 studio 45 m² inside the ring is INELIGIBLE; W-112 38 m² scores 100', () => {
    const k9 = candidate({ id: 'K-9', targetGroup: 'omslag_young_adult', youngAdultTrack: true });
    const w111 = dwelling({ id: 'W-111', dwellingType: 'studio', rooms: 1, areaM2: 45, insideRing: true });
    const w112 = dwelling({ id: 'W-112', dwellingType: 'studio', rooms: 1, areaM2: 38, insideRing: true });
    const a111 = assess(w111, k9, '2021-06-07', AMS);
    expect(a111.eligibility).toBe('INELIGIBLE');
    expect(a111.failing).toEqual(['HC-06']);
    const a112 = assess(w112, k9, '2021-06-07', AMS);
    expect(a112.eligibility).toBe('ELIGIBLE');
    expect(a112.score).toBe(100);
  });
});
