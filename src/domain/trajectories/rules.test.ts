/**
 * The rules of omslagroute.md §6 that the domain core enforces or reports, one test each,
 * named by rule ID. (Deadlines are in route.test.ts; forms in src/domain/forms; privacy in src/domain/privacy.)
 */
import { describe, expect, it } from 'vitest';
import { TRANSITIONS, deriveState, notices, transferConditions } from './index.ts';
import { canSeeEvent } from '../privacy/visibility.ts';
import { GOALS, OFFER, Walk, careWorker, corp, fullRouteToWonen, toKeyHandover, toMatching, wonen } from '../../../test/support/trajectory-walk.ts';

const codes = (v: Array<{ code: string }>) => v.map((x) => x.code);

describe('§6.1 general', () => {
  it('R-OR-01: the route applies to every vulnerable group: any target group and variant can start a trajectory', () => {
    for (const variant of ['regular', 'new_chance', 'umo_ujo_panel', 'lasting_intermediate_lease', 'other_route']) {
      const w = new Walk();
      w.rec('trajectory_started', '2026-01-05', { variant });
      expect(w.state.variant).toBe(variant);
    }
  });

  it('R-OR-02: the lease is intermediate during the route; the contract in own name ends it', () => {
    const w = fullRouteToWonen();
    w.rec('wonen_confirmed', '2027-06-04', {}, wonen);
    expect(w.state.contractOwnNameOn).toBeNull();
    w.rec('contract_own_name_signed', '2027-07-01', { contractType: 'indefinite' }, corp);
    expect(w.state).toMatchObject({ contractType: 'indefinite', lastingIntermediateLease: false, phase: 'P9_aftercare' });
  });

  it('R-OR-03: the corporation judges the dwelling, the care provider the referral — each records only its own judgement', () => {
    const w = toMatching();
    expect(codes(w.try('offer_received', '2026-03-30', OFFER, careWorker))).toContain('actor_not_allowed');
    const v = new Walk();
    v.rec('trajectory_started', '2026-01-05', { variant: 'regular' });
    v.rec('consent_given', '2026-01-05', { consentId: 'c1' });
    expect(codes(v.try('referral_analysis_recorded', '2026-01-06', { c1PaysRent: true, c2GoodNeighbour: true, c3AcceptsSupport: true, c4GoalsMatchLifeDomains: true, nuisanceRisk: 'Laag' }, corp))).toContain('actor_not_allowed');
  });

  it('R-OR-04: a client who entered through another route is accepted and flagged; its first evaluation counts from the start (E2)', () => {
    const e2 = new Walk();
    e2.rec('trajectory_started', '2026-01-05', { variant: 'umo_ujo_panel' });
    e2.rec('consent_given', '2026-01-05', { consentId: 'c1' });
    expect(e2.state.enteredViaOtherRoute).toBe(true);
    // No introduction meeting: the first evaluation is due a year after the start (5 January 2027, a Tuesday).
    expect(e2.deadline('EVAL#1')).toMatchObject({ ruleId: 'D-10', start: '2026-01-05', due: '2027-01-05' });
    // A regular route is not flagged and has no evaluation deadline before its introduction meeting.
    const regular = new Walk();
    regular.rec('trajectory_started', '2026-01-05', { variant: 'regular' });
    regular.rec('consent_given', '2026-01-05', { consentId: 'c1' });
    expect(regular.state.enteredViaOtherRoute).toBe(false);
    expect(regular.deadlines().some((d) => d.key.startsWith('EVAL#'))).toBe(false);
  });

  it('R-OR-05: a tailor-made deviation is recorded with reason and at least two agreeing parties', () => {
    const w = toKeyHandover();
    expect(codes(w.try('deviation_recorded', '2026-05-01', { item: 'D-08', reason: 'Opname', agreedBy: ['care_provider'] }))).toContain('invalid_data');
    w.rec('deviation_recorded', '2026-05-01', { item: 'D-08', reason: 'Opname', agreedBy: ['care_provider', 'corporation'] });
    expect(w.state.deviations).toEqual([{ item: 'D-08', reason: 'Opname', on: '2026-05-01' }]);
  });
});

