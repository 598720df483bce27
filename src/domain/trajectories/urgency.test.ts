/**
 * Wonen's urgency decision (P2.2) and its proposed term D-WON-1 (docs/adr/0010-urgency-decision-term.md): refusal with reasons,
 * asking for information, the answer, and how each starts, ends or restarts the decision period.
 * Every due date is worked out by hand on the Atw calendar (weekends and public holidays move it on).
 */
import { describe, expect, it } from 'vitest';
import { Walk, careWorker, corp, toMatching, wonen, GOALS } from '../../../test/support/trajectory-walk.ts';
import { DEADLINE_RULES, deadlineStatus } from './deadlines.ts';
import { TRANSITIONS } from './transitions.ts';
import { mayRecord } from './guards.ts';
import { eventDataViolations } from './event-data.ts';
import { deriveState, initialState, type TrajectoryState } from './state.ts';
import type { TrajectoryEvent } from './model.ts';
import { urgencyPreconditions } from './urgency.ts';
import { canSeeDeadline, canSeeEvent, visibleEventData } from '../privacy/visibility.ts';

/** A walk up to the referral (P2), the referral on `referralOn`. */
function toReferral(referralOn = '2026-01-08') {
  const w = new Walk();
  w.rec('trajectory_started', '2026-01-05', { variant: 'regular' });
  w.rec('consent_given', '2026-01-05', { consentId: 'c1' });
  w.rec('housing_needs_recorded', '2026-01-06', { preferredNeighbourhoods: ['Oost'], excludedNeighbourhoods: [], circumstances: 'Alleenstaand', schoolProximity: '' });
  w.rec('referral_analysis_recorded', '2026-01-07', { c1PaysRent: true, c2GoodNeighbour: true, c3AcceptsSupport: true, c4GoalsMatchLifeDomains: true, c5ChildrenEnvironment: null, nuisanceRisk: 'Laag' });
  w.rec('goals_set', '2026-01-07', { goals: GOALS });
  w.rec('referral_submitted', referralOn);
  return w;
}

const won1 = (w: Walk, asOf?: string) =>
  w.deadlines().filter((d) => d.ruleId === 'D-WON-1').map((d) => ({
    key: d.key, start: d.start, due: d.due, metOn: d.metOn, closedAs: d.closedAs, closedOn: d.closedOn, note: d.note, ...(asOf ? { status: deadlineStatus(d, asOf) } : {}),
  }));

const stateWith = (patch: Partial<TrajectoryState>): TrajectoryState => ({ ...initialState(), startedOn: '2026-01-05', consentActive: true, ...patch });

