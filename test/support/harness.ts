/**
 * Integration-test harness: the real app on a real database — PGlite in memory by
 * default, a fresh PostgreSQL database per test file when TEST_DATABASE_URL is set
 * (.ci/run does that) — with an injected clock and the demo region seeded.
 */
import crypto from 'node:crypto';
import pg from 'pg';
import type { LightMyRequestResponse } from 'fastify';
import { loadConfig, type Config } from '../../src/platform/config/config.ts';
import { openDatabase, type DatabaseHandle } from '../../src/platform/db/database.ts';
import { createServer, type Server } from '../../src/app/server.ts';
import { fixedClock } from '../../src/platform/clock.ts';
import { DEMO_DOMAIN, DEMO_PASSWORD } from '../../src/app/seed/demo.ts';

export const TEST_NOW = '2026-03-02T09:00:00Z';

/** A fresh, empty PostgreSQL database on the server of TEST_DATABASE_URL; drop() removes it. */
export async function createPostgresDatabase(baseUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `thuisroute_t_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(baseUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const a = new pg.Client({ connectionString: baseUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

export async function openTestDatabase(): Promise<DatabaseHandle & { dropDatabase(): Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const h = await openDatabase({ databaseUrl: null, dataDir: 'memory://' });
    return { ...h, dropDatabase: async () => {} };
  }
  const created = await createPostgresDatabase(url);
  const h = await openDatabase({ databaseUrl: created.url, dataDir: '', poolSize: 10 });
  return { ...h, dropDatabase: created.drop };
}

export interface TestContext {
  server: Server;
  clock: ReturnType<typeof fixedClock>;
  config: Config;
  db: DatabaseHandle['db'];
  agent(): Agent;
  login(who: string, password?: string): Promise<Agent>;
  close(): Promise<void>;
}

export async function startTestApp(overrides: Partial<Config> = {}, env: NodeJS.ProcessEnv = {}): Promise<TestContext> {
  const config: Config = {
    ...loadConfig({ NODE_ENV: 'test', ...env }),
    demoSeed: true,
    cookieSecure: false,
    // Many logins from one test process; the rate-limit test sets its own limit.
    loginRateLimitPerMinute: 10_000,
    ...overrides,
  };
  const clock = fixedClock(TEST_NOW);
  const database = await openTestDatabase();
  const server = await createServer(config, clock, database);
  await server.app.ready();
  const ctx: TestContext = {
    server,
    clock,
    config,
    db: database.db,
    agent: () => new Agent(server),
    login: async (who, password = DEMO_PASSWORD) => {
      const a = new Agent(server);
      const email = who.includes('@') ? who : `${who}@${DEMO_DOMAIN}`;
      const res = await a.post('/api/v1/auth/login', { email, password });
      if (res.statusCode !== 200) throw new Error(`login ${email} failed: ${res.statusCode} ${res.body}`);
      return a;
    },
    close: async () => {
      await server.close();
      await database.dropDatabase();
    },
  };
  return ctx;
}

type Headers = Record<string, string>;

/** A logged-in (or anonymous) client: keeps the session cookie and sends the CSRF token on unsafe methods. */
export class Agent {
  cookies = new Map<string, string>();
  csrfToken: string | null = null;
  private readonly server: Server;
  constructor(server: Server) { this.server = server; }

  async request(method: string, url: string, body?: unknown, headers: Headers = {}): Promise<LightMyRequestResponse & { json<T = any>(): T }> {
    const h: Headers = { 'accept-language': 'nl', ...headers };
    if (this.cookies.size) h.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (this.csrfToken && !['GET', 'HEAD'].includes(method) && !('x-csrf-token' in headers)) h['x-csrf-token'] = this.csrfToken;
    let payload: string | undefined;
    if (body !== undefined) {
      payload = typeof body === 'string' ? body : JSON.stringify(body);
      h['content-type'] ??= 'application/json';
    }
    const res = await this.server.app.inject({ method: method as 'GET', url, payload, headers: h });
    for (const c of res.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now() - 1000 && c.value === '')) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    if (res.statusCode === 200 && url.startsWith('/api/v1/auth/') && res.headers['content-type']?.toString().includes('json')) {
      const j = res.json() as { csrfToken?: string };
      if (j && typeof j.csrfToken === 'string') this.csrfToken = j.csrfToken;
    }
    return res as LightMyRequestResponse & { json<T = any>(): T };
  }
  get(url: string, headers?: Headers) { return this.request('GET', url, undefined, headers); }
  post(url: string, body?: unknown, headers?: Headers) { return this.request('POST', url, body ?? {}, headers); }
  patch(url: string, body?: unknown, headers?: Headers) { return this.request('PATCH', url, body ?? {}, headers); }
  put(url: string, body?: unknown, headers?: Headers) { return this.request('PUT', url, body ?? {}, headers); }
  delete(url: string, headers?: Headers) { return this.request('DELETE', url, undefined, headers); }
}

/** Makes the agent act for its membership at the organisation with this code (the organisation switcher). */
export async function actFor(agent: Agent, orgCode: string): Promise<Agent> {
  const s = (await agent.get('/api/v1/auth/session')).json();
  const m = s.memberships.find((x: { organisationCode: string }) => x.organisationCode === orgCode);
  if (!m) throw new Error(`no membership at ${orgCode}`);
  const res = await agent.put('/api/v1/auth/session/active-membership', { membershipId: m.id });
  if (res.statusCode !== 200) throw new Error(`switch to ${orgCode} failed: ${res.statusCode}`);
  return agent;
}

/** Looks up a demo organisation id by code. */
export async function orgId(ctx: TestContext, code: string): Promise<string> {
  const r = await ctx.db.selectFrom('organisations').select('id').where('code', '=', code).executeTakeFirstOrThrow();
  return r.id;
}

export async function userId(ctx: TestContext, who: string): Promise<string> {
  const email = who.includes('@') ? who : `${who}@${DEMO_DOMAIN}`;
  const r = await ctx.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
  return r.id;
}

export async function auditCount(ctx: TestContext): Promise<number> {
  const r = await ctx.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The ETag of a resource as the agent last reads it (for If-Match). */
export async function etagOf(agent: Agent, url: string): Promise<string> {
  const res = await agent.get(url);
  if (res.statusCode !== 200) throw new Error(`read ${url} for its ETag: ${res.statusCode} ${res.body}`);
  return res.headers.etag as string;
}
