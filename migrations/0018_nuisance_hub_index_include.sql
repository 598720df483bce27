-- The hub overview's "one situation, several channels" query (hub-routes.ts) walks the open cases
-- reported to the hub and fetched each case row for its id and address (≈ 1 200 heap pages for
-- 1 214 cases in bench/nuisance.ts). With them in the partial index it is an index-only scan.
DROP INDEX nuisance_cases_hub_open_idx;
CREATE INDEX nuisance_cases_hub_open_idx ON nuisance_cases (hub_id, district_code, status)
  INCLUDE (district_name, opened_on, hub_lead, id, address) WHERE hub_involved AND closed_on IS NULL;
