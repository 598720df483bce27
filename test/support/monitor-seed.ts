/**
 * A small monitor year for tests of the dashboard, its exports and the browser page: the demo
 * municipality Veenhaven (GM9001) with an agreement of 120 dwellings in 2024, two plan versions
 * (the first adds up to 125: a warning), placements at two corporations across the year (a swap,
 * a re-assessment move, households still waiting), statushouders quota and released dwellings.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../src/platform/db/schema.ts';

export const SEED_YEAR = 2024;
export const SEED_MUNICIPALITY = 'GM9001';

function addDays(d: string, n: number): string {
  return new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

export async function seedMonitorYear(db: Kysely<Database>, now: Date) {
  const year = SEED_YEAR;
  const mu = await db.selectFrom('organisations').select('id').where('municipality_code', '=', SEED_MUNICIPALITY).executeTakeFirstOrThrow();
  const linde = await db.selectFrom('organisations').select('id').where('code', '=', 'WC-LINDE').executeTakeFirstOrThrow();
  const haven = await db.selectFrom('organisations').select('id').where('code', '=', 'WC-HAVENWONINGEN').executeTakeFirstOrThrow();

  const agreement = await db.insertInto('agreements').values({
    municipality_id: mu.id, name: 'Afspraken Veenhaven 2024–2027', first_year: year, last_year: year + 3, kind: 'absolute', yearly_number: 120,
    share: null, created_by: null, created_at: now, updated_at: now,
  }).returning('id').executeTakeFirstOrThrow();
  const v1 = await db.insertInto('plan_versions').values({
    agreement_id: agreement.id, year, version_no: 1, decision_date: `${year}-01-15`, effective_from: `${year}-01-01`, reason: 'Verdeling begin van het jaar', created_by: null, created_at: now,
  }).returning('id').executeTakeFirstOrThrow();
  const v2 = await db.insertInto('plan_versions').values({
    agreement_id: agreement.id, year, version_no: 2, decision_date: `${year}-07-01`, effective_from: `${year}-07-01`, reason: 'Herziene verdeling halverwege het jaar', created_by: null, created_at: now,
  }).returning('id').executeTakeFirstOrThrow();
  const mg = (id: string, main: string, n: number, position: number) => ({
    plan_version_id: id, level: 'main_group' as const, main_group: main, target_group: null, group_set_name: null, group_set_codes: null, corporation_id: null, dwellings: n, position,
  });
  await db.insertInto('plan_lines').values([
    mg(v1.id, 'MG-1', 50, 1), mg(v1.id, 'MG-2', 50, 2), mg(v1.id, 'MG-3', 25, 3),
    mg(v2.id, 'MG-1', 40, 1), mg(v2.id, 'MG-2', 55, 2), mg(v2.id, 'MG-3', 25, 3),
    { plan_version_id: v2.id, level: 'target_group', main_group: null, target_group: 'social_medical_urgent', group_set_name: null, group_set_codes: null, corporation_id: null, dwellings: 30, position: 4 },
  ]).execute();

  type P = { code: string; month: number; wait: number | null; corp: string; reason?: 'regular' | 'swap' | 'perspective_reassessment'; persons?: number; route?: 'corporation_dwelling' | 'housing_project'; waiting?: boolean };
  const ps: P[] = [];
  const corpOf = (i: number) => (i % 3 === 0 ? haven.id : linde.id);
  for (let i = 0; i < 14; i++) ps.push({ code: 'social_medical_urgent', month: 1 + (i % 12), wait: i % 4 === 0 ? 200 : i % 4 === 1 ? 120 : 40, corp: corpOf(i) });
  for (let i = 0; i < 4; i++) ps.push({ code: 'crisis_shelter_family', month: 2 + i * 3, wait: 30, corp: corpOf(i) });
  for (let i = 0; i < 12; i++) ps.push({ code: 'omslag_mobw_adult', month: 1 + i, wait: i % 2 ? 60 : 150, corp: corpOf(i + 1) });
  for (let i = 0; i < 6; i++) ps.push({ code: 'statushouder_regular', month: 1 + i * 2, wait: 50, corp: corpOf(i), persons: 3 });
  ps.push({ code: 'statushouder_regular', month: 4, wait: 20, corp: linde.id, persons: 2, route: 'housing_project' });
  ps.push({ code: 'omslag_mobw_adult', month: 5, wait: 90, corp: linde.id, reason: 'perspective_reassessment' });
  ps.push({ code: 'social_medical_urgent', month: 3, wait: null, corp: haven.id, reason: 'swap' });
  // Still waiting at the year end: started in October, June and January.
  for (const m of [10, 6, 1]) ps.push({ code: 'omslag_mobw_adult', month: m, wait: 0, corp: linde.id, waiting: true });

  await db.insertInto('placements').values(ps.map((p, i) => {
    const day = `${year}-${String(p.month).padStart(2, '0')}-15`;
    return {
      placement_id: `SEED-${year}-${i}`, municipality_id: mu.id, corporation_id: p.corp, target_group: p.code,
      active_mediation_date: p.waiting ? day : p.wait === null ? null : addDays(day, -p.wait),
      lease_signed_date: p.waiting ? null : day,
      move_reason: p.reason ?? 'regular', persons: p.persons ?? 1, route: p.route ?? 'corporation_dwelling',
      source: 'import' as const, created_at: now, updated_at: now,
    };
  })).execute();

  await db.insertInto('statushouder_quotas').values([
    { municipality_id: mu.id, year, half: 1, version_no: 1, persons: 10, decision_date: `${year - 1}-12-01`, reason: 'Taakstelling eerste halfjaar', created_by: null, created_at: now },
    { municipality_id: mu.id, year, half: 2, version_no: 1, persons: 12, decision_date: `${year}-06-01`, reason: 'Taakstelling tweede halfjaar', created_by: null, created_at: now },
  ]).execute();
  await db.insertInto('released_dwellings').values(
    Array.from({ length: 12 }, (_, i) => [
      { municipality_id: mu.id, corporation_id: linde.id, year, month: i + 1, dwellings: 10, updated_by: null, updated_at: now },
      { municipality_id: mu.id, corporation_id: haven.id, year, month: i + 1, dwellings: 5, updated_by: null, updated_at: now },
    ]).flat(),
  ).execute();
}
