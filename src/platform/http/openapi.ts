/**
 * The OpenAPI document as the Dutch government's API Design Rules (Logius, ADR 2.x) want it,
 * made in one place from the route schemas (@fastify/swagger's transformObject) instead of in
 * every route:
 * - /core/uri-version: `servers: [{ url: '/api/v1' }]` and the paths relative to it; the
 *   operations endpoints outside the versioned API (/healthz, /readyz) get their own server '/';
 * - /core/version-header: every response declares the `API-Version` header (and app.ts sends it);
 * - /core/doc-openapi-contact: info.contact (name, url, e-mail) and the licence (EUPL-1.2);
 * - operationIds, derived from method and path where a route sets none, unique and stable;
 *   a description on every operation (its summary where it has none);
 * - /core/error-handling/problem-details: every 4xx/5xx response is application/problem+json,
 *   and every operation that takes input declares its 400;
 * - /core/path-segments-kebab-case: a path segment `{kind}.pdf` is documented as one parameter
 *   segment `{kind}` whose values carry the extension (the real URL is unchanged).
 * The ruleset itself: api-design-rules/spectral.yml (`npm run lint:api`).
 */
import { ProblemSchema } from './schemas.ts';

/** The API's full version (semver), sent as the API-Version header on every API response. */
export const API_VERSION = '1.0.0';
/** The major version, part of the server URL. */
export const API_BASE_PATH = `/api/v${API_VERSION.split('.')[0]}`;
export const API_VERSION_HEADER = 'API-Version';

export interface ApiContact {
  name: string;
  url: string;
  email: string;
}

type Json = Record<string, unknown>;

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const PROBLEM_REF = { $ref: '#/components/schemas/Problem' };
const HEADER_REF = { $ref: `#/components/headers/${API_VERSION_HEADER}` };

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const plain = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
/** JSON with sorted keys, to compare schemas whatever their key order. */
const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) => (isObject(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b))) : x));

/** The info object: title, version, description, contact and licence. */
export function openApiInfo(contact: ApiContact, description: string) {
  return {
    title: 'Thuisroute API',
    version: API_VERSION,
    description,
    contact,
    license: { name: 'European Union Public Licence 1.2', identifier: 'EUPL-1.2' },
  };
}

function words(s: string): string[] {
  return s.split(/[^A-Za-z0-9]+/).filter(Boolean);
}

/**
 * A stable operationId from method and path (relative to its server):
 * GET /users/{id} → getUsersById, POST /users/{id}/deactivate → postUsersByIdDeactivate,
 * GET /audit/export.csv → getAuditExportCsv.
 */
export function deriveOperationId(method: string, path: string): string {
  const parts: string[] = [];
  for (const segment of path.split('/').filter(Boolean)) {
    const param = /^\{([^}]+)\}$/.exec(segment);
    if (param) parts.push('by', ...words(param[1]!));
    else parts.push(...words(segment));
  }
  const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
  return method.toLowerCase() + parts.map(cap).join('');
}

/**
 * Format on a nullable union: `anyOf: [{type: string, format: date}, {type: null}]` also gets
 * `format: date` itself (format only constrains strings, so this says the same), which is where
 * the ADR linter looks for the format of a date field.
 */
function liftUnionFormats(node: unknown): void {
  if (Array.isArray(node)) {
    for (const x of node) liftUnionFormats(x);
    return;
  }
  if (!isObject(node)) return;
  const alternatives = node.anyOf ?? node.oneOf;
  if (Array.isArray(alternatives) && node.format === undefined) {
    const strings = alternatives.filter((a): a is Json => isObject(a) && a.type !== 'null');
    const formats = new Set(strings.map((a) => a.format));
    const [only] = [...formats];
    if (strings.length > 0 && formats.size === 1 && typeof only === 'string' && strings.every((a) => a.type === 'string')) node.format = only;
  }
  for (const v of Object.values(node)) liftUnionFormats(v);
}

