/** The home page: every signed-in user reads its own work queues (each item is filtered by the case's own read decision). */
import type { GrantTable } from '../policy/policy.ts';

export const HOME_ACTIONS = ['home.read'] as const;

export const HOME_GRANTS: GrantTable<(typeof HOME_ACTIONS)[number]> = {
  'home.read': [{ who: 'authenticated', relations: 'any' }],
};
