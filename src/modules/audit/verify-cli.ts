/**
 * npm run audit:verify — checks the audit trail's seal chain; exits 1 when a row was changed or removed.
 * `npm run audit:verify -- --seal` chains the committed rows first (what the sealer job does, over the
 * whole log), so every row written so far is checked.
 */
import { loadConfig } from '../../platform/config/config.ts';
import { openDatabase } from '../../platform/db/database.ts';
import { sealAudit } from '../../platform/audit/sealer.ts';
import { verifyAuditChain } from './verify.ts';

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  if (process.argv.includes('--seal')) {
    const s = await sealAudit(database.db, { rescan: true });
    console.log(`Sealed ${s.sealed} row(s)${s.busy ? ' (another sealer was running)' : ''}.`);
  }
  const r = await verifyAuditChain(database.db);
  console.log(JSON.stringify(r, null, 2));
  if (!r.ok) {
    console.error(`Audit trail NOT intact: ${r.changed.length} changed row(s), ${r.broken.length} broken link(s).`);
    process.exitCode = 1;
  } else {
    console.log(`Audit trail intact: ${r.rows} rows, head ${r.headSeq} ${r.headHash}; ${r.unsealed.rows} row(s) not sealed yet.`);
  }
} finally {
  await database.close();
}
