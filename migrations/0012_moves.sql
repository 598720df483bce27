-- Swaps and moves on a mismatch (issue 10 item 7; young-adults-and-moves.md Part B, matching.md §4.7).
--
-- A swap (woningruil) or a move on re-assessment of perspective (verhuizing bij herijking perspectief)
-- is a case (case_kind 'move'): its events go through the case engine, its state is a cache derived
-- from them, and its deadlines (D-MV-02: D-07/D-08 from the completion) live in the shared deadline
-- table. Every row carries its municipality (the tenant key).

CREATE TABLE moves (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id      uuid NOT NULL REFERENCES organisations(id),
  kind                 text NOT NULL CHECK (kind IN ('swap', 'move')),
  trajectory_id        uuid NOT NULL REFERENCES trajectories(id),
  -- A swap: the trajectory of the other omslag dwelling's resident, where it is one of ours.
  other_trajectory_id  uuid REFERENCES trajectories(id),
  care_provider_id     uuid NOT NULL REFERENCES organisations(id),
  corporation_id       uuid REFERENCES organisations(id),
  status               text NOT NULL CHECK (status IN ('preparing', 'submitted', 'agreed', 'registered', 'completed', 'withdrawn')),
  -- Waits for directie Wonen's decision (submitted, approval needed, not decided): Wonen's queue.
  awaiting_wonen       boolean NOT NULL DEFAULT false,
  state                jsonb NOT NULL DEFAULT '{}',
  version              integer NOT NULL DEFAULT 1,
  event_count          integer NOT NULL DEFAULT 0,
  created_by           uuid REFERENCES users(id),
  created_at           timestamptz NOT NULL,
  updated_at           timestamptz NOT NULL,
  CHECK (kind = 'swap' OR other_trajectory_id IS NULL),
  CHECK (other_trajectory_id IS NULL OR other_trajectory_id <> trajectory_id)
);
CREATE INDEX moves_trajectory_idx ON moves (trajectory_id);
CREATE INDEX moves_care_provider_idx ON moves (care_provider_id, status);
CREATE INDEX moves_corporation_idx ON moves (corporation_id, status);
CREATE INDEX moves_municipality_idx ON moves (municipality_id, status);
-- One open request per trajectory.
CREATE UNIQUE INDEX moves_one_open_per_trajectory ON moves (trajectory_id) WHERE status NOT IN ('completed', 'withdrawn');

CREATE TABLE move_events (
  id                           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  move_id                      uuid NOT NULL REFERENCES moves(id),
  municipality_id              uuid NOT NULL REFERENCES organisations(id),
  seq                          integer NOT NULL,
  type                         text NOT NULL,
  occurred_on                  date NOT NULL,
  data                         jsonb NOT NULL DEFAULT '{}',
  recorded_by                  uuid REFERENCES users(id),
  recorded_by_organisation_id  uuid REFERENCES organisations(id),
  recorded_at                  timestamptz NOT NULL,
  UNIQUE (move_id, seq)
);

-- Move events are a record: never changed or removed.
CREATE FUNCTION move_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'move events are append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER move_events_append_only BEFORE UPDATE OR DELETE ON move_events FOR EACH ROW EXECUTE FUNCTION move_events_append_only();
