import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db, DatabaseHandle } from './database.ts';

/** Versioned SQL migrations: /migrations/NNNN_name.sql, applied in order, each in its own transaction. */
export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../migrations');

export interface MigrationFile { version: string; name: string; sql: string; checksum: string }

export function readMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      return {
        version: f.slice(0, 4),
        name: f.replace(/\.sql$/, ''),
        sql: text,
        checksum: crypto.createHash('sha256').update(text).digest('hex'),
      };
    });
}

/** The advisory lock key that serialises migration runs (several app instances starting at once). */
export const MIGRATION_LOCK_KEY = 7262001;

/**
 * Applies the pending migrations. The whole check-and-apply runs on one connection that
 * holds a session-level advisory lock first: a second instance waits, then reads
 * schema_migrations only after the first has finished, and finds nothing left to do.
 * Each file is applied in its own transaction together with its schema_migrations row.
 */
export async function migrate(handle: DatabaseHandle, log: (msg: string) => void = () => {}): Promise<string[]> {
  return handle.withAdvisoryLock(MIGRATION_LOCK_KEY, async (conn) => {
    await conn.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version text PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const rows = await conn.query<{ version: string; checksum: string }>('SELECT version, checksum FROM schema_migrations');
    const applied = new Map(rows.map((m) => [m.version, m]));
    const done: string[] = [];
    for (const m of readMigrations()) {
      const prior = applied.get(m.version);
      if (prior) {
        if (prior.checksum !== m.checksum) {
          throw new Error(`Migration ${m.name} was changed after it was applied; add a new migration instead.`);
        }
        continue;
      }
      await conn.execScript(
        `${m.sql}\n;INSERT INTO schema_migrations (version, name, checksum) VALUES ('${m.version}', '${m.name}', '${m.checksum}');`,
      );
      log(`applied migration ${m.name}`);
      done.push(m.name);
    }
    return done;
  });
}

/** True when every migration file has been applied (for /readyz). */
export async function migrationsCurrent(db: Db): Promise<boolean> {
  const files = readMigrations();
  const rows = await db.selectFrom('schema_migrations').select('version').execute();
  const have = new Set(rows.map((r) => r.version));
  return files.every((f) => have.has(f.version));
}
