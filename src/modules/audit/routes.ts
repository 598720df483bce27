import { Type } from 'typebox';
import { sql, type Kysely } from 'kysely';
import { stringify } from 'csv-stringify/sync';
import type { App } from '../../platform/http/app.ts';
import { subjectOf } from '../../platform/http/app.ts';
import { languageOf, problem } from '../../platform/http/problem.ts';
import { ProblemResponses, Uuid } from '../../platform/http/schemas.ts';
import type { Database } from '../../platform/db/schema.ts';
import { coveredRelations, decide, type Subject } from '../../domain/policy/index.ts';
import { verifyAuditChain } from './verify.ts';
import { sealAudit } from '../../platform/audit/sealer.ts';
import { auditLabels } from './labels.ts';

const AuditRowSchema = Type.Object({
  seq: Type.String(),
  occurredAt: Type.String(),
  actorUserId: Type.Union([Type.String(), Type.Null()]),
  actorName: Type.Union([Type.String(), Type.Null()]),
  actorOrganisationId: Type.Union([Type.String(), Type.Null()]),
  actorRole: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  resourceType: Type.String(),
  resourceId: Type.Union([Type.String(), Type.Null()]),
  subjectOrganisationId: Type.Union([Type.String(), Type.Null()]),
  purpose: Type.Union([Type.String(), Type.Null()]),
  outcome: Type.String(),
  requestId: Type.Union([Type.String(), Type.Null()]),
  details: Type.Record(Type.String(), Type.Unknown()),
  /** The hash of the row's link in the seal chain; null until the sealer has chained it (within a second). */
  hash: Type.Union([Type.String(), Type.Null()]),
});

/** The filters of the audit trail (the list and its export take the same). */
const filterProperties = {
  actorUserId: Type.Optional(Uuid),
  clientId: Type.Optional(Uuid),
  trajectoryId: Type.Optional(Uuid),
  action: Type.Optional(Type.String({ maxLength: 100 })),
  resourceType: Type.Optional(Type.String({ maxLength: 50 })),
  resourceId: Type.Optional(Type.String({ maxLength: 100 })),
  outcome: Type.Optional(Type.Union([Type.Literal('success'), Type.Literal('denied'), Type.Literal('failure')])),
  from: Type.Optional(Type.String({ format: 'date-time' })),
  to: Type.Optional(Type.String({ format: 'date-time' })),
};
type Filters = { actorUserId?: string; clientId?: string; trajectoryId?: string; action?: string; resourceType?: string; resourceId?: string; outcome?: string; from?: string; to?: string };

/** At most this many rows in one export (the newest first); narrow the filters for more. */
export const EXPORT_LIMIT = 10_000;

/**
 * The rows about one client: the client itself, its consents and deletion requests, its
 * trajectories, their forms and attachments, and the lists that showed it.
 */
function aboutClient(id: string) {
  const trajectories = sql`SELECT t.id::text FROM trajectories t WHERE t.client_id = ${id}`;
  return sql<boolean>`(
    (a.resource_type IN ('client', 'consent', 'deletion_request', 'privacy') AND a.resource_id = ${id})
    OR (a.resource_type = 'consent' AND a.resource_id IN (SELECT k.id::text FROM consents k WHERE k.client_id = ${id}))
    OR (a.resource_type = 'deletion_request' AND a.resource_id IN (SELECT r.id::text FROM deletion_requests r WHERE r.client_id = ${id}))
    OR (a.resource_type = 'trajectory' AND a.resource_id IN (${trajectories}))
    OR (a.resource_type = 'form' AND a.resource_id IN (SELECT f.id::text FROM forms f WHERE f.trajectory_id::text IN (${trajectories})))
    OR (a.resource_type = 'attachment' AND a.resource_id IN (SELECT x.id::text FROM attachments x JOIN forms f ON f.id = x.form_id WHERE f.trajectory_id::text IN (${trajectories})))
    OR a.details->>'clientId' = ${id}
    OR a.details->'clientIds' @> to_jsonb(${id}::text)
    OR a.details->>'trajectoryId' IN (${trajectories})
  )`;
}

/** The rows about one trajectory: the trajectory (all its parts), its forms and attachments, and the lists that showed it. */
function aboutTrajectory(id: string) {
  return sql<boolean>`(
    (a.resource_type = 'trajectory' AND a.resource_id = ${id})
    OR (a.resource_type = 'form' AND a.resource_id IN (SELECT f.id::text FROM forms f WHERE f.trajectory_id = ${id}))
    OR (a.resource_type = 'attachment' AND a.resource_id IN (SELECT x.id::text FROM attachments x JOIN forms f ON f.id = x.form_id WHERE f.trajectory_id = ${id}))
    OR a.details->>'trajectoryId' = ${id}
    OR a.details->'trajectoryIds' @> to_jsonb(${id}::text)
  )`;
}

