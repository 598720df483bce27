/**
 * Home: the start page's work queues per role (GET /api/v1/home), built on the shared deadline
 * table and the forms waiting for signatures, and the organisation a user starts in after login.
 * A later kind of case adds rows to the deadline table (with its scope) and its items appear here.
 */
import { modulePlugin } from '../../platform/http/app.ts';
import type { ModuleDescriptor } from '../../platform/module.ts';
import { HOME_GRANTS } from '../../domain/home/grants.ts';
import { homeRoutes } from './routes.ts';

export const homeModule: ModuleDescriptor = {
  name: 'home',
  // Its share of the one policy table (merged in src/domain/policy).
  policy: { grants: HOME_GRANTS },
  routes: [{ plugin: modulePlugin(homeRoutes), prefix: '/api/v1' }],
};

// Public API for other modules.
export { chooseStartMembership } from './start.ts';
export { queuesFor } from './service.ts';
