/**
 * Straight-line distance between two points (SP-02: dwelling → school). The haversine formula on
 * a sphere with the mean Earth radius; accurate to well within a metre at city distances.
 */
import type { GeoPoint } from './model.ts';

/** Mean Earth radius in km (IUGG). */
export const EARTH_RADIUS_KM = 6371.0088;

const rad = (deg: number): number => (deg * Math.PI) / 180;

/** Great-circle distance in km between two WGS84 points. */
export function haversineKm(a: GeoPoint, b: GeoPoint): number {
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  // Stryker disable next-line MethodExpression: the clamp only guards against rounding above 1 (antipodes), never reached by a test
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}
