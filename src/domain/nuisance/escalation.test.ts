import { describe, expect, it } from 'vitest';
import { ACTION_STEPS, countsAgainst, eivRecorded, escalationCheck, isNight, isRecordedStep, missingSteps, recordableSteps, stepsFor } from './escalation.ts';
import type { EscalationAction, NuisanceEventInput, ReportFacts } from './model.ts';
import { deriveNuisanceState } from './protocol.ts';

const FACTS = { hasSupport: true, highRisk: false };
const rep = (id: string, receivedOn: string, over: Partial<ReportFacts> = {}): ReportFacts => ({
  id, channel: 'C1', nuisanceType: 'noise', occurredAt: `${receivedOn}T14:00`, receivedOn, reporterKey: `k-${id}`, countsAgainstResident: true, ...over,
});
const link = (r: ReportFacts): NuisanceEventInput => ({ type: 'report_linked', occurredOn: r.receivedOn, data: { report: r } });
const heard = (id: string, on: string): NuisanceEventInput => ({ type: 'hearing_held', occurredOn: on, data: { reportId: id } });
const judged = (id: string, on: string, justified = true, behaviour: 'conscious' | 'unconscious' = 'unconscious'): NuisanceEventInput =>
  ({ type: 'judged', occurredOn: on, data: { reportId: id, behaviour, justifiedPerCareProvider: justified, residentAgreesJustified: behaviour === 'conscious' ? false : null } });
/** A complaint received, heard and judged on the same day. */
const complaint = (id: string, on: string, over: Partial<ReportFacts> = {}, justified = true): NuisanceEventInput[] => [link(rep(id, on, over)), heard(id, on), judged(id, on, justified)];
const sixWeeks = (id: string, on: string): NuisanceEventInput => ({ type: 'six_week_check', occurredOn: on, data: { reportId: id, resolved: false } });
const escalate = (action: EscalationAction, reportId: string | null, on: string, hubSkipDecision: string | null = null): NuisanceEventInput => ({ type: 'escalated', occurredOn: on, data: { action, reportId, hubSkipDecision } });
const step = (action: EscalationAction, s: string, on: string): NuisanceEventInput => ({ type: 'action_step_done', occurredOn: on, data: { action, step: s } });
const letter = (letterId: string, kind: 'warning_letter' | 'official_warning_letter' | 'formal_notice' | 'dissolution_notice', action: EscalationAction, on: string): NuisanceEventInput =>
  ({ type: 'letter_issued', occurredOn: on, data: { letterId, kind, action, agreementsNotKept: ['Geen harde muziek na 22.00 uur'] } });
const signed = (letterId: string, on: string, signature: 'signed' | 'seen' = 'signed', readAloud = true): NuisanceEventInput => ({ type: 'letter_signed', occurredOn: on, data: { letterId, signature, readAloud } });
const copied = (letterId: string, on: string): NuisanceEventInput => ({ type: 'letter_copied', occurredOn: on, data: { letterId } });
const hubInvolved = (on: string): NuisanceEventInput => ({ type: 'hub_involved', occurredOn: on, data: { situations: ['M6'] } });

