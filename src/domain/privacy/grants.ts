/** Consent and the client's privacy rights: the care provider's case staff (R-OR-82, R-OR-93). */
import type { GrantTable } from '../policy/policy.ts';
import { CW_TEAM, REVIEWER_CASE, TM_CASE } from '../trajectories/grants.ts';

export const PRIVACY_ACTIONS = ['consent.record', 'consent.read', 'consent.withdraw', 'privacy.export', 'privacy.deletion'] as const;

export const PRIVACY_GRANTS: GrantTable<(typeof PRIVACY_ACTIONS)[number]> = {
  'consent.record': [CW_TEAM, TM_CASE],
  'consent.read': [CW_TEAM, TM_CASE, REVIEWER_CASE],
  'consent.withdraw': [CW_TEAM, TM_CASE],
  'privacy.export': [TM_CASE],
  'privacy.deletion': [TM_CASE],
};
