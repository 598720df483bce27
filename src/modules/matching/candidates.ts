/**
 * Loading what the engine needs: a dwelling's facts, the waiting candidates for it (the SQL
 * prefilter: same municipality, the dwelling's pool, not excluding its neighbourhood, a wheelchair
 * need it can meet), and the municipality's versioned configuration.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { CandidateFacts, DwellingFacts, MatchingConfig } from '../../domain/matching/model.ts';
import { DEFAULT_MATCHING_CONFIG } from '../../domain/matching/config.ts';

type Db = Kysely<Database>;
export type DwellingRow = Selectable<Database['dwellings']>;

/** The phases in which a client waits for a dwelling offer. */
export const WAITING_PHASES = ['P3_matching'] as const;

export async function placementsNearby(db: Db, d: { id: string; postcode: string; house_number: number }, offerDate: string): Promise<number> {
  // F-D-20 (proposal): programme dwellings let in the same building (postcode + house number) in the last 24 months.
  const r = await db
    .selectFrom('dwellings')
    .innerJoin('offers', 'offers.dwelling_id', 'dwellings.id')
    .where('dwellings.postcode', '=', d.postcode)
    .where('dwellings.house_number', '=', d.house_number)
    .where('dwellings.id', '<>', d.id)
    .where('offers.status', '=', 'final')
    .where(sql<boolean>`(offers.state->>'finalOn')::date > ${offerDate}::date - interval '24 months'`)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

export async function vulnerableNeighbourhoods(db: Db, municipalityId: string): Promise<string[]> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', `vulnerable_neighbourhoods:${municipalityId}`).executeTakeFirst();
  return Array.isArray(row?.value) ? (row.value as string[]) : [];
}

export function dwellingFacts(d: DwellingRow, extra: { placementsNearby24m: number; vulnerable: boolean }): DwellingFacts {
  return {
    id: d.id, floor: d.floor, lift: d.lift, noise: d.noise, lastNuisanceFileOn: d.last_nuisance_file_on, liveability: d.liveability,
    neighbourhoodCode: d.neighbourhood_code, accessType: d.access_type, rooms: d.rooms, areaM2: Number(d.area_m2), dwellingType: d.dwelling_type as DwellingFacts['dwellingType'],
    wheelchairSuitable: d.wheelchair_suitable, insideRing: d.inside_ring, onePersonUnit: d.one_person_unit, liquorShopDistanceM: d.liquor_shop_distance_m,
    availableOn: d.available_on, pool: d.pool, rent: Number(d.rent), placementsNearby24m: extra.placementsNearby24m, vulnerableNeighbourhood: extra.vulnerable,
    location: d.lat !== null && d.lon !== null ? { lat: d.lat, lon: d.lon } : null,
  };
}

export interface CandidateQuery {
  municipalityId: string;
  pool: ReadonlyArray<string>;
  neighbourhoodCode: string | null;
  wheelchairSuitable: boolean;
  /** OM-AMS: only this care provider's clients (of any municipality it serves). */
  careProviderId?: string | null;
  /** Clients not yet linked to another corporation. */
  corporationId?: string | null;
  /** Served to a party outside the care provider (OM-UTR proposal to the corporation): consent must cover matching (PB-1). */
  needsMatchingConsent: boolean;
  today: string;
  /** Keyset: only candidates after this one in wait order (longest wait first, then client id). */
  after?: { waitStartOn: string; clientId: string } | null;
  limit?: number;
}

/**
 * The measured wait starts at active mediation (R-MO-23), else the urgency; the same expression
 * orders the prefilter and is indexed (migration 0013), so the candidates come longest wait first.
 */
export const WAIT_START = sql<string>`coalesce(t.state->>'activeMediationOn', t.state->>'urgencyOn', '9999-12-31')`;

/**
 * The SQL prefilter: active trajectories waiting in P3 of the dwelling's municipality whose client
 * has a housing-need profile and no open offer, whose target group is in the dwelling's pool (HC-10), that do not
 * exclude the dwelling's neighbourhood (HC-02) and whose wheelchair need the dwelling meets (HC-03).
 * The engine checks every constraint again; this only cuts the rows it reads.
 */
