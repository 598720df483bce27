/**
 * Forms waiting for signatures (R-OR-38): the submitted forms of the given cases whose current
 * version still lacks a party's signature, as far as the reader may see the form (§8.3: a
 * corporation only what the matrix shares with it under its purpose; never a draft). The home
 * page's "te ondertekenen" queue is built on this.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { signatureStatus, type SignatureParty } from '../../domain/forms/index.ts';
import { FORM_ARTEFACT, VISIBILITY, formSharedUnder, type Viewer } from '../../domain/privacy/visibility.ts';
import { currentHashes, definitionOf, signaturesOf } from './repository.ts';

export interface PendingSignature {
  formId: string;
  trajectoryId: string;
  kind: 'F-1' | 'F-2' | 'F-3' | 'F-4';
  title: { nl: string; en: string };
  missing: SignatureParty[];
}

/** `readers`: per trajectory, how the reader is served its case (viewer and purpose, as decided for the case). */
export async function pendingSignatures(db: Kysely<Database>, readers: ReadonlyMap<string, { viewer: Viewer; purpose: string }>): Promise<PendingSignature[]> {
  const ids = [...readers.keys()];
  if (!ids.length) return [];
  const rows = await db
    .selectFrom('forms')
    .select(['id', 'trajectory_id', 'kind', 'version', 'status'])
    .where('trajectory_id', 'in', ids)
    .where('status', '=', 'submitted')
    .orderBy('updated_at')
    .orderBy('id')
    .execute();
  const visible = rows.filter((f) => {
    const reader = readers.get(f.trajectory_id)!;
    if (!definitionOf(f.kind).signatureParties.length) return false;
    if (reader.viewer === 'care_provider') return true;
    return VISIBILITY[FORM_ARTEFACT[f.kind]][reader.viewer] !== 'none' && formSharedUnder(reader.viewer, f.kind, reader.purpose);
  });
  const sigs = await signaturesOf(db, visible.map((f) => f.id));
  const hashes = await currentHashes(db, visible.map((f) => ({ id: f.id, version: f.version })));
  return visible.flatMap((f) => {
    const def = definitionOf(f.kind);
    const st = signatureStatus(def, f.version, sigs.get(f.id) ?? [], hashes.get(f.id));
    return st.missing.length ? [{ formId: f.id, trajectoryId: f.trajectory_id, kind: f.kind, title: def.title, missing: st.missing }] : [];
  });
}
