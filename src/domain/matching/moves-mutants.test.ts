/**
 * Swap and move (young-adults-and-moves.md Part B): the exact decisions of DR-MV-1 … DR-MV-4, every
 * branch of `checkMoveEvent` / `missingBefore`, the state each event derives and both sides of every
 * boundary. Expected values are written by hand from the spec tables, never computed by the code.
 */
import { describe, expect, it } from 'vitest';
import {
  administrativeRoute, applyMoveEvent, caseDecision, checkMoveEvent, checkRequestStart, D_MV_01_SIGNAL, decisionViolations, deriveMoveState,
  initialMoveState, missingBefore, moveDecision, moveInputsOf, moveTarget, NO_FACTS, swapDecision,
  type MoveActor, type MoveEventInput, type MoveEventType, type MoveFacts, type MoveInputs, type MoveState, type MoveViolation, type SwapInputs, type Words,
} from './moves.ts';

const CARE: MoveActor = { kinds: ['care_provider'], role: 'care_worker' };
const REVIEWER: MoveActor = { kinds: ['care_provider'], role: 'independent_reviewer' };
const CORP: MoveActor = { kinds: ['corporation'], role: 'corporation_contact' };
const WONEN: MoveActor = { kinds: ['wonen'], role: 'wonen_officer' };
const TODAY = '2026-06-30';
const START = '2026-06-01';

/** [code, rule, field, forbidden] of each violation, and every violation carries words (nl and en). */
function tuples(v: ReadonlyArray<MoveViolation>) {
  for (const x of v) {
    expect(x.nl.replace(/^Nog niet mogelijk: /, '').trim().length).toBeGreaterThan(0);
    expect(x.en.replace(/^Not possible yet: /, '').trim().length).toBeGreaterThan(0);
  }
  return v.map((x) => [x.code, x.rule, x.field ?? null, x.forbidden ?? false]);
}

function wordsOk(w: Words, nl: RegExp, en: RegExp) {
  expect(w.nl).toMatch(nl);
  expect(w.en).toMatch(en);
}

type StateOver = Partial<Omit<MoveState, 'facts'>> & { facts?: Partial<MoveFacts> };
function st(over: StateOver = {}): MoveState {
  const { facts, ...rest } = over;
  return { ...initialMoveState(), startedOn: START, ...rest, facts: { ...NO_FACTS, ...facts } };
}

const SUBST = { on: '2026-06-02', summary: 'Trap lukt niet', byPractitioner: false };
const SWAP_OK: Partial<MoveFacts> = { bothConsent: true, bothSuitable: true, corporationAgrees: true };
const MOVE_OK: Partial<MoveFacts> = { careProviderAgrees: true, corporationAgrees: true, seriouslyHampersTrajectory: true };
/** A similar swap of 45 and 47 m² with everyone agreeing: DR-MV-1 row 4. */
const similarSwap = (over: StateOver = {}) => st({ kind: 'swap', currentArea: 45, targetArea: 47, similar: true, facts: SWAP_OK, ...over });
/** An unequal swap 70 ↔ 50 m²: Wonen must approve (DR-MV-1 row 6/7). */
const unequalSwap = (over: StateOver = {}) => st({ kind: 'swap', currentArea: 70, targetArea: 50, similar: false, facts: SWAP_OK, ...over });
/** A non-medical move, permitted (DR-MV-2 row 11), to a similar dwelling (DR-MV-3 row 2). */
const okMove = (over: StateOver = {}) => st({ kind: 'move', reason: 'NON_MEDICAL', currentArea: 45, targetArea: 45, similar: true, facts: MOVE_OK, substantiation: SUBST, ...over });
const check = (s: MoveState, type: MoveEventType, data: Record<string, unknown> = {}, actor: MoveActor = CARE, occurredOn = '2026-06-10') =>
  tuples(checkMoveEvent(s, { type, occurredOn, data }, actor, TODAY));
const WONEN_YES = { approved: true, on: '2026-06-05', reason: 'Akkoord', newUrgency: false };
const WONEN_NO = { approved: false, on: '2026-06-05', reason: 'Nee', newUrgency: false };

// ─── DR-MV-1 ────────────────────────────────────────────────────────────────

const swapIn = (over: Partial<SwapInputs>): SwapInputs => ({
  bothConsent: true, bothSuitable: true, corporationAgrees: true, nuisanceOnEither: false, similar: false, areaA: 50, areaB: 50, wonenApproval: null, ...over,
});
function swapRest(i: Partial<SwapInputs>) {
  const { words, ...rest } = swapDecision(swapIn(i));
  expect(words.nl.length).toBeGreaterThan(0);
  expect(words.en.length).toBeGreaterThan(0);
  return rest;
}

describe('DR-MV-1 swapDecision: every row as a whole decision', () => {
  it('DR-MV-1 row 1 R-MV-03 R-MV-05: no consent of both → NOT_PERMITTED; Wonen is informed; approval follows the areas', () => {
    expect(swapRest({ bothConsent: false, areaA: 70 })).toEqual({ outcome: 'NOT_PERMITTED', row: 1, rule: 'R-MV-03', informWonen: true, approvalRequired: true, adviseMove: false });
    wordsOk(swapDecision(swapIn({ bothConsent: false })).words, /^Niet toegestaan: /, /^Not allowed: /);
  });
  it('DR-MV-1 row 2 R-MV-03: not both suitably housed → NOT_PERMITTED', () => {
    expect(swapRest({ bothSuitable: false })).toEqual({ outcome: 'NOT_PERMITTED', row: 2, rule: 'R-MV-03', informWonen: true, approvalRequired: false, adviseMove: false });
    wordsOk(swapDecision(swapIn({ bothSuitable: false })).words, /^Niet toegestaan: /, /^Not allowed: /);
  });
  it('DR-MV-1 row 3 R-MV-02 R-MV-04: the corporation disagrees → NOT_PERMITTED; with nuisance a move is advised', () => {
    expect(swapRest({ corporationAgrees: false, nuisanceOnEither: true })).toEqual({ outcome: 'NOT_PERMITTED', row: 3, rule: 'R-MV-02', informWonen: true, approvalRequired: false, adviseMove: true });
    expect(swapRest({ corporationAgrees: false })).toEqual({ outcome: 'NOT_PERMITTED', row: 3, rule: 'R-MV-02', informWonen: true, approvalRequired: false, adviseMove: false });
    expect(swapRest({ nuisanceOnEither: true }).adviseMove).toBe(false);
  });
  it('DR-MV-1 row 4 R-MV-03: similar dwellings → PERMITTED without approval, even above 60 m²', () => {
    expect(swapRest({ similar: true, areaA: 70, areaB: 80 })).toEqual({ outcome: 'PERMITTED', row: 4, rule: 'R-MV-03', informWonen: true, approvalRequired: false, adviseMove: false });
    wordsOk(swapDecision(swapIn({ similar: true })).words, /^Toegestaan: /, /^Allowed: /);
  });
  it('DR-MV-1 row 5 AMB-MV-02: unequal, both at most 60 m² (60 is not above 60) → PERMITTED', () => {
    expect(swapRest({ areaA: 60, areaB: 40 })).toEqual({ outcome: 'PERMITTED', row: 5, rule: 'R-MV-03', informWonen: true, approvalRequired: false, adviseMove: false });
    wordsOk(swapDecision(swapIn({ areaA: 60 })).words, /^Toegestaan: /, /^Allowed: /);
  });
  it('DR-MV-1 row 7 AMB-MV-02: unequal with 60.5 or 61 m² → PENDING_WONEN (approval required)', () => {
    const pending = { outcome: 'PENDING_WONEN', row: 7, rule: 'R-MV-03', informWonen: true, approvalRequired: true, adviseMove: false };
    expect(swapRest({ areaA: 40, areaB: 60.5 })).toEqual(pending);
    expect(swapRest({ areaA: 61, areaB: 40 })).toEqual(pending);
  });
  it('DR-MV-1 rows 6/7 R-MV-03: Wonen approved → PERMITTED; refused → NOT_PERMITTED', () => {
    expect(swapRest({ areaA: 70, wonenApproval: true })).toEqual({ outcome: 'PERMITTED', row: 6, rule: 'R-MV-03', informWonen: true, approvalRequired: true, adviseMove: false });
    expect(swapRest({ areaA: 70, wonenApproval: false })).toEqual({ outcome: 'NOT_PERMITTED', row: 7, rule: 'R-MV-03', informWonen: true, approvalRequired: true, adviseMove: false });
    wordsOk(swapDecision(swapIn({ areaA: 70, wonenApproval: true })).words, /^Toegestaan: /, /^Allowed: /);
  });
});

