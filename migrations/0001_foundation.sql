-- Thuisroute foundation: regions, organisations, users, memberships, sessions,
-- the append-only hash-chained audit log, calendar days, idempotency keys.
-- Runs unchanged on PostgreSQL 15+ and on PGlite.

CREATE TABLE regions (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code        text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9][A-Z0-9_-]{1,31}$'),
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  version     integer NOT NULL DEFAULT 1,
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL
);

CREATE TABLE organisations (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code               text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9][A-Z0-9_-]{1,31}$'),
  name               text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  type               text NOT NULL CHECK (type IN ('municipality','municipal_directorate','district','care_provider',
                       'housing_corporation','nuisance_hub','refugee_support','financial_support_team')),
  parent_id          uuid REFERENCES organisations(id),
  region_id          uuid REFERENCES regions(id),
  -- CBS municipality code (GM0363) for municipalities; figures are kept per municipality.
  municipality_code  text UNIQUE CHECK (municipality_code ~ '^GM[0-9]{4}$'),
  -- Corporations name their contact role differently (R-OR-31): wijkbeheerder, sociaal beheerder, …
  contact_role_label text,
  email              text,
  phone              text,
  active             boolean NOT NULL DEFAULT true,
  deactivated_at     timestamptz,
  version            integer NOT NULL DEFAULT 1,
  created_at         timestamptz NOT NULL,
  updated_at         timestamptz NOT NULL,
  CHECK (parent_id IS NULL OR parent_id <> id),
  CHECK ((type = 'municipality') = (municipality_code IS NOT NULL))
);
CREATE INDEX organisations_parent_idx ON organisations (parent_id);
CREATE INDEX organisations_type_idx ON organisations (type, name);

CREATE TABLE users (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email               text NOT NULL CHECK (email = lower(email) AND email LIKE '%_@_%'),
  name                text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  password_hash       text,
  locale              text NOT NULL DEFAULT 'nl' CHECK (locale IN ('nl','en')),
  active              boolean NOT NULL DEFAULT true,
  deactivated_at      timestamptz,
  deactivation_reason text,
  successor_id        uuid REFERENCES users(id),
  failed_login_count  integer NOT NULL DEFAULT 0,
  locked_until        timestamptz,
  last_login_at       timestamptz,
  version             integer NOT NULL DEFAULT 1,
  created_at          timestamptz NOT NULL,
  updated_at          timestamptz NOT NULL,
  CHECK (successor_id IS NULL OR successor_id <> id)
);
CREATE UNIQUE INDEX users_email_key ON users (email);

-- External identities (OpenID Connect): issuer + subject → user.
CREATE TABLE user_identities (
  issuer      text NOT NULL,
  subject     text NOT NULL,
  user_id     uuid NOT NULL REFERENCES users(id),
  created_at  timestamptz NOT NULL,
  PRIMARY KEY (issuer, subject)
);

CREATE TABLE memberships (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id          uuid NOT NULL REFERENCES users(id),
  organisation_id  uuid NOT NULL REFERENCES organisations(id),
  role             text NOT NULL CHECK (role IN ('care_worker','team_manager','independent_reviewer','corporation_contact',
                     'wonen_officer','nuisance_hub_officer','programme_analyst','org_admin','platform_admin','platform_editor')),
  active           boolean NOT NULL DEFAULT true,
  starts_on        date NOT NULL,
  ended_on         date,
  version          integer NOT NULL DEFAULT 1,
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL
);
CREATE UNIQUE INDEX memberships_active_key ON memberships (user_id, organisation_id, role) WHERE active;
CREATE INDEX memberships_org_idx ON memberships (organisation_id) WHERE active;
CREATE INDEX memberships_user_idx ON memberships (user_id);

-- Hand-over of open work when a user is deactivated: who took over from whom.
CREATE TABLE user_handovers (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  from_user_id   uuid NOT NULL REFERENCES users(id),
  to_user_id     uuid NOT NULL REFERENCES users(id),
  reason         text NOT NULL,
  items          jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_by     uuid REFERENCES users(id),
  created_at     timestamptz NOT NULL
);

