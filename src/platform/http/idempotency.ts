import crypto from 'node:crypto';
import { problem } from './problem.ts';
import type { App } from './app.ts';

declare module 'fastify' {
  interface FastifyRequest {
    idempotencyKey: string | null;
  }
}

/**
 * Idempotency-Key on POST: the first request with a key runs and its response
 * is stored; a retry with the same key and body gets the stored response; the
 * same key with another body is refused (422); a retry while the first is
 * still running gets 409 — until IN_PROGRESS_TIMEOUT_MS: a request that never
 * finished (its process was killed) then no longer blocks its retries.
 * A key lives IDEMPOTENCY_KEY_TTL_HOURS: after that a request with it runs as a new one, whether
 * or not the retention job has deleted the old row yet.
 */
export const IN_PROGRESS_TIMEOUT_MS = 60_000;

/** What a retry must repeat exactly: method, URL and (validated) body. */
export function idempotencyRequestHash(method: string, url: string, body: unknown): string {
  return crypto.createHash('sha256').update(`${method} ${url}\n${JSON.stringify(body ?? null)}`).digest('hex');
}

export function registerIdempotency(app: App) {
  const db = app.deps.database.db;
  const clock = app.deps.clock;
  const ttlMs = app.deps.config.retention.idempotencyKeyHours * 60 * 60_000;
  app.decorateRequest('idempotencyKey', null);

  app.addHook('preHandler', async (req, reply) => {
    if (req.method !== 'POST' || !req.auth) return;
    const key = req.headers['idempotency-key'];
    if (key === undefined) return;
    if (typeof key !== 'string' || !/^[\x21-\x7e]{1,200}$/.test(key)) {
      throw problem.badRequest('invalid_idempotency_key', 'De Idempotency-Key is ongeldig (1–200 zichtbare tekens).', 'The Idempotency-Key is invalid (1–200 visible characters).');
    }
    const requestHash = idempotencyRequestHash(req.method, req.url, req.body);
    const inserted = await db
      .insertInto('idempotency_keys')
      .values({ user_id: req.auth.userId, key, method: req.method, path: req.url, request_hash: requestHash, created_at: clock.now() })
      .onConflict((oc) => oc.columns(['user_id', 'key']).doNothing())
      .returning('key')
      .executeTakeFirst();
    if (inserted) {
      req.idempotencyKey = key;
      return;
    }
    let prior = await db.selectFrom('idempotency_keys').selectAll().where('user_id', '=', req.auth.userId).where('key', '=', key).executeTakeFirstOrThrow();
    const expiredBefore = new Date(clock.now().getTime() - ttlMs);
    if (prior.status_code !== null && prior.created_at < expiredBefore) {
      // Past its lifetime the key is forgotten (as the retention job would have done): the request runs anew.
      const renewed = await db
        .updateTable('idempotency_keys')
        .set({ created_at: clock.now(), request_hash: requestHash, method: req.method, path: req.url, status_code: null, response_body: null, content_type: null })
        .where('user_id', '=', req.auth.userId)
        .where('key', '=', key)
        .where('created_at', '<', expiredBefore)
        .returning('key')
        .executeTakeFirst();
      if (renewed) {
        req.idempotencyKey = key;
        return;
      }
      prior = await db.selectFrom('idempotency_keys').selectAll().where('user_id', '=', req.auth.userId).where('key', '=', key).executeTakeFirstOrThrow();
    }
    if (prior.request_hash !== requestHash) {
      throw problem.unprocessable('idempotency_key_reused', 'Deze Idempotency-Key is al gebruikt voor een ander verzoek.', 'This Idempotency-Key was already used for a different request.');
    }
    if (prior.status_code === null) {
      // Still running — or abandoned by a process that died mid-request: then the retry takes the key over.
      const now = clock.now();
      const taken = await db
        .updateTable('idempotency_keys')
        .set({ created_at: now })
        .where('user_id', '=', req.auth.userId)
        .where('key', '=', key)
        .where('status_code', 'is', null)
        .where('created_at', '<', new Date(now.getTime() - IN_PROGRESS_TIMEOUT_MS))
        .returning('key')
        .executeTakeFirst();
      if (!taken) throw problem.conflict('idempotency_in_progress', 'Een verzoek met deze Idempotency-Key wordt nog verwerkt.', 'A request with this Idempotency-Key is still being processed.');
      req.idempotencyKey = key;
      return;
    }
    req.audited = true; // the original request was audited; a replay writes nothing
    reply.header('idempotent-replayed', 'true');
    return reply.status(prior.status_code).type(prior.content_type ?? 'application/json').send(prior.response_body ?? '');
  });

  app.addHook('onSend', async (req, reply, payload) => {
    const key = req.idempotencyKey;
    if (!key || !req.auth) return payload;
    req.idempotencyKey = null;
    if (reply.statusCode >= 500) {
      await db.deleteFrom('idempotency_keys').where('user_id', '=', req.auth.userId).where('key', '=', key).execute();
      return payload;
    }
    await db
      .updateTable('idempotency_keys')
      .set({
        status_code: reply.statusCode,
        response_body: typeof payload === 'string' ? payload : payload == null ? '' : String(payload),
        content_type: String(reply.getHeader('content-type') ?? 'application/json'),
      })
      .where('user_id', '=', req.auth.userId)
      .where('key', '=', key)
      .execute();
    return payload;
  });
}
