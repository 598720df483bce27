/**
 * Nuisance and New Chance cases on the worklists and home queues: the action that reads each one's
 * detail and its parties as SQL over the deadline row `d` (trajectories' caseKinds hook point). The
 * hub is a party once the case is reported to it (a New Chance case: always).
 */
import { sql } from 'kysely';
import type { CaseKindHook, CaseParties } from '../trajectories/index.ts';
import { NUISANCE_CASE } from './nuisance-case.ts';
import { NEW_CHANCE_CASE } from './new-chance-case.ts';

export const nuisanceCaseKinds: CaseKindHook = () => [
  {
    kind: NUISANCE_CASE,
    readAction: 'nuisance_case.read',
    parties: sql<CaseParties | null>`(SELECT json_build_object('careProviderId', n.care_provider_id, 'corporationId', n.corporation_id, 'municipalityId', n.municipality_id,
      'hubId', CASE WHEN n.hub_involved THEN n.hub_id END) FROM nuisance_cases n WHERE n.id = d.case_id)`,
  },
  {
    kind: NEW_CHANCE_CASE,
    readAction: 'new_chance.read',
    // R-OV-64: before the grant the care provider at the table is the applicant; Wonen reads it once granted.
    parties: sql<CaseParties | null>`(SELECT json_build_object('careProviderId', CASE WHEN n.granted_on IS NOT NULL THEN n.care_provider_id ELSE (SELECT o.id FROM organisations o WHERE o.id = n.created_by_organisation_id AND o.type = 'care_provider') END,
      'corporationId', n.corporation_id, 'municipalityId', CASE WHEN n.granted_on IS NOT NULL THEN n.municipality_id END, 'hubId', n.hub_id) FROM new_chance_cases n WHERE n.id = d.case_id)`,
  },
];
