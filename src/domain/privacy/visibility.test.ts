import { describe, expect, it } from 'vitest';
import {
  formSharedUnder, CLIENT_FIELDS, CONSENT_EXPLANATION_ITEMS, FORM_ARTEFACT, VISIBILITY, canSeeArtefact, canSeeDeadline, canSeeEvent, canSeeEventInstance, checkConsent,
  choosePurpose, defaultPurpose, missingExplanations, purposesFor, visibleClientFields, visibleEventData, visibleGoals,
} from './visibility.ts';

const consent = (purposes: string[], givenOn = '2026-01-05', withdrawnOn: string | null = null) => ({ purposes, givenOn, withdrawnOn, explainedItems: [...CONSENT_EXPLANATION_ITEMS] });

describe('consent and purpose binding (omslagroute.md §8)', () => {
  it('R-OR-82: without a written consent nothing leaves the care provider', () => {
    expect(checkConsent([], 'PB-1', '2026-02-01')).toMatchObject({ ok: false, rule: 'R-OR-82' });
    expect(checkConsent([consent(['PB-1'], '2026-03-01')], 'PB-1', '2026-02-01')).toMatchObject({ ok: false, rule: 'R-OR-82' });
  });

  it('R-OR-83: the consent record lists each explained item; a missing one is named', () => {
    expect(missingExplanations(['what', 'why', 'with_whom'])).toEqual(['which_information', 'storage_and_retention', 'rights']);
    expect(missingExplanations([...CONSENT_EXPLANATION_ITEMS])).toEqual([]);
  });

  it('R-OR-84 / R-OR-86: data is shared only for a purpose the client consented to (PB-n)', () => {
    expect(checkConsent([consent(['PB-1', 'PB-3'])], 'PB-1', '2026-02-01')).toEqual({ ok: true });
    expect(checkConsent([consent(['PB-1', 'PB-3'])], 'PB-6', '2026-02-01')).toMatchObject({ ok: false, rule: 'R-OR-86' });
  });

  it('R-OR-86: each party may receive data only in its own sharing situations of §8.2', () => {
    const PHASES = ['P0_consent', 'P1_referral', 'P2_urgency', 'P3_matching', 'P4_key_handover', 'P5_introduction', 'P6_support_plan', 'P7_living', 'P8_transfer', 'P9_aftercare'];
    const overRoute = (viewer: 'corporation' | 'wonen' | 'nuisance_hub') => [...new Set(PHASES.flatMap((p) => purposesFor(viewer, p)))].sort();
    expect(overRoute('corporation')).toEqual(['PB-1', 'PB-2', 'PB-3', 'PB-4', 'PB-5', 'PB-6', 'PB-7']);
    expect(overRoute('wonen')).toEqual(['PB-2', 'PB-6', 'PB-7']);
    expect(overRoute('nuisance_hub')).toEqual(['PB-4', 'PB-8']);
    expect(defaultPurpose('corporation', 'P3_matching')).toBe('PB-1');
    expect(defaultPurpose('corporation', 'P5_introduction')).toBe('PB-3');
    expect(defaultPurpose('corporation', 'P7_living')).toBe('PB-5');
    expect(defaultPurpose('corporation', 'P8_transfer')).toBe('PB-6');
    expect(defaultPurpose('wonen', 'P2_urgency')).toBe('PB-2');
  });

  it('R-OR-93 / R-OR-94: consent can be withdrawn at any time, effective immediately: from that day no new disclosures', () => {
    const c = [consent(['PB-1'], '2026-01-05', '2026-03-01')];
    expect(checkConsent(c, 'PB-1', '2026-02-28')).toEqual({ ok: true });
    expect(checkConsent(c, 'PB-1', '2026-03-01')).toMatchObject({ ok: false, rule: 'R-OR-94' });
  });

  it('R-OR-88: only housing-related observations reach the corporation: the evaluation outcome, not its content', () => {
    expect(visibleEventData('corporation', 'housing_evaluation_held', { outcome: 'continue', atDwelling: true, pointsForProgress: 'Financiën en GGZ-behandeling', consentChecked: true })).toEqual({ outcome: 'continue', atDwelling: true });
    expect(visibleEventData('care_provider', 'housing_evaluation_held', { outcome: 'continue', pointsForProgress: 'x' })).toEqual({ outcome: 'continue', pointsForProgress: 'x' });
  });

  it('R-OR-89: never shared with the corporation or Wonen: background, care delivered, the support plan, the nature of interventions', () => {
    const neverShared = [
      'referral_analysis_recorded', 'preparation_recorded', 'goals_set', 'support_plan_completed', 'time_out_started', 'time_out_ended', 're_placement',
      'fibu_agreements_made', 'fibu_evaluation_held',
    ] as const;
    for (const viewer of ['corporation', 'wonen', 'nuisance_hub'] as const) {
      for (const type of neverShared) expect(canSeeEvent(viewer, type), `${viewer} ${type}`).toBe(false);
    }
    // The care provider itself sees them (the boundary is the organisation, not the event).
    for (const type of neverShared) expect(canSeeEvent('care_provider', type), type).toBe(true);
    // What Wonen does see: the steps of its own decisions.
    expect(canSeeEvent('wonen', 'urgency_granted')).toBe(true);
    expect(canSeeEvent('wonen', 'nomination_sent_to_wonen')).toBe(true);
    expect(visibleEventData('corporation', 'eviction_path_started', { reason: 'Verslaving' })).toEqual({});
    expect(VISIBILITY.intervention_nature.corporation).toBe('none');
  });

  it('R-OR-46: the corporation has no access to the support plan; Wonen neither (proposal)', () => {
    expect(canSeeArtefact('corporation', FORM_ARTEFACT['F-4'])).toBe(false);
    expect(canSeeArtefact('wonen', FORM_ARTEFACT['F-4'])).toBe(false);
    expect(canSeeArtefact('care_provider', FORM_ARTEFACT['F-4'])).toBe(true);
  });

  it('§8.3 visibility matrix: supplement and evaluation form copies for the corporation, the nomination for Wonen, the meeting report nowhere else', () => {
    expect(canSeeArtefact('corporation', 'supplement')).toBe(true);
    expect(VISIBILITY.evaluation_form.corporation).toBe('copy');
    expect(VISIBILITY.nomination.corporation).toBe('partial');
    expect(VISIBILITY.nomination.wonen).toBe('full');
    expect(canSeeArtefact('corporation', 'meeting_report')).toBe(false);
    expect(canSeeArtefact('wonen', 'supplement')).toBe(false);
  });

  it('PB-5 / PB-6: outside the care provider only the goals linked to the conditional urgency are visible, with their status', () => {
    const goals = [{ id: 'a', linkedToUrgency: true }, { id: 'b', linkedToUrgency: false }];
    expect(visibleGoals('corporation', goals).map((g) => g.id)).toEqual(['a']);
    expect(visibleGoals('wonen', goals).map((g) => g.id)).toEqual(['a']);
    expect(visibleGoals('care_provider', goals).map((g) => g.id)).toEqual(['a', 'b']);
    expect(visibleGoals('nuisance_hub', goals)).toEqual([]);
  });

  it('field-level visibility of the client record: the corporation gets contact and household data, not the target group or the registration history dates', () => {
    expect(visibleClientFields('care_provider')).toEqual(CLIENT_FIELDS);
    expect(visibleClientFields('corporation')).not.toContain('targetGroup');
    expect(visibleClientFields('corporation')).toContain('household');
    expect(visibleClientFields('wonen')).toContain('woningnetRegisteredOn');
    expect(visibleClientFields('nuisance_hub')).toEqual(['id', 'firstName', 'lastName', 'address', 'careProviderId']);
  });

  it('R-OR-82: consent counts from the day it was given, not the day before', () => {
    const c = [consent(['PB-1'], '2026-02-10')];
    expect(checkConsent(c, 'PB-1', '2026-02-09')).toMatchObject({ ok: false, rule: 'R-OR-82' });
    expect(checkConsent(c, 'PB-1', '2026-02-10')).toEqual({ ok: true });
  });
});

