/**
 * fast-check arbitraries generated from the OpenAPI 3.1 document (GET /api/v1/openapi.json).
 *
 * Everything here is driven by the JSON schemas of the document — no per-route code:
 * path params, querystrings and JSON bodies that satisfy the schema (objects, strings
 * with formats and patterns, bounded integers, enums, arrays, nullable unions) and
 * deliberately invalid variants (wrong types, unknown fields, missing required fields,
 * oversize strings, impossible dates, injection strings, NUL bytes, huge and negative
 * numbers, deeply nested values, malformed JSON), with random headers (If-Match,
 * Idempotency-Key, Accept-Language, Content-Type, X-Request-Id, X-CSRF-Token).
 */
import fc from 'fast-check';

// ─── The OpenAPI document ──────────────────────────────────────────────────

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  minProperties?: number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  default?: unknown;
  [k: string]: unknown;
}

interface RawParameter { name: string; in: string; required?: boolean; schema?: JsonSchema }
interface RawOperation {
  'x-action'?: string;
  parameters?: RawParameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
}
interface RawServer { url: string }
export interface OpenApiDocument { openapi: string; servers?: RawServer[]; paths: Record<string, Record<string, RawOperation> & { servers?: RawServer[] }> }

/** The URL path of a documented path: its server's path (the path item's own server, else the document's, e.g. /api/v1) and the path. */
export function fullPathOf(doc: OpenApiDocument, path: string): string {
  const server = (doc.paths[path]?.servers ?? doc.servers)?.[0]?.url ?? '/';
  const base = server.startsWith('/') ? server : new URL(server).pathname;
  return `${base.replace(/\/+$/, '')}${path}`;
}

export interface ParamSpec { name: string; in: 'path' | 'query' | 'header'; required: boolean; schema: JsonSchema }

export interface OperationSpec {
  /** "POST /api/v1/users" */
  key: string;
  method: string;
  /** OpenAPI path template, e.g. /api/v1/users/{id} */
  path: string;
  action: string | undefined;
  params: ParamSpec[];
  body: JsonSchema | null;
  bodyRequired: boolean;
}

const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** Every operation of the document, with its parameters and JSON request body schema. */
export function operationsOf(doc: OpenApiDocument): OperationSpec[] {
  const out: OperationSpec[] = [];
  for (const [documented, item] of Object.entries(doc.paths)) {
    const path = fullPathOf(doc, documented);
    for (const [m, op] of Object.entries(item) as Array<[string, RawOperation]>) {
      if (!HTTP_METHODS.includes(m)) continue;
      const method = m.toUpperCase();
      const params: ParamSpec[] = (op.parameters ?? [])
        .filter((p) => p.in === 'path' || p.in === 'query' || p.in === 'header')
        .map((p) => ({ name: p.name, in: p.in as ParamSpec['in'], required: p.in === 'path' || !!p.required, schema: p.schema ?? {} }));
      // Path params the document does not describe still exist in the template.
      for (const [, name] of path.matchAll(/\{([^}]+)\}/g)) {
        if (name && !params.some((p) => p.in === 'path' && p.name === name)) params.push({ name, in: 'path', required: true, schema: { type: 'string' } });
      }
      const json = op.requestBody?.content?.['application/json']?.schema ?? null;
      out.push({ key: `${method} ${path}`, method, path, action: op['x-action'], params, body: json, bodyRequired: !!op.requestBody?.required });
    }
  }
  return out;
}

// ─── Hostile and boundary values ───────────────────────────────────────────

/** Injection and encoding troublemakers; must be stored verbatim or refused, never crash anything. */
export const HOSTILE_STRINGS: readonly string[] = [
  "'; DROP TABLE users;--",
  "Robert'); DROP TABLE organisations;--",
  "' OR '1'='1",
  '" OR 1=1 --',
  '1; SELECT pg_sleep(10)',
  "$$; DROP TABLE audit_log; $$",
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '{{7*7}}',
  '${7*7}',
  '%s%s%s%n',
  '%',
  '_',
  '\\',
  '\\x00',
  '../../../../etc/passwd',
  '__proto__',
  'constructor',
  'null',
  'undefined',
  'NaN',
  'Zoë Ünïcødé 🏠 日本語 العربية',
  '\u202Egnp.exe',
  '\u200B\u200C\u200D\uFEFF',
  'e\u0301\u0301\u0301',
  '🏳️‍🌈👨‍👩‍👧‍👦',
  'a\u0000b',
  '\u0000',
  '   ',
  '\t\n\r',
  '\u00A0\u2028\u2029',
  '',
];

/** Values of the wrong JSON type for most schemas. */
const ANY_TYPE_VALUES: readonly unknown[] = [0, 1, -1, 1.5, 1e308, -1e308, 2 ** 53 + 2, true, false, null, '', 'x', [], [1, 'a'], {}, { a: 1 }];

