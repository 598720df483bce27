-- Monthly rollup of delivered placements (monitor.md §11), kept by the database itself.
--
-- The monitor counts a year of deliveries per municipality × corporation × target group × month
-- and then sums those counts over its GROUPING SETS. This table holds exactly those counts, for
-- every year, so the monitor reads ~70k rows per year at national scale instead of classifying
-- ~200k placements on every request, and the statushouders backlog reads earlier years without
-- touching placements at all. It holds no personal data (counts only).
--
-- It is maintained by statement-level triggers with transition tables: every INSERT, UPDATE and
-- DELETE on placements adds its net change (+1 for new rows, −1 for old rows) in the same
-- transaction, aggregated per key. An import of 5,000 rows is one upsert of a few hundred keys; a
-- trajectory's lease is one. Keys are upserted in key order so concurrent writers lock rows in the
-- same order. Nothing that depends on editable reference data (a target group's main group or its
-- counts-toward-agreement flag, a municipality's region) is baked in: the monitor joins those at
-- read time, so editing a target group never leaves the rollup stale.
CREATE TABLE placement_month_counts (
  year               smallint NOT NULL,
  municipality_id    uuid NOT NULL,
  corporation_id     uuid,
  target_group       text NOT NULL,
  month              smallint NOT NULL CHECK (month BETWEEN 1 AND 12),
  -- Regular moves into a corporation dwelling (the counted placements before the target-group flag, M-03).
  households         integer NOT NULL DEFAULT 0,
  -- Of those: with a start date (M-13 base), and let within 3 / within 3–6 months of it (M-14, M-15).
  wait_base          integer NOT NULL DEFAULT 0,
  wait_lt3           integer NOT NULL DEFAULT 0,
  wait_3to6          integer NOT NULL DEFAULT 0,
  -- Of those: wheelchair dwellings (M-25), and the persons housed (M-21).
  wheelchair         integer NOT NULL DEFAULT 0,
  persons            integer NOT NULL DEFAULT 0,
  -- Regular moves into a housing project (M-23a).
  project_households integer NOT NULL DEFAULT 0,
  project_persons    integer NOT NULL DEFAULT 0,
  -- Moves apart (R-MO-29): re-assessment of perspective (M-18) and swaps (M-19).
  reassess           integer NOT NULL DEFAULT 0,
  swaps              integer NOT NULL DEFAULT 0,
  CONSTRAINT placement_month_counts_key UNIQUE NULLS NOT DISTINCT (year, municipality_id, corporation_id, target_group, month)
);

-- The upsert that adds the counts of a set of placement rows (src: a SELECT with a sign column
-- and every column of placements) to the rollup. One text, used by the triggers (transition
-- tables) and by the backfill below (placements itself), so both count the same way.
CREATE FUNCTION placement_month_counts_sql(src text) RETURNS text LANGUAGE sql IMMUTABLE AS $fn$
  SELECT format($sql$
    INSERT INTO placement_month_counts AS c (year, municipality_id, corporation_id, target_group, month, households, wait_base, wait_lt3, wait_3to6,
                                             wheelchair, persons, project_households, project_persons, reassess, swaps)
    SELECT y, municipality_id, corporation_id, target_group, m,
           sum(CASE WHEN reg THEN sign ELSE 0 END),
           sum(CASE WHEN reg AND wb > 0 THEN sign ELSE 0 END),
           sum(CASE WHEN reg AND wb = 1 THEN sign ELSE 0 END),
           sum(CASE WHEN reg AND wb = 2 THEN sign ELSE 0 END),
           sum(CASE WHEN reg AND wheelchair_dwelling THEN sign ELSE 0 END),
           sum(CASE WHEN reg THEN sign * persons ELSE 0 END),
           sum(CASE WHEN proj THEN sign ELSE 0 END),
           sum(CASE WHEN proj THEN sign * persons ELSE 0 END),
           sum(CASE WHEN move_reason = 'perspective_reassessment' THEN sign ELSE 0 END),
           sum(CASE WHEN move_reason = 'swap' THEN sign ELSE 0 END)
      FROM (SELECT d.*, extract(year FROM d.lease_signed_date)::int AS y, extract(month FROM d.lease_signed_date)::int AS m,
                   d.move_reason = 'regular' AND d.route = 'corporation_dwelling' AS reg,
                   d.move_reason = 'regular' AND d.route = 'housing_project' AS proj,
                   CASE WHEN d.active_mediation_date IS NULL THEN 0
                        WHEN d.lease_signed_date < d.active_mediation_date + interval '3 months' THEN 1
                        WHEN d.lease_signed_date < d.active_mediation_date + interval '6 months' THEN 2 ELSE 3 END AS wb
              FROM (%s) d WHERE d.lease_signed_date IS NOT NULL) x
     GROUP BY y, municipality_id, corporation_id, target_group, m
     ORDER BY y, municipality_id, corporation_id, target_group, m
    ON CONFLICT ON CONSTRAINT placement_month_counts_key DO UPDATE SET
      households = c.households + excluded.households, wait_base = c.wait_base + excluded.wait_base,
      wait_lt3 = c.wait_lt3 + excluded.wait_lt3, wait_3to6 = c.wait_3to6 + excluded.wait_3to6,
      wheelchair = c.wheelchair + excluded.wheelchair, persons = c.persons + excluded.persons,
      project_households = c.project_households + excluded.project_households, project_persons = c.project_persons + excluded.project_persons,
      reassess = c.reassess + excluded.reassess, swaps = c.swaps + excluded.swaps
  $sql$, src)
$fn$;

-- The transition tables are visible only to statements of the trigger function itself, so it
-- EXECUTEs the text here rather than calling a function that would.
CREATE FUNCTION placement_month_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  EXECUTE placement_month_counts_sql(CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT 1 AS sign, * FROM new_rows'
    WHEN 'DELETE' THEN 'SELECT -1 AS sign, * FROM old_rows'
    ELSE 'SELECT 1 AS sign, * FROM new_rows UNION ALL SELECT -1 AS sign, * FROM old_rows' END);
  RETURN NULL;
END
$fn$;

CREATE TRIGGER placements_rollup_insert AFTER INSERT ON placements REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION placement_month_counts_apply();
CREATE TRIGGER placements_rollup_update AFTER UPDATE ON placements REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION placement_month_counts_apply();
CREATE TRIGGER placements_rollup_delete AFTER DELETE ON placements REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION placement_month_counts_apply();

CREATE FUNCTION placement_month_counts_truncate() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  TRUNCATE placement_month_counts;
  RETURN NULL;
END
$fn$;
CREATE TRIGGER placements_rollup_truncate AFTER TRUNCATE ON placements
  FOR EACH STATEMENT EXECUTE FUNCTION placement_month_counts_truncate();

-- Placements already there.
DO $$ BEGIN EXECUTE placement_month_counts_sql('SELECT 1 AS sign, * FROM placements'); END $$;

-- The monitor no longer reads a year of deliveries from placements: the wide covering indexes
-- that served it (and cost every import row seven index entries) give way to two narrow ones.
DROP INDEX placements_delivery_idx;
DROP INDEX placements_group_delivery_idx;
-- M-17: households let after a past month end (the not-yet-let ones come from placements_open_idx).
CREATE INDEX placements_let_idx ON placements (lease_signed_date)
  INCLUDE (active_mediation_date, municipality_id, corporation_id, target_group, move_reason)
  WHERE lease_signed_date IS NOT NULL AND active_mediation_date IS NOT NULL;
-- M-26: deliveries per district and neighbourhood, only where the placements carry them.
CREATE INDEX placements_area_idx ON placements (lease_signed_date)
  INCLUDE (municipality_id, corporation_id, target_group, move_reason, route, district, neighbourhood)
  WHERE district IS NOT NULL AND lease_signed_date IS NOT NULL;
-- M-22a: allocated but not let at a half-year end = not let at all, or let after it: a range on the lease date.
DROP INDEX placements_allocated_idx;
CREATE INDEX placements_allocated_idx ON placements (lease_signed_date)
  INCLUDE (allocated_on, municipality_id, target_group, persons)
  WHERE allocated_on IS NOT NULL;

-- ── Foreign keys of placements, checked per statement instead of per row ──────────────────
-- A foreign key checks every inserted row on its own (one lookup and row lock per row and per
-- key): for an import of 1,000,000 rows that was four million lookups, almost half of the
-- import's time. The same guarantees, set-wise: after each INSERT or UPDATE statement the
-- distinct referenced rows are locked FOR KEY SHARE (as a foreign key does, so a concurrent
-- delete of one waits, and then sees the new placements) and any row whose municipality,
-- corporation, target group or import does not exist fails the statement with SQLSTATE 23503.
-- Deleting or renaming a referenced row is refused by BEFORE triggers on the referenced tables
-- (the application never deletes organisations, target groups or import records; those checks
-- scan placements and are there for the database's own integrity).
ALTER TABLE placements
  DROP CONSTRAINT placements_municipality_id_fkey,
  DROP CONSTRAINT placements_corporation_id_fkey,
  DROP CONSTRAINT placements_target_group_fkey,
  DROP CONSTRAINT placements_import_id_fkey;
-- Only trajectory placements carry a trajectory: imported rows need no entry in this index.
ALTER TABLE placements DROP CONSTRAINT placements_trajectory_id_key;
CREATE UNIQUE INDEX placements_trajectory_idx ON placements (trajectory_id) WHERE trajectory_id IS NOT NULL;

CREATE FUNCTION placements_check_references() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  bad record;
BEGIN
  PERFORM 1 FROM organisations o
   WHERE o.id IN (SELECT municipality_id FROM new_rows UNION SELECT corporation_id FROM new_rows WHERE corporation_id IS NOT NULL)
     FOR KEY SHARE OF o;
  PERFORM 1 FROM target_groups t WHERE t.code IN (SELECT target_group FROM new_rows) FOR KEY SHARE OF t;
  PERFORM 1 FROM placement_imports i WHERE i.id IN (SELECT import_id FROM new_rows WHERE import_id IS NOT NULL) FOR KEY SHARE OF i;
  -- One hash anti-join per reference (not a lookup per row).
  SELECT x.placement_id, x.col INTO bad FROM (
    SELECT n.placement_id, 'municipality_id' AS col FROM new_rows n WHERE NOT EXISTS (SELECT 1 FROM organisations o WHERE o.id = n.municipality_id)
    UNION ALL
    SELECT n.placement_id, 'corporation_id' FROM new_rows n WHERE n.corporation_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM organisations o WHERE o.id = n.corporation_id)
    UNION ALL
    SELECT n.placement_id, 'target_group' FROM new_rows n WHERE NOT EXISTS (SELECT 1 FROM target_groups t WHERE t.code = n.target_group)
    UNION ALL
    SELECT n.placement_id, 'import_id' FROM new_rows n WHERE n.import_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM placement_imports i WHERE i.id = n.import_id)
  ) x LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'insert or update on table "placements" violates its reference %', bad.col
      USING ERRCODE = 'foreign_key_violation', TABLE = 'placements', CONSTRAINT = 'placements_' || bad.col || '_ref',
            DETAIL = format('placement_id %s: %s refers to a row that does not exist.', bad.placement_id, bad.col);
  END IF;
  RETURN NULL;