describe('purposes bound to party and phase (R-OR-86, §8.2)', () => {
  // Written out by hand from §8.2 and the route's phases: which situations a party may be served under in each phase.
  const EXPECTED: Record<'corporation' | 'wonen', Record<string, string[]>> = {
    corporation: {
      P0_consent: [],
      P1_referral: ['PB-1'],
      P2_urgency: ['PB-1'],
      P3_matching: ['PB-1', 'PB-2'],
      P4_key_handover: ['PB-2', 'PB-3', 'PB-4', 'PB-7'],
      // PB-5 from the introduction on: a housing evaluation may be held from P5 (it then moves
      // the case to P7), and the corporation signs its form as a party.
      P5_introduction: ['PB-3', 'PB-4', 'PB-5', 'PB-7'],
      P6_support_plan: ['PB-3', 'PB-4', 'PB-5', 'PB-7'],
      P7_living: ['PB-4', 'PB-5', 'PB-6', 'PB-7'],
      P8_transfer: ['PB-4', 'PB-5', 'PB-6', 'PB-7'],
      P9_aftercare: ['PB-6'],
    },
    wonen: {
      P0_consent: [],
      P1_referral: ['PB-2'],
      P2_urgency: ['PB-2'],
      P3_matching: ['PB-2'],
      P4_key_handover: ['PB-2', 'PB-7'],
      P5_introduction: ['PB-7'],
      P6_support_plan: ['PB-7'],
      P7_living: ['PB-6', 'PB-7'],
      P8_transfer: ['PB-6', 'PB-7'],
      P9_aftercare: ['PB-6'],
    },
  };

  for (const viewer of ['corporation', 'wonen'] as const) {
    it(`R-OR-86: ${viewer} — in every phase exactly the purposes of §8.2 that fit it, nothing in P0`, () => {
      for (const [phase, want] of Object.entries(EXPECTED[viewer])) expect(purposesFor(viewer, phase), `${viewer} ${phase}`).toEqual(want);
    });
  }

  it('R-OR-86: the care provider is never served under a sharing purpose (its own case work)', () => {
    expect(purposesFor('care_provider', 'P3_matching')).toEqual([]);
    expect(defaultPurpose('care_provider', 'P3_matching')).toBeNull();
  });

  it('R-OR-86: the default purpose of a phase is one the party may use in it; P0 has none', () => {
    for (const viewer of ['corporation', 'wonen'] as const) {
      for (const [phase, allowed] of Object.entries(EXPECTED[viewer])) {
        const d = defaultPurpose(viewer, phase);
        if (d === null) expect(['P0_consent', 'P5_introduction', 'P6_support_plan'], `${viewer} ${phase}`).toContain(phase);
        else expect(allowed, `${viewer} ${phase}`).toContain(d);
      }
    }
  });

  it('R-OR-86: a purpose asked for is served only if allowed in the phase; otherwise refused in words, without codes', () => {
    expect(choosePurpose('corporation', 'P1_referral', 'PB-1')).toEqual({ ok: true, purpose: 'PB-1' });
    expect(choosePurpose('corporation', 'P1_referral', null)).toEqual({ ok: true, purpose: 'PB-1' });
    expect(choosePurpose('corporation', 'P7_living', 'PB-6')).toEqual({ ok: true, purpose: 'PB-6' });
    const refused = choosePurpose('corporation', 'P1_referral', 'PB-6');
    expect(refused).toMatchObject({ ok: false, rule: 'R-OR-86' });
    if (!refused.ok) {
      expect(refused.nl).toContain('Matching bewoner en woning');
      expect(`${refused.nl} ${refused.en}`).not.toMatch(/PB-\d/);
    }
    expect(choosePurpose('wonen', 'P1_referral', 'PB-1')).toMatchObject({ ok: false, rule: 'R-OR-86' });
    expect(choosePurpose('wonen', 'P0_consent', null)).toMatchObject({ ok: false, rule: 'R-OR-86' });
    expect(choosePurpose('wonen', 'P5_introduction', null)).toMatchObject({ ok: false, rule: 'R-OR-86' });
    expect(choosePurpose('corporation', 'P3_matching', 'nonsense')).toMatchObject({ ok: false, rule: 'R-OR-86' });
  });
});