describe('§6.2 referral and preparation', () => {
  it('R-OR-06: the housing-needs profile holds preferred and excluded neighbourhoods, circumstances and school proximity', () => {
    const schema = TRANSITIONS.housing_needs_recorded.data as { required?: string[]; properties: Record<string, unknown> };
    expect(Object.keys(schema.properties)).toEqual(['preferredNeighbourhoods', 'excludedNeighbourhoods', 'circumstances', 'schoolProximity']);
  });

  it('R-OR-07 / R-MA-03: many preferences give a notice about expectations (never a block)', () => {
    const w = toMatching();
    const n = notices({ state: w.state, asOf: '2026-02-01', birthDate: null, housingNeeds: { preferredNeighbourhoods: ['Oost', 'Zuid'], excludedNeighbourhoods: ['Haven'] } });
    expect(n.map((x) => x.rule)).toContain('R-OR-07');
    expect(notices({ state: w.state, asOf: '2026-02-01', birthDate: null, housingNeeds: { preferredNeighbourhoods: ['Oost'], excludedNeighbourhoods: [] } }).map((x) => x.rule)).not.toContain('R-OR-07');
  });

  it('R-OR-08: the referral analysis records the criteria C1–C5 and the nuisance risk', () => {
    const schema = TRANSITIONS.referral_analysis_recorded.data as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties)).toEqual(['c1PaysRent', 'c2GoodNeighbour', 'c3AcceptsSupport', 'c4GoalsMatchLifeDomains', 'c5ChildrenEnvironment', 'nuisanceRisk']);
  });

  it('R-OR-10: preparation records network, finances, the WoningNet check and the income statement', () => {
    const w = toMatching(new Walk());
    expect(w.state.referralSubmittedOn).toBe('2026-01-08');
    const schema = TRANSITIONS.preparation_recorded.data as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties)).toEqual(['network', 'finances', 'woningnetChecked', 'incomeStatementRequested', 'financialSupportCondition']);
  });

  it('R-OR-12: a care provider may name another access route (e.g. Blijf Groep) at the start; the step checks it as text of at most 200 characters', () => {
    const w = new Walk();
    expect(w.try('trajectory_started', '2026-01-05', { variant: 'other_route', accessRoute: 'Blijf Groep' })).toEqual([]);
    expect(w.try('trajectory_started', '2026-01-05', { variant: 'regular', accessRoute: 'x'.repeat(200) })).toEqual([]);
    expect(codes(w.try('trajectory_started', '2026-01-05', { variant: 'other_route', accessRoute: 'x'.repeat(201) }))).toContain('invalid_data');
    expect(codes(w.try('trajectory_started', '2026-01-05', { variant: 'other_route', accessRoute: 42 }))).toContain('invalid_data');
    // Only the care provider starts a trajectory, so only it names the route.
    expect(codes(w.try('trajectory_started', '2026-01-05', { variant: 'other_route', accessRoute: 'Blijf Groep' }, corp))).toContain('actor_not_allowed');
    w.rec('trajectory_started', '2026-01-05', { variant: 'other_route', accessRoute: 'Blijf Groep' });
    expect(w.state.enteredViaOtherRoute).toBe(true);
  });
});

