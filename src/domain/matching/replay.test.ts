/**
 * Replay of past proposals under a new configuration (matching.md §5.3 notes, tuning). The
 * expected rankings are worked out by hand from example 6 of §6 with one parameter changed.
 */
import { describe, expect, it } from 'vitest';
import { candidate, dwelling } from '../../../test/support/matching-fixtures.ts';
import { DEFAULT_MATCHING_CONFIG } from './config.ts';
import { propose } from './engine.ts';
import type { CandidateFacts, DwellingFacts, MatchingConfig } from './model.ts';
import { replay } from './replay.ts';
import type { PastProposal } from './replay.ts';

const UTR: MatchingConfig = { ...DEFAULT_MATCHING_CONFIG, model: 'OM-UTR' };
const withPenalty = (over: Partial<MatchingConfig['penalties']>): MatchingConfig => ({ ...UTR, penalties: { ...UTR.penalties, ...over } });

const U201 = dwelling({ id: 'U-201', rooms: 2, areaM2: 55, floor: 1, lift: false, neighbourhoodCode: 'U-K', vulnerableNeighbourhood: true, noise: 'MEDIUM' });
const EX6 = [
  candidate({ id: 'A', excludedNeighbourhoods: ['U-K'], waitStartOn: '2020-05-01' }),
  candidate({ id: 'B', waitStartOn: '2020-10-01' }),
  candidate({ id: 'C', waitStartOn: '2020-11-20' }),
  candidate({ id: 'D', lowStimulus: true, waitStartOn: '2020-07-01' }),
  candidate({ id: 'E', preferredNeighbourhoods: ['U-L'], waitStartOn: '2020-06-01' }),
];

/** A past proposal as the engine made it under `config` (version 1), with the stored assessments. */
function past(
  id: string, chosen: string | null, config: MatchingConfig = UTR,
  d: DwellingFacts = U201, cands: CandidateFacts[] = EX6, offerDate = '2021-05-03', keepAssessments = true,
): PastProposal {
  const p = propose(d, cands, offerDate, config, 1);
  const base: PastProposal = { proposalId: id, dwelling: d, candidates: cands, offerDate, configVersion: 1, proposed: p.proposed, chosenCandidateId: chosen };
  return keepAssessments ? { ...base, assessments: p.assessments } : base;
}