describe('what each party sees of the trajectory (R-OR-89, R-OR-46, §8.3)', () => {
  // The events the care provider keeps to itself: background (a), the care delivered and the support plan (b, c), the nature of interventions (d).
  const CARE_ONLY = ['referral_analysis_recorded', 'goals_set', 'support_plan_completed', 'time_out_started', 're_placement', 'fibu_evaluation_held'] as const;
  const started = { variant: 'regular', enteredViaOtherRoute: false, municipalityId: 'm-1', accessRoute: 'Blijf Groep', multiProblemFamily: true };

  it('§8.3: the client sees every event of its own trajectory, the care events included, with all their data', () => {
    for (const type of CARE_ONLY) expect(canSeeEvent('client', type), type).toBe(true);
    expect(visibleEventData('client', 'trajectory_started', started)).toEqual(started);
    expect(visibleEventData('client', 'care_stopped_before_transfer', { reason: 'Terugval', reportedToCorporation: true, reportedToWonen: true })).toEqual({ reason: 'Terugval', reportedToCorporation: true, reportedToWonen: true });
  });

  it('§8.3: the nuisance hub (MZWO) sees no trajectory event, not even the ones Wonen sees, and no event data', () => {
    for (const type of ['trajectory_started', 'urgency_granted', 'key_handover', 'housing_evaluation_held', 'signal_reported', 'nuisance_check_done'] as const) {
      expect(canSeeEvent('nuisance_hub', type), type).toBe(false);
    }
    expect(visibleEventData('nuisance_hub', 'trajectory_started', started)).toEqual({});
    expect(visibleEventData('nuisance_hub', 'signal_reported', { kind: 'nuisance', description: 'Geluidsoverlast', sharedWithResident: true })).toEqual({});
  });

  it('R-OR-89: Wonen gets the housing facts of an event, never the background or the care content', () => {
    // (a) background: not the access route or the multi-problem flag of the start.
    expect(visibleEventData('wonen', 'trajectory_started', started)).toEqual({ variant: 'regular', enteredViaOtherRoute: false, municipalityId: 'm-1' });
    expect(visibleEventData('wonen', 'urgency_granted', { conditional: true, municipalityId: 'm-1' })).toEqual({ conditional: true, municipalityId: 'm-1' });
    // (b) the care delivered: not the reasons of a care stop, not the substantiation of a goal, not the reviewer's motivation.
    expect(visibleEventData('wonen', 'care_stopped_before_transfer', { reason: 'Terugval in gebruik', reportedToCorporation: true, reportedToWonen: true })).toEqual({ reportedToCorporation: true, reportedToWonen: true });
    expect(visibleEventData('wonen', 'goal_achieved', { goalId: 'g-1', achieved: true, substantiation: 'Schuldhulp afgerond' })).toEqual({ goalId: 'g-1', achieved: true });
    expect(visibleEventData('wonen', 'independent_review', { verdict: 'approved', reasonCodes: ['X'], motivation: 'Stabiel sinds behandeling' })).toEqual({ verdict: 'approved' });
    // An event Wonen does not see carries no data for it either.
    expect(visibleEventData('wonen', 'eviction_path_started', { reason: 'Verslaving' })).toEqual({});
  });

  it('R-OR-46: outside the care provider an assessed goal is seen only when it is linked to the conditional urgency; inside, every goal', () => {
    const urgencyGoals = ['g-urgency'];
    const assessed = (goalId: string) => ({ goalId, achieved: true });
    expect(canSeeEventInstance('wonen', 'goal_achieved', assessed('g-urgency'), urgencyGoals)).toBe(true);
    expect(canSeeEventInstance('wonen', 'goal_achieved', assessed('g-personal'), urgencyGoals)).toBe(false);
    expect(canSeeEventInstance('care_provider', 'goal_achieved', assessed('g-personal'), urgencyGoals)).toBe(true);
    expect(canSeeEventInstance('client', 'goal_achieved', assessed('g-personal'), urgencyGoals)).toBe(true);
  });

  it('R-OR-89: any other event is seen by its type alone: Wonen sees its urgency decision, not a time-out or the support plan', () => {
    expect(canSeeEventInstance('wonen', 'urgency_granted', { conditional: true }, [])).toBe(true);
    expect(canSeeEventInstance('corporation', 'key_handover', {}, [])).toBe(true);
    expect(canSeeEventInstance('wonen', 'time_out_started', {}, [])).toBe(false);
    expect(canSeeEventInstance('corporation', 'support_plan_completed', {}, [])).toBe(false);
    expect(canSeeEventInstance('care_provider', 'time_out_started', {}, [])).toBe(true);
  });

  it('R-OR-89 / R-OR-46: deadlines of the care (support plan D-06, Fibu D-12, light support D-16, time-out D-OV-09) stay inside the care provider; the housing deadlines are shared', () => {
    const CARE_DEADLINES = ['D-06', 'D-12', 'D-16', 'D-OV-09'];
    const HOUSING_DEADLINES = ['D-01', 'D-03', 'D-13'];
    for (const viewer of ['care_provider', 'client'] as const) {
      for (const d of [...CARE_DEADLINES, ...HOUSING_DEADLINES]) expect(canSeeDeadline(viewer, d), `${viewer} ${d}`).toBe(true);
    }
    for (const viewer of ['corporation', 'wonen'] as const) {
      for (const d of CARE_DEADLINES) expect(canSeeDeadline(viewer, d), `${viewer} ${d}`).toBe(false);
      for (const d of HOUSING_DEADLINES) expect(canSeeDeadline(viewer, d), `${viewer} ${d}`).toBe(true);
    }
    // §8.3: the nuisance hub has no part in the trajectory's deadlines.
    for (const d of [...CARE_DEADLINES, ...HOUSING_DEADLINES]) expect(canSeeDeadline('nuisance_hub', d), `nuisance_hub ${d}`).toBe(false);
  });

  it('§8.3: the client sees all its goals, also those not linked to the urgency', () => {
    const goals = [{ id: 'a', linkedToUrgency: true }, { id: 'b', linkedToUrgency: false }];
    expect(visibleGoals('client', goals).map((g) => g.id)).toEqual(['a', 'b']);
  });
});