// ─── DR-MV-2 ────────────────────────────────────────────────────────────────

const moveIn = (over: Partial<MoveInputs>): MoveInputs => ({
  reason: 'NON_MEDICAL', seriouslyHampersTrajectory: false, careProviderAgrees: false, corporationAgrees: false, ggdDoctorAdvice: false,
  substantiationByCareProviderOrPractitioner: false, corporationSolutionImpossible: false, partiesAgreeOtherDwellingNeeded: false,
  tooLargeAfterReduction: false, wonenExceptionalDecision: false, ...over,
});
function moveRest(i: Partial<MoveInputs>) {
  const { words, ...rest } = moveDecision(moveIn(i));
  expect(words.nl.length).toBeGreaterThan(0);
  expect(words.en.length).toBeGreaterThan(0);
  return rest;
}
const AGREE = { careProviderAgrees: true, corporationAgrees: true, seriouslyHampersTrajectory: true };

describe('DR-MV-2 moveDecision: every row as a whole decision', () => {
  it('DR-MV-2 rows 1/2 R-MV-12: household expansion only by Wonen’s exception, with a new urgency', () => {
    expect(moveRest({ reason: 'HOUSEHOLD_EXPANSION', wonenExceptionalDecision: true, ...AGREE }))
      .toEqual({ outcome: 'PERMITTED', row: 1, rule: 'R-MV-12', newUrgency: true, targetRequirement: null });
    expect(moveRest({ reason: 'HOUSEHOLD_EXPANSION', ...AGREE })).toEqual({ outcome: 'NOT_PERMITTED', row: 2, rule: 'R-MV-12', newUrgency: false, targetRequirement: null });
    wordsOk(moveDecision(moveIn({ reason: 'HOUSEHOLD_EXPANSION', wonenExceptionalDecision: true })).words, /^Toegestaan/, /^Allowed/);
    wordsOk(moveDecision(moveIn({ reason: 'HOUSEHOLD_EXPANSION' })).words, /^Niet toegestaan: /, /^Not allowed: /);
  });
  it('DR-MV-2 rows 3/4 R-MV-11: noise or quality only when no solution is possible and all agree', () => {
    expect(moveRest({ reason: 'NOISE_OR_QUALITY', corporationSolutionImpossible: true, partiesAgreeOtherDwellingNeeded: true }))
      .toEqual({ outcome: 'PERMITTED', row: 3, rule: 'R-MV-11', newUrgency: false, targetRequirement: null });
    const no = { outcome: 'NOT_PERMITTED', row: 4, rule: 'R-MV-11', newUrgency: false, targetRequirement: null };
    expect(moveRest({ reason: 'NOISE_OR_QUALITY', corporationSolutionImpossible: true, ...AGREE })).toEqual(no);
    expect(moveRest({ reason: 'NOISE_OR_QUALITY', partiesAgreeOtherDwellingNeeded: true })).toEqual(no);
    wordsOk(moveDecision(moveIn({ reason: 'NOISE_OR_QUALITY', corporationSolutionImpossible: true, partiesAgreeOtherDwellingNeeded: true })).words, /^Toegestaan: /, /^Allowed: /);
  });
  it('DR-MV-2 rows 5/6 R-MV-10: household reduction → move required only when too large', () => {
    expect(moveRest({ reason: 'HOUSEHOLD_REDUCTION', tooLargeAfterReduction: true })).toEqual({ outcome: 'MOVE_REQUIRED', row: 5, rule: 'R-MV-10', newUrgency: false, targetRequirement: null });
    expect(moveRest({ reason: 'HOUSEHOLD_REDUCTION', ...AGREE })).toEqual({ outcome: 'NO_MOVE_REQUIRED', row: 6, rule: 'R-MV-10', newUrgency: false, targetRequirement: null });
    wordsOk(moveDecision(moveIn({ reason: 'HOUSEHOLD_REDUCTION', tooLargeAfterReduction: true })).words, /^Verhuizen is nodig: /, /^A move is required: /);
    wordsOk(moveDecision(moveIn({ reason: 'HOUSEHOLD_REDUCTION' })).words, /^Verhuizen is niet nodig: /, /^No move required: /);
  });
  it('DR-MV-2 rows 7/8 R-MV-07: care provider and corporation both agree, and the situation seriously hampers', () => {
    const row7 = { outcome: 'NOT_PERMITTED', row: 7, rule: 'R-MV-07', newUrgency: false, targetRequirement: null };
    expect(moveRest({ careProviderAgrees: true, seriouslyHampersTrajectory: true })).toEqual(row7);
    expect(moveRest({ corporationAgrees: true, seriouslyHampersTrajectory: true })).toEqual(row7);
    expect(moveRest({ careProviderAgrees: true, corporationAgrees: true, substantiationByCareProviderOrPractitioner: true }))
      .toEqual({ outcome: 'NOT_PERMITTED', row: 8, rule: 'R-MV-07', newUrgency: false, targetRequirement: null });
    wordsOk(moveDecision(moveIn({ careProviderAgrees: true, corporationAgrees: true })).words, /^Niet toegestaan: /, /^Not allowed: /);
  });
  it('DR-MV-2 row 9 R-MV-08: medical ground floor without GGD advice → NOT_YET; with it PERMITTED; the target needs a ground floor or lift', () => {
    expect(moveRest({ reason: 'MEDICAL_GROUND_FLOOR_OR_LIFT', ...AGREE }))
      .toEqual({ outcome: 'NOT_YET', row: 9, rule: 'R-MV-08', newUrgency: false, targetRequirement: 'ground_floor_or_lift' });
    expect(moveRest({ reason: 'MEDICAL_GROUND_FLOOR_OR_LIFT', ggdDoctorAdvice: true, ...AGREE }))
      .toEqual({ outcome: 'PERMITTED', row: 11, rule: 'R-MV-07', newUrgency: false, targetRequirement: 'ground_floor_or_lift' });
  });
  it('DR-MV-2 row 10 R-MV-09: other medical and non-medical need the substantiation; row 11 with it', () => {
    const notYet = { outcome: 'NOT_YET', row: 10, rule: 'R-MV-09', newUrgency: false, targetRequirement: null };
    expect(moveRest({ reason: 'OTHER_MEDICAL', ...AGREE })).toEqual(notYet);
    expect(moveRest({ reason: 'NON_MEDICAL', ...AGREE })).toEqual(notYet);
    expect(moveRest({ reason: 'OTHER_MEDICAL', substantiationByCareProviderOrPractitioner: true, ...AGREE }))
      .toEqual({ outcome: 'PERMITTED', row: 11, rule: 'R-MV-07', newUrgency: false, targetRequirement: null });
    wordsOk(moveDecision(moveIn({ reason: 'NON_MEDICAL', substantiationByCareProviderOrPractitioner: true, ...AGREE })).words, /^Toegestaan: /, /^Allowed: /);
  });
});

