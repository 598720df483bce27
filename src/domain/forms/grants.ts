/** Forms on a case: every case reader reads (what the §8.3 matrix lets it see); the care provider and the corporation write and sign. */
import type { GrantTable } from '../policy/policy.ts';
import { CASE_READERS, CC_CASE, CW_TEAM, TM_CASE } from '../trajectories/grants.ts';

export const FORM_ACTIONS = ['form.read', 'form.write', 'form.sign'] as const;

export const FORM_GRANTS: GrantTable<(typeof FORM_ACTIONS)[number]> = {
  'form.read': CASE_READERS,
  'form.write': [CW_TEAM, TM_CASE, CC_CASE],
  'form.sign': [CW_TEAM, TM_CASE, CC_CASE],
};
