/**
 * The monthly rollup placement_month_counts (migration 0005, ADR 0006) is kept by statement
 * triggers on placements. Its invariant: after any sequence of inserts, updates and deletes —
 * single rows and multi-row statements, changing any counted column, moving a placement to
 * another month, year, municipality, corporation or target group, or taking its lease away —
 * the rollup's non-zero rows equal a recount of placements from scratch.
 *
 * The recount repeats the counting rules of the migration's backfill, so this proves that the
 * triggers keep the rollup equal to a backfill, not the rules themselves: the wait buckets
 * (R-MO-24) are proven at their boundaries, against dates written out by hand, in
 * monitor-wait-buckets.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'kysely';
import { startTestApp, type TestContext } from '../support/harness.ts';

let ctx: TestContext;
let municipalities: string[];
let corporations: string[];
const GROUPS = ['omslag_mobw_adult', 'social_medical_urgent', 'statushouder_regular', 'omslag_young_adult'];

beforeAll(async () => {
  ctx = await startTestApp();
  const now = ctx.clock.now();
  const region = await ctx.db.selectFrom('regions').select('id').executeTakeFirstOrThrow();
  const veenhaven = await ctx.db.selectFrom('organisations').select('id').where('code', '=', 'GEM-VEENHAVEN').executeTakeFirstOrThrow();
  const other = await ctx.db.insertInto('organisations').values({
    code: 'GEM-ROLLUP', name: 'Gemeente Rollup', type: 'municipality', parent_id: null, region_id: region.id, municipality_code: 'GM9077',
    contact_role_label: null, email: null, phone: null, created_at: now, updated_at: now,
  }).returning('id').executeTakeFirstOrThrow();
  municipalities = [veenhaven.id, other.id];
  corporations = (await ctx.db.selectFrom('organisations').select('id').where('code', 'in', ['WC-LINDE', 'WC-HAVENWONINGEN']).orderBy('code').execute()).map((o) => o.id);
});
afterAll(async () => ctx?.close());

/** The rollup as the backfill of migration 0005 computes it, from placements as they are now. */
async function recount() {
  const { rows } = await sql<Record<string, unknown>>`
    SELECT y AS year, municipality_id, corporation_id, target_group, m AS month,
           count(*) FILTER (WHERE reg)::int AS households, count(*) FILTER (WHERE reg AND wb > 0)::int AS wait_base,
           count(*) FILTER (WHERE reg AND wb = 1)::int AS wait_lt3, count(*) FILTER (WHERE reg AND wb = 2)::int AS wait_3to6,
           count(*) FILTER (WHERE reg AND wheelchair_dwelling)::int AS wheelchair, coalesce(sum(persons) FILTER (WHERE reg), 0)::int AS persons,
           count(*) FILTER (WHERE proj)::int AS project_households, coalesce(sum(persons) FILTER (WHERE proj), 0)::int AS project_persons,
           count(*) FILTER (WHERE move_reason = 'perspective_reassessment')::int AS reassess, count(*) FILTER (WHERE move_reason = 'swap')::int AS swaps
      FROM (SELECT p.*, extract(year FROM p.lease_signed_date)::int AS y, extract(month FROM p.lease_signed_date)::int AS m,
                   p.move_reason = 'regular' AND p.route = 'corporation_dwelling' AS reg,
                   p.move_reason = 'regular' AND p.route = 'housing_project' AS proj,
                   CASE WHEN p.active_mediation_date IS NULL THEN 0
                        WHEN p.lease_signed_date < p.active_mediation_date + interval '3 months' THEN 1
                        WHEN p.lease_signed_date < p.active_mediation_date + interval '6 months' THEN 2 ELSE 3 END AS wb
              FROM placements p WHERE p.lease_signed_date IS NOT NULL) x
     GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3 NULLS FIRST, 4, 5`.execute(ctx.db);
  return rows;
}

