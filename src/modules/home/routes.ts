import { Type } from 'typebox';
import type { App } from '../../platform/http/app.ts';
import { subjectOf } from '../../platform/http/app.ts';
import { IsoDateSchema, ProblemResponses } from '../../platform/http/schemas.ts';
import { problem } from '../../platform/http/problem.ts';
import { QUEUE_KEYS } from '../../domain/home/queue.ts';
import { queuesFor } from './service.ts';

const Text = Type.Object({ nl: Type.String(), en: Type.String() });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

const QueueItemSchema = Type.Object({
  text: Text,
  when: Nullable(Text),
  clientName: Nullable(Type.String()),
  caseKind: Type.String(),
  caseId: Type.String(),
  trajectoryId: Nullable(Type.String()),
  clientId: Nullable(Type.String()),
  due: Nullable(Type.String()),
  overdue: Type.Boolean(),
  ruleId: Nullable(Type.String({ description: 'The deadline rule (data only; people read `text`)' })),
  key: Nullable(Type.String()),
  formId: Nullable(Type.String()),
  actors: Type.Array(Type.String()),
});

export const HomeSchema = Type.Object({
  asOf: Type.String(),
  horizon: Type.String(),
  role: Nullable(Type.String()),
  counts: Type.Object(Object.fromEntries(QUEUE_KEYS.map((k) => [k, Type.Integer({ minimum: 0 })])) as Record<(typeof QUEUE_KEYS)[number], ReturnType<typeof Type.Integer>>),
  queues: Type.Array(Type.Object({ key: Type.Enum(QUEUE_KEYS), items: Type.Array(QueueItemSchema) })),
});

export async function homeRoutes(app: App) {
  const db = app.deps.database.db;
  const clock = app.deps.clock;

  app.get('/home', {
    config: { action: 'home.read', personalData: true, resourceType: 'deadline' },
    schema: {
      tags: ['home'],
      summary: 'Your home page: counts and work queues for your role (overdue, due soon, to sign, nominations, waiting on others), each item in words and linked to its case',
      querystring: Type.Object({ asOf: Type.Optional(IsoDateSchema) }, { additionalProperties: false }),
      response: { 200: HomeSchema, ...ProblemResponses },
    },
  }, async (req) => {
    const s = subjectOf(req);
    // The queues look ahead 10 working days; a date within that of the calendar's last year cannot be looked ahead from.
    if (req.query.asOf && req.query.asOf > '9998-12-15') {
      throw problem.validation([{ field: '/asOf', in: 'querystring', code: 'out_of_range', message: 'Kies een datum vóór het jaar 9999.', messageNl: 'Kies een datum vóór het jaar 9999.', messageEn: 'Choose a date before the year 9999.' }]);
    }
    const q = await queuesFor(db, clock, s, req.query.asOf);
    const purposes = [...new Set(Object.values(q.purposes))];
    req.auditInfo = {
      resourceType: 'deadline',
      purpose: purposes.length === 1 ? (purposes[0] as never) : null,
      details: { count: q.queues.reduce((n, x) => n + x.items.length, 0), trajectoryIds: Object.keys(q.purposes), purposes: q.purposes },
    };
    return { asOf: q.asOf, horizon: q.horizon, role: s.role, counts: q.counts, queues: q.queues };
  });
}
