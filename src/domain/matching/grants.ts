/**
 * Matching's grants (matching.md): the corporation registers and offers its dwellings; the care
 * provider keeps its clients' housing-need profiles and replies to offers; Wonen and the programme
 * analyst read the municipality's proposals and replay a proposed configuration. The relation is
 * the offer's or the dwelling's case relation (care provider, corporation, Wonen of the municipality);
 * the handler decides again on the loaded record, lists use the same decision as SQL.
 */
import type { Grant, GrantTable } from '../policy/policy.ts';

export const MATCHING_ACTIONS = [
  'dwelling.list',
  'dwelling.read',
  'dwelling.create',
  'dwelling.update',
  'dwelling.import',
  'address.lookup',
  'housing_profile.read',
  'housing_profile.update',
  'offer.create',
  'offer.list',
  'offer.read',
  'offer.record_event',
  'matching.candidates',
  'matching_config.read',
  'matching_config.update',
  'matching.replay',
] as const;

const CORP: Grant = { who: 'corporation_contact', relations: ['case_corporation'], purpose: 'PB-1' };
const CORP_OWN: Grant = { who: 'corporation_contact', relations: ['own'], purpose: 'PB-1' };
const CARE: Grant = { who: 'care_worker', relations: ['case_care_provider'], purpose: 'case_management' };
const TM_CARE: Grant = { who: 'team_manager', relations: ['case_care_provider'], purpose: 'case_management' };
const TM_CORP: Grant = { who: 'team_manager', relations: ['case_corporation'], purpose: 'PB-1' };
const WON: Grant = { who: 'wonen_officer', relations: ['case_wonen'], purpose: 'PB-2' };
const ANALYST: Grant = { who: 'programme_analyst', relations: 'any' };
const WON_ANY: Grant = { who: 'wonen_officer', relations: 'any' };
const OFFER_PARTIES: ReadonlyArray<Grant> = [CORP, TM_CORP, CARE, TM_CARE, WON];

export const MATCHING_GRANTS: GrantTable<(typeof MATCHING_ACTIONS)[number]> = {
  'dwelling.list': [CORP, TM_CORP, WON],
  'dwelling.read': [CORP, TM_CORP, WON],
  'dwelling.create': [CORP_OWN],
  'dwelling.update': [CORP],
  'dwelling.import': [CORP_OWN],
  'address.lookup': [{ who: 'corporation_contact', relations: 'any' }],
  'housing_profile.read': [CARE, TM_CARE, CORP],
  'housing_profile.update': [CARE, TM_CARE],
  'offer.create': [CORP],
  'offer.list': OFFER_PARTIES,
  'offer.read': OFFER_PARTIES,
  'offer.record_event': OFFER_PARTIES,
  'matching.candidates': [CARE, TM_CARE],
  // Configuration and replay: the municipality's own (the handler checks the municipality).
  'matching_config.read': [ANALYST, WON_ANY],
  'matching_config.update': [WON_ANY],
  'matching.replay': [ANALYST, WON_ANY],
};
