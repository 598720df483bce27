/**
 * Three-party sign-off (R-OR-38, R-OR-50 proposal; §7.1): pure rules.
 *
 * - A signature is a record per party on one form version (`form_signatures`), with name,
 *   function (required for care provider and corporation: "naam + functie"), date and method.
 *   The client usually signs through the care worker, who records it on the client's behalf
 *   with the method ('on_behalf_in_person' | 'on_behalf_written' | 'on_behalf_digital').
 * - A form is final only with the signatures of all its parties on the SAME, current version
 *   (R-OR-38). Every change of a submitted form creates a new version (R-OR-50 proposal), so
 *   signatures on older versions are stale and all parties sign again.
 * - Content binding: `contentHashInput(def, data)` is the canonical JSON (sorted keys) of what
 *   is signed. Hashing needs crypto, which the pure core does not do: the shell computes
 *   SHA-256 hex of that string (node:crypto), stores it as `form_versions.content_hash` and
 *   `form_signatures.content_hash`, and passes it back here to detect changed content.
 */
import { isValidIsoDate } from '../calendar/index.ts';
import type { IsoDate } from '../calendar/index.ts';
import { SIGNATURE_PARTIES } from './model.ts';
import type { FormData, FormDefinition, FormStatus, LocalText, SignatureParty } from './model.ts';

export const SIGNATURE_METHODS = ['own_account', 'on_behalf_in_person', 'on_behalf_written', 'on_behalf_digital'] as const;
export type SignatureMethod = (typeof SIGNATURE_METHODS)[number];

export const PARTY_LABELS: Readonly<Record<SignatureParty, LocalText>> = {
  client: { nl: 'Bewoner', en: 'Resident' },
  care_provider: { nl: 'Zorgaanbieder', en: 'Care provider' },
  corporation: { nl: 'Woningcorporatie', en: 'Housing corporation' },
};

export const METHOD_LABELS: Readonly<Record<SignatureMethod, LocalText>> = {
  own_account: { nl: 'Zelf ondertekend met eigen account', en: 'Signed with own account' },
  on_behalf_in_person: { nl: 'Namens ondertekenaar vastgelegd; akkoord in persoon gegeven', en: 'Recorded on behalf; agreed in person' },
  on_behalf_written: { nl: 'Namens ondertekenaar vastgelegd; schriftelijk akkoord', en: 'Recorded on behalf; agreed in writing' },
  on_behalf_digital: { nl: 'Namens ondertekenaar vastgelegd; digitaal akkoord', en: 'Recorded on behalf; agreed digitally' },
};

/** Parties that sign with "naam + functie" (S-34, S-35, E-37, E-38). */
export const PARTIES_WITH_FUNCTION: ReadonlyArray<SignatureParty> = ['care_provider', 'corporation'];

/** A signature as given (before it is recorded). */
export interface SignatureInput {
  party: SignatureParty;
  /** The form version the signer saw and agrees with. */
  formVersion: number;
  name: string;
  function?: string | null;
  signedOn: IsoDate;
  method: SignatureMethod;
  /** Content hash of the version the signer saw (shell-computed SHA-256 of contentHashInput). */
  contentHash?: string;
}

/** A recorded signature (a `form_signatures` row). */
export interface FormSignature extends SignatureInput {
  id?: string;
  /** The user who recorded it (the care worker for a signature on behalf). */
  signedByUser?: string;
}

export interface SignatureStatus {
  /** The form needs signatures at all (F-3: no; its finality is the review and Wonen's decision). */
  requiresSignatures: boolean;
  /** R-OR-38: all parties signed the current version (and, if hashes are known, its content). */
  final: boolean;
  /** The valid signature per party on the current version. */
  valid: FormSignature[];
  missing: SignatureParty[];
  /** Signatures on an older version (or on other content): they no longer count (R-OR-50). */
  stale: FormSignature[];
}

