/**
 * The Omslagroute's grants: who acts on a client's case, by the case relation (policy.ts
 * relationsOf). Lists use the same grants as the detail (client.list = client.read), so the list
 * scope built from them (modules/trajectories/scope.ts) shows exactly the readable cases.
 * The purpose of a corporation's or Wonen's access is chosen per phase (domain/privacy); the grant's
 * purpose is only the default.
 */
import type { Grant, GrantTable } from '../policy/policy.ts';

export const CASE_ACTIONS = [
  'client.create',
  'client.list',
  'client.read',
  'client.update',
  'trajectory.create',
  'trajectory.read',
  'trajectory.record_event',
  'trajectory.manage_team',
  'trajectory.assign_corporation',
  'deadline.adjust',
  'worklist.read',
  'worklist.read_organisation',
] as const;

export const CW_OWN: Grant = { who: 'care_worker', relations: ['own'], purpose: 'case_management' };
export const TM_OWN: Grant = { who: 'team_manager', relations: ['own'], purpose: 'case_management' };
export const CW_TEAM: Grant = { who: 'care_worker', relations: ['case_team'], purpose: 'case_management' };
export const TM_CASE: Grant = { who: 'team_manager', relations: ['case_care_provider'], purpose: 'case_management' };
export const REVIEWER_CASE: Grant = { who: 'independent_reviewer', relations: ['case_care_provider'], purpose: 'case_management' };
export const CC_CASE: Grant = { who: 'corporation_contact', relations: ['case_corporation'], purpose: 'PB-1' };
export const WON_CASE: Grant = { who: 'wonen_officer', relations: ['case_wonen'], purpose: 'PB-2' };
/** Readers of a case: the team, the care provider's managers and reviewers, the corporation's contact, Wonen of the case's municipality. */
export const CASE_READERS: ReadonlyArray<Grant> = [CW_TEAM, TM_CASE, REVIEWER_CASE, CC_CASE, WON_CASE];

export const CASE_GRANTS: GrantTable<(typeof CASE_ACTIONS)[number]> = {
  'client.create': [CW_OWN, TM_OWN],
  'client.list': CASE_READERS,
  'client.read': CASE_READERS,
  'client.update': [CW_TEAM, TM_CASE],
  'trajectory.create': [CW_OWN, TM_OWN],
  'trajectory.read': CASE_READERS,
  'trajectory.record_event': CASE_READERS,
  'trajectory.manage_team': [CW_TEAM, TM_CASE],
  'trajectory.assign_corporation': [CW_TEAM, TM_CASE],
  'deadline.adjust': [CW_TEAM, TM_CASE, CC_CASE, WON_CASE],
  'worklist.read': CASE_READERS,
  'worklist.read_organisation': [{ who: 'team_manager', relations: ['own'], purpose: 'case_management' }],
};
