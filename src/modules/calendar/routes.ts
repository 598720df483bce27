import { Type } from 'typebox';
import type { App } from '../../platform/http/app.ts';
import { subjectOf } from '../../platform/http/app.ts';
import { problem } from '../../platform/http/problem.ts';
import { recordAudit, transact } from '../../platform/http/tx.ts';
import { IdParams, IsoDateSchema, ProblemResponses, Uuid } from '../../platform/http/schemas.ts';
import { decide } from '../../domain/policy/index.ts';
import { CalendarError, PERIOD_UNITS, computeDue, type PeriodUnit } from '../../domain/calendar/index.ts';
import { loadCalendar } from './repository.ts';

const Year = Type.Integer({ minimum: 2014, maximum: 2100 });
const DaySchema = Type.Object({ date: IsoDateSchema, name: Type.String(), nameEn: Type.String(), kind: Type.String() });
const StoredDaySchema = Type.Object({ id: Uuid, date: IsoDateSchema, name: Type.String(), nameEn: Type.Union([Type.String(), Type.Null()]), kind: Type.String(), organisationId: Type.Union([Type.String(), Type.Null()]) });

/** Domain calendar errors are the caller's input: 400 with the reason, never 500. */
function calendarProblem(err: unknown): never {
  if (err instanceof CalendarError) {
    throw problem.badRequest(`calendar_${err.code.toLowerCase()}`, `Ongeldige kalenderinvoer: ${err.message}`, `Invalid calendar input: ${err.message}`);
  }
  throw err;
}

