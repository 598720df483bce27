/**
 * Shared pieces of the New Chance pages and the hub pages (overlast.md §5, §7.6): the API shapes
 * as the pages read them, the route NK-1…NK-11 in words, and the words for nuisance states.
 * Step numbers (NK-5) are codes: they only appear inside a help disclosure.
 */
import type { Lang } from '../../api/types.ts';

export type Text = { nl: string; en: string };
export const txt = (v: Text | string | null | undefined, lang: Lang): string => (v == null ? '' : typeof v === 'string' ? v : (v[lang] ?? v.nl));

export type NewChanceStep = 'NK-1' | 'NK-2' | 'NK-3' | 'NK-4' | 'NK-5' | 'NK-6' | 'NK-7' | 'NK-8' | 'NK-9' | 'NK-10' | 'NK-11' | 'ended';

/** The route as a step list (NK-10, concerns, is a side step of NK-9). */
export const ROUTE: ReadonlyArray<Exclude<NewChanceStep, 'ended'>> = ['NK-1', 'NK-2', 'NK-3', 'NK-4', 'NK-5', 'NK-6', 'NK-7', 'NK-8', 'NK-9', 'NK-10', 'NK-11'];

/** The translation key part of a step ("NK-5" → "nk5"). */
export const stepKey = (step: string) => step.replace('NK-', 'nk').replace('-', '');

export interface NewChanceListItem {
  id: string;
  version: number;
  step: NewChanceStep;
  residentName: string;
  address: string;
  district: string | null;
  requestedOn: string;
  grantedOn: string | null;
  endedOn: string | null;
  corporation: string | null;
}

export interface NewChanceStepOption {
  type: string;
  label: Text;
  possible: boolean;
  needs: Text[];
}

export interface NewChanceDecision {
  careProviderId: string | null;
  move: boolean;
  termMonths: number | null;
  housingNeeds: string | null;
  temporaryStay: boolean;
  on: string;
}

export interface NewChanceDetail {
  id: string;
  version: number;
  step: NewChanceStep;
  residentName: string;
  address: string;
  district: string | null;
  requestedOn: string;
  hub: { id: string; name: string | null };
  corporation: { id: string; name: string | null };
  careProvider: { id: string; name: string | null } | null;
  granted: boolean;
  grantedOn: string | null;
  decision: NewChanceDecision | null;
  state: { endedOn: string | null; endReason: string | null; letterOn: string | null; goalsSetOn: string | null; lastEvaluationOn: string | null; openConcernOn: string | null };
  deadlines: Array<{ key: string; ruleId: string; label: Text; actor: string; due: string; metOn: string | null; closedAs: string | null; overdue: boolean }>;
  events: Array<{ seq: number; type: string; label: Text; occurredOn: string; data: Record<string, unknown> }>;
  letters: Array<{ id: string; kind: string; issuedOn: string }>;
  steps: NewChanceStepOption[];
  letter: { possible: boolean; needs: Text[] } | null;
  viewer: { party: string | null; organisationId: string };
}

export interface HubDistrict {
  code: string | null;
  name: string | null;
  open: number;
  overThreeMonths: number;
  hubLead: number;
  byStatus: Record<string, number>;
  byAge: Record<string, number>;
}

export interface HubOverview {
  today: string;
  districts: HubDistrict[];
  totals: { open: number; overThreeMonths: number; hubLead: number };
  situations: Array<{ caseId: string; address: string; district: string | null; reports: number; channels: string[] }>;
  newChance: Record<string, number>;
}

export interface AddressCheck {
  address: string;
  hasSupport: boolean;
  knownDwelling: boolean;
  careProvider: { id: string; name: string | null } | null;
  corporation: { id: string; name: string | null } | null;
  openCase: { id: string; reportedToHub: boolean } | null;
}

export interface NuisanceCaseListItem {
  id: string;
  address: string;
  district: string | null;
  status: string;
  openedOn: string;
  hubLead: boolean;
  next: { ruleId: string; due: string | null; overdue: boolean } | null;
  overdueCount: number;
}

export const AGE_BUCKETS = ['under_1_month', '1_to_3_months', 'over_3_months'] as const;
