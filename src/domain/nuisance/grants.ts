/**
 * The nuisance protocol's grants (overlast.md): the care provider runs the protocol on its
 * residents' cases (its central reporting point, Annex 1); the corporation reports signals and
 * reads the cases about its dwellings with the copies it is owed (PB-4: the nature of the nuisance
 * and that interventions are taken, R-OV-68); the nuisance hub (MZWO) of the municipality reads and
 * steers the cases reported to it or that meet M1–M10 (PB-8, the MZWO covenant, R-OV-24) and runs
 * the New Chance bodies. The relation is the case's (care provider, corporation, hub); the handler
 * decides again on the loaded case, lists use the same decision as SQL.
 */
import type { Grant, GrantTable } from '../policy/policy.ts';

export const NUISANCE_ACTIONS = [
  'nuisance_report.create',
  'nuisance_report.related',
  'nuisance_case.list',
  'nuisance_case.read',
  'nuisance_case.record_event',
  'nuisance_letter.create',
  'nuisance_letter.read',
  'nuisance_hub.overview',
  'nuisance_hub.address_check',
  'new_chance.create',
  'new_chance.list',
  'new_chance.read',
  'new_chance.record_event',
  'nuisance_prevention.read',
  'nuisance_prevention.update',
] as const;
export type NuisanceAction = (typeof NUISANCE_ACTIONS)[number];

const CARE: Grant = { who: 'care_worker', relations: ['case_care_provider'], purpose: 'case_management' };
const TM_CARE: Grant = { who: 'team_manager', relations: ['case_care_provider'], purpose: 'case_management' };
const CORP: Grant = { who: 'corporation_contact', relations: ['case_corporation'], purpose: 'PB-4' };
const TM_CORP: Grant = { who: 'team_manager', relations: ['case_corporation'], purpose: 'PB-4' };
const HUB: Grant = { who: 'nuisance_hub_officer', relations: ['case_hub'], purpose: 'PB-8' };
const TM_HUB: Grant = { who: 'team_manager', relations: ['case_hub'], purpose: 'PB-8' };
const CORP_NK: Grant = { who: 'corporation_contact', relations: ['case_corporation'], purpose: 'PB-8' };
const WON_NK: Grant = { who: 'wonen_officer', relations: ['case_wonen'], purpose: 'PB-8' };
const PARTIES: ReadonlyArray<Grant> = [CARE, TM_CARE, CORP, TM_CORP, HUB, TM_HUB];
const NK_PARTIES: ReadonlyArray<Grant> = [CARE, TM_CARE, CORP_NK, HUB, TM_HUB, WON_NK];

export const NUISANCE_GRANTS: GrantTable<NuisanceAction> = {
  'nuisance_report.create': [CARE, TM_CARE, CORP, HUB],
  'nuisance_report.related': [CARE, TM_CARE, CORP, HUB],
  'nuisance_case.list': PARTIES,
  'nuisance_case.read': PARTIES,
  'nuisance_case.record_event': [CARE, TM_CARE, CORP, HUB, TM_HUB],
  'nuisance_letter.create': [CARE, TM_CARE],
  'nuisance_letter.read': PARTIES,
  // The hub's own overview and address check: the handler keeps them to the hub's own cases and municipality.
  'nuisance_hub.overview': [{ who: 'nuisance_hub_officer', relations: 'any' }, { who: 'team_manager', relations: ['own'] }],
  'nuisance_hub.address_check': [{ who: 'nuisance_hub_officer', relations: 'any' }],
  'new_chance.create': [CARE, TM_CARE, CORP_NK, HUB],
  'new_chance.list': NK_PARTIES,
  'new_chance.read': NK_PARTIES,
  'new_chance.record_event': NK_PARTIES,
  // The start conversation (R-OV-14…R-OV-17): the care provider's; the corporation reads it (its furnishing rules, R-OV-14 a).
  'nuisance_prevention.read': [CARE, TM_CARE, CORP],
  'nuisance_prevention.update': [CARE, TM_CARE],
};
