/** System: liveness, readiness and metrics (/healthz, /readyz, /metrics). */
import { modulePlugin } from '../../platform/http/app.ts';
import type { ModuleDescriptor } from '../../platform/module.ts';
import { systemRoutes } from './routes.ts';

export const systemModule: ModuleDescriptor = {
  name: 'system',
  routes: [{ plugin: modulePlugin(systemRoutes) }],
};
