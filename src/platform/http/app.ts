import crypto from 'node:crypto';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyPluginAsync, type FastifyRequest, type RawServerDefault } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import type { Config } from '../config/config.ts';
import type { DatabaseHandle } from '../db/database.ts';
import type { Clock } from '../clock.ts';
import { ACTIONS, decide, type Action, type Subject } from '../../domain/policy/index.ts';
import { Problem, problem, sendProblem, toProblem, type FieldError } from './problem.ts';
import { SESSION_COOKIE, resolveSession, safeEqual } from '../auth/sessions.ts';
import { OrganisationScopes } from '../scope.ts';
import { AuditBatcher } from '../audit/writer.ts';
import { registerIdempotency } from './idempotency.ts';
import { registerMetrics } from './metrics.ts';
import { registerNoStore } from './cache-control.ts';
import { registerWeb } from './web.ts';
import { API_BASE_PATH, API_VERSION, API_VERSION_HEADER, applyApiDesignRules, openApiInfo } from './openapi.ts';
import { wireHooks, type ModuleDescriptor } from '../module.ts';
import './context.ts';

export interface AppDeps {
  config: Config;
  database: DatabaseHandle;
  clock: Clock;
}

export type App = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, TypeBoxTypeProvider> & {
  deps: AppDeps;
  scopes: OrganisationScopes;
};

/** A module's routes: a Fastify plugin that sees the typed App (TypeBox provider, deps). */
export function modulePlugin<O extends Record<string, unknown> = Record<never, never>>(fn: (app: App, opts: O) => Promise<void>): FastifyPluginAsync<O> {
  return fn as unknown as FastifyPluginAsync<O>;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Formats must only let through what JavaScript and PostgreSQL can hold: ajv-formats
 * accepts "urn:uuid:" ids, the year 0000 and leap seconds (23:59:60), which then fail
 * in the database or in new Date() as a 500.
 */
function tightenFormats(ajv: { formats: Record<string, unknown>; addFormat(name: string, format: unknown): unknown }) {
  const representable = (s: string) => {
    const t = Date.parse(s);
    const year = Number.isFinite(t) ? new Date(t).getUTCFullYear() : NaN;
    return year >= 1 && year <= 9999;
  };
  for (const name of ['date', 'date-time']) {
    const f = ajv.formats[name] as { validate: (s: string) => boolean };
    ajv.addFormat(name, { ...f, validate: (s: string) => f.validate(s) && representable(s) });
  }
  ajv.addFormat('uuid', /^[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i);
  return ajv;
}

/** JSON pointers of values JSON Schema lets through but PostgreSQL cannot store or compare: NUL characters, non-finite numbers. */
function unstorableValues(value: unknown, pointer: string, out: string[], depth = 0) {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) out.push(pointer);
  } else if (typeof value === 'number') {
    // Ajv coerces the query value "1e400" to Infinity and then skips minimum/maximum.
    if (!Number.isFinite(value)) out.push(pointer);
  } else if (value && typeof value === 'object' && depth < 32) {
    for (const [k, v] of Object.entries(value)) unstorableValues(v, `${pointer}/${k}`, out, depth + 1);
  }
}

export interface RouteInfo {
  method: string;
  url: string;
  action: Action | undefined;
}

/**
 * Builds the HTTP app: the platform's pipeline (validation, session, scope, CSRF, policy,
 * audit, problems) and the routes of the given modules, in list order. Wires the modules'
 * hooks (wireHooks). The module list comes from the composition root (src/app/modules.ts).
 */
