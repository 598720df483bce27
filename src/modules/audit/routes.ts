import { Type } from 'typebox';
import type { App } from '../../platform/http/app.ts';
import { subjectOf } from '../../platform/http/app.ts';
import { problem } from '../../platform/http/problem.ts';
import { ProblemResponses, Uuid } from '../../platform/http/schemas.ts';
import { coveredRelations, decide } from '../../domain/policy/index.ts';
import { verifyAuditChain } from './verify.ts';

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
  hash: Type.String(),
});

export async function auditRoutes(app: App) {
  const db = app.deps.database.db;

  app.get('/audit', {
    config: { action: 'audit.read', personalData: true, resourceType: 'audit' },
    schema: {
      tags: ['audit'],
      summary: 'Query the audit trail (newest first; page with `before`)',
      querystring: Type.Object(
        {
          actorUserId: Type.Optional(Uuid),
          action: Type.Optional(Type.String({ maxLength: 100 })),
          resourceType: Type.Optional(Type.String({ maxLength: 50 })),
          resourceId: Type.Optional(Type.String({ maxLength: 100 })),
          outcome: Type.Optional(Type.Union([Type.Literal('success'), Type.Literal('denied'), Type.Literal('failure')])),
          from: Type.Optional(Type.String({ format: 'date-time' })),
          to: Type.Optional(Type.String({ format: 'date-time' })),
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
    let query = db.selectFrom('audit_log as a').leftJoin('users as u', 'u.id', 'a.actor_user_id');
    if (coveredRelations(subject, 'audit.read') !== 'any') {
      // An organisation administrator sees what was done by, or to, its own organisation tree.
      const scope = subject.scope.length ? [...subject.scope] : ['00000000-0000-0000-0000-000000000000'];
      query = query.where((eb) => eb.or([eb('a.actor_organisation_id', 'in', scope), eb('a.subject_organisation_id', 'in', scope)]));
    }
    if (q.actorUserId) query = query.where('a.actor_user_id', '=', q.actorUserId);
    if (q.action) query = query.where('a.action', '=', q.action);
    if (q.resourceType) query = query.where('a.resource_type', '=', q.resourceType);
    if (q.resourceId) query = query.where('a.resource_id', '=', q.resourceId);
    if (q.outcome) query = query.where('a.outcome', '=', q.outcome);
    if (q.from) query = query.where('a.occurred_at', '>=', new Date(q.from));
    if (q.to) query = query.where('a.occurred_at', '<', new Date(q.to));
    if (q.before) query = query.where('a.seq', '<', q.before);
    const limit = q.limit ?? 100;
    const rows = await query
      .select(['a.seq', 'a.occurred_at', 'a.actor_user_id', 'u.name as actor_name', 'a.actor_organisation_id', 'a.actor_role', 'a.action', 'a.resource_type', 'a.resource_id', 'a.subject_organisation_id', 'a.purpose', 'a.outcome', 'a.request_id', 'a.details', 'a.hash'])
      .orderBy('a.seq', 'desc')
      .limit(limit + 1)
      .execute();
    const page = rows.slice(0, limit);
    req.auditInfo = { resourceType: 'audit', purpose: decide(subject, 'audit.read').purpose, details: { count: page.length } };
    return {
      items: page.map((r) => ({
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
        details: (typeof r.details === 'string' ? JSON.parse(r.details) : r.details) as Record<string, unknown>,
        hash: r.hash,
      })),
      nextBefore: rows.length > limit ? String(page[page.length - 1]!.seq) : null,
    };
  });

  app.get('/audit/verify', {
    config: { action: 'audit.verify', resourceType: 'audit' },
    schema: {
      tags: ['audit'],
      summary: 'Verify the hash chain of the audit trail',
      response: {
        200: Type.Object({ ok: Type.Boolean(), rows: Type.Integer(), headSeq: Type.Union([Type.Integer(), Type.Null()]), headHash: Type.Union([Type.String(), Type.Null()]), changed: Type.Array(Type.String()), broken: Type.Array(Type.String()) }),
        ...ProblemResponses,
      },
    },
  }, async (req) => {
    if (!req.subject) throw problem.unauthenticated();
    return verifyAuditChain(db);
  });
}
