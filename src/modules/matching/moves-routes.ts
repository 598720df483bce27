/**
 * Swaps and moves on a mismatch over HTTP (young-adults-and-moves.md Part B):
 *
 *   POST /moves                 start a request (the care provider, on a trajectory in a living phase)
 *   GET  /moves                 the moves the subject may read (same decision as the detail, as SQL)
 *   GET  /moves/:id             one move: status, steps, decision, deadlines
 *   POST /moves/:id/events      record a step (If-Match; 422 with rule IDs; 403 for the wrong party)
 *   GET  /moves/:id/decision    DR-MV-1 … DR-MV-4 for the current inputs, in words
 */
import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../platform/http/app.ts';
import { subjectOf } from '../../platform/http/app.ts';
import { Problem, problem } from '../../platform/http/problem.ts';
import { recordAudit, requireIfMatch, setEtag, transact } from '../../platform/http/tx.ts';
import { IdParams, IsoDateSchema, ProblemResponses, Uuid } from '../../platform/http/schemas.ts';
import { todayIn } from '../../platform/clock.ts';
import { decide, type Action } from '../../domain/policy/index.ts';
import { MOVE_EVENT_TYPES, MOVE_FACTS, MOVE_REASONS, caseDecision, mayServe, type MoveEventInput } from '../../domain/matching/moves.ts';
import { loadTrajectory } from '../trajectories/index.ts';
import { recordMoveEvent, type MoveCaseActor } from './moves-case-kind.ts';
import { listMoves, loadMove, moveCaseRef, moveDeadlineRows, type LoadedMove } from './moves-repository.ts';
import { decisionView, moveView } from './moves-views.ts';

const Free = Type.Record(Type.String(), Type.Unknown());
const Area = Type.Number({ exclusiveMinimum: 0, maximum: 1000, description: 'm²; above 60 counts as 61 or larger (AMB-MV-02)' });
const Facts = Type.Object(Object.fromEntries(MOVE_FACTS.map((k) => [k, Type.Optional(Type.Boolean())])), { additionalProperties: false });

const StartBody = Type.Object(
  {
    trajectoryId: Uuid,
    kind: Type.Enum(['swap', 'move'] as const),
    reason: Type.Optional(Type.Enum(MOVE_REASONS)),
    currentArea: Area,
    targetArea: Area,
    similar: Type.Boolean({ description: 'Same area, rooms, accessibility, etc.' }),
    otherTrajectoryId: Type.Optional(Uuid),
    facts: Type.Optional(Facts),
    occurredOn: Type.Optional(IsoDateSchema),
  },
  { additionalProperties: false },
);

/** A living phase of the trajectory: the dwelling is let (the same phases as its swap_or_move step). */
const LIVING: ReadonlyArray<string> = ['P4_key_handover', 'P5_introduction', 'P6_support_plan', 'P7_living', 'P8_transfer'];

function kindsOf(relation: string | null): MoveCaseActor['kinds'] {
  if (relation === 'case_corporation') return ['corporation'];
  if (relation === 'case_wonen') return ['wonen'];
  return ['care_provider'];
}

