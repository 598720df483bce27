/**
 * The eight-step procedure of a swap or move (R-MV-15 … R-MV-23) as the 'move' case's transition
 * table, its deadlines (D-MV-02 applying D-07 and D-08) and the property-style invariants of
 * DR-MV-1 and DR-MV-3 (fast-check).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ATW_CALENDAR } from '../calendar/index.ts';
import {
  applyMoveEvent, caseDecision, checkMoveEvent, deriveMoveState, moveDeadlines, moveTarget, swapDecision, type MoveActor, type MoveEventInput, type MoveState,
} from './moves.ts';

const CARE: MoveActor = { kinds: ['care_provider'], role: 'care_worker' };
const REVIEWER: MoveActor = { kinds: ['care_provider'], role: 'independent_reviewer' };
const CORP: MoveActor = { kinds: ['corporation'], role: 'corporation_contact' };
const WONEN: MoveActor = { kinds: ['wonen'], role: 'wonen_officer' };
const TODAY = '2026-06-30';

const ALL_AGREE = { bothConsent: true, bothSuitable: true, corporationAgrees: true };

class Case {
  events: MoveEventInput[] = [];
  get state(): MoveState { return deriveMoveState(this.events); }
  try(type: MoveEventInput['type'], occurredOn: string, data: Record<string, unknown> = {}, actor: MoveActor = CARE) {
    return checkMoveEvent(this.state, { type, occurredOn, data }, actor, TODAY);
  }
  rec(type: MoveEventInput['type'], occurredOn: string, data: Record<string, unknown> = {}, actor: MoveActor = CARE) {
    const v = this.try(type, occurredOn, data, actor);
    if (v.length) throw new Error(`${type}: ${v.map((x) => `${x.code} (${x.rule})`).join(', ')}`);
    this.events.push({ type, occurredOn, data });
    return this;
  }
}

function swap(currentArea: number, targetArea: number, similar: boolean, facts: Record<string, boolean> = ALL_AGREE) {
  const c = new Case();
  c.events.push({ type: 'request_started', occurredOn: '2026-06-01', data: { kind: 'swap', currentArea, targetArea, similar, facts } });
  return c;
}

function move(reason: string, currentArea: number, targetArea: number, similar: boolean, facts: Record<string, boolean>) {
  const c = new Case();
  c.events.push({ type: 'request_started', occurredOn: '2026-06-01', data: { kind: 'move', reason, currentArea, targetArea, similar, facts } });
  return c;
}

const prepared = (c: Case) => c.rec('substantiation_recorded', '2026-06-02', { summary: 'Begeleiding in deze woning lukt niet: trap.' }).rec('independent_review_done', '2026-06-03', {}, REVIEWER);
const codes = (v: ReadonlyArray<{ code: string; rule: string | null }>) => v.map((x) => [x.code, x.rule]);

describe('the procedure R-MV-15 … R-MV-22', () => {
  it('R-MV-15 … R-MV-23: a similar swap goes through every step to the introduction meeting', () => {
    const c = prepared(swap(45, 47, true));
    c.rec('submitted_to_wonen', '2026-06-04')
      .rec('extra_evaluation_recorded', '2026-06-05', {}, CORP)
      .rec('furnishing_recorded', '2026-06-06', { loanApplied: true })
      .rec('registered', '2026-06-07', { woningnetCode: 'woningruil' }, CORP)
      .rec('completed', '2026-06-10', { newAddress: 'Ruilstraat 2, Veenhaven' })
      .rec('introduction_meeting_held', '2026-06-20');
    expect([c.state.status, c.state.newAddress, c.state.introductionMeetingHeldOn]).toEqual(['completed', 'Ruilstraat 2, Veenhaven', '2026-06-20']);
  });

  it('R-MV-17 AMB-MV-05 DR-MV-4 Ex 6: completing (or submitting) without the independent review is refused', () => {
    const c = swap(45, 47, true).rec('substantiation_recorded', '2026-06-02', { summary: 'Onderbouwing' });
    expect(codes(c.try('submitted_to_wonen', '2026-06-04'))).toContainEqual(['independent_review_missing', 'R-MV-17']);
    const v = c.try('completed', '2026-06-10', { newAddress: 'X 1' });
    expect(codes(v)[0]).toEqual(['independent_review_missing', 'R-MV-17']);
    expect(v[0]!.nl).toMatch(/^Nog niet mogelijk: /);
    expect(v[0]!.en).toMatch(/^Not possible yet: /);
  });

  it('R-MV-18 DR-MV-4 Ex 7: without the extra housing evaluation registering and completing are refused', () => {
    const c = prepared(swap(45, 47, true)).rec('submitted_to_wonen', '2026-06-04');
    expect(codes(c.try('registered', '2026-06-07', { woningnetCode: 'woningruil' }, CORP))).toEqual([['extra_evaluation_missing', 'R-MV-18']]);
    expect(codes(c.try('completed', '2026-06-10', { newAddress: 'X 1' }))).toEqual([['extra_evaluation_missing', 'R-MV-18'], ['not_registered', 'R-MV-20']]);
  });

  it('R-MV-16: the review needs the substantiation first, and the substantiation needs its text', () => {
    const c = swap(45, 47, true);
    expect(codes(c.try('independent_review_done', '2026-06-03', {}, REVIEWER))).toEqual([['substantiation_missing', 'R-MV-16']]);
    expect(codes(c.try('substantiation_recorded', '2026-06-02', { summary: '  ' }))).toEqual([['summary_missing', 'R-MV-16']]);
  });

  it('R-MV-17: only the independent reviewer reviews (403); a care worker or the corporation may not', () => {
    const c = swap(45, 47, true).rec('substantiation_recorded', '2026-06-02', { summary: 'Onderbouwing' });
    for (const who of [CARE, CORP, WONEN]) expect(c.try('independent_review_done', '2026-06-03', {}, who)[0]).toMatchObject({ code: 'actor_not_allowed', forbidden: true });
  });

  it('R-MV-03 R-MV-05: a swap to a dwelling above 60 m² without Wonen approval cannot be agreed or completed; with approval it can', () => {
    const c = prepared(swap(50, 70, false)).rec('submitted_to_wonen', '2026-06-04');
    expect(codes(c.try('extra_evaluation_recorded', '2026-06-05'))).toEqual([['wonen_approval_missing', 'R-MV-03']]);
    expect(codes(c.try('completed', '2026-06-10', { newAddress: 'X 1' }))[0]).toEqual(['wonen_approval_missing', 'R-MV-03']);
    c.rec('wonen_decided', '2026-06-05', { approved: true, reason: 'Huishouden B past in 70 m².' }, WONEN);
    expect(c.try('extra_evaluation_recorded', '2026-06-06')).toEqual([]);
  });

  it('R-MV-03: Wonen refuses the unequal swap → it cannot go ahead', () => {
    const c = prepared(swap(50, 70, false)).rec('submitted_to_wonen', '2026-06-04').rec('wonen_decided', '2026-06-05', { approved: false, reason: 'Te groot.' }, WONEN);
    expect(caseDecision(c.state).outcome).toBe('NOT_PERMITTED');
    expect(codes(c.try('extra_evaluation_recorded', '2026-06-06'))).toEqual([['swap_not_permitted', 'R-MV-03']]);
  });

  it('R-MV-05 AMB-MV-04: Wonen decides only where approval is needed (a similar swap is information); only Wonen decides (403)', () => {
    const c = prepared(swap(45, 47, true)).rec('submitted_to_wonen', '2026-06-04');
    expect(codes(c.try('wonen_decided', '2026-06-05', { approved: true, reason: 'Prima' }, WONEN))).toEqual([['approval_not_needed', 'R-MV-05']]);
    const u = prepared(swap(50, 70, false)).rec('submitted_to_wonen', '2026-06-04');
    expect(u.try('wonen_decided', '2026-06-05', { approved: true, reason: 'Prima' }, CORP)[0]).toMatchObject({ code: 'actor_not_allowed', forbidden: true });
  });

  it('R-MV-08: a medical move to a ground floor without the GGD advice cannot be submitted (NOT_YET); with it, it can', () => {
    const facts = { seriouslyHampersTrajectory: true, careProviderAgrees: true, corporationAgrees: true };
    const c = prepared(move('MEDICAL_GROUND_FLOOR_OR_LIFT', 65, 58, false, facts));
    expect(caseDecision(c.state).outcome).toBe('NOT_YET');
    expect(codes(c.try('submitted_to_wonen', '2026-06-04'))).toEqual([['move_not_yet', 'R-MV-08']]);
    c.rec('facts_recorded', '2026-06-04', { ggdDoctorAdvice: true });
    expect(c.try('submitted_to_wonen', '2026-06-04')).toEqual([]);
  });

  it('R-MV-13: a move from 50 to 70 m² waits for Wonen (DR-MV-3 row 1)', () => {
    const c = prepared(move('NON_MEDICAL', 50, 70, false, { seriouslyHampersTrajectory: true, careProviderAgrees: true, corporationAgrees: true })).rec('submitted_to_wonen', '2026-06-04');
    expect(caseDecision(c.state).outcome).toBe('PENDING_WONEN');
    expect(codes(c.try('extra_evaluation_recorded', '2026-06-05'))).toEqual([['wonen_approval_missing', 'R-MV-13']]);
    c.rec('wonen_decided', '2026-06-05', { approved: true, reason: 'Passend' }, WONEN);
    expect(caseDecision(c.state).outcome).toBe('PERMITTED');
  });

  it('R-MV-12: household expansion is submitted to Wonen, which may allow it only with a new urgency', () => {
    const c = prepared(move('HOUSEHOLD_EXPANSION', 50, 45, false, { seriouslyHampersTrajectory: true, careProviderAgrees: true, corporationAgrees: true }));
    expect(caseDecision(c.state).outcome).toBe('PENDING_WONEN');
    c.rec('submitted_to_wonen', '2026-06-04');
    expect(codes(c.try('wonen_decided', '2026-06-05', { approved: true, reason: 'Zwaarwegend' }, WONEN))).toEqual([['new_urgency_missing', 'R-MV-12']]);
    c.rec('wonen_decided', '2026-06-05', { approved: true, reason: 'Zwaarwegend', newUrgency: true }, WONEN);
    expect(caseDecision(c.state).outcome).toBe('PERMITTED');
  });

  it('R-MV-11 R-MA-39: a noise move is refused at the submission (nothing Wonen can change)', () => {
    const c = prepared(move('NOISE_OR_QUALITY', 50, 45, false, { seriouslyHampersTrajectory: true, careProviderAgrees: true, corporationAgrees: true }));
    expect(codes(c.try('submitted_to_wonen', '2026-06-04'))).toEqual([['move_not_permitted', 'R-MV-11']]);
  });

  it('R-MV-02 R-MV-11: the corporation states its own facts, the care provider the rest (403 otherwise)', () => {
    const c = swap(45, 47, true, {});
    expect(c.try('facts_recorded', '2026-06-02', { corporationAgrees: true })[0]).toMatchObject({ code: 'fact_of_other_party', rule: 'R-MV-02', forbidden: true });
    expect(c.try('facts_recorded', '2026-06-02', { corporationAgrees: true }, CORP)).toEqual([]);
    expect(c.try('facts_recorded', '2026-06-02', { bothConsent: true }, CORP)[0]).toMatchObject({ forbidden: true, rule: 'R-MV-07' });
    expect(codes(c.try('facts_recorded', '2026-06-02', { colour: true }))).toEqual([['unknown_fact', null]]);
  });

  it('R-MV-19 DR-MV-4 Ex 5: a furnishing grant is refused; a loan is recorded', () => {
    const c = prepared(swap(45, 47, true)).rec('submitted_to_wonen', '2026-06-04').rec('extra_evaluation_recorded', '2026-06-05');
    const v = c.try('furnishing_recorded', '2026-06-06', { grant: true, loanApplied: false });
    expect(codes(v)).toEqual([['no_furnishing_grant', 'R-MV-19']]);
    expect(v[0]!.nl).toMatch(/lening/);
    expect(c.try('furnishing_recorded', '2026-06-06', { loanApplied: true })).toEqual([]);
  });

  it('R-MV-20 R-MV-21: WoningNet code per kind ("woningruil" for a swap, "herijking perspectief" for a move)', () => {
    const s = prepared(swap(45, 47, true)).rec('submitted_to_wonen', '2026-06-04').rec('extra_evaluation_recorded', '2026-06-05');
    expect(codes(s.try('registered', '2026-06-07', { woningnetCode: 'herijking perspectief' }))).toEqual([['woningnet_code', 'R-MV-20']]);
    const m = prepared(move('NON_MEDICAL', 65, 58, false, { seriouslyHampersTrajectory: true, careProviderAgrees: true, corporationAgrees: true }))
      .rec('submitted_to_wonen', '2026-06-04').rec('extra_evaluation_recorded', '2026-06-05');
    expect(codes(m.try('registered', '2026-06-07', { woningnetCode: 'woningruil' }))).toEqual([['woningnet_code', 'R-MV-21']]);
    expect(m.try('registered', '2026-06-07', { woningnetCode: 'herijking perspectief' })).toEqual([]);
  });

  it('R-MV-23: the introduction meeting follows the completion, once', () => {
    const c = prepared(swap(45, 47, true));
    expect(codes(c.try('introduction_meeting_held', '2026-06-05'))).toEqual([['not_completed', 'R-MV-23']]);
  });

  it('a date in the future or before the request is refused; a withdrawn request takes no more steps', () => {
    const c = swap(45, 47, true);
    expect(codes(c.try('substantiation_recorded', '2026-07-01', { summary: 'x' }))).toEqual([['date_in_future', null]]);
    expect(codes(c.try('substantiation_recorded', '2026-05-01', { summary: 'x' }))).toEqual([['date_before_start', null]]);
    c.rec('withdrawn', '2026-06-02');
    expect(codes(c.try('substantiation_recorded', '2026-06-03', { summary: 'x' }))).toEqual([['withdrawn', null]]);
  });
});

describe('D-MV-02 / D-MV-01 — deadlines', () => {
  it('D-MV-02 D-07 D-08: from the completion, schedule within 6 weeks and hold within 3 months; the meeting held meets both', () => {
    const c = prepared(swap(45, 47, true)).rec('submitted_to_wonen', '2026-06-04').rec('extra_evaluation_recorded', '2026-06-05')
      .rec('registered', '2026-06-07', { woningnetCode: 'woningruil' }).rec('completed', '2026-06-10', { newAddress: 'X 1' });
    const ds = moveDeadlines(c.state, ATW_CALENDAR);
    expect(ds.map((d) => [d.key, d.ruleId, d.start, d.due, d.metOn])).toEqual([
      ['D-MV-02#D-07', 'D-07', '2026-06-10', '2026-07-22', null],
      ['D-MV-02#D-08', 'D-08', '2026-06-10', '2026-09-10', null],
    ]);
    c.rec('introduction_meeting_held', '2026-06-20');
    expect(moveDeadlines(c.state, ATW_CALENDAR).map((d) => d.metOn)).toEqual(['2026-06-20', '2026-06-20']);
  });
  it('D-MV-02: no deadline before the completion', () => {
    expect(moveDeadlines(prepared(swap(45, 47, true)).state, ATW_CALENDAR)).toEqual([]);
  });
  it('D-MV-01: "as soon as possible" is a SHOULD without a date — a signal while the request is open, gone when done', () => {
    const c = swap(45, 47, true);
    expect(caseDecision(c.state).signals.map((x) => [x.rule, x.nature])).toEqual([['D-MV-01', 'SHOULD']]);
    const done = applyMoveEvent(c.state, { type: 'withdrawn', occurredOn: '2026-06-02', data: {} });
    expect(caseDecision(done).signals).toEqual([]);
  });
});

describe('invariants (fast-check)', () => {
  const area = fc.integer({ min: 150, max: 2000 }).map((x) => x / 10); // 15.0 … 200.0 m², 0.1 steps
  it('R-MV-13 AMB-MV-02: any target ≤ 60 from a current ≥ 61 is ALLOWED', () => {
    fc.assert(fc.property(fc.integer({ min: 610, max: 2000 }).map((x) => x / 10), fc.integer({ min: 150, max: 600 }).map((x) => x / 10), fc.boolean(), (current, target, similar) => {
      expect(moveTarget(current, target, similar).outcome).toBe('ALLOWED');
    }));
  });
  it('R-MV-13 R-MA-40: any target larger than a current of at most 60 needs Wonen’s approval, similar or not', () => {
    fc.assert(fc.property(fc.integer({ min: 150, max: 600 }).map((x) => x / 10), area, fc.boolean(), (current, target, similar) => {
      fc.pre(target > current);
      expect(moveTarget(current, target, similar).outcome).toBe('WONEN_APPROVAL_REQUIRED');
    }));
  });
  it('R-MV-13: Wonen decides exactly when the outcome is not ALLOWED', () => {
    fc.assert(fc.property(area, area, fc.boolean(), (current, target, similar) => {
      const d = moveTarget(current, target, similar);
      expect(d.wonenDecisionRequired).toBe(d.outcome !== 'ALLOWED');
    }));
  });
  it('R-MV-03 R-MV-05: a swap needs Wonen’s approval exactly when it is unequal and one dwelling is above 60 m²; Wonen is always informed', () => {
    fc.assert(fc.property(area, area, fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean(), fc.constantFrom(true, false, null), (a, b, similar, consent, suitable, corp, approval) => {
      const d = swapDecision({ bothConsent: consent, bothSuitable: suitable, corporationAgrees: corp, nuisanceOnEither: false, similar, areaA: a, areaB: b, wonenApproval: approval });
      expect(d.approvalRequired).toBe(!similar && Math.max(a, b) > 60);
      expect(d.informWonen).toBe(true);
      // Without consent, suitability and the corporation's agreement a swap is never permitted.
      if (!consent || !suitable || !corp) expect(d.outcome).toBe('NOT_PERMITTED');
      // PERMITTED with approval required only after Wonen approved.
      if (d.outcome === 'PERMITTED' && d.approvalRequired) expect(approval).toBe(true);
    }));
  });
  it('D-MV-01 DR-MV-1 Ex 9: an approaching transfer never changes the swap decision', () => {
    fc.assert(fc.property(area, area, fc.boolean(), (a, b, similar) => {
      const i = { bothConsent: true, bothSuitable: true, corporationAgrees: true, nuisanceOnEither: false, similar, areaA: a, areaB: b, wonenApproval: null };
      expect(swapDecision({ ...i, transferApproaching: true })).toEqual(swapDecision(i));
    }));
  });
});

describe('who is served the move', () => {
  it('R-MV-15: Wonen is served a move once it is submitted; the care provider and corporation from the start', async () => {
    const { mayServe } = await import('./moves.ts');
    expect([mayServe('case_wonen', { submittedOn: null }), mayServe('case_wonen', { submittedOn: '2026-06-04' })]).toEqual([false, true]);
    expect([mayServe('case_corporation', { submittedOn: null }), mayServe('case_team', { submittedOn: null })]).toEqual([true, true]);
  });
});

describe('the start of a request', () => {
  it('R-MV-07: a move names its reason; a swap has none and only a swap has another party; a case starts once', () => {
    const fresh = deriveMoveState([]);
    expect(checkMoveEvent(fresh, { type: 'request_started', occurredOn: '2026-06-01', data: { kind: 'move', currentArea: 50, targetArea: 45, similar: false } }, CARE, TODAY).map((x) => [x.code, x.rule])).toEqual([['reason_missing', 'R-MV-07']]);
    expect(checkMoveEvent(fresh, { type: 'request_started', occurredOn: '2026-06-01', data: { kind: 'swap', reason: 'NON_MEDICAL', currentArea: 50, targetArea: 45, similar: false } }, CARE, TODAY).map((x) => x.code)).toEqual(['reason_for_swap']);
    expect(checkMoveEvent(fresh, { type: 'request_started', occurredOn: '2026-06-01', data: { kind: 'move', reason: 'NON_MEDICAL', otherTrajectoryId: 'x', currentArea: 50, targetArea: 45, similar: false } }, CARE, TODAY).map((x) => x.code)).toEqual(['other_party_for_move']);
    expect(checkMoveEvent(fresh, { type: 'request_started', occurredOn: '2026-06-01', data: { kind: 'swap', currentArea: 50, targetArea: 45, similar: false } }, CARE, TODAY)).toEqual([]);
    expect(checkMoveEvent(swap(45, 47, true).state, { type: 'request_started', occurredOn: '2026-06-01', data: { kind: 'swap' } }, CARE, TODAY).map((x) => x.code)).toEqual(['already_started']);
    expect(checkMoveEvent(fresh, { type: 'request_started', occurredOn: '2026-06-01', data: { kind: 'swap' } }, CORP, TODAY)[0]).toMatchObject({ code: 'actor_not_allowed', forbidden: true });
  });
});
