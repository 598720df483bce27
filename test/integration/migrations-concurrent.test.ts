/**
 * Issue 7, hardening: migrations take the advisory lock before reading what is applied,
 * so several instances starting at once on a fresh database all succeed.
 */
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createPostgresDatabase } from '../support/harness.ts';
import { openDatabase, type DatabaseHandle } from '../../src/platform/db/database.ts';
import { migrate, migrationsCurrent, readMigrations } from '../../src/platform/db/migrate.ts';

const pgUrl = process.env.TEST_DATABASE_URL;

async function expectEachAppliedOnce(handles: DatabaseHandle[], results: string[][]) {
  const files = readMigrations().map((m) => m.name);
  // Every migration was applied by exactly one of the callers, the others found nothing to do.
  expect(results.flat().sort()).toEqual([...files].sort());
  const { rows } = await sql<{ version: string; n: number }>`SELECT version, count(*)::int AS n FROM schema_migrations GROUP BY version ORDER BY version`.execute(handles[0]!.db);
  expect(rows).toEqual(files.map((f) => ({ version: f.slice(0, 4), n: 1 })));
  for (const h of handles) expect(await migrationsCurrent(h.db)).toBe(true);
  // A later start applies nothing.
  expect(await migrate(handles[0]!)).toEqual([]);
}

describe('migrations under concurrency', () => {
  it.skipIf(!pgUrl)('hardening: three instances migrating a fresh PostgreSQL database at once all succeed, and every migration is applied once', async () => {
    const created = await createPostgresDatabase(pgUrl!);
    const handles: DatabaseHandle[] = [];
    try {
      for (let i = 0; i < 3; i++) handles.push(await openDatabase({ databaseUrl: created.url, dataDir: '', poolSize: 2 }));
      const results = await Promise.all(handles.map((h) => migrate(h)));
      await expectEachAppliedOnce(handles, results);
      // The session lock was released: nothing holds it any more.
      const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND objid = 7262001`.execute(handles[0]!.db);
      expect(rows[0]!.n).toBe(0);
    } finally {
      await Promise.all(handles.map((h) => h.close()));
      await created.drop();
    }
  });

  it('hardening: concurrent migrate() calls on one PGlite database apply every migration once', async () => {
    const h = await openDatabase({ databaseUrl: null, dataDir: 'memory://' });
    try {
      const results = await Promise.all([migrate(h), migrate(h), migrate(h)]);
      await expectEachAppliedOnce([h], results);
    } finally {
      await h.close();
    }
  });
});
