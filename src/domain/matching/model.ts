/**
 * Matching of dwellings and clients (matching.md): the data the engine works on. Pure types and
 * small tables, no I/O. The shell (src/modules/matching) loads dwellings, profiles and the
 * municipality's configuration and hands them to the engine (engine.ts).
 */

/** R-MA-01: the offer model per municipality. */
export type OfferModel = 'OM-AMS' | 'OM-UTR';

export type NoiseLevel = 'LOW' | 'MEDIUM' | 'HIGH';
export type Liveability = 'OK' | 'UNDER_PRESSURE';
export type AccessType = 'porch' | 'gallery' | 'ground_level' | 'other';
export type DwellingType = 'studio' | 'apartment' | 'family' | 'room' | 'other';

/** A point (WGS84) for straight-line distances (SP-02). */
export interface GeoPoint { lat: number; lon: number }

/** The dwelling as the engine sees it (matching.md §2). Unknown values are null. */
export interface DwellingFacts {
  id: string;
  /** F-D-01: 0 = ground floor. */
  floor: number;
  /** F-D-02 */
  lift: boolean;
  /** F-D-04 */
  noise: NoiseLevel;
  /** F-D-08: date of the most recent nuisance file, or null. */
  lastNuisanceFileOn: string | null;
  /** F-D-09 */
  liveability: Liveability;
  /** F-D-10: the neighbourhood (buurt) code, e.g. "BU03630001". */
  neighbourhoodCode: string | null;
  /** F-D-11 */
  accessType: AccessType;
  /** F-D-12 */
  rooms: number;
  areaM2: number;
  dwellingType: DwellingType;
  /** F-D-13 */
  wheelchairSuitable: boolean;
  /** F-D-14: inside the ring road (Amsterdam); null where not applicable. */
  insideRing: boolean | null;
  /** F-D-15 */
  onePersonUnit: boolean;
  /** F-D-16: walking distance to the nearest liquor shop in metres; null = unknown. */
  liquorShopDistanceM: number | null;
  /** F-D-17 */
  availableOn: string;
  /** F-D-18: target-group codes the dwelling is offered to. */
  pool: string[];
  /** F-D-19: monthly rent in euros. */
  rent: number;
  /** F-D-20: programme placements in the same stairwell/gallery in the last 24 months. */
  placementsNearby24m: number;
  /** F-D-21: neighbourhood on the municipal list of vulnerable neighbourhoods. */
  vulnerableNeighbourhood: boolean;
  location: GeoPoint | null;
}

/** A child of the household (F-C-03, F-C-05). */
export interface ChildFacts {
  birthYear: number;
  /** School location for a school-going child; null if not at school or unknown. */
  school: GeoPoint | null;
  schoolGoing: boolean;
}

/** The client's housing-need profile as the engine sees it (matching.md §3); no care data (R-MA-27). */
export interface CandidateFacts {
  /** The trajectory (case) id: the candidate. */
  id: string;
  /** The client id (the last tie-break). */
  clientId: string;
  /** F-C-12 */
  targetGroup: string;
  /** F-C-12: start date of active mediation / urgency (R-MO-23); the measured wait counts from it. */
  waitStartOn: string | null;
  /** F-C-01 */
  preferredNeighbourhoods: string[];
  /** F-C-02 */
  excludedNeighbourhoods: string[];
  adults: number;
  children: ChildFacts[];
  /** F-C-07; null = not recorded. */
  avoidLiquorShop: boolean | null;
  /** F-C-08 */
  lowStimulus: boolean | null;
  /** F-C-09 */
  needsWheelchair: boolean | null;
  /** F-C-10: GGD advice for a ground floor or a lift. */
  groundFloorOrLift: boolean | null;
  /** F-C-11: on the five-year youth-contract track. */
  youngAdultTrack: boolean;
  /** F-C-13: nomination analysis recorded (HC-09 in OM-AMS). */
  nominationRecorded: boolean;
  /** Monthly income in euros for the suitability rules (HC-08); null = unknown. */
  monthlyIncome: number | null;
}

/** A suitability rule of the housing ordinance (passendheid) as data (HC-08). */
export type SuitabilityRule =
  | { id: string; kind: 'max_persons_per_room'; value: number; label: { nl: string; en: string } }
  | { id: string; kind: 'min_rooms_for_persons'; persons: number; rooms: number; label: { nl: string; en: string } }
  | { id: string; kind: 'max_rent_for_income'; incomeBelow: number; rentAbove: number; label: { nl: string; en: string } };

