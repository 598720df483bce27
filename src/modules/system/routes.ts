import crypto from 'node:crypto';
import { sql } from 'kysely';
import { Type } from 'typebox';
import type { App } from '../../platform/http/app.ts';
import { migrationsCurrent } from '../../platform/db/migrate.ts';
import { Problem, problem, sendProblem } from '../../platform/http/problem.ts';
import { ProblemSchema } from '../../platform/http/schemas.ts';

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
        // Not ready: RFC 9457 problem details (code not_ready, reason), like every other error.
        503: ProblemSchema,
      },
    },
  }, async (req, reply) => {
    let reason: 'migrations pending' | 'database unavailable';
    try {
      await sql`SELECT 1`.execute(db);
      if (await migrationsCurrent(db)) return { status: 'ready' as const, database: app.deps.database.kind };
      reason = 'migrations pending';
    } catch {
      reason = 'database unavailable';
    }
    const [detailNl, detailEn] = reason === 'migrations pending'
      ? ['Nog niet gereed: de database wacht op migraties.', 'Not ready yet: the database is waiting for migrations.']
      : ['Nog niet gereed: de database antwoordt niet.', 'Not ready yet: the database does not answer.'];
    return sendProblem(req, reply, new Problem({ status: 503, code: 'not_ready', titleNl: 'Niet gereed', titleEn: 'Not ready', detailNl, detailEn, extra: { reason } }));
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
