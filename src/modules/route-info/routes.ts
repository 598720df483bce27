/**
 * The public route page's texts (omslagroute.md §3): per phase P0–P9 a title and an
 * explanation in Dutch and English and the responsible actors. Anyone may read them
 * (the page needs no login); a platform editor edits them (route_info.edit) with If-Match,
 * audited in the same transaction. Table: migrations/0003_route_info.sql.
 */
import { Type } from 'typebox';
import { sql } from 'kysely';
import type { App } from '../../platform/http/app.ts';
import { subjectOf } from '../../platform/http/app.ts';
import { problem } from '../../platform/http/problem.ts';
import { recordAudit, requireIfMatch, setEtag, transact } from '../../platform/http/tx.ts';
import { ProblemResponses } from '../../platform/http/schemas.ts';
import { PHASES } from '../../domain/trajectories/model.ts';

/** The route's actors, as shown on the public page. */
export const ROUTE_ACTORS = ['client', 'care_provider', 'housing_corporation', 'wonen', 'nuisance_hub', 'independent_reviewer'] as const;

interface RouteInfoRow {
  phase: string;
  title_nl: string;
  title_en: string;
  body_nl: string;
  body_en: string;
  responsible: string[];
  version: number;
  updated_at: Date | string;
}

const RouteInfoSchema = Type.Object({
  phase: Type.String(),
  title: Type.Object({ nl: Type.String(), en: Type.String() }),
  body: Type.Object({ nl: Type.String(), en: Type.String() }),
  responsible: Type.Array(Type.String()),
  version: Type.Integer(),
  updatedAt: Type.String(),
});

const Title = Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' });
const Body = Type.String({ minLength: 1, maxLength: 4000, pattern: '\\S' });

function view(r: RouteInfoRow) {
  return {
    phase: r.phase,
    title: { nl: r.title_nl, en: r.title_en },
    body: { nl: r.body_nl, en: r.body_en },
    responsible: r.responsible,
    version: r.version,
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

const COLUMNS = sql`phase, title_nl, title_en, body_nl, body_en, responsible, version, updated_at`;
const ORDER = sql`array_position(${sql.raw(`ARRAY[${PHASES.map((p) => `'${p}'`).join(', ')}]::text[]`)}, phase)`;

export async function routeInfoRoutes(app: App) {
  const db = app.deps.database.db;
  const clock = app.deps.clock;

  app.get('/route-info', {
    config: { action: 'system.public' },
    schema: {
      tags: ['route-info'],
      summary: 'The Omslagroute per phase (P0–P9): title, explanation and responsible actors, in Dutch and English (public)',
      response: { 200: Type.Object({ items: Type.Array(RouteInfoSchema) }), ...ProblemResponses },
    },
  }, async (_req, reply) => {
    const { rows } = await sql<RouteInfoRow>`SELECT ${COLUMNS} FROM route_info ORDER BY ${ORDER}`.execute(db);
    reply.header('cache-control', 'no-cache');
    return { items: rows.map(view) };
  });

  app.put('/route-info/:phase', {
    config: { action: 'route_info.edit', resourceType: 'route_info' },
    schema: {
      tags: ['route-info'],
      summary: 'Change the texts of one phase (platform editor; If-Match: the version you edited)',
      params: Type.Object({ phase: Type.Enum(PHASES) }, { additionalProperties: false }),
      body: Type.Object(
        {
          title: Type.Object({ nl: Title, en: Title }, { additionalProperties: false }),
          body: Type.Object({ nl: Body, en: Body }, { additionalProperties: false }),
          responsible: Type.Array(Type.Enum(ROUTE_ACTORS), { uniqueItems: true, maxItems: ROUTE_ACTORS.length }),
        },
        { additionalProperties: false },
      ),
      response: { 200: RouteInfoSchema, ...ProblemResponses },
    },
  }, async (req, reply) => {
    const expected = requireIfMatch(req);
    const { phase } = req.params;
    const b = req.body;
    const subject = subjectOf(req);
    const row = await transact(app, async (trx) => {
      const { rows: current } = await sql<{ version: number }>`SELECT version FROM route_info WHERE phase = ${phase} FOR UPDATE`.execute(trx);
      if (!current[0]) throw problem.notFound('De fase', 'The phase');
      if (current[0].version !== expected) throw problem.preconditionFailed(current[0].version);
      const { rows } = await sql<RouteInfoRow>`
        UPDATE route_info
           SET title_nl = ${b.title.nl.trim()}, title_en = ${b.title.en.trim()}, body_nl = ${b.body.nl.trim()}, body_en = ${b.body.en.trim()},
               responsible = ${b.responsible}::text[],
               version = version + 1, updated_by = ${subject.userId}, updated_at = ${clock.now()}
         WHERE phase = ${phase} AND version = ${expected}
        RETURNING ${COLUMNS}`.execute(trx);
      const updated = rows[0];
      if (!updated) throw problem.preconditionFailed(current[0].version);
      await recordAudit(app, trx, req, {
        action: 'route_info.edit', resourceType: 'route_info', resourceId: phase, outcome: 'success',
        details: { version: updated.version, responsible: b.responsible },
      });
      return updated;
    });
    setEtag(reply, row.version);
    return view(row);
  });
}
