import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { judge } from './judgement.ts';
import type { EscalationAction, NuisanceEventInput, NuisanceFacts, NuisanceParty, NuisanceState, ReportFacts } from './model.ts';
import { hubPrompts } from './mzwo.ts';
import { NUISANCE_TRANSITIONS, applyNuisanceEvent, checkNuisanceEvent, deriveNuisanceState, initialNuisanceState } from './protocol.ts';

const FACTS: NuisanceFacts = { hasSupport: true, highRisk: false };
const TODAY = '2025-12-31';
const rep = (id: string, receivedOn: string, over: Partial<ReportFacts> = {}): ReportFacts => ({
  id, channel: 'C1', nuisanceType: 'noise', occurredAt: `${receivedOn}T14:00`, receivedOn, reporterKey: `k-${id}`, countsAgainstResident: true, ...over,
});
const link = (r: ReportFacts): NuisanceEventInput => ({ type: 'report_linked', occurredOn: r.receivedOn, data: { report: r } });
const contacted = (id: string, on: string): NuisanceEventInput => ({ type: 'reporter_contacted', occurredOn: on, data: { reportId: id } });
const corpInformed = (on: string, approach = 'Gesprek met de bewoner binnen een week'): NuisanceEventInput => ({ type: 'corporation_informed', occurredOn: on, data: { approach } });
const heard = (id: string, on: string): NuisanceEventInput => ({ type: 'hearing_held', occurredOn: on, data: { reportId: id } });
const judged = (id: string, on: string, behaviour: 'conscious' | 'unconscious' = 'unconscious', justified = true, agrees: boolean | null = null): NuisanceEventInput =>
  ({ type: 'judged', occurredOn: on, data: { reportId: id, behaviour, justifiedPerCareProvider: justified, residentAgreesJustified: agrees } });
const informed = (id: string, on: string): NuisanceEventInput => ({ type: 'complainant_informed', occurredOn: on, data: { reportId: id, togetherWithResident: true } });
const sixWeeks = (id: string, on: string, resolved = false): NuisanceEventInput => ({ type: 'six_week_check', occurredOn: on, data: { reportId: id, resolved } });
const followUp = (step: string, on: string): NuisanceEventInput => ({ type: 'follow_up_done', occurredOn: on, data: { step } });
const complaint = (id: string, on: string, over: Partial<ReportFacts> = {}): NuisanceEventInput[] => [link(rep(id, on, over)), heard(id, on), judged(id, on)];
const escalate = (action: EscalationAction, reportId: string | null, on: string, hubSkipDecision: string | null = null): NuisanceEventInput => ({ type: 'escalated', occurredOn: on, data: { action, reportId, hubSkipDecision } });
const step = (action: EscalationAction, s: string, on: string): NuisanceEventInput => ({ type: 'action_step_done', occurredOn: on, data: { action, step: s } });
type Kind = 'written_feedback' | 'warning_letter' | 'official_warning_letter' | 'formal_notice' | 'dissolution_notice' | 'new_chance_letter';
const letter = (letterId: string, kind: Kind, action: EscalationAction | null, on: string, agreementsNotKept = ['Geen harde muziek na 22.00 uur']): NuisanceEventInput =>
  ({ type: 'letter_issued', occurredOn: on, data: { letterId, kind, action, agreementsNotKept } });
const signed = (letterId: string, on: string, signature: 'signed' | 'seen' = 'signed', readAloud = true): NuisanceEventInput => ({ type: 'letter_signed', occurredOn: on, data: { letterId, signature, readAloud } });
const copied = (letterId: string, on: string): NuisanceEventInput => ({ type: 'letter_copied', occurredOn: on, data: { letterId } });
const hubInvolved = (on: string): NuisanceEventInput => ({ type: 'hub_involved', occurredOn: on, data: { situations: ['M6'] } });
const hubLead = (on: string): NuisanceEventInput => ({ type: 'hub_lead_taken', occurredOn: on, data: {} });
const eiv = (on: string, issued: boolean, reasonNoneNeeded: string | null = null): NuisanceEventInput => ({ type: 'eiv_decided', occurredOn: on, data: { issued, reasonNoneNeeded } });
const closed = (on: string, reason = 'Overlast gestopt'): NuisanceEventInput => ({ type: 'closed', occurredOn: on, data: { reason } });
const timeout = (on: string, plannedEndOn: string, corporationAligned = true): NuisanceEventInput => ({ type: 'timeout_started', occurredOn: on, data: { place: 'Respijthuis', plannedEndOn, corporationAligned } });

const partyOf = (e: NuisanceEventInput): NuisanceParty => NUISANCE_TRANSITIONS[e.type].parties[0] as NuisanceParty;
const st = (events: NuisanceEventInput[], facts = FACTS) => deriveNuisanceState(facts, events);
/** Plays the events through the checks: every one must be allowed (by the first party of its transition). */
function play(events: NuisanceEventInput[], facts = FACTS): NuisanceState {
  let s = initialNuisanceState();
  for (const e of events) {
    const vs = checkNuisanceEvent({ facts, state: s, party: partyOf(e), today: TODAY }, e);
    if (vs.length) throw new Error(`${e.type} refused: ${vs.map((x) => x.code).join(', ')}`);
    s = applyNuisanceEvent(s, e);
  }
  return s;
}
const check = (events: NuisanceEventInput[], input: NuisanceEventInput, party: NuisanceParty | null = partyOf(input), facts = FACTS, extra: { today?: string; nightWindow?: { from: string; to: string } } = {}) =>
  checkNuisanceEvent({ facts, state: st(events, facts), party, today: extra.today ?? TODAY, ...(extra.nightWindow ? { nightWindow: extra.nightWindow } : {}) }, input);
const codes = (vs: ReadonlyArray<{ code: string; rule: string | null }>) => vs.map((x) => `${x.code}:${x.rule}`);

/** A full case to action 6 (every step allowed by the checks). */
const A1 = [link(rep('A1', '2024-01-10')), contacted('A1', '2024-01-10'), corpInformed('2024-01-11'), heard('A1', '2024-01-12'), judged('A1', '2024-01-12'), informed('A1', '2024-01-13'), sixWeeks('A1', '2024-02-26')];
const AT3 = [...A1, ...complaint('A2', '2024-03-01'), escalate(3, 'A2', '2024-03-04')];
const DONE3 = [...AT3, ...['warning_conversation', 'next_steps_explained', 'letter_archived', 'reporters_informed', 'hub_contacted'].map((x) => step(3, x, '2024-03-05')),
  letter('L3', 'warning_letter', 3, '2024-03-05'), signed('L3', '2024-03-05'), copied('L3', '2024-03-06')];
const AT4 = [...DONE3, ...complaint('A3', '2024-04-01'), escalate(4, 'A3', '2024-04-02')];
const DONE4 = [...AT4, ...['team_manager_conversation', 'registered_in_file', 'neighbours_informed', 'hub_lead_discussed', 'legal_advice'].map((x) => step(4, x, '2024-04-03')),
  letter('L4', 'official_warning_letter', 4, '2024-04-03'), copied('L4', '2024-04-04')];
