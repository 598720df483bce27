/**
 * checkEvent, one guard at a time: each case returns exactly the refusals it should — code, rule
 * and field — and the case just on the other side of the rule returns none. Rules: omslagroute.md §6.
 */
import { describe, expect, it } from 'vitest';
import { correctionPartyViolation, eventDataViolations, isTypedEventInput, mayRecord, type RecordingActor, type Violation } from './index.ts';
import { GOALS, OFFER, Walk, careWorker, corp, reviewer, toKeyHandover, toMatching, wonen } from '../../../test/support/trajectory-walk.ts';

/** The refusals as [code, rule] or [code, rule, field]: the boundary output without the texts. */
const sig = (vs: Violation[]) => vs.map((x) => ('field' in x ? [x.code, x.rule, x.field] : [x.code, x.rule]));
const hub: RecordingActor = { userId: 'u-hub', role: 'nuisance_hub_officer', kinds: ['nuisance_hub'], isPersonalSupervisor: false };
const EVAL_OK = { outcome: 'start_transfer', consentChecked: true, preConsultationHeld: true, atDwelling: true };

function started() {
  const w = new Walk();
  w.rec('trajectory_started', '2026-01-05', { variant: 'regular' });
  w.rec('consent_given', '2026-01-05', { consentId: 'c1' });
  return w;
}
function introduced(start: Record<string, unknown> = { variant: 'regular' }) {
  const w = toKeyHandover(start);
  w.rec('introduction_meeting_held', '2026-05-20', { atDwelling: true, evaluationIntervalMonths: 12 });
  return w;
}
function living() {
  const w = introduced();
  w.rec('housing_evaluation_held', '2027-04-20', EVAL_OK);
  return w;
}
function decided() {
  const w = living();
  for (const g of ['g1', 'g3', 'g4']) w.rec('goal_achieved', '2027-04-20', { goalId: g, achieved: true });
  w.rec('nuisance_check_done', '2027-04-22', { complaintsFound: false, transferPossibleWithoutBehaviourChange: true, checkedWith: ['nuisance_hub', 'corporation'] });
  w.rec('transfer_decision_joint', '2027-05-03', { residentAgrees: true, careProviderAgrees: true, corporationAgrees: true, noUnacceptableRisks: true, aftercareNeeds: 'Buurteam' });
  return w;
}

