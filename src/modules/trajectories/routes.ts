import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import { sql, type Kysely } from 'kysely';
import type { App } from '../../platform/http/app.ts';
import { subjectOf } from '../../platform/http/app.ts';
import { Problem, problem } from '../../platform/http/problem.ts';
import { recordAudit, requireIfMatch, setEtag, transact } from '../../platform/http/tx.ts';
import { IdParams, IsoDateSchema, Paging, ProblemResponses, Uuid } from '../../platform/http/schemas.ts';
import type { Database } from '../../platform/db/schema.ts';
import { todayIn } from '../../platform/clock.ts';
import { decide, project, writableTrajectoryMunicipalityFields } from '../../domain/policy/index.ts';
import { canSeeDeadline, visibleClientFields, type Viewer } from '../../domain/privacy/visibility.ts';
import { CalendarError, applyDeadlineAdjustments, type DeadlineAdjustment } from '../../domain/calendar/index.ts';
import {
  EVENT_TYPES, VARIANTS, checkMunicipalities, eventDataViolations, isTypedEventInput,
} from '../../domain/trajectories/index.ts';
import { actorOf, authorizeCase } from './access.ts';
import { caseMunicipalities, caseScope, onTeam, servedAs, type Served } from './scope.ts';
import { recordTrajectoryEvent, type TrajectoryActor } from './case-kind.ts';
import { CaseEventRefused } from '../../platform/cases/engine.ts';
import { refusalInWords } from './steps-route.ts';
import { loadAdjustments, loadTrajectory, refreshCaches, type LoadedTrajectory } from './repository.ts';
import { correctorOf, deadlineView, eventsFor, trajectoryView, type DeadlineRow } from './views.ts';
import { municipalityOptions, municipalityView, onlyMunicipalityOf } from './municipality.ts';

type Db = Kysely<Database>;
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Free = Type.Record(Type.String(), Type.Unknown());
const PurposeQuery = { purpose: Type.Optional(Type.String({ maxLength: 40, description: 'PB-1 … PB-8 for parties outside the care provider (purpose binding)' })) };

const HouseholdMember = Type.Object(
  { kind: Type.Enum(['partner', 'child', 'other'] as const), name: Type.String({ minLength: 1, maxLength: 200 }), birthDate: Type.Optional(Nullable(IsoDateSchema)) },
  { additionalProperties: false },
);

const ClientBody = {
  firstName: Type.String({ minLength: 1, maxLength: 100 }),
  lastName: Type.String({ minLength: 1, maxLength: 100 }),
  birthDate: Type.Optional(Nullable(IsoDateSchema)),
  phone: Type.Optional(Nullable(Type.String({ pattern: '^[+0-9 ()-]{6,20}$' }))),
  email: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 254 }))),
  address: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
  household: Type.Optional(Type.Array(HouseholdMember, { maxItems: 20 })),
  woningnetNumber: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
  woningnetRegisteredOn: Type.Optional(Nullable(IsoDateSchema)),
  targetGroup: Type.Optional(Nullable(Type.String({ pattern: '^[a-z_]{2,40}$' }))),
  multiProblemFamily: Type.Optional(Type.Boolean()),
};