export async function buildApp(deps: AppDeps, modules: ReadonlyArray<ModuleDescriptor>): Promise<App> {
  const { config, database, clock } = deps;
  wireHooks(modules);
  const db = database.db;
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
    },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && /^[A-Za-z0-9._-]{1,64}$/.test(incoming) ? incoming : crypto.randomUUID();
    },
    requestIdHeader: false,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    // Router errors (malformed percent-encoding, over-long path parameter) are problems too.
    frameworkErrors: (err, req, reply) => sendProblem(req, reply, toProblem(err)),
  }).withTypeProvider<TypeBoxTypeProvider>() as unknown as App;

  // Query strings, params and headers arrive as text and are coerced to the schema's types;
  // JSON bodies are not: {"name": -1} is a wrong type, not the string "-1".
  const makeAjv = (coerce: boolean) => {
    const ajv = new Ajv({ removeAdditional: false, coerceTypes: coerce ? 'array' : false, allErrors: true, useDefaults: true, strict: false });
    (addFormats as unknown as (a: Ajv, o: object) => void)(ajv, { mode: 'full' });
    tightenFormats(ajv as never);
    return ajv;
  };
  const bodyAjv = makeAjv(false);
  const textAjv = makeAjv(true);
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? bodyAjv : textAjv).compile(schema as object));

  app.decorate('deps', deps);
  app.decorate('scopes', new OrganisationScopes(db, clock));
  const auditBatcher = new AuditBatcher(db, clock);
  app.decorate('auditBatcher', auditBatcher);
  app.addHook('onClose', async () => auditBatcher.close());
  app.decorateRequest('auth', null);
  app.decorateRequest('subject', null);
  app.decorateRequest('auditInfo', null);
  app.decorateRequest('audited', false);
  app.decorateRequest('sessionExpired', false);

  // Default deny: a route without a declared policy action is a programming error.
  const routes: RouteInfo[] = [];
  app.decorate('routeTable', routes);
  app.addHook('onRoute', (opts) => {
    const action = (opts.config as { action?: Action } | undefined)?.action;
    const methods = Array.isArray(opts.method) ? opts.method : [opts.method];
    for (const m of methods) routes.push({ method: m, url: opts.url, action });
    if (methods.every((m) => m === 'HEAD' || m === 'OPTIONS')) return;
    // Static web assets (served by @fastify/static, outside /api) are public files.
    const isApi = opts.url.startsWith('/api') || ['/healthz', '/readyz', '/metrics'].includes(opts.url);
    if (!isApi || opts.url.startsWith('/api/docs')) return; // swagger UI's own assets: public
    if (!action || !ACTIONS.includes(action)) {
      throw new Error(`Route ${methods.join(',')} ${opts.url} declares no policy action`);
    }
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
    hsts: config.cookieSecure ? { maxAge: 31536000, includeSubDomains: true } : false,
  });
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) => {
      const p = problem.tooManyRequests(Math.ceil(ctx.ttl / 1000));
      return Object.assign(p, { statusCode: 429 });
    },
  });

  await app.register(swagger, {
    // API Design Rules (servers /api/v1, API-Version, contact, operationIds, problem+json): openapi.ts.
    stripBasePath: false,
    transformObject: (documentObject) =>
      ('openapiObject' in documentObject ? applyApiDesignRules(documentObject.openapiObject as Record<string, unknown>) : documentObject.swaggerObject) as never,
    openapi: {
      openapi: '3.1.0',
      info: openApiInfo(
        config.apiContact,
        'Thuisroute: huisvesting van kwetsbare groepen (Omslagroute, matching, overlast, monitor). ' +
          'Errors are RFC 9457 application/problem+json. Unsafe methods with a cookie session need X-CSRF-Token. ' +
          'Mutable resources carry an ETag; send If-Match on PATCH/DELETE. POST honours Idempotency-Key. ' +
          `Every response carries the ${API_VERSION_HEADER} header.`,
      ),
      servers: [{ url: API_BASE_PATH }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
        },
      },
    },
    transform: ({ schema, url, route }) => {
      const action = (route.config as { action?: Action } | undefined)?.action;
      const s = { ...(schema ?? {}) } as Record<string, unknown>;
      if (action) s['x-action'] = action;
      return { schema: s as never, url };
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' }, staticCSP: true });

  // ─── Request pipeline: storable input → authenticate → CSRF → route-level policy check ──
  app.addHook('preHandler', async (req) => {
    const schema = req.routeOptions.schema;
    if (!schema) return;
    const errors: FieldError[] = [];
    for (const [where, data] of [['body', schema.body && req.body], ['querystring', schema.querystring && req.query], ['params', schema.params && req.params]] as const) {
      const found: string[] = [];
      unstorableValues(data, '', found);
      for (const field of found) {
        errors.push({ field: field || '/', in: where, code: 'unstorable', message: 'Ongeldige waarde: NUL-teken of oneindig getal.', messageNl: 'Ongeldige waarde: NUL-teken of oneindig getal.', messageEn: 'Invalid value: NUL character or infinite number.' });
      }
    }
    if (errors.length) throw problem.validation(errors);
  });

  app.addHook('preHandler', async (req) => {
    const action = req.routeOptions.config.action;
    if (!action) return; // swagger UI assets

    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const found = await resolveSession(db, clock, { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours }, token);
      if (found.state === 'valid') req.auth = found.auth;
      if (found.state === 'expired') req.sessionExpired = true;
    }
    if (req.auth) {
      const m = req.auth.activeMembership;
      req.subject = {
        userId: req.auth.userId,
        role: m?.role ?? null,
        organisationId: m?.organisationId ?? null,
        organisationType: m?.organisationType ?? null,
        scope: m ? await app.scopes.subtree(m.organisationId) : [],
        municipalityIds: m ? await app.scopes.municipalitiesOf(m.organisationId) : [],
      } satisfies Subject;
    }

    if (UNSAFE.has(req.method) && req.auth && !req.routeOptions.config.csrfExempt) {
      const sent = req.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !safeEqual(sent, req.auth.csrfToken)) throw problem.csrf();
    }

    const d = decide(req.subject, action);
    if (!d.allowed) {
      if (d.reason === 'not_authenticated') {
        throw req.sessionExpired
          ? new Problem({ status: 401, code: 'session_expired', titleNl: 'Sessie verlopen', titleEn: 'Session expired', detailNl: 'Uw sessie is verlopen. Log opnieuw in.', detailEn: 'Your session has expired. Please log in again.' })
          : problem.unauthenticated();
      }
      throw problem.forbidden(d.reason);
    }
  });

  registerIdempotency(app);

  // API Design Rules /core/version-header: the full API version on every API response (errors too).
  app.addHook('onSend', async (req, reply, payload) => {
    const path = req.url.split('?')[0]!;
    if (path.startsWith('/api/') || path === '/healthz' || path === '/readyz') {
      reply.header(API_VERSION_HEADER, API_VERSION);
    }
    return payload;
  });

  // ─── Audit: every write and every read of personal data, and every denial ──
  app.addHook('onSend', async (req, reply, payload) => {
    const cfg = req.routeOptions.config;
    if (!cfg.action || req.audited) return payload;
    const status = reply.statusCode;
    const info = req.auditInfo ?? {};
    const resourceType = info.resourceType ?? cfg.resourceType ?? cfg.action.split('.')[0]!;
    const params = (req.params ?? {}) as Record<string, string>;
    const base = {
      action: cfg.action,
      resourceType,
      resourceId: info.resourceId ?? params.id ?? null,
      subjectOrganisationId: info.subjectOrganisationId ?? null,
      purpose: info.purpose ?? null,
      details: { method: req.method, route: req.routeOptions.url, status, ...(info.details ?? {}) },
    };
    if (status === 403 && req.auth) {
      await auditBatcher.write(req, { ...base, outcome: 'denied' });
    } else if (status < 400 && (cfg.personalData || (UNSAFE.has(req.method) && cfg.action !== 'system.public'))) {
      if (UNSAFE.has(req.method)) req.log.warn({ action: cfg.action }, 'write without an audit row in its transaction');
      // A read that is one of several requests of the same page view joins that view's row (ADR 0009).
      const pageView = req.method === 'GET' ? req.headers['x-page-view'] : undefined;
      await auditBatcher.write(req, { ...base, outcome: 'success', pageView: typeof pageView === 'string' ? pageView : null });
    }
    return payload;
  });

  app.setErrorHandler((err, req, reply) => {
    const p = toProblem(err);
    if (p.status >= 500) req.log.error({ err }, 'unhandled error');
    else req.log.info({ code: p.init.code, status: p.status }, 'request refused');
    if (p.status === 429) reply.header('retry-after', String((p.init.extra?.retryAfter as number) ?? 60));
    return sendProblem(req, reply, p);
  });

  registerMetrics(app);
  registerNoStore(app);

  // The modules' routes, in the order of the composition root's list (src/app/modules.ts).
  for (const m of modules) {
    for (const r of m.routes ?? []) await app.register(r.plugin, r.prefix ? { prefix: r.prefix } : {});
  }
  await registerWeb(app);

  app.get('/api/v1/openapi.json', { config: { action: 'system.public' }, schema: { hide: true } }, async () => app.swagger());

  return app;
}

/** Helper for handlers: the acting subject (the pipeline guarantees it on non-public routes). */
export function subjectOf(req: FastifyRequest): Subject {
  if (!req.subject) throw problem.unauthenticated();
  return req.subject;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: RouteInfo[];
    auditBatcher: AuditBatcher;
  }
}