describe('data, dates, phase, actor and consent', () => {
  it('invalid data is refused with the field it names, and nothing else is checked', () => {
    const w = new Walk('2026-01-05');
    // in the future as well, but the data error alone is returned
    expect(sig(w.try('trajectory_started', '2026-02-01', { variant: 'regular', accessRoute: 42 }))).toEqual([['invalid_data', null, '/data/accessRoute']]);
    expect(sig(eventDataViolations('trajectory_started', { variant: 'regular', accessRoute: 42 }))).toEqual([['invalid_data', null, '/data/accessRoute']]);
    expect(eventDataViolations('trajectory_started', { variant: 'regular' })).toEqual([]);
    expect(isTypedEventInput({ type: 'consent_given', occurredOn: '2026-01-05', data: { consentId: 'c1' } })).toBe(true);
    expect(isTypedEventInput({ type: 'consent_given', occurredOn: '2026-01-05', data: { consentId: '' } })).toBe(false);
  });

  it('a date after today is refused; today itself is accepted', () => {
    const w = new Walk('2026-01-05');
    expect(sig(w.try('trajectory_started', '2026-01-06', { variant: 'regular' }))).toEqual([['date_in_future', null, '/occurredOn']]);
    expect(w.try('trajectory_started', '2026-01-05', { variant: 'regular' })).toEqual([]);
  });

  it('a date before the start is refused; the start day itself is accepted', () => {
    const w = started();
    const needs = { preferredNeighbourhoods: [], excludedNeighbourhoods: [], circumstances: 'x', schoolProximity: '' };
    expect(sig(w.try('housing_needs_recorded', '2026-01-04', needs))).toEqual([['date_before_start', null, '/occurredOn']]);
    expect(w.try('housing_needs_recorded', '2026-01-05', needs)).toEqual([]);
  });

  it('a trajectory starts once; nothing else is recorded before it started', () => {
    expect(sig(started().try('trajectory_started', '2026-01-06', { variant: 'regular' }))).toEqual([['already_started', null]]);
    expect(sig(new Walk().try('consent_given', '2026-01-05', { consentId: 'c1' }))).toEqual([['not_started', null]]);
  });

  it('R-OR-81 / R-MA-21: reactivation only after the trajectory ended early (X2, X5, other end), never while it runs or after a re-placement (X4)', () => {
    const active = toKeyHandover();
    expect(sig(active.try('woningnet_reactivation_requested', '2026-05-01', {}, corp))).toEqual([['phase_not_allowed', null], ['not_an_early_stop', 'R-OR-81']]);
    const endWith = (type: 'care_stopped_before_transfer' | 'eviction_path_started' | 're_placement' | 'trajectory_ended', data: Record<string, unknown>) => {
      const w = toKeyHandover();
      w.rec(type, '2026-05-01', data);
      return sig(w.try('woningnet_reactivation_requested', '2026-05-02', {}, corp));
    };
    expect(endWith('care_stopped_before_transfer', { reason: 'Zorg gestopt', reportedToCorporation: true, reportedToWonen: true })).toEqual([]);
    expect(endWith('eviction_path_started', { reason: 'Overlast' })).toEqual([]);
    expect(endWith('trajectory_ended', { reason: 'Verhuisd' })).toEqual([]);
    expect(endWith('re_placement', { facility: 'Kliniek' })).toEqual([['not_an_early_stop', 'R-OR-81']]);
  });

  it('a closed trajectory takes only corrections and voids', () => {
    const w = toKeyHandover();
    w.rec('trajectory_ended', '2026-05-01', { reason: 'Verhuisd' });
    expect(sig(w.try('goal_achieved', '2026-05-02', { goalId: 'g1', achieved: true }))).toEqual([['trajectory_closed', null]]);
    expect(w.try('event_corrected', '2026-05-02', { reason: 'Typefout' }, careWorker, 'e1')).toEqual([]);
    expect(w.try('event_voided', '2026-05-02', { reason: 'Vergissing' }, careWorker, 'e1')).toEqual([]);
  });

  it('a step outside its phases is refused with the first rule of the step', () => {
    const w = toMatching();
    expect(sig(w.try('referral_submitted', '2026-03-01'))).toEqual([['phase_not_allowed', 'R-OR-06']]);
    // 'active' steps are allowed in any phase
    expect(w.try('goal_achieved', '2026-03-01', { goalId: 'g1', achieved: true })).toEqual([]);
  });

  it('R-OR-03: a step is refused when the role or the organisation relation is not the recording party', () => {
    const w = started();
    const needs = { preferredNeighbourhoods: [], excludedNeighbourhoods: [], circumstances: 'x', schoolProximity: '' };
    expect(sig(w.try('housing_needs_recorded', '2026-01-06', needs, corp))).toEqual([['actor_not_allowed', 'R-OR-06']]);
    expect(sig(w.try('housing_needs_recorded', '2026-01-06', needs, { ...careWorker, role: 'wonen_officer' }))).toEqual([['actor_not_allowed', 'R-OR-06']]);
    expect(sig(w.try('housing_needs_recorded', '2026-01-06', needs, { ...careWorker, kinds: ['corporation'] }))).toEqual([['actor_not_allowed', 'R-OR-06']]);
    // a step without rules names none
    expect(sig(w.try('event_voided', '2026-01-06', { reason: 'x' }, hub, 'e1'))).toEqual([['actor_not_allowed', null]]);
  });

  it('R-OR-82, R-OR-94: without active consent only the care provider records; starting and giving consent are exempt', () => {
    const w = new Walk();
    w.rec('trajectory_started', '2026-01-05', { variant: 'regular' });
    const dev = { item: 'offer', reason: 'x', agreedBy: ['care_provider', 'corporation'] };
    expect(sig(w.try('deviation_recorded', '2026-01-05', dev, corp))).toEqual([['no_consent', 'R-OR-82']]);
    expect(w.try('deviation_recorded', '2026-01-05', dev, careWorker)).toEqual([]);
    expect(sig(w.try('consent_given', '2026-01-05', { consentId: 'c1' }, corp))).toEqual([['actor_not_allowed', 'R-OR-82']]);
    expect(sig(new Walk().try('trajectory_started', '2026-01-05', { variant: 'regular' }, corp))).toEqual([['actor_not_allowed', 'R-OR-01']]);
    w.rec('consent_given', '2026-01-05', { consentId: 'c1' });
    expect(w.try('deviation_recorded', '2026-01-06', dev, corp)).toEqual([]);
    w.rec('consent_withdrawn', '2026-01-07', { consentId: 'c1' });
    expect(sig(w.try('deviation_recorded', '2026-01-08', dev, corp))).toEqual([['no_consent', 'R-OR-82']]);
  });
});

