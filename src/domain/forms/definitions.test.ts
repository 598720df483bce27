import { describe, expect, it } from 'vitest';
import { GOAL_DOMAINS } from '../trajectories/model.ts';
import {
  F1_SUPPLEMENT,
  F2_EVALUATION,
  F3_NOMINATION,
  F4_SUPPORT_PLAN,
  FORM_DEFINITIONS,
  FORM_KINDS,
  MANDATORY_SUPPORT_PLAN_DOMAINS,
  SUPPORT_PLAN_GOAL_FIELDS,
  allFields,
  definitionProblems,
  fieldIndex,
} from './index.ts';

const range = (prefix: string, from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `${prefix}-${String(from + i).padStart(2, '0')}`);

const ids = (def: (typeof FORM_DEFINITIONS)[keyof typeof FORM_DEFINITIONS]) => allFields(def).map((f) => f.id);

describe('form definitions (§7)', () => {
  it('are well-formed: unique ids, conditions on earlier fields, options, versions from 1', () => {
    for (const kind of FORM_KINDS) {
      const def = FORM_DEFINITIONS[kind];
      expect(def.kind).toBe(kind);
      expect(definitionProblems(def)).toEqual([]);
      expect(def.version).toBe(1);
      expect(def.title.nl && def.title.en).toBeTruthy();
      expect(def.privacyNotice.nl).toBeTruthy();
    }
  });

  it('definitionProblems reports a broken definition', () => {
    const broken = {
      ...F1_SUPPLEMENT,
      version: 0,
      sections: [
        {
          id: 'X',
          title: { nl: 'X', en: 'X' },
          fields: [
            { id: 'A', type: 'yesno', label: { nl: 'a', en: 'a' }, required: true, showIf: { field: 'B', equals: 'yes' } },
            { id: 'A', type: 'select', label: { nl: 'a', en: 'a' }, required: true, readOnly: true },
          ],
        },
      ],
      checks: [{ kind: 'date_order', id: 'c', earlier: 'Q', later: 'A' }],
    } as never;
    expect(definitionProblems(broken)).toEqual(
      expect.arrayContaining([
        'duplicate field id A',
        'A showIf names unknown field B',
        'A (select) has no options',
        'A is read-only and required',
        'check c names unknown field Q',
        'version must be an integer ≥ 1',
      ]),
    );
  });

  it('§7.2: F-1 has every data field S-01…S-32 with the Dutch label as printed; S-33…S-35 are signature parties, not fields', () => {
    const got = ids(F1_SUPPLEMENT);
    expect(got).toEqual(expect.arrayContaining(range('S', 1, 32)));
    for (const sig of ['S-33', 'S-34', 'S-35']) expect(got).not.toContain(sig);
    expect(F1_SUPPLEMENT.signatureParties).toEqual(['client', 'care_provider', 'corporation']);
    expect(F1_SUPPLEMENT.signatureFieldIds).toEqual({ client: 'S-33', care_provider: 'S-34', corporation: 'S-35' });
    const f = fieldIndex(F1_SUPPLEMENT);
    expect(f.get('S-13')!.label.nl).toBe('Hoe ervaar je het wonen?');
    expect(f.get('S-18')!.label.nl).toBe('Weet je waar je afval kwijt kunt (afvalbak, glasbak, grof vuil voorzieningen)?');
    expect(f.get('S-12')!.type).toBe('declaration');
    expect(f.get('S-27')!.type).toBe('goals');
    expect(f.get('S-30')!.type).toBe('amount_eur');
    expect(f.get('S-31a')!.type).toBe('checklist');
    expect(f.get('S-32')!.type).toBe('date_or_period');
  });

  it('§7.2 proposal: the WA4 topics without a field are a "discussed yes/no" checklist under S-31', () => {
    const items = fieldIndex(F1_SUPPLEMENT).get('S-31a')!.items!.map((i) => i.id);
    expect(items).toEqual(['housing_fraud', 'dwelling_in_order', 'common_areas', 'corporation_website', 'brp_registration', 'woningnet_renewal']);
  });

  it('§7.3: F-2 has every data field E-01…E-35 plus the V-E4 extensions E-33a/b/c; E-36…E-38 are signature parties', () => {
    const got = ids(F2_EVALUATION);
    expect(got).toEqual(expect.arrayContaining([...range('E', 1, 35), 'E-33a', 'E-33b', 'E-33c']));
    for (const sig of ['E-36', 'E-37', 'E-38']) expect(got).not.toContain(sig);
    expect(F2_EVALUATION.signatureFieldIds).toEqual({ client: 'E-36', care_provider: 'E-37', corporation: 'E-38' });
    const f = fieldIndex(F2_EVALUATION);
    expect(f.get('E-31')!.label.nl).toBe('Is er sprake van voordracht voor omklap?');
    expect(f.get('E-30')!.type).toBe('goal_status_rows');
    for (const id of ['E-33a', 'E-33b', 'E-33c']) expect(f.get(id)!.showIf).toEqual({ field: 'E-31', equals: 'yes' });
  });

  it('§7.3 V-E1 / V-E3: the conditional questions are shown by the right answers', () => {
    const f = fieldIndex(F2_EVALUATION);
    expect(f.get('E-19')!.showIf).toEqual({ field: 'E-18', equals: 'yes' });
    expect(f.get('E-20')!.showIf).toEqual({ field: 'E-18', equals: 'no' });
    expect(f.get('E-22')!.showIf).toEqual({ field: 'E-21', equals: 'yes' });
    expect(f.get('E-24')!.showIf).toEqual({ field: 'E-23', equals: 'yes' });
    expect(f.get('E-29')!.showIf).toEqual({ field: 'E-28', equals: 'no' });
    expect(f.get('E-32')!.showIf).toEqual({ field: 'E-31', equals: 'yes' });
    expect(f.get('E-33')!.showIf).toEqual({ field: 'E-31', equals: 'yes' });
    expect(f.get('E-34')!.showIf).toEqual({ field: 'E-31', equals: 'no' });
    expect(f.get('E-35')!.showIf).toEqual({ field: 'E-31', equals: 'no' });
  });

  it('§7.4: F-3 has V-01…V-12; V-10 and V-12 are recorded decisions (read-only), and the form has no signatures', () => {
    const got = ids(F3_NOMINATION);
    expect(got).toEqual(expect.arrayContaining(range('V', 1, 12)));
    const f = fieldIndex(F3_NOMINATION);
    for (const id of ['V-10', 'V-12']) expect(f.get(id)).toMatchObject({ readOnly: true, source: 'decision', required: false });
    expect(F3_NOMINATION.signatureParties).toEqual([]);
    expect(f.get('V-09')!.partialCopy).toBe(true);
  });

  it('R-OR-42: mandatory support-plan topics — four life domains, safety, good tenancy, housing skills; parenting and children only with children', () => {
    const f = fieldIndex(F4_SUPPORT_PLAN);
    expect(Object.keys(SUPPORT_PLAN_GOAL_FIELDS).sort()).toEqual([...GOAL_DOMAINS].sort());
    for (const domain of MANDATORY_SUPPORT_PLAN_DOMAINS) {
      const field = f.get(SUPPORT_PLAN_GOAL_FIELDS[domain])!;
      expect(field, domain).toMatchObject({ type: 'goals', required: true, domains: [domain], withResults: true });
      expect(field.showIf).toBeUndefined();
    }
    for (const domain of ['parenting', 'children_environment'] as const) {
      const field = f.get(SUPPORT_PLAN_GOAL_FIELDS[domain])!;
      expect(field).toMatchObject({ required: true, showIf: { field: 'SP-CHILDREN', equals: 'yes' } });
    }
    expect(f.get('SP-TRANSFER-CONDITIONS')).toMatchObject({ required: true, rule: 'R-OR-42' });
    expect(f.get('SP-SAFETY-RISKS')).toMatchObject({ required: true });
    expect(f.get('SP-EVAL-FREQUENCY')).toMatchObject({ type: 'select', required: true, rule: 'R-OR-39' });
    expect(f.get('SP-COORDINATION')).toMatchObject({ rule: 'R-OR-44', showIf: { field: 'SP-OTHER-CARE', equals: 'yes' } });
  });

  it('R-OR-43: the support plan has relapse prevention — signals, steps by the resident, role of the network, how to ask for help', () => {
    const relapse = F4_SUPPORT_PLAN.sections.find((s) => s.id === 'SP-RELAPSE')!;
    expect(relapse.fields.map((x) => x.id)).toEqual(['SP-RELAPSE-SIGNALS', 'SP-RELAPSE-STEPS', 'SP-RELAPSE-NETWORK', 'SP-RELAPSE-HELP']);
    for (const x of relapse.fields) expect(x).toMatchObject({ required: true, rule: 'R-OR-43' });
  });

  it('AMB-OR-13 proposal: the support plan is signed by resident and care provider; the corporation never signs it', () => {
    expect(F4_SUPPORT_PLAN.signatureParties).toEqual(['client', 'care_provider']);
  });
});