/** Formats the server validates, with values that look close but are invalid. */
const BAD_FORMAT_VALUES: Record<string, readonly string[]> = {
  date: ['2025-02-30', '2025-02-29', '2025-13-01', '2025-00-10', '2025-1-1', '20250101', '2025-02-28T00:00:00Z', '9999999-01-01', '-2025-01-01', 'tomorrow', '2025/02/28', ''],
  'date-time': ['2025-02-30T10:00:00Z', '2025-01-01T25:00:00Z', '2025-01-01T10:60:00Z', '2025-01-01', '2025-01-01T10:00:00', 'now', '1e400', '2025-01-01T10:00:00+25:00', ''],
  email: ['not-an-email', 'a@', '@b.nl', 'a b@c.nl', 'a@b@c.nl', 'admin@demo.thuisroute.nl ', '<script>@x.nl', 'x'.repeat(250) + '@example.org', ''],
  uuid: ['not-a-uuid', '00000000-0000-0000-0000-00000000000', '00000000-0000-0000-0000-0000000000000', 'g0000000-0000-0000-0000-000000000000', "' OR 1=1--", '1', ''],
  uri: ['not a uri', 'http://', '://x', ''],
};

/** uuid-shaped strings PostgreSQL reads differently from JSON Schema (or not at all). */
const UUID_LOOKALIKES: readonly string[] = [
  'urn:uuid:6fa459ea-ee8a-3ca4-894e-db77e160355e',
  '{6fa459ea-ee8a-3ca4-894e-db77e160355e}',
  '6fa459eaee8a3ca4894edb77e160355e',
  '6FA459EA-EE8A-3CA4-894E-DB77E160355E',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
];

// ─── Schema helpers ────────────────────────────────────────────────────────

function typesOf(s: JsonSchema): string[] {
  if (Array.isArray(s.type)) return s.type;
  if (typeof s.type === 'string') return [s.type];
  if (s.enum) return [...new Set(s.enum.map(jsonType))];
  if (s.const !== undefined) return [jsonType(s.const)];
  if (s.properties) return ['object'];
  return [];
}

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function isOfTypes(v: unknown, types: string[]): boolean {
  const t = jsonType(v);
  return types.includes(t) || (t === 'integer' && types.includes('number'));
}

function alternativesOf(s: JsonSchema): JsonSchema[] | null {
  return s.anyOf ?? s.oneOf ?? null;
}

function regexOf(pattern: string): RegExp {
  return new RegExp(pattern, 'u');
}

/**
 * Ajv's type coercion as the server configures it (coerceTypes: 'array', which applies to
 * JSON bodies too): the value a type accepts after coercion, or undefined.
 */
function coerceTo(v: unknown, type: string): { value: unknown } | undefined {
  const scalar = ['string', 'number', 'integer', 'boolean', 'null'].includes(type);
  if (scalar && Array.isArray(v) && v.length === 1) v = v[0];
  const t = jsonType(v);
  if (t === type || (t === 'integer' && type === 'number')) return { value: v };
  switch (type) {
    case 'string':
      if (t === 'number' || t === 'integer' || t === 'boolean') return { value: String(v) };
      if (v === null) return { value: '' };
      return undefined;
    case 'number':
    case 'integer':
      if (typeof v === 'string' && v !== '' && Number(v) === +v && !Number.isNaN(+v) && (type === 'number' || +v % 1 === 0)) return { value: +v };
      if (typeof v === 'boolean') return { value: +v };
      if (v === null) return { value: 0 };
      return undefined;
    case 'boolean':
      if (v === 'true' || v === 1) return { value: true };
      if (v === 'false' || v === 0 || v === null) return { value: false };
      return undefined;
    case 'null':
      return v === '' || v === 0 || v === false ? { value: null } : undefined;
    case 'array':
      return t === 'object' ? undefined : { value: [v] };
    default:
      return undefined;
  }
}

function constraintsHold(s: JsonSchema, v: unknown): boolean {
  if (s.const !== undefined) return v === s.const;
  if (s.enum) return s.enum.includes(v);
  if (typeof v === 'string') {
    const len = [...v].length;
    if (s.minLength !== undefined && len < s.minLength) return false;
    if (s.maxLength !== undefined && len > s.maxLength) return false;
    if (s.pattern && !regexOf(s.pattern).test(v)) return false;
    if (s.format && BAD_FORMAT_VALUES[s.format]?.includes(v)) return false;
  }
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return false;
    if (s.minimum !== undefined && v < s.minimum) return false;
    if (s.maximum !== undefined && v > s.maximum) return false;
  }
  return true;
}

/**
 * Whether a value plainly satisfies the schema after the server's type coercion (enough to
 * tell our invalid values from valid ones; object members are not checked).
 */
export function roughlyValid(s: JsonSchema, v: unknown): boolean {
  const alts = alternativesOf(s);
  if (alts) return alts.some((a) => roughlyValid(a, v));
  if (s.allOf) return s.allOf.every((a) => roughlyValid(a, v));
  const explicit = Array.isArray(s.type) ? s.type : typeof s.type === 'string' ? [s.type] : null;
  if (!explicit) {
    // No type keyword (e.g. a bare enum): Ajv does not coerce.
    const inferred = typesOf(s);
    return (inferred.length === 0 || isOfTypes(v, inferred)) && constraintsHold(s, v);
  }
  return explicit.some((t) => {
    const c = coerceTo(v, t);
    return c !== undefined && constraintsHold(s, c.value);
  });
}

