import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ATW_CALENDAR, addPeriod } from '../calendar/index.ts';
import type { CaseReport, Channel, NuisanceDeadline, NuisanceFacts, NuisanceState } from './model.ts';
import { deriveNuisanceDeadlines, earlyWarningAt, NUISANCE_DEADLINES, overdueOn } from './deadlines.ts';

const FACTS: NuisanceFacts = { hasSupport: true, highRisk: false };
const state = (p: Partial<NuisanceState> = {}): NuisanceState => ({
  status: 'received', reports: [], firstComplaintOn: null, corporationInformedOn: null, followUps: {}, action: null, actionStartedOn: {}, actionSteps: {},
  letters: [], hubInvolvedOn: null, hubSituations: [], hubLeadOn: null, eiv: null, alternativeAcceptedOn: null, courtRequestedOn: null, courtJudgment: null,
  timeout: null, replacement: null, reviewFlag: false, closedOn: null, ...p,
});
const report = (p: Partial<CaseReport> = {}): CaseReport => ({
  id: 'R1', channel: 'C1', nuisanceType: 'noise', occurredAt: null, receivedOn: '2026-03-05', reporterKey: 'k1', countsAgainstResident: true, linkedOn: p.receivedOn ?? '2026-03-05',
  reporterContactedOn: null, heardOn: null, judgement: null, complainantInformedOn: null, sixWeekCheckOn: null, resolved: null, ...p,
});
const all = (s: NuisanceState, opts?: { d08WorkingDays?: number }) => deriveNuisanceDeadlines(ATW_CALENDAR, FACTS, s, opts);
const one = (s: NuisanceState, key: string): NuisanceDeadline | undefined => all(s).find((d) => d.key === key);
const withReport = (p: Partial<CaseReport> = {}, s: Partial<NuisanceState> = {}) => state({ reports: [report(p)], ...s });
const keys = (s: NuisanceState) => all(s).map((d) => d.key);

