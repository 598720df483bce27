/**
 * Matrix request templates for the nuisance protocol's routes (src/modules/nuisance). Per case
 * fixture (its trajectory's care provider and corporation) the rows are written straight into the
 * tables, so that only the policy decides:
 * - a nuisance case about the trajectory (municipality from the trajectory, not reported to the hub:
 *   hub_involved false) with one report, linked by the care provider;
 * - a letter on that case (a warning letter, its copy already sent to the corporation);
 * - a New Chance case of the trajectory's corporation, applied for by the fixture's care provider and
 *   granted (R-OV-64: Wonen of the municipality reads it), run by another municipality's hub.
 * A report is about the trajectory's dwelling, which lies in another municipality with its own hub,
 * so the caller's hub has no relation to it (the hub's own reports are in nuisance-access.test.ts).
 * The hub routes relate to the caller's own hub (own) or to a hub the caller does not work for
 * (foreign). The lists and the New Chance application have no case: `none`; the hub's own right
 * to list and apply (its grants on case_hub) is not in the matrix's table and is tested in
 * test/integration/nuisance-access.test.ts, so those templates leave the hub's caller out.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../src/platform/db/schema.ts';
import { todayIn } from '../../../src/platform/clock.ts';
import type { LetterInput } from '../../../src/domain/nuisance/letters.ts';
import type { NewChanceEventInput, NuisanceEventInput } from '../../../src/domain/nuisance/model.ts';
import { deriveNuisanceState } from '../../../src/domain/nuisance/protocol.ts';
import { deriveNewChanceState } from '../../../src/domain/nuisance/new-chance.ts';
import type { CaseKind } from '../policy-expectations.ts';
import type { Fx, Req, Templates } from './types.ts';

interface CaseFixture { trajectoryId: string }
type PerCase = (f: Fx, build: (k: CaseFixture, kind: CaseKind) => Promise<Omit<Req, 'relation'>> | Omit<Req, 'relation'>) => Promise<Req[]>;
type Db = Kysely<Database>;

let seq = 0;
const uniq = () => `${Date.now().toString(36)}${(seq++).toString(36)}`.toUpperCase();

async function orgIdOf(db: Db, code: string): Promise<string> {
  return (await db.selectFrom('organisations').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
}

async function isHub(f: Fx): Promise<boolean> {
  const o = await f.ctx.db.selectFrom('organisations').select('type').where('id', '=', f.me.orgId).executeTakeFirst();
  return o?.type === 'nuisance_hub';
}

/** Another municipality with its own hub (made once per app): nobody of the demo works for either. */
const otherHubs = new WeakMap<object, Promise<{ municipalityId: string; hubId: string }>>();
function otherHub(f: Fx): Promise<{ municipalityId: string; hubId: string }> {
  let p = otherHubs.get(f.ctx);
  if (!p) {
    p = (async () => {
      const now = f.ctx.clock.now();
      const org = async (code: string, type: string, parent: string | null, municipalityCode: string | null = null) => (await f.ctx.db.insertInto('organisations').values({
        code, name: `Matrix ${code}`, type, parent_id: parent, region_id: null, municipality_code: municipalityCode, contact_role_label: null, email: null, phone: null, created_at: now, updated_at: now,
      }).returning('id').executeTakeFirstOrThrow()).id;
      const municipalityId = await org(`GEM-MATRIX-${uniq()}`, 'municipality', null, `GM${7000 + Math.floor(Math.random() * 1000)}`);
      const hubId = await org(`MZWO-MATRIX-${uniq()}`, 'nuisance_hub', municipalityId);
      f.ctx.server.app.scopes.invalidate();
      return { municipalityId, hubId };
    })();
    otherHubs.set(f.ctx, p);
  }
  return p;
}

async function trajectoryOf(db: Db, id: string) {
  return db.selectFrom('trajectories').select(['id', 'care_provider_id', 'corporation_id', 'municipality_id']).where('id', '=', id).executeTakeFirstOrThrow();
}

