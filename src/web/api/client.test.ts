/** The API client: headers on every kind of request, problem parsing, the 401 hook. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, buildUrl, onUnauthenticated, problemText, setApiLanguage, setCsrfToken } from './client.ts';
import { mergeChanges } from '../lib/merge.ts';

type Call = { url: string; init: RequestInit };
let calls: Call[];

function respond(status: number, body: unknown, headers: Record<string, string> = {}) {
  globalThis.fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), init: init ?? {} });
    const type = status >= 400 ? 'application/problem+json' : 'application/json';
    return new Response(status === 204 ? null : JSON.stringify(body), { status, headers: { 'content-type': type, ...headers } });
  }) as typeof fetch;
}

const headersOf = (c: Call) => c.init.headers as Record<string, string>;

beforeEach(() => {
  calls = [];
  setCsrfToken('csrf-123');
  setApiLanguage('nl');
});
afterEach(() => {
  onUnauthenticated(null);
  vi.restoreAllMocks();
});

describe('api client', () => {
  it('builds URLs under /api/v1 and drops empty query values', () => {
    expect(buildUrl('/users', { q: 'an', role: '', limit: 25, includeInactive: undefined, x: null })).toBe('/api/v1/users?q=an&limit=25');
  });

  it('GET sends Accept-Language, no CSRF token, and returns the ETag version', async () => {
    respond(200, { id: 'o1' }, { etag: '"7"' });
    setApiLanguage('en');
    const res = await api.get<{ id: string }>('/organisations/o1');
    expect(res.data.id).toBe('o1');
    expect(res.etag).toBe('7');
    const h = headersOf(calls[0]!);
    expect(h['Accept-Language']).toBe('en');
    expect(h['X-CSRF-Token']).toBeUndefined();
    expect(calls[0]!.init.body).toBeUndefined();
  });

  it('POST sends the CSRF token, a fresh Idempotency-Key per call and a JSON body', async () => {
    respond(201, { id: 'u1' });
    await api.post('/users', { name: 'A' });
    await api.post('/users', { name: 'A' });
    const [a, b] = calls.map(headersOf);
    expect(a!['X-CSRF-Token']).toBe('csrf-123');
    expect(a!['Content-Type']).toBe('application/json');
    expect(a!['Idempotency-Key']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(b!['Idempotency-Key']).not.toBe(a!['Idempotency-Key']);
    expect(calls[0]!.init.body).toBe('{"name":"A"}');
  });

  it('PATCH sends If-Match with the quoted version', async () => {
    respond(200, {});
    await api.patch('/organisations/o1', { name: 'B' }, { ifMatch: 3 });
    await api.patch('/organisations/o1', { name: 'B' }, { ifMatch: '4' });
    expect(headersOf(calls[0]!)['If-Match']).toBe('"3"');
    expect(headersOf(calls[1]!)['If-Match']).toBe('"4"');
  });

  it('turns a problem into an ApiError with both languages and field errors', async () => {
    respond(400, {
      type: '/problems/validation', title: 'Ongeldige invoer', status: 400, detail: 'De invoer is niet geldig.', code: 'validation',
      messages: { nl: { title: 'Ongeldige invoer', detail: 'De invoer is niet geldig.' }, en: { title: 'Invalid input', detail: 'The input is not valid.' } },
      errors: [{ field: '/email', in: 'body', code: 'format', message: 'x', messageNl: 'Geen geldig e-mailadres.', messageEn: 'Invalid email.' }],
    });
    const err = await api.post('/users', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    const e = err as ApiError;
    expect(e.status).toBe(400);
    expect(e.code).toBe('validation');
    expect(problemText(e.problem, 'en').title).toBe('Invalid input');
    expect(e.problem.errors?.[0]?.messageNl).toBe('Geen geldig e-mailadres.');
  });

  it('calls the 401 hook, except for quiet requests', async () => {
    const seen: string[] = [];
    onUnauthenticated((code) => seen.push(code));
    respond(401, { type: '/problems/session_expired', title: 'Sessie verlopen', status: 401, detail: '…', code: 'session_expired' });
    await api.get('/users').catch(() => {});
    await api.get('/auth/session', { quiet401: true }).catch(() => {});
    expect(seen).toEqual(['session_expired']);
  });

  it('reports a network failure as a problem in both languages', async () => {
    globalThis.fetch = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    const e = (await api.get('/users').catch((x: unknown) => x)) as ApiError;
    expect(e.code).toBe('network');
    expect(problemText(e.problem, 'nl').title).toBe('Geen verbinding met Thuisroute');
  });
});

describe('mergeChanges after a 412', () => {
  it('keeps only the fields the user changed on top of the newest version', () => {
    const original = { name: 'Horizon', phone: '', email: 'a@x.nl' };
    const mine = { name: 'Horizon Noord', phone: '', email: 'a@x.nl' };
    const latest = { name: 'Horizon', phone: '010 765 4321', email: 'b@x.nl' };
    expect(mergeChanges(original, mine, latest)).toEqual({ name: 'Horizon Noord', phone: '010 765 4321', email: 'b@x.nl' });
  });
});
