/**
 * Reference data of the monitor: target groups (monitor.md §2.2, R-MO-01: editable by the
 * programme, with validity dates and the "counts toward agreement" flag of R-MO-42) and the
 * versioned report layouts (§12). Reads: reference.read; target groups: target_group.manage.
 */
import { Type } from 'typebox';
import { sql } from 'kysely';
import type { App } from '../../platform/http/app.ts';
import { problem, type FieldError } from '../../platform/http/problem.ts';
import { recordAudit, requireIfMatch, setEtag, transact } from '../../platform/http/tx.ts';
import { IsoDateSchema, ProblemResponses } from '../../platform/http/schemas.ts';
import { MAIN_GROUP_VALUES, Nullable, TargetGroupCode, Text, fieldError, isoDate, isoTime } from './repository.ts';

const Label = Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' });
const HierarchyId = Type.String({ pattern: '^[1-3]\\.[a-z]$', description: 'Position in the 2020 hierarchy (1.a … 3.b)' });
const SortOrder = Type.Integer({ minimum: -100_000, maximum: 100_000 });

export const TargetGroupSchema = Type.Object({
  code: Type.String(),
  mainGroup: Type.Enum(MAIN_GROUP_VALUES),
  hierarchyId: Nullable(Type.String()),
  label: Text,
  countsTowardAgreement: Type.Boolean({ description: 'R-MO-42: false puts the group on an "outside agreement" line' }),
  validFrom: Type.String(),
  validTo: Nullable(Type.String()),
  sortOrder: Type.Integer(),
  version: Type.Integer(),
  updatedAt: Type.String(),
});

interface TgRow {
  code: string; main_group: string; hierarchy_id: string | null; label_nl: string; label_en: string; counts_toward_agreement: boolean;
  valid_from: string; valid_to: string | null; sort_order: number; version: number; updated_at: Date | string;
}

function view(r: TgRow) {
  return {
    code: r.code,
    mainGroup: r.main_group as (typeof MAIN_GROUP_VALUES)[number],
    hierarchyId: r.hierarchy_id,
    label: { nl: r.label_nl, en: r.label_en },
    countsTowardAgreement: r.counts_toward_agreement,
    validFrom: isoDate(r.valid_from),
    validTo: r.valid_to === null ? null : isoDate(r.valid_to),
    sortOrder: r.sort_order,
    version: r.version,
    updatedAt: isoTime(r.updated_at),
  };
}

function checkHierarchy(mainGroup: string, hierarchyId: string | null | undefined, errors: FieldError[]) {
  if (hierarchyId && hierarchyId[0] !== mainGroup.slice(3)) {
    errors.push(fieldError('/hierarchyId', 'hierarchy_mismatch', `Hiërarchie-id ${hierarchyId} hoort niet bij ${mainGroup}.`, `Hierarchy id ${hierarchyId} does not belong to ${mainGroup}.`));
  }
}

function checkValidity(from: string, to: string | null, errors: FieldError[]) {
  if (to !== null && to < from) errors.push(fieldError('/validTo', 'validity_order', 'De einddatum ligt vóór de begindatum.', 'The end date is before the start date.'));
}

const ReportLayoutSchema = Type.Object({
  code: Type.String(),
  version: Type.Integer(),
  current: Type.Boolean({ description: 'The highest version of this layout' }),
  kind: Type.Enum(['delivery', 'wait_time']),
  name: Text,
  rows: Type.Array(Type.Object({ key: Type.String(), label: Text, mainGroup: Type.String(), codes: Type.Array(Type.String()) })),
  createdAt: Type.String(),
});

