/**
 * Matrix request templates for the matching routes (src/modules/matching: dwellings, housing-need
 * profiles, offers, configuration and replay). The fixtures are written straight into the tables:
 * - a dwelling in Veenhaven of the caller's organisation as corporation (case:corporation) or of the
 *   foreign organisation (every other kind), so only the policy decides (Wonen of Veenhaven relates to all);
 * - an offer (OM-AMS, just made) on the case fixture's parties: its care provider and corporation are
 *   the trajectory's, so the caller is the offer's care provider (team, care_provider), its corporation
 *   (corporation) or neither (none);
 * - a housing-need profile on the case fixture's client.
 */
import { sql } from 'kysely';
import { todayIn } from '../../../src/platform/clock.ts';
import { recordOfferEvent } from '../../../src/modules/matching/offer-case.ts';
import { currentConfig } from '../../../src/modules/matching/candidates.ts';
import type { CaseKind } from '../policy-expectations.ts';
import type { Fx, Req, Templates } from './types.ts';

interface CaseFixture { trajectoryId: string; clientId: string }
type PerCase = (f: Fx, build: (k: CaseFixture, kind: CaseKind) => Promise<Omit<Req, 'relation'>> | Omit<Req, 'relation'>) => Promise<Req[]>;

const CASE_KINDS: CaseKind[] = ['team', 'care_provider', 'corporation', 'none'];
const POOL = ['omslag_mobw_adult', 'omslag_young_adult'];
const POSTCODE = '9999ZZ';
/** House numbers: unique per dwelling (the open-address index), apart for inserted and posted dwellings. */
let seq = 0;
const nextNumber = () => 20000 + (seq++ % 70000);

