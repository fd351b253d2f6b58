/**
 * Splits `total` whole units over `weights` in proportion, by largest remainder: the parts are
 * whole, add up to exactly `total`, and ties go to the earlier weight. Used to split order-level
 * discounts and earned points over order lines, so any partial refund is exact.
 */
export function allocate(total: number, weights: number[]): number[] {
  if (!Number.isInteger(total) || total < 0) throw new Error('allocate: total must be a whole number ≥ 0');
  if (weights.some((w) => !Number.isInteger(w) || w < 0)) throw new Error('allocate: weights must be whole numbers ≥ 0');
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) {
    if (total === 0) return weights.map(() => 0);
    throw new Error('allocate: cannot split a positive total over zero weights');
  }
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, rem: x - Math.floor(x) })).sort((a, b) => b.rem - a.rem || a.i - b.i);
  for (const { i } of order) {
    if (left === 0) break;
    parts[i] = (parts[i] as number) + 1;
    left -= 1;
  }
  return parts;
}
