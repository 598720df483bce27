import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from './calendar.ts';
import { applyDeadlineAdjustments } from './deadline-adjustments.ts';
import type { DeadlineAdjustment } from './deadline-adjustments.ts';
import { computeDue } from './due.ts';
import { DeadlineAdjustmentError } from './errors.ts';
import type { DeadlineAdjustmentViolation } from './errors.ts';

const atw = new WorkingCalendar();
// D-08: 30 Nov 2025 + 3 months = Sat 28 Feb 2026 → Mon 2 Mar 2026
const d08 = computeDue(atw, { ruleId: 'D-08', start: '2025-11-30', amount: 3, unit: 'months' });
// D-05: 5 working days after Thu 2 Apr 2026 → Mon 13 Apr 2026
const d05 = computeDue(atw, { ruleId: 'D-05', start: '2026-04-02', amount: 5, unit: 'working_days' });

const pause = (from: string, until: string | null, reason = 'Cliënt opgenomen in ziekenhuis'): DeadlineAdjustment => ({
  kind: 'pause', from, until, reason, by: 'user-42',
});
const extension = (newDue: string, reason = 'Beschikking verlengd'): DeadlineAdjustment => ({
  kind: 'extension', newDue, reason, by: 'user-42',
});

function violation(fn: () => unknown): DeadlineAdjustmentViolation | null {
  try {
    fn();
    return null;
  } catch (e) {
    expect(e).toBeInstanceOf(DeadlineAdjustmentError);
    expect((e as DeadlineAdjustmentError).code).toBe('INVALID_DEADLINE_ADJUSTMENT');
    return (e as DeadlineAdjustmentError).violation;
  }
}

