/**
 * Privacy: consent records and withdrawal, subject-access export (JSON, PDF), deletion requests
 * with a waiting period and erasure (hourly job). Offers the `erasure` hook point.
 */
import { modulePlugin } from '../../platform/http/app.ts';
import type { ModuleDescriptor } from '../../platform/module.ts';
import { PRIVACY_GRANTS } from '../../domain/privacy/grants.ts';
import { consentRoutes } from './consent-routes.ts';
import { acceptErasureListeners, deletionRoutes, executeDueDeletions } from './deletion.ts';
import { acceptSubjectAccessListeners, subjectAccessRoutes } from './subject-access.ts';

export const privacyModule: ModuleDescriptor = {
  name: 'privacy',
  // Its share of the one policy table (merged in src/domain/policy).
  policy: { grants: PRIVACY_GRANTS },
  routes: [
    { plugin: modulePlugin(consentRoutes), prefix: '/api/v1' },
    { plugin: modulePlugin(subjectAccessRoutes), prefix: '/api/v1' },
    { plugin: modulePlugin(deletionRoutes), prefix: '/api/v1' },
  ],
  jobs: ({ database, clock, log }) => [
    {
      name: 'deletions',
      everyMs: 3600_000,
      run: () => executeDueDeletions(database.db, clock, { log }),
      noteworthy: (r) => (r as { due: number }).due > 0,
    },
  ],
  offers: { erasure: acceptErasureListeners, subjectAccess: acceptSubjectAccessListeners },
};

export type { ErasureContext, ErasureHook } from './deletion.ts';
export type { SubjectAccessHook, SubjectAccessSection } from './subject-access.ts';
