/** Users and memberships; hand-over of open work on deactivation (offers the `handover` hook point). */
import { modulePlugin } from '../../platform/http/app.ts';
import type { ModuleDescriptor } from '../../platform/module.ts';
import { acceptHandoverListeners } from './handover.ts';
import { userRoutes } from './routes.ts';

export const usersModule: ModuleDescriptor = {
  name: 'users',
  routes: [{ plugin: modulePlugin(userRoutes), prefix: '/api/v1' }],
  offers: { handover: acceptHandoverListeners },
};

export type { HandoverHook } from './handover.ts';
