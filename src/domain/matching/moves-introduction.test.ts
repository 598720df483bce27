/** R-MV-23 / D-MV-02: the introduction meeting after a swap or move is held once; its date is when D-07/D-08 were met. */
import { describe, expect, it } from 'vitest';
import { checkMoveEvent, deriveMoveState, type MoveActor, type MoveEventInput } from './moves.ts';

const CARE: MoveActor = { kinds: ['care_provider'], role: 'care_worker' };
const REVIEWER: MoveActor = { kinds: ['care_provider'], role: 'independent_reviewer' };
const CORP: MoveActor = { kinds: ['corporation'], role: 'corporation_contact' };
const steps: Array<[MoveEventInput, MoveActor]> = [
  [{ type: 'request_started', occurredOn: '2026-06-01', data: { kind: 'swap', currentArea: 45, targetArea: 47, similar: true, facts: { bothConsent: true, bothSuitable: true, corporationAgrees: true } } }, CARE],
  [{ type: 'substantiation_recorded', occurredOn: '2026-06-02', data: { summary: 'Begeleiding in deze woning lukt niet: trap.' } }, CARE],
  [{ type: 'independent_review_done', occurredOn: '2026-06-03', data: {} }, REVIEWER],
  [{ type: 'submitted_to_wonen', occurredOn: '2026-06-04', data: {} }, CARE],
  [{ type: 'extra_evaluation_recorded', occurredOn: '2026-06-05', data: {} }, CORP],
  [{ type: 'furnishing_recorded', occurredOn: '2026-06-06', data: { loanApplied: true } }, CARE],
  [{ type: 'registered', occurredOn: '2026-06-07', data: { woningnetCode: 'woningruil' } }, CORP],
  [{ type: 'completed', occurredOn: '2026-06-10', data: { newAddress: 'Ruilstraat 2, Veenhaven' } }, CARE],
];

describe('the introduction meeting after a swap or move', () => {
  it('R-MV-23 / D-MV-02: once held it cannot be recorded again (the date its deadlines were met on stays)', () => {
    const events: MoveEventInput[] = [];
    for (const [e, actor] of steps) {
      expect(checkMoveEvent(deriveMoveState(events), e, actor, '2026-06-30'), e.type).toEqual([]);
      events.push(e);
    }
    const meeting: MoveEventInput = { type: 'introduction_meeting_held', occurredOn: '2026-06-20', data: {} };
    expect(checkMoveEvent(deriveMoveState(events), meeting, CARE, '2026-06-30')).toEqual([]);
    events.push(meeting);
    const again = checkMoveEvent(deriveMoveState(events), { ...meeting, occurredOn: '2026-06-25' }, CARE, '2026-06-30');
    expect(again.map((v) => [v.code, v.rule])).toEqual([['already_held', 'R-MV-23']]);
    expect(deriveMoveState(events).introductionMeetingHeldOn).toBe('2026-06-20');
  });
});
