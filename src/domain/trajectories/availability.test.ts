/**
 * Steps that explain themselves (issue 9): availability says, before any refusal, what is still
 * missing for a step — from the same checks that refuse it — and which step comes next.
 */
import fc from 'fast-check';
import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES, type EventType } from './model.ts';
import { TRANSITIONS } from './transitions.ts';
import { checkPreconditions, type RecordingActor } from './guards.ts';
import { checkEvent } from './event-data.ts';
import { initialState, type TrajectoryState } from './state.ts';
import {
  LEGAL_EFFECT_EVENTS, MAX_SUGGESTED, PHASE_CODES, ROUTE_STEPS, STEPS_WITH_OWN_PLACE, availability, missingItem, notYetPossible, stepAvailability, suggestedNext,
} from './availability.ts';
import { GOALS, OFFER, Walk, careWorker, corp, fullRouteToWonen, reviewer, toKeyHandover, toMatching, wonen } from '../../../test/support/trajectory-walk.ts';

const TODAY = '2030-01-01';
const hub: RecordingActor = { userId: 'u-hub', role: 'nuisance_hub_officer', kinds: ['nuisance_hub'], isPersonalSupervisor: false };
const NEEDS = { preferredNeighbourhoods: ['Oost'], excludedNeighbourhoods: [], circumstances: 'Alleenstaand' };
const ANALYSIS = { c1PaysRent: true, c2GoodNeighbour: true, c3AcceptsSupport: true, c4GoalsMatchLifeDomains: true, c5ChildrenEnvironment: null, nuisanceRisk: 'Laag' };

function inReferral() {
  const w = new Walk();
  w.rec('trajectory_started', '2026-01-05', { variant: 'regular' });
  w.rec('consent_given', '2026-01-05', { consentId: 'c1' });
  return w;
}
const of = (list: ReturnType<typeof availability>, type: EventType) => list.find((x) => x.type === type);

