/**
 * Yearly allocation agreements and their distribution (monitor.md §3–§5, R-MO-02..R-MO-16):
 * the agreement of a municipality (absolute number or share of released dwellings), its plan
 * versions per year (a revision adds a version; earlier versions stay read-only, R-MO-09) and
 * the numbers per corporation from the performance agreements (R-MO-14). The reference data
 * and figures behind the monitor are in reference-routes.ts and figures-routes.ts.
 *
 * Reads need reference.read (every member: aggregates only, no personal data); writes need
 * agreement.manage on the municipality. Every write is one transaction with its audit row.
 */
import { Type } from 'typebox';
import { sql } from 'kysely';
import type { App } from '../../platform/http/app.ts';
import { subjectOf } from '../../platform/http/app.ts';
import { problem, type FieldError } from '../../platform/http/problem.ts';
import { recordAudit, requireIfMatch, setEtag, transact, type Trx } from '../../platform/http/tx.ts';
import { IdParams, IsoDateSchema, ProblemResponses, Uuid } from '../../platform/http/schemas.ts';
import {
  AGREEMENT_SELECT, AgreedVolumeSchema, AgreementSchema, Count, DistributionSchema, MAIN_GROUP_VALUES, MunicipalityRef, Nullable, PlanVersionSchema,
  TargetGroupCode, Year, agreedFor, agreementView, authorizeOn, authorizedMunicipality, checkCorporations, checkUnique, distributionOf, fieldError,
  loadAgreement, municipalityForRead, planVersionsOf, releasedPerYear, targetGroupMap, type AgreementRow, type Db,
} from './repository.ts';
import { referenceRoutes } from './reference-routes.ts';
import { figuresRoutes } from './figures-routes.ts';

const Share = Type.Number({ exclusiveMinimum: 0, maximum: 1, description: 'Fraction of released dwellings, at most 5 decimals (0.3 = 30%)' });
const Tolerance = Type.Number({ minimum: 0, maximum: 0.9999, description: 'M-07 tolerance as a fraction, at most 4 decimals' });
const Name = Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' });

const CreateBody = Type.Object({
  municipality: MunicipalityRef,
  name: Type.Optional(Name),
  kind: Type.Enum(['absolute', 'share']),
  firstYear: Year,
  lastYear: Year,
  yearlyNumber: Type.Optional(Nullable(Count)),
  share: Type.Optional(Nullable(Share)),
  distributeOverCorporations: Type.Optional(Type.Boolean()),
  tolerance: Type.Optional(Tolerance),
}, { additionalProperties: false });

const PatchBody = Type.Object({
  name: Type.Optional(Name),
  kind: Type.Optional(Type.Enum(['absolute', 'share'])),
  firstYear: Type.Optional(Year),
  lastYear: Type.Optional(Year),
  yearlyNumber: Type.Optional(Nullable(Count)),
  share: Type.Optional(Nullable(Share)),
  distributeOverCorporations: Type.Optional(Type.Boolean()),
  tolerance: Type.Optional(Tolerance),
}, { additionalProperties: false, minProperties: 1 });

const LineBody = Type.Object({
  level: Type.Enum(['main_group', 'target_group', 'group_set']),
  mainGroup: Type.Optional(Type.Enum(MAIN_GROUP_VALUES)),
  targetGroup: Type.Optional(TargetGroupCode),
  groupSet: Type.Optional(Type.Object({
    name: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
    codes: Type.Array(TargetGroupCode, { minItems: 2, maxItems: 40 }),
  }, { additionalProperties: false })),
  corporationId: Type.Optional(Nullable(Uuid)),
  dwellings: Count,
}, { additionalProperties: false });

const PlanVersionBody = Type.Object({
  year: Year,
  decisionDate: IsoDateSchema,
  effectiveFrom: IsoDateSchema,
  reason: Type.String({ minLength: 1, maxLength: 2000, pattern: '\\S' }),
  lines: Type.Array(LineBody, { minItems: 1, maxItems: 200 }),
}, { additionalProperties: false });

const TargetsBody = Type.Object({
  items: Type.Array(Type.Object({ corporationId: Uuid, dwellings: Count }, { additionalProperties: false }), { maxItems: 500 }),
}, { additionalProperties: false });

