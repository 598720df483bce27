/** Route information: the editable route pages and the contacts of a case. */
import { modulePlugin } from '../../platform/http/app.ts';
import type { ModuleDescriptor } from '../../platform/module.ts';
import { caseContactRoutes } from './case-contacts.ts';
import { routeInfoRoutes } from './routes.ts';

export const routeInfoModule: ModuleDescriptor = {
  name: 'route-info',
  routes: [
    { plugin: modulePlugin(routeInfoRoutes), prefix: '/api/v1' },
    { plugin: modulePlugin(caseContactRoutes), prefix: '/api/v1' },
  ],
};
