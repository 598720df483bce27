import type { FastifyInstance } from 'fastify';

/** Static reference documents that shared caches may keep (no personal data in them). */
const CACHEABLE_PREFIXES = ['/api/v1/openapi.json', '/api/docs'];

/**
 * `Cache-Control: no-store` on every API response that may carry personal data, so that
 * no browser cache, proxy or back button keeps it:
 * - routes that declare `config.personalData`, everything under /api/v1/auth (the session,
 *   CSRF token and user) and every error answer of the API: always no-store, whatever the
 *   handler set;
 * - other /api responses and /metrics: no-store unless the handler chose its own policy
 *   (e.g. `private, no-cache` with an ETag for aggregate monitor data).
 * The API documentation and the web app's static files are left alone.
 */
export function registerNoStore(app: FastifyInstance) {
  app.addHook('onSend', async (req, reply, payload) => {
    const path = req.url.split('?')[0] ?? '';
    const isApi = path.startsWith('/api/') || path === '/metrics';
    if (!isApi || CACHEABLE_PREFIXES.some((p) => path.startsWith(p))) return payload;
    const personal = req.routeOptions.config?.personalData === true || path.startsWith('/api/v1/auth/') || reply.statusCode >= 400;
    if (personal || !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });
}