describe('replay', () => {
  it('the same configuration changes nothing', () => {
    const { results, totals } = replay([past('p1', 'C')], UTR, 2);
    expect(results).toEqual([{
      proposalId: 'p1', dwellingId: 'U-201', fromVersion: 1, toVersion: 2,
      oldRanking: ['B', 'C', 'D', 'E'], newRanking: ['B', 'C', 'D', 'E'], rankingChanged: false,
      oldProposed: ['B', 'C', 'D'], newProposed: ['B', 'C', 'D'], proposalChanged: false,
      chosen: { candidateId: 'C', oldRank: 2, newRank: 2, stillProposed: true, sameRank: true },
      choiceAffected: false, drivers: [],
    }]);
    expect(totals).toEqual({ proposals: 1, rankingsChanged: 0, proposalsChanged: 0, choicesAffected: 0, drivers: {} });
  });

  it('SP-04 set to 0 for MEDIUM noise: D ties at 90 and its longer wait puts it first; same set, the chosen C drops to rank 3', () => {
    const { results, totals } = replay([past('p1', 'C')], withPenalty({ SP04medium: 0 }), 2);
    const r = results[0]!;
    expect(r.newRanking).toEqual(['D', 'B', 'C', 'E']);
    expect(r.rankingChanged).toBe(true);
    expect(r.newProposed).toEqual(['D', 'B', 'C']);
    expect(r.proposalChanged).toBe(false);
    expect(r.chosen).toEqual({ candidateId: 'C', oldRank: 2, newRank: 3, stillProposed: true, sameRank: false });
    expect(r.choiceAffected).toBe(true);
    expect(r.drivers).toEqual(['SP-04']);
    expect(totals).toEqual({ proposals: 1, rankingsChanged: 1, proposalsChanged: 0, choicesAffected: 1, drivers: { 'SP-04': 1 } });
  });

  it('SP-01 set to 0: E (336 days) enters the proposal and D leaves it; the chosen D would no longer be proposed', () => {
    const r = replay([past('p1', 'D')], withPenalty({ SP01: 0 }), 2).results[0]!;
    expect(r.newRanking).toEqual(['E', 'B', 'C', 'D']);
    expect(r.newProposed).toEqual(['E', 'B', 'C']);
    expect([r.rankingChanged, r.proposalChanged]).toEqual([true, true]);
    expect(r.chosen).toEqual({ candidateId: 'D', oldRank: 3, newRank: 4, stillProposed: false, sameRank: false });
    expect(r.choiceAffected).toBe(true);
    expect(r.drivers).toEqual(['SP-01']);
  });

  it('R-MA-23: a smaller N changes the proposed set, not the ranking; no criterion drives it; the chosen B is unaffected', () => {
    const r = replay([past('p1', 'B')], { ...UTR, proposalSize: 2 }, 2).results[0]!;
    expect([r.rankingChanged, r.proposalChanged, r.choiceAffected]).toEqual([false, true, false]);
    expect(r.newProposed).toEqual(['B', 'C']);
    expect(r.drivers).toEqual([]);
    const d = replay([past('p2', 'D')], { ...UTR, proposalSize: 2 }, 2).results[0]!;
    expect(d.chosen).toEqual({ candidateId: 'D', oldRank: 3, newRank: 3, stillProposed: false, sameRank: true });
    expect(d.choiceAffected).toBe(true);
  });

  it('HC-05 switched to soft: the candidate flips from INELIGIBLE to eligible with SP-09; both are drivers', () => {
    const w = dwelling({ id: 'W-106', liquorShopDistanceM: 120 });
    const cands = [candidate({ id: 'K-4', avoidLiquorShop: true, waitStartOn: '2019-01-01' }), candidate({ id: 'K-x', waitStartOn: '2020-01-01' })];
    const r = replay([past('p1', null, UTR, w, cands, '2021-03-01')], { ...UTR, liquorHard: false }, 2).results[0]!;
    expect(r.oldRanking).toEqual(['K-x']);
    expect(r.newRanking).toEqual(['K-x', 'K-4']);
    expect([r.rankingChanged, r.proposalChanged]).toEqual([true, true]);
    expect([r.oldProposed, r.newProposed]).toEqual([['K-x'], ['K-x', 'K-4']]);
    expect(r.chosen).toBeNull();
    expect(r.choiceAffected).toBe(false);
    expect(r.drivers).toEqual(['HC-05', 'SP-09']);
    // And back: from soft to hard.
    const back = replay([past('p2', 'K-4', { ...UTR, liquorHard: false }, w, cands, '2021-03-01')], UTR, 3).results[0]!;
    expect(back.drivers).toEqual(['HC-05', 'SP-09']);
    expect(back.chosen).toEqual({ candidateId: 'K-4', oldRank: 2, newRank: null, stillProposed: false, sameRank: false });
  });

  it('HC-09: switching the model to OM-AMS makes an unrecorded nomination fail; HC-09 is the driver', () => {
    const cands = [candidate({ id: 'K-1', nominationRecorded: false, waitStartOn: '2019-01-01' }), candidate({ id: 'K-2' })];
    const r = replay([past('p1', 'K-1', UTR, dwelling(), cands, '2021-03-01')], { ...UTR, model: 'OM-AMS' }, 2).results[0]!;
    expect(r.oldRanking).toEqual(['K-1', 'K-2']);
    expect(r.newRanking).toEqual(['K-2']);
    expect(r.drivers).toEqual(['HC-09']);
    expect(r.chosen).toEqual({ candidateId: 'K-1', oldRank: 1, newRank: null, stillProposed: false, sameRank: false });
  });

  it('HC-01: a longer nuisance window closes the offer gate: nothing is proposed and HC-01 is the driver', () => {
    const w = dwelling({ id: 'W-9', lastNuisanceFileOn: '2019-09-01' });
    const r = replay([past('p1', 'K-1', UTR, w, [candidate({ id: 'K-1' })], '2021-03-01')], { ...UTR, nuisanceWindowMonths: 24 }, 2).results[0]!;
    expect(r.newProposed).toEqual([]);
    expect([r.rankingChanged, r.proposalChanged, r.choiceAffected]).toEqual([false, true, true]);
    expect(r.drivers).toEqual(['HC-01']);
    // A proposal that was empty already is not changed by the gate.
    const empty = replay([past('p2', null, UTR, w, [candidate({ id: 'K-1', targetGroup: 'x' })], '2021-03-01')], { ...UTR, nuisanceWindowMonths: 24 }, 2).results[0]!;
    expect([empty.proposalChanged, empty.drivers]).toEqual([false, []]);
  });

  it('without stored assessments the proposed lists are compared, the old rank is the place in the list, and no criterion is named', () => {
    const r = replay([past('p1', 'C', UTR, U201, EX6, '2021-05-03', false)], withPenalty({ SP04medium: 0 }), 2).results[0]!;
    expect(r.oldRanking).toEqual(['B', 'C', 'D']);
    expect(r.newRanking).toEqual(['D', 'B', 'C']);
    expect([r.rankingChanged, r.proposalChanged]).toEqual([true, false]);
    expect(r.chosen).toEqual({ candidateId: 'C', oldRank: 2, newRank: 3, stillProposed: true, sameRank: false });
    expect(r.drivers).toEqual([]);
    const outside = replay([past('p2', 'A', UTR, U201, EX6, '2021-05-03', false)], UTR, 2).results[0]!;
    expect(outside.chosen).toEqual({ candidateId: 'A', oldRank: null, newRank: null, stillProposed: false, sameRank: true });
    expect(outside.choiceAffected).toBe(true);
  });

  it('a candidate missing from the stored assessments is skipped when looking for drivers', () => {
    const p = past('p1', null);
    const r = replay([{ ...p, assessments: p.assessments!.filter((a) => a.candidateId !== 'D') }], withPenalty({ SP04medium: 0 }), 2).results[0]!;
    expect(r.rankingChanged).toBe(true);
    expect(r.drivers).toEqual([]);
  });

  it('totals count changed rankings, proposals, affected choices and drivers over all proposals', () => {
    const { results, totals } = replay([past('p1', 'C'), past('p2', 'B'), past('p3', null)], withPenalty({ SP01: 0, SP04medium: 0 }), 5);
    // SP-01 and SP-04 to 0: D and E both 90; order by wait: E 336, D 306, B 214, C 164.
    expect(results[0]!.newRanking).toEqual(['E', 'D', 'B', 'C']);
    expect(results[0]!.drivers).toEqual(['SP-01', 'SP-04']);
    expect(results.map((r) => r.choiceAffected)).toEqual([true, true, false]);
    expect(totals).toEqual({ proposals: 3, rankingsChanged: 3, proposalsChanged: 3, choicesAffected: 2, drivers: { 'SP-01': 3, 'SP-04': 3 } });
    expect(replay([], UTR, 2)).toEqual({ results: [], totals: { proposals: 0, rankingsChanged: 0, proposalsChanged: 0, choicesAffected: 0, drivers: {} } });
  });

  it('stored assessments in any order give the old ranking by rank; a chosen id not among them has no old rank', () => {
    const p = past('p1', 'Z');
    const r = replay([{ ...p, assessments: [...p.assessments!].reverse() }], UTR, 2).results[0]!;
    expect(r.oldRanking).toEqual(['B', 'C', 'D', 'E']);
    expect(r.rankingChanged).toBe(false);
    expect(r.chosen).toEqual({ candidateId: 'Z', oldRank: null, newRank: null, stillProposed: false, sameRank: true });
  });

  it('is pure: the past proposals are not changed', () => {
    const p = past('p1', 'C');
    const copy = structuredClone(p);
    replay([p], withPenalty({ SP04medium: 0 }), 2);
    expect(p).toEqual(copy);
  });
});