describe('referral and goals', () => {
  it('R-OR-06, R-OR-08, R-OR-09: the referral needs the profile, the analysis and goals; each missing part is named', () => {
    const w = started();
    expect(sig(w.try('referral_submitted', '2026-01-08'))).toEqual([['housing_needs_missing', 'R-OR-06'], ['analysis_missing', 'R-OR-08'], ['goals_missing', 'R-OR-09']]);
    w.rec('housing_needs_recorded', '2026-01-06', { preferredNeighbourhoods: [], excludedNeighbourhoods: [], circumstances: 'x', schoolProximity: '' });
    expect(sig(w.try('referral_submitted', '2026-01-08'))).toEqual([['analysis_missing', 'R-OR-08'], ['goals_missing', 'R-OR-09']]);
    w.rec('referral_analysis_recorded', '2026-01-07', { c1PaysRent: true, c2GoodNeighbour: true, c3AcceptsSupport: true, c4GoalsMatchLifeDomains: true, c5ChildrenEnvironment: null, nuisanceRisk: 'Laag' });
    expect(sig(w.try('referral_submitted', '2026-01-08'))).toEqual([['goals_missing', 'R-OR-09']]);
    w.rec('goals_set', '2026-01-07', { goals: GOALS });
    expect(w.try('referral_submitted', '2026-01-08')).toEqual([]);
  });

  it('R-OR-14: goal ids are unique; R-OR-09: every life domain has a goal', () => {
    const w = started();
    expect(w.try('goals_set', '2026-01-07', { goals: GOALS })).toEqual([]);
    const dup = GOALS.map((g, i) => (i === 1 ? { ...g, id: 'g1' } : g));
    expect(sig(w.try('goals_set', '2026-01-07', { goals: dup }))).toEqual([['duplicate_goal_id', 'R-OR-14', '/data/goals']]);
    const [g1, g2, , g4] = GOALS;
    const r = w.try('goals_set', '2026-01-07', { goals: [g1, g2, g4] });
    expect(sig(r)).toEqual([['life_domains_missing', 'R-OR-09', '/data/goals']]);
    expect(r[0]!.en).toBe('Goals are missing for the life domains: psychological functioning.');
    expect(r[0]!.nl).toBe('Er ontbreken doelen voor de leefdomeinen: psychisch functioneren.');
  });

  it('R-OR-14: only an existing goal can be assessed', () => {
    const w = toMatching();
    expect(sig(w.try('goal_achieved', '2026-03-01', { goalId: 'g9', achieved: true }))).toEqual([['unknown_goal', 'R-OR-14', '/data/goalId']]);
    expect(w.try('goal_achieved', '2026-03-01', { goalId: 'g2', achieved: true })).toEqual([]);
  });
});

