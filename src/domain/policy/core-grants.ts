/**
 * The platform's own grants: public routes, sessions, the organisation tree, users and memberships,
 * the audit trail, the calendar and the public route page. Merged with the modules' grant tables
 * into the one policy table (policy.ts).
 */
import type { Grant, GrantTable, Relation } from './policy.ts';

export const CORE_ACTIONS = [
  'system.public',
  'calendar.read',
  'calendar.manage_decree_days',
  'calendar.manage_closing_days',
  'session.self',
  'region.list',
  'region.create',
  'organisation.list',
  'organisation.read',
  'organisation.create',
  'organisation.update',
  'organisation.deactivate',
  'user.list',
  'user.read',
  'user.create',
  'user.update',
  'user.deactivate',
  'membership.list',
  'membership.create',
  'membership.end',
  'audit.read',
  'audit.verify',
  'route_info.edit',
] as const;

/** Every member of an organisation (any role). */
export const ALL_MEMBER: Grant = { who: 'member', relations: 'any' };
/** The platform administrator on accounts and organisations. */
export const PLATFORM_ADMIN: Grant = { who: 'platform_admin', relations: 'any', purpose: 'account_administration' };
/** The platform administrator on programme reference data (no personal data, so no purpose). */
export const PROGRAMME_ADMIN: Grant = { who: 'platform_admin', relations: 'any' };
export const OWN: ReadonlyArray<Relation> = ['own'];
export const OWN_OR_SHARED: ReadonlyArray<Relation> = ['own', 'shared'];

export const CORE_GRANTS: GrantTable<(typeof CORE_ACTIONS)[number]> = {
  'system.public': [{ who: 'anyone', relations: 'any' }],
  'calendar.read': [{ who: 'anyone', relations: 'any' }],
  'calendar.manage_decree_days': [PLATFORM_ADMIN],
  'calendar.manage_closing_days': [PLATFORM_ADMIN, { who: 'org_admin', relations: OWN }],
  'session.self': [{ who: 'authenticated', relations: 'any', purpose: 'own_account' }],
  'region.list': [ALL_MEMBER],
  'region.create': [PLATFORM_ADMIN],
  'organisation.list': [ALL_MEMBER],
  'organisation.read': [ALL_MEMBER],
  'organisation.create': [PLATFORM_ADMIN],
  'organisation.update': [PLATFORM_ADMIN, { who: 'org_admin', relations: OWN }],
  'organisation.deactivate': [PLATFORM_ADMIN],
  'user.list': [
    PLATFORM_ADMIN,
    { who: 'org_admin', relations: OWN_OR_SHARED, purpose: 'account_administration' },
    { who: 'team_manager', relations: OWN_OR_SHARED, purpose: 'colleague_lookup' },
  ],
  'user.read': [
    PLATFORM_ADMIN,
    { who: 'org_admin', relations: OWN_OR_SHARED, purpose: 'account_administration' },
    { who: 'team_manager', relations: OWN_OR_SHARED, purpose: 'colleague_lookup' },
    { who: 'authenticated', relations: ['self'], purpose: 'own_account' },
  ],
  'user.create': [PLATFORM_ADMIN, { who: 'org_admin', relations: OWN, purpose: 'account_administration' }],
  'user.update': [
    PLATFORM_ADMIN,
    { who: 'org_admin', relations: OWN, purpose: 'account_administration' },
    { who: 'authenticated', relations: ['self'], purpose: 'own_account' },
  ],
  'user.deactivate': [PLATFORM_ADMIN, { who: 'org_admin', relations: OWN, purpose: 'account_administration' }],
  'membership.list': [
    PLATFORM_ADMIN,
    { who: 'org_admin', relations: OWN_OR_SHARED, purpose: 'account_administration' },
    { who: 'team_manager', relations: OWN_OR_SHARED, purpose: 'colleague_lookup' },
    { who: 'authenticated', relations: ['self'], purpose: 'own_account' },
  ],
  'membership.create': [PLATFORM_ADMIN, { who: 'org_admin', relations: OWN, purpose: 'account_administration' }],
  'membership.end': [PLATFORM_ADMIN, { who: 'org_admin', relations: OWN, purpose: 'account_administration' }],
  'audit.read': [
    { who: 'platform_admin', relations: 'any', purpose: 'security_audit' },
    { who: 'org_admin', relations: OWN, purpose: 'security_audit' },
  ],
  'audit.verify': [{ who: 'platform_admin', relations: 'any', purpose: 'security_audit' }],
  'route_info.edit': [{ who: 'platform_editor', relations: 'any' }, { who: 'platform_admin', relations: 'any' }],
};
