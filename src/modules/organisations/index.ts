/** Organisations: regions and organisations (the tree; scopes are a platform service, src/platform/scope.ts). */
import { modulePlugin } from '../../platform/http/app.ts';
import type { ModuleDescriptor } from '../../platform/module.ts';
import { organisationRoutes } from './routes.ts';

export const organisationsModule: ModuleDescriptor = {
  name: 'organisations',
  routes: [{ plugin: modulePlugin(organisationRoutes), prefix: '/api/v1' }],
};
