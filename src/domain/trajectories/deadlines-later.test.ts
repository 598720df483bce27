/** Mutation tests for the later deadlines: superseded offers, D-12, D-13#2, D-15, D-16, closing, isEscalated. Dates by hand. */
import { describe, expect, it } from 'vitest';
import { ATW_CALENDAR } from '../calendar/index.ts';
import { DEFAULT_DEADLINE_SETTINGS, deriveDeadlines, initialState, isEscalated, type DeadlineInstance, type OfferState, type TrajectoryState } from './index.ts';

const st = (o: Partial<TrajectoryState>): TrajectoryState => ({ ...initialState(), ...o });
const derive = (o: Partial<TrajectoryState>, woningnetRegisteredOn: string | null = null) =>
  deriveDeadlines(st(o), { calendar: ATW_CALENDAR, settings: DEFAULT_DEADLINE_SETTINGS, birthDate: '1980-05-01', woningnetRegisteredOn });
const by = (ds: DeadlineInstance[], key: string) => ds.find((d) => d.key === key);
const offer = (eventId: string, o: Partial<OfferState> = {}): OfferState => ({
  offerId: null, eventId, receivedOn: '2026-03-30', availableOn: '2026-04-02', address: 'Lindelaan 12-2', reply: null, repliedOn: null,
  viewedOn: null, refusedOn: null, clientInformedOn: null, clientRefusedOn: null, ...o,
});

describe('offers: superseded and accepted', () => {
  it('D-02 / D-05: an earlier offer left unanswered is cancelled once a later offer came; the last stays open', () => {
    const ds = derive({ offers: [offer('o1'), offer('o2')] });
    expect([by(ds, 'D-02#o1')?.closedAs, by(ds, 'D-05#o1')?.closedAs]).toEqual(['cancelled', 'cancelled']);
    expect([by(ds, 'D-02#o2')?.closedAs, by(ds, 'D-05#o2')?.closedAs]).toEqual([null, null]);
  });

  it('D-02: an earlier offer refused by the corporation or by the client is not superseded (not cancelled)', () => {
    const ds = derive({ offers: [offer('o1', { refusedOn: '2026-04-09' }), offer('o2', { clientRefusedOn: '2026-04-09' }), offer('o3')] });
    expect(by(ds, 'D-02#o1')?.closedAs).toBeNull();
    expect(by(ds, 'D-02#o2')?.closedAs).toBeNull();
    expect(by(ds, 'D-05#o1')?.closedAs).toBe('cancelled'); // refused: no longer applicable
    expect(by(ds, 'D-05#o2')?.closedAs).toBeNull();
  });

  it('D-02 / D-05: a reply or informing the client meets them, also on a superseded offer', () => {
    const ds = derive({ offers: [offer('o1', { repliedOn: '2026-03-31', clientInformedOn: '2026-04-08' }), offer('o2')] });
    expect([by(ds, 'D-02#o1')?.metOn, by(ds, 'D-02#o1')?.closedAs]).toEqual(['2026-03-31', null]);
    expect([by(ds, 'D-05#o1')?.metOn, by(ds, 'D-05#o1')?.closedAs]).toEqual(['2026-04-08', null]);
  });

  it('D-03: only when a viewing is asked or held', () => {
    const ds = derive({ offers: [offer('o1', { reply: 'request_viewing' }), offer('o2', { reply: 'accept' }), offer('o3', { reply: 'accept', viewedOn: '2026-04-07' })] });
    expect(ds.filter((d) => d.ruleId === 'D-03').map((d) => [d.key, d.start, d.metOn])).toEqual([['D-03#o1', '2026-04-02', null], ['D-03#o3', '2026-04-02', '2026-04-07']]);
  });

  it('D-04: after a viewing, cancelled as accepted when the client is informed, or on the final match of the last offer', () => {
    const viewed = { viewedOn: '2026-04-07' };
    const informed = derive({ offers: [offer('o1', { ...viewed, clientInformedOn: '2026-04-08' }), offer('o2')] });
    expect([by(informed, 'D-04#o1')?.key, by(informed, 'D-04#o1')?.closedAs, by(informed, 'D-04#o1')?.note]).toEqual(['D-04#o1', 'cancelled', 'accepted']);
    const matched = derive({ matchFinalOn: '2026-04-10', offers: [offer('o1', viewed)] });
    expect([by(matched, 'D-04#o1')?.closedAs, by(matched, 'D-04#o1')?.note]).toEqual(['cancelled', 'accepted']);
    const notLast = derive({ matchFinalOn: '2026-04-10', offers: [offer('o1', viewed), offer('o2')] });
    expect([by(notLast, 'D-04#o1')?.closedAs, by(notLast, 'D-04#o1')?.note]).toEqual([null, null]);
    const open = derive({ offers: [offer('o1', viewed)] });
    expect([by(open, 'D-04#o1')?.closedAs, by(open, 'D-04#o1')?.note]).toEqual([null, null]);
    const refused = derive({ matchFinalOn: '2026-04-10', offers: [offer('o1', { ...viewed, refusedOn: '2026-04-09', clientInformedOn: '2026-04-08' })] });
    expect([by(refused, 'D-04#o1')?.metOn, by(refused, 'D-04#o1')?.closedAs, by(refused, 'D-04#o1')?.note]).toEqual(['2026-04-09', null, null]);
  });
});

