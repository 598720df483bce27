/**
 * The nuisance protocol's grants through the one policy: every role × every nuisance action × the
 * case's relation to the caller, with the expectations written out by hand (overlast.md): the care
 * provider runs the protocol on its residents' cases, the corporation reports and reads its
 * dwellings' cases (PB-4, R-OV-68), the hub (MZWO) reads the cases reported to it only (R-OV-24,
 * PB-8: `case_hub` needs the hub among the case's hubIds), Wonen reads a granted New Chance of its
 * municipality (R-OV-64).
 */
import { describe, expect, it } from 'vitest';
import { decide, type Action, type CaseRef, type Subject } from '../policy/index.ts';
import { ROLES, type OrganisationType, type Role } from '../organisations/model.ts';
import { NUISANCE_ACTIONS } from './grants.ts';

const OWN = 'org-own';
const OTHER_CP = 'org-cp';
const OTHER_CORP = 'org-corp';
const OTHER_HUB = 'org-hub-other';
const MUNI = 'muni-own';
const OTHER_MUNI = 'muni-other';

const TYPE_OF: Record<Role, OrganisationType> = {
  care_worker: 'care_provider', team_manager: 'care_provider', independent_reviewer: 'care_provider', corporation_contact: 'housing_corporation',
  wonen_officer: 'municipal_directorate', nuisance_hub_officer: 'nuisance_hub', programme_analyst: 'municipality', org_admin: 'care_provider',
  platform_admin: 'municipality', platform_editor: 'municipality',
};

const subjectFor = (role: Role): Subject => ({ userId: 'user-1', role, organisationId: OWN, organisationType: TYPE_OF[role], scope: [OWN], municipalityIds: [MUNI] });

/** The case relations: the caller's organisation as the case's care provider, corporation or hub (reported to it or not), or none. */
const CASES = {
  care_provider: { careProviderId: OWN, corporationId: OTHER_CORP, teamUserIds: [], municipalityIds: [MUNI], hubIds: [OTHER_HUB] },
  corporation: { careProviderId: OTHER_CP, corporationId: OWN, teamUserIds: [], municipalityIds: [MUNI], hubIds: [OTHER_HUB] },
  hub_reported: { careProviderId: OTHER_CP, corporationId: OTHER_CORP, teamUserIds: [], municipalityIds: [MUNI], hubIds: [OWN] },
  hub_not_reported: { careProviderId: OTHER_CP, corporationId: OTHER_CORP, teamUserIds: [], municipalityIds: [MUNI], hubIds: [] },
  unrelated: { careProviderId: OTHER_CP, corporationId: OTHER_CORP, teamUserIds: [], municipalityIds: [MUNI], hubIds: [OTHER_HUB] },
  other_municipality: { careProviderId: OTHER_CP, corporationId: OTHER_CORP, teamUserIds: [], municipalityIds: [OTHER_MUNI], hubIds: [OTHER_HUB] },
} satisfies Record<string, CaseRef>;
type CaseName = keyof typeof CASES;
const CASE_NAMES = Object.keys(CASES) as CaseName[];

/** Every case of the caller's municipality (Wonen relates to each once a New Chance is granted). */
const MUNICIPALITY: CaseName[] = ['care_provider', 'corporation', 'hub_reported', 'hub_not_reported', 'unrelated'];

type Table = Partial<Record<Role, CaseName[]>>;
const REPORTERS: Table = { care_worker: ['care_provider'], team_manager: ['care_provider'], corporation_contact: ['corporation'], nuisance_hub_officer: ['hub_reported'] };
const PARTIES: Table = { care_worker: ['care_provider'], team_manager: ['care_provider', 'corporation', 'hub_reported'], corporation_contact: ['corporation'], nuisance_hub_officer: ['hub_reported'] };
const NK_PARTIES: Table = { ...PARTIES, team_manager: ['care_provider', 'hub_reported'], wonen_officer: MUNICIPALITY };

/** Hand-written: on which case each role may act (roles not named: never). */
const EXPECTED: Record<Exclude<Action & (typeof NUISANCE_ACTIONS)[number], 'nuisance_hub.overview' | 'nuisance_hub.address_check'>, Table> = {
  'nuisance_report.create': REPORTERS,
  'nuisance_report.related': REPORTERS,
  'nuisance_case.list': PARTIES,
  'nuisance_case.read': PARTIES,
  'nuisance_case.record_event': { care_worker: ['care_provider'], team_manager: ['care_provider', 'hub_reported'], corporation_contact: ['corporation'], nuisance_hub_officer: ['hub_reported'] },
  'nuisance_letter.create': { care_worker: ['care_provider'], team_manager: ['care_provider'] },
  'nuisance_letter.read': PARTIES,
  'new_chance.create': REPORTERS,
  'new_chance.list': NK_PARTIES,
  'new_chance.read': NK_PARTIES,
  'new_chance.record_event': NK_PARTIES,
  // R-OV-14…R-OV-17: the care provider keeps the start conversation, the corporation reads it.
  'nuisance_prevention.read': { care_worker: ['care_provider'], team_manager: ['care_provider'], corporation_contact: ['corporation'] },
  'nuisance_prevention.update': { care_worker: ['care_provider'], team_manager: ['care_provider'] },
};

