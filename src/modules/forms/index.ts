/** Forms F-1…F-4: drafts, versions, signatures, PDF, attachments. Listens to `caseEvent` (F-3 becomes final when Wonen confirms). */
import { modulePlugin } from '../../platform/http/app.ts';
import type { ModuleDescriptor } from '../../platform/module.ts';
import { FORM_GRANTS } from '../../domain/forms/grants.ts';
import { formsCaseEvent } from './hooks.ts';
import { formRoutes } from './routes.ts';

export const formsModule: ModuleDescriptor = {
  name: 'forms',
  // Its share of the one policy table (merged in src/domain/policy).
  policy: { grants: FORM_GRANTS },
  routes: [{ plugin: modulePlugin(formRoutes), prefix: '/api/v1' }],
  hooks: { caseEvent: formsCaseEvent },
};

// Public API for other modules.
export { renderDocumentPdf } from './pdf.ts';
export { pendingSignatures, type PendingSignature } from './pending.ts';
