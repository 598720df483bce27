/**
 * Demo data for the monitor (npm start): the Veenhaven agreement of 420 dwellings a year with
 * a distribution and a mid-year revision, corporation stock and released dwellings, the
 * statushouders quota, and placements for last year and this year up to today, generated
 * with a fixed seed so every start shows the same figures. Aggregates only; never in production.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { Clock } from '../../platform/clock.ts';
import { todayIn } from '../../platform/clock.ts';
import { addPeriod } from '../../domain/calendar/index.ts';

/** A small deterministic PRNG (mulberry32). */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Yearly share of the deliveries per target group (roughly the 2020 mix). */
const MIX: Array<[string, number, number]> = [
  // code, weight, typical wait in days
  ['social_medical_urgent', 120, 110], ['wheelchair_urgent', 14, 260], ['crisis_shelter_family', 8, 70], ['domestic_violence', 6, 80],
  ['informal_carer', 1, 120], ['sex_work_exit', 1, 40], ['omslag_mobw_adult', 95, 120], ['omslag_mobw_family', 38, 95],
  ['omslag_domestic_violence', 2, 120], ['omslag_young_mother', 4, 140], ['omslag_young_adult', 8, 120], ['housing_first_youth', 2, 150],
  ['mo_adult_outflow', 1, 200], ['bullying_approach', 2, 110], ['last_new_chance', 2, 60], ['verbond_experiment', 1, 90],
  ['statushouder_regular', 100, 45], ['statushouder_ruggensteun', 3, 50],
];
const STOCK: Array<[string, number]> = [
  ['WC-LINDE', 14200], ['WC-HAVENWONINGEN', 11800], ['WC-AMSTELPOORT', 9600], ['WC-THUISBASIS', 7400],
  ['WC-OOSTERWONEN', 6900], ['WC-WOONKRACHT', 5100], ['WC-POLDERHUIS', 3000],
];
const DISTRICTS = ['Centrum', 'Noord', 'Oost', 'Zuid', 'West', 'Haven', 'Polder'];

