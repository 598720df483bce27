/**
 * Matching of dwellings and clients (matching.md; omslagroute.md P3; young-adults-and-moves.md
 * Part B): dwellings with official addresses, housing-need profiles, the engine's explainable
 * proposals, offers as cases (D-02…D-05 in the shared deadline table), the configuration and its
 * replay, swaps and moves.
 */
import { modulePlugin } from '../../platform/http/app.ts';
import type { ModuleDescriptor } from '../../platform/module.ts';
import { MATCHING_GRANTS } from '../../domain/matching/grants.ts';
import { MOVE_GRANTS } from '../../domain/matching/move-grants.ts';
import { matchingCaseKinds } from './case-kinds.ts';
import { configRoutes } from './config-routes.ts';
import { dwellingRoutes } from './dwellings.ts';
import { offerRoutes } from './offers-routes.ts';
import { profileRoutes } from './profiles.ts';
import { moveRoutes } from './moves-routes.ts';
import { seedDemoMatching } from './demo-seed.ts';

export const matchingModule: ModuleDescriptor = {
  name: 'matching',
  policy: { grants: { ...MATCHING_GRANTS, ...MOVE_GRANTS } },
  // Offers and moves put their deadlines on the worklists and home queues (trajectories' caseKinds hook point).
  hooks: { caseKinds: matchingCaseKinds },
  routes: [
    { plugin: modulePlugin(dwellingRoutes), prefix: '/api/v1' },
    { plugin: modulePlugin(profileRoutes), prefix: '/api/v1' },
    { plugin: modulePlugin(offerRoutes), prefix: '/api/v1' },
    { plugin: modulePlugin(configRoutes), prefix: '/api/v1' },
    { plugin: modulePlugin(moveRoutes), prefix: '/api/v1' },
  ],
  seed: async (db, clock) => {
    const n = await seedDemoMatching(db, clock);
    return n ? { dwellings: n } : null;
  },
};

export { OFFER_CASE } from './offer-case.ts';
