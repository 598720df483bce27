import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../support/harness.ts';
import { fullPathOf } from '../support/openapi-arbitraries.ts';

const METRICS_TOKEN = 'system-test-metrics-token-0123';
let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp({}, { METRICS_TOKEN });
});
afterAll(async () => ctx?.close());

describe('operations endpoints', () => {
  it('GET /healthz answers 200 {"status":"ok"}', async () => {
    const res = await ctx.agent().get('/healthz');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('GET /readyz is 200 when the database answers and migrations are current, 503 when a migration is missing', async () => {
    const ok = await ctx.agent().get('/readyz');
    expect(ok.statusCode).toBe(200);
    expect(ok.json().status).toBe('ready');
    await ctx.db.deleteFrom('schema_migrations').where('version', '=', '0001').execute();
    const notReady = await ctx.agent().get('/readyz');
    expect(notReady.statusCode).toBe(503);
    expect(notReady.headers['content-type']).toContain('application/problem+json');
    expect(notReady.json()).toMatchObject({ status: 503, code: 'not_ready', reason: 'migrations pending', messages: { nl: { title: 'Niet gereed' }, en: { title: 'Not ready' } } });
    const files = (await import('../../src/platform/db/migrate.ts')).readMigrations();
    const m = files[0]!;
    await ctx.db.insertInto('schema_migrations').values({ version: m.version, name: m.name, checksum: m.checksum, applied_at: new Date(0) }).execute();
    expect((await ctx.agent().get('/readyz')).statusCode).toBe(200);
  });

  it('GET /metrics (with the metrics token) is Prometheus text with request latency per route', async () => {
    await ctx.agent().get('/healthz');
    const res = await ctx.agent().get('/metrics', { authorization: `Bearer ${METRICS_TOKEN}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toContain('thuisroute_http_request_duration_seconds_bucket');
    expect(res.body).toMatch(/route="\/healthz"/);
    expect(res.body).toContain('thuisroute_process_cpu_user_seconds_total');
  });

  it('echoes a valid X-Request-Id and makes one when missing or invalid', async () => {
    const a = await ctx.agent().get('/api/v1/nope', { 'x-request-id': 'abc-123' });
    expect(a.json().requestId).toBe('abc-123');
    const b = await ctx.agent().get('/api/v1/nope', { 'x-request-id': 'bad id with spaces' });
    expect(b.json().requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('an unknown API route is a 404 problem+json, not an HTML page', async () => {
    const res = await ctx.agent().get('/api/v1/does-not-exist');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 404, code: 'not_found', title: 'Niet gevonden' });
  });
});

describe('OpenAPI 3.1 document', () => {
  it('is generated from the route schemas, documents every API route with its policy action and problem responses', async () => {
    const res = await ctx.agent().get('/api/v1/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    const documented = new Set<string>();
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, { 'x-action'?: string; responses?: Record<string, unknown> }>>)) {
      for (const [method, op] of Object.entries(ops)) {
        if (method === 'servers') continue;
        documented.add(`${method.toUpperCase()} ${fullPathOf(doc, path).replace(/\{(\w+)\}/g, ':$1')}`);
        expect(op['x-action'], `${method} ${path}`).toBeTruthy();
      }
    }
    const routes = ctx.server.app.routeTable.filter((r) => r.url.startsWith('/api/v1') && r.method !== 'HEAD' && r.url !== '/api/v1/openapi.json');
    // A segment like :kind.pdf is documented as one parameter {kind} whose values carry the extension.
    for (const r of routes) expect(documented, `${r.method} ${r.url}`).toContain(`${r.method} ${r.url.replace(/(:\w+)\.\w+/g, '$1')}`);
    const login = doc.paths['/auth/login'].post;
    expect(login.requestBody.content['application/json'].schema.required).toEqual(['email', 'password']);
    expect(login.responses['4XX'] ?? login.responses['4xx']).toBeTruthy();
  });

  it('is rendered at /api/docs', async () => {
    const res = await ctx.agent().get('/api/docs/');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('swagger');
  });
});
