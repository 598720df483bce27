import { sql } from 'kysely';
import { Type } from 'typebox';
import type { App } from '../../platform/http/app.ts';
import { migrationsCurrent } from '../../platform/db/migrate.ts';

export async function systemRoutes(app: App) {
  const db = app.deps.database.db;

  app.get('/healthz', {
    config: { action: 'system.public' },
    schema: { tags: ['system'], summary: 'Liveness', response: { 200: Type.Object({ status: Type.Literal('ok') }) } },
  }, async () => ({ status: 'ok' as const }));

  app.get('/readyz', {
    config: { action: 'system.public' },
    schema: {
      tags: ['system'],
      summary: 'Readiness: the database answers and migrations are current',
      response: {
        200: Type.Object({ status: Type.Literal('ready'), database: Type.String() }),
        503: Type.Object({ status: Type.Literal('not_ready'), reason: Type.String() }),
      },
    },
  }, async (_req, reply) => {
    try {
      await sql`SELECT 1`.execute(db);
      if (!(await migrationsCurrent(db))) return reply.status(503).send({ status: 'not_ready' as const, reason: 'migrations pending' });
      return { status: 'ready' as const, database: app.deps.database.kind };
    } catch {
      return reply.status(503).send({ status: 'not_ready' as const, reason: 'database unavailable' });
    }
  });

  app.get('/metrics', {
    config: { action: 'system.public' },
    schema: { tags: ['system'], summary: 'Prometheus metrics', hide: true },
  }, async (_req, reply) => {
    reply.type(app.metricsRegistry.contentType);
    return app.metricsRegistry.metrics();
  });
}
