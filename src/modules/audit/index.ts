/** Audit: query API and hash-chain verification (the writer is a platform service: src/platform/audit/writer.ts). */
import { modulePlugin } from '../../platform/http/app.ts';
import type { ModuleDescriptor } from '../../platform/module.ts';
import { auditRoutes } from './routes.ts';

export const auditModule: ModuleDescriptor = {
  name: 'audit',
  routes: [{ plugin: modulePlugin(auditRoutes), prefix: '/api/v1' }],
};
