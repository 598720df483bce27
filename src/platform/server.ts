import { loadConfig, type Config } from './config/config.ts';
import { openDatabase, type DatabaseHandle } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { buildApp, type App } from './http/app.ts';
import { seedDemo } from './seed/demo.ts';
import { seedDemoCases } from './seed/demo-cases.ts';
import { seedDemoMonitor } from './seed/demo-monitor.ts';
import { systemClock, type Clock } from './clock.ts';

export interface Server {
  app: App;
  database: DatabaseHandle;
  close(): Promise<void>;
}

/** Opens the database, runs migrations, seeds demo data (never in production) and builds the app. */
export async function createServer(config: Config = loadConfig(), clock: Clock = systemClock, database?: DatabaseHandle): Promise<Server> {
  const db = database ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  await migrate(db);
  const app = await buildApp({ config, database: db, clock });
  if (config.demoSeed) {
    const r = await seedDemo(db.db, clock);
    if (r.seeded) app.log.info(r, 'seeded the demo region');
    if (config.demoCases) {
      const n = await seedDemoCases(db.db, clock);
      if (n) app.log.info({ cases: n }, 'seeded demo cases');
      const p = await seedDemoMonitor(db.db, clock);
      if (p) app.log.info({ placements: p }, 'seeded the demo monitor (agreement, plans, placements)');
    }
  }
  return {
    app,
    database: db,
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}
