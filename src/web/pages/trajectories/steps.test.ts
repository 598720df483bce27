/**
 * "Stap vastleggen" is generated from the TRANSITIONS table: every field of every event schema
 * maps to an input, has a Dutch and English label, every enum value has a label, and the steps
 * offered follow `from` and `actors`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '../../../domain/trajectories/model.ts';
import { TRANSITIONS } from '../../../domain/trajectories/transitions.ts';
import { allEnumValues, allFieldNames, availableTypes, fieldsOf, initialValues, localProblems, specsOf, toData, type JsonSchema } from './steps.ts';

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