describe('matching', () => {
  it('R-OR-16: no dwelling with a recent nuisance file', () => {
    const w = toMatching();
    expect(sig(w.try('offer_received', '2026-03-30', { ...OFFER, recentNuisanceFile: true }, corp))).toEqual([['recent_nuisance_file', 'R-OR-16', '/data/recentNuisanceFile']]);
    expect(w.try('offer_received', '2026-03-30', OFFER, corp)).toEqual([]);
  });

  it('R-OR-22: a new offer only when the last one was refused by the care provider or the client', () => {
    const w = toMatching();
    w.rec('offer_received', '2026-03-30', OFFER, corp);
    expect(sig(w.try('offer_received', '2026-04-01', OFFER, corp))).toEqual([['offer_open', 'R-OR-22']]);
    w.rec('offer_refused', '2026-04-01', { reasons: 'Te ver' });
    expect(w.try('offer_received', '2026-04-02', OFFER, corp)).toEqual([]);
    w.rec('offer_received', '2026-04-20', OFFER, corp);
    // the first offer was refused, the last one is open
    expect(sig(w.try('offer_received', '2026-04-21', OFFER, corp))).toEqual([['offer_open', 'R-OR-22']]);
    w.rec('client_refused_offer', '2026-04-22', { reasons: 'Wil niet' });
    expect(w.try('offer_received', '2026-04-23', OFFER, corp)).toEqual([]);
  });

  it('R-OR-15: replying, viewing, refusing and informing need an offer', () => {
    const w = toMatching();
    const steps = [
      ['offer_replied', { reply: 'accept' }], ['viewing_held', {}], ['offer_refused', { reasons: 'x' }],
      ['client_informed', { choicesDiscussed: true }], ['client_refused_offer', { reasons: 'x' }],
    ] as const;
    for (const [type, data] of steps) expect(sig(w.try(type, '2026-03-01', data))).toEqual([['no_offer', 'R-OR-15']]);
    w.rec('offer_received', '2026-03-30', OFFER, corp);
    for (const [type, data] of steps) expect(w.try(type, '2026-03-31', data)).toEqual([]);
  });

  it('R-OR-19: a viewing is not before the (last) offer; the offer day itself is fine', () => {
    const w = toMatching();
    w.rec('offer_received', '2026-03-30', OFFER, corp);
    expect(sig(w.try('viewing_held', '2026-03-29'))).toEqual([['date_before_offer', 'R-OR-19', '/occurredOn']]);
    expect(w.try('viewing_held', '2026-03-30')).toEqual([]);
    expect(w.try('offer_refused', '2026-03-29', { reasons: 'x' })).toEqual([]);
    w.rec('offer_refused', '2026-04-01', { reasons: 'x' });
    w.rec('offer_received', '2026-04-20', OFFER, corp);
    expect(sig(w.try('viewing_held', '2026-04-19'))).toEqual([['date_before_offer', 'R-OR-19', '/occurredOn']]);
    expect(w.try('viewing_held', '2026-04-20')).toEqual([]);
  });

  it('R-OR-21: the match needs an informed client on an offer neither party refused', () => {
    const informed = () => {
      const w = toMatching();
      w.rec('offer_received', '2026-03-30', OFFER, corp);
      w.rec('client_informed', '2026-04-01', { choicesDiscussed: true });
      return w;
    };
    expect(informed().try('match_final', '2026-04-02', { oldRegistrationKept: false }, corp)).toEqual([]);
    const refused = informed();
    refused.rec('offer_refused', '2026-04-02', { reasons: 'x' });
    expect(sig(refused.try('match_final', '2026-04-03', { oldRegistrationKept: false }, corp))).toEqual([['client_not_informed', 'R-OR-21']]);
    const clientRefused = informed();
    clientRefused.rec('client_refused_offer', '2026-04-02', { reasons: 'x' });
    expect(sig(clientRefused.try('match_final', '2026-04-03', { oldRegistrationKept: false }, corp))).toEqual([['client_not_informed', 'R-OR-21']]);
  });

  it('R-OR-23, R-OR-28, R-OR-02: lease needs the match; the keys need match, a ready dwelling and signed leases', () => {
    const w = toMatching();
    expect(sig(w.try('lease_signed', '2026-04-15', { ibriShared: true }, corp))).toEqual([['no_match', 'R-OR-23']]);
    expect(sig(w.try('key_handover', '2026-04-16', { corporationContactPresent: true }))).toEqual([['no_match', 'R-OR-23'], ['dwelling_not_ready', 'R-OR-28'], ['lease_not_signed', 'R-OR-02']]);
    w.rec('offer_received', '2026-03-30', OFFER, corp);
    w.rec('client_informed', '2026-04-01', { choicesDiscussed: true });
    w.rec('match_final', '2026-04-10', { oldRegistrationKept: true }, corp);
    expect(w.try('lease_signed', '2026-04-15', { ibriShared: true }, corp)).toEqual([]);
    expect(sig(w.try('key_handover', '2026-04-16', { corporationContactPresent: true }))).toEqual([['dwelling_not_ready', 'R-OR-28'], ['lease_not_signed', 'R-OR-02']]);
    w.rec('dwelling_ready', '2026-04-14', {}, corp);
    expect(sig(w.try('key_handover', '2026-04-16', { corporationContactPresent: true }))).toEqual([['lease_not_signed', 'R-OR-02']]);
    w.rec('lease_signed', '2026-04-15', { ibriShared: true }, corp);
    expect(w.try('key_handover', '2026-04-16', { corporationContactPresent: true })).toEqual([]);
  });
});

