import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../platform/http/app.ts';
import { subjectOf } from '../../platform/http/app.ts';
import { problem } from '../../platform/http/problem.ts';
import { recordAudit, requireIfMatch, setEtag, transact } from '../../platform/http/tx.ts';
import { IdParams, IsoDateSchema, ProblemResponses } from '../../platform/http/schemas.ts';
import { todayIn } from '../../platform/clock.ts';
import { CONSENT_EXPLANATION_ITEMS, PURPOSE_LABELS, SHARING_PURPOSES, missingExplanations } from '../../domain/privacy/visibility.ts';
import type { Action } from '../../domain/policy/index.ts';
import { actorOf, authorizeCase } from '../trajectories/index.ts';
import { loadTrajectory, type LoadedTrajectory } from '../trajectories/index.ts';
import { recordTrajectoryEvent } from '../trajectories/index.ts';

const ConsentSchema = Type.Object({
  id: Type.String(),
  clientId: Type.String(),
  purposes: Type.Array(Type.Object({ id: Type.String(), nl: Type.String(), en: Type.String() })),
  givenOn: Type.String(),
  explainedItems: Type.Array(Type.String()),
  explainedBy: Type.Union([Type.String(), Type.Null()]),
  retention: Type.String(),
  withdrawnOn: Type.Union([Type.String(), Type.Null()]),
  active: Type.Boolean(),
  version: Type.Integer(),
  /** With recordStep: the trajectory's version after the step. */
  trajectoryVersion: Type.Optional(Type.Integer()),
});