describe('§6.3–6.4 urgency and matching', () => {
  it('R-OR-13: the 3-month offer aim is reported, never blocking: an offer after 4 months is still accepted', () => {
    const w = toMatching();
    expect(notices({ state: w.state, asOf: '2026-05-01', birthDate: null }).map((x) => x.rule)).toContain('R-OR-13');
    expect(w.try('offer_received', '2026-05-20', OFFER, corp)).toEqual([]);
  });

  it('R-OR-15: an offer carries floor and lift, facilities, noise and defects and the contact person', () => {
    const w = toMatching();
    const { floor: _f, ...noFloor } = OFFER;
    expect(codes(w.try('offer_received', '2026-03-30', noFloor, corp))).toContain('invalid_data');
  });

  it('R-OR-17: a liveability note may accompany the offer', () => {
    const w = toMatching();
    expect(w.try('offer_received', '2026-03-30', { ...OFFER, liveabilityNote: 'Rustig portiek' }, corp)).toEqual([]);
  });

  it('R-OR-18, R-OR-19: the care provider replies (accept, view, refuse); a viewing is optional', () => {
    const w = toMatching();
    w.rec('offer_received', '2026-03-30', OFFER, corp);
    expect(codes(w.try('offer_replied', '2026-03-31', { reply: 'maybe' }))).toContain('invalid_data');
    w.rec('offer_replied', '2026-03-31', { reply: 'accept' });
    w.rec('client_informed', '2026-04-01', { choicesDiscussed: true });
    expect(w.try('match_final', '2026-04-02', { oldRegistrationKept: false }, corp)).toEqual([]);
  });

  it('R-OR-21: the match is final only after the client was informed of the offer', () => {
    const w = toMatching();
    w.rec('offer_received', '2026-03-30', OFFER, corp);
    expect(w.try('match_final', '2026-04-02', { oldRegistrationKept: false }, corp).map((x) => x.rule)).toContain('R-OR-21');
  });

  it('R-OR-22: the client refusing the one-time offer is recorded with reasons (case review, no automatic second offer)', () => {
    const w = toMatching();
    w.rec('offer_received', '2026-03-30', OFFER, corp);
    expect(codes(w.try('client_refused_offer', '2026-04-01', {}))).toContain('invalid_data');
    w.rec('client_refused_offer', '2026-04-01', { reasons: 'Wil niet zo ver van school' });
    expect(w.state.offers[0]!.clientRefusedOn).toBe('2026-04-01');
  });

  it('R-OR-23, R-OR-24: only the corporation makes the match final; it must say whether the old registration is kept', () => {
    const w = toMatching();
    w.rec('offer_received', '2026-03-30', OFFER, corp);
    w.rec('offer_replied', '2026-03-31', { reply: 'accept' });
    w.rec('client_informed', '2026-04-01', { choicesDiscussed: true });
    expect(codes(w.try('match_final', '2026-04-02', {}, corp))).toContain('invalid_data');
    expect(codes(w.try('match_final', '2026-04-02', { oldRegistrationKept: 'ja' }, corp))).toContain('invalid_data');
    expect(codes(w.try('match_final', '2026-04-02', { oldRegistrationKept: false }, careWorker))).toContain('actor_not_allowed');
    expect(w.try('match_final', '2026-04-02', { oldRegistrationKept: true }, corp)).toEqual([]);
    w.rec('match_final', '2026-04-02', { oldRegistrationKept: false, newWoningnetNumber: 'WN-2' }, corp);
    expect(w.state.matchFinalOn).toBe('2026-04-02');
  });

  it('R-OR-25, R-OR-26 / R-MA-19: BRP registration and the special-assistance application come after the match', () => {
    const w = toMatching();
    w.today = '2026-04-01';
    expect(w.try('brp_registered', '2026-03-01')).toEqual([]);
    const v = new Walk();
    v.rec('trajectory_started', '2026-01-05', { variant: 'regular' });
    v.rec('consent_given', '2026-01-05', { consentId: 'c1' });
    expect(codes(v.try('special_assistance_applied', '2026-01-06'))).toContain('phase_not_allowed');
  });
});

