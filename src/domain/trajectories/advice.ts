/**
 * SHOULD-level rules and proposals that are monitored and reported, never enforced
 * (spec: "SHOULD is an aim to monitor and report, never to block").
 */
import { addPeriod, type IsoDate } from '../calendar/index.ts';
import type { TrajectoryState } from './state.ts';

export interface Notice {
  rule: string;
  level: 'info' | 'warning';
  nl: string;
  en: string;
}

export interface AdviceSettings {
  /** R-OR-07: show a notice from this many preferences plus exclusions. */
  manyPreferencesThreshold: number;
}

export const DEFAULT_ADVICE_SETTINGS: AdviceSettings = { manyPreferencesThreshold: 3 };

export interface AdviceInput {
  state: TrajectoryState;
  asOf: IsoDate;
  birthDate: IsoDate | null;
  housingNeeds?: { preferredNeighbourhoods: string[]; excludedNeighbourhoods: string[] } | null;
  settings?: AdviceSettings;
}

function ageOn(birthDate: IsoDate, on: IsoDate): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export function notices(i: AdviceInput): Notice[] {
  const s = i.state;
  const cfg = i.settings ?? DEFAULT_ADVICE_SETTINGS;
  const out: Notice[] = [];
  if (i.housingNeeds) {
    const n = i.housingNeeds.preferredNeighbourhoods.length + i.housingNeeds.excludedNeighbourhoods.length;
    if (n >= cfg.manyPreferencesThreshold) {
      out.push({ rule: 'R-OR-07', level: 'info', nl: `Er zijn ${n} voorkeuren en uitsluitingen vastgelegd: hoe meer wensen, hoe moeilijker de match. Bespreek de verwachtingen met de cliënt.`, en: `${n} preferences and exclusions are recorded: the more wishes, the harder the match. Discuss expectations with the client.` });
    }
  }
  // R-OR-13 / D-01: reported, never blocking.
  if (s.decisionOn && s.urgencyOn && !s.offers.some((o) => o.clientInformedOn)) {
    const start = s.decisionOn > s.urgencyOn ? s.decisionOn : s.urgencyOn;
    if (i.asOf > addPeriod(start, 3, 'months')) {
      out.push({ rule: 'R-OR-13', level: 'warning', nl: 'Het streven van een passend aanbod binnen drie maanden na beschikking en urgentie is niet gehaald.', en: 'The aim of a suitable offer within three months of decision and urgency has not been met.' });
    }
  }
  // R-OR-39 / D-11: young adults and multi-problem families evaluate at least every half year.
  if (s.evaluationIntervalMonths && s.evaluationIntervalMonths > 6) {
    const young = i.birthDate !== null && ageOn(i.birthDate, i.asOf) >= 18 && ageOn(i.birthDate, i.asOf) <= 27;
    if (young || s.multiProblemFamily) {
      out.push({ rule: 'R-OR-39', level: 'warning', nl: 'Bij jongvolwassenen en multiprobleemgezinnen is de woonevaluatie minstens eens per half jaar; de afgesproken frequentie is lager.', en: 'For young adults and multi-problem families the housing evaluation is at least every half year; the agreed frequency is lower.' });
    }
  }
  // R-OR-32: the transfer goals must be known at the latest at the key handover.
  if (s.keyHandoverOn && !s.transferGoalsCommunicatedOn) {
    out.push({ rule: 'R-OR-32', level: 'warning', nl: 'Leg vast dat de bewoner weet welke doelen nodig zijn voor een contract op eigen naam.', en: 'Record that the resident knows which goals are needed for a lease in own name.' });
  }
  // R-OR-65: a goal linked to the urgency not met while transfer is being prepared: consider extending the decision.
  if (s.phase === 'P8_transfer' && s.goals.some((g) => g.linkedToUrgency && !g.achieved)) {
    out.push({ rule: 'R-OR-65', level: 'warning', nl: 'Niet alle doelen gekoppeld aan de urgentie zijn behaald: geen omklap; vraag zo nodig verlenging van de beschikking aan.', en: 'Not all goals linked to the urgency are met: no transfer; request an extension of the decision if needed.' });
  }
  // R-OR-94 (proposal): consent withdrawn → joint case review, the lease is not ended automatically.
  if (!s.consentActive && s.consentId) {
    out.push({ rule: 'R-OR-94', level: 'warning', nl: 'De cliënt heeft de toestemming ingetrokken: er worden geen gegevens meer gedeeld. Plan een gezamenlijke casusbespreking; de huur eindigt niet automatisch.', en: 'The client withdrew consent: no data is shared any more. Plan a joint case review; the lease does not end automatically.' });
  }
  // D-14 (SHOULD): warn after 4 weeks.
  if (s.wonenConfirmedOn && !s.contractOwnNameOn && i.asOf > addPeriod(s.wonenConfirmedOn, 4, 'weeks')) {
    out.push({ rule: 'R-OR-72', level: 'info', nl: 'De corporatie streeft ernaar het contract binnen 4 tot 6 weken na de bevestiging op naam te zetten.', en: 'The corporation aims to put the lease in the resident’s name within 4 to 6 weeks of the confirmation.' });
  }
  return out;
}