describe('consent: which refusal and which consent counts (R-OR-82, R-OR-86, R-OR-94)', () => {
  it('R-OR-82: before a consent is given there is no consent, even when it is withdrawn later: “no consent”, not “withdrawn”', () => {
    const c = [consent(['PB-1'], '2026-03-01', '2026-04-01')];
    expect(checkConsent(c, 'PB-1', '2026-02-15')).toMatchObject({ ok: false, rule: 'R-OR-82' });
    expect(checkConsent(c, 'PB-1', '2026-04-01')).toMatchObject({ ok: false, rule: 'R-OR-94' });
  });

  it('R-OR-86: with several valid consents, a purpose is covered when one of them names it', () => {
    const c = [consent(['PB-1'], '2026-01-05'), consent(['PB-5'], '2026-06-01')];
    expect(checkConsent(c, 'PB-1', '2026-07-01')).toEqual({ ok: true });
    expect(checkConsent(c, 'PB-5', '2026-07-01')).toEqual({ ok: true });
    expect(checkConsent(c, 'PB-6', '2026-07-01')).toMatchObject({ ok: false, rule: 'R-OR-86' });
  });
});

describe('refusals of a purpose say why in words (R-OR-86)', () => {
  it('R-OR-86: a purpose not used in this phase is named, with the purposes that are', () => {
    const refused = choosePurpose('corporation', 'P1_referral', 'PB-6');
    if (refused.ok) throw new Error('PB-6 must be refused in P1');
    expect(refused.nl).toContain('niet gedeeld voor “Voorafgaand aan omklap”');
    expect(refused.nl).toContain('wel voor: Matching bewoner en woning.');
    expect(refused.en).toContain('not shared for “Before lease transfer”');
    expect(refused.en).toContain('it is for: Matching resident and dwelling.');
  });

  it('R-OR-86: a purpose that does not exist is called “this purpose”; every purpose of the phase is listed', () => {
    const refused = choosePurpose('corporation', 'P3_matching', 'nonsense');
    if (refused.ok) throw new Error('an unknown purpose must be refused');
    expect(refused.nl).toContain('niet gedeeld voor dit doel;');
    expect(refused.nl).toContain('Matching bewoner en woning; Passende toewijzing en start intermediaire verhuur');
    expect(refused.en).toContain('not shared for this purpose;');
    expect(refused.en).toContain('Matching resident and dwelling; Suitable allocation and start of intermediate lease');
    expect(`${refused.nl} ${refused.en}`).not.toContain('nonsense');
  });

  it('R-OR-82 / R-OR-86: in a phase without any purpose for the party the refusal says nothing is shared in this phase', () => {
    for (const [viewer, phase, asked] of [['wonen', 'P0_consent', 'PB-2'], ['corporation', 'P0_consent', null], ['nuisance_hub', 'P2_urgency', 'PB-4']] as const) {
      const refused = choosePurpose(viewer, phase, asked);
      if (refused.ok) throw new Error(`${viewer} ${phase} must be refused`);
      expect(refused.nl, `${viewer} ${phase}`).toBe('In deze fase van het traject worden geen gegevens met uw organisatie gedeeld.');
      expect(refused.en, `${viewer} ${phase}`).toBe('In this phase of the trajectory no information is shared with your organisation.');
    }
  });
});