describe('§6.5–6.7 key handover, introduction meeting, support plan', () => {
  it('R-OR-29: the care provider records the key handover and must say whether the corporation contact attended (yes or no)', () => {
    const w = toKeyHandover();
    const before = new Walk();
    before.events = w.events.filter((e) => e.type !== 'key_handover');
    expect(codes(before.try('key_handover', '2026-04-16', {}))).toContain('invalid_data');
    expect(codes(before.try('key_handover', '2026-04-16', { corporationContactPresent: 'misschien' }))).toContain('invalid_data');
    expect(codes(before.try('key_handover', '2026-04-16', { corporationContactPresent: true }, corp))).toContain('actor_not_allowed');
    expect(before.try('key_handover', '2026-04-16', { corporationContactPresent: false })).toEqual([]);
    expect(before.try('key_handover', '2026-04-16', { corporationContactPresent: true })).toEqual([]);
  });

  it('R-OR-30: contact details are exchanged by care provider and corporation', () => {
    const w = toKeyHandover();
    expect(w.try('contacts_exchanged', '2026-04-16', {}, corp)).toEqual([]);
    expect(w.try('contacts_exchanged', '2026-04-16', {}, careWorker)).toEqual([]);
  });

  it('R-OR-33 / R-MA-42: the intermediate lease lasts at least one year before transfer (T1)', () => {
    const w = toKeyHandover();
    expect(transferConditions(w.state, '2027-04-14').find((c) => c.id === 'T1')!.met).toBe(false);
    expect(transferConditions(w.state, '2027-04-15').find((c) => c.id === 'T1')!.met).toBe(true);
  });

  it('R-OR-34: the introduction meeting is scheduled (D-07) and held (D-08) after the key handover', () => {
    const w = toKeyHandover();
    expect(codes(w.try('introduction_meeting_scheduled', '2026-04-20', {}))).toContain('invalid_data');
    w.rec('introduction_meeting_scheduled', '2026-04-20', { plannedOn: '2026-05-12' });
    expect(w.state.introScheduledOn).toBe('2026-04-20');
  });

  it('R-OR-39: the evaluation frequency agreed at the introduction meeting is recorded; a low frequency for a young adult gives a warning', () => {
    const w = toKeyHandover();
    w.rec('introduction_meeting_held', '2026-05-20', { atDwelling: true, evaluationIntervalMonths: 12 });
    expect(w.state.evaluationIntervalMonths).toBe(12);
    expect(notices({ state: w.state, asOf: '2026-06-01', birthDate: '2004-01-01' }).map((x) => x.rule)).toContain('R-OR-39');
    expect(notices({ state: w.state, asOf: '2026-06-01', birthDate: '1980-01-01' }).map((x) => x.rule)).not.toContain('R-OR-39');
  });

  it('R-OR-41: the support plan is recorded as completed (D-06 met)', () => {
    const w = toKeyHandover();
    w.rec('support_plan_completed', '2026-05-20');
    expect(w.state.supportPlanOn).toBe('2026-05-20');
    expect(w.state.reached).toContain('P6_support_plan');
  });
});

