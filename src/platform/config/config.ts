import net from 'node:net';
import path from 'node:path';

/** Runtime configuration, read once from the environment (README § Configuration). */
export interface Config {
  nodeEnv: 'production' | 'development' | 'test';
  port: number;
  host: string;
  /** postgres://… to use a PostgreSQL server; otherwise embedded PGlite in dataDir. */
  databaseUrl: string | null;
  dataDir: string;
  /** Seed the fictional demo region on first start. Never in production. */
  demoSeed: boolean;
  /** Also seed demo clients and trajectories (on for `npm start`, off in tests that build their own). */
  demoCases: boolean;
  logLevel: string;
  bodyLimitBytes: number;
  cookieSecure: boolean;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  loginMaxAttempts: number;
  loginLockoutMinutes: number;
  loginRateLimitPerMinute: number;
  /**
   * Fastify's trustProxy: which proxies' X-Forwarded-For to believe for the client address
   * (rate limit, login lockout, audit). false (default): none, the socket's peer is the client.
   */
  trustProxy: TrustProxy;
  /**
   * METRICS_TOKEN: bearer token for GET /metrics on the public port; null (default): /metrics
   * answers 404 there. At least 16 characters.
   */
  metricsToken: string | null;
  /**
   * METRICS_PORT: serve GET /metrics (no token) on this separate port as well (0: any free port,
   * for tests); null (default): no metrics port. METRICS_HOST: the address it binds, default 127.0.0.1 (loopback only; set
   * e.g. 0.0.0.0 inside a container whose port only the scraper can reach).
   */
  metricsPort: number | null;
  metricsHost: string;
  /** OpenTelemetry traces (src/platform/telemetry.ts); null (default): off. */
  tracing: TracingConfig | null;
  /**
   * Contact of the API in the OpenAPI document (API Design Rules /core/doc-openapi-contact):
   * API_CONTACT_NAME (default "Thuisroute"), API_CONTACT_URL (default PUBLIC_BASE_URL),
   * API_CONTACT_EMAIL (default thuisroute@example.org: a municipality sets its own).
   */
  apiContact: { name: string; url: string; email: string };
  /** Retention of operational rows (src/platform/jobs/retention.ts). */
  retention: RetentionConfig;
  publicBaseUrl: string;
  oidc: OidcConfig | null;
  webDistDir: string;
  auditAnchorIntervalSeconds: number;
  /**
   * Base URL of the PDOK Locatieserver "free" endpoint used to verify dwelling addresses in the BAG
   * (e.g. https://api.pdok.nl/bzk/locatieserver/search/v3_1/free); null (default): lookups are off
   * and addresses are entered by hand.
   */
  bagLocatieserverUrl: string | null;
}

/** true/false, the addresses/CIDRs of trusted proxies, or (a hop count) a function of the hop: Fastify's trustProxy. */
export type TrustProxy = boolean | string[] | ((address: string, hop: number) => boolean);

/**
 * OpenTelemetry traces, on when OTEL_EXPORTER_OTLP_ENDPOINT or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT
 * is set, or OTEL_TRACES_EXPORTER names an exporter (otlp, console); off with
 * OTEL_TRACES_EXPORTER=none or OTEL_SDK_DISABLED=true. The spans go over OTLP/HTTP (JSON) to
 * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, or OTEL_EXPORTER_OTLP_ENDPOINT + /v1/traces (default
 * http://localhost:4318/v1/traces). OTEL_SERVICE_NAME (default "thuisroute"); the SDK reads the
 * other standard OTEL_* variables itself (OTEL_EXPORTER_OTLP_HEADERS, OTEL_TRACES_SAMPLER,
 * OTEL_RESOURCE_ATTRIBUTES, …).
 */
export interface TracingConfig {
  serviceName: string;
  exporters: Array<'otlp' | 'console'>;
  /** Where the OTLP exporter posts the spans. */
  tracesUrl: string;
}