const RecordedTargetSchema = Type.Object({ year: Type.Integer(), corporationId: Type.String(), corporationCode: Type.String(), corporationName: Type.String(), dwellings: Type.Integer(), version: Type.Integer() });

const AgreementDetailSchema = Type.Object({
  ...AgreementSchema.properties,
  planVersions: Type.Array(PlanVersionSchema),
  recordedTargets: Type.Array(RecordedTargetSchema),
  year: Type.Optional(Type.Object({
    year: Type.Integer(),
    agreed: AgreedVolumeSchema,
    distribution: Nullable(DistributionSchema),
  })),
});

const decimals = (n: number, places: number) => Math.abs(n * 10 ** places - Math.round(n * 10 ** places)) < 1e-6;

interface Terms { kind: 'absolute' | 'share'; firstYear: number; lastYear: number; yearlyNumber: number | null; share: number | null; tolerance: number }

/** Cross-field rules of an agreement's terms (JSON Schema checks the single fields). */
function checkTerms(t: Terms) {
  const errors: FieldError[] = [];
  if (t.lastYear < t.firstYear) errors.push(fieldError('/lastYear', 'year_order', 'Het laatste jaar ligt vóór het eerste jaar.', 'The last year is before the first year.'));
  if (t.kind === 'absolute' && t.yearlyNumber === null) errors.push(fieldError('/yearlyNumber', 'required', 'Een absolute afspraak heeft een aantal per jaar (R-MO-03).', 'An absolute agreement has a yearly number (R-MO-03).'));
  if (t.kind === 'share' && t.share === null) errors.push(fieldError('/share', 'required', 'Een afspraak als aandeel heeft een aandeel van de vrijkomende woningen (R-MO-02).', 'A share agreement has a share of released dwellings (R-MO-02).'));
  if (t.share !== null && !decimals(t.share, 5)) errors.push(fieldError('/share', 'precision', 'Het aandeel heeft hoogstens 5 decimalen (0,3 = 30%).', 'The share has at most 5 decimals (0.3 = 30%).'));
  if (!decimals(t.tolerance, 4)) errors.push(fieldError('/tolerance', 'precision', 'De tolerantie heeft hoogstens 4 decimalen.', 'The tolerance has at most 4 decimals.'));
  if (errors.length) throw problem.validation(errors);
}

/** R-MO-03: one agreement per municipality per year: overlapping periods are a 409. */
async function checkOverlap(trx: Db, municipalityId: string, firstYear: number, lastYear: number, selfId: string | null) {
  // Serialise creations for one municipality: lock its organisation row.
  await sql`SELECT id FROM organisations WHERE id = ${municipalityId} FOR UPDATE`.execute(trx);
  const clash = await trx.selectFrom('agreements').select(['id', 'first_year', 'last_year'])
    .where('municipality_id', '=', municipalityId).where('first_year', '<=', lastYear).where('last_year', '>=', firstYear)
    .$if(selfId !== null, (q) => q.where('id', '<>', selfId!)).executeTakeFirst();
  if (clash) {
    throw problem.conflict(
      'agreement_overlap',
      `Deze gemeente heeft al een afspraak voor ${clash.first_year}–${clash.last_year}; de jaren mogen niet overlappen.`,
      `This municipality already has an agreement for ${clash.first_year}–${clash.last_year}; the years must not overlap.`,
      { agreementId: clash.id },
    );
  }
}

async function recordedTargetsOf(db: Db, agreementId: string) {
  const { rows } = await sql<{ year: number; corporation_id: string; code: string; name: string; dwellings: number; version: number }>`
    SELECT t.year, t.corporation_id, o.code, o.name, t.dwellings, t.version FROM corporation_targets t JOIN organisations o ON o.id = t.corporation_id
     WHERE t.agreement_id = ${agreementId} ORDER BY t.year, o.name`.execute(db);
  return rows.map((r) => ({ year: r.year, corporationId: r.corporation_id, corporationCode: r.code, corporationName: r.name, dwellings: r.dwellings, version: r.version }));
}

