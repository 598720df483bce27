/**
 * Attention for nuisance from the start (R-OV-14…R-OV-17): the start conversation of care provider
 * and resident, the furnishing minimum and the high-nuisance-risk flag, one versioned record per
 * trajectory. The care provider keeps it; the corporation reads it (its furnishing rules). The
 * high-risk flag goes with the resident into every nuisance case opened from then on (R-OV-16: short lines).
 */
import { Type, type Static } from 'typebox';
import type { FastifyRequest } from 'fastify';
import { sql, type Kysely } from 'kysely';
import type { App } from '../../platform/http/app.ts';
import { subjectOf } from '../../platform/http/app.ts';
import { problem } from '../../platform/http/problem.ts';
import { recordAudit, requireIfMatch, setEtag, transact, type Trx } from '../../platform/http/tx.ts';
import { IdParams, IsoDateSchema, ProblemResponses } from '../../platform/http/schemas.ts';
import type { Database } from '../../platform/db/schema.ts';
import { todayIn } from '../../platform/clock.ts';
import { decide, type Action } from '../../domain/policy/index.ts';
import { UNDERLAY_MARKS, checkStartConversation, preventionGaps, type StartConversation } from '../../domain/nuisance/prevention.ts';
import { CaseEventRefused } from '../../platform/cases/engine.ts';

type Db = Kysely<Database>;
const Free = Type.Record(Type.String(), Type.Unknown());

const Body = Type.Object({
  heldOn: Type.Union([IsoDateSchema, Type.Null()]),
  furnishingRules: Type.Boolean(),
  behaviourAndConsequences: Type.Boolean(),
  neighbours: Type.Boolean(),
  acquaintance: Type.Enum(['done', 'planned', 'declined', 'not_discussed'] as const),
  furnishing: Type.Object({
    floorCovering: Type.Boolean(), curtains: Type.Boolean(), hardFloor: Type.Boolean(), receiptKept: Type.Boolean(),
    underlay: Type.Union([Type.Object({
      mark: Type.Union([Type.Enum(UNDERLAY_MARKS), Type.Null()]), dbLin: Type.Union([Type.Number(), Type.Null()]), dbLw: Type.Union([Type.Number(), Type.Null()]),
    }, { additionalProperties: false }), Type.Null()]),
  }, { additionalProperties: false }),
  highRisk: Type.Boolean(),
  note: Type.Union([Type.String({ maxLength: 2000 }), Type.Null()]),
}, { additionalProperties: false });

const EMPTY: StartConversation = {
  heldOn: null, furnishingRules: false, behaviourAndConsequences: false, neighbours: false, acquaintance: 'not_discussed',
  furnishing: { floorCovering: false, curtains: false, hardFloor: false, underlay: null, receiptKept: false }, highRisk: false, note: null,
};

async function authorize(db: Db | Trx, req: FastifyRequest, trajectoryId: string, action: Action) {
  const t = await db.selectFrom('trajectories').select(['id', 'care_provider_id', 'corporation_id', 'municipality_id', 'dwelling_municipality_id']).where('id', '=', trajectoryId).executeTakeFirst();
  if (!t) throw problem.notFound('Het traject', 'The trajectory');
  const s = subjectOf(req);
  const municipalityId = t.dwelling_municipality_id ?? t.municipality_id;
  const d = decide(s, action, {
    organisationIds: [t.care_provider_id, ...(t.corporation_id ? [t.corporation_id] : [])],
    case: { careProviderId: t.care_provider_id, corporationId: t.corporation_id, teamUserIds: [], municipalityIds: municipalityId ? [municipalityId] : [] },
  });
  req.auditInfo = { resourceType: 'trajectory', resourceId: t.id, subjectOrganisationId: t.care_provider_id, purpose: d.purpose ?? undefined, details: d.allowed ? { part: 'nuisance_prevention' } : { reason: d.reason } };
  if (!d.allowed) throw problem.forbidden(d.reason);
  return { t, s, municipalityId };
}

