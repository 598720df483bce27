/** Public API of the matching domain (matching.md): pure, no I/O. */
export type * from './model.ts';

export { DEFAULT_MATCHING_CONFIG, EXAMPLE_SUITABILITY_RULES, configDiff, validateConfig } from './config.ts';
export type { ConfigChange, ConfigError, MatchingConfigInput } from './config.ts';

export {
  assess,
  childAge,
  compareAssessments,
  dwellingLines,
  hardConstraints,
  householdSize,
  minorChildren,
  offerGate,
  placementsPenalty,
  propose,
  rank,
  schoolPenalty,
  scoreOf,
  softPenalties,
} from './engine.ts';

export { explainAssessment, explainWarnings } from './explain.ts';
export type { Audience, Explanation, Lang } from './explain.ts';

export { replay } from './replay.ts';
export type { PastProposal, ReplayChosen, ReplayResult, ReplayTotals } from './replay.ts';

export { EARTH_RADIUS_KM, haversineKm } from './geo.ts';
