-- The municipality of a trajectory (monitor.md §11: a placement needs the municipality whose
-- agreement it counts for; R-MO-18: one monitor for a region of several municipalities).
--
-- municipality_id           the referring municipality: the one the care provider refers the client
--                           to and whose Wonen grants the urgency (set at the start, at the referral
--                           or when the urgency is granted);
-- dwelling_municipality_id  where the dwelling is (set at the final match or the key handover).
--
-- The trajectory counts for the dwelling's municipality once a dwelling is known, and for the
-- referring municipality before that (src/domain/trajectories/municipality.ts). Both are case data
-- like corporation_id: written by the events and requests that carry them, not derived caches.
ALTER TABLE trajectories
  ADD COLUMN municipality_id          uuid REFERENCES organisations(id),
  ADD COLUMN dwelling_municipality_id uuid REFERENCES organisations(id);

-- Existing trajectories: where the region decides by itself (exactly one active municipality),
-- fill in what it decides, as the application does for new ones. Elsewhere the municipality stays
-- unknown until someone records it (the trajectory page asks for it).
CREATE TEMP TABLE single_municipality_regions ON COMMIT DROP AS
  SELECT region_id, min(id::text)::uuid AS municipality_id
    FROM organisations
   WHERE type = 'municipality' AND active AND region_id IS NOT NULL
   GROUP BY region_id
  HAVING count(*) = 1;

UPDATE trajectories t
   SET municipality_id = s.municipality_id
  FROM organisations cp, single_municipality_regions s
 WHERE cp.id = t.care_provider_id
   AND s.region_id = cp.region_id
   AND t.municipality_id IS NULL;

UPDATE trajectories t
   SET dwelling_municipality_id = s.municipality_id
  FROM organisations o, single_municipality_regions s
 WHERE o.id = coalesce(t.corporation_id, t.care_provider_id)
   AND s.region_id = o.region_id
   AND t.dwelling_municipality_id IS NULL
   AND (t.dwelling_address IS NOT NULL OR (t.state->>'matchFinalOn') IS NOT NULL OR (t.state->>'leaseStartOn') IS NOT NULL);