// ─── DR-MV-3 ────────────────────────────────────────────────────────────────

function targetRest(cur: number, target: number, similar: boolean) {
  const { words, ...rest } = moveTarget(cur, target, similar);
  expect(words.nl.length).toBeGreaterThan(0);
  expect(words.en.length).toBeGreaterThan(0);
  return rest;
}

describe('DR-MV-3 moveTarget: rows and the 60 m² boundaries', () => {
  it('DR-MV-3 row 1 R-MV-13: from at most 60 m² to a larger one → Wonen approves (60 → 60.5, 50 → 51, even similar)', () => {
    const row1 = { outcome: 'WONEN_APPROVAL_REQUIRED', row: 1, rule: 'R-MV-13', wonenDecisionRequired: true };
    expect(targetRest(60, 60.5, false)).toEqual(row1);
    expect(targetRest(50, 51, true)).toEqual(row1);
  });
  it('DR-MV-3 rows 2/3 R-MV-13: an equal area is not larger (50 → 50, 60 → 60) → ALLOWED', () => {
    expect(targetRest(50, 50, false)).toEqual({ outcome: 'ALLOWED', row: 3, rule: 'R-MV-13', wonenDecisionRequired: false });
    expect(targetRest(60, 60, false)).toEqual({ outcome: 'ALLOWED', row: 3, rule: 'R-MV-13', wonenDecisionRequired: false });
    expect(targetRest(70, 80, true)).toEqual({ outcome: 'ALLOWED', row: 2, rule: 'R-MV-13', wonenDecisionRequired: false });
    expect(targetRest(61, 60, false)).toEqual({ outcome: 'ALLOWED', row: 3, rule: 'R-MV-13', wonenDecisionRequired: false });
  });
  it('DR-MV-3 row 4 AMB-MV-02 AMB-MV-07: from above 60 m² to another above 60 m², not similar → NOT_LISTED, Wonen decides', () => {
    const row4 = { outcome: 'NOT_LISTED', row: 4, rule: 'R-MV-13', wonenDecisionRequired: true };
    expect(targetRest(60.5, 60.5, false)).toEqual(row4);
    expect(targetRest(61, 61, false)).toEqual(row4);
    expect(targetRest(70, 65, false)).toEqual(row4);
  });
});

// ─── the case's decision ────────────────────────────────────────────────────

