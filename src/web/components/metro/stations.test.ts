import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stationStatuses, type ApiStationStatus } from './stations.ts';

const PHASES = ['P0_consent', 'P1_referral', 'P2_urgency', 'P3_matching', 'P4_key_handover', 'P5_introduction', 'P6_support_plan', 'P7_living', 'P8_transfer', 'P9_aftercare'];
const line = (statuses: ApiStationStatus[]) => PHASES.map((phase, i) => ({ phase, status: statuses[i]! }));
const d = 'done', c = 'current', u = 'upcoming', n = 'not_reached';

describe('metro line: station statuses agree with the facts', () => {
  it('P5 current with the support plan already done: P6 is upcoming with a note, not "done"', () => {
    const out = stationStatuses(line([d, d, d, d, d, c, d, u, u, u]), { phase: 'P5_introduction', status: 'active' });
    expect(out.map((x) => x.status)).toEqual(['done', 'done', 'done', 'done', 'done', 'current', 'upcoming', 'upcoming', 'upcoming', 'upcoming']);
    expect(out[6]!.note).toBe('aheadDone');
  });

  it('P5 current while the support plan runs alongside: only P5 is current, P6 is upcoming ("alongside")', () => {
    const out = stationStatuses(line([d, d, d, d, d, c, c, u, u, u]), { phase: 'P5_introduction', status: 'active' });
    expect(out.filter((x) => x.status === 'current')).toHaveLength(1);
    expect(out[6]).toEqual({ status: 'upcoming', note: 'alongside' });
  });

  it('an entry via another route: earlier stations that were never reached are skipped, not done or upcoming', () => {
    const out = stationStatuses(line([d, u, u, c, u, u, u, u, u, u]), { phase: 'P3_matching', status: 'active' });
    expect(out.slice(0, 4).map((x) => x.status)).toEqual(['done', 'skipped', 'skipped', 'current']);
  });

  it('a time-out shows the current station as paused', () => {
    const out = stationStatuses(line([d, d, d, d, d, d, d, c, u, u]), { phase: 'P7_living', status: 'active', paused: true });
    expect(out[7]!.status).toBe('paused');
    expect(out.some((x) => x.status === 'current')).toBe(false);
  });

  it('a side exit: the station where it ended is "ended", later stations are not reached', () => {
    const out = stationStatuses(line([d, d, d, d, d, d, d, d, n, n]), { phase: 'P7_living', status: 'closed', exit: 'X5_eviction' });
    expect(out.map((x) => x.status)).toEqual(['done', 'done', 'done', 'done', 'done', 'done', 'done', 'ended', 'not_reached', 'not_reached']);
  });

  it('a completed route: every station is done', () => {
    const out = stationStatuses(line(Array(10).fill(d)), { phase: 'P9_aftercare', status: 'closed', exit: 'completed' });
    expect(out.every((x) => x.status === 'done')).toBe(true);
  });

  it('property: at most one current (or paused) station, never a done station after it, and it is the case phase', () => {
    const status = fc.constantFrom<ApiStationStatus>('done', 'current', 'upcoming', 'not_reached');
    fc.assert(
      fc.property(fc.array(status, { minLength: 10, maxLength: 10 }), fc.integer({ min: 0, max: 9 }), fc.boolean(), fc.boolean(), (st, at, closed, paused) => {
        const out = stationStatuses(line(st), { phase: PHASES[at]!, status: closed ? 'closed' : 'active', exit: closed ? 'X2_care_stopped' : null, paused });
        const live = out.flatMap((x, i) => (x.status === 'current' || x.status === 'paused' ? [i] : []));
        expect(live).toEqual(closed ? [] : [at]);
        expect(out.slice(at + 1).some((x) => x.status === 'done')).toBe(false);
        expect(out.slice(0, at).every((x) => x.status === 'done' || x.status === 'skipped')).toBe(true);
      }),
    );
  });
});
