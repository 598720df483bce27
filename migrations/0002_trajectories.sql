-- Omslagroute: clients and households, trajectories as event streams with derived
-- (cached) state and deadlines, case teams, consent with purpose binding, forms with
-- versions and three-party signatures, attachments, outbox e-mail, deletion requests.

-- Processing agreements between care provider and corporation (R-OR-85).
CREATE TABLE processing_agreements (
  care_provider_id  uuid NOT NULL REFERENCES organisations(id),
  corporation_id    uuid NOT NULL REFERENCES organisations(id),
  registered_on     date NOT NULL,
  ended_on          date,
  created_at        timestamptz NOT NULL,
  PRIMARY KEY (care_provider_id, corporation_id)
);

CREATE TABLE clients (
  id                          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  care_provider_id            uuid NOT NULL REFERENCES organisations(id),
  first_name                  text,
  last_name                   text,
  birth_date                  date,
  phone                       text,
  email                       text,
  address                     text,
  woningnet_number            text,
  woningnet_registered_on     date,
  -- R-OR-24: the old registration is kept for a possible restoration (R-OR-81).
  old_woningnet_number        text,
  old_woningnet_registered_on date,
  target_group                text,
  multi_problem_family        boolean NOT NULL DEFAULT false,
  version                     integer NOT NULL DEFAULT 1,
  created_at                  timestamptz NOT NULL,
  updated_at                  timestamptz NOT NULL,
  -- Erasure (deletion request executed): personal fields are nulled, the row stays as metadata.
  erased_at                   timestamptz
);
CREATE INDEX clients_provider_idx ON clients (care_provider_id, last_name);

CREATE TABLE household_members (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id   uuid NOT NULL REFERENCES clients(id),
  kind        text NOT NULL CHECK (kind IN ('partner','child','other')),
  name        text,
  birth_date  date,
  created_at  timestamptz NOT NULL
);
CREATE INDEX household_members_client_idx ON household_members (client_id);

CREATE TABLE trajectories (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id           uuid NOT NULL REFERENCES clients(id),
  care_provider_id    uuid NOT NULL REFERENCES organisations(id),
  corporation_id      uuid REFERENCES organisations(id),
  -- R-OR-31: one fixed corporation contact person at a time.
  corporation_contact_id uuid REFERENCES users(id),
  target_group        text,
  variant             text NOT NULL,
  -- Derived from the events (cache); the events are the source of truth.
  phase               text NOT NULL,
  status              text NOT NULL CHECK (status IN ('active','closed')),
  exit                text,
  started_on          date NOT NULL,
  dwelling_address    text,
  state               jsonb NOT NULL DEFAULT '{}'::jsonb,
  event_count         integer NOT NULL DEFAULT 0,
  version             integer NOT NULL DEFAULT 1,
  created_at          timestamptz NOT NULL,
  updated_at          timestamptz NOT NULL
);
CREATE INDEX trajectories_provider_idx ON trajectories (care_provider_id, status, phase);
CREATE INDEX trajectories_corporation_idx ON trajectories (corporation_id, status) WHERE corporation_id IS NOT NULL;
CREATE INDEX trajectories_client_idx ON trajectories (client_id);

CREATE TABLE trajectory_events (
  id                          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  trajectory_id               uuid NOT NULL REFERENCES trajectories(id),
  seq                         integer NOT NULL,
  type                        text NOT NULL,
  occurred_on                 date NOT NULL,
  data                        jsonb NOT NULL DEFAULT '{}'::jsonb,
  corrects_event_id           uuid REFERENCES trajectory_events(id),
  recorded_by                 uuid NOT NULL REFERENCES users(id),
  recorded_by_organisation_id uuid NOT NULL REFERENCES organisations(id),
  recorded_at                 timestamptz NOT NULL,
  UNIQUE (trajectory_id, seq)
);

