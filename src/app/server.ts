/** The composition root's server: the platform (database, migrations, HTTP pipeline) with the listed modules. */
import { loadConfig, type Config } from '../platform/config/config.ts';
import { openDatabase, type DatabaseHandle } from '../platform/db/database.ts';
import { migrate } from '../platform/db/migrate.ts';
import { buildApp, type App } from '../platform/http/app.ts';
import { systemClock, type Clock } from '../platform/clock.ts';
import type { ModuleDescriptor } from '../platform/module.ts';
import { MODULES } from './modules.ts';
import { DEMO_DOMAIN, seedDemo } from './seed/demo.ts';

export interface Server {
  app: App;
  database: DatabaseHandle;
  close(): Promise<void>;
}

/**
 * Opens the database, runs migrations, builds the app from the modules and seeds demo data
 * (never in production): the demo region, then, with DEMO_CASES, each module's demo seed in order.
 */
export async function createServer(
  config: Config = loadConfig(),
  clock: Clock = systemClock,
  database?: DatabaseHandle,
  modules: ReadonlyArray<ModuleDescriptor> = MODULES,
): Promise<Server> {
  const db = database ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  await migrate(db);
  const app = await buildApp({ config, database: db, clock }, modules);
  if (config.demoSeed) {
    const r = await seedDemo(db.db, clock);
    if (r.seeded) app.log.info(r, 'seeded the demo region');
    if (config.demoCases) {
      for (const m of modules) {
        const seeded = m.seed ? await m.seed(db.db, clock, { domain: DEMO_DOMAIN }) : null;
        if (seeded) app.log.info({ module: m.name, ...seeded }, 'seeded demo data');
      }
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