describe('D-WON-1: Wonen decides on the urgency request (proposal)', () => {
  it('D-WON-1: the rule — 8 weeks, Wonen, SHOULD, a deadline, in words', () => {
    expect(DEADLINE_RULES['D-WON-1']).toEqual({
      id: 'D-WON-1', amount: 8, unit: 'weeks', actors: ['wonen'], nature: 'SHOULD', kind: 'deadline',
      label: { nl: 'Wonen beslist op de urgentieaanvraag', en: 'Wonen decides on the urgency request' },
    });
  });

  it('D-WON-1: starts at the referral (Thursday 8 January 2026 → Thursday 5 March), open until Wonen decides', () => {
    const w = toReferral();
    expect(won1(w, '2026-03-05')).toEqual([{ key: 'D-WON-1', start: '2026-01-08', due: '2026-03-05', metOn: null, closedAs: null, closedOn: null, note: null, status: 'open' }]);
    expect(won1(w, '2026-03-06')[0]!.status).toBe('missed');
    const d = w.deadlines().find((x) => x.key === 'D-WON-1')!;
    expect([d.ruleId, d.nature, d.kind, d.actors, d.originalDue, d.paused, d.warnOn]).toEqual(['D-WON-1', 'SHOULD', 'deadline', ['wonen'], '2026-03-05', false, null]);
    expect(d.computed).toMatchObject({ start: '2026-01-08', amount: 8, unit: 'weeks', unadjustedDue: '2026-03-05', due: '2026-03-05', adjustments: [] });
  });

  it('D-WON-1: met by the grant (the date of the decision), and a late grant stays visible as missed', () => {
    const w = toReferral();
    w.rec('urgency_granted', '2026-01-19', { conditional: true }, wonen);
    expect(won1(w, '2026-01-20')).toEqual([{ key: 'D-WON-1', start: '2026-01-08', due: '2026-03-05', metOn: '2026-01-19', closedAs: null, closedOn: null, note: 'granted', status: 'met' }]);
    const late = toReferral();
    late.rec('urgency_granted', '2026-03-06', { conditional: true }, wonen);
    expect(won1(late, '2026-03-06')[0]).toMatchObject({ metOn: '2026-03-06', status: 'missed' });
    const onTime = toReferral();
    onTime.rec('urgency_granted', '2026-03-05', { conditional: true }, wonen);
    expect(won1(onTime, '2026-03-05')[0]).toMatchObject({ metOn: '2026-03-05', status: 'met' });
  });

  it('D-WON-1: met by a refusal; a new referral starts D-WON-1#2 (Saturday start → due on Monday)', () => {
    const w = toReferral();
    w.rec('urgency_refused', '2026-02-02', { reasons: 'Doelen niet gekoppeld aan de urgentievoorwaarden' }, wonen);
    expect(w.state.phase).toBe('P2_urgency');
    w.rec('referral_submitted', '2026-02-14');
    // Saturday 14 February + 8 weeks = Saturday 11 April 2026 → Monday 13 April (Atw art. 1).
    expect(won1(w, '2026-04-13')).toEqual([
      { key: 'D-WON-1', start: '2026-01-08', due: '2026-03-05', metOn: '2026-02-02', closedAs: null, closedOn: null, note: 'refused', status: 'met' },
      { key: 'D-WON-1#2', start: '2026-02-14', due: '2026-04-13', metOn: null, closedAs: null, closedOn: null, note: null, status: 'open' },
    ]);
    expect(w.deadlines().find((d) => d.key === 'D-WON-1#2')!.computed).toMatchObject({ unadjustedDue: '2026-04-11', due: '2026-04-13' });
  });

  it('D-WON-1: asking for information ends the period; the information starts a new one (Easter Monday → Tuesday)', () => {
    const w = toReferral();
    w.rec('urgency_information_requested', '2026-01-30', { informationRequested: 'Recente rapportage van de begeleiding' }, wonen);
    expect(w.state.urgencyInformationRequestedOn).toBe('2026-01-30');
    expect(won1(w, '2026-02-05')).toEqual([{ key: 'D-WON-1', start: '2026-01-08', due: '2026-03-05', metOn: '2026-01-30', closedAs: null, closedOn: null, note: 'information_requested', status: 'met' }]);
    // While the information is asked for, nothing is open for Wonen.
    expect(w.deadlines().filter((d) => d.ruleId === 'D-WON-1' && !d.metOn && !d.closedAs)).toEqual([]);
    w.rec('urgency_information_supplied', '2026-02-09', { informationSupplied: 'Rapportage van januari bijgevoegd' });
    expect(w.state.urgencyInformationRequestedOn).toBeNull();
    // Monday 9 February + 8 weeks = Monday 6 April 2026, Easter Monday → Tuesday 7 April.
    expect(won1(w, '2026-04-07')[1]).toEqual({ key: 'D-WON-1#2', start: '2026-02-09', due: '2026-04-07', metOn: null, closedAs: null, closedOn: null, note: null, status: 'open' });
    expect(won1(w, '2026-04-08')[1]!.status).toBe('missed');
    w.rec('urgency_granted', '2026-04-07', { conditional: true }, wonen);
    expect(won1(w, '2026-04-08')[1]).toMatchObject({ metOn: '2026-04-07', note: 'granted', status: 'met' });
  });

  it('D-WON-1: over Christmas (Friday 30 October + 8 weeks = Christmas Day → Monday 28 December)', () => {
    const w = toReferral('2026-10-30');
    expect(won1(w)).toEqual([{ key: 'D-WON-1', start: '2026-10-30', due: '2026-12-28', metOn: null, closedAs: null, closedOn: null, note: null }]);
  });

  it('D-WON-1: moving on to active mediation without a decision cancels it; overdue by then, it stays missed', () => {
    const w = toReferral();
    w.rec('active_mediation_started', '2026-03-05', {}, careWorker);
    expect(won1(w, '2026-03-05')).toEqual([{ key: 'D-WON-1', start: '2026-01-08', due: '2026-03-05', metOn: null, closedAs: 'cancelled', closedOn: '2026-03-05', note: null, status: 'cancelled' }]);
    const late = toReferral();
    late.rec('active_mediation_started', '2026-03-06', {}, careWorker);
    expect(won1(late)[0]).toMatchObject({ closedAs: 'missed', closedOn: '2026-03-06' });
  });

  it('D-WON-1: ending the trajectory cancels the open period', () => {
    const w = toReferral();
    w.rec('trajectory_ended', '2026-02-10', { reason: 'Cliënt vertrokken' });
    expect(won1(w)).toEqual([{ key: 'D-WON-1', start: '2026-01-08', due: '2026-03-05', metOn: null, closedAs: 'cancelled', closedOn: '2026-02-10', note: null }]);
  });

  it('D-WON-1: the regular route to matching has exactly one, met by the grant', () => {
    expect(won1(toMatching())).toEqual([{ key: 'D-WON-1', start: '2026-01-08', due: '2026-03-05', metOn: '2026-01-19', closedAs: null, closedOn: null, note: 'granted' }]);
  });
});