describe('§6.8–6.9 living with support, evaluations', () => {
  it('R-OR-51: the care provider may relocate the resident temporarily (time-out)', () => {
    const w = toKeyHandover();
    w.rec('time_out_started', '2026-06-01', { place: 'Time-outvoorziening' });
    expect(w.state.inTimeOutSince).toBe('2026-06-01');
    expect(codes(w.try('time_out_started', '2026-06-02', { place: 'x' }))).toContain('time_out_running');
  });

  it('R-OR-52, R-OR-53, R-OR-54: Fibu-team agreements are recorded and evaluated every six months (D-12)', () => {
    const w = toKeyHandover();
    w.rec('fibu_agreements_made', '2026-05-01');
    expect(w.state.fibuAgreementsOn).toBe('2026-05-01');
    w.rec('fibu_evaluation_held', '2026-10-28');
    expect(w.state.fibuEvaluations).toEqual(['2026-10-28']);
  });

  it('R-OR-56, R-OR-57: the evaluation takes place at the dwelling', () => {
    const w = toKeyHandover();
    w.rec('introduction_meeting_held', '2026-05-20', { atDwelling: true, evaluationIntervalMonths: 12 });
    expect(w.try('housing_evaluation_held', '2027-04-20', { outcome: 'continue', consentChecked: true, preConsultationHeld: true, atDwelling: false, pointsForProgress: 'x' }).map((x) => x.rule)).toContain('R-OR-57');
  });

  it('R-OR-58, R-OR-90: consent is checked again before every evaluation', () => {
    const w = toKeyHandover();
    w.rec('introduction_meeting_held', '2026-05-20', { atDwelling: true, evaluationIntervalMonths: 12 });
    expect(w.try('housing_evaluation_held', '2027-04-20', { outcome: 'start_transfer', consentChecked: false, preConsultationHeld: true, atDwelling: true }).map((x) => x.rule)).toContain('R-OR-90');
  });

  it('R-OR-59: the evaluation is preceded by the telephone pre-consultation with the corporation contact', () => {
    const w = toKeyHandover();
    w.rec('introduction_meeting_held', '2026-05-20', { atDwelling: true, evaluationIntervalMonths: 12 });
    expect(w.try('housing_evaluation_held', '2027-04-20', { outcome: 'start_transfer', consentChecked: true, preConsultationHeld: false, atDwelling: true }).map((x) => x.rule)).toContain('R-OR-59');
  });

  it('R-OR-47, R-OR-48, R-OR-49: signals are passed on; the corporation consults the care provider before confronting the resident', () => {
    const w = toKeyHandover();
    expect(w.try('signal_reported', '2026-05-01', { kind: 'nuisance', description: 'Geluidsoverlast in de nacht', sharedWithResident: true }, corp).map((x) => x.rule)).toContain('R-OR-48');
    // After consulting the care provider the corporation may share it; without sharing it may always pass it on.
    expect(w.try('signal_reported', '2026-05-01', { kind: 'nuisance', description: 'Geluidsoverlast in de nacht', sharedWithResident: true, careProviderConsulted: true }, corp)).toEqual([]);
    expect(w.try('signal_reported', '2026-05-01', { kind: 'nuisance', description: 'Geluidsoverlast in de nacht', sharedWithResident: false }, corp)).toEqual([]);
    // R-OR-47 both ways, R-OR-49: the care provider (who has the lead with the resident) passes on and discusses a signal without that condition.
    expect(w.try('signal_reported', '2026-05-02', { kind: 'rent_arrears', description: 'Huur april niet betaald', sharedWithResident: true }, careWorker)).toEqual([]);
    // A signal is passed on to the other party: the corporation sees the care provider's signal.
    expect(canSeeEvent('corporation', 'signal_reported')).toBe(true);
    // Signals belong to the time the resident lives in the dwelling: not before the key handover.
    expect(codes(toMatching().try('signal_reported', '2026-03-01', { kind: 'nuisance', description: 'x', sharedWithResident: false }, corp))).toContain('phase_not_allowed');
  });

  it('R-OR-11: accepting support with financial management may be a condition, recorded in the preparation', () => {
    const w = new Walk();
    w.rec('trajectory_started', '2026-01-05', { variant: 'regular' });
    w.rec('consent_given', '2026-01-05', { consentId: 'c1' });
    expect(w.try('preparation_recorded', '2026-01-06', { network: 'Zus', finances: 'Schulden in beeld', woningnetChecked: true, incomeStatementRequested: true, financialSupportCondition: true })).toEqual([]);
  });

  it('R-OR-27 / R-MA-20: a complaint or objection of the client about the offer is recorded', () => {
    const w = toMatching();
    expect(w.try('complaint_recorded', '2026-03-01', { about: 'offer', channel: 'objection', summary: 'Bezwaar tegen aanbod' })).toEqual([]);
  });

  it('R-OR-60: continuing without transfer names the points on which progress is needed', () => {
    const w = toKeyHandover();
    w.rec('introduction_meeting_held', '2026-05-20', { atDwelling: true, evaluationIntervalMonths: 12 });
    expect(w.try('housing_evaluation_held', '2027-04-20', { outcome: 'continue', consentChecked: true, preConsultationHeld: true, atDwelling: true }).map((x) => x.rule)).toContain('R-OR-60');
  });

  it('R-OR-63: each evaluation ends with exactly one outcome: continue, lasting intermediate lease, or start transfer', () => {
    const w = toKeyHandover();
    w.rec('introduction_meeting_held', '2026-05-20', { atDwelling: true, evaluationIntervalMonths: 12 });
    expect(codes(w.try('housing_evaluation_held', '2027-04-20', { outcome: 'undecided', consentChecked: true, preConsultationHeld: true, atDwelling: true }))).toContain('invalid_data');
    w.rec('housing_evaluation_held', '2027-04-20', { outcome: 'start_transfer', consentChecked: true, preConsultationHeld: true, atDwelling: true });
    expect(w.state.evaluations.map((e) => e.outcome)).toEqual(['start_transfer']);
  });
});