async function orgId(f: Fx, code: string): Promise<string> {
  return (await f.ctx.db.selectFrom('organisations').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
}
const veenhaven = (f: Fx) => orgId(f, 'GEM-VEENHAVEN');

/** The body of POST/PUT /dwellings for an address entered by hand (the BAG lookup is off in tests). */
function dwellingBody(houseNumber: number, municipalityId: string, manual: boolean) {
  return {
    reference: `MATRIX-${houseNumber}`, postcode: POSTCODE, houseNumber,
    ...(manual ? { manualAddress: { street: 'Matrixstraat', city: 'Veenhaven', municipalityId, neighbourhoodCode: 'BU90010100' } } : {}),
    floor: 1, lift: false, facilities: ['Douche'], noise: 'LOW', defects: [], contact: { name: 'Matrix Beheer', role: 'wijkbeheerder' },
    lastNuisanceFileOn: null, liveability: 'OK', accessType: 'porch', rooms: 2, areaM2: 48, dwellingType: 'apartment', wheelchairSuitable: false,
    availableOn: '2026-01-01', pool: POOL, rent: 620,
  };
}

/** An available, offerable dwelling of the corporation in Veenhaven (address entered by hand). */
async function insertDwelling(f: Fx, corporationId: string): Promise<{ id: string; houseNumber: number; version: number }> {
  const now = f.ctx.clock.now();
  const houseNumber = nextNumber();
  const r = await f.ctx.db.insertInto('dwellings').values({
    municipality_id: await veenhaven(f), corporation_id: corporationId, reference: `MATRIX-${houseNumber}`, postcode: POSTCODE, house_number: houseNumber, house_letter: null, house_number_addition: null,
    street: 'Matrixstraat', city: 'Veenhaven', address_verified: false, bag_address_id: null, bag_object_id: null, neighbourhood_code: 'BU90010100', neighbourhood_name: null,
    district_code: null, district_name: null, municipality_code: null, lat: null, lon: null,
    floor: 1, lift: false, facilities: JSON.stringify(['Douche']), facilities_note: null, noise: 'LOW', noise_note: null, defects: JSON.stringify([]),
    contact_name: 'Matrix Beheer', contact_role: 'wijkbeheerder', contact_phone: null, contact_email: null, stairwell_info: null, last_nuisance_file_on: null,
    liveability: 'OK', liveability_note: null, access_type: 'porch', rooms: 2, area_m2: 48, dwelling_type: 'apartment', wheelchair_suitable: false, inside_ring: null,
    liquor_shop_distance_m: null, available_on: todayIn(f.ctx.clock), pool: sql<string[]>`${sql.val(`{${POOL.join(',')}}`)}::text[]`, rent: 620,
    created_by: null, created_at: now, updated_at: now,
  }).returning(['id', 'version']).executeTakeFirstOrThrow();
  return { id: r.id, houseNumber, version: r.version };
}

/** One request per case kind on a dwelling: the caller's organisation is the corporation for case:corporation only. */
async function perDwelling(f: Fx, build: (d: { id: string; houseNumber: number; version: number }) => Omit<Req, 'relation'>): Promise<Req[]> {
  const out: Req[] = [];
  for (const kind of CASE_KINDS) out.push({ ...build(await insertDwelling(f, kind === 'corporation' ? f.me.orgId : f.foreignOrg)), relation: `case:${kind}` });
  return out;
}

/** An OM-AMS offer, just made, between the trajectory's corporation and care provider (through the offer's write path). */
async function insertOffer(f: Fx, trajectoryId: string): Promise<{ id: string; version: number }> {
  const db = f.ctx.db;
  const clock = f.ctx.clock;
  const t = await db.selectFrom('trajectories').select(['care_provider_id', 'corporation_id', 'municipality_id']).where('id', '=', trajectoryId).executeTakeFirstOrThrow();
  const d = await insertDwelling(f, t.corporation_id!);
  const today = todayIn(clock);
  const now = clock.now();
  return db.transaction().execute(async (trx) => {
    const o = await trx.insertInto('offers').values({
      municipality_id: t.municipality_id!, dwelling_id: d.id, corporation_id: t.corporation_id!, model: 'OM-AMS', care_provider_id: t.care_provider_id, trajectory_id: null, proposal_id: null,
      status: 'offered', offered_on: today, available_on: today, lease_type: 'intermediary', extra_clauses: JSON.stringify([]), state: JSON.stringify({}), created_by: null, created_at: now, updated_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    const r = await recordOfferEvent(trx, o.id, { type: 'offer_made', occurredOn: today, data: {} },
      () => ({ userId: f.me.userId, organisationId: t.corporation_id!, role: 'corporation_contact', party: 'corporation', purpose: 'PB-1' }),
      { clock, eligible: () => ({ eligible: true, failing: [] }) });
    return { id: o.id, version: r.version };
  });
}

const PROFILE = { preferred: [], excluded: [{ code: 'BU90010500', name: 'Oude Haven', reason: 'Oud netwerk' }], circumstances: ['pets'], schools: [], avoidLiquorShop: true, lowStimulus: null, needsWheelchair: false, groundFloorOrLift: null };

async function insertProfile(f: Fx, clientId: string): Promise<void> {
  const now = f.ctx.clock.now();
  await f.ctx.db.insertInto('housing_profiles').values({
    client_id: clientId, municipality_id: await veenhaven(f), preferred: JSON.stringify([]), excluded: JSON.stringify(PROFILE.excluded), circumstances: JSON.stringify(['pets']),
    circumstances_note: null, schools: JSON.stringify([]), care_needed: 'Begeleiding 4 uur per week', avoid_liquor_shop: true, low_stimulus: null, needs_wheelchair: false,
    ground_floor_or_lift: null, ggd_advice_on: null, other_constraints: null, monthly_income: null, form_version_id: null, updated_by: null, created_at: now, updated_at: now,
  }).execute();
}

export function matchingTemplates(perCase: PerCase): Templates {
  return {
    // Dwellings: the corporation's own; Wonen of the dwelling's municipality reads them.
    'GET /api/v1/dwellings': async () => [{ method: 'GET', url: '/api/v1/dwellings?limit=5', relation: 'none' }],
    'POST /api/v1/dwellings': async (f) => [{ method: 'POST', url: '/api/v1/dwellings', body: dwellingBody(nextNumber(), await veenhaven(f), true), relation: 'none' }],
    'GET /api/v1/dwellings/:id': async (f) => perDwelling(f, (d) => ({ method: 'GET', url: `/api/v1/dwellings/${d.id}` })),
    'PUT /api/v1/dwellings/:id': async (f) => {
      const m = await veenhaven(f);
      return perDwelling(f, (d) => ({ method: 'PUT', url: `/api/v1/dwellings/${d.id}`, body: { ...dwellingBody(d.houseNumber, m, false), rent: 640 }, headers: { 'if-match': `"${d.version}"` } }));
    },
    'POST /api/v1/dwellings/:id/unsuitable': async (f) => perDwelling(f, (d) => ({
      method: 'POST', url: `/api/v1/dwellings/${d.id}/unsuitable`, body: { reasonCode: 'DWELLING_DEFECT', reason: 'Vochtprobleem in de badkamer' }, headers: { 'if-match': `"${d.version}"` },
    })),
    'POST /api/v1/dwellings/import': async (f) => {
      const header = 'reference,postcode,house_number,street,city,municipality_id,neighbourhood_code,floor,lift,facilities,noise,contact_name,contact_role,liveability,access_type,rooms,area_m2,dwelling_type,wheelchair_suitable,available_on,pool,rent';
      const n = nextNumber();
      const row = `MATRIX-${n},${POSTCODE},${n},Matrixstraat,Veenhaven,${await veenhaven(f)},BU90010100,1,nee,Douche,LOW,Matrix Beheer,wijkbeheerder,OK,porch,2,48,apartment,nee,2026-01-01,${POOL.join('|')},620`;
      return [{ method: 'POST', url: '/api/v1/dwellings/import', body: `${header}\n${row}\n`, headers: { 'content-type': 'text/csv' }, relation: 'none' }];
    },
    'GET /api/v1/addresses/lookup': async () => [{ method: 'GET', url: '/api/v1/addresses/lookup?postcode=1011AB&houseNumber=1', relation: 'none' }],

    // Housing-need profiles: on the case fixture's client.
    'GET /api/v1/application-form-versions': async () => [{ method: 'GET', url: '/api/v1/application-form-versions', relation: 'none' }],
    'GET /api/v1/clients/:id/housing-profile': async (f) => perCase(f, async (k) => {
      await insertProfile(f, k.clientId);
      return { method: 'GET', url: `/api/v1/clients/${k.clientId}/housing-profile` };
    }),
    'PUT /api/v1/clients/:id/housing-profile': async (f) => perCase(f, (k) => ({ method: 'PUT', url: `/api/v1/clients/${k.clientId}/housing-profile`, body: PROFILE, headers: { 'if-match': '"0"' } })),

    // Offers: a dwelling of the case fixture's corporation, offered to its care provider.
    'POST /api/v1/offers': async (f) => {
      const careProvider = await orgId(f, 'ZA-HORIZON');
      return perCase(f, async (k) => {
        const t = await f.ctx.db.selectFrom('trajectories').select('corporation_id').where('id', '=', k.trajectoryId).executeTakeFirstOrThrow();
        const d = await insertDwelling(f, t.corporation_id!);
        return { method: 'POST', url: '/api/v1/offers', body: { dwellingId: d.id, careProviderId: careProvider, leaseType: 'intermediary' } };
      });
    },
    'GET /api/v1/offers': async () => [{ method: 'GET', url: '/api/v1/offers?status=all&limit=5', relation: 'none' }],
    'GET /api/v1/offers/:id': async (f) => perCase(f, async (k) => ({ method: 'GET', url: `/api/v1/offers/${(await insertOffer(f, k.trajectoryId)).id}` })),
    'GET /api/v1/offers/:id/candidates': async (f) => perCase(f, async (k) => ({ method: 'GET', url: `/api/v1/offers/${(await insertOffer(f, k.trajectoryId)).id}/candidates` })),
    // A reply is the care provider's step; another party is refused by the offer's transition table (actor_not_allowed), not by the policy.
    'POST /api/v1/offers/:id/events': async (f) => perCase(f, async (k) => {
      const o = await insertOffer(f, k.trajectoryId);
      return { method: 'POST', url: `/api/v1/offers/${o.id}/events`, body: { type: 'replied', occurredOn: todayIn(f.ctx.clock), data: { reply: 'decline', reasonCodes: ['neighbourhood'], reasons: 'Te ver van het netwerk van de cliënt' } }, headers: { 'if-match': `"${o.version}"` } };
    }),

    // Configuration and replay of the caller's own municipality (Veenhaven; Wonen's through its directorate).
    'GET /api/v1/matching/config': async (f) => [{ method: 'GET', url: `/api/v1/matching/config?municipalityId=${await veenhaven(f)}`, relation: 'own' }],
    'PUT /api/v1/matching/config': async (f) => {
      const m = await veenhaven(f);
      const cur = await currentConfig(f.ctx.db, m);
      return [{ method: 'PUT', url: '/api/v1/matching/config', body: { municipalityId: m, expectedVersion: cur.version, config: cur.config, note: 'Matrix: ongewijzigd' }, relation: 'own' }];
    },
    'POST /api/v1/matching/replay': async (f) => [{ method: 'POST', url: '/api/v1/matching/replay', body: { municipalityId: await veenhaven(f), from: '2025-01-01', to: '2026-12-31', config: {} }, relation: 'own' }],
  };
}
