import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';

export interface AuditVerification {
  ok: boolean;
  rows: number;
  /** The newest row's sequence number (a number, not text). */
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
 */
export async function verifyAuditChain(db: Kysely<Database>): Promise<AuditVerification> {
  const { rows: bad } = await sql<{ seq: string; changed: boolean; broken: boolean }>`
    SELECT seq, changed, broken FROM (
      SELECT seq::text AS seq, seq AS n,
             hash <> audit_log_row_hash(a) AS changed,
             prev_hash <> coalesce(lag(hash) OVER (ORDER BY seq), repeat('0', 64)) AS broken
      FROM audit_log a
    ) chain
    WHERE changed OR broken
    ORDER BY n`.execute(db);
  // Order by the bigint column, not by a text alias of it: "999" sorts after "2158" as text.
  const { rows: head } = await sql<{ n: string; seq: string | null; hash: string | null }>`
    SELECT (SELECT count(*) FROM audit_log)::text AS n,
           (SELECT a.seq::text FROM audit_log a ORDER BY a.seq DESC LIMIT 1) AS seq,
           (SELECT a.hash FROM audit_log a ORDER BY a.seq DESC LIMIT 1) AS hash`.execute(db);
  const changed = bad.filter((b) => b.changed).map((b) => b.seq);
  const broken = bad.filter((b) => b.broken).map((b) => b.seq);
  return {
    ok: changed.length === 0 && broken.length === 0,
    rows: Number(head[0]?.n ?? 0),
    headSeq: head[0]?.seq != null ? Number(head[0].seq) : null,
    headHash: head[0]?.hash ?? null,
    changed,
    broken,
  };
}