/** `{kind}.pdf` → `{kind}` (values with the extension); other segments as they are. */
function documentedPath(path: string, parameters: Json[] | undefined): string {
  return path
    .split('/')
    .map((segment) => {
      const m = /^\{(\w+)\}(\.[A-Za-z0-9]+)$/.exec(segment);
      if (!m) return segment;
      const [, name, ext] = m as unknown as [string, string, string];
      for (const p of parameters ?? []) {
        if (p.in !== 'path' || p.name !== name) continue;
        const schema = isObject(p.schema) ? p.schema : {};
        const values = Array.isArray(schema.enum) ? schema.enum : null;
        p.schema = values
          ? { type: 'string', enum: values.map((v) => `${String(v)}${ext}`) }
          : { type: 'string', pattern: `^[^/]+\\${ext}$` };
        p.description = `${String(p.description ?? name)}, with the extension ${ext} (e.g. ${values ? `${String(values[0])}${ext}` : `…${ext}`})`;
      }
      return `{${name}}`;
    })
    .join('/');
}

function problemResponse(description: string, content: unknown): Json {
  // Keep a route's own error schema; the generic problem schema by reference.
  const schemas = isObject(content) ? Object.values(content).map((c) => (isObject(c) ? c.schema : undefined)).filter(Boolean) : [];
  const own = schemas[0];
  const schema = own && canonical(own) !== canonical(ProblemSchema) ? own : PROBLEM_REF;
  return { description, content: { 'application/problem+json': { schema } } };
}

/**
 * Rewrites the document @fastify/swagger generated from the routes (see the file comment).
 * Paths outside API_BASE_PATH keep their full path under their own server '/'.
 */
export function applyApiDesignRules(doc: Json): Json {
  const paths = (isObject(doc.paths) ? doc.paths : {}) as Record<string, Json>;
  const components = (isObject(doc.components) ? doc.components : {}) as Json;
  const schemas = (isObject(components.schemas) ? components.schemas : {}) as Json;
  const headers = (isObject(components.headers) ? components.headers : {}) as Json;
  doc.components = {
    ...components,
    schemas: { ...schemas, Problem: plain(ProblemSchema) },
    headers: {
      ...headers,
      [API_VERSION_HEADER]: {
        description: 'The full version of the API (semantic versioning), on every response.',
        required: true,
        schema: { type: 'string' },
        example: API_VERSION,
      },
    },
  };
  doc.servers = [{ url: API_BASE_PATH, description: `Thuisroute API, major version ${API_VERSION.split('.')[0]}` }];

  const out: Record<string, Json> = {};
  const taken = new Set<string>();
  const pending: Array<{ op: Json; method: string; path: string }> = [];
  for (const [fullPath, item] of Object.entries(paths).sort(([a], [b]) => a.localeCompare(b))) {
    const inBase = fullPath.startsWith(`${API_BASE_PATH}/`);
    let path = inBase ? fullPath.slice(API_BASE_PATH.length) : fullPath;
    const pathItem: Json = { ...item };
    if (!inBase) pathItem.servers = [{ url: '/', description: 'Operations endpoints outside the versioned API' }];
    for (const method of METHODS) {
      const op = pathItem[method];
      if (!isObject(op)) continue;
      path = documentedPath(path, op.parameters as Json[] | undefined);
      if (typeof op.operationId === 'string') taken.add(op.operationId);
      else pending.push({ op, method, path });
      if (op.description === undefined && typeof op.summary === 'string') op.description = op.summary;

      const responses = (isObject(op.responses) ? op.responses : {}) as Record<string, Json>;
      const takesInput = (Array.isArray(op.parameters) && op.parameters.length > 0) || op.requestBody !== undefined || ['post', 'put', 'patch'].includes(method);
      if (takesInput && !responses['400']) responses['400'] = { description: 'Bad request: the input is not valid (problem details with the field errors).' };
      if (!responses['5XX']) responses['5XX'] = { description: 'Server error or not available (problem details).' };
      for (const [code, response] of Object.entries(responses)) {
        const r = /^[45]/.test(code) ? problemResponse(String(response.description ?? 'Problem details (RFC 9457)'), response.content) : { ...response };
        r.headers = { ...(isObject(response.headers) ? response.headers : {}), [API_VERSION_HEADER]: HEADER_REF };
        responses[code] = r;
      }
      op.responses = responses;
    }
    out[path] = pathItem;
  }
  for (const { op, method, path } of pending) {
    const base = deriveOperationId(method, path);
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}${n}`;
    taken.add(id);
    op.operationId = id;
  }
  doc.paths = out;
  liftUnionFormats(doc.paths);
  return doc;
}