/** A nuisance case about the trajectory with one report (C1, a neighbour) linked by the care provider; returns its id and version. */
async function insertNuisanceCase(f: Fx, trajectoryId: string): Promise<{ id: string; version: number; reportId: string; municipalityId: string }> {
  const db = f.ctx.db;
  const t = await trajectoryOf(db, trajectoryId);
  const municipalityId = t.municipality_id!;
  const now = f.ctx.clock.now();
  const today = todayIn(f.ctx.clock);
  const key = `T-${t.id}`;
  const c = await db.insertInto('nuisance_cases').values({
    municipality_id: municipalityId, hub_id: await orgIdOf(db, 'MZWO-VEENHAVEN'), hub_involved: false, district_code: null, district_name: null, address_key: key, address: 'Matrixstraat 1, 9999 ZZ Veenhaven',
    dwelling_id: null, trajectory_id: t.id, care_provider_id: t.care_provider_id, corporation_id: t.corporation_id, has_support: true, status: 'received', state: JSON.stringify({}),
    opened_on: today, created_by: null, created_at: now, updated_at: now,
  }).returning('id').executeTakeFirstOrThrow();
  const r = await db.insertInto('nuisance_reports').values({
    municipality_id: municipalityId, case_id: c.id, channel: 'C1', nuisance_type: 'noise', description: 'Harde muziek na middernacht.', occurred_at: null, received_at: now, received_on: today,
    reporter_name: 'M. Buur', reporter_phone: '0612345678', reporter_email: null, reporter_relation: 'neighbour', reporter_key: null, counts_against_resident: true, address_key: key,
    reported_by: null, reported_by_organisation_id: t.care_provider_id, created_at: now, care_provider_id: t.care_provider_id,
  }).returning('id').executeTakeFirstOrThrow();
  const report = { id: r.id, channel: 'C1', nuisanceType: 'noise', occurredAt: null, receivedOn: today, reporterKey: null, countsAgainstResident: true };
  await db.insertInto('nuisance_events').values({
    case_id: c.id, municipality_id: municipalityId, seq: 1, type: 'report_linked', occurred_on: today, data: JSON.stringify({ report }), recorded_by: null, recorded_by_organisation_id: t.care_provider_id, recorded_at: now,
  }).execute();
  // The stored state is the events' state, as the case's write path keeps it (the lists read it).
  const state = deriveNuisanceState({ hasSupport: true, highRisk: false }, [{ seq: 1, type: 'report_linked', occurredOn: today, data: { report } } as NuisanceEventInput & { seq: number }]);
  const v = await db.updateTable('nuisance_cases').set({ event_count: 1, state: JSON.stringify(state), status: state.status }).where('id', '=', c.id).returning('version').executeTakeFirstOrThrow();
  return { id: c.id, version: v.version, reportId: r.id, municipalityId };
}

const AGREEMENTS = ['Na 22.00 uur geen harde muziek'];

/** A warning letter on a fresh nuisance case of the trajectory, its copy sent to the corporation (§6.5). */
async function insertLetter(f: Fx, trajectoryId: string): Promise<{ id: string; caseVersion: number }> {
  const c = await insertNuisanceCase(f, trajectoryId);
  const today = todayIn(f.ctx.clock);
  const input: LetterInput = {
    kind: 'warning_letter', issuedOn: today, resident: { name: 'de bewoner', address: 'Matrixstraat 1, 9999 ZZ Veenhaven' },
    careProvider: { name: 'Zorgaanbieder', reportingPointPhone: '020 123 4567', reportingPointEmail: null, outOfHoursPhone: null },
    corporation: { name: 'Woningcorporatie' }, author: { name: 'Test Persoon', role: 'Begeleider' },
    nuisanceTypes: ['noise'], behaviour: 'Harde muziek na 22.00 uur.', agreementsNotKept: AGREEMENTS, nextSteps: null, newChance: null,
  };
  const l = await f.ctx.db.insertInto('nuisance_letters').values({
    municipality_id: c.municipalityId, case_kind: 'nuisance', case_id: c.id, kind: 'warning_letter', action: 3, input: JSON.stringify(input), issued_on: today, copied_on: today,
    created_by: null, created_at: f.ctx.clock.now(),
  }).returning('id').executeTakeFirstOrThrow();
  return { id: l.id, caseVersion: c.version };
}

/**
 * A granted New Chance (requested, the bodies' decisions, the letter) for a tenant of the
 * trajectory's corporation, applied for by the fixture's care provider and given to it, run by
 * another municipality's hub in the trajectory's municipality.
 */
