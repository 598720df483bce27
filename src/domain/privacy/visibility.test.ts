import { describe, expect, it } from 'vitest';
import {
  CLIENT_FIELDS, CONSENT_EXPLANATION_ITEMS, FORM_ARTEFACT, VISIBILITY, canSeeArtefact, canSeeEvent, checkConsent,
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
      P5_introduction: ['PB-3', 'PB-4', 'PB-7'],
      P6_support_plan: ['PB-3', 'PB-4', 'PB-7'],
      P7_living: ['PB-4', 'PB-5', 'PB-6', 'PB-7'],
      P8_transfer: ['PB-4', 'PB-6', 'PB-7'],
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

