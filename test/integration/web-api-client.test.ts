/**
 * The web app's API client (src/web/api/client.ts) against the real app: its requests go through
 * fetch to the Fastify app of the integration harness (app.inject, with a cookie jar as the browser
 * keeps it), so what is asserted is what the API answers to what the client sends — the CSRF token,
 * If-Match, Idempotency-Key and Accept-Language are checked by the server, and the problems the client
 * parses are the server's own. A network failure is a real refused connection on a loopback port.
 * (Was src/web/api/client.test.ts with a stubbed fetch and hand-written problem bodies.)
 *
 * The client keeps module state (CSRF token, language, 401 hook), so each test logs in itself.
 */
import net from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, orgId, type TestContext } from '../support/harness.ts';
import { ApiError, api, onUnauthenticated, problemText, setApiLanguage, setCsrfToken } from '../../src/web/api/client.ts';

let ctx: TestContext;
const realFetch = globalThis.fetch;
const cookies = new Map<string, string>();
const sent: Array<{ url: string; headers: Record<string, string> }> = [];

/** fetch as the browser does it for the web app: same origin, the session cookie kept between calls. */
async function appFetch(input: string | URL | Request, init: RequestInit = {}): Promise<Response> {
  const headers: Record<string, string> = { ...(init.headers as Record<string, string>) };
  if (cookies.size) headers.cookie = [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  sent.push({ url: String(input), headers });
  const res = await ctx.server.app.inject({ method: (init.method ?? 'GET') as 'GET', url: String(input), headers, payload: init.body as string | undefined });
  for (const c of res.cookies) {
    if (c.value === '') cookies.delete(c.name);
    else cookies.set(c.name, c.value);
  }
  const out = new Headers();
  for (const [k, v] of Object.entries(res.headers)) if (v !== undefined && k !== 'set-cookie') out.set(k, Array.isArray(v) ? v.join(', ') : String(v));
  return new Response(res.statusCode === 204 || res.statusCode === 304 ? null : new Uint8Array(res.rawPayload), { status: res.statusCode, headers: out });
}

async function login(who: string) {
  cookies.clear();
  const res = await api.post<{ csrfToken: string }>('/auth/login', { email: `${who}@demo.thuisroute.nl`, password: 'thuisroute-demo' }, { quiet401: true });
  setCsrfToken(res.data.csrfToken);
}

beforeAll(async () => {
  ctx = await startTestApp();
});
afterAll(async () => {
  globalThis.fetch = realFetch;
  await ctx?.close();
});
afterEach(() => {
  globalThis.fetch = appFetch as typeof fetch;
  onUnauthenticated(null);
  setApiLanguage('nl');
  sent.length = 0;
});
globalThis.fetch = appFetch as typeof fetch;

describe('the web API client against the real app', () => {
  it('GET returns the data and the version from the ETag; the answer follows the UI language', async () => {
    await login('admin');
    const id = await orgId(ctx, 'ZA-HORIZON');
    const res = await api.get<{ id: string; code: string }>(`/organisations/${id}`);
    expect(res.data).toMatchObject({ id, code: 'ZA-HORIZON' });
    expect(res.etag).toBe('1');
    setApiLanguage('en');
    const missing = (await api.get('/organisations/00000000-0000-4000-8000-000000000000').catch((e: unknown) => e)) as ApiError;
    expect(missing).toBeInstanceOf(ApiError);
    expect(missing.status).toBe(404);
    expect(missing.problem.title).toBe(problemText(missing.problem, 'en').title);
    setApiLanguage('nl');
    const nl = (await api.get('/organisations/00000000-0000-4000-8000-000000000000').catch((e: unknown) => e)) as ApiError;
    expect(nl.problem.title).toBe(problemText(nl.problem, 'nl').title);
    expect(nl.problem.title).not.toBe(missing.problem.title);
  });

  it('an unsafe request carries the CSRF token: without it the app refuses, with it the write is done', async () => {
    await login('admin');
    setCsrfToken(null);
    const refused = (await api.post('/regions', { code: 'REGIO-CLIENT-1', name: 'Regio Client' }).catch((e: unknown) => e)) as ApiError;
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused.status).toBe(403);
    expect(refused.code).toBe('csrf');
    expect(await ctx.db.selectFrom('regions').select('id').where('code', '=', 'REGIO-CLIENT-1').executeTakeFirst()).toBeUndefined();
    await login('admin');
    const created = await api.post<{ id: string }>('/regions', { code: 'REGIO-CLIENT-1', name: 'Regio Client' });
    expect(created.status).toBe(201);
    expect((await ctx.db.selectFrom('regions').select('id').where('code', '=', 'REGIO-CLIENT-1').executeTakeFirstOrThrow()).id).toBe(created.data.id);
  });

  it('PATCH sends If-Match: the current version saves, a stale one is refused with 412', async () => {
    await login('admin');
    const id = await orgId(ctx, 'ZA-KOMPAS');
    const read = await api.get<{ name: string }>(`/organisations/${id}`);
    const saved = await api.patch<{ name: string }>(`/organisations/${id}`, { name: 'Kompas (client)' }, { ifMatch: read.etag });
    expect(saved.data.name).toBe('Kompas (client)');
    expect(Number(saved.etag)).toBe(Number(read.etag) + 1);
    const stale = (await api.patch(`/organisations/${id}`, { name: 'Kompas (oud)' }, { ifMatch: read.etag }).catch((e: unknown) => e)) as ApiError;
    expect(stale.status).toBe(412);
    expect(stale.code).toBe('precondition_failed');
    expect((await ctx.db.selectFrom('organisations').select('name').where('id', '=', id).executeTakeFirstOrThrow()).name).toBe('Kompas (client)');
  });

  it('POST gets a fresh Idempotency-Key per call (two calls, two writes); a retry with the same key is replayed, not written again', async () => {
    await login('admin');
    await api.post('/regions', { code: 'REGIO-CLIENT-2', name: 'Regio Twee' });
    const again = (await api.post('/regions', { code: 'REGIO-CLIENT-2', name: 'Regio Twee' }).catch((e: unknown) => e)) as ApiError;
    expect(again.status).toBe(409); // a second write, refused by the unique code — not a replay of the first
    const keys = sent.filter((s) => s.url === '/api/v1/regions').map((s) => s.headers['Idempotency-Key']);
    expect(new Set(keys).size).toBe(2);
    const first = await api.post<{ id: string }>('/regions', { code: 'REGIO-CLIENT-3', name: 'Regio Drie' }, { idempotencyKey: 'retry-1' });
    const retry = await api.post<{ id: string }>('/regions', { code: 'REGIO-CLIENT-3', name: 'Regio Drie' }, { idempotencyKey: 'retry-1' });
    expect(retry.status).toBe(201);
    expect(retry.data.id).toBe(first.data.id);
  });

  it('turns the app’s validation problem into an ApiError with both languages and the field errors', async () => {
    await login('admin');
    const e = (await api.post('/users', { email: 'geen-adres', name: 'A' }).catch((x: unknown) => x)) as ApiError;
    expect(e).toBeInstanceOf(ApiError);
    expect(e.status).toBe(400);
    expect(e.code).toBe('validation');
    expect(problemText(e.problem, 'nl').title).not.toBe(problemText(e.problem, 'en').title);
    expect(e.problem.errors?.some((f) => f.field === '/email')).toBe(true);
  });

  it('calls the 401 hook when the session has ended, except for quiet requests', async () => {
    await login('admin');
    await api.post('/auth/logout', {});
    const seen: string[] = [];
    onUnauthenticated((code) => seen.push(code));
    const e = (await api.get('/users').catch((x: unknown) => x)) as ApiError;
    expect(e.status).toBe(401);
    await api.get('/auth/session', { quiet401: true }).catch(() => {});
    expect(seen).toEqual([e.code]);
  });

  it('reports a refused connection as a network problem in both languages', async () => {
    // A loopback port that was just free: nothing listens there.
    const port = await new Promise<number>((resolve) => { const s = net.createServer().listen(0, '127.0.0.1', () => { const p = (s.address() as net.AddressInfo).port; s.close(() => resolve(p)); }); });
    globalThis.fetch = ((input: string | URL | Request, init?: RequestInit) => realFetch(`http://127.0.0.1:${port}${String(input)}`, init)) as typeof fetch;
    const e = (await api.get('/users').catch((x: unknown) => x)) as ApiError;
    expect(e.code).toBe('network');
    expect(problemText(e.problem, 'nl').title).toBe('Geen verbinding met Thuisroute');
    expect(problemText(e.problem, 'en').title).toBe('No connection to Thuisroute');
  });
});