export async function agreementRoutes(app: App) {
  const db = app.deps.database.db;
  const clock = app.deps.clock;

  await referenceRoutes(app);
  await figuresRoutes(app);

  app.get('/agreements', {
    config: { action: 'reference.read' },
    schema: {
      tags: ['agreements'],
      summary: 'Allocation agreements (R-MO-02, R-MO-03), all or of one municipality',
      querystring: Type.Object({ municipality: Type.Optional(MunicipalityRef), year: Type.Optional(Year) }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(Type.Object({ ...AgreementSchema.properties, agreed: Type.Optional(AgreedVolumeSchema) })) }), ...ProblemResponses },
    },
  }, async (req) => {
    const q = req.query;
    const m = q.municipality ? await municipalityForRead(db, q.municipality) : null;
    const { rows } = await sql<AgreementRow>`SELECT ${AGREEMENT_SELECT} FROM agreements a JOIN organisations o ON o.id = a.municipality_id
      WHERE ${m ? sql`a.municipality_id = ${m.id}` : sql`true`} ${q.year ? sql`AND a.first_year <= ${q.year} AND a.last_year >= ${q.year}` : sql``}
      ORDER BY o.name, a.first_year`.execute(db);
    const year = q.year;
    if (year === undefined) return { items: rows.map(agreementView) };
    const items = [];
    for (const a of rows) items.push({ ...agreementView(a), agreed: agreedFor(a, a.kind === 'share' ? await releasedPerYear(db, a.municipality_id, [year]) : new Map(), year) });
    return { items };
  });

  app.post('/agreements', {
    config: { action: 'agreement.manage', resourceType: 'agreement' },
    schema: {
      tags: ['agreements'],
      summary: 'Create the agreement of a municipality: absolute yearly number (R-MO-03) or share of released dwellings (R-MO-02); years must not overlap another agreement (409)',
      body: CreateBody,
      response: { 201: AgreementSchema, ...ProblemResponses },
    },
  }, async (req, reply) => {
    const b = req.body;
    const m = await authorizedMunicipality(db, req, 'agreement.manage', b.municipality);
    const terms: Terms = {
      kind: b.kind, firstYear: b.firstYear, lastYear: b.lastYear,
      yearlyNumber: b.kind === 'absolute' ? (b.yearlyNumber ?? null) : null,
      share: b.kind === 'share' ? (b.share ?? null) : null,
      tolerance: b.tolerance ?? 0,
    };
    checkTerms(terms);
    const subject = subjectOf(req);
    const now = clock.now();
    const created = await transact(app, async (trx) => {
      await checkOverlap(trx, m.id, terms.firstYear, terms.lastYear, null);
      const row = await trx.insertInto('agreements').values({
        municipality_id: m.id,
        name: b.name?.trim() ?? `Samenwerkingsafspraken ${terms.firstYear}–${terms.lastYear}`,
        first_year: terms.firstYear, last_year: terms.lastYear, kind: terms.kind,
        yearly_number: terms.yearlyNumber, share: terms.share, distribute_over_corporations: b.distributeOverCorporations ?? false,
        tolerance: terms.tolerance, created_by: subject.userId, created_at: now, updated_at: now,
      }).returning('id').executeTakeFirstOrThrow();
      await recordAudit(app, trx, req, {
        action: 'agreement.manage', resourceType: 'agreement', resourceId: row.id, subjectOrganisationId: m.id, outcome: 'success',
        details: { operation: 'create', kind: terms.kind, firstYear: terms.firstYear, lastYear: terms.lastYear, yearlyNumber: terms.yearlyNumber, share: terms.share },
      });
      return loadAgreement(trx, row.id);
    });
    setEtag(reply, created.version);
    return reply.status(201).header('location', `/api/v1/agreements/${created.id}`).send(agreementView(created));
  });

  app.get('/agreements/:id', {
    config: { action: 'reference.read' },
    schema: {
      tags: ['agreements'],
      summary: 'One agreement with its plan versions per year, the recorded corporation numbers and, for ?year=, M-01 and the distribution over corporations (M-08, M-09)',
      params: IdParams,
      querystring: Type.Object({ year: Type.Optional(Year) }, { additionalProperties: false }),
      response: { 200: AgreementDetailSchema, ...ProblemResponses },
    },
  }, async (req, reply) => {
    const a = await loadAgreement(db, req.params.id);
    const [planVersions, recordedTargets] = await Promise.all([planVersionsOf(db, a), recordedTargetsOf(db, a.id)]);
    const out: Record<string, unknown> = { ...agreementView(a), planVersions, recordedTargets };
    const year = req.query.year;
    if (year !== undefined) {
      const released = a.kind === 'share' ? await releasedPerYear(db, a.municipality_id, [year]) : new Map<number, number>();
      out.year = { year, agreed: agreedFor(a, released, year), distribution: a.distribute_over_corporations ? await distributionOf(db, a, year) : null };
    }
    setEtag(reply, a.version);
    return out as never;
  });

  app.patch('/agreements/:id', {
    config: { action: 'agreement.manage', resourceType: 'agreement' },
    schema: {
      tags: ['agreements'],
      summary: 'Change an agreement (If-Match required); plan versions and corporation numbers must stay within its years',
      params: IdParams,
      body: PatchBody,
      response: { 200: AgreementSchema, ...ProblemResponses },
    },
  }, async (req, reply) => {
    const expected = requireIfMatch(req);
    const current = await loadAgreement(db, req.params.id);
    authorizeOn(req, 'agreement.manage', [current.municipality_id]);
    const b = req.body;
    const kind = b.kind ?? current.kind;
    const terms: Terms = {
      kind,
      firstYear: b.firstYear ?? current.first_year,
      lastYear: b.lastYear ?? current.last_year,
      yearlyNumber: kind === 'absolute' ? (b.yearlyNumber !== undefined ? b.yearlyNumber : current.yearly_number) : null,
      share: kind === 'share' ? (b.share !== undefined ? b.share : current.share === null ? null : Number(current.share)) : null,
      tolerance: b.tolerance ?? Number(current.tolerance),
    };
    checkTerms(terms);
    const updated = await transact(app, async (trx) => {
      const locked = await loadAgreement(trx, current.id, true);
      if (locked.version !== expected) throw problem.preconditionFailed(locked.version);
      await checkOverlap(trx, current.municipality_id, terms.firstYear, terms.lastYear, current.id);
      const outside = await sql<{ n: number }>`
        SELECT ((SELECT count(*) FROM plan_versions WHERE agreement_id = ${current.id} AND (year < ${terms.firstYear} OR year > ${terms.lastYear}))
              + (SELECT count(*) FROM corporation_targets WHERE agreement_id = ${current.id} AND (year < ${terms.firstYear} OR year > ${terms.lastYear})))::int AS n`.execute(trx);
      if ((outside.rows[0]?.n ?? 0) > 0) {
        throw problem.unprocessable('years_exclude_plans', 'Er zijn verdelingen of corporatieaantallen buiten de nieuwe jaren; die blijven bewaard, dus de jaren kunnen niet zo worden ingekort.', 'There are plan versions or corporation numbers outside the new years; they are kept, so the years cannot be shortened like this.', 'R-MO-09');
      }
      await trx.updateTable('agreements').set({
        name: b.name?.trim() ?? current.name, kind: terms.kind, first_year: terms.firstYear, last_year: terms.lastYear,
        yearly_number: terms.yearlyNumber, share: terms.share, tolerance: terms.tolerance,
        distribute_over_corporations: b.distributeOverCorporations ?? current.distribute_over_corporations,
        version: expected + 1, updated_at: clock.now(),
      }).where('id', '=', current.id).where('version', '=', expected).execute();
      await recordAudit(app, trx, req, {
        action: 'agreement.manage', resourceType: 'agreement', resourceId: current.id, subjectOrganisationId: current.municipality_id, outcome: 'success',
        details: { operation: 'update', fields: Object.keys(b), version: expected + 1 },
      });
      return loadAgreement(trx, current.id);
    });
    setEtag(reply, updated.version);
    return agreementView(updated);
  });

  app.get('/agreements/:id/plan-versions', {
    config: { action: 'reference.read' },
    schema: {
      tags: ['agreements'],
      summary: 'Plan versions of an agreement (R-MO-09): version 1 is the initial plan, the highest version the current one; all read-only',
      params: IdParams,
      querystring: Type.Object({ year: Type.Optional(Year) }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(PlanVersionSchema) }), ...ProblemResponses },
    },
  }, async (req) => {
    const a = await loadAgreement(db, req.params.id);
    return { items: await planVersionsOf(db, a, req.query.year) };
  });

  app.post('/agreements/:id/plan-versions', {
    config: { action: 'agreement.manage', resourceType: 'plan_version' },
    schema: {
      tags: ['agreements'],
      summary: 'Add a plan version for a year (R-MO-07..R-MO-09): lines per main group, target group or named set (R-MO-08); a total that differs from the agreement is a warning, not an error (§12)',
      params: IdParams,
      body: PlanVersionBody,
      response: { 201: PlanVersionSchema, ...ProblemResponses },
    },
  }, async (req, reply) => {
    const a = await loadAgreement(db, req.params.id);
    authorizeOn(req, 'agreement.manage', [a.municipality_id]);
    const b = req.body;
    const errors: FieldError[] = [];
    if (b.year < a.first_year || b.year > a.last_year) {
      errors.push(fieldError('/year', 'year_outside_agreement', `Het jaar valt buiten de afspraak (${a.first_year}–${a.last_year}).`, `The year is outside the agreement (${a.first_year}–${a.last_year}).`));
    }
    if (!b.effectiveFrom.startsWith(`${b.year}-`)) {
      errors.push(fieldError('/effectiveFrom', 'outside_year', `De ingangsdatum ligt niet in ${b.year}.`, `The effective-from date is not in ${b.year}.`));
    }
    const groups = await targetGroupMap(db);
    const validInYear = (code: string) => {
      const g = groups.get(code)!;
      return g.valid_from <= `${b.year}-12-31` && (g.valid_to === null || g.valid_to >= `${b.year}-01-01`);
    };
    const checkCode = (code: string, field: string) => {
      if (!groups.has(code)) errors.push(fieldError(field, 'unknown_target_group', `Onbekende doelgroep: ${code}.`, `Unknown target group: ${code}.`));
      else if (!validInYear(code)) errors.push(fieldError(field, 'target_group_not_valid', `Doelgroep ${code} geldt niet in ${b.year}.`, `Target group ${code} is not valid in ${b.year}.`));
    };
    b.lines.forEach((l, i) => {
      const p = `/lines/${i}`;
      const extra = (present: boolean, f: string) => {
        if (present) errors.push(fieldError(`${p}/${f}`, 'not_allowed', `Dit veld hoort niet bij een regel op niveau ${l.level}.`, `This field does not belong to a line of level ${l.level}.`));
      };
      if (l.level === 'main_group') {
        if (!l.mainGroup) errors.push(fieldError(`${p}/mainGroup`, 'required', 'Kies een hoofdgroep.', 'Choose a main group.'));
        extra(l.targetGroup !== undefined, 'targetGroup');
        extra(l.groupSet !== undefined, 'groupSet');
      } else if (l.level === 'target_group') {
        if (!l.targetGroup) errors.push(fieldError(`${p}/targetGroup`, 'required', 'Kies een doelgroep.', 'Choose a target group.'));
        else checkCode(l.targetGroup, `${p}/targetGroup`);
        extra(l.mainGroup !== undefined, 'mainGroup');
        extra(l.groupSet !== undefined, 'groupSet');
      } else {
        if (!l.groupSet) errors.push(fieldError(`${p}/groupSet`, 'required', 'Geef de set een naam en minstens twee doelgroepen.', 'Give the set a name and at least two target groups.'));
        else {
          l.groupSet.codes.forEach((c, j) => checkCode(c, `${p}/groupSet/codes/${j}`));
          if (new Set(l.groupSet.codes).size !== l.groupSet.codes.length) errors.push(fieldError(`${p}/groupSet/codes`, 'duplicate', 'Een doelgroep staat dubbel in de set.', 'A target group appears twice in the set.'));
        }
        extra(l.mainGroup !== undefined, 'mainGroup');
        extra(l.targetGroup !== undefined, 'targetGroup');
      }
    });
    if (errors.length) throw problem.validation(errors);
    const corpRefs = b.lines.flatMap((l, i) => (l.corporationId ? [{ id: l.corporationId, field: `/lines/${i}/corporationId` }] : []));
    if (corpRefs.length) await checkCorporations(db, corpRefs);

    const subject = subjectOf(req);
    const versionId = await transact(app, async (trx: Trx) => {
      await loadAgreement(trx, a.id, true);
      const prev = await trx.selectFrom('plan_versions').select((eb) => eb.fn.max('version_no').as('max')).where('agreement_id', '=', a.id).where('year', '=', b.year).executeTakeFirst();
      const versionNo = Number(prev?.max ?? 0) + 1;
      const v = await trx.insertInto('plan_versions').values({
        agreement_id: a.id, year: b.year, version_no: versionNo, decision_date: b.decisionDate, effective_from: b.effectiveFrom,
        reason: b.reason.trim(), created_by: subject.userId, created_at: clock.now(),
      }).returning('id').executeTakeFirstOrThrow()
        .catch((err: { code?: string }) => {
          if (err.code === '23505') throw problem.conflict('concurrent_revision', 'Er is tegelijk een andere versie opgeslagen. Laad de verdeling opnieuw.', 'Another version was saved at the same time. Reload the distribution.');
          throw err;
        });
      for (const [i, l] of b.lines.entries()) {
        await trx.insertInto('plan_lines').values({
          plan_version_id: v.id, level: l.level,
          main_group: l.level === 'main_group' ? l.mainGroup! : null,
          target_group: l.level === 'target_group' ? l.targetGroup! : null,
          group_set_name: l.level === 'group_set' ? l.groupSet!.name.trim() : null,
          group_set_codes: l.level === 'group_set' ? sql<string[]>`${l.groupSet!.codes}::text[]` : null,
          corporation_id: l.corporationId ?? null, dwellings: l.dwellings, position: i,
        }).execute();
      }
      await recordAudit(app, trx, req, {
        action: 'agreement.manage', resourceType: 'plan_version', resourceId: v.id, subjectOrganisationId: a.municipality_id, outcome: 'success',
        details: { agreementId: a.id, year: b.year, versionNo, lines: b.lines.length, total: b.lines.reduce((s, l) => s + l.dwellings, 0) },
      });
      return v.id;
    });
    const created = (await planVersionsOf(db, a, b.year)).find((v) => v.id === versionId)!;
    return reply.status(201).header('location', `/api/v1/agreements/${a.id}/plan-versions?year=${b.year}`).send(created);
  });

  app.put('/agreements/:id/corporation-targets/:year', {
    config: { action: 'agreement.manage', resourceType: 'corporation_target' },
    schema: {
      tags: ['agreements'],
      summary: 'Replace the numbers per corporation from the performance agreements for a year (R-MO-14); they take precedence over the computed share',
      params: Type.Object({ id: Uuid, year: Year }, { additionalProperties: false }),
      body: TargetsBody,
      response: { 200: DistributionSchema, ...ProblemResponses },
    },
  }, async (req) => {
    const a = await loadAgreement(db, req.params.id);
    const year = req.params.year;
    const items = req.body.items;
    authorizeOn(req, 'agreement.manage', [a.municipality_id]);
    if (year < a.first_year || year > a.last_year) {
      throw problem.unprocessable('year_outside_agreement', `Het jaar valt buiten de afspraak (${a.first_year}–${a.last_year}).`, `The year is outside the agreement (${a.first_year}–${a.last_year}).`);
    }
    checkUnique(items, (i) => i.corporationId, (i) => `/items/${i}/corporationId`, { nl: 'Deze corporatie', en: 'This corporation' });
    await checkCorporations(db, items.map((it, i) => ({ id: it.corporationId, field: `/items/${i}/corporationId` })));
    const subject = subjectOf(req);
    await transact(app, async (trx) => {
      await loadAgreement(trx, a.id, true);
      const keep = items.map((i) => i.corporationId);
      await trx.deleteFrom('corporation_targets').where('agreement_id', '=', a.id).where('year', '=', year)
        .$if(keep.length > 0, (q) => q.where('corporation_id', 'not in', keep)).execute();
      const now = clock.now();
      for (const it of items) {
        await sql`INSERT INTO corporation_targets (agreement_id, year, corporation_id, dwellings, updated_by, updated_at)
          VALUES (${a.id}, ${year}, ${it.corporationId}, ${it.dwellings}, ${subject.userId}, ${now})
          ON CONFLICT (agreement_id, year, corporation_id) DO UPDATE SET dwellings = EXCLUDED.dwellings, version = corporation_targets.version + 1,
            updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at
          WHERE corporation_targets.dwellings IS DISTINCT FROM EXCLUDED.dwellings`.execute(trx);
      }
      await recordAudit(app, trx, req, {
        action: 'agreement.manage', resourceType: 'corporation_target', resourceId: a.id, subjectOrganisationId: a.municipality_id, outcome: 'success',
        details: { year, corporations: items.length, total: items.reduce((s, i) => s + i.dwellings, 0) },
      });
    });
    return distributionOf(db, a, year);
  });

}
