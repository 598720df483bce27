-- The national monitor and the placements import at national scale (issue 12).
--
-- Time-ordered placement ids. The primary key of placements was a random UUID (gen_random_uuid):
-- every new placement landed on a random leaf of a primary-key index that at national scale
-- (millions of rows) no longer fits in shared buffers, so an import of 1,000,000 rows read and
-- dirtied a random index page per row. An id whose first 48 bits are the Unix time in
-- milliseconds (the UUIDv7 layout of RFC 9562: version 7, variant 10, the other 74 bits random)
-- is still unique and unguessable enough for an internal key, and rows written together land
-- together, on the right edge of the index. Existing ids stay as they are.
CREATE FUNCTION time_ordered_uuid() RETURNS uuid LANGUAGE sql VOLATILE PARALLEL SAFE AS $fn$
  SELECT encode(
    set_bit(set_bit(
      overlay(uuid_send(gen_random_uuid()) PLACING substring(int8send((extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3) FROM 1 FOR 6),
      52, 1), 53, 1),
    'hex')::uuid
$fn$;
ALTER TABLE placements ALTER COLUMN id SET DEFAULT time_ordered_uuid();

-- The statement-level reference checks of placements (migration 0005) read the statement's rows
-- once: the distinct references they carry (a few thousand at most, however many rows: an import
-- of 1,000,000 placements has ~25,000) are collected in one pass, then locked FOR KEY SHARE and
-- checked against the referenced tables, instead of seven passes over every new row.
CREATE OR REPLACE FUNCTION placements_check_references() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  bad record;
BEGIN
  WITH r AS MATERIALIZED (
    SELECT municipality_id, corporation_id, target_group, import_id, min(placement_id) AS placement_id
      FROM new_rows GROUP BY municipality_id, corporation_id, target_group, import_id
  ), lock_organisations AS (
    SELECT 1 FROM organisations o
     WHERE o.id IN (SELECT municipality_id FROM r UNION SELECT corporation_id FROM r WHERE corporation_id IS NOT NULL)
       FOR KEY SHARE OF o
  ), lock_target_groups AS (
    SELECT 1 FROM target_groups t WHERE t.code IN (SELECT target_group FROM r) FOR KEY SHARE OF t
  ), lock_imports AS (
    SELECT 1 FROM placement_imports i WHERE i.id IN (SELECT import_id FROM r WHERE import_id IS NOT NULL) FOR KEY SHARE OF i
  ), missing AS (
    SELECT r.placement_id, 'municipality_id' AS col FROM r WHERE NOT EXISTS (SELECT 1 FROM organisations o WHERE o.id = r.municipality_id)
    UNION ALL
    SELECT r.placement_id, 'corporation_id' FROM r WHERE r.corporation_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM organisations o WHERE o.id = r.corporation_id)
    UNION ALL
    SELECT r.placement_id, 'target_group' FROM r WHERE NOT EXISTS (SELECT 1 FROM target_groups t WHERE t.code = r.target_group)
    UNION ALL
    SELECT r.placement_id, 'import_id' FROM r WHERE r.import_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM placement_imports i WHERE i.id = r.import_id)
  )
  SELECT m.placement_id, m.col, (SELECT count(*) FROM lock_organisations) + (SELECT count(*) FROM lock_target_groups) + (SELECT count(*) FROM lock_imports) AS locked
    INTO bad
    FROM (SELECT NULL::text AS placement_id, NULL::text AS col) nothing
    LEFT JOIN LATERAL (SELECT * FROM missing LIMIT 1) m ON true;
  IF bad.col IS NOT NULL THEN
    RAISE EXCEPTION 'insert or update on table "placements" violates its reference %', bad.col
      USING ERRCODE = 'foreign_key_violation', TABLE = 'placements', CONSTRAINT = 'placements_' || bad.col || '_ref',
            DETAIL = format('placement_id %s: %s refers to a row that does not exist.', bad.placement_id, bad.col);
  END IF;
  RETURN NULL;
END
$fn$;
