/**
 * The engine's explanation in the caller's language, to each party only what it may see
 * (src/domain/matching/explain.ts words it; this picks the audience and the language).
 */
import type { CandidateAssessment, PenaltyLine } from '../../domain/matching/model.ts';
import { explainAssessment, explainWarnings } from '../../domain/matching/explain.ts';

export type Audience = 'corporation' | 'care_provider' | 'wonen';

export function explainFor(a: CandidateAssessment, audience: Audience, lang: 'nl' | 'en') {
  return explainAssessment(a, audience, lang);
}

export function warningsFor(w: ReadonlyArray<PenaltyLine>, lang: 'nl' | 'en') {
  return explainWarnings([...w], lang);
}