const AT5 = [...DONE4, ...complaint('A4', '2024-05-01'), escalate(5, 'A4', '2024-05-02')];
const DONE5 = [...AT5, step(5, 'formal_notice_filed', '2024-05-03'), step(5, 'legal_advice', '2024-05-03'), letter('L5', 'formal_notice', 5, '2024-05-03'), signed('L5', '2024-05-03', 'seen', false), copied('L5', '2024-05-04')];
const AT6 = [...DONE5, ...complaint('A5', '2024-06-01'), escalate(6, 'A5', '2024-06-02')];
const DISSOLVED = [...AT6, hubInvolved('2024-06-03'), hubLead('2024-06-03'), letter('L6', 'dissolution_notice', 6, '2024-06-04'), step(6, 'legal_advice', '2024-06-04')];

describe('the worked examples of §6.3', () => {
  const ex = (behaviour: 'conscious' | 'unconscious', justified: boolean, agrees: boolean | null) =>
    play([link(rep('K', '2024-01-10', { occurredAt: '2024-01-09T23:30' })), corpInformed('2024-01-10'), heard('K', '2024-01-12'), judged('K', '2024-01-12', behaviour, justified, agrees)]);
  it('R-OV-27 / R-OV-29 / Ex 1: loud music at night, the resident knew and admits, justified → J1; closes after the written feedback and the file entry', () => {
    const s = ex('conscious', true, true);
    expect(s.reports[0]?.judgement).toEqual({ row: 'J1', behaviour: 'conscious', justified: true, residentAgrees: true, on: '2024-01-12' });
    expect(s.status).toBe('heard_and_judged');
    const after = play([link(rep('K', '2024-01-10')), corpInformed('2024-01-10'), heard('K', '2024-01-12'), judged('K', '2024-01-12', 'conscious', true, true), informed('K', '2024-01-13'),
      followUp('neighbour_contact_attention', '2024-01-13'), followUp('written_feedback_to_corporation', '2024-01-14'), followUp('registered_in_file', '2024-01-14'), closed('2024-01-20')]);
    expect(after.status).toBe('closed');
    expect(after.closedOn).toBe('2024-01-20');
  });
  it('R-OV-27 / Ex 2: knowingly slams doors, says neighbours exaggerate, justified per the care provider → J2', () => {
    expect(ex('conscious', true, false).reports[0]?.judgement?.row).toBe('J2');
  });
  it('D-OV-06 / Ex 3: unaware the washing machine at night disturbs, justified → J3 with a six-week check', () => {
    const s = ex('unconscious', true, null);
    expect(s.reports[0]?.judgement?.row).toBe('J3');
    expect(check([link(rep('K', '2024-01-10')), heard('K', '2024-01-12'), judged('K', '2024-01-12')], sixWeeks('K', '2024-02-26'))).toEqual([]);
  });
  it('R-OV-27 / Ex 4: smells not caused by the resident, unaware → J4, no review flag', () => {
    const s = ex('unconscious', false, null);
    expect(s.reports[0]?.judgement?.row).toBe('J4');
    expect(s.reviewFlag).toBe(false);
  });
  it('R-OV-28 / Ex 5: deliberate music within normal hours, unjustified → J5: the J4 actions and a review flag', () => {
    const s = ex('conscious', false, null);
    expect(s.reports[0]?.judgement?.row).toBe('J5');
    expect(s.reviewFlag).toBe(true);
    expect(judge({ behaviour: 'conscious', justifiedPerCareProvider: false }).followUps[0]?.code).toBe('joint_contact_complainant');
  });
  it('R-OV-30 / Ex 6: the Ex 3 situation returns after the six-week check with a new similar complaint → action 3', () => {
    const s = play(AT3);
    expect(s.status).toBe('action_3');
    expect(s.action).toBe(3);
    expect(s.actionStartedOn).toEqual({ 3: '2024-03-04' });
  });
  it('R-OV-10 / Ex 7: the resident reports a neighbour (C5): recorded, never judged against the resident, no effect on the case', () => {
    const c5 = rep('R', '2024-01-10', { channel: 'C5', countsAgainstResident: false, nuisanceType: 'harassment' });
    const s = play([link(c5), contacted('R', '2024-01-11'), heard('R', '2024-01-12')]);
    expect(s.reports).toHaveLength(1);
    expect(s.status).toBe('received');
    expect(s.firstComplaintOn).toBeNull();
    expect(hubPrompts(s)).toEqual([]);
    expect(codes(check([link(c5), heard('R', '2024-01-12')], judged('R', '2024-01-12')))).toEqual(['report_does_not_count:R-OV-10']);
    expect(codes(check([link(c5)], judged('R', '2024-01-12', 'conscious', true, null)))).toEqual(['report_does_not_count:R-OV-10']);
    expect(st([link(c5), heard('R', '2024-01-12'), judged('R', '2024-01-12')]).reports[0]?.judgement).toBeNull();
  });
});

