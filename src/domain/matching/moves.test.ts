/**
 * The worked examples of young-adults-and-moves.md Part B (DR-MV-1 … DR-MV-4), each named by its
 * rule IDs and example number; the expected outcomes are the spec's tables, written by hand.
 */
import { describe, expect, it } from 'vitest';
import { administrativeRoute, moveDecision, moveTarget, swapDecision, type MoveInputs, type SwapInputs } from './moves.ts';

const agreedSwap: SwapInputs = { bothConsent: true, bothSuitable: true, corporationAgrees: true, nuisanceOnEither: false, similar: true, areaA: 45, areaB: 47, wonenApproval: null };

describe('DR-MV-1 — swap permitted? Wonen approval needed?', () => {
  it('R-MV-03 R-MV-05 R-MA-37 DR-MV-1 Ex 1: similar 45 ↔ 47 m², all agree → PERMITTED, inform Wonen, no approval', () => {
    const d = swapDecision(agreedSwap);
    expect([d.outcome, d.row, d.informWonen, d.approvalRequired]).toEqual(['PERMITTED', 4, true, false]);
  });
  it('R-MV-03 AMB-MV-01 DR-MV-1 Ex 2: 70 ↔ 50 m², not similar, no Wonen decision yet → PENDING_WONEN (row 7)', () => {
    const d = swapDecision({ ...agreedSwap, similar: false, areaA: 70, areaB: 50 });
    expect([d.outcome, d.row, d.approvalRequired, d.rule]).toEqual(['PENDING_WONEN', 7, true, 'R-MV-03']);
  });
  it('R-MV-03 DR-MV-1 Ex 3: as Ex 2, Wonen approves → PERMITTED (row 6)', () => {
    const d = swapDecision({ ...agreedSwap, similar: false, areaA: 70, areaB: 50, wonenApproval: true });
    expect([d.outcome, d.row]).toEqual(['PERMITTED', 6]);
  });
  it('R-MV-03 DR-MV-1 row 7: as Ex 2, Wonen refuses → NOT_PERMITTED', () => {
    const d = swapDecision({ ...agreedSwap, similar: false, areaA: 70, areaB: 50, wonenApproval: false });
    expect([d.outcome, d.row]).toEqual(['NOT_PERMITTED', 7]);
  });
  it('R-MV-03 AMB-MV-01 DR-MV-1 Ex 4: 58 ↔ 42 m², not similar → PERMITTED without approval (row 5), inform Wonen', () => {
    const d = swapDecision({ ...agreedSwap, similar: false, areaA: 58, areaB: 42 });
    expect([d.outcome, d.row, d.approvalRequired, d.informWonen]).toEqual(['PERMITTED', 5, false, true]);
  });
  it('R-MV-03 DR-MV-1 Ex 5: B does not consent → NOT_PERMITTED (row 1)', () => {
    const d = swapDecision({ ...agreedSwap, bothConsent: false });
    expect([d.outcome, d.row]).toEqual(['NOT_PERMITTED', 1]);
  });
  it('R-MV-03 DR-MV-1 Ex 6: similar, but A would be unsuitably housed → NOT_PERMITTED (row 2)', () => {
    const d = swapDecision({ ...agreedSwap, bothSuitable: false });
    expect([d.outcome, d.row]).toEqual(['NOT_PERMITTED', 2]);
  });
  it('R-MV-02 R-MV-04 DR-MV-1 Ex 7: nuisance on A, corporation does not agree → NOT_PERMITTED (row 3), route to DR-MV-2', () => {
    const d = swapDecision({ ...agreedSwap, nuisanceOnEither: true, corporationAgrees: false });
    expect([d.outcome, d.row, d.adviseMove, d.rule]).toEqual(['NOT_PERMITTED', 3, true, 'R-MV-02']);
    expect(swapDecision({ ...agreedSwap, corporationAgrees: false }).adviseMove).toBe(false);
  });
  it('AMB-MV-02 DR-MV-1 Ex 8: 60.5 ↔ 45 m², not similar → approval required (60.5 counts as 61 or larger)', () => {
    const d = swapDecision({ ...agreedSwap, similar: false, areaA: 60.5, areaB: 45 });
    expect([d.outcome, d.approvalRequired]).toEqual(['PENDING_WONEN', true]);
    // The boundary: exactly 60 m² is "at most 60".
    expect(swapDecision({ ...agreedSwap, similar: false, areaA: 60, areaB: 45 }).outcome).toBe('PERMITTED');
  });
  it('D-MV-01 R-MV-06 R-MA-36 DR-MV-1 Ex 9: a similar swap while the transfer is planned next month → PERMITTED (no obstacle)', () => {
    const d = swapDecision({ ...agreedSwap, transferApproaching: true });
    expect([d.outcome, d.row]).toEqual(['PERMITTED', 4]);
  });
  it('R-MV-03 DR-MV-1: the rows apply in order (consent before suitability before the corporation)', () => {
    expect(swapDecision({ ...agreedSwap, bothConsent: false, bothSuitable: false, corporationAgrees: false }).row).toBe(1);
    expect(swapDecision({ ...agreedSwap, bothSuitable: false, corporationAgrees: false }).row).toBe(2);
  });
});

