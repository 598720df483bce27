/**
 * Re-placement (herplaatsing) to a 24-hour facility or group living (overlast.md §7.5, R-OV-44…R-OV-47,
 * D-OV-10): the decision table as a pure function.
 */
import type { NuisanceState, Words } from './model.ts';

export type ReplacementOutcome = NonNullable<NuisanceState['replacement']>['outcome'];

export interface ReplacementInput {
  /** R-OV-44: the client does not manage on an individual dwelling for care-content reasons. */
  careContentReason: boolean;
  /** R-OV-44: all prior ambulant options (support scale-up, time-out) are exhausted. */
  ambulantOptionsExhausted: boolean;
  /** R-OV-46: a client of a 24-hour facility or group home waits for an omslagwoning and is in active mediation. */
  swapCandidate: boolean;
  environmentSuitable: boolean | null;
  corporationAgrees: boolean | null;
  /** D-OV-10: a very serious escalation; the field table may be told afterwards. */
  verySeriousEscalation: boolean;
}

export interface ReplacementDecision {
  outcome: ReplacementOutcome;
  swap: boolean;
  priority: boolean;
  /** D-OV-10 / R-OV-47: when the field table hears of the swap or prioritisation; null without one. */
  fieldTable: 'before' | 'afterwards' | null;
  words: Words;
}

export const REPLACEMENT_OUTCOME_WORDS: Record<ReplacementOutcome, Words> = {
  no_replacement: { nl: 'Geen herplaatsing: schaal de ondersteuning op of gebruik een time-outplek; de overlastaanpak gaat door.', en: 'No re-placement: scale up the support or use a time-out place; the nuisance procedure continues.' },
  not_yet: { nl: 'Nog geen herplaatsing: eerst moeten alle ambulante mogelijkheden benut zijn.', en: 'No re-placement yet: all ambulant options must be used first.' },
  priority_with_swap: { nl: 'Herplaatsing met voorrang; bij voorkeur een ruil met een cliënt die op een omslagwoning wacht. Meld de ruil vooraf bij de veldtafel.', en: 'Re-placement with priority; preferably a swap with a client waiting for an omslagwoning. Report the swap to the field table beforehand.' },
  priority_no_swap: { nl: 'Herplaatsing met voorrang op de wachtlijst; geen ruil.', en: 'Re-placement with priority on the waiting list; no swap.' },
  priority: { nl: 'Herplaatsing met voorrang op de wachtlijst voor een 24-uursvoorziening of groepswonen.', en: 'Re-placement with priority on the waiting list for a 24-hour facility or group living.' },
};

/** The §7.5 decision table (R-OV-44…R-OV-47) with the field table's moment (D-OV-10). */
export function decideReplacement(input: ReplacementInput): ReplacementDecision {
  const decided = (outcome: ReplacementOutcome, swap: boolean, priority: boolean): ReplacementDecision => ({
    outcome,
    swap,
    priority,
    fieldTable: priority ? (input.verySeriousEscalation ? 'afterwards' : 'before') : null,
    words: REPLACEMENT_OUTCOME_WORDS[outcome],
  });
  if (!input.careContentReason) return decided('no_replacement', false, false);
  if (!input.ambulantOptionsExhausted) return decided('not_yet', false, false);
  if (!input.swapCandidate) return decided('priority', false, true);
  if (input.environmentSuitable === true && input.corporationAgrees === true) return decided('priority_with_swap', true, true);
  return decided('priority_no_swap', false, true);
}
