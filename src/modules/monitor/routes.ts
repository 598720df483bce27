/**
 * GET /api/v1/monitor (api.md): the monitor figures in long form as JSON, or the same rows as
 * CSV or XLSX by content negotiation (Accept). Aggregates only, so 'monitor.read' is open to
 * every member of the programme (R-MO-20) and no read is audited as personal data.
 */
import { Type } from 'typebox';
import type { App } from '../../platform/http/app.ts';
import { ProblemResponses } from '../../platform/http/schemas.ts';
import { todayIn } from '../../platform/clock.ts';
import { defaultMonth } from '../../domain/monitor/formulas.ts';
import { METRIC_IDS } from '../../domain/monitor/model.ts';
import { computeMonitor } from './service.ts';
import { contentDisposition, exportFileName, monitorCsv, monitorXlsx, XLSX_TYPE } from './export.ts';
// Side effect: trajectories create placements through their event hook.

const Text = Type.Object({ nl: Type.String(), en: Type.String() });
const Opt = Type.Optional;

export const MonitorRowSchema = Type.Object({
  metric: Type.Enum(METRIC_IDS),
  period: Type.Enum(['year', 'ytd', 'month', 'half-year', 'month-end', 'cumulative']),
  month: Opt(Type.Integer()),
  half: Opt(Type.Integer()),
  year: Opt(Type.Integer()),
  region: Opt(Type.String()),
  municipality: Opt(Type.String()),
  corporation: Opt(Type.String()),
  mainGroup: Opt(Type.String()),
  targetGroup: Opt(Type.String()),
  groupSet: Opt(Type.String()),
  planVersion: Opt(Type.String()),
  bucket: Opt(Type.String()),
  route: Opt(Type.String()),
  district: Opt(Type.String()),
  neighbourhood: Opt(Type.String()),
  outsideAgreement: Opt(Type.Boolean()),
  measure: Opt(Type.String()),
  reportRow: Opt(Type.String()),
  value: Type.Union([Type.Number(), Type.String(), Type.Null()]),
  unit: Type.String(),
});

const MonitorSchema = Type.Object({
  year: Type.Integer(),
  month: Type.Integer(),
  asOf: Type.String({ description: 'The date the figures stand at: the month end, or today while the month runs' }),
  periodEnd: Type.String({ description: 'The last day of the selected month' }),
  state: Type.Enum(['closed', 'running', 'future']),
  elapsedMonths: Type.Number({ description: 'Twelfths of the year elapsed by asOf, the pacing of M-06 (fractional while the month runs)' }),
  monthFraction: Type.Number({ description: 'Share of the selected month elapsed by asOf' }),
  scope: Type.Object({ region: Opt(Type.String()), municipality: Opt(Type.String()), corporation: Opt(Type.String()) }),
  rows: Type.Array(MonitorRowSchema),
  labels: Type.Object({
    regions: Type.Record(Type.String(), Type.String()),
    municipalities: Type.Record(Type.String(), Type.Object({ name: Type.String(), region: Type.Union([Type.String(), Type.Null()]) })),
    corporations: Type.Record(Type.String(), Type.String()),
    mainGroups: Type.Record(Type.String(), Text),
    targetGroups: Type.Record(Type.String(), Type.Object({ nl: Type.String(), en: Type.String(), mainGroup: Type.String(), countsTowardAgreement: Type.Boolean() })),
    groupSets: Type.Record(Type.String(), Type.Array(Type.String())),
  }),
  planVersions: Type.Array(Type.Object({
    municipality: Type.String(), agreementId: Type.String(), year: Type.Integer(), versionNo: Type.Integer(), decisionDate: Type.String({ format: 'date' }),
    effectiveFrom: Type.String(), reason: Type.String(), role: Type.String(),
  })),
  layout: Opt(Type.Object({
    code: Type.String(), version: Type.Integer(), kind: Type.String(), name: Text,
    rows: Type.Array(Type.Object({ key: Type.String(), label: Text, mainGroup: Type.String(), codes: Type.Array(Type.String()) })),
  })),
  notes: Type.Array(Type.Object({ id: Type.String(), metrics: Type.Array(Type.String()), targetGroup: Opt(Type.String()), text: Text })),
  warnings: Type.Array(Type.Object({
    code: Type.String(), municipality: Type.String(), planVersion: Opt(Type.String()), planned: Opt(Type.Number()), agreed: Opt(Type.Number()), text: Text,
  })),
});

export const MonitorQuerySchema = Type.Object({
  year: Type.Integer({ minimum: 2000, maximum: 2100 }),
  month: Opt(Type.Integer({ minimum: 1, maximum: 12 })),
  municipality: Opt(Type.String({ pattern: '^GM[0-9]{4}$' })),
  region: Opt(Type.String({ pattern: '^[A-Z0-9][A-Z0-9_-]{1,31}$' })),
  corporation: Opt(Type.String({ pattern: '^[A-Z0-9][A-Z0-9_-]{1,31}$' })),
  layout: Opt(Type.String({ pattern: '^[a-z][a-z0-9_-]{1,59}(@[0-9]{1,4})?$' })),
}, { additionalProperties: false });

export async function monitorRoutes(app: App) {
  const db = app.deps.database.db;

  app.get('/monitor', {
    config: { action: 'monitor.read' },
    schema: {
      tags: ['monitor'],
      summary: 'The monitor figures (M-01…M-27) for a year, year-to-date month and municipality/region/corporation, in long form',
      description:
        'Every metric of monitor.md with its ID. A dimension absent from a row means "all". `Accept: text/csv` or ' +
        '`application/vnd.openxmlformats-officedocument.spreadsheetml.sheet` exports the same rows. Aggregates only: no personal data.',
      querystring: MonitorQuerySchema,
      response: { 200: MonitorSchema, ...ProblemResponses },
    },
  }, async (req, reply) => {
    const q = req.query;
    const today = todayIn(app.deps.clock);
    const month = q.month ?? defaultMonth(q.year, today);
    const result = await computeMonitor(db, { year: q.year, month, municipality: q.municipality, region: q.region, corporation: q.corporation, layout: q.layout, today });
    const accept = req.headers.accept ?? '';
    const name = exportFileName(result, 'cijfers', 'nl');
    if (accept.includes('text/csv')) {
      reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', contentDisposition(`${name}.csv`));
      return reply.send(monitorCsv(result) as never);
    }
    if (accept.includes(XLSX_TYPE)) {
      reply.header('content-type', XLSX_TYPE).header('content-disposition', contentDisposition(`${name}.xlsx`));
      return reply.send((await monitorXlsx(result)) as never);
    }
    reply.header('cache-control', 'private, no-cache');
    // The schema documents the response; the body is serialised once with JSON.stringify, which is
    // several times faster than schema serialisation for tens of thousands of rows with a union value.
    return reply.type('application/json; charset=utf-8').send(JSON.stringify(result) as never);
  });
}
