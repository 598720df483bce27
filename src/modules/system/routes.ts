import crypto from 'node:crypto';
import { sql } from 'kysely';
import { Type } from 'typebox';
import type { App } from '../../platform/http/app.ts';
import { migrationsCurrent } from '../../platform/db/migrate.ts';
import { problem } from '../../platform/http/problem.ts';

/** Constant-time comparison that does not reveal the token's length either (both sides hashed first). */
export function tokenMatches(sent: string, expected: string): boolean {
  const a = crypto.createHash('sha256').update(sent).digest();
  const b = crypto.createHash('sha256').update(expected).digest();
  return crypto.timingSafeEqual(a, b) && sent.length > 0;
}

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

  // /metrics is not public: it answers only to `Authorization: Bearer <METRICS_TOKEN>`,
  // and without METRICS_TOKEN it does not exist (404), so nothing leaks by default.
  const metricsToken = app.deps.config.metricsToken;
  app.get('/metrics', {
    config: { action: 'system.public' },
    schema: { tags: ['system'], summary: 'Prometheus metrics (Authorization: Bearer METRICS_TOKEN)', hide: true },
  }, async (req, reply) => {
    if (!metricsToken) throw problem.notFound('De pagina', 'The page');
    const header = req.headers.authorization ?? '';
    const sent = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1] ?? '';
    if (!tokenMatches(sent, metricsToken)) {
      reply.header('www-authenticate', 'Bearer realm="metrics"');
      throw problem.unauthenticated('Stuur het metriektoken mee: Authorization: Bearer <token>.', 'Send the metrics token: Authorization: Bearer <token>.');
    }
    reply.type(app.metricsRegistry.contentType);
    return app.metricsRegistry.metrics();
  });
}
