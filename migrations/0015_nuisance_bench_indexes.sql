-- Indexes for the two nuisance read paths measured by the nuisance benchmark (bench/nuisance.ts,
-- issue 11), with 100 000 cases and 150 000 reports. EXPLAIN (ANALYZE) of the shipped schema showed:
--
-- 1. The hub's district overview (hubOverview: hub_involved AND hub_id IN … AND closed_on IS NULL,
--    grouped by district, status and age) combined nuisance_cases_hub_idx — which leads with
--    municipality_id, so hub_id alone is a skip scan — with the one-open-per-address index in a
--    BitmapAnd, then read ~1 200 heap pages. A partial index of exactly the open cases reported to a
--    hub, keyed by the hub and carrying the overview's columns, answers it as an index-only scan.
CREATE INDEX nuisance_cases_hub_open_idx ON nuisance_cases (hub_id, district_code, status)
  INCLUDE (district_name, opened_on, hub_lead) WHERE hub_involved AND closed_on IS NULL;

-- 2. The overview's "one situation, several channels" query (reports of the last 12 months of those
--    open cases) hashed a sequential scan of every report received in 12 months. Per case, the
--    reports by received_on with their channel make it a nested loop of index-only scans.
CREATE INDEX nuisance_reports_case_received_on_idx ON nuisance_reports (case_id, received_on) INCLUDE (channel);

-- 3. The care provider's incoming-reports queue (newest first, last 30 days, LIMIT 100) hashed a
--    sequential scan of all reports of the window against all of the provider's cases, then sorted.
--    By received_at it reads the reports newest first and stops after the first 100 of the provider.
CREATE INDEX nuisance_reports_received_idx ON nuisance_reports (received_at);