function filteredQuery(db: Kysely<Database>, subject: Subject, q: Filters) {
  let query = db.selectFrom('audit_log as a').leftJoin('users as u', 'u.id', 'a.actor_user_id').leftJoin('audit_seal as s', 's.seq', 'a.seq');
  if (coveredRelations(subject, 'audit.read') !== 'any') {
    // An organisation administrator sees what was done by, or to, its own organisation tree.
    const scope = subject.scope.length ? [...subject.scope] : ['00000000-0000-0000-0000-000000000000'];
    query = query.where((eb) => eb.or([eb('a.actor_organisation_id', 'in', scope), eb('a.subject_organisation_id', 'in', scope)]));
  }
  if (q.actorUserId) query = query.where('a.actor_user_id', '=', q.actorUserId);
  if (q.clientId) query = query.where(aboutClient(q.clientId));
  if (q.trajectoryId) query = query.where(aboutTrajectory(q.trajectoryId));
  if (q.action) query = query.where('a.action', '=', q.action);
  if (q.resourceType) query = query.where('a.resource_type', '=', q.resourceType);
  if (q.resourceId) query = query.where('a.resource_id', '=', q.resourceId);
  if (q.outcome) query = query.where('a.outcome', '=', q.outcome as 'success');
  if (q.from) query = query.where('a.occurred_at', '>=', new Date(q.from));
  if (q.to) query = query.where('a.occurred_at', '<', new Date(q.to));
  return query.select(['a.seq', 'a.occurred_at', 'a.actor_user_id', 'u.name as actor_name', 'a.actor_organisation_id', 'a.actor_role', 'a.action', 'a.resource_type', 'a.resource_id', 'a.subject_organisation_id', 'a.purpose', 'a.outcome', 'a.request_id', 'a.details', 's.hash']);
}

interface Fragment { occurredAt: string; action: string; route: string; requestId: string | null; details: Record<string, unknown> }

/** The later requests of each page view's read (ADR 0009), per audit row. */
async function fragmentsOf(db: Kysely<Database>, seqs: string[]): Promise<Map<string, Fragment[]>> {
  const out = new Map<string, Fragment[]>();
  if (!seqs.length) return out;
  const { rows } = await sql<{ seq: string; occurred_at: Date | string; action: string; route: string; request_id: string | null; details: unknown }>`
    SELECT seq::text AS seq, occurred_at, action, route, request_id, details FROM audit_read_fragments
    WHERE seq IN (${sql.join(seqs.map((s) => sql`${s}::bigint`))}) ORDER BY seq, occurred_at`.execute(db);
  for (const r of rows) {
    const list = out.get(r.seq) ?? [];
    list.push({ occurredAt: new Date(r.occurred_at).toISOString(), action: r.action, route: r.route, requestId: r.request_id, details: (typeof r.details === 'string' ? JSON.parse(r.details) : r.details) as Record<string, unknown> });
    out.set(r.seq, list);
  }
  return out;
}

type Row = Awaited<ReturnType<ReturnType<typeof filteredQuery>['execute']>>[number];

function toItem(r: Row, fragments: Map<string, Fragment[]>) {
  const details = (typeof r.details === 'string' ? JSON.parse(r.details) : r.details) as Record<string, unknown>;
  const later = fragments.get(String(r.seq));
  return {
    seq: String(r.seq),
    occurredAt: new Date(r.occurred_at).toISOString(),
    actorUserId: r.actor_user_id,
    actorName: r.actor_name,
    actorOrganisationId: r.actor_organisation_id,
    actorRole: r.actor_role,
    action: r.action,
    resourceType: r.resource_type,
    resourceId: r.resource_id,
    subjectOrganisationId: r.subject_organisation_id,
    purpose: r.purpose,
    outcome: r.outcome,
    requestId: r.request_id,
    // A page view's read lists every request it took: the first (this row) and the later ones.
    details: details.pageView
      ? { ...details, fragments: [{ occurredAt: new Date(r.occurred_at).toISOString(), action: r.action, route: details.route ?? null, requestId: r.request_id }, ...(later ?? [])] }
      : details,
    hash: r.hash,
  };
}