export function candidatePrefilter(db: Db, q: CandidateQuery) {
  let query = db
    .selectFrom('trajectories as t')
    .innerJoin('clients as c', 'c.id', 't.client_id')
    .innerJoin('housing_profiles as p', 'p.client_id', 't.client_id')
    .where('t.status', '=', 'active')
    .where('t.phase', 'in', [...WAITING_PHASES])
    .where('c.erased_at', 'is', null)
    // R-MA-17: one offer at a time — not a client with an open offer (made here, or recorded by hand on the route).
    .where(sql<boolean>`NOT coalesce(jsonb_array_length(t.state->'offers') > 0 AND (t.state->'offers'->-1->>'refusedOn') IS NULL AND (t.state->'offers'->-1->>'clientRefusedOn') IS NULL, false)`)
    .where(sql<boolean>`(t.state->>'matchFinalOn') IS NULL`)
    .where(sql<boolean>`coalesce(t.target_group, c.target_group) = ANY(${sql.val(`{${q.pool.join(',')}}`)}::text[])`);
  if (q.neighbourhoodCode) query = query.where(sql<boolean>`NOT (p.excluded @> ${JSON.stringify([{ code: q.neighbourhoodCode }])}::jsonb)`);
  if (!q.wheelchairSuitable) query = query.where((eb) => eb.or([eb('p.needs_wheelchair', 'is', null), eb('p.needs_wheelchair', '=', false)]));
  // OM-AMS: the care provider's own clients; OM-UTR: the waiting clients of the dwelling's municipality.
  query = q.careProviderId ? query.where('t.care_provider_id', '=', q.careProviderId) : query.where('t.municipality_id', '=', q.municipalityId);
  if (q.corporationId) query = query.where((eb) => eb.or([eb('t.corporation_id', 'is', null), eb('t.corporation_id', '=', q.corporationId!)]));
  if (q.after) query = query.where(sql<boolean>`(${WAIT_START}, t.client_id) > (${q.after.waitStartOn}, ${q.after.clientId}::uuid)`);
  if (q.needsMatchingConsent) {
    query = query.where((eb) => eb.exists(eb.selectFrom('consents as k').select('k.id')
      .whereRef('k.client_id', '=', 't.client_id')
      .where(sql<boolean>`'PB-1' = ANY(k.purposes)`)
      .where('k.given_on', '<=', q.today)
      .where((e2) => e2.or([e2('k.withdrawn_on', 'is', null), e2('k.withdrawn_on', '>', q.today)]))));
  }
  return query
    .select([
      't.id as trajectory_id', 't.client_id', 't.care_provider_id', sql<string>`coalesce(t.target_group, c.target_group)`.as('target_group'),
      WAIT_START.as('wait_start_on'),
      sql<boolean>`(t.state->>'analysisOn') IS NOT NULL`.as('nomination_recorded'),
      'p.preferred', 'p.excluded', 'p.schools', 'p.avoid_liquor_shop', 'p.low_stimulus', 'p.needs_wheelchair', 'p.ground_floor_or_lift', 'p.monthly_income',
      sql<Array<{ kind: string; birth_date: string | null; id: string }>>`coalesce((SELECT json_agg(json_build_object('id', h.id, 'kind', h.kind, 'birth_date', h.birth_date)) FROM household_members h WHERE h.client_id = t.client_id), '[]'::json)`.as('household'),
    ])
    .orderBy(WAIT_START)
    .orderBy('t.client_id')
    .limit(q.limit ?? 250);
}

export type CandidateRow = Awaited<ReturnType<ReturnType<typeof candidatePrefilter>['execute']>>[number];

export function candidateFacts(r: CandidateRow, offerDate: string): CandidateFacts {
  const household = (r.household ?? []) as Array<{ kind: string; birth_date: string | null; id: string }>;
  const schools = (r.schools ?? []) as Array<{ childId?: string | null; lat: number | null; lon: number | null }>;
  const offerYear = Number(offerDate.slice(0, 4));
  const children = household.filter((h) => h.kind === 'child').map((h) => {
    const birthYear = h.birth_date ? Number(h.birth_date.slice(0, 4)) : offerYear - 10;
    const school = schools.find((s) => s.childId === h.id);
    const age = offerYear - birthYear;
    return { birthYear, school: school && school.lat !== null && school.lon !== null ? { lat: school.lat, lon: school.lon } : null, schoolGoing: Boolean(school) || (age >= 4 && age <= 18) };
  });
  return {
    id: r.trajectory_id, clientId: r.client_id, targetGroup: r.target_group, waitStartOn: r.wait_start_on === '9999-12-31' ? null : r.wait_start_on,
    preferredNeighbourhoods: (r.preferred ?? []).map((x) => x.code), excludedNeighbourhoods: (r.excluded ?? []).map((x) => x.code),
    adults: 1 + household.filter((h) => h.kind === 'partner' || h.kind === 'other').length, children,
    avoidLiquorShop: r.avoid_liquor_shop, lowStimulus: r.low_stimulus, needsWheelchair: r.needs_wheelchair, groundFloorOrLift: r.ground_floor_or_lift,
    youngAdultTrack: /young_adult/.test(r.target_group ?? ''), nominationRecorded: Boolean(r.nomination_recorded),
    monthlyIncome: r.monthly_income === null ? null : Number(r.monthly_income),
  };
}

/** The municipality's current configuration (version 0 = the defaults, never stored). */
export async function currentConfig(db: Db, municipalityId: string): Promise<{ version: number; config: MatchingConfig }> {
  const row = await db.selectFrom('matching_configs').select(['version', 'config']).where('municipality_id', '=', municipalityId).orderBy('version', 'desc').limit(1).executeTakeFirst();
  if (!row) return { version: 0, config: DEFAULT_MATCHING_CONFIG };
  return { version: row.version, config: { ...DEFAULT_MATCHING_CONFIG, ...(row.config as Partial<MatchingConfig>) } };
}
