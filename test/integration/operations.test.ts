/**
 * Operations (issue 12): /metrics on a separate port (METRICS_PORT, METRICS_HOST) or behind the
 * token on the public port; TRUST_PROXY deciding the client address (X-Forwarded-For) that the
 * login lockout and the rate limit use; the retention jobs for sent outbox e-mails and expired
 * Idempotency-Keys (batches, injected clock); OpenTelemetry traces exported over OTLP/HTTP to a
 * receiver in the test.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_NOW, type TestContext } from '../support/harness.ts';
import { loadConfig, parseTracing } from '../../src/platform/config/config.ts';
import { JobRunner, type JobLogger } from '../../src/platform/jobs/runner.ts';
import { DEFAULT_RETENTION, purgeExpiredIdempotencyKeys, purgeSentOutbox, retentionJobs } from '../../src/platform/jobs/retention.ts';
import { startTelemetry } from '../../src/platform/telemetry.ts';
import { DEMO_DOMAIN } from '../../src/app/seed/demo.ts';

const DAY = 24 * 60 * 60_000;
const HOUR = 60 * 60_000;
const silent: JobLogger = { info() {}, warn() {}, error() {}, debug() {} };

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});
afterAll(async () => ctx?.close());

describe('operations: /metrics not public', () => {
  it('metrics: METRICS_PORT serves GET /metrics without a token on its own port (127.0.0.1 by default), while the public port keeps answering 404', async () => {
    expect(loadConfig({}).metricsHost).toBe('127.0.0.1');
    expect(loadConfig({}).metricsPort).toBeNull();
    expect(() => loadConfig({ METRICS_PORT: '70000' })).toThrow(/METRICS_PORT/);
    const m = await startTestApp({}, { METRICS_PORT: '0' });
    try {
      const server = m.server.app.metricsServer();
      expect(server).not.toBeNull();
      expect(server!.address.address).toBe('127.0.0.1');
      await m.agent().get('/healthz');
      const res = await fetch(server!.url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/plain');
      const text = await res.text();
      expect(text).toContain('thuisroute_http_request_duration_seconds_bucket');
      expect(text).toMatch(/route="\/healthz"/);
      expect((await fetch(server!.url.replace('/metrics', '/api/v1/users'))).status).toBe(404);
      // Without METRICS_TOKEN the public port has no /metrics.
      const pub = await m.agent().get('/metrics');
      expect(pub.statusCode).toBe(404);
      expect(pub.headers['content-type']).toContain('application/problem+json');
    } finally {
      await m.close();
    }
  });

  it('metrics: with METRICS_TOKEN and METRICS_PORT both, the public port wants the bearer token and the metrics port does not; closing the app closes the metrics port', async () => {
    const token = 'operations-test-metrics-token-0123';
    const m = await startTestApp({}, { METRICS_PORT: '0', METRICS_TOKEN: token });
    const url = m.server.app.metricsServer()!.url;
    try {
      expect((await m.agent().get('/metrics')).statusCode).toBe(401);
      expect((await m.agent().get('/metrics', { authorization: `Bearer ${token}` })).statusCode).toBe(200);
      expect((await fetch(url)).status).toBe(200);
    } finally {
      await m.close();
    }
    expect(m.server.app.metricsServer()).toBeNull();
    await expect(fetch(url)).rejects.toThrow();
  });

  it('metrics: without METRICS_PORT there is no metrics port', () => {
    expect(ctx.server.app.metricsServer()).toBeNull();
  });
});

describe('operations: TRUST_PROXY', () => {
  const failedLogin = (c: TestContext, remoteAddress: string, forwardedFor: string) =>
    c.server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress,
      headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
      payload: JSON.stringify({ email: `analist@${DEMO_DOMAIN}`, password: 'not-the-password' }),
    });
  const addresses = async (c: TestContext) =>
    (await c.db.selectFrom('login_failures as f').innerJoin('users as u', 'u.id', 'f.user_id').select('f.address').where('u.email', '=', `analist@${DEMO_DOMAIN}`).execute()).map((r) => r.address).sort();

  it('TRUST_PROXY: off by default, the socket peer is the client (X-Forwarded-For ignored); with a hop count or the proxy\'s CIDR, the forwarded address is (login lockout and rate limit use req.ip)', async () => {
    expect((await failedLogin(ctx, '10.0.0.5', '203.0.113.9')).statusCode).toBe(401);
    expect(await addresses(ctx)).toEqual(['10.0.0.5']);

    for (const trust of ['1', '10.0.0.0/8']) {
      const proxied = await startTestApp({}, { TRUST_PROXY: trust });
      try {
        expect((await failedLogin(proxied, '10.0.0.5', '203.0.113.9')).statusCode).toBe(401);
        // With one trusted hop the nearest proxy's X-Forwarded-For entry counts, not what the client wrote before it.
        expect((await failedLogin(proxied, '10.0.0.5', '198.51.100.1, 203.0.113.10')).statusCode).toBe(401);
        expect(await addresses(proxied)).toEqual(['203.0.113.10', '203.0.113.9']);
        // A peer outside the trusted CIDR is the client itself.
        if (trust !== '1') {
          expect((await failedLogin(proxied, '192.0.2.7', '203.0.113.11')).statusCode).toBe(401);
          expect(await addresses(proxied)).toContain('192.0.2.7');
          expect(await addresses(proxied)).not.toContain('203.0.113.11');
        }
      } finally {
        await proxied.close();
      }
    }
  });
});

describe('operations: retention jobs', () => {
  const now = () => ctx.clock.now().getTime();
  async function addEmail(subject: string, createdAgoMs: number, sentAgoMs: number | null, attempts = 1) {
    await ctx.db
      .insertInto('outbox_emails')
      .values({ to_address: 'x@example.org', subject, body_text: 'x', created_at: new Date(now() - createdAgoMs), next_attempt_at: new Date(now() - createdAgoMs), sent_at: sentAgoMs === null ? null : new Date(now() - sentAgoMs), attempts })
      .execute();
  }
  const subjects = async () => (await ctx.db.selectFrom('outbox_emails').select('subject').where('subject', 'like', 'retention %').orderBy('subject').execute()).map((r) => r.subject);

  it('retention: sent e-mails older than OUTBOX_RETENTION_DAYS (default 30) are deleted in batches; younger, pending and given-up e-mails stay', async () => {
    ctx.clock.set(TEST_NOW);
    expect(DEFAULT_RETENTION).toEqual({ outboxSentDays: 30, idempotencyKeyHours: 24, batchSize: 1000 });
    expect(loadConfig({ OUTBOX_RETENTION_DAYS: '7', IDEMPOTENCY_KEY_TTL_HOURS: '48', RETENTION_BATCH_SIZE: '50' }).retention).toEqual({ outboxSentDays: 7, idempotencyKeyHours: 48, batchSize: 50 });
    expect(() => loadConfig({ OUTBOX_RETENTION_DAYS: '0' })).toThrow(/OUTBOX_RETENTION_DAYS/);
    for (let i = 0; i < 5; i++) await addEmail(`retention old ${i}`, 40 * DAY, 30 * DAY + (i + 1) * 60_000);
    await addEmail('retention boundary', 40 * DAY, 30 * DAY); // sent exactly 30 days ago: not older than 30 days
    await addEmail('retention young', 10 * DAY, 10 * DAY);
    await addEmail('retention pending', 60 * DAY, null, 0);
    await addEmail('retention given up', 60 * DAY, null, 8);

    const r = await purgeSentOutbox(ctx.db, ctx.clock, { outboxSentDays: 30, batchSize: 2 });
    expect(r).toEqual({ deleted: 5, batches: 3, before: new Date(now() - 30 * DAY).toISOString() });
    expect(await subjects()).toEqual(['retention boundary', 'retention given up', 'retention pending', 'retention young']);

    // A minute later the boundary e-mail is older than 30 days; the job (hourly, on the clock) deletes it.
    ctx.clock.advance(60_000);
    const runner = new JobRunner({ database: ctx.server.database, clock: ctx.clock, log: silent, jobs: retentionJobs({ database: ctx.server.database, clock: ctx.clock }, { ...DEFAULT_RETENTION, batchSize: 2 }) });
    expect(runner.jobNames).toEqual(['outbox-retention', 'idempotency-retention']);
    const out = await runner.tick();
    expect(out['outbox-retention']).toMatchObject({ status: 'ran', result: { deleted: 1, batches: 1 } });
    expect(await subjects()).toEqual(['retention given up', 'retention pending', 'retention young']);
    ctx.clock.advance(30 * 60_000);
    expect((await runner.tick())['outbox-retention']).toEqual({ status: 'not_due' });
    await runner.stop();
  });

  it('retention: Idempotency-Keys older than IDEMPOTENCY_KEY_TTL_HOURS (default 24) are deleted in batches, so a retry after that runs as a new request', async () => {
    ctx.clock.set(TEST_NOW);
    const admin = await ctx.login('admin');
    const userId = (await ctx.db.selectFrom('users').select('id').where('email', '=', `admin@${DEMO_DOMAIN}`).executeTakeFirstOrThrow()).id;
    // A real stored key from a POST with Idempotency-Key.
    const body = { name: 'Retentie Zorg', type: 'care_provider', code: 'RET-ZORG' };
    const first = await admin.post('/api/v1/organisations', body, { 'idempotency-key': 'retention-key-1' });
    expect(first.statusCode).toBe(201);
    const replay = await admin.post('/api/v1/organisations', body, { 'idempotency-key': 'retention-key-1' });
    expect(replay.headers['idempotent-replayed']).toBe('true');
    for (let i = 0; i < 4; i++) {
      await ctx.db.insertInto('idempotency_keys').values({ user_id: userId, key: `retention-old-${i}`, method: 'POST', path: '/x', request_hash: 'h', status_code: 201, response_body: '{}', content_type: 'application/json', created_at: new Date(now() - 25 * HOUR - i * 60_000) }).execute();
    }
    await ctx.db.insertInto('idempotency_keys').values({ user_id: userId, key: 'retention-young', method: 'POST', path: '/x', request_hash: 'h', status_code: 201, response_body: '{}', content_type: 'application/json', created_at: new Date(now() - 23 * HOUR) }).execute();
    const keys = async () => (await ctx.db.selectFrom('idempotency_keys').select('key').where('user_id', '=', userId).where('key', 'like', 'retention%').orderBy('key').execute()).map((r) => r.key);

    const r = await purgeExpiredIdempotencyKeys(ctx.db, ctx.clock, { idempotencyKeyHours: 24, batchSize: 3 });
    expect(r).toMatchObject({ deleted: 4, batches: 2 });
    expect(await keys()).toEqual(['retention-key-1', 'retention-young']);

    // 24 hours and a minute after the POST its key is gone too: the same key runs again (and the code is taken now: 409/422, not a replay).
    ctx.clock.advance(24 * HOUR + 60_000);
    expect((await purgeExpiredIdempotencyKeys(ctx.db, ctx.clock, DEFAULT_RETENTION)).deleted).toBe(2);
    expect(await keys()).toEqual([]);
    const again = await admin.post('/api/v1/organisations', body, { 'idempotency-key': 'retention-key-1' });
    expect(again.headers['idempotent-replayed']).toBeUndefined();
    ctx.clock.set(TEST_NOW);
  });
});

describe('operations: OpenTelemetry traces', () => {
  it('tracing: off unless OTEL_EXPORTER_OTLP_ENDPOINT (or OTEL_TRACES_EXPORTER) is set', () => {
    expect(parseTracing({})).toBeNull();
    expect(parseTracing({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toEqual({ serviceName: 'thuisroute', exporters: ['otlp'], tracesUrl: 'http://collector:4318/v1/traces' });
    expect(parseTracing({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://c:4318/traces', OTEL_SERVICE_NAME: 'thuisroute-gemeente' })).toEqual({ serviceName: 'thuisroute-gemeente', exporters: ['otlp'], tracesUrl: 'http://c:4318/traces' });
    expect(parseTracing({ OTEL_TRACES_EXPORTER: 'otlp' })?.tracesUrl).toBe('http://localhost:4318/v1/traces');
    expect(parseTracing({ OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBeNull();
    expect(parseTracing({ OTEL_SDK_DISABLED: 'true', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBeNull();
    expect(() => parseTracing({ OTEL_TRACES_EXPORTER: 'zipkin' })).toThrow(/OTEL_TRACES_EXPORTER/);
    expect(loadConfig({}).tracing).toBeNull();
  });

  it('tracing: with an OTLP endpoint a request is exported as a span named by its route, in the caller\'s trace (traceparent), without the query string; /healthz is not traced', async () => {
    const received: Array<{ path: string; contentType: string; body: string }> = [];
    const receiver = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ path: req.url ?? '', contentType: String(req.headers['content-type']), body: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{}');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const endpoint = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    const telemetry = startTelemetry(parseTracing({ OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_SERVICE_NAME: 'thuisroute-test' }));
    expect(telemetry.enabled).toBe(true);
    const traced = await startTestApp(); // built after the start, as main.ts does
    try {
      const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
      const res = await traced.agent().get('/api/v1/auth/config?secret=personal', { traceparent: `00-${traceId}-00f067aa0ba902b7-01` });
      expect(res.statusCode).toBe(200);
      expect((await traced.agent().get('/healthz')).statusCode).toBe(200);
      await telemetry.flush();
      expect(received.length).toBeGreaterThan(0);
      expect(received[0]!.path).toBe('/v1/traces');
      const all = received.map((r) => r.body).join('\n');
      expect(all).toContain('GET /api/v1/auth/config');
      expect(all).toContain('thuisroute-test');
      expect(all).toContain(traceId);
      expect(all).toContain('/api/v1/auth/config');
      expect(all).not.toContain('secret=personal');
      expect(all).not.toContain('GET /healthz');
    } finally {
      await traced.close();
      await telemetry.shutdown();
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    }
  });
});
