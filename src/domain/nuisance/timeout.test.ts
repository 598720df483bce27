import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addPeriod } from '../calendar/index.ts';
import type { NuisanceState } from './model.ts';
import { checkTimeout, timeoutMaxEnd, timeoutOverdue, TIMEOUT_MAX_WEEKS, TIMEOUT_MIN_WEEKS } from './timeout.ts';

const running = (startOn: string, plannedEndOn: string, endedOn: string | null = null): Pick<NuisanceState, 'timeout'> => ({
  timeout: { startOn, plannedEndOn, endedOn, outcome: endedOn ? 'returned' : null },
});

describe('time-out place (R-OV-43, D-OV-09)', () => {
  it('D-OV-09: one to two weeks: the limits are 1 and 2 weeks', () => {
    expect([TIMEOUT_MIN_WEEKS, TIMEOUT_MAX_WEEKS]).toEqual([1, 2]);
    expect(timeoutMaxEnd('2026-03-02')).toBe('2026-03-16');
  });
  it('D-OV-09: a planned end on day 14 (Mon 2026-03-02 → Mon 03-16) passes; day 15 is refused as too long', () => {
    expect(checkTimeout('2026-03-02', '2026-03-16')).toEqual([]);
    expect(checkTimeout('2026-03-02', '2026-03-17')).toEqual([expect.objectContaining({ code: 'timeout_too_long', rule: 'D-OV-09', field: '/data/plannedEndOn' })]);
  });
  it('D-OV-09: a planned end on day 7 passes; day 6 is refused as too short', () => {
    expect(checkTimeout('2026-03-02', '2026-03-09')).toEqual([]);
    expect(checkTimeout('2026-03-02', '2026-03-08')).toEqual([expect.objectContaining({ code: 'timeout_too_short', rule: 'D-OV-09' })]);
  });
  it('R-OV-43: an end on or before the start is refused (one violation, not also "too short")', () => {
    expect(checkTimeout('2026-03-02', '2026-03-02')).toEqual([expect.objectContaining({ code: 'timeout_end_before_start', rule: 'R-OV-43' })]);
    expect(checkTimeout('2026-03-02', '2026-03-01')).toHaveLength(1);
    expect(checkTimeout('2026-03-02', '2026-03-03')[0]?.code).toBe('timeout_too_short');
  });
  it('D-OV-09: over a month end and a leap day the weeks are calendar weeks', () => {
    expect(checkTimeout('2028-02-20', '2028-03-05')).toEqual([]);
    expect(checkTimeout('2028-02-20', '2028-03-06')[0]?.code).toBe('timeout_too_long');
  });
  it('R-OV-43: a running time-out is overdue the day after its planned end, not on it', () => {
    expect(timeoutOverdue(running('2026-03-02', '2026-03-12'), '2026-03-12')).toBe(false);
    expect(timeoutOverdue(running('2026-03-02', '2026-03-12'), '2026-03-13')).toBe(true);
  });
  it('R-OV-43: a planned end past the maximum still makes the time-out overdue after two weeks', () => {
    expect(timeoutOverdue(running('2026-03-02', '2026-03-30'), '2026-03-16')).toBe(false);
    expect(timeoutOverdue(running('2026-03-02', '2026-03-30'), '2026-03-17')).toBe(true);
  });
  it('R-OV-43: an ended time-out or none at all is never overdue', () => {
    expect(timeoutOverdue(running('2026-03-02', '2026-03-12', '2026-03-10'), '2026-04-01')).toBe(false);
    expect(timeoutOverdue({ timeout: null }, '2026-04-01')).toBe(false);
  });
  it('D-OV-09 (property): a plan of n days is accepted exactly when 7 ≤ n ≤ 14', () => {
    fc.assert(fc.property(fc.date({ min: new Date('2020-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }), fc.integer({ min: -5, max: 30 }), (d, n) => {
      const start = d.toISOString().slice(0, 10);
      const ok = checkTimeout(start, addPeriod(start, n, 'days')).length === 0;
      expect(ok).toBe(n >= 7 && n <= 14);
    }));
  });
});