/** Category 1: complaint A1 (J3), its six-week check, and a new similar justified complaint A2. */
const CAT1 = [...complaint('A1', '2024-01-10'), sixWeeks('A1', '2024-02-24'), ...complaint('A2', '2024-03-01')];
const AT3 = [...CAT1, escalate(3, 'A2', '2024-03-04')];
const ACTION3_STEPS = ['warning_conversation', 'next_steps_explained', 'letter_archived', 'reporters_informed', 'hub_contacted'].map((x) => step(3, x, '2024-03-05'));
const DONE3 = [...AT3, ...ACTION3_STEPS, letter('L3', 'warning_letter', 3, '2024-03-05'), signed('L3', '2024-03-05'), copied('L3', '2024-03-06')];
const AT4 = [...DONE3, ...complaint('A3', '2024-04-01'), escalate(4, 'A3', '2024-04-02')];
const ACTION4_STEPS = ['team_manager_conversation', 'registered_in_file', 'neighbours_informed', 'hub_lead_discussed', 'legal_advice'].map((x) => step(4, x, '2024-04-03'));
const DONE4 = [...AT4, ...ACTION4_STEPS, letter('L4', 'official_warning_letter', 4, '2024-04-03'), copied('L4', '2024-04-04')];
const AT5 = [...DONE4, ...complaint('A4', '2024-05-01'), escalate(5, 'A4', '2024-05-02')];
const DONE5 = [...AT5, step(5, 'formal_notice_filed', '2024-05-03'), step(5, 'legal_advice', '2024-05-03'), letter('L5', 'formal_notice', 5, '2024-05-03'), signed('L5', '2024-05-03', 'seen', false), copied('L5', '2024-05-04')];
const AT6 = [...DONE5, ...complaint('A5', '2024-06-01'), escalate(6, 'A5', '2024-06-02')];

const st = (events: NuisanceEventInput[]) => deriveNuisanceState(FACTS, events);
const check = (events: NuisanceEventInput[], to: EscalationAction, reportId: string | null, hub: string | null = null) => escalationCheck(st(events), to, reportId, hub);
const codes = (vs: ReadonlyArray<{ code: string; rule: string | null }>) => vs.map((x) => `${x.code}:${x.rule}`);
const missing = (events: NuisanceEventInput[], action: EscalationAction) => missingSteps(st(events), action).map((m) => m.step);

describe('D-OV-07: the night window', () => {
  it('D-OV-07: 22:00 up to (not including) 07:00 is night; 21:59 and 07:00 are not', () => {
    expect(isNight('2024-03-01T22:00')).toBe(true);
    expect(isNight('2024-03-01T21:59')).toBe(false);
    expect(isNight('2024-03-01T00:00')).toBe(true);
    expect(isNight('2024-03-02T06:59')).toBe(true);
    expect(isNight('2024-03-02T07:00')).toBe(false);
    expect(isNight('2024-03-02T12:00')).toBe(false);
  });
  it('D-OV-07: an unknown time or a date without a time is not night', () => {
    expect(isNight(null)).toBe(false);
    expect(isNight('2024-03-01')).toBe(false);
    expect(isNight('2024-03-01Tab:cd')).toBe(false);
    expect(isNight('x2024-03-01T23:00')).toBe(false);
  });
  it('D-OV-07: a configured window that does not pass midnight', () => {
    const w = { from: '13:00', to: '15:00' };
    expect(isNight('2024-03-01T13:00', w)).toBe(true);
    expect(isNight('2024-03-01T14:59', w)).toBe(true);
    expect(isNight('2024-03-01T15:00', w)).toBe(false);
    expect(isNight('2024-03-01T12:59', w)).toBe(false);
    expect(isNight('2024-03-01T23:00', w)).toBe(false);
    expect(isNight('2024-03-01T01:00', { from: '23:30', to: '01:00' })).toBe(false);
    expect(isNight('2024-03-01T23:00', { from: '22:00', to: '22:00' })).toBe(false);
    expect(isNight('2024-03-01T22:00', { from: '22:00', to: '22:00' })).toBe(false);
    expect(isNight('2024-03-01T22:30:15', { from: '22:00', to: '07:00' })).toBe(true);
    expect(isNight('2024-03-01T00:59', { from: '23:30', to: '01:00' })).toBe(true);
  });
});