// ─── Options ───────────────────────────────────────────────────────────────

export interface GenOptions {
  /** uuids of rows that exist (demo data), mixed into uuid fields and path params. */
  existingIds: readonly string[];
  /** uuids allowed in path params (default: existingIds); e.g. without the acting users' own rows. */
  pathIds?: readonly string[];
  /** Weight of invalid variants against valid requests (default 1 : 1). */
  invalidWeight?: number;
  /** Largest string generated for a field without maxLength (default 60). */
  maxFreeStringLength?: number;
  /** Include bodies over the server's size limit (default true). */
  oversizeBodies?: boolean;
  /** Body size that is certainly over the server's limit (default 1 MiB + 1 KiB). */
  oversizeBytes?: number;
}

const DEFAULTS = { invalidWeight: 1, maxFreeStringLength: 60, oversizeBodies: true, oversizeBytes: 1024 * 1024 + 1024 };

// ─── Valid values ──────────────────────────────────────────────────────────

/** A calendar date that exists, years 0001–9999, biased to the years the platform works with. */
function validDate(): fc.Arbitrary<string> {
  const anyYear = fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true });
  const nearYear = fc.date({ min: new Date('2014-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true });
  return fc.oneof(
    { arbitrary: nearYear.map((d) => d.toISOString().slice(0, 10)), weight: 6 },
    { arbitrary: anyYear.map((d) => d.toISOString().slice(0, 10)), weight: 2 },
    { arbitrary: fc.constantFrom('2024-02-29', '2026-03-02', '2026-12-31', '2027-01-01', '2026-04-27', '2026-05-05', '0000-01-01', '9999-12-31', '0001-01-01'), weight: 2 },
  );
}

/** RFC 3339 date-times in their many legal spellings (lowercase t/z, space, offsets, fractions, leap second). */
function validDateTime(): fc.Arbitrary<string> {
  const base = fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true });
  return fc.oneof(
    { arbitrary: base.map((d) => d.toISOString()), weight: 5 },
    {
      arbitrary: fc.tuple(base, fc.constantFrom('T', 't', ' '), fc.constantFrom('Z', 'z', '+01:00', '-05:30', '+0200', '+23:59', '-00:00'), fc.constantFrom('', '.5', '.123456789')).map(
        ([d, sep, tz, frac]) => `${d.toISOString().slice(0, 10)}${sep}${d.toISOString().slice(11, 19)}${frac}${tz}`,
      ),
      weight: 3,
    },
    { arbitrary: fc.constantFrom('2016-12-31T23:59:60Z', '2015-06-30T23:59:60Z', '0000-01-01T00:00:00Z', '9999-12-31T23:59:59.999Z', '2026-03-02T09:00:00Z'), weight: 2 },
  );
}

function validEmail(maxLength: number): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.tuple(fc.stringMatching(/^[a-z][a-z0-9.]{0,20}[a-z0-9]$/), fc.constantFrom('example.org', 'demo.thuisroute.nl', 'zorg.example')).map(([l, d]) => `fuzz.${l}@${d}`.replace(/\.\./g, '.')), weight: 6 },
    { arbitrary: fc.emailAddress().filter((e) => e.length <= maxLength), weight: 3 },
    { arbitrary: fc.constantFrom('admin@demo.thuisroute.nl', 'BEHEERDER@DEMO.THUISROUTE.NL', "o'brien@example.org"), weight: 1 },
  );
}

function uuidValue(opts: GenOptions, ids: readonly string[] = opts.existingIds): fc.Arbitrary<string> {
  const alts: Array<fc.WeightedArbitrary<string>> = [{ arbitrary: fc.uuid(), weight: 3 }];
  if (ids.length) alts.push({ arbitrary: fc.constantFrom(...ids), weight: 6 });
  alts.push({ arbitrary: fc.constantFrom(...UUID_LOOKALIKES), weight: 1 });
  return fc.oneof(...alts);
}

function freeString(s: JsonSchema, o: typeof DEFAULTS): fc.Arbitrary<string> {
  const min = s.minLength ?? 0;
  const max = Math.max(min, s.maxLength ?? o.maxFreeStringLength);
  const fitting = HOSTILE_STRINGS.filter((v) => [...v].length >= min && [...v].length <= max);
  const alts: Array<fc.WeightedArbitrary<string>> = [
    { arbitrary: fc.string({ minLength: min, maxLength: Math.min(max, min + 40) }), weight: 5 },
    { arbitrary: fc.string({ unit: 'binary', minLength: min, maxLength: Math.min(max, min + 20) }), weight: 2 },
  ];
  if (fitting.length) alts.push({ arbitrary: fc.constantFrom(...fitting), weight: 3 });
  if (max >= 1) {
    // Exactly at the limit, counted in code points as JSON Schema counts: the maxLength boundary.
    alts.push({ arbitrary: fc.constantFrom('x', 'é', '🏠').map((c) => c.repeat(max)), weight: 1 });
  }
  return fc.oneof(...alts);
}

