/**
 * The composition root's module list. The order is the order of route registration, of
 * hook listeners (e.g. forms before monitor on every case event), of jobs and of demo seeds.
 * A new module is added here, and nowhere else (docs/modules.md).
 */
import type { ModuleDescriptor } from '../platform/module.ts';
import { systemModule } from '../modules/system/index.ts';
import { authModule } from '../modules/auth/index.ts';
import { organisationsModule } from '../modules/organisations/index.ts';
import { usersModule } from '../modules/users/index.ts';
import { auditModule } from '../modules/audit/index.ts';
import { calendarModule } from '../modules/calendar/index.ts';
import { trajectoriesModule } from '../modules/trajectories/index.ts';
import { formsModule } from '../modules/forms/index.ts';
import { privacyModule } from '../modules/privacy/index.ts';
import { routeInfoModule } from '../modules/route-info/index.ts';
import { importsModule } from '../modules/imports/index.ts';
import { agreementsModule } from '../modules/agreements/index.ts';
import { monitorModule } from '../modules/monitor/index.ts';
import { notificationsModule } from '../modules/notifications/index.ts';
import { homeModule } from '../modules/home/index.ts';
import { matchingModule } from '../modules/matching/index.ts';
import { nuisanceModule } from '../modules/nuisance/index.ts';

export const MODULES: ReadonlyArray<ModuleDescriptor> = [
  systemModule,
  authModule,
  organisationsModule,
  usersModule,
  auditModule,
  calendarModule,
  trajectoriesModule,
  formsModule,
  privacyModule,
  routeInfoModule,
  importsModule,
  agreementsModule,
  monitorModule,
  notificationsModule,
  homeModule,
  matchingModule,
  nuisanceModule,
];