describe('§6.4 checklists', () => {
  it('R-OV-31 / R-OV-32 / R-OV-33 / D-OV-07: action 3 is the conversation, the letter read aloud and signed, explanation, archive, copy, reporters, police advice and hub contact', () => {
    expect(ACTION_STEPS[3].map((d) => `${d.step}:${d.rule}`)).toEqual([
      'warning_conversation:R-OV-31', 'warning_letter_signed:R-OV-31', 'next_steps_explained:R-OV-31', 'letter_archived:R-OV-31', 'warning_letter_copied:R-OV-31',
      'reporters_informed:R-OV-32', 'police_advice:D-OV-07', 'hub_contacted:R-OV-33',
    ]);
    expect(ACTION_STEPS[3].filter((d) => d.letter).map((d) => d.letter)).toEqual(['warning_letter', 'warning_letter']);
  });
  it('R-OV-34 / R-OV-35 / R-OV-36 / R-OV-37 / R-OV-38: actions 4–6, with legal advice at 4, 5 and 6 and the EIV at 6', () => {
    expect(ACTION_STEPS[4].map((d) => d.step)).toEqual(['official_warning_letter_issued', 'team_manager_conversation', 'registered_in_file', 'neighbours_informed', 'official_warning_letter_copied', 'hub_lead_discussed', 'legal_advice']);
    expect(ACTION_STEPS[5].map((d) => d.step)).toEqual(['formal_notice_issued', 'formal_notice_seen', 'formal_notice_filed', 'formal_notice_copied', 'legal_advice']);
    expect(ACTION_STEPS[6].map((d) => `${d.step}:${d.rule}`)).toEqual(['care_agreement_dissolved:R-OV-36', 'eiv:R-OV-37', 'legal_advice:R-OV-38']);
    for (const a of [4, 5, 6] as const) expect(ACTION_STEPS[a].find((d) => d.step === 'legal_advice')?.rule).toBe('R-OV-38');
    expect(ACTION_STEPS[3].some((d) => d.step === 'legal_advice')).toBe(false);
  });
  it('R-OV-31 / R-OV-37: the steps recorded one by one are those without a letter and other than the EIV', () => {
    expect(recordableSteps(3).map((d) => d.step)).toEqual(['warning_conversation', 'next_steps_explained', 'letter_archived', 'reporters_informed', 'police_advice', 'hub_contacted']);
    expect(recordableSteps(4).map((d) => d.step)).toEqual(['team_manager_conversation', 'registered_in_file', 'neighbours_informed', 'hub_lead_discussed', 'legal_advice']);
    expect(recordableSteps(5).map((d) => d.step)).toEqual(['formal_notice_filed', 'legal_advice']);
    expect(recordableSteps(6).map((d) => d.step)).toEqual(['legal_advice']);
    expect(isRecordedStep({ step: 'eiv', rule: 'R-OV-37', words: { nl: '', en: '' } })).toBe(false);
    expect(isRecordedStep({ step: 'x', rule: 'R-OV-31', words: { nl: '', en: '' }, letter: 'warning_letter' })).toBe(false);
    expect(isRecordedStep({ step: 'x', rule: 'R-OV-31', words: { nl: '', en: '' } })).toBe(true);
  });
  it('D-OV-07: police advice is on the action-3 list only when nuisance against the resident took place at night', () => {
    expect(missing(AT3, 3)).toEqual(['warning_conversation', 'warning_letter_signed', 'next_steps_explained', 'letter_archived', 'warning_letter_copied', 'reporters_informed', 'hub_contacted']);
    const night = [...AT3, link(rep('N1', '2024-03-04', { occurredAt: '2024-03-03T23:15' }))];
    expect(missing(night, 3)).toContain('police_advice');
    const c5night = [...AT3, link(rep('N2', '2024-03-04', { occurredAt: '2024-03-03T23:15', channel: 'C5', countsAgainstResident: false }))];
    expect(missing(c5night, 3)).not.toContain('police_advice');
    expect(stepsFor(st(AT3), 3, { nightWindow: { from: '13:00', to: '15:00' } }).map((d) => d.step)).toContain('police_advice');
    expect(missingSteps(st(AT3), 3, { nightWindow: { from: '13:00', to: '15:00' } }).map((m) => m.step)).toContain('police_advice');
    expect(missing([...night, step(3, 'police_advice', '2024-03-05')], 3)).not.toContain('police_advice');
  });
  it('R-OV-31: each missing step comes with its words and rule', () => {
    const m = missingSteps(st(AT3), 3)[0];
    expect(m).toEqual({ step: 'warning_conversation', words: ACTION_STEPS[3][0]?.words, rule: 'R-OV-31' });
  });
  it('R-OV-31: the letter steps follow from the letter itself: signed after reading aloud, and copied', () => {
    expect(missing(DONE3, 3)).toEqual([]);
    const noLetter = [...AT3, ...ACTION3_STEPS];
    expect(missing(noLetter, 3)).toEqual(['warning_letter_signed', 'warning_letter_copied']);
    const issued = [...noLetter, letter('L3', 'warning_letter', 3, '2024-03-05')];
    expect(missing(issued, 3)).toEqual(['warning_letter_signed', 'warning_letter_copied']);
    expect(missing([...issued, signed('L3', '2024-03-05', 'signed', false)], 3)).toContain('warning_letter_signed');
    expect(missing([...issued, signed('L3', '2024-03-05', 'seen', true)], 3)).toContain('warning_letter_signed');
    expect(missing([...issued, signed('L3', '2024-03-05')], 3)).toEqual(['warning_letter_copied']);
    expect(missing([...issued, copied('L3', '2024-03-05')], 3)).toEqual(['warning_letter_signed']);
    // another kind of letter does not count
    expect(missing([...noLetter, letter('X', 'official_warning_letter', 3, '2024-03-05'), signed('X', '2024-03-05'), copied('X', '2024-03-05')], 3)).toEqual(['warning_letter_signed', 'warning_letter_copied']);
  });
  it('R-OV-33: the hub contact is done once the hub is involved, also without a separate record', () => {
    const withoutHub = [...AT3, ...ACTION3_STEPS.slice(0, 4)];
    expect(missing(withoutHub, 3)).toContain('hub_contacted');
    expect(missing([...withoutHub, hubInvolved('2024-03-05')], 3)).not.toContain('hub_contacted');
  });
  it('R-OV-34 / R-OV-35: the official letter issued and copied; the formal notice issued, signed as seen and copied', () => {
    expect(missing(AT4, 4)).toEqual(ACTION_STEPS[4].map((d) => d.step));
    expect(missing([...AT4, ...ACTION4_STEPS, letter('L4', 'official_warning_letter', 4, '2024-04-03')], 4)).toEqual(['official_warning_letter_copied']);
    expect(missing(DONE4, 4)).toEqual([]);
    expect(missing(AT5, 5)).toEqual(ACTION_STEPS[5].map((d) => d.step));
    const issued5 = [...AT5, step(5, 'formal_notice_filed', '2024-05-03'), step(5, 'legal_advice', '2024-05-03'), letter('L5', 'formal_notice', 5, '2024-05-03'), copied('L5', '2024-05-04')];
    expect(missing(issued5, 5)).toEqual(['formal_notice_seen']);
    expect(missing([...issued5, signed('L5', '2024-05-04', 'signed', true)], 5)).toEqual(['formal_notice_seen']);
    expect(missing(DONE5, 5)).toEqual([]);
  });
  it('R-OV-37: the EIV step is done by an issued EIV or a recorded reason none is needed, not by a bare "no"', () => {
    const lead = [...AT6, hubInvolved('2024-06-03'), { type: 'hub_lead_taken', occurredOn: '2024-06-03', data: {} } as NuisanceEventInput];
    const eiv = (issued: boolean, reasonNoneNeeded: string | null): NuisanceEventInput => ({ type: 'eiv_decided', occurredOn: '2024-06-04', data: { issued, reasonNoneNeeded } });
    expect(missing(lead, 6)).toEqual(['care_agreement_dissolved', 'eiv', 'legal_advice']);
    expect(eivRecorded(st(lead))).toBe(false);
    expect(missing([...lead, eiv(true, null)], 6)).not.toContain('eiv');
    expect(missing([...lead, eiv(false, 'Huurovereenkomst op naam van de zorgaanbieder')], 6)).not.toContain('eiv');
    expect(missing([...lead, eiv(false, null)], 6)).toContain('eiv');
    expect(missing([...lead, eiv(false, '  ')], 6)).toContain('eiv');
    expect(missing([...lead, letter('L6', 'dissolution_notice', 6, '2024-06-04')], 6)).not.toContain('care_agreement_dissolved');
  });
  it('R-OV-10: a C5 report never counts against the resident', () => {
    expect(countsAgainst({ channel: 'C5', countsAgainstResident: true })).toBe(false);
    expect(countsAgainst({ channel: 'C1', countsAgainstResident: false })).toBe(false);
    expect(countsAgainst({ channel: 'C2', countsAgainstResident: true })).toBe(true);
  });
});

