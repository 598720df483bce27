import client from 'prom-client';
import type { App } from './app.ts';

/** Prometheus metrics: request counts and latency per route, plus Node's default metrics. */
export function registerMetrics(app: App) {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'thuisroute_' });
  const duration = new client.Histogram({
    name: 'thuisroute_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  app.decorate('metricsRegistry', registry);
  app.addHook('onResponse', async (req, reply) => {
    duration.observe(
      { method: req.method, route: req.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
}

declare module 'fastify' {
  interface FastifyInstance {
    metricsRegistry: client.Registry;
  }
}
