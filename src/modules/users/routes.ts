import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import { sql, type Kysely } from 'kysely';
import type { App } from '../../platform/http/app.ts';
import { subjectOf } from '../../platform/http/app.ts';
import { Problem, problem } from '../../platform/http/problem.ts';
import { recordAudit, requireIfMatch, setEtag, transact, type Trx } from '../../platform/http/tx.ts';
import { IdParams, Paging, ProblemResponses, Uuid } from '../../platform/http/schemas.ts';
import type { Database } from '../../platform/db/schema.ts';
import { todayIn } from '../../platform/clock.ts';
import {
  coveredRelations, decide, project, visibleUserFields, writableUserFields, type Action, type Decision, type Subject,
} from '../../domain/policy/index.ts';
import { PLATFORM_ROLES, ROLES, checkRoleForOrganisation, type OrganisationType, type Role } from '../../domain/organisations/model.ts';
import { MIN_PASSWORD_LENGTH, assertPasswordAllowed, hashPassword, unlockUser } from '../auth/index.ts';
import { revokeAllSessionsOf } from '../../platform/auth/sessions.ts';
import { runHandover } from './handover.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const RoleSchema = Type.Enum(ROLES);

const UserMembershipSchema = Type.Object({
  id: Uuid,
  organisationId: Uuid,
  organisationName: Type.String(),
  organisationType: Type.String(),
  role: Type.String(),
  active: Type.Boolean(),
  startsOn: Type.String(),
  endedOn: Nullable(Type.String()),
  version: Type.Integer(),
});

/** Every field is optional: which ones a caller sees is decided by the policy (field-level visibility). */
export const UserSchema = Type.Object({
  id: Type.Optional(Uuid),
  email: Type.Optional(Type.String()),
  name: Type.Optional(Type.String()),
  locale: Type.Optional(Type.String()),
  active: Type.Optional(Type.Boolean()),
  deactivatedAt: Type.Optional(Nullable(Type.String())),
  deactivationReason: Type.Optional(Nullable(Type.String())),
  successorId: Type.Optional(Nullable(Type.String())),
  lockedUntil: Type.Optional(Nullable(Type.String())),
  failedLoginCount: Type.Optional(Type.Integer()),
  lastLoginAt: Type.Optional(Nullable(Type.String())),
  hasPassword: Type.Optional(Type.Boolean()),
  memberships: Type.Optional(Type.Array(UserMembershipSchema)),
  version: Type.Optional(Type.Integer()),
  createdAt: Type.Optional(Type.String()),
  updatedAt: Type.Optional(Type.String()),
});

interface MembershipRecord {
  id: string;
  organisationId: string;
  organisationName: string;
  organisationType: string;
  role: string;
  active: boolean;
  startsOn: string;
  endedOn: string | null;
  version: number;
}
type UserRecord = Record<string, unknown> & { id: string; memberships: MembershipRecord[] };

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

interface MembershipRow {
  id: string; user_id: string; organisation_id: string; name: string; type: string; role: string;
  active: boolean; starts_on: string; ended_on: string | null; version: number;
}
/** A json column as the driver gives it: parsed (pg, PGlite) or, defensively, as text. */
const parseJson = <T,>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

