import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ORGANISATION_TYPES,
  ROLES,
  PLATFORM_ROLES,
  checkParent,
  checkRoleForOrganisation,
  subtreeOf,
  type OrganisationNode,
  type OrganisationType,
  type Role,
} from './model.ts';

// The organisation tree and the roles per organisation type, checked against tables
// written out here by hand (not derived from the code's own tables): a role or parent
// type added to the code without a decision fails here.

/** Where each organisation type may hang (null: top level), as the programme is organised. */
const PARENTS: Record<OrganisationType, ReadonlyArray<OrganisationType | null>> = {
  municipality: [null],
  // Directie Wonen, OJZ, WPI: directorates of a municipality.
  municipal_directorate: ['municipality'],
  // Stadsdelen.
  district: ['municipality'],
  care_provider: [null],
  housing_corporation: [null],
  // R-OV-21: MZWO per city district, also stand-alone or under the municipality.
  nuisance_hub: [null, 'municipality', 'district'],
  refugee_support: [null],
  financial_support_team: ['municipality', 'municipal_directorate'],
};

/** Who works where: `x` marks a role allowed in an organisation type. */
const ROLE_MATRIX: Record<Role, Partial<Record<OrganisationType, true>>> = {
  care_worker: { care_provider: true, refugee_support: true, financial_support_team: true },
  team_manager: {
    municipality: true, municipal_directorate: true, district: true, care_provider: true,
    housing_corporation: true, nuisance_hub: true, refugee_support: true, financial_support_team: true,
  },
  independent_reviewer: { care_provider: true },
  corporation_contact: { housing_corporation: true },
  wonen_officer: { municipal_directorate: true },
  nuisance_hub_officer: { nuisance_hub: true },
  programme_analyst: { municipality: true, municipal_directorate: true, district: true, housing_corporation: true },
  org_admin: {
    municipality: true, municipal_directorate: true, district: true, care_provider: true,
    housing_corporation: true, nuisance_hub: true, refugee_support: true, financial_support_team: true,
  },
  platform_admin: { municipality: true, municipal_directorate: true },
  platform_editor: { municipality: true, municipal_directorate: true },
};

describe('organisation types and their parents', () => {
  for (const type of ORGANISATION_TYPES) {
    for (const parent of [null, ...ORGANISATION_TYPES]) {
      const allowed = PARENTS[type].includes(parent);
      it(`${type} under ${parent ?? 'nothing'}: ${allowed ? 'allowed' : 'refused'}`, () => {
        const v = checkParent(type, parent);
        if (allowed) expect(v).toBeNull();
        else expect(v).toEqual({ code: 'PARENT_TYPE_NOT_ALLOWED', type, parentType: parent });
      });
    }
  }
});

describe('roles per organisation type', () => {
  it('every role is in the matrix, and only those', () => {
    expect([...ROLES].sort()).toEqual(Object.keys(ROLE_MATRIX).sort());
  });
  for (const role of ROLES) {
    for (const type of ORGANISATION_TYPES) {
      const allowed = ROLE_MATRIX[role][type] === true;
      it(`${role} in a ${type}: ${allowed ? 'allowed' : 'refused'}`, () => {
        const v = checkRoleForOrganisation(role, type);
        if (allowed) expect(v).toBeNull();
        else expect(v).toEqual({ code: 'ROLE_NOT_ALLOWED_IN_ORGANISATION_TYPE', role, type });
      });
    }
  }
  it('only the platform roles are reserved to a platform administrator', () => {
    expect([...PLATFORM_ROLES].sort()).toEqual(['platform_admin', 'platform_editor']);
  });
});

describe('subtreeOf', () => {
  it('a municipality with a directorate and a district, the district with a hub', () => {
    const orgs: OrganisationNode[] = [
      { id: 'ams', parentId: null },
      { id: 'wonen', parentId: 'ams' },
      { id: 'zuid', parentId: 'ams' },
      { id: 'mzwo-zuid', parentId: 'zuid' },
      { id: 'utr', parentId: null },
      { id: 'utr-wonen', parentId: 'utr' },
    ];
    expect(subtreeOf('ams', orgs).sort()).toEqual(['ams', 'mzwo-zuid', 'wonen', 'zuid']);
    expect(subtreeOf('zuid', orgs).sort()).toEqual(['mzwo-zuid', 'zuid']);
    expect(subtreeOf('mzwo-zuid', orgs)).toEqual(['mzwo-zuid']);
    // An organisation not in the list is its own subtree: never someone else's.
    expect(subtreeOf('unknown', orgs)).toEqual(['unknown']);
  });

  it('a cycle in the data (which the database refuses) does not loop forever', () => {
    const orgs: OrganisationNode[] = [
      { id: 'a', parentId: 'b' },
      { id: 'b', parentId: 'a' },
    ];
    expect(subtreeOf('a', orgs).sort()).toEqual(['a', 'b']);
  });

  it('property: x is in the subtree of r exactly when r is x or an ancestor of x, each once', () => {
    // A random forest: node i hangs under a node with a smaller index, or nowhere.
    const forest = fc
      .array(fc.option(fc.nat(), { nil: null }), { minLength: 1, maxLength: 25 })
      .map((parents) =>
        parents.map((p, i): OrganisationNode => ({
          id: `o${i}`,
          parentId: p === null || i === 0 ? null : `o${p % i}`,
        })),
      );
    fc.assert(
      fc.property(forest, fc.nat(), (orgs, pick) => {
        const root = orgs[pick % orgs.length]!.id;
        const parentOf = new Map(orgs.map((o) => [o.id, o.parentId]));
        const isAncestorOrSelf = (x: string): boolean => {
          for (let cur: string | null | undefined = x; cur; cur = parentOf.get(cur)) if (cur === root) return true;
          return false;
        };
        const got = subtreeOf(root, orgs);
        expect(new Set(got).size).toBe(got.length);
        expect(got[0]).toBe(root);
        expect([...got].sort()).toEqual(orgs.map((o) => o.id).filter(isAncestorOrSelf).sort());
      }),
    );
  });
});
