-- Matching of dwellings and clients (issue 10, matching.md).
--
-- Every row carries its municipality (the tenant key, the Citus distribution column by region).
-- Offers are cases: their events go through the case engine (case_kind 'offer') and their
-- deadlines (D-02…D-05) live in the shared deadline table.

-- ─── matching configuration: versioned per municipality (§5.3 notes) ──────────
CREATE TABLE matching_configs (
  municipality_id uuid NOT NULL REFERENCES organisations(id),
  version         integer NOT NULL CHECK (version > 0),
  config          jsonb NOT NULL,
  note            text,
  created_by      uuid REFERENCES users(id),
  created_at      timestamptz NOT NULL,
  PRIMARY KEY (municipality_id, version)
);

-- ─── the standardized application form's topics (R-MA-24, F-C-15): versioned reference data ─
CREATE TABLE application_form_versions (
  id          text PRIMARY KEY,
  name        text NOT NULL,
  valid_from  date NOT NULL,
  topics      jsonb NOT NULL,
  created_at  timestamptz NOT NULL
);

-- ─── dwellings (woningen) — matching.md §2 ─────────────────────────────────────
CREATE TABLE dwellings (
  id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id         uuid NOT NULL REFERENCES organisations(id),
  corporation_id          uuid NOT NULL REFERENCES organisations(id),
  reference               text,
  -- The official address: postcode + house number (+ letter/addition), looked up in the BAG.
  postcode                text NOT NULL CHECK (postcode ~ '^[1-9][0-9]{3}[A-Z]{2}$'),
  house_number            integer NOT NULL CHECK (house_number > 0),
  house_letter            text,
  house_number_addition   text,
  street                  text,
  city                    text,
  address_verified        boolean NOT NULL DEFAULT false,
  bag_address_id          text,
  bag_object_id           text,
  neighbourhood_code      text,
  neighbourhood_name      text,
  district_code           text,
  district_name           text,
  municipality_code       text,
  lat                     double precision,
  lon                     double precision,
  -- F-D-01…F-D-19
  floor                   integer NOT NULL,
  lift                    boolean NOT NULL,
  facilities              jsonb NOT NULL DEFAULT '[]',
  facilities_note         text,
  noise                   text NOT NULL CHECK (noise IN ('LOW', 'MEDIUM', 'HIGH')),
  noise_note              text,
  defects                 jsonb NOT NULL DEFAULT '[]',
  contact_name            text NOT NULL,
  contact_role            text NOT NULL,
  contact_phone           text,
  contact_email           text,
  stairwell_info          text,
  last_nuisance_file_on   date,
  liveability             text NOT NULL CHECK (liveability IN ('OK', 'UNDER_PRESSURE')),
  liveability_note        text,
  access_type             text NOT NULL CHECK (access_type IN ('porch', 'gallery', 'ground_level', 'other')),
  rooms                   integer NOT NULL CHECK (rooms > 0),
  area_m2                 numeric(6,1) NOT NULL CHECK (area_m2 > 0),
  dwelling_type           text NOT NULL,
  wheelchair_suitable     boolean NOT NULL,
  inside_ring             boolean,
  one_person_unit         boolean NOT NULL DEFAULT false,
  liquor_shop_distance_m  integer,
  available_on            date NOT NULL,
  pool                    text[] NOT NULL DEFAULT '{}',
  rent                    numeric(8,2) NOT NULL CHECK (rent >= 0),
  -- available: may be offered; offered: an offer is open; let: matched; withdrawn; unsuitable (R-MA-09)
  status                  text NOT NULL DEFAULT 'available' CHECK (status IN ('available', 'offered', 'let', 'withdrawn', 'unsuitable')),
  unsuitable_reason_code  text CHECK (unsuitable_reason_code IS NULL OR unsuitable_reason_code IN ('RECENT_NUISANCE_FILE', 'STAIRWELL_LIVEABILITY', 'CONCENTRATION', 'DWELLING_DEFECT', 'TECHNICAL_UNSUITABILITY', 'OTHER')),
  unsuitable_reason       text,
  woningnet_withdrawn_on  date,
  version                 integer NOT NULL DEFAULT 1,
  created_by              uuid REFERENCES users(id),
  created_at              timestamptz NOT NULL,
  updated_at              timestamptz NOT NULL,
  CHECK (status <> 'unsuitable' OR (unsuitable_reason_code IS NOT NULL AND unsuitable_reason IS NOT NULL))
);
CREATE INDEX dwellings_corporation_idx ON dwellings (corporation_id, status, available_on);
CREATE INDEX dwellings_municipality_idx ON dwellings (municipality_id, status, neighbourhood_code);
CREATE UNIQUE INDEX dwellings_address_open_idx ON dwellings (postcode, house_number, coalesce(house_letter, ''), coalesce(house_number_addition, ''))
  WHERE status IN ('available', 'offered');

