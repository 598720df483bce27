/** Deadlines end, they never vanish: the derivation and the end of a deadline the derivation dropped. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deadlineStatus, endOfUnderived, endsOfUnderived } from './index.ts';
import { fullRouteToWonen, toKeyHandover, wonen } from '../../../test/support/trajectory-walk.ts';

const RETURN = { reasonCodes: ['URGENCY_GOAL_UNPROVEN'], motivation: 'Onderbouwing dagbesteding ontbreekt' };

describe('D-13 when Wonen returns the nomination', () => {
  it('D-13: a return within 5 working days meets the deadline on the return date', () => {
    const w = fullRouteToWonen(); // sent 2027-06-01, due 2027-06-08
    w.rec('wonen_returned', '2027-06-04', RETURN, wonen);
    const d = w.deadline('D-13');
    expect(d).toMatchObject({ due: '2027-06-08', metOn: '2027-06-04', closedAs: null, note: 'returned' });
    expect(deadlineStatus(d, '2027-07-01')).toBe('met');
  });

  it('D-13: a late return stays visible as missed (late), with the return date', () => {
    const w = fullRouteToWonen();
    w.rec('wonen_returned', '2027-06-10', RETURN, wonen);
    const d = w.deadline('D-13');
    expect(d).toMatchObject({ due: '2027-06-08', metOn: '2027-06-10' });
    expect(deadlineStatus(d, '2027-07-01')).toBe('missed');
  });

  it('D-13: a confirmation meets it on the confirmation date, as before', () => {
    const w = fullRouteToWonen();
    w.rec('wonen_confirmed', '2027-06-04', {}, wonen);
    expect(w.deadlines().filter((d) => d.ruleId === 'D-13').map((d) => [d.key, d.metOn, d.note])).toEqual([['D-13', '2027-06-04', null]]);
  });
});

describe('D-OV-09 when a time-out ends', () => {
  it('D-OV-09: a time-out that ended within two weeks is met on its end date', () => {
    const w = toKeyHandover();
    w.rec('time_out_started', '2026-06-01', { place: 'Time-outvoorziening De Haven' });
    w.rec('time_out_ended', '2026-06-10', { outcome: 'returned' });
    const d = w.deadline('D-OV-09');
    expect(d).toMatchObject({ key: 'D-OV-09#2026-06-01', due: '2026-06-15', metOn: '2026-06-10' });
    expect(deadlineStatus(d, '2026-07-01')).toBe('met');
  });

  it('D-OV-09: a time-out that ended after two weeks shows as missed (late)', () => {
    const w = toKeyHandover();
    w.rec('time_out_started', '2026-06-01', { place: 'Time-outvoorziening De Haven' });
    w.rec('time_out_ended', '2026-06-19', { outcome: 'structural_solution' });
    const d = w.deadline('D-OV-09');
    expect(d.metOn).toBe('2026-06-19');
    expect(deadlineStatus(d, '2026-07-01')).toBe('missed');
  });

  it('D-OV-09: each time-out keeps its own deadline', () => {
    const w = toKeyHandover();
    w.rec('time_out_started', '2026-06-01', { place: 'A' });
    w.rec('time_out_ended', '2026-06-05', { outcome: 'returned' });
    w.rec('time_out_started', '2026-08-03', { place: 'B' });
    expect(w.deadlines().filter((d) => d.ruleId === 'D-OV-09').map((d) => [d.key, d.metOn, deadlineStatus(d, '2026-08-04')])).toEqual([
      ['D-OV-09#2026-06-01', '2026-06-05', 'met'],
      ['D-OV-09#2026-08-03', null, 'open'],
    ]);
  });
});

describe('a side exit ends what was open, and leaves what was missed missed', () => {
  it('R-OR-80: care stopped before transfer cancels the open deadlines on its date; the ones already overdue stay missed', () => {
    const w = toKeyHandover(); // key handover 2026-04-16: D-07 due 2026-05-28, D-08 due 2026-07-16
    w.rec('care_stopped_before_transfer', '2026-06-15', { reason: 'Zorg gestopt', reportedToCorporation: true, reportedToWonen: true });
    const d07 = w.deadline('D-07');
    const d08 = w.deadline('D-08');
    expect(d07).toMatchObject({ due: '2026-05-28', closedAs: 'missed', closedOn: '2026-06-15' });
    expect(deadlineStatus(d07, '2026-07-01')).toBe('missed');
    expect(d08).toMatchObject({ due: '2026-07-16', closedAs: 'cancelled', closedOn: '2026-06-15' });
    expect(deadlineStatus(d08, '2026-07-01')).toBe('cancelled');
    // Met stays met.
    expect(deadlineStatus(w.deadline('D-01'), '2026-07-01')).toBe('met');
  });

  it('R-OR-80: a deadline due on the day of the side exit was not missed yet: cancelled', () => {
    const w = toKeyHandover();
    w.rec('care_stopped_before_transfer', '2026-05-28', { reason: 'Zorg gestopt', reportedToCorporation: true, reportedToWonen: true });
    expect(w.deadline('D-07')).toMatchObject({ due: '2026-05-28', closedAs: 'cancelled', closedOn: '2026-05-28' });
  });
});

describe('D-15 off non-working days', () => {
  it('D-15: a renewal anniversary on a Saturday moves to Monday (Atw art. 1), and the next year counts from the registration', () => {
    const w = toKeyHandover();
    const ctx = { woningnetRegisteredOn: '2019-09-19' }; // 19 Sep 2026: Saturday; 19 Sep 2027: Sunday
    const d = w.deadline('D-15', ctx);
    expect(d).toMatchObject({ start: '2025-09-19', due: '2026-09-21', originalDue: '2026-09-21' });
    expect(d.computed.adjustments.map((a) => [a.rule, a.from, a.to])).toEqual([['ATW_ART1', '2026-09-19', '2026-09-21']]);
    w.rec('woningnet_renewal_paid', '2026-09-01');
    expect(w.deadlines(ctx).filter((x) => x.ruleId === 'D-15').map((x) => [x.start, x.due])).toEqual([['2025-09-19', '2026-09-21'], ['2026-09-19', '2027-09-20']]);
  });
});

describe('the end of a deadline the derivation no longer produces (endOfUnderived)', () => {
  const open = { kind: 'deadline', due: '2026-06-10', metOn: null, closedAs: null };

  it('a deadline still open on the day it stops applying is cancelled, with the date', () => {
    expect(endOfUnderived(open, '2026-06-10')).toEqual({ closedAs: 'cancelled', closedOn: '2026-06-10' });
  });

  it('a deadline already overdue keeps showing as missed, never relabelled cancelled', () => {
    expect(endOfUnderived(open, '2026-06-11')).toEqual({ closedAs: 'missed', closedOn: '2026-06-11' });
  });

  it('met, cancelled, waived and missed deadlines keep their end', () => {
    expect(endOfUnderived({ ...open, metOn: '2026-06-01' }, '2026-07-01')).toBeNull();
    for (const closedAs of ['cancelled', 'waived', 'missed']) expect(endOfUnderived({ ...open, closedAs }, '2026-07-01')).toBeNull();
  });

  it('a paused deadline and an earliest date (D-09) are cancelled, never missed', () => {
    expect(endOfUnderived({ ...open, due: null }, '2027-01-01')).toEqual({ closedAs: 'cancelled', closedOn: '2027-01-01' });
    expect(endOfUnderived({ ...open, kind: 'earliest' }, '2027-01-01')).toEqual({ closedAs: 'cancelled', closedOn: '2027-01-01' });
  });

  it('only the stored deadlines missing from the derived set end; the others are left to the upsert', () => {
    const stored = [{ key: 'A', ...open }, { key: 'B', ...open }, { key: 'C', ...open, metOn: '2026-06-01' }];
    expect(endsOfUnderived(stored, [{ key: 'A' }], '2026-06-20').map((e) => [e.stored.key, e.closedAs])).toEqual([['B', 'missed']]);
  });

  it('property: an end never relabels a deadline, never cancels one that was overdue, and is dated the day it stopped applying', () => {
    const day = fc.integer({ min: 0, max: 800 }).map((n) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        fc.record({ kind: fc.constantFrom('deadline', 'earliest'), due: fc.option(day), metOn: fc.option(day), closedAs: fc.constantFrom(null, 'cancelled', 'waived', 'missed') }),
        day,
        (d, asOf) => {
          const end = endOfUnderived(d, asOf);
          if (d.metOn || d.closedAs) return end === null;
          if (!end || end.closedOn !== asOf) return false;
          const overdue = d.kind === 'deadline' && d.due !== null && d.due < asOf;
          return end.closedAs === (overdue ? 'missed' : 'cancelled');
        },
      ),
    );
  });
});
