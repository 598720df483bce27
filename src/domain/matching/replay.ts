/**
 * Replay of past proposals under a new configuration (matching.md §5.3 notes: tuning). For each
 * past proposal: would the ranking or the proposed set change, would the candidate that was
 * chosen still be proposed and at the same rank, and which criteria drive the difference.
 * Pure: it recomputes and compares, it writes nothing.
 */
import type { IsoDate } from '../calendar/iso-date.ts';
import { propose } from './engine.ts';
import type { CandidateAssessment, CandidateFacts, DwellingFacts, MatchingConfig } from './model.ts';

/** A proposal as it was made (the stored proposal and the facts it was made on). */
export interface PastProposal {
  proposalId: string;
  dwelling: DwellingFacts;
  candidates: CandidateFacts[];
  offerDate: IsoDate;
  configVersion: number;
  /** The proposed candidate ids, in rank order. */
  proposed: string[];
  chosenCandidateId: string | null;
  /**
   * The stored assessments of that proposal. With them the whole ranking is compared and the
   * drivers are found; without them only the proposed list is compared and no driver is named
   * (except a closed offer gate).
   */
  assessments?: CandidateAssessment[];
}

export interface ReplayChosen {
  candidateId: string;
  /** Rank then (from the stored assessments, else the place in the proposed list) and now. */
  oldRank: number | null;
  newRank: number | null;
  stillProposed: boolean;
  sameRank: boolean;
}

export interface ReplayResult {
  proposalId: string;
  dwellingId: string;
  fromVersion: number;
  toVersion: number;
  /** Ranked candidate ids then and now (the proposed lists when no assessments were stored). */
  oldRanking: string[];
  newRanking: string[];
  rankingChanged: boolean;
  oldProposed: string[];
  newProposed: string[];
  /** The proposed set differs (order ignored). */
  proposalChanged: boolean;
  chosen: ReplayChosen | null;
  /** The chosen candidate would not be proposed, or at another rank. */
  choiceAffected: boolean;
  /**
   * When the ranking or the proposal changed: the soft criteria whose penalty differs for at
   * least one candidate and the hard constraints whose outcome flipped for one (HC-01 when the
   * offer gate now closes), sorted. Empty when nothing changed.
   */
  drivers: string[];
}

export interface ReplayTotals {
  proposals: number;
  rankingsChanged: number;
  proposalsChanged: number;
  choicesAffected: number;
  /** Per criterion: in how many changed proposals it was a driver. */
  drivers: Record<string, number>;
}

const rankedIds = (as: CandidateAssessment[]): string[] =>
  as.filter((a) => a.rank !== null).sort((x, y) => x.rank! - y.rank!).map((a) => a.candidateId);

const sameList = (a: string[], b: string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

const sameSet = (a: string[], b: string[]): boolean => a.length === b.length && a.every((x) => b.includes(x));

/** The criteria that differ between the old and the new assessment of the same candidates. */
function criteriaDiffering(before: CandidateAssessment[], after: CandidateAssessment[]): string[] {
  const out = new Set<string>();
  for (const b of before) {
    const a = after.find((x) => x.candidateId === b.candidateId);
    if (!a) continue;
    const ids = new Set([...b.breakdown, ...a.breakdown].map((l) => l.id));
    for (const id of ids) {
      const old = b.breakdown.find((l) => l.id === id)?.penalty ?? 0;
      const now = a.breakdown.find((l) => l.id === id)?.penalty ?? 0;
      if (old !== now) out.add(id);
    }
    const hard = (x: CandidateAssessment) => new Set([...x.failing, ...x.missingData]);
    const oldHard = hard(b);
    const newHard = hard(a);
    for (const id of oldHard) if (!newHard.has(id)) out.add(id);
    for (const id of newHard) if (!oldHard.has(id)) out.add(id);
  }
  return [...out];
}

function replayOne(p: PastProposal, config: MatchingConfig, version: number): ReplayResult {
  const now = propose(p.dwelling, p.candidates, p.offerDate, config, version);
  const oldRanking = p.assessments ? rankedIds(p.assessments) : p.proposed;
  const newRanking = p.assessments ? rankedIds(now.assessments) : now.proposed;
  const rankingChanged = !sameList(oldRanking, newRanking);
  const proposalChanged = !sameSet(p.proposed, now.proposed);

  let chosen: ReplayChosen | null = null;
  if (p.chosenCandidateId !== null) {
    const id = p.chosenCandidateId;
    const place = p.proposed.indexOf(id);
    const oldRank = p.assessments
      ? (p.assessments.find((a) => a.candidateId === id)?.rank ?? null)
      : place < 0 ? null : place + 1;
    const newRank = now.assessments.find((a) => a.candidateId === id)?.rank ?? null;
    chosen = { candidateId: id, oldRank, newRank, stillProposed: now.proposed.includes(id), sameRank: oldRank === newRank };
  }

  const drivers = new Set<string>();
  if (rankingChanged || proposalChanged) {
    if (p.assessments) for (const id of criteriaDiffering(p.assessments, now.assessments)) drivers.add(id);
    if (p.proposed.length > 0 && now.gate.reasons.some((r) => r.rule === 'HC-01')) drivers.add('HC-01');
  }

  return {
    proposalId: p.proposalId,
    dwellingId: p.dwelling.id,
    fromVersion: p.configVersion,
    toVersion: version,
    oldRanking,
    newRanking,
    rankingChanged,
    oldProposed: p.proposed,
    newProposed: now.proposed,
    proposalChanged,
    chosen,
    choiceAffected: chosen !== null && !(chosen.stillProposed && chosen.sameRank),
    drivers: [...drivers].sort(),
  };
}

/** Replays every past proposal under `newConfig` (version `newVersion`) and counts the changes. */
export function replay(
  past: PastProposal[],
  newConfig: MatchingConfig,
  newVersion: number,
): { results: ReplayResult[]; totals: ReplayTotals } {
  const results = past.map((p) => replayOne(p, newConfig, newVersion));
  const drivers: Record<string, number> = {};
  for (const r of results) for (const id of r.drivers) drivers[id] = (drivers[id] ?? 0) + 1;
  return {
    results,
    totals: {
      proposals: results.length,
      rankingsChanged: results.filter((r) => r.rankingChanged).length,
      proposalsChanged: results.filter((r) => r.proposalChanged).length,
      choicesAffected: results.filter((r) => r.choiceAffected).length,
      drivers,
    },
  };
}
