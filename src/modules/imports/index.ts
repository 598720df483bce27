/** Imports: streaming CSV import of historical placements. */
import { modulePlugin } from '../../platform/http/app.ts';
import type { ModuleDescriptor } from '../../platform/module.ts';
import { importRoutes } from './routes.ts';

export const importsModule: ModuleDescriptor = {
  name: 'imports',
  routes: [{ plugin: modulePlugin(importRoutes), prefix: '/api/v1' }],
};
