/**
 * deriveDeadlines: which deadline instances a route produces (keys, start, met date, how they
 * ended). Each expectation is worked out by hand from omslagroute.md §7 (D-…).
 */
import { describe, expect, it } from 'vitest';
import { OFFER, Walk, corp, fullRouteToWonen, toKeyHandover, toMatching, wonen } from '../../../test/support/trajectory-walk.ts';

const pick = (w: Walk, prefix: string, extra = {}) =>
  w.deadlines(extra).filter((d) => d.key === prefix || d.key.startsWith(`${prefix}#`)).map((d) => ({ key: d.key, start: d.start, metOn: d.metOn, closedAs: d.closedAs, note: d.note }));

describe('D-01 and the offer deadlines', () => {
  it('D-01: counts from the later of decision and urgency, also when the decision comes last', () => {
    const w = new Walk();
    w.rec('trajectory_started', '2026-01-05', { variant: 'regular' });
    w.rec('consent_given', '2026-01-05', { consentId: 'c1' });
    w.rec('housing_needs_recorded', '2026-01-06', { preferredNeighbourhoods: [], excludedNeighbourhoods: [], circumstances: 'x', schoolProximity: '' });
    w.rec('referral_analysis_recorded', '2026-01-07', { c1PaysRent: true, c2GoodNeighbour: true, c3AcceptsSupport: true, c4GoalsMatchLifeDomains: true, c5ChildrenEnvironment: null, nuisanceRisk: 'Laag' });
    w.rec('goals_set', '2026-01-07', { goals: [{ id: 'g1', domain: 'daytime_activities', text: 'x', linkedToUrgency: true }, { id: 'g2', domain: 'social_functioning', text: 'x', linkedToUrgency: true }, { id: 'g3', domain: 'psychological_functioning', text: 'x', linkedToUrgency: true }, { id: 'g4', domain: 'financial_functioning', text: 'x', linkedToUrgency: true }] });
    w.rec('referral_submitted', '2026-01-08');
    w.rec('urgency_granted', '2026-01-12', { conditional: true }, wonen);
    w.rec('decision_issued', '2026-01-19');
    expect(pick(w, 'D-01')).toEqual([{ key: 'D-01', start: '2026-01-19', metOn: null, closedAs: null, note: null }]);
    // decision first, urgency later
    expect(pick(toMatching(), 'D-01')[0]!.start).toBe('2026-01-19');
  });

  it('D-02, D-03, D-05: one per offer, keyed by the offer event; D-03 only when a viewing is asked', () => {
    const w = toMatching();
    const offer = w.rec('offer_received', '2026-03-30', OFFER, corp);
    w.rec('offer_replied', '2026-03-31', { reply: 'accept' });
    expect(pick(w, 'D-02')).toEqual([{ key: `D-02#${offer.id}`, start: '2026-03-30', metOn: '2026-03-31', closedAs: null, note: null }]);
    expect(pick(w, 'D-03')).toEqual([]);
    expect(pick(w, 'D-04')).toEqual([]);
    expect(pick(w, 'D-05')).toEqual([{ key: `D-05#${offer.id}`, start: '2026-04-02', metOn: null, closedAs: null, note: null }]);
    const v = toMatching();
    const o2 = v.rec('offer_received', '2026-03-30', OFFER, corp);
    v.rec('offer_replied', '2026-03-31', { reply: 'request_viewing' });
    expect(pick(v, 'D-03')).toEqual([{ key: `D-03#${o2.id}`, start: '2026-04-02', metOn: null, closedAs: null, note: null }]);
  });

  it('D-04: after a viewing; cancelled as accepted once the client is informed, met when refused with reasons', () => {
    const w = toMatching();
    const o = w.rec('offer_received', '2026-03-30', OFFER, corp);
    w.rec('offer_replied', '2026-03-31', { reply: 'request_viewing' });
    w.rec('viewing_held', '2026-04-07');
    expect(pick(w, 'D-03')).toEqual([{ key: `D-03#${o.id}`, start: '2026-04-02', metOn: '2026-04-07', closedAs: null, note: null }]);
    expect(pick(w, 'D-04')).toEqual([{ key: `D-04#${o.id}`, start: '2026-04-07', metOn: null, closedAs: null, note: null }]);
    const acc = toMatching();
    const a = acc.rec('offer_received', '2026-03-30', OFFER, corp);
    acc.rec('viewing_held', '2026-04-07');
    acc.rec('client_informed', '2026-04-08', { choicesDiscussed: true });
    expect(pick(acc, 'D-04')).toEqual([{ key: `D-04#${a.id}`, start: '2026-04-07', metOn: null, closedAs: 'cancelled', note: 'accepted' }]);
    const ref = toMatching();
    const r = ref.rec('offer_received', '2026-03-30', OFFER, corp);
    ref.rec('viewing_held', '2026-04-07');
    ref.rec('offer_refused', '2026-04-08', { reasons: 'Te ver' });
    expect(pick(ref, 'D-04')).toEqual([{ key: `D-04#${r.id}`, start: '2026-04-07', metOn: '2026-04-08', closedAs: null, note: null }]);
    // refused without informing the client: D-05 no longer applies
    expect(pick(ref, 'D-05')).toEqual([{ key: `D-05#${r.id}`, start: '2026-04-02', metOn: null, closedAs: 'cancelled', note: null }]);
  });
});

