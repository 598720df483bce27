/**
 * The nuisance protocol (overlast.md): reports from every channel, the nuisance case on the shared
 * case engine with its deadlines D-OV-… in the shared deadline table, the judgement and escalation
 * of Annex 1 with its letters, the nuisance hub (MZWO) with its district overview, time-out and
 * re-placement, and the New Chance scheme (Annex 5) as a case of its own.
 */
import { modulePlugin } from '../../platform/http/app.ts';
import type { ModuleDescriptor } from '../../platform/module.ts';
import { NUISANCE_GRANTS } from '../../domain/nuisance/grants.ts';
import { nuisanceCaseKinds } from './case-kinds.ts';
import { nuisanceRoutes } from './routes.ts';
import { hubRoutes } from './hub-routes.ts';
import { letterRoutes } from './letters-routes.ts';
import { newChanceRoutes } from './new-chance-routes.ts';
import { preventionRoutes } from './prevention-routes.ts';
import { seedDemoNuisance } from './demo-seed.ts';
import { nuisanceSubjectAccess } from './subject-access.ts';

export const nuisanceModule: ModuleDescriptor = {
  name: 'nuisance',
  policy: { grants: NUISANCE_GRANTS },
  // Nuisance and New Chance deadlines join the worklists and home queues (trajectories' caseKinds hook point).
  // The resident's right of access includes the nuisance file, never a reporter's identity (privacy's subjectAccess hook point).
  hooks: { caseKinds: nuisanceCaseKinds, subjectAccess: nuisanceSubjectAccess },
  routes: [
    { plugin: modulePlugin(nuisanceRoutes), prefix: '/api/v1' },
    { plugin: modulePlugin(hubRoutes), prefix: '/api/v1' },
    { plugin: modulePlugin(letterRoutes), prefix: '/api/v1' },
    { plugin: modulePlugin(newChanceRoutes), prefix: '/api/v1' },
    { plugin: modulePlugin(preventionRoutes), prefix: '/api/v1' },
  ],
  seed: async (db, clock) => {
    const n = await seedDemoNuisance(db, clock);
    return n ? { nuisanceCases: n } : null;
  },
};

export { NUISANCE_CASE } from './nuisance-case.ts';
export { NEW_CHANCE_CASE } from './new-chance-case.ts';
