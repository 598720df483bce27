import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  F1_SUPPLEMENT,
  F2_EVALUATION,
  F3_NOMINATION,
  F4_SUPPORT_PLAN,
  canonicalJson,
  checkSignature,
  contentHashInput,
  signatureStatus,
  statusAfterSigning,
  versionAfterEdit,
} from './index.ts';
import type { FormSignature, SignatureInput } from './index.ts';
import { EXAMPLE_F1 } from './examples.ts';

const sig = (party: FormSignature['party'], formVersion: number, extra: Partial<FormSignature> = {}): FormSignature => ({
  party,
  formVersion,
  name: party === 'client' ? 'Fatima el Amrani' : party === 'care_provider' ? 'Joost de Vries' : 'Ingrid Bakker',
  function: party === 'client' ? null : party === 'care_provider' ? 'Persoonlijk begeleider' : 'Wijkbeheerder',
  signedOn: '2026-03-02',
  method: party === 'client' ? 'on_behalf_in_person' : 'own_account',
  ...extra,
});

const codes = (v: ReturnType<typeof checkSignature>) => v.map((x) => x.code);

describe('three-party sign-off', () => {
  it('R-OR-38: a supplement is final only with three signatures on the same version', () => {
    expect(signatureStatus(F1_SUPPLEMENT, 1, [])).toMatchObject({ final: false, missing: ['client', 'care_provider', 'corporation'] });
    const two = signatureStatus(F1_SUPPLEMENT, 1, [sig('client', 1), sig('care_provider', 1)]);
    expect(two).toMatchObject({ final: false, missing: ['corporation'], stale: [] });
    const three = signatureStatus(F1_SUPPLEMENT, 1, [sig('client', 1), sig('care_provider', 1), sig('corporation', 1)]);
    expect(three).toMatchObject({ requiresSignatures: true, final: true, missing: [] });
    expect(three.valid.map((s) => s.party)).toEqual(['client', 'care_provider', 'corporation']);
    // Three signatures, but not on the same (current) version: not final.
    const mixed = signatureStatus(F1_SUPPLEMENT, 2, [sig('client', 2), sig('care_provider', 2), sig('corporation', 1)]);
    expect(mixed).toMatchObject({ final: false, missing: ['corporation'] });
    expect(mixed.stale.map((s) => [s.party, s.formVersion])).toEqual([['corporation', 1]]);
    expect(statusAfterSigning(F1_SUPPLEMENT, { version: 1, status: 'submitted' }, three.valid)).toBe('final');
    expect(statusAfterSigning(F1_SUPPLEMENT, { version: 1, status: 'submitted' }, two.valid)).toBe('submitted');
  });

  it('R-OR-50: a changed supplement needs new signatures', () => {
    const signed = [sig('client', 1), sig('care_provider', 1), sig('corporation', 1)];
    expect(signatureStatus(F1_SUPPLEMENT, 1, signed).final).toBe(true);
    // An edit of a final form makes a new version and invalidates the signatures.
    const edited = versionAfterEdit({ version: 1, status: 'final' });
    expect(edited).toEqual({ version: 2, status: 'submitted', signaturesInvalidated: true });
    const after = signatureStatus(F1_SUPPLEMENT, edited.version, signed);
    expect(after).toMatchObject({ final: false, missing: ['client', 'care_provider', 'corporation'] });
    expect(after.stale).toHaveLength(3);
    // Signing the old version is refused; signing the new one is allowed.
    expect(codes(checkSignature(F1_SUPPLEMENT, { version: 2, status: 'submitted' }, sig('client', 1), signed))).toEqual(['stale_version']);
    expect(checkSignature(F1_SUPPLEMENT, { version: 2, status: 'submitted' }, sig('client', 2), signed)).toEqual([]);
    // A draft is edited in place.
    expect(versionAfterEdit({ version: 3, status: 'draft' })).toEqual({ version: 3, status: 'draft', signaturesInvalidated: false });
  });

  it('R-OR-38 content binding: a signature on other content (same version number) does not count', () => {
    const s = [sig('client', 1, { contentHash: 'aaa' }), sig('care_provider', 1, { contentHash: 'bbb' }), sig('corporation', 1, { contentHash: 'bbb' })];
    const st = signatureStatus(F1_SUPPLEMENT, 1, s, 'bbb');
    expect(st).toMatchObject({ final: false, missing: ['client'] });
    expect(codes(checkSignature(F1_SUPPLEMENT, { version: 1, status: 'submitted', contentHash: 'bbb' }, sig('client', 1, { contentHash: 'aaa' }), s))).toEqual([
      'content_mismatch',
    ]);
  });

  it('checkSignature: form_not_submitted, unknown_party, already_signed, unknown_version', () => {
    expect(codes(checkSignature(F1_SUPPLEMENT, { version: 1, status: 'draft' }, sig('client', 1), []))).toEqual(['form_not_submitted']);
    expect(codes(checkSignature(F4_SUPPORT_PLAN, { version: 1, status: 'submitted' }, sig('corporation', 1), []))).toEqual(['unknown_party']);
    expect(codes(checkSignature(F3_NOMINATION, { version: 1, status: 'submitted' }, sig('care_provider', 1), []))).toEqual(['unknown_party']);
    expect(codes(checkSignature(F1_SUPPLEMENT, { version: 1, status: 'submitted' }, sig('corporation', 1), [sig('corporation', 1)]))).toEqual(['already_signed']);
    expect(codes(checkSignature(F1_SUPPLEMENT, { version: 1, status: 'final' }, sig('client', 1), [sig('client', 1)]))).toEqual(['already_signed']);
    expect(codes(checkSignature(F1_SUPPLEMENT, { version: 1, status: 'submitted' }, sig('client', 2), []))).toEqual(['unknown_version']);
    const bogus = { ...sig('client', 1), party: 'wonen' } as unknown as SignatureInput;
    expect(codes(checkSignature(F1_SUPPLEMENT, { version: 1, status: 'submitted' }, bogus, []))).toEqual(['unknown_party']);
  });

  it('checkSignature: name, function for care provider and corporation ("naam + functie"), date and method', () => {
    const form = { version: 1, status: 'submitted' as const };
    expect(codes(checkSignature(F2_EVALUATION, form, sig('care_provider', 1, { function: ' ' }), []))).toEqual(['function_required']);
    expect(codes(checkSignature(F2_EVALUATION, form, sig('corporation', 1, { function: null }), []))).toEqual(['function_required']);
    expect(checkSignature(F2_EVALUATION, form, sig('client', 1, { function: null }), [])).toEqual([]);
    expect(codes(checkSignature(F2_EVALUATION, form, sig('client', 1, { name: '' }), []))).toEqual(['name_required']);
    expect(codes(checkSignature(F2_EVALUATION, form, sig('client', 1, { signedOn: '2026-02-30' }), []))).toEqual(['invalid_date']);
    expect(codes(checkSignature(F2_EVALUATION, form, sig('client', 1, { method: 'fax' as never }), []))).toEqual(['invalid_method']);
    for (const v of checkSignature(F2_EVALUATION, { version: 2, status: 'draft' }, sig('client', 1, { name: '' }), [])) {
      expect(v.nl && v.en).toBeTruthy();
    }
  });

  it('F-3 is not signed: finality comes from the review and the decision', () => {
    expect(signatureStatus(F3_NOMINATION, 1, [sig('care_provider', 1)])).toEqual({ requiresSignatures: false, final: false, valid: [], missing: [], stale: [] });
  });
});

describe('canonical content', () => {
  it('canonicalJson sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { y: 1, x: 2 }], c: undefined } })).toBe('{"a":{"d":[3,{"x":2,"y":1}]},"b":1}');
    expect(canonicalJson([undefined, Number.NaN, 'é'])).toBe('[null,null,"é"]');
    expect(canonicalJson(undefined)).toBe('null');
  });

  it('canonicalJson is independent of key order and equals JSON.parse round trips', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const reordered = JSON.parse(JSON.stringify(v, (_k, x) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).reverse()) : x)));
        expect(canonicalJson(reordered)).toBe(canonicalJson(v));
        expect(JSON.parse(canonicalJson(v))).toEqual(JSON.parse(JSON.stringify(v) ?? 'null'));
      }),
    );
  });

  it('contentHashInput binds the form kind and definition version to the data', () => {
    const a = contentHashInput(F1_SUPPLEMENT, EXAMPLE_F1);
    expect(a.startsWith('{"data":{')).toBe(true);
    expect(a).toContain('"definitionVersion":1');
    expect(a).toContain('"kind":"F-1"');
    expect(contentHashInput(F1_SUPPLEMENT, { ...EXAMPLE_F1, 'S-13': 'anders' })).not.toBe(a);
  });
});