describe('availability: what is still missing, in words', () => {
  it('R-OR-06, R-OR-08, R-OR-09: referral is not yet possible without housing needs, analysis and goals in all four life domains — availability says which are missing', () => {
    const s = inReferral().state;
    expect(stepAvailability(s, 'referral_submitted', careWorker, TODAY)).toEqual({
      type: 'referral_submitted',
      available: false,
      missing: [
        { code: 'housing_needs_missing', ruleId: 'R-OR-06', nl: 'Het woonbehoeftenprofiel ontbreekt.', en: 'The housing-needs profile is missing.' },
        { code: 'analysis_missing', ruleId: 'R-OR-08', nl: 'De analyse van kansen en overlastrisico ontbreekt.', en: 'The referral analysis is missing.' },
        {
          code: 'goals_missing', ruleId: 'R-OR-09',
          nl: 'Er ontbreken gepersonaliseerde doelen voor de leefdomeinen: dagbesteding, sociaal functioneren, psychisch functioneren, financieel functioneren.',
          en: 'Personalised goals are missing for the life domains: daytime activities, social functioning, psychological functioning, financial functioning.',
        },
      ],
    });
  });

  it('R-OR-09: goals that leave a life domain out still block the referral, naming only that domain', () => {
    const w = inReferral();
    w.rec('housing_needs_recorded', '2026-01-06', NEEDS);
    w.rec('referral_analysis_recorded', '2026-01-07', ANALYSIS);
    const partial: TrajectoryState = { ...w.state, goals: w.state.goals.concat(GOALS.filter((g) => g.domain !== 'social_functioning').map((g) => ({ ...g, domain: g.domain as never, achieved: false, achievedOn: null }))) };
    expect(stepAvailability(partial, 'referral_submitted', careWorker, TODAY)).toEqual({
      type: 'referral_submitted', available: false,
      missing: [{ code: 'goals_missing', ruleId: 'R-OR-09', nl: 'Er ontbreken gepersonaliseerde doelen voor de leefdomeinen: sociaal functioneren.', en: 'Personalised goals are missing for the life domains: social functioning.' }],
    });
    w.rec('goals_set', '2026-01-07', { goals: GOALS });
    expect(stepAvailability(w.state, 'referral_submitted', careWorker, TODAY)).toEqual({ type: 'referral_submitted', available: true });
    expect(suggestedNext(w.state, careWorker, TODAY)).toEqual(['referral_submitted']);
  });

  it('R-OR-82: a party outside the care provider sees that consent is missing; the phase is named in words', () => {
    const w = new Walk();
    w.rec('trajectory_started', '2026-01-05', { variant: 'regular' });
    expect(stepAvailability(w.state, 'offer_received', corp, TODAY)).toEqual({
      type: 'offer_received', available: false,
      missing: [
        { code: 'phase_not_allowed', ruleId: 'R-OR-15', nl: '“Aanbod ontvangen” kan niet in de fase “Toestemming”, wel in de fase “De juiste match”.', en: '“Offer received” is not allowed in the phase “Consent”, only in the phase “Matching”.' },
        { code: 'no_consent', ruleId: 'R-OR-82', nl: 'Er is geen geldige toestemming van de cliënt; gegevens mogen niet worden gedeeld.', en: 'There is no valid consent of the client; data may not be shared.' },
      ],
    });
  });

  it('a step of several phases names them all; a not yet started trajectory says so', () => {
    const s = inReferral().state;
    expect(stepAvailability(s, 'first_meeting_held', careWorker, TODAY)).toEqual({
      type: 'first_meeting_held', available: false,
      missing: [{
        code: 'phase_not_allowed', ruleId: 'D-06',
        nl: '“Kennismaking zorgaanbieder en bewoner” kan niet in de fase “Voordracht en voorbereiding”, wel in de fase “De juiste match” of “Sleuteloverdracht” of “Kennismakingsgesprek en supplement”.',
        en: '“First meeting care provider and resident” is not allowed in the phase “Referral and preparation”, only in the phase “Matching” or “Key handover” or “Introduction meeting and supplement”.',
      }],
    });
    expect(stepAvailability(initialState(), 'consent_given', careWorker, TODAY)).toEqual({
      type: 'consent_given', available: false, missing: [{ code: 'not_started', ruleId: null, nl: 'Het traject is nog niet gestart.', en: 'The trajectory has not started yet.' }],
    });
  });

  it('R-OR-23, R-OR-28, R-OR-02: the key handover waits for the match, the ready dwelling and the leases', () => {
    const s = toMatching().state;
    const a = stepAvailability(s, 'key_handover', careWorker, TODAY);
    expect(a.available).toBe(false);
    expect(!a.available && a.missing.map((m) => [m.code, m.ruleId, m.nl])).toEqual([
      ['no_match', 'R-OR-23', 'De match is nog niet definitief.'],
      ['dwelling_not_ready', 'R-OR-28', 'De woning is nog niet verhuurklaar gemeld.'],
      ['lease_not_signed', 'R-OR-02', 'De huurovereenkomsten zijn nog niet getekend.'],
    ]);
  });

  it('R-OR-64: the nomination to Wonen lists the unmet transfer conditions in words, without condition codes', () => {
    const w = toKeyHandover();
    w.rec('introduction_meeting_held', '2026-05-20', { atDwelling: true, evaluationIntervalMonths: 12 });
    w.rec('housing_evaluation_held', '2027-04-20', { outcome: 'start_transfer', consentChecked: true, preConsultationHeld: true, atDwelling: true });
    w.rec('nuisance_check_done', '2027-04-22', { complaintsFound: false, transferPossibleWithoutBehaviourChange: true, checkedWith: ['nuisance_hub', 'corporation'] });
    w.rec('transfer_decision_joint', '2027-05-03', { residentAgrees: true, careProviderAgrees: true, corporationAgrees: true, noUnacceptableRisks: true, aftercareNeeds: 'Buurteam' });
    const a = stepAvailability(w.state, 'nomination_sent_to_wonen', careWorker, '2027-05-05');
    expect(!a.available && a.missing.map((m) => m.code)).toEqual(['transfer_condition_T3', 'transfer_condition_T7']);
    expect(!a.available && a.missing[1]).toEqual({ code: 'transfer_condition_T7', ruleId: 'R-OR-64', nl: 'Voorwaarde voor omklap nog niet vervuld: De onafhankelijke derde heeft de voordracht goedgekeurd.', en: 'Transfer condition not met yet: The independent reviewer approved the nomination.' });
    for (const m of !a.available ? a.missing : []) expect(m.nl).not.toMatch(/\bT\d\b/);
  });

  it('R-OR-68: a reviewer who is the personal supervisor sees why the review is not possible', () => {
    const w = fullRouteToWonen();
    expect(stepAvailability(w.state, 'independent_review', { ...reviewer, isPersonalSupervisor: true }, TODAY)).toEqual({
      type: 'independent_review', available: false,
      missing: [{ code: 'reviewer_is_supervisor', ruleId: 'R-OR-68', nl: 'De onafhankelijke derde mag niet de persoonlijk begeleider van deze bewoner zijn.', en: 'The independent reviewer may not be this resident’s personal supervisor.' }],
    });
  });

  it('lists only steps the party may record, never those with their own place, in table order', () => {
    const s = inReferral().state;
    const forCorp = availability(s, corp, TODAY).map((x) => x.type);
    expect(forCorp).toEqual(EVENT_TYPES.filter((t) => TRANSITIONS[t].actors.some((a) => a.kind === 'corporation') && !STEPS_WITH_OWN_PLACE.has(t)));
    expect(forCorp).not.toContain('referral_submitted');
    expect(availability(s, wonen, TODAY).map((x) => x.type)).toEqual(EVENT_TYPES.filter((t) => TRANSITIONS[t].actors.some((a) => a.kind === 'wonen') && t !== 'event_corrected' && t !== 'event_voided'));
    const forCare = availability(s, careWorker, TODAY);
    expect(forCare.map((x) => x.type)).not.toContain('trajectory_started');
    expect(forCare.map((x) => x.type)).not.toContain('consent_withdrawn');
    expect(of(forCare, 'housing_needs_recorded')).toEqual({ type: 'housing_needs_recorded', available: true });
    expect(of(forCare, 'offer_received')).toBeUndefined();
    expect([...STEPS_WITH_OWN_PLACE]).toEqual(['trajectory_started', 'consent_withdrawn', 'event_corrected', 'event_voided']);
    expect(availability(s, { ...careWorker, role: 'programme_analyst' as never, kinds: [] }, TODAY)).toEqual([]);
  });

  it('R-OR-81: after an early stop the corporation may ask to reactivate the old registration; before it, not yet', () => {
    const w = toKeyHandover();
    expect(stepAvailability(w.state, 'woningnet_reactivation_requested', corp, TODAY)).toEqual({
      type: 'woningnet_reactivation_requested', available: false,
      missing: [
        { code: 'phase_not_allowed', ruleId: null, nl: 'Dit kan pas nadat het traject is beëindigd.', en: 'This is only possible after the trajectory has ended.' },
        { code: 'not_an_early_stop', ruleId: 'R-OR-81', nl: 'Heractivering kan alleen na een voortijdige beëindiging.', en: 'Reactivation is only possible after an early stop.' },
      ],
    });
    w.rec('care_stopped_before_transfer', '2026-05-01', { reason: 'Zorg gestopt', reportedToCorporation: true, reportedToWonen: true });
    expect(stepAvailability(w.state, 'woningnet_reactivation_requested', corp, TODAY)).toEqual({ type: 'woningnet_reactivation_requested', available: true });
    expect(stepAvailability(w.state, 'goal_achieved', careWorker, TODAY)).toEqual({
      type: 'goal_achieved', available: false, missing: [{ code: 'trajectory_closed', ruleId: null, nl: 'Het traject is afgesloten.', en: 'The trajectory is closed.' }],
    });
  });

  it('PHASE_CODES are the refusals about phase and state; missingItem keeps code, words and rule', () => {
    expect([...PHASE_CODES]).toEqual(['phase_not_allowed', 'trajectory_closed', 'not_started', 'already_started']);
    expect(missingItem({ code: 'x', rule: 'R-1', nl: 'a', en: 'b', field: '/f', precondition: true })).toEqual({ code: 'x', nl: 'a', en: 'b', ruleId: 'R-1' });
  });

  it('notYetPossible reads "Nog niet mogelijk: …" with every missing item', () => {
    expect(notYetPossible([{ nl: 'De match is nog niet definitief.', en: 'The match is not final yet.' }, { nl: 'Er is geen aanbod.', en: 'There is no offer.' }])).toEqual({
      nl: 'Nog niet mogelijk: De match is nog niet definitief. Er is geen aanbod.',
      en: 'Not possible yet: The match is not final yet. There is no offer.',
    });
  });
});

