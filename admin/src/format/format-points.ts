import type { Points } from '~/types/units';

const pointsFormat = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });

/** Formats a points amount with thousands separators, e.g. `12,500`. */
export function formatPoints(points: Points): string {
  return pointsFormat.format(points);
}
