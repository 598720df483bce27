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
  /** Bearer token for GET /metrics; null: /metrics answers 404. */
  metricsToken: string | null;
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
    publicBaseUrl,
    oidc,
    webDistDir: path.resolve(env.WEB_DIST_DIR ?? './dist/web'),
    auditAnchorIntervalSeconds: int(env, 'AUDIT_ANCHOR_INTERVAL_SECONDS', 3600),
    bagLocatieserverUrl: env.BAG_LOCATIESERVER_URL?.trim() || null,
  };
}