async function loadUsers(db: Kysely<Database>, ids: string[]): Promise<UserRecord[]> {
  if (ids.length === 0) return [];
  // One statement: the users with their memberships (active first, then by organisation name) as a
  // JSON array per user — one round trip and one snapshot instead of two parallel queries.
  const users = await db
    .selectFrom('users as u')
    .selectAll('u')
    .select(sql<MembershipRow[]>`coalesce((
      SELECT json_agg(json_build_object('id', m.id, 'user_id', m.user_id, 'organisation_id', m.organisation_id, 'name', o.name, 'type', o.type,
                                        'role', m.role, 'active', m.active, 'starts_on', m.starts_on, 'ended_on', m.ended_on, 'version', m.version)
                      ORDER BY m.active DESC, o.name)
      FROM memberships m JOIN organisations o ON o.id = m.organisation_id
      WHERE m.user_id = u.id), '[]'::json)`.as('membership_rows'))
    .where('u.id', 'in', ids)
    .execute();
  const byId = new Map(users.map((u) => [u.id, u]));
  return ids.flatMap((id) => {
    const u = byId.get(id);
    if (!u) return [];
    return [{
      id: u.id,
      email: u.email,
      name: u.name,
      locale: u.locale,
      active: u.active,
      deactivatedAt: iso(u.deactivated_at),
      deactivationReason: u.deactivation_reason,
      successorId: u.successor_id,
      lockedUntil: iso(u.locked_until),
      failedLoginCount: u.failed_login_count,
      lastLoginAt: iso(u.last_login_at),
      hasPassword: u.password_hash !== null,
      memberships: parseJson<MembershipRow[]>(u.membership_rows)
        .map((m) => ({
          id: m.id,
          organisationId: m.organisation_id,
          organisationName: m.name,
          organisationType: m.type,
          role: m.role,
          active: m.active,
          startsOn: m.starts_on,
          endedOn: m.ended_on,
          version: m.version,
        })),
      version: u.version,
      createdAt: iso(u.created_at),
      updatedAt: iso(u.updated_at),
    }];
  });
}

/**
 * Organisations a user belongs to, for the policy's relation: its active memberships,
 * or — for a deactivated user, whose history stays with its organisation — all of them.
 */
const orgsOf = (u: UserRecord) => {
  const active = u.memberships.filter((m) => m.active);
  return [...new Set((active.length ? active : u.memberships).map((m) => m.organisationId))];
};

/** The user as the subject may see it: memberships outside the subject's scope are hidden unless the subject is a platform admin or it is the subject itself. */
function viewFor(subject: Subject, u: UserRecord, d: Decision) {
  const fields = visibleUserFields(subject, d.relation ?? 'foreign');
  const visible = project(u, fields) as Record<string, unknown>;
  if (visible.memberships && subject.role !== 'platform_admin' && d.relation !== 'self') {
    visible.memberships = u.memberships.filter((m) => subject.scope.includes(m.organisationId));
  }
  return visible;
}

function authorizeOn(req: FastifyRequest, action: Action, u: UserRecord): Decision {
  // A user who holds a platform role is deactivated by a platform administrator only.
  const platformRole = u.memberships.find((m) => m.active && PLATFORM_ROLES.includes(m.role as Role))?.role as Role | undefined;
  const d = decide(subjectOf(req), action, { organisationIds: orgsOf(u), userId: u.id, ...(platformRole ? { grantsRole: platformRole } : {}) });
  if (!d.allowed) throw problem.forbidden(d.reason);
  return d;
}

