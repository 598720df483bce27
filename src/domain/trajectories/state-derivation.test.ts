/** Mutation tests for the state derivation (state.ts): corrections, ordering, phases reached, Wonen answers, exits. */
import { describe, expect, it } from 'vitest';
import { deriveState, effectiveEvents, type TrajectoryEvent } from './index.ts';

let n = 0;
const ev = (type: string, occurredOn: string, data: Record<string, unknown> = {}, o: Partial<TrajectoryEvent> = {}): TrajectoryEvent =>
  ({ id: `x${++n}`, seq: n, type, occurredOn, data, recordedBy: 'u', recordedByOrganisationId: 'org', correctsEventId: null, ...o }) as TrajectoryEvent;

describe('state derivation', () => {
  it('an empty trajectory starts with nothing set', () => {
    const s = deriveState([]);
    expect([s.enteredViaOtherRoute, s.multiProblemFamily, s.consentActive, s.lastingIntermediateLease]).toEqual([false, false, false, false]);
    expect([s.wonenSubmissions, s.deviations, s.timeOuts, s.offers, s.goals, s.evaluations, s.fibuEvaluations, s.woningnetRenewals, s.inactiveEventIds]).toEqual([[], [], [], [], [], [], [], [], []]);
    expect([s.contractType, s.lightSupport, s.wonenReturned]).toEqual([null, null, null]);
  });

  it('R-OR-05 corrections: two corrections of one event apply in recording order, whatever the order given', () => {
    const target = ev('decision_issued', '2026-01-12', {}, { id: 't', seq: 1 });
    const c1 = ev('event_corrected', '2026-01-13', { occurredOn: '2026-01-14' }, { id: 'c1', seq: 2, correctsEventId: 't' });
    const c2 = ev('event_corrected', '2026-01-15', { occurredOn: '2026-01-16' }, { id: 'c2', seq: 3, correctsEventId: 't' });
    const r = effectiveEvents([c2, target, c1]);
    expect(r.events.map((e) => [e.id, e.type, e.occurredOn])).toEqual([['c2', 'decision_issued', '2026-01-16']]);
    expect(r.inactive).toEqual(['t']);
  });

  it('corrections and voids themselves never count as events, also when their target is unknown', () => {
    const orphan = ev('event_corrected', '2026-01-13', { occurredOn: '2026-01-14' }, { correctsEventId: 'nope' });
    const voidOrphan = ev('event_voided', '2026-01-13', {}, { correctsEventId: 'nope' });
    const start = ev('trajectory_started', '2026-01-05');
    expect(effectiveEvents([start, orphan, voidOrphan]).events.map((e) => e.type)).toEqual(['trajectory_started']);
  });

  it('events count in date order, and on one date in recording order', () => {
    const a = ev('x', '2026-02-01', {}, { id: 'a', seq: 1 });
    const b = ev('x', '2026-01-01', {}, { id: 'b', seq: 2 });
    const c = ev('x', '2026-01-01', {}, { id: 'c', seq: 3 });
    const d = ev('x', '2026-01-15', {}, { id: 'd', seq: 4 });
    const e = ev('x', '2026-03-01', {}, { id: 'e', seq: 5 });
    expect(effectiveEvents([e, a, c, d, b]).events.map((x) => x.id)).toEqual(['b', 'c', 'd', 'a', 'e']);
    expect(effectiveEvents([a, b, c, d, e]).events.map((x) => x.id)).toEqual(['b', 'c', 'd', 'a', 'e']);
  });

  it('phases reached are listed once each, in route order, also when a step comes out of order', () => {
    const s = deriveState([
      ev('trajectory_started', '2026-01-05', { variant: 'regular' }),
      ev('introduction_meeting_held', '2026-05-20', { evaluationIntervalMonths: 12 }),
      ev('housing_evaluation_held', '2026-06-01', { outcome: 'continue' }),
      ev('support_plan_completed', '2026-06-10'),
      ev('support_plan_completed', '2026-06-11'),
      ev('transfer_decision_joint', '2027-05-03', { noUnacceptableRisks: true }),
      ev('independent_review', '2027-05-20', { verdict: 'rejected' }),
    ]);
    expect(s.reached).toEqual(['P0_consent', 'P5_introduction', 'P6_support_plan', 'P7_living', 'P8_transfer']);
    expect(s.phase).toBe('P7_living');
    expect(s.supportPlanOn).toBe('2026-06-10');
  });

  it('variant defaults to regular; a continue evaluation leaves the lasting lease off, a later one does not undo it', () => {
    expect(deriveState([ev('trajectory_started', '2026-01-05')]).variant).toBe('regular');
    expect(deriveState([ev('housing_evaluation_held', '2026-06-01', { outcome: 'continue' })]).lastingIntermediateLease).toBe(false);
    expect(deriveState([
      ev('housing_evaluation_held', '2026-06-01', { outcome: 'lasting_intermediate_lease' }),
      ev('housing_evaluation_held', '2026-12-01', { outcome: 'continue' }),
    ]).lastingIntermediateLease).toBe(true);
  });

  it('nomination filled and supplement signed are recorded with their dates', () => {
    const s = deriveState([ev('nomination_filled', '2027-05-10'), ev('supplement_signed', '2026-06-01')]);
    expect([s.nominationFilledOn, s.supplementSignedOn]).toEqual(['2027-05-10', '2026-06-01']);
  });

  it('D-13: a submission keeps Wonen’s first answer; a later confirmation or return does not overwrite it', () => {
    const confirmedTwice = deriveState([ev('nomination_sent_to_wonen', '2027-06-01'), ev('wonen_confirmed', '2027-06-03'), ev('wonen_confirmed', '2027-06-10'), ev('wonen_returned', '2027-06-11', { motivation: 'm' })]);
    expect(confirmedTwice.wonenSubmissions).toEqual([{ sentOn: '2027-06-01', confirmedOn: '2027-06-03', returnedOn: null }]);
    const returnedThenConfirmed = deriveState([ev('nomination_sent_to_wonen', '2027-06-01'), ev('wonen_returned', '2027-06-04', { motivation: 'm' }), ev('wonen_returned', '2027-06-05', { motivation: 'm' }), ev('wonen_confirmed', '2027-06-08')]);
    expect(returnedThenConfirmed.wonenSubmissions).toEqual([{ sentOn: '2027-06-01', confirmedOn: null, returnedOn: '2027-06-04' }]);
  });

  it('D-OV-09: a time-out keeps its first end date', () => {
    const s = deriveState([ev('time_out_started', '2027-01-04'), ev('time_out_ended', '2027-01-10'), ev('time_out_ended', '2027-01-20')]);
    expect(s.timeOuts).toEqual([{ startedOn: '2027-01-04', endedOn: '2027-01-10' }]);
  });

  it('side exits: X4 re-placement, X5 eviction and other endings close on their date; X6 continues in the new dwelling', () => {
    const exit = (type: string) => { const s = deriveState([ev(type, '2027-03-01')]); return [s.status, s.exit, s.closedOn]; };
    expect(exit('re_placement')).toEqual(['closed', 'X4_re_placement', '2027-03-01']);
    expect(exit('eviction_path_started')).toEqual(['closed', 'X5_eviction', '2027-03-01']);
    expect(exit('trajectory_ended')).toEqual(['closed', 'ended_other', '2027-03-01']);
    const moved = deriveState([ev('swap_or_move', '2027-03-01', { newAddress: 'Beukenlaan 3' })]);
    expect([moved.status, moved.dwellingAddress]).toEqual(['active', 'Beukenlaan 3']);
  });
});
