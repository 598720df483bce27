-- The care provider's incoming-reports queue (GET /api/v1/nuisance/reports/incoming) reads the
-- newest reports of one care provider. Measured on 150 000 reports (bench/nuisance.ts), finding them
-- through the case meant reading ~1 800 newest reports of every provider to keep 100. The report
-- now carries its case's care provider (set when it is made; a case keeps its care provider), and
-- the queue is an index range scan of exactly the provider's newest reports.
ALTER TABLE nuisance_reports ADD COLUMN care_provider_id uuid REFERENCES organisations(id);

-- Reports are append-only: the trigger is lifted for this one backfill of the new column only.
ALTER TABLE nuisance_reports DISABLE TRIGGER nuisance_reports_append_only;
UPDATE nuisance_reports r SET care_provider_id = c.care_provider_id FROM nuisance_cases c WHERE c.id = r.case_id;
ALTER TABLE nuisance_reports ENABLE TRIGGER nuisance_reports_append_only;

CREATE INDEX nuisance_reports_care_provider_idx ON nuisance_reports (care_provider_id, received_at DESC) WHERE care_provider_id IS NOT NULL;
