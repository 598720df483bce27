/**
 * The figures behind the monitor, entered by the programme:
 * - per corporation (corporation_figures.manage on [municipality, corporation], so a municipal
 *   analyst relates as "shared"): stock on 1 January (R-MO-15), released dwellings per month
 *   (M-10) and released dwellings per year by number of rooms (R-MO-39);
 * - per municipality (agreement.manage on the municipality): estimated need (R-MO-06, M-12),
 *   statushouders quota per half-year in versions (R-MO-32..R-MO-35, M-20), the opening
 *   backlog (R-MO-33, M-22) and the housing units for young statushouders (M-27).
 *
 * PUT replaces the set of one (municipality, year) in one transaction with its audit row; an
 * updated row gets version + 1. Quota rows are never updated: each change is a new version.
 * Reads need reference.read.
 */
import { Type } from 'typebox';
import { sql } from 'kysely';
import type { App } from '../../platform/http/app.ts';
import { subjectOf } from '../../platform/http/app.ts';
import { problem } from '../../platform/http/problem.ts';
import { recordAudit, setEtag, transact } from '../../platform/http/tx.ts';
import { IsoDateSchema, ProblemResponses, Uuid } from '../../platform/http/schemas.ts';
import type { Action } from '../../domain/policy/index.ts';
import type { FastifyRequest } from 'fastify';
import {
  AGREEMENT_SELECT, Count, MAIN_GROUP_VALUES, MunicipalityRef, Nullable, OrgRefSchema, Year, agreedFor, authorizeOn, authorizedMunicipality,
  checkCorporations, checkUnique, findOrganisation, isoDate, isoTime, municipalityForRead, optionalIfMatch, orgRef, releasedPerYear,
  requireMunicipality, type AgreementRow, type Db, type OrgRow,
} from './repository.ts';

const MunicipalityYear = Type.Object({ municipality: MunicipalityRef, year: Year }, { additionalProperties: false });
const MunicipalityOnly = Type.Object({ municipality: MunicipalityRef }, { additionalProperties: false });

const CorpRowSchema = Type.Object({ corporation: OrgRefSchema, dwellings: Type.Integer(), version: Type.Integer(), updatedAt: Type.String() });
const StockResponse = Type.Object({ municipality: OrgRefSchema, year: Type.Integer(), total: Type.Integer(), items: Type.Array(CorpRowSchema) });
const ReleasedResponse = Type.Object({
  municipality: OrgRefSchema,
  year: Type.Integer(),
  total: Type.Integer(),
  byMonth: Type.Array(Type.Integer(), { description: 'M-10 per month, January first' }),
  items: Type.Array(Type.Object({ ...CorpRowSchema.properties, month: Type.Integer() })),
});

const RoomsResponse = Type.Object({
  municipality: OrgRefSchema,
  year: Type.Integer(),
  total: Type.Integer(),
  byRooms: Type.Array(Type.Integer(), { description: 'Dwellings with 1, 2, 3, 4 and 5 or more rooms' }),
  released: Type.Integer({ description: 'M-10 of the year (released dwellings per month, summed): the figures by rooms should add up to it' }),
  items: Type.Array(Type.Object({ ...CorpRowSchema.properties, rooms: Type.Integer({ description: '1…4; 5 = 5 or more' }) })),
});

const NeedItem = Type.Object({ mainGroup: Type.Enum(['ALL', ...MAIN_GROUP_VALUES]), dwellings: Count }, { additionalProperties: false });
const NeedResponse = Type.Object({
  municipality: OrgRefSchema,
  year: Type.Integer(),
  items: Type.Array(Type.Object({ mainGroup: Type.String(), dwellings: Type.Integer(), version: Type.Integer(), updatedAt: Type.String() })),
  agreed: Nullable(Type.Integer({ description: 'M-01 of the year (rounded), when an agreement covers it' })),
  gap: Nullable(Type.Integer({ description: 'M-12 gap: need (ALL) − M-01' })),
});