CREATE TABLE sessions (
  id                    text PRIMARY KEY,            -- sha256 of the cookie token, never the token itself
  user_id               uuid NOT NULL REFERENCES users(id),
  active_membership_id  uuid REFERENCES memberships(id),
  csrf_token            text NOT NULL,
  auth_method           text NOT NULL CHECK (auth_method IN ('password','oidc')),
  created_at            timestamptz NOT NULL,
  last_seen_at          timestamptz NOT NULL,
  expires_at            timestamptz NOT NULL,       -- absolute expiry
  revoked_at            timestamptz
);
CREATE INDEX sessions_user_idx ON sessions (user_id) WHERE revoked_at IS NULL;

-- Short-lived state of an OpenID Connect login (state, nonce, PKCE verifier).
CREATE TABLE oidc_login_states (
  state          text PRIMARY KEY,
  nonce          text NOT NULL,
  code_verifier  text NOT NULL,
  return_to      text NOT NULL DEFAULT '/',
  created_at     timestamptz NOT NULL
);

CREATE TABLE idempotency_keys (
  user_id        uuid NOT NULL,
  key            text NOT NULL,
  method         text NOT NULL,
  path           text NOT NULL,
  request_hash   text NOT NULL,
  status_code    integer,
  response_body  text,
  content_type   text,
  created_at     timestamptz NOT NULL,
  PRIMARY KEY (user_id, key)
);

-- Non-working days besides weekends and the statutory Atw holidays (those are computed):
-- royal-decree days (kind 'decree', organisation_id NULL) and per-organisation closing days.
CREATE TABLE calendar_days (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  date             date NOT NULL,
  name             text NOT NULL,
  name_en          text,
  kind             text NOT NULL CHECK (kind IN ('decree','organisation')),
  organisation_id  uuid REFERENCES organisations(id),
  created_by       uuid REFERENCES users(id),
  created_at       timestamptz NOT NULL,
  CHECK ((kind = 'organisation') = (organisation_id IS NOT NULL))
);
CREATE UNIQUE INDEX calendar_days_decree_key ON calendar_days (date) WHERE kind = 'decree';
CREATE UNIQUE INDEX calendar_days_org_key ON calendar_days (organisation_id, date) WHERE kind = 'organisation';

INSERT INTO calendar_days (date, name, name_en, kind, created_at) VALUES
  ('2017-04-28', 'Gelijkgestelde dag (Besluit gelijkstelling)', 'Day equated by royal decree', 'decree', '2017-01-01T00:00:00Z'),
  ('2017-05-26', 'Dag na Hemelvaartsdag (Besluit gelijkstelling)', 'Day after Ascension Day (royal decree)', 'decree', '2017-01-01T00:00:00Z'),
  ('2018-05-11', 'Dag na Hemelvaartsdag (Besluit gelijkstelling)', 'Day after Ascension Day (royal decree)', 'decree', '2017-01-01T00:00:00Z'),
  ('2018-12-24', 'Kerstavond (Besluit gelijkstelling)', 'Christmas Eve (royal decree)', 'decree', '2017-01-01T00:00:00Z'),
  ('2018-12-31', 'Oudejaarsdag (Besluit gelijkstelling)', 'New Year''s Eve (royal decree)', 'decree', '2017-01-01T00:00:00Z'),
  ('2019-05-31', 'Dag na Hemelvaartsdag (Besluit gelijkstelling)', 'Day after Ascension Day (royal decree)', 'decree', '2017-01-01T00:00:00Z'),
  ('2019-12-27', 'Dag na Tweede Kerstdag (Besluit gelijkstelling)', 'Day after Boxing Day (royal decree)', 'decree', '2017-01-01T00:00:00Z'),
  ('2022-05-27', 'Dag na Hemelvaartsdag (Besluit gelijkstelling)', 'Day after Ascension Day (royal decree)', 'decree', '2021-01-01T00:00:00Z'),
  ('2023-04-28', 'Dag na Koningsdag (Besluit gelijkstelling)', 'Day after King''s Day (royal decree)', 'decree', '2021-01-01T00:00:00Z'),
  ('2023-05-19', 'Dag na Hemelvaartsdag (Besluit gelijkstelling)', 'Day after Ascension Day (royal decree)', 'decree', '2021-01-01T00:00:00Z'),
  ('2024-05-10', 'Dag na Hemelvaartsdag (Besluit gelijkstelling)', 'Day after Ascension Day (royal decree)', 'decree', '2024-01-01T00:00:00Z'),
  ('2024-12-27', 'Dag na Tweede Kerstdag (Besluit gelijkstelling)', 'Day after Boxing Day (royal decree)', 'decree', '2024-01-01T00:00:00Z'),
  ('2025-05-30', 'Dag na Hemelvaartsdag (Besluit gelijkstelling)', 'Day after Ascension Day (royal decree)', 'decree', '2024-01-01T00:00:00Z'),
  ('2026-01-02', 'Dag na Nieuwjaarsdag (Besluit gelijkstelling)', 'Day after New Year''s Day (royal decree)', 'decree', '2024-01-01T00:00:00Z'),
  ('2026-05-15', 'Dag na Hemelvaartsdag (Besluit gelijkstelling)', 'Day after Ascension Day (royal decree)', 'decree', '2024-01-01T00:00:00Z'),
  ('2027-05-07', 'Dag na Hemelvaartsdag (Besluit gelijkstelling)', 'Day after Ascension Day (royal decree)', 'decree', '2027-01-01T00:00:00Z'),
  ('2028-04-28', 'Dag na Koningsdag (Besluit gelijkstelling)', 'Day after King''s Day (royal decree)', 'decree', '2027-01-01T00:00:00Z'),
  ('2028-05-26', 'Dag na Hemelvaartsdag (Besluit gelijkstelling)', 'Day after Ascension Day (royal decree)', 'decree', '2027-01-01T00:00:00Z');

