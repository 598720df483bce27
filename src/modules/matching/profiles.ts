/**
 * The client's housing-need profile (woonbehoefteprofiel, matching.md §3): kept by the care provider
 * with the client (R-MA-02); shared with the corporation only under the matching purpose (PB-1),
 * with the client's consent, and then only the derived housing needs — never the care needed or
 * the reasons behind a need (R-MA-25, R-MA-26). Every read is audited with its purpose.
 */
import { Type, type Static } from 'typebox';
import { sql } from 'kysely';
import type { App } from '../../platform/http/app.ts';
import { problem } from '../../platform/http/problem.ts';
import { recordAudit, requireIfMatch, setEtag, transact } from '../../platform/http/tx.ts';
import { IdParams, IsoDateSchema, ProblemResponses } from '../../platform/http/schemas.ts';
import { authorizeCase, loadTrajectory } from '../trajectories/index.ts';
import { currentConfig } from './candidates.ts';
import type { Selectable } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Area = Type.Object({ code: Type.String({ minLength: 1, maxLength: 20 }), name: Type.Optional(Nullable(Type.String({ maxLength: 120 }))), reason: Type.Optional(Nullable(Type.String({ maxLength: 500 }))) }, { additionalProperties: false });

export const CIRCUMSTANCES = ['informal_carers_nearby', 'work_or_daytime_activity_nearby', 'avoid_former_network', 'pets', 'needs_quiet_neighbourhood', 'other'] as const;

export const ProfileBody = Type.Object({
  preferred: Type.Array(Area, { maxItems: 20 }),
  excluded: Type.Array(Area, { maxItems: 20 }),
  circumstances: Type.Array(Type.Enum(CIRCUMSTANCES), { maxItems: 10, uniqueItems: true }),
  circumstancesNote: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  schools: Type.Array(Type.Object({ childId: Type.Optional(Nullable(Type.String({ format: 'uuid' }))), name: Type.String({ minLength: 1, maxLength: 200 }), lat: Nullable(Type.Number({ minimum: 50, maximum: 54 })), lon: Nullable(Type.Number({ minimum: 3, maximum: 8 })) }, { additionalProperties: false }), { maxItems: 10 }),
  careNeeded: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  avoidLiquorShop: Nullable(Type.Boolean()),
  lowStimulus: Nullable(Type.Boolean()),
  needsWheelchair: Nullable(Type.Boolean()),
  groundFloorOrLift: Nullable(Type.Boolean()),
  ggdAdviceOn: Type.Optional(Nullable(IsoDateSchema)),
  otherConstraints: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  monthlyIncome: Type.Optional(Nullable(Type.Number({ minimum: 0, maximum: 20000 }))),
  formVersionId: Type.Optional(Nullable(Type.String({ maxLength: 60 }))),
}, { additionalProperties: false });
type ProfileInput = Static<typeof ProfileBody>;

type ProfileRow = Selectable<Database['housing_profiles']>;

/** The profile as a party may see it: the corporation only the derived housing needs (R-MA-25, R-MA-26). */
export function profileView(p: ProfileRow, viewer: 'care_provider' | 'corporation' | 'wonen', opts: { careTopicsToCorporation?: boolean } = {}) {
  const needs = { avoidLiquorShop: p.avoid_liquor_shop, lowStimulus: p.low_stimulus, needsWheelchair: p.needs_wheelchair, groundFloorOrLift: p.ground_floor_or_lift };
  const base = {
    clientId: p.client_id, version: p.version, updatedAt: p.updated_at.toISOString(),
    preferred: p.preferred.map((a) => ({ code: a.code, name: a.name ?? null })), excluded: p.excluded.map((a) => ({ code: a.code, name: a.name ?? null })),
    ...needs, schoolsCount: p.schools.length,
  };
  // R-MA-26 (proposal): a municipality may share the application form's care topics with the corporation.
  if (viewer === 'corporation' && opts.careTopicsToCorporation) return { ...base, careNeeded: p.care_needed };
  if (viewer !== 'care_provider') return base;
  return {
    ...base, preferred: p.preferred, excluded: p.excluded, circumstances: p.circumstances, circumstancesNote: p.circumstances_note, schools: p.schools,
    careNeeded: p.care_needed, ggdAdviceOn: p.ggd_advice_on, otherConstraints: p.other_constraints, monthlyIncome: p.monthly_income === null ? null : Number(p.monthly_income), formVersionId: p.form_version_id,
  };
}

function values(b: ProfileInput) {
  return {
    preferred: JSON.stringify(b.preferred), excluded: JSON.stringify(b.excluded), circumstances: JSON.stringify(b.circumstances), circumstances_note: b.circumstancesNote ?? null,
    schools: JSON.stringify(b.schools), care_needed: b.careNeeded ?? null, avoid_liquor_shop: b.avoidLiquorShop, low_stimulus: b.lowStimulus, needs_wheelchair: b.needsWheelchair,
    ground_floor_or_lift: b.groundFloorOrLift, ggd_advice_on: b.ggdAdviceOn ?? null, other_constraints: b.otherConstraints ?? null, monthly_income: b.monthlyIncome ?? null, form_version_id: b.formVersionId ?? null,
  };
}

const Free = Type.Record(Type.String(), Type.Unknown());