/**
 * OUTBOX_RETENTION_DAYS (default 30): sent e-mails are deleted from the outbox this many days
 * after sending. IDEMPOTENCY_KEY_TTL_HOURS (default 24): a stored Idempotency-Key (and its
 * response) is deleted this many hours after its request. RETENTION_BATCH_SIZE (default 1000):
 * rows deleted per statement, so a long backlog never holds one long transaction.
 */
export interface RetentionConfig {
  outboxSentDays: number;
  idempotencyKeyHours: number;
  batchSize: number;
}

export function parseTracing(env: NodeJS.ProcessEnv): TracingConfig | null {
  const disabled = (env.OTEL_SDK_DISABLED ?? '').trim().toLowerCase() === 'true';
  const endpoint = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
  const tracesEndpoint = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim();
  const named = (env.OTEL_TRACES_EXPORTER ?? '').split(',').map((e) => e.trim().toLowerCase()).filter(Boolean);
  if (disabled || named.includes('none')) return null;
  if (!named.length && !endpoint && !tracesEndpoint) return null;
  const exporters = named.length ? named : ['otlp'];
  for (const e of exporters) {
    if (e !== 'otlp' && e !== 'console') throw new Error(`OTEL_TRACES_EXPORTER must be otlp, console or none, got "${e}"`);
  }
  const tracesUrl = tracesEndpoint || `${(endpoint || 'http://localhost:4318').replace(/\/+$/, '')}/v1/traces`;
  try {
    new URL(tracesUrl);
  } catch {
    throw new Error(`OTEL_EXPORTER_OTLP_ENDPOINT / OTEL_EXPORTER_OTLP_TRACES_ENDPOINT must be a URL, got "${tracesUrl}"`);
  }
  return { serviceName: env.OTEL_SERVICE_NAME?.trim() || 'thuisroute', exporters: exporters as TracingConfig['exporters'], tracesUrl };
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string | null;
  redirectUri: string;
  /** Label on the login button, e.g. the organisation's identity provider. */
  displayName: string;
  scope: string;
}