describe('deriveNuisanceState', () => {
  it('starts received, empty', () => {
    const s = st([]);
    expect(s).toStrictEqual({
      status: 'received', reports: [], firstComplaintOn: null, corporationInformedOn: null, followUps: {}, action: null, actionStartedOn: {}, actionSteps: {},
      letters: [], hubInvolvedOn: null, hubSituations: [], hubLeadOn: null, eiv: null, alternativeAcceptedOn: null, courtRequestedOn: null, courtJudgment: null,
      timeout: null, replacement: null, reviewFlag: false, closedOn: null,
    });
    expect(s).toEqual(initialNuisanceState());
    expect(s.status).toBe('received');
    expect(s.action).toBeNull();
    expect(s.reviewFlag).toBe(false);
  });
  it('D-OV-05: the first complaint is the earliest receipt of a report against the resident', () => {
    const s = st([link(rep('B', '2024-02-01')), link(rep('A', '2024-01-15')), link(rep('C', '2024-03-01'))]);
    expect(s.firstComplaintOn).toBe('2024-01-15');
    expect(st([link(rep('B', '2024-02-01')), link(rep('C', '2024-02-01'))]).firstComplaintOn).toBe('2024-02-01');
    expect(st([link(rep('R', '2024-01-01', { channel: 'C5', countsAgainstResident: false })), link(rep('A', '2024-02-01'))]).firstComplaintOn).toBe('2024-02-01');
    expect(st([link(rep('A', '2024-01-01', { countsAgainstResident: false }))]).firstComplaintOn).toBeNull();
  });
  it('keeps the report with what was done about it (first dates win)', () => {
    const s = st([link(rep('A', '2024-01-10')), contacted('A', '2024-01-11'), contacted('A', '2024-01-12'), heard('A', '2024-01-12'), heard('A', '2024-01-13'),
      judged('A', '2024-01-13'), informed('A', '2024-01-14'), informed('A', '2024-01-15'), sixWeeks('A', '2024-02-26', true), contacted('X', '2024-01-12')]);
    expect(s.reports).toEqual([{ ...rep('A', '2024-01-10'), linkedOn: '2024-01-10', reporterContactedOn: '2024-01-11', heardOn: '2024-01-12',
      judgement: { row: 'J3', behaviour: 'unconscious', justified: true, residentAgrees: null, on: '2024-01-13' }, complainantInformedOn: '2024-01-14', sixWeekCheckOn: '2024-02-26', resolved: true }]);
    expect(st([link(rep('A', '2024-01-10')), judged('A', '2024-01-13', 'conscious', true)]).reports[0]?.judgement?.residentAgrees).toBeNull();
    const noView = st([link(rep('A', '2024-01-10')), { type: 'judged', occurredOn: '2024-01-13', data: { reportId: 'A', behaviour: 'conscious', justifiedPerCareProvider: true } }]);
    expect(noView.reports[0]?.judgement).toEqual({ row: 'J2', behaviour: 'conscious', justified: true, residentAgrees: null, on: '2024-01-13' });
    const agrees = st([link(rep('A', '2024-01-10')), judged('A', '2024-01-13', 'conscious', true, true)]);
    expect(agrees.reports[0]?.judgement).toMatchObject({ row: 'J1', residentAgrees: true });
    // events about an unknown report change nothing
    expect(st([link(rep('A', '2024-01-10')), heard('X', '2024-01-11'), sixWeeks('X', '2024-01-11'), informed('X', '2024-01-11'), judged('X', '2024-01-11')]).reports).toEqual(st([link(rep('A', '2024-01-10'))]).reports);
  });
  it('R-OV-25: Action 1 moves a received case to corporation_informed; a later informing (about a later report) keeps the latest date', () => {
    expect(st([corpInformed('2024-01-11')])).toMatchObject({ status: 'corporation_informed', corporationInformedOn: '2024-01-11' });
    const s = st([...complaint('A', '2024-01-10'), corpInformed('2024-01-11'), corpInformed('2024-01-12')]);
    expect(s).toMatchObject({ status: 'heard_and_judged', corporationInformedOn: '2024-01-12' });
  });
  it('R-OV-26: a judgement moves received or corporation_informed to heard_and_judged, and nothing later', () => {
    expect(st(complaint('A', '2024-01-10')).status).toBe('heard_and_judged');
    expect(st([corpInformed('2024-01-10'), ...complaint('A', '2024-01-10')]).status).toBe('heard_and_judged');
    expect(st([...complaint('A', '2024-01-10'), informed('A', '2024-01-11'), ...complaint('B', '2024-01-12')]).status).toBe('cat1_follow_up');
    expect(st([...AT3, ...complaint('B', '2024-03-12')]).status).toBe('action_3');
    expect(st([judged('X', '2024-01-10')]).status).toBe('received');
  });
  it('R-OV-27 / R-OV-29: informing the complainant or a follow-up moves heard_and_judged to cat1_follow_up only', () => {
    expect(st([...complaint('A', '2024-01-10'), informed('A', '2024-01-11')]).status).toBe('cat1_follow_up');
    expect(st([...complaint('A', '2024-01-10'), followUp('registered_in_file', '2024-01-11')])).toMatchObject({ status: 'cat1_follow_up', followUps: { registered_in_file: '2024-01-11' } });
    expect(st([informed('A', '2024-01-11')]).status).toBe('received');
    expect(st([followUp('registered_in_file', '2024-01-11')]).status).toBe('received');
    expect(st([...AT3, informed('A2', '2024-03-05'), followUp('registered_in_file', '2024-03-05')]).status).toBe('action_3');
    expect(st([followUp('registered_in_file', '2024-01-11'), followUp('registered_in_file', '2024-01-12')]).followUps).toEqual({ registered_in_file: '2024-01-11' });
  });
  it('R-OV-28: a J5 judgement flags the case for review, and the flag stays', () => {
    const j5 = [link(rep('A', '2024-01-10')), heard('A', '2024-01-10'), judged('A', '2024-01-10', 'conscious', false)];
    expect(st(j5).reviewFlag).toBe(true);
    expect(st([...j5, link(rep('B', '2024-01-11')), heard('B', '2024-01-11'), judged('B', '2024-01-11')]).reviewFlag).toBe(true);
  });
  it('R-OV-39: escalations set the action, its start and the status; steps and letters are kept', () => {
    const s = st(DONE5);
    expect(s.status).toBe('action_5');
    expect(s.action).toBe(5);
    expect(s.actionStartedOn).toEqual({ 3: '2024-03-04', 4: '2024-04-02', 5: '2024-05-02' });
    expect(s.actionSteps[5]).toEqual({ formal_notice_filed: '2024-05-03', legal_advice: '2024-05-03' });
    expect(st([...AT3, step(3, 'warning_conversation', '2024-03-05'), step(3, 'warning_conversation', '2024-03-06')]).actionSteps[3]).toEqual({ warning_conversation: '2024-03-05' });
    expect(s.letters.find((l) => l.letterId === 'L5')).toEqual({ letterId: 'L5', kind: 'formal_notice', action: 5, issuedOn: '2024-05-03', agreementsNotKept: ['Geen harde muziek na 22.00 uur'], signedOn: '2024-05-03', signature: 'seen', readAloud: false, copiedOn: '2024-05-04' });
    expect(st([...AT6]).status).toBe('action_6');
    expect(st([...AT4]).status).toBe('action_4');
  });
  it('letters: a second copy keeps the first date; events on an unknown letter change nothing', () => {
    const s = st([letter('W', 'written_feedback', null, '2024-01-10'), copied('W', '2024-01-11'), copied('W', '2024-01-12'), signed('X', '2024-01-12'), copied('X', '2024-01-12')]);
    expect(s.letters).toEqual([{ letterId: 'W', kind: 'written_feedback', action: null, issuedOn: '2024-01-10', agreementsNotKept: ['Geen harde muziek na 22.00 uur'], signedOn: null, signature: null, readAloud: false, copiedOn: '2024-01-11' }]);
  });
  it('MZ-8 / MZ-9: the hub involvement and lead keep their first date; situations are merged without repeats', () => {
    const s = st([hubInvolved('2024-03-01'), { type: 'hub_involved', occurredOn: '2024-03-02', data: { situations: ['M6', 'M2'] } }, hubLead('2024-03-03'), hubLead('2024-03-04'), eiv('2024-03-05', false, 'Geen huurovereenkomst')]);
    expect(s).toMatchObject({ hubInvolvedOn: '2024-03-01', hubSituations: ['M6', 'M2'], hubLeadOn: '2024-03-03', eiv: { issued: false, reasonNoneNeeded: 'Geen huurovereenkomst', on: '2024-03-05' } });
    expect(st([eiv('2024-03-05', true)]).eiv).toEqual({ issued: true, reasonNoneNeeded: null, on: '2024-03-05' });
    expect(st([{ type: 'eiv_decided', occurredOn: '2024-03-05', data: { issued: true } }]).eiv).toEqual({ issued: true, reasonNoneNeeded: null, on: '2024-03-05' });
  });
  it('R-OV-42 / R-OV-41: alternative accepted, court requested, and the judgment: evicted only when justified, else closed', () => {
    expect(st([...DISSOLVED, { type: 'alternative_accepted', occurredOn: '2024-06-10', data: { description: 'Beschermd wonen' } }])).toMatchObject({ status: 'alternative_accepted', alternativeAcceptedOn: '2024-06-10' });
    const req = [...DISSOLVED, eiv('2024-06-05', true), { type: 'court_requested', occurredOn: '2024-06-10', data: { ground: 'nuisance_file' } } as NuisanceEventInput];
    expect(st(req)).toMatchObject({ status: 'court_requested', courtRequestedOn: '2024-06-10' });
    const judgment = (evictionJustified: boolean): NuisanceEventInput => ({ type: 'court_judgment', occurredOn: '2024-09-01', data: { evictionJustified } });
    expect(st([...req, judgment(true)])).toMatchObject({ status: 'evicted', courtJudgment: { evictionJustified: true, on: '2024-09-01' }, closedOn: null });
    expect(st([...req, judgment(false)])).toMatchObject({ status: 'closed', courtJudgment: { evictionJustified: false, on: '2024-09-01' }, closedOn: '2024-09-01' });
  });
  it('R-OV-43: a time-out starts and ends; an end without a start changes nothing', () => {
    const s = st([timeout('2024-03-01', '2024-03-10'), { type: 'timeout_ended', occurredOn: '2024-03-09', data: { outcome: 'returned' } }]);
    expect(s.timeout).toEqual({ startOn: '2024-03-01', plannedEndOn: '2024-03-10', endedOn: '2024-03-09', outcome: 'returned' });
    expect(st([timeout('2024-03-01', '2024-03-10')]).timeout).toEqual({ startOn: '2024-03-01', plannedEndOn: '2024-03-10', endedOn: null, outcome: null });
    expect(st([{ type: 'timeout_ended', occurredOn: '2024-03-09', data: { outcome: 'returned' } }]).timeout).toBeNull();
  });
  it('R-OV-44 / R-OV-46 / D-OV-10: the re-placement decision table and the field table', () => {
    const decide = (d: Partial<{ careContentReason: boolean; ambulantOptionsExhausted: boolean; swapCandidateTrajectoryId: string | null; environmentSuitable: boolean | null; corporationAgrees: boolean | null; verySeriousEscalation: boolean }>): NuisanceEventInput =>
      ({ type: 'replacement_decided', occurredOn: '2024-04-01', data: { careContentReason: true, ambulantOptionsExhausted: true, swapCandidateTrajectoryId: 'T-9', environmentSuitable: true, corporationAgrees: true, verySeriousEscalation: false, ...d } });
    const outcome = (d: Parameters<typeof decide>[0]) => st([decide(d)]).replacement?.outcome;
    expect(outcome({})).toBe('priority_with_swap');
    expect(outcome({ corporationAgrees: false })).toBe('priority_no_swap');
    expect(outcome({ environmentSuitable: false })).toBe('priority_no_swap');
    expect(outcome({ environmentSuitable: null })).toBe('priority_no_swap');
    expect(outcome({ corporationAgrees: null })).toBe('priority_no_swap');
    expect(outcome({ ambulantOptionsExhausted: false })).toBe('not_yet');
    expect(outcome({ careContentReason: false })).toBe('no_replacement');
    expect(outcome({ swapCandidateTrajectoryId: null })).toBe('priority');
    const notified = st([decide({ verySeriousEscalation: true }), { type: 'field_table_notified', occurredOn: '2024-04-03', data: {} }, { type: 'field_table_notified', occurredOn: '2024-04-04', data: {} }]);
    expect(notified.replacement).toEqual({ decidedOn: '2024-04-01', outcome: 'priority_with_swap', fieldTableNotifiedOn: '2024-04-03', afterwards: true });
    expect(st([{ type: 'field_table_notified', occurredOn: '2024-04-03', data: {} }]).replacement).toBeNull();
  });
  it('applying an event never changes the state it starts from', () => {
    const before = st(DONE3);
    const copy = structuredClone(before);
    applyNuisanceEvent(before, closed('2024-03-10'));
    applyNuisanceEvent(before, step(3, 'x', '2024-03-10'));
    applyNuisanceEvent(before, copied('L3', '2024-03-10'));
    expect(before).toEqual(copy);
  });
});