export async function userRoutes(app: App) {
  const db = app.deps.database.db;
  const clock = app.deps.clock;

  const loadOne = async (id: string, conn: Kysely<Database> = db) => {
    const [u] = await loadUsers(conn, [id]);
    if (!u) throw problem.notFound('De gebruiker', 'The user');
    return u;
  };

  const loadOrgForMembership = async (conn: Kysely<Database>, organisationId: string, role: Role) => {
    const org = await conn.selectFrom('organisations').select(['id', 'type', 'active']).where('id', '=', organisationId).executeTakeFirst();
    if (!org || !org.active) throw problem.unprocessable('organisation_not_found', 'De organisatie bestaat niet of is niet actief.', 'The organisation does not exist or is not active.');
    const v = checkRoleForOrganisation(role, org.type as OrganisationType);
    if (v) throw problem.unprocessable('role_not_allowed', `De rol ${role} bestaat niet bij een organisatie van type ${org.type}.`, `The role ${role} does not exist in an organisation of type ${org.type}.`);
    return org;
  };

  const emailConflict = (err: unknown): never => {
    if ((err as { code?: string }).code === '23505') {
      throw problem.conflict('duplicate', 'Er bestaat al een gebruiker met dit e-mailadres.', 'A user with this e-mail address already exists.', { field: 'email' });
    }
    throw err;
  };

  app.get('/users', {
    config: { action: 'user.list', personalData: true, resourceType: 'user' },
    schema: {
      tags: ['users'],
      summary: 'Users you may see (administrators: your organisation; platform administrators: all)',
      querystring: Type.Object(
        {
          organisationId: Type.Optional(Uuid),
          role: Type.Optional(RoleSchema),
          q: Type.Optional(Type.String({ maxLength: 100 })),
          includeInactive: Type.Optional(Type.Boolean({ default: false })),
          ...Paging,
        },
        { additionalProperties: false },
      ),
      response: { 200: Type.Object({ items: Type.Array(UserSchema), total: Type.Integer() }), ...ProblemResponses },
    },
  }, async (req) => {
    const subject = subjectOf(req);
    const q = req.query;
    const covered = coveredRelations(subject, 'user.list');
    let base = db.selectFrom('users as u');
    if (!q.includeInactive) base = base.where('u.active', '=', true);
    if (q.q) {
      const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      base = base.where((eb) => eb.or([eb('u.name', 'ilike', like), eb('u.email', 'ilike', like)]));
    }
    // Scope: a non-platform caller sees only users with a membership in its own organisation tree.
    const orgFilter = covered === 'any' ? (q.organisationId ? [q.organisationId] : null) : subject.scope.filter((o) => !q.organisationId || o === q.organisationId);
    if (orgFilter !== null || q.role) {
      base = base.where((eb) =>
        eb.exists(
          eb
            .selectFrom('memberships as m')
            .select(sql`1`.as('one'))
            .whereRef('m.user_id', '=', 'u.id')
            .where('m.active', '=', true)
            .$if(orgFilter !== null, (qb) => qb.where('m.organisation_id', 'in', orgFilter!.length ? orgFilter! : ['00000000-0000-0000-0000-000000000000']))
            .$if(!!q.role, (qb) => qb.where('m.role', '=', q.role!)),
        ),
      );
    }
    const [rows, total] = await Promise.all([
      base.select('u.id').orderBy('u.name').orderBy('u.id').limit(q.limit ?? 50).offset(q.offset ?? 0).execute(),
      base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    ]);
    const users = await loadUsers(db, rows.map((r) => r.id));
    const items = users.map((u) => {
      const d = decide(subject, 'user.list', { organisationIds: orgsOf(u), userId: u.id });
      return viewFor(subject, u, d.allowed ? d : { ...d, relation: 'foreign' });
    });
    const purpose = decide(subject, 'user.list').purpose;
    req.auditInfo = { resourceType: 'user', purpose, details: { count: items.length, userIds: users.map((u) => u.id) } };
    return { items, total: Number(total.n) };
  });

  app.get('/users/:id', {
    config: { action: 'user.read', personalData: true, resourceType: 'user' },
    schema: { tags: ['users'], summary: 'One user (fields visible per policy; ETag = version)', params: IdParams, response: { 200: UserSchema, ...ProblemResponses } },
  }, async (req, reply) => {
    const u = await loadOne(req.params.id);
    const d = authorizeOn(req, 'user.read', u);
    req.auditInfo = { resourceType: 'user', resourceId: u.id, purpose: d.purpose };
    setEtag(reply, u.version as number);
    return viewFor(subjectOf(req), u, d);
  });

  app.post('/users', {
    config: { action: 'user.create', resourceType: 'user' },
    schema: {
      tags: ['users'],
      summary: 'Create a user with a first membership',
      body: Type.Object(
        {
          email: Type.String({ format: 'email', maxLength: 254 }),
          name: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
          locale: Type.Optional(Type.Union([Type.Literal('nl'), Type.Literal('en')])),
          password: Type.Optional(Type.String({ minLength: MIN_PASSWORD_LENGTH, maxLength: 1024 })),
          membership: Type.Object({ organisationId: Uuid, role: RoleSchema }, { additionalProperties: false }),
        },
        { additionalProperties: false },
      ),
      response: { 201: UserSchema, ...ProblemResponses },
    },
  }, async (req, reply) => {
    const subject = subjectOf(req);
    const b = req.body;
    const d = decide(subject, 'user.create', { organisationIds: [b.membership.organisationId] });
    if (!d.allowed) throw problem.forbidden(d.reason);
    const md = decide(subject, 'membership.create', { organisationIds: [b.membership.organisationId], grantsRole: b.membership.role });
    if (!md.allowed) throw problem.forbidden(md.reason);
    await loadOrgForMembership(db, b.membership.organisationId, b.membership.role);
    if (b.password) assertPasswordAllowed(b.password, { email: b.email, name: b.name }, '/password');
    const hash = b.password ? await hashPassword(b.password) : null;
    const now = clock.now();
    const id = await transact(app, async (trx) => {
      const u = await trx
        .insertInto('users')
        .values({ email: b.email.trim().toLowerCase(), name: b.name.trim(), locale: b.locale ?? 'nl', password_hash: hash, created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow()
        .catch(emailConflict);
      const m = await trx
        .insertInto('memberships')
        .values({ user_id: u.id, organisation_id: b.membership.organisationId, role: b.membership.role, starts_on: todayIn(clock), created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(app, trx, req, {
        action: 'user.create', resourceType: 'user', resourceId: u.id, subjectOrganisationId: b.membership.organisationId, purpose: d.purpose, outcome: 'success',
        details: { membershipId: m.id, role: b.membership.role },
      });
      return u.id;
    });
    const u = await loadOne(id);
    setEtag(reply, u.version as number);
    return reply.status(201).header('location', `/api/v1/users/${id}`).send(viewFor(subject, u, decide(subject, 'user.read', { organisationIds: orgsOf(u), userId: u.id })));
  });

  app.patch('/users/:id', {
    config: { action: 'user.update', resourceType: 'user' },
    schema: {
      tags: ['users'],
      summary: 'Change a user (fields writable per policy; If-Match required)',
      params: IdParams,
      body: Type.Object(
        {
          email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
          name: Type.Optional(Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' })),
          locale: Type.Optional(Type.Union([Type.Literal('nl'), Type.Literal('en')])),
          unlock: Type.Optional(Type.Literal(true, { description: 'Lift a login lockout' })),
        },
        { additionalProperties: false, minProperties: 1 },
      ),
      response: { 200: UserSchema, ...ProblemResponses },
    },
  }, async (req, reply) => {
    const expected = requireIfMatch(req);
    const subject = subjectOf(req);
    const u = await loadOne(req.params.id);
    const d = authorizeOn(req, 'user.update', u);
    const writable = writableUserFields(subject, d.relation ?? 'foreign');
    const refused = Object.keys(req.body).filter((k) => !writable.includes(k as never));
    if (refused.length) {
      throw problem.validation(
        refused.map((f) => ({ field: `/${f}`, in: 'body', code: 'not_writable', message: 'U mag dit veld niet wijzigen.', messageNl: 'U mag dit veld niet wijzigen.', messageEn: 'You may not change this field.' })),
        'U mag een of meer velden niet wijzigen.',
        'You may not change one or more fields.',
      );
    }
    const b = req.body;
    const now = clock.now();
    await transact(app, async (trx) => {
      const set: Record<string, unknown> = { updated_at: now, version: (u.version as number) + 1 };
      if (b.email !== undefined) set.email = b.email.trim().toLowerCase();
      if (b.name !== undefined) set.name = b.name.trim();
      if (b.locale !== undefined) set.locale = b.locale;
      if (b.unlock) Object.assign(set, { locked_until: null, failed_login_count: 0 });
      const row = await trx.updateTable('users').set(set).where('id', '=', u.id).where('version', '=', expected).returning('id').executeTakeFirst().catch(emailConflict);
      if (!row) throw problem.preconditionFailed(u.version as number);
      // The lockouts of every client address end (login_failures), and with them the user's fields.
      if (b.unlock) await unlockUser(trx, u.id);
      await recordAudit(app, trx, req, { action: 'user.update', resourceType: 'user', resourceId: u.id, purpose: d.purpose, outcome: 'success', details: { fields: Object.keys(b) } });
    });
    const after = await loadOne(u.id);
    setEtag(reply, after.version as number);
    return viewFor(subject, after, d);
  });

  app.post('/users/:id/deactivate', {
    config: { action: 'user.deactivate', resourceType: 'user' },
    schema: {
      tags: ['users'],
      summary: 'Deactivate a user: history is kept, sessions end, open work goes to the named successor (If-Match required)',
      params: IdParams,
      body: Type.Object(
        { successorUserId: Uuid, reason: Type.String({ minLength: 3, maxLength: 500 }) },
        { additionalProperties: false },
      ),
      response: { 200: Type.Object({ user: UserSchema, handover: Type.Object({ id: Uuid, toUserId: Uuid, items: Type.Record(Type.String(), Type.Integer()) }) }), ...ProblemResponses },
    },
  }, async (req) => {
    const expected = requireIfMatch(req);
    const subject = subjectOf(req);
    const u = await loadOne(req.params.id);
    const d = authorizeOn(req, 'user.deactivate', u);
    if (!u.active) throw problem.conflict('already_inactive', 'Deze gebruiker is al gedeactiveerd.', 'This user is already deactivated.');
    if (req.body.successorUserId === u.id) throw problem.unprocessable('successor_is_self', 'De opvolger moet iemand anders zijn.', 'The successor must be someone else.');
    const successor = await loadOne(req.body.successorUserId).catch(() => {
      throw problem.unprocessable('successor_not_found', 'De opvolger bestaat niet.', 'The successor does not exist.');
    });
    if (!successor.active) throw problem.unprocessable('successor_inactive', 'De opvolger is niet actief.', 'The successor is not active.');
    const sd = decide(subject, 'user.read', { organisationIds: orgsOf(successor), userId: successor.id });
    const sharesOrg = orgsOf(successor).some((o) => orgsOf(u).includes(o));
    if (!sd.allowed || (!sharesOrg && subject.role !== 'platform_admin')) {
      throw problem.unprocessable('successor_not_in_organisation', 'De opvolger moet bij dezelfde organisatie werken.', 'The successor must work for the same organisation.');
    }
    const now = clock.now();
    const handover = await transact(app, async (trx: Trx) => {
      const row = await trx
        .updateTable('users')
        .set({ active: false, deactivated_at: now, deactivation_reason: req.body.reason, successor_id: successor.id, updated_at: now, version: (u.version as number) + 1 })
        .where('id', '=', u.id)
        .where('version', '=', expected)
        .returning('id')
        .executeTakeFirst();
      if (!row) throw problem.preconditionFailed(u.version as number);
      await trx.updateTable('memberships').set({ active: false, ended_on: todayIn(clock), updated_at: now }).where('user_id', '=', u.id).where('active', '=', true).execute();
      await revokeAllSessionsOf(trx, clock, u.id);
      const items = await runHandover(trx, { fromUserId: u.id, toUserId: successor.id, at: now });
      const h = await trx
        .insertInto('user_handovers')
        .values({ from_user_id: u.id, to_user_id: successor.id, reason: req.body.reason, items: JSON.stringify(items), created_by: subject.userId, created_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(app, trx, req, {
        action: 'user.deactivate', resourceType: 'user', resourceId: u.id, purpose: d.purpose, outcome: 'success',
        details: { successorUserId: successor.id, handoverId: h.id, items },
      });
      return { id: h.id, toUserId: successor.id, items };
    });
    const after = await loadOne(u.id);
    return { user: viewFor(subject, after, d), handover };
  });

  // ─── Memberships ──────────────────────────────────────────────────────────

  app.post('/memberships', {
    config: { action: 'membership.create', resourceType: 'membership' },
    schema: {
      tags: ['users'],
      summary: 'Give a user a role in an organisation',
      body: Type.Object({ userId: Uuid, organisationId: Uuid, role: RoleSchema }, { additionalProperties: false }),
      response: { 201: UserMembershipSchema, ...ProblemResponses },
    },
  }, async (req, reply) => {
    const subject = subjectOf(req);
    const b = req.body;
    const d = decide(subject, 'membership.create', { organisationIds: [b.organisationId], grantsRole: b.role });
    if (!d.allowed) throw problem.forbidden(d.reason);
    const user = await db.selectFrom('users').select(['id', 'active']).where('id', '=', b.userId).executeTakeFirst();
    if (!user) throw problem.unprocessable('user_not_found', 'De gebruiker bestaat niet.', 'The user does not exist.');
    if (!user.active) throw problem.unprocessable('user_inactive', 'De gebruiker is niet actief.', 'The user is not active.');
    // Hardening (issue 7): an organisation administrator attaches only users who work
    // nowhere outside its own organisation tree; attaching a user of another organisation
    // (and so gaining the administrator's view of its login state) is for a platform admin.
    if (coveredRelations(subject, 'membership.create') !== 'any') {
      const elsewhere = await db
        .selectFrom('memberships')
        .select('organisation_id')
        .where('user_id', '=', b.userId)
        .where('active', '=', true)
        .$if(subject.scope.length > 0, (qb) => qb.where('organisation_id', 'not in', subject.scope))
        .execute();
      if (elsewhere.length) {
        req.auditInfo = { resourceType: 'membership', subjectOrganisationId: b.organisationId, details: { userId: b.userId, role: b.role, reason: 'user_of_other_organisation' } };
        throw new Problem({
          status: 403,
          code: 'forbidden',
          titleNl: 'Geen toegang',
          titleEn: 'Forbidden',
          detailNl: 'Deze gebruiker werkt ook bij een andere organisatie. Alleen een platformbeheerder kan hem aan uw organisatie koppelen.',
          detailEn: 'This user also works for another organisation. Only a platform administrator can attach them to your organisation.',
          extra: { reason: 'user_of_other_organisation' },
        });
      }
    }
    await loadOrgForMembership(db, b.organisationId, b.role);
    const now = clock.now();
    const m = await transact(app, async (trx) => {
      const row = await trx
        .insertInto('memberships')
        .values({ user_id: b.userId, organisation_id: b.organisationId, role: b.role, starts_on: todayIn(clock), created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow()
        .catch((err: { code?: string }) => {
          if (err.code === '23505') throw problem.conflict('duplicate', 'Deze gebruiker heeft deze rol al bij deze organisatie.', 'This user already has this role in this organisation.');
          throw err;
        });
      await recordAudit(app, trx, req, { action: 'membership.create', resourceType: 'membership', resourceId: row.id, subjectOrganisationId: b.organisationId, purpose: d.purpose, outcome: 'success', details: { userId: b.userId, role: b.role } });
      return row;
    });
    const [u] = await loadUsers(db, [b.userId]);
    const view = u!.memberships.find((x) => x.id === m.id)!;
    setEtag(reply, 1);
    return reply.status(201).send(view);
  });

  app.post('/memberships/:id/end', {
    config: { action: 'membership.end', resourceType: 'membership' },
    schema: { tags: ['users'], summary: 'End a membership (If-Match required)', params: IdParams, response: { 200: UserMembershipSchema, ...ProblemResponses } },
  }, async (req, reply) => {
    const expected = requireIfMatch(req);
    const m = await db.selectFrom('memberships').selectAll().where('id', '=', req.params.id).executeTakeFirst();
    if (!m) throw problem.notFound('Het lidmaatschap', 'The membership');
    const d = decide(subjectOf(req), 'membership.end', { organisationIds: [m.organisation_id], grantsRole: m.role as Role });
    if (!d.allowed) throw problem.forbidden(d.reason);
    if (!m.active) throw problem.conflict('already_ended', 'Dit lidmaatschap is al beëindigd.', 'This membership has already ended.');
    const now = clock.now();
    await transact(app, async (trx) => {
      const row = await trx
        .updateTable('memberships')
        .set({ active: false, ended_on: todayIn(clock), updated_at: now, version: m.version + 1 })
        .where('id', '=', m.id)
        .where('version', '=', expected)
        .returning('id')
        .executeTakeFirst();
      if (!row) throw problem.preconditionFailed(m.version);
      // Sessions acting for this membership fall back to another active membership of the user, if any.
      const fallback = await trx.selectFrom('memberships').select('id').where('user_id', '=', m.user_id).where('active', '=', true).orderBy('created_at').executeTakeFirst();
      await trx.updateTable('sessions').set({ active_membership_id: fallback?.id ?? null }).where('active_membership_id', '=', m.id).execute();
      await recordAudit(app, trx, req, { action: 'membership.end', resourceType: 'membership', resourceId: m.id, subjectOrganisationId: m.organisation_id, purpose: d.purpose, outcome: 'success', details: { userId: m.user_id, role: m.role } });
    });
    const [u] = await loadUsers(db, [m.user_id]);
    const view = u!.memberships.find((x) => x.id === m.id)!;
    setEtag(reply, m.version + 1);
    return view;
  });
}
