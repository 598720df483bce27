/**
 * The nuisance hub (MZWO, overlast.md §5): its overview per district of the open cases reported to
 * it, by state and age (D-OV-05: open longer than three months flagged), the addresses reported
 * through several channels seen as one situation (MZ-2), the New Chance cases at their step, and
 * the address check of MZ-7 (is there support on this dwelling — without the care file).
 */
import { Type } from 'typebox';
import { sql, type Kysely } from 'kysely';
import type { App } from '../../platform/http/app.ts';
import { subjectOf } from '../../platform/http/app.ts';
import { problem } from '../../platform/http/problem.ts';
import { ProblemResponses } from '../../platform/http/schemas.ts';
import type { Database } from '../../platform/db/schema.ts';
import { todayIn } from '../../platform/clock.ts';
import { addPeriod } from '../../domain/calendar/index.ts';
import { hubOf, resolveTarget } from './reports.ts';

type Db = Kysely<Database>;
const Free = Type.Record(Type.String(), Type.Unknown());
const NONE = '00000000-0000-0000-0000-000000000000';

/** The age buckets of the overview: under a month, one to three months, over three months (D-OV-05). */
export const AGE_BUCKETS = ['under_1_month', '1_to_3_months', 'over_3_months'] as const;

export async function hubOverview(db: Db, hubIds: ReadonlyArray<string>, today: string) {
  const ids = hubIds.length ? [...hubIds] : [NONE];
  const oneMonthAgo = addPeriod(today, -1, 'months');
  const threeMonthsAgo = addPeriod(today, -3, 'months');
  const rows = await db.selectFrom('nuisance_cases')
    .select([
      'district_code', 'district_name', 'status',
      sql<string>`CASE WHEN opened_on > ${oneMonthAgo}::date THEN 'under_1_month' WHEN opened_on > ${threeMonthsAgo}::date THEN '1_to_3_months' ELSE 'over_3_months' END`.as('age'),
      sql<number>`count(*)::int`.as('n'),
      sql<number>`count(*) FILTER (WHERE hub_lead)::int`.as('lead'),
    ])
    .where('hub_involved', '=', true).where('hub_id', 'in', ids).where('closed_on', 'is', null)
    .groupBy(['district_code', 'district_name', 'status', sql`4`])
    .execute();
  const districts = new Map<string, { code: string | null; name: string | null; open: number; overThreeMonths: number; hubLead: number; byStatus: Record<string, number>; byAge: Record<string, number> }>();
  for (const r of rows) {
    const key = r.district_code ?? '';
    const d = districts.get(key) ?? { code: r.district_code, name: r.district_name, open: 0, overThreeMonths: 0, hubLead: 0, byStatus: {}, byAge: { under_1_month: 0, '1_to_3_months': 0, over_3_months: 0 } };
    d.open += r.n;
    d.hubLead += r.lead;
    if (r.age === 'over_3_months') d.overThreeMonths += r.n;
    d.byStatus[r.status] = (d.byStatus[r.status] ?? 0) + r.n;
    d.byAge[r.age] = (d.byAge[r.age] ?? 0) + r.n;
    districts.set(key, d);
  }
  return [...districts.values()].sort((a, b) => (a.name ?? a.code ?? '').localeCompare(b.name ?? b.code ?? ''));
}