/** Every parameter of the engine: a versioned setting per municipality (matching.md §5.3 notes). */
export interface MatchingConfig {
  /** Offer model of the municipality (R-MA-01). */
  model: OfferModel;
  /** HC-01: months before the offer date in which a nuisance file blocks the offer. */
  nuisanceWindowMonths: number;
  /** HC-05: walking distance in metres; `liquorHard` false switches it to SP-09. */
  liquorDistanceM: number;
  liquorHard: boolean;
  /** HC-06: young adults without children: maximum m² inside / outside the ring. */
  youngAdultMaxM2InsideRing: number;
  youngAdultMaxM2OutsideRing: number;
  /** HC-06: rooms for a young adult with children. */
  youngAdultFamilyRooms: number;
  /** HC-08 */
  suitability: SuitabilityRule[];
  /** R-MA-04: a large family has at least this many persons. */
  largeFamilyPersons: number;
  /** SP-02: distances in km and penalties. */
  schoolNearKm: number;
  schoolFarKm: number;
  penalties: {
    SP01: number; SP02near: number; SP02far: number; SP03: number; SP04medium: number; SP04high: number;
    SP05: number; SP06one: number; SP06many: number; SP07: number; SP08: number; SP09: number;
  };
  /** OM-UTR: number of candidates proposed. */
  proposalSize: number;
  /**
   * R-MA-26 (proposal): whether the corporation sees the care topics of the application form
   * (care needed) besides the derived housing needs. Default false (the Amsterdam rule).
   */
  corporationSeesCareTopics: boolean;
}

export type HardConstraintId = 'HC-01' | 'HC-02' | 'HC-03' | 'HC-04' | 'HC-05' | 'HC-06' | 'HC-07' | 'HC-08' | 'HC-09' | 'HC-10';
export type SoftPenaltyId = 'SP-01' | 'SP-02' | 'SP-03' | 'SP-04' | 'SP-05' | 'SP-06' | 'SP-07' | 'SP-08' | 'SP-09';

export type Eligibility = 'ELIGIBLE' | 'INELIGIBLE' | 'NEEDS_CHECK';

/** One soft criterion in the breakdown: its penalty, or unknown when its data is missing. */
export interface PenaltyLine {
  id: SoftPenaltyId;
  penalty: number;
  /** Data missing: no penalty, shown as unknown. */
  unknown: boolean;
  /** True for dwelling-only criteria (SP-05, SP-06, SP-07): warnings for the corporation. */
  dwellingOnly: boolean;
  /** A number that explains it (km to school, placements, metres), for the wording. */
  measure?: number;
}

export interface CandidateAssessment {
  candidateId: string;
  clientId: string;
  eligibility: Eligibility;
  /** The hard constraints that fail on the known data (non-empty exactly when INELIGIBLE). */
  failing: HardConstraintId[];
  /** The hard constraints whose outcome depends on missing data (NEEDS_CHECK when nothing fails). */
  missingData: HardConstraintId[];
  /** HC-08: the suitability rules that fail (or cannot be checked: `unknown`), with their labels. */
  suitability?: Array<{ id: string; unknown: boolean; label: { nl: string; en: string } }>;
  /** 100 − Σ penalties, floor 0; null when INELIGIBLE. */
  score: number | null;
  breakdown: PenaltyLine[];
  /** Days since the start date (R-MO-23) on the offer date; null when unknown. */
  waitDays: number | null;
  waitStartOn: string | null;
  /** 1-based rank among ELIGIBLE then NEEDS_CHECK candidates; null when INELIGIBLE. */
  rank: number | null;
}

export interface OfferGateResult {
  offerable: boolean;
  /** HC-01 and R-MA-06 violations. */
  reasons: Array<{ rule: 'HC-01' | 'R-MA-06'; field?: string; until?: string }>;
}

export interface Proposal {
  dwellingId: string;
  offerDate: string;
  configVersion: number;
  gate: OfferGateResult;
  /** All candidates assessed, in rank order (ranked first, then ineligible). */
  assessments: CandidateAssessment[];
  /** The proposed candidate ids (OM-UTR: top N ELIGIBLE); never a NEEDS_CHECK or INELIGIBLE one. */
  proposed: string[];
  /** Fewer than N eligible candidates (OM-UTR). */
  short: boolean;
  /** Dwelling-only warnings (SP-05..SP-07) for the corporation (R-MA-08). */
  warnings: PenaltyLine[];
}