describe('caseDecision and decisionViolations (DR-MV-1 … DR-MV-3 on the case)', () => {
  it('D-MV-01: the signal is there while the request is open, and empty once completed or withdrawn', () => {
    for (const status of ['preparing', 'submitted', 'agreed', 'registered'] as const) {
      expect(caseDecision(similarSwap({ status })).signals).toEqual([{ rule: 'D-MV-01', nature: 'SHOULD', words: D_MV_01_SIGNAL.words }]);
      expect(caseDecision(okMove({ status })).signals.map((x) => x.rule)).toEqual(['D-MV-01']);
    }
    expect(caseDecision(similarSwap({ status: 'completed' })).signals).toEqual([]);
    expect(caseDecision(similarSwap({ status: 'withdrawn' })).signals).toEqual([]);
    expect(caseDecision(okMove({ status: 'completed' })).signals).toEqual([]);
    expect(caseDecision(okMove({ status: 'withdrawn' })).signals).toEqual([]);
  });

  it('DR-MV-1 DR-MV-4: a swap’s case decision carries the swap row, its rule as the reason and the swap route', () => {
    const d = caseDecision(similarSwap());
    expect({ kind: d.kind, outcome: d.outcome, wonenApprovalNeeded: d.wonenApprovalNeeded, reasons: d.reasons.map((r) => r.rule), row: d.swap?.row, move: d.move, target: d.target })
      .toEqual({ kind: 'swap', outcome: 'PERMITTED', wonenApprovalNeeded: false, reasons: ['R-MV-03'], row: 4, move: null, target: null });
    expect(d.reasons[0]!.words.nl.length).toBeGreaterThan(0);
    expect(d.route.woningnetCode).toBe('woningruil');
    expect(caseDecision(unequalSwap())).toMatchObject({ outcome: 'PENDING_WONEN', wonenApprovalNeeded: true });
    expect(caseDecision(unequalSwap({ wonen: WONEN_NO }))).toMatchObject({ outcome: 'NOT_PERMITTED', wonenApprovalNeeded: true });
  });

  it('DR-MV-2 DR-MV-3: a permitted move to a similar dwelling needs no Wonen (reason first, then target)', () => {
    const d = caseDecision(okMove());
    expect({ kind: d.kind, outcome: d.outcome, wonenApprovalNeeded: d.wonenApprovalNeeded, reasons: d.reasons.map((r) => r.rule), move: d.move?.row, target: d.target?.row, swap: d.swap })
      .toEqual({ kind: 'move', outcome: 'PERMITTED', wonenApprovalNeeded: false, reasons: ['R-MV-07', 'R-MV-13'], move: 11, target: 2, swap: null });
    expect(d.route.woningnetCode).toBe('herijking perspectief');
    expect(decisionViolations(okMove())).toEqual([]);
  });

  it('R-MV-13: a larger target from 45 m² waits for Wonen; approved → PERMITTED; refused → NOT_PERMITTED (wonen_refused R-MV-13)', () => {
    const larger = { targetArea: 55, similar: false };
    expect(caseDecision(okMove(larger))).toMatchObject({ outcome: 'PENDING_WONEN', wonenApprovalNeeded: true });
    expect(tuples(decisionViolations(okMove(larger)))).toEqual([['wonen_approval_missing', 'R-MV-13', null, false]]);
    expect(caseDecision(okMove({ ...larger, wonen: WONEN_YES }))).toMatchObject({ outcome: 'PERMITTED', wonenApprovalNeeded: true });
    expect(caseDecision(okMove({ ...larger, wonen: WONEN_NO }))).toMatchObject({ outcome: 'NOT_PERMITTED', wonenApprovalNeeded: true });
    expect(tuples(decisionViolations(okMove({ ...larger, wonen: WONEN_NO })))).toEqual([['wonen_refused', 'R-MV-13', null, false]]);
  });

  it('R-MV-12: household expansion waits for Wonen’s exception; refused → wonen_refused R-MV-12; approved without urgency → not permitted', () => {
    const exp = { reason: 'HOUSEHOLD_EXPANSION' as const };
    expect(caseDecision(okMove(exp))).toMatchObject({ outcome: 'PENDING_WONEN', wonenApprovalNeeded: true });
    expect(tuples(decisionViolations(okMove(exp)))).toEqual([['wonen_exception_missing', 'R-MV-12', null, false]]);
    expect(caseDecision(okMove({ ...exp, wonen: WONEN_NO }))).toMatchObject({ outcome: 'NOT_PERMITTED', wonenApprovalNeeded: true });
    expect(tuples(decisionViolations(okMove({ ...exp, wonen: WONEN_NO })))).toEqual([['wonen_refused', 'R-MV-12', null, false]]);
    expect(caseDecision(okMove({ ...exp, wonen: { ...WONEN_YES, newUrgency: true } }))).toMatchObject({ outcome: 'PERMITTED' });
    expect(caseDecision(okMove({ ...exp, wonen: WONEN_YES }))).toMatchObject({ outcome: 'NOT_PERMITTED' });
    expect(tuples(decisionViolations(okMove({ ...exp, wonen: WONEN_YES })))).toEqual([['move_not_permitted', 'R-MV-12', null, false]]);
  });

  it('R-MV-07 R-MV-10: a move not permitted by its reason is NOT_PERMITTED whatever the target; move required is permitted', () => {
    expect(caseDecision(okMove({ facts: { ...MOVE_OK, careProviderAgrees: false } })).outcome).toBe('NOT_PERMITTED');
    expect(tuples(decisionViolations(okMove({ facts: { ...MOVE_OK, careProviderAgrees: false } })))).toEqual([['move_not_permitted', 'R-MV-07', null, false]]);
    expect(caseDecision(okMove({ reason: 'HOUSEHOLD_REDUCTION' })).outcome).toBe('NOT_PERMITTED');
    expect(caseDecision(okMove({ reason: 'HOUSEHOLD_REDUCTION', facts: { tooLargeAfterReduction: true } })).outcome).toBe('PERMITTED');
    // A refusal by Wonen where no approval is needed does not change a permitted move.
    expect(caseDecision(okMove({ wonen: WONEN_NO })).outcome).toBe('PERMITTED');
  });

  it('R-MV-08 R-MV-09: a missing GGD advice or substantiation is NOT_YET, the words as they are', () => {
    const s = okMove({ reason: 'MEDICAL_GROUND_FLOOR_OR_LIFT' });
    expect(caseDecision(s).outcome).toBe('NOT_YET');
    const v = decisionViolations(s);
    expect(tuples(v)).toEqual([['move_not_yet', 'R-MV-08', null, false]]);
    expect(v[0]!.nl).toMatch(/^Nog niet mogelijk: /);
    expect(caseDecision(okMove({ substantiation: null })).outcome).toBe('NOT_YET');
    expect(tuples(decisionViolations(okMove({ substantiation: null })))).toEqual([['move_not_yet', 'R-MV-09', null, false]]);
  });

  it('R-MV-03 R-MV-02: a swap not going ahead names its row’s rule; pending names Wonen’s approval', () => {
    expect(tuples(decisionViolations(unequalSwap()))).toEqual([['wonen_approval_missing', 'R-MV-03', null, false]]);
    expect(tuples(decisionViolations(unequalSwap({ wonen: WONEN_NO })))).toEqual([['swap_not_permitted', 'R-MV-03', null, false]]);
    expect(tuples(decisionViolations(similarSwap({ facts: { ...SWAP_OK, corporationAgrees: false } })))).toEqual([['swap_not_permitted', 'R-MV-02', null, false]]);
    expect(decisionViolations(unequalSwap({ wonen: WONEN_YES }))).toEqual([]);
  });

  it('R-MV-09 R-MV-12: the move inputs come from the state (substantiation recorded; exception = approved with urgency)', () => {
    expect(moveInputsOf(st({ reason: 'OTHER_MEDICAL' }))).toEqual({
      reason: 'OTHER_MEDICAL', seriouslyHampersTrajectory: false, careProviderAgrees: false, corporationAgrees: false, ggdDoctorAdvice: false,
      substantiationByCareProviderOrPractitioner: false, corporationSolutionImpossible: false, partiesAgreeOtherDwellingNeeded: false,
      tooLargeAfterReduction: false, wonenExceptionalDecision: false,
    });
    expect(moveInputsOf(st({ substantiation: SUBST })).substantiationByCareProviderOrPractitioner).toBe(true);
    expect(moveInputsOf(st()).reason).toBe('NON_MEDICAL');
    expect(moveInputsOf(st({ wonen: WONEN_YES })).wonenExceptionalDecision).toBe(false);
    expect(moveInputsOf(st({ wonen: { ...WONEN_NO, newUrgency: true } })).wonenExceptionalDecision).toBe(false);
    expect(moveInputsOf(st({ wonen: { ...WONEN_YES, newUrgency: true } })).wonenExceptionalDecision).toBe(true);
  });
});

// ─── checkMoveEvent ─────────────────────────────────────────────────────────