export async function profileRoutes(app: App) {
  const { clock } = app.deps;
  const db = app.deps.database.db;

  /** The client's current trajectory: the case whose relations and purpose decide access. */
  async function caseOf(clientId: string) {
    const t = await db.selectFrom('trajectories').select('id').where('client_id', '=', clientId).orderBy('started_on', 'desc').limit(1).executeTakeFirst();
    if (!t) throw problem.notFound('De cliënt', 'The client');
    return (await loadTrajectory(db, t.id))!;
  }

  app.get('/application-form-versions', {
    config: { action: 'housing_profile.read', personalData: false },
    schema: { summary: 'The standardized application form\'s versions and topics (R-MA-24, reference data)', response: { 200: Type.Array(Free), ...ProblemResponses } },
  }, async () => {
    const rows = await db.selectFrom('application_form_versions').selectAll().orderBy('valid_from', 'desc').execute();
    return rows.map((r) => ({ id: r.id, name: r.name, validFrom: r.valid_from, topics: r.topics }));
  });

  app.get('/clients/:id/housing-profile', {
    config: { action: 'housing_profile.read', personalData: true },
    schema: { summary: 'The housing-need profile; the corporation sees only the derived housing needs, under matching (PB-1) with consent', params: IdParams, querystring: Type.Object({ purpose: Type.Optional(Type.String({ maxLength: 40 })) }, { additionalProperties: false }), response: { 200: Free, ...ProblemResponses } },
  }, async (req, reply) => {
    const t = await caseOf(req.params.id);
    const access = await authorizeCase(db, clock, req, 'housing_profile.read', t, ['PB-1']);
    const p = await db.selectFrom('housing_profiles').selectAll().where('client_id', '=', req.params.id).executeTakeFirst();
    if (!p) {
      if (access.viewer !== 'care_provider') throw problem.notFound('Het woonbehoefteprofiel', 'The housing-need profile');
      reply.header('etag', '"0"');
      return { clientId: req.params.id, version: 0, exists: false, ...(await hardConstraintHint(req.params.id)) };
    }
    setEtag(reply, p.version);
    const careTopicsToCorporation = access.viewer === 'corporation' && t.municipalityId !== null && (await currentConfig(db, t.municipalityId)).config.corporationSeesCareTopics;
    return { ...profileView(p, access.viewer === 'corporation' ? 'corporation' : access.viewer === 'wonen' ? 'wonen' : 'care_provider', { careTopicsToCorporation }), exists: true, ...(access.viewer === 'care_provider' ? await hardConstraintHint(req.params.id) : {}) };
  });

  /** R-MA-03 (proposal): how many dwellings offered in the last 12 months would have passed the profile's exclusions and needs. */
  async function hardConstraintHint(clientId: string) {
    const p = await db.selectFrom('housing_profiles').selectAll().where('client_id', '=', clientId).executeTakeFirst();
    const since = new Date(clock.now().getTime() - 365 * 86400000).toISOString().slice(0, 10);
    const excluded = (p?.excluded ?? []).map((x) => x.code);
    let q = db.selectFrom('dwellings').where('available_on', '>=', since);
    if (excluded.length) q = q.where((eb) => eb.or([eb('neighbourhood_code', 'is', null), eb('neighbourhood_code', 'not in', excluded)]));
    if (p?.needs_wheelchair) q = q.where('wheelchair_suitable', '=', true);
    if (p?.ground_floor_or_lift) q = q.where((eb) => eb.or([eb('floor', '<=', 0), eb('lift', '=', true)]));
    const [all, passing] = await Promise.all([
      db.selectFrom('dwellings').where('available_on', '>=', since).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst(),
      q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst(),
    ]);
    return { expectation: { offeredLast12Months: Number(all?.n ?? 0), wouldHavePassed: Number(passing?.n ?? 0) } };
  }

  app.put('/clients/:id/housing-profile', {
    config: { action: 'housing_profile.update', personalData: true },
    schema: { summary: 'Write the housing-need profile with the client (the care provider; If-Match: "0" for a new profile)', params: IdParams, body: ProfileBody, response: { 200: Free, ...ProblemResponses } },
  }, async (req, reply) => {
    const expected = requireIfMatch(req);
    const t = await caseOf(req.params.id);
    const row = await transact(app, async (trx) => {
      const access = await authorizeCase(trx, clock, req, 'housing_profile.update', t);
      if (access.viewer !== 'care_provider') throw problem.forbidden('relation_not_covered');
      if (req.body.formVersionId) {
        const f = await trx.selectFrom('application_form_versions').select('id').where('id', '=', req.body.formVersionId).executeTakeFirst();
        if (!f) throw problem.validation([{ field: '/formVersionId', in: 'body', code: 'unknown_form_version', message: 'Onbekende versie van het aanvraagformulier.', messageNl: 'Onbekende versie van het aanvraagformulier.', messageEn: 'Unknown application form version.' }]);
      }
      const cur = await trx.selectFrom('housing_profiles').select('version').where('client_id', '=', req.params.id).forUpdate().executeTakeFirst();
      if ((cur?.version ?? 0) !== expected) throw problem.preconditionFailed(cur?.version ?? 0);
      const now = clock.now();
      const out = cur
        ? await trx.updateTable('housing_profiles').set({ ...values(req.body), municipality_id: t.municipalityId, version: sql<number>`version + 1`, updated_by: req.subject!.userId, updated_at: now }).where('client_id', '=', req.params.id).returningAll().executeTakeFirstOrThrow()
        : await trx.insertInto('housing_profiles').values({ client_id: req.params.id, municipality_id: t.municipalityId, ...values(req.body), updated_by: req.subject!.userId, created_at: now, updated_at: now }).returningAll().executeTakeFirstOrThrow();
      await recordAudit(app, trx, req, { action: 'housing_profile.update', resourceType: 'client', resourceId: req.params.id, subjectOrganisationId: t.careProviderId, purpose: 'case_management', outcome: 'success' });
      return out;
    });
    setEtag(reply, row.version);
    return { ...profileView(row, 'care_provider'), exists: true };
  });
}