function int(env: NodeJS.ProcessEnv, key: string, fallback: number): number {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${key} must be a non-negative integer, got "${raw}"`);
  return n;
}

function positive(env: NodeJS.ProcessEnv, key: string, fallback: number): number {
  const n = int(env, key, fallback);
  if (n < 1) throw new Error(`${key} must be at least 1, got "${env[key]}"`);
  return n;
}

function bool(env: NodeJS.ProcessEnv, key: string, fallback: boolean): boolean {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  throw new Error(`${key} must be true or false, got "${raw}"`);
}

/**
 * TRUST_PROXY: "false" (default) or "true", a hop count ("1": trust the nearest proxy),
 * or a comma list of proxy addresses and CIDRs ("10.0.0.0/8,127.0.0.1"), as Fastify accepts.
 */
export function parseTrustProxy(raw: string | undefined): TrustProxy {
  const v = (raw ?? '').trim();
  if (v === '' || ['false', 'no', 'off'].includes(v.toLowerCase())) return false;
  if (['true', 'yes', 'on'].includes(v.toLowerCase())) return true;
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    if (!Number.isSafeInteger(hops)) throw new Error(`TRUST_PROXY hop count is too large, got "${raw}"`);
    // Trust the nearest `hops` proxies (hop 0 is the socket's peer).
    return hops === 0 ? false : (_address: string, hop: number) => hop < hops;
  }
  const entries = v.split(',').map((e) => e.trim()).filter(Boolean);
  for (const e of entries) {
    const [addr = '', prefix, ...rest] = e.split('/');
    const family = net.isIP(addr);
    const maxPrefix = family === 4 ? 32 : 128;
    const prefixOk = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= maxPrefix);
    if (!family || !prefixOk || rest.length) {
      throw new Error(`TRUST_PROXY must be true, false, a hop count or a comma list of addresses/CIDRs; "${e}" is none of these`);
    }
  }
  return entries.length ? entries : false;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const nodeEnv = env.NODE_ENV === 'production' ? 'production' : env.NODE_ENV === 'test' ? 'test' : 'development';
  const port = int(env, 'PORT', 8080);
  const publicBaseUrl = env.PUBLIC_BASE_URL ?? `http://localhost:${port}`;
  const demoSeedRequested = bool(env, 'DEMO_SEED', nodeEnv !== 'production');
  const oidc: OidcConfig | null = env.OIDC_ISSUER
    ? {
        issuer: env.OIDC_ISSUER,
        clientId: env.OIDC_CLIENT_ID ?? '',
        clientSecret: env.OIDC_CLIENT_SECRET ?? null,
        redirectUri: env.OIDC_REDIRECT_URI ?? `${publicBaseUrl}/api/v1/auth/oidc/callback`,
        displayName: env.OIDC_DISPLAY_NAME ?? 'organisatie',
        scope: env.OIDC_SCOPE ?? 'openid email profile',
      }
    : null;
  if (oidc && !oidc.clientId) throw new Error('OIDC_CLIENT_ID is required when OIDC_ISSUER is set');
  if (env.METRICS_TOKEN && env.METRICS_TOKEN.length < 16) throw new Error('METRICS_TOKEN must be at least 16 characters');
  const metricsPort = env.METRICS_PORT ? int(env, 'METRICS_PORT', 0) : null;
  if (metricsPort !== null && metricsPort > 65535) throw new Error(`METRICS_PORT must be a port number (1–65535; 0: any free port), got "${env.METRICS_PORT}"`);
  return {
    nodeEnv,
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || null,
    dataDir: path.resolve(env.DATA_DIR ?? './data'),
    // Demo accounts exist only in demo seeding, never with NODE_ENV=production.
    demoSeed: nodeEnv !== 'production' && demoSeedRequested,
    demoCases: nodeEnv !== 'production' && demoSeedRequested && bool(env, 'DEMO_CASES', nodeEnv !== 'test'),
    logLevel: env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info'),
    bodyLimitBytes: int(env, 'BODY_LIMIT_BYTES', 1024 * 1024),
    cookieSecure: bool(env, 'COOKIE_SECURE', true),
    sessionIdleMinutes: int(env, 'SESSION_IDLE_MINUTES', 30),
    sessionAbsoluteHours: int(env, 'SESSION_ABSOLUTE_HOURS', 12),
    loginMaxAttempts: int(env, 'LOGIN_MAX_ATTEMPTS', 5),
    loginLockoutMinutes: int(env, 'LOGIN_LOCKOUT_MINUTES', 15),
    loginRateLimitPerMinute: int(env, 'LOGIN_RATE_LIMIT_PER_MINUTE', 20),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    metricsToken: env.METRICS_TOKEN ? env.METRICS_TOKEN : null,
    metricsPort,
    metricsHost: env.METRICS_HOST?.trim() || '127.0.0.1',
    tracing: parseTracing(env),
    apiContact: {
      name: env.API_CONTACT_NAME?.trim() || 'Thuisroute',
      url: env.API_CONTACT_URL?.trim() || publicBaseUrl,
      email: env.API_CONTACT_EMAIL?.trim() || 'thuisroute@example.org',
    },
    retention: {
      outboxSentDays: positive(env, 'OUTBOX_RETENTION_DAYS', 30),
      idempotencyKeyHours: positive(env, 'IDEMPOTENCY_KEY_TTL_HOURS', 24),
      batchSize: positive(env, 'RETENTION_BATCH_SIZE', 1000),
    },
    publicBaseUrl,
    oidc,
    webDistDir: path.resolve(env.WEB_DIST_DIR ?? './dist/web'),
    auditAnchorIntervalSeconds: int(env, 'AUDIT_ANCHOR_INTERVAL_SECONDS', 3600),
    bagLocatieserverUrl: env.BAG_LOCATIESERVER_URL?.trim() || null,
  };
}
