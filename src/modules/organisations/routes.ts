import { Type, type Static } from 'typebox';
import { sql } from 'kysely';
import type { App } from '../../platform/http/app.ts';
import { subjectOf } from '../../platform/http/app.ts';
import { problem } from '../../platform/http/problem.ts';
import { recordAudit, requireIfMatch, setEtag, transact } from '../../platform/http/tx.ts';
import { IdParams, Paging, ProblemResponses, Uuid } from '../../platform/http/schemas.ts';
import { decide, writableOrganisationFields, type Action } from '../../domain/policy/index.ts';
import { ORGANISATION_TYPES, checkParent, type OrganisationType } from '../../domain/organisations/model.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { Selectable } from 'kysely';

const Code = Type.String({ pattern: '^[A-Z0-9][A-Z0-9_-]{1,31}$', description: 'Short unique code, e.g. WC-ZONNEHUIS' });
const MunicipalityCode = Type.String({ pattern: '^GM[0-9]{4}$', description: 'CBS municipality code, e.g. GM0363' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const OrganisationSchema = Type.Object({
  id: Uuid,
  code: Type.String(),
  name: Type.String(),
  type: Type.Enum(ORGANISATION_TYPES),
  parentId: Nullable(Type.String()),
  regionId: Nullable(Type.String()),
  municipalityCode: Nullable(Type.String()),
  contactRoleLabel: Nullable(Type.String()),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  active: Type.Boolean(),
  deactivatedAt: Nullable(Type.String()),
  version: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

const Email = Type.String({ format: 'email', maxLength: 254 });
const Phone = Type.String({ pattern: '^[+0-9 ()-]{6,20}$' });

const CreateBody = Type.Object(
  {
    code: Code,
    name: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
    type: Type.Enum(ORGANISATION_TYPES),
    parentId: Type.Optional(Nullable(Uuid)),
    regionId: Type.Optional(Nullable(Uuid)),
    municipalityCode: Type.Optional(Nullable(MunicipalityCode)),
    contactRoleLabel: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
    email: Type.Optional(Nullable(Email)),
    phone: Type.Optional(Nullable(Phone)),
  },
  { additionalProperties: false },
);

const PatchBody = Type.Object(
  {
    code: Type.Optional(Code),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' })),
    parentId: Type.Optional(Nullable(Uuid)),
    regionId: Type.Optional(Nullable(Uuid)),
    municipalityCode: Type.Optional(Nullable(MunicipalityCode)),
    contactRoleLabel: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
    email: Type.Optional(Nullable(Email)),
    phone: Type.Optional(Nullable(Phone)),
  },
  { additionalProperties: false, minProperties: 1 },
);

const RegionSchema = Type.Object({ id: Uuid, code: Type.String(), name: Type.String(), version: Type.Integer() });

type OrgRow = Selectable<Database['organisations']>;

export function organisationView(o: OrgRow) {
  return {
    id: o.id,
    code: o.code,
    name: o.name,
    type: o.type as OrganisationType,
    parentId: o.parent_id,
    regionId: o.region_id,
    municipalityCode: o.municipality_code,
    contactRoleLabel: o.contact_role_label,
    email: o.email,
    phone: o.phone,
    active: o.active,
    deactivatedAt: o.deactivated_at ? new Date(o.deactivated_at).toISOString() : null,
    version: o.version,
    createdAt: new Date(o.created_at).toISOString(),
    updatedAt: new Date(o.updated_at).toISOString(),
  };
}

const FIELD_TO_COLUMN = {
  code: 'code',
  name: 'name',
  parentId: 'parent_id',
  regionId: 'region_id',
  municipalityCode: 'municipality_code',
  contactRoleLabel: 'contact_role_label',
  email: 'email',
  phone: 'phone',
} as const;

export async function organisationRoutes(app: App) {
  const db = app.deps.database.db;
  const clock = app.deps.clock;

  const load = async (id: string) => {
    const o = await db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
    if (!o) throw problem.notFound('De organisatie', 'The organisation');
    return o;
  };
  const authorize = (req: Parameters<typeof subjectOf>[0], action: Action, orgId: string) => {
    const d = decide(subjectOf(req), action, { organisationIds: [orgId] });
    if (!d.allowed) throw problem.forbidden(d.reason);
    return d;
  };

  /** Unique-constraint violations become a 409 that names the field. */
  const uniqueConflict = (err: unknown): never => {
    const e = err as { code?: string; constraint?: string; message?: string };
    if (e.code === '23505') {
      const field = /municipality_code/.test(`${e.constraint ?? e.message}`) ? 'municipalityCode' : 'code';
      throw problem.conflict('duplicate', `Er bestaat al een organisatie met deze ${field === 'code' ? 'code' : 'gemeentecode'}.`, `An organisation with this ${field} already exists.`, { field });
    }
    throw err;
  };

  const checkStructure = async (type: OrganisationType, parentId: string | null | undefined, regionId: string | null | undefined, municipalityCode: string | null | undefined, selfId?: string) => {
    let parentType: OrganisationType | null = null;
    if (parentId) {
      const parent = await db.selectFrom('organisations').select(['id', 'type']).where('id', '=', parentId).executeTakeFirst();
      if (!parent) throw problem.unprocessable('parent_not_found', 'De bovenliggende organisatie bestaat niet.', 'The parent organisation does not exist.');
      parentType = parent.type as OrganisationType;
      if (selfId) {
        const { rows } = await sql<{ id: string }>`
          WITH RECURSIVE up AS (SELECT id, parent_id FROM organisations WHERE id = ${parentId}
            UNION SELECT o.id, o.parent_id FROM organisations o JOIN up ON o.id = up.parent_id)
          SELECT id FROM up WHERE id = ${selfId}`.execute(db);
        if (rows.length) throw problem.unprocessable('parent_cycle', 'Een organisatie kan niet onder zichzelf hangen.', 'An organisation cannot be placed under itself.');
      }
    }
    const v = checkParent(type, parentType);
    if (v) {
      throw problem.unprocessable('parent_type_not_allowed', `Een organisatie van type ${type} kan niet onder ${parentType ?? 'geen bovenliggende organisatie'} hangen.`, `An organisation of type ${type} cannot be placed under ${parentType ?? 'no parent'}.`);
    }
    if ((type === 'municipality') !== !!municipalityCode) {
      throw problem.unprocessable('municipality_code', 'Een gemeente heeft een CBS-gemeentecode (GMxxxx); andere organisaties niet.', 'A municipality has a CBS municipality code (GMxxxx); other organisations do not.');
    }
    if (regionId) {
      const r = await db.selectFrom('regions').select('id').where('id', '=', regionId).executeTakeFirst();
      if (!r) throw problem.unprocessable('region_not_found', 'De regio bestaat niet.', 'The region does not exist.');
    }
  };

  app.get('/organisations', {
    config: { action: 'organisation.list' },
    schema: {
      tags: ['organisations'],
      summary: 'List organisations (not personal data: visible to every member)',
      querystring: Type.Object(
        {
          type: Type.Optional(Type.Enum(ORGANISATION_TYPES)),
          q: Type.Optional(Type.String({ maxLength: 100 })),
          parentId: Type.Optional(Uuid),
          includeInactive: Type.Optional(Type.Boolean({ default: false })),
          ...Paging,
        },
        { additionalProperties: false },
      ),
      response: { 200: Type.Object({ items: Type.Array(OrganisationSchema), total: Type.Integer() }), ...ProblemResponses },
    },
  }, async (req) => {
    const q = req.query;
    let base = db.selectFrom('organisations');
    if (q.type) base = base.where('type', '=', q.type);
    if (q.parentId) base = base.where('parent_id', '=', q.parentId);
    if (!q.includeInactive) base = base.where('active', '=', true);
    if (q.q) {
      const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      base = base.where((eb) => eb.or([eb('name', 'ilike', like), eb('code', 'ilike', like)]));
    }
    const [items, total] = await Promise.all([
      base.selectAll().orderBy('name').orderBy('id').limit(q.limit ?? 50).offset(q.offset ?? 0).execute(),
      base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: items.map(organisationView), total: Number(total.n) };
  });

  app.get('/organisations/:id', {
    config: { action: 'organisation.read' },
    schema: { tags: ['organisations'], summary: 'One organisation (ETag = version)', params: IdParams, response: { 200: OrganisationSchema, ...ProblemResponses } },
  }, async (req, reply) => {
    const o = await load(req.params.id);
    setEtag(reply, o.version);
    return organisationView(o);
  });

  app.post('/organisations', {
    config: { action: 'organisation.create' },
    schema: { tags: ['organisations'], summary: 'Create an organisation (platform administrator)', body: CreateBody, response: { 201: OrganisationSchema, ...ProblemResponses } },
  }, async (req, reply) => {
    const b = req.body;
    await checkStructure(b.type, b.parentId, b.regionId, b.municipalityCode);
    const now = clock.now();
    const created = await transact(app, async (trx) => {
      const o = await trx
        .insertInto('organisations')
        .values({
          code: b.code,
          name: b.name.trim(),
          type: b.type,
          parent_id: b.parentId ?? null,
          region_id: b.regionId ?? null,
          municipality_code: b.municipalityCode ?? null,
          contact_role_label: b.contactRoleLabel ?? null,
          email: b.email ?? null,
          phone: b.phone ?? null,
          created_at: now,
          updated_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow()
        .catch(uniqueConflict);
      await recordAudit(app, trx, req, { action: 'organisation.create', resourceType: 'organisation', resourceId: o.id, subjectOrganisationId: o.id, outcome: 'success', details: { code: o.code, type: o.type } });
      return o;
    });
    app.scopes.invalidate();
    setEtag(reply, created.version);
    return reply.status(201).header('location', `/api/v1/organisations/${created.id}`).send(organisationView(created));
  });

  app.patch('/organisations/:id', {
    config: { action: 'organisation.update' },
    schema: { tags: ['organisations'], summary: 'Change an organisation (If-Match required)', params: IdParams, body: PatchBody, response: { 200: OrganisationSchema, ...ProblemResponses } },
  }, async (req, reply) => {
    const expected = requireIfMatch(req);
    const current = await load(req.params.id);
    const d = authorize(req, 'organisation.update', current.id);
    const writable = writableOrganisationFields(subjectOf(req), d.relation ?? 'foreign');
    const body = req.body as Static<typeof PatchBody>;
    const refused = Object.keys(body).filter((k) => !writable.includes(k as never));
    if (refused.length) {
      throw problem.validation(
        refused.map((f) => ({ field: `/${f}`, in: 'body', code: 'not_writable', message: 'U mag dit veld niet wijzigen.', messageNl: 'U mag dit veld niet wijzigen.', messageEn: 'You may not change this field.' })),
        'U mag een of meer velden niet wijzigen.',
        'You may not change one or more fields.',
      );
    }
    const next = {
      parentId: body.parentId !== undefined ? body.parentId : current.parent_id,
      regionId: body.regionId !== undefined ? body.regionId : current.region_id,
      municipalityCode: body.municipalityCode !== undefined ? body.municipalityCode : current.municipality_code,
    };
    await checkStructure(current.type as OrganisationType, next.parentId, next.regionId, next.municipalityCode, current.id);
    const set: Record<string, unknown> = { updated_at: clock.now(), version: current.version + 1 };
    for (const [k, v] of Object.entries(body)) set[FIELD_TO_COLUMN[k as keyof typeof FIELD_TO_COLUMN]] = typeof v === 'string' && k === 'name' ? v.trim() : v;
    const updated = await transact(app, async (trx) => {
      const o = await trx
        .updateTable('organisations')
        .set(set)
        .where('id', '=', current.id)
        .where('version', '=', expected)
        .returningAll()
        .executeTakeFirst()
        .catch(uniqueConflict);
      if (!o) throw problem.preconditionFailed(current.version);
      await recordAudit(app, trx, req, { action: 'organisation.update', resourceType: 'organisation', resourceId: o.id, subjectOrganisationId: o.id, outcome: 'success', details: { fields: Object.keys(body) } });
      return o;
    });
    app.scopes.invalidate();
    setEtag(reply, updated.version);
    return organisationView(updated);
  });

  app.post('/organisations/:id/deactivate', {
    config: { action: 'organisation.deactivate' },
    schema: {
      tags: ['organisations'],
      summary: 'Deactivate an organisation (history is kept; If-Match required)',
      params: IdParams,
      response: { 200: OrganisationSchema, ...ProblemResponses },
    },
  }, async (req, reply) => {
    const expected = requireIfMatch(req);
    const current = await load(req.params.id);
    authorize(req, 'organisation.deactivate', current.id);
    const activeChildren = await db.selectFrom('organisations').select('id').where('parent_id', '=', current.id).where('active', '=', true).limit(1).execute();
    if (activeChildren.length) {
      throw problem.unprocessable('has_active_children', 'Deactiveer eerst de onderliggende organisaties.', 'Deactivate the organisations below it first.');
    }
    const updated = await transact(app, async (trx) => {
      const now = clock.now();
      const o = await trx
        .updateTable('organisations')
        .set({ active: false, deactivated_at: now, updated_at: now, version: current.version + 1 })
        .where('id', '=', current.id)
        .where('version', '=', expected)
        .returningAll()
        .executeTakeFirst();
      if (!o) throw problem.preconditionFailed(current.version);
      await recordAudit(app, trx, req, { action: 'organisation.deactivate', resourceType: 'organisation', resourceId: o.id, subjectOrganisationId: o.id, outcome: 'success' });
      return o;
    });
    app.scopes.invalidate();
    setEtag(reply, updated.version);
    return organisationView(updated);
  });

  app.get('/regions', {
    config: { action: 'region.list' },
    schema: { tags: ['organisations'], summary: 'Regions (groups of municipalities)', response: { 200: Type.Object({ items: Type.Array(RegionSchema) }), ...ProblemResponses } },
  }, async () => ({ items: await db.selectFrom('regions').select(['id', 'code', 'name', 'version']).orderBy('name').execute() }));

  app.post('/regions', {
    config: { action: 'region.create' },
    schema: {
      tags: ['organisations'],
      summary: 'Create a region',
      body: Type.Object({ code: Code, name: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }) }, { additionalProperties: false }),
      response: { 201: RegionSchema, ...ProblemResponses },
    },
  }, async (req, reply) => {
    const now = clock.now();
    const r = await transact(app, async (trx) => {
      const row = await trx
        .insertInto('regions')
        .values({ code: req.body.code, name: req.body.name.trim(), created_at: now, updated_at: now })
        .returning(['id', 'code', 'name', 'version'])
        .executeTakeFirstOrThrow()
        .catch((err: { code?: string }) => {
          if (err.code === '23505') throw problem.conflict('duplicate', 'Er bestaat al een regio met deze code.', 'A region with this code already exists.', { field: 'code' });
          throw err;
        });
      await recordAudit(app, trx, req, { action: 'region.create', resourceType: 'region', resourceId: row.id, outcome: 'success' });
      return row;
    });
    return reply.status(201).send(r);
  });
}