export type SignatureViolationCode =
  | 'form_not_submitted'
  | 'unknown_party'
  | 'stale_version'
  | 'unknown_version'
  | 'content_mismatch'
  | 'already_signed'
  | 'name_required'
  | 'function_required'
  | 'invalid_date'
  | 'invalid_method';

export interface SignatureViolation {
  code: SignatureViolationCode;
  rule: string | null;
  nl: string;
  en: string;
}

/** The current form as far as signing is concerned. */
export interface SignableForm {
  version: number;
  status: FormStatus;
  /** Shell-computed hash of the current version's content; when given, signatures must match it. */
  contentHash?: string;
}

// ─── Canonical content ───────────────────────────────────────────────────────

/**
 * Deterministic JSON: object keys sorted (by UTF-16 code units), no whitespace, `undefined`
 * members dropped, non-finite numbers as null — the same for equal data, whatever key order.
 */
export function canonicalJson(value: unknown): string {
  const seen = new Set<object>();
  const walk = (v: unknown): string | undefined => {
    if (v === null) return 'null';
    switch (typeof v) {
      case 'string':
        return JSON.stringify(v);
      case 'number':
        return Number.isFinite(v) ? JSON.stringify(v) : 'null';
      case 'boolean':
        return v ? 'true' : 'false';
      case 'bigint':
        return JSON.stringify(v.toString());
      case 'object': {
        if (seen.has(v)) throw new TypeError('canonicalJson: circular structure');
        seen.add(v);
        let out: string;
        if (Array.isArray(v)) {
          out = `[${v.map((x) => walk(x) ?? 'null').join(',')}]`;
        } else {
          const parts: string[] = [];
          for (const k of Object.keys(v).sort()) {
            const s = walk((v as Record<string, unknown>)[k]);
            if (s !== undefined) parts.push(`${JSON.stringify(k)}:${s}`);
          }
          out = `{${parts.join(',')}}`;
        }
        seen.delete(v);
        return out;
      }
      default:
        return undefined; // undefined, function, symbol
    }
  };
  return walk(value) ?? 'null';
}

/** What is hashed for a form version: the form kind, the definition version and the data. */
export function contentHashInput(def: FormDefinition, data: FormData): string {
  return canonicalJson({ kind: def.kind, definitionVersion: def.version, data });
}

// ─── Status and checks ───────────────────────────────────────────────────────

export function signatureStatus(
  def: FormDefinition,
  formVersion: number,
  signatures: ReadonlyArray<FormSignature>,
  currentContentHash?: string,
): SignatureStatus {
  const valid: FormSignature[] = [];
  const stale: FormSignature[] = [];
  for (const s of signatures) {
    if (!def.signatureParties.includes(s.party)) continue;
    const onCurrent = s.formVersion === formVersion && (currentContentHash === undefined || s.contentHash === undefined || s.contentHash === currentContentHash);
    if (!onCurrent) {
      stale.push(s);
    } else if (!valid.some((v) => v.party === s.party)) {
      valid.push(s);
    }
  }
  const missing = def.signatureParties.filter((p) => !valid.some((v) => v.party === p));
  const requiresSignatures = def.signatureParties.length > 0;
  return { requiresSignatures, final: requiresSignatures && missing.length === 0, valid, missing, stale };
}

const sv = (code: SignatureViolationCode, rule: string | null, nl: string, en: string): SignatureViolation => ({ code, rule, nl, en });

/**
 * Whether a signature may be recorded on the form now. Returns every violation ([] = allowed):
 * the form must be submitted (not a draft), the party must be one of the form's parties, the
 * signature must be on the current version (signing a stale version is refused, R-OR-50) and
 * its content, the party must not have signed this version yet, and the record must be
 * complete (name; function for care provider and corporation; a valid date; a known method).
 */