describe('suggestedNext: the next step(s) of the route, in order', () => {
  it('P0–P2: consent, then the referral file, then the referral; each party is shown its own next steps', () => {
    const w = new Walk();
    w.rec('trajectory_started', '2026-01-05', { variant: 'regular' });
    expect(suggestedNext(w.state, careWorker, TODAY)).toEqual(['consent_given']);
    expect(suggestedNext(w.state, corp, TODAY)).toEqual([]);
    w.rec('consent_given', '2026-01-05', { consentId: 'c1' });
    expect(suggestedNext(w.state, careWorker, TODAY)).toEqual(['housing_needs_recorded', 'referral_analysis_recorded', 'goals_set']);
    w.rec('housing_needs_recorded', '2026-01-06', NEEDS);
    expect(suggestedNext(w.state, careWorker, TODAY)).toEqual(['referral_analysis_recorded', 'goals_set']);
    w.rec('referral_analysis_recorded', '2026-01-07', ANALYSIS);
    w.rec('goals_set', '2026-01-07', { goals: GOALS });
    w.rec('referral_submitted', '2026-01-08');
    expect(suggestedNext(w.state, careWorker, TODAY)).toEqual(['decision_issued', 'active_mediation_started']);
    expect(suggestedNext(w.state, wonen, TODAY)).toEqual(['decision_issued', 'urgency_granted', 'active_mediation_started']);
    w.rec('decision_issued', '2026-01-12');
    w.rec('urgency_granted', '2026-01-19', { conditional: true }, wonen);
    expect(suggestedNext(w.state, wonen, TODAY)).toEqual(['active_mediation_started']);
  });

  it('D-WON-1: when Wonen asks for information the care provider is asked to supply it; after a refusal a new referral is suggested', () => {
    const w = inReferral();
    w.rec('housing_needs_recorded', '2026-01-06', NEEDS);
    w.rec('referral_analysis_recorded', '2026-01-07', ANALYSIS);
    w.rec('goals_set', '2026-01-07', { goals: GOALS });
    w.rec('referral_submitted', '2026-01-08');
    w.rec('decision_issued', '2026-01-12');
    expect(suggestedNext(w.state, careWorker, TODAY)).toEqual(['active_mediation_started']);
    w.rec('urgency_information_requested', '2026-01-15', { informationRequested: 'Inkomensverklaring' }, wonen);
    expect(suggestedNext(w.state, careWorker, TODAY)).toEqual(['urgency_information_supplied', 'active_mediation_started']);
    expect(suggestedNext(w.state, wonen, TODAY)).toEqual(['urgency_granted', 'active_mediation_started']);
    w.rec('urgency_information_supplied', '2026-01-16', { informationSupplied: 'Inkomensverklaring' });
    expect(suggestedNext(w.state, careWorker, TODAY)).toEqual(['active_mediation_started']);
    w.rec('urgency_refused', '2026-01-20', { reasons: 'Geen urgentie' }, wonen);
    expect(suggestedNext(w.state, careWorker, TODAY)).toEqual(['referral_submitted', 'active_mediation_started']);
    w.rec('referral_submitted', '2026-01-22');
    expect(suggestedNext(w.state, careWorker, TODAY)).toEqual(['active_mediation_started']);
  });

  it('P3: the corporation offers a dwelling, the care worker replies and informs; a refused offer asks for a new one', () => {
    const w = toMatching();
    expect(suggestedNext(w.state, corp, TODAY)).toEqual(['offer_received', 'dwelling_ready']);
    expect(suggestedNext(w.state, careWorker, TODAY)).toEqual(['transfer_goals_communicated']);
    w.rec('offer_received', '2026-03-30', OFFER, corp);
    expect(suggestedNext(w.state, careWorker, TODAY)).toEqual(['offer_replied', 'client_informed', 'transfer_goals_communicated']);
    expect(suggestedNext(w.state, corp, TODAY)).toEqual(['dwelling_ready']);
    w.rec('offer_replied', '2026-03-31', { reply: 'request_viewing' });
    w.rec('offer_refused', '2026-04-01', { reasons: 'Te ver van school' });
    expect(suggestedNext(w.state, corp, TODAY)).toEqual(['offer_received', 'dwelling_ready']);
    w.rec('offer_received', '2026-04-05', OFFER, corp);
    w.rec('client_informed', '2026-04-08', { choicesDiscussed: true });
    expect(suggestedNext(w.state, corp, TODAY)).toEqual(['match_final', 'dwelling_ready']);
    expect(suggestedNext(w.state, careWorker, TODAY)).toEqual(['offer_replied', 'transfer_goals_communicated']);
  });

  it('P4–P8: after the key handover the introduction, supplement and support plan; at the end Wonen confirms', () => {
    const w = toKeyHandover();
    expect(suggestedNext(w.state, careWorker, TODAY)).toEqual(['introduction_meeting_scheduled', 'introduction_meeting_held', 'support_plan_completed']);
    w.rec('introduction_meeting_held', '2026-05-20', { atDwelling: true, evaluationIntervalMonths: 12 });
    expect(suggestedNext(w.state, careWorker, TODAY)).toEqual(['supplement_signed', 'support_plan_completed', 'housing_evaluation_held']);
    const end = fullRouteToWonen();
    expect(suggestedNext(end.state, wonen, TODAY)).toEqual(['wonen_confirmed']);
    expect(suggestedNext(end.state, careWorker, TODAY)).toEqual(['supplement_signed']);
    expect(suggestedNext(end.state, hub, TODAY)).toEqual([]);
    end.rec('wonen_confirmed', '2027-06-05', {}, wonen);
    expect(suggestedNext(end.state, corp, TODAY)).toEqual(['contract_own_name_signed']);
    end.rec('contract_own_name_signed', '2027-06-20', { contractType: 'indefinite' }, corp);
    expect(suggestedNext(end.state, careWorker, TODAY)).toEqual(['light_support_started', 'trajectory_closed']);
    end.rec('trajectory_closed', '2027-07-01');
    expect(suggestedNext(end.state, careWorker, TODAY)).toEqual([]);
  });

  it('no route step is done at the start (but answering a question nobody asked); every one is done at the end of a full route', () => {
    // Supplying information is only to do while Wonen's question is open.
    expect(ROUTE_STEPS.filter(([, done]) => done(initialState())).map(([t]) => t)).toEqual(['urgency_information_supplied']);
    const w = fullRouteToWonen();
    w.rec('supplement_signed', '2027-06-01', { formId: 'f1' });
    w.rec('wonen_confirmed', '2027-06-05', {}, wonen);
    w.rec('contract_own_name_signed', '2027-06-20', { contractType: 'indefinite' }, corp);
    w.rec('light_support_started', '2027-06-21', {});
    w.rec('trajectory_closed', '2027-07-01');
    expect(ROUTE_STEPS.filter(([, done]) => !done(w.state)).map(([t]) => t)).toEqual([]);
    expect(ROUTE_STEPS.map(([t]) => t)).toEqual([
      'consent_given', 'housing_needs_recorded', 'referral_analysis_recorded', 'goals_set', 'referral_submitted', 'decision_issued', 'urgency_information_supplied', 'urgency_granted',
      'active_mediation_started', 'offer_received', 'offer_replied', 'client_informed', 'match_final', 'dwelling_ready', 'lease_signed',
      'transfer_goals_communicated', 'key_handover', 'introduction_meeting_scheduled', 'introduction_meeting_held', 'supplement_signed',
      'support_plan_completed', 'housing_evaluation_held', 'nuisance_check_done', 'transfer_decision_joint', 'nomination_filled', 'independent_review',
      'nomination_sent_to_wonen', 'wonen_confirmed', 'contract_own_name_signed', 'light_support_started', 'trajectory_closed',
    ]);
  });

  it('a scheduled introduction meeting counts as scheduled; an offer replied to, then refused, is no longer an open reply', () => {
    const done = (t: EventType, s: TrajectoryState) => ROUTE_STEPS.find(([x]) => x === t)![1](s);
    const w = toKeyHandover();
    expect(done('introduction_meeting_scheduled', w.state)).toBe(false);
    w.rec('introduction_meeting_scheduled', '2026-04-20', { plannedOn: '2026-05-20' });
    expect(done('introduction_meeting_scheduled', w.state)).toBe(true);
    expect(done('introduction_meeting_held', w.state)).toBe(false);
    const m = toMatching();
    m.rec('offer_received', '2026-03-30', OFFER, corp);
    m.rec('offer_replied', '2026-03-31', { reply: 'request_viewing' });
    m.rec('client_informed', '2026-04-01', { choicesDiscussed: true });
    expect([done('offer_received', m.state), done('offer_replied', m.state), done('client_informed', m.state)]).toEqual([true, true, true]);
    m.rec('client_refused_offer', '2026-04-02', { reasons: 'Te ver' });
    expect([done('offer_received', m.state), done('offer_replied', m.state), done('client_informed', m.state)]).toEqual([false, false, false]);
  });

  it('suggests at most MAX_SUGGESTED steps, all of them available, in route order', () => {
    expect(MAX_SUGGESTED).toBe(3);
    const order = ROUTE_STEPS.map(([t]) => t);
    for (const w of [inReferral(), toMatching(), toKeyHandover(), fullRouteToWonen()]) {
      for (const actor of [careWorker, corp, wonen, reviewer]) {
        const next = suggestedNext(w.state, actor, TODAY);
        expect(next.length).toBeLessThanOrEqual(MAX_SUGGESTED);
        expect([...next].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(next);
        for (const t of next) expect(stepAvailability(w.state, t, actor, TODAY)).toEqual({ type: t, available: true });
      }
    }
  });
});

describe('LEGAL_EFFECT_EVENTS: decisions with legal effect ask for a confirmation', () => {
  it('are the decision, the urgency decisions, Wonen’s answer and the end of the trajectory', () => {
    const urgency = ['urgency_refused', 'urgency_information_requested'].filter((x) => (EVENT_TYPES as ReadonlyArray<string>).includes(x));
    expect([...LEGAL_EFFECT_EVENTS].sort()).toEqual(['decision_issued', 'urgency_granted', 'wonen_confirmed', 'wonen_returned', 'trajectory_ended', 'trajectory_closed', ...urgency].sort());
    expect(LEGAL_EFFECT_EVENTS.has('goals_set')).toBe(false);
  });
});

// ─── Property: availability and the refusal never disagree ─────────────────────

/** Schema-valid data per step (the shape check comes before the preconditions). */
const VALID: Record<string, Record<string, unknown>> = {
  trajectory_started: { variant: 'regular' },
  consent_given: { consentId: 'c1' },
  consent_withdrawn: { consentId: 'c1' },
  housing_needs_recorded: NEEDS,
  referral_analysis_recorded: ANALYSIS,
  goals_set: { goals: GOALS },
  preparation_recorded: { network: 'Zus', finances: 'Op orde', woningnetChecked: true, incomeStatementRequested: true },
  urgency_granted: { conditional: true },
  urgency_refused: { reasons: 'Geen urgentie' },
  urgency_information_requested: { informationRequested: 'Inkomensverklaring' },
  urgency_information_supplied: { informationSupplied: 'Inkomensverklaring' },
  offer_received: OFFER,
  offer_replied: { reply: 'accept' },
  offer_refused: { reasons: 'Te ver' },
  client_informed: { choicesDiscussed: true },
  client_refused_offer: { reasons: 'Te ver' },
  match_final: { oldRegistrationKept: true },
  lease_signed: { ibriShared: true },
  key_handover: { corporationContactPresent: true },
  introduction_meeting_scheduled: { plannedOn: '2026-05-01' },
  introduction_meeting_held: { atDwelling: true, evaluationIntervalMonths: 6 },
  supplement_signed: { formId: 'f1' },
  housing_evaluation_held: { outcome: 'start_transfer', consentChecked: true, preConsultationHeld: true, atDwelling: true },
  goal_achieved: { goalId: 'g1', achieved: true },
  signal_reported: { kind: 'nuisance', description: 'Geluid', sharedWithResident: false },
  complaint_recorded: { about: 'offer', channel: 'objection', summary: 'Bezwaar' },
  nuisance_check_done: { complaintsFound: false, transferPossibleWithoutBehaviourChange: true, checkedWith: ['nuisance_hub', 'corporation'] },
  transfer_decision_joint: { residentAgrees: true, careProviderAgrees: true, corporationAgrees: true, noUnacceptableRisks: true, aftercareNeeds: 'Buurteam' },
  independent_review: { verdict: 'approved', reasonCodes: [], motivation: 'Goed' },
  nomination_sent_to_wonen: { nawBankIbriShared: true },
  wonen_returned: { reasonCodes: ['A'], motivation: 'Nog niet' },
  decision_extension_requested: { reason: 'Doel loopt' },
  contract_own_name_signed: { contractType: 'indefinite' },
  time_out_started: { place: 'Kliniek' },
  time_out_ended: { outcome: 'returned' },
  care_stopped_before_transfer: { reason: 'Gestopt', reportedToCorporation: true, reportedToWonen: true },
  re_placement: { facility: 'Kliniek' },
  eviction_path_started: { reason: 'Overlast' },
  swap_or_move: { kind: 'move', newAddress: 'Dorpsstraat 1' },
  trajectory_ended: { reason: 'Verhuisd' },
  deviation_recorded: { item: 'offer', reason: 'Maatwerk', agreedBy: ['client', 'care_provider'] },
  municipality_recorded: { municipalityId: '00000000-0000-4000-8000-000000000001' },
  event_corrected: { reason: 'Typefout' },
  event_voided: { reason: 'Vergissing' },
};
const validData = (t: EventType) => VALID[t] ?? {};

function states(): TrajectoryState[] {
  const out: TrajectoryState[] = [initialState()];
  const full = fullRouteToWonen();
  for (let i = 1; i <= full.events.length; i++) {
    const w = new Walk();
    w.events = full.events.slice(0, i);
    out.push(w.state);
  }
  const ended = toKeyHandover();
  ended.rec('time_out_started', '2026-05-01', { place: 'Kliniek' });
  out.push(ended.state);
  ended.rec('trajectory_ended', '2026-05-02', { reason: 'Verhuisd' });
  out.push(ended.state);
  const asked = inReferral();
  asked.rec('housing_needs_recorded', '2026-01-06', NEEDS);
  asked.rec('referral_analysis_recorded', '2026-01-07', ANALYSIS);
  asked.rec('goals_set', '2026-01-07', { goals: GOALS });
  asked.rec('referral_submitted', '2026-01-08');
  asked.rec('urgency_information_requested', '2026-01-15', { informationRequested: 'Inkomensverklaring' }, wonen);
  out.push(asked.state);
  asked.rec('urgency_refused', '2026-01-20', { reasons: 'Geen urgentie' }, wonen);
  out.push(asked.state);
  const withdrawn = toMatching();
  withdrawn.rec('consent_withdrawn', '2026-02-01', { consentId: 'c1' });
  out.push(withdrawn.state);
  return out;
}

describe('property: available ⇔ checkEvent with valid data refuses nothing that must be in place first', () => {
  it('the valid-data table passes every step’s schema', () => {
    expect(EVENT_TYPES.filter((t) => !Value.Check(TRANSITIONS[t].data, validData(t)))).toEqual([]);
  });

  it('for random states, parties and steps the availability and the refusal agree exactly', () => {
    const all = states();
    const actors: RecordingActor[] = [careWorker, { ...careWorker, isPersonalSupervisor: false }, corp, wonen, reviewer, { ...reviewer, isPersonalSupervisor: true }, hub, { ...careWorker, role: 'team_manager' }];
    fc.assert(
      fc.property(fc.constantFrom(...all), fc.constantFrom(...actors), fc.constantFrom(...EVENT_TYPES), (s, actor, type) => {
        const refused = checkEvent(s, { type, occurredOn: TODAY, data: validData(type) }, actor, TODAY).filter((x) => x.precondition);
        const a = stepAvailability(s, type, actor, TODAY);
        expect(a.available).toBe(refused.length === 0);
        expect(a.available ? [] : a.missing).toEqual(refused.map(missingItem));
        expect(refused).toEqual(checkPreconditions(s, type, actor, TODAY));
        const listed = availability(s, actor, TODAY).find((x) => x.type === type);
        if (listed) expect(listed).toEqual(a);
        else expect([type, STEPS_WITH_OWN_PLACE.has(type) || refused.some((x) => x.code === 'actor_not_allowed')]).toEqual([type, true]);
      }),
      { numRuns: 600, seed: 9 },
    );
  });
});
