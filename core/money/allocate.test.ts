import fc from 'fast-check';
import { allocate } from './allocate';

describe('allocate', () => {
  it('splits by largest remainder, ties to the earlier line', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(10, [3000, 6990])).toEqual([3, 7]);
    expect(allocate(0, [5, 5])).toEqual([0, 0]);
  });

  it('always sums exactly, never goes negative, and never gives a zero weight anything', () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.array(fc.nat(100_000), { minLength: 1, maxLength: 20 }), (total, weights) => {
        fc.pre(weights.some((w) => w > 0));
        const parts = allocate(total, weights);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
        parts.forEach((p, i) => {
          expect(p).toBeGreaterThanOrEqual(0);
          if (weights[i] === 0) expect(p).toBe(0);
        });
      }),
    );
  });
});
