import { describe, expect, it } from 'vitest';
import { DEADLINE_RULES, DEFAULT_DEADLINE_SETTINGS, deadlineStatus, isEscalated, transferConditions } from './index.ts';
import { GOALS, OFFER, Walk, careWorker, corp, fullRouteToWonen, reviewer, toKeyHandover, toMatching, wonen } from '../../../test/support/trajectory-walk.ts';

describe('Omslagroute state machine (omslagroute.md §3)', () => {
  it('walks the phases P0 → P3 with the data each step requires', () => {
    const w = toMatching();
    expect(w.state.phase).toBe('P3_matching');
    expect(w.state.reached).toEqual(['P0_consent', 'P1_referral', 'P2_urgency', 'P3_matching']);
  });

  it('R-OR-82: consent before anything is shared; a corporation cannot record without it', () => {
    const w = new Walk();
    w.rec('trajectory_started', '2026-01-05', { variant: 'regular' });
    expect(w.try('housing_needs_recorded', '2026-01-06', { preferredNeighbourhoods: [], excludedNeighbourhoods: [], circumstances: 'x' }).map((x) => x.code)).toContain('phase_not_allowed');
    expect(w.try('offer_received', '2026-01-06', OFFER, corp).map((x) => x.rule)).toContain('R-OR-82');
  });

  it('R-OR-94: after consent is withdrawn, other organisations can no longer record (no new disclosures)', () => {
    const w = toMatching();
    w.rec('consent_withdrawn', '2026-02-01', { consentId: 'c1' });
    expect(w.try('offer_received', '2026-03-30', OFFER, corp).map((x) => x.code)).toContain('no_consent');
  });

  it('R-OR-06, R-OR-08, R-OR-09: a referral needs the housing-needs profile, the analysis and goals in all four life domains', () => {
    const w = new Walk();
    w.rec('trajectory_started', '2026-01-05', { variant: 'regular' });
    w.rec('consent_given', '2026-01-05', { consentId: 'c1' });
    expect(w.try('referral_submitted', '2026-01-08').map((x) => x.rule).sort()).toEqual(['R-OR-06', 'R-OR-08', 'R-OR-09']);
    expect(w.try('goals_set', '2026-01-07', { goals: [GOALS[0]] }).map((x) => x.rule)).toEqual(['R-OR-09']);
  });

  it('R-OR-14: every goal carries the "linked to the conditional urgency" flag', () => {
    const w = toMatching();
    expect(w.try('goals_set', '2026-02-01', { goals: [{ id: 'x', domain: 'safety', text: 'Veilig' }] }).map((x) => x.code)).toContain('invalid_data');
    expect(w.state.goals.filter((g) => g.linkedToUrgency).map((g) => g.id)).toEqual(['g1', 'g3', 'g4']);
  });

  it('refuses a step not allowed from the current phase, naming the rule', () => {
    const w = toMatching();
    const v = w.try('introduction_meeting_held', '2026-02-01', { atDwelling: true, evaluationIntervalMonths: 12 });
    expect(v[0]).toMatchObject({ code: 'phase_not_allowed' });
  });

  it('refuses a role that may not perform a step (a corporation cannot grant urgency, a care worker cannot confirm for Wonen, a corporation cannot set goals)', () => {
    const urgency = toMatching();
    const beforeUrgency = new Walk();
    beforeUrgency.events = urgency.events.filter((e) => e.type !== 'urgency_granted' && e.type !== 'active_mediation_started');
    expect(beforeUrgency.try('urgency_granted', '2026-01-19', { conditional: true }, corp).map((x) => x.code)).toContain('actor_not_allowed');
    expect(beforeUrgency.try('urgency_granted', '2026-01-19', { conditional: true }, wonen)).toEqual([]);
    const nominated = fullRouteToWonen();
    expect(nominated.try('wonen_confirmed', '2027-06-04', {}, careWorker).map((x) => x.code)).toContain('actor_not_allowed');
    expect(nominated.try('wonen_confirmed', '2027-06-04', {}, wonen)).toEqual([]);
    const w = new Walk();
    w.rec('trajectory_started', '2026-01-05', { variant: 'regular' });
    w.rec('consent_given', '2026-01-05', { consentId: 'c1' });
    expect(w.try('goals_set', '2026-01-06', { goals: GOALS }, corp).map((x) => x.code)).toContain('actor_not_allowed');
  });

  it('refuses an event dated in the future or before the trajectory started', () => {
    const w = toMatching();
    w.today = '2026-03-01';
    expect(w.try('decision_issued', '2026-03-02').map((x) => x.code)).toContain('date_in_future');
    expect(w.try('housing_needs_recorded', '2025-12-31', { preferredNeighbourhoods: [], excludedNeighbourhoods: [], circumstances: 'x' }).map((x) => x.code)).toContain('date_before_start');
  });

  it('R-OR-16: a dwelling with a recent nuisance file may not be offered', () => {
    const w = toMatching();
    expect(w.try('offer_received', '2026-03-30', { ...OFFER, recentNuisanceFile: true }, corp).map((x) => x.rule)).toContain('R-OR-16');
  });

  it('R-OR-20: a refusal without reasons is invalid; R-OR-22: one offer at a time', () => {
    const w = toMatching();
    w.rec('offer_received', '2026-03-30', OFFER, corp);
    expect(w.try('offer_refused', '2026-04-01', { reasons: '' }).map((x) => x.code)).toContain('invalid_data');
    expect(w.try('offer_received', '2026-03-31', OFFER, corp).map((x) => x.rule)).toContain('R-OR-22');
    w.rec('offer_refused', '2026-04-01', { reasons: 'Derde verdieping zonder lift past niet bij mobiliteit' });
    expect(w.try('offer_received', '2026-04-03', OFFER, corp)).toEqual([]);
  });

  it('R-OR-23, R-OR-28, R-OR-02: key handover needs a final match, a dwelling ready to let and signed leases', () => {
    const w = toMatching();
    w.rec('offer_received', '2026-03-30', OFFER, corp);
    expect(w.try('key_handover', '2026-04-16', { corporationContactPresent: false }).map((x) => x.rule).sort()).toEqual(['R-OR-02', 'R-OR-23', 'R-OR-28']);
  });

  it('R-OR-32 and R-OR-35: the introduction meeting is at the dwelling, after the transfer goals were communicated', () => {
    const w = toMatching();
    w.rec('offer_received', '2026-03-30', OFFER, corp);
    w.rec('offer_replied', '2026-03-31', { reply: 'accept' });
    w.rec('client_informed', '2026-04-01', { choicesDiscussed: true });
    w.rec('match_final', '2026-04-02', { oldRegistrationKept: false }, corp);
    w.rec('dwelling_ready', '2026-04-02', {}, corp);
    w.rec('lease_signed', '2026-04-03', { ibriShared: true });
    w.rec('key_handover', '2026-04-07', { corporationContactPresent: false });
    expect(w.try('introduction_meeting_held', '2026-05-01', { atDwelling: false, evaluationIntervalMonths: 12 }).map((x) => x.rule).sort()).toEqual(['R-OR-32', 'R-OR-35']);
  });
});

