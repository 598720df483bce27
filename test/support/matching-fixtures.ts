/**
 * Fixtures for the matching engine tests (src/domain/matching/*.test.ts): the defaults of
 * matching.md §6 ("Fixture values not stated below are: noise LOW, stairwell liveability OK,
 * 0 programme placements in 24 months, not in a vulnerable neighbourhood, not wheelchair-suitable,
 * no liquor shop within 200 m, no nuisance file, household passes HC-08, nomination recorded
 * (HC-09), dwelling pool contains the client's group (HC-10)").
 */
import type { CandidateFacts, DwellingFacts, GeoPoint } from '../../src/domain/matching/model.ts';

export const GROUPS = ['omslag_mobw_adult', 'omslag_mobw_family', 'omslag_young_adult', 'wheelchair_urgent', 'social_medical_urgent'];

export function dwelling(over: Partial<DwellingFacts> = {}): DwellingFacts {
  return {
    id: 'W',
    floor: 0,
    lift: false,
    noise: 'LOW',
    lastNuisanceFileOn: null,
    liveability: 'OK',
    neighbourhoodCode: 'N-W1',
    accessType: 'porch',
    rooms: 2,
    areaM2: 48,
    dwellingType: 'apartment',
    wheelchairSuitable: false,
    insideRing: true,
    onePersonUnit: false,
    liquorShopDistanceM: 1000,
    availableOn: '2021-03-01',
    pool: [...GROUPS],
    rent: 600,
    placementsNearby24m: 0,
    vulnerableNeighbourhood: false,
    location: { lat: 52.37, lon: 4.9 },
    ...over,
  };
}

export function candidate(over: Partial<CandidateFacts> = {}): CandidateFacts {
  const id = over.id ?? 'K';
  return {
    id,
    clientId: `client-${id}`,
    targetGroup: 'omslag_mobw_adult',
    waitStartOn: '2020-01-01',
    preferredNeighbourhoods: [],
    excludedNeighbourhoods: [],
    adults: 1,
    children: [],
    avoidLiquorShop: false,
    lowStimulus: false,
    needsWheelchair: false,
    groundFloorOrLift: false,
    youngAdultTrack: false,
    nominationRecorded: true,
    monthlyIncome: 2000,
    ...over,
  };
}

/** Km per degree of latitude on the engine's sphere (R = 6371.0088 km). */
export const KM_PER_DEGREE_LAT = (6371.0088 * Math.PI) / 180;

/** A point `km` due north of `p` (a meridian arc: the haversine gives back `km`). */
export function north(p: GeoPoint, km: number): GeoPoint {
  return { lat: p.lat + km / KM_PER_DEGREE_LAT, lon: p.lon };
}
