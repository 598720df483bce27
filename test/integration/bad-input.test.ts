/**
 * Explicit bad-input cases: each gets its exact 4xx, an RFC 9457 problem (with errors[].field
 * for validation) and writes nothing. Also the regressions for the 5xx the fuzzer found.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import { type Agent, type TestContext, orgId, startTestApp } from '../support/harness.ts';

interface Counts { organisations: number; users: number; memberships: number; regions: number; calendarDays: number; audit: number; auditDenied: number }

async function counts(ctx: TestContext): Promise<Counts> {
  const { rows } = await sql<Counts>`
    SELECT (SELECT count(*) FROM organisations)::int AS "organisations",
           (SELECT count(*) FROM users)::int AS "users",
           (SELECT count(*) FROM memberships)::int AS "memberships",
           (SELECT count(*) FROM regions)::int AS "regions",
           (SELECT count(*) FROM calendar_days)::int AS "calendarDays",
           (SELECT count(*) FROM audit_log)::int AS "audit",
           (SELECT count(*) FROM audit_log WHERE outcome = 'denied')::int AS "auditDenied"`.execute(ctx.db);
  return rows[0]!;
}

interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  errors?: Array<{ field: string; in: string; code: string; message: string; messageEn: string }>;
  [k: string]: unknown;
}

/** Asserts an RFC 9457 problem with the exact status and code; returns its body. */
function expectProblem(res: LightMyRequestResponse, status: number, code: string): ProblemBody {
  expect(res.statusCode, res.body).toBe(status);
  expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
  const p = JSON.parse(res.body) as ProblemBody;
  expect(p).toMatchObject({ status, code, type: `/problems/${code}` });
  expect(typeof p.title).toBe('string');
  expect(p.title.length).toBeGreaterThan(0);
  expect(typeof p.detail).toBe('string');
  expect(p.detail.length).toBeGreaterThan(0);
  expect(res.body).not.toMatch(/\bat .+:\d+:\d+|node_modules|Error: /);
  return p;
}

/** A 400 validation problem naming the given fields. */
function expectValidation(res: LightMyRequestResponse, fields: string[], where = 'body'): ProblemBody {
  const p = expectProblem(res, 400, 'validation');
  expect(Array.isArray(p.errors)).toBe(true);
  const named = p.errors!.map((e) => e.field);
  for (const f of fields) expect(named, JSON.stringify(p.errors)).toContain(f);
  for (const e of p.errors!) {
    expect(e.in).toBe(where);
    expect(typeof e.code).toBe('string');
    expect(e.message.length).toBeGreaterThan(0);
  }
  return p;
}

const validOrganisation = (code: string, extra: Record<string, unknown> = {}) => ({ code, name: `Organisatie ${code}`, type: 'care_provider', ...extra });