const hampered: MoveInputs = {
  reason: 'MEDICAL_GROUND_FLOOR_OR_LIFT', seriouslyHampersTrajectory: true, careProviderAgrees: true, corporationAgrees: true, ggdDoctorAdvice: true,
  substantiationByCareProviderOrPractitioner: false, corporationSolutionImpossible: false, partiesAgreeOtherDwellingNeeded: false, tooLargeAfterReduction: false, wonenExceptionalDecision: false,
};

describe('DR-MV-2 — move on re-assessment of perspective', () => {
  it('R-MV-07 R-MV-08 R-MA-38 DR-MV-2 Ex 1: 3rd floor without lift, GGD advice, both agree it seriously hampers → PERMITTED (row 11), ground floor or lift', () => {
    const d = moveDecision(hampered);
    expect([d.outcome, d.row, d.targetRequirement]).toEqual(['PERMITTED', 11, 'ground_floor_or_lift']);
  });
  it('R-MV-08 DR-MV-2 Ex 2: as Ex 1 with only a letter from the care provider → NOT_YET (row 9)', () => {
    const d = moveDecision({ ...hampered, ggdDoctorAdvice: false, substantiationByCareProviderOrPractitioner: true });
    expect([d.outcome, d.row, d.rule]).toEqual(['NOT_YET', 9, 'R-MV-08']);
  });
  it('R-MV-09 DR-MV-2 Ex 3: non-medical (threats), practitioner substantiates, both agree → PERMITTED (row 11)', () => {
    const d = moveDecision({ ...hampered, reason: 'NON_MEDICAL', ggdDoctorAdvice: false, substantiationByCareProviderOrPractitioner: true });
    expect([d.outcome, d.row, d.targetRequirement]).toEqual(['PERMITTED', 11, null]);
  });
  it('R-MV-09 DR-MV-2 row 10: other medical reason without substantiation → NOT_YET', () => {
    expect(moveDecision({ ...hampered, reason: 'OTHER_MEDICAL' })).toMatchObject({ outcome: 'NOT_YET', row: 10, rule: 'R-MV-09' });
  });
  it('R-MV-11 DR-MV-2 Ex 4: complaint about noise transmission → NOT_PERMITTED (row 4)', () => {
    expect(moveDecision({ ...hampered, reason: 'NOISE_OR_QUALITY' })).toMatchObject({ outcome: 'NOT_PERMITTED', row: 4 });
    // Only one of the two conditions is not enough.
    expect(moveDecision({ ...hampered, reason: 'NOISE_OR_QUALITY', corporationSolutionImpossible: true }).row).toBe(4);
    expect(moveDecision({ ...hampered, reason: 'NOISE_OR_QUALITY', partiesAgreeOtherDwellingNeeded: true }).row).toBe(4);
  });
  it('R-MV-11 DR-MV-2 Ex 5: noise, adjustments failed, all agree another dwelling is needed → PERMITTED (row 3)', () => {
    expect(moveDecision({ ...hampered, reason: 'NOISE_OR_QUALITY', corporationSolutionImpossible: true, partiesAgreeOtherDwellingNeeded: true })).toMatchObject({ outcome: 'PERMITTED', row: 3 });
  });
  it('R-MV-10 DR-MV-2 Ex 6: partner left, 75 m² too large under the bye-law → MOVE_REQUIRED (row 5)', () => {
    expect(moveDecision({ ...hampered, reason: 'HOUSEHOLD_REDUCTION', tooLargeAfterReduction: true })).toMatchObject({ outcome: 'MOVE_REQUIRED', row: 5 });
  });
  it('R-MV-10 DR-MV-2 Ex 7: children placed out of home, still suitable → NO_MOVE_REQUIRED (row 6)', () => {
    expect(moveDecision({ ...hampered, reason: 'HOUSEHOLD_REDUCTION' })).toMatchObject({ outcome: 'NO_MOVE_REQUIRED', row: 6 });
  });
  it('R-MV-12 DR-MV-2 Ex 8: baby born during the trajectory → NOT_PERMITTED (row 2)', () => {
    expect(moveDecision({ ...hampered, reason: 'HOUSEHOLD_EXPANSION' })).toMatchObject({ outcome: 'NOT_PERMITTED', row: 2, newUrgency: false });
  });
  it('R-MV-12 DR-MV-2 Ex 9: as Ex 8, Wonen decides exceptionally → PERMITTED with a new housing urgency (row 1)', () => {
    expect(moveDecision({ ...hampered, reason: 'HOUSEHOLD_EXPANSION', wonenExceptionalDecision: true })).toMatchObject({ outcome: 'PERMITTED', row: 1, newUrgency: true });
  });
  it('R-MV-07 DR-MV-2 Ex 10: care provider wants the move, corporation does not agree → NOT_PERMITTED (row 7)', () => {
    expect(moveDecision({ ...hampered, corporationAgrees: false })).toMatchObject({ outcome: 'NOT_PERMITTED', row: 7, rule: 'R-MV-07' });
    expect(moveDecision({ ...hampered, careProviderAgrees: false }).row).toBe(7);
  });
  it('R-MV-07 DR-MV-2 row 8: not seriously hampering → NOT_PERMITTED, before the missing advice (row 9)', () => {
    expect(moveDecision({ ...hampered, seriouslyHampersTrajectory: false, ggdDoctorAdvice: false })).toMatchObject({ outcome: 'NOT_PERMITTED', row: 8 });
  });
});