function stringFor(s: JsonSchema, opts: GenOptions): fc.Arbitrary<string> {
  const o = { ...DEFAULTS, ...opts };
  const max = s.maxLength ?? Infinity;
  const min = s.minLength ?? 0;
  const within = (v: string) => [...v].length <= max && [...v].length >= min;
  switch (s.format) {
    case 'uuid':
      return uuidValue(opts);
    case 'date':
      return validDate();
    case 'date-time':
      return validDateTime();
    case 'email':
      return validEmail(Number.isFinite(max) ? max : 254).filter(within);
    case 'uri':
      return fc.webUrl().filter(within);
    default:
      break;
  }
  if (s.pattern) {
    const re = regexOf(s.pattern);
    const hostile = HOSTILE_STRINGS.filter((v) => within(v) && re.test(v));
    // fast-check reads the pattern without the u flag; the patterns of the API are plain ASCII classes.
    const matching = fc.stringMatching(new RegExp(s.pattern)).filter(within);
    return hostile.length ? fc.oneof({ arbitrary: matching, weight: 3 }, { arbitrary: fc.constantFrom(...hostile), weight: 1 }) : matching;
  }
  return freeString(s, o);
}

function integerFor(s: JsonSchema): fc.Arbitrary<number> {
  const min = s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : (s.minimum ?? -(2 ** 31));
  const max = s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : (s.maximum ?? 2 ** 31);
  return fc.oneof({ arbitrary: fc.integer({ min, max }), weight: 4 }, { arbitrary: fc.constantFrom(min, max), weight: 1 });
}

/** A value that satisfies the schema (as far as JSON Schema can tell; the server may still refuse it). */
export function validValue(s: JsonSchema, opts: GenOptions, depth = 0): fc.Arbitrary<unknown> {
  const alts = alternativesOf(s);
  if (alts) return fc.oneof(...alts.map((a) => validValue(a, opts, depth + 1)));
  if (s.allOf?.length) return validValue(Object.assign({}, ...s.allOf) as JsonSchema, opts, depth + 1);
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum?.length) return fc.constantFrom(...s.enum);
  const types = typesOf(s);
  if (types.length > 1) return fc.oneof(...types.map((t) => validValue({ ...s, type: t }, opts, depth + 1)));
  switch (types[0]) {
    case 'string':
      return stringFor(s, opts);
    case 'integer':
      return integerFor(s);
    case 'number':
      return fc.double({ noNaN: true, noDefaultInfinity: true, min: s.minimum ?? -1e9, max: s.maximum ?? 1e9 });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(validValue(s.items ?? {}, opts, depth + 1), { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 4, (s.minItems ?? 0) + 4) });
    case 'object':
      return objectFor(s, opts, depth);
    default:
      return depth > 2 ? fc.constant(null) : fc.jsonValue({ maxDepth: 2 });
  }
}

function objectFor(s: JsonSchema, opts: GenOptions, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const props = s.properties ?? {};
  const required = s.required ?? [];
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [k, ps] of Object.entries(props)) model[k] = validValue(ps, opts, depth + 1);
  const rec = fc.record(model, { requiredKeys: required.filter((k) => k in props) }) as fc.Arbitrary<Record<string, unknown>>;
  const minProps = s.minProperties ?? 0;
  return minProps > 0 ? rec.filter((o) => Object.keys(o).length >= minProps) : rec;
}

// ─── Invalid values ────────────────────────────────────────────────────────

/**
 * A value that violates the schema. With `strict`, only values JSON Schema refuses;
 * otherwise also hostile values that may be legal (injection strings, NUL bytes, blanks).
 */