describe('R-OR-13: the urgency refused', () => {
  it('R-OR-13: D-01 does not start on a refused urgency; it starts once Wonen grants it after a new referral', () => {
    const w = toReferral();
    w.rec('decision_issued', '2026-01-12');
    w.rec('urgency_refused', '2026-01-26', { reasons: 'Geen urgentie: zelfstandig woonruimte te vinden' }, wonen);
    expect(w.deadlines().filter((d) => d.ruleId === 'D-01')).toEqual([]);
    const s = w.state;
    expect([s.phase, s.urgencyOn, s.urgencyRefusedOn, s.urgencyInformationRequestedOn]).toEqual(['P2_urgency', null, '2026-01-26', null]);
    w.rec('referral_submitted', '2026-02-02');
    // The new referral answers the refusal: Wonen decides again, a second referral waits for that.
    expect([w.state.urgencyRefusedOn, w.try('referral_submitted', '2026-02-03').map((v) => v.code)]).toEqual([null, ['referral_already_submitted']]);
    expect(w.try('urgency_refused', '2026-02-03', { reasons: 'Opnieuw niet' }, wonen)).toEqual([]);
    w.rec('urgency_granted', '2026-02-16', { conditional: true }, wonen);
    expect(w.state.urgencyRefusedOn).toBeNull();
    expect(w.deadlines().filter((d) => d.ruleId === 'D-01').map((d) => [d.key, d.start])).toEqual([['D-01', '2026-02-16']]);
  });

  it('R-OR-13: a refusal after an information request clears the request', () => {
    const w = toReferral();
    w.rec('urgency_information_requested', '2026-01-20', { informationRequested: 'Inkomensverklaring' }, wonen);
    w.rec('urgency_refused', '2026-03-20', { reasons: 'Geen informatie ontvangen' }, wonen);
    expect([w.state.urgencyInformationRequestedOn, w.state.urgencyRefusedOn]).toEqual([null, '2026-03-20']);
    // The refusal ended nothing open: the request had ended the period already.
    expect(won1(w).map((d) => [d.key, d.metOn, d.note])).toEqual([['D-WON-1', '2026-01-20', 'information_requested']]);
  });

  it('R-OR-13: the state records each request with how it ended', () => {
    const w = toReferral();
    w.rec('urgency_information_requested', '2026-01-20', { informationRequested: 'Inkomensverklaring' }, wonen);
    w.rec('urgency_information_supplied', '2026-01-27', { informationSupplied: 'Verklaring bijgevoegd' });
    w.rec('urgency_refused', '2026-02-03', { reasons: 'Inkomen te hoog' }, wonen);
    w.rec('referral_submitted', '2026-02-10');
    expect(w.state.urgencyRequests).toEqual([
      { startedOn: '2026-01-08', endedOn: '2026-01-20', end: 'information_requested' },
      { startedOn: '2026-01-27', endedOn: '2026-02-03', end: 'refused' },
      { startedOn: '2026-02-10', endedOn: null, end: null },
    ]);
  });

  it('R-OR-13: a referral after the urgency was granted (recorded late) opens no request', () => {
    const w = toReferral('2026-01-20');
    const s = w.state;
    expect(s.urgencyRequests).toHaveLength(1);
    const granted = new Walk();
    granted.events = w.events.filter((e) => e.type !== 'referral_submitted');
    granted.events.push({ id: 'g', seq: 90, type: 'urgency_granted', occurredOn: '2026-01-12', data: { conditional: true }, recordedBy: 'u-won', recordedByOrganisationId: 'org' });
    granted.events.push({ id: 'r', seq: 91, type: 'referral_submitted', occurredOn: '2026-01-20', data: {}, recordedBy: 'u-cw', recordedByOrganisationId: 'org' });
    expect(granted.state.urgencyRequests).toEqual([]);
    expect(granted.state.urgencyOn).toBe('2026-01-12');
  });
});

