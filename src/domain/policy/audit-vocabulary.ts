/**
 * The words of the audit trail: every action and every kind of record the server writes to it.
 * The web labels each of them (audit.actions.*, audit.resourceTypes.*); a test checks that every
 * one has a label in both languages. A module that audits a new action or resource type adds it
 * here.
 */
import { ACTIONS } from './policy.ts';

/** Actions a use case writes to the audit trail itself, besides the policy actions a route declares. */
export const AUDIT_ONLY_ACTIONS = [
  'auth.login',
  'auth.logout',
  'auth.switch_organisation',
  'auth.change_password',
  'calendar.add_day',
  'calendar.remove_day',
  'trajectory.team_add',
  'trajectory.team_remove',
  'form.create',
  'form.save',
  'form.submit',
  'attachment.upload',
  'attachment.delete',
  'privacy.deletion_request',
  'privacy.deletion_revoke',
  'privacy.erase',
  'audit.export',
  'new_chance.letter',
] as const;

/** Every action that can appear in the audit trail: the policy actions plus the audit-only ones. */
export const AUDIT_ACTIONS = [...ACTIONS, ...AUDIT_ONLY_ACTIONS] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * Every kind of record in the audit trail: the resource types the modules write, plus the ones
 * the platform derives from a route's action when the route names none (the part before the dot).
 */
export const AUDIT_RESOURCE_TYPES = [
  // Accounts and organisations
  'user',
  'session',
  'membership',
  'organisation',
  'region',
  'audit',
  'calendar',
  'calendar_day',
  'route_info',
  // Clients and their cases
  'client',
  'trajectory',
  'move',
  // Matching: dwellings, housing-need profiles, offers, the configuration
  'dwelling',
  'address',
  'housing_profile',
  'offer',
  'matching',
  'matching_config',
  // The nuisance protocol: reports, cases, letters, the hub, New Chance
  'nuisance_case',
  'nuisance_report',
  'nuisance_letter',
  'nuisance_hub',
  'new_chance',
  'nuisance_prevention',
  'deadline',
  'worklist',
  'home',
  'consent',
  'privacy',
  'deletion_request',
  'form',
  'attachment',
  // Agreements, figures and the monitor
  'agreement',
  'plan_version',
  'corporation_target',
  'target_group',
  'reference',
  'corporation_figures',
  'corporation_stock',
  'released_dwellings',
  'released_dwelling_rooms',
  'estimated_need',
  'statushouder_quota',
  'statushouder_backlog',
  'young_statushouder_units',
  'placement',
  'placement_import',
  'monitor',
  'system',
] as const;
export type AuditResourceType = (typeof AUDIT_RESOURCE_TYPES)[number];
