/**
 * "Stap vastleggen" is generated from the TRANSITIONS table: every field of every event schema
 * maps to an input, has a Dutch and English label, every enum value has a label, and the steps
 * offered follow `from` and `actors`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '../../../domain/trajectories/model.ts';
import { TRANSITIONS } from '../../../domain/trajectories/transitions.ts';
import { PHASE_CODES } from '../../../domain/trajectories/availability.ts';
import { plainMessage, summaryLine } from '../../components/forms.tsx';
import { allEnumValues, allFieldNames, availableTypes, fieldsOf, groupedStepOptions, initialValues, isPhaseStep, localProblems, notYetListed, specsOf, toData, type JsonSchema, type StepsView } from './steps.ts';
import { refusalErrors } from './StepForm.tsx';
import { initI18n, loadTexts } from '../../i18n/index.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const dict = (lang: string) => JSON.parse(fs.readFileSync(path.resolve(here, `../../i18n/${lang}.json`), 'utf8')) as { steps: { fields: Record<string, string>; values: Record<string, string> }; phases: Record<string, string> };

describe('step form generated from TRANSITIONS', () => {
  it('maps every property of every event data schema to an input', () => {
    for (const type of EVENT_TYPES) {
      const schema = TRANSITIONS[type].data as unknown as JsonSchema;
      const names = Object.keys(schema.properties ?? {}).filter((n) => !(type === 'event_corrected' && n === 'data'));
      expect(fieldsOf(schema).map((f) => f.name), type).toEqual(names);
    }
  });

  it('labels every field and enum value in Dutch and English', () => {
    for (const lang of ['nl', 'en']) {
      const d = dict(lang);
      expect(allFieldNames().filter((n) => !d.steps.fields[n]), `${lang} field labels`).toEqual([]);
      expect(allEnumValues().filter((v) => !d.steps.values[v]), `${lang} value labels`).toEqual([]);
      expect(Object.keys(d.phases)).toHaveLength(10);
    }
  });

  it('offers only the steps of the current phase for the role', () => {
    const cw = availableTypes({ phase: 'P3_matching', status: 'active', actorKind: 'care_provider', role: 'care_worker' });
    expect(cw).toContain('offer_replied');
    expect(cw).toContain('key_handover');
    expect(cw).not.toContain('offer_received');
    expect(cw).not.toContain('event_corrected');
    const cc = availableTypes({ phase: 'P3_matching', status: 'active', actorKind: 'corporation', role: 'corporation_contact' });
    expect(cc).toContain('offer_received');
    expect(cc).not.toContain('key_handover');
    const wonen = availableTypes({ phase: 'P8_transfer', status: 'active', actorKind: 'wonen', role: 'wonen_officer' });
    expect(wonen).toEqual(expect.arrayContaining(['wonen_confirmed', 'wonen_returned']));
    expect(availableTypes({ phase: 'P8_transfer', status: 'active', actorKind: 'care_provider', role: 'independent_reviewer' })).toContain('independent_review');
    expect(availableTypes({ phase: 'P8_transfer', status: 'active', actorKind: null, role: 'programme_analyst' })).toEqual([]);
  });

  it('turns input into the data the schema wants', () => {
    const specs = specsOf('offer_received');
    const values = { ...initialValues(specs), address: 'Lindelaan 1', availableOn: '2026-01-05', floor: '2', lift: true, facilities: '', noiseAndDefects: '', contactName: 'Joost', recentNuisanceFile: false };
    expect(localProblems(specs, values)).toEqual({});
    expect(toData(specs, values)).toEqual({ address: 'Lindelaan 1', availableOn: '2026-01-05', floor: 2, lift: true, facilities: '', noiseAndDefects: '', contactName: 'Joost', recentNuisanceFile: false });
    const joint = specsOf('transfer_decision_joint');
    expect(Object.keys(localProblems(joint, initialValues(joint)))).toEqual(expect.arrayContaining(['residentAgrees', 'aftercareNeeds']));
    const check = specsOf('nuisance_check_done');
    expect(toData(check, { ...initialValues(check), checkedWith: ['nuisance_hub', 'corporation'] })).toEqual({ complaintsFound: false, transferPossibleWithoutBehaviourChange: false, checkedWith: ['nuisance_hub', 'corporation'] });
    const review = specsOf('independent_review');
    expect(toData(review, { ...initialValues(review), verdict: 'approved', reasonCodes: 'A1\n\nB2 ', motivation: 'ok' })).toEqual({ verdict: 'approved', reasonCodes: ['A1', 'B2'], motivation: 'ok' });
  });
});

describe('steps that explain themselves (issue 9)', () => {
  // Messages carry both languages: load English too (the browser loads it on switching).
  beforeAll(async () => {
    await initI18n();
    await loadTexts('en');
  });
  const groups = { suggested: 'Voorgesteld', phase: 'Andere stappen in deze fase', anyTime: 'Altijd mogelijk' };

  it('puts the suggested step(s) first, then the other steps of the phase, then those possible at any time — each once', () => {
    const options = groupedStepOptions(['offer_replied', 'client_informed', 'transfer_goals_communicated', 'trajectory_ended', 'key_handover'], ['transfer_goals_communicated', 'match_final'], isPhaseStep, groups);
    expect(options).toEqual([
      { value: 'transfer_goals_communicated', group: 'Voorgesteld' },
      { value: 'offer_replied', group: 'Andere stappen in deze fase' },
      { value: 'client_informed', group: 'Andere stappen in deze fase' },
      { value: 'key_handover', group: 'Andere stappen in deze fase' },
      { value: 'trajectory_ended', group: 'Altijd mogelijk' },
    ]);
  });

  it('"Nog niet mogelijk" lists the steps of this phase that wait for something, not those of later phases', () => {
    const item = (type: 'referral_submitted' | 'offer_received' | 'goals_set', codes: string[]) => ({
      type, label: { nl: type, en: type }, phaseStep: true, legalEffect: false, missing: codes.map((code) => ({ code, nl: code, en: code, ruleId: null })),
    });
    const view: StepsView = { suggested: [], available: [], unavailable: [item('referral_submitted', ['goals_missing']), item('offer_received', ['phase_not_allowed', 'no_consent']), item('goals_set', [])] };
    expect(notYetListed(view, PHASE_CODES).map((x) => x.type)).toEqual(['referral_submitted']);
  });

  it('a refusal reads "Nog niet mogelijk: …" at the step selector, field problems stay at their field, without rule IDs', () => {
    const errors = refusalErrors([
      { field: '/type', code: 'no_match', rule: 'R-OR-23', nl: 'De match is nog niet definitief.', en: 'The match is not final yet.' },
      { field: '/type', code: 'dwelling_not_ready', rule: 'R-OR-28', nl: 'De woning is nog niet verhuurklaar gemeld.', en: 'The dwelling has not been reported ready to let.' },
      { field: '/data/atDwelling', code: 'not_at_dwelling', rule: 'R-OR-35', nl: 'In de woning.', en: 'At the dwelling.' },
    ]);
    expect(errors).toEqual({
      type: { nl: 'Nog niet mogelijk: De match is nog niet definitief. De woning is nog niet verhuurklaar gemeld.', en: 'Not possible yet: The match is not final yet. The dwelling has not been reported ready to let.' },
      atDwelling: { nl: 'In de woning.', en: 'At the dwelling.' },
    });
  });

  it('the error summary names the field once and the message once, without codes', () => {
    expect(summaryLine('Zo ja, welke afspraken?', 'E-19 “Zo ja…”: Beantwoord deze vraag. (R-OR-62)')).toBe('Zo ja, welke afspraken?: Beantwoord deze vraag.');
    expect(summaryLine('Welke stap?', 'Welke stap? is verplicht.')).toBe('Welke stap? is verplicht.');
    expect(summaryLine(undefined, 'Kies een stap.')).toBe('Kies een stap.');
    expect(plainMessage('E-3: De datum ligt na de einddatum (R-OR-12, D-13).')).toBe('De datum ligt na de einddatum.');
    expect(plainMessage('Voorwaarde niet vervuld (R-OR-64 / R-OR-14)')).toBe('Voorwaarde niet vervuld');
  });
});