-- Events are kept forever: corrections are new events.
CREATE FUNCTION trajectory_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('thuisroute.erasure', true) = 'on' THEN
    RETURN OLD;
  END IF;
  IF TG_OP = 'UPDATE' AND current_setting('thuisroute.erasure', true) = 'on' THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'trajectory_events are append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER trajectory_events_append_only BEFORE UPDATE OR DELETE ON trajectory_events FOR EACH ROW EXECUTE FUNCTION trajectory_events_refuse_change();

-- The case team (R-OR-31 and the care workers on a case).
CREATE TABLE trajectory_team (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  trajectory_id    uuid NOT NULL REFERENCES trajectories(id),
  user_id          uuid NOT NULL REFERENCES users(id),
  organisation_id  uuid NOT NULL REFERENCES organisations(id),
  case_role        text NOT NULL CHECK (case_role IN ('personal_supervisor','colleague','corporation_contact','external')),
  added_by         uuid REFERENCES users(id),
  added_at         timestamptz NOT NULL,
  removed_at       timestamptz
);
CREATE UNIQUE INDEX trajectory_team_active_key ON trajectory_team (trajectory_id, user_id) WHERE removed_at IS NULL;
CREATE INDEX trajectory_team_user_idx ON trajectory_team (user_id) WHERE removed_at IS NULL;

-- Deadlines derived from the events (cache, recomputed in the same transaction as every event).
CREATE TABLE deadlines (
  trajectory_id     uuid NOT NULL REFERENCES trajectories(id),
  key               text NOT NULL,
  rule_id           text NOT NULL,
  nature            text NOT NULL,
  kind              text NOT NULL,
  actor_kinds       text[] NOT NULL,
  -- Who acts: the organisation (care provider, corporation, Wonen) and, where known, the user.
  organisation_id   uuid REFERENCES organisations(id),
  assignee_user_id  uuid REFERENCES users(id),
  start_date        date NOT NULL,
  due_date          date,
  original_due_date date NOT NULL,
  warn_on           date,
  met_on            date,
  closed_as         text,
  paused            boolean NOT NULL DEFAULT false,
  computed          jsonb NOT NULL,
  history           jsonb NOT NULL DEFAULT '[]'::jsonb,
  note              text,
  PRIMARY KEY (trajectory_id, key)
);
-- Worklist: unfulfilled deadlines by assignee / organisation, by due date.
CREATE INDEX deadlines_assignee_open_idx ON deadlines (assignee_user_id, due_date) WHERE met_on IS NULL AND closed_as IS NULL AND kind = 'deadline';
CREATE INDEX deadlines_org_open_idx ON deadlines (organisation_id, due_date) WHERE met_on IS NULL AND closed_as IS NULL AND kind = 'deadline';

-- Pauses and extensions of a deadline, with reason (history keeps the original due date).
CREATE TABLE deadline_adjustments (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  trajectory_id  uuid NOT NULL REFERENCES trajectories(id),
  key            text NOT NULL,
  kind           text NOT NULL CHECK (kind IN ('pause','resume','extension')),
  from_date      date,
  until_date     date,
  new_due        date,
  reason         text NOT NULL,
  by_user_id     uuid NOT NULL REFERENCES users(id),
  created_at     timestamptz NOT NULL
);
CREATE INDEX deadline_adjustments_idx ON deadline_adjustments (trajectory_id, key, created_at);

-- Consent per purpose (omslagroute.md §8; PB-1 … PB-8).
CREATE TABLE consents (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id          uuid NOT NULL REFERENCES clients(id),
  purposes           text[] NOT NULL,
  given_on           date NOT NULL,
  explained_items    jsonb NOT NULL,
  explained_by       uuid NOT NULL REFERENCES users(id),
  retention          text NOT NULL,
  recorded_at        timestamptz NOT NULL,
  withdrawn_on       date,
  withdrawn_by       uuid REFERENCES users(id),
  withdrawn_at       timestamptz,
  version            integer NOT NULL DEFAULT 1
);
CREATE INDEX consents_client_idx ON consents (client_id);

