/**
 * Demo data for matching, so both offer models are alive on `npm start`:
 * - Veenhaven (OM-AMS): De Linde Wonen's dwellings at official (BAG) addresses, one offered today to
 *   Zorggroep Horizon (its care worker nominates a client), one not offerable (recent nuisance file);
 *   Horizon's waiting clients with housing-need profiles.
 * - Bergstede (GM9003, OM-UTR), a second demo region with one municipality: Bergstede Wonen's dwellings, one
 *   with a proposal of three candidates waiting for the corporation's choice; Het Vierde Huis's waiting
 *   clients. The demo corporation contact and care worker also work there (switch organisation).
 * Every case step goes through its case's one write path.
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { todayIn, type Clock } from '../../platform/clock.ts';
import { addPeriod } from '../../domain/calendar/index.ts';
import { isTypedEventInput, type EventType } from '../../domain/trajectories/index.ts';
import { CaseEventRefused } from '../../platform/cases/engine.ts';
import { propose } from '../../domain/matching/engine.ts';
import type { MatchingConfig } from '../../domain/matching/model.ts';
import { DEFAULT_MATCHING_CONFIG } from '../../domain/matching/config.ts';
import { recordTrajectoryEvent, type TrajectoryActor } from '../trajectories/index.ts';
import { BAG_FIXTURE_ADDRESSES, BERGSTEDE_ADDRESSES } from './bag-fixtures.ts';
import type { BagAddress } from './bag.ts';
import { candidateFacts, candidatePrefilter, dwellingFacts } from './candidates.ts';
import { recordOfferEvent } from './offer-case.ts';

type Db = Kysely<Database>;

export const DEMO_FORM_VERSIONS = [
  {
    id: 'beter-wonen-2020', name: 'Aanvraagformulier Beter Wonen (2020)', valid_from: '2020-01-01',
    topics: ['Huishouden en kinderen', 'Woonwensen en wijken', 'Zorg en begeleiding', 'Verslaving en prikkels', 'Financiën', 'Netwerk en mantelzorg', 'Gezondheid en toegankelijkheid'],
  },
  {
    id: 'woonbehoefteprofiel-2020', name: 'Woonbehoefteprofiel Tien Werkafspraken (2020)', valid_from: '2020-06-01',
    topics: ['Voorkeur of uitsluiting van wijken, met reden', 'Specifieke omstandigheden van cliënt en huishouden', 'Schoolgaande kinderen', 'Toegankelijkheid (rolstoel, begane grond, lift)', 'Prikkelarm wonen', 'Geen drankwinkel in de buurt'],
  },
];

interface DwellingSpec {
  address: BagAddress; floor: number; lift: boolean; rooms: number; area: number; type: string; access: 'porch' | 'gallery' | 'ground_level' | 'other';
  noise: 'LOW' | 'MEDIUM' | 'HIGH'; rent: number; wheelchair?: boolean; nuisanceDaysAgo?: number; liveability?: 'OK' | 'UNDER_PRESSURE'; liquor?: number | null; availableIn: number;
  pool: string[]; facilities: string[]; defects?: string[];
}

const ADULT = ['omslag_mobw_adult', 'omslag_mobw_family', 'omslag_young_adult', 'social_medical_urgent'];

interface WaitingClient {
  first: string; last: string; birth: string; group: string; waitingDays: number;
  children?: number[]; partner?: boolean;
  profile: { preferred?: Array<[string, string, string]>; excluded?: Array<[string, string, string]>; lowStimulus?: boolean; avoidLiquorShop?: boolean; needsWheelchair?: boolean; groundFloorOrLift?: boolean; care?: string; income?: number };
}

async function orgId(db: Db, code: string) {
  return (await db.selectFrom('organisations').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
}

/** A client who waits for a dwelling: through referral, decision, urgency and active mediation (P3), with a profile. */
async function seedWaitingClient(db: Db, clock: Clock, c: WaitingClient, p: { careProviderId: string; wonenOrgId: string; cw: string; won: string; formVersion: string }) {
  const today = todayIn(clock);
  const ago = (n: number) => addPeriod(today, -n, 'days');
  const now = clock.now();
  return db.transaction().execute(async (trx) => {
    const client = await trx.insertInto('clients').values({
      care_provider_id: p.careProviderId, first_name: c.first, last_name: c.last, birth_date: c.birth, phone: '06 0000 0000', email: null, address: 'Opvang, tijdelijk adres',
      woningnet_number: `WN-${c.birth.replaceAll('-', '')}${c.last.length}`, woningnet_registered_on: ago(c.waitingDays + 800), old_woningnet_number: null, old_woningnet_registered_on: null,
      target_group: c.group, created_at: now, updated_at: now, erased_at: null,
    }).returning('id').executeTakeFirstOrThrow();
    if (c.partner) await trx.insertInto('household_members').values({ client_id: client.id, kind: 'partner', name: 'Partner', birth_date: null, created_at: now }).execute();
    const childIds: string[] = [];
    for (const [i, year] of (c.children ?? []).entries()) {
      const ch = await trx.insertInto('household_members').values({ client_id: client.id, kind: 'child', name: `Kind ${i + 1}`, birth_date: `${year}-06-01`, created_at: now }).returning('id').executeTakeFirstOrThrow();
      childIds.push(ch.id);
    }
    const start = ago(c.waitingDays + 60);
    const t = await trx.insertInto('trajectories').values({
      client_id: client.id, care_provider_id: p.careProviderId, corporation_id: null, corporation_contact_id: null, target_group: c.group, variant: 'regular',
      phase: 'P0_consent', status: 'active', exit: null, started_on: start, dwelling_address: null, state: '{}', created_at: now, updated_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    await trx.insertInto('trajectory_team').values({ trajectory_id: t.id, user_id: p.cw, organisation_id: p.careProviderId, case_role: 'personal_supervisor', added_by: p.cw, added_at: now }).execute();
    const consent = await trx.insertInto('consents').values({
      client_id: client.id, purposes: ['PB-1', 'PB-2', 'PB-3', 'PB-4', 'PB-5', 'PB-6', 'PB-7'], given_on: start,
      explained_items: JSON.stringify(['what', 'why', 'which_information', 'with_whom', 'storage_and_retention', 'rights']), explained_by: p.cw, retention: 'Tot 2 jaar na afsluiting van het traject', recorded_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    const cw: TrajectoryActor = { userId: p.cw, role: 'care_worker', kinds: ['care_provider'], isPersonalSupervisor: true, organisationId: p.careProviderId, relation: null, purpose: 'case_management' };
    const won: TrajectoryActor = { userId: p.won, role: 'wonen_officer', kinds: ['wonen'], isPersonalSupervisor: false, organisationId: p.wonenOrgId, relation: null, purpose: null };
    const goals = [
      { id: 'g1', domain: 'daytime_activities', text: 'Dagbesteding drie dagdelen per week', linkedToUrgency: true },
      { id: 'g2', domain: 'social_functioning', text: 'Netwerk in de buurt opbouwen', linkedToUrgency: false },
      { id: 'g3', domain: 'psychological_functioning', text: 'Behandeling volhouden', linkedToUrgency: true },
      { id: 'g4', domain: 'financial_functioning', text: 'Huur en vaste lasten op tijd betalen', linkedToUrgency: true },
    ];
    const steps: Array<[EventType, string, Record<string, unknown>, TrajectoryActor]> = [
      ['trajectory_started', start, { variant: 'regular' }, cw],
      ['consent_given', start, { consentId: consent.id }, cw],
      ['housing_needs_recorded', start, { preferredNeighbourhoods: (c.profile.preferred ?? []).map((x) => x[1]), excludedNeighbourhoods: (c.profile.excluded ?? []).map((x) => x[1]), circumstances: 'Zie woonbehoefteprofiel', schoolProximity: childIds.length ? 'Dicht bij school blijven' : '' }, cw],
      ['referral_analysis_recorded', start, { c1PaysRent: true, c2GoodNeighbour: true, c3AcceptsSupport: true, c4GoalsMatchLifeDomains: true, c5ChildrenEnvironment: childIds.length ? true : null, nuisanceRisk: 'Laag' }, cw],
      ['goals_set', start, { goals }, cw],
      ['referral_submitted', start, {}, cw],
      ['decision_issued', ago(c.waitingDays + 20), {}, cw],
      ['urgency_granted', ago(c.waitingDays + 5), { conditional: true }, won],
      ['active_mediation_started', ago(c.waitingDays), {}, won],
    ];
    for (const [type, occurredOn, data, actor] of steps) {
      const input = { type, occurredOn, data, correctsEventId: null };
      if (!isTypedEventInput(input)) throw new Error(`demo matching ${c.first}: ${type}: data does not fit`);
      try {
        await recordTrajectoryEvent(trx, t.id, input, () => actor, { clock });
      } catch (err) {
        if (err instanceof CaseEventRefused) throw new Error(`demo matching ${c.first}: ${type}: ${err.violations.map((v) => v.code).join(', ')}`);
        throw err;
      }
    }
    const area = (x: [string, string, string]) => ({ code: x[0], name: x[1], reason: x[2] });
    await trx.insertInto('housing_profiles').values({
      client_id: client.id, municipality_id: null, preferred: JSON.stringify((c.profile.preferred ?? []).map(area)), excluded: JSON.stringify((c.profile.excluded ?? []).map(area)),
      circumstances: JSON.stringify(childIds.length ? ['informal_carers_nearby'] : []), circumstances_note: null,
      schools: JSON.stringify(childIds.map((id, i) => ({ childId: id, name: `Basisschool ${i === 0 ? 'De Regenboog' : 'Het Anker'}`, lat: 52.705 + i * 0.004, lon: 6.198 }))),
      care_needed: c.profile.care ?? 'Ambulante begeleiding, 4 uur per week', avoid_liquor_shop: c.profile.avoidLiquorShop ?? false, low_stimulus: c.profile.lowStimulus ?? false,
      needs_wheelchair: c.profile.needsWheelchair ?? false, ground_floor_or_lift: c.profile.groundFloorOrLift ?? false, ggd_advice_on: c.profile.groundFloorOrLift ? ago(c.waitingDays + 30) : null,
      other_constraints: null, monthly_income: c.profile.income ?? 1350, form_version_id: p.formVersion, updated_by: p.cw, created_at: now, updated_at: now,
    }).execute();
    await trx.updateTable('housing_profiles').set({ municipality_id: sql`(SELECT municipality_id FROM trajectories WHERE id = ${t.id})` }).where('client_id', '=', client.id).execute();
    return t.id;
  });
}

async function insertDwellings(db: Db, clock: Clock, corporationId: string, municipalityId: string, contact: { name: string; role: string }, specs: DwellingSpec[]) {
  const today = todayIn(clock);
  const now = clock.now();
  const ids: string[] = [];
  for (const [i, s] of specs.entries()) {
    const a = s.address;
    const r = await db.insertInto('dwellings').values({
      municipality_id: municipalityId, corporation_id: corporationId, reference: `DEMO-${i + 1}`, postcode: a.postcode, house_number: a.houseNumber, house_letter: a.houseLetter, house_number_addition: a.addition,
      street: a.street, city: a.city, address_verified: true, bag_address_id: a.bagAddressId, bag_object_id: a.bagObjectId, neighbourhood_code: a.neighbourhoodCode, neighbourhood_name: a.neighbourhoodName,
      district_code: a.districtCode, district_name: a.districtName, municipality_code: a.municipalityCode, lat: a.lat, lon: a.lon,
      floor: s.floor, lift: s.lift, facilities: JSON.stringify(s.facilities), facilities_note: null, noise: s.noise, noise_note: s.noise === 'HIGH' ? 'Gehorig: houten vloeren' : null,
      defects: JSON.stringify(s.defects ?? []), contact_name: contact.name, contact_role: contact.role, contact_phone: '020 000 0000', contact_email: null,
      stairwell_info: s.access === 'gallery' ? 'Galerij met 12 woningen, lift aanwezig' : 'Portiek met 8 woningen', last_nuisance_file_on: s.nuisanceDaysAgo !== undefined ? addPeriod(today, -s.nuisanceDaysAgo, 'days') : null,
      liveability: s.liveability ?? 'OK', liveability_note: s.liveability === 'UNDER_PRESSURE' ? 'Wijkbeheer houdt de portiek in de gaten' : null, access_type: s.access, rooms: s.rooms, area_m2: s.area, dwelling_type: s.type,
      wheelchair_suitable: s.wheelchair ?? false, inside_ring: null, one_person_unit: false, liquor_shop_distance_m: s.liquor ?? null, available_on: addPeriod(today, s.availableIn, 'days'),
      pool: sql<string[]>`${sql.val(`{${s.pool.join(',')}}`)}::text[]`, rent: s.rent, created_by: null, created_at: now, updated_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    ids.push(r.id);
  }
  return ids;
}

export async function seedDemoMatching(db: Db, clock: Clock): Promise<number> {
  const existing = await db.selectFrom('dwellings').select('id').limit(1).execute();
  if (existing.length) return 0;
  const users = await db.selectFrom('users').select(['id', 'email']).where('email', 'in', ['begeleider@demo.thuisroute.nl', 'corporatie@demo.thuisroute.nl', 'wonen@demo.thuisroute.nl']).execute();
  if (users.length < 3) return 0;
  const user = (local: string) => users.find((u) => u.email.startsWith(`${local}@`))!.id;
  const [cw, cc, won] = [user('begeleider'), user('corporatie'), user('wonen')];
  const today = todayIn(clock);
  const now = clock.now();
  await db.insertInto('application_form_versions').values(DEMO_FORM_VERSIONS.map((f) => ({ ...f, topics: JSON.stringify(f.topics), created_at: now }))).onConflict((oc) => oc.doNothing()).execute();

  // ─── Veenhaven: OM-AMS ──────────────────────────────────────────────────────
  const [veenhaven, linde, horizon, vhWonen] = await Promise.all([orgId(db, 'GEM-VEENHAVEN'), orgId(db, 'WC-LINDE'), orgId(db, 'ZA-HORIZON'), orgId(db, 'GEM-VH-WONEN')]);
  await db.insertInto('settings').values({ key: `vulnerable_neighbourhoods:${veenhaven}`, value: JSON.stringify(['BU90010500', 'BU90010501']), updated_by: null, updated_at: now }).onConflict((oc) => oc.column('key').doNothing()).execute();
  const vh = (code: string, nr: number, extra?: { letter?: string; addition?: string }) => BAG_FIXTURE_ADDRESSES.find((a) => a.neighbourhoodCode === code && a.houseNumber === nr && (extra?.letter ?? null) === a.houseLetter && (extra?.addition ?? null) === a.addition)!;
  const amsIds = await insertDwellings(db, clock, linde, veenhaven, { name: 'Joost Meijer', role: 'Wijkbeheerder' }, [
    { address: vh('BU90010100', 27, { addition: '1' }), floor: 1, lift: false, rooms: 2, area: 48, type: 'apartment', access: 'porch', noise: 'LOW', rent: 620, availableIn: 0, pool: ADULT, facilities: ['Douche', 'Open keuken', 'Berging'] },
    { address: vh('BU90010200', 112), floor: 3, lift: true, rooms: 3, area: 64, type: 'apartment', access: 'gallery', noise: 'MEDIUM', rent: 710, availableIn: 7, pool: ADULT, facilities: ['Balkon', 'Lift'] },
    { address: vh('BU90010600', 19), floor: 0, lift: false, rooms: 3, area: 72, type: 'family', access: 'ground_level', noise: 'LOW', rent: 780, wheelchair: true, availableIn: 14, pool: [...ADULT, 'wheelchair_urgent'], facilities: ['Tuin', 'Drempelvrij'] },
    { address: vh('BU90010500', 2, { letter: 'B' }), floor: 2, lift: false, rooms: 2, area: 44, type: 'apartment', access: 'porch', noise: 'HIGH', rent: 590, liveability: 'UNDER_PRESSURE', liquor: 150, availableIn: 3, pool: ADULT, facilities: ['Douche'] },
    { address: vh('BU90010400', 61), floor: 1, lift: false, rooms: 2, area: 52, type: 'apartment', access: 'porch', noise: 'LOW', rent: 640, nuisanceDaysAgo: 90, availableIn: 10, pool: ADULT, facilities: ['Douche', 'Berging'], defects: ['Kozijn achterzijde wordt vervangen'] },
  ]);
  const amsClients: WaitingClient[] = [
    { first: 'Gijs', last: 'van Dam', birth: '1986-02-14', group: 'omslag_mobw_adult', waitingDays: 70, profile: { preferred: [['BU90010100', 'Zwanenbuurt', 'Dicht bij zijn zus (mantelzorg)']], lowStimulus: true } },
    { first: 'Hatice', last: 'Kaya', birth: '1990-10-03', group: 'omslag_mobw_family', waitingDays: 95, children: [2016, 2019], profile: { preferred: [['BU90010001', 'Kerkbuurt', 'School van de kinderen']], excluded: [['BU90010500', 'Oude Haven', 'Oude netwerk woont daar']] } },
    { first: 'Ivo', last: 'Smits', birth: '1979-05-21', group: 'omslag_mobw_adult', waitingDays: 40, profile: { avoidLiquorShop: true, care: 'Herstel na verslaving; begeleiding 6 uur per week' } },
    { first: 'Jamila', last: 'Amrani', birth: '2002-12-09', group: 'omslag_young_adult', waitingDays: 55, profile: { preferred: [['BU90010200', 'Vlinderbuurt', 'Dicht bij werk']] } },
  ];
  for (const c of amsClients) await seedWaitingClient(db, clock, c, { careProviderId: horizon, wonenOrgId: vhWonen, cw, won, formVersion: 'woonbehoefteprofiel-2020' });
  // One dwelling offered today to Zorggroep Horizon: its care worker nominates one of its clients (D-02: one working day).
  await db.transaction().execute(async (trx) => {
    const o = await trx.insertInto('offers').values({
      municipality_id: veenhaven, dwelling_id: amsIds[0]!, corporation_id: linde, model: 'OM-AMS', care_provider_id: horizon, trajectory_id: null, proposal_id: null, status: 'offered',
      offered_on: today, available_on: today, lease_type: 'intermediary', extra_clauses: JSON.stringify([]), state: JSON.stringify({}), created_by: cc, created_at: now, updated_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    await recordOfferEvent(trx, o.id, { type: 'offer_made', occurredOn: today, data: {} }, () => ({ userId: cc, organisationId: linde, role: 'corporation_contact', party: 'corporation', purpose: 'PB-1' }), { clock, eligible: () => ({ eligible: true, failing: [] }) });
  });

  // ─── Bergstede: OM-UTR (a second demo region with one municipality) ──────────
  const region = await db.insertInto('regions').values({ code: 'REGIO-BERGSTEDE', name: 'Regio Bergstede', created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
  const org = async (code: string, name: string, type: string, parent: string | null, extra: { municipality_code?: string; contact_role_label?: string } = {}) => (await db.insertInto('organisations').values({
    code, name, type, parent_id: parent, region_id: region.id, municipality_code: extra.municipality_code ?? null, contact_role_label: extra.contact_role_label ?? null, email: null, phone: null, created_at: now, updated_at: now,
  }).returning('id').executeTakeFirstOrThrow()).id;
  const bergstede = await org('GEM-BERGSTEDE', 'Gemeente Bergstede', 'municipality', null, { municipality_code: 'GM9003' });
  const bsWonen = await org('GEM-BS-WONEN', 'Directie Wonen Bergstede', 'municipal_directorate', bergstede);
  const bsCorp = await org('WC-BERGSTEDE', 'Bergstede Wonen', 'housing_corporation', null, { contact_role_label: 'medewerker wonen en zorg' });
  const bsCare = await org('ZA-VIERDEHUIS', 'Het Vierde Huis Bergstede', 'care_provider', null);
  await db.insertInto('memberships').values([
    { user_id: cc, organisation_id: bsCorp, role: 'corporation_contact', starts_on: addPeriod(today, -400, 'days'), created_at: now, updated_at: now },
    { user_id: cw, organisation_id: bsCare, role: 'care_worker', starts_on: addPeriod(today, -400, 'days'), created_at: now, updated_at: now },
  ]).execute();
  await db.insertInto('processing_agreements').values({ care_provider_id: bsCare, corporation_id: bsCorp, registered_on: addPeriod(today, -400, 'days'), ended_on: null, created_at: now }).onConflict((oc) => oc.doNothing()).execute();
  const utr: MatchingConfig = { ...DEFAULT_MATCHING_CONFIG, model: 'OM-UTR' };
  await db.insertInto('matching_configs').values({ municipality_id: bergstede, version: 1, config: JSON.stringify(utr), note: 'Bergstede werkt met drie kandidaten per woning (Utrechtse werkwijze)', created_by: null, created_at: now }).execute();
  const bs = (i: number) => BERGSTEDE_ADDRESSES[i]!;
  const utrIds = await insertDwellings(db, clock, bsCorp, bergstede, { name: 'Joost Meijer', role: 'Medewerker wonen en zorg' }, [
    { address: bs(0), floor: 1, lift: false, rooms: 2, area: 55, type: 'apartment', access: 'porch', noise: 'MEDIUM', rent: 650, availableIn: 0, pool: ADULT, facilities: ['Douche', 'Balkon'] },
    { address: bs(1), floor: 0, lift: false, rooms: 3, area: 68, type: 'family', access: 'ground_level', noise: 'LOW', rent: 760, availableIn: 10, pool: ADULT, facilities: ['Tuin'] },
    { address: bs(2), floor: 4, lift: true, rooms: 1, area: 36, type: 'studio', access: 'gallery', noise: 'LOW', rent: 540, availableIn: 5, pool: ADULT, facilities: ['Lift'] },
  ]);
  const utrClients: WaitingClient[] = [
    { first: 'Kees', last: 'Brouwer', birth: '1983-08-30', group: 'omslag_mobw_adult', waitingDays: 214, profile: {} },
    { first: 'Lina', last: 'Haddad', birth: '1992-04-17', group: 'omslag_mobw_adult', waitingDays: 164, profile: {} },
    { first: 'Marco', last: 'Peters', birth: '1977-01-05', group: 'omslag_mobw_adult', waitingDays: 306, profile: { lowStimulus: true } },
    { first: 'Nadia', last: 'Bouzid', birth: '1995-09-12', group: 'omslag_mobw_adult', waitingDays: 336, profile: { preferred: [[bs(1).neighbourhoodCode!, bs(1).neighbourhoodName ?? 'Buurt', 'Dicht bij haar moeder']] } },
    { first: 'Olaf', last: 'Visser', birth: '1988-11-23', group: 'omslag_mobw_adult', waitingDays: 120, profile: { excluded: [[bs(0).neighbourhoodCode!, bs(0).neighbourhoodName ?? 'Buurt', 'Oude netwerk woont daar']] } },
  ];
  for (const c of utrClients) await seedWaitingClient(db, clock, c, { careProviderId: bsCare, wonenOrgId: bsWonen, cw, won, formVersion: 'beter-wonen-2020' });
  // One dwelling with the proposal of three candidates, waiting for Bergstede Wonen's choice.
  await db.transaction().execute(async (trx) => {
    const d = await trx.selectFrom('dwellings').selectAll().where('id', '=', utrIds[0]!).executeTakeFirstOrThrow();
    const facts = dwellingFacts(d, { placementsNearby24m: 0, vulnerable: false });
    const rows = await candidatePrefilter(trx, { municipalityId: bergstede, pool: d.pool, neighbourhoodCode: d.neighbourhood_code, wheelchairSuitable: d.wheelchair_suitable, corporationId: bsCorp, needsMatchingConsent: true, today }).execute();
    const candidates = rows.map((r) => candidateFacts(r, today));
    const p = propose(facts, candidates, today, utr, 1);
    const prop = await trx.insertInto('proposals').values({
      municipality_id: bergstede, dwelling_id: d.id, corporation_id: bsCorp, care_provider_id: null, model: 'OM-UTR', offer_date: today, config_version: 1, config: JSON.stringify(utr),
      dwelling_facts: JSON.stringify(facts), candidate_facts: JSON.stringify(candidates), result: JSON.stringify(p), proposed: sql<string[]>`${sql.val(`{${p.proposed.join(',')}}`)}::uuid[]`, created_by: cc, created_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    const o = await trx.insertInto('offers').values({
      municipality_id: bergstede, dwelling_id: d.id, corporation_id: bsCorp, model: 'OM-UTR', care_provider_id: null, trajectory_id: null, proposal_id: prop.id, status: 'proposed',
      offered_on: today, available_on: today, lease_type: 'omklap', extra_clauses: JSON.stringify(['Geen open vuur of brandende kaarsen']), state: JSON.stringify({}), created_by: cc, created_at: now, updated_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    await recordOfferEvent(trx, o.id, { type: 'offer_made', occurredOn: today, data: {} }, () => ({ userId: cc, organisationId: bsCorp, role: 'corporation_contact', party: 'corporation', purpose: 'PB-1' }), { clock, eligible: () => ({ eligible: true, failing: [] }) });
  });
  return amsIds.length + utrIds.length;
}