export async function calendarRoutes(app: App) {
  const db = app.deps.database.db;
  const clock = app.deps.clock;

  app.get('/holidays', {
    config: { action: 'calendar.read' },
    schema: {
      tags: ['calendar'],
      summary: 'Non-working days besides weekends used for deadlines in a year (Atw holidays, decree days, and an organisation’s closing days)',
      querystring: Type.Object({ year: Year, organisationId: Type.Optional(Uuid) }, { additionalProperties: false }),
      response: { 200: Type.Array(DaySchema), ...ProblemResponses },
    },
  }, async (req) => {
    const cal = await loadCalendar(db, req.query.organisationId);
    try {
      return cal.nonWorkingDays(req.query.year).map((d) => ({ date: d.date, name: d.name, nameEn: d.nameEn, kind: d.kind }));
    } catch (err) {
      return calendarProblem(err);
    }
  });

  app.get('/due', {
    config: { action: 'calendar.read' },
    schema: {
      tags: ['calendar'],
      summary: 'Due date of a period, computed exactly as deadlines are (Atw art. 1 and 2 for calendar periods)',
      querystring: Type.Object(
        {
          start: IsoDateSchema,
          amount: Type.Integer({ minimum: 0, maximum: 10_000 }),
          unit: Type.Enum(PERIOD_UNITS),
          organisationId: Type.Optional(Uuid),
          ruleId: Type.Optional(Type.String({ pattern: '^[A-Z]-[A-Z0-9-]{1,20}$' })),
        },
        { additionalProperties: false },
      ),
      response: {
        200: Type.Object({
          due: Type.String(),
          start: Type.String(),
          amount: Type.Integer(),
          unit: Type.String(),
          ruleId: Type.Union([Type.String(), Type.Null()]),
          unadjustedDue: Type.String(),
          adjustments: Type.Array(Type.Object({ rule: Type.String(), from: Type.String(), to: Type.String(), reason: Type.String(), reasonEn: Type.String() })),
        }),
        ...ProblemResponses,
      },
    },
  }, async (req) => {
    const cal = await loadCalendar(db, req.query.organisationId);
    try {
      return computeDue(cal, { start: req.query.start, amount: req.query.amount, unit: req.query.unit as PeriodUnit, ruleId: req.query.ruleId ?? null });
    } catch (err) {
      return calendarProblem(err);
    }
  });

  app.get('/days', {
    config: { action: 'calendar.read' },
    schema: {
      tags: ['calendar'],
      summary: 'Stored decree days and (with organisationId) the organisation’s closing days',
      querystring: Type.Object({ organisationId: Type.Optional(Uuid) }, { additionalProperties: false }),
      response: { 200: Type.Array(StoredDaySchema), ...ProblemResponses },
    },
  }, async (req) => {
    const rows = await db
      .selectFrom('calendar_days')
      .select(['id', 'date', 'name', 'name_en', 'kind', 'organisation_id'])
      .where((eb) => (req.query.organisationId ? eb.or([eb('kind', '=', 'decree'), eb('organisation_id', '=', req.query.organisationId)]) : eb('kind', '=', 'decree')))
      .orderBy('date')
      .execute();
    return rows.map((r) => ({ id: r.id, date: r.date, name: r.name, nameEn: r.name_en, kind: r.kind, organisationId: r.organisation_id }));
  });

  app.post('/days', {
    config: { action: 'calendar.manage_closing_days', resourceType: 'calendar_day' },
    schema: {
      tags: ['calendar'],
      summary: 'Add a decree day (platform administrator; omit organisationId) or an organisation closing day',
      body: Type.Object(
        {
          date: IsoDateSchema,
          name: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
          nameEn: Type.Optional(Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' })),
          organisationId: Type.Optional(Uuid),
        },
        { additionalProperties: false },
      ),
      response: { 201: StoredDaySchema, ...ProblemResponses },
    },
  }, async (req, reply) => {
    const subject = subjectOf(req);
    const b = req.body;
    const d = b.organisationId
      ? decide(subject, 'calendar.manage_closing_days', { organisationIds: [b.organisationId] })
      : decide(subject, 'calendar.manage_decree_days');
    if (!d.allowed) throw problem.forbidden(d.reason);
    if (b.organisationId) {
      const org = await db.selectFrom('organisations').select('id').where('id', '=', b.organisationId).executeTakeFirst();
      if (!org) throw problem.unprocessable('organisation_not_found', 'De organisatie bestaat niet.', 'The organisation does not exist.');
    }
    const row = await transact(app, async (trx) => {
      const r = await trx
        .insertInto('calendar_days')
        .values({ date: b.date, name: b.name.trim(), name_en: b.nameEn?.trim() ?? null, kind: b.organisationId ? 'organisation' : 'decree', organisation_id: b.organisationId ?? null, created_by: subject.userId, created_at: clock.now() })
        .returning(['id', 'date', 'name', 'name_en', 'kind', 'organisation_id'])
        .executeTakeFirstOrThrow()
        .catch((err: { code?: string }) => {
          if (err.code === '23505') throw problem.conflict('duplicate', 'Deze dag staat al in de kalender.', 'This day is already in the calendar.', { field: 'date' });
          throw err;
        });
      await recordAudit(app, trx, req, { action: 'calendar.add_day', resourceType: 'calendar_day', resourceId: r.id, subjectOrganisationId: b.organisationId ?? null, outcome: 'success', details: { date: b.date, kind: r.kind } });
      return r;
    });
    return reply.status(201).send({ id: row.id, date: row.date, name: row.name, nameEn: row.name_en, kind: row.kind, organisationId: row.organisation_id });
  });

  app.delete('/days/:id', {
    config: { action: 'calendar.manage_closing_days', resourceType: 'calendar_day' },
    schema: { tags: ['calendar'], summary: 'Remove a decree day or closing day', params: IdParams, response: { 204: Type.Null(), ...ProblemResponses } },
  }, async (req, reply) => {
    const subject = subjectOf(req);
    const day = await db.selectFrom('calendar_days').selectAll().where('id', '=', req.params.id).executeTakeFirst();
    if (!day) throw problem.notFound('De kalenderdag', 'The calendar day');
    const d = day.organisation_id
      ? decide(subject, 'calendar.manage_closing_days', { organisationIds: [day.organisation_id] })
      : decide(subject, 'calendar.manage_decree_days');
    if (!d.allowed) throw problem.forbidden(d.reason);
    await transact(app, async (trx) => {
      await trx.deleteFrom('calendar_days').where('id', '=', day.id).execute();
      await recordAudit(app, trx, req, { action: 'calendar.remove_day', resourceType: 'calendar_day', resourceId: day.id, subjectOrganisationId: day.organisation_id, outcome: 'success', details: { date: day.date, kind: day.kind } });
    });
    return reply.status(204).send(null);
  });
}