async function userNames(db: Db, ids: string[]) {
  if (!ids.length) return new Map<string, string>();
  const rows = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

async function orgNames(db: Db, ids: Array<string | null>) {
  const list = [...new Set(ids.filter((x): x is string => !!x))];
  if (!list.length) return new Map<string, string>();
  const rows = await db.selectFrom('organisations').select(['id', 'name']).where('id', 'in', list).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function loadClientView(db: Db, clientId: string, viewer: Viewer) {
  const c = await db.selectFrom('clients').selectAll().where('id', '=', clientId).executeTakeFirst();
  if (!c) throw problem.notFound('De cliënt', 'The client');
  const household = await db.selectFrom('household_members').select(['kind', 'name', 'birth_date']).where('client_id', '=', clientId).orderBy('created_at').execute();
  const full = {
    id: c.id, firstName: c.first_name, lastName: c.last_name, birthDate: c.birth_date, phone: c.phone, email: c.email, address: c.address,
    household: household.map((h) => ({ kind: h.kind, name: h.name, birthDate: h.birth_date })),
    woningnetNumber: c.woningnet_number, woningnetRegisteredOn: c.woningnet_registered_on, oldWoningnetNumber: c.old_woningnet_number,
    oldWoningnetRegisteredOn: c.old_woningnet_registered_on, targetGroup: c.target_group, multiProblemFamily: c.multi_problem_family,
    careProviderId: c.care_provider_id, version: c.version, createdAt: new Date(c.created_at).toISOString(), updatedAt: new Date(c.updated_at).toISOString(),
  };
  return { ...project(full, visibleClientFields(viewer)), erased: c.erased_at !== null };
}

export async function trajectoryRoutes(app: App) {
  const db = app.deps.database.db;
  const clock = app.deps.clock;

  const mustLoad = async (id: string, conn: Db = db, forUpdate = false): Promise<LoadedTrajectory> => {
    const t = await loadTrajectory(conn, id, { forUpdate });
    if (!t) throw problem.notFound('Het traject', 'The trajectory');
    return t;
  };

  const deadlinesOf = async (trajectoryId: string, asOf: string) => {
    const rows = (await db.selectFrom('deadlines').selectAll().where('case_kind', '=', 'trajectory').where('case_id', '=', trajectoryId).orderBy('due_date').orderBy('key').execute()) as unknown as DeadlineRow[];
    return rows.map((r) => deadlineView(r, asOf));
  };

  /** The care provider organisation the subject acts for (client and trajectory creation). */
  const ownCareProvider = (req: FastifyRequest) => {
    const s = subjectOf(req);
    if (s.organisationType !== 'care_provider' || !s.organisationId) {
      throw problem.unprocessable('not_a_care_provider', 'Alleen een zorgaanbieder legt cliënten en trajecten aan.', 'Only a care provider registers clients and trajectories.');
    }
    return s.organisationId;
  };

  // ─── Clients ────────────────────────────────────────────────────────────────

  app.post('/clients', {
    config: { action: 'client.create', resourceType: 'client' },
    schema: { tags: ['clients'], summary: 'Register a client (cliënt) with household', body: Type.Object(ClientBody, { additionalProperties: false }), response: { 201: Free, ...ProblemResponses } },
  }, async (req, reply) => {
    const careProviderId = ownCareProvider(req);
    const d = decide(subjectOf(req), 'client.create', { organisationIds: [careProviderId] });
    if (!d.allowed) throw problem.forbidden(d.reason);
    const b = req.body;
    const now = clock.now();
    const id = await transact(app, async (trx) => {
      const c = await trx
        .insertInto('clients')
        .values({
          care_provider_id: careProviderId, first_name: b.firstName.trim(), last_name: b.lastName.trim(), birth_date: b.birthDate ?? null, phone: b.phone ?? null,
          email: b.email?.toLowerCase() ?? null, address: b.address ?? null, woningnet_number: b.woningnetNumber ?? null, woningnet_registered_on: b.woningnetRegisteredOn ?? null,
          old_woningnet_number: null, old_woningnet_registered_on: null, target_group: b.targetGroup ?? null, multi_problem_family: b.multiProblemFamily ?? false,
          created_at: now, updated_at: now, erased_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const h of b.household ?? []) {
        await trx.insertInto('household_members').values({ client_id: c.id, kind: h.kind, name: h.name, birth_date: h.birthDate ?? null, created_at: now }).execute();
      }
      await recordAudit(app, trx, req, { action: 'client.create', resourceType: 'client', resourceId: c.id, subjectOrganisationId: careProviderId, purpose: 'case_management', outcome: 'success' });
      return c.id;
    });
    const view = await loadClientView(db, id, 'care_provider');
    setEtag(reply, 1);
    return reply.status(201).header('location', `/api/v1/clients/${id}`).send(view);
  });

  app.get('/clients', {
    config: { action: 'client.list', personalData: true, resourceType: 'client' },
    schema: {
      tags: ['clients'],
      summary: 'Clients you work with, with their current trajectory (search and filters)',
      querystring: Type.Object(
        {
          q: Type.Optional(Type.String({ maxLength: 100 })),
          phase: Type.Optional(Type.String({ pattern: '^P[0-9]_[a-z_]+$' })),
          targetGroup: Type.Optional(Type.String({ maxLength: 40 })),
          organisationId: Type.Optional(Uuid),
          status: Type.Optional(Type.Enum(['active', 'closed'] as const)),
          overdue: Type.Optional(Type.Boolean()),
          queue: Type.Optional(Type.Enum(['wonen_check'] as const, { description: 'Wonen: nominations waiting for the check (D-13)' })),
          asOf: Type.Optional(IsoDateSchema),
          ...Paging,
        },
        { additionalProperties: false },
      ),
      response: { 200: Type.Object({ items: Type.Array(Free), total: Type.Integer() }), ...ProblemResponses },
    },
  }, async (req) => {
    const s = subjectOf(req);
    const q = req.query;
    const asOf = q.asOf ?? todayIn(clock);
    const today = todayIn(clock);
    // The same decision as the detail read: relation, acting organisation, municipality, purpose in this phase, consent.
    let base = db.selectFrom('trajectories as t').innerJoin('clients as c', 'c.id', 't.client_id').where('c.erased_at', 'is', null).where((eb) => caseScope(eb, s, 'client.read', today));
    // Wonen's list is its work: the urgency and the transfer check (other cases stay reachable by their detail).
    if (s.role === 'wonen_officer') base = base.where((eb) => eb.or([eb('t.phase', '=', 'P2_urgency'), eb('t.phase', '=', 'P8_transfer')]));
    if (q.queue === 'wonen_check') base = base.where(sql<boolean>`(t.state->>'sentToWonenOn') IS NOT NULL AND (t.state->>'wonenConfirmedOn') IS NULL`);
    if (q.phase) base = base.where('t.phase', '=', q.phase);
    if (q.targetGroup) base = base.where('t.target_group', '=', q.targetGroup);
    if (q.organisationId) base = base.where((eb) => eb.or([eb('t.care_provider_id', '=', q.organisationId!), eb('t.corporation_id', '=', q.organisationId!)]));
    base = base.where('t.status', '=', q.status ?? 'active');
    if (q.q) {
      const like = `%${q.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
      base = base.where((eb) => eb.or([eb('c.first_name', 'ilike', like), eb('c.last_name', 'ilike', like), eb('c.woningnet_number', 'ilike', like)]));
    }
    if (q.overdue) {
      base = base.where((eb) => eb.exists(eb.selectFrom('deadlines as d').select(sql`1`.as('x')).where('d.case_kind', '=', 'trajectory').whereRef('d.case_id', '=', 't.id').where('d.met_on', 'is', null).where('d.closed_as', 'is', null).where('d.kind', '=', 'deadline').where('d.due_date', '<', asOf)));
    }
    const [rows, total] = await Promise.all([
      base
        .select(['c.id as client_id', 'c.first_name', 'c.last_name', 'c.birth_date', 't.id as trajectory_id', 't.phase', 't.status', 't.target_group', 't.care_provider_id', 't.corporation_id', 't.started_on'])
        .select((eb) => onTeam(eb, s))
        .select(caseMunicipalities().as('case_municipality_ids'))
        .select((eb) => eb.selectFrom('deadlines as d').select((e2) => e2.fn.countAll<string>().as('n')).where('d.case_kind', '=', 'trajectory').whereRef('d.case_id', '=', 't.id').where('d.met_on', 'is', null).where('d.closed_as', 'is', null).where('d.kind', '=', 'deadline').where('d.due_date', '<', asOf).as('overdue_count'))
        .orderBy('c.last_name').orderBy('c.first_name').orderBy('t.id')
        .limit(q.limit ?? 50).offset(q.offset ?? 0).execute(),
      base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    ]);
    // Each row is decided again in the domain: served under the detail's relation and purpose, or not at all.
    const served = rows.map((r) => ({ r, as: servedAs(s, 'client.read', { ...r, on_team: Boolean(r.on_team) }) })).filter((x): x is { r: (typeof rows)[number]; as: Served } => x.as !== null);
    const names = await orgNames(db, served.flatMap(({ r }) => [r.care_provider_id, r.corporation_id]));
    const purposes = [...new Set(served.map((x) => x.as.purpose))];
    req.auditInfo = {
      resourceType: 'client',
      purpose: purposes.length === 1 ? purposes[0]! : null,
      details: { count: served.length, clientIds: served.map(({ r }) => r.client_id), purposes: Object.fromEntries(served.map(({ r, as }) => [r.client_id, as.purpose])) },
    };
    return {
      items: served.map(({ r, as }) => {
        // Field visibility of the client record, the same as the detail's.
        const fields = visibleClientFields(as.viewer);
        return {
          clientId: r.client_id,
          name: [r.first_name, r.last_name].filter(Boolean).join(' '),
          birthDate: fields.includes('birthDate') ? r.birth_date : null,
          trajectoryId: r.trajectory_id,
          phase: r.phase,
          status: r.status,
          targetGroup: fields.includes('targetGroup') ? r.target_group : null,
          careProvider: names.get(r.care_provider_id) ?? null,
          corporation: r.corporation_id ? (names.get(r.corporation_id) ?? null) : null,
          startedOn: r.started_on,
          overdueDeadlines: Number(r.overdue_count ?? 0),
          purpose: as.purpose,
        };
      }),
      total: Number(total.n),
    };
  });

  /** A client is read through one of its trajectories (the case relation). */
  const caseOfClient = async (req: FastifyRequest, clientId: string, action: 'client.read' | 'client.update') => {
    const ts = await db.selectFrom('trajectories').select('id').where('client_id', '=', clientId).orderBy('created_at', 'desc').execute();
    if (!ts.length) throw problem.notFound('De cliënt', 'The client');
    let last: unknown = null;
    for (const t of ts) {
      try {
        const loaded = await mustLoad(t.id);
        return { t: loaded, access: await authorizeCase(db, clock, req, action, loaded) };
      } catch (err) {
        last = err;
      }
    }
    throw last;
  };

  app.get('/clients/:id', {
    config: { action: 'client.read', personalData: true, resourceType: 'client' },
    schema: { tags: ['clients'], summary: 'One client (fields visible per purpose binding)', params: IdParams, querystring: Type.Object(PurposeQuery, { additionalProperties: false }), response: { 200: Free, ...ProblemResponses } },
  }, async (req, reply) => {
    const { t, access } = await caseOfClient(req, req.params.id, 'client.read');
    const view = await loadClientView(db, req.params.id, access.viewer);
    req.auditInfo = { resourceType: 'client', resourceId: req.params.id, subjectOrganisationId: t.careProviderId, purpose: access.purpose };
    setEtag(reply, (view as { version?: number }).version ?? 1);
    const trajectories = await db.selectFrom('trajectories').select(['id', 'phase', 'status', 'started_on']).where('client_id', '=', req.params.id).orderBy('started_on', 'desc').execute();
    return { ...view, purpose: access.purpose, trajectories: access.viewer === 'care_provider' ? trajectories : trajectories.filter((x) => x.id === t.id) };
  });

  app.patch('/clients/:id', {
    config: { action: 'client.update', resourceType: 'client' },
    schema: { tags: ['clients'], summary: 'Change client data (If-Match required)', params: IdParams, body: Type.Partial(Type.Object(ClientBody, { additionalProperties: false }), { additionalProperties: false, minProperties: 1 }), response: { 200: Free, ...ProblemResponses } },
  }, async (req, reply) => {
    const expected = requireIfMatch(req);
    const { t } = await caseOfClient(req, req.params.id, 'client.update');
    const b = req.body;
    const now = clock.now();
    await transact(app, async (trx) => {
      const cur = await trx.selectFrom('clients').select(['version', 'woningnet_number', 'woningnet_registered_on']).where('id', '=', req.params.id).executeTakeFirstOrThrow();
      const set: Record<string, unknown> = { updated_at: now, version: cur.version + 1 };
      const map: Record<string, string> = { firstName: 'first_name', lastName: 'last_name', birthDate: 'birth_date', phone: 'phone', email: 'email', address: 'address', woningnetNumber: 'woningnet_number', woningnetRegisteredOn: 'woningnet_registered_on', targetGroup: 'target_group', multiProblemFamily: 'multi_problem_family' };
      for (const [k, v] of Object.entries(b)) if (k in map) set[map[k]!] = v;
      // R-OR-24: a new WoningNet registration keeps the old one on record for a possible restoration (R-OR-81).
      if (b.woningnetNumber !== undefined && cur.woningnet_number && b.woningnetNumber !== cur.woningnet_number) {
        set.old_woningnet_number = cur.woningnet_number;
        set.old_woningnet_registered_on = cur.woningnet_registered_on;
      }
      const row = await trx.updateTable('clients').set(set).where('id', '=', req.params.id).where('version', '=', expected).returning('version').executeTakeFirst();
      if (!row) throw problem.preconditionFailed(cur.version);
      if (b.household) {
        await trx.deleteFrom('household_members').where('client_id', '=', req.params.id).execute();
        for (const h of b.household) await trx.insertInto('household_members').values({ client_id: req.params.id, kind: h.kind, name: h.name, birth_date: h.birthDate ?? null, created_at: now }).execute();
      }
      await recordAudit(app, trx, req, { action: 'client.update', resourceType: 'client', resourceId: req.params.id, subjectOrganisationId: t.careProviderId, purpose: 'case_management', outcome: 'success', details: { fields: Object.keys(b) } });
      // Derived deadlines depend on birth date (D-11) and WoningNet date (D-15).
      if (b.birthDate !== undefined || b.woningnetRegisteredOn !== undefined) {
        const fresh = await mustLoad(t.id, trx);
        await refreshCaches(trx, fresh, clock);
      }
    });
    const view = await loadClientView(db, req.params.id, 'care_provider');
    setEtag(reply, (view as { version?: number }).version ?? 1);
    return view;
  });

  // ─── Trajectories ───────────────────────────────────────────────────────────

  app.post('/trajectories', {
    config: { action: 'trajectory.create', resourceType: 'trajectory' },
    schema: {
      tags: ['trajectories'],
      summary: 'Start an Omslagroute trajectory for a client (the creator becomes personal supervisor)',
      body: Type.Object(
        {
          clientId: Uuid,
          startedOn: IsoDateSchema,
          variant: Type.Optional(Type.Enum(VARIANTS)),
          targetGroup: Type.Optional(Type.String({ pattern: '^[a-z_]{2,40}$' })),
          multiProblemFamily: Type.Optional(Type.Boolean()),
          accessRoute: Type.Optional(Type.String({ maxLength: 200, description: 'R-OR-12: another access route of this care provider (e.g. Blijf Groep)' })),
          municipalityId: Type.Optional(Type.String({ format: 'uuid', description: 'The referring municipality (R-MO-18): an active municipality of the care provider’s region; defaults to the only one of that region' })),
        },
        { additionalProperties: false },
      ),
      response: { 201: Free, ...ProblemResponses },
    },
  }, async (req, reply) => {
    const careProviderId = ownCareProvider(req);
    const subject = subjectOf(req);
    const b = req.body;
    const client = await db.selectFrom('clients').select(['id', 'care_provider_id', 'target_group', 'multi_problem_family', 'erased_at']).where('id', '=', b.clientId).executeTakeFirst();
    if (!client || client.erased_at) throw problem.unprocessable('client_not_found', 'De cliënt bestaat niet.', 'The client does not exist.');
    const d = decide(subject, 'trajectory.create', { organisationIds: [client.care_provider_id] });
    if (!d.allowed || client.care_provider_id !== careProviderId) throw problem.forbidden(d.allowed ? 'relation_not_covered' : d.reason);
    const active = await db.selectFrom('trajectories').select('id').where('client_id', '=', b.clientId).where('status', '=', 'active').executeTakeFirst();
    if (active) throw problem.conflict('trajectory_active', 'Deze cliënt heeft al een lopend traject.', 'This client already has an active trajectory.', { trajectoryId: active.id });
    const today = todayIn(clock);
    if (b.startedOn > today) throw problem.validation([{ field: '/startedOn', in: 'body', code: 'date_in_future', message: 'De datum ligt in de toekomst.', messageNl: 'De datum ligt in de toekomst.', messageEn: 'The date is in the future.' }]);
    // The referring municipality (R-MO-18): one of the region's, or the region's only one.
    const municipalityProblems = b.municipalityId
      ? checkMunicipalities({ municipalityId: b.municipalityId }, (await municipalityOptions(db, [careProviderId])).map((m) => m.id), writableTrajectoryMunicipalityFields(subject, d.relation), '/')
      : [];
    if (municipalityProblems.length) {
      const first = municipalityProblems[0]!;
      throw new Problem({
        status: 422, code: first.code, titleNl: 'Niet toegestaan volgens de afspraken', titleEn: 'Not allowed by the rules', detailNl: first.nl, detailEn: first.en, rule: first.rule ?? undefined,
        errors: municipalityProblems.map((x) => ({ field: x.field ?? '/municipalityId', in: 'body', code: x.code, message: x.nl, messageNl: x.nl, messageEn: x.en })),
      });
    }
    const municipalityId = b.municipalityId ?? (await onlyMunicipalityOf(db, careProviderId));
    const variant = b.variant ?? 'regular';
    const now = clock.now();
    const id = await transact(app, async (trx) => {
      const t = await trx
        .insertInto('trajectories')
        .values({
          client_id: b.clientId, care_provider_id: careProviderId, corporation_id: null, corporation_contact_id: null, target_group: b.targetGroup ?? client.target_group,
          variant, phase: 'P0_consent', status: 'active', exit: null, started_on: b.startedOn, dwelling_address: null, municipality_id: municipalityId, dwelling_municipality_id: null,
          state: '{}', created_at: now, updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx.insertInto('trajectory_team').values({ trajectory_id: t.id, user_id: subject.userId, organisation_id: careProviderId, case_role: 'personal_supervisor', added_by: subject.userId, added_at: now }).execute();
      const startData = {
        variant, enteredViaOtherRoute: variant !== 'regular', multiProblemFamily: b.multiProblemFamily ?? client.multi_problem_family,
        ...(b.accessRoute ? { accessRoute: b.accessRoute } : {}), ...(b.municipalityId ? { municipalityId: b.municipalityId } : {}),
      };
      // The start is the case's first event, through the one write path (its audit row is the creation's, below).
      const creator: TrajectoryActor = { userId: subject.userId, organisationId: careProviderId, role: subject.role!, kinds: ['care_provider'], isPersonalSupervisor: true, relation: d.relation, purpose: 'case_management' };
      await recordTrajectoryEvent(trx, t.id, { type: 'trajectory_started', occurredOn: b.startedOn, data: startData, correctsEventId: null }, () => creator, { clock });
      await recordAudit(app, trx, req, { action: 'trajectory.create', resourceType: 'trajectory', resourceId: t.id, subjectOrganisationId: careProviderId, purpose: 'case_management', outcome: 'success', details: { clientId: b.clientId, variant, municipalityId } });
      return t.id;
    });
    const t = await mustLoad(id);
    const deadlines = await deadlinesOf(id, today);
    setEtag(reply, t.version);
    return reply.status(201).header('location', `/api/v1/trajectories/${id}`).send({
      ...trajectoryView(t, 'care_provider', today, deadlines, await userNames(db, t.events.map((e) => e.recordedBy)), await orgNames(db, [t.careProviderId, t.corporationId])),
      ...(await municipalityView(db, t)),
    });
  });

  app.get('/trajectories/:id', {
    config: { action: 'trajectory.read', personalData: true, resourceType: 'trajectory' },
    schema: {
      tags: ['trajectories'],
      summary: 'A trajectory: phase, metro line, goals, transfer conditions, team (as the viewer may see it)',
      params: IdParams,
      querystring: Type.Object({ asOf: Type.Optional(IsoDateSchema), ...PurposeQuery }, { additionalProperties: false }),
      response: { 200: Free, ...ProblemResponses },
    },
  }, async (req, reply) => {
    const t = await mustLoad(req.params.id);
    const access = await authorizeCase(db, clock, req, 'trajectory.read', t);
    const asOf = req.query.asOf ?? todayIn(clock);
    const deadlines = (await deadlinesOf(t.id, asOf)).filter((d) => canSeeDeadline(access.viewer, d.ruleId));
    setEtag(reply, t.version);
    return {
      ...trajectoryView(t, access.viewer, asOf, deadlines, await userNames(db, t.events.map((e) => e.recordedBy)), await orgNames(db, [t.careProviderId, t.corporationId, ...t.team.map((m) => m.organisationId)])),
      ...(await municipalityView(db, t)),
      viewer: access.viewer,
      purpose: access.purpose,
    };
  });

  app.get('/trajectories/:id/events', {
    config: { action: 'trajectory.read', personalData: true, resourceType: 'trajectory' },
    schema: { tags: ['trajectories'], summary: 'What happened, as the viewer may see it (corrections included)', params: IdParams, querystring: Type.Object(PurposeQuery, { additionalProperties: false }), response: { 200: Type.Object({ items: Type.Array(Free) }), ...ProblemResponses } },
  }, async (req) => {
    const t = await mustLoad(req.params.id);
    const access = await authorizeCase(db, clock, req, 'trajectory.read', t);
    return { items: eventsFor(t, access.viewer, await userNames(db, t.events.map((e) => e.recordedBy)), correctorOf(subjectOf(req), access, t)) };
  });

  app.post('/trajectories/:id/events', {
    config: { action: 'trajectory.record_event', resourceType: 'trajectory' },
    schema: {
      tags: ['trajectories'],
      summary: 'Record what happened (a step of the route), with the date it happened; corrections are new events (If-Match required)',
      params: IdParams,
      querystring: Type.Object(PurposeQuery, { additionalProperties: false }),
      body: Type.Object(
        { type: Type.Enum(EVENT_TYPES), occurredOn: IsoDateSchema, data: Type.Optional(Free), correctsEventId: Type.Optional(Uuid) },
        { additionalProperties: false },
      ),
      response: { 201: Free, ...ProblemResponses },
    },
  }, async (req, reply) => {
    const expected = requireIfMatch(req);
    const b = req.body;
    const subject = subjectOf(req);
    const result = await transact(app, async (trx) => {
      // The body's data is checked against the event's schema in the transition table, which types it.
      const input = { type: b.type, occurredOn: b.occurredOn, data: b.data ?? {}, correctsEventId: b.correctsEventId ?? null };
      if (!isTypedEventInput(input)) {
        // Data that does not fit the step (a refusal without its reasons) is bad input: 400; a refusal by the rules stays 422.
        throw new Problem({ ...new CaseEventRefused(eventDataViolations(input.type, input.data)).init, status: 400 });
      }
      const authorize = async (t: LoadedTrajectory) => actorOf(subject, await authorizeCase(trx, clock, req, 'trajectory.record_event', t));
      const recorded = await recordTrajectoryEvent(trx, req.params.id, input, authorize, {
        clock,
        expectedVersion: expected,
        audit: (tx, entry) => recordAudit(app, tx, req, { ...entry, outcome: 'success' }),
      }).catch((err: unknown) => {
        // A step that needs something first reads "Nog niet mogelijk: …", in the words GET …/steps uses.
        throw err instanceof CaseEventRefused ? refusalInWords(err) : err;
      });
      const after = recorded.case;
      return { id: recorded.event.id, version: recorded.version, phase: after.state.phase, status: after.state.status };
    });
    setEtag(reply, result.version);
    return reply.status(201).send({ eventId: result.id, version: result.version, phase: result.phase, status: result.status });
  });

  app.get('/trajectories/:id/deadlines', {
    config: { action: 'trajectory.read', personalData: true, resourceType: 'trajectory' },
    schema: {
      tags: ['trajectories'],
      summary: 'The deadlines of a trajectory: rule ID (D-…), due date, status (open, met, missed), why the due date moved',
      params: IdParams,
      querystring: Type.Object({ asOf: Type.Optional(IsoDateSchema), ...PurposeQuery }, { additionalProperties: false }),
      response: { 200: Type.Object({ asOf: Type.String(), items: Type.Array(Free) }), ...ProblemResponses },
    },
  }, async (req) => {
    const t = await mustLoad(req.params.id);
    const access = await authorizeCase(db, clock, req, 'trajectory.read', t);
    const asOf = req.query.asOf ?? todayIn(clock);
    return { asOf, items: (await deadlinesOf(t.id, asOf)).filter((d) => canSeeDeadline(access.viewer, d.ruleId)) };
  });

  app.post('/trajectories/:id/deadlines/:key/adjustments', {
    config: { action: 'deadline.adjust', resourceType: 'trajectory' },
    schema: {
      tags: ['trajectories'],
      summary: 'Pause (opschorten), resume or extend (verlengen) a deadline, with a reason; the history keeps the original due date',
      params: Type.Object({ id: Uuid, key: Type.String({ pattern: '^[A-Z0-9#-]{3,80}$' }) }, { additionalProperties: false }),
      body: Type.Object(
        {
          kind: Type.Enum(['pause', 'resume', 'extension'] as const),
          from: Type.Optional(IsoDateSchema),
          until: Type.Optional(IsoDateSchema),
          newDue: Type.Optional(IsoDateSchema),
          reason: Type.String({ minLength: 3, maxLength: 2000 }),
        },
        { additionalProperties: false },
      ),
      response: { 201: Free, ...ProblemResponses },
    },
  }, async (req, reply) => {
    const b = req.body;
    const key = decodeURIComponent(req.params.key);
    const today = todayIn(clock);
    const view = await transact(app, async (trx) => {
      const t = await mustLoad(req.params.id, trx, true);
      const access = await authorizeCase(trx, clock, req, 'deadline.adjust', t);
      const existing = await trx.selectFrom('deadlines').selectAll().where('case_kind', '=', 'trajectory').where('case_id', '=', t.id).where('key', '=', key).executeTakeFirst();
      if (!existing) throw problem.notFound('De termijn', 'The deadline');
      // Each party adjusts its own deadlines.
      const own = (existing.actor_kinds as string[]).some((k) => access.actorKinds.includes(k as never));
      if (!own) throw problem.forbidden('not_your_deadline');
      const adjustments = await loadAdjustments(trx, t.id);
      const list: DeadlineAdjustment[] = [...(adjustments[key] ?? [])];
      const subject = subjectOf(req);
      if (b.kind === 'pause') list.push({ kind: 'pause', from: b.from ?? today, until: null, reason: b.reason, by: subject.userId });
      else if (b.kind === 'resume') {
        const open = [...list].reverse().find((a) => a.kind === 'pause' && a.until === null);
        if (!open || open.kind !== 'pause') throw problem.unprocessable('not_paused', 'Deze termijn is niet opgeschort.', 'This deadline is not paused.');
        open.until = b.until ?? today;
      } else {
        if (!b.newDue) throw problem.validation([{ field: '/newDue', in: 'body', code: 'required', message: 'Dit veld is verplicht.', messageNl: 'Dit veld is verplicht.', messageEn: 'This field is required.' }]);
        list.push({ kind: 'extension', newDue: b.newDue, reason: b.reason, by: subject.userId });
      }
      try {
        const base = (typeof existing.computed === 'string' ? JSON.parse(existing.computed) : existing.computed) as never;
        const cal = (await import('../calendar/repository.ts')).loadCalendar(trx, t.careProviderId);
        applyDeadlineAdjustments(await cal, base, list);
      } catch (err) {
        if (err instanceof CalendarError) throw problem.unprocessable(`deadline_${err.code.toLowerCase()}`, `Deze aanpassing kan niet: ${err.message}`, `This adjustment is not possible: ${err.message}`);
        throw err;
      }
      await trx.insertInto('deadline_adjustments').values({
        case_kind: 'trajectory', case_id: t.id, key, kind: b.kind, from_date: b.kind === 'pause' ? (b.from ?? today) : null, until_date: b.kind === 'resume' ? (b.until ?? today) : null,
        new_due: b.kind === 'extension' ? b.newDue! : null, reason: b.reason, by_user_id: subject.userId, created_at: clock.now(),
      }).execute();
      await refreshCaches(trx, t, clock);
      await recordAudit(app, trx, req, { action: 'deadline.adjust', resourceType: 'trajectory', resourceId: t.id, subjectOrganisationId: t.careProviderId, purpose: access.purpose, outcome: 'success', details: { key, kind: b.kind } });
      const row = await trx.selectFrom('deadlines').selectAll().where('case_kind', '=', 'trajectory').where('case_id', '=', t.id).where('key', '=', key).executeTakeFirstOrThrow();
      return deadlineView(row as unknown as DeadlineRow, today);
    });
    return reply.status(201).send(view);
  });

  // ─── Team and corporation ───────────────────────────────────────────────────

  app.post('/trajectories/:id/team', {
    config: { action: 'trajectory.manage_team', resourceType: 'trajectory' },
    schema: {
      tags: ['trajectories'],
      summary: 'Add a colleague, a worker of another organisation, or hand the case to a new personal supervisor (If-Match: the trajectory’s ETag)',
      params: IdParams,
      body: Type.Object({ userId: Uuid, caseRole: Type.Enum(['personal_supervisor', 'colleague', 'external'] as const) }, { additionalProperties: false }),
      response: { 201: Free, ...ProblemResponses },
    },
  }, async (req, reply) => {
    const b = req.body;
    const expected = requireIfMatch(req);
    const version = await transact(app, async (trx) => {
      const t = await mustLoad(req.params.id, trx, true);
      const access = await authorizeCase(trx, clock, req, 'trajectory.manage_team', t);
      // A team change is a change of the case: concurrent edits are detected, never silently lost.
      if (t.version !== expected) throw problem.preconditionFailed(t.version);
      const memberships = await trx.selectFrom('memberships as m').innerJoin('organisations as o', 'o.id', 'm.organisation_id').innerJoin('users as u', 'u.id', 'm.user_id')
        .select(['m.organisation_id', 'm.role', 'o.type', 'u.active']).where('m.user_id', '=', b.userId).where('m.active', '=', true).execute();
      if (!memberships.length || !memberships[0]!.active) throw problem.unprocessable('user_not_available', 'Deze gebruiker is niet actief.', 'This user is not active.');
      const inCareProvider = memberships.find((m) => m.organisation_id === t.careProviderId && ['care_worker', 'team_manager'].includes(m.role));
      if (b.caseRole !== 'external' && !inCareProvider) throw problem.unprocessable('not_a_colleague', 'Een begeleider of collega werkt bij de zorgaanbieder van dit traject.', 'A supervisor or colleague works for this trajectory’s care provider.');
      if (b.caseRole === 'external' && inCareProvider) throw problem.unprocessable('not_external', 'Deze gebruiker werkt bij de zorgaanbieder zelf; voeg toe als collega.', 'This user works for the care provider itself; add as colleague.');
      const orgId = inCareProvider?.organisation_id ?? memberships[0]!.organisation_id;
      const now = clock.now();
      if (b.caseRole === 'personal_supervisor') {
        await trx.updateTable('trajectory_team').set({ case_role: 'colleague' }).where('trajectory_id', '=', t.id).where('case_role', '=', 'personal_supervisor').where('removed_at', 'is', null).execute();
      }
      const present = t.team.find((m) => m.userId === b.userId);
      if (present) await trx.updateTable('trajectory_team').set({ case_role: b.caseRole }).where('id', '=', present.id).execute();
      else await trx.insertInto('trajectory_team').values({ trajectory_id: t.id, user_id: b.userId, organisation_id: orgId, case_role: b.caseRole, added_by: subjectOf(req).userId, added_at: now }).execute();
      const fresh = await mustLoad(t.id, trx);
      const refreshed = await refreshCaches(trx, fresh, clock);
      await recordAudit(app, trx, req, { action: 'trajectory.team_add', resourceType: 'trajectory', resourceId: t.id, subjectOrganisationId: t.careProviderId, purpose: access.purpose, outcome: 'success', details: { userId: b.userId, caseRole: b.caseRole } });
      return refreshed.version;
    });
    const t = await mustLoad(req.params.id);
    setEtag(reply, version);
    return reply.status(201).send({ team: t.team, version });
  });

  app.delete('/trajectories/:id/team/:memberId', {
    config: { action: 'trajectory.manage_team', resourceType: 'trajectory' },
    schema: { tags: ['trajectories'], summary: 'Remove someone from the case team (If-Match: the trajectory’s ETag)', params: Type.Object({ id: Uuid, memberId: Uuid }, { additionalProperties: false }), response: { 204: Type.Null(), ...ProblemResponses } },
  }, async (req, reply) => {
    const expected = requireIfMatch(req);
    const version = await transact(app, async (trx) => {
      const t = await mustLoad(req.params.id, trx, true);
      const access = await authorizeCase(trx, clock, req, 'trajectory.manage_team', t);
      if (t.version !== expected) throw problem.preconditionFailed(t.version);
      const m = t.team.find((x) => x.id === req.params.memberId);
      if (!m) throw problem.notFound('Dit teamlid', 'This team member');
      if (m.caseRole === 'personal_supervisor') throw problem.unprocessable('supervisor_needed', 'Wijs eerst een nieuwe persoonlijk begeleider aan.', 'Assign a new personal supervisor first.');
      if (m.caseRole === 'corporation_contact') throw problem.unprocessable('contact_needed', 'De contactpersoon van de corporatie wijzigt via de corporatietoewijzing.', 'The corporation contact changes through the corporation assignment.');
      await trx.updateTable('trajectory_team').set({ removed_at: clock.now() }).where('id', '=', m.id).execute();
      const row = await trx.updateTable('trajectories').set({ version: sql<number>`version + 1`, updated_at: clock.now() }).where('id', '=', t.id).returning('version').executeTakeFirstOrThrow();
      await recordAudit(app, trx, req, { action: 'trajectory.team_remove', resourceType: 'trajectory', resourceId: t.id, subjectOrganisationId: t.careProviderId, purpose: access.purpose, outcome: 'success', details: { userId: m.userId } });
      return row.version;
    });
    setEtag(reply, version);
    return reply.status(204).send(null);
  });

  app.put('/trajectories/:id/corporation', {
    config: { action: 'trajectory.assign_corporation', resourceType: 'trajectory' },
    schema: {
      tags: ['trajectories'],
      summary: 'Set the housing corporation and its fixed contact person (R-OR-31; needs consent PB-1 and a processing agreement; If-Match: the trajectory’s ETag)',
      params: IdParams,
      body: Type.Object({ corporationId: Uuid, contactUserId: Uuid }, { additionalProperties: false }),
      response: { 200: Free, ...ProblemResponses },
    },
  }, async (req, reply) => {
    const b = req.body;
    const expected = requireIfMatch(req);
    await transact(app, async (trx) => {
      const t = await mustLoad(req.params.id, trx, true);
      const access = await authorizeCase(trx, clock, req, 'trajectory.assign_corporation', t);
      if (t.version !== expected) throw problem.preconditionFailed(t.version);
      const corp = await trx.selectFrom('organisations').select(['id', 'type', 'active']).where('id', '=', b.corporationId).executeTakeFirst();
      if (!corp || corp.type !== 'housing_corporation' || !corp.active) throw problem.unprocessable('not_a_corporation', 'Kies een actieve woningcorporatie.', 'Choose an active housing corporation.');
      const contact = await trx.selectFrom('memberships').select('id').where('user_id', '=', b.contactUserId).where('organisation_id', '=', b.corporationId).where('role', '=', 'corporation_contact').where('active', '=', true).executeTakeFirst();
      if (!contact) throw problem.unprocessable('not_a_contact', 'De contactpersoon moet contactpersoon bij deze corporatie zijn.', 'The contact person must be a contact person of this corporation.', 'R-OR-31');
      const pa = await trx.selectFrom('processing_agreements').select('registered_on').where('care_provider_id', '=', t.careProviderId).where('corporation_id', '=', b.corporationId).where('ended_on', 'is', null).executeTakeFirst();
      if (!pa) throw problem.unprocessable('no_processing_agreement', 'Er is geen verwerkersovereenkomst tussen deze zorgaanbieder en corporatie.', 'There is no processing agreement between this care provider and corporation.', 'R-OR-85');
      const consents = await trx.selectFrom('consents').select(['purposes']).where('client_id', '=', t.clientId).where('withdrawn_on', 'is', null).execute();
      if (!consents.some((c) => c.purposes.includes('PB-1'))) throw problem.unprocessable('no_consent', 'De toestemming van de cliënt dekt het delen voor matching niet.', 'The client’s consent does not cover sharing for matching.', 'R-OR-82');
      const now = clock.now();
      await trx.updateTable('trajectory_team').set({ removed_at: now }).where('trajectory_id', '=', t.id).where('case_role', '=', 'corporation_contact').where('removed_at', 'is', null).execute();
      await trx.insertInto('trajectory_team').values({ trajectory_id: t.id, user_id: b.contactUserId, organisation_id: b.corporationId, case_role: 'corporation_contact', added_by: subjectOf(req).userId, added_at: now }).onConflict((oc) => oc.doNothing()).execute();
      await trx.updateTable('trajectories').set({ corporation_id: b.corporationId, corporation_contact_id: b.contactUserId, updated_at: now }).where('id', '=', t.id).execute();
      const fresh = await mustLoad(t.id, trx);
      await refreshCaches(trx, fresh, clock);
      await recordAudit(app, trx, req, { action: 'trajectory.assign_corporation', resourceType: 'trajectory', resourceId: t.id, subjectOrganisationId: t.careProviderId, purpose: access.purpose, outcome: 'success', details: { corporationId: b.corporationId, contactUserId: b.contactUserId } });
    });
    const t = await mustLoad(req.params.id);
    setEtag(reply, t.version);
    return { id: t.id, corporationId: t.corporationId, corporationContactId: t.corporationContactId, version: t.version };
  });
}