-- ─── Audit trail ────────────────────────────────────────────────────────────
-- Append-only (UPDATE, DELETE and TRUNCATE refused) and hash-chained: every row
-- carries the hash of its predecessor, so `npm run audit:verify` finds a changed
-- or removed row. Rows are chained in seq order under an advisory lock.
CREATE SEQUENCE audit_log_seq;

CREATE TABLE audit_log (
  seq                    bigint PRIMARY KEY,
  occurred_at            timestamptz NOT NULL,
  actor_user_id          uuid,
  actor_organisation_id  uuid,
  actor_role             text,
  action                 text NOT NULL,
  resource_type          text NOT NULL,
  resource_id            text,
  subject_organisation_id uuid,
  purpose                text,
  outcome                text NOT NULL CHECK (outcome IN ('success','denied','failure')),
  request_id             text,
  details                jsonb NOT NULL DEFAULT '{}'::jsonb,
  prev_hash              text NOT NULL,
  hash                   text NOT NULL
);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_user_id, seq DESC);
CREATE INDEX audit_log_resource_idx ON audit_log (resource_type, resource_id, seq DESC);
CREATE INDEX audit_log_time_idx ON audit_log (occurred_at DESC);

CREATE FUNCTION audit_log_row_hash(r audit_log) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(concat_ws('|',
    r.seq::text, r.prev_hash,
    to_char(r.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    coalesce(r.actor_user_id::text, '-'), coalesce(r.actor_organisation_id::text, '-'), coalesce(r.actor_role, '-'),
    r.action, r.resource_type, coalesce(r.resource_id, '-'), coalesce(r.subject_organisation_id::text, '-'),
    coalesce(r.purpose, '-'), r.outcome, coalesce(r.request_id, '-'), r.details::text), 'UTF8')), 'hex')
$$;

CREATE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE last_hash text;
BEGIN
  -- Serialise chaining: one writer at a time appends to the chain.
  PERFORM pg_advisory_xact_lock(7262010);
  SELECT hash INTO last_hash FROM audit_log ORDER BY seq DESC LIMIT 1;
  NEW.seq := nextval('audit_log_seq');
  NEW.prev_hash := coalesce(last_hash, repeat('0', 64));
  NEW.hash := audit_log_row_hash(NEW);
  RETURN NEW;
END $$;

CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_chain();

CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