export function checkSignature(
  def: FormDefinition,
  form: SignableForm,
  signature: SignatureInput,
  existing: ReadonlyArray<FormSignature>,
): SignatureViolation[] {
  const out: SignatureViolation[] = [];
  if (form.status === 'draft') {
    out.push(sv('form_not_submitted', 'R-OR-38', 'Een concept kan niet worden ondertekend; dien het formulier eerst in.', 'A draft cannot be signed; submit the form first.'));
  }
  if (!(SIGNATURE_PARTIES as ReadonlyArray<string>).includes(signature.party) || !def.signatureParties.includes(signature.party)) {
    out.push(
      sv(
        'unknown_party',
        'R-OR-38',
        `${String(signature.party)} ondertekent ${def.kind} niet.`,
        `${String(signature.party)} does not sign ${def.kind}.`,
      ),
    );
  }
  if (!Number.isInteger(signature.formVersion) || signature.formVersion > form.version || signature.formVersion < 1) {
    out.push(sv('unknown_version', null, `Versie ${String(signature.formVersion)} bestaat niet.`, `Version ${String(signature.formVersion)} does not exist.`));
  } else if (signature.formVersion < form.version) {
    out.push(
      sv(
        'stale_version',
        'R-OR-50',
        `Versie ${signature.formVersion} is vervangen door versie ${form.version}; onderteken de huidige versie.`,
        `Version ${signature.formVersion} has been replaced by version ${form.version}; sign the current version.`,
      ),
    );
  } else if (form.contentHash !== undefined && signature.contentHash !== undefined && signature.contentHash !== form.contentHash) {
    out.push(
      sv('content_mismatch', 'R-OR-38', 'De inhoud is gewijzigd sinds u het formulier opende; bekijk de huidige versie.', 'The content changed since you opened the form; review the current version.'),
    );
  }
  const current = signatureStatus(def, form.version, existing, form.contentHash);
  if (current.valid.some((s) => s.party === signature.party)) {
    out.push(sv('already_signed', 'R-OR-38', 'Deze partij heeft deze versie al ondertekend.', 'This party has already signed this version.'));
  }
  if (typeof signature.name !== 'string' || signature.name.trim() === '') {
    out.push(sv('name_required', 'R-OR-38', 'Vul de naam van de ondertekenaar in.', "Enter the signer's name."));
  }
  if (PARTIES_WITH_FUNCTION.includes(signature.party) && (typeof signature.function !== 'string' || signature.function.trim() === '')) {
    out.push(sv('function_required', 'R-OR-38', 'Vul naam en functie in (naam + functie).', 'Enter name and function (name + function).'));
  }
  if (typeof signature.signedOn !== 'string' || !isValidIsoDate(signature.signedOn)) {
    out.push(sv('invalid_date', null, 'Ongeldige datum van ondertekening.', 'Invalid signing date.'));
  }
  if (!(SIGNATURE_METHODS as ReadonlyArray<string>).includes(signature.method)) {
    out.push(sv('invalid_method', null, 'Onbekende wijze van ondertekenen.', 'Unknown signing method.'));
  }
  return out;
}

/**
 * R-OR-50 (proposal): what an edit does to a form. A draft is edited in place; a submitted or
 * final form gets a new version, goes back to 'submitted' (the shell validates the new data in
 * 'submit' mode) and all signatures on earlier versions become stale.
 */
export function versionAfterEdit(form: { version: number; status: FormStatus }): { version: number; status: FormStatus; signaturesInvalidated: boolean } {
  if (form.status === 'draft') return { version: form.version, status: 'draft', signaturesInvalidated: false };
  return { version: form.version + 1, status: 'submitted', signaturesInvalidated: true };
}

/** The status after a signature was recorded: 'final' once all parties signed the current version. */
export function statusAfterSigning(
  def: FormDefinition,
  form: SignableForm,
  signatures: ReadonlyArray<FormSignature>,
): FormStatus {
  if (form.status === 'draft') return 'draft';
  return signatureStatus(def, form.version, signatures, form.contentHash).final ? 'final' : 'submitted';
}