export async function hubRoutes(app: App) {
  const db = app.deps.database.db as Db;
  const clock = app.deps.clock;

  app.get('/nuisance/hub/overview', {
    config: { action: 'nuisance_hub.overview', personalData: false },
    schema: {
      summary: 'The hub\'s overview per district: open cases reported to it by state and age (over three months flagged), addresses reported through several channels, New Chance cases by step',
      response: { 200: Free, ...ProblemResponses },
    },
  }, async (req) => {
    const s = subjectOf(req);
    if (s.organisationType !== 'nuisance_hub') throw problem.forbidden('relation_not_covered');
    const today = todayIn(clock);
    const hubIds = [...s.scope];
    const districts = await hubOverview(db, hubIds, today);
    // Reports about one address through several channels in the last 12 months: one situation (MZ-2).
    const since = addPeriod(today, -12, 'months');
    const situations = await db.selectFrom('nuisance_reports as r').innerJoin('nuisance_cases as c', 'c.id', 'r.case_id')
      .select(['c.id as case_id', 'c.address', 'c.district_name', sql<number>`count(*)::int`.as('reports'), sql<number>`count(DISTINCT r.channel)::int`.as('channels'),
        sql<string[]>`array_agg(DISTINCT r.channel ORDER BY r.channel)`.as('channel_list')])
      .where('c.hub_involved', '=', true).where('c.hub_id', 'in', hubIds.length ? hubIds : [NONE]).where('c.closed_on', 'is', null).where('r.received_on', '>=', since)
      .groupBy(['c.id', 'c.address', 'c.district_name']).having(sql<boolean>`count(DISTINCT r.channel) > 1`)
      .orderBy(sql`count(*)`, 'desc').limit(50).execute();
    const newChance = await db.selectFrom('new_chance_cases').select(['step', sql<number>`count(*)::int`.as('n')])
      .where('hub_id', 'in', hubIds.length ? hubIds : [NONE]).where('ended_on', 'is', null).groupBy('step').execute();
    return {
      today, districts,
      totals: { open: districts.reduce((a, d) => a + d.open, 0), overThreeMonths: districts.reduce((a, d) => a + d.overThreeMonths, 0), hubLead: districts.reduce((a, d) => a + d.hubLead, 0) },
      situations: situations.map((x) => ({ caseId: x.case_id, address: x.address, district: x.district_name, reports: x.reports, channels: x.channel_list })),
      newChance: Object.fromEntries(newChance.map((x) => [x.step, x.n])),
    };
  });

  app.get('/nuisance/hub/address-check', {
    config: { action: 'nuisance_hub.address_check', personalData: false },
    schema: {
      summary: 'MZ-7: whether a dwelling has support (and which care provider\'s reporting point and corporation to contact), without the care file',
      querystring: Type.Object({ postcode: Type.String({ pattern: '^[1-9][0-9]{3} ?[A-Za-z]{2}$' }), houseNumber: Type.Integer({ minimum: 1 }), houseLetter: Type.Optional(Type.String({ maxLength: 1 })), addition: Type.Optional(Type.String({ maxLength: 4 })) }, { additionalProperties: false }),
      response: { 200: Free, ...ProblemResponses },
    },
  }, async (req) => {
    const s = subjectOf(req);
    if (s.organisationType !== 'nuisance_hub') throw problem.forbidden('relation_not_covered');
    const q = req.query;
    const t = await resolveTarget(db, s, { address: { postcode: q.postcode, houseNumber: q.houseNumber, houseLetter: q.houseLetter ?? null, addition: q.addition ?? null } });
    // Only the hub of the address's municipality asks.
    const hub = await hubOf(db, t.municipalityId);
    if (!hub || !s.scope.includes(hub)) throw problem.forbidden('relation_not_covered');
    const ids = [t.careProviderId, t.corporationId].filter((x): x is string => !!x);
    const orgs = ids.length ? await db.selectFrom('organisations').select(['id', 'name']).where('id', 'in', ids).execute() : [];
    const open = await db.selectFrom('nuisance_cases').select(['id', 'hub_involved']).where('municipality_id', '=', t.municipalityId).where('address_key', '=', t.addressKey).where('closed_on', 'is', null).executeTakeFirst();
    req.auditInfo = { resourceType: 'address', details: { addressKey: t.addressKey, hasSupport: t.careProviderId !== null } };
    return {
      address: t.address, hasSupport: t.careProviderId !== null, knownDwelling: t.dwellingId !== null,
      careProvider: t.careProviderId ? { id: t.careProviderId, name: orgs.find((o) => o.id === t.careProviderId)?.name ?? null } : null,
      corporation: t.corporationId ? { id: t.corporationId, name: orgs.find((o) => o.id === t.corporationId)?.name ?? null } : null,
      openCase: open ? { id: open.id, reportedToHub: open.hub_involved } : null,
    };
  });
}
