-- Deadlines for every kind of case (issue 7, item 3).
--
-- The deadline table and its pauses/extensions are keyed by (case_kind, case_id, key), so that
-- the deadlines of other kinds of case (matching offers, nuisance cases, housing projects,
-- young-adult contracts) land in the same table, on the same worklist and daily digest.
-- `trajectory_id` goes: a trajectory's deadlines are case_kind = 'trajectory', case_id = its id.
-- `municipality_id` is the tenant key every case row carries (for a trajectory: its referring
-- municipality, which may still be unknown).
--
-- A deadline, once it exists, is never removed: it ends as met (met_on), or closed_as
-- 'cancelled' (only while still open), 'waived' or 'missed' (it was already overdue when the
-- case stopped producing it), with closed_on the date it ended. DELETE is refused.

-- ─── deadlines ────────────────────────────────────────────────────────────────
ALTER TABLE deadlines
  ADD COLUMN case_kind       text NOT NULL DEFAULT 'trajectory' CHECK (case_kind ~ '^[a-z][a-z0-9_]*$'),
  ADD COLUMN case_id         uuid,
  ADD COLUMN municipality_id uuid REFERENCES organisations(id),
  ADD COLUMN closed_on       date;

UPDATE deadlines d
   SET case_id = d.trajectory_id,
       municipality_id = t.municipality_id
  FROM trajectories t
 WHERE t.id = d.trajectory_id;

ALTER TABLE deadlines ALTER COLUMN case_id SET NOT NULL;
ALTER TABLE deadlines DROP CONSTRAINT deadlines_pkey;
ALTER TABLE deadlines DROP COLUMN trajectory_id;
ALTER TABLE deadlines ADD CONSTRAINT deadlines_pkey PRIMARY KEY (case_kind, case_id, key);
ALTER TABLE deadlines ADD CONSTRAINT deadlines_closed_as_check CHECK (closed_as IS NULL OR closed_as IN ('cancelled', 'waived', 'missed'));

-- Worklist and digest: one query over every kind of case. The open-only partial indexes on
-- assignee and organisation (0002) do not name the case and stay as they are; the Wonen
-- officer's worklist is served per municipality.
CREATE INDEX deadlines_municipality_open_idx ON deadlines (municipality_id, due_date)
  WHERE met_on IS NULL AND closed_as IS NULL AND kind = 'deadline';

-- Deadlines are never removed (erasure scrubs their free text with UPDATE).
CREATE FUNCTION deadlines_refuse_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'deadlines are never removed: end them (met, missed, cancelled, waived) instead' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER deadlines_never_removed BEFORE DELETE ON deadlines FOR EACH ROW EXECUTE FUNCTION deadlines_refuse_delete();

-- ─── deadline_adjustments ─────────────────────────────────────────────────────
ALTER TABLE deadline_adjustments
  ADD COLUMN case_kind text NOT NULL DEFAULT 'trajectory' CHECK (case_kind ~ '^[a-z][a-z0-9_]*$'),
  ADD COLUMN case_id   uuid;

UPDATE deadline_adjustments SET case_id = trajectory_id;

ALTER TABLE deadline_adjustments ALTER COLUMN case_id SET NOT NULL;
DROP INDEX deadline_adjustments_idx;
ALTER TABLE deadline_adjustments DROP COLUMN trajectory_id;
CREATE INDEX deadline_adjustments_idx ON deadline_adjustments (case_kind, case_id, key, created_at);
