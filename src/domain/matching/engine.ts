/**
 * The matching engine (matching.md §5, a **proposal**, not source policy): offer gate, pair
 * eligibility, fit score, ranking and the proposal. Pure: dates are passed in, nothing is read
 * or written.
 *
 * Missing data (null) follows one principle for every criterion: a hard constraint is
 * NEEDS_CHECK when it does not fail on the known data but would fail for some value of the
 * missing data; a soft criterion is `unknown` (no penalty) in the same case. So a null only
 * matters where it can change the outcome. Examples:
 * - HC-03: `needsWheelchair` null is NEEDS_CHECK only for a dwelling that is not
 *   wheelchair-suitable (on a wheelchair-suitable dwelling it cannot fail);
 * - HC-05: `avoidLiquorShop` true with an unknown liquor-shop distance is NEEDS_CHECK;
 * - HC-06: young adult without children, `insideRing` null: an area within both limits passes,
 *   above both fails, in between (40 < m² ≤ 50 by default) is NEEDS_CHECK.
 *
 * R-MA-12/R-MA-27: the inputs are housing needs and dwelling facts only. The target group is used
 * for HC-10 (the pool) and nothing else; there is no weight for it, nor for ethnicity,
 * nationality, religion or diagnoses (the types do not even carry them).
 */
import { addPeriod } from '../calendar/calendar.ts';
import { calendarDaysBetween, compareIsoDates } from '../calendar/iso-date.ts';
import type { IsoDate } from '../calendar/iso-date.ts';
import { haversineKm } from './geo.ts';
import type {
  CandidateAssessment,
  CandidateFacts,
  DwellingFacts,
  Eligibility,
  HardConstraintId,
  MatchingConfig,
  OfferGateResult,
  PenaltyLine,
  Proposal,
  SoftPenaltyId,
  SuitabilityRule,
} from './model.ts';

/** The outcome of one criterion: it fails / penalises, it cannot (pass), or it depends on missing data. */
type Outcome = 'fail' | 'pass' | 'unknown';

/** Step 1, HC-01 and R-MA-06: may the dwelling be offered to the programme at all? */
export function offerGate(
  dwelling: DwellingFacts,
  offerDate: IsoDate,
  config: MatchingConfig,
  requiredFieldsMissing: string[] = [],
): OfferGateResult {
  const reasons: OfferGateResult['reasons'] = [];
  if (dwelling.lastNuisanceFileOn !== null) {
    // The first date the dwelling may be offered again: the file date + the window.
    const until = addPeriod(dwelling.lastNuisanceFileOn, config.nuisanceWindowMonths, 'months');
    if (compareIsoDates(offerDate, until) < 0) reasons.push({ rule: 'HC-01', until });
  }
  for (const field of requiredFieldsMissing) reasons.push({ rule: 'R-MA-06', field });
  return { offerable: reasons.length === 0, reasons };
}

/** Age of a child in the year of the offer (birth year only: the age reached that year). */
export function childAge(birthYear: number, offerDate: IsoDate): number {
  return Number(offerDate.slice(0, 4)) - birthYear;
}

/** Persons in the household (adults + children). */
export function householdSize(candidate: CandidateFacts): number {
  return candidate.adults + candidate.children.length;
}

/** Children under 18 in the year of the offer (an expected child, born later, counts too). */
export function minorChildren(candidate: CandidateFacts, offerDate: IsoDate): number {
  return candidate.children.filter((c) => childAge(c.birthYear, offerDate) < 18).length;
}

/** `flag` null: the criterion applies for some value of the flag. */
function withFlag(flag: boolean | null, whenTrue: Outcome): Outcome {
  if (flag === false) return 'pass';
  if (flag === true) return whenTrue;
  return whenTrue === 'pass' ? 'pass' : 'unknown';
}

/** HC-05 / SP-09: is a liquor shop within the distance? */
function liquorNearby(dwelling: DwellingFacts, config: MatchingConfig): Outcome {
  if (dwelling.liquorShopDistanceM === null) return 'unknown';
  return dwelling.liquorShopDistanceM <= config.liquorDistanceM ? 'fail' : 'pass';
}

/** HC-06 for a young adult without children: one or two rooms and within the area limit. */
function youngAdultSingle(dwelling: DwellingFacts, config: MatchingConfig): Outcome {
  if (dwelling.rooms > 2) return 'fail';
  const inside = dwelling.areaM2 <= config.youngAdultMaxM2InsideRing;
  const outside = dwelling.areaM2 <= config.youngAdultMaxM2OutsideRing;
  if (dwelling.insideRing === true) return inside ? 'pass' : 'fail';
  if (dwelling.insideRing === false) return outside ? 'pass' : 'fail';
  if (inside && outside) return 'pass';
  return inside || outside ? 'unknown' : 'fail';
}

