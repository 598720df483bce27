import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FOLLOW_UPS, GENERAL_FOLLOW_UPS, REQUIRED_BEFORE_CLOSE, judge, judgementRow } from './judgement.ts';

const codes = (r: ReturnType<typeof judge>) => r.followUps.map((f) => f.code);
const GENERAL = ['written_feedback_to_corporation', 'registered_in_file', 'neighbour_mediation_first'];

describe('the judgement matrix (overlast.md §6.3)', () => {
  it('R-OV-27 / Ex 1 (J1): conscious, justified and the resident agrees → inform the complainant together, attention to neighbour contact, plus written feedback and file entry', () => {
    const r = judge({ behaviour: 'conscious', justifiedPerCareProvider: true, residentAgreesJustified: true });
    expect(r.row).toBe('J1');
    expect(codes(r)).toEqual(['inform_complainant_with_resident', 'neighbour_contact_attention', ...GENERAL]);
    expect(r.reviewFlag).toBe(false);
    expect(r.sixWeekCheck).toBe(false);
    expect(r.followUps.slice(0, 2).map((f) => f.rule)).toEqual(['R-OV-27', 'R-OV-27']);
  });
  it('R-OV-27 / Ex 2 (J2): conscious, justified per the care provider, the resident disagrees → agreements + tools, inform together, neighbour contact', () => {
    const r = judge({ behaviour: 'conscious', justifiedPerCareProvider: true, residentAgreesJustified: false });
    expect(r.row).toBe('J2');
    expect(codes(r)).toEqual(['agreements_and_tools', 'inform_complainant_with_resident', 'neighbour_contact_attention', ...GENERAL]);
    expect(r.reviewFlag).toBe(false);
    expect(r.sixWeekCheck).toBe(false);
  });
  it('R-OV-27: conscious + justified without the resident\'s view is J2 (only an explicit "agrees" is J1)', () => {
    expect(judge({ behaviour: 'conscious', justifiedPerCareProvider: true }).row).toBe('J2');
    expect(judge({ behaviour: 'conscious', justifiedPerCareProvider: true, residentAgreesJustified: null }).row).toBe('J2');
  });
  it('D-OV-06 / Ex 3 (J3): unconscious and justified → behaviour adjustment in the support plan, complainant informed of the agreements, six-week check due', () => {
    const r = judge({ behaviour: 'unconscious', justifiedPerCareProvider: true, residentAgreesJustified: null });
    expect(r.row).toBe('J3');
    expect(codes(r)).toEqual(['behaviour_adjustment_in_support_plan', 'inform_complainant_of_agreements', 'six_week_check', ...GENERAL]);
    expect(r.sixWeekCheck).toBe(true);
    expect(r.reviewFlag).toBe(false);
    expect(r.followUps.find((f) => f.code === 'six_week_check')?.rule).toBe('D-OV-06');
    expect(r.followUps.find((f) => f.code === 'inform_complainant_of_agreements')?.rule).toBe('R-OV-27');
  });
  it('R-OV-27 / Ex 4 (J4): unconscious and unjustified → joint contact with the complainant, Beter Buren if that fails, Buurtbemiddeling first in a neighbour conflict', () => {
    const r = judge({ behaviour: 'unconscious', justifiedPerCareProvider: false });
    expect(r.row).toBe('J4');
    expect(codes(r)).toEqual(['joint_contact_complainant', 'beter_buren_if_needed', ...GENERAL]);
    expect(r.reviewFlag).toBe(false);
    expect(r.sixWeekCheck).toBe(false);
    expect(r.followUps[0]?.rule).toBe('R-OV-27');
  });
  it('R-OV-28 / Ex 5 (J5): conscious but unjustified → the J4 actions and a review flag', () => {
    const r = judge({ behaviour: 'conscious', justifiedPerCareProvider: false, residentAgreesJustified: true });
    expect(r.row).toBe('J5');
    expect(codes(r)).toEqual(['joint_contact_complainant', 'beter_buren_if_needed', ...GENERAL]);
    expect(r.reviewFlag).toBe(true);
    expect(r.sixWeekCheck).toBe(false);
    expect(r.followUps.slice(0, 2).map((f) => f.rule)).toEqual(['R-OV-28', 'R-OV-28']);
  });
  it('R-OV-29: every row carries the general category-1 actions; written feedback and the file entry are required before closing', () => {
    fc.assert(fc.property(fc.constantFrom('conscious' as const, 'unconscious' as const), fc.boolean(), fc.option(fc.boolean(), { nil: null }), (behaviour, justifiedPerCareProvider, residentAgreesJustified) => {
      const r = judge({ behaviour, justifiedPerCareProvider, residentAgreesJustified });
      const general = r.followUps.filter((f) => f.rule === 'R-OV-29');
      expect(general.map((f) => f.code)).toEqual(GENERAL);
      expect(general.every((f) => f.words === FOLLOW_UPS[f.code as keyof typeof FOLLOW_UPS])).toBe(true);
      expect(r.row).toBe(judgementRow({ behaviour, justifiedPerCareProvider, residentAgreesJustified }));
      expect(r.reviewFlag).toBe(behaviour === 'conscious' && !justifiedPerCareProvider);
      expect(r.sixWeekCheck).toBe(behaviour === 'unconscious' && justifiedPerCareProvider);
    }));
    expect(GENERAL_FOLLOW_UPS).toEqual(GENERAL);
    expect(REQUIRED_BEFORE_CLOSE).toEqual(['written_feedback_to_corporation', 'registered_in_file']);
  });
  it('R-OV-27: the row words come from the follow-up table', () => {
    const r = judge({ behaviour: 'unconscious', justifiedPerCareProvider: true });
    expect(r.followUps[0]?.words).toEqual(FOLLOW_UPS.behaviour_adjustment_in_support_plan);
  });
});
