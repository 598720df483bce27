-- Attention for nuisance from the start (overlast.md R-OV-14…R-OV-17): the start conversation of
-- care provider and resident, the furnishing minimum and the high-nuisance-risk flag, one record per
-- trajectory (versioned for If-Match). Carries its municipality (the tenant key).
CREATE TABLE nuisance_prevention (
  trajectory_id    uuid PRIMARY KEY REFERENCES trajectories(id),
  municipality_id  uuid NOT NULL REFERENCES organisations(id),
  care_provider_id uuid NOT NULL REFERENCES organisations(id),
  data             jsonb NOT NULL,
  high_risk        boolean NOT NULL DEFAULT false,
  version          integer NOT NULL DEFAULT 1,
  updated_by       uuid REFERENCES users(id),
  updated_at       timestamptz NOT NULL
);
CREATE INDEX nuisance_prevention_care_provider_idx ON nuisance_prevention (care_provider_id);
