/** Calendar: the working-day calendar API; `loadCalendar` is the one calendar every deadline uses. */
import { modulePlugin } from '../../platform/http/app.ts';
import type { ModuleDescriptor } from '../../platform/module.ts';
import { calendarRoutes } from './routes.ts';

export const calendarModule: ModuleDescriptor = {
  name: 'calendar',
  routes: [{ plugin: modulePlugin(calendarRoutes), prefix: '/api/v1/calendar' }],
};

export { loadCalendar } from './repository.ts';
