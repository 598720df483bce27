/** Agreements: target groups, agreements and plan versions, corporation stock and targets, quotas, report layouts. */
import { modulePlugin } from '../../platform/http/app.ts';
import type { ModuleDescriptor } from '../../platform/module.ts';
import { agreementRoutes } from './routes.ts';

export const agreementsModule: ModuleDescriptor = {
  name: 'agreements',
  routes: [{ plugin: modulePlugin(agreementRoutes), prefix: '/api/v1' }],
};