describe('escalationCheck', () => {
  it('R-OV-30 / Ex 6: the same situation as Ex 3 returns after the six-week check with a new similar complaint → action 3', () => {
    expect(check(CAT1, 3, 'A2')).toEqual([]);
  });
  it('R-OV-30: from category 1 the new complaint must come in after the six-week check (the day itself is too early)', () => {
    const before = [...complaint('A1', '2024-01-10'), sixWeeks('A1', '2024-02-24'), ...complaint('A2', '2024-02-24')];
    expect(codes(check(before, 3, 'A2'))).toEqual(['complaint_not_new:R-OV-30']);
    const after = [...complaint('A1', '2024-01-10'), sixWeeks('A1', '2024-02-24'), ...complaint('A2', '2024-02-25')];
    expect(check(after, 3, 'A2')).toEqual([]);
  });
  it('R-OV-30: without a six-week check (J1/J2) the new complaint must come in after the earlier judgement', () => {
    const j1 = (on: string) => [link(rep('A1', '2024-01-10')), heard('A1', '2024-01-12'), judged('A1', '2024-01-12', true, 'conscious'), ...complaint('A2', on)];
    expect(codes(check(j1('2024-01-12'), 3, 'A2'))).toEqual(['complaint_not_new:R-OV-30']);
    expect(check(j1('2024-01-13'), 3, 'A2')).toEqual([]);
  });
  it('R-OV-30: "similar" is the same type within 12 months: exactly 12 months passes, a day more is refused', () => {
    const base = [...complaint('A1', '2024-01-10'), sixWeeks('A1', '2024-02-24')];
    expect(check([...base, ...complaint('A2', '2025-01-10')], 3, 'A2')).toEqual([]);
    expect(codes(check([...base, ...complaint('A2', '2025-01-11')], 3, 'A2'))).toEqual(['no_similar_complaint:R-OV-30']);
    expect(codes(check([...base, ...complaint('A2', '2024-03-01', { nuisanceType: 'smell' })], 3, 'A2'))).toEqual(['no_similar_complaint:R-OV-30']);
  });
  it('R-OV-30: the earlier complaint must itself be justified and come in before (or on the day of) the new one', () => {
    const unjustifiedEarlier = [...complaint('A1', '2024-01-10', {}, false), ...complaint('A2', '2024-03-01')];
    expect(codes(check(unjustifiedEarlier, 3, 'A2'))).toEqual(['no_similar_complaint:R-OV-30']);
    const laterOne = [...complaint('A2', '2024-03-01'), ...complaint('A1', '2024-03-05')];
    expect(codes(check(laterOne, 3, 'A2'))).toEqual(['no_similar_complaint:R-OV-30']);
    const sameDay = [...complaint('A1', '2024-03-01'), ...complaint('A2', '2024-03-01')];
    expect(codes(check(sameDay, 3, 'A2'))).toEqual(['complaint_not_new:R-OV-30']);
    expect(codes(check(complaint('A2', '2024-03-01'), 3, 'A2'))).toEqual(['no_similar_complaint:R-OV-30']);
  });
  it('R-OV-30: the new complaint must be named, part of the case and judged justified', () => {
    expect(codes(check(CAT1, 3, null))).toEqual(['complaint_required:R-OV-30']);
    expect(codes(check(CAT1, 3, 'nope'))).toEqual(['unknown_report:R-OV-30']);
    const unjudged = [...complaint('A1', '2024-01-10'), sixWeeks('A1', '2024-02-24'), link(rep('A2', '2024-03-01'))];
    expect(codes(check(unjudged, 3, 'A2'))).toEqual(['complaint_not_justified:R-OV-30']);
    const unjustified = [...complaint('A1', '2024-01-10'), sixWeeks('A1', '2024-02-24'), ...complaint('A2', '2024-03-01', {}, false)];
    expect(codes(check(unjustified, 3, 'A2'))).toEqual(['complaint_not_justified:R-OV-30']);
  });
  it('R-OV-10: a C5 report (or one marked as not counting) never leads to escalation', () => {
    const c5 = [...complaint('A1', '2024-01-10'), sixWeeks('A1', '2024-02-24'), ...complaint('R1', '2024-03-01', { channel: 'C5', countsAgainstResident: false })];
    expect(codes(check(c5, 3, 'R1'))).toEqual(['report_does_not_count:R-OV-10']);
    const notCounting = [...complaint('A1', '2024-01-10'), sixWeeks('A1', '2024-02-24'), ...complaint('R2', '2024-03-01', { countsAgainstResident: false })];
    expect(codes(check(notCounting, 3, 'R2'))).toEqual(['report_does_not_count:R-OV-10']);
    // an earlier C5 report is no anchor either
    const c5anchor = [...complaint('R1', '2024-01-10', { channel: 'C5', countsAgainstResident: false }), ...complaint('A2', '2024-03-01')];
    expect(codes(check(c5anchor, 3, 'A2'))).toEqual(['no_similar_complaint:R-OV-30']);
  });
  it('R-OV-30: each further action needs a new complaint received after the previous action started', () => {
    const base = [...DONE3];
    expect(codes(check([...base, ...complaint('A3', '2024-03-04')], 4, 'A3'))).toEqual(['complaint_not_new:R-OV-30']);
    expect(check([...base, ...complaint('A3', '2024-03-05')], 4, 'A3')).toEqual([]);
    expect(codes(check(base, 4, 'A2'))).toEqual(['complaint_not_new:R-OV-30']);
  });
  it('R-OV-39: actions follow in order; the same or an earlier action is refused', () => {
    expect(codes(check(AT3, 3, 'A2'))).toEqual(['not_forward:R-OV-39']);
    expect(codes(check(AT4, 3, 'A3'))).toEqual(['not_forward:R-OV-39']);
    expect(codes(check(AT4, 4, 'A3'))).toEqual(['not_forward:R-OV-39']);
    expect(check(DONE3, 4, 'A2').map((x) => x.code)).not.toContain('not_forward');
  });
  it('R-OV-39: a skip needs a recorded hub decision while the hub is involved', () => {
    expect(codes(check(CAT1, 4, 'A2'))).toEqual(['skip_needs_hub_decision:R-OV-39']);
    expect(codes(check(CAT1, 4, 'A2', 'Ernstig incident: direct officiële waarschuwing'))).toEqual(['skip_needs_hub_decision:R-OV-39']);
    const hub = [...CAT1, hubInvolved('2024-03-02')];
    expect(codes(check(hub, 4, 'A2'))).toEqual(['skip_needs_hub_decision:R-OV-39']);
    expect(codes(check(hub, 4, 'A2', '   '))).toEqual(['skip_needs_hub_decision:R-OV-39']);
    expect(check(hub, 4, 'A2', 'Ernstig incident: direct officiële waarschuwing')).toEqual([]);
    expect(check(hub, 6, 'A2', 'Zeer ernstige escalatie')).toEqual([]);
    // one step is no skip
    expect(check(CAT1, 3, 'A2', null)).toEqual([]);
  });
  it('R-OV-31: an action 4 without the action-3 warning letter signed is refused; signed, it passes', () => {
    const unsigned = [...AT3, ...ACTION3_STEPS, letter('L3', 'warning_letter', 3, '2024-03-05'), copied('L3', '2024-03-06'), ...complaint('A3', '2024-04-01')];
    const vs = check(unsigned, 4, 'A3');
    expect(vs.map((x) => [x.code, x.rule, x.field])).toEqual([['step_missing', 'R-OV-31', 'warning_letter_signed']]);
    expect(check([...unsigned, signed('L3', '2024-04-01')], 4, 'A3')).toEqual([]);
  });
  it('R-OV-31 / R-OV-32 / R-OV-33: every missing action-3 step is refused with its own rule', () => {
    const vs = check([...AT3, ...complaint('A3', '2024-04-01')], 4, 'A3');
    expect(vs.map((x) => `${x.field}:${x.rule}`)).toEqual([
      'warning_conversation:R-OV-31', 'warning_letter_signed:R-OV-31', 'next_steps_explained:R-OV-31', 'letter_archived:R-OV-31', 'warning_letter_copied:R-OV-31',
      'reporters_informed:R-OV-32', 'hub_contacted:R-OV-33',
    ]);
  });
  it('D-OV-07: with night nuisance the police advice is needed before action 4; a configured window is used', () => {
    const night = [...DONE3, link(rep('N1', '2024-03-04', { occurredAt: '2024-03-03T23:15' })), ...complaint('A3', '2024-04-01')];
    expect(codes(check(night, 4, 'A3'))).toEqual(['step_missing:D-OV-07']);
    expect(escalationCheck(st(night), 4, 'A3', null, { nightWindow: { from: '23:30', to: '05:00' } })).toEqual([]);
    expect(codes(escalationCheck(st([...DONE3, ...complaint('A3', '2024-04-01')]), 4, 'A3', null, { nightWindow: { from: '13:00', to: '15:00' } }))).toEqual(['step_missing:D-OV-07']);
  });
  it('R-OV-34: action 5 needs the official warning letter issued and copied', () => {
    const notCopied = [...AT4, ...ACTION4_STEPS, letter('L4', 'official_warning_letter', 4, '2024-04-03'), ...complaint('A4', '2024-05-01')];
    expect(codes(check(notCopied, 5, 'A4'))).toEqual(['step_missing:R-OV-34']);
    expect(check([...DONE4, ...complaint('A4', '2024-05-01')], 5, 'A4')).toEqual([]);
  });
  it('R-OV-35: action 6 needs the formal notice signed "voor gezien"', () => {
    const unseen = [...AT5, step(5, 'formal_notice_filed', '2024-05-03'), step(5, 'legal_advice', '2024-05-03'), letter('L5', 'formal_notice', 5, '2024-05-03'), copied('L5', '2024-05-04'), ...complaint('A5', '2024-06-01')];
    expect(check(unseen, 6, 'A5').map((x) => [x.code, x.rule, x.field])).toEqual([['step_missing', 'R-OV-35', 'formal_notice_seen']]);
    expect(check([...DONE5, ...complaint('A5', '2024-06-01')], 6, 'A5')).toEqual([]);
  });
  it('R-OV-38: legal advice is needed before leaving action 4', () => {
    const noAdvice = [...AT4, ...ACTION4_STEPS.slice(0, 4), letter('L4', 'official_warning_letter', 4, '2024-04-03'), copied('L4', '2024-04-04'), ...complaint('A4', '2024-05-01')];
    expect(codes(check(noAdvice, 5, 'A4'))).toEqual(['step_missing:R-OV-38']);
  });
  it('R-OV-39 / R-OV-30: a skip still needs the current action\'s checklist and a new complaint', () => {
    const hub = [...AT3, hubInvolved('2024-03-04'), ...complaint('A3', '2024-03-04')];
    const vs = check(hub, 5, 'A3', 'Ernstig incident');
    expect(vs.map((x) => x.code)).toContain('step_missing');
    expect(vs.map((x) => x.code)).toContain('complaint_not_new');
    expect(vs.map((x) => x.code)).not.toContain('skip_needs_hub_decision');
  });
});
