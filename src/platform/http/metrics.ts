import http from 'node:http';
import type { AddressInfo } from 'node:net';
import client from 'prom-client';
import type { App } from './app.ts';

/**
 * Prometheus metrics: request counts and latency per route, plus Node's default metrics.
 *
 * Where they can be scraped (never publicly by default):
 * - on the public port, GET /metrics with `Authorization: Bearer <METRICS_TOKEN>` (the system
 *   module's route; without METRICS_TOKEN it answers 404);
 * - with METRICS_PORT, on a separate port bound to METRICS_HOST (default 127.0.0.1), without a
 *   token: only GET /metrics, everything else 404. It opens when the app is ready and closes with it.
 */
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

  let server: MetricsServer | null = null;
  app.decorate('metricsServer', () => server);
  const { metricsPort, metricsHost } = app.deps.config;
  if (metricsPort === null || metricsPort === undefined) return;
  app.addHook('onReady', async () => {
    server = await startMetricsServer(registry, { port: metricsPort, host: metricsHost });
    app.log.info({ metricsUrl: server.url }, 'metrics served on their own port');
  });
  app.addHook('onClose', async () => {
    await server?.close();
    server = null;
  });
}

export interface MetricsServer {
  /** e.g. http://127.0.0.1:9464/metrics */
  url: string;
  address: AddressInfo;
  close(): Promise<void>;
}

/** A plain HTTP server that answers GET /metrics from the registry and 404 to everything else. */
export async function startMetricsServer(registry: client.Registry, opts: { port: number; host: string }): Promise<MetricsServer> {
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if ((req.method === 'GET' || req.method === 'HEAD') && path === '/metrics') {
      registry.metrics().then(
        (text) => {
          res.writeHead(200, { 'content-type': registry.contentType, 'cache-control': 'no-store' });
          res.end(req.method === 'HEAD' ? undefined : text);
        },
        () => {
          res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
          res.end('metrics unavailable\n');
        },
      );
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('not found: only GET /metrics is served here\n');
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}/metrics`,
    address,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

declare module 'fastify' {
  interface FastifyInstance {
    metricsRegistry: client.Registry;
    /** The separate metrics server (METRICS_PORT) once the app is ready; null without one. */
    metricsServer: () => MetricsServer | null;
  }
}