export async function referenceRoutes(app: App) {
  const db = app.deps.database.db;
  const clock = app.deps.clock;

  app.get('/target-groups', {
    config: { action: 'reference.read' },
    schema: {
      tags: ['agreements'],
      summary: 'Target groups (monitor.md §2.2, R-MO-01); ?on=YYYY-MM-DD lists those valid on that date',
      querystring: Type.Object({ on: Type.Optional(IsoDateSchema) }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(TargetGroupSchema) }), ...ProblemResponses },
    },
  }, async (req) => {
    const on = req.query.on;
    let q = db.selectFrom('target_groups').selectAll();
    if (on) q = q.where('valid_from', '<=', on).where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', on)]));
    const rows = await q.orderBy('main_group').orderBy('sort_order').orderBy('code').execute();
    return { items: (rows as unknown as TgRow[]).map(view) };
  });

  app.post('/target-groups', {
    config: { action: 'target_group.manage', resourceType: 'target_group' },
    schema: {
      tags: ['agreements'],
      summary: 'Add a target group (R-MO-01: groups are added over time)',
      body: Type.Object({
        code: TargetGroupCode,
        mainGroup: Type.Enum(MAIN_GROUP_VALUES),
        hierarchyId: Type.Optional(Nullable(HierarchyId)),
        label: Type.Object({ nl: Label, en: Label }, { additionalProperties: false }),
        countsTowardAgreement: Type.Optional(Type.Boolean()),
        validFrom: Type.Optional(IsoDateSchema),
        validTo: Type.Optional(Nullable(IsoDateSchema)),
        sortOrder: Type.Optional(SortOrder),
      }, { additionalProperties: false }),
      response: { 201: TargetGroupSchema, ...ProblemResponses },
    },
  }, async (req, reply) => {
    const b = req.body;
    const errors: FieldError[] = [];
    const validFrom = b.validFrom ?? `${clock.now().toISOString().slice(0, 4)}-01-01`;
    checkHierarchy(b.mainGroup, b.hierarchyId, errors);
    checkValidity(validFrom, b.validTo ?? null, errors);
    if (errors.length) throw problem.validation(errors);
    const row = await transact(app, async (trx) => {
      const now = clock.now();
      const r = await trx.insertInto('target_groups').values({
        code: b.code, main_group: b.mainGroup, hierarchy_id: b.hierarchyId ?? null, label_nl: b.label.nl.trim(), label_en: b.label.en.trim(),
        counts_toward_agreement: b.countsTowardAgreement ?? true, valid_from: validFrom, valid_to: b.validTo ?? null,
        sort_order: b.sortOrder ?? 1000, created_at: now, updated_at: now,
      }).returningAll().executeTakeFirstOrThrow()
        .catch((err: { code?: string }) => {
          if (err.code === '23505') throw problem.conflict('duplicate', 'Er bestaat al een doelgroep met deze code.', 'A target group with this code already exists.', { field: 'code' });
          throw err;
        });
      await recordAudit(app, trx, req, { action: 'target_group.manage', resourceType: 'target_group', resourceId: r.code, outcome: 'success', details: { operation: 'create', mainGroup: r.main_group, countsTowardAgreement: r.counts_toward_agreement } });
      return r as unknown as TgRow;
    });
    setEtag(reply, row.version);
    return reply.status(201).header('location', `/api/v1/target-groups/${row.code}`).send(view(row));
  });

  app.patch('/target-groups/:code', {
    config: { action: 'target_group.manage', resourceType: 'target_group' },
    schema: {
      tags: ['agreements'],
      summary: 'Change a target group (If-Match): labels, the counts-toward-agreement flag (R-MO-42), validity, sort order; the main group only while no placement or plan uses it',
      params: Type.Object({ code: TargetGroupCode }, { additionalProperties: false }),
      body: Type.Object({
        mainGroup: Type.Optional(Type.Enum(MAIN_GROUP_VALUES)),
        hierarchyId: Type.Optional(Nullable(HierarchyId)),
        label: Type.Optional(Type.Object({ nl: Type.Optional(Label), en: Type.Optional(Label) }, { additionalProperties: false, minProperties: 1 })),
        countsTowardAgreement: Type.Optional(Type.Boolean()),
        validFrom: Type.Optional(IsoDateSchema),
        validTo: Type.Optional(Nullable(IsoDateSchema)),
        sortOrder: Type.Optional(SortOrder),
      }, { additionalProperties: false, minProperties: 1 }),
      response: { 200: TargetGroupSchema, ...ProblemResponses },
    },
  }, async (req, reply) => {
    const expected = requireIfMatch(req);
    const b = req.body;
    const updated = await transact(app, async (trx) => {
      const { rows } = await sql<TgRow>`SELECT * FROM target_groups WHERE code = ${req.params.code} FOR UPDATE`.execute(trx);
      const cur = rows[0];
      if (!cur) throw problem.notFound('De doelgroep', 'The target group');
      if (cur.version !== expected) throw problem.preconditionFailed(cur.version);
      const mainGroup = b.mainGroup ?? cur.main_group;
      const hierarchyId = b.hierarchyId !== undefined ? b.hierarchyId : cur.hierarchy_id;
      const validFrom = b.validFrom ?? isoDate(cur.valid_from);
      const validTo = b.validTo !== undefined ? b.validTo : cur.valid_to === null ? null : isoDate(cur.valid_to);
      const errors: FieldError[] = [];
      checkHierarchy(mainGroup, hierarchyId, errors);
      checkValidity(validFrom, validTo, errors);
      if (errors.length) throw problem.validation(errors);
      if (mainGroup !== cur.main_group) {
        const { rows: used } = await sql<{ used: boolean }>`SELECT (EXISTS (SELECT 1 FROM placements WHERE target_group = ${cur.code})
          OR EXISTS (SELECT 1 FROM plan_lines WHERE target_group = ${cur.code} OR ${cur.code} = ANY(group_set_codes))) AS used`.execute(trx);
        if (used[0]?.used) {
          throw problem.unprocessable('target_group_in_use', 'De hoofdgroep kan niet meer veranderen: er zijn plaatsingen of verdelingen met deze doelgroep. Maak een nieuwe doelgroep en beëindig deze.', 'The main group can no longer change: placements or plans use this target group. Add a new target group and end this one.', 'R-MO-01');
        }
      }
      const { rows: out } = await sql<TgRow>`UPDATE target_groups SET
          main_group = ${mainGroup}, hierarchy_id = ${hierarchyId}, label_nl = ${b.label?.nl?.trim() ?? cur.label_nl}, label_en = ${b.label?.en?.trim() ?? cur.label_en},
          counts_toward_agreement = ${b.countsTowardAgreement ?? cur.counts_toward_agreement}, valid_from = ${validFrom}::date, valid_to = ${validTo}::date,
          sort_order = ${b.sortOrder ?? cur.sort_order}, version = version + 1, updated_at = ${clock.now()}
        WHERE code = ${cur.code} AND version = ${expected} RETURNING *`.execute(trx);
      const r = out[0];
      if (!r) throw problem.preconditionFailed(cur.version);
      await recordAudit(app, trx, req, {
        action: 'target_group.manage', resourceType: 'target_group', resourceId: r.code, outcome: 'success',
        details: { operation: 'update', fields: Object.keys(b), version: r.version, countsTowardAgreement: r.counts_toward_agreement },
      });
      return r;
    });
    setEtag(reply, updated.version);
    return view(updated);
  });

  app.get('/report-layouts', {
    config: { action: 'reference.read' },
    schema: {
      tags: ['agreements'],
      summary: 'Versioned report layouts mapping target-group codes to printed rows (§12)',
      querystring: Type.Object({ kind: Type.Optional(Type.Enum(['delivery', 'wait_time'])) }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(ReportLayoutSchema) }), ...ProblemResponses },
    },
  }, async (req) => {
    let q = db.selectFrom('report_layouts').selectAll();
    if (req.query.kind) q = q.where('kind', '=', req.query.kind);
    const rows = await q.orderBy('code').orderBy('version').execute();
    const latest = new Map<string, number>();
    for (const r of rows) latest.set(r.code, Math.max(latest.get(r.code) ?? 0, r.version));
    return {
      items: rows.map((r) => ({
        code: r.code, version: r.version, current: latest.get(r.code) === r.version, kind: r.kind,
        name: { nl: r.name_nl, en: r.name_en },
        rows: (typeof r.rows === 'string' ? JSON.parse(r.rows) : r.rows) as { key: string; label: { nl: string; en: string }; mainGroup: string; codes: string[] }[],
        createdAt: isoTime(r.created_at),
      })),
    };
  });
}