function suitabilityRule(rule: SuitabilityRule, dwelling: DwellingFacts, candidate: CandidateFacts): Outcome {
  const persons = householdSize(candidate);
  switch (rule.kind) {
    case 'max_persons_per_room':
      return persons > rule.value * dwelling.rooms ? 'fail' : 'pass';
    case 'min_rooms_for_persons':
      return persons >= rule.persons && dwelling.rooms < rule.rooms ? 'fail' : 'pass';
    case 'max_rent_for_income': {
      if (dwelling.rent <= rule.rentAbove) return 'pass';
      if (candidate.monthlyIncome === null) return 'unknown';
      return candidate.monthlyIncome < rule.incomeBelow ? 'fail' : 'pass';
    }
  }
}

/** Step 2: the pair-level hard constraints HC-02…HC-10 with their outcomes. */
export function hardConstraints(
  dwelling: DwellingFacts,
  candidate: CandidateFacts,
  offerDate: IsoDate,
  config: MatchingConfig,
): { outcomes: Array<[HardConstraintId, Outcome]>; suitability: NonNullable<CandidateAssessment['suitability']> } {
  const outcomes: Array<[HardConstraintId, Outcome]> = [];
  const add = (id: HardConstraintId, o: Outcome) => outcomes.push([id, o]);

  // HC-02: neighbourhood excluded.
  if (candidate.excludedNeighbourhoods.length > 0) {
    if (dwelling.neighbourhoodCode === null) add('HC-02', 'unknown');
    else add('HC-02', candidate.excludedNeighbourhoods.includes(dwelling.neighbourhoodCode) ? 'fail' : 'pass');
  } else {
    add('HC-02', 'pass');
  }
  // HC-03: wheelchair dwelling needed.
  add('HC-03', withFlag(candidate.needsWheelchair, dwelling.wheelchairSuitable ? 'pass' : 'fail'));
  // HC-04: ground floor or lift needed (GGD advice).
  add('HC-04', withFlag(candidate.groundFloorOrLift, dwelling.floor >= 1 && !dwelling.lift ? 'fail' : 'pass'));
  // HC-05: liquor shop nearby (hard unless switched to SP-09).
  if (config.liquorHard) add('HC-05', withFlag(candidate.avoidLiquorShop, liquorNearby(dwelling, config)));
  // HC-06: young-adult track dwelling type.
  if (candidate.youngAdultTrack) {
    if (minorChildren(candidate, offerDate) > 0) add('HC-06', dwelling.rooms === config.youngAdultFamilyRooms ? 'pass' : 'fail');
    else add('HC-06', youngAdultSingle(dwelling, config));
  } else {
    add('HC-06', 'pass');
  }
  // HC-07: children in a unit for one-person households.
  add('HC-07', dwelling.onePersonUnit && minorChildren(candidate, offerDate) > 0 ? 'fail' : 'pass');
  // HC-08: the suitability rules (passendheid).
  const suitability: NonNullable<CandidateAssessment['suitability']> = [];
  for (const rule of config.suitability) {
    const o = suitabilityRule(rule, dwelling, candidate);
    if (o !== 'pass') suitability.push({ id: rule.id, unknown: o === 'unknown', label: rule.label });
  }
  add('HC-08', suitability.some((s) => !s.unknown) ? 'fail' : suitability.length > 0 ? 'unknown' : 'pass');
  // HC-09: OM-AMS only: the nomination analysis must be recorded.
  add('HC-09', config.model === 'OM-AMS' && !candidate.nominationRecorded ? 'fail' : 'pass');
  // HC-10: the client's target group must be in the dwelling's pool (an empty pool admits nobody).
  add('HC-10', dwelling.pool.includes(candidate.targetGroup) ? 'pass' : 'fail');
  return { outcomes, suitability };
}

/** SP-02: the penalty for the straight-line distance to a school (km). */
export function schoolPenalty(km: number, config: MatchingConfig): number {
  if (km > config.schoolFarKm) return config.penalties.SP02far;
  if (km > config.schoolNearKm) return config.penalties.SP02near;
  return 0;
}