describe('after the keys', () => {
  it('D-08: a documented D-08 deviation waives an open introduction deadline, with its date and reason', () => {
    const w = toKeyHandover();
    expect(pick(w, 'D-08')).toEqual([{ key: 'D-08', start: '2026-04-16', metOn: null, closedAs: null, note: null }]);
    w.rec('deviation_recorded', '2026-06-01', { item: 'D-08', reason: 'Opname', agreedBy: ['care_provider', 'corporation'] });
    const d = w.deadline('D-08');
    expect({ closedAs: d.closedAs, closedOn: d.closedOn, note: d.note }).toEqual({ closedAs: 'waived', closedOn: '2026-06-01', note: 'Opname' });
  });

  it('D-10 / AMB-OR-04: an evaluation on the day of the introduction meeting meets the first evaluation', () => {
    const w = toKeyHandover();
    w.rec('introduction_meeting_held', '2026-05-20', { atDwelling: true, evaluationIntervalMonths: 12 });
    w.rec('housing_evaluation_held', '2026-05-20', { outcome: 'continue', pointsForProgress: 'x', consentChecked: true, preConsultationHeld: true, atDwelling: true });
    expect(pick(w, 'EVAL')).toEqual([
      { key: 'EVAL#1', start: '2026-05-20', metOn: '2026-05-20', closedAs: null, note: null },
      { key: 'EVAL#2', start: '2026-05-20', metOn: null, closedAs: null, note: null },
    ]);
  });

  it('D-10: an agreed interval shorter than a year is used and noted; a year is the cap', () => {
    const w = toKeyHandover();
    w.rec('introduction_meeting_held', '2026-05-20', { atDwelling: true, evaluationIntervalMonths: 3 });
    expect(w.deadline('EVAL#1')).toMatchObject({ ruleId: 'D-10', note: 'agreed_interval_3' });
    expect(w.deadline('EVAL#1').computed.amount).toBe(3);
    const y = toKeyHandover();
    y.rec('introduction_meeting_held', '2026-05-20', { atDwelling: true, evaluationIntervalMonths: 12 });
    expect(y.deadline('EVAL#1')).toMatchObject({ ruleId: 'D-10', note: null });
    expect(y.deadline('EVAL#1').computed.amount).toBe(12);
  });

  it('D-11: the age counts the birthday month: 18 when the birth month is before the due month, 17 when after (due 20 Nov 2026)', () => {
    const w = toKeyHandover();
    w.rec('introduction_meeting_held', '2026-05-20', { atDwelling: true, evaluationIntervalMonths: 12 });
    const rule = (birthDate: string) => w.deadline('EVAL#1', { birthDate }).ruleId;
    expect(rule('2008-10-30')).toBe('D-11');
    expect(rule('2008-12-01')).toBe('D-10');
    expect(rule('1998-10-30')).toBe('D-10'); // 28
    expect(rule('1998-12-01')).toBe('D-11'); // still 27
  });

  it('D-13: the first submission to Wonen is keyed D-13; a return within the limit meets it and is noted', () => {
    const w = fullRouteToWonen();
    w.rec('wonen_returned', '2027-06-03', { reasonCodes: ['docs'], motivation: 'Stukken ontbreken' }, wonen);
    expect(pick(w, 'D-13')).toEqual([{ key: 'D-13', start: '2027-06-01', metOn: '2027-06-03', closedAs: null, note: 'returned' }]);
  });
});
