-- The audit trail without a global lock (ADR 0014).
--
-- Until now every INSERT into audit_log took the advisory lock 7262010, read the last hash and
-- chained the row: all writers of the platform queued behind one lock. From here on an INSERT
-- only takes its seq from the sequence; a sealer (the job "audit-sealer", src/platform/audit/
-- sealer.ts) chains committed rows in order within a second and records the chain in its own
-- append-only table audit_seal:
--
--   audit_seal(chain_no, seq, prev_hash, hash)   hash = sha256(chain_no | prev_hash | row content)
--
-- The chain order is chain_no. Rows are sealed by seq, but a row that commits late (a lower seq
-- than one already sealed) is sealed in a later batch with the next chain_no; a seal is never
-- redone. chain_no PRIMARY KEY and seq UNIQUE make sure no row is chained twice and the chain
-- never forks, whatever the sealers do.
--
-- Rows chained by the old trigger keep their prev_hash/hash: they are copied into audit_seal
-- as its first links (same hashes, same order), so the chain — and any head anchored in the
-- logs — continues unbroken. verifyAuditChain checks those legacy links with audit_log_row_hash
-- (0001) and every later link with audit_seal_hash below.

-- ─── Append without a lock ─────────────────────────────────────────────────
ALTER TABLE audit_log ALTER COLUMN prev_hash DROP NOT NULL, ALTER COLUMN hash DROP NOT NULL;

DROP TRIGGER audit_log_chain ON audit_log;
DROP FUNCTION audit_log_chain();