/** SP-06: the penalty for programme placements in the same stairwell/gallery in 24 months. */
export function placementsPenalty(placements: number, config: MatchingConfig): number {
  if (placements >= 2) return config.penalties.SP06many;
  if (placements === 1) return config.penalties.SP06one;
  return 0;
}

function line(id: SoftPenaltyId, penalty: number, unknown = false, measure?: number): PenaltyLine {
  const l: PenaltyLine = { id, penalty: unknown ? 0 : penalty, unknown, dwellingOnly: false };
  if (measure !== undefined) l.measure = measure;
  return l;
}

/** SP-05, SP-06, SP-07: the dwelling-only criteria, also the warnings on the offer (R-MA-08). */
export function dwellingLines(dwelling: DwellingFacts, config: MatchingConfig): PenaltyLine[] {
  return [
    { ...line('SP-05', dwelling.liveability === 'UNDER_PRESSURE' ? config.penalties.SP05 : 0), dwellingOnly: true },
    { ...line('SP-06', placementsPenalty(dwelling.placementsNearby24m, config), false, dwelling.placementsNearby24m), dwellingOnly: true },
    { ...line('SP-07', dwelling.vulnerableNeighbourhood ? config.penalties.SP07 : 0), dwellingOnly: true },
  ];
}

/** SP-02: distance from the dwelling to the farthest school of a school-going child. */
function schoolLine(dwelling: DwellingFacts, candidate: CandidateFacts, config: MatchingConfig): PenaltyLine {
  const schoolGoing = candidate.children.filter((c) => c.schoolGoing);
  if (schoolGoing.length === 0) return line('SP-02', 0);
  if (dwelling.location === null) return line('SP-02', 0, true);
  const from = dwelling.location;
  const known = schoolGoing.flatMap((c) => (c.school === null ? [] : [haversineKm(from, c.school)]));
  const km = Math.max(0, ...known);
  const penalty = schoolPenalty(km, config);
  // A missing school could only make it worse, unless the full penalty is already reached.
  const unknown = known.length < schoolGoing.length && km <= config.schoolFarKm;
  return line('SP-02', penalty, unknown, known.length > 0 ? Math.round(km * 10) / 10 : undefined);
}

/** Step 3: the soft criteria SP-01…SP-08 (and SP-09 when HC-05 is soft) for one pair. */
export function softPenalties(dwelling: DwellingFacts, candidate: CandidateFacts, config: MatchingConfig): PenaltyLine[] {
  const p = config.penalties;
  const lines: PenaltyLine[] = [];
  // SP-01: not in a preferred neighbourhood.
  if (candidate.preferredNeighbourhoods.length === 0) lines.push(line('SP-01', 0));
  else if (dwelling.neighbourhoodCode === null) lines.push(line('SP-01', 0, true));
  else lines.push(line('SP-01', candidate.preferredNeighbourhoods.includes(dwelling.neighbourhoodCode) ? 0 : p.SP01));
  // SP-02: distance to school.
  lines.push(schoolLine(dwelling, candidate, config));
  // SP-03: large family in a gallery flat.
  const persons = householdSize(candidate);
  lines.push(line('SP-03', persons >= config.largeFamilyPersons && dwelling.accessType === 'gallery' ? p.SP03 : 0, false, persons));
  // SP-04: low-stimulus dwelling advised and noise.
  const noise = dwelling.noise === 'HIGH' ? p.SP04high : dwelling.noise === 'MEDIUM' ? p.SP04medium : 0;
  const sp04 = withFlag(candidate.lowStimulus, noise > 0 ? 'fail' : 'pass');
  lines.push(line('SP-04', sp04 === 'fail' ? noise : 0, sp04 === 'unknown'));
  // SP-05…SP-07: dwelling only.
  lines.push(...dwellingLines(dwelling, config));
  // SP-08: a wheelchair dwelling for a client who does not need one.
  if (!dwelling.wheelchairSuitable || candidate.needsWheelchair === true) lines.push(line('SP-08', 0));
  else lines.push(line('SP-08', p.SP08, candidate.needsWheelchair === null));
  // SP-09: only when HC-05 is switched to soft.
  if (!config.liquorHard) {
    const sp09 = withFlag(candidate.avoidLiquorShop, liquorNearby(dwelling, config));
    lines.push(line('SP-09', sp09 === 'fail' ? p.SP09 : 0, sp09 === 'unknown', dwelling.liquorShopDistanceM ?? undefined));
  }
  return lines;
}

