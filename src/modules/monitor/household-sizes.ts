/**
 * R-MO-39: the aggregates behind the optional household-size view (domain/monitor/household-sizes.ts),
 * in SQL: statushouder households by number of persons (GROUP BY on placements: counts only, no
 * placement or person leaves the database), the released dwellings of the year by rooms, and
 * M-10 of the year for the completeness check. Served as a dashboard table by
 * GET /api/v1/monitor/tables/household-sizes (table-routes.ts), 'monitor.read' (R-MO-20).
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { problem } from '../../platform/http/problem.ts';
import { monthEnd } from '../../domain/monitor/formulas.ts';
import { householdSizesTable, type HouseholdSizeInput, type HouseholdSizesTableModel } from '../../domain/monitor/household-sizes.ts';

type Db = Kysely<Database>;

export interface HouseholdSizesQuery {
  year: number;
  month: number;
  /** CBS code (GM0363): one municipality. Without it: the region's municipalities, or every municipality. */
  municipality?: string;
  region?: string;
  corporation?: string;
}

interface Muni { id: string; code: string; name: string }

/** The municipalities in scope (by name), the area and the corporation; unknown codes are a 400 problem like GET /monitor. */
async function resolveScope(db: Db, q: HouseholdSizesQuery) {
  let area: HouseholdSizeInput['area'];
  let municipalities: Muni[];
  if (q.municipality) {
    const m = await db.selectFrom('organisations').select(['id', 'municipality_code', 'name'])
      .where('type', '=', 'municipality').where('municipality_code', '=', q.municipality).executeTakeFirst();
    if (!m) throw problem.badRequest('unknown_municipality', `Gemeente ${q.municipality} is niet bekend.`, `Municipality ${q.municipality} is not known.`);
    municipalities = [{ id: m.id, code: m.municipality_code!, name: m.name }];
    area = { kind: 'municipality', name: m.name };
  } else {
    let regionId: string | null = null;
    if (q.region) {
      const r = await db.selectFrom('regions').select(['id', 'name']).where('code', '=', q.region).executeTakeFirst();
      if (!r) throw problem.badRequest('unknown_region', `Regio ${q.region} is niet bekend.`, `Region ${q.region} is not known.`);
      regionId = r.id;
      area = { kind: 'region', name: r.name };
    } else {
      area = { kind: 'all' };
    }
    let mq = db.selectFrom('organisations').select(['id', 'municipality_code', 'name']).where('type', '=', 'municipality').where('municipality_code', 'is not', null);
    if (regionId) mq = mq.where('region_id', '=', regionId);
    const rows = await mq.execute();
    municipalities = rows.map((r) => ({ id: r.id, code: r.municipality_code!, name: r.name })).sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  }
  let corporation: { id: string; name: string } | null = null;
  if (q.corporation) {
    const c = await db.selectFrom('organisations').select(['id', 'name']).where('type', '=', 'housing_corporation').where('code', '=', q.corporation).executeTakeFirst();
    if (!c) throw problem.badRequest('unknown_corporation', `Corporatie ${q.corporation} is niet bekend.`, `Corporation ${q.corporation} is not known.`);
    corporation = c;
  }
  return { area, municipalities, corporation };
}

/**
 * The household-size table of the scope. Households are those of M-23 (MG-3, regular move,
 * corporation dwelling, target group counting toward the agreement), lease signed from
 * 1 January up to the end of the month; persons are classed 1…4 and 5 or more in SQL.
 */
export async function householdSizes(db: Db, q: HouseholdSizesQuery): Promise<HouseholdSizesTableModel> {
  const { area, municipalities, corporation } = await resolveScope(db, q);
  const ids = municipalities.map((m) => m.id);
  const codeOf = new Map(municipalities.map((m) => [m.id, m.code]));
  const from = `${q.year}-01-01`;
  const asOf = monthEnd(q.year, q.month);
  const corpFilter = (col: string) => (corporation ? sql`AND ${sql.ref(col)} = ${corporation.id}` : sql``);

  const [households, rooms, released] = await Promise.all([
    sql<{ mu: string; persons: number; households: number }>`
      SELECT p.municipality_id AS mu, LEAST(p.persons, 5)::int AS persons, count(*)::int AS households
        FROM placements p JOIN target_groups tg ON tg.code = p.target_group
       WHERE p.lease_signed_date >= ${from}::date AND p.lease_signed_date <= ${asOf}::date
         AND p.move_reason = 'regular' AND p.route = 'corporation_dwelling'
         AND tg.main_group = 'MG-3' AND tg.counts_toward_agreement
         AND p.municipality_id = ANY(${ids}::uuid[]) ${corpFilter('p.corporation_id')}
       GROUP BY p.municipality_id, LEAST(p.persons, 5)`.execute(db).then((r) => r.rows),
    sql<{ mu: string; rooms: number; dwellings: number }>`
      SELECT r.municipality_id AS mu, r.rooms, sum(r.dwellings)::int AS dwellings
        FROM released_dwelling_rooms r
       WHERE r.year = ${q.year} AND r.municipality_id = ANY(${ids}::uuid[]) ${corpFilter('r.corporation_id')}
       GROUP BY r.municipality_id, r.rooms`.execute(db).then((r) => r.rows),
    sql<{ mu: string; dwellings: number }>`
      SELECT r.municipality_id AS mu, sum(r.dwellings)::int AS dwellings
        FROM released_dwellings r
       WHERE r.year = ${q.year} AND r.municipality_id = ANY(${ids}::uuid[]) ${corpFilter('r.corporation_id')}
       GROUP BY r.municipality_id`.execute(db).then((r) => r.rows),
  ]);
  const code = (id: string) => codeOf.get(id) ?? id;
  return householdSizesTable({
    year: q.year,
    month: q.month,
    area,
    ...(corporation ? { corporation: corporation.name } : {}),
    municipalities: municipalities.map((m) => ({ code: m.code, name: m.name })),
    households: households.map((h) => ({ municipality: code(h.mu), persons: h.persons, households: h.households })),
    rooms: rooms.map((r) => ({ municipality: code(r.mu), rooms: r.rooms, dwellings: r.dwellings })),
    released: released.map((r) => ({ municipality: code(r.mu), dwellings: r.dwellings })),
  });
}