describe('R-OR-13: the state folds the events as recorded, also when they were recorded out of order', () => {
  const ev = (id: string, type: TrajectoryEvent['type'], occurredOn: string, data: Record<string, unknown> = {}): TrajectoryEvent => ({ id, seq: Number(id.slice(1)), type, occurredOn, data, recordedBy: 'u', recordedByOrganisationId: 'org' });
  const start = [ev('e1', 'trajectory_started', '2026-01-05', { variant: 'regular' }), ev('e2', 'consent_given', '2026-01-05', { consentId: 'c1' }), ev('e3', 'referral_submitted', '2026-01-08')];

  it('R-OR-13: a refusal after a grant (a correction by another route) leaves no urgency, so no D-01', () => {
    const s = deriveState([...start, ev('e4', 'decision_issued', '2026-01-12'), ev('e5', 'urgency_granted', '2026-01-19', { conditional: true }), ev('e6', 'urgency_refused', '2026-01-26', { reasons: 'Herzien' })]);
    expect([s.urgencyOn, s.urgencyRefusedOn]).toEqual([null, '2026-01-26']);
  });

  it('D-WON-1: a second referral while a request is open ends the first as moved on (cancelled)', () => {
    const s = deriveState([...start, ev('e4', 'referral_submitted', '2026-01-15')]);
    expect(s.urgencyRequests).toEqual([{ startedOn: '2026-01-08', endedOn: '2026-01-15', end: 'moved_on' }, { startedOn: '2026-01-15', endedOn: null, end: null }]);
  });

  it('D-WON-1: a grant while information is asked for ends the question', () => {
    const s = deriveState([...start, ev('e4', 'urgency_information_requested', '2026-01-12', { informationRequested: 'Q' }), ev('e5', 'urgency_granted', '2026-01-19', { conditional: false })]);
    expect([s.urgencyInformationRequestedOn, s.urgencyOn, s.urgencyRequests]).toEqual([null, '2026-01-19', [{ startedOn: '2026-01-08', endedOn: '2026-01-12', end: 'information_requested' }]]);
  });
});

