/**
 * Signatures (R-OR-38, R-OR-50): which signature counts for the current version and content,
 * which checks refuse a signature, and the canonical JSON that the content hash is taken of.
 */
import { describe, expect, it } from 'vitest';
import { F1_SUPPLEMENT, canonicalJson, checkSignature, signatureStatus, statusAfterSigning } from './index.ts';
import type { FormSignature } from './index.ts';

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
const submitted = (version: number, contentHash?: string) => ({ version, status: 'submitted' as const, ...(contentHash ? { contentHash } : {}) });

describe('R-OR-38: signatureStatus and the content hash', () => {
  it('a signature on other content is stale; one without a hash, or a check without a current hash, counts', () => {
    const other = signatureStatus(F1_SUPPLEMENT, 1, [sig('client', 1, { contentHash: 'a' })], 'b');
    expect(other.valid).toEqual([]);
    expect(other.stale.map((s) => s.party)).toEqual(['client']);
    expect(signatureStatus(F1_SUPPLEMENT, 1, [sig('client', 1, { contentHash: 'b' })], 'b').valid.map((s) => s.party)).toEqual(['client']);
    expect(signatureStatus(F1_SUPPLEMENT, 1, [sig('client', 1)], 'b').valid.map((s) => s.party)).toEqual(['client']);
    expect(signatureStatus(F1_SUPPLEMENT, 1, [sig('client', 1, { contentHash: 'a' })]).valid.map((s) => s.party)).toEqual(['client']);
  });

  it('a second signature of the same party on the current version is not counted twice; the first counts', () => {
    const first = sig('client', 1, { id: 's1' });
    const second = sig('client', 1, { id: 's2' });
    const st = signatureStatus(F1_SUPPLEMENT, 1, [first, second]);
    expect(st.valid.map((s) => s.id)).toEqual(['s1']);
    expect(st.stale).toEqual([]);
    expect(st.missing).toEqual(['care_provider', 'corporation']);
  });

  it('a draft stays a draft after signing, even with all three signatures', () => {
    const all = [sig('client', 1), sig('care_provider', 1), sig('corporation', 1)];
    expect(statusAfterSigning(F1_SUPPLEMENT, { version: 1, status: 'draft' }, all)).toBe('draft');
    expect(statusAfterSigning(F1_SUPPLEMENT, submitted(1), all)).toBe('final');
  });
});

describe('checkSignature', () => {
  it('R-OR-50: a version that does not exist is unknown_version (fraction, 0, beyond the current)', () => {
    expect(codes(checkSignature(F1_SUPPLEMENT, submitted(2), sig('client', 1.5), []))).toEqual(['unknown_version']);
    expect(codes(checkSignature(F1_SUPPLEMENT, submitted(2), sig('client', 0), []))).toEqual(['unknown_version']);
    expect(codes(checkSignature(F1_SUPPLEMENT, submitted(2), sig('client', 3), []))).toEqual(['unknown_version']);
    expect(codes(checkSignature(F1_SUPPLEMENT, submitted(2), sig('client', 2), []))).toEqual([]);
  });

  it('R-OR-38: content_mismatch only when both hashes are known and differ', () => {
    expect(checkSignature(F1_SUPPLEMENT, submitted(1, 'a'), sig('client', 1, { contentHash: 'b' }), [])).toEqual([
      expect.objectContaining({ code: 'content_mismatch', rule: 'R-OR-38' }),
    ]);
    expect(codes(checkSignature(F1_SUPPLEMENT, submitted(1, 'a'), sig('client', 1, { contentHash: 'a' }), []))).toEqual([]);
    expect(codes(checkSignature(F1_SUPPLEMENT, submitted(1, 'a'), sig('client', 1), []))).toEqual([]);
    expect(codes(checkSignature(F1_SUPPLEMENT, submitted(1), sig('client', 1, { contentHash: 'b' }), []))).toEqual([]);
  });

  it('R-OR-38: a name of only spaces is name_required', () => {
    expect(checkSignature(F1_SUPPLEMENT, submitted(1), sig('client', 1, { name: '   ' }), [])).toEqual([
      expect.objectContaining({ code: 'name_required', rule: 'R-OR-38' }),
    ]);
  });

  it('an impossible signing date is invalid_date', () => {
    expect(checkSignature(F1_SUPPLEMENT, submitted(1), sig('client', 1, { signedOn: '2026-02-30' }), [])).toEqual([
      expect.objectContaining({ code: 'invalid_date', rule: null }),
    ]);
  });

  it('R-OR-38: already_signed only for a signature that counts on the current version and content', () => {
    const f = submitted(2, 'h2');
    expect(codes(checkSignature(F1_SUPPLEMENT, f, sig('client', 2), [sig('client', 2, { contentHash: 'h2' })]))).toEqual(['already_signed']);
    expect(codes(checkSignature(F1_SUPPLEMENT, f, sig('client', 2), [sig('client', 2, { contentHash: 'h1' })]))).toEqual([]);
    expect(codes(checkSignature(F1_SUPPLEMENT, f, sig('client', 2), [sig('client', 1)]))).toEqual([]);
  });
});

describe('canonicalJson', () => {
  it('refuses a circular structure with its own error, but a shared (non-circular) member is fine', () => {
    const a: Record<string, unknown> = { x: 1 };
    a.self = a;
    expect(() => canonicalJson(a)).toThrow(new TypeError('canonicalJson: circular structure'));
    const shared = { v: 1 };
    expect(canonicalJson({ b: shared, a: [shared, shared] })).toBe('{"a":[{"v":1},{"v":1}],"b":{"v":1}}');
  });
});
