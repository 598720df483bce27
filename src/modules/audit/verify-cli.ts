/** npm run audit:verify — checks the audit trail's hash chain; exits 1 when a row was changed or removed. */
import { loadConfig } from '../../platform/config/config.ts';
import { openDatabase } from '../../platform/db/database.ts';
import { verifyAuditChain } from './verify.ts';

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  const r = await verifyAuditChain(database.db);
  console.log(JSON.stringify(r, null, 2));
  if (!r.ok) {
    console.error(`Audit trail NOT intact: ${r.changed.length} changed row(s), ${r.broken.length} broken link(s).`);
    process.exitCode = 1;
  } else {
    console.log(`Audit trail intact: ${r.rows} rows, head ${r.headSeq} ${r.headHash}`);
  }
} finally {
  await database.close();
}