describe('checkMoveEvent: every branch', () => {
  it('dates: today is allowed, tomorrow is in the future; the start date is allowed, the day before is not', () => {
    const s = similarSwap();
    expect(check(s, 'facts_recorded', { bothConsent: true }, CARE, TODAY)).toEqual([]);
    expect(check(s, 'facts_recorded', { bothConsent: true }, CARE, '2026-07-01')).toEqual([['date_in_future', null, '/occurredOn', false]]);
    expect(check(s, 'facts_recorded', { bothConsent: true }, CARE, START)).toEqual([]);
    expect(check(s, 'facts_recorded', { bothConsent: true }, CARE, '2026-05-31')).toEqual([['date_before_start', null, '/occurredOn', false]]);
  });

  it('R-MV-01 R-MV-07: a request starts once; its start is checked (reason for a move, none for a swap, other party only for a swap)', () => {
    expect(check(similarSwap(), 'request_started', { kind: 'swap' })).toEqual([['already_started', null, null, false]]);
    expect(check(initialMoveState(), 'request_started', { kind: 'move' }, CARE, '2026-07-01'))
      .toEqual([['date_in_future', null, '/occurredOn', false], ['reason_missing', 'R-MV-07', '/reason', false]]);
    expect(check(initialMoveState(), 'request_started', { kind: 'move', reason: 'NON_MEDICAL' })).toEqual([]);
    expect(check(initialMoveState(), 'request_started', { kind: 'swap' }, CORP)).toEqual([['actor_not_allowed', 'R-MV-01', null, true]]);
    expect(tuples(checkRequestStart({ kind: 'move', reason: 'BOGUS' }))).toEqual([['reason_missing', 'R-MV-07', '/reason', false]]);
    expect(tuples(checkRequestStart({ kind: 'swap', reason: null }))).toEqual([]);
    expect(tuples(checkRequestStart({ kind: 'swap' }))).toEqual([]);
    expect(tuples(checkRequestStart({ kind: 'swap', reason: 'NON_MEDICAL' }))).toEqual([['reason_for_swap', null, '/reason', false]]);
    expect(tuples(checkRequestStart({ kind: 'move', reason: 'NON_MEDICAL', otherTrajectoryId: 't-2' }))).toEqual([['other_party_for_move', null, '/otherTrajectoryId', false]]);
    expect(tuples(checkRequestStart({ kind: 'swap', otherTrajectoryId: 't-2' }))).toEqual([]);
  });

  it('R-MV-03 R-MV-07: facts — none, unknown, not yes/no', () => {
    const s = similarSwap();
    expect(check(s, 'facts_recorded', {})).toEqual([['no_facts', null, '/data', false]]);
    expect(check(s, 'facts_recorded', { foo: true })).toEqual([['unknown_fact', null, '/data/foo', false]]);
    expect(check(s, 'facts_recorded', { bothConsent: 'yes' })).toEqual([['unknown_fact', null, '/data/bothConsent', false]]);
    expect(check(s, 'facts_recorded', { corporationAgrees: 1 }, CORP)).toEqual([['unknown_fact', null, '/data/corporationAgrees', false]]);
  });

  it('R-MV-02 R-MV-11 R-MV-07: the corporation states its facts, the care provider the rest (forbidden otherwise)', () => {
    const s = similarSwap();
    expect(check(s, 'facts_recorded', { corporationAgrees: true })).toEqual([['fact_of_other_party', 'R-MV-02', '/data/corporationAgrees', true]]);
    expect(check(s, 'facts_recorded', { nuisanceOnEither: true })).toEqual([['fact_of_other_party', 'R-MV-11', '/data/nuisanceOnEither', true]]);
    expect(check(s, 'facts_recorded', { corporationSolutionImpossible: false })).toEqual([['fact_of_other_party', 'R-MV-11', '/data/corporationSolutionImpossible', true]]);
    expect(check(s, 'facts_recorded', { careProviderAgrees: true }, CORP)).toEqual([['fact_of_other_party', 'R-MV-07', '/data/careProviderAgrees', true]]);
    expect(check(s, 'facts_recorded', { corporationAgrees: true, nuisanceOnEither: false, corporationSolutionImpossible: true }, CORP)).toEqual([]);
    expect(check(s, 'facts_recorded', { careProviderAgrees: true, bothConsent: false, tooLargeAfterReduction: true })).toEqual([]);
    expect(check(s, 'facts_recorded', { bothConsent: true }, WONEN)).toEqual([['actor_not_allowed', 'R-MV-03', null, true]]);
  });

  it('R-MV-16: the substantiation needs a summary of at most 4000 characters', () => {
    const s = similarSwap();
    const missing = [['summary_missing', 'R-MV-16', '/data/summary', false]];
    expect(check(s, 'substantiation_recorded', { summary: 'x'.repeat(4000) })).toEqual([]);
    expect(check(s, 'substantiation_recorded', { summary: 'x'.repeat(4001) })).toEqual(missing);
    expect(check(s, 'substantiation_recorded', { summary: '   ' })).toEqual(missing);
    expect(check(s, 'substantiation_recorded', { summary: 42 })).toEqual(missing);
    expect(check(s, 'substantiation_recorded', {})).toEqual(missing);
  });

  it('R-MV-16 R-MV-17: the independent review needs the substantiation; only the reviewer reviews', () => {
    expect(check(similarSwap(), 'independent_review_done', {}, REVIEWER)).toEqual([['substantiation_missing', 'R-MV-16', null, false]]);
    expect(check(similarSwap({ substantiation: SUBST }), 'independent_review_done', {}, REVIEWER)).toEqual([]);
    expect(check(similarSwap({ substantiation: SUBST }), 'independent_review_done', {}, CARE)).toEqual([['actor_not_allowed', 'R-MV-17', null, true]]);
  });

  it('R-MV-15 R-MV-16 R-MV-17: the submission needs substantiation and review; what Wonen cannot change is refused, what waits for Wonen is not', () => {
    const ready = { substantiation: SUBST, independentReviewOn: '2026-06-03' };
    expect(check(similarSwap(), 'submitted_to_wonen')).toEqual([['substantiation_missing', 'R-MV-16', null, false], ['independent_review_missing', 'R-MV-17', null, false]]);
    expect(check(similarSwap({ substantiation: SUBST }), 'submitted_to_wonen')).toEqual([['independent_review_missing', 'R-MV-17', null, false]]);
    expect(check(similarSwap(ready), 'submitted_to_wonen', {}, CORP)).toEqual([]);
    expect(check(unequalSwap(ready), 'submitted_to_wonen')).toEqual([]);
    expect(check(similarSwap({ ...ready, facts: { ...SWAP_OK, bothConsent: false } }), 'submitted_to_wonen')).toEqual([['swap_not_permitted', 'R-MV-03', null, false]]);
    expect(check(okMove({ ...ready, reason: 'MEDICAL_GROUND_FLOOR_OR_LIFT' }), 'submitted_to_wonen')).toEqual([['move_not_yet', 'R-MV-08', null, false]]);
    expect(check(okMove({ ...ready, reason: 'NOISE_OR_QUALITY' }), 'submitted_to_wonen')).toEqual([['move_not_permitted', 'R-MV-11', null, false]]);
    expect(check(okMove({ ...ready, reason: 'HOUSEHOLD_EXPANSION' }), 'submitted_to_wonen')).toEqual([]);
    // Household expansion not (yet) permitted is Wonen's to decide: not refused at the submission.
    expect(check(okMove({ ...ready, reason: 'HOUSEHOLD_EXPANSION', wonen: WONEN_NO }), 'submitted_to_wonen')).toEqual([]);
    expect(check(okMove({ ...ready, targetArea: 55, similar: false }), 'submitted_to_wonen')).toEqual([]);
  });

  it('R-MV-05 R-MV-13: Wonen decides only where approval is needed (swap R-MV-05, move R-MV-13); only Wonen', () => {
    const sub = { status: 'submitted' as const, submittedOn: '2026-06-04' };
    const data = { approved: true, reason: 'Akkoord' };
    expect(check(similarSwap(sub), 'wonen_decided', data, WONEN)).toEqual([['approval_not_needed', 'R-MV-05', null, false]]);
    expect(check(okMove(sub), 'wonen_decided', data, WONEN)).toEqual([['approval_not_needed', 'R-MV-13', null, false]]);
    expect(check(unequalSwap(sub), 'wonen_decided', data, WONEN)).toEqual([]);
    expect(check(unequalSwap(sub), 'wonen_decided', data, CARE)).toEqual([['actor_not_allowed', 'R-MV-03', null, true]]);
  });

  it('R-MV-03: Wonen decides once, with a yes/no and a reason of at most 2000 characters', () => {
    const sub = { status: 'submitted' as const, submittedOn: '2026-06-04' };
    expect(check(unequalSwap(sub), 'wonen_decided', {}, WONEN)).toEqual([['decision_missing', null, '/data/approved', false], ['reason_missing', null, '/data/reason', false]]);
    expect(check(unequalSwap(sub), 'wonen_decided', { approved: 'yes', reason: 'x' }, WONEN)).toEqual([['decision_missing', null, '/data/approved', false]]);
    expect(check(unequalSwap(sub), 'wonen_decided', { approved: false, reason: 'x'.repeat(2000) }, WONEN)).toEqual([]);
    expect(check(unequalSwap(sub), 'wonen_decided', { approved: false, reason: 'x'.repeat(2001) }, WONEN)).toEqual([['reason_missing', null, '/data/reason', false]]);
    expect(check(unequalSwap(sub), 'wonen_decided', { approved: false, reason: '  ' }, WONEN)).toEqual([['reason_missing', null, '/data/reason', false]]);
    expect(check(unequalSwap(sub), 'wonen_decided', { approved: false, reason: 7 }, WONEN)).toEqual([['reason_missing', null, '/data/reason', false]]);
    expect(check(unequalSwap({ ...sub, wonen: WONEN_YES }), 'wonen_decided', { approved: true, reason: 'x' }, WONEN)).toEqual([['already_decided', null, null, false]]);
  });

  it('R-MV-12: Wonen allows a household-expansion move only with a new urgency', () => {
    const sub = { status: 'submitted' as const, submittedOn: '2026-06-04' };
    const exp = okMove({ ...sub, reason: 'HOUSEHOLD_EXPANSION' });
    expect(check(exp, 'wonen_decided', { approved: true, reason: 'Uitzondering' }, WONEN)).toEqual([['new_urgency_missing', 'R-MV-12', '/data/newUrgency', false]]);
    expect(check(exp, 'wonen_decided', { approved: true, reason: 'Uitzondering', newUrgency: 'yes' }, WONEN)).toEqual([['new_urgency_missing', 'R-MV-12', '/data/newUrgency', false]]);
    expect(check(exp, 'wonen_decided', { approved: true, reason: 'Uitzondering', newUrgency: true }, WONEN)).toEqual([]);
    expect(check(exp, 'wonen_decided', { approved: false, reason: 'Nee' }, WONEN)).toEqual([]);
    // Not a household expansion: no urgency asked.
    expect(check(okMove({ ...sub, targetArea: 55, similar: false }), 'wonen_decided', { approved: true, reason: 'Akkoord' }, WONEN)).toEqual([]);
    // A swap has no move reason: no urgency asked even if a reason were stored.
    expect(check(unequalSwap({ ...sub, reason: 'HOUSEHOLD_EXPANSION' }), 'wonen_decided', { approved: true, reason: 'Akkoord' }, WONEN)).toEqual([]);
  });

  it('R-MV-18: the extra housing evaluation needs the decision permitted', () => {
    const sub = { status: 'submitted' as const, submittedOn: '2026-06-04', substantiation: SUBST, independentReviewOn: '2026-06-03' };
    expect(check(similarSwap(sub), 'extra_evaluation_recorded', {}, CORP)).toEqual([]);
    expect(check(unequalSwap(sub), 'extra_evaluation_recorded')).toEqual([['wonen_approval_missing', 'R-MV-03', null, false]]);
    expect(check(unequalSwap({ ...sub, independentReviewOn: null }), 'extra_evaluation_recorded'))
      .toEqual([['independent_review_missing', 'R-MV-17', null, false], ['wonen_approval_missing', 'R-MV-03', null, false]]);
  });

  it('R-MV-19: no furnishing grant; whether a loan was applied for is stated', () => {
    const agreed = similarSwap({ status: 'agreed' });
    expect(check(agreed, 'furnishing_recorded', { grant: true, loanApplied: true })).toEqual([['no_furnishing_grant', 'R-MV-19', '/data/grant', false]]);
    expect(check(agreed, 'furnishing_recorded', {})).toEqual([['loan_missing', 'R-MV-19', '/data/loanApplied', false]]);
    expect(check(agreed, 'furnishing_recorded', { loanApplied: 'no' })).toEqual([['loan_missing', 'R-MV-19', '/data/loanApplied', false]]);
    expect(check(agreed, 'furnishing_recorded', { grant: false, loanApplied: false })).toEqual([]);
    expect(check(similarSwap({ status: 'registered' }), 'furnishing_recorded', { loanApplied: true })).toEqual([]);
  });

  it('R-MV-20 R-MV-21: the WoningNet code per kind', () => {
    expect(check(similarSwap({ status: 'agreed' }), 'registered', { woningnetCode: 'herijking perspectief' })).toEqual([['woningnet_code', 'R-MV-20', '/data/woningnetCode', false]]);
    expect(check(similarSwap({ status: 'agreed' }), 'registered', { woningnetCode: 'woningruil' }, CORP)).toEqual([]);
    expect(check(okMove({ status: 'agreed' }), 'registered', { woningnetCode: 'woningruil' })).toEqual([['woningnet_code', 'R-MV-21', '/data/woningnetCode', false]]);
    expect(check(okMove({ status: 'agreed' }), 'registered', {})).toEqual([['woningnet_code', 'R-MV-21', '/data/woningnetCode', false]]);
    expect(check(okMove({ status: 'agreed' }), 'registered', { woningnetCode: 'herijking perspectief' })).toEqual([]);
  });

  it('R-MV-22: the completion names the new address (at most 300 characters)', () => {
    const reg = similarSwap({ status: 'registered' });
    const missing = [['address_missing', null, '/data/newAddress', false]];
    expect(check(reg, 'completed', { newAddress: 'a'.repeat(300) })).toEqual([]);
    expect(check(reg, 'completed', { newAddress: 'a'.repeat(301) })).toEqual(missing);
    expect(check(reg, 'completed', { newAddress: ' ' })).toEqual(missing);
    expect(check(reg, 'completed', {})).toEqual(missing);
    expect(check(reg, 'completed', { newAddress: 'Ruilstraat 2' }, CORP)).toEqual([['actor_not_allowed', 'R-MV-22', null, true]]);
  });

  it('R-MV-23 R-MV-01: the introduction meeting after the completion; withdrawing while open', () => {
    expect(check(similarSwap({ status: 'completed' }), 'introduction_meeting_held')).toEqual([]);
    expect(check(similarSwap({ status: 'registered' }), 'introduction_meeting_held')).toEqual([['not_completed', 'R-MV-23', null, false]]);
    for (const status of ['preparing', 'submitted', 'agreed'] as const) expect(check(similarSwap({ status }), 'withdrawn')).toEqual([]);
    expect(check(similarSwap({ status: 'registered' }), 'withdrawn')).toEqual([['wrong_status', null, null, false]]);
  });
});