async function rollup() {
  const { rows } = await sql<Record<string, unknown>>`
    SELECT year::int AS year, municipality_id, corporation_id, target_group, month::int AS month, households, wait_base, wait_lt3, wait_3to6,
           wheelchair, persons, project_households, project_persons, reassess, swaps
      FROM placement_month_counts
     WHERE households <> 0 OR project_households <> 0 OR reassess <> 0 OR swaps <> 0
     ORDER BY 1, 2, 3 NULLS FIRST, 4, 5`.execute(ctx.db);
  return rows;
}

const day = fc.integer({ min: 0, max: 3 * 365 }).map((d) => new Date(Date.UTC(2024, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
const placement = fc.record({
  muni: fc.integer({ min: 0, max: 1 }),
  corp: fc.integer({ min: 0, max: 1 }),
  group: fc.constantFrom(...GROUPS),
  lease: fc.option(day, { freq: 5 }),
  waitDays: fc.option(fc.integer({ min: 0, max: 400 }), { freq: 5 }),
  reason: fc.constantFrom('regular', 'regular', 'regular', 'perspective_reassessment', 'swap'),
  project: fc.boolean(),
  persons: fc.integer({ min: 1, max: 6 }),
  wheelchair: fc.boolean(),
});
type P = typeof placement extends fc.Arbitrary<infer T> ? T : never;
const op = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), rows: fc.array(placement, { minLength: 1, maxLength: 6 }) }),
  fc.record({ kind: fc.constant('update' as const), pick: fc.nat(), changes: placement }),
  fc.record({ kind: fc.constant('updateMany' as const), shiftDays: fc.integer({ min: -200, max: 200 }) }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
);

function values(p: P, id: string) {
  const now = ctx.clock.now();
  // A placement needs a start or a lease; a start never lies after the lease.
  const lease = p.lease;
  const start = p.waitDays === null
    ? (lease ? null : '2025-06-01')
    : lease ? new Date(Date.parse(lease) - p.waitDays * 86_400_000).toISOString().slice(0, 10) : '2025-06-01';
  const project = p.project && p.group === 'statushouder_regular';
  return {
    placement_id: id, municipality_id: municipalities[p.muni]!, corporation_id: project ? null : corporations[p.corp]!, target_group: p.group,
    active_mediation_date: start, lease_signed_date: lease, move_reason: p.reason as 'regular', persons: p.persons,
    route: (project ? 'housing_project' : 'corporation_dwelling') as 'corporation_dwelling', wheelchair_dwelling: p.wheelchair,
    source: 'import' as const, created_at: now, updated_at: now,
  };
}

describe('monthly rollup of placements (ADR 0006)', () => {
  it('M-03, M-13..M-16, M-18, M-19, M-21, M-23a, M-25: the rollup equals a recount of placements after any sequence of writes', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 8 }), async (ops) => {
        run++;
        let n = 0;
        const ids: string[] = [];
        for (const o of ops) {
          if (o.kind === 'insert') {
            const rows = o.rows.map((p) => values(p, `ROLL-${run}-${++n}`));
            await ctx.db.insertInto('placements').values(rows).execute();
            ids.push(...rows.map((r) => r.placement_id));
          } else if (o.kind === 'update' && ids.length) {
            const id = ids[o.pick % ids.length]!;
            const { placement_id: _, created_at: __, ...changes } = values(o.changes, id);
            await ctx.db.updateTable('placements').set(changes).where('placement_id', '=', id).execute();
          } else if (o.kind === 'updateMany' && ids.length) {
            // One statement moving every lease of this run (and its start with it): many keys leave and arrive at once.
            await sql`UPDATE placements SET lease_signed_date = lease_signed_date + ${o.shiftDays}::int,
                                            active_mediation_date = active_mediation_date + ${o.shiftDays}::int
                       WHERE placement_id = ANY(${ids}::text[])`.execute(ctx.db);
          } else if (o.kind === 'delete' && ids.length) {
            const [id] = ids.splice(o.pick % ids.length, 1);
            await ctx.db.deleteFrom('placements').where('placement_id', '=', id!).execute();
          }
        }
        expect(await rollup()).toEqual(await recount());
      }),
      { numRuns: 25, seed: 20260301 },
    );
    // The property ran over real rows (not only empty tables).
    expect((await rollup()).length).toBeGreaterThan(0);
  }, 120_000);

  it('M-03: a whole year of placements deleted in one statement leaves no counted row behind', async () => {
    await sql`DELETE FROM placements WHERE placement_id LIKE 'ROLL-%'`.execute(ctx.db);
    expect(await rollup()).toEqual(await recount());
    const left = await sql<{ n: number }>`SELECT count(*)::int AS n FROM placement_month_counts WHERE households <> 0 OR swaps <> 0 OR reassess <> 0 OR project_households <> 0`.execute(ctx.db);
    expect(left.rows[0]!.n).toBe((await recount()).length);
  });
});

