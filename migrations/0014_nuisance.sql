-- The nuisance protocol (issue 11, overlast.md): reports from every channel, the nuisance case on the
-- shared case engine (case_kind 'nuisance'), letters, and the New Chance scheme (case_kind 'new_chance').
--
-- Every row carries its municipality (the tenant key, the Citus distribution column by region).
-- Events are append-only; states are caches derived from them; deadlines (D-OV-…) live in the
-- shared deadline table. A reporter's identity is kept in nuisance_reports only and never copied
-- into a case, an event or a letter (it never reaches the resident).

-- ─── per municipality: the protocol's settings (the AFWC list R-OV-48, the night window D-OV-07) ─
CREATE TABLE nuisance_settings (
  municipality_id  uuid PRIMARY KEY REFERENCES organisations(id),
  afwc_members     text[] NOT NULL,
  night_from       text NOT NULL DEFAULT '22:00' CHECK (night_from ~ '^[0-2][0-9]:[0-5][0-9]$'),
  night_to         text NOT NULL DEFAULT '07:00' CHECK (night_to ~ '^[0-2][0-9]:[0-5][0-9]$'),
  hearing_working_days integer NOT NULL DEFAULT 5 CHECK (hearing_working_days BETWEEN 1 AND 20),
  updated_at       timestamptz NOT NULL
);

-- ─── the nuisance case: one per address and resident while open ─────────────
CREATE TABLE nuisance_cases (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id   uuid NOT NULL REFERENCES organisations(id),
  -- The hub (MZWO) of the municipality or district; the case is reported to it when hub_involved.
  hub_id            uuid REFERENCES organisations(id),
  hub_involved      boolean NOT NULL DEFAULT false,
  hub_lead          boolean NOT NULL DEFAULT false,
  district_code     text,
  district_name     text,
  -- Postcode, number and addition, normalised: reports about one address belong together.
  address_key       text NOT NULL,
  address           text NOT NULL,
  dwelling_id       uuid REFERENCES dwellings(id),
  trajectory_id     uuid REFERENCES trajectories(id),
  care_provider_id  uuid REFERENCES organisations(id),
  corporation_id    uuid REFERENCES organisations(id),
  -- R-OV-05: a care provider is involved with the dwelling (Annex 1 applies).
  has_support       boolean NOT NULL,
  high_risk         boolean NOT NULL DEFAULT false,
  status            text NOT NULL,
  state             jsonb NOT NULL DEFAULT '{}',
  opened_on         date NOT NULL,
  closed_on         date,
  version           integer NOT NULL DEFAULT 1,
  event_count       integer NOT NULL DEFAULT 0,
  created_by        uuid REFERENCES users(id),
  created_at        timestamptz NOT NULL,
  updated_at        timestamptz NOT NULL,
  CHECK (has_support = (care_provider_id IS NOT NULL))
);
CREATE INDEX nuisance_cases_hub_idx ON nuisance_cases (municipality_id, hub_id, district_code, status) WHERE hub_involved;
CREATE INDEX nuisance_cases_care_provider_idx ON nuisance_cases (care_provider_id, status, opened_on);
CREATE INDEX nuisance_cases_corporation_idx ON nuisance_cases (corporation_id, status, opened_on);
CREATE INDEX nuisance_cases_trajectory_idx ON nuisance_cases (trajectory_id);
-- One open case per address.
CREATE UNIQUE INDEX nuisance_cases_one_open_per_address ON nuisance_cases (municipality_id, address_key) WHERE closed_on IS NULL;

-- ─── reports (meldingen) from the channels C1–C5 ───────────────────────────
CREATE TABLE nuisance_reports (
  id                          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id             uuid NOT NULL REFERENCES organisations(id),
  case_id                     uuid NOT NULL REFERENCES nuisance_cases(id),
  channel                     text NOT NULL CHECK (channel IN ('C1', 'C2', 'C3', 'C4', 'C5')),
  nuisance_type               text NOT NULL,
  description                 text NOT NULL,
  -- Wall time in Europe/Amsterdam of the nuisance (D-OV-07: after 22:00), when known.
  occurred_at                 text CHECK (occurred_at IS NULL OR occurred_at ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-2][0-9]:[0-5][0-9]$'),
  received_at                 timestamptz NOT NULL,
  received_on                 date NOT NULL,
  -- The reporter: kept here only (never in a case, event, letter or anything the resident sees).
  reporter_name               text,
  reporter_phone              text,
  reporter_email              text,
  reporter_relation           text NOT NULL,
  -- A pseudonymous key of the reporter (M2: distinct reporters) within the municipality.
  reporter_key                text,
  -- R-OV-10: false for the resident's own report of nuisance by others (C5).
  counts_against_resident     boolean NOT NULL,
  address_key                 text NOT NULL,
  reported_by                 uuid REFERENCES users(id),
  reported_by_organisation_id uuid REFERENCES organisations(id),
  created_at                  timestamptz NOT NULL,
  CHECK (counts_against_resident = (channel <> 'C5'))
);
CREATE INDEX nuisance_reports_case_idx ON nuisance_reports (case_id, received_at);
CREATE INDEX nuisance_reports_address_idx ON nuisance_reports (municipality_id, address_key, received_at);