describe('deadlines D-01 … D-16 computed with the working-day calendar', () => {
  it('omslagroute.md §5.1: the deadline table holds each rule’s period, nature and kind as the spec writes them', () => {
    // Written out from the spec's table, not from DEADLINE_RULES.
    const spec: Record<string, [amount: number, unit: string, nature: string, kind: string]> = {
      'D-01': [3, 'months', 'SHOULD', 'deadline'], 'D-02': [1, 'working_days', 'MUST', 'deadline'], 'D-03': [2, 'working_days', 'MUST', 'deadline'],
      'D-04': [2, 'working_days', 'MUST', 'deadline'], 'D-05': [5, 'working_days', 'MUST', 'deadline'], 'D-06': [6, 'weeks', 'MUST', 'deadline'],
      'D-07': [6, 'weeks', 'MUST', 'deadline'], 'D-08': [3, 'months', 'MUST', 'deadline'], 'D-09': [1, 'years', 'MUST', 'earliest'],
      'D-10': [12, 'months', 'MUST', 'deadline'], 'D-11': [6, 'months', 'MUST', 'deadline'], 'D-12': [6, 'months', 'MUST', 'deadline'],
      'D-13': [5, 'working_days', 'MUST', 'deadline'], 'D-14': [6, 'weeks', 'SHOULD', 'deadline'], 'D-15': [1, 'years', 'MUST', 'deadline'],
      'D-16': [3, 'months', 'MAY', 'deadline'], 'D-OV-09': [2, 'weeks', 'MUST', 'deadline'],
      // Not in the spec (AMB-OR-12): the proposal of docs/adr/0010-urgency-decision-term.md, the Awb 4:13 reasonable term.
      'D-WON-1': [8, 'weeks', 'SHOULD', 'deadline'],
    };
    const table = Object.fromEntries(Object.values(DEADLINE_RULES).map((r) => [r.id, [r.amount, r.unit, r.nature, r.kind]]));
    expect(table).toEqual(spec);
    // The settings the spec leaves open (proposals): D-14 warns after 4 weeks, D-16 defaults to 3 months, young adult 18–27.
    expect(DEFAULT_DEADLINE_SETTINGS).toEqual({ d14WarnWeeks: 4, d16DefaultMonths: 3, youngAdultMinAge: 18, youngAdultMaxAge: 27 });
  });

  it('D-01: 3 months from the later of decision and urgency; met when the client is informed of an offer (SHOULD, never blocks)', () => {
    const w = toKeyHandover();
    const d = w.deadline('D-01');
    expect(d.start).toBe('2026-01-19');
    expect(d.due).toBe('2026-04-20'); // 19 April 2026 is a Sunday: Atw art. 1
    expect(d.nature).toBe('SHOULD');
    expect(d.metOn).toBe('2026-04-08');
    expect(deadlineStatus(d, '2026-06-01')).toBe('met');
  });

  it('D-02: reply within 1 working day of the offer; D-05: inform the client within 5 working days of availability (across Easter 2026)', () => {
    const w = toKeyHandover();
    const d2 = w.deadlines().find((x) => x.ruleId === 'D-02')!;
    expect(d2.due).toBe('2026-03-31');
    expect(deadlineStatus(d2, '2026-05-01')).toBe('met');
    const d5 = w.deadlines().find((x) => x.ruleId === 'D-05')!;
    expect(d5.start).toBe('2026-04-02');
    expect(d5.due).toBe('2026-04-13'); // Good Friday 3 April and Easter Monday 6 April skipped
    expect(deadlineStatus(d5, '2026-05-01')).toBe('met');
  });

  it('D-03: viewing within 2 working days of availability, only when a viewing is desired; met late counts as missed', () => {
    const w = toKeyHandover();
    const d3 = w.deadlines().find((x) => x.ruleId === 'D-03')!;
    expect(d3.due).toBe('2026-04-08'); // Good Friday and Easter Monday are not working days
    expect(d3.metOn).toBe('2026-04-07');
    expect(deadlineStatus(d3, '2026-05-01')).toBe('met');
    const late = toMatching();
    late.rec('offer_received', '2026-03-30', OFFER, corp);
    late.rec('offer_replied', '2026-03-31', { reply: 'request_viewing' });
    late.rec('viewing_held', '2026-04-09');
    expect(deadlineStatus(late.deadlines().find((x) => x.ruleId === 'D-03')!, '2026-05-01')).toBe('missed');
    const accepted = toMatching();
    accepted.rec('offer_received', '2026-03-30', OFFER, corp);
    accepted.rec('offer_replied', '2026-03-31', { reply: 'accept' });
    expect(accepted.deadlines().some((x) => x.ruleId === 'D-03')).toBe(false);
  });

  it('D-04: after a viewing, a refusal with reasons within 2 working days; not applicable when the dwelling is accepted', () => {
    const w = toMatching();
    w.rec('offer_received', '2026-03-30', OFFER, corp);
    w.rec('offer_replied', '2026-03-31', { reply: 'request_viewing' });
    w.rec('viewing_held', '2026-04-02');
    const open = w.deadlines().find((x) => x.ruleId === 'D-04')!;
    expect(open.due).toBe('2026-04-08');
    expect(deadlineStatus(open, '2026-04-08')).toBe('open');
    expect(deadlineStatus(open, '2026-04-09')).toBe('missed');
    w.rec('offer_refused', '2026-04-07', { reasons: 'Te gehorig' });
    expect(deadlineStatus(w.deadlines().find((x) => x.ruleId === 'D-04')!, '2026-05-01')).toBe('met');
    expect(deadlineStatus(toKeyHandover().deadlines().find((x) => x.ruleId === 'D-04')!, '2026-05-01')).toBe('cancelled');
  });

  it('D-06: support plan within 6 weeks of the first meeting; fallback to the key handover when no first meeting is recorded', () => {
    const w = toKeyHandover();
    expect(w.deadline('D-06')).toMatchObject({ start: '2026-04-16', due: '2026-05-28', note: 'fallback_key_handover' });
    w.rec('first_meeting_held', '2026-04-20');
    expect(w.deadline('D-06')).toMatchObject({ start: '2026-04-20', due: '2026-06-01', note: null });
    w.rec('support_plan_completed', '2026-05-29');
    expect(deadlineStatus(w.deadline('D-06'), '2026-07-01')).toBe('met');
  });

  it('D-07: schedule the introduction meeting within 6 weeks of the key handover; met when it has a fixed date', () => {
    const w = toKeyHandover();
    expect(w.deadline('D-07').due).toBe('2026-05-28');
    w.rec('introduction_meeting_scheduled', '2026-05-04', { plannedOn: '2026-06-10' });
    expect(w.deadline('D-07').metOn).toBe('2026-05-04');
  });

  it('D-08: introduction meeting within 3 months of the key handover; a late meeting needs a documented deviation (R-OR-05)', () => {
    const w = toKeyHandover();
    expect(w.deadline('D-08').due).toBe('2026-07-16');
    expect(w.try('introduction_meeting_held', '2026-07-20', { atDwelling: true, evaluationIntervalMonths: 12 }).map((x) => x.rule)).toContain('R-OR-05');
    w.rec('deviation_recorded', '2026-07-10', { item: 'D-08', reason: 'Bewoner opgenomen in ziekenhuis', agreedBy: ['client', 'care_provider', 'corporation'] });
    expect(deadlineStatus(w.deadline('D-08'), '2026-07-17')).toBe('waived');
    w.rec('introduction_meeting_held', '2026-07-20', { atDwelling: true, evaluationIntervalMonths: 12 });
    expect(w.state.phase).toBe('P5_introduction');
  });

  it('D-09: the intermediate lease lasts at least one year (earliest transfer date), counted from the first lease (AMB-OR-11)', () => {
    const w = toKeyHandover();
    const d = w.deadline('D-09');
    expect(d).toMatchObject({ kind: 'earliest', start: '2026-04-15', due: '2027-04-15' });
    expect(deadlineStatus(d, '2027-04-14')).toBe('open');
    expect(deadlineStatus(d, '2027-04-15')).toBe('met');
  });

  it('D-10: evaluations at least yearly, the first counted from the introduction meeting; D-11 every half year for young adults', () => {
    const w = toKeyHandover();
    w.rec('introduction_meeting_held', '2026-05-20', { atDwelling: true, evaluationIntervalMonths: 12 });
    expect(w.deadline('EVAL#1')).toMatchObject({ ruleId: 'D-10', due: '2027-05-20' });
    w.rec('housing_evaluation_held', '2027-05-10', { outcome: 'continue', consentChecked: true, preConsultationHeld: true, atDwelling: true, pointsForProgress: 'Financiën' });
    expect(w.deadline('EVAL#2')).toMatchObject({ ruleId: 'D-10', start: '2027-05-10', due: '2028-05-10' });
    // Born 2005: 21 on the due date → young adult → half-yearly.
    expect(w.deadline('EVAL#1', { birthDate: '2005-03-01' })).toMatchObject({ ruleId: 'D-11', due: '2026-11-20' });
    // 28 on the due date → not a young adult any more (AMB-OR-05: 18–27 inclusive).
    expect(w.deadline('EVAL#1', { birthDate: '1998-10-01' }).ruleId).toBe('D-10');
  });

  it('D-11 / AMB-OR-05: young adult is 18 to 27 inclusive on the due date of the half-yearly evaluation', () => {
    const w = toKeyHandover();
    w.rec('introduction_meeting_held', '2026-05-20', { atDwelling: true, evaluationIntervalMonths: 12 });
    // The half-yearly due date counts: 20 November 2026 (a Friday).
    const rule = (birthDate: string) => w.deadline('EVAL#1', { birthDate }).ruleId;
    expect(rule('2008-11-21')).toBe('D-10'); // 17 on 20 Nov 2026 (18 the next day)
    expect(rule('2008-11-20')).toBe('D-11'); // 18 that day: the first day of the range
    expect(rule('1998-11-21')).toBe('D-11'); // 27, the last day before turning 28: still a young adult
    expect(rule('1998-11-20')).toBe('D-10'); // 28 that day: out of the range
    expect(w.deadline('EVAL#1', { birthDate: '1998-11-21' })).toMatchObject({ start: '2026-05-20', due: '2026-11-20' });
    expect(w.deadline('EVAL#1', { birthDate: null }).ruleId).toBe('D-10');
  });

  it('D-11: a multi-problem family (manual flag) evaluates every half year whatever the age; a higher agreed frequency replaces the interval', () => {
    const family = toKeyHandover({ variant: 'regular', multiProblemFamily: true });
    family.rec('introduction_meeting_held', '2026-05-20', { atDwelling: true, evaluationIntervalMonths: 12 });
    // An adult of 46: not a young adult, half-yearly only because of the flag.
    expect(family.deadline('EVAL#1', { birthDate: '1980-05-01' })).toMatchObject({ ruleId: 'D-11', start: '2026-05-20', due: '2026-11-20' });
    const single = toKeyHandover({ variant: 'regular', multiProblemFamily: false });
    single.rec('introduction_meeting_held', '2026-05-20', { atDwelling: true, evaluationIntervalMonths: 12 });
    expect(single.deadline('EVAL#1', { birthDate: '1980-05-01' })).toMatchObject({ ruleId: 'D-10', due: '2027-05-20' });
    const v = toKeyHandover();
    v.rec('introduction_meeting_held', '2026-05-20', { atDwelling: true, evaluationIntervalMonths: 4 });
    expect(v.deadline('EVAL#1')).toMatchObject({ ruleId: 'D-10', due: '2026-09-21', note: 'agreed_interval_4' });
  });

  it('D-12: Fibu evaluation every six months; D-17: budget management gets no end date after transfer', () => {
    const w = toKeyHandover();
    w.rec('fibu_agreements_made', '2026-05-01');
    expect(w.deadline('D-12#1').due).toBe('2026-11-02'); // 1 Nov 2026 is a Sunday
    w.rec('fibu_evaluation_held', '2026-10-28');
    expect(w.deadline('D-12#2').start).toBe('2026-10-28');
    expect(w.deadlines().some((x) => (x.ruleId as string) === 'D-17')).toBe(false);
  });

  it('D-13 and D-14: Wonen confirms within 5 working days; the corporation aims at 4–6 weeks for the contract in own name', () => {
    const w = fullRouteToWonen();
    const d13 = w.deadline('D-13');
    expect(d13).toMatchObject({ start: '2027-06-01', due: '2027-06-08' });
    w.rec('wonen_confirmed', '2027-06-04', {}, wonen);
    expect(deadlineStatus(w.deadline('D-13'), '2027-07-01')).toBe('met');
    const d14 = w.deadline('D-14');
    expect(d14).toMatchObject({ nature: 'SHOULD', warnOn: '2027-07-02', due: '2027-07-16' });
  });

  it('D-15: yearly WoningNet renewal while living on the intermediate lease', () => {
    const w = toKeyHandover();
    const d = w.deadlines().filter((x) => x.ruleId === 'D-15');
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ start: '2025-09-15', due: '2026-09-15' });
    w.rec('woningnet_renewal_paid', '2026-09-01');
    expect(w.deadlines().filter((x) => x.ruleId === 'D-15').map((x) => x.due)).toEqual(['2026-09-15', '2027-09-15']);
  });

  it('D-16: light support after transfer has a planned end date, by default 3 months (setting)', () => {
    const w = fullRouteToWonen();
    w.rec('wonen_confirmed', '2027-06-04', {}, wonen);
    w.rec('contract_own_name_signed', '2027-07-01', { contractType: 'indefinite' }, corp);
    w.rec('light_support_started', '2027-07-01', {});
    expect(w.deadline('D-16').due).toBe('2027-10-01');
    expect(w.deadline('D-16', { settings: { ...DEFAULT_DEADLINE_SETTINGS, d16DefaultMonths: 2 } }).due).toBe('2027-09-01');
  });

  it('"late ×3": a deadline overdue by twice its own length is escalated', () => {
    const w = toMatching();
    w.rec('offer_received', '2026-03-30', OFFER, corp);
    const d2 = w.deadlines().find((x) => x.ruleId === 'D-02')!; // 30 → 31 March: length 1 day
    expect(isEscalated(d2, '2026-04-02')).toBe(false);
    expect(isEscalated(d2, '2026-04-03')).toBe(true);
  });

  it('pause and extension keep the original due date in the history', () => {
    const w = toKeyHandover();
    const paused = w.deadline('D-08', { adjustments: { 'D-08': [{ kind: 'pause', from: '2026-05-01', until: '2026-05-15', reason: 'Opname', by: 'u-cw' }] } });
    expect(paused.originalDue).toBe('2026-07-16');
    expect(paused.due).toBe('2026-07-30');
    expect(paused.adjustmentHistory).toHaveLength(1);
  });

  it('closing the trajectory cancels every open deadline', () => {
    const w = toKeyHandover();
    w.rec('care_stopped_before_transfer', '2026-05-01', { reason: 'Cliënt zegt onderhuur op', reportedToCorporation: true, reportedToWonen: true });
    const open = w.deadlines().filter((d) => deadlineStatus(d, '2026-05-02') === 'open' && d.kind === 'deadline');
    expect(open).toEqual([]);
  });
});