const QuotaSchema = Type.Object({
  id: Type.String(), year: Type.Integer(), half: Type.Integer(), versionNo: Type.Integer(), current: Type.Boolean(),
  persons: Type.Integer(), decisionDate: IsoDateSchema, reason: Type.String(), createdAt: Type.String(),
});
const QuotaResponse = Type.Object({
  municipality: OrgRefSchema,
  items: Type.Array(QuotaSchema),
  current: Type.Array(Type.Object({ year: Type.Integer(), half1: Nullable(Type.Integer()), half2: Nullable(Type.Integer()), total: Type.Integer() }), { description: 'M-20 per year: the current version of each half-year' }),
});

const BacklogSchema = Type.Object({ municipality: OrgRefSchema, backlog: Nullable(Type.Object({ year: Type.Integer(), persons: Type.Integer(), version: Type.Integer(), updatedAt: Type.String() })) });
const UnitsItem = Type.Object({
  year: Type.Integer(), targetUnits: Type.Integer(), cumulativeUnits: Type.Integer(), deliveredUnits: Type.Integer(),
  withoutLocation: Type.Integer({ description: 'M-27: target − cumulative realised or planned' }), version: Type.Integer(), updatedAt: Type.String(),
});

interface CorpFigureRow { corporation_id: string; code: string; name: string; dwellings: number; version: number; updated_at: Date | string; month?: number }

function corpRow(r: CorpFigureRow) {
  return { corporation: { id: r.corporation_id, code: r.code, name: r.name, municipalityCode: null }, dwellings: r.dwellings, version: r.version, updatedAt: isoTime(r.updated_at) };
}

async function stockOf(db: Db, m: OrgRow, year: number) {
  const { rows } = await sql<CorpFigureRow>`SELECT s.corporation_id, o.code, o.name, s.dwellings, s.version, s.updated_at
    FROM corporation_stock s JOIN organisations o ON o.id = s.corporation_id WHERE s.municipality_id = ${m.id} AND s.year = ${year} ORDER BY o.name`.execute(db);
  return { municipality: orgRef(m), year, total: rows.reduce((s, r) => s + r.dwellings, 0), items: rows.map(corpRow) };
}

async function releasedOf(db: Db, m: OrgRow, year: number) {
  const { rows } = await sql<CorpFigureRow & { month: number }>`SELECT r.corporation_id, o.code, o.name, r.month, r.dwellings, r.version, r.updated_at
    FROM released_dwellings r JOIN organisations o ON o.id = r.corporation_id WHERE r.municipality_id = ${m.id} AND r.year = ${year} ORDER BY o.name, r.month`.execute(db);
  const byMonth = Array.from({ length: 12 }, () => 0);
  for (const r of rows) byMonth[r.month - 1]! += r.dwellings;
  return { municipality: orgRef(m), year, total: rows.reduce((s, r) => s + r.dwellings, 0), byMonth, items: rows.map((r) => ({ ...corpRow(r), month: r.month })) };
}

async function roomsOf(db: Db, m: OrgRow, year: number) {
  const { rows } = await sql<CorpFigureRow & { rooms: number }>`SELECT r.corporation_id, o.code, o.name, r.rooms, r.dwellings, r.version, r.updated_at
    FROM released_dwelling_rooms r JOIN organisations o ON o.id = r.corporation_id WHERE r.municipality_id = ${m.id} AND r.year = ${year} ORDER BY o.name, r.rooms`.execute(db);
  const byRooms = [0, 0, 0, 0, 0];
  for (const r of rows) byRooms[r.rooms - 1]! += r.dwellings;
  const released = (await releasedPerYear(db, m.id, [year])).get(year) ?? 0;
  return { municipality: orgRef(m), year, total: rows.reduce((s, r) => s + r.dwellings, 0), byRooms, released, items: rows.map((r) => ({ ...corpRow(r), rooms: r.rooms })) };
}

