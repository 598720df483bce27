/**
 * The municipality of a trajectory (R-MO-18; monitor.md §11): the dwelling's once a dwelling is
 * known, the referring one before that; which events carry it, who may record which, and what is
 * refused.
 */
import { describe, expect, it } from 'vitest';
import { writableTrajectoryMunicipalityFields, type Subject } from '../policy/index.ts';
import { OFFER, careWorker, corp, toKeyHandover, toMatching, wonen, Walk } from '../../../test/support/trajectory-walk.ts';
import { checkMunicipalities, dwellingKnown, municipalityChanges, municipalityOf } from './municipality.ts';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';

describe('R-MO-18: the municipality a trajectory counts for', () => {
  it('is the referring municipality until there is a dwelling, then the dwelling’s (unknown when not recorded)', () => {
    expect(municipalityOf({ municipalityId: A, dwellingMunicipalityId: null }, false)).toEqual({ id: A, basis: 'referral' });
    expect(municipalityOf({ municipalityId: A, dwellingMunicipalityId: B }, true)).toEqual({ id: B, basis: 'dwelling' });
    // A dwelling without its municipality is not counted for the referring municipality by mistake.
    expect(municipalityOf({ municipalityId: A, dwellingMunicipalityId: null }, true)).toBeNull();
    expect(municipalityOf({ municipalityId: null, dwellingMunicipalityId: null }, false)).toBeNull();
  });

  it('knows a dwelling from the final match on', () => {
    const w = toMatching();
    expect(dwellingKnown(w.state)).toBe(false);
    expect(dwellingKnown(toKeyHandover().state)).toBe(true);
  });

  it('is carried by the start, the referral, the urgency, the match, the key handover and its own step, and only there', () => {
    expect(municipalityChanges('referral_submitted', { municipalityId: A })).toEqual({ municipalityId: A });
    expect(municipalityChanges('urgency_granted', { conditional: true, municipalityId: A })).toEqual({ municipalityId: A });
    expect(municipalityChanges('match_final', { oldRegistrationKept: true, dwellingMunicipalityId: B })).toEqual({ dwellingMunicipalityId: B });
    expect(municipalityChanges('key_handover', { corporationContactPresent: true, dwellingMunicipalityId: B })).toEqual({ dwellingMunicipalityId: B });
    expect(municipalityChanges('municipality_recorded', { municipalityId: A, dwellingMunicipalityId: B })).toEqual({ municipalityId: A, dwellingMunicipalityId: B });
    // A match does not set the referring municipality; other events set nothing.
    expect(municipalityChanges('match_final', { municipalityId: A })).toEqual({});
    expect(municipalityChanges('viewing_held', { municipalityId: A })).toEqual({});
  });

  it('is refused outside the region of the trajectory and when the party may not record it', () => {
    expect(checkMunicipalities({ municipalityId: A }, [A, B], ['municipalityId', 'dwellingMunicipalityId'])).toEqual([]);
    const outside = checkMunicipalities({ dwellingMunicipalityId: 'elsewhere' }, [A, B], ['dwellingMunicipalityId']);
    expect(outside).toEqual([expect.objectContaining({ code: 'municipality_not_in_region', rule: 'R-MO-18', field: '/data/dwellingMunicipalityId' })]);
    expect(outside[0]!.nl).toContain('gemeente');
    expect(outside[0]!.en).toContain('municipality');
    expect(checkMunicipalities({ municipalityId: A }, [A], ['dwellingMunicipalityId'], '/')).toEqual([expect.objectContaining({ code: 'municipality_not_writable', field: '/municipalityId' })]);
  });
});

describe('R-MO-18: who records which municipality (policy, field-level writability)', () => {
  const subject = (role: Subject['role']): Subject => ({ userId: 'u', role, organisationId: 'o', organisationType: null, scope: ['o'] });
  it('the care provider records both, the corporation the dwelling’s, Wonen the referring one, others none', () => {
    expect(writableTrajectoryMunicipalityFields(subject('care_worker'), 'case_team')).toEqual(['municipalityId', 'dwellingMunicipalityId']);
    expect(writableTrajectoryMunicipalityFields(subject('care_worker'), 'own')).toEqual(['municipalityId', 'dwellingMunicipalityId']);
    expect(writableTrajectoryMunicipalityFields(subject('team_manager'), 'case_care_provider')).toEqual(['municipalityId', 'dwellingMunicipalityId']);
    expect(writableTrajectoryMunicipalityFields(subject('corporation_contact'), 'case_corporation')).toEqual(['dwellingMunicipalityId']);
    expect(writableTrajectoryMunicipalityFields(subject('wonen_officer'), 'case_wonen')).toEqual(['municipalityId']);
    expect(writableTrajectoryMunicipalityFields(subject('independent_reviewer'), 'case_care_provider')).toEqual([]);
    expect(writableTrajectoryMunicipalityFields(subject('programme_analyst'), 'foreign')).toEqual([]);
  });
});

describe('the step "Gemeente vastgelegd" (municipality_recorded)', () => {
  it('can be recorded at any time of an active trajectory by the care provider, the corporation and Wonen, and needs a municipality', () => {
    const w = toMatching();
    expect(w.try('municipality_recorded', '2026-02-01', { municipalityId: A })).toEqual([]);
    expect(w.try('municipality_recorded', '2026-02-01', { dwellingMunicipalityId: B }, corp)).toEqual([]);
    expect(w.try('municipality_recorded', '2026-02-01', { municipalityId: A }, wonen)).toEqual([]);
    expect(w.try('municipality_recorded', '2026-02-01', {}, careWorker).length).toBeGreaterThan(0);
    expect(w.try('municipality_recorded', '2026-02-01', { municipalityId: 'not-a-uuid' }).map((v) => v.code)).toEqual(['invalid_data']);
    const fresh = new Walk();
    fresh.rec('trajectory_started', '2026-01-05', { variant: 'regular', municipalityId: A });
    expect(fresh.state.phase).toBe('P0_consent');
  });

  it('the match and the key handover accept the dwelling’s municipality', () => {
    const w = toMatching();
    w.rec('offer_received', '2026-03-30', OFFER, corp);
    w.rec('offer_replied', '2026-03-31', { reply: 'accept' });
    w.rec('client_informed', '2026-04-08', { choicesDiscussed: true });
    w.rec('match_final', '2026-04-10', { oldRegistrationKept: true, dwellingMunicipalityId: B }, corp);
    w.rec('dwelling_ready', '2026-04-14', {}, corp);
    w.rec('lease_signed', '2026-04-15', { ibriShared: true }, corp);
    w.rec('transfer_goals_communicated', '2026-04-15');
    w.rec('key_handover', '2026-04-16', { corporationContactPresent: true, dwellingMunicipalityId: A });
    expect(w.state.phase).toBe('P4_key_handover');
    expect(w.try('match_final', '2026-04-10', { oldRegistrationKept: true, dwellingMunicipalityId: 42 }, corp).map((v) => v.code)).toContain('invalid_data');
  });
});
