/** SP-02: straight-line distance (haversine), checked against hand values and the spherical law of cosines. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EARTH_RADIUS_KM, haversineKm } from './geo.ts';

/** Independent oracle: the spherical law of cosines on the same sphere. */
function cosinesKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const r = (d: number) => (d * Math.PI) / 180;
  const c = Math.sin(r(a.lat)) * Math.sin(r(b.lat)) + Math.cos(r(a.lat)) * Math.cos(r(b.lat)) * Math.cos(r(b.lon - a.lon));
  return EARTH_RADIUS_KM * Math.acos(Math.max(-1, Math.min(1, c)));
}

describe('haversineKm (SP-02)', () => {
  it('SP-02: one degree of latitude is R·π/180 km (111.195 km); the same point is 0 km', () => {
    expect(EARTH_RADIUS_KM).toBe(6371.0088);
    expect(haversineKm({ lat: 52, lon: 5 }, { lat: 53, lon: 5 })).toBeCloseTo(111.1951, 3);
    expect(haversineKm({ lat: 52.37, lon: 4.9 }, { lat: 52.37, lon: 4.9 })).toBe(0);
  });

  it('SP-02: along a parallel the distance shrinks with cos(latitude): 1° of longitude at 60° N is about 55.597 km (a hair under the parallel arc of 55.598)', () => {
    expect(haversineKm({ lat: 60, lon: 10 }, { lat: 60, lon: 11 })).toBeCloseTo(55.597, 3);
    expect(haversineKm({ lat: 0, lon: 10 }, { lat: 0, lon: 11 })).toBeCloseTo(111.1951, 3);
  });

  it('SP-02: Amsterdam Centraal to Utrecht Centraal is about 35.2 km in a straight line', () => {
    expect(haversineKm({ lat: 52.3791, lon: 4.9003 }, { lat: 52.0894, lon: 5.1101 })).toBeCloseTo(cosinesKm({ lat: 52.3791, lon: 4.9003 }, { lat: 52.0894, lon: 5.1101 }), 6);
    expect(Math.round(haversineKm({ lat: 52.3791, lon: 4.9003 }, { lat: 52.0894, lon: 5.1101 }) * 10) / 10).toBe(35.2);
  });

  it('SP-02 (property): symmetric, non-negative and equal to the law of cosines within a millimetre at city scale', () => {
    const point = fc.record({ lat: fc.double({ min: 50, max: 54, noNaN: true }), lon: fc.double({ min: 3, max: 7, noNaN: true }) });
    fc.assert(fc.property(point, point, (a, b) => {
      const d = haversineKm(a, b);
      expect(d).toBeGreaterThanOrEqual(0);
      expect(Math.abs(d - haversineKm(b, a))).toBeLessThan(1e-9);
      expect(Math.abs(d - cosinesKm(a, b))).toBeLessThan(1e-3);
    }));
  });
});