export function invalidValue(s: JsonSchema, opts: GenOptions, strict = false): fc.Arbitrary<unknown> {
  // Candidates are checked up front: a filter that can never pass would hang the generator.
  const constants: unknown[] = [];
  const arbs: Array<fc.Arbitrary<unknown>> = [];
  const alternatives = alternativesOf(s);
  const types = alternatives ? [...new Set(alternatives.flatMap(typesOf))] : typesOf(s);
  if (types.length) constants.push(...ANY_TYPE_VALUES.filter((v) => !isOfTypes(v, types)));
  const stringSchemas = alternatives ? alternatives.filter((a) => typesOf(a).includes('string')) : types.includes('string') ? [s] : [];
  for (const ss of stringSchemas) {
    if (ss.enum) constants.push('', 'X', `${String(ss.enum[0]).toUpperCase()}_`, ` ${String(ss.enum[0])}`);
    if (ss.maxLength !== undefined) {
      const m = ss.maxLength;
      arbs.push(fc.integer({ min: m + 1, max: m + 40 }).map((n) => 'x'.repeat(n)));
      constants.push('界'.repeat(m + 1));
    }
    constants.push('x'.repeat(100_000));
    if ((ss.minLength ?? 0) > 0) constants.push('');
    if (ss.format && BAD_FORMAT_VALUES[ss.format]) constants.push(...BAD_FORMAT_VALUES[ss.format]!);
    if (ss.pattern) {
      const re = regexOf(ss.pattern);
      constants.push(...HOSTILE_STRINGS.filter((v) => !re.test(v)));
      if (!strict) arbs.push(fc.string({ minLength: 1, maxLength: 30 }));
    }
  }
  const numberSchemas = alternatives ? alternatives.filter((a) => typesOf(a).some((t) => t === 'integer' || t === 'number')) : types.some((t) => t === 'integer' || t === 'number') ? [s] : [];
  for (const ns of numberSchemas) {
    constants.push(1e308, -1e308, 2 ** 53 + 2, -(2 ** 53) - 2);
    if (typesOf(ns).includes('integer')) constants.push(1.5, 0.000001);
    if (ns.minimum !== undefined) constants.push(ns.minimum - 1, -1);
    if (ns.maximum !== undefined) constants.push(ns.maximum + 1, ns.maximum * 1000 + 7);
  }
  if (types.includes('object') || s.properties) constants.push([], '{}');
  const usable = strict ? constants.filter((v) => !roughlyValid(s, v)) : constants;
  const alts: Array<fc.Arbitrary<unknown>> = [...arbs];
  if (usable.length) alts.push(fc.constantFrom(...usable));
  if (!strict) alts.push(fc.constantFrom(...HOSTILE_STRINGS), fc.constantFrom(...UUID_LOOKALIKES), deeplyNested());
  if (alts.length === 0) return fc.constant(Symbol.for('no-invalid-value'));
  return fc.oneof(...alts);
}

/** {"a":{"a":{…}}} or [[[…]]] up to a few thousand levels. */
export function deeplyNested(): fc.Arbitrary<unknown> {
  return fc.tuple(fc.integer({ min: 20, max: 3000 }), fc.boolean()).map(([depth, arrays]) => {
    let v: unknown = arrays ? [1] : { a: 1 };
    for (let i = 0; i < depth; i++) v = arrays ? [v] : { a: v };
    return v;
  });
}

// ─── Bodies ────────────────────────────────────────────────────────────────

export interface BodyVariant {
  /** The raw body text, or undefined for no body. */
  text: string | undefined;
  /** What kind of body this is ("valid", "invalid:unknown-field", …). */
  variant: string;
}

const MALFORMED_JSON: readonly string[] = ['{', '{"a":', "{'a':1}", '[1,2', 'undefined', 'NaN', '{"a":1}}', '{"a":01}', '{"a":"\\u12"}', '\u0000', ' ', '"unterminated', '{"a" 1}', '{"a":1,}', '//x\n{}'];

const UNKNOWN_FIELD_NAMES = ['unknownField', 'isAdmin', 'id', 'version', 'created_at', 'password_hash', 'x'.repeat(300), 'naam', "'; DROP TABLE users;--", ''];

function withUnknownField(base: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .tuple(base, fc.constantFrom(...UNKNOWN_FIELD_NAMES), fc.jsonValue({ maxDepth: 2 }))
    .map(([o, k, v]) => (k in o ? { ...o, [`${k}_unknown`]: v } : { ...o, [k]: v }));
}

