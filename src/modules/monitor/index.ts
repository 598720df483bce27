/**
 * Monitor: GET /api/v1/monitor (counting in SQL, long-form rows, CSV/XLSX/PDF exports) and the
 * dashboard tables. Listens to `caseEvent` (a trajectory's placement follows its state).
 */
import { modulePlugin } from '../../platform/http/app.ts';
import type { ModuleDescriptor } from '../../platform/module.ts';
import { MONITOR_GRANTS } from '../../domain/monitor/grants.ts';
import { seedDemoMonitor } from './demo-seed.ts';
import { monitorRoutes } from './routes.ts';
import { monitorTableRoutes } from './table-routes.ts';
import { syncPlacementOnCaseEvent } from './trajectory-placements.ts';

export const monitorModule: ModuleDescriptor = {
  name: 'monitor',
  // Its share of the one policy table (merged in src/domain/policy).
  policy: { grants: MONITOR_GRANTS },
  routes: [
    { plugin: modulePlugin(monitorRoutes), prefix: '/api/v1' },
    { plugin: modulePlugin(monitorTableRoutes), prefix: '/api/v1' },
  ],
  hooks: { caseEvent: syncPlacementOnCaseEvent },
  seed: async (db, clock) => {
    const placements = await seedDemoMonitor(db, clock);
    return placements ? { placements } : null;
  },
};
