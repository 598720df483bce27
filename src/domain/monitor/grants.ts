/** Allocation agreements and the monitor: aggregates only, no personal data (R-MO-01, R-MO-20). */
import type { GrantTable } from '../policy/policy.ts';
import { ALL_MEMBER, OWN, OWN_OR_SHARED, PROGRAMME_ADMIN } from '../policy/core-grants.ts';

export const MONITOR_ACTIONS = ['monitor.read', 'reference.read', 'target_group.manage', 'agreement.manage', 'corporation_figures.manage', 'placement.import'] as const;

export const MONITOR_GRANTS: GrantTable<(typeof MONITOR_ACTIONS)[number]> = {
  // R-MO-20: every party of the programme reads the shared monitor; it holds aggregates only.
  'monitor.read': [ALL_MEMBER],
  'reference.read': [ALL_MEMBER],
  // R-MO-01: the programme team maintains target groups, agreements and the figures behind them.
  'target_group.manage': [PROGRAMME_ADMIN, { who: 'programme_analyst', relations: 'any' }],
  'agreement.manage': [PROGRAMME_ADMIN, { who: 'programme_analyst', relations: OWN }],
  'corporation_figures.manage': [PROGRAMME_ADMIN, { who: 'programme_analyst', relations: OWN_OR_SHARED }],
  // Rows are checked against the importer's municipalities in the handler.
  'placement.import': [PROGRAMME_ADMIN, { who: 'programme_analyst', relations: 'any' }],
};