/** A JSON body for the schema: valid, or one of the invalid variants. */
export function bodyArbitrary(s: JsonSchema, opts: GenOptions, mode: 'valid' | 'invalid' | 'strict-invalid'): fc.Arbitrary<BodyVariant> {
  const o = { ...DEFAULTS, ...opts };
  const valid = validValue(s, opts);
  if (mode === 'valid') return valid.map((v) => ({ text: JSON.stringify(v), variant: 'valid' }));
  const strict = mode === 'strict-invalid';
  const props = s.properties ?? {};
  const required = (s.required ?? []).filter((k) => k in props);
  const isObject = typesOf(s).includes('object');
  const variants: Array<fc.WeightedArbitrary<BodyVariant>> = [
    { arbitrary: fc.constantFrom(...MALFORMED_JSON).map((t) => ({ text: t, variant: 'invalid:malformed-json' })), weight: 2 },
    { arbitrary: fc.tuple(valid, fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true })).map(([v, f]) => { const t = JSON.stringify(v); return { text: t.slice(0, Math.floor(t.length * f)), variant: 'invalid:truncated-json' }; }), weight: 1 },
    {
      arbitrary: fc.constantFrom<unknown>(...[[], [{}], 'a string', 42, null, true].filter((v) => !strict || !roughlyValid(s, v))).map((v) => ({ text: JSON.stringify(v), variant: 'invalid:wrong-root-type' })),
      weight: 1,
    },
  ];
  if (isObject) {
    if (s.additionalProperties === false) {
      variants.push({ arbitrary: withUnknownField(valid as fc.Arbitrary<Record<string, unknown>>).map((v) => ({ text: JSON.stringify(v), variant: 'invalid:unknown-field' })), weight: 3 });
    }
    if (required.length) {
      variants.push({
        arbitrary: fc.tuple(valid as fc.Arbitrary<Record<string, unknown>>, fc.constantFrom(...required)).map(([v, k]) => {
          const copy = { ...v };
          delete copy[k];
          return { text: JSON.stringify(copy), variant: 'invalid:missing-required' };
        }),
        weight: 3,
      });
    }
    const keys = Object.keys(props);
    if (keys.length) {
      const badField = fc.oneof(...keys.map((k) => fc.tuple(fc.constant(k), invalidValue(props[k]!, opts, strict)))).filter(([, v]) => v !== Symbol.for('no-invalid-value'));
      variants.push({
        arbitrary: fc.tuple(valid as fc.Arbitrary<Record<string, unknown>>, badField).map(([v, [k, bad]]) => ({ text: JSON.stringify({ ...v, [k]: bad }), variant: 'invalid:bad-field' })),
        weight: 6,
      });
    }
    if (!strict && keys.length) {
      variants.push({
        arbitrary: fc.tuple(valid as fc.Arbitrary<Record<string, unknown>>, fc.constantFrom(...keys), deeplyNested()).map(([v, k, deep]) => ({ text: JSON.stringify({ ...v, [k]: deep }), variant: 'invalid:deeply-nested' })),
        weight: 1,
      });
    }
    if (!strict) {
      variants.push({ arbitrary: fc.constantFrom('{"__proto__":{"polluted":true}}', '{"constructor":{"prototype":{"polluted":true}}}').map((t) => ({ text: t, variant: 'invalid:proto-pollution' })), weight: 1 });
    }
  }
  if (!strict) variants.push({ arbitrary: fc.constant<BodyVariant>({ text: undefined, variant: 'invalid:no-body' }), weight: 1 });
  if (o.oversizeBodies) {
    variants.push({ arbitrary: fc.constant<BodyVariant>({ text: JSON.stringify({ padding: 'x'.repeat(o.oversizeBytes) }), variant: 'invalid:oversize-body' }), weight: 1 });
  }
  if (!strict) variants.push({ arbitrary: deeplyNested().map((v) => ({ text: JSON.stringify(v), variant: 'invalid:deeply-nested' })), weight: 1 });
  return fc.oneof(...variants);
}

// ─── Paths and querystrings ────────────────────────────────────────────────

/** Percent-encodes the UTF-8 bytes of a string (lone surrogates become U+FFFD, as a client would send them). */
export function pctEncode(s: string): string {
  let out = '';
  for (const b of Buffer.from(s, 'utf8')) {
    const c = String.fromCharCode(b);
    out += /[A-Za-z0-9\-._~]/.test(c) ? c : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Raw path segments that are not ids: traversal, bad percent-encoding, NUL, over-long. */
const JUNK_SEGMENTS: readonly string[] = ['..', '%2e%2e', '%2F', '%00', '%E0%A4%A', '%', '%zz', 'null', '0', '-1', '1e400', '%27%3B%20DROP%20TABLE%20users%3B--', '%3Cscript%3E', 'x'.repeat(201), 'a%20b', '%F0%9F%8F%A0'];

function pathValue(p: ParamSpec, opts: GenOptions, mode: 'valid' | 'invalid'): fc.Arbitrary<string> {
  const ids = opts.pathIds ?? opts.existingIds;
  if (mode === 'valid') {
    if (p.schema.format === 'uuid') {
      const alts: Array<fc.WeightedArbitrary<string>> = [{ arbitrary: fc.uuid(), weight: 2 }];
      if (ids.length) alts.push({ arbitrary: fc.constantFrom(...ids), weight: 8 });
      return fc.oneof(...alts);
    }
    return validValue(p.schema, opts).map((v) => pctEncode(String(v)));
  }
  return fc.oneof(
    { arbitrary: fc.constantFrom(...JUNK_SEGMENTS), weight: 3 },
    { arbitrary: fc.constantFrom(...UUID_LOOKALIKES).map(pctEncode), weight: 2 },
    { arbitrary: invalidValue(p.schema, opts).map((v) => pctEncode(typeof v === 'string' ? v : JSON.stringify(v) ?? 'undefined').slice(0, 400)), weight: 3 },
    { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }).map(pctEncode), weight: 2 },
  );
}

function queryValueText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v) ?? '';
}

