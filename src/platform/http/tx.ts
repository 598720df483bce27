import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { writeAudit, type AuditEntry } from '../audit/writer.ts';
import { problem } from './problem.ts';
import type { App } from './app.ts';

export type Trx = Transaction<Database>;

/** Runs a use case in one transaction: all its writes and its audit row commit together, or nothing does. */
export function transact<T>(app: App, fn: (trx: Trx) => Promise<T>): Promise<T> {
  return app.deps.database.db.transaction().execute(fn);
}

/** Writes the request's audit row inside the given transaction. */
export async function recordAudit(app: App, db: Kysely<Database>, req: FastifyRequest, entry: AuditEntry) {
  await writeAudit(db, app.deps.clock, req, entry);
  req.audited = true;
}

// ─── Optimistic concurrency: ETag = "<version>", If-Match required on writes ──

export function setEtag(reply: FastifyReply, version: number) {
  reply.header('etag', `"${version}"`);
}

/** The version the client last saw, from If-Match. 428 when absent. */
export function requireIfMatch(req: FastifyRequest): number {
  const raw = req.headers['if-match'];
  if (typeof raw !== 'string' || raw.trim() === '') throw problem.preconditionRequired();
  const m = /^(?:W\/)?"(\d{1,9})"$/.exec(raw.trim());
  if (!m) throw problem.badRequest('invalid_if_match', 'De If-Match-header is geen geldige ETag.', 'The If-Match header is not a valid ETag.');
  return Number(m[1]);
}
