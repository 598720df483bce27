/**
 * The one way the web app talks to the API: JSON over fetch with the session cookie,
 * the CSRF token on every unsafe request, If-Match for optimistic concurrency,
 * Idempotency-Key on POST, Accept-Language matching the UI, and RFC 9457 problems
 * turned into ApiError.
 */
import type { Lang, Problem } from './types.ts';
import { uuid } from '../lib/uuid.ts';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let csrfToken: string | null = null;
let language: Lang = 'nl';
let unauthenticatedHandler: ((code: string) => void) | null = null;

export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

export function setApiLanguage(lang: Lang) {
  language = lang;
}

/** Called when an API call answers 401 (session ended or expired) outside the login flow. */
export function onUnauthenticated(handler: ((code: string) => void) | null) {
  unauthenticatedHandler = handler;
}

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.detail || problem.title);
    this.status = problem.status;
    this.problem = problem;
  }
  get code() {
    return this.problem.code;
  }
}

/** A problem for failures that never reached the API (offline, DNS, aborted proxy). */
function networkProblem(): Problem {
  return {
    type: '/problems/network',
    title: 'Geen verbinding',
    status: 0,
    code: 'network',
    detail: 'De server is niet bereikbaar.',
    messages: {
      nl: { title: 'Geen verbinding met Thuisroute', detail: 'De server is niet bereikbaar. Controleer uw internetverbinding en probeer het opnieuw. Er is niets opgeslagen.' },
      en: { title: 'No connection to Thuisroute', detail: 'The server cannot be reached. Check your internet connection and try again. Nothing was saved.' },
    },
  };
}

function unexpectedProblem(status: number): Problem {
  return {
    type: '/problems/unexpected',
    title: 'Onverwacht antwoord',
    status,
    code: 'unexpected_response',
    detail: `HTTP ${status}`,
    messages: {
      nl: { title: 'Er ging iets mis', detail: `De server gaf een onverwacht antwoord (HTTP ${status}). Probeer het later opnieuw.` },
      en: { title: 'Something went wrong', detail: `The server gave an unexpected response (HTTP ${status}). Please try again later.` },
    },
  };
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** The version last seen (ETag value or number); sent as If-Match: "<version>". */
  ifMatch?: string | number | null;
  /** Idempotency-Key for POST. */
  idempotencyKey?: string;
  signal?: AbortSignal;
  /** Do not call the global 401 handler (login and the initial session probe). */
  quiet401?: boolean;
}

export interface ApiResponse<T> {
  data: T;
  status: number;
  /** The version from the ETag header, without quotes. */
  etag: string | null;
}

export function buildUrl(path: string, query?: Query): string {
  const url = path.startsWith('/api/') ? path : `/api/v1${path}`;
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${url}?${qs}` : url;
}

function parseEtag(raw: string | null): string | null {
  if (!raw) return null;
  const m = /^(?:W\/)?"([^"]*)"$/.exec(raw.trim());
  return m ? m[1]! : raw.trim();
}

/**
 * The id of the page view the reads belong to (sent as X-Page-View on GET): the server audits
 * one row per resource a page view reads, however many requests the page needs (ADR 0009).
 * A new id for every navigation (another address or history entry) and every load of the app.
 */
let pageView = { at: '', id: '' };
export function pageViewId(): string {
  const at = typeof window === 'undefined' ? '' : `${window.location.pathname}|${String((window.history.state as { key?: unknown } | null)?.key ?? '')}`;
  if (!pageView.id || at !== pageView.at) pageView = { at, id: uuid() };
  return pageView.id;
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', 'Accept-Language': language };
  let body: string | undefined;
  if (opts.body !== undefined || method === 'POST' || method === 'PUT' || method === 'PATCH') {
    body = JSON.stringify(opts.body ?? {});
    headers['Content-Type'] = 'application/json';
  }
  if (UNSAFE.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  if (method === 'GET') headers['X-Page-View'] = pageViewId();
  if (opts.ifMatch !== undefined && opts.ifMatch !== null) headers['If-Match'] = `"${String(opts.ifMatch).replace(/"/g, '')}"`;
  if (opts.idempotencyKey) headers['Idempotency-Key'] = opts.idempotencyKey;

  let res: Response;
  try {
    res = await fetch(buildUrl(path, opts.query), { method, headers, body, credentials: 'same-origin', signal: opts.signal });
  } catch (err) {
    if ((err as Error)?.name === 'AbortError') throw err;
    throw new ApiError(networkProblem());
  }
  const etag = parseEtag(res.headers.get('etag'));
  const type = res.headers.get('content-type') ?? '';
  if (res.ok) {
    if (res.status === 204 || !type.includes('json')) return { data: null as T, status: res.status, etag };
    return { data: (await res.json()) as T, status: res.status, etag };
  }
  let problem: Problem;
  if (type.includes('json')) {
    try {
      problem = (await res.json()) as Problem;
      if (typeof problem?.status !== 'number') problem = { ...unexpectedProblem(res.status), ...problem, status: res.status };
    } catch {
      problem = unexpectedProblem(res.status);
    }
  } else {
    problem = unexpectedProblem(res.status);
  }
  if (res.status === 401 && !opts.quiet401) unauthenticatedHandler?.(problem.code);
  throw new ApiError(problem);
}

export const api = {
  get: <T>(path: string, opts?: RequestOptions) => request<T>('GET', path, opts),
  post: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('POST', path, { ...opts, body: body ?? {}, idempotencyKey: opts?.idempotencyKey ?? uuid() }),
  put: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('PUT', path, { ...opts, body }),
  patch: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('PATCH', path, { ...opts, body }),
};

/** The message of a problem in the UI language (the API sends both). */
export function problemText(problem: Problem, lang: Lang): { title: string; detail: string } {
  const m = problem.messages?.[lang];
  return { title: m?.title ?? problem.title, detail: m?.detail ?? problem.detail };
}
