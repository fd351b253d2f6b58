import type { GeoPoint } from '~/types/orders';

const EARTH_RADIUS_M = 6_371_000;
const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance in metres (haversine); accurate to well under a percent at city scale. */
export function distanceMetres(a: GeoPoint, b: GeoPoint): number {
  const dLat = radians(b.latitude - a.latitude);
  const dLng = radians(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The store nearest to `here` among those with a location; null when none has one. Ties keep the list's order. */
export function nearestStore<S extends { location: GeoPoint | null }>(stores: readonly S[], here: GeoPoint): S | null {
  let best: { store: S; metres: number } | null = null;
  for (const store of stores) {
    if (!store.location) continue;
    const metres = distanceMetres(here, store.location);
    if (!best || metres < best.metres) best = { store, metres };
  }
  return best?.store ?? null;
}

/** A distance as a shopper reads it: 850m, 3.2km. */
export function distanceText(metres: number): string {
  return metres < 1000 ? `${Math.round(metres)}m` : `${(Math.round(metres / 100) / 10).toFixed(1)}km`;
}
