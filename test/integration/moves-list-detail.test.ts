/**
 * One enforcement point for swaps and moves, as a property: for every role, the moves list shows
 * exactly the moves whose detail the role may read (list = detail), and Wonen's queue
 * (awaitingWonen=true) only moves of its municipality that wait for its decision. The moves are
 * generated (fast-check, fixed seed) across care providers, corporations, municipalities, case
 * teams and steps, written straight into the tables (the procedure itself is moves.test.ts).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actFor, orgId, startTestApp, userId, type Agent, type TestContext } from '../support/harness.ts';
import { otherMunicipality } from '../support/case-builder.ts';

let ctx: TestContext;
let otherWonenEmail: string;
const moveIds: string[] = [];

interface Spec {
  careProvider: 'ZA-HORIZON' | 'ZA-ONDERDAK';
  corporation: 'WC-LINDE' | null;
  otherMunicipality: boolean;
  onTeam: boolean;
  /** How far the procedure went: started, submitted (a similar swap: Wonen informed), or an unequal swap submitted (waits for Wonen). */
  stage: 'started' | 'submitted' | 'awaiting';
}

const specArb: fc.Arbitrary<Spec> = fc.record({
  careProvider: fc.constantFrom('ZA-HORIZON' as const, 'ZA-ONDERDAK' as const),
  corporation: fc.constantFrom('WC-LINDE' as const, null),
  otherMunicipality: fc.boolean(),
  onTeam: fc.boolean(),
  stage: fc.constantFrom('started' as const, 'submitted' as const, 'awaiting' as const),
});

async function insertMove(s: Spec, municipalities: { veenhaven: string; other: string }, careWorkerId: string) {
  const now = ctx.clock.now();
  const db = ctx.db;
  const careProviderId = await orgId(ctx, s.careProvider);
  const corporationId = s.corporation ? await orgId(ctx, s.corporation) : null;
  const municipalityId = s.otherMunicipality ? municipalities.other : municipalities.veenhaven;
  const c = await db.insertInto('clients').values({
    care_provider_id: careProviderId, first_name: 'Lijst', last_name: `Bewoner ${moveIds.length}`, birth_date: '1990-01-01', phone: null, email: null, address: null,
    woningnet_number: null, woningnet_registered_on: null, old_woningnet_number: null, old_woningnet_registered_on: null, target_group: null, created_at: now, updated_at: now, erased_at: null,
  }).returning('id').executeTakeFirstOrThrow();
  const t = await db.insertInto('trajectories').values({
    client_id: c.id, care_provider_id: careProviderId, corporation_id: corporationId, corporation_contact_id: null, target_group: null, variant: 'regular',
    phase: 'P7_living', status: 'active', exit: null, started_on: '2025-01-05', dwelling_address: null, state: '{}', created_at: now, updated_at: now, municipality_id: municipalityId,
  }).returning('id').executeTakeFirstOrThrow();
  if (s.onTeam) await db.insertInto('trajectory_team').values({ trajectory_id: t.id, user_id: careWorkerId, organisation_id: careProviderId, case_role: 'personal_supervisor', added_by: null, added_at: now }).execute();
  const unequal = s.stage === 'awaiting';
  const events: Array<[string, Record<string, unknown>]> = [['request_started', { kind: 'swap', currentArea: 50, targetArea: unequal ? 70 : 52, similar: !unequal, facts: { bothConsent: true, bothSuitable: true, corporationAgrees: true } }]];
  if (s.stage !== 'started') events.push(['substantiation_recorded', { summary: 'Onderbouwing' }], ['independent_review_done', {}], ['submitted_to_wonen', {}]);
  const submitted = s.stage !== 'started';
  const m = await db.insertInto('moves').values({
    municipality_id: municipalityId, kind: 'swap', trajectory_id: t.id, other_trajectory_id: null, care_provider_id: careProviderId, corporation_id: corporationId,
    status: submitted ? 'submitted' : 'preparing', awaiting_wonen: unequal, state: JSON.stringify(submitted ? { submittedOn: '2026-02-03' } : {}), created_by: null, created_at: now, updated_at: now,
  }).returning('id').executeTakeFirstOrThrow();
  let seq = 0;
  for (const [type, data] of events) {
    await db.insertInto('move_events').values({ move_id: m.id, municipality_id: municipalityId, seq: ++seq, type, occurred_on: '2026-02-03', data: JSON.stringify(data), recorded_by: null, recorded_by_organisation_id: null, recorded_at: now }).execute();
  }
  moveIds.push(m.id);
}

