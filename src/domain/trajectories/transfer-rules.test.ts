/** Mutation tests for the transfer conditions (R-OR-64 T1–T8), DR-YA-2 and the municipality helpers (R-MO-18). */
import { describe, expect, it } from 'vitest';
import {
  checkContractType, checkMunicipalities, contractTypeAtTransfer, DEFAULT_CONTRACT_SETTINGS, dwellingKnown, initialState, municipalityChanges,
  transferConditions, type TrajectoryState,
} from './index.ts';

const st = (o: Partial<TrajectoryState>): TrajectoryState => ({ ...initialState(), ...o });
const met = (o: Partial<TrajectoryState>, id: string, asOf = '2027-06-01') => transferConditions(st(o), asOf).find((c) => c.id === id)!.met;
const goal = (linkedToUrgency: boolean, achieved: boolean) => ({ id: 'g', domain: 'daytime_activities', text: 't', linkedToUrgency, achieved, achievedOn: null }) as unknown as TrajectoryState['goals'][number];
const evaluation = (on: string) => ({ eventId: `ev-${on}`, on, outcome: 'continue' as const, atDwelling: true });

describe('R-OR-64 transfer conditions', () => {
  it('R-OR-64: names the eight conditions with their rules', () => {
    expect(transferConditions(st({}), '2027-06-01').map((c) => [c.id, c.rule])).toEqual([
      ['T1', 'R-OR-64 / D-09'], ['T2', 'R-OR-64 / R-OR-73'], ['T3', 'R-OR-64 / R-OR-14 / R-OR-65'], ['T4', 'R-OR-64'],
      ['T5', 'R-OR-64 / R-OV-19'], ['T6', 'R-OR-64 / R-OR-66'], ['T7', 'R-OR-64 / R-OR-68'], ['T8', 'R-OR-64 / R-OR-71'],
    ]);
  });

  it('R-OR-64 T1 / D-09: met from one year after the lease start, not the day before', () => {
    expect(met({ leaseStartOn: '2026-04-15' }, 'T1', '2027-04-14')).toBe(false);
    expect(met({ leaseStartOn: '2026-04-15' }, 'T1', '2027-04-15')).toBe(true);
    expect(met({ leaseStartOn: null }, 'T1', '2030-01-01')).toBe(false);
  });

  it('R-OR-64 T2 / R-OR-73: an evaluation on or before the joint decision counts, one only after it does not', () => {
    const jointDecision = { on: '2027-05-03', noUnacceptableRisks: true };
    expect(met({ evaluations: [] }, 'T2')).toBe(false);
    expect(met({ evaluations: [evaluation('2027-04-20')] }, 'T2')).toBe(true);
    expect(met({ evaluations: [evaluation('2027-04-20'), evaluation('2027-05-20')], jointDecision }, 'T2')).toBe(true);
    expect(met({ evaluations: [evaluation('2027-05-03')], jointDecision }, 'T2')).toBe(true);
    expect(met({ evaluations: [evaluation('2027-05-04')], jointDecision }, 'T2')).toBe(false);
  });

  it('R-OR-64 T3 / R-OR-65: all goals linked to the urgency achieved; none linked is not met', () => {
    expect(met({ goals: [] }, 'T3')).toBe(false);
    expect(met({ goals: [goal(false, true)] }, 'T3')).toBe(false);
    expect(met({ goals: [goal(true, true), goal(false, false)] }, 'T3')).toBe(true);
    expect(met({ goals: [goal(true, true), goal(true, false)] }, 'T3')).toBe(false);
    const t3 = transferConditions(st({ goals: [goal(true, true), goal(true, false), goal(true, true), goal(false, true)] }), '2027-06-01')[2]!;
    expect(t3.en).toContain('(2 of 3)');
    expect(t3.nl).toContain('(2 van 3)');
  });

  it('R-OR-64 T4 / T6: the joint decision exists and names no unacceptable risks', () => {
    expect(met({ jointDecision: { on: '2027-05-03', noUnacceptableRisks: true } }, 'T4')).toBe(true);
    expect(met({ jointDecision: { on: '2027-05-03', noUnacceptableRisks: false } }, 'T4')).toBe(false);
    expect(met({ jointDecision: { on: '2027-05-03', noUnacceptableRisks: false } }, 'T6')).toBe(true);
    expect(met({ jointDecision: null }, 'T6')).toBe(false);
  });

  it('R-OR-64 T5 / R-OV-19: checked with MZWO and the corporation; complaints only stand in the way when behaviour must change', () => {
    const check = (complaintsFound: boolean, transferPossible: boolean, checkedWith = ['nuisance_hub', 'corporation']) => met({ nuisanceCheck: { on: '2027-04-22', complaintsFound, transferPossible, checkedWith } }, 'T5');
    expect(check(false, false)).toBe(true);
    expect(check(true, true)).toBe(true);
    expect(check(true, false)).toBe(false);
    expect(check(false, true, ['nuisance_hub'])).toBe(false);
    expect(check(false, true, ['corporation'])).toBe(false);
    expect(met({ nuisanceCheck: null }, 'T5')).toBe(false);
  });

  it('R-OR-64 T7 / R-OR-68: an approval on or after the joint decision; one before it, or a rejection, is not met', () => {
    const jointDecision = { on: '2027-05-03', noUnacceptableRisks: true };
    expect(met({ jointDecision, review: { on: '2027-05-03', verdict: 'approved', by: 'u' } }, 'T7')).toBe(true);
    expect(met({ jointDecision, review: { on: '2027-05-02', verdict: 'approved', by: 'u' } }, 'T7')).toBe(false);
    expect(met({ jointDecision, review: { on: '2027-05-20', verdict: 'rejected', by: 'u' } }, 'T7')).toBe(false);
    expect(met({ jointDecision: null, review: { on: '2027-05-20', verdict: 'approved', by: 'u' } }, 'T7')).toBe(false);
  });

  it('R-OR-64 T8 / R-OR-71: met once Wonen confirmed', () => {
    expect(met({ wonenConfirmedOn: '2027-06-05' }, 'T8')).toBe(true);
    expect(met({ wonenConfirmedOn: null }, 'T8')).toBe(false);
  });
});

