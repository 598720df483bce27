/**
 * Starting a three-party form: one decision for the server and the web (offered only when usable).
 * Expected refusals are written out by hand from R-OR-35/61/67/42 (who fills in), R-OR-82/94 (consent)
 * and the phase each form belongs to.
 */
import { describe, expect, it } from 'vitest';
import { FORM_FROM, formStartOptions, formStartRefusal, type FormStartContext } from './start.ts';

const careWorker: FormStartContext = {
  phase: 'P5_introduction', status: 'active', consentActive: true, consentEverGiven: true, viewer: 'care_provider', role: 'care_worker', isPersonalSupervisor: true, openKinds: [],
};
const code = (kind: 'F-1' | 'F-2' | 'F-3' | 'F-4', patch: Partial<FormStartContext>) => {
  const x = formStartRefusal(kind, { ...careWorker, ...patch });
  return x && [x.code, x.rule];
};

describe('starting a form (F-1 … F-4)', () => {
  it('R-OR-82: in P0 without consent no form may be started, and it says so in words', () => {
    const p0 = { ...careWorker, phase: 'P0_consent' as const, consentActive: false, consentEverGiven: false };
    expect(formStartOptions(['F-1', 'F-2', 'F-3', 'F-4'], p0)).toEqual(['F-1', 'F-2', 'F-3', 'F-4'].map((kind) => ({
      kind, mayStart: false,
      reason: { code: 'no_consent', rule: 'R-OR-82', nl: 'Nog niet mogelijk: eerst toestemming van de cliënt vastleggen.', en: 'Not possible yet: first record the client’s consent.' },
    })));
  });

  it('R-OR-94: after a withdrawal of consent, no new form', () => {
    expect(formStartRefusal('F-4', { ...careWorker, consentActive: false, consentEverGiven: true })).toEqual({
      code: 'consent_withdrawn', rule: 'R-OR-94',
      nl: 'Niet mogelijk: de cliënt heeft de toestemming ingetrokken; leg eerst opnieuw toestemming vast.', en: 'Not possible: the client withdrew consent; record consent again first.',
    });
  });

  it('R-OR-35, R-OR-61, R-OR-67, R-OR-42: only the care provider fills in a form, whatever the phase or consent', () => {
    for (const viewer of ['corporation', 'wonen', 'nuisance_hub', 'client'] as const) {
      expect(code('F-1', { viewer, role: 'corporation_contact' })).toEqual(['care_provider_fills_in', 'R-OR-35']);
      expect(code('F-2', { viewer, consentActive: false, consentEverGiven: false })).toEqual(['care_provider_fills_in', 'R-OR-61']);
      expect(code('F-3', { viewer, status: 'closed' })).toEqual(['care_provider_fills_in', 'R-OR-67']);
      expect(code('F-4', { viewer })).toEqual(['care_provider_fills_in', 'R-OR-42']);
    }
    expect(formStartRefusal('F-1', { ...careWorker, viewer: 'corporation' })).toMatchObject({
      nl: 'De zorgaanbieder vult dit formulier in; de woningcorporatie ondertekent het als eigen partij.', en: 'The care provider fills in this form; the housing corporation signs it as its own party.',
    });
  });

  it('R-OR-67: the nomination by the personal supervisor; a team manager may, another care worker may not', () => {
    expect(formStartRefusal('F-3', { ...careWorker, isPersonalSupervisor: false })).toEqual({
      code: 'personal_supervisor_fills_in', rule: 'R-OR-67', nl: 'De persoonlijk begeleider vult de voordracht voor omklap in.', en: 'The personal supervisor fills in the nomination for lease transfer.',
    });
    expect(code('F-3', { role: 'team_manager', isPersonalSupervisor: false })).toBeNull();
    expect(code('F-1', { isPersonalSupervisor: false })).toBeNull();
  });

  it('a closed trajectory takes no new form', () => {
    expect(formStartRefusal('F-2', { ...careWorker, status: 'closed' })).toEqual({ code: 'trajectory_closed', rule: null, nl: 'Niet mogelijk: het traject is afgesloten.', en: 'Not possible: the trajectory is closed.' });
  });

  it('R-OR-37, R-OR-56, R-OR-67, R-OR-41: each form from its phase on, at the boundary', () => {
    expect(code('F-1', { phase: 'P3_matching' })).toEqual(['form_not_yet', 'R-OR-37']);
    expect(code('F-1', { phase: 'P4_key_handover' })).toBeNull();
    expect(code('F-2', { phase: 'P4_key_handover' })).toEqual(['form_not_yet', 'R-OR-56']);
    expect(code('F-2', { phase: 'P5_introduction' })).toBeNull();
    expect(code('F-3', { phase: 'P4_key_handover' })).toEqual(['form_not_yet', 'R-OR-67']);
    expect(code('F-3', { phase: 'P8_transfer' })).toBeNull();
    expect(code('F-4', { phase: 'P0_consent' })).toEqual(['form_not_yet', 'R-OR-41']);
    expect(code('F-4', { phase: 'P1_referral' })).toBeNull();
    expect(code('F-1', { phase: 'P9_aftercare' })).toBeNull();
    expect(formStartRefusal('F-1', { ...careWorker, phase: 'P2_urgency' })).toEqual({
      code: 'form_not_yet', rule: 'R-OR-37', nl: 'Nog niet mogelijk: het supplement begint na de sleuteloverdracht.', en: 'Not possible yet: the supplement starts after the key handover.',
    });
    expect(formStartRefusal('F-2', { ...careWorker, phase: 'P3_matching' })).toMatchObject({ nl: 'Nog niet mogelijk: het woonevaluatieformulier begint na het kennismakingsgesprek.', en: 'Not possible yet: the housing evaluation form starts after the introduction meeting.' });
    expect(formStartRefusal('F-3', { ...careWorker, phase: 'P4_key_handover' })).toMatchObject({ nl: 'Nog niet mogelijk: de voordracht voor omklap begint na het kennismakingsgesprek.', en: 'Not possible yet: the nomination for lease transfer starts after the introduction meeting.' });
    expect(formStartRefusal('F-4', { ...careWorker, phase: 'P0_consent' })).toMatchObject({ nl: 'Nog niet mogelijk: het begeleidingsplan begint na de toestemming van de cliënt.', en: 'Not possible yet: the support plan starts after the client’s consent.' });
    expect(Object.fromEntries(Object.entries(FORM_FROM).map(([k, v]) => [k, v.phase]))).toEqual({ 'F-1': 'P4_key_handover', 'F-2': 'P5_introduction', 'F-3': 'P5_introduction', 'F-4': 'P1_referral' });
  });

  it('one open form of a kind at a time; an evaluation form per evaluation', () => {
    expect(formStartRefusal('F-1', { ...careWorker, openKinds: ['F-1'] })).toEqual({
      code: 'form_open', rule: null, nl: 'Nog niet mogelijk: het supplement is al in behandeling; werk dat bij.', en: 'Not possible yet: the supplement is already in progress; update that one.',
    });
    expect(code('F-2', { openKinds: ['F-2'] })).toBeNull();
    expect(code('F-4', { openKinds: ['F-1', 'F-2', 'F-3'] })).toBeNull();
    expect(formStartRefusal('F-3', { ...careWorker, openKinds: ['F-3'] })).toMatchObject({ nl: 'Nog niet mogelijk: de voordracht voor omklap is al in behandeling; werk dat bij.', en: 'Not possible yet: the nomination for lease transfer is already in progress; update that one.' });
    expect(formStartRefusal('F-4', { ...careWorker, openKinds: ['F-4'] })).toMatchObject({ en: 'Not possible yet: the support plan is already in progress; update that one.' });
    expect(formStartOptions(['F-1', 'F-4'], { ...careWorker, openKinds: ['F-4'] }).map((o) => [o.kind, o.mayStart, o.reason?.code ?? null])).toEqual([['F-1', true, null], ['F-4', false, 'form_open']]);
  });
});