beforeAll(async () => {
  ctx = await startTestApp();
  const other = await otherMunicipality(ctx);
  otherWonenEmail = other.wonenEmail;
  const municipalities = { veenhaven: await orgId(ctx, 'GEM-VEENHAVEN'), other: other.municipalityId };
  const careWorkerId = await userId(ctx, 'begeleider');
  const fixed: Spec[] = [
    { careProvider: 'ZA-HORIZON', corporation: 'WC-LINDE', otherMunicipality: false, onTeam: true, stage: 'awaiting' },
    { careProvider: 'ZA-ONDERDAK', corporation: 'WC-LINDE', otherMunicipality: false, onTeam: true, stage: 'started' },
    { careProvider: 'ZA-HORIZON', corporation: null, otherMunicipality: true, onTeam: false, stage: 'awaiting' },
    { careProvider: 'ZA-HORIZON', corporation: 'WC-LINDE', otherMunicipality: false, onTeam: false, stage: 'submitted' },
  ];
  for (const s of [...fixed, ...fc.sample(specArb, { numRuns: 12, seed: 10_2026 })]) await insertMove(s, municipalities, careWorkerId);
}, 240_000);
afterAll(async () => ctx?.close());

async function viewers(): Promise<Array<{ label: string; agent: Agent }>> {
  const out: Array<{ label: string; agent: Agent }> = [];
  for (const who of ['teammanager', 'onafhankelijk', 'corporatie', 'wonen', 'mzwo', 'analist', 'admin', 'beheerder', 'redacteur', 'collega']) out.push({ label: who, agent: await ctx.login(who) });
  out.push({ label: 'begeleider@Horizon', agent: await actFor(await ctx.login('begeleider'), 'ZA-HORIZON') });
  out.push({ label: 'begeleider@Onderdak', agent: await actFor(await ctx.login('begeleider'), 'ZA-ONDERDAK') });
  out.push({ label: 'wonen@Dijkstad', agent: await ctx.login(otherWonenEmail) });
  return out;
}

describe('moves: list = detail, for every role', () => {
  it('the list shows exactly the moves whose detail the role may read; Wonen’s queue only what waits for it', async () => {
    const listed = new Map<string, number>();
    for (const { label, agent } of await viewers()) {
      const list = await agent.get('/api/v1/moves');
      if (list.statusCode === 403) {
        // A role without move work may not list, and reads no detail either.
        for (const id of moveIds) expect((await agent.get(`/api/v1/moves/${id}`)).statusCode, `${label} ${id}`).toBe(403);
        continue;
      }
      expect(list.statusCode, `${label}: ${list.body}`).toBe(200);
      const ids = new Set((list.json().items as Array<{ id: string }>).map((x) => x.id));
      for (const id of moveIds) {
        const detail = await agent.get(`/api/v1/moves/${id}`);
        expect([200, 403], `${label} ${id}: ${detail.body}`).toContain(detail.statusCode);
        expect(ids.has(id), `${label}: listed ${ids.has(id)} but detail ${detail.statusCode} for ${id}`).toBe(detail.statusCode === 200);
      }
      const queue = await agent.get('/api/v1/moves?awaitingWonen=true');
      for (const item of queue.json().items as Array<{ id: string; awaitingWonen: boolean; status: string }>) {
        expect([item.awaitingWonen, item.status, ids.has(item.id)]).toEqual([true, 'submitted', true]);
      }
      listed.set(label, ids.size);
    }
    // Not vacuous: every party with move work was shown moves; Wonen only submitted ones of its own municipality.
    for (const label of ['begeleider@Horizon', 'begeleider@Onderdak', 'teammanager', 'onafhankelijk', 'corporatie', 'wonen', 'wonen@Dijkstad']) {
      expect(listed.get(label) ?? 0, label).toBeGreaterThan(0);
    }
    expect(listed.get('mzwo') ?? 0).toBe(0);
  });
});
