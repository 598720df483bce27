import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';

export interface AuditVerification {
  ok: boolean;
  /** The rows that were checked. */
  rows: number;
  /** The newest row that was checked: its sequence number (a number, not text). */
  headSeq: number | null;
  headHash: string | null;
  /** Rows whose stored hash no longer matches their content (changed rows). */
  changed: string[];
  /** Rows whose prev_hash does not match the hash of the row before them (removed or reordered rows). */
  broken: string[];
}

/**
 * Recomputes the hash chain in the database (one pass, no rows loaded into JavaScript
 * but the mismatches). A changed row fails its own hash; a removed row breaks the link
 * of its successor. Compare headHash with an anchored copy to detect a cut-off tail.
 *
 * One statement, so one snapshot: the count, the mismatches and the head describe the same
 * rows. (Two statements let a row appended in between become the reported head although it
 * was never checked, and the count disagree with the rows checked.)
 */
export async function verifyAuditChain(db: Kysely<Database>): Promise<AuditVerification> {
  const { rows } = await sql<{ kind: 'head' | 'bad'; seq: string | null; hash: string | null; n: string; changed: boolean; broken: boolean }>`
    WITH chain AS (
      SELECT seq, hash,
             hash <> audit_log_row_hash(a) AS changed,
             prev_hash <> coalesce(lag(hash) OVER (ORDER BY seq), repeat('0', 64)) AS broken
      FROM audit_log a
    ),
    head AS (SELECT seq, hash FROM chain ORDER BY seq DESC LIMIT 1)
    SELECT 'head' AS kind, (SELECT seq::text FROM head) AS seq, (SELECT hash FROM head) AS hash,
           (SELECT count(*) FROM chain)::text AS n, false AS changed, false AS broken, NULL::bigint AS ord
    UNION ALL
    SELECT 'bad', seq::text, NULL, '0', changed, broken, seq FROM chain WHERE changed OR broken
    ORDER BY ord NULLS FIRST`.execute(db);
  // The head is the newest row by the bigint seq, never by a text of it ("999" sorts after "2158" as text).
  const head = rows.find((r) => r.kind === 'head');
  const bad = rows.filter((r) => r.kind === 'bad');
  const changed = bad.filter((b) => b.changed).map((b) => b.seq!);
  const broken = bad.filter((b) => b.broken).map((b) => b.seq!);
  return {
    ok: changed.length === 0 && broken.length === 0,
    rows: Number(head?.n ?? 0),
    headSeq: head?.seq != null ? Number(head.seq) : null,
    headHash: head?.hash ?? null,
    changed,
    broken,
  };
}
