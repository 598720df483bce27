/**
 * The matching configuration per municipality (versioned; every proposal records the version it
 * used) and the replay: a programme analyst or Wonen officer runs a proposed configuration over
 * the proposals of a past period and sees, without writing anything, how many rankings and choices
 * would have changed and which criteria drove the change.
 */
import { Type } from 'typebox';
import type { App } from '../../platform/http/app.ts';
import { subjectOf } from '../../platform/http/app.ts';
import { Problem, problem } from '../../platform/http/problem.ts';
import { recordAudit, transact } from '../../platform/http/tx.ts';
import { IsoDateSchema, ProblemResponses, Uuid } from '../../platform/http/schemas.ts';
import type { Subject } from '../../domain/policy/index.ts';
import { configDiff, validateConfig, type MatchingConfigInput } from '../../domain/matching/config.ts';
import type { CandidateFacts, DwellingFacts, Proposal } from '../../domain/matching/model.ts';
import { replay } from '../../domain/matching/replay.ts';
import { currentConfig } from './candidates.ts';

const Free = Type.Record(Type.String(), Type.Unknown());

/** The municipalities a subject may read or change the configuration of: its own. */
function mayActFor(s: Subject, municipalityId: string) {
  if (!s.municipalityIds?.includes(municipalityId) && !s.scope.includes(municipalityId)) throw problem.forbidden('relation_not_covered');
}

function configProblem(errors: ReturnType<typeof validateConfig>['errors']) {
  return new Problem({
    status: 400, code: 'validation', titleNl: 'Ongeldige instellingen', titleEn: 'Invalid settings', detailNl: 'Een of meer instellingen zijn niet geldig.', detailEn: 'One or more settings are not valid.', rule: 'R-MA-01',
    errors: errors.map((e) => ({ field: `/config/${e.path.replace(/\./g, '/')}`, in: 'body', code: 'invalid', message: e.nl, messageNl: e.nl, messageEn: e.en })),
  });
}

export async function configRoutes(app: App) {
  const { clock } = app.deps;
  const db = app.deps.database.db;

  app.get('/matching/config', {
    config: { action: 'matching_config.read', personalData: false },
    schema: { summary: 'The municipality\'s current matching configuration and its versions', querystring: Type.Object({ municipalityId: Uuid }, { additionalProperties: false }), response: { 200: Free, ...ProblemResponses } },
  }, async (req) => {
    const s = subjectOf(req);
    mayActFor(s, req.query.municipalityId);
    const cur = await currentConfig(db, req.query.municipalityId);
    const versions = await db.selectFrom('matching_configs').select(['version', 'note', 'created_at']).where('municipality_id', '=', req.query.municipalityId).orderBy('version', 'desc').execute();
    return { municipalityId: req.query.municipalityId, version: cur.version, config: cur.config, versions: versions.map((v) => ({ version: v.version, note: v.note, createdAt: v.created_at.toISOString() })) };
  });

  app.put('/matching/config', {
    config: { action: 'matching_config.update', personalData: false },
    schema: {
      summary: 'A new version of the municipality\'s matching configuration (the previous versions stay; each proposal keeps the version it used)',
      body: Type.Object({ municipalityId: Uuid, expectedVersion: Type.Integer({ minimum: 0 }), config: Free, note: Type.String({ minLength: 3, maxLength: 500 }) }, { additionalProperties: false }),
      response: { 200: Free, ...ProblemResponses },
    },
  }, async (req) => {
    const s = subjectOf(req);
    mayActFor(s, req.body.municipalityId);
    const v = validateConfig(req.body.config as MatchingConfigInput);
    if (v.errors.length) throw configProblem(v.errors);
    return transact(app, async (trx) => {
      const cur = await currentConfig(trx, req.body.municipalityId);
      if (cur.version !== req.body.expectedVersion) throw problem.preconditionFailed(cur.version);
      const version = cur.version + 1;
      await trx.insertInto('matching_configs').values({ municipality_id: req.body.municipalityId, version, config: JSON.stringify(v.config), note: req.body.note, created_by: s.userId, created_at: clock.now() }).execute();
      await recordAudit(app, trx, req, { action: 'matching_config.update', resourceType: 'matching_config', resourceId: req.body.municipalityId, outcome: 'success', details: { version, changes: configDiff(cur.config, v.config) } });
      return { municipalityId: req.body.municipalityId, version, config: v.config, changes: configDiff(cur.config, v.config) };
    });
  });

  app.post('/matching/replay', {
    config: { action: 'matching.replay', personalData: false },
    schema: {
      summary: 'Replay a proposed configuration over the proposals of a past period (writes nothing): rankings and choices that would change, and the criteria that drove the change',
      body: Type.Object({ municipalityId: Uuid, from: IsoDateSchema, to: IsoDateSchema, config: Free }, { additionalProperties: false }),
      response: { 200: Free, ...ProblemResponses },
    },
  }, async (req) => {
    const s = subjectOf(req);
    mayActFor(s, req.body.municipalityId);
    if (req.body.from > req.body.to) throw problem.validation([{ field: '/to', in: 'body', code: 'range', message: 'De einddatum ligt vóór de begindatum.', messageNl: 'De einddatum ligt vóór de begindatum.', messageEn: 'The end date is before the start date.' }]);
    const cur = await currentConfig(db, req.body.municipalityId);
    const v = validateConfig({ ...cur.config, ...(req.body.config as MatchingConfigInput) });
    if (v.errors.length) throw configProblem(v.errors);
    const rows = await db.selectFrom('proposals').select(['id', 'offer_date', 'config_version', 'dwelling_facts', 'candidate_facts', 'result', 'chosen_trajectory_id'])
      .where('municipality_id', '=', req.body.municipalityId).where('offer_date', '>=', req.body.from).where('offer_date', '<=', req.body.to).orderBy('offer_date').limit(5000).execute();
    const result = replay(rows.map((r) => ({
      proposalId: r.id, dwelling: r.dwelling_facts as unknown as DwellingFacts, candidates: r.candidate_facts as unknown as CandidateFacts[], offerDate: r.offer_date,
      configVersion: r.config_version, proposed: (r.result as unknown as Proposal).proposed, chosenCandidateId: r.chosen_trajectory_id,
      assessments: (r.result as unknown as Proposal).assessments,
    })), v.config, cur.version + 1);
    req.auditInfo = { resourceType: 'matching_config', resourceId: req.body.municipalityId, details: { replayed: rows.length } };
    return { municipalityId: req.body.municipalityId, from: req.body.from, to: req.body.to, baseVersion: cur.version, changes: configDiff(cur.config, v.config), ...result };
  });
}
