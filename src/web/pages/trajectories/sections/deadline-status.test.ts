import { describe, expect, it } from 'vitest';
import { deadlineOutcome } from './deadline-status.ts';

describe('deadline outcome', () => {
  it('D-10: an evaluation met after its due date reads "met late", not "met"', () => {
    expect(deadlineOutcome({ metOn: '2026-03-02', due: '2026-02-27' })).toBe('met_late');
  });
  it('met on the due date itself is in time', () => {
    expect(deadlineOutcome({ metOn: '2026-02-27', due: '2026-02-27' })).toBe('met_in_time');
    expect(deadlineOutcome({ metOn: '2026-02-01', due: '2026-02-27' })).toBe('met_in_time');
  });
  it('a paused deadline (no due date) that was met is in time; an unmet one is not met', () => {
    expect(deadlineOutcome({ metOn: '2026-02-01', due: null })).toBe('met_in_time');
    expect(deadlineOutcome({ metOn: null, due: '2026-02-27' })).toBe('not_met');
  });
});
