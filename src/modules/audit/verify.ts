import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';

export interface AuditVerification {
  /** No changed row and no broken link (unsealed rows do not make the trail bad: the sealer chains them within a second). */
  ok: boolean;
  /** The sealed rows that were checked (links of the chain). */
  rows: number;
  /** The newest link that was checked: the sequence number of its row (a number, not text). */
  headSeq: number | null;
  headHash: string | null;
  /** The newest link's position in the chain (the chain order is chain_no, not seq). */
  headChainNo: number | null;
  /** Rows whose seal no longer matches their content (changed rows), by seq. */
  changed: string[];
  /** Seals whose row is gone, or whose prev_hash does not match the link before them (removed or reordered rows), by seq. */
  broken: string[];
  /** Rows not chained yet: how many, the oldest's seq and how long ago it was written (seconds, database time). */
  unsealed: { rows: number; oldestSeq: number | null; oldestAgeSeconds: number | null };
}

/**
 * Recomputes every link of the seal chain (audit_seal, ADR 0014) against its row, in the
 * database, in one statement (one snapshot: the counts, the mismatches and the head describe
 * the same rows). A changed row fails its seal's hash; a removed row leaves a seal without its
 * row; a removed or reordered seal breaks the prev link of its successor. Links chained by the
 * old trigger (legacy, before migration 0019) are checked as before: the row's own hash over its
 * content and prev_hash, and the seal holding that same hash. Rows not sealed yet are reported,
 * not judged. Compare headHash with an anchored copy to detect a cut-off tail.
 */
export async function verifyAuditChain(db: Kysely<Database>): Promise<AuditVerification> {
  const { rows } = await sql<{ kind: 'head' | 'bad'; seq: string | null; chain_no: string | null; hash: string | null; n: string; changed: boolean; broken: boolean; unsealed: string; oldest_seq: string | null; oldest_age: string | null }>`
    WITH chain AS (
      SELECT s.chain_no, s.seq, s.hash,
             CASE
               WHEN a.seq IS NULL THEN false
               WHEN s.legacy THEN NOT (a.hash IS NOT DISTINCT FROM s.hash AND a.prev_hash IS NOT DISTINCT FROM s.prev_hash AND audit_log_row_hash(a) = s.hash)
               ELSE audit_seal_hash(s.chain_no, s.prev_hash, audit_row_content(a)) <> s.hash
             END AS changed,
             a.seq IS NULL
               OR s.prev_hash <> coalesce(lag(s.hash) OVER (ORDER BY s.chain_no), repeat('0', 64)) AS broken
      FROM audit_seal s LEFT JOIN audit_log a ON a.seq = s.seq
    ),
    head AS (SELECT chain_no, seq, hash FROM chain ORDER BY chain_no DESC LIMIT 1),
    open AS (
      SELECT count(*) AS n, min(a.seq) AS oldest_seq, extract(epoch FROM now() - min(a.occurred_at)) AS oldest_age
      FROM audit_log a WHERE NOT EXISTS (SELECT 1 FROM audit_seal s WHERE s.seq = a.seq)
    )
    SELECT 'head' AS kind, (SELECT seq::text FROM head) AS seq, (SELECT chain_no::text FROM head) AS chain_no, (SELECT hash FROM head) AS hash,
           (SELECT count(*) FROM chain)::text AS n, false AS changed, false AS broken,
           (SELECT n::text FROM open) AS unsealed, (SELECT oldest_seq::text FROM open) AS oldest_seq, (SELECT round(oldest_age)::text FROM open) AS oldest_age,
           NULL::bigint AS ord
    UNION ALL
    SELECT 'bad', seq::text, chain_no::text, NULL, '0', changed, broken, NULL, NULL, NULL, chain_no FROM chain WHERE changed OR broken
    ORDER BY ord NULLS FIRST`.execute(db);
  // The head is the newest link by the bigint chain_no, never by a text of it ("999" sorts after "2158" as text).
  const head = rows.find((r) => r.kind === 'head');
  const bad = rows.filter((r) => r.kind === 'bad');
  const changed = bad.filter((b) => b.changed).map((b) => b.seq!);
  const broken = bad.filter((b) => b.broken).map((b) => b.seq!);
  return {
    ok: changed.length === 0 && broken.length === 0,
    rows: Number(head?.n ?? 0),
    headSeq: head?.seq != null ? Number(head.seq) : null,
    headHash: head?.hash ?? null,
    headChainNo: head?.chain_no != null ? Number(head.chain_no) : null,
    changed,
    broken,
    unsealed: {
      rows: Number(head?.unsealed ?? 0),
      oldestSeq: head?.oldest_seq != null ? Number(head.oldest_seq) : null,
      oldestAgeSeconds: head?.oldest_age != null ? Number(head.oldest_age) : null,
    },
  };
}