CREATE TABLE nuisance_events (
  id                           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id                      uuid NOT NULL REFERENCES nuisance_cases(id),
  municipality_id              uuid NOT NULL REFERENCES organisations(id),
  seq                          integer NOT NULL,
  type                         text NOT NULL,
  occurred_on                  date NOT NULL,
  data                         jsonb NOT NULL DEFAULT '{}',
  recorded_by                  uuid REFERENCES users(id),
  recorded_by_organisation_id  uuid REFERENCES organisations(id),
  recorded_at                  timestamptz NOT NULL,
  UNIQUE (case_id, seq)
);

-- ─── New Chance (Annex 5) ──────────────────────────────────────────────────
CREATE TABLE new_chance_cases (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id   uuid NOT NULL REFERENCES organisations(id),
  hub_id            uuid NOT NULL REFERENCES organisations(id),
  district_code     text,
  district_name     text,
  address_key       text NOT NULL,
  address           text NOT NULL,
  resident_name     text NOT NULL,
  -- The tenant's corporation (R-OV-48: a member of the AFWC) and, once the GO chose it, the care provider.
  corporation_id    uuid NOT NULL REFERENCES organisations(id),
  care_provider_id  uuid REFERENCES organisations(id),
  nuisance_case_id  uuid REFERENCES nuisance_cases(id),
  step              text NOT NULL,
  state             jsonb NOT NULL DEFAULT '{}',
  granted_on        date,
  requested_on      date NOT NULL,
  ended_on          date,
  version           integer NOT NULL DEFAULT 1,
  event_count       integer NOT NULL DEFAULT 0,
  created_by        uuid REFERENCES users(id),
  created_by_organisation_id uuid REFERENCES organisations(id),
  created_at        timestamptz NOT NULL,
  updated_at        timestamptz NOT NULL
);
CREATE INDEX new_chance_hub_idx ON new_chance_cases (municipality_id, hub_id, step);
CREATE INDEX new_chance_corporation_idx ON new_chance_cases (corporation_id);
CREATE INDEX new_chance_care_provider_idx ON new_chance_cases (care_provider_id);

CREATE TABLE new_chance_events (
  id                           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id                      uuid NOT NULL REFERENCES new_chance_cases(id),
  municipality_id              uuid NOT NULL REFERENCES organisations(id),
  seq                          integer NOT NULL,
  type                         text NOT NULL,
  occurred_on                  date NOT NULL,
  data                         jsonb NOT NULL DEFAULT '{}',
  recorded_by                  uuid REFERENCES users(id),
  recorded_by_organisation_id  uuid REFERENCES organisations(id),
  recorded_at                  timestamptz NOT NULL,
  UNIQUE (case_id, seq)
);

-- ─── letters (§6.5): generated from the case, stored with who signed when ───
CREATE TABLE nuisance_letters (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id   uuid NOT NULL REFERENCES organisations(id),
  case_kind         text NOT NULL CHECK (case_kind IN ('nuisance', 'new_chance')),
  case_id           uuid NOT NULL,
  kind              text NOT NULL,
  action            integer CHECK (action IS NULL OR action BETWEEN 3 AND 6),
  -- The letter's input as issued (resident, behaviour, agreements not kept, ...): the PDF is built from it.
  input             jsonb NOT NULL,
  issued_on         date NOT NULL,
  signed_on         date,
  signature         text CHECK (signature IS NULL OR signature IN ('signed', 'seen')),
  signed_recorded_by uuid REFERENCES users(id),
  copied_on         date,
  created_by        uuid REFERENCES users(id),
  created_at        timestamptz NOT NULL
);
CREATE INDEX nuisance_letters_case_idx ON nuisance_letters (case_kind, case_id);

-- Events and reports are a record: never changed or removed.
CREATE FUNCTION nuisance_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER nuisance_events_append_only BEFORE UPDATE OR DELETE ON nuisance_events FOR EACH ROW EXECUTE FUNCTION nuisance_append_only();
CREATE TRIGGER new_chance_events_append_only BEFORE UPDATE OR DELETE ON new_chance_events FOR EACH ROW EXECUTE FUNCTION nuisance_append_only();
CREATE TRIGGER nuisance_reports_append_only BEFORE UPDATE OR DELETE ON nuisance_reports FOR EACH ROW EXECUTE FUNCTION nuisance_append_only();
