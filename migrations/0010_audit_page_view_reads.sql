-- One audit row per read of a resource in one page view (ADR 0009).
-- A page of the web app reads one resource through several requests (a trajectory's page
-- reads the trajectory, its events, deadlines and forms). Each request is a fragment of the
-- same read: the same user, the same resource, the same purpose, the same page view (the
-- X-Page-View header). The first fragment appends the chained audit row; the unique key below
-- makes every later fragment of that read find it, and the later fragment is recorded in
-- audit_read_fragments against that row's seq. The audit row itself is never changed.
CREATE UNIQUE INDEX audit_log_page_view_read_key ON audit_log
  (actor_user_id, resource_type, resource_id, coalesce(purpose, '-'), (details->>'pageView'))
  WHERE details ? 'pageView';

CREATE TABLE audit_read_fragments (
  seq          bigint NOT NULL,  -- the audit row of the read (no foreign key: TRUNCATE audit_log stays refused by its trigger)
  occurred_at  timestamptz NOT NULL,
  action       text NOT NULL,
  route        text NOT NULL,
  request_id   text,
  details      jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_read_fragments_seq_idx ON audit_read_fragments (seq);

CREATE TRIGGER audit_read_fragments_no_update BEFORE UPDATE OR DELETE ON audit_read_fragments FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_read_fragments_no_truncate BEFORE TRUNCATE ON audit_read_fragments FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