export async function moveRoutes(app: App) {
  const db = app.deps.database.db;
  const clock = app.deps.clock;

  /** The policy decision on the move (the trajectory's parties, Wonen of its municipality once submitted). */
  const authorize = (req: FastifyRequest, action: Action, m: LoadedMove) => {
    const subject = subjectOf(req);
    const d = decide(subject, action, { case: moveCaseRef(m), organisationIds: [m.careProviderId] });
    const served = d.allowed && mayServe(d.relation, m.state);
    if (!served) {
      req.auditInfo = { resourceType: 'move', resourceId: m.id, subjectOrganisationId: m.careProviderId, details: { reason: d.allowed ? 'not_submitted_to_wonen' : d.reason } };
      throw problem.forbidden(d.allowed ? 'relation_not_covered' : d.reason);
    }
    req.auditInfo = { resourceType: 'move', resourceId: m.id, subjectOrganisationId: m.careProviderId, purpose: d.purpose };
    const actor: MoveCaseActor = { userId: subject.userId, organisationId: subject.organisationId!, role: subject.role!, kinds: kindsOf(d.relation), relation: d.relation, purpose: d.purpose };
    return actor;
  };

  const mustLoad = async (id: string) => {
    const m = await loadMove(db, id);
    if (!m) throw problem.notFound('De ruil of verhuizing', 'The swap or move');
    return m;
  };

  const view = async (m: LoadedMove, relation: string | null) => moveView(m, relation, await moveDeadlineRows(db, m.id), todayIn(clock));

  app.post('/moves', {
    config: { action: 'move.create', resourceType: 'move' },
    schema: {
      tags: ['moves'],
      summary: 'Start a swap (woningruil) or a move on re-assessment of perspective for a trajectory in a living phase (the care provider)',
      body: StartBody,
      response: { 201: Free, ...ProblemResponses },
    },
  }, async (req, reply) => {
    const subject = subjectOf(req);
    const b = req.body;
    const today = todayIn(clock);
    const occurredOn = b.occurredOn ?? today;
    const result = await transact(app, async (trx) => {
      const t = await loadTrajectory(trx, b.trajectoryId, { forUpdate: true });
      if (!t) throw problem.unprocessable('trajectory_not_found', 'Het traject bestaat niet.', 'The trajectory does not exist.');
      const ref = { careProviderId: t.careProviderId, corporationId: t.corporationId, teamUserIds: t.team.map((x) => x.userId), municipalityIds: [t.municipalityId, t.dwellingMunicipalityId].filter((x): x is string => !!x) };
      const d = decide(subject, 'move.create', { case: ref, organisationIds: [t.careProviderId] });
      if (!d.allowed) {
        req.auditInfo = { resourceType: 'trajectory', resourceId: t.id, subjectOrganisationId: t.careProviderId, details: { reason: d.reason } };
        throw problem.forbidden(d.reason);
      }
      if (t.state.status !== 'active' || !LIVING.includes(t.state.phase)) {
        throw problem.unprocessable('not_living', 'Nog niet mogelijk: ruilen of verhuizen kan pas als de cliënt in de woning woont.', 'Not possible yet: a swap or move is possible only once the client lives in the dwelling.', 'R-MV-01');
      }
      const municipalityId = t.dwellingMunicipalityId ?? t.municipalityId;
      if (!municipalityId) throw problem.unprocessable('municipality_unknown', 'Nog niet mogelijk: de gemeente van het traject is niet bekend.', 'Not possible yet: the trajectory’s municipality is not known.');
      if (b.otherTrajectoryId) {
        const other = await trx.selectFrom('trajectories').select('id').where('id', '=', b.otherTrajectoryId).executeTakeFirst();
        if (!other || b.otherTrajectoryId === t.id) throw problem.unprocessable('other_trajectory', 'Het traject van de andere ruilpartij bestaat niet.', 'The other swap party’s trajectory does not exist.');
      }
      const open = await trx.selectFrom('moves').select('id').where('trajectory_id', '=', t.id).where('status', 'not in', ['completed', 'withdrawn']).executeTakeFirst();
      if (open) throw problem.conflict('move_open', 'Voor dit traject loopt al een ruil of verhuizing.', 'A swap or move is already open for this trajectory.', { moveId: open.id });
      const now = clock.now();
      const row = await trx.insertInto('moves').values({
        municipality_id: municipalityId, kind: b.kind, trajectory_id: t.id, other_trajectory_id: b.otherTrajectoryId ?? null, care_provider_id: t.careProviderId,
        corporation_id: t.corporationId, status: 'preparing', state: '{}', created_by: subject.userId, created_at: now, updated_at: now,
      }).returning('id').executeTakeFirstOrThrow();
      const input: MoveEventInput = {
        type: 'request_started', occurredOn,
        data: {
          kind: b.kind, currentArea: b.currentArea, targetArea: b.targetArea, similar: b.similar, facts: b.facts ?? {},
          ...(b.reason ? { reason: b.reason } : {}), ...(b.otherTrajectoryId ? { otherTrajectoryId: b.otherTrajectoryId } : {}),
        },
      };
      const actor: MoveCaseActor = { userId: subject.userId, organisationId: subject.organisationId!, role: subject.role!, kinds: ['care_provider'], relation: d.relation, purpose: d.purpose };
      // The start is the case's first event, through the one write path (its audit row is the creation's, below).
      const recorded = await recordMoveEvent(trx, row.id, input, () => actor, { clock });
      await recordAudit(app, trx, req, {
        action: 'move.create', resourceType: 'move', resourceId: row.id, subjectOrganisationId: t.careProviderId, purpose: d.purpose, outcome: 'success',
        details: { trajectoryId: t.id, kind: b.kind, ...(b.reason ? { reason: b.reason } : {}) },
      });
      return { m: recorded.case, relation: d.relation };
    });
    const m = (await loadMove(db, result.m.id))!;
    setEtag(reply, m.version);
    return reply.status(201).header('location', `/api/v1/moves/${m.id}`).send(await view(m, result.relation));
  });

  app.get('/moves', {
    config: { action: 'move.list', personalData: true, resourceType: 'move' },
    schema: {
      tags: ['moves'],
      summary: 'The swaps and moves the subject may read; Wonen sees those of its municipality once submitted (awaitingWonen=true: its queue)',
      querystring: Type.Object(
        { trajectoryId: Type.Optional(Uuid), awaitingWonen: Type.Optional(Type.Boolean()), status: Type.Optional(Type.Enum(['preparing', 'submitted', 'agreed', 'registered', 'completed', 'withdrawn'] as const)) },
        { additionalProperties: false },
      ),
      response: { 200: Type.Object({ items: Type.Array(Free) }), ...ProblemResponses },
    },
  }, async (req) => {
    const subject = subjectOf(req);
    const rows = await listMoves(db, subject, req.query);
    const items = [];
    for (const r of rows) {
      const m = await loadMove(db, r.id);
      if (!m) continue;
      // Each row is decided again in the domain, as the detail would (list ⊆ detail).
      const d = decide(subject, 'move.read', { case: moveCaseRef(m), organisationIds: [m.careProviderId] });
      if (!d.allowed || !mayServe(d.relation, m.state)) continue;
      const v = moveView(m, d.relation, [], todayIn(clock));
      items.push({
        id: v.id, kind: v.kind, trajectoryId: v.trajectoryId, status: v.status, statusLabel: v.statusLabel, awaitingWonen: v.awaitingWonen, startedOn: v.startedOn,
        reason: v.reason, currentArea: v.currentArea, targetArea: v.targetArea, decision: { outcome: v.decision.outcome, wonenApprovalNeeded: v.decision.wonenApprovalNeeded }, version: v.version,
      });
    }
    req.auditInfo = { resourceType: 'move', details: { count: items.length } };
    return { items };
  });

  app.get('/moves/:id', {
    config: { action: 'move.read', personalData: true, resourceType: 'move' },
    schema: { tags: ['moves'], summary: 'A swap or move: status, steps, the decision in words, deadlines (D-MV-02)', params: IdParams, response: { 200: Free, ...ProblemResponses } },
  }, async (req, reply) => {
    const m = await mustLoad(req.params.id);
    const actor = authorize(req, 'move.read', m);
    setEtag(reply, m.version);
    return view(m, actor.relation);
  });

  app.get('/moves/:id/decision', {
    config: { action: 'move.read', personalData: true, resourceType: 'move' },
    schema: { tags: ['moves'], summary: 'The decision for the current inputs (DR-MV-1 swap, DR-MV-2 reason and DR-MV-3 target for a move, DR-MV-4 route), in words', params: IdParams, response: { 200: Free, ...ProblemResponses } },
  }, async (req, reply) => {
    const m = await mustLoad(req.params.id);
    authorize(req, 'move.read', m);
    setEtag(reply, m.version);
    return decisionView(caseDecision(m.state));
  });

  app.post('/moves/:id/events', {
    config: { action: 'move.record_event', resourceType: 'move' },
    schema: {
      tags: ['moves'],
      summary: 'Record a step of the swap or move with the date it happened (If-Match required)',
      params: IdParams,
      body: Type.Object({ type: Type.Enum(MOVE_EVENT_TYPES.filter((t) => t !== 'request_started')), occurredOn: IsoDateSchema, data: Type.Optional(Free) }, { additionalProperties: false }),
      response: { 201: Free, ...ProblemResponses },
    },
  }, async (req, reply) => {
    const expected = requireIfMatch(req);
    const b = req.body;
    const result = await transact(app, async (trx) => {
      let relation: string | null = null;
      const recorded = await recordMoveEvent(trx, req.params.id, { type: b.type, occurredOn: b.occurredOn, data: b.data ?? {} }, (m) => {
        const a = authorize(req, 'move.record_event', m);
        relation = a.relation;
        return a;
      }, {
        clock, expectedVersion: expected,
        audit: (tx, entry) => recordAudit(app, tx, req, { ...entry, outcome: 'success' }),
      });
      return { recorded, relation };
    }).catch((err: unknown) => {
      if (err instanceof Problem && err.status === 403) req.auditInfo = { ...(req.auditInfo ?? {}), resourceType: 'move', resourceId: req.params.id };
      throw err;
    });
    const m = result.recorded.case;
    setEtag(reply, result.recorded.version);
    return reply.status(201).send({ eventId: result.recorded.event.id, version: result.recorded.version, status: m.state.status, decision: decisionView(caseDecision(m.state)) });
  });
}