async function insertNewChance(f: Fx, trajectoryId: string): Promise<{ id: string; version: number }> {
  const db = f.ctx.db;
  const t = await trajectoryOf(db, trajectoryId);
  const { hubId } = await otherHub(f);
  const now = f.ctx.clock.now();
  const today = todayIn(f.ctx.clock);
  const c = await db.insertInto('new_chance_cases').values({
    municipality_id: t.municipality_id!, hub_id: hubId, district_code: null, district_name: null, address_key: `NK-${uniq()}`, address: 'Matrixstraat 2, 9999 ZZ Veenhaven', resident_name: 'Test Huurder',
    corporation_id: t.corporation_id!, care_provider_id: t.care_provider_id, nuisance_case_id: null, step: 'NK-9', state: JSON.stringify({}), granted_on: today, requested_on: today,
    created_by: null, created_by_organisation_id: t.care_provider_id, created_at: now, updated_at: now,
  }).returning('id').executeTakeFirstOrThrow();
  const events: Array<[string, Record<string, unknown>]> = [
    ['requested', { requestedBy: 'care_provider', corporationCode: 'WC-LINDE', seriousNuisance: true, careNotDeliverable: true, note: null }],
    ['ko_decided', { suitable: true }],
    ['home_visit_held', { careCannotBeDeliveredHere: true }],
    ['resident_conversation', { willing: 'yes' }],
    ['go_decided', { suitable: true, residentWilling: true, residentAttended: true, careProviderId: t.care_provider_id, move: false, termMonths: null, housingNeeds: null, temporaryStay: false }],
    ['letter_issued', { letterId: '00000000-0000-4000-8000-000000000000' }],
  ];
  let n = 0;
  for (const [type, data] of events) {
    await db.insertInto('new_chance_events').values({ case_id: c.id, municipality_id: t.municipality_id!, seq: ++n, type, occurred_on: today, data: JSON.stringify(data), recorded_by: null, recorded_by_organisation_id: null, recorded_at: now }).execute();
  }
  const state = deriveNewChanceState(events.map(([type, data]) => ({ type, occurredOn: today, data }) as NewChanceEventInput));
  const v = await db.updateTable('new_chance_cases').set({ event_count: n, state: JSON.stringify(state), step: state.step }).where('id', '=', c.id).returning('version').executeTakeFirstOrThrow();
  return { id: c.id, version: v.version };
}

/** The trajectory's dwelling lies in another municipality (with its own hub): reports about it relate to the care provider and corporation only. */
async function dwellingElsewhere(f: Fx, trajectoryId: string): Promise<string> {
  const { municipalityId } = await otherHub(f);
  await f.ctx.db.updateTable('trajectories').set({ dwelling_municipality_id: municipalityId }).where('id', '=', trajectoryId).execute();
  return trajectoryId;
}

const REPORT = (trajectoryId: string) => ({
  channel: 'C3', nuisanceType: 'noise', description: 'Harde muziek na middernacht, gemeld bij de wijkagent.', reporter: { name: 'Wijkagent', relation: 'police' }, about: { trajectoryId },
});

/** A request without a case for every caller but the hub (whose case_hub grants the matrix's table does not hold). */
async function noCase(f: Fx, req: Omit<Req, 'relation'>): Promise<Req[]> {
  return (await isHub(f)) ? [] : [{ ...req, relation: 'none' }];
}