export async function seedDemoMonitor(db: Kysely<Database>, clock: Clock): Promise<number> {
  if (await db.selectFrom('agreements').select('id').limit(1).executeTakeFirst()) return 0;
  const today = todayIn(clock);
  const year = Number(today.slice(0, 4));
  const now = clock.now();
  const muni = await db.selectFrom('organisations').select('id').where('code', '=', 'GEM-VEENHAVEN').executeTakeFirst();
  if (!muni) return 0;
  const corps = new Map((await db.selectFrom('organisations').select(['id', 'code']).where('type', '=', 'housing_corporation').execute()).map((o) => [o.code, o.id]));
  const analyst = (await db.selectFrom('users').select('id').where('email', '=', 'analist@demo.thuisroute.nl').executeTakeFirst())?.id ?? null;
  const random = rng(20260101);

  return db.transaction().execute(async (trx) => {
    const agreement = await trx.insertInto('agreements').values({
      municipality_id: muni.id, name: `Samenwerkingsafspraken Veenhaven ${year - 2}-${year + 1}`, first_year: year - 2, last_year: year + 1, kind: 'absolute',
      yearly_number: 420, share: null, distribute_over_corporations: true, tolerance: '0.05', created_by: analyst, created_at: now, updated_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    for (const y of [year - 1, year]) {
      const v1 = await trx.insertInto('plan_versions').values({
        agreement_id: agreement.id, year: y, version_no: 1, decision_date: `${y}-01-15`, effective_from: `${y}-01-01`, reason: 'Verdeling op hoofdlijnen aan het begin van het jaar', created_by: analyst, created_at: now,
      }).returning('id').executeTakeFirstOrThrow();
      const lines = (id: string, mg1: number, mg2: number, mg3: number) => [
        { plan_version_id: id, level: 'main_group' as const, main_group: 'MG-1', target_group: null, group_set_name: null, group_set_codes: null, corporation_id: null, dwellings: mg1, position: 1 },
        { plan_version_id: id, level: 'main_group' as const, main_group: 'MG-2', target_group: null, group_set_name: null, group_set_codes: null, corporation_id: null, dwellings: mg2, position: 2 },
        { plan_version_id: id, level: 'main_group' as const, main_group: 'MG-3', target_group: null, group_set_name: null, group_set_codes: null, corporation_id: null, dwellings: mg3, position: 3 },
        { plan_version_id: id, level: 'target_group' as const, main_group: null, target_group: 'omslag_mobw_adult', group_set_name: null, group_set_codes: null, corporation_id: null, dwellings: 130, position: 4 },
        { plan_version_id: id, level: 'group_set' as const, main_group: null, target_group: null, group_set_name: 'Jeugd, jongvolwassenen en jonge moeders', group_set_codes: ['omslag_young_mother', 'omslag_young_adult', 'housing_first_youth'], corporation_id: null, dwellings: 24, position: 5 },
      ];
      await trx.insertInto('plan_lines').values(lines(v1.id, 120, 190, 110)).execute();
      if (y < year || today >= `${y}-07-01`) {
        const v2 = await trx.insertInto('plan_versions').values({
          agreement_id: agreement.id, year: y, version_no: 2, decision_date: `${y}-06-24`, effective_from: `${y}-07-01`,
          reason: 'Herziene verdeling: minder woningen voor SMU, taakstelling statushouders tweede halfjaar verlaagd, meer voor wonen met begeleiding', created_by: analyst, created_at: now,
        }).returning('id').executeTakeFirstOrThrow();
        await trx.insertInto('plan_lines').values(lines(v2.id, 110, 210, 100)).execute();
      }
      await trx.insertInto('corporation_stock').values(STOCK.filter(([c]) => corps.has(c)).map(([c, n]) => ({ municipality_id: muni.id, corporation_id: corps.get(c)!, year: y, dwellings: n, updated_by: analyst, updated_at: now }))).execute();
      await trx.insertInto('corporation_targets').values({ agreement_id: agreement.id, year: y, corporation_id: corps.get('WC-LINDE')!, dwellings: 110, updated_by: analyst, updated_at: now }).execute();
      const lastMonth = y < year ? 12 : Number(today.slice(5, 7));
      const released = [];
      for (const [c, n] of STOCK) for (let m = 1; m <= lastMonth; m++) released.push({ municipality_id: muni.id, corporation_id: corps.get(c)!, year: y, month: m, dwellings: Math.round((n * 0.055) / 12 * (0.8 + random() * 0.4)), updated_by: analyst, updated_at: now });
      await trx.insertInto('released_dwellings').values(released).execute();
      // R-MO-39: the same released dwellings by number of rooms (most have 2 or 3 rooms), adding up to M-10 per corporation.
      const ROOM_SHARES = [0.12, 0.34, 0.33, 0.16, 0.05];
      const rooms: Array<{ municipality_id: string; corporation_id: string; year: number; rooms: number; dwellings: number; updated_by: string | null; updated_at: Date }> = [];
      for (const [c] of STOCK) {
        const total = released.filter((r) => r.corporation_id === corps.get(c)).reduce((n, r) => n + r.dwellings, 0);
        const split = ROOM_SHARES.map((f) => Math.floor(total * f));
        split[2]! += total - split.reduce((a, b) => a + b, 0);
        split.forEach((dwellings, i) => rooms.push({ municipality_id: muni.id, corporation_id: corps.get(c)!, year: y, rooms: i + 1, dwellings, updated_by: analyst, updated_at: now }));
      }
      await trx.insertInto('released_dwelling_rooms').values(rooms).execute();
      await trx.insertInto('estimated_need').values({ municipality_id: muni.id, year: y, main_group: 'ALL', dwellings: 560, updated_by: analyst, updated_at: now }).execute();
      await trx.insertInto('statushouder_quotas').values([
        { municipality_id: muni.id, year: y, half: 1, version_no: 1, persons: 130, decision_date: `${y - 1}-12-01`, reason: 'Taakstelling eerste halfjaar (COA)', created_by: analyst, created_at: now },
        { municipality_id: muni.id, year: y, half: 2, version_no: 1, persons: 130, decision_date: `${y - 1}-12-01`, reason: 'Taakstelling tweede halfjaar (COA)', created_by: analyst, created_at: now },
        { municipality_id: muni.id, year: y, half: 2, version_no: 2, persons: 110, decision_date: `${y}-06-24`, reason: 'Taakstelling tweede halfjaar verlaagd', created_by: analyst, created_at: now },
      ]).execute();
      await trx.insertInto('young_statushouder_units').values({ municipality_id: muni.id, year: y, target_units: 400, cumulative_units: y < year ? 290 : 326, delivered_units: y < year ? 41 : 36, updated_by: analyst, updated_at: now }).execute();
    }
    await trx.insertInto('statushouder_opening_backlogs').values({ municipality_id: muni.id, year: year - 1, persons: 14, updated_by: analyst, updated_at: now }).execute();

    // Placements: deliveries over last year and this year up to today, some households still waiting.
    const totalWeight = MIX.reduce((s, [, w]) => s + w, 0);
    const stockTotal = STOCK.reduce((s, [, n]) => s + n, 0);
    const pick = <T>(items: Array<[T, number]>, total: number) => {
      let r = random() * total;
      for (const [x, w] of items) if ((r -= w) < 0) return x;
      return items[items.length - 1]![0];
    };
    const rows: Array<Record<string, unknown>> = [];
    let n = 0;
    const start = `${year - 1}-01-01`;
    for (let d = start; d <= today; d = addPeriod(d, 1, 'days')) {
      const perDay = 420 / 365;
      let k = Math.floor(perDay) + (random() < perDay % 1 ? 1 : 0);
      while (k-- > 0) {
        const code = pick(MIX.map(([c, w]) => [c, w] as [string, number]), totalWeight);
        const typical = MIX.find(([c]) => c === code)![2];
        const wait = Math.max(5, Math.round(typical * (0.3 + random() * 1.6)));
        const startDate = addPeriod(d, -wait, 'days');
        const sh = code.startsWith('statushouder');
        const reason = random() < 0.03 ? 'perspective_reassessment' : random() < 0.02 ? 'swap' : 'regular';
        const district = DISTRICTS[Math.floor(random() * DISTRICTS.length)]!;
        const project = sh && random() < 0.08;
        rows.push({
          placement_id: `DEMO-${++n}`, municipality_id: muni.id, corporation_id: corps.get(pick(STOCK, stockTotal))!, target_group: code,
          active_mediation_date: startDate, lease_signed_date: d, move_reason: reason, persons: sh ? 1 + Math.floor(random() * 5) : code.endsWith('family') ? 3 + Math.floor(random() * 3) : 1,
          route: project ? 'housing_project' : 'corporation_dwelling', wheelchair_dwelling: code === 'wheelchair_urgent',
          district: `Stadsdeel ${district}`, neighbourhood: `${district} ${1 + Math.floor(random() * 4)}`, source: 'import', created_at: now, updated_at: now,
        });
      }
    }
    // Households still waiting at today, some with a dwelling already allocated.
    for (let i = 0; i < 60; i++) {
      const [code] = MIX[Math.floor(random() * MIX.length)]!;
      const startDate = addPeriod(today, -Math.floor(random() * 300), 'days');
      rows.push({
        placement_id: `DEMO-W-${i + 1}`, municipality_id: muni.id, corporation_id: null, target_group: code, active_mediation_date: startDate, lease_signed_date: null,
        persons: code.startsWith('statushouder') ? 1 + Math.floor(random() * 4) : 1, allocated_on: code.startsWith('statushouder') && random() < 0.4 ? addPeriod(today, -3, 'days') : null,
        source: 'import', created_at: now, updated_at: now,
      });
    }
    for (let i = 0; i < rows.length; i += 500) await trx.insertInto('placements').values(rows.slice(i, i + 500) as never).execute();
    return rows.length;
  });
}
