/**
 * A child process for test/integration/audit-sealer.test.ts (kill -9 during audited writes).
 * Opens the database (DATABASE_URL, or the PGlite directory DATA_DIR), migrates, and runs
 * WRITERS concurrent writers through the app's write path: a region and its audit row in one
 * transaction (writeAudit), every fifth transaction rolled back after its audit row was written.
 * After each commit it prints "ack <code>" on stdout. The sealer runs alongside every SEAL_MS,
 * as the job does. It writes until it is killed.
 */
import { openDatabase } from '../../src/platform/db/database.ts';
import { migrate } from '../../src/platform/db/migrate.ts';
import { writeAudit } from '../../src/platform/audit/writer.ts';
import { sealAudit } from '../../src/platform/audit/sealer.ts';
import { systemClock } from '../../src/platform/clock.ts';

const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL || null, dataDir: process.env.DATA_DIR ?? '', poolSize: 12 });
await migrate(database);
const writers = Number(process.env.WRITERS ?? 4);
const prefix = process.env.PREFIX ?? 'K';
let next = 0;

class Rollback extends Error {}

async function writer(): Promise<never> {
  for (;;) {
    const i = next++;
    const code = `${prefix}-${i}`;
    try {
      await database.db.transaction().execute(async (trx) => {
        const now = systemClock.now();
        const r = await trx.insertInto('regions').values({ code, name: `Kill ${i}`, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
        await writeAudit(trx, systemClock, null, { action: 'region.create', resourceType: 'region', resourceId: r.id, outcome: 'success', details: { code } }, { userId: null });
        if (i % 5 === 4) throw new Rollback();
      });
      process.stdout.write(`ack ${code}\n`);
    } catch (err) {
      if (!(err instanceof Rollback)) throw err;
    }
  }
}

const sealMs = Number(process.env.SEAL_MS ?? 100);
const sealer = async (): Promise<never> => {
  for (;;) {
    await sealAudit(database.db, { batchSize: 500 });
    await new Promise((r) => setTimeout(r, sealMs));
  }
};

process.stdout.write('ready\n');
await Promise.all([...Array.from({ length: writers }, () => writer()), sealer()]);