async function needOf(db: Db, m: OrgRow, year: number) {
  const rows = await db.selectFrom('estimated_need').selectAll().where('municipality_id', '=', m.id).where('year', '=', year).orderBy('main_group').execute();
  const { rows: ag } = await sql<AgreementRow>`SELECT ${AGREEMENT_SELECT} FROM agreements a JOIN organisations o ON o.id = a.municipality_id
    WHERE a.municipality_id = ${m.id} AND a.first_year <= ${year} AND a.last_year >= ${year} LIMIT 1`.execute(db);
  const agreed = ag[0] ? agreedFor(ag[0], ag[0].kind === 'share' ? await releasedPerYear(db, m.id, [year]) : new Map(), year).rounded : null;
  const all = rows.find((r) => r.main_group === 'ALL');
  return {
    municipality: orgRef(m),
    year,
    items: rows.map((r) => ({ mainGroup: r.main_group, dwellings: r.dwellings, version: r.version, updatedAt: isoTime(r.updated_at) })),
    agreed,
    gap: all && agreed !== null ? all.dwellings - agreed : null,
  };
}

async function quotasOf(db: Db, m: OrgRow, year?: number) {
  let q = db.selectFrom('statushouder_quotas').selectAll().where('municipality_id', '=', m.id);
  if (year !== undefined) q = q.where('year', '=', year);
  const rows = await q.orderBy('year').orderBy('half').orderBy('version_no').execute();
  const latest = new Map<string, number>();
  for (const r of rows) latest.set(`${r.year}-${r.half}`, Math.max(latest.get(`${r.year}-${r.half}`) ?? 0, r.version_no));
  const items = rows.map((r) => ({
    id: r.id, year: r.year, half: r.half, versionNo: r.version_no, current: latest.get(`${r.year}-${r.half}`) === r.version_no,
    persons: r.persons, decisionDate: isoDate(r.decision_date), reason: r.reason, createdAt: isoTime(r.created_at),
  }));
  const years = [...new Set(items.map((i) => i.year))];
  const current = years.map((y) => {
    const h = (half: number) => items.find((i) => i.year === y && i.half === half && i.current)?.persons ?? null;
    return { year: y, half1: h(1), half2: h(2), total: (h(1) ?? 0) + (h(2) ?? 0) };
  });
  return { municipality: orgRef(m), items, current };
}

async function backlogOf(db: Db, m: OrgRow) {
  const r = await db.selectFrom('statushouder_opening_backlogs').selectAll().where('municipality_id', '=', m.id).executeTakeFirst();
  return { municipality: orgRef(m), backlog: r ? { year: r.year, persons: r.persons, version: r.version, updatedAt: isoTime(r.updated_at) } : null };
}

async function unitsOf(db: Db, m: OrgRow, year?: number) {
  let q = db.selectFrom('young_statushouder_units').selectAll().where('municipality_id', '=', m.id);
  if (year !== undefined) q = q.where('year', '=', year);
  const rows = await q.orderBy('year').execute();
  return {
    municipality: orgRef(m),
    items: rows.map((r) => ({
      year: r.year, targetUnits: r.target_units, cumulativeUnits: r.cumulative_units, deliveredUnits: r.delivered_units,
      withoutLocation: r.target_units - r.cumulative_units, version: r.version, updatedAt: isoTime(r.updated_at),
    })),
  };
}

/**
 * Authorization of a corporation-figures write: every corporation row written or removed is a
 * resource of [municipality, corporation]; the caller must be allowed on each (checked before
 * anything is validated).
 */
async function authorizeFigures(db: Db, req: FastifyRequest, action: Action, ref: string, corporationIds: ReadonlyArray<string>, table: 'corporation_stock' | 'released_dwellings' | 'released_dwelling_rooms', year: number): Promise<OrgRow> {
  const org = await findOrganisation(db, ref);
  if (!org) {
    authorizeOn(req, action, []);
    return requireMunicipality(null);
  }
  const existing = await db.selectFrom(table).select('corporation_id').distinct().where('municipality_id', '=', org.id).where('year', '=', year).execute();
  const all = [...new Set([...corporationIds, ...existing.map((e) => e.corporation_id)])];
  if (all.length === 0) authorizeOn(req, action, [org.id]);
  for (const c of all) authorizeOn(req, action, [org.id, c]);
  return requireMunicipality(org);
}