describe('pause (opschorting)', () => {
  it('README Calendar: a closed pause of a calendar-unit deadline shifts it by the paused calendar days; history keeps the original due date', () => {
    expect(d08.due).toBe('2026-03-02');
    const result = applyDeadlineAdjustments(atw, d08, [pause('2026-01-05', '2026-01-19')]);
    expect(result).toEqual({
      originalDue: '2026-03-02',
      due: '2026-03-16',
      paused: false,
      pausedSince: null,
      history: [
        { adjustment: pause('2026-01-05', '2026-01-19'), dueBefore: '2026-03-02', dueAfter: '2026-03-16', shift: { amount: 14, unit: 'days' } },
      ],
    });
  });

  it('Atw art. 1 applies again after a pause shifts a calendar-unit deadline onto a weekend', () => {
    const result = applyDeadlineAdjustments(atw, d08, [pause('2026-01-05', '2026-01-10')]);
    expect(result.due).toBe('2026-03-09');
    expect(result.history[0]!.atw).toMatchObject({ rule: 'ATW_ART1', from: '2026-03-07', to: '2026-03-09' });
  });

  it('D-05: a pause of a working-days deadline shifts it by the working days in the pause', () => {
    expect(d05.due).toBe('2026-04-13');
    // [Tue 7, Thu 9): two working days
    const r1 = applyDeadlineAdjustments(atw, d05, [pause('2026-04-07', '2026-04-09')]);
    expect(r1.due).toBe('2026-04-15');
    expect(r1.history[0]!.shift).toEqual({ amount: 2, unit: 'working_days' });
    // [Fri 3, Tue 7): Good Friday, weekend, Easter Monday: no working days paused
    const r2 = applyDeadlineAdjustments(atw, d05, [pause('2026-04-03', '2026-04-07')]);
    expect(r2.due).toBe('2026-04-13');
  });

  it('an open-ended pause leaves the deadline without a due date', () => {
    const result = applyDeadlineAdjustments(atw, d08, [pause('2026-02-01', null)]);
    expect(result).toMatchObject({ originalDue: '2026-03-02', due: null, paused: true, pausedSince: '2026-02-01' });
    expect(result.history).toEqual([{ adjustment: pause('2026-02-01', null), dueBefore: '2026-03-02', dueAfter: null }]);
  });

  it('a pause of zero length changes nothing', () => {
    expect(applyDeadlineAdjustments(atw, d08, [pause('2026-01-05', '2026-01-05')]).due).toBe(d08.due);
    expect(applyDeadlineAdjustments(atw, d05, [pause('2026-04-08', '2026-04-08')]).due).toBe(d05.due);
  });

  it('a pause may start on the due date itself (the deadline has not yet passed)', () => {
    expect(applyDeadlineAdjustments(atw, d08, [pause('2026-03-02', '2026-03-03')]).due).toBe('2026-03-03');
  });

  it('successive pauses add up', () => {
    const result = applyDeadlineAdjustments(atw, d08, [pause('2026-01-05', '2026-01-12'), pause('2026-01-12', '2026-01-19')]);
    expect(result.due).toBe('2026-03-16');
    expect(result.history.map((h) => [h.dueBefore, h.dueAfter])).toEqual([
      ['2026-03-02', '2026-03-09'],
      ['2026-03-09', '2026-03-16'],
    ]);
  });

  it.each<[string, DeadlineAdjustment[], DeadlineAdjustmentViolation]>([
    ['starts after the due date', [pause('2026-03-03', '2026-03-10')], 'PAUSE_AFTER_DUE'],
    ['starts before the deadline starts', [pause('2025-11-29', '2025-12-01')], 'PAUSE_BEFORE_START'],
    ['ends before it starts', [pause('2026-01-10', '2026-01-05')], 'PAUSE_ENDS_BEFORE_IT_STARTS'],
    ['overlaps the previous pause', [pause('2026-01-05', '2026-01-19'), pause('2026-01-10', '2026-01-12')], 'PAUSE_OVERLAPS_PREVIOUS'],
    ['follows an open pause', [pause('2026-01-05', null), pause('2026-01-20', '2026-01-22')], 'DEADLINE_PAUSED'],
    ['has no reason', [pause('2026-01-05', '2026-01-10', '   ')], 'REASON_REQUIRED'],
    ['has no actor', [{ kind: 'pause', from: '2026-01-05', until: '2026-01-10', reason: 'x', by: '' }], 'ACTOR_REQUIRED'],
  ])('refuses a pause that %s', (_label, adjustments, expected) => {
    expect(violation(() => applyDeadlineAdjustments(atw, d08, adjustments))).toBe(expected);
  });

  it('a pause is checked against the current due date, after earlier adjustments', () => {
    // after an extension to 20 Mar a pause from 10 Mar is valid
    const result = applyDeadlineAdjustments(atw, d08, [extension('2026-03-20'), pause('2026-03-10', '2026-03-12')]);
    expect(result.due).toBe('2026-03-23'); // 20 Mar + 2 days = Sun 22 Mar → Mon 23 Mar (Atw art. 1)
    expect(result.originalDue).toBe('2026-03-02');
  });

  it('the error says which adjustment was refused', () => {
    try {
      applyDeadlineAdjustments(atw, d08, [pause('2026-01-05', '2026-01-06'), pause('2026-04-01', '2026-04-02')]);
      expect.unreachable();
    } catch (e) {
      expect((e as DeadlineAdjustmentError).index).toBe(1);
    }
  });
});

