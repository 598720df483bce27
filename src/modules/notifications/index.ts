/** Notifications: the outbox of e-mail and the daily digest (jobs `digest` and `outbox`). */
import type { ModuleDescriptor } from '../../platform/module.ts';
import { notificationJobs } from './jobs.ts';

export const notificationsModule: ModuleDescriptor = {
  name: 'notifications',
  jobs: notificationJobs,
};

export { enqueueEmail, type NewEmail } from './outbox.ts';