describe('report deadlines (§4, R-OV-25)', () => {
  it('D-OV-01: the reporter is approached within 2 working days: Thu 2026-03-05 → Mon 03-09 in time, Tue 03-10 late', () => {
    const d = one(withReport(), 'D-OV-01:R1');
    expect(d).toMatchObject({ ruleId: 'D-OV-01', nature: 'MUST', actor: 'care_provider', start: '2026-03-05', due: '2026-03-09', metOn: null, closedAs: null, label: NUISANCE_DEADLINES['D-OV-01'].label });
    expect(overdueOn([d!], '2026-03-09')).toEqual([]);
    expect(overdueOn([d!], '2026-03-10')).toEqual([d]);
    expect(one(withReport({ reporterContactedOn: '2026-03-09' }), 'D-OV-01:R1')?.metOn).toBe('2026-03-09');
  });
  it('D-OV-01: a Friday receipt runs over the weekend: Fri 2026-03-06 → Tue 03-10', () => {
    expect(one(withReport({ receivedOn: '2026-03-06' }), 'D-OV-01:R1')?.due).toBe('2026-03-10');
  });
  it('D-OV-01: holidays of the calendar are skipped: Thu 2026-04-02 → Wed 04-08 (Good Friday and Easter Monday)', () => {
    expect(one(withReport({ receivedOn: '2026-04-02' }), 'D-OV-01:R1')?.due).toBe('2026-04-08');
  });
  it('D-OV-02: the corporation contact is informed at once (due on receipt, shown as such), overdue only after 2 working days', () => {
    const d = one(withReport(), 'D-OV-02:R1');
    expect(d).toMatchObject({ start: '2026-03-05', due: '2026-03-09', nature: 'MUST', actor: 'care_provider', computed: expect.objectContaining({ dueAtOnce: '2026-03-05' }) });
    expect(overdueOn([d!], '2026-03-09')).toEqual([]);
    expect(overdueOn([d!], '2026-03-10')).toHaveLength(1);
    expect(one(withReport({}, { corporationInformedOn: '2026-03-05' }), 'D-OV-02:R1')?.metOn).toBe('2026-03-05');
  });
  it('D-OV-03: a corporation signal (C2) is answered within 2 working days; no D-OV-01 or D-OV-04 then', () => {
    const s = withReport({ channel: 'C2', receivedOn: '2026-03-06' });
    expect(one(s, 'D-OV-03:R1')).toMatchObject({ ruleId: 'D-OV-03', start: '2026-03-06', due: '2026-03-10', metOn: null });
    expect(keys(s)).toEqual(['D-OV-02:R1', 'D-OV-03:R1', 'D-OV-08:R1']);
    expect(one(withReport({ channel: 'C2' }, { corporationInformedOn: '2026-03-06' }), 'D-OV-03:R1')?.metOn).toBe('2026-03-06');
  });
  it('D-OV-04: the corporation is contacted within 2 working days (binding); the 48-hour early warning is shown besides (AMB-OV-02)', () => {
    const d = one(withReport({ receivedOn: '2026-03-06' }), 'D-OV-04:R1');
    expect(d).toMatchObject({ ruleId: 'D-OV-04', start: '2026-03-06', due: '2026-03-10', actor: 'care_provider', computed: expect.objectContaining({ earlyWarningAt: '2026-03-08', due: '2026-03-10' }) });
    expect(one(withReport({}, { corporationInformedOn: '2026-03-09' }), 'D-OV-04:R1')?.metOn).toBe('2026-03-09');
  });
  it('D-OV-04 / AMB-OV-02: earlyWarningAt is receipt + 48 hours: a Friday 14:30 receipt warns on Sunday 14:30, over a month end too', () => {
    expect(earlyWarningAt('2026-03-06T14:30')).toBe('2026-03-08T14:30');
    expect(earlyWarningAt('2026-02-27')).toBe('2026-03-01');
    expect(earlyWarningAt('2026-12-31T23:59')).toBe('2027-01-02T23:59');
  });
  it('D-OV-02 / D-OV-04: the corporation informed for an earlier report does not meet a later report\'s deadline', () => {
    const s = state({ reports: [report(), report({ id: 'R2', receivedOn: '2026-03-20' })], corporationInformedOn: '2026-03-06' });
    expect(one(s, 'D-OV-04:R1')?.metOn).toBe('2026-03-06');
    expect(one(s, 'D-OV-04:R2')?.metOn).toBeNull();
    expect(one(s, 'D-OV-02:R2')?.metOn).toBeNull();
    expect(one(state({ reports: [report({ receivedOn: '2026-03-06' })], corporationInformedOn: '2026-03-06' }), 'D-OV-04:R1')?.metOn).toBe('2026-03-06');
  });
  it('D-OV-08: the hearing within 5 working days (proposal, configurable): Thu 2026-03-05 → Thu 03-12; met by the hearing', () => {
    expect(one(withReport(), 'D-OV-08:R1')).toMatchObject({ ruleId: 'D-OV-08', nature: 'SHOULD', due: '2026-03-12', metOn: null });
    expect(one(withReport({ heardOn: '2026-03-11' }), 'D-OV-08:R1')?.metOn).toBe('2026-03-11');
    expect(all(withReport(), { d08WorkingDays: 3 }).find((d) => d.ruleId === 'D-OV-08')?.due).toBe('2026-03-10');
  });
  it('D-OV-08: over King\'s Day: Wed 2026-04-22 → Thu 04-30', () => {
    expect(one(withReport({ receivedOn: '2026-04-22' }), 'D-OV-08:R1')?.due).toBe('2026-04-30');
  });
  it('R-OV-10: a C5 report (the resident reports others) derives D-OV-01 only, never D-OV-04 or D-OV-08', () => {
    expect(keys(withReport({ channel: 'C5', countsAgainstResident: false }))).toEqual(['D-OV-01:R1']);
  });
  it('R-OV-25: a report through the hub (C4) or a professional (C3) derives D-OV-01, D-OV-02, D-OV-04, D-OV-08', () => {
    const channels: Channel[] = ['C1', 'C3', 'C4'];
    for (const channel of channels) expect(keys(withReport({ channel }))).toEqual(['D-OV-01:R1', 'D-OV-02:R1', 'D-OV-04:R1', 'D-OV-08:R1']);
  });
  it('keys are unique per report', () => {
    const s = state({ reports: [report(), report({ id: 'R2' })] });
    expect(new Set(keys(s)).size).toBe(8);
  });
});

