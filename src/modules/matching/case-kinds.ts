/**
 * Offers and moves as kinds of case on the worklists and home queues: the action that reads each
 * one's detail and its parties as SQL over the deadline row `d` (trajectories' caseKinds hook point).
 */
import { sql } from 'kysely';
import type { CaseKindHook, CaseParties } from '../trajectories/index.ts';
import { OFFER_CASE } from './offer-case.ts';

export const matchingCaseKinds: CaseKindHook = () => [
  {
    kind: OFFER_CASE,
    readAction: 'offer.read',
    parties: sql<CaseParties | null>`(SELECT json_build_object('careProviderId', o.care_provider_id, 'corporationId', o.corporation_id, 'municipalityId', o.municipality_id) FROM offers o WHERE o.id = d.case_id)`,
  },
  {
    kind: 'move',
    readAction: 'move.read',
    parties: sql<CaseParties | null>`(SELECT json_build_object('careProviderId', m.care_provider_id, 'corporationId', m.corporation_id, 'municipalityId', m.municipality_id,
      'teamUserIds', coalesce((SELECT json_agg(tt.user_id) FROM trajectory_team tt WHERE tt.trajectory_id = m.trajectory_id AND tt.removed_at IS NULL), '[]'::json)) FROM moves m WHERE m.id = d.case_id)`,
  },
];