describe('bad input is refused with the exact 4xx and writes nothing', () => {
  let ctx: TestContext;
  let admin: Agent;

  beforeAll(async () => {
    ctx = await startTestApp();
    admin = await ctx.login('admin');
  });
  afterAll(async () => {
    await ctx?.close();
  });

  /** Runs the request and asserts no domain row and no audit row was written. */
  async function writesNothing(run: () => Promise<LightMyRequestResponse>, opts: { deniedAudit?: number } = {}): Promise<LightMyRequestResponse> {
    const before = await counts(ctx);
    const res = await run();
    const after = await counts(ctx);
    const denied = opts.deniedAudit ?? 0;
    expect({ ...after, audit: after.audit - denied, auditDenied: after.auditDenied - denied }).toEqual(before);
    return res;
  }

  describe('body parsing', () => {
    it('malformed JSON → 400 malformed_json', async () => {
      const res = await writesNothing(() => admin.post('/api/v1/organisations', '{"code":"MALFORMED","name":'));
      expectProblem(res, 400, 'malformed_json');
    });

    it('empty JSON body → 400 malformed_json', async () => {
      const res = await writesNothing(() => admin.request('POST', '/api/v1/regions', '', { 'content-type': 'application/json' }));
      expectProblem(res, 400, 'malformed_json');
    });

    it('wrong types → 400 validation naming each field', async () => {
      const res = await writesNothing(() => admin.post('/api/v1/organisations', { code: 'WRONG-TYPES', name: { first: 'x' }, type: ['care_provider', 'district'] }));
      const p = expectValidation(res, ['/name', '/type']);
      expect(p.errors!.find((e) => e.field === '/name')!.code).toBe('type');
    });

    it('wrong type in the querystring → 400 validation in querystring', async () => {
      const res = await writesNothing(() => admin.get('/api/v1/organisations?limit=abc&includeInactive=maybe'));
      expectValidation(res, ['/limit', '/includeInactive'], 'querystring');
    });

    it('unknown field → 400 validation naming the field', async () => {
      const res = await writesNothing(() => admin.post('/api/v1/organisations', validOrganisation('UNKNOWN-FIELD', { isAdmin: true })));
      const p = expectValidation(res, ['/isAdmin']);
      expect(p.errors!.find((e) => e.field === '/isAdmin')!.code).toBe('additionalProperties');
    });

    it('missing required field → 400 validation naming the field', async () => {
      const res = await writesNothing(() => admin.post('/api/v1/users', { email: 'nieuw@example.org', membership: { organisationId: '6fa459ea-ee8a-4ca4-894e-db77e160355e', role: 'care_worker' } }));
      const p = expectValidation(res, ['/name']);
      expect(p.errors!.find((e) => e.field === '/name')!.code).toBe('required');
    });

    it('nested field errors use a JSON pointer (/membership/role)', async () => {
      const org = await orgId(ctx, 'ZA-HORIZON');
      const res = await writesNothing(() => admin.post('/api/v1/users', { email: 'genest@example.org', name: 'Genest', membership: { organisationId: org, role: 'koning' } }));
      expectValidation(res, ['/membership/role']);
    });

    it(`body over the limit (config.bodyLimitBytes = 1 MiB) → 413 body_too_large`, async () => {
      expect(ctx.config.bodyLimitBytes).toBe(1024 * 1024);
      const body = JSON.stringify(validOrganisation('TOO-LARGE', { contactRoleLabel: 'x'.repeat(ctx.config.bodyLimitBytes) }));
      const res = await writesNothing(() => admin.post('/api/v1/organisations', body));
      expectProblem(res, 413, 'body_too_large');
    });

    it('a body just under the limit is parsed (and refused by validation, not by size)', async () => {
      const body = JSON.stringify(validOrganisation('NEAR-LIMIT', { contactRoleLabel: 'x'.repeat(ctx.config.bodyLimitBytes - 200) }));
      expect(Buffer.byteLength(body)).toBeLessThan(ctx.config.bodyLimitBytes);
      const res = await writesNothing(() => admin.post('/api/v1/organisations', body));
      expectValidation(res, ['/contactRoleLabel']);
    });

    it('unsupported content type → 415 unsupported_media_type', async () => {
      const res = await writesNothing(() => admin.request('POST', '/api/v1/regions', '<region code="XML"/>', { 'content-type': 'application/xml' }));
      expectProblem(res, 415, 'unsupported_media_type');
    });

    it('prototype pollution in JSON (__proto__, constructor.prototype) → 400 malformed_json, nothing polluted', async () => {
      for (const body of ['{"code":"PROTO","name":"x","__proto__":{"polluted":true}}', '{"code":"PROTO","name":"x","constructor":{"prototype":{"polluted":true}}}']) {
        const res = await writesNothing(() => admin.post('/api/v1/regions', body));
        expectProblem(res, 400, 'malformed_json');
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it('a JSON body is not coerced: a number where a string belongs is a wrong type, not the string "-1"', async () => {
      const res = await writesNothing(() => admin.post('/api/v1/regions', { code: 'R-COERCE', name: -1 }));
      expectValidation(res, ['/name']);
      expect(res.json().errors[0].code).toBe('type');
    });

    it('a JSON body sent as text/plain is not parsed as JSON → 400 validation (body must be an object)', async () => {
      const res = await writesNothing(() => admin.request('POST', '/api/v1/regions', '{"code":"TEXT-PLAIN","name":"x"}', { 'content-type': 'text/plain' }));
      const p = expectValidation(res, ['/']);
      expect(p.errors![0]!.code).toBe('type');
    });
  });

  describe('dates', () => {
    it('invalid date 2025-02-30 on /api/v1/calendar/due → 400 validation on start', async () => {
      const res = await admin.get('/api/v1/calendar/due?start=2025-02-30&amount=3&unit=working_days');
      const p = expectValidation(res, ['/start'], 'querystring');
      expect(p.errors!.find((e) => e.field === '/start')!.code).toBe('format');
    });

    it('2024-02-29 (leap day) is a valid start', async () => {
      const res = await admin.get('/api/v1/calendar/due?start=2024-02-29&amount=1&unit=days');
      expect(res.statusCode).toBe(200);
    });

    it('regression: year 0000 as a closing day → 400, not 500', async () => {
      const res = await writesNothing(() => admin.post('/api/v1/calendar/days', { date: '0000-01-01', name: 'Jaar nul' }));
      expectValidation(res, ['/date']);
    });

    it('regression: leap second and year 0000 in an audit date-time filter → 400, not 500', async () => {
      for (const from of ['2016-12-31T23:59:60Z', '0000-01-01T00:00:00Z', '9999-12-31T23:59:59-05:00']) {
        const res = await admin.get(`/api/v1/audit?from=${encodeURIComponent(from)}`);
        expectValidation(res, ['/from'], 'querystring');
      }
    });

    it('RFC 3339 spellings JavaScript can read stay accepted (lowercase t/z, offset)', async () => {
      for (const from of ['2016-12-31t23:59:59z', '2016-12-31T23:59:59+01:00']) {
        expect((await admin.get(`/api/v1/audit?from=${encodeURIComponent(from)}&limit=1`)).statusCode).toBe(200);
      }
    });
  });

  describe('injection strings are stored verbatim and are harmless', () => {
    it(`organisation name "Robert'); DROP TABLE organisations;--" is stored as text and the table still exists`, async () => {
      const name = "Robert'); DROP TABLE organisations;--";
      const before = await counts(ctx);
      const res = await admin.post('/api/v1/organisations', validOrganisation('BOBBY-TABLES', { name }));
      expect(res.statusCode, res.body).toBe(201);
      const created = res.json<{ id: string; name: string }>();
      expect(created.name).toBe(name);
      const after = await counts(ctx);
      expect(after.organisations).toBe(before.organisations + 1);
      const read = await admin.get(`/api/v1/organisations/${created.id}`);
      expect(read.json<{ name: string }>().name).toBe(name);
      const row = await ctx.db.selectFrom('organisations').select('name').where('id', '=', created.id).executeTakeFirstOrThrow();
      expect(row.name).toBe(name);
      const search = await admin.get(`/api/v1/organisations?q=${encodeURIComponent("'); DROP TABLE")}`);
      expect(search.statusCode).toBe(200);
      expect(search.json<{ items: Array<{ id: string }> }>().items.map((o) => o.id)).toContain(created.id);
    });

    it('<script> and unicode in names come back as JSON strings, unchanged', async () => {
      const name = '<script>alert("x")</script> Zoë 🏠 日本語';
      const res = await admin.post('/api/v1/regions', { code: 'XSS-REGION', name });
      expect(res.statusCode, res.body).toBe(201);
      expect(String(res.headers['content-type'])).toMatch(/^application\/json/);
      expect(res.json<{ name: string }>().name).toBe(name);
    });

    it(`search for "'; DROP TABLE users;--", "%" and "_" matches literally; the users table is intact`, async () => {
      const before = await counts(ctx);
      for (const q of ["'; DROP TABLE users;--", '%', '_', '\\']) {
        const res = await admin.get(`/api/v1/users?q=${encodeURIComponent(q)}`);
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json<{ total: number }>().total).toBe(0);
      }
      expect((await counts(ctx)).users).toBe(before.users);
    });
  });

  describe('regressions for 5xx found by the fuzzer', () => {
    it('uuid with a urn:uuid: prefix in a path → 400 validation, not 500', async () => {
      const res = await admin.get('/api/v1/users/urn:uuid:6fa459ea-ee8a-3ca4-894e-db77e160355e');
      expectValidation(res, ['/id'], 'params');
    });

    it('uuid with a urn:uuid: prefix in a body → 400 validation, not 500', async () => {
      const res = await writesNothing(() => admin.post('/api/v1/users', { email: 'urn@example.org', name: 'Urn', membership: { organisationId: 'urn:uuid:6fa459ea-ee8a-3ca4-894e-db77e160355e', role: 'care_worker' } }));
      expectValidation(res, ['/membership/organisationId']);
    });

    it('NUL byte in a body string → 400 validation (unstorable), not 500', async () => {
      const res = await writesNothing(() => admin.post('/api/v1/regions', { code: 'NUL-REGION', name: 'a\u0000b' }));
      const p = expectValidation(res, ['/name']);
      expect(p.errors![0]!.code).toBe('unstorable');
    });

    it('NUL byte in a search string → 400 validation, not 500', async () => {
      const res = await admin.get('/api/v1/organisations?q=a%00b');
      expectValidation(res, ['/q'], 'querystring');
    });

    it('blank name ("   ", trimmed to empty) → 400 validation, not 500', async () => {
      const res = await writesNothing(() => admin.post('/api/v1/regions', { code: 'BLANK-REGION', name: '   ' }));
      expectValidation(res, ['/name']);
      const org = await writesNothing(() => admin.post('/api/v1/organisations', validOrganisation('BLANK-ORG', { name: '\u00a0\t' })));
      expectValidation(org, ['/name']);
    });

    it('limit=1e400 (coerced to Infinity) → 400 validation, not 500', async () => {
      const res = await admin.get('/api/v1/organisations?limit=1e400');
      expectValidation(res, ['/limit'], 'querystring');
    });

    it('malformed percent-encoding in the path → 400 problem+json (was plain JSON)', async () => {
      const res = await admin.get('/api/v1/users/%E0%A4%A');
      expectProblem(res, 400, 'bad_request');
    });

    it('over-long path parameter → 414 problem+json (was plain JSON)', async () => {
      const res = await admin.get(`/api/v1/organisations/${'x'.repeat(201)}`);
      expectProblem(res, 414, 'client_error');
    });
  });

  describe('optimistic concurrency', () => {
    it('missing If-Match → 428 precondition_required, nothing changed', async () => {
      const id = await orgId(ctx, 'ZA-BAKEN');
      const res = await writesNothing(() => admin.patch(`/api/v1/organisations/${id}`, { name: 'Het Baken (zonder If-Match)' }));
      expectProblem(res, 428, 'precondition_required');
      const row = await ctx.db.selectFrom('organisations').select(['name', 'version']).where('id', '=', id).executeTakeFirstOrThrow();
      expect(row).toEqual({ name: 'Het Baken', version: 1 });
    });

    it('garbage If-Match → 400 invalid_if_match', async () => {
      const id = await orgId(ctx, 'ZA-BAKEN');
      const res = await writesNothing(() => admin.patch(`/api/v1/organisations/${id}`, { name: 'x' }, { 'if-match': 'not-an-etag' }));
      expectProblem(res, 400, 'invalid_if_match');
    });

    it('stale If-Match → 412 precondition_failed with currentVersion, the second change is not saved', async () => {
      const id = await orgId(ctx, 'ZA-KOMPAS');
      const read = await admin.get(`/api/v1/organisations/${id}`);
      const etag = String(read.headers.etag);
      expect(etag).toBe('"1"');
      const first = await admin.patch(`/api/v1/organisations/${id}`, { name: 'Kompas Zorg (eerste)' }, { 'if-match': etag });
      expect(first.statusCode, first.body).toBe(200);
      expect(first.headers.etag).toBe('"2"');
      const stale = await writesNothing(() => admin.patch(`/api/v1/organisations/${id}`, { name: 'Kompas Zorg (tweede)' }, { 'if-match': etag }));
      const p = expectProblem(stale, 412, 'precondition_failed');
      expect(p.currentVersion).toBe(2);
      const row = await ctx.db.selectFrom('organisations').select(['name', 'version']).where('id', '=', id).executeTakeFirstOrThrow();
      expect(row).toEqual({ name: 'Kompas Zorg (eerste)', version: 2 });
    });
  });

  describe('routing', () => {
    it('unknown route → 404 not_found problem+json', async () => {
      expectProblem(await admin.get('/api/v1/does-not-exist'), 404, 'not_found');
      expectProblem(await ctx.agent().get('/api/v2/organisations'), 404, 'not_found');
    });

    it('wrong method on a known route → 404 not_found problem+json, nothing written', async () => {
      const res = await writesNothing(() => admin.request('DELETE', '/api/v1/regions'));
      expectProblem(res, 404, 'not_found');
      expectProblem(await writesNothing(() => admin.put('/api/v1/organisations', validOrganisation('PUT-ORG'))), 404, 'not_found');
    });
  });

  describe('language', () => {
    it('Accept-Language: en gives the English title and detail (and field messages)', async () => {
      const en = await admin.post('/api/v1/regions', { code: 'lower', name: 'x' }, { 'accept-language': 'en-GB,en;q=0.9' });
      const p = expectValidation(en, ['/code']);
      expect(p.title).toBe('Invalid input');
      expect(p.detail).toBe('The input is not valid.');
      expect(p.errors![0]!.message).toBe(p.errors![0]!.messageEn);
      const nl = expectValidation(await admin.post('/api/v1/regions', { code: 'lower', name: 'x' }), ['/code']);
      expect(nl.title).toBe('Ongeldige invoer');
      const anon = expectProblem(await ctx.agent().get('/api/v1/users', { 'accept-language': 'en' }), 401, 'unauthenticated');
      expect(anon).toMatchObject({ title: 'Not authenticated', detail: 'Please log in to continue.' });
    });

    it('an unknown or garbage Accept-Language falls back to Dutch', async () => {
      for (const lang of ['de-DE', '*', ';;;', '']) {
        const p = expectProblem(await ctx.agent().get('/api/v1/users', { 'accept-language': lang }), 401, 'unauthenticated');
        expect(p.title).toBe('Niet ingelogd');
      }
    });
  });

  describe('authentication and CSRF', () => {
    it('no session → 401 unauthenticated, nothing written', async () => {
      const anon = ctx.agent();
      expectProblem(await anon.get('/api/v1/users'), 401, 'unauthenticated');
      const res = await writesNothing(() => anon.post('/api/v1/organisations', validOrganisation('ANON-ORG')));
      expectProblem(res, 401, 'unauthenticated');
    });

    it('garbage session cookie → 401 unauthenticated', async () => {
      const res = await ctx.agent().get('/api/v1/auth/session', { cookie: 'tr_session=%%%not-a-token' });
      expectProblem(res, 401, 'unauthenticated');
    });

    it('missing CSRF token on an unsafe request with a session → 403 csrf, only the denial is audited', async () => {
      const noCsrf = ctx.agent();
      noCsrf.cookies = new Map(admin.cookies);
      const res = await writesNothing(() => noCsrf.post('/api/v1/organisations', validOrganisation('NO-CSRF')), { deniedAudit: 1 });
      expectProblem(res, 403, 'csrf');
    });

    it('wrong CSRF token → 403 csrf, only the denial is audited', async () => {
      const res = await writesNothing(() => admin.post('/api/v1/organisations', validOrganisation('WRONG-CSRF'), { 'x-csrf-token': 'not-the-token' }), { deniedAudit: 1 });
      expectProblem(res, 403, 'csrf');
    });

    it('a safe method needs no CSRF token', async () => {
      const noCsrf = ctx.agent();
      noCsrf.cookies = new Map(admin.cookies);
      expect((await noCsrf.get('/api/v1/auth/session')).statusCode).toBe(200);
    });

    // Last: advancing the shared clock expires every session of this app.
    it('expired session (clock past the 30-minute idle timeout) → 401 session_expired, also on writes', async () => {
      const a = await ctx.login('beheerder');
      expect((await a.get('/api/v1/auth/session')).statusCode).toBe(200);
      expect(ctx.config.sessionIdleMinutes).toBe(30);
      ctx.clock.advance(29 * 60_000);
      expect((await a.get('/api/v1/auth/session')).statusCode).toBe(200);
      ctx.clock.advance(30 * 60_000 + 1000);
      expectProblem(await a.get('/api/v1/auth/session'), 401, 'session_expired');
      const res = await writesNothing(() => a.post('/api/v1/regions', { code: 'EXPIRED-REGION', name: 'Verlopen' }));
      expectProblem(res, 401, 'session_expired');
      const en = expectProblem(await a.get('/api/v1/users', { 'accept-language': 'en' }), 401, 'session_expired');
      expect(en.title).toBe('Session expired');
    });
  });
});