CREATE TABLE forms (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  trajectory_id   uuid NOT NULL REFERENCES trajectories(id),
  kind            text NOT NULL CHECK (kind IN ('F-1','F-2','F-3','F-4')),
  definition_version integer NOT NULL,
  status          text NOT NULL CHECK (status IN ('draft','submitted','final')),
  data            jsonb NOT NULL DEFAULT '{}'::jsonb,
  version         integer NOT NULL DEFAULT 1,
  created_by      uuid NOT NULL REFERENCES users(id),
  created_at      timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL
);
CREATE INDEX forms_trajectory_idx ON forms (trajectory_id, kind);

-- Every saved version of a form (signatures refer to one).
CREATE TABLE form_versions (
  form_id      uuid NOT NULL REFERENCES forms(id),
  version      integer NOT NULL,
  data         jsonb NOT NULL,
  content_hash text NOT NULL,
  saved_by     uuid NOT NULL REFERENCES users(id),
  saved_at     timestamptz NOT NULL,
  PRIMARY KEY (form_id, version)
);

CREATE TABLE form_signatures (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  form_id        uuid NOT NULL REFERENCES forms(id),
  form_version   integer NOT NULL,
  content_hash   text NOT NULL,
  party          text NOT NULL CHECK (party IN ('client','care_provider','corporation')),
  name           text NOT NULL,
  function       text,
  signed_on      date NOT NULL,
  signed_by_user uuid NOT NULL REFERENCES users(id),
  method         text NOT NULL CHECK (method IN ('own_account','on_behalf_in_person','on_behalf_written','on_behalf_digital')),
  created_at     timestamptz NOT NULL,
  UNIQUE (form_id, form_version, party),
  FOREIGN KEY (form_id, form_version) REFERENCES form_versions(form_id, version)
);

CREATE TABLE attachments (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  form_id        uuid NOT NULL REFERENCES forms(id),
  filename       text NOT NULL,
  content_type   text NOT NULL,
  size_bytes     integer NOT NULL,
  sha256         text NOT NULL,
  content        bytea,
  uploaded_by    uuid NOT NULL REFERENCES users(id),
  uploaded_at    timestamptz NOT NULL
);
CREATE INDEX attachments_form_idx ON attachments (form_id);

-- Outbox: e-mails (daily digest) written in the same transaction, drained by a worker.
CREATE TABLE outbox_emails (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  to_address  text NOT NULL,
  subject     text NOT NULL,
  body_text   text NOT NULL,
  body_html   text,
  dedupe_key  text UNIQUE,
  created_at  timestamptz NOT NULL,
  attempts    integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  sent_at     timestamptz,
  last_error  text
);
CREATE INDEX outbox_emails_pending_idx ON outbox_emails (next_attempt_at) WHERE sent_at IS NULL;

-- Subject-access and erasure (AVG): a deletion request waits (default 30 days), is revocable.
CREATE TABLE deletion_requests (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id     uuid NOT NULL REFERENCES clients(id),
  requested_by  uuid NOT NULL REFERENCES users(id),
  requested_at  timestamptz NOT NULL,
  reason        text NOT NULL,
  effective_on  date NOT NULL,
  status        text NOT NULL CHECK (status IN ('pending','revoked','executed')),
  revoked_by    uuid REFERENCES users(id),
  revoked_at    timestamptz,
  executed_at   timestamptz,
  version       integer NOT NULL DEFAULT 1
);
CREATE INDEX deletion_requests_due_idx ON deletion_requests (effective_on) WHERE status = 'pending';

-- Platform settings (proposals of the spec that must be settings, never constants).
CREATE TABLE settings (
  key         text PRIMARY KEY,
  value       jsonb NOT NULL,
  updated_by  uuid REFERENCES users(id),
  updated_at  timestamptz NOT NULL
);