describe('properties', () => {
  const ids = ['A', 'B', 'C'];
  const date = fc.integer({ min: 1, max: 28 }).map((d) => `2024-0${(d % 9) + 1}-${String(d).padStart(2, '0')}`);
  const eventArb: fc.Arbitrary<NuisanceEventInput> = fc.oneof(
    fc.tuple(fc.constantFrom(...ids), date, fc.constantFrom('noise' as const, 'smell' as const)).map(([id, on, t]) => link(rep(id, on, { nuisanceType: t }))),
    fc.tuple(fc.constantFrom(...ids), date).map(([id, on]) => heard(id, on)),
    fc.tuple(fc.constantFrom(...ids), date, fc.constantFrom('conscious' as const, 'unconscious' as const), fc.boolean(), fc.option(fc.boolean(), { nil: null })).map(([id, on, b, j, a]) => judged(id, on, b, j, a)),
    fc.tuple(fc.constantFrom(...ids), date).map(([id, on]) => informed(id, on)),
    fc.tuple(fc.constantFrom(...ids), date).map(([id, on]) => sixWeeks(id, on)),
    date.map((on) => corpInformed(on)),
    fc.tuple(fc.constantFrom(3, 4, 5, 6) as fc.Arbitrary<EscalationAction>, fc.constantFrom(...ids), date).map(([a, id, on]) => escalate(a, id, on)),
    fc.tuple(date, fc.constantFrom('registered_in_file', 'written_feedback_to_corporation')).map(([on, s]) => followUp(s, on)),
    date.map((on) => hubInvolved(on)),
    date.map((on) => closed(on)),
  );
  it('deriveNuisanceState is a fold: deriving a prefix and then applying the rest equals deriving all', () => {
    fc.assert(fc.property(fc.array(eventArb, { maxLength: 25 }), fc.nat(), (events, cut) => {
      const k = events.length ? cut % (events.length + 1) : 0;
      const continued = events.slice(k).reduce(applyNuisanceEvent, st(events.slice(0, k)));
      expect(continued).toEqual(st(events));
    }));
  });
  it('R-OV-10: a C5 report and everything recorded on it never change the status, the action, the first complaint or the review flag', () => {
    const c5Events = (on: string, t: 'noise' | 'harassment'): NuisanceEventInput[] => [
      link(rep('R5', on, { channel: 'C5', countsAgainstResident: false, nuisanceType: t })), contacted('R5', on), heard('R5', on), judged('R5', on, 'conscious', false),
    ];
    fc.assert(fc.property(fc.array(eventArb, { maxLength: 20 }), fc.nat(), date, fc.constantFrom('noise' as const, 'harassment' as const), (events, at, on, t) => {
      const k = events.length ? at % (events.length + 1) : 0;
      const without = st(events);
      const withC5 = st([...events.slice(0, k), ...c5Events(on, t), ...events.slice(k)]);
      expect(withC5.status).toBe(without.status);
      expect(withC5.action).toBe(without.action);
      expect(withC5.firstComplaintOn).toBe(without.firstComplaintOn);
      expect(withC5.reviewFlag).toBe(without.reviewFlag);
      expect(hubPrompts(withC5)).toEqual(hubPrompts(without));
    }));
  });
  it('R-OV-10: judging or escalating on a C5 report is always refused', () => {
    fc.assert(fc.property(fc.array(eventArb, { maxLength: 15 }), date, (events, on) => {
      const base = [...events.filter((e) => e.type !== 'closed'), link(rep('R5', on, { channel: 'C5', countsAgainstResident: false })), heard('R5', on)];
      expect(check(base, judged('R5', on)).map((x) => x.rule)).toContain('R-OV-10');
      const s = st(base);
      if (['heard_and_judged', 'cat1_follow_up', 'action_3', 'action_4', 'action_5'].includes(s.status)) {
        const to = ((s.action ?? 2) + 1) as EscalationAction;
        expect(check(base, escalate(to, 'R5', on)).map((x) => x.rule)).toContain('R-OV-10');
      }
    }));
  });
});

