/**
 * The API against the Dutch government's API Design Rules (Logius; the Spectral ruleset is
 * api-design-rules/spectral.yml, run by `npm run lint:api` in CI): the API-Version header on
 * every response, the OpenAPI document's servers, contact, licence, operationIds and
 * problem+json error responses, and /readyz's 503 as problem details.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../support/harness.ts';
import { fullPathOf, type OpenApiDocument } from '../support/openapi-arbitraries.ts';
import { readMigrations } from '../../src/platform/db/migrate.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});
afterAll(async () => ctx?.close());

type Json = Record<string, any>;
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

async function document(): Promise<Json> {
  const res = await ctx.agent().get('/api/v1/openapi.json');
  expect(res.statusCode).toBe(200);
  return res.json();
}

function operations(doc: Json): Array<{ path: string; method: string; op: Json }> {
  return Object.entries(doc.paths as Record<string, Json>).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((method) => ({ path, method, op: item[method] as Json })));
}

describe('ADR /core/version-header: API-Version on every API response', () => {
  it('ADR version-header: a 200, a 400, a 401, a 404, /healthz and /readyz all carry API-Version 1.0.0, the document\'s info.version', async () => {
    const doc = await document();
    const admin = await ctx.login('admin');
    const responses = {
      'GET /api/v1/auth/config (200)': await ctx.agent().get('/api/v1/auth/config'),
      'GET /api/v1/users (200, personal data)': await admin.get('/api/v1/users'),
      'POST /api/v1/auth/login without a body (400)': await ctx.agent().post('/api/v1/auth/login', {}),
      'GET /api/v1/users anonymous (401)': await ctx.agent().get('/api/v1/users'),
      'GET /api/v1/does-not-exist (404)': await ctx.agent().get('/api/v1/does-not-exist'),
      'GET /healthz': await ctx.agent().get('/healthz'),
      'GET /readyz': await ctx.agent().get('/readyz'),
    };
    expect(Object.values(responses).map((r) => r.statusCode)).toEqual([200, 200, 400, 401, 404, 200, 200]);
    for (const [name, res] of Object.entries(responses)) expect(res.headers['api-version'], name).toBe('1.0.0');
    expect(doc.info.version).toBe('1.0.0');
  });
});

describe('ADR: the OpenAPI document', () => {
  it('ADR uri-version and doc-openapi-contact: servers /api/v1 with the paths relative to it, contact with name, url and e-mail, licence EUPL-1.2', async () => {
    const doc = await document();
    expect(doc.servers).toEqual([expect.objectContaining({ url: '/api/v1' })]);
    expect(doc.servers[0].url).toMatch(/\/v\d+$/);
    expect(doc.paths['/auth/login']?.post).toBeTruthy();
    expect(Object.keys(doc.paths).some((p) => p.startsWith('/api/v1/'))).toBe(false);
    // The operations endpoints outside the versioned API keep their real path under their own server.
    expect(doc.paths['/healthz'].servers).toEqual([expect.objectContaining({ url: '/' })]);
    expect(fullPathOf(doc as OpenApiDocument, '/healthz')).toBe('/healthz');
    expect(fullPathOf(doc as OpenApiDocument, '/users/{id}')).toBe('/api/v1/users/{id}');
    expect(doc.info.contact).toEqual({ name: expect.any(String), url: expect.any(String), email: expect.stringMatching(/^[^@\s]+@[^@\s]+$/) });
    expect(doc.info.license).toMatchObject({ identifier: 'EUPL-1.2' });
    expect(doc.info.description).toBeTruthy();
  });

  it('ADR: every operation has a unique operationId (derived from method and path) and a description', async () => {
    const doc = await document();
    const ops = operations(doc);
    expect(ops.length).toBeGreaterThan(100);
    const ids = ops.map((o) => o.op.operationId);
    for (const { path, method, op } of ops) {
      expect(op.operationId, `${method} ${path}`).toMatch(/^[a-z][A-Za-z0-9]*$/);
      expect(op.description, `${method} ${path}`).toBeTruthy();
    }
    expect(new Set(ids).size).toBe(ids.length);
    // Derived from method and path, relative to the server.
    expect(doc.paths['/users/{id}'].get.operationId).toBe('getUsersById');
    expect(doc.paths['/users/{id}/deactivate'].post.operationId).toBe('postUsersByIdDeactivate');
    expect(doc.paths['/healthz'].get.operationId).toBe('getHealthz');
  });

  it('ADR problem-details: every response declares API-Version; every 4xx/5xx is application/problem+json with status, title and detail; input can answer 400', async () => {
    const doc = await document();
    const problem = doc.components.schemas.Problem;
    expect(problem.required).toEqual(expect.arrayContaining(['status', 'title', 'detail']));
    expect(doc.components.headers['API-Version'].schema.type).toBe('string');
    for (const { path, method, op } of operations(doc)) {
      for (const [code, response] of Object.entries(op.responses as Record<string, Json>)) {
        const where = `${method} ${path} ${code}`;
        expect(response.headers?.['API-Version'], where).toEqual({ $ref: '#/components/headers/API-Version' });
        if (/^[45]/.test(code)) {
          expect(Object.keys(response.content ?? {}), where).toEqual(['application/problem+json']);
          const schema = response.content['application/problem+json'].schema;
          const resolved = schema.$ref === '#/components/schemas/Problem' ? problem : schema;
          expect(Object.keys(resolved.properties ?? {}), where).toEqual(expect.arrayContaining(['status', 'title', 'detail']));
        }
      }
      const takesInput = (op.parameters?.length ?? 0) > 0 || op.requestBody || ['post', 'put', 'patch'].includes(method);
      if (takesInput) expect(op.responses['400'], `${method} ${path} 400`).toBeTruthy();
    }
    expect(doc.paths['/readyz'].get.responses['503'].content['application/problem+json']).toBeTruthy();
  });

  it('ADR path-segments-kebab-case: /forms/blank/:kind.pdf is documented as /forms/blank/{kind} with the values F-1.pdf …, which are real URLs', async () => {
    const doc = await document();
    const op = doc.paths['/forms/blank/{kind}'].get;
    const kind = op.parameters.find((p: Json) => p.in === 'path' && p.name === 'kind');
    expect(kind.schema.enum).toContain('F-1.pdf');
    const res = await ctx.agent().get(`${fullPathOf(doc as OpenApiDocument, '/forms/blank/{kind}').replace('{kind}', kind.schema.enum[0])}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
  });
});

describe('ADR problem-details: /readyz', () => {
  it('ADR problem-details: /readyz answers 503 application/problem+json with Dutch and English messages while a migration is missing, 200 {status: ready} again after', async () => {
    const ok = await ctx.agent().get('/readyz');
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'ready' });
    const first = readMigrations()[0]!;
    await ctx.db.deleteFrom('schema_migrations').where('version', '=', first.version).execute();
    try {
      const en = await ctx.agent().get('/readyz', { 'accept-language': 'en' });
      expect(en.statusCode).toBe(503);
      expect(en.headers['content-type']).toContain('application/problem+json');
      expect(en.headers['api-version']).toBe('1.0.0');
      expect(en.json()).toMatchObject({
        type: '/problems/not_ready',
        status: 503,
        code: 'not_ready',
        title: 'Not ready',
        detail: 'Not ready yet: the database is waiting for migrations.',
        reason: 'migrations pending',
        messages: { nl: { title: 'Niet gereed', detail: 'Nog niet gereed: de database wacht op migraties.' }, en: { title: 'Not ready' } },
      });
      const nl = await ctx.agent().get('/readyz');
      expect(nl.json()).toMatchObject({ title: 'Niet gereed', detail: 'Nog niet gereed: de database wacht op migraties.' });
    } finally {
      await ctx.db.insertInto('schema_migrations').values({ version: first.version, name: first.name, checksum: first.checksum, applied_at: new Date(0) }).execute();
    }
    expect((await ctx.agent().get('/readyz')).statusCode).toBe(200);
  });
});
