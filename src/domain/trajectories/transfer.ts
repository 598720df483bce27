/**
 * Lease-transfer conditions (R-OR-64 T1–T8) and the contract type at transfer for
 * young adults (young-adults-and-moves.md DR-YA-2). Each failing condition is named.
 */
import { addPeriod, type IsoDate } from '../calendar/index.ts';
import type { TrajectoryState } from './state.ts';

export type TransferConditionId = 'T1' | 'T2' | 'T3' | 'T4' | 'T5' | 'T6' | 'T7' | 'T8';

export interface TransferCondition {
  id: TransferConditionId;
  met: boolean;
  rule: string;
  nl: string;
  en: string;
}

export function transferConditions(s: TrajectoryState, asOf: IsoDate): TransferCondition[] {
  const lastEvaluation = s.evaluations[s.evaluations.length - 1] ?? null;
  const urgencyGoals = s.goals.filter((g) => g.linkedToUrgency);
  const nuisance = s.nuisanceCheck;
  const earliest = s.leaseStartOn ? addPeriod(s.leaseStartOn, 1, 'years') : null;
  const reviewAfterDecision = s.review && s.jointDecision && s.review.on >= s.jointDecision.on;
  return [
    {
      id: 'T1', rule: 'R-OR-64 / D-09', met: earliest !== null && asOf >= earliest,
      nl: earliest ? `De intermediaire verhuur duurt minimaal een jaar (vanaf ${earliest}).` : 'De startdatum van de intermediaire verhuur is niet vastgelegd.',
      en: earliest ? `The intermediate lease has lasted at least one year (from ${earliest}).` : 'The start of the intermediate lease is not recorded.',
    },
    {
      id: 'T2', rule: 'R-OR-64 / R-OR-73', met: lastEvaluation !== null && (!s.jointDecision || s.evaluations.some((e) => e.on <= s.jointDecision!.on)),
      nl: 'Er is minstens één woonevaluatie gehouden vóór het omklapgesprek.', en: 'At least one housing evaluation took place before the transfer meeting.',
    },
    {
      id: 'T3', rule: 'R-OR-64 / R-OR-14 / R-OR-65', met: urgencyGoals.length > 0 && urgencyGoals.every((g) => g.achieved),
      nl: urgencyGoals.length === 0 ? 'Er zijn geen doelen gekoppeld aan de urgentie onder voorwaarden vastgelegd.' : `Alle doelen gekoppeld aan de urgentie zijn behaald (${urgencyGoals.filter((g) => g.achieved).length} van ${urgencyGoals.length}).`,
      en: urgencyGoals.length === 0 ? 'No goals linked to the conditional urgency are recorded.' : `All goals linked to the conditional urgency are met (${urgencyGoals.filter((g) => g.achieved).length} of ${urgencyGoals.length}).`,
    },
    {
      id: 'T4', rule: 'R-OR-64', met: s.jointDecision?.noUnacceptableRisks === true,
      nl: 'Er zijn geen onaanvaardbare risico’s rond het wonen.', en: 'There are no unacceptable risks around housing.',
    },
    {
      id: 'T5', rule: 'R-OR-64 / R-OV-19', met: nuisance !== null && nuisance.checkedWith.includes('nuisance_hub') && nuisance.checkedWith.includes('corporation') && (!nuisance.complaintsFound || nuisance.transferPossible),
      nl: 'De overlastcheck bij MZWO en de corporatie is gedaan en staat omklap niet in de weg.', en: 'The nuisance check with MZWO and the corporation is done and does not stand in the way.',
    },
    {
      id: 'T6', rule: 'R-OR-64 / R-OR-66', met: s.jointDecision !== null,
      nl: 'Bewoner, zorgaanbieder en corporatie hebben samen besloten tot voordracht.', en: 'Resident, care provider and corporation jointly decided to nominate.',
    },
    {
      id: 'T7', rule: 'R-OR-64 / R-OR-68', met: Boolean(reviewAfterDecision && s.review!.verdict === 'approved'),
      nl: 'De onafhankelijke derde heeft de voordracht goedgekeurd.', en: 'The independent reviewer approved the nomination.',
    },
    {
      id: 'T8', rule: 'R-OR-64 / R-OR-71', met: s.wonenConfirmedOn !== null,
      nl: 'Directie Wonen heeft de voordracht bevestigd.', en: 'Directie Wonen confirmed the nomination.',
    },
  ];
}

/** T1–T7 must hold before the nomination goes to Wonen; T8 too before the contract in own name. */
export function failingBeforeNomination(s: TrajectoryState, asOf: IsoDate): TransferCondition[] {
  return transferConditions(s, asOf).filter((c) => c.id !== 'T8' && !c.met);
}

// ─── DR-YA-2: contract type at lease transfer (five-year contracts for young adults) ─────