describe('checkNuisanceEvent: parties, support, status, dates', () => {
  it('R-OV-20: the care provider and the corporation report a case to the hub; the hub records what it took up itself', () => {
    for (const party of ['care_provider', 'corporation', 'hub'] as const) expect(check([], hubInvolved('2024-01-10'), party)).toEqual([]);
  });
  it('R-OV-26 / R-OV-37: a step for another party is forbidden, with the step\'s rule', () => {
    const vs = check(complaint('A', '2024-01-10').slice(0, 2), judged('A', '2024-01-10'), 'corporation');
    expect(vs).toEqual([expect.objectContaining({ code: 'actor_not_allowed', rule: 'R-OV-26', forbidden: true })]);
    expect(check([], judged('A', '2024-01-10'), null)[0]).toMatchObject({ code: 'actor_not_allowed', forbidden: true });
    expect(check(DISSOLVED, eiv('2024-06-05', true), 'care_provider')[0]).toMatchObject({ code: 'actor_not_allowed', rule: 'R-OV-37', forbidden: true });
    expect(check([], hubInvolved('2024-01-10'), 'wonen')[0]).toMatchObject({ code: 'actor_not_allowed', rule: 'R-OV-20' });
  });
  it('R-OV-03: a report may be linked by the care provider, the corporation (C2) or the hub (C4), not by Wonen', () => {
    const r = link(rep('A', '2024-01-10'));
    for (const p of ['care_provider', 'corporation', 'hub'] as const) expect(check([], r, p)).toEqual([]);
    expect(check([], r, 'wonen')[0]).toMatchObject({ code: 'actor_not_allowed', rule: 'R-OV-03' });
    expect(check([link(rep('A', '2024-01-10'))], contacted('A', '2024-01-11'), 'hub')).toEqual([]);
    expect(check([], closed('2024-01-11'), 'hub')).toEqual([]);
  });
  it('R-OV-05: without support on the dwelling only the hub\'s steps apply', () => {
    const none: NuisanceFacts = { hasSupport: false, highRisk: false };
    expect(codes(check([link(rep('A', '2024-01-10'))], heard('A', '2024-01-11'), 'care_provider', none))).toEqual(['no_support:R-OV-05']);
    expect(codes(check([], corpInformed('2024-01-11'), 'care_provider', none))).toEqual(['no_support:R-OV-05']);
    expect(check([], link(rep('A', '2024-01-10')), 'hub', none)).toEqual([]);
    expect(check([], hubInvolved('2024-01-10'), 'hub', none)).toEqual([]);
    expect(check([], closed('2024-01-11'), 'hub', none)).toEqual([]);
    expect(check([], corpInformed('2024-01-11'), 'care_provider')).toEqual([]);
  });
  it('R-OV-41: a closed or evicted case refuses everything; only the court\'s judgment follows a court request', () => {
    const done = [...complaint('A', '2024-01-10'), followUp('written_feedback_to_corporation', '2024-01-11'), followUp('registered_in_file', '2024-01-11'), closed('2024-01-12')];
    expect(codes(check(done, link(rep('B', '2024-02-01'))))).toEqual(['wrong_status:R-OV-03']);
    expect(codes(check(done, hubInvolved('2024-02-01')))).toEqual(['wrong_status:R-OV-20']);
    expect(codes(check(done, closed('2024-02-01')))).toEqual(['wrong_status:R-OV-05']);
    const req = [...DISSOLVED, eiv('2024-06-05', true), { type: 'court_requested', occurredOn: '2024-06-10', data: { ground: 'agreements_not_kept' } } as NuisanceEventInput];
    const judgment: NuisanceEventInput = { type: 'court_judgment', occurredOn: '2024-09-01', data: { evictionJustified: true } };
    expect(check(req, judgment)).toEqual([]);
    expect(codes(check(DISSOLVED, judgment))).toEqual(['wrong_status:R-OV-41']);
    expect(codes(check([...req, judgment], link(rep('B', '2024-10-01'))))).toEqual(['wrong_status:R-OV-03']);
    expect(codes(check([...req, judgment], judgment))).toEqual(['wrong_status:R-OV-41']);
    expect(check(req, step(6, 'legal_advice', '2024-06-11'))).toEqual([]);
  });
  it('R-OV-39: escalation is recorded only from a judged case or an earlier action', () => {
    expect(codes(check([link(rep('A', '2024-01-10'))], escalate(3, 'A', '2024-01-11')))).toEqual(['wrong_status:R-OV-39']);
    expect(codes(check([corpInformed('2024-01-10')], escalate(3, 'A', '2024-01-11')))).toEqual(['wrong_status:R-OV-39']);
    expect(codes(check(AT6, escalate(6, 'A5', '2024-06-03')))).toEqual(['wrong_status:R-OV-39']);
  });
  it('a date after today is refused; today itself is fine', () => {
    expect(check([], corpInformed('2025-12-31'))).toEqual([]);
    expect(check([], corpInformed('2026-01-01')).map((x) => [x.code, x.field])).toEqual([['date_in_future', '/occurredOn']]);
    expect(check([], link(rep('A', '2026-01-01')), 'care_provider', FACTS, { today: '2026-01-01' })).toEqual([]);
    expect(check([], { type: 'report_linked', occurredOn: '2026-01-01', data: { report: rep('A', '2026-01-02') } }, 'care_provider', FACTS, { today: '2026-01-01' }).map((x) => [x.code, x.field]))
      .toEqual([['date_in_future', '/data/report/receivedOn']]);
  });
});