describe('lease transfer (R-OR-64 T1–T8)', () => {
  it('walks the whole route from referral to contract in own name and aftercare', () => {
    const w = fullRouteToWonen();
    w.rec('wonen_confirmed', '2027-06-04', {}, wonen);
    w.rec('contract_own_name_signed', '2027-07-01', { contractType: 'indefinite' }, corp);
    w.rec('trajectory_closed', '2027-10-01');
    expect(w.state).toMatchObject({ phase: 'P9_aftercare', status: 'closed', exit: 'completed' });
    expect(w.state.reached).toEqual(['P0_consent', 'P1_referral', 'P2_urgency', 'P3_matching', 'P4_key_handover', 'P5_introduction', 'P6_support_plan', 'P7_living', 'P8_transfer', 'P9_aftercare']);
  });

  it('R-OR-64: names every failing condition when the nomination is sent too early', () => {
    const w = toKeyHandover();
    w.rec('introduction_meeting_held', '2026-05-20', { atDwelling: true, evaluationIntervalMonths: 12 });
    w.rec('housing_evaluation_held', '2026-11-20', { outcome: 'start_transfer', consentChecked: true, preConsultationHeld: true, atDwelling: true });
    w.rec('nuisance_check_done', '2026-11-25', { complaintsFound: true, transferPossibleWithoutBehaviourChange: false, checkedWith: ['nuisance_hub', 'corporation'] });
    w.rec('transfer_decision_joint', '2026-11-30', { residentAgrees: true, careProviderAgrees: true, corporationAgrees: true, noUnacceptableRisks: false, aftercareNeeds: 'n.v.t.' });
    const failing = transferConditions(w.state, '2026-12-01').filter((c) => !c.met).map((c) => c.id);
    expect(failing).toEqual(['T1', 'T3', 'T4', 'T5', 'T7', 'T8']);
    const v = w.try('nomination_sent_to_wonen', '2026-12-01', { nawBankIbriShared: true });
    expect(v.map((x) => x.code)).toEqual(['transfer_condition_T1', 'transfer_condition_T3', 'transfer_condition_T4', 'transfer_condition_T5', 'transfer_condition_T7']);
    expect(v.every((x) => x.rule === 'R-OR-64')).toBe(true);
  });

  it('R-OR-64 T2: the housing evaluation must come before the joint transfer decision (on the same day still counts)', () => {
    const route = fullRouteToWonen();
    const beforeSending = () => { const w = new Walk(); w.events = route.events.filter((e) => e.type !== 'nomination_sent_to_wonen'); return w; };
    const evaluation = route.events.find((e) => e.type === 'housing_evaluation_held')!;
    const t2 = (w: Walk) => transferConditions(w.state, '2027-06-01').find((c) => c.id === 'T2')!.met;
    // As recorded: evaluation 20 April, joint decision 3 May.
    expect(t2(beforeSending())).toBe(true);
    // The evaluation's date corrected to the day of the joint decision: still before (T2 met).
    const sameDay = beforeSending();
    sameDay.rec('event_corrected', '2027-05-31', { occurredOn: '2027-05-03', reason: 'Datum van het verslag' }, careWorker, evaluation.id);
    expect(t2(sameDay)).toBe(true);
    // Corrected to two days after the joint decision: no evaluation preceded it, T2 fails and the nomination is refused naming it.
    const after = beforeSending();
    after.rec('event_corrected', '2027-05-31', { occurredOn: '2027-05-05', reason: 'Datum van het verslag' }, careWorker, evaluation.id);
    expect(after.state.evaluations.map((e) => e.on)).toEqual(['2027-05-05']);
    expect(t2(after)).toBe(false);
    expect(after.try('nomination_sent_to_wonen', '2027-06-01', { nawBankIbriShared: true }).map((x) => x.code)).toContain('transfer_condition_T2');
  });

  it('R-OR-65: a goal linked to the urgency not yet met means no transfer', () => {
    const w = fullRouteToWonen();
    const s = w.state;
    expect(transferConditions(s, '2027-06-01').find((c) => c.id === 'T3')!.met).toBe(true);
    w.rec('goal_achieved', '2027-06-02', { goalId: 'g4', achieved: false, substantiation: 'Huurachterstand' });
    expect(transferConditions(w.state, '2027-06-02').find((c) => c.id === 'T3')!.met).toBe(false);
  });

  it('R-OR-68: the reviewer may not be the personal supervisor; a rejection returns the case to P7', () => {
    const w = toKeyHandover();
    w.rec('introduction_meeting_held', '2026-05-20', { atDwelling: true, evaluationIntervalMonths: 12 });
    w.rec('housing_evaluation_held', '2027-04-20', { outcome: 'start_transfer', consentChecked: true, preConsultationHeld: true, atDwelling: true });
    w.rec('nuisance_check_done', '2027-04-22', { complaintsFound: false, transferPossibleWithoutBehaviourChange: true, checkedWith: ['nuisance_hub', 'corporation'] });
    w.rec('transfer_decision_joint', '2027-05-03', { residentAgrees: true, careProviderAgrees: true, corporationAgrees: true, noUnacceptableRisks: true, aftercareNeeds: 'Buurteam' });
    expect(w.try('independent_review', '2027-05-20', { verdict: 'approved', reasonCodes: [], motivation: 'ok' }, { ...reviewer, isPersonalSupervisor: true }).map((x) => x.rule)).toContain('R-OR-68');
    expect(w.try('independent_review', '2027-05-20', { verdict: 'approved', reasonCodes: [], motivation: 'ok' }, careWorker).map((x) => x.code)).toContain('actor_not_allowed');
    w.rec('independent_review', '2027-05-20', { verdict: 'rejected', reasonCodes: ['GOALS_NOT_MET'], motivation: 'Financieel doel nog niet stabiel' }, reviewer);
    expect(w.state.phase).toBe('P7_living');
  });

  it('R-OR-71: Wonen returns the nomination with motivation; the case goes back to P7', () => {
    const w = fullRouteToWonen();
    expect(w.try('wonen_returned', '2027-06-03', { reasonCodes: [], motivation: 'x' }, wonen).map((x) => x.code)).toContain('invalid_data');
    w.rec('wonen_returned', '2027-06-03', { reasonCodes: ['URGENCY_GOAL_UNPROVEN'], motivation: 'Onderbouwing dagbesteding ontbreekt' }, wonen);
    expect(w.state.phase).toBe('P7_living');
    expect(w.try('contract_own_name_signed', '2027-07-01', { contractType: 'indefinite' }, corp).map((x) => x.rule)).toContain('R-OR-64');
  });
});

