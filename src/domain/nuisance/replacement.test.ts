import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideReplacement, REPLACEMENT_OUTCOME_WORDS, type ReplacementInput } from './replacement.ts';

/** Ex 1 of §7.5: every condition for a swap met. */
const EX1: ReplacementInput = { careContentReason: true, ambulantOptionsExhausted: true, swapCandidate: true, environmentSuitable: true, corporationAgrees: true, verySeriousEscalation: false };

describe('re-placement decision table (§7.5, R-OV-44…R-OV-47, D-OV-10)', () => {
  it('R-OV-46 / R-OV-47 Ex 1: re-placement with priority, swap, field table informed before the swap', () => {
    expect(decideReplacement(EX1)).toEqual({ outcome: 'priority_with_swap', swap: true, priority: true, fieldTable: 'before', words: REPLACEMENT_OUTCOME_WORDS.priority_with_swap });
  });
  it('R-OV-46 Ex 2: the corporation does not agree → priority on the waiting list, no swap', () => {
    expect(decideReplacement({ ...EX1, corporationAgrees: false })).toMatchObject({ outcome: 'priority_no_swap', swap: false, priority: true, fieldTable: 'before' });
  });
  it('R-OV-46: an unsuitable environment, or an unanswered condition (null), also means no swap', () => {
    expect(decideReplacement({ ...EX1, environmentSuitable: false })).toMatchObject({ outcome: 'priority_no_swap', swap: false });
    expect(decideReplacement({ ...EX1, environmentSuitable: null })).toMatchObject({ outcome: 'priority_no_swap', swap: false });
    expect(decideReplacement({ ...EX1, corporationAgrees: null })).toMatchObject({ outcome: 'priority_no_swap', swap: false });
  });
  it('R-OV-44 Ex 3: ambulant support not scaled up yet → no re-placement yet', () => {
    expect(decideReplacement({ ...EX1, ambulantOptionsExhausted: false })).toEqual({ outcome: 'not_yet', swap: false, priority: false, fieldTable: null, words: REPLACEMENT_OUTCOME_WORDS.not_yet });
  });
  it('R-OV-44 Ex 4: the resident manages on the dwelling (no care-content reason) → no re-placement, nuisance procedure', () => {
    expect(decideReplacement({ ...EX1, careContentReason: false })).toEqual({ outcome: 'no_replacement', swap: false, priority: false, fieldTable: null, words: REPLACEMENT_OUTCOME_WORDS.no_replacement });
  });
  it('D-OV-10 Ex 5: a very serious escalation allows reporting the swap to the field table afterwards', () => {
    expect(decideReplacement({ ...EX1, verySeriousEscalation: true })).toMatchObject({ outcome: 'priority_with_swap', swap: true, fieldTable: 'afterwards' });
    expect(decideReplacement({ ...EX1, swapCandidate: false, verySeriousEscalation: true })).toMatchObject({ outcome: 'priority', fieldTable: 'afterwards' });
  });
  it('R-OV-45 Ex 6: no swap candidate in active mediation → priority on the waiting list for a 24-hour facility or group living', () => {
    expect(decideReplacement({ ...EX1, swapCandidate: false, environmentSuitable: null, corporationAgrees: null })).toEqual({ outcome: 'priority', swap: false, priority: true, fieldTable: 'before', words: REPLACEMENT_OUTCOME_WORDS.priority });
  });
  it('D-OV-10: a very serious escalation without a re-placement involves no field table', () => {
    expect(decideReplacement({ ...EX1, careContentReason: false, verySeriousEscalation: true }).fieldTable).toBeNull();
    expect(decideReplacement({ ...EX1, ambulantOptionsExhausted: false, verySeriousEscalation: true }).fieldTable).toBeNull();
  });
  it('R-OV-44…R-OV-47 (property): the table is total and consistent', () => {
    const tri = fc.constantFrom(true, false, null);
    fc.assert(fc.property(fc.boolean(), fc.boolean(), fc.boolean(), tri, tri, fc.boolean(), (careContentReason, ambulantOptionsExhausted, swapCandidate, environmentSuitable, corporationAgrees, verySeriousEscalation) => {
      const d = decideReplacement({ careContentReason, ambulantOptionsExhausted, swapCandidate, environmentSuitable, corporationAgrees, verySeriousEscalation });
      expect(Object.keys(REPLACEMENT_OUTCOME_WORDS)).toContain(d.outcome);
      expect(d.words).toBe(REPLACEMENT_OUTCOME_WORDS[d.outcome]);
      expect(d.priority).toBe(careContentReason && ambulantOptionsExhausted);
      if (d.swap) expect([d.priority, swapCandidate, environmentSuitable, corporationAgrees]).toEqual([true, true, true, true]);
      expect(d.fieldTable === null).toBe(!d.priority);
      if (d.priority) expect(d.fieldTable).toBe(verySeriousEscalation ? 'afterwards' : 'before');
    }));
  });
});
