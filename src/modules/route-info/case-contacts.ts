/**
 * Who can be put on a case: the people a care worker may choose when adding a colleague or an
 * external worker to the case team, or when assigning the corporation's contact person
 * (POST /trajectories/:id/team, PUT /trajectories/:id/corporation need a user id, and a care
 * worker may not list users). Only name, organisation and role are returned (data minimisation);
 * external workers only by a search of at least two characters.
 *
 * NOTE: this belongs in src/modules/trajectories (next to the team routes). It lives here only
 * because the change that added the web app's case pages could not touch that module; move it.
 */
import { Type } from 'typebox';
import { sql } from 'kysely';
import type { App } from '../../platform/http/app.ts';
import { problem } from '../../platform/http/problem.ts';
import { IdParams, ProblemResponses, Uuid } from '../../platform/http/schemas.ts';
import { authorizeCase, loadTrajectory } from '../trajectories/index.ts';

const CASE_ROLES = ['care_worker', 'team_manager'];
const EXTERNAL_ROLES = ['care_worker', 'team_manager', 'nuisance_hub_officer', 'corporation_contact', 'wonen_officer'];

export async function caseContactRoutes(app: App) {
  const db = app.deps.database.db;
  const clock = app.deps.clock;

  app.get('/trajectories/:id/contact-candidates', {
    config: { action: 'trajectory.manage_team', personalData: true, resourceType: 'trajectory' },
    schema: {
      tags: ['trajectories'],
      summary: 'People who can join the case team (colleague, external) or become the corporation contact (name, organisation and role only)',
      params: IdParams,
      querystring: Type.Object(
        {
          kind: Type.Enum(['colleague', 'external', 'corporation_contact'] as const),
          organisationId: Type.Optional(Uuid),
          q: Type.Optional(Type.String({ maxLength: 100 })),
        },
        { additionalProperties: false },
      ),
      response: {
        200: Type.Object({
          items: Type.Array(
            Type.Object({ userId: Type.String(), name: Type.String(), organisationId: Type.String(), organisationName: Type.String(), role: Type.String(), onTeam: Type.Boolean() }),
          ),
        }),
        ...ProblemResponses,
      },
    },
  }, async (req) => {
    const q = req.query;
    const t = await loadTrajectory(db, req.params.id);
    if (!t) throw problem.notFound('Het traject', 'The trajectory');
    const access = await authorizeCase(db, clock, req, q.kind === 'corporation_contact' ? 'trajectory.assign_corporation' : 'trajectory.manage_team', t);
    let base = db
      .selectFrom('memberships as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
      .where('m.active', '=', true)
      .where('u.active', '=', true)
      .where('o.active', '=', true);
    if (q.kind === 'colleague') {
      base = base.where('m.organisation_id', '=', t.careProviderId).where('m.role', 'in', CASE_ROLES);
    } else if (q.kind === 'corporation_contact') {
      if (!q.organisationId) {
        throw problem.validation([{ field: '/organisationId', in: 'querystring', code: 'required', message: 'Kies eerst een woningcorporatie.', messageNl: 'Kies eerst een woningcorporatie.', messageEn: 'Choose a housing corporation first.' }]);
      }
      base = base.where('m.organisation_id', '=', q.organisationId).where('o.type', '=', 'housing_corporation').where('m.role', '=', 'corporation_contact');
    } else {
      const term = (q.q ?? '').trim();
      if (term.length < 2) {
        throw problem.validation([{ field: '/q', in: 'querystring', code: 'minLength', message: 'Zoek op minimaal 2 tekens van de naam.', messageNl: 'Zoek op minimaal 2 tekens van de naam.', messageEn: 'Search on at least 2 characters of the name.' }]);
      }
      const like = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      base = base.where('m.organisation_id', '!=', t.careProviderId).where('m.role', 'in', EXTERNAL_ROLES).where('u.name', 'ilike', like);
    }
    const rows = await base
      .select(['u.id as user_id', 'u.name', 'o.id as organisation_id', 'o.name as organisation_name', 'm.role'])
      .orderBy('u.name')
      .orderBy(sql`u.id`)
      .limit(q.kind === 'external' ? 20 : 100)
      .execute();
    const onTeam = new Set(t.team.map((m) => m.userId));
    req.auditInfo = { resourceType: 'trajectory', resourceId: t.id, subjectOrganisationId: t.careProviderId, purpose: access.purpose, details: { lookup: q.kind, count: rows.length } };
    return {
      items: rows.map((r) => ({ userId: r.user_id, name: r.name, organisationId: r.organisation_id, organisationName: r.organisation_name, role: r.role, onTeam: onTeam.has(r.user_id) })),
    };
  });
}