-- ─── client housing-need profile (woonbehoefteprofiel) — matching.md §3 ─────────
CREATE TABLE housing_profiles (
  client_id              uuid PRIMARY KEY REFERENCES clients(id),
  municipality_id        uuid REFERENCES organisations(id),
  preferred              jsonb NOT NULL DEFAULT '[]',  -- [{code, name?, reason}]
  excluded               jsonb NOT NULL DEFAULT '[]',  -- [{code, name?, reason}]
  circumstances          jsonb NOT NULL DEFAULT '[]',  -- flags
  circumstances_note     text,
  schools                jsonb NOT NULL DEFAULT '[]',  -- [{childId, name, lat, lon}]
  care_needed            text,                         -- F-C-06: care provider only
  avoid_liquor_shop      boolean,
  low_stimulus           boolean,
  needs_wheelchair       boolean,
  ground_floor_or_lift   boolean,
  ggd_advice_on          date,
  other_constraints      text,
  monthly_income         numeric(8,2),
  form_version_id        text REFERENCES application_form_versions(id),
  version                integer NOT NULL DEFAULT 1,
  updated_by             uuid REFERENCES users(id),
  created_at             timestamptz NOT NULL,
  updated_at             timestamptz NOT NULL
);
CREATE INDEX housing_profiles_municipality_idx ON housing_profiles (municipality_id);

-- ─── proposals: the engine's advice, with the configuration it used ───────────
CREATE TABLE proposals (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id       uuid NOT NULL REFERENCES organisations(id),
  dwelling_id           uuid NOT NULL REFERENCES dwellings(id),
  corporation_id        uuid NOT NULL REFERENCES organisations(id),
  care_provider_id      uuid REFERENCES organisations(id),
  model                 text NOT NULL CHECK (model IN ('OM-AMS', 'OM-UTR')),
  offer_date            date NOT NULL,
  config_version        integer NOT NULL,
  config                jsonb NOT NULL,
  dwelling_facts        jsonb NOT NULL,
  candidate_facts       jsonb NOT NULL,
  result                jsonb NOT NULL,
  proposed              uuid[] NOT NULL DEFAULT '{}',
  chosen_trajectory_id  uuid REFERENCES trajectories(id),
  chosen_rank           integer,
  choice_reason         text,
  chosen_by             uuid REFERENCES users(id),
  chosen_at             timestamptz,
  created_by            uuid REFERENCES users(id),
  created_at            timestamptz NOT NULL
);
CREATE INDEX proposals_municipality_idx ON proposals (municipality_id, offer_date);
CREATE INDEX proposals_dwelling_idx ON proposals (dwelling_id);

-- ─── offers: cases (case_kind 'offer') ─────────────────────────────────────────
CREATE TABLE offers (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id   uuid NOT NULL REFERENCES organisations(id),
  dwelling_id       uuid NOT NULL REFERENCES dwellings(id),
  corporation_id    uuid NOT NULL REFERENCES organisations(id),
  model             text NOT NULL CHECK (model IN ('OM-AMS', 'OM-UTR')),
  care_provider_id  uuid REFERENCES organisations(id),
  trajectory_id     uuid REFERENCES trajectories(id),
  proposal_id       uuid REFERENCES proposals(id),
  status            text NOT NULL,
  offered_on        date NOT NULL,
  available_on      date NOT NULL,
  lease_type        text NOT NULL CHECK (lease_type IN ('intermediary', 'omklap', 'own_name')),
  extra_clauses     jsonb NOT NULL DEFAULT '[]',
  state             jsonb NOT NULL DEFAULT '{}',
  event_count       integer NOT NULL DEFAULT 0,
  version           integer NOT NULL DEFAULT 1,
  created_by        uuid REFERENCES users(id),
  created_at        timestamptz NOT NULL,
  updated_at        timestamptz NOT NULL
);
CREATE INDEX offers_corporation_idx ON offers (corporation_id, status);
CREATE INDEX offers_care_provider_idx ON offers (care_provider_id, status);
CREATE INDEX offers_trajectory_idx ON offers (trajectory_id);
CREATE INDEX offers_dwelling_idx ON offers (dwelling_id);
-- One open offer per dwelling.
CREATE UNIQUE INDEX offers_one_open_per_dwelling ON offers (dwelling_id)
  WHERE status NOT IN ('final', 'declined', 'refused', 'client_refused', 'withdrawn');

CREATE TABLE offer_events (
  id                           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  offer_id                     uuid NOT NULL REFERENCES offers(id),
  municipality_id              uuid NOT NULL REFERENCES organisations(id),
  seq                          integer NOT NULL,
  type                         text NOT NULL,
  occurred_on                  date NOT NULL,
  data                         jsonb NOT NULL DEFAULT '{}',
  recorded_by                  uuid REFERENCES users(id),
  recorded_by_organisation_id  uuid REFERENCES organisations(id),
  recorded_at                  timestamptz NOT NULL,
  UNIQUE (offer_id, seq)
);

-- Offer events are a record: never changed or removed.
CREATE FUNCTION offer_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'offer events are append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER offer_events_append_only BEFORE UPDATE OR DELETE ON offer_events FOR EACH ROW EXECUTE FUNCTION offer_events_append_only();