export function nuisanceTemplates(perCase: PerCase): Templates {
  return {
    'GET /api/v1/nuisance/reports/related': async (f) => perCase(f, async (k) => ({ method: 'GET', url: `/api/v1/nuisance/reports/related?trajectoryId=${await dwellingElsewhere(f, k.trajectoryId)}` })),
    'POST /api/v1/nuisance/reports': async (f) => perCase(f, async (k) => ({ method: 'POST', url: '/api/v1/nuisance/reports', body: REPORT(await dwellingElsewhere(f, k.trajectoryId)) })),
    'GET /api/v1/nuisance/reports/incoming': async (f) => noCase(f, { method: 'GET', url: '/api/v1/nuisance/reports/incoming' }),
    'GET /api/v1/nuisance/cases': async (f) => noCase(f, { method: 'GET', url: '/api/v1/nuisance/cases' }),
    'GET /api/v1/nuisance/cases/:id': async (f) => perCase(f, async (k) => ({ method: 'GET', url: `/api/v1/nuisance/cases/${(await insertNuisanceCase(f, k.trajectoryId)).id}` })),
    'POST /api/v1/nuisance/cases/:id/events': async (f) => perCase(f, async (k) => {
      const c = await insertNuisanceCase(f, k.trajectoryId);
      return { method: 'POST', url: `/api/v1/nuisance/cases/${c.id}/events`, body: { type: 'reporter_contacted', occurredOn: todayIn(f.ctx.clock), data: { reportId: c.reportId, note: null } }, headers: { 'if-match': `"${c.version}"` } };
    }),
    'POST /api/v1/nuisance/cases/:id/letters': async (f) => perCase(f, async (k) => {
      const c = await insertNuisanceCase(f, k.trajectoryId);
      return { method: 'POST', url: `/api/v1/nuisance/cases/${c.id}/letters`, body: { kind: 'written_feedback', behaviour: 'Harde muziek na 22.00 uur.', agreementsNotKept: AGREEMENTS }, headers: { 'if-match': `"${c.version}"` } };
    }),
    'GET /api/v1/nuisance/letters/:id/pdf': async (f) => perCase(f, async (k) => ({ method: 'GET', url: `/api/v1/nuisance/letters/${(await insertLetter(f, k.trajectoryId)).id}/pdf` })),
    'POST /api/v1/nuisance/letters/:id/signature': async (f) => perCase(f, async (k) => {
      const l = await insertLetter(f, k.trajectoryId);
      return { method: 'POST', url: `/api/v1/nuisance/letters/${l.id}/signature`, body: { signedOn: todayIn(f.ctx.clock), signature: 'signed', readAloud: true }, headers: { 'if-match': `"${l.caseVersion}"` } };
    }),
    'POST /api/v1/nuisance/letters/:id/copy': async (f) => perCase(f, async (k) => {
      const l = await insertLetter(f, k.trajectoryId);
      return { method: 'POST', url: `/api/v1/nuisance/letters/${l.id}/copy`, body: { copiedOn: todayIn(f.ctx.clock) }, headers: { 'if-match': `"${l.caseVersion}"` } };
    }),
    // The hub's overview and address check are of the caller's own hub; for anyone else they are a hub it does not work for.
    'GET /api/v1/nuisance/hub/overview': async (f) => [{ method: 'GET', url: '/api/v1/nuisance/hub/overview', relation: (await isHub(f)) ? 'own' : 'foreign' }],
    'GET /api/v1/nuisance/hub/address-check': async (f) => [{ method: 'GET', url: '/api/v1/nuisance/hub/address-check?postcode=9001AA&houseNumber=3', relation: (await isHub(f)) ? 'own' : 'foreign' }],
    'POST /api/v1/new-chance': async (f) => noCase(f, {
      method: 'POST', url: '/api/v1/new-chance',
      body: { corporationId: await orgIdOf(f.ctx.db, 'WC-LINDE'), residentName: 'Test Huurder', address: { postcode: '9999ZZ', houseNumber: 3 }, requestedBy: 'care_provider', seriousNuisance: true, careNotDeliverable: true, note: null },
    }),
    'GET /api/v1/new-chance': async (f) => noCase(f, { method: 'GET', url: '/api/v1/new-chance' }),
    'GET /api/v1/new-chance/:id': async (f) => perCase(f, async (k) => ({ method: 'GET', url: `/api/v1/new-chance/${(await insertNewChance(f, k.trajectoryId)).id}` })),
    'POST /api/v1/new-chance/:id/events': async (f) => perCase(f, async (k) => {
      const c = await insertNewChance(f, k.trajectoryId);
      return { method: 'POST', url: `/api/v1/new-chance/${c.id}/events`, body: { type: 'goals_set', occurredOn: todayIn(f.ctx.clock), data: { goals: ['Huur op tijd betalen'] } }, headers: { 'if-match': `"${c.version}"` } };
    }),
    'POST /api/v1/new-chance/:id/letter': async (f) => perCase(f, async (k) => {
      const c = await insertNewChance(f, k.trajectoryId);
      return { method: 'POST', url: `/api/v1/new-chance/${c.id}/letter`, headers: { 'if-match': `"${c.version}"` } };
    }),
    // The start conversation of the fixture's trajectory (R-OV-14…R-OV-17): the first record is written with If-Match "0".
    'GET /api/v1/trajectories/:id/nuisance-prevention': async (f) => perCase(f, (k) => ({ method: 'GET', url: `/api/v1/trajectories/${k.trajectoryId}/nuisance-prevention` })),
    'PUT /api/v1/trajectories/:id/nuisance-prevention': async (f) => perCase(f, async (k) => {
      const current = await f.ctx.db.selectFrom('nuisance_prevention').select('version').where('trajectory_id', '=', k.trajectoryId).executeTakeFirst();
      return {
        method: 'PUT', url: `/api/v1/trajectories/${k.trajectoryId}/nuisance-prevention`, headers: { 'if-match': `"${current?.version ?? 0}"` },
        body: {
          heldOn: null, furnishingRules: true, behaviourAndConsequences: false, neighbours: false, acquaintance: 'planned',
          furnishing: { floorCovering: true, curtains: true, hardFloor: false, receiptKept: false, underlay: null }, highRisk: false, note: null,
        },
      };
    }),
  };
}
