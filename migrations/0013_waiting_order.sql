-- Candidates for a dwelling in wait order (issue 10, matching.md §5.1 step 4): the prefilter reads
-- the waiting trajectories of a municipality (OM-UTR) or of a care provider (OM-AMS) longest wait
-- first, in batches, and stops once the proposal is settled; these indexes give that order.
CREATE INDEX trajectories_waiting_municipality_idx ON trajectories
  (municipality_id, (coalesce(state->>'activeMediationOn', state->>'urgencyOn', '9999-12-31')), client_id)
  WHERE status = 'active' AND phase = 'P3_matching';
CREATE INDEX trajectories_waiting_care_provider_idx ON trajectories
  (care_provider_id, (coalesce(state->>'activeMediationOn', state->>'urgencyOn', '9999-12-31')), client_id)
  WHERE status = 'active' AND phase = 'P3_matching';