describe('references of placements, checked per statement (migration 0005)', () => {
  const base = () => ({
    municipality_id: municipalities[0]!, corporation_id: corporations[0]!, target_group: 'omslag_mobw_adult', active_mediation_date: '2025-01-01',
    lease_signed_date: '2025-03-01', source: 'import' as const, created_at: ctx.clock.now(), updated_at: ctx.clock.now(),
  });
  const code = async (p: Promise<unknown>) => {
    try {
      await p;
      return 'ok';
    } catch (e) {
      return (e as { code?: string }).code;
    }
  };

  it('M-03: a placement whose municipality, corporation, target group or import does not exist is refused (23503), and nothing is written', async () => {
    const missing = '00000000-0000-4000-8000-000000000001';
    const before = await rollup();
    for (const bad of [{ municipality_id: missing }, { corporation_id: missing }, { target_group: 'no_such_group' }, { import_id: missing }]) {
      const rows = [{ ...base(), placement_id: 'REF-OK' }, { ...base(), placement_id: 'REF-BAD', ...bad }];
      expect(await code(ctx.db.insertInto('placements').values(rows).execute())).toBe('23503');
    }
    await ctx.db.insertInto('placements').values({ ...base(), placement_id: 'REF-1' }).execute();
    expect(await code(ctx.db.updateTable('placements').set({ target_group: 'no_such_group' }).where('placement_id', '=', 'REF-1').execute())).toBe('23503');
    expect(await ctx.db.selectFrom('placements').select('placement_id').where('placement_id', 'like', 'REF-%').execute()).toEqual([{ placement_id: 'REF-1' }]);
    // Only REF-1 was written: the rollup changed by exactly that placement, and still equals a recount.
    expect(await rollup()).toEqual(await recount());
    expect(await rollup()).not.toEqual(before);
  });

  it('M-03: a target group or organisation that placements refer to cannot be deleted or renamed', async () => {
    await ctx.db.insertInto('target_groups').values({ code: 'ref_test_group', main_group: 'MG-1', hierarchy_id: null, label_nl: 'Test', label_en: 'Test', counts_toward_agreement: true, sort_order: 990 }).execute();
    await ctx.db.insertInto('placements').values({ ...base(), placement_id: 'REF-2', target_group: 'ref_test_group' }).execute();
    expect(await code(ctx.db.deleteFrom('target_groups').where('code', '=', 'ref_test_group').execute())).toBe('23503');
    expect(await code(ctx.db.updateTable('target_groups').set({ code: 'ref_test_renamed' }).where('code', '=', 'ref_test_group').execute())).toBe('23503');
    expect(await code(ctx.db.updateTable('target_groups').set({ label_nl: 'Nieuw label' }).where('code', '=', 'ref_test_group').execute())).toBe('ok');
    expect(await code(ctx.db.deleteFrom('organisations').where('id', '=', municipalities[1]!).execute())).toBe('ok'); // no placements left there
    await ctx.db.insertInto('placements').values({ ...base(), placement_id: 'REF-3', municipality_id: municipalities[0]! }).execute();
    expect(await code(ctx.db.deleteFrom('organisations').where('id', '=', municipalities[0]!).execute())).toBe('23503');
    await ctx.db.deleteFrom('placements').where('placement_id', '=', 'REF-2').execute();
    expect(await code(ctx.db.deleteFrom('target_groups').where('code', '=', 'ref_test_group').execute())).toBe('ok');
  });
});