describe('case deadlines', () => {
  const j3 = (p: Partial<CaseReport> = {}) => report({ judgement: { row: 'J3', behaviour: 'unconscious', justified: true, residentAgrees: null, on: '2026-03-09' }, complainantInformedOn: '2026-03-10', ...p });
  it('D-OV-06: after J3 the complainant is asked 6 weeks after being informed: 2026-03-10 → 04-21; met by the check', () => {
    expect(one(state({ reports: [j3()] }), 'D-OV-06:R1')).toMatchObject({ ruleId: 'D-OV-06', start: '2026-03-10', due: '2026-04-21', nature: 'MUST', metOn: null });
    expect(one(state({ reports: [j3({ sixWeekCheckOn: '2026-04-21' })] }), 'D-OV-06:R1')?.metOn).toBe('2026-04-21');
  });
  it('D-OV-06: a Saturday end moves to Monday (Atw art. 1): informed Sat 2026-03-21 → Mon 05-04', () => {
    expect(one(state({ reports: [j3({ complainantInformedOn: '2026-03-21' })] }), 'D-OV-06:R1')?.due).toBe('2026-05-04');
  });
  it('D-OV-06: only for J3 and only once the complainant was informed', () => {
    expect(one(state({ reports: [j3({ complainantInformedOn: null })] }), 'D-OV-06:R1')).toBeUndefined();
    expect(one(state({ reports: [j3({ judgement: { row: 'J1', behaviour: 'conscious', justified: true, residentAgrees: true, on: '2026-03-09' } })] }), 'D-OV-06:R1')).toBeUndefined();
  });
  it('D-OV-05: the nuisance is resolved within 3 months of the first complaint (SHOULD, on the hub\'s list); met when the case closes', () => {
    expect(one(state({ firstComplaintOn: '2026-01-15' }), 'D-OV-05')).toMatchObject({ ruleId: 'D-OV-05', nature: 'SHOULD', actor: 'hub', start: '2026-01-15', due: '2026-04-15', metOn: null, closedAs: null });
    expect(one(state({ firstComplaintOn: '2026-01-25' }), 'D-OV-05')?.due).toBe('2026-04-28');
    expect(one(state({ firstComplaintOn: '2026-01-15', status: 'closed', closedOn: '2026-04-01' }), 'D-OV-05')).toMatchObject({ metOn: '2026-04-01', closedAs: null });
    expect(one(state(), 'D-OV-05')).toBeUndefined();
  });
  it('R-OV-33: the hub is contacted within 2 working days after Action 3 started; a hub already involved counts from that day', () => {
    expect(one(state({ actionStartedOn: { 3: '2026-03-06' } }), 'R-OV-33')).toMatchObject({ ruleId: 'R-OV-33', start: '2026-03-06', due: '2026-03-10', metOn: null, actor: 'care_provider' });
    expect(one(state({ actionStartedOn: { 3: '2026-03-06' }, hubInvolvedOn: '2026-03-09' }), 'R-OV-33')?.metOn).toBe('2026-03-09');
    expect(one(state({ actionStartedOn: { 3: '2026-03-06' }, hubInvolvedOn: '2026-03-06' }), 'R-OV-33')?.metOn).toBe('2026-03-06');
    expect(one(state({ actionStartedOn: { 3: '2026-03-06' }, hubInvolvedOn: '2026-02-01' }), 'R-OV-33')?.metOn).toBe('2026-03-06');
    expect(one(state({ actionStartedOn: { 4: '2026-03-06' } }), 'R-OV-33')).toBeUndefined();
  });
  it('D-OV-09: a time-out ends within 2 weeks: Mon 2026-03-02 → Mon 03-16; met by its end', () => {
    const timeout = { startOn: '2026-03-02', plannedEndOn: '2026-03-12', endedOn: null, outcome: null };
    expect(one(state({ timeout }), 'D-OV-09:2026-03-02')).toMatchObject({ ruleId: 'D-OV-09', due: '2026-03-16', metOn: null, nature: 'MUST' });
    expect(one(state({ timeout: { ...timeout, endedOn: '2026-03-12', outcome: 'returned' } }), 'D-OV-09:2026-03-02')?.metOn).toBe('2026-03-12');
    expect(one(state({ timeout: { ...timeout, startOn: '2026-04-13' } }), 'D-OV-09:2026-04-13')?.due).toBe('2026-04-28');
  });
  it('D-OV-10: the field table hears of a swap or priority before it: due on the decision date; met by the notice', () => {
    const replacement = { decidedOn: '2026-03-05', outcome: 'priority_with_swap' as const, fieldTableNotifiedOn: null, afterwards: false };
    const d = one(state({ replacement }), 'D-OV-10');
    expect(d).toMatchObject({ ruleId: 'D-OV-10', start: '2026-03-05', due: '2026-03-05', metOn: null });
    expect(overdueOn([d!], '2026-03-05')).toEqual([]);
    expect(overdueOn([d!], '2026-03-06')).toHaveLength(1);
    expect(one(state({ replacement: { ...replacement, fieldTableNotifiedOn: '2026-03-05' } }), 'D-OV-10')?.metOn).toBe('2026-03-05');
  });
  it('D-OV-10: afterwards (very serious escalation, proposal): within 5 working days of the placement: Fri 2026-03-06 → Fri 03-13', () => {
    expect(one(state({ replacement: { decidedOn: '2026-03-06', outcome: 'priority', fieldTableNotifiedOn: null, afterwards: true } }), 'D-OV-10')?.due).toBe('2026-03-13');
    expect(one(state({ replacement: { decidedOn: '2026-03-06', outcome: 'priority_no_swap', fieldTableNotifiedOn: null, afterwards: false } }), 'D-OV-10')?.due).toBe('2026-03-06');
  });
  it('D-OV-10: no field table when there is no re-placement (no priority)', () => {
    expect(one(state({ replacement: { decidedOn: '2026-03-06', outcome: 'not_yet', fieldTableNotifiedOn: null, afterwards: false } }), 'D-OV-10')).toBeUndefined();
    expect(one(state({ replacement: { decidedOn: '2026-03-06', outcome: 'no_replacement', fieldTableNotifiedOn: null, afterwards: true } }), 'D-OV-10')).toBeUndefined();
  });
  it('a deadline not met when the case closes or the resident is evicted is cancelled; a met one stays met', () => {
    for (const status of ['closed', 'evicted'] as const) {
      const s = withReport({ reporterContactedOn: '2026-03-06' }, { status, closedOn: status === 'closed' ? '2026-03-07' : null });
      expect(one(s, 'D-OV-08:R1')).toMatchObject({ metOn: null, closedAs: 'cancelled' });
      expect(one(s, 'D-OV-01:R1')).toMatchObject({ metOn: '2026-03-06', closedAs: null });
      expect(overdueOn(all(s), '2027-01-01')).toEqual([]);
    }
    expect(one(withReport({}, { status: 'action_6' }), 'D-OV-08:R1')?.closedAs).toBeNull();
  });
  it('R-OV-05: without a care provider involved (the hub\'s regular method) there are no care provider deadlines', () => {
    expect(deriveNuisanceDeadlines(ATW_CALENDAR, { hasSupport: false, highRisk: false }, withReport({}, { firstComplaintOn: '2026-03-05' }))).toEqual([]);
  });
  it('every deadline carries its label in Dutch and English and its actor', () => {
    for (const r of Object.values(NUISANCE_DEADLINES)) {
      expect(r.label.nl.length).toBeGreaterThan(0);
      expect(r.label.en.length).toBeGreaterThan(0);
      expect(['care_provider', 'corporation', 'hub', 'wonen']).toContain(r.actor);
    }
  });
});