END
$fn$;
CREATE TRIGGER placements_references_insert AFTER INSERT ON placements REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION placements_check_references();
CREATE TRIGGER placements_references_update AFTER UPDATE ON placements REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION placements_check_references();

-- The referenced side: no delete (or key change) of a row that placements still refer to.
CREATE FUNCTION placements_refuse_orphans() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  key_column text := CASE TG_TABLE_NAME WHEN 'target_groups' THEN 'code' ELSE 'id' END;
  old_key text := to_jsonb(OLD) ->> key_column;
  referenced boolean;
BEGIN
  IF TG_OP = 'UPDATE' AND (to_jsonb(NEW) ->> key_column) = old_key THEN
    RETURN NEW;
  END IF;
  IF TG_TABLE_NAME = 'organisations' THEN
    referenced := EXISTS (SELECT 1 FROM placements p WHERE p.municipality_id = old_key::uuid)
               OR EXISTS (SELECT 1 FROM placements p WHERE p.corporation_id = old_key::uuid);
  ELSIF TG_TABLE_NAME = 'target_groups' THEN
    referenced := EXISTS (SELECT 1 FROM placements p WHERE p.target_group = old_key);
  ELSE
    referenced := EXISTS (SELECT 1 FROM placements p WHERE p.import_id = old_key::uuid);
  END IF;
  IF referenced THEN
    RAISE EXCEPTION 'update or delete on table "%" violates a reference from table "placements"', TG_TABLE_NAME
      USING ERRCODE = 'foreign_key_violation', TABLE = TG_TABLE_NAME, CONSTRAINT = 'placements_' || TG_TABLE_NAME || '_ref';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END
$fn$;
CREATE TRIGGER organisations_placements_ref BEFORE DELETE OR UPDATE OF id ON organisations
  FOR EACH ROW EXECUTE FUNCTION placements_refuse_orphans();
CREATE TRIGGER target_groups_placements_ref BEFORE DELETE OR UPDATE OF code ON target_groups
  FOR EACH ROW EXECUTE FUNCTION placements_refuse_orphans();
CREATE TRIGGER placement_imports_placements_ref BEFORE DELETE OR UPDATE OF id ON placement_imports
  FOR EACH ROW EXECUTE FUNCTION placements_refuse_orphans();
