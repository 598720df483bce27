/** Organisations, roles and memberships: the vocabulary every module shares. Pure data, no I/O. */

export const ORGANISATION_TYPES = [
  'municipality',
  'municipal_directorate',
  'district',
  'care_provider',
  'housing_corporation',
  'nuisance_hub',
  'refugee_support',
  'financial_support_team',
] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

export const ROLES = [
  'care_worker',
  'team_manager',
  'independent_reviewer',
  'corporation_contact',
  'wonen_officer',
  'nuisance_hub_officer',
  'programme_analyst',
  'org_admin',
  'platform_admin',
  'platform_editor',
] as const;
export type Role = (typeof ROLES)[number];

/** Which parent type each organisation type may hang under (null: top level). */
export const ALLOWED_PARENT_TYPES: Record<OrganisationType, ReadonlyArray<OrganisationType | null>> = {
  municipality: [null],
  municipal_directorate: ['municipality'],
  district: ['municipality'],
  care_provider: [null],
  housing_corporation: [null],
  nuisance_hub: [null, 'municipality', 'district'],
  refugee_support: [null],
  financial_support_team: ['municipality', 'municipal_directorate'],
};

/** Which roles make sense in which organisation type (a membership outside this table is refused). */
export const ROLES_BY_ORGANISATION_TYPE: Record<OrganisationType, ReadonlyArray<Role>> = {
  municipality: ['programme_analyst', 'org_admin', 'platform_admin', 'platform_editor', 'team_manager'],
  municipal_directorate: ['wonen_officer', 'programme_analyst', 'team_manager', 'org_admin', 'platform_admin', 'platform_editor'],
  district: ['programme_analyst', 'team_manager', 'org_admin'],
  care_provider: ['care_worker', 'team_manager', 'independent_reviewer', 'org_admin'],
  housing_corporation: ['corporation_contact', 'team_manager', 'programme_analyst', 'org_admin'],
  nuisance_hub: ['nuisance_hub_officer', 'team_manager', 'org_admin'],
  refugee_support: ['care_worker', 'team_manager', 'org_admin'],
  financial_support_team: ['care_worker', 'team_manager', 'org_admin'],
};

/** Roles only a platform administrator may grant. */
export const PLATFORM_ROLES: ReadonlyArray<Role> = ['platform_admin', 'platform_editor'];

export interface OrganisationNode {
  id: string;
  parentId: string | null;
}

/** The organisation and all organisations below it (directorates and districts of a municipality). */
export function subtreeOf(rootId: string, organisations: ReadonlyArray<OrganisationNode>): string[] {
  const children = new Map<string, string[]>();
  for (const o of organisations) {
    if (o.parentId) children.set(o.parentId, [...(children.get(o.parentId) ?? []), o.id]);
  }
  const out: string[] = [];
  const stack = [rootId];
  const seen = new Set<string>();
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}

export type OrganisationRuleViolation =
  | { code: 'PARENT_TYPE_NOT_ALLOWED'; type: OrganisationType; parentType: OrganisationType | null }
  | { code: 'PARENT_CYCLE' }
  | { code: 'ROLE_NOT_ALLOWED_IN_ORGANISATION_TYPE'; role: Role; type: OrganisationType };

export function checkParent(
  type: OrganisationType,
  parentType: OrganisationType | null,
): OrganisationRuleViolation | null {
  return ALLOWED_PARENT_TYPES[type].includes(parentType) ? null : { code: 'PARENT_TYPE_NOT_ALLOWED', type, parentType };
}

export function checkRoleForOrganisation(role: Role, type: OrganisationType): OrganisationRuleViolation | null {
  return ROLES_BY_ORGANISATION_TYPE[type].includes(role) ? null : { code: 'ROLE_NOT_ALLOWED_IN_ORGANISATION_TYPE', role, type };
}