describe('checkNuisanceEvent: category 1', () => {
  it('R-OV-03: a report is linked once', () => {
    expect(codes(check([link(rep('A', '2024-01-10'))], link(rep('A', '2024-01-11'))))).toEqual(['duplicate_report:R-OV-03']);
  });
  it('R-OV-10: a C5 report may not be marked as counting against the resident', () => {
    expect(codes(check([], link(rep('R', '2024-01-10', { channel: 'C5', countsAgainstResident: true }))))).toEqual(['c5_never_counts:R-OV-10']);
    expect(check([], link(rep('R', '2024-01-10', { channel: 'C5', countsAgainstResident: false })))).toEqual([]);
    expect(check([], link(rep('R', '2024-01-10', { channel: 'C1', countsAgainstResident: false })))).toEqual([]);
  });
  it('R-OV-25: Action 1 states how the complaint is handled', () => {
    expect(codes(check([], corpInformed('2024-01-10', '  ')))).toEqual(['approach_required:R-OV-25']);
  });
  it('D-OV-01 / R-OV-26: contacting the reporter or hearing the resident is about a report of this case', () => {
    expect(codes(check([], contacted('A', '2024-01-10')))).toEqual(['unknown_report:D-OV-01']);
    expect(codes(check([], heard('A', '2024-01-10')))).toEqual(['unknown_report:R-OV-26']);
    expect(check([link(rep('A', '2024-01-10'))], heard('A', '2024-01-10'))).toEqual([]);
  });
  it('R-OV-26: a judgement without a recorded hearing of that report is refused; with it, it passes', () => {
    const two = [link(rep('A', '2024-01-10')), link(rep('B', '2024-01-10')), heard('B', '2024-01-11')];
    expect(codes(check(two, judged('A', '2024-01-11')))).toEqual(['hearing_missing:R-OV-26']);
    expect(check(two, judged('B', '2024-01-11'))).toEqual([]);
    expect(codes(check(two, judged('Z', '2024-01-11')))).toEqual(['unknown_report:R-OV-26']);
  });
  it('R-OV-26: a complaint is judged once', () => {
    expect(codes(check(complaint('A', '2024-01-10'), judged('A', '2024-01-11')))).toEqual(['already_judged:R-OV-26']);
  });
  it('R-OV-27: conscious + justified needs the resident\'s view (J1 or J2); other combinations do not', () => {
    const base = [link(rep('A', '2024-01-10')), heard('A', '2024-01-10')];
    const vs = check(base, judged('A', '2024-01-10', 'conscious', true, null));
    expect(vs.map((x) => [x.code, x.rule, x.field])).toEqual([['resident_view_required', 'R-OV-27', '/data/residentAgreesJustified']]);
    expect(codes(check(base, { type: 'judged', occurredOn: '2024-01-10', data: { reportId: 'A', behaviour: 'conscious', justifiedPerCareProvider: true } }))).toEqual(['resident_view_required:R-OV-27']);
    expect(check(base, judged('A', '2024-01-10', 'conscious', true, false))).toEqual([]);
    expect(check(base, judged('A', '2024-01-10', 'conscious', true, true))).toEqual([]);
    expect(check(base, judged('A', '2024-01-10', 'conscious', false, null))).toEqual([]);
    expect(check(base, judged('A', '2024-01-10', 'unconscious', true, null))).toEqual([]);
  });
  it('R-OV-27: the complainant is informed about a judged complaint', () => {
    expect(codes(check([link(rep('A', '2024-01-10'))], informed('A', '2024-01-11')))).toEqual(['not_judged:R-OV-27']);
    expect(codes(check([], informed('A', '2024-01-11')))).toEqual(['unknown_report:R-OV-27']);
    expect(check(complaint('A', '2024-01-10'), informed('A', '2024-01-11'))).toEqual([]);
  });
  it('D-OV-06: the six-week check belongs to a J3 judgement only', () => {
    expect(check(complaint('A', '2024-01-10'), sixWeeks('A', '2024-02-21'))).toEqual([]);
    const j4 = [link(rep('A', '2024-01-10')), heard('A', '2024-01-10'), judged('A', '2024-01-10', 'unconscious', false)];
    expect(codes(check(j4, sixWeeks('A', '2024-02-21')))).toEqual(['no_six_week_check:D-OV-06']);
    expect(codes(check([link(rep('A', '2024-01-10'))], sixWeeks('A', '2024-02-21')))).toEqual(['not_judged:R-OV-27']);
    expect(codes(check([], sixWeeks('A', '2024-02-21')))).toEqual(['unknown_report:D-OV-06']);
  });
  it('R-OV-29: follow-ups are the known category-1 actions', () => {
    expect(check(complaint('A', '2024-01-10'), followUp('written_feedback_to_corporation', '2024-01-11'))).toEqual([]);
    expect(check(complaint('A', '2024-01-10'), followUp('six_week_check', '2024-01-11'))).toEqual([]);
    expect(codes(check(complaint('A', '2024-01-10'), followUp('made_up', '2024-01-11')))).toEqual(['unknown_step:R-OV-29']);
    expect(codes(check(complaint('A', '2024-01-10'), followUp('toString', '2024-01-11')))).toEqual(['unknown_step:R-OV-29']);
  });
  it('R-OV-29: a category-1 case closes only after the written feedback to the corporation and the file entry', () => {
    const judgedCase = complaint('A', '2024-01-10');
    expect(check(judgedCase, closed('2024-01-20')).map((x) => [x.code, x.rule, x.field])).toEqual([
      ['follow_up_missing', 'R-OV-29', 'written_feedback_to_corporation'], ['follow_up_missing', 'R-OV-29', 'registered_in_file'],
    ]);
    const informedCase = [...judgedCase, informed('A', '2024-01-11'), followUp('written_feedback_to_corporation', '2024-01-12')];
    expect(check(informedCase, closed('2024-01-20')).map((x) => x.field)).toEqual(['registered_in_file']);
    expect(check([...informedCase, followUp('registered_in_file', '2024-01-12')], closed('2024-01-20'))).toEqual([]);
    // before a judgement (e.g. a withdrawn complaint) and in category 2 the category-1 actions are not asked
    expect(check([link(rep('A', '2024-01-10'))], closed('2024-01-20'))).toEqual([]);
    expect(check(AT3, closed('2024-03-20'))).toEqual([]);
  });
  it('R-OV-05: closing needs a reason', () => {
    expect(codes(check([], closed('2024-01-20', ' ')))).toEqual(['reason_required:R-OV-05']);
  });
});