/** A date-time as people in the Netherlands write it: 02-03-2026 10:00:00 (Europe/Amsterdam). */
function amsterdam(iso: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.day}-${parts.month}-${parts.year} ${parts.hour}:${parts.minute}:${parts.second}`;
}

export async function auditRoutes(app: App) {
  const db = app.deps.database.db;

  app.get('/audit', {
    config: { action: 'audit.read', personalData: true, resourceType: 'audit' },
    schema: {
      tags: ['audit'],
      summary: 'Query the audit trail (newest first; page with `before`); filter by client or trajectory for every row about it',
      querystring: Type.Object(
        {
          ...filterProperties,
          before: Type.Optional(Type.String({ pattern: '^[0-9]{1,18}$', description: 'seq cursor: rows older than this' })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
        },
        { additionalProperties: false },
      ),
      response: { 200: Type.Object({ items: Type.Array(AuditRowSchema), nextBefore: Type.Union([Type.String(), Type.Null()]) }), ...ProblemResponses },
    },
  }, async (req) => {
    const subject = subjectOf(req);
    const q = req.query;
    let query = filteredQuery(db, subject, q);
    if (q.before) query = query.where('a.seq', '<', q.before);
    const limit = q.limit ?? 100;
    const rows = await query.orderBy('a.seq', 'desc').limit(limit + 1).execute();
    const page = rows.slice(0, limit);
    const fragments = await fragmentsOf(db, page.map((r) => String(r.seq)));
    req.auditInfo = { resourceType: 'audit', purpose: decide(subject, 'audit.read').purpose, details: { count: page.length, ...(q.clientId ? { clientId: q.clientId } : {}), ...(q.trajectoryId ? { trajectoryId: q.trajectoryId } : {}) } };
    return {
      items: page.map((r) => toItem(r, fragments)),
      nextBefore: rows.length > limit ? String(page[page.length - 1]!.seq) : null,
    };
  });

  app.get('/audit/export.csv', {
    config: { action: 'audit.read', personalData: true, resourceType: 'audit' },
    schema: {
      tags: ['audit'],
      summary: 'The filtered audit trail as CSV for Excel (semicolons, UTF-8 with BOM, newest first, at most 10,000 rows); the export is audited',
      querystring: Type.Object(
        { ...filterProperties, lang: Type.Optional(Type.Union([Type.Literal('nl'), Type.Literal('en')], { description: 'Language of the column names and words (default: Accept-Language)' })) },
        { additionalProperties: false },
      ),
    },
  }, async (req, reply) => {
    const subject = subjectOf(req);
    const q = req.query;
    const lang = q.lang ?? languageOf(req);
    const L = auditLabels(lang);
    const rows = await filteredQuery(db, subject, q as Filters).orderBy('a.seq', 'desc').limit(EXPORT_LIMIT).execute();
    const fragments = await fragmentsOf(db, rows.map((r) => String(r.seq)));
    const items = rows.map((r) => toItem(r, fragments));
    const header = L.columns;
    const body = items.map((i) => [
      i.seq,
      amsterdam(i.occurredAt),
      i.actorName ?? L.noActor,
      i.actorRole ? L.role(i.actorRole) : '',
      L.action(i.action),
      L.resourceType(i.resourceType),
      i.resourceId ?? '',
      i.purpose ? L.purpose(i.purpose) : '',
      L.outcome(i.outcome),
      Array.isArray(i.details.fragments) ? String(i.details.fragments.length) : '1',
      JSON.stringify(i.details),
    ]);
    const csv = '\uFEFF' + stringify([header, ...body], { delimiter: ';', record_delimiter: '\r\n', quoted_match: /^[=+\-@]/ });
    const filters = Object.fromEntries(Object.entries(q).filter(([k, v]) => k !== 'lang' && v !== undefined && v !== ''));
    const day = amsterdam(app.deps.clock.now().toISOString()).slice(0, 10).split('-').reverse().join('-');
    // The export is itself a read of the trail: its own row, written before the file is sent.
    await app.auditBatcher.write(req, { action: 'audit.export', resourceType: 'audit', purpose: decide(subject, 'audit.read').purpose, outcome: 'success', details: { method: req.method, route: req.routeOptions.url, format: 'csv', count: items.length, filters } });
    req.audited = true;
    reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${L.fileName}-${day}.csv"`);
    return csv;
  });

  app.get('/audit/verify', {
    config: { action: 'audit.verify', resourceType: 'audit' },
    schema: {
      tags: ['audit'],
      summary: 'Chain the committed rows not yet sealed (up to 100,000), then verify the hash chain of the audit trail; headSeq and headHash name the newest link that was checked, unsealed the rows still not chained',
      response: {
        200: Type.Object({
          ok: Type.Boolean(),
          rows: Type.Integer(),
          headSeq: Type.Union([Type.Integer(), Type.Null()]),
          headHash: Type.Union([Type.String(), Type.Null()]),
          headChainNo: Type.Union([Type.Integer(), Type.Null()]),
          changed: Type.Array(Type.String()),
          broken: Type.Array(Type.String()),
          unsealed: Type.Object({ rows: Type.Integer(), oldestSeq: Type.Union([Type.Integer(), Type.Null()]), oldestAgeSeconds: Type.Union([Type.Number(), Type.Null()]) }),
        }),
        ...ProblemResponses,
      },
    },
  }, async (req) => {
    if (!req.subject) throw problem.unauthenticated();
    // Chain what has been committed so far first (the sealer job does so every 250 ms; this makes the
    // check cover the rows of the last moments too, and works where no job runs). Bounded: 20 batches.
    await sealAudit(db, { maxBatches: 20 });
    return verifyAuditChain(db);
  });
}