describe('DR-YA-2 contract type at transfer', () => {
  const base = { exceptionGranted: false, ageAtPlacement: 20, ageAtTransfer: 22, hasChildren: false, corporationCode: 'OTHER', placementDate: '2020-01-01' };

  it('DR-YA-2 row 3: 27 at transfer still qualifies, 28 does not', () => {
    expect(contractTypeAtTransfer({ ...base, ageAtTransfer: 27 })).toEqual({ outcome: 'FIVE_YEAR', row: 8 });
    expect(contractTypeAtTransfer({ ...base, ageAtTransfer: 28 })).toEqual({ outcome: 'NOT_B4', row: 3 });
  });

  it('DR-YA-2 row 10 / AMB-YA-02: placement on the children cut-off day follows the cut-off-day setting', () => {
    const i = { ...base, hasChildren: true, placementDate: '2019-06-01' };
    expect(contractTypeAtTransfer(i)).toEqual({ outcome: 'FIVE_YEAR', row: 10 });
    expect(contractTypeAtTransfer(i, { ...DEFAULT_CONTRACT_SETTINGS, cutoffDayIsNewRegime: false })).toEqual({ outcome: 'INDEFINITE', row: 10 });
  });

  it('DR-YA-2 row 10: placement on the early cut-off day for an early-cut-off corporation', () => {
    const cfg = { ...DEFAULT_CONTRACT_SETTINGS, earlyCutoffCorporations: ['KEY'] };
    const i = { ...base, corporationCode: 'KEY', placementDate: '2018-01-01' };
    expect(contractTypeAtTransfer(i, cfg)).toEqual({ outcome: 'FIVE_YEAR', row: 10 });
    expect(contractTypeAtTransfer(i, { ...cfg, cutoffDayIsNewRegime: false })).toEqual({ outcome: 'INDEFINITE', row: 10 });
  });

  it('R-YA-05: applies from 18 at placement; a 17-year-old placement is not checked', () => {
    const i = { ...base, placementDate: '2020-01-01' }; // other corporation, after 1 Apr 2018: five-year, row 8
    expect(checkContractType('indefinite', { ...i, ageAtPlacement: 18 })).toMatchObject({ rule: 'R-YA-05', expected: 'FIVE_YEAR', row: 8 });
    expect(checkContractType('indefinite', { ...i, ageAtPlacement: 17 })).toBeNull();
  });
});

describe('R-MO-18 municipality helpers', () => {
  it('R-MO-18: a dwelling is known from the final match, the lease start or an address (each alone)', () => {
    const none = { matchFinalOn: null, leaseStartOn: null, dwellingAddress: null };
    expect(dwellingKnown(none)).toBe(false);
    expect(dwellingKnown({ ...none, matchFinalOn: '2026-04-10' })).toBe(true);
    expect(dwellingKnown({ ...none, leaseStartOn: '2026-04-15' })).toBe(true);
    expect(dwellingKnown({ ...none, dwellingAddress: 'Lindelaan 12-2' })).toBe(true);
  });

  it('R-MO-18: an event sets only a non-empty string municipality of a field its type carries', () => {
    expect(municipalityChanges('trajectory_started', { municipalityId: 'GM0363' })).toEqual({ municipalityId: 'GM0363' });
    expect(municipalityChanges('trajectory_started', { municipalityId: '' })).toEqual({});
    expect(municipalityChanges('trajectory_started', { municipalityId: 363 })).toEqual({});
    expect(municipalityChanges('trajectory_started', { dwellingMunicipalityId: 'GM0363' })).toEqual({});
  });

  it('R-MO-18: a field the organisation may not write is refused at its JSON pointer', () => {
    const v = checkMunicipalities({ dwellingMunicipalityId: 'GM0363' }, ['GM0363'], ['municipalityId']);
    expect(v.map((x) => [x.code, x.rule, x.field])).toEqual([['municipality_not_writable', 'R-MO-18', '/data/dwellingMunicipalityId']]);
    expect(checkMunicipalities({ municipalityId: 'GM9999' }, ['GM0363'], ['municipalityId'], '/').map((x) => [x.code, x.field])).toEqual([['municipality_not_in_region', '/municipalityId']]);
  });
});