describe('checkNuisanceEvent: category 2', () => {
  it('R-OV-30: escalation is checked against a new similar justified complaint (via escalationCheck)', () => {
    expect(check([...A1, ...complaint('A2', '2024-03-01')], escalate(3, 'A2', '2024-03-04'))).toEqual([]);
    expect(codes(check([...A1, ...complaint('A2', '2024-03-01', { nuisanceType: 'smell' })], escalate(3, 'A2', '2024-03-04')))).toEqual(['no_similar_complaint:R-OV-30']);
    expect(codes(check([...A1, ...complaint('A2', '2024-03-01')], escalate(4, 'A2', '2024-03-04')))).toEqual(['skip_needs_hub_decision:R-OV-39']);
    expect(codes(check([...A1, ...complaint('A2', '2024-03-01')], { type: 'escalated', occurredOn: '2024-03-04', data: { action: 3, reportId: 'A2' } }))).toEqual([]);
  });
  it('R-OV-39: a skip with a recorded hub decision while the hub is involved passes', () => {
    const base = [...A1, ...complaint('A2', '2024-03-01'), hubInvolved('2024-03-02')];
    expect(check(base, escalate(4, 'A2', '2024-03-04', 'Ernstig incident'))).toEqual([]);
    expect(st([...base, escalate(4, 'A2', '2024-03-04', 'Ernstig incident')])).toMatchObject({ status: 'action_4', action: 4 });
  });
  it('D-OV-07: the night window of the context is used for the police-advice step', () => {
    const next = [...DONE3, link(rep('N', '2024-03-05', { occurredAt: '2024-03-05T14:30' })), ...complaint('A3', '2024-04-01')];
    expect(check(next, escalate(4, 'A3', '2024-04-02'))).toEqual([]);
    expect(codes(check(next, escalate(4, 'A3', '2024-04-02'), 'care_provider', FACTS, { nightWindow: { from: '14:00', to: '15:00' } }))).toEqual(['step_missing:D-OV-07']);
  });
  it('R-OV-31: an action 4 without the action 3 letter signed is refused', () => {
    const unsigned = [...AT3, ...['warning_conversation', 'next_steps_explained', 'letter_archived', 'reporters_informed', 'hub_contacted'].map((x) => step(3, x, '2024-03-05')),
      letter('L3', 'warning_letter', 3, '2024-03-05'), copied('L3', '2024-03-06'), ...complaint('A3', '2024-04-01')];
    expect(codes(check(unsigned, escalate(4, 'A3', '2024-04-02')))).toEqual(['step_missing:R-OV-31']);
    expect(check([...unsigned, signed('L3', '2024-04-01')], escalate(4, 'A3', '2024-04-02'))).toEqual([]);
  });
  it('R-OV-31 / R-OV-35: the warning letter is read aloud and signed; the formal notice is signed as seen', () => {
    const w = [...AT3, letter('L3', 'warning_letter', 3, '2024-03-05')];
    expect(check(w, signed('L3', '2024-03-05'))).toEqual([]);
    expect(codes(check(w, signed('L3', '2024-03-05', 'signed', false)))).toEqual(['read_aloud_and_sign:R-OV-31']);
    expect(codes(check(w, signed('L3', '2024-03-05', 'seen', true)))).toEqual(['read_aloud_and_sign:R-OV-31']);
    const f = [...AT5, letter('L5', 'formal_notice', 5, '2024-05-03')];
    expect(check(f, signed('L5', '2024-05-03', 'seen', false))).toEqual([]);
    expect(codes(check(f, signed('L5', '2024-05-03', 'signed', true)))).toEqual(['sign_as_seen:R-OV-35']);
    const o = [...AT4, letter('L4', 'official_warning_letter', 4, '2024-04-03')];
    expect(check(o, signed('L4', '2024-04-03', 'seen', false))).toEqual([]);
    expect(codes(check(AT3, signed('NOPE', '2024-03-05')))).toEqual(['unknown_letter:R-OV-31']);
  });
  it('R-OV-31: a copy is of a letter of this case', () => {
    expect(codes(check(AT3, copied('NOPE', '2024-03-05')))).toEqual(['unknown_letter:R-OV-31']);
    expect(check([...AT3, letter('L3', 'warning_letter', 3, '2024-03-05')], copied('L3', '2024-03-05'))).toEqual([]);
  });
  it('R-OV-09: a letter to the resident without an agreement of the support plan that was not kept is refused', () => {
    expect(codes(check(AT3, letter('L3', 'warning_letter', 3, '2024-03-05', [])))).toEqual(['agreements_not_cited:R-OV-09']);
    expect(codes(check(AT3, letter('L3', 'warning_letter', 3, '2024-03-05', ['  ', ''])))).toEqual(['agreements_not_cited:R-OV-09']);
    expect(check(AT3, letter('L3', 'warning_letter', 3, '2024-03-05', ['', 'Geen bezoek na 23.00 uur']))).toEqual([]);
    // the written feedback is addressed to the corporation
    expect(check(complaint('A', '2024-01-10'), letter('W', 'written_feedback', null, '2024-01-11', []))).toEqual([]);
  });
  it('R-OV-39: a letter of a later action is refused before that action; R-OV-09: a letter id is used once', () => {
    expect(codes(check(complaint('A', '2024-01-10'), letter('L3', 'warning_letter', 3, '2024-01-11')))).toEqual(['letter_before_action:R-OV-39']);
    expect(codes(check(AT3, letter('L4', 'official_warning_letter', 4, '2024-03-05')))).toEqual(['letter_before_action:R-OV-39']);
    expect(check(AT4, letter('L4', 'official_warning_letter', 4, '2024-04-03'))).toEqual([]);
    expect(check(AT4, letter('L3b', 'warning_letter', 3, '2024-04-03'))).toEqual([]);
    expect(codes(check([...AT3, letter('L3', 'warning_letter', 3, '2024-03-05')], letter('L3', 'warning_letter', 3, '2024-03-06')))).toEqual(['duplicate_letter:R-OV-09']);
    expect(codes(check(AT3, letter('N', 'new_chance_letter', null, '2024-03-05')))).toEqual(['wrong_case:R-OV-57']);
  });
  it('R-OV-38: checklist items are recorded for a started action and belong to it; letter items and the EIV follow from their own records', () => {
    expect(check(AT3, step(3, 'warning_conversation', '2024-03-05'))).toEqual([]);
    expect(codes(check(AT3, step(4, 'legal_advice', '2024-03-05')))).toEqual(['action_not_started:R-OV-39']);
    expect(check(AT5, step(4, 'legal_advice', '2024-05-03'))).toEqual([]);
    expect(check(AT5, step(5, 'legal_advice', '2024-05-03'))).toEqual([]);
    expect(codes(check(AT3, step(3, 'legal_advice', '2024-03-05')))).toEqual(['unknown_step:R-OV-38']);
    expect(codes(check(AT3, step(3, 'warning_letter_signed', '2024-03-05')))).toEqual(['recorded_elsewhere:R-OV-31']);
    expect(codes(check(AT6, step(6, 'eiv', '2024-06-03')))).toEqual(['recorded_elsewhere:R-OV-37']);
    expect(codes(check(AT6, step(6, 'care_agreement_dissolved', '2024-06-03')))).toEqual(['recorded_elsewhere:R-OV-36']);
    expect(codes(check(complaint('A', '2024-01-10'), step(3, 'warning_conversation', '2024-01-11')))).toEqual(['wrong_status:R-OV-38']);
  });
  it('R-OV-20 / MZ-8: the hub is involved for at least one situation; it takes the lead only once involved', () => {
    expect(codes(check([], { type: 'hub_involved', occurredOn: '2024-03-01', data: { situations: [] } }))).toEqual(['situation_required:R-OV-20']);
    expect(check([], hubLead('2024-03-01'))).toStrictEqual([{ code: 'hub_not_involved', rule: 'MZ-8', nl: expect.any(String), en: expect.any(String) }]);
    expect(check([hubInvolved('2024-03-01')], hubLead('2024-03-01'))).toEqual([]);
  });
  it('R-OV-37 / MZ-9: the EIV is decided at action 6 and only under the hub\'s lead', () => {
    expect(codes(check(AT6, eiv('2024-06-03', true)))).toEqual(['hub_lead_required:R-OV-37']);
    expect(codes(check([...AT6, hubInvolved('2024-06-03')], eiv('2024-06-03', true)))).toEqual(['hub_lead_required:R-OV-37']);
    expect(check([...AT6, hubInvolved('2024-06-03'), hubLead('2024-06-03')], eiv('2024-06-03', true))).toEqual([]);
    expect(codes(check([...DONE5, hubInvolved('2024-05-05'), hubLead('2024-05-05')], eiv('2024-05-06', true)))).toEqual(['wrong_status:R-OV-37']);
  });
  it('R-OV-36 / R-OV-42: the alternative is accepted only at action 6 after the care agreement is dissolved, and is described', () => {
    const alt = (description = 'Beschermd wonen bij een andere zorgaanbieder'): NuisanceEventInput => ({ type: 'alternative_accepted', occurredOn: '2024-06-10', data: { description } });
    expect(codes(check(AT6, alt()))).toEqual(['dissolution_missing:R-OV-36']);
    expect(check(DISSOLVED, alt())).toEqual([]);
    expect(codes(check(DISSOLVED, alt(' ')))).toEqual(['description_required:R-OV-42']);
    expect(codes(check(DONE5, alt()))).toEqual(['wrong_status:R-OV-42']);
  });
  it('R-OV-37: an eviction request without an EIV (or a recorded reason none is needed) is refused', () => {
    const req: NuisanceEventInput = { type: 'court_requested', occurredOn: '2024-06-10', data: { ground: 'nuisance_file' } };
    expect(codes(check(DISSOLVED, req))).toEqual(['eiv_missing:R-OV-37']);
    expect(codes(check([...DISSOLVED, eiv('2024-06-05', false)], req))).toEqual(['eiv_missing:R-OV-37']);
    expect(check([...DISSOLVED, eiv('2024-06-05', true)], req)).toEqual([]);
    expect(check([...DISSOLVED, eiv('2024-06-05', false, 'De huur staat op naam van de zorgaanbieder')], req)).toEqual([]);
    expect(codes(check([...AT6, hubInvolved('2024-06-03'), hubLead('2024-06-03'), eiv('2024-06-05', true)], req))).toEqual(['dissolution_missing:R-OV-36']);
    expect(codes(check(AT6, req))).toEqual(['dissolution_missing:R-OV-36', 'eiv_missing:R-OV-37']);
  });
});