/** 100 − Σ penalties, floor 0. */
export function scoreOf(breakdown: PenaltyLine[]): number {
  return Math.max(0, 100 - breakdown.reduce((sum, l) => sum + l.penalty, 0));
}

/** Steps 2 and 3 for one pair: eligibility, score and breakdown, the measured wait. */
export function assess(
  dwelling: DwellingFacts,
  candidate: CandidateFacts,
  offerDate: IsoDate,
  config: MatchingConfig,
): CandidateAssessment {
  const { outcomes, suitability } = hardConstraints(dwelling, candidate, offerDate, config);
  const failing = outcomes.filter(([, o]) => o === 'fail').map(([id]) => id);
  const missingData = outcomes.filter(([, o]) => o === 'unknown').map(([id]) => id);
  const eligibility: Eligibility = failing.length > 0 ? 'INELIGIBLE' : missingData.length > 0 ? 'NEEDS_CHECK' : 'ELIGIBLE';
  const breakdown = softPenalties(dwelling, candidate, config);
  const assessment: CandidateAssessment = {
    candidateId: candidate.id,
    clientId: candidate.clientId,
    eligibility,
    failing,
    missingData,
    score: eligibility === 'INELIGIBLE' ? null : scoreOf(breakdown),
    breakdown,
    waitDays: candidate.waitStartOn === null ? null : calendarDaysBetween(candidate.waitStartOn, offerDate),
    waitStartOn: candidate.waitStartOn,
    rank: null,
  };
  if (suitability.length > 0) assessment.suitability = suitability;
  return assessment;
}

const ELIGIBILITY_ORDER: Record<Eligibility, number> = { ELIGIBLE: 0, NEEDS_CHECK: 1, INELIGIBLE: 2 };

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Nulls last; otherwise the given order. */
function compareNullable<T>(a: T | null, b: T | null, cmp: (x: T, y: T) => number): number {
  if (a === null || b === null) return (a === null ? 1 : 0) - (b === null ? 1 : 0);
  return cmp(a, b);
}

/**
 * Step 4, the order of two assessments: ELIGIBLE, then NEEDS_CHECK, then INELIGIBLE; within a
 * group score descending, then the longer measured wait, then the earlier start date, then the
 * client id and the candidate id (so the order is total). Unknown values go last.
 */
export function compareAssessments(a: CandidateAssessment, b: CandidateAssessment): number {
  return (
    ELIGIBILITY_ORDER[a.eligibility] - ELIGIBILITY_ORDER[b.eligibility] ||
    compareNullable(a.score, b.score, (x, y) => y - x) ||
    compareNullable(a.waitDays, b.waitDays, (x, y) => y - x) ||
    compareNullable(a.waitStartOn, b.waitStartOn, compareText) ||
    compareText(a.clientId, b.clientId) ||
    compareText(a.candidateId, b.candidateId)
  );
}

/** Step 4: the assessments in rank order with `rank` set (1-based; null for INELIGIBLE). */
export function rank(assessments: CandidateAssessment[]): CandidateAssessment[] {
  return [...assessments]
    .sort(compareAssessments)
    .map((a, i) => ({ ...a, rank: a.eligibility === 'INELIGIBLE' ? null : i + 1 }));
}

/**
 * Step 5: the proposal for one dwelling. OM-UTR: the top N ELIGIBLE candidates (`short` when
 * fewer); OM-AMS: every ELIGIBLE candidate in rank order. NEEDS_CHECK candidates are ranked but
 * never proposed. A dwelling that fails the offer gate gets no proposal (and is not `short`).
 */
export function propose(
  dwelling: DwellingFacts,
  candidates: CandidateFacts[],
  offerDate: IsoDate,
  config: MatchingConfig,
  configVersion: number,
  requiredFieldsMissing: string[] = [],
): Proposal {
  const gate = offerGate(dwelling, offerDate, config, requiredFieldsMissing);
  const assessments = rank(candidates.map((c) => assess(dwelling, c, offerDate, config)));
  const eligible = assessments.filter((a) => a.eligibility === 'ELIGIBLE').map((a) => a.candidateId);
  const utrecht = config.model === 'OM-UTR';
  const proposed = !gate.offerable ? [] : utrecht ? eligible.slice(0, config.proposalSize) : eligible;
  return {
    dwellingId: dwelling.id,
    offerDate,
    configVersion,
    gate,
    assessments,
    proposed,
    short: gate.offerable && utrecht && eligible.length < config.proposalSize,
    warnings: dwellingLines(dwelling, config).filter((l) => l.penalty > 0),
  };
}