describe('forms bound to purposes (R-OR-86, §8.2)', () => {
  // Written out by hand: PB-5 names the copy of the evaluation form, PB-6 the nomination form.
  it('R-OR-86: the corporation gets the evaluation form (F-2) for the annual evaluation and before transfer only', () => {
    expect(formSharedUnder('corporation', 'F-2', 'PB-5')).toBe(true);
    expect(formSharedUnder('corporation', 'F-2', 'PB-6')).toBe(true);
    for (const p of ['PB-1', 'PB-2', 'PB-3', 'PB-4', 'PB-7', 'PB-8', null]) expect(formSharedUnder('corporation', 'F-2', p), String(p)).toBe(false);
  });
  it('R-OR-86: the nomination (F-3) only before transfer; the supplement (F-1) from the leases on; the support plan (F-4) never', () => {
    expect(formSharedUnder('wonen', 'F-3', 'PB-6')).toBe(true);
    expect(formSharedUnder('wonen', 'F-3', 'PB-2')).toBe(false);
    expect(formSharedUnder('corporation', 'F-1', 'PB-3')).toBe(true);
    expect(formSharedUnder('corporation', 'F-1', 'PB-1')).toBe(false);
    expect(formSharedUnder('corporation', 'F-1', 'PB-4')).toBe(false);
    for (const p of ['PB-1', 'PB-2', 'PB-3', 'PB-4', 'PB-5', 'PB-6', 'PB-7', 'PB-8']) expect(formSharedUnder('corporation', 'F-4', p)).toBe(false);
  });
  it('the care provider and the client read their forms without a sharing purpose', () => {
    expect(formSharedUnder('care_provider', 'F-4', null)).toBe(true);
    expect(formSharedUnder('client', 'F-2', null)).toBe(true);
  });
});