function view(p: StartConversation, version: number) {
  const gaps = preventionGaps(p);
  return { ...p, version, complete: !gaps.some((g) => g.level === 'MUST'), open: gaps.map((g) => ({ code: g.code, level: g.level, nl: g.words.nl, en: g.words.en })) };
}

/** R-OV-16: the high-risk flag of the resident on this trajectory, for a nuisance case opened now. */
export async function highRiskOf(db: Db | Trx, trajectoryId: string | null): Promise<boolean> {
  if (!trajectoryId) return false;
  return (await db.selectFrom('nuisance_prevention').select('high_risk').where('trajectory_id', '=', trajectoryId).executeTakeFirst())?.high_risk ?? false;
}

export async function preventionRoutes(app: App) {
  const db = app.deps.database.db as Db;
  const clock = app.deps.clock;

  app.get('/trajectories/:id/nuisance-prevention', {
    config: { action: 'nuisance_prevention.read', personalData: true },
    schema: {
      summary: 'The start conversation about living and nuisance (R-OV-14…R-OV-17): the topics discussed, the furnishing minimum, the high-risk flag, and what is still open in words',
      params: IdParams, response: { 200: Free, ...ProblemResponses },
    },
  }, async (req, reply) => {
    await authorize(db, req, req.params.id, 'nuisance_prevention.read');
    const row = await db.selectFrom('nuisance_prevention').select(['data', 'version']).where('trajectory_id', '=', req.params.id).executeTakeFirst();
    const version = row?.version ?? 0;
    setEtag(reply, version);
    return view(row ? (row.data as unknown as StartConversation) : EMPTY, version);
  });

  app.put('/trajectories/:id/nuisance-prevention', {
    config: { action: 'nuisance_prevention.update', personalData: true },
    schema: {
      summary: 'Record the start conversation (If-Match; "0" for the first record): refused only for impossible input; what is still open is returned in words',
      params: IdParams, body: Body, response: { 200: Free, ...ProblemResponses },
    },
  }, async (req, reply) => {
    const expected = requireIfMatch(req);
    const b = req.body as Static<typeof Body>;
    const input: StartConversation = { ...b };
    const v = checkStartConversation(input, todayIn(clock));
    if (v.length) throw new CaseEventRefused(v);
    const version = await transact(app, async (trx) => {
      const { t, s, municipalityId } = await authorize(trx, req, req.params.id, 'nuisance_prevention.update');
      if (!municipalityId) throw problem.unprocessable('no_municipality', 'Van dit traject is de gemeente niet bekend.', 'The municipality of this trajectory is not known.', 'R-OV-14');
      const current = await trx.selectFrom('nuisance_prevention').select('version').where('trajectory_id', '=', t.id).forUpdate().executeTakeFirst();
      if ((current?.version ?? 0) !== expected) throw problem.preconditionFailed(current?.version ?? 0);
      const now = clock.now();
      const row = current
        ? await trx.updateTable('nuisance_prevention').set({ data: JSON.stringify(input), high_risk: input.highRisk, version: sql<number>`version + 1`, updated_by: s.userId, updated_at: now })
          .where('trajectory_id', '=', t.id).returning('version').executeTakeFirstOrThrow()
        : await trx.insertInto('nuisance_prevention').values({ trajectory_id: t.id, municipality_id: municipalityId, care_provider_id: t.care_provider_id, data: JSON.stringify(input), high_risk: input.highRisk, updated_by: s.userId, updated_at: now })
          .returning('version').executeTakeFirstOrThrow();
      await recordAudit(app, trx, req, { action: 'nuisance_prevention.update', resourceType: 'trajectory', resourceId: t.id, subjectOrganisationId: t.care_provider_id, purpose: 'case_management', outcome: 'success', details: { part: 'nuisance_prevention', highRisk: input.highRisk } });
      return row.version;
    });
    setEtag(reply, version);
    return view(input, version);
  });
}