// ─── missingBefore ──────────────────────────────────────────────────────────

const mb = (s: MoveState, type: MoveEventType) => tuples(missingBefore(s, type));

describe('missingBefore: why a step does not fit the status', () => {
  it('R-MV-15: nothing is missing when the status fits', () => {
    expect(mb(similarSwap(), 'facts_recorded')).toEqual([]);
    expect(mb(similarSwap({ status: 'submitted' }), 'wonen_decided')).toEqual([]);
  });
  it('R-MV-01: withdrawn takes no step; a request starts once', () => {
    for (const type of ['facts_recorded', 'completed', 'introduction_meeting_held'] as const) expect(mb(similarSwap({ status: 'withdrawn' }), type)).toEqual([['withdrawn', null, null, false]]);
    expect(mb(similarSwap(), 'request_started')).toEqual([['already_started', null, null, false]]);
  });
  it('R-MV-23: the meeting follows the move; already held is named', () => {
    expect(mb(similarSwap({ status: 'agreed' }), 'introduction_meeting_held')).toEqual([['not_completed', 'R-MV-23', null, false]]);
    expect(mb(similarSwap({ status: 'withdrawn', introductionMeetingHeldOn: null }), 'introduction_meeting_held')).toEqual([['withdrawn', null, null, false]]);
    expect(mb(similarSwap({ status: 'registered', introductionMeetingHeldOn: '2026-06-20' }), 'introduction_meeting_held')).toEqual([['already_held', 'R-MV-23', null, false]]);
  });
  it('R-MV-22: a completed case takes no more steps', () => {
    for (const type of ['registered', 'furnishing_recorded', 'substantiation_recorded', 'wonen_decided'] as const) {
      expect(mb(similarSwap({ status: 'completed' }), type)).toEqual([['completed', null, null, false]]);
    }
  });
  it('R-MV-15: after the submission, substantiation, review and submission are no longer possible', () => {
    for (const type of ['substantiation_recorded', 'independent_review_done', 'submitted_to_wonen'] as const) {
      expect(mb(similarSwap({ status: 'submitted', submittedOn: '2026-06-04' }), type)).toEqual([['already_submitted', 'R-MV-15', null, false]]);
      expect(mb(similarSwap({ status: 'agreed', submittedOn: '2026-06-04' }), type)).toEqual([['already_submitted', 'R-MV-15', null, false]]);
    }
  });
  it('R-MV-15 R-MV-18: Wonen decides after the submission and before the extra evaluation', () => {
    expect(mb(unequalSwap({ status: 'agreed', submittedOn: '2026-06-04' }), 'wonen_decided')).toEqual([['already_agreed', null, null, false]]);
    expect(mb(unequalSwap(), 'wonen_decided')).toEqual([['not_submitted', 'R-MV-15', null, false]]);
  });
  it('R-MV-17 R-MV-15 R-MV-18: the extra evaluation once, after review and submission', () => {
    expect(mb(similarSwap({ status: 'agreed', submittedOn: '2026-06-04' }), 'extra_evaluation_recorded')).toEqual([['already_agreed', 'R-MV-18', null, false]]);
    expect(mb(similarSwap(), 'extra_evaluation_recorded')).toEqual([['independent_review_missing', 'R-MV-17', null, false], ['not_submitted', 'R-MV-15', null, false]]);
    expect(mb(unequalSwap({ independentReviewOn: '2026-06-03' }), 'extra_evaluation_recorded'))
      .toEqual([['not_submitted', 'R-MV-15', null, false], ['wonen_approval_missing', 'R-MV-03', null, false]]);
  });
  it('DR-MV-4 Ex 6/7: furnishing, registration and completion name every missing step in order', () => {
    expect(mb(similarSwap(), 'furnishing_recorded'))
      .toEqual([['independent_review_missing', 'R-MV-17', null, false], ['not_submitted', 'R-MV-15', null, false], ['extra_evaluation_missing', 'R-MV-18', null, false]]);
    expect(mb(similarSwap({ status: 'submitted', submittedOn: '2026-06-04', independentReviewOn: '2026-06-03' }), 'registered'))
      .toEqual([['extra_evaluation_missing', 'R-MV-18', null, false]]);
    expect(mb(okMove({ status: 'submitted', submittedOn: '2026-06-04', independentReviewOn: '2026-06-03' }), 'completed'))
      .toEqual([['extra_evaluation_missing', 'R-MV-18', null, false], ['not_registered', 'R-MV-21', null, false]]);
  });
  it('R-MV-20 R-MV-21: completing needs the registration; an agreed case names only that', () => {
    expect(mb(similarSwap({ status: 'agreed' }), 'completed')).toEqual([['not_registered', 'R-MV-20', null, false]]);
    expect(mb(okMove({ status: 'agreed' }), 'completed')).toEqual([['not_registered', 'R-MV-21', null, false]]);
  });
  it('R-MV-20: registered once; a step that does not fit otherwise is wrong_status', () => {
    const reg = { on: '2026-06-08', woningnetCode: 'woningruil' };
    expect(mb(similarSwap({ status: 'registered', registered: reg }), 'registered')).toEqual([['already_registered', null, null, false]]);
    expect(mb(similarSwap({ status: 'agreed', registered: reg }), 'completed')).toEqual([['wrong_status', null, null, false]]);
    expect(mb(similarSwap({ status: 'registered', registered: reg }), 'withdrawn')).toEqual([['wrong_status', null, null, false]]);
  });
});