/** key=value pairs (already encoded), valid or with one of the invalid variants. */
function queryArbitrary(params: ParamSpec[], opts: GenOptions, mode: 'valid' | 'invalid'): fc.Arbitrary<{ qs: string; variant: string }> {
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const p of params) model[p.name] = validValue(p.schema, opts);
  const required = params.filter((p) => p.required).map((p) => p.name);
  const valid = fc.record(model, { requiredKeys: required }) as fc.Arbitrary<Record<string, unknown>>;
  const encode = (o: Record<string, unknown>) => Object.entries(o).map(([k, v]) => `${pctEncode(k)}=${pctEncode(queryValueText(v))}`);
  if (mode === 'valid') return valid.map((o) => ({ qs: encode(o).join('&'), variant: 'valid' }));
  const variants: Array<fc.Arbitrary<{ qs: string; variant: string }>> = [
    fc.tuple(valid, fc.constantFrom('unknownParam', 'limit[]', '__proto__', 'q%00', '')).map(([o, k]) => ({ qs: [...encode(o), `${k}=1`].join('&'), variant: 'invalid:unknown-param' })),
    fc.tuple(valid, fc.constantFrom('%', '%zz', '%E0%A4%A', '&&&', '=x', 'a=b=c', '%00=%00')).map(([o, raw]) => ({ qs: [...encode(o), raw].join('&'), variant: 'invalid:raw-junk' })),
  ];
  if (required.length) {
    variants.push(fc.tuple(valid, fc.constantFrom(...required)).map(([o, k]) => {
      const copy = { ...o };
      delete copy[k];
      return { qs: encode(copy).join('&'), variant: 'invalid:missing-required' };
    }));
  }
  if (params.length) {
    const badParam = fc.oneof(...params.map((p) => fc.tuple(fc.constant(p.name), invalidValue(p.schema, opts))));
    const twoValues = fc.oneof(...params.map((p) => fc.tuple(fc.constant(p.name), model[p.name]!, model[p.name]!)));
    const without = (o: Record<string, unknown>, name: string) => encode(o).filter((kv) => !kv.startsWith(`${pctEncode(name)}=`));
    variants.push(
      fc.tuple(valid, badParam).map(([o, [name, bad]]) => ({ qs: encode({ ...o, [name]: bad }).join('&'), variant: 'invalid:bad-param' })),
      fc.tuple(valid, fc.constantFrom(...params.map((p) => p.name)), fc.constantFrom('1e400', '-1e400', 'Infinity', 'NaN', '0x10', '1e2', ' 7', '1.0', '99999999999999999999', '-0', 'true', '[]', '%00')).map(([o, name, raw]) => ({
        qs: [...without(o, name), `${pctEncode(name)}=${pctEncode(raw)}`].join('&'),
        variant: 'invalid:numeric-edge',
      })),
      fc.tuple(valid, twoValues).map(([o, [name, a, b]]) => ({
        qs: [...without(o, name), `${pctEncode(name)}=${pctEncode(queryValueText(a))}`, `${pctEncode(name)}=${pctEncode(queryValueText(b))}`].join('&'),
        variant: 'invalid:repeated-param',
      })),
    );
  }
  return fc.oneof(...variants);
}

// ─── Headers ───────────────────────────────────────────────────────────────

/** Header values are visible ASCII (what an HTTP client can send), plus deliberate garbage in that range. */
const garbageHeader = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), minLength: 0, maxLength: 40 });

function optional<T>(arb: fc.Arbitrary<T>, weightPresent = 1, weightAbsent = 1): fc.Arbitrary<T | undefined> {
  return fc.oneof({ arbitrary: arb, weight: weightPresent }, { arbitrary: fc.constant(undefined), weight: weightAbsent });
}