describe('side exits and corrections (§3.1)', () => {
  it('R-OR-80 / R-OR-81: care stopped before transfer ends the trajectory; the corporation may then request the old registration back', () => {
    const w = toKeyHandover();
    expect(w.try('woningnet_reactivation_requested', '2026-05-02', {}, corp).map((x) => x.code)).toContain('phase_not_allowed');
    w.rec('care_stopped_before_transfer', '2026-05-01', { reason: 'Zorg gestopt', reportedToCorporation: true, reportedToWonen: true });
    expect(w.state).toMatchObject({ status: 'closed', exit: 'X2_care_stopped' });
    expect(w.try('woningnet_reactivation_requested', '2026-05-02', { oldRegistrationNumber: '123' }, corp)).toEqual([]);
  });

  it('R-OR-79: an evaluation may decide a lasting intermediate lease (X1); the trajectory stays active', () => {
    const w = toKeyHandover();
    w.rec('introduction_meeting_held', '2026-05-20', { atDwelling: true, evaluationIntervalMonths: 12 });
    w.rec('housing_evaluation_held', '2027-04-20', { outcome: 'lasting_intermediate_lease', consentChecked: true, preConsultationHeld: true, atDwelling: true });
    expect(w.state).toMatchObject({ lastingIntermediateLease: true, status: 'active', phase: 'P7_living' });
  });

  it('D-OV-09: a time-out lasts at most two weeks; ending it meets the deadline (it does not vanish)', () => {
    const w = toKeyHandover();
    w.rec('time_out_started', '2026-06-01', { place: 'Time-outvoorziening De Haven' });
    expect(w.deadline('D-OV-09').due).toBe('2026-06-15');
    w.rec('time_out_ended', '2026-06-10', { outcome: 'returned' });
    expect(deadlineStatus(w.deadline('D-OV-09'), '2026-07-01')).toBe('met');
  });

  it('a correction is a new event: the original stays recorded, the derived state uses the corrected date', () => {
    const w = toKeyHandover();
    const kh = w.events.find((e) => e.type === 'key_handover')!;
    const recorded = w.events.length;
    const correction = w.rec('event_corrected', '2026-04-20', { occurredOn: '2026-04-17', reason: 'Verkeerde datum ingevoerd' }, careWorker, kh.id);
    // Nothing is rewritten: the original stays in the record with its date, the correction is one more event pointing at it.
    expect(w.events).toHaveLength(recorded + 1);
    expect(w.events.find((e) => e.id === kh.id)).toMatchObject({ type: 'key_handover', occurredOn: '2026-04-16' });
    expect(correction.correctsEventId).toBe(kh.id);
    expect(w.state.keyHandoverOn).toBe('2026-04-17');
    expect(w.state.inactiveEventIds).toContain(kh.id);
    expect(w.deadline('D-07').start).toBe('2026-04-17');
    const fm = w.rec('first_meeting_held', '2026-04-21');
    w.rec('event_voided', '2026-04-22', { reason: 'Dubbel ingevoerd' }, careWorker, fm.id);
    expect(w.state.firstMeetingOn).toBeNull();
  });
});