describe('deadline properties', () => {
  const date = fc.date({ min: new Date('2024-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  const rep = fc.record({ channel: fc.constantFrom<Channel>('C1', 'C2', 'C3', 'C4', 'C5'), receivedOn: date, judged: fc.boolean() });
  it('D-OV-01…D-OV-10 (property): every derived due is on or after its start and keys are unique', () => {
    fc.assert(fc.property(fc.array(rep, { maxLength: 5 }), date, fc.boolean(), fc.boolean(), (reps, on, withTimeout, afterwards) => {
      const s = state({
        reports: reps.map((r, i) => report({
          id: `R${i}`, channel: r.channel, receivedOn: r.receivedOn, countsAgainstResident: r.channel !== 'C5',
          judgement: r.judged ? { row: 'J3', behaviour: 'unconscious', justified: true, residentAgrees: null, on: r.receivedOn } : null,
          complainantInformedOn: r.judged ? r.receivedOn : null,
        })),
        firstComplaintOn: on, actionStartedOn: { 3: on },
        timeout: withTimeout ? { startOn: on, plannedEndOn: addPeriod(on, 10, 'days'), endedOn: null, outcome: null } : null,
        replacement: { decidedOn: on, outcome: 'priority', fieldTableNotifiedOn: null, afterwards },
      });
      const ds = all(s);
      for (const d of ds) expect(d.due >= d.start).toBe(true);
      expect(new Set(ds.map((d) => d.key)).size).toBe(ds.length);
      expect(ds.filter((d) => d.ruleId === 'D-OV-01')).toHaveLength(reps.filter((r) => r.channel !== 'C2').length);
    }));
  });
});