// ─── the state each event derives ───────────────────────────────────────────

const ev = (type: MoveEventType, occurredOn: string, data: Record<string, unknown> = {}): MoveEventInput => ({ type, occurredOn, data });

describe('deriveMoveState: every event’s effect', () => {
  it('R-MV-15 … R-MV-23: a move through every step derives each field and status by hand', () => {
    const events = [
      ev('request_started', START, { kind: 'move', reason: 'NON_MEDICAL', currentArea: 45, targetArea: 50, similar: true, otherTrajectoryId: 't-9', facts: { careProviderAgrees: true, bothConsent: 'yes' } }),
      ev('facts_recorded', '2026-06-02', { corporationAgrees: true, seriouslyHampersTrajectory: 1 }),
      ev('substantiation_recorded', '2026-06-02', { summary: 'Trap', byPractitioner: true }),
      ev('independent_review_done', '2026-06-03'),
    ];
    const prepared = deriveMoveState(events);
    expect(prepared).toEqual({
      kind: 'move', status: 'preparing', startedOn: START, reason: 'NON_MEDICAL', currentArea: 45, targetArea: 50, similar: true, otherTrajectoryId: 't-9',
      facts: { ...NO_FACTS, careProviderAgrees: true, corporationAgrees: true },
      substantiation: { on: '2026-06-02', summary: 'Trap', byPractitioner: true }, independentReviewOn: '2026-06-03', submittedOn: null, wonen: null,
      extraEvaluationOn: null, furnishing: null, registered: null, completedOn: null, newAddress: null, introductionMeetingHeldOn: null, withdrawnOn: null,
    });
    const steps: Array<[MoveEventInput, Partial<MoveState>]> = [
      [ev('submitted_to_wonen', '2026-06-04'), { submittedOn: '2026-06-04', status: 'submitted' }],
      [ev('wonen_decided', '2026-06-05', { approved: true, reason: 'Akkoord', newUrgency: true }), { wonen: { approved: true, on: '2026-06-05', reason: 'Akkoord', newUrgency: true } }],
      [ev('extra_evaluation_recorded', '2026-06-06'), { extraEvaluationOn: '2026-06-06', status: 'agreed' }],
      [ev('furnishing_recorded', '2026-06-07', { loanApplied: true }), { furnishing: { on: '2026-06-07', loanApplied: true } }],
      [ev('registered', '2026-06-08', { woningnetCode: 'herijking perspectief' }), { registered: { on: '2026-06-08', woningnetCode: 'herijking perspectief' }, status: 'registered' }],
      [ev('completed', '2026-06-09', { newAddress: 'Nieuwstraat 1' }), { completedOn: '2026-06-09', newAddress: 'Nieuwstraat 1', status: 'completed' }],
      [ev('introduction_meeting_held', '2026-06-20'), { introductionMeetingHeldOn: '2026-06-20' }],
    ];
    let s = prepared;
    for (const [e, change] of steps) {
      const next = applyMoveEvent(s, e);
      expect(next).toEqual({ ...s, ...change });
      s = next;
    }
    expect(s.status).toBe('completed');
  });

  it('R-MV-01: withdrawing records the date and the status; the previous state is not changed', () => {
    const s = deriveMoveState([ev('request_started', START, { kind: 'swap', currentArea: 45, targetArea: 47, similar: true })]);
    const before = structuredClone(s);
    expect(applyMoveEvent(s, ev('withdrawn', '2026-06-05'))).toEqual({ ...s, withdrawnOn: '2026-06-05', status: 'withdrawn' });
    applyMoveEvent(s, ev('facts_recorded', '2026-06-02', { bothConsent: true }));
    expect(s).toEqual(before);
  });

  it('R-MV-07: the start keeps only what fits — a swap has no reason, an unknown reason is none, bad numbers are 0', () => {
    expect(deriveMoveState([ev('request_started', START, { kind: 'swap', reason: 'NON_MEDICAL', otherTrajectoryId: 't-2' })]))
      .toEqual({ ...initialMoveState(), kind: 'swap', startedOn: START, reason: null, otherTrajectoryId: 't-2' });
    expect(deriveMoveState([ev('request_started', START, { reason: 'BOGUS', currentArea: 'x', targetArea: Number.NaN, similar: 'yes', otherTrajectoryId: 5 })]))
      .toEqual({ ...initialMoveState(), kind: 'move', startedOn: START, reason: null, currentArea: 0, targetArea: 0, similar: false, otherTrajectoryId: null });
    expect(deriveMoveState([ev('request_started', START, { kind: 'move', reason: 'HOUSEHOLD_REDUCTION' })]).reason).toBe('HOUSEHOLD_REDUCTION');
  });

  it('R-MV-16 R-MV-03 R-MV-20 R-MV-22: missing data folds to empty values, never to text like "undefined"', () => {
    const s = similarSwap({ status: 'submitted' });
    expect(applyMoveEvent(s, ev('substantiation_recorded', '2026-06-02')).substantiation).toEqual({ on: '2026-06-02', summary: '', byPractitioner: false });
    expect(applyMoveEvent(s, ev('wonen_decided', '2026-06-05')).wonen).toEqual({ approved: false, on: '2026-06-05', reason: '', newUrgency: false });
    expect(applyMoveEvent(s, ev('wonen_decided', '2026-06-05', { approved: 'true', newUrgency: 1, reason: 'Nee' })).wonen).toEqual({ approved: false, on: '2026-06-05', reason: 'Nee', newUrgency: false });
    expect(applyMoveEvent(s, ev('registered', '2026-06-08')).registered).toEqual({ on: '2026-06-08', woningnetCode: '' });
    expect(applyMoveEvent(s, ev('furnishing_recorded', '2026-06-07')).furnishing).toEqual({ on: '2026-06-07', loanApplied: false });
    expect(applyMoveEvent(s, ev('completed', '2026-06-09', { newAddress: 5 }))).toMatchObject({ completedOn: '2026-06-09', newAddress: null, status: 'completed' });
  });

  it('R-MV-01: the initial state is a preparing move with nothing recorded', () => {
    expect(initialMoveState()).toEqual({
      kind: 'move', status: 'preparing', startedOn: '', reason: null, currentArea: 0, targetArea: 0, similar: false, otherTrajectoryId: null, facts: NO_FACTS,
      substantiation: null, independentReviewOn: null, submittedOn: null, wonen: null, extraEvaluationOn: null, furnishing: null, registered: null,
      completedOn: null, newAddress: null, introductionMeetingHeldOn: null, withdrawnOn: null,
    });
    expect(deriveMoveState([])).toEqual(initialMoveState());
  });

  it('DR-MV-4: the route per kind (hand-written)', () => {
    expect(administrativeRoute('swap')).toMatchObject({ woningnetCode: 'woningruil', activeMediation: false, monitorMoveReason: 'swap', vacatedDwelling: 'other_swap_party' });
    expect(administrativeRoute('move')).toMatchObject({ woningnetCode: 'herijking perspectief', activeMediation: true, monitorMoveReason: 'perspective_reassessment', vacatedDwelling: 'back_to_corporation' });
  });
});
