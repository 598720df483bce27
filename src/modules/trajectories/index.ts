/**
 * Trajectories: clients and households, the Omslagroute trajectory (events, derived caches,
 * deadlines, pause and extension), worklist, case team, corporation assignment. Offers the
 * `caseEvent` hook point; listens to `handover`.
 */
import { modulePlugin } from '../../platform/http/app.ts';
import type { ModuleDescriptor } from '../../platform/module.ts';
import { CASE_GRANTS } from '../../domain/trajectories/grants.ts';
import { seedDemoCases } from './demo-seed.ts';
import { handOverCases } from './handover.ts';
import { acceptCaseEventListeners } from './hooks.ts';
import { acceptCaseKinds } from './case-kinds.ts';
import { trajectoryRoutes } from './routes.ts';
import { stepsRoutes } from './steps-route.ts';
import { worklistRoutes } from './worklist.ts';

export const trajectoriesModule: ModuleDescriptor = {
  name: 'trajectories',
  // Its share of the one policy table (merged in src/domain/policy).
  policy: { grants: CASE_GRANTS },
  routes: [
    { plugin: modulePlugin(trajectoryRoutes), prefix: '/api/v1' },
    { plugin: modulePlugin(stepsRoutes), prefix: '/api/v1' },
    { plugin: modulePlugin(worklistRoutes), prefix: '/api/v1' },
  ],
  offers: { caseEvent: acceptCaseEventListeners, caseKinds: acceptCaseKinds },
  hooks: { handover: handOverCases },
  seed: async (db, clock, demo) => {
    const cases = await seedDemoCases(db, clock, demo.domain);
    return cases ? { cases } : null;
  },
};

// Public API for other modules.
export { actorOf, authorizeCase, type CaseAccess } from './access.ts';
export { loadTrajectory, refreshCaches, type LoadedTrajectory } from './repository.ts';
export type { TrajectoryEventHook } from './hooks.ts';
export type { CaseKindHook, CaseParties, WorklistCaseKind } from './case-kinds.ts';
export { recordTrajectoryEvent, type TrajectoryActor } from './case-kind.ts';
export { loadClientView } from './routes.ts';
export { PHASE_LABELS, deadlineView, trajectoryView, type DeadlineRow } from './views.ts';
export { WORKLIST_HORIZON_WORKING_DAYS, readableCases, reviewRows, servedWorklistRows, worklistRows, type WorklistQuery } from './worklist.ts';
export { caseSwitchTarget } from './access.ts';