-- Every value handed out must be visible in last_value (the sealer's watermark): no cached values.
ALTER SEQUENCE audit_log_seq CACHE 1;

CREATE FUNCTION audit_log_append() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- The transaction gets its id BEFORE it takes a seq: the sealer's watermark relies on it
  -- (a seq at or below a recorded last_value belongs to a transaction older than the recorded xmax).
  PERFORM pg_current_xact_id();
  NEW.seq := nextval('audit_log_seq');
  NEW.prev_hash := NULL;
  NEW.hash := NULL;
  RETURN NEW;
END $$;

CREATE TRIGGER audit_log_append BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append();

-- ─── The seal chain ────────────────────────────────────────────────────────
-- The content of a row as hashed (the fields of audit_log_row_hash without the legacy prev_hash).
CREATE FUNCTION audit_row_content(r audit_log) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT concat_ws('|',
    r.seq::text,
    to_char(r.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    coalesce(r.actor_user_id::text, '-'), coalesce(r.actor_organisation_id::text, '-'), coalesce(r.actor_role, '-'),
    r.action, r.resource_type, coalesce(r.resource_id, '-'), coalesce(r.subject_organisation_id::text, '-'),
    coalesce(r.purpose, '-'), r.outcome, coalesce(r.request_id, '-'), r.details::text)
$$;

CREATE FUNCTION audit_seal_hash(chain_no bigint, prev_hash text, content text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(concat_ws('|', 'seal', chain_no::text, prev_hash, content), 'UTF8')), 'hex')
$$;

CREATE TABLE audit_seal (
  chain_no   bigint PRIMARY KEY CHECK (chain_no > 0),
  seq        bigint NOT NULL UNIQUE,   -- the audit row (no foreign key: TRUNCATE audit_log stays refused by its trigger)
  prev_hash  text NOT NULL,
  hash       text NOT NULL,
  legacy     boolean NOT NULL DEFAULT false,  -- chained by the old trigger (hash = audit_log.hash)
  sealed_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER audit_seal_no_update BEFORE UPDATE OR DELETE ON audit_seal FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_seal_no_truncate BEFORE TRUNCATE ON audit_seal FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();

-- The legacy prefix: every row chained by the old trigger, in seq order, with its own hashes.
INSERT INTO audit_seal (chain_no, seq, prev_hash, hash, legacy)
SELECT row_number() OVER (ORDER BY seq), seq, prev_hash, hash, true FROM audit_log ORDER BY seq;

-- ─── The sealer's watermark ────────────────────────────────────────────────
-- A hint, not evidence (verifyAuditChain never trusts it): every row with seq <= low_seq is
-- sealed, and no transaction can still commit one. cut_seq/cut_xmax is the next candidate: the
-- sequence's last value, read by a sealer run before it had a transaction id, and then that run's
-- own transaction id. A writer takes its transaction id before its seq (audit_log_append), so
-- every writer holding a seq <= cut_seq has an id below cut_xmax. Once no transaction below
-- cut_xmax is running and nothing at or below cut_seq is unsealed, low_seq moves to cut_seq.
-- (Not the xmax of a snapshot: that is latestCompletedXid + 1, and a running writer may have a
-- higher id than it.)
CREATE TABLE audit_seal_state (
  id        boolean PRIMARY KEY DEFAULT true CHECK (id),
  low_seq   bigint NOT NULL DEFAULT 0,
  cut_seq   bigint,
  cut_xmax  xid8
);
INSERT INTO audit_seal_state (id, low_seq) VALUES (true, 0);

-- Seals up to max_rows committed, unsealed rows in seq order, in one transaction (the caller's).
-- Returns the number of rows sealed, or -1 when another sealer holds the sealer's lock.
-- from_seq: look for unsealed rows above this seq instead of above the watermark (a full rescan
-- with 0: the repair path of `npm run audit:verify -- --seal`); the watermark is then left alone.
-- Rows are selected and inserted set-based; only the hash links are computed one after the other.
CREATE FUNCTION audit_seal_batch(max_rows integer, from_seq bigint DEFAULT NULL) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  st audit_seal_state;
  head_no bigint;
  head_hash text;
  nos bigint[] := '{}';
  seqs bigint[] := '{}';
  prevs text[] := '{}';
  hashes text[] := '{}';
  r record;
  n integer := 0;
  h text;
  last_seq bigint;
  fresh boolean;
  xmin_now xid8;
  new_low bigint;
  new_cut bigint;
  new_xmax xid8;
BEGIN
  IF current_setting('transaction_isolation') <> 'read committed' THEN
    RAISE EXCEPTION 'audit_seal_batch needs READ COMMITTED (a fresh snapshot per statement)';
  END IF;
  IF NOT pg_try_advisory_xact_lock(7262011) THEN
    RETURN -1;
  END IF;
  -- The candidate cut: the highest seq handed out so far, read while this transaction has no id yet.
  fresh := pg_current_xact_id_if_assigned() IS NULL;
  SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END INTO last_seq FROM audit_log_seq;
  -- (The advisory lock above keeps sealers apart; an idle run writes nothing, so it takes no transaction id.)
  SELECT * INTO st FROM audit_seal_state WHERE id;
  SELECT s.chain_no, s.hash INTO head_no, head_hash FROM audit_seal s ORDER BY s.chain_no DESC LIMIT 1;
  head_no := coalesce(head_no, 0);
  head_hash := coalesce(head_hash, repeat('0', 64));
  FOR r IN
    SELECT a.seq, audit_row_content(a) AS content FROM audit_log a
    WHERE a.seq > coalesce(from_seq, st.low_seq) AND NOT EXISTS (SELECT 1 FROM audit_seal s WHERE s.seq = a.seq)
    ORDER BY a.seq LIMIT max_rows
  LOOP
    head_no := head_no + 1;
    h := audit_seal_hash(head_no, head_hash, r.content);
    nos := nos || head_no;
    seqs := seqs || r.seq;
    prevs := prevs || head_hash;
    hashes := hashes || h;
    head_hash := h;
    n := n + 1;
  END LOOP;
  IF n > 0 THEN
    INSERT INTO audit_seal (chain_no, seq, prev_hash, hash) SELECT * FROM unnest(nos, seqs, prevs, hashes);
  END IF;
  IF n < max_rows AND from_seq IS NULL THEN
    -- Caught up: move the watermark when the recorded cut has become final.
    new_low := st.low_seq;
    new_cut := st.cut_seq;
    new_xmax := st.cut_xmax;
    IF new_xmax IS NOT NULL THEN
      SELECT pg_snapshot_xmin(pg_current_snapshot()) INTO xmin_now;
      IF xmin_now >= new_xmax AND NOT EXISTS (
        SELECT 1 FROM audit_log a WHERE a.seq > st.low_seq AND a.seq <= st.cut_seq
          AND NOT EXISTS (SELECT 1 FROM audit_seal s WHERE s.seq = a.seq)) THEN
        new_low := greatest(st.low_seq, st.cut_seq);
        new_cut := NULL;
        new_xmax := NULL;
      END IF;
    END IF;
    -- A new cut: last_seq (read before this transaction had an id), and this transaction's id,
    -- taken now — higher than the id of every writer that holds a seq <= last_seq.
    IF new_xmax IS NULL AND fresh AND last_seq > new_low THEN
      new_cut := last_seq;
      new_xmax := pg_current_xact_id();
    END IF;
    IF new_low IS DISTINCT FROM st.low_seq OR new_cut IS DISTINCT FROM st.cut_seq OR new_xmax IS DISTINCT FROM st.cut_xmax THEN
      UPDATE audit_seal_state SET low_seq = new_low, cut_seq = new_cut, cut_xmax = new_xmax WHERE id;
    END IF;
  END IF;
  RETURN n;
END $$;
