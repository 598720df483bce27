/**
 * Shared pieces of the agreements module: resolving a municipality reference, the
 * resource-level authorization, loaders and views. No table here holds personal data.
 */
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { subjectOf } from '../../platform/http/app.ts';
import { problem, type FieldError } from '../../platform/http/problem.ts';
import { decide, type Action } from '../../domain/policy/index.ts';
import { agreedVolume, corporationTargets, planTotals, type AgreedVolume, type PlanLineLike } from '../../domain/monitor/distribution.ts';

export type Db = Kysely<Database>;

const UUID_RE = /^[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i;

export const MunicipalityRef = Type.String({
  pattern: '^[0-9A-Za-z][0-9A-Za-z_-]{0,63}$',
  description: 'The municipality: organisation id (uuid), CBS code (GM0363) or organisation code (GEM-VEENHAVEN)',
});
export const Year = Type.Integer({ minimum: 2000, maximum: 2100 });
export const Count = Type.Integer({ minimum: 0, maximum: 10_000_000 });
export const TargetGroupCode = Type.String({ pattern: '^[a-z][a-z0-9_]{1,39}$' });
export const MAIN_GROUP_VALUES = ['MG-1', 'MG-2', 'MG-3'] as const;
export const Text = Type.Object({ nl: Type.String(), en: Type.String() });
export const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const OrgRefSchema = Type.Object({ id: Type.String(), code: Type.String(), name: Type.String(), municipalityCode: Nullable(Type.String()) });

export interface OrgRow { id: string; code: string; name: string; type: string; municipality_code: string | null }

export function orgRef(o: OrgRow) {
  return { id: o.id, code: o.code, name: o.name, municipalityCode: o.municipality_code };
}

/** Looks up an organisation by id, CBS code or organisation code; null when none matches. */
export async function findOrganisation(db: Db, ref: string): Promise<OrgRow | null> {
  const q = db.selectFrom('organisations').select(['id', 'code', 'name', 'type', 'municipality_code']);
  const row = UUID_RE.test(ref)
    ? await q.where('id', '=', ref).executeTakeFirst()
    : await q.where((eb) => eb.or([eb('municipality_code', '=', ref.toUpperCase()), eb('code', '=', ref.toUpperCase())])).executeTakeFirst();
  return row ?? null;
}

/** The resource-level check: 403 problem when the subject may not act on these organisations. */
export function authorizeOn(req: FastifyRequest, action: Action, organisationIds: ReadonlyArray<string>) {
  const d = decide(subjectOf(req), action, { organisationIds });
  if (!d.allowed) throw problem.forbidden(d.reason);
  return d;
}

/**
 * Resolve and authorize a municipality before anything else is validated: an unknown
 * reference is checked as a resource without organisation (foreign), so a caller without a
 * platform-wide grant gets 403, the others 404.
 */
export async function authorizedMunicipality(db: Db, req: FastifyRequest, action: Action, ref: string, alsoOrgIds: ReadonlyArray<string> = []): Promise<OrgRow> {
  const org = await findOrganisation(db, ref);
  authorizeOn(req, action, org ? [org.id, ...alsoOrgIds] : []);
  return requireMunicipality(org);
}

export function requireMunicipality(org: OrgRow | null): OrgRow {
  if (!org) throw problem.notFound('De gemeente', 'The municipality');
  if (org.type !== 'municipality') {
    throw problem.unprocessable('not_a_municipality', `${org.name} is geen gemeente.`, `${org.name} is not a municipality.`, 'R-MO-13');
  }
  return org;
}

/** A municipality for a read: 404 when unknown; any organisation type is accepted (empty result). */
export async function municipalityForRead(db: Db, ref: string): Promise<OrgRow> {
  const org = await findOrganisation(db, ref);
  if (!org) throw problem.notFound('De gemeente', 'The municipality');
  return org;
}

export function fieldError(field: string, code: string, messageNl: string, messageEn: string): FieldError {
  return { field, in: 'body', code, message: messageNl, messageNl, messageEn };
}

/** Housing corporations among the given ids; the others get a field error. */
export async function checkCorporations(db: Db, ids: ReadonlyArray<{ id: string; field: string }>): Promise<Map<string, OrgRow>> {
  const unique = [...new Set(ids.map((i) => i.id))];
  const rows = unique.length
    ? await db.selectFrom('organisations').select(['id', 'code', 'name', 'type', 'municipality_code']).where('id', 'in', unique).execute()
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const errors: FieldError[] = [];
  for (const { id, field } of ids) {
    const o = byId.get(id);
    if (!o) errors.push(fieldError(field, 'unknown_corporation', 'Deze corporatie bestaat niet.', 'This corporation does not exist.'));
    else if (o.type !== 'housing_corporation') errors.push(fieldError(field, 'not_a_corporation', `${o.name} is geen woningcorporatie.`, `${o.name} is not a housing corporation.`));
  }
  if (errors.length) throw problem.validation(errors);
  return byId;
}

/** Duplicate keys in a replace-set body become field errors. */
export function checkUnique<T>(items: ReadonlyArray<T>, key: (t: T) => string, field: (i: number) => string, what: { nl: string; en: string }) {
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  items.forEach((it, i) => {
    const k = key(it);
    if (seen.has(k)) errors.push(fieldError(field(i), 'duplicate', `${what.nl} staat dubbel in de lijst.`, `${what.en} appears twice in the list.`));
    seen.add(k);
  });
  if (errors.length) throw problem.validation(errors);
}

export function isoDate(v: Date | string): string {
  return typeof v === 'string' ? v.slice(0, 10) : v.toISOString().slice(0, 10);
}
export function isoTime(v: Date | string): string {
  return new Date(v).toISOString();
}

/** The If-Match version when one was sent (optional concurrency on replace-set resources). */
export function optionalIfMatch(req: FastifyRequest): number | null {
  const raw = req.headers['if-match'];
  if (typeof raw !== 'string' || raw.trim() === '') return null;
  const m = /^(?:W\/)?"(\d{1,9})"$/.exec(raw.trim());
  if (!m) throw problem.badRequest('invalid_if_match', 'De If-Match-header is geen geldige ETag.', 'The If-Match header is not a valid ETag.');
  return Number(m[1]);
}

// ─── Agreements ──────────────────────────────────────────────────────────────

export interface AgreementRow {
  id: string;
  municipality_id: string;
  name: string;
  first_year: number;
  last_year: number;
  kind: 'absolute' | 'share';
  yearly_number: number | null;
  share: string | null;
  distribute_over_corporations: boolean;
  tolerance: string;
  version: number;
  created_at: Date | string;
  updated_at: Date | string;
  m_code: string;
  m_name: string;
  m_cbs: string | null;
}

export const AGREEMENT_SELECT = sql`a.id, a.municipality_id, a.name, a.first_year, a.last_year, a.kind, a.yearly_number, a.share::text AS share,
  a.distribute_over_corporations, a.tolerance::text AS tolerance, a.version, a.created_at, a.updated_at,
  o.code AS m_code, o.name AS m_name, o.municipality_code AS m_cbs`;

export async function loadAgreement(db: Db, id: string, forUpdate = false): Promise<AgreementRow> {
  const { rows } = await sql<AgreementRow>`SELECT ${AGREEMENT_SELECT} FROM agreements a JOIN organisations o ON o.id = a.municipality_id
    WHERE a.id = ${id} ${forUpdate ? sql`FOR UPDATE OF a` : sql``}`.execute(db);
  if (!rows[0]) throw problem.notFound('De afspraak', 'The agreement');
  return rows[0];
}

export const AgreementSchema = Type.Object({
  id: Type.String(),
  municipality: OrgRefSchema,
  name: Type.String(),
  firstYear: Type.Integer(),
  lastYear: Type.Integer(),
  kind: Type.Enum(['absolute', 'share']),
  yearlyNumber: Nullable(Type.Integer()),
  share: Nullable(Type.Number({ description: 'Fraction of released dwellings (0.3 = 30%)' })),
  distributeOverCorporations: Type.Boolean(),
  tolerance: Type.Number({ description: 'M-07 tolerance as a fraction (0 = exactly the linear twelfths)' }),
  version: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export function agreementView(a: AgreementRow) {
  return {
    id: a.id,
    municipality: { id: a.municipality_id, code: a.m_code, name: a.m_name, municipalityCode: a.m_cbs },
    name: a.name,
    firstYear: a.first_year,
    lastYear: a.last_year,
    kind: a.kind,
    yearlyNumber: a.yearly_number,
    share: a.share === null ? null : Number(a.share),
    distributeOverCorporations: a.distribute_over_corporations,
    tolerance: Number(a.tolerance),
    version: a.version,
    createdAt: isoTime(a.created_at),
    updatedAt: isoTime(a.updated_at),
  };
}

/** Released social rent dwellings (M-10) per year for a municipality. */
export async function releasedPerYear(db: Db, municipalityId: string, years?: ReadonlyArray<number>): Promise<Map<number, number>> {
  let q = db.selectFrom('released_dwellings').select(['year', (eb) => eb.fn.sum<string>('dwellings').as('n')]).where('municipality_id', '=', municipalityId);
  if (years) q = q.where('year', 'in', years.length ? [...years] : [-1]);
  const rows = await q.groupBy('year').execute();
  return new Map(rows.map((r) => [r.year, Number(r.n)]));
}

export const AgreedVolumeSchema = Type.Object({
  kind: Type.Enum(['absolute', 'share']),
  value: Nullable(Type.Number({ description: 'M-01 unrounded' })),
  rounded: Nullable(Type.Integer({ description: 'M-01 rounded half-up' })),
  share: Nullable(Type.Number()),
  released: Nullable(Type.Integer({ description: 'M-10 of the year (share agreements)' })),
});

export function agreedFor(a: AgreementRow, released: Map<number, number>, year: number): AgreedVolume {
  return agreedVolume({ kind: a.kind, yearlyNumber: a.yearly_number, share: a.share === null ? null : Number(a.share) }, a.kind === 'share' ? (released.get(year) ?? null) : null);
}

// ─── Plan versions ───────────────────────────────────────────────────────────

export interface TargetGroupInfo { code: string; main_group: string; label_nl: string; label_en: string; valid_from: string; valid_to: string | null }

export async function targetGroupMap(db: Db): Promise<Map<string, TargetGroupInfo>> {
  const rows = await db.selectFrom('target_groups').select(['code', 'main_group', 'label_nl', 'label_en', 'valid_from', 'valid_to']).execute();
  return new Map(rows.map((r) => [r.code, { ...r, valid_from: isoDate(r.valid_from), valid_to: r.valid_to === null ? null : isoDate(r.valid_to) }]));
}

export interface PlanLineRow {
  id: string;
  plan_version_id: string;
  level: 'main_group' | 'target_group' | 'group_set';
  main_group: string | null;
  target_group: string | null;
  group_set_name: string | null;
  group_set_codes: string[] | null;
  corporation_id: string | null;
  dwellings: number;
  position: number;
}

export interface PlanVersionRow {
  id: string;
  agreement_id: string;
  year: number;
  version_no: number;
  decision_date: string;
  effective_from: string;
  reason: string;
  created_at: Date | string;
}

/** The main group a line belongs to (a set across main groups has none). */
export function lineMainGroup(l: Pick<PlanLineRow, 'level' | 'main_group' | 'target_group' | 'group_set_codes'>, groups: Map<string, TargetGroupInfo>): string | null {
  if (l.level === 'main_group') return l.main_group;
  if (l.level === 'target_group') return groups.get(l.target_group ?? '')?.main_group ?? null;
  const mains = new Set((l.group_set_codes ?? []).map((c) => groups.get(c)?.main_group ?? null));
  return mains.size === 1 ? [...mains][0]! : null;
}

export const PlanLineSchema = Type.Object({
  id: Type.String(),
  level: Type.Enum(['main_group', 'target_group', 'group_set']),
  mainGroup: Nullable(Type.String({ description: 'For a target-group or group-set line: the main group it belongs to (null for a set across main groups)' })),
  targetGroup: Nullable(Type.String()),
  groupSet: Nullable(Type.Object({ name: Type.String(), codes: Type.Array(Type.String()) })),
  corporationId: Nullable(Type.String()),
  dwellings: Type.Integer(),
  position: Type.Integer(),
});

export const PlanWarningSchema = Type.Object({
  code: Type.Enum(['plan_total_differs']),
  planned: Type.Integer(),
  agreed: Type.Integer(),
  difference: Type.Integer(),
  text: Text,
});

export const PlanVersionSchema = Type.Object({
  id: Type.String(),
  year: Type.Integer(),
  versionNo: Type.Integer(),
  role: Type.Enum(['initial', 'current', 'earlier', 'initial_and_current']),
  readOnly: Type.Boolean({ description: 'Always true: a revision creates a new version (R-MO-09)' }),
  decisionDate: Type.String({ format: 'date' }),
  effectiveFrom: Type.String(),
  reason: Type.String(),
  createdAt: Type.String(),
  lines: Type.Array(PlanLineSchema),
  planned: Type.Integer({ description: 'M-02 total: main-group lines plus lines of main groups without a main-group line' }),
  agreed: Nullable(Type.Integer()),
  warnings: Type.Array(PlanWarningSchema),
});

export function planWarning(planned: number, agreed: number) {
  const difference = planned - agreed;
  return {
    code: 'plan_total_differs' as const,
    planned,
    agreed,
    difference,
    text: {
      nl: `De planregels tellen op tot ${planned}, de afspraak is ${agreed} (verschil ${difference > 0 ? '+' : ''}${difference}). Dit is toegestaan; controleer of dit de bedoeling is.`,
      en: `The plan lines add up to ${planned}, the agreement is ${agreed} (difference ${difference > 0 ? '+' : ''}${difference}). This is allowed; check that it is intended.`,
    },
  };
}

/** Plan versions (with lines, totals and warnings) of an agreement, optionally of one year. */
export async function planVersionsOf(db: Db, a: AgreementRow, year?: number) {
  let q = db.selectFrom('plan_versions').selectAll().where('agreement_id', '=', a.id);
  if (year !== undefined) q = q.where('year', '=', year);
  const versions = (await q.orderBy('year').orderBy('version_no').execute()) as unknown as PlanVersionRow[];
  if (!versions.length) return [];
  const lines = (await db.selectFrom('plan_lines').selectAll().where('plan_version_id', 'in', versions.map((v) => v.id)).orderBy('position').execute()) as unknown as PlanLineRow[];
  const groups = await targetGroupMap(db);
  const released = a.kind === 'share' ? await releasedPerYear(db, a.municipality_id, [...new Set(versions.map((v) => v.year))]) : new Map<number, number>();
  const maxByYear = new Map<number, number>();
  for (const v of versions) maxByYear.set(v.year, Math.max(maxByYear.get(v.year) ?? 0, v.version_no));
  return versions.map((v) => {
    const own = lines.filter((l) => l.plan_version_id === v.id);
    const like: PlanLineLike[] = own.map((l) => ({ level: l.level, mainGroup: lineMainGroup(l, groups), dwellings: l.dwellings }));
    const agreed = agreedFor(a, released, v.year).rounded;
    const totals = planTotals(like, agreed);
    const isCurrent = v.version_no === maxByYear.get(v.year);
    const role = v.version_no === 1 ? (isCurrent ? 'initial_and_current' : 'initial') : isCurrent ? 'current' : 'earlier';
    return {
      id: v.id,
      year: v.year,
      versionNo: v.version_no,
      role: role as 'initial' | 'current' | 'earlier' | 'initial_and_current',
      readOnly: true,
      decisionDate: isoDate(v.decision_date),
      effectiveFrom: isoDate(v.effective_from),
      reason: v.reason,
      createdAt: isoTime(v.created_at),
      lines: own.map((l, i) => ({
        id: l.id,
        level: l.level,
        mainGroup: like[i]!.mainGroup,
        targetGroup: l.target_group,
        groupSet: l.level === 'group_set' ? { name: l.group_set_name ?? '', codes: l.group_set_codes ?? [] } : null,
        corporationId: l.corporation_id,
        dwellings: l.dwellings,
        position: l.position,
      })),
      planned: totals.planned,
      agreed,
      warnings: totals.differs && agreed !== null ? [planWarning(totals.planned, agreed)] : [],
    };
  });
}

// ─── Corporation distribution (M-08, M-09) ──────────────────────────────────

export const DistributionSchema = Type.Object({
  year: Type.Integer(),
  yearlyNumber: Nullable(Type.Integer({ description: 'M-01 rounded: the number distributed' })),
  totalStock: Type.Integer(),
  distributable: Type.Boolean(),
  computedTotal: Type.Integer(),
  targetTotal: Type.Integer(),
  rows: Type.Array(Type.Object({
    corporation: OrgRefSchema,
    stock: Nullable(Type.Integer()),
    stockShare: Nullable(Type.Number({ description: 'M-08 in percent, unrounded' })),
    computed: Nullable(Type.Integer({ description: 'M-09 computed share (largest remainder)' })),
    recorded: Nullable(Type.Integer({ description: 'From the performance agreements (R-MO-14)' })),
    target: Nullable(Type.Integer({ description: 'recorded ?? computed' })),
  })),
});

export async function distributionOf(db: Db, a: AgreementRow, year: number) {
  const [stock, recorded, released] = await Promise.all([
    db.selectFrom('corporation_stock').select(['corporation_id', 'dwellings']).where('municipality_id', '=', a.municipality_id).where('year', '=', year).execute(),
    db.selectFrom('corporation_targets').select(['corporation_id', 'dwellings']).where('agreement_id', '=', a.id).where('year', '=', year).execute(),
    a.kind === 'share' ? releasedPerYear(db, a.municipality_id, [year]) : Promise.resolve(new Map<number, number>()),
  ]);
  const yearly = agreedFor(a, released, year).rounded;
  const ids = [...new Set([...stock.map((s) => s.corporation_id), ...recorded.map((r) => r.corporation_id)])];
  const orgs = ids.length ? await db.selectFrom('organisations').select(['id', 'code', 'name', 'type', 'municipality_code']).where('id', 'in', ids).execute() : [];
  const byId = new Map(orgs.map((o) => [o.id, o]));
  // Stock in a stable order: corporation name.
  const sortedStock = [...stock].sort((x, y) => (byId.get(x.corporation_id)?.name ?? '').localeCompare(byId.get(y.corporation_id)?.name ?? '', 'nl'));
  const d = corporationTargets(yearly ?? 0, sortedStock.map((s) => ({ corporationId: s.corporation_id, dwellings: s.dwellings })), new Map(recorded.map((r) => [r.corporation_id, r.dwellings])));
  const distributable = d.distributable && yearly !== null;
  return {
    year,
    yearlyNumber: yearly,
    totalStock: d.totalStock,
    distributable,
    computedTotal: distributable ? d.computedTotal : 0,
    targetTotal: d.rows.reduce((s, r) => s + ((r.recorded ?? (distributable ? r.computed : null)) ?? 0), 0),
    rows: d.rows.map((r) => {
      const computed = distributable ? r.computed : null;
      return {
        corporation: orgRef(byId.get(r.corporationId) ?? { id: r.corporationId, code: '?', name: '?', type: 'housing_corporation', municipality_code: null }),
        stock: r.stock,
        stockShare: r.stockShare,
        computed,
        recorded: r.recorded,
        target: r.recorded ?? computed,
      };
    }),
  };
}