export type ContractOutcome = 'INDEFINITE' | 'FIVE_YEAR' | 'NOT_B4';

export interface ContractTypeSettings {
  /** Cut-off for households with children (row 4/5). */
  childrenCutoff: IsoDate;
  /** Corporations with the early cut-off (row 6/7; "de Key" in Amsterdam), by organisation code. */
  earlyCutoffCorporations: ReadonlyArray<string>;
  earlyCutoff: IsoDate;
  /** Cut-off for other corporations (row 8/9). */
  otherCutoff: IsoDate;
  /** Row 10 (AMB-YA-02): whether the cut-off date itself belongs to the new regime. */
  cutoffDayIsNewRegime: boolean;
  maxAgeAtPlacement: number;
  maxAgeAtTransfer: number;
}

export const DEFAULT_CONTRACT_SETTINGS: ContractTypeSettings = {
  childrenCutoff: '2019-06-01',
  earlyCutoffCorporations: [],
  earlyCutoff: '2018-01-01',
  otherCutoff: '2018-04-01',
  cutoffDayIsNewRegime: true,
  maxAgeAtPlacement: 25,
  maxAgeAtTransfer: 27,
};

export interface ContractTypeInput {
  exceptionGranted: boolean;
  ageAtPlacement: number;
  ageAtTransfer: number;
  hasChildren: boolean;
  corporationCode: string;
  placementDate: IsoDate;
}

export function contractTypeAtTransfer(i: ContractTypeInput, cfg: ContractTypeSettings = DEFAULT_CONTRACT_SETTINGS): { outcome: ContractOutcome; row: number } {
  if (i.exceptionGranted) return { outcome: 'INDEFINITE', row: 1 };
  if (i.ageAtPlacement > cfg.maxAgeAtPlacement) return { outcome: 'NOT_B4', row: 2 };
  if (i.ageAtTransfer > cfg.maxAgeAtTransfer) return { outcome: 'NOT_B4', row: 3 };
  const after = (cutoff: IsoDate) => i.placementDate > cutoff || (i.placementDate === cutoff && cfg.cutoffDayIsNewRegime);
  const onCutoff = (cutoff: IsoDate) => i.placementDate === cutoff;
  if (i.hasChildren) {
    if (onCutoff(cfg.childrenCutoff)) return { outcome: after(cfg.childrenCutoff) ? 'FIVE_YEAR' : 'INDEFINITE', row: 10 };
    return after(cfg.childrenCutoff) ? { outcome: 'FIVE_YEAR', row: 4 } : { outcome: 'INDEFINITE', row: 5 };
  }
  if (cfg.earlyCutoffCorporations.includes(i.corporationCode)) {
    if (onCutoff(cfg.earlyCutoff)) return { outcome: after(cfg.earlyCutoff) ? 'FIVE_YEAR' : 'INDEFINITE', row: 10 };
    return after(cfg.earlyCutoff) ? { outcome: 'FIVE_YEAR', row: 6 } : { outcome: 'INDEFINITE', row: 7 };
  }
  if (onCutoff(cfg.otherCutoff)) return { outcome: after(cfg.otherCutoff) ? 'FIVE_YEAR' : 'INDEFINITE', row: 10 };
  return after(cfg.otherCutoff) ? { outcome: 'FIVE_YEAR', row: 8 } : { outcome: 'INDEFINITE', row: 9 };
}

/**
 * R-YA-05: the contract type recorded at transfer must follow DR-YA-2 for a young adult
 * (18 up to the maximum age at placement). Returns a violation naming the rule, or null.
 */
export function checkContractType(
  recorded: 'indefinite' | 'five_year',
  input: ContractTypeInput,
  cfg: ContractTypeSettings = DEFAULT_CONTRACT_SETTINGS,
): { rule: 'R-YA-05'; expected: ContractOutcome; row: number; nl: string; en: string } | null {
  if (input.ageAtPlacement < 18) return null;
  const { outcome, row } = contractTypeAtTransfer(input, cfg);
  const expected = outcome === 'FIVE_YEAR' ? 'five_year' : 'indefinite';
  if (recorded === expected) return null;
  return {
    rule: 'R-YA-05', expected: outcome, row,
    nl: `Volgens de regeling voor jongvolwassenen (DR-YA-2, regel ${row}) hoort hier een ${expected === 'five_year' ? 'vijfjarencontract' : 'contract voor onbepaalde tijd'}; leg een uitzondering (R-YA-06) vast als die is toegekend.`,
    en: `Under the young-adult scheme (DR-YA-2, row ${row}) this should be a ${expected === 'five_year' ? 'five-year contract' : 'lease for an indefinite period'}; record an exception (R-YA-06) if one was granted.`,
  };
}