describe('DR-MV-3 — target dwelling for a move', () => {
  const cases: Array<[number, number, number, boolean, string, number]> = [
    [1, 45, 44, true, 'ALLOWED', 2],
    [2, 75, 55, false, 'ALLOWED', 3],
    [3, 40, 55, false, 'WONEN_APPROVAL_REQUIRED', 1],
    [4, 50, 70, false, 'WONEN_APPROVAL_REQUIRED', 1],
    [5, 60, 62, false, 'WONEN_APPROVAL_REQUIRED', 1],
    [6, 65, 58, false, 'ALLOWED', 3],
    [7, 65, 80, false, 'NOT_LISTED', 4],
    [8, 70, 60.5, false, 'NOT_LISTED', 4],
    [9, 58, 59, true, 'WONEN_APPROVAL_REQUIRED', 1],
  ];
  for (const [ex, current, target, similar, outcome, row] of cases) {
    it(`R-MV-13 AMB-MV-02 AMB-MV-07 DR-MV-3 Ex ${ex}: ${current} → ${target}${similar ? ', similar' : ''} → ${outcome} (row ${row})`, () => {
      const d = moveTarget(current, target, similar);
      expect([d.outcome, d.row]).toEqual([outcome, row]);
      expect(d.wonenDecisionRequired).toBe(outcome !== 'ALLOWED');
    });
  }
  it('R-MV-13 AMB-MV-02: 60.5 m² counts as 61 or larger (no approval needed to go from 60.5 to 65, similar)', () => {
    expect(moveTarget(60.5, 65, true).outcome).toBe('ALLOWED');
    expect(moveTarget(60.5, 65, false).outcome).toBe('NOT_LISTED');
  });
});

describe('DR-MV-4 — administrative route', () => {
  it('R-MV-20 R-MV-05 R-MV-18 R-MV-19 DR-MV-4 Ex 1: approved similar swap → "woningruil", no active mediation, Wonen informed, extra evaluation, no grant', () => {
    const r = administrativeRoute('swap');
    expect([r.woningnetCode, r.activeMediation, r.submittedToWonen, r.extraEvaluation, r.furnishingGrant]).toEqual(['woningruil', false, true, true, false]);
    expect([r.monitorMoveReason, r.countsSpecifiedInSource]).toEqual(['swap', false]);
  });
  it('R-MV-14 R-MV-21 R-MO-29 DR-MV-4 Ex 2: permitted move → active mediation, "herijking perspectief", excluded from agreed numbers, separate monitor line', () => {
    const r = administrativeRoute('move');
    expect([r.woningnetCode, r.activeMediation, r.countsTowardAgreedNumbers, r.countsSpecifiedInSource, r.monitorMoveReason]).toEqual(['herijking perspectief', true, false, true, 'perspective_reassessment']);
  });
  it('R-MV-22 DR-MV-4 Ex 3: move completed → vacated dwelling back to the corporation', () => {
    expect(administrativeRoute('move').vacatedDwelling).toBe('back_to_corporation');
    expect(administrativeRoute('swap').vacatedDwelling).toBe('other_swap_party');
  });
  it('R-MV-23 D-MV-02 DR-MV-4 Ex 4: a move within the same corporation still needs the introduction meeting (a swap too, Proposal)', () => {
    expect(administrativeRoute('move').introductionMeeting).toBe(true);
    expect(administrativeRoute('swap').introductionMeeting).toBe(true);
  });
  it('R-MV-19 DR-MV-4 Ex 5: no furnishing grant; a loan via the care provider', () => {
    for (const k of ['swap', 'move'] as const) expect([administrativeRoute(k).furnishingGrant, administrativeRoute(k).furnishingLoanViaCareProvider]).toEqual([false, true]);
  });
  it('R-MV-16 R-MV-17 R-MV-18 DR-MV-4: both kinds go through substantiation, independent review and the extra evaluation (Ex 6 and 7: see moves-procedure.test.ts)', () => {
    for (const k of ['swap', 'move'] as const) {
      const r = administrativeRoute(k);
      expect([r.substantiation, r.independentReview, r.extraEvaluation]).toEqual([true, true, true]);
    }
  });
});