describe('extension (verlenging)', () => {
  it('README Calendar: an extension with a reason sets the new due date; the history keeps the original', () => {
    const result = applyDeadlineAdjustments(atw, d08, [extension('2026-04-15')]);
    expect(result).toEqual({
      originalDue: '2026-03-02',
      due: '2026-04-15',
      paused: false,
      pausedSince: null,
      history: [{ adjustment: extension('2026-04-15'), dueBefore: '2026-03-02', dueAfter: '2026-04-15' }],
    });
  });

  it.each<[string, DeadlineAdjustment, DeadlineAdjustmentViolation]>([
    ['the same due date', extension('2026-03-02'), 'EXTENSION_NOT_LATER'],
    ['an earlier due date', extension('2026-02-27'), 'EXTENSION_NOT_LATER'],
    ['an empty reason', extension('2026-04-15', ''), 'REASON_REQUIRED'],
    ['no actor', { kind: 'extension', newDue: '2026-04-15', reason: 'x', by: ' ' }, 'ACTOR_REQUIRED'],
  ])('refuses an extension with %s', (_label, adjustment, expected) => {
    expect(violation(() => applyDeadlineAdjustments(atw, d08, [adjustment]))).toBe(expected);
  });

  it('refuses an extension while the deadline is paused open-ended', () => {
    expect(violation(() => applyDeadlineAdjustments(atw, d08, [pause('2026-01-05', null), extension('2026-05-01')]))).toBe(
      'DEADLINE_PAUSED',
    );
  });

  it('rejects invalid dates in adjustments', () => {
    expect(() => applyDeadlineAdjustments(atw, d08, [extension('2026-02-30')])).toThrow(
      expect.objectContaining({ code: 'INVALID_DATE' }),
    );
  });
});

describe('purity', () => {
  it('does not modify its inputs and gives the same result twice', () => {
    const adjustments = Object.freeze([pause('2026-01-05', '2026-01-19'), extension('2026-04-15')].map((a) => Object.freeze(a)));
    const base = structuredClone(d08);
    const a = applyDeadlineAdjustments(atw, base, adjustments);
    const b = applyDeadlineAdjustments(atw, base, adjustments);
    expect(a).toEqual(b);
    expect(base).toEqual(d08);
    expect(a.due).toBe('2026-04-15');
  });
});

describe('adjustments as they arrive from outside (no actor or reason at all)', () => {
  it.each<[string, Record<string, unknown>, DeadlineAdjustmentViolation]>([
    ['a pause without `by`', { kind: 'pause', from: '2026-01-05', until: '2026-01-10', reason: 'x' }, 'ACTOR_REQUIRED'],
    ['an extension whose `by` is not text', { kind: 'extension', newDue: '2026-04-15', reason: 'x', by: 42 }, 'ACTOR_REQUIRED'],
    ['a pause without `reason`', { kind: 'pause', from: '2026-01-05', until: '2026-01-10', by: 'user-42' }, 'REASON_REQUIRED'],
    ['an extension whose `reason` is null', { kind: 'extension', newDue: '2026-04-15', reason: null, by: 'user-42' }, 'REASON_REQUIRED'],
  ])('refuses %s with its violation, not a crash', (_label, adjustment, expected) => {
    expect(violation(() => applyDeadlineAdjustments(atw, d08, [adjustment as unknown as DeadlineAdjustment]))).toBe(expected);
  });
});

describe('a pause of zero length after an extension to a non-working day', () => {
  it('README Calendar: the extension is kept as is; a zero-length pause does not move it to the next working day', () => {
    // D-08 due Mon 2 Mar 2026, extended to Sat 7 Mar 2026 (an extension sets the date chosen, as is)
    const result = applyDeadlineAdjustments(atw, d08, [extension('2026-03-07'), pause('2026-01-05', '2026-01-05')]);
    expect(result.due).toBe('2026-03-07');
    expect(result.history[1]).toEqual({
      adjustment: pause('2026-01-05', '2026-01-05'),
      dueBefore: '2026-03-07',
      dueAfter: '2026-03-07',
      shift: { amount: 0, unit: 'days' },
    });
  });

  it('D-05: a pause over no working days leaves a working-days deadline extended to a Saturday on that Saturday', () => {
    // D-05 due Mon 13 Apr 2026, extended to Sat 18 Apr; [Fri 3 Apr, Tue 7 Apr) is Good Friday, the weekend and Easter Monday
    const result = applyDeadlineAdjustments(atw, d05, [extension('2026-04-18'), pause('2026-04-03', '2026-04-07')]);
    expect(result.due).toBe('2026-04-18');
    expect(result.history[1]!.shift).toEqual({ amount: 0, unit: 'working_days' });
  });
});