export async function consentRoutes(app: App) {
  const db = app.deps.database.db;
  const clock = app.deps.clock;

  /** Consent is managed by the care provider on the client's current trajectory. */
  const caseFor = async (req: FastifyRequest, clientId: string, action: Action, conn = db): Promise<LoadedTrajectory> => {
    const t = await conn.selectFrom('trajectories').select('id').where('client_id', '=', clientId).orderBy('created_at', 'desc').executeTakeFirst();
    if (!t) throw problem.notFound('De cliënt of het traject', 'The client or trajectory');
    const loaded = (await loadTrajectory(conn, t.id))!;
    await authorizeCase(conn, clock, req, action, loaded);
    return loaded;
  };

  const view = async (id: string) => {
    const c = await db.selectFrom('consents as k').leftJoin('users as u', 'u.id', 'k.explained_by').selectAll('k').select('u.name as explained_by_name').where('k.id', '=', id).executeTakeFirstOrThrow();
    return {
      id: c.id,
      clientId: c.client_id,
      purposes: c.purposes.map((p) => ({ id: p, ...(PURPOSE_LABELS[p as keyof typeof PURPOSE_LABELS] ?? { nl: p, en: p }) })),
      givenOn: c.given_on,
      explainedItems: c.explained_items as string[],
      explainedBy: c.explained_by_name,
      retention: c.retention,
      withdrawnOn: c.withdrawn_on,
      active: c.withdrawn_on === null,
      version: c.version,
    };
  };

  app.post('/clients/:id/consents', {
    config: { action: 'consent.record', resourceType: 'consent' },
    schema: {
      tags: ['privacy'],
      summary: 'Record written consent per purpose (PB-1 … PB-8), with what was explained (R-OR-82, R-OR-83, R-OR-92)',
      params: IdParams,
      body: Type.Object(
        {
          purposes: Type.Array(Type.Enum(SHARING_PURPOSES), { minItems: 1, uniqueItems: true }),
          givenOn: IsoDateSchema,
          explainedItems: Type.Array(Type.Enum(CONSENT_EXPLANATION_ITEMS), { uniqueItems: true }),
          retention: Type.String({ minLength: 3, maxLength: 500, description: 'R-OR-92: the retention period as told to the client' }),
          recordStep: Type.Optional(Type.Object(
            { trajectoryVersion: Type.Integer({ minimum: 1, description: 'The ETag version of the trajectory as last read (412 when it changed)' }) },
            { additionalProperties: false, description: 'Also record the route step “consent given” on the client’s current trajectory (P0), in the same transaction' },
          )),
        },
        { additionalProperties: false },
      ),
      response: { 201: ConsentSchema, ...ProblemResponses },
    },
  }, async (req, reply) => {
    const b = req.body;
    const missing = missingExplanations(b.explainedItems);
    if (missing.length) {
      throw problem.unprocessable('consent_not_explained', `Leg vast dat alles is uitgelegd; ontbreekt: ${missing.join(', ')}.`, `Record that everything was explained; missing: ${missing.join(', ')}.`, 'R-OR-83', { missing });
    }
    if (b.givenOn > todayIn(clock)) throw problem.validation([{ field: '/givenOn', in: 'body', code: 'date_in_future', message: 'De datum ligt in de toekomst.', messageNl: 'De datum ligt in de toekomst.', messageEn: 'The date is in the future.' }]);
    const t = await caseFor(req, req.params.id, 'consent.record');
    let trajectoryVersion: number | null = null;
    const id = await transact(app, async (trx) => {
      const row = await trx
        .insertInto('consents')
        .values({ client_id: req.params.id, purposes: b.purposes, given_on: b.givenOn, explained_items: JSON.stringify(b.explainedItems), explained_by: subjectOf(req).userId, retention: b.retention, recorded_at: clock.now() })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(app, trx, req, { action: 'consent.record', resourceType: 'consent', resourceId: row.id, subjectOrganisationId: t.careProviderId, purpose: 'case_management', outcome: 'success', details: { clientId: req.params.id, purposes: b.purposes } });
      if (b.recordStep) {
        // Consent and its route step commit together or not at all (R-OR-82).
        const recorded = await recordTrajectoryEvent(
          trx, t.id,
          { type: 'consent_given', occurredOn: b.givenOn < t.startedOn ? t.startedOn : b.givenOn, data: { consentId: row.id }, correctsEventId: null },
          async (locked) => actorOf(subjectOf(req), await authorizeCase(trx, clock, req, 'trajectory.record_event', locked)),
          { clock, expectedVersion: b.recordStep.trajectoryVersion, audit: (tx, entry) => recordAudit(app, tx, req, { ...entry, outcome: 'success' }) },
        );
        trajectoryVersion = recorded.version;
      }
      return row.id;
    });
    setEtag(reply, 1);
    return reply.status(201).send({ ...(await view(id)), ...(trajectoryVersion !== null ? { trajectoryVersion } : {}) });
  });

  app.get('/clients/:id/consents', {
    config: { action: 'consent.read', personalData: true, resourceType: 'consent' },
    schema: { tags: ['privacy'], summary: 'The consent records of a client', params: IdParams, response: { 200: Type.Object({ items: Type.Array(ConsentSchema) }), ...ProblemResponses } },
  }, async (req) => {
    await caseFor(req, req.params.id, 'consent.read');
    const rows = await db.selectFrom('consents').select('id').where('client_id', '=', req.params.id).orderBy('given_on', 'desc').execute();
    return { items: await Promise.all(rows.map((r) => view(r.id))) };
  });

  app.post('/consents/:id/withdraw', {
    config: { action: 'consent.withdraw', resourceType: 'consent' },
    schema: {
      tags: ['privacy'],
      summary: 'Withdraw consent: effective immediately, no new disclosures; the trajectory records it for a joint case review (R-OR-93, R-OR-94)',
      params: IdParams,
      body: Type.Object({ withdrawnOn: Type.Optional(IsoDateSchema) }, { additionalProperties: false }),
      response: { 200: ConsentSchema, ...ProblemResponses },
    },
  }, async (req, reply) => {
    const expected = requireIfMatch(req);
    const consent = await db.selectFrom('consents').selectAll().where('id', '=', req.params.id).executeTakeFirst();
    if (!consent) throw problem.notFound('De toestemming', 'The consent');
    if (consent.withdrawn_on) throw problem.conflict('already_withdrawn', 'Deze toestemming is al ingetrokken.', 'This consent has already been withdrawn.');
    const today = todayIn(clock);
    const on = req.body.withdrawnOn ?? today;
    if (on > today) throw problem.validation([{ field: '/withdrawnOn', in: 'body', code: 'date_in_future', message: 'De datum ligt in de toekomst.', messageNl: 'De datum ligt in de toekomst.', messageEn: 'The date is in the future.' }]);
    await caseFor(req, consent.client_id, 'consent.withdraw');
    await transact(app, async (trx) => {
      const row = await trx
        .updateTable('consents')
        .set({ withdrawn_on: on, withdrawn_by: subjectOf(req).userId, withdrawn_at: clock.now(), version: consent.version + 1 })
        .where('id', '=', consent.id)
        .where('version', '=', expected)
        .returning('id')
        .executeTakeFirst();
      if (!row) throw problem.preconditionFailed(consent.version);
      // R-OR-94 (proposal): the withdrawal is recorded on every active trajectory; the lease is not ended automatically.
      const active = await trx.selectFrom('trajectories').select('id').where('client_id', '=', consent.client_id).where('status', '=', 'active').execute();
      for (const a of active) {
        await recordTrajectoryEvent(
          trx, a.id,
          { type: 'consent_withdrawn', occurredOn: on, data: { consentId: consent.id }, correctsEventId: null },
          async (t) => actorOf(subjectOf(req), await authorizeCase(trx, clock, req, 'consent.withdraw', t)),
          { clock, audit: (tx, entry) => recordAudit(app, tx, req, { ...entry, outcome: 'success' }) },
        );
      }
      await recordAudit(app, trx, req, { action: 'consent.withdraw', resourceType: 'consent', resourceId: consent.id, purpose: 'case_management', outcome: 'success', details: { clientId: consent.client_id, withdrawnOn: on } });
    });
    const v = await view(consent.id);
    setEtag(reply, v.version);
    return v;
  });
}