describe('later deadlines', () => {
  it('D-12: Fibu evaluations count from the agreements (one on that day counts), in date order, earlier ones ignored', () => {
    const ds = derive({ fibuAgreementsOn: '2026-05-01', fibuEvaluations: ['2026-10-01', '2026-04-01', '2026-05-01'] });
    expect(ds.filter((d) => d.ruleId === 'D-12').map((d) => [d.key, d.start, d.metOn])).toEqual([
      ['D-12#1', '2026-05-01', '2026-05-01'], ['D-12#2', '2026-05-01', '2026-10-01'], ['D-12#3', '2026-10-01', null],
    ]);
  });

  it('D-13: a second submission after a return has its own key D-13#2', () => {
    const ds = derive({ wonenSubmissions: [{ sentOn: '2027-06-01', confirmedOn: null, returnedOn: '2027-06-04' }, { sentOn: '2027-06-20', confirmedOn: null, returnedOn: null }] });
    expect(ds.filter((d) => d.ruleId === 'D-13').map((d) => [d.key, d.start, d.metOn, d.note])).toEqual([
      ['D-13', '2027-06-01', '2027-06-04', 'returned'], ['D-13#2', '2027-06-20', null, null],
    ]);
  });

  it('D-15: the first renewal counted is the anniversary on or after the key handover; a handover on the anniversary itself counts that one', () => {
    const onAnniversary = derive({ keyHandoverOn: '2025-09-15' }, '2019-09-15');
    expect(onAnniversary.filter((d) => d.ruleId === 'D-15').map((d) => [d.key, d.start, d.due])).toEqual([['D-15#6', '2024-09-15', '2025-09-15']]);
    const dayAfter = derive({ keyHandoverOn: '2025-09-16' }, '2019-09-15');
    expect(dayAfter.filter((d) => d.ruleId === 'D-15').map((d) => d.key)).toEqual(['D-15#7']);
  });

  it('D-15: renewals are matched in date order, one per year, and the next stays open', () => {
    const ds = derive({ keyHandoverOn: '2026-04-16', woningnetRenewals: ['2027-09-10', '2026-09-01'] }, '2019-09-15');
    expect(ds.filter((d) => d.ruleId === 'D-15').map((d) => [d.key, d.metOn])).toEqual([['D-15#7', '2026-09-01'], ['D-15#8', '2027-09-10'], ['D-15#9', null]]);
  });

  it('D-15: counted k years from a 29 February registration, not a year after the previous anniversary', () => {
    const d = derive({ keyHandoverOn: '2023-03-01' }, '2020-02-29').find((x) => x.ruleId === 'D-15')!;
    expect([d.key, d.start, d.due]).toEqual(['D-15#4', '2023-02-28', '2024-02-29']); // 29 Feb 2024 is a Thursday
  });

  it('D-16: a planned end date is the due date as given; without one 3 months; met only when the trajectory closes', () => {
    const planned = derive({ lightSupport: { startedOn: '2027-08-02', plannedEndOn: '2027-10-15' } }).find((d) => d.ruleId === 'D-16')!;
    expect([planned.start, planned.due, planned.metOn]).toEqual(['2027-08-02', '2027-10-15', null]);
    const dflt = derive({ lightSupport: { startedOn: '2027-08-02', plannedEndOn: null } }).find((d) => d.ruleId === 'D-16')!;
    expect(dflt.due).toBe('2027-11-02');
    const closed = derive({ status: 'closed', closedOn: '2027-09-01', lightSupport: { startedOn: '2027-08-02', plannedEndOn: null } }).find((d) => d.ruleId === 'D-16')!;
    expect([closed.metOn, closed.closedAs]).toEqual(['2027-09-01', null]);
  });

  it('closing: a deadline that had already ended (a superseded offer, cancelled) keeps its end and gets no closing date', () => {
    const ds = derive({ status: 'closed', closedOn: '2026-09-01', offers: [offer('o1'), offer('o2')] });
    expect([by(ds, 'D-02#o1')?.closedAs, by(ds, 'D-02#o1')?.closedOn]).toEqual(['cancelled', null]);
    expect([by(ds, 'D-02#o2')?.closedAs, by(ds, 'D-02#o2')?.closedOn]).toEqual(['missed', '2026-09-01']);
  });
});

describe('isEscalated ("late ×3")', () => {
  const dl = (o: Partial<DeadlineInstance>) => ({ kind: 'deadline', metOn: null, closedAs: null, start: '2026-01-01', due: '2026-01-11', ...o }) as DeadlineInstance;

  it('escalates when overdue by more than twice its own length (10 days: from day 21 after the due date)', () => {
    expect(isEscalated(dl({}), '2026-01-31')).toBe(false);
    expect(isEscalated(dl({}), '2026-02-01')).toBe(true);
  });

  it('counts calendar days across a month end (31 January)', () => {
    const d = dl({ start: '2026-01-25', due: '2026-02-04' }); // 10 days
    expect(isEscalated(d, '2026-02-24')).toBe(false);
    expect(isEscalated(d, '2026-02-25')).toBe(true);
  });

  it('a zero-length deadline counts as one day', () => {
    const d = dl({ start: '2026-03-02', due: '2026-03-02' });
    expect(isEscalated(d, '2026-03-04')).toBe(false);
    expect(isEscalated(d, '2026-03-05')).toBe(true);
  });

  it('never escalates a met, ended, paused or earliest-date item', () => {
    const asOf = '2027-01-01';
    expect(isEscalated(dl({ metOn: '2026-12-01' }), asOf)).toBe(false);
    expect(isEscalated(dl({ closedAs: 'cancelled' }), asOf)).toBe(false);
    expect(isEscalated(dl({ due: null }), asOf)).toBe(false);
    expect(isEscalated(dl({ kind: 'earliest' }), asOf)).toBe(false);
    expect(isEscalated(dl({}), asOf)).toBe(true);
  });
});
