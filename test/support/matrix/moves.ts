/**
 * Matrix request templates for the swap-and-move routes (src/modules/matching/moves-routes.ts).
 * A move on each case fixture is written straight into the tables, already submitted to Wonen, so
 * that only the policy decides who reads it (Wonen is served a move once it is submitted).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../src/platform/db/schema.ts';
import type { CaseKind } from '../policy-expectations.ts';
import type { Fx, Req, Templates } from './types.ts';

interface CaseFixture { trajectoryId: string }
type PerCase = (f: Fx, build: (k: CaseFixture, kind: CaseKind) => Promise<Omit<Req, 'relation'>> | Omit<Req, 'relation'>) => Promise<Req[]>;

/** A submitted swap on the fixture's trajectory; returns its id and version. */
async function insertMove(db: Kysely<Database>, trajectoryId: string, now: Date): Promise<{ id: string; version: number }> {
  const t = await db.selectFrom('trajectories').select(['care_provider_id', 'corporation_id', 'municipality_id']).where('id', '=', trajectoryId).executeTakeFirstOrThrow();
  const m = await db.insertInto('moves').values({
    municipality_id: t.municipality_id!, kind: 'swap', trajectory_id: trajectoryId, other_trajectory_id: null, care_provider_id: t.care_provider_id, corporation_id: t.corporation_id,
    status: 'submitted', state: JSON.stringify({ submittedOn: '2026-02-03' }), created_by: null, created_at: now, updated_at: now,
  }).returning(['id', 'version']).executeTakeFirstOrThrow();
  const events: Array<[string, string, Record<string, unknown>]> = [
    ['request_started', '2026-02-01', { kind: 'swap', currentArea: 45, targetArea: 47, similar: true, facts: { bothConsent: true, bothSuitable: true } }],
    ['substantiation_recorded', '2026-02-02', { summary: 'Onderbouwing' }],
    ['independent_review_done', '2026-02-02', {}],
    ['submitted_to_wonen', '2026-02-03', {}],
  ];
  let seq = 0;
  for (const [type, on, data] of events) {
    await db.insertInto('move_events').values({ move_id: m.id, municipality_id: t.municipality_id!, seq: ++seq, type, occurred_on: on, data: JSON.stringify(data), recorded_by: null, recorded_by_organisation_id: null, recorded_at: now }).execute();
  }
  return m;
}

export function moveTemplates(perCase: PerCase, db: () => Kysely<Database>, now: () => Date): Templates {
  return {
    'POST /api/v1/moves': async (f) => perCase(f, (k) => ({ method: 'POST', url: '/api/v1/moves', body: { trajectoryId: k.trajectoryId, kind: 'swap', currentArea: 45, targetArea: 47, similar: true } })),
    'GET /api/v1/moves': async () => [{ method: 'GET', url: '/api/v1/moves', relation: 'none' }],
    'GET /api/v1/moves/:id': async (f) => perCase(f, async (k) => ({ method: 'GET', url: `/api/v1/moves/${(await insertMove(db(), k.trajectoryId, now())).id}` })),
    'GET /api/v1/moves/:id/decision': async (f) => perCase(f, async (k) => ({ method: 'GET', url: `/api/v1/moves/${(await insertMove(db(), k.trajectoryId, now())).id}/decision` })),
    'POST /api/v1/moves/:id/events': async (f) => perCase(f, async (k) => {
      const m = await insertMove(db(), k.trajectoryId, now());
      return { method: 'POST', url: `/api/v1/moves/${m.id}/events`, body: { type: 'facts_recorded', occurredOn: '2026-02-04', data: { bothConsent: true } }, headers: { 'if-match': `"${m.version}"` } };
    }),
  };
}
