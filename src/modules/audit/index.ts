/**
 * Audit: query API, hash-chain verification, and the sealer job that chains appended rows
 * (the writer and the sealer are platform services: src/platform/audit/writer.ts, sealer.ts).
 */
import { modulePlugin } from '../../platform/http/app.ts';
import type { ModuleDescriptor } from '../../platform/module.ts';
import { sealAudit, sealerSettingsFromEnv, type SealResult } from '../../platform/audit/sealer.ts';
import { auditRoutes } from './routes.ts';

export const auditModule: ModuleDescriptor = {
  name: 'audit',
  routes: [{ plugin: modulePlugin(auditRoutes), prefix: '/api/v1' }],
  jobs: ({ database }) => {
    // AUDIT_SEAL_INTERVAL_MS (250), AUDIT_SEAL_BATCH (5,000), AUDIT_SEAL_MAX_BATCHES (20): see ADR 0014.
    const s = sealerSettingsFromEnv();
    return [
      {
        name: 'audit-sealer',
        everyMs: s.intervalMs,
        run: () => sealAudit(database.db, { batchSize: s.batchSize, maxBatches: s.maxBatches }),
        noteworthy: (r) => (r as SealResult).sealed >= s.batchSize,
      },
    ];
  },
};