describe('living', () => {
  it('D-08 / R-OR-05: the introduction meeting within 3 months of the keys (16 Apr → 16 Jul); later only with a D-08 deviation', () => {
    const w = toKeyHandover(); // keys 2026-04-16
    const meet = (on: string) => sig(w.try('introduction_meeting_held', on, { atDwelling: true, evaluationIntervalMonths: 6 }));
    expect(meet('2026-07-16')).toEqual([]);
    expect(meet('2026-07-17')).toEqual([['d08_exceeded_without_deviation', 'R-OR-05']]);
    w.rec('deviation_recorded', '2026-07-01', { item: 'offer', reason: 'x', agreedBy: ['care_provider', 'corporation'] });
    expect(meet('2026-07-17')).toEqual([['d08_exceeded_without_deviation', 'R-OR-05']]);
    w.rec('deviation_recorded', '2026-07-02', { item: 'D-08', reason: 'Opname', agreedBy: ['care_provider', 'corporation'] });
    expect(meet('2026-07-17')).toEqual([]);
  });

  it('R-OR-35: the introduction meeting is at the dwelling; R-OR-32: after the transfer goals were communicated', () => {
    const w = toKeyHandover();
    expect(sig(w.try('introduction_meeting_held', '2026-05-20', { atDwelling: false, evaluationIntervalMonths: 6 }))).toEqual([['not_at_dwelling', 'R-OR-35', '/data/atDwelling']]);
    const v = toMatching();
    v.rec('offer_received', '2026-03-30', OFFER, corp);
    v.rec('client_informed', '2026-04-08', { choicesDiscussed: true });
    v.rec('match_final', '2026-04-10', { oldRegistrationKept: true }, corp);
    v.rec('dwelling_ready', '2026-04-14', {}, corp);
    v.rec('lease_signed', '2026-04-15', { ibriShared: true }, corp);
    v.rec('key_handover', '2026-04-16', { corporationContactPresent: true });
    expect(sig(v.try('introduction_meeting_held', '2026-05-20', { atDwelling: true, evaluationIntervalMonths: 6 }))).toEqual([['transfer_goals_not_communicated', 'R-OR-32']]);
  });

  it('R-OR-59, R-OR-90, R-OR-57, R-OR-60: the housing evaluation needs the pre-consultation, a consent check, the dwelling and, to continue, points for progress', () => {
    const w = introduced();
    const ev = (data: Record<string, unknown>) => sig(w.try('housing_evaluation_held', '2027-04-20', { ...EVAL_OK, ...data }));
    expect(ev({})).toEqual([]);
    expect(ev({ preConsultationHeld: false })).toEqual([['pre_consultation_missing', 'R-OR-59', '/data/preConsultationHeld']]);
    expect(ev({ consentChecked: false })).toEqual([['consent_not_checked', 'R-OR-90', '/data/consentChecked']]);
    expect(ev({ atDwelling: false })).toEqual([['not_at_dwelling', 'R-OR-57', '/data/atDwelling']]);
    expect(ev({ outcome: 'continue' })).toEqual([['points_for_progress_missing', 'R-OR-60', '/data/pointsForProgress']]);
    expect(ev({ outcome: 'continue', pointsForProgress: '' })).toEqual([['points_for_progress_missing', 'R-OR-60', '/data/pointsForProgress']]);
    expect(ev({ outcome: 'continue', pointsForProgress: 'Dagbesteding' })).toEqual([]);
    expect(ev({ outcome: 'lasting_intermediate_lease' })).toEqual([]);
  });

  it('R-OR-57: the UMO/UJO panel and the lasting intermediate lease may evaluate elsewhere; other variants not', () => {
    const at = (variant: string) => sig(introduced({ variant }).try('housing_evaluation_held', '2027-04-20', { ...EVAL_OK, atDwelling: false }));
    expect(at('umo_ujo_panel')).toEqual([]);
    expect(at('lasting_intermediate_lease')).toEqual([]);
    expect(at('new_chance')).toEqual([['not_at_dwelling', 'R-OR-57', '/data/atDwelling']]);
  });

  it('R-OR-48: a corporation shares a nuisance signal with the resident only after consulting the care provider', () => {
    const w = toKeyHandover();
    const sig_ = (data: Record<string, unknown>, actor: RecordingActor) => sig(w.try('signal_reported', '2026-05-01', { kind: 'nuisance', description: 'Geluid', ...data }, actor));
    expect(sig_({ sharedWithResident: true }, corp)).toEqual([['care_provider_not_consulted', 'R-OR-48', '/data/careProviderConsulted']]);
    expect(sig_({ sharedWithResident: true, careProviderConsulted: false }, corp)).toEqual([['care_provider_not_consulted', 'R-OR-48', '/data/careProviderConsulted']]);
    expect(sig_({ sharedWithResident: true, careProviderConsulted: true }, corp)).toEqual([]);
    expect(sig_({ sharedWithResident: false }, corp)).toEqual([]);
    expect(sig_({ sharedWithResident: true }, careWorker)).toEqual([]);
    expect(sig_({ sharedWithResident: true }, { ...corp, kinds: ['corporation', 'care_provider'] })).toEqual([]);
  });

  it('D-OV-09: one time-out at a time; ending needs a running one', () => {
    const w = toKeyHandover();
    expect(sig(w.try('time_out_ended', '2026-05-01', { outcome: 'returned' }))).toEqual([['no_time_out', 'D-OV-09']]);
    expect(w.try('time_out_started', '2026-05-01', { place: 'Kliniek' })).toEqual([]);
    w.rec('time_out_started', '2026-05-01', { place: 'Kliniek' });
    expect(sig(w.try('time_out_started', '2026-05-02', { place: 'Kliniek' }))).toEqual([['time_out_running', 'D-OV-09']]);
    expect(w.try('time_out_ended', '2026-05-03', { outcome: 'returned' })).toEqual([]);
  });

  it('R-MO-18: recording the municipality needs one', () => {
    const w = toMatching();
    const id = '4b0f6c1e-2d3a-4e5f-8a9b-0c1d2e3f4a5b';
    expect(sig(w.try('municipality_recorded', '2026-03-01', { municipalityId: undefined }))).toEqual([['municipality_missing', 'R-MO-18', '/data/municipalityId']]);
    expect(w.try('municipality_recorded', '2026-03-01', { municipalityId: id })).toEqual([]);
    expect(w.try('municipality_recorded', '2026-03-01', { dwellingMunicipalityId: id })).toEqual([]);
  });
});

