import type { Points } from '~/types/units';

/**
 * The part of a spend's lots (signed changes, negative for a spend) that lies at `[offset, offset + points)` when its lots are laid
 * end to end in the order they were taken. Refunds of disjoint slices (an order's lines) thus
 * give each lot back at most what it gave, without reading earlier refunds.
 */
export function spendSlice(
  lots: readonly { lotId: string; points: Points }[],
  offset: number,
  points: Points,
): { lotId: string; points: Points }[] {
  const taken = lots.reduce((sum, lot) => sum + Math.abs(lot.points), 0);
  if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(points) || offset < 0 || points <= 0 || offset + points > taken) {
    throw new Error(`spend slice [${offset}, ${offset + points}) is outside a spend of ${taken}`);
  }
  const slice: { lotId: string; points: Points }[] = [];
  let start = 0;
  for (const lot of lots) {
    const end = start + Math.abs(lot.points);
    const from = Math.max(start, offset);
    const to = Math.min(end, offset + points);
    if (to > from) slice.push({ lotId: lot.lotId, points: Math.sign(lot.points) * (to - from) });
    start = end;
  }
  return slice;
}