/** The purpose each party reads and writes under (PB-4 for the corporation in the protocol, PB-8 at the hub's table). */
const PURPOSE: Partial<Record<CaseName, string>> = { care_provider: 'case_management', hub_reported: 'PB-8' };

describe('nuisance grants: roles × actions × the case relation', () => {
  for (const [action, table] of Object.entries(EXPECTED) as Array<[Action, Table]>) {
    for (const role of ROLES) {
      it(`R-OV-24/R-OV-64: ${role} on ${action}: ${(table[role] ?? []).join(', ') || 'never'}`, () => {
        const s = subjectFor(role);
        const got = CASE_NAMES.filter((n) => decide(s, action, { case: CASES[n] }).allowed);
        expect(got).toEqual(table[role] ?? []);
        // The route-level check (no resource yet) lets exactly the roles with some case through.
        expect(decide(s, action).allowed).toBe((table[role] ?? []).length > 0);
      });
    }
  }

  it('R-OV-24: the hub relates to a case only once the case names it among its hubs (not by municipality, not by organisation)', () => {
    const hub = subjectFor('nuisance_hub_officer');
    expect(decide(hub, 'nuisance_case.read', { case: CASES.hub_reported })).toMatchObject({ allowed: true, relation: 'case_hub', purpose: 'PB-8' });
    expect(decide(hub, 'nuisance_case.read', { case: CASES.hub_not_reported })).toMatchObject({ allowed: false, reason: 'relation_not_covered' });
    expect(decide(hub, 'nuisance_case.read', { case: { ...CASES.hub_not_reported, hubIds: undefined } })).toMatchObject({ allowed: false });
    // Another hub named on the case gives this hub nothing.
    expect(decide(hub, 'nuisance_case.read', { case: CASES.unrelated }).allowed).toBe(false);
  });

  it('R-OV-68 / PB-4: the corporation reads under PB-4 in the protocol and under PB-8 in the New Chance; the care provider under its own case management', () => {
    expect(decide(subjectFor('corporation_contact'), 'nuisance_case.read', { case: CASES.corporation })).toMatchObject({ relation: 'case_corporation', purpose: 'PB-4' });
    expect(decide(subjectFor('corporation_contact'), 'new_chance.read', { case: CASES.corporation })).toMatchObject({ relation: 'case_corporation', purpose: 'PB-8' });
    expect(decide(subjectFor('team_manager'), 'nuisance_case.read', { case: CASES.corporation })).toMatchObject({ relation: 'case_corporation', purpose: 'PB-4' });
    for (const role of ['care_worker', 'team_manager'] as const) {
      for (const [name, purpose] of Object.entries(PURPOSE) as Array<[CaseName, string]>) {
        if (name === 'hub_reported' && role === 'care_worker') continue;
        expect(decide(subjectFor(role), 'nuisance_case.read', { case: CASES[name] }).purpose).toBe(purpose);
      }
    }
  });

  it('R-OV-64: Wonen reads a New Chance of its own municipality only, and never a nuisance case', () => {
    const wonen = subjectFor('wonen_officer');
    expect(decide(wonen, 'new_chance.read', { case: CASES.unrelated })).toMatchObject({ allowed: true, relation: 'case_wonen', purpose: 'PB-8' });
    expect(decide(wonen, 'new_chance.read', { case: CASES.other_municipality }).allowed).toBe(false);
    // A New Chance before the grant carries no municipality for the policy: Wonen is not at the table.
    expect(decide(wonen, 'new_chance.read', { case: { ...CASES.unrelated, municipalityIds: [] } }).allowed).toBe(false);
    expect(decide(wonen, 'nuisance_case.read', { case: CASES.unrelated }).allowed).toBe(false);
    // Only a Wonen officer working for a directorate relates to the municipality's cases.
    expect(decide({ ...wonen, organisationType: 'municipality' }, 'new_chance.read', { case: CASES.unrelated }).allowed).toBe(false);
  });

  it('MZ-7: the hub\'s overview and address check: the hub officer always (the handler keeps them to its own hub), a team manager its own organisation\'s overview only', () => {
    for (const role of ROLES) {
      const s = subjectFor(role);
      const own = { organisationIds: [OWN] };
      const foreign = { organisationIds: [OTHER_HUB] };
      expect([decide(s, 'nuisance_hub.overview', own).allowed, decide(s, 'nuisance_hub.overview', foreign).allowed], role)
        .toEqual(role === 'nuisance_hub_officer' ? [true, true] : role === 'team_manager' ? [true, false] : [false, false]);
      expect([decide(s, 'nuisance_hub.address_check', own).allowed, decide(s, 'nuisance_hub.address_check', foreign).allowed], role)
        .toEqual(role === 'nuisance_hub_officer' ? [true, true] : [false, false]);
    }
  });

  it('default deny: no role and no subject act on any nuisance action without a grant', () => {
    for (const action of NUISANCE_ACTIONS) {
      expect(decide(null, action).allowed).toBe(false);
      expect(decide({ ...subjectFor('care_worker'), role: null }, action)).toMatchObject({ allowed: false, reason: 'no_active_membership' });
    }
  });
});
