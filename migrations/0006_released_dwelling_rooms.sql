-- R-MO-39: released social rent dwellings by number of rooms, for the optional view of
-- statushouder households by household size against the dwelling supply (the qualitative quota).
-- Entered like M-10: per corporation in a municipality, here per year (the monthly M-10 stays in
-- released_dwellings). rooms 5 means "5 rooms or more". Aggregates only: no personal data.
CREATE TABLE released_dwelling_rooms (
  municipality_id uuid NOT NULL REFERENCES organisations(id),
  corporation_id  uuid NOT NULL REFERENCES organisations(id),
  year            integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  rooms           integer NOT NULL CHECK (rooms BETWEEN 1 AND 5),
  dwellings       integer NOT NULL CHECK (dwellings >= 0),
  version         integer NOT NULL DEFAULT 1,
  updated_by      uuid REFERENCES users(id),
  updated_at      timestamptz NOT NULL,
  PRIMARY KEY (municipality_id, corporation_id, year, rooms)
);