describe('urgency decision: who, what data, and what must come first', () => {
  it('D-WON-1: Wonen records the refusal and the question; the care provider the answer', () => {
    expect(TRANSITIONS.urgency_refused).toMatchObject({ from: ['P2_urgency'], actors: [{ kind: 'wonen', roles: ['wonen_officer'] }], rules: ['D-WON-1', 'R-OR-13'] });
    expect(TRANSITIONS.urgency_information_requested).toMatchObject({ from: ['P2_urgency'], actors: [{ kind: 'wonen', roles: ['wonen_officer'] }], rules: ['D-WON-1'] });
    expect(TRANSITIONS.urgency_information_supplied).toMatchObject({ from: ['P2_urgency'], actors: [{ kind: 'care_provider', roles: ['care_worker', 'team_manager'] }], rules: ['D-WON-1'] });
    expect(TRANSITIONS.referral_submitted.from).toEqual(['P1_referral', 'P2_urgency']);
    expect([mayRecord('urgency_refused', wonen), mayRecord('urgency_refused', careWorker), mayRecord('urgency_refused', corp)]).toEqual([true, false, false]);
    expect([mayRecord('urgency_information_supplied', careWorker), mayRecord('urgency_information_supplied', wonen)]).toEqual([true, false]);
  });

  it('D-WON-1: a refusal needs its reasons, a question what is asked, an answer its text', () => {
    expect(eventDataViolations('urgency_refused', { reasons: 'Past niet' })).toEqual([]);
    // A missing property is reported on the object, an empty one on the field.
    expect(eventDataViolations('urgency_refused', {}).map((v) => [v.code, v.field])).toEqual([['invalid_data', '/data']]);
    expect(eventDataViolations('urgency_refused', { reasons: '' }).map((v) => [v.code, v.field])).toEqual([['invalid_data', '/data/reasons']]);
    expect(eventDataViolations('urgency_refused', { reasons: 'x'.repeat(4001) }).map((v) => v.field)).toEqual(['/data/reasons']);
    expect(eventDataViolations('urgency_refused', { reasons: 'x'.repeat(4000) })).toEqual([]);
    expect(eventDataViolations('urgency_information_requested', {}).map((v) => v.field)).toEqual(['/data']);
    expect(eventDataViolations('urgency_information_requested', { informationRequested: '' }).map((v) => v.field)).toEqual(['/data/informationRequested']);
    expect(eventDataViolations('urgency_information_supplied', { informationSupplied: '' }).map((v) => v.field)).toEqual(['/data/informationSupplied']);
    expect(TRANSITIONS.urgency_refused.label).toEqual({ nl: 'Urgentie afgewezen (met redenen)', en: 'Urgency refused (with reasons)' });
    expect(TRANSITIONS.urgency_information_requested.label).toEqual({ nl: 'Wonen vraagt aanvullende informatie', en: 'Wonen asks for more information' });
    expect(TRANSITIONS.urgency_information_supplied.label).toEqual({ nl: 'Aanvullende informatie aan Wonen gegeven', en: 'More information given to Wonen' });
  });

  it('D-WON-1: a new referral in P2 only after a refusal', () => {
    expect(urgencyPreconditions(stateWith({ phase: 'P2_urgency' }), 'referral_submitted').map((v) => [v.code, v.rule, v.precondition])).toEqual([['referral_already_submitted', 'D-WON-1', true]]);
    expect(urgencyPreconditions(stateWith({ phase: 'P2_urgency', urgencyRefusedOn: '2026-02-01' }), 'referral_submitted')).toEqual([]);
    expect(urgencyPreconditions(stateWith({ phase: 'P1_referral' }), 'referral_submitted')).toEqual([]);
  });

  it('R-OR-13: no refusal or question once the urgency is granted', () => {
    for (const type of ['urgency_refused', 'urgency_information_requested'] as const) {
      expect(urgencyPreconditions(stateWith({ phase: 'P2_urgency', urgencyOn: '2026-01-19' }), type)).toEqual([{
        code: 'urgency_already_granted', rule: 'R-OR-13', precondition: true,
        nl: 'De urgentie is al toegekend; corrigeer die stap als de beslissing anders is.', en: 'The urgency has already been granted; correct that step if the decision is different.',
      }]);
    }
  });

  it('D-WON-1: one question at a time; after a refusal first a new referral', () => {
    const asked = stateWith({ phase: 'P2_urgency', urgencyInformationRequestedOn: '2026-01-20' });
    expect(urgencyPreconditions(asked, 'urgency_information_requested').map((v) => [v.code, v.rule])).toEqual([['information_already_requested', 'D-WON-1']]);
    // Wonen may still decide while waiting (e.g. refuse because nothing came).
    expect(urgencyPreconditions(asked, 'urgency_refused')).toEqual([]);
    expect(urgencyPreconditions(asked, 'urgency_granted')).toEqual([]);
    const refused = stateWith({ phase: 'P2_urgency', urgencyRefusedOn: '2026-01-26' });
    expect(urgencyPreconditions(refused, 'urgency_refused').map((v) => [v.code, v.rule])).toEqual([['urgency_already_refused', 'D-WON-1']]);
    expect(urgencyPreconditions(refused, 'urgency_information_requested').map((v) => [v.code, v.rule])).toEqual([['urgency_already_refused', 'D-WON-1']]);
    // Reconsidering (after an objection): Wonen may still grant.
    expect(urgencyPreconditions(refused, 'urgency_granted')).toEqual([]);
    expect(urgencyPreconditions(stateWith({ phase: 'P2_urgency' }), 'urgency_refused')).toEqual([]);
    expect(urgencyPreconditions(stateWith({ phase: 'P2_urgency' }), 'urgency_information_requested')).toEqual([]);
  });

  it('D-WON-1: an answer only to a question', () => {
    expect(urgencyPreconditions(stateWith({ phase: 'P2_urgency' }), 'urgency_information_supplied')).toEqual([{
      code: 'no_information_requested', rule: 'D-WON-1', precondition: true, nl: 'Wonen heeft niet om aanvullende informatie gevraagd.', en: 'Wonen has not asked for more information.',
    }]);
    expect(urgencyPreconditions(stateWith({ phase: 'P2_urgency', urgencyInformationRequestedOn: '2026-01-20' }), 'urgency_information_supplied')).toEqual([]);
    expect(urgencyPreconditions(stateWith({ phase: 'P2_urgency' }), 'goals_set')).toEqual([]);
  });
});