describe('checkNuisanceEvent: time-out and re-placement', () => {
  it('D-OV-09 / R-OV-43: a time-out of 7 to 14 days; 6 days is too short, a time-out longer than 2 weeks is refused', () => {
    expect(check([], timeout('2024-03-01', '2024-03-08'))).toEqual([]);
    expect(check([], timeout('2024-03-01', '2024-03-15'))).toEqual([]);
    expect(check([], timeout('2024-03-01', '2024-03-07')).map((x) => [x.code, x.rule, x.field])).toEqual([['timeout_too_short', 'D-OV-09', '/data/plannedEndOn']]);
    expect(check([], timeout('2024-03-01', '2024-03-16')).map((x) => [x.code, x.rule, x.field])).toEqual([['timeout_too_long', 'D-OV-09', '/data/plannedEndOn']]);
    expect(codes(check([], timeout('2024-03-01', '2024-02-28')))).toEqual(['timeout_end_before_start:R-OV-43']);
    expect(codes(check([], timeout('2024-03-01', '2024-03-01')))).toEqual(['timeout_end_before_start:R-OV-43']);
    expect(codes(check([], timeout('2024-03-01', '2024-3-8')))).toEqual(['invalid_date:D-OV-09']);
  });
  it('R-OV-43: the time-out is aligned with the corporation, and one runs at a time', () => {
    expect(codes(check([], timeout('2024-03-01', '2024-03-10', false)))).toEqual(['corporation_not_aligned:R-OV-43']);
    expect(codes(check([timeout('2024-03-01', '2024-03-10')], timeout('2024-03-05', '2024-03-12')))).toEqual(['timeout_running:R-OV-43']);
    const ended: NuisanceEventInput = { type: 'timeout_ended', occurredOn: '2024-03-09', data: { outcome: 'structural_solution' } };
    expect(check([timeout('2024-03-01', '2024-03-10')], ended)).toEqual([]);
    expect(check([timeout('2024-03-01', '2024-03-10'), ended], timeout('2024-04-01', '2024-04-10'))).toEqual([]);
    expect(codes(check([], ended))).toEqual(['no_timeout:R-OV-43']);
    expect(codes(check([timeout('2024-03-01', '2024-03-10'), ended], ended))).toEqual(['no_timeout:R-OV-43']);
  });
  it('R-OV-47: the field table is notified about a re-placement decision', () => {
    const notify: NuisanceEventInput = { type: 'field_table_notified', occurredOn: '2024-04-03', data: {} };
    expect(codes(check([], notify))).toEqual(['no_replacement:R-OV-47']);
    const decided: NuisanceEventInput = { type: 'replacement_decided', occurredOn: '2024-04-01', data: { careContentReason: true, ambulantOptionsExhausted: true, verySeriousEscalation: false } };
    expect(check([], decided)).toEqual([]);
    expect(check([decided], notify)).toEqual([]);
  });
});

describe('the full protocol', () => {
  it('R-OV-39: a case goes 3 → 4 → 5 → 6 → court → evicted with every step allowed', () => {
    const s = play([...DISSOLVED, eiv('2024-06-05', true), { type: 'court_requested', occurredOn: '2024-06-10', data: { ground: 'nuisance_file' } }, { type: 'court_judgment', occurredOn: '2024-09-01', data: { evictionJustified: true } }]);
    expect(s.status).toBe('evicted');
    expect(Object.keys(s.actionStartedOn)).toEqual(['3', '4', '5', '6']);
  });
  it('every transition names its parties, a rule and words', () => {
    for (const t of Object.values(NUISANCE_TRANSITIONS)) {
      expect(t.parties.length).toBeGreaterThan(0);
      expect(t.rule).toMatch(/^(R-OV|D-OV|MZ)-\d+$/);
    }
  });
});