export async function figuresRoutes(app: App) {
  const db = app.deps.database.db;
  const clock = app.deps.clock;

  // ─── Corporation stock (R-MO-15) ────────────────────────────────────────────
  app.get('/corporation-stock', {
    config: { action: 'reference.read' },
    schema: { tags: ['agreements'], summary: 'Social rent stock per corporation in a municipality on 1 January of the year (R-MO-15, basis of M-08)', querystring: MunicipalityYear, response: { 200: StockResponse, ...ProblemResponses } },
  }, async (req) => stockOf(db, await municipalityForRead(db, req.query.municipality), req.query.year));

  app.put('/corporation-stock', {
    config: { action: 'corporation_figures.manage', resourceType: 'corporation_stock' },
    schema: {
      tags: ['agreements'],
      summary: 'Replace the stock per corporation of a municipality for a year (R-MO-15)',
      querystring: MunicipalityYear,
      body: Type.Object({ items: Type.Array(Type.Object({ corporationId: Uuid, dwellings: Count }, { additionalProperties: false }), { maxItems: 500 }) }, { additionalProperties: false }),
      response: { 200: StockResponse, ...ProblemResponses },
    },
  }, async (req) => {
    const { year } = req.query;
    const items = req.body.items;
    const m = await authorizeFigures(db, req, 'corporation_figures.manage', req.query.municipality, items.map((i) => i.corporationId), 'corporation_stock', year);
    checkUnique(items, (i) => i.corporationId, (i) => `/items/${i}/corporationId`, { nl: 'Deze corporatie', en: 'This corporation' });
    await checkCorporations(db, items.map((it, i) => ({ id: it.corporationId, field: `/items/${i}/corporationId` })));
    const subject = subjectOf(req);
    await transact(app, async (trx) => {
      const keep = items.map((i) => i.corporationId);
      await trx.deleteFrom('corporation_stock').where('municipality_id', '=', m.id).where('year', '=', year).$if(keep.length > 0, (q) => q.where('corporation_id', 'not in', keep)).execute();
      const now = clock.now();
      for (const it of items) {
        await sql`INSERT INTO corporation_stock (municipality_id, corporation_id, year, dwellings, updated_by, updated_at)
          VALUES (${m.id}, ${it.corporationId}, ${year}, ${it.dwellings}, ${subject.userId}, ${now})
          ON CONFLICT (municipality_id, corporation_id, year) DO UPDATE SET dwellings = EXCLUDED.dwellings, version = corporation_stock.version + 1,
            updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at WHERE corporation_stock.dwellings IS DISTINCT FROM EXCLUDED.dwellings`.execute(trx);
      }
      await recordAudit(app, trx, req, {
        action: 'corporation_figures.manage', resourceType: 'corporation_stock', resourceId: `${m.id}:${year}`, subjectOrganisationId: m.id, outcome: 'success',
        details: { year, corporations: items.length, total: items.reduce((s, i) => s + i.dwellings, 0) },
      });
    });
    return stockOf(db, m, year);
  });

  // ─── Released dwellings (M-10) ──────────────────────────────────────────────
  app.get('/released-dwellings', {
    config: { action: 'reference.read' },
    schema: { tags: ['agreements'], summary: 'Released social rent dwellings per corporation per month (M-10)', querystring: MunicipalityYear, response: { 200: ReleasedResponse, ...ProblemResponses } },
  }, async (req) => releasedOf(db, await municipalityForRead(db, req.query.municipality), req.query.year));

  app.put('/released-dwellings', {
    config: { action: 'corporation_figures.manage', resourceType: 'released_dwellings' },
    schema: {
      tags: ['agreements'],
      summary: 'Replace the released dwellings per corporation per month of a municipality for a year (M-10)',
      querystring: MunicipalityYear,
      body: Type.Object({
        items: Type.Array(Type.Object({ corporationId: Uuid, month: Type.Integer({ minimum: 1, maximum: 12 }), dwellings: Count }, { additionalProperties: false }), { maxItems: 6000 }),
      }, { additionalProperties: false }),
      response: { 200: ReleasedResponse, ...ProblemResponses },
    },
  }, async (req) => {
    const { year } = req.query;
    const items = req.body.items;
    const m = await authorizeFigures(db, req, 'corporation_figures.manage', req.query.municipality, items.map((i) => i.corporationId), 'released_dwellings', year);
    checkUnique(items, (i) => `${i.corporationId}/${i.month}`, (i) => `/items/${i}/month`, { nl: 'Deze corporatie en maand', en: 'This corporation and month' });
    await checkCorporations(db, items.map((it, i) => ({ id: it.corporationId, field: `/items/${i}/corporationId` })));
    const subject = subjectOf(req);
    await transact(app, async (trx) => {
      const keep = new Set(items.map((i) => `${i.corporationId}/${i.month}`));
      const existing = await trx.selectFrom('released_dwellings').select(['corporation_id', 'month']).where('municipality_id', '=', m.id).where('year', '=', year).execute();
      for (const e of existing) {
        if (!keep.has(`${e.corporation_id}/${e.month}`)) {
          await trx.deleteFrom('released_dwellings').where('municipality_id', '=', m.id).where('year', '=', year).where('corporation_id', '=', e.corporation_id).where('month', '=', e.month).execute();
        }
      }
      const now = clock.now();
      for (const it of items) {
        await sql`INSERT INTO released_dwellings (municipality_id, corporation_id, year, month, dwellings, updated_by, updated_at)
          VALUES (${m.id}, ${it.corporationId}, ${year}, ${it.month}, ${it.dwellings}, ${subject.userId}, ${now})
          ON CONFLICT (municipality_id, corporation_id, year, month) DO UPDATE SET dwellings = EXCLUDED.dwellings, version = released_dwellings.version + 1,
            updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at WHERE released_dwellings.dwellings IS DISTINCT FROM EXCLUDED.dwellings`.execute(trx);
      }
      await recordAudit(app, trx, req, {
        action: 'corporation_figures.manage', resourceType: 'released_dwellings', resourceId: `${m.id}:${year}`, subjectOrganisationId: m.id, outcome: 'success',
        details: { year, rows: items.length, total: items.reduce((s, i) => s + i.dwellings, 0) },
      });
    });
    return releasedOf(db, m, year);
  });

  // ─── Released dwellings by number of rooms (R-MO-39) ────────────────────────
  app.get('/released-dwelling-rooms', {
    config: { action: 'reference.read' },
    schema: {
      tags: ['agreements'],
      summary: 'Released social rent dwellings per corporation by number of rooms (1…4, 5 = 5 or more) in a year, with M-10 of the year to compare (R-MO-39)',
      querystring: MunicipalityYear,
      response: { 200: RoomsResponse, ...ProblemResponses },
    },
  }, async (req) => roomsOf(db, await municipalityForRead(db, req.query.municipality), req.query.year));

  app.put('/released-dwelling-rooms', {
    config: { action: 'corporation_figures.manage', resourceType: 'released_dwelling_rooms' },
    schema: {
      tags: ['agreements'],
      summary: 'Replace the released dwellings by number of rooms per corporation of a municipality for a year (R-MO-39)',
      description: 'The set replaces the year\'s figures: a corporation and room count left out is removed. `rooms` 5 means 5 rooms or more. ' +
        'The figures by rooms are compared with M-10 of the year on the monitor; a difference is shown as a warning, never refused.',
      querystring: MunicipalityYear,
      body: Type.Object({
        items: Type.Array(Type.Object({ corporationId: Uuid, rooms: Type.Integer({ minimum: 1, maximum: 5, description: '1…4; 5 = 5 or more' }), dwellings: Count }, { additionalProperties: false }), { maxItems: 2500 }),
      }, { additionalProperties: false }),
      response: { 200: RoomsResponse, ...ProblemResponses },
    },
  }, async (req) => {
    const { year } = req.query;
    const items = req.body.items;
    const m = await authorizeFigures(db, req, 'corporation_figures.manage', req.query.municipality, items.map((i) => i.corporationId), 'released_dwelling_rooms', year);
    checkUnique(items, (i) => `${i.corporationId}/${i.rooms}`, (i) => `/items/${i}/rooms`, { nl: 'Deze corporatie en dit aantal kamers', en: 'This corporation and number of rooms' });
    await checkCorporations(db, items.map((it, i) => ({ id: it.corporationId, field: `/items/${i}/corporationId` })));
    const subject = subjectOf(req);
    await transact(app, async (trx) => {
      const keep = new Set(items.map((i) => `${i.corporationId}/${i.rooms}`));
      const existing = await trx.selectFrom('released_dwelling_rooms').select(['corporation_id', 'rooms']).where('municipality_id', '=', m.id).where('year', '=', year).execute();
      for (const e of existing) {
        if (!keep.has(`${e.corporation_id}/${e.rooms}`)) {
          await trx.deleteFrom('released_dwelling_rooms').where('municipality_id', '=', m.id).where('year', '=', year).where('corporation_id', '=', e.corporation_id).where('rooms', '=', e.rooms).execute();
        }
      }
      const now = clock.now();
      for (const it of items) {
        await sql`INSERT INTO released_dwelling_rooms (municipality_id, corporation_id, year, rooms, dwellings, updated_by, updated_at)
          VALUES (${m.id}, ${it.corporationId}, ${year}, ${it.rooms}, ${it.dwellings}, ${subject.userId}, ${now})
          ON CONFLICT (municipality_id, corporation_id, year, rooms) DO UPDATE SET dwellings = EXCLUDED.dwellings, version = released_dwelling_rooms.version + 1,
            updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at WHERE released_dwelling_rooms.dwellings IS DISTINCT FROM EXCLUDED.dwellings`.execute(trx);
      }
      await recordAudit(app, trx, req, {
        action: 'corporation_figures.manage', resourceType: 'released_dwelling_rooms', resourceId: `${m.id}:${year}`, subjectOrganisationId: m.id, outcome: 'success',
        details: { year, rows: items.length, total: items.reduce((s, i) => s + i.dwellings, 0) },
      });
    });
    return roomsOf(db, m, year);
  });

  // ─── Estimated need (R-MO-06, M-12) ─────────────────────────────────────────
  app.get('/estimated-need', {
    config: { action: 'reference.read' },
    schema: { tags: ['agreements'], summary: 'Estimated need of a municipality for a year, in total (ALL) or per main group, with the gap to M-01 (R-MO-06, M-12)', querystring: MunicipalityYear, response: { 200: NeedResponse, ...ProblemResponses } },
  }, async (req) => needOf(db, await municipalityForRead(db, req.query.municipality), req.query.year));

  app.put('/estimated-need', {
    config: { action: 'agreement.manage', resourceType: 'estimated_need' },
    schema: {
      tags: ['agreements'],
      summary: 'Replace the estimated need of a municipality for a year (R-MO-06)',
      querystring: MunicipalityYear,
      body: Type.Object({ items: Type.Array(NeedItem, { maxItems: 4 }) }, { additionalProperties: false }),
      response: { 200: NeedResponse, ...ProblemResponses },
    },
  }, async (req) => {
    const { year } = req.query;
    const m = await authorizedMunicipality(db, req, 'agreement.manage', req.query.municipality);
    const items = req.body.items;
    checkUnique(items, (i) => i.mainGroup, (i) => `/items/${i}/mainGroup`, { nl: 'Deze groep', en: 'This group' });
    const subject = subjectOf(req);
    await transact(app, async (trx) => {
      const keep = items.map((i) => i.mainGroup);
      await trx.deleteFrom('estimated_need').where('municipality_id', '=', m.id).where('year', '=', year).$if(keep.length > 0, (q) => q.where('main_group', 'not in', keep)).execute();
      const now = clock.now();
      for (const it of items) {
        await sql`INSERT INTO estimated_need (municipality_id, year, main_group, dwellings, updated_by, updated_at)
          VALUES (${m.id}, ${year}, ${it.mainGroup}, ${it.dwellings}, ${subject.userId}, ${now})
          ON CONFLICT (municipality_id, year, main_group) DO UPDATE SET dwellings = EXCLUDED.dwellings, version = estimated_need.version + 1,
            updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at WHERE estimated_need.dwellings IS DISTINCT FROM EXCLUDED.dwellings`.execute(trx);
      }
      await recordAudit(app, trx, req, {
        action: 'agreement.manage', resourceType: 'estimated_need', resourceId: `${m.id}:${year}`, subjectOrganisationId: m.id, outcome: 'success',
        details: { year, items: items.map((i) => [i.mainGroup, i.dwellings]) },
      });
    });
    return needOf(db, m, year);
  });

  // ─── Statushouders quota in versions (R-MO-32..R-MO-35, M-20) ───────────────
  app.get('/statushouder-quotas', {
    config: { action: 'reference.read' },
    schema: {
      tags: ['agreements'],
      summary: 'Statushouders quota in persons per half-year, every version (R-MO-34, M-20)',
      querystring: Type.Object({ municipality: MunicipalityRef, year: Type.Optional(Year) }, { additionalProperties: false }),
      response: { 200: QuotaResponse, ...ProblemResponses },
    },
  }, async (req) => quotasOf(db, await municipalityForRead(db, req.query.municipality), req.query.year));

  app.post('/statushouder-quotas', {
    config: { action: 'agreement.manage', resourceType: 'statushouder_quota' },
    schema: {
      tags: ['agreements'],
      summary: 'Record the quota of a half-year (persons, R-MO-32): a new version each time; earlier versions stay read-only (R-MO-34)',
      body: Type.Object({
        municipality: MunicipalityRef,
        year: Year,
        half: Type.Integer({ minimum: 1, maximum: 2 }),
        persons: Count,
        decisionDate: IsoDateSchema,
        reason: Type.String({ minLength: 1, maxLength: 2000, pattern: '\\S' }),
      }, { additionalProperties: false }),
      response: { 201: QuotaSchema, ...ProblemResponses },
    },
  }, async (req, reply) => {
    const b = req.body;
    const m = await authorizedMunicipality(db, req, 'agreement.manage', b.municipality);
    const subject = subjectOf(req);
    const row = await transact(app, async (trx) => {
      await sql`SELECT id FROM organisations WHERE id = ${m.id} FOR UPDATE`.execute(trx);
      const prev = await trx.selectFrom('statushouder_quotas').select((eb) => eb.fn.max('version_no').as('max'))
        .where('municipality_id', '=', m.id).where('year', '=', b.year).where('half', '=', b.half).executeTakeFirst();
      const versionNo = Number(prev?.max ?? 0) + 1;
      const r = await trx.insertInto('statushouder_quotas').values({
        municipality_id: m.id, year: b.year, half: b.half, version_no: versionNo, persons: b.persons, decision_date: b.decisionDate,
        reason: b.reason.trim(), created_by: subject.userId, created_at: clock.now(),
      }).returningAll().executeTakeFirstOrThrow();
      await recordAudit(app, trx, req, {
        action: 'agreement.manage', resourceType: 'statushouder_quota', resourceId: r.id, subjectOrganisationId: m.id, outcome: 'success',
        details: { year: b.year, half: b.half, versionNo, persons: b.persons },
      });
      return r;
    });
    return reply.status(201).send({
      id: row.id, year: row.year, half: row.half, versionNo: row.version_no, current: true, persons: row.persons,
      decisionDate: isoDate(row.decision_date), reason: row.reason, createdAt: isoTime(row.created_at),
    });
  });

  // ─── Opening backlog (R-MO-33) ──────────────────────────────────────────────
  app.get('/statushouder-backlog', {
    config: { action: 'reference.read' },
    schema: { tags: ['agreements'], summary: 'Opening statushouders backlog (persons) carried into the first tracked year (R-MO-33, M-22)', querystring: MunicipalityOnly, response: { 200: BacklogSchema, ...ProblemResponses } },
  }, async (req, reply) => {
    const out = await backlogOf(db, await municipalityForRead(db, req.query.municipality));
    if (out.backlog) setEtag(reply, out.backlog.version);
    return out;
  });

  app.put('/statushouder-backlog', {
    config: { action: 'agreement.manage', resourceType: 'statushouder_backlog' },
    schema: {
      tags: ['agreements'],
      summary: 'Set the opening backlog (persons; negative = ahead); If-Match optional: when sent it must match',
      querystring: MunicipalityOnly,
      body: Type.Object({ year: Year, persons: Type.Integer({ minimum: -1_000_000, maximum: 1_000_000 }) }, { additionalProperties: false }),
      response: { 200: BacklogSchema, ...ProblemResponses },
    },
  }, async (req, reply) => {
    const m = await authorizedMunicipality(db, req, 'agreement.manage', req.query.municipality);
    const expected = optionalIfMatch(req);
    const b = req.body;
    const subject = subjectOf(req);
    await transact(app, async (trx) => {
      const { rows } = await sql<{ version: number }>`SELECT version FROM statushouder_opening_backlogs WHERE municipality_id = ${m.id} FOR UPDATE`.execute(trx);
      const cur = rows[0];
      if (expected !== null && (cur?.version ?? 0) !== expected) throw problem.preconditionFailed(cur?.version ?? 0);
      await sql`INSERT INTO statushouder_opening_backlogs (municipality_id, year, persons, updated_by, updated_at)
        VALUES (${m.id}, ${b.year}, ${b.persons}, ${subject.userId}, ${clock.now()})
        ON CONFLICT (municipality_id) DO UPDATE SET year = EXCLUDED.year, persons = EXCLUDED.persons, version = statushouder_opening_backlogs.version + 1,
          updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`.execute(trx);
      await recordAudit(app, trx, req, {
        action: 'agreement.manage', resourceType: 'statushouder_backlog', resourceId: m.id, subjectOrganisationId: m.id, outcome: 'success',
        details: { year: b.year, persons: b.persons },
      });
    });
    const out = await backlogOf(db, m);
    if (out.backlog) setEtag(reply, out.backlog.version);
    return out;
  });

  // ─── Housing units for young statushouders (M-27) ───────────────────────────
  app.get('/young-statushouder-units', {
    config: { action: 'reference.read' },
    schema: {
      tags: ['agreements'],
      summary: 'Housing units for young statushouders per year: target, cumulative realised or planned, delivered in the year (M-27)',
      querystring: Type.Object({ municipality: MunicipalityRef, year: Type.Optional(Year) }, { additionalProperties: false }),
      response: { 200: Type.Object({ municipality: OrgRefSchema, items: Type.Array(UnitsItem) }), ...ProblemResponses },
    },
  }, async (req) => unitsOf(db, await municipalityForRead(db, req.query.municipality), req.query.year));

  app.put('/young-statushouder-units', {
    config: { action: 'agreement.manage', resourceType: 'young_statushouder_units' },
    schema: {
      tags: ['agreements'],
      summary: 'Set the M-27 inputs of a year; If-Match optional: when sent it must match the year\'s version',
      querystring: MunicipalityYear,
      body: Type.Object({ targetUnits: Count, cumulativeUnits: Count, deliveredUnits: Count }, { additionalProperties: false }),
      response: { 200: Type.Object({ municipality: OrgRefSchema, items: Type.Array(UnitsItem) }), ...ProblemResponses },
    },
  }, async (req, reply) => {
    const { year } = req.query;
    const m = await authorizedMunicipality(db, req, 'agreement.manage', req.query.municipality);
    const expected = optionalIfMatch(req);
    const b = req.body;
    const subject = subjectOf(req);
    await transact(app, async (trx) => {
      const { rows } = await sql<{ version: number }>`SELECT version FROM young_statushouder_units WHERE municipality_id = ${m.id} AND year = ${year} FOR UPDATE`.execute(trx);
      const cur = rows[0];
      if (expected !== null && (cur?.version ?? 0) !== expected) throw problem.preconditionFailed(cur?.version ?? 0);
      await sql`INSERT INTO young_statushouder_units (municipality_id, year, target_units, cumulative_units, delivered_units, updated_by, updated_at)
        VALUES (${m.id}, ${year}, ${b.targetUnits}, ${b.cumulativeUnits}, ${b.deliveredUnits}, ${subject.userId}, ${clock.now()})
        ON CONFLICT (municipality_id, year) DO UPDATE SET target_units = EXCLUDED.target_units, cumulative_units = EXCLUDED.cumulative_units,
          delivered_units = EXCLUDED.delivered_units, version = young_statushouder_units.version + 1, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`.execute(trx);
      await recordAudit(app, trx, req, {
        action: 'agreement.manage', resourceType: 'young_statushouder_units', resourceId: `${m.id}:${year}`, subjectOrganisationId: m.id, outcome: 'success',
        details: { year, ...b },
      });
    });
    const out = await unitsOf(db, m, year);
    if (out.items[0]) setEtag(reply, out.items[0].version);
    return out;
  });
}