describe('§6.10–6.12 transfer, aftercare, side exits', () => {
  it('R-OR-66: the transfer decision is joint: resident, care provider and corporation all agree', () => {
    const w = toKeyHandover();
    w.rec('introduction_meeting_held', '2026-05-20', { atDwelling: true, evaluationIntervalMonths: 12 });
    w.rec('housing_evaluation_held', '2027-04-20', { outcome: 'start_transfer', consentChecked: true, preConsultationHeld: true, atDwelling: true });
    w.rec('nuisance_check_done', '2027-04-22', { complaintsFound: false, transferPossibleWithoutBehaviourChange: true, checkedWith: ['nuisance_hub', 'corporation'] });
    expect(codes(w.try('transfer_decision_joint', '2027-05-03', { residentAgrees: true, careProviderAgrees: true, corporationAgrees: false, noUnacceptableRisks: true, aftercareNeeds: 'x' }))).toContain('invalid_data');
  });

  it('R-OR-67: the care provider fills in the nomination; the corporation cannot', () => {
    const w = fullRouteToWonen();
    expect(codes(w.try('nomination_filled', '2027-06-02', {}, corp))).toContain('actor_not_allowed');
  });

  it('R-OR-70: the nomination goes to Wonen only once the corporation has NAW data, bank account and IBRI', () => {
    const w = fullRouteToWonen();
    const before = new Walk();
    before.events = w.events.slice(0, -1);
    expect(before.try('nomination_sent_to_wonen', '2027-06-01', { nawBankIbriShared: false }).map((x) => x.rule)).toContain('R-OR-70');
  });

  it('R-OR-72: after four weeks without a contract in own name a notice reminds the corporation (SHOULD)', () => {
    const w = fullRouteToWonen();
    w.rec('wonen_confirmed', '2027-06-04', {}, wonen);
    expect(notices({ state: w.state, asOf: '2027-07-03', birthDate: null }).map((x) => x.rule)).toContain('R-OR-72');
  });

  it('R-OR-73: an E2 entry (UMO/UJO panel) evaluates first, not necessarily at the dwelling', () => {
    const w = new Walk();
    w.rec('trajectory_started', '2026-01-05', { variant: 'umo_ujo_panel' });
    w.rec('consent_given', '2026-01-05', { consentId: 'c1' });
    const s = deriveState(w.events);
    expect(s.enteredViaOtherRoute).toBe(true);
    // The evaluation's dwelling requirement does not apply to E2 entries.
    const kh = toKeyHandover();
    kh.events[0]!.data.variant = 'umo_ujo_panel';
    kh.rec('introduction_meeting_held', '2026-05-20', { atDwelling: true, evaluationIntervalMonths: 12 });
    expect(kh.try('housing_evaluation_held', '2027-04-20', { outcome: 'start_transfer', consentChecked: true, preConsultationHeld: true, atDwelling: false })).toEqual([]);
  });

  it('R-OR-74: the deposit at transfer is recorded with the contract in own name', () => {
    const w = fullRouteToWonen();
    w.rec('wonen_confirmed', '2027-06-04', {}, wonen);
    expect(w.try('contract_own_name_signed', '2027-07-01', { contractType: 'indefinite', depositEur: 450 }, corp)).toEqual([]);
  });

  it('R-OR-76, R-OR-77: light support after transfer is optional (closing without it is allowed); nothing ends Fibu budget management', () => {
    const w = fullRouteToWonen();
    w.rec('fibu_agreements_made', '2027-05-15');
    w.rec('wonen_confirmed', '2027-06-04', {}, wonen);
    w.rec('contract_own_name_signed', '2027-07-01', { contractType: 'indefinite' }, corp);
    // R-OR-76: no light support was started and the trajectory may still be closed; no D-16 is imposed.
    expect(w.try('trajectory_closed', '2027-09-01')).toEqual([]);
    expect(w.deadlines().some((d) => d.ruleId === 'D-16')).toBe(false);
    // R-OR-77 / D-17: after the transfer the Fibu evaluations (D-12) stop and no deadline ends budget management.
    expect(w.deadlines().filter((d) => d.ruleId === 'D-12')).toEqual([]);
    expect(w.deadlines().some((d) => (d.ruleId as string) === 'D-17')).toBe(false);
    // Fibu agreements may still be recorded after the transfer.
    expect(w.try('fibu_agreements_made', '2027-08-01')).toEqual([]);
    w.rec('trajectory_closed', '2027-09-01');
    expect(w.state).toMatchObject({ status: 'closed', lightSupport: null });
  });

  it('R-OR-78: once the trajectory is closed, nothing more is recorded on it (later concerns follow the regular MZWO route)', () => {
    const w = fullRouteToWonen();
    w.rec('wonen_confirmed', '2027-06-04', {}, wonen);
    w.rec('contract_own_name_signed', '2027-07-01', { contractType: 'indefinite' }, corp);
    w.rec('trajectory_closed', '2027-09-01');
    expect(codes(w.try('housing_evaluation_held', '2027-10-01', { outcome: 'continue', consentChecked: true, preConsultationHeld: true, atDwelling: true, pointsForProgress: 'x' }))).toContain('trajectory_closed');
  });

  it('R-OR-82 / R-OR-94: after withdrawal a notice asks for a joint case review; the lease is not ended automatically', () => {
    const w = toKeyHandover();
    w.rec('consent_withdrawn', '2026-05-01', { consentId: 'c1' });
    expect(w.state.status).toBe('active');
    expect(notices({ state: w.state, asOf: '2026-05-02', birthDate: null }).map((x) => x.rule)).toContain('R-OR-94');
  });

  it('R-OR-65: a transfer in preparation with an unmet urgency goal gives the advice to extend the decision', () => {
    const w = fullRouteToWonen();
    w.rec('goal_achieved', '2027-06-02', { goalId: 'g1', achieved: false });
    expect(notices({ state: w.state, asOf: '2027-06-02', birthDate: null }).map((x) => x.rule)).toContain('R-OR-65');
    expect(w.try('decision_extension_requested', '2027-06-03', { reason: 'Dagbesteding nog niet stabiel' })).toEqual([]);
  });

  it('R-OR-14: goals keep their achieved status when the goals are set again', () => {
    const w = toKeyHandover();
    w.rec('goal_achieved', '2026-06-01', { goalId: 'g1', achieved: true });
    w.rec('goals_set', '2026-06-02', { goals: GOALS });
    expect(w.state.goals.find((g) => g.id === 'g1')!.achieved).toBe(true);
  });
});