describe('transfer', () => {
  it('R-OR-64: the joint decision needs an evaluation and the nuisance check', () => {
    const w = living();
    expect(sig(w.try('transfer_decision_joint', '2027-05-03', { residentAgrees: true, careProviderAgrees: true, corporationAgrees: true, noUnacceptableRisks: true, aftercareNeeds: 'x' }))).toEqual([['no_nuisance_check', 'R-OR-64']]);
  });

  it('R-OR-68: the reviewer is not the resident’s personal supervisor', () => {
    const w = decided();
    w.rec('nomination_filled', '2027-05-10', {});
    const review = { verdict: 'approved', reasonCodes: [], motivation: 'Goed' };
    expect(w.try('independent_review', '2027-05-20', review, reviewer)).toEqual([]);
    expect(sig(w.try('independent_review', '2027-05-20', review, { ...reviewer, isPersonalSupervisor: true }))).toEqual([['reviewer_is_supervisor', 'R-OR-68']]);
  });

  it('R-OR-64, R-OR-70, R-OR-71: the nomination needs T1–T7 and the NAW data; Wonen answers only a nomination; the contract needs T8', () => {
    const w = decided();
    expect(sig(w.try('wonen_confirmed', '2027-05-05', {}, wonen))).toEqual([['not_sent_to_wonen', 'R-OR-71']]);
    expect(sig(w.try('wonen_returned', '2027-05-05', { reasonCodes: ['x'], motivation: 'x' }, wonen))).toEqual([['not_sent_to_wonen', 'R-OR-71']]);
    expect(sig(w.try('contract_own_name_signed', '2027-05-05', { contractType: 'indefinite' }, corp))).toEqual([['not_confirmed', 'R-OR-64']]);
    // no review yet: T7 fails
    expect(sig(w.try('nomination_sent_to_wonen', '2027-05-05', { nawBankIbriShared: false }))).toEqual([['transfer_condition_T7', 'R-OR-64'], ['naw_not_shared', 'R-OR-70', '/data/nawBankIbriShared']]);
    w.rec('independent_review', '2027-05-20', { verdict: 'approved', reasonCodes: [], motivation: 'Goed' }, reviewer);
    expect(w.try('nomination_sent_to_wonen', '2027-06-01', { nawBankIbriShared: true })).toEqual([]);
    w.rec('nomination_sent_to_wonen', '2027-06-01', { nawBankIbriShared: true });
    expect(w.try('wonen_confirmed', '2027-06-04', {}, wonen)).toEqual([]);
    expect(w.try('wonen_returned', '2027-06-04', { reasonCodes: ['x'], motivation: 'x' }, wonen)).toEqual([]);
    w.rec('wonen_confirmed', '2027-06-04', {}, wonen);
    expect(w.try('contract_own_name_signed', '2027-07-01', { contractType: 'indefinite' }, corp)).toEqual([]);
  });
});

describe('who may record and correct', () => {
  it('mayRecord follows role and relation together', () => {
    expect(mayRecord('offer_received', corp)).toBe(true);
    expect(mayRecord('offer_received', careWorker)).toBe(false);
    expect(mayRecord('offer_received', { role: 'care_worker', kinds: ['corporation'] })).toBe(false);
    expect(mayRecord('offer_received', { role: 'corporation_contact', kinds: ['care_provider'] })).toBe(false);
  });

  it('R-OR-82: only a party that may record a step corrects or voids it', () => {
    expect(correctionPartyViolation('consent_given', careWorker)).toBeNull();
    expect(sig([correctionPartyViolation('consent_given', wonen)!])).toEqual([['correction_by_other_party', 'R-OR-82', '/correctsEventId']]);
    expect(sig([correctionPartyViolation('event_voided', hub)!])).toEqual([['correction_by_other_party', null, '/correctsEventId']]);
  });
});