export function headersArbitrary(method: string, hasBody: boolean): fc.Arbitrary<Record<string, string>> {
  const ifMatch = optional(fc.oneof(fc.constantFrom('"1"', '"2"', 'W/"1"', '"0"', '*', '"abc"', '1', '"9999999999"', '""', ' "1" ', '"1", "2"'), garbageHeader), 3, 2);
  const idempotencyKey = optional(fc.oneof({ arbitrary: fc.uuid(), weight: 3 }, { arbitrary: fc.constantFrom('fuzz-fixed-key', 'fuzz-fixed-key-2'), weight: 2 }, { arbitrary: fc.constantFrom('has space', 'x'.repeat(201), ''), weight: 1 }, { arbitrary: garbageHeader, weight: 1 }), 1, 3);
  const acceptLanguage = optional(fc.oneof(fc.constantFrom('en', 'nl', 'en-GB,en;q=0.9', 'nl-NL,nl;q=0.9,en;q=0.8', 'de-DE', '*', 'EN', ';;;,,', 'q=0', 'en'.repeat(100)), garbageHeader), 3, 1);
  const contentType = hasBody
    ? fc.oneof(
        { arbitrary: fc.constant('application/json'), weight: 12 },
        { arbitrary: fc.constantFrom('application/json; charset=utf-8', 'Application/JSON', 'application/json; charset=latin1'), weight: 2 },
        { arbitrary: fc.constantFrom('text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/problem+json', 'text/html', '*/*', ';', 'garbage'), weight: 2 },
        { arbitrary: fc.constant(undefined), weight: 1 },
      )
    : fc.oneof({ arbitrary: fc.constant(undefined), weight: 9 }, { arbitrary: fc.constant('application/json'), weight: 1 });
  const requestId = optional(fc.oneof(fc.uuid(), garbageHeader, fc.constant('x'.repeat(500))), 1, 4);
  const csrf = UNSAFE.has(method) ? optional(fc.oneof(garbageHeader, fc.constant('')), 1, 12) : fc.constant(undefined);
  return fc.record({ ifMatch, idempotencyKey, acceptLanguage, contentType, requestId, csrf }).map((h) => {
    const out: Record<string, string> = {};
    if (h.ifMatch !== undefined) out['if-match'] = h.ifMatch;
    if (h.idempotencyKey !== undefined) out['idempotency-key'] = h.idempotencyKey;
    if (h.acceptLanguage !== undefined) out['accept-language'] = h.acceptLanguage;
    if (h.contentType !== undefined) out['content-type'] = h.contentType;
    if (h.requestId !== undefined) out['x-request-id'] = h.requestId;
    if (h.csrf !== undefined) out['x-csrf-token'] = h.csrf;
    return out;
  });
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const headersMemo = new Map<string, fc.Arbitrary<Record<string, string>>>();
/** Header arbitraries are built once per (method, has body): building them inside chain() is slow. */
function headersFor(method: string, hasBody: boolean): fc.Arbitrary<Record<string, string>> {
  const k = `${method}:${hasBody}`;
  let h = headersMemo.get(k);
  if (!h) headersMemo.set(k, (h = headersArbitrary(method, hasBody)));
  return h;
}

// ─── Whole requests ────────────────────────────────────────────────────────

export interface FuzzRequest {
  /** The operation it was generated from, "POST /api/v1/users". */
  operation: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  /** Raw body text (undefined: no body). */
  payload: string | undefined;
  /** "valid" or "invalid:<what>" per part, e.g. "path:valid query:invalid:bad-param body:valid". */
  variant: string;
  /** True when some part was generated deliberately invalid. */
  invalid: boolean;
}

type Part = 'path' | 'query' | 'body' | 'method';

/** Requests for one operation: valid ones and ones with exactly one deliberately invalid part. */
export function requestArbitrary(op: OperationSpec, opts: GenOptions, mode: 'mixed' | 'valid' | 'invalid' | 'strict-invalid-body' = 'mixed'): fc.Arbitrary<FuzzRequest> {
  const o = { ...DEFAULTS, ...opts };
  const pathParams = op.params.filter((p) => p.in === 'path');
  const queryParams = op.params.filter((p) => p.in === 'query');
  const hasBody = op.body !== null;

  const invalidParts: Part[] = [];
  if (pathParams.length) invalidParts.push('path');
  if (queryParams.length) invalidParts.push('query');
  if (hasBody) invalidParts.push('body');
  invalidParts.push('method');

  const build = (bad: Part | null): fc.Arbitrary<FuzzRequest> => {
    const path = pathParams.length
      ? fc.tuple(...pathParams.map((p) => pathValue(p, opts, bad === 'path' ? 'invalid' : 'valid').map((v) => [p.name, v] as const))).map((pairs) => {
          let url = op.path;
          for (const [name, v] of pairs) url = url.replace(`{${name}}`, v);
          return url;
        })
      : fc.constant(op.path);
    const query = queryParams.length ? queryArbitrary(queryParams, opts, bad === 'query' ? 'invalid' : 'valid') : fc.constant({ qs: '', variant: 'valid' });
    const body: fc.Arbitrary<BodyVariant> = hasBody
      ? bodyArbitrary(op.body!, opts, bad === 'body' ? (mode === 'strict-invalid-body' ? 'strict-invalid' : 'invalid') : 'valid')
      : fc.constant({ text: undefined, variant: 'none' });
    const method = bad === 'method' ? fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS').filter((m) => m !== op.method) : fc.constant(op.method);
    return fc.tuple(path, query, body, method).chain(([p, q, b, m]) =>
      headersFor(m, b.text !== undefined).map((hs): FuzzRequest => ({
        operation: op.key,
        method: m,
        url: q.qs ? `${p}?${q.qs}` : p,
        headers: hs,
        payload: b.text,
        variant: [bad === 'path' ? 'path:invalid' : null, `query:${q.variant}`, `body:${b.variant}`, bad === 'method' ? `method:${m}` : null].filter(Boolean).join(' '),
        invalid: bad !== null,
      })),
    );
  };

  if (mode === 'valid') return build(null);
  if (mode === 'strict-invalid-body') return build(hasBody ? 'body' : null);
  const invalid = fc.oneof(...invalidParts.map(build));
  if (mode === 'invalid') return invalid;
  return fc.oneof({ arbitrary: build(null), weight: 1 }, { arbitrary: invalid, weight: o.invalidWeight });
}

/** Requests across operations (each operation equally likely). */
export function requestsArbitrary(ops: OperationSpec[], opts: GenOptions, mode: Parameters<typeof requestArbitrary>[2] = 'mixed'): fc.Arbitrary<FuzzRequest> {
  if (!ops.length) throw new Error('no operations to generate requests for');
  return fc.oneof(...ops.map((op) => requestArbitrary(op, opts, mode)));
}
