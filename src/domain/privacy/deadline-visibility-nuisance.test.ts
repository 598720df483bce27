import { describe, expect, it } from 'vitest';
import { canSeeDeadline } from './visibility.ts';

describe('which deadlines the hub sees (overlast.md §5, R-OV-68)', () => {
  it('R-OV-22 / MZ-4: the hub monitors the nuisance protocol\'s deadlines of the cases reported to it, not the care content and never a trajectory\'s', () => {
    for (const id of ['D-OV-01', 'D-OV-04', 'D-OV-05', 'D-OV-08', 'D-OV-11', 'D-OV-13', 'R-OV-33', 'R-OV-61']) expect(canSeeDeadline('nuisance_hub', id), id).toBe(true);
    for (const id of ['D-OV-09', 'D-OV-10', 'D-06', 'D-10', 'D-13', 'D-WON-1', 'R-MA-17']) expect(canSeeDeadline('nuisance_hub', id), id).toBe(false);
  });
  it('R-OV-68: the time-out stays with the care provider; the corporation sees the other nuisance deadlines', () => {
    expect(canSeeDeadline('corporation', 'D-OV-09')).toBe(false);
    expect(canSeeDeadline('care_provider', 'D-OV-09')).toBe(true);
    expect(canSeeDeadline('corporation', 'D-OV-04')).toBe(true);
  });
});