describe('D-WON-1: who sees the urgency decision', () => {
  it('R-OR-86: Wonen and the care provider see the refusal, the question and the answer; the corporation does not', () => {
    for (const type of ['urgency_refused', 'urgency_information_requested', 'urgency_information_supplied'] as const) {
      expect([canSeeEvent('wonen', type), canSeeEvent('care_provider', type), canSeeEvent('client', type), canSeeEvent('corporation', type), canSeeEvent('nuisance_hub', type)], type).toEqual([true, true, true, false, false]);
    }
    expect(visibleEventData('wonen', 'urgency_refused', { reasons: 'R', extra: 1 })).toEqual({ reasons: 'R' });
    expect(visibleEventData('wonen', 'urgency_information_requested', { informationRequested: 'Q', extra: 1 })).toEqual({ informationRequested: 'Q' });
    expect(visibleEventData('wonen', 'urgency_information_supplied', { informationSupplied: 'A', extra: 1 })).toEqual({ informationSupplied: 'A' });
    expect(visibleEventData('corporation', 'urgency_refused', { reasons: 'R' })).toEqual({});
  });

  it('D-WON-1: the deadline is Wonen’s and the care provider’s, not the corporation’s', () => {
    expect((['wonen', 'care_provider', 'client', 'corporation', 'nuisance_hub'] as const).map((v) => canSeeDeadline(v, 'D-WON-1'))).toEqual([true, true, true, false, false]);
    // The other deadlines are as before.
    expect([canSeeDeadline('corporation', 'D-13'), canSeeDeadline('wonen', 'D-13'), canSeeDeadline('wonen', 'D-06')]).toEqual([true, true, false]);
  });
});
