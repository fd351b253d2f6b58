import { campaignGroup } from './holdout';

const VARIANTS = [
  { key: 'A' as const, percent: 50 },
  { key: 'B' as const, percent: 30 },
  { key: 'C' as const, percent: 20 },
];
const N = 100_000;
const ids = Array.from({ length: N }, (_, i) => `m${String(i).padStart(6, '0')}`);

/** Five standard deviations of a binomial count: the hash is deterministic, so this bound either always holds or never does. */
const fiveSigma = (n: number, p: number) => 5 * Math.sqrt(n * p * (1 - p));

describe('campaignGroup', () => {
  it('is the same on every run, and depends on the campaign as well as the member', () => {
    const first = ids.slice(0, 200).map((id) => campaignGroup('c1', id, 10, VARIANTS));
    expect(ids.slice(0, 200).map((id) => campaignGroup('c1', id, 10, VARIANTS))).toEqual(first);
    expect(campaignGroup('cmp-x', 'member-1', 10, VARIANTS)).toBe(campaignGroup('cmp-x', 'member-1', 10, VARIANTS));
    const other = ids.slice(0, 200).map((id) => campaignGroup('c2', id, 10, VARIANTS));
    expect(other).not.toEqual(first);
  });

  it('holds out the configured share within a binomial bound (5σ), and splits the rest by the variants’ percents', () => {
    const counts = { holdout: 0, A: 0, B: 0, C: 0 };
    for (const id of ids) counts[campaignGroup('spring', id, 10, VARIANTS)] += 1;
    // n = 100,000, p = 0.10: σ = √(n p (1 − p)) ≈ 94.9, so within ±474 of 10,000.
    expect(Math.abs(counts.holdout - N * 0.1)).toBeLessThanOrEqual(fiveSigma(N, 0.1));
    const treated = N - counts.holdout;
    // Among the treated (≈ 90,000): A 50 % (σ ≈ 150), B 30 % (σ ≈ 137), C 20 % (σ ≈ 120).
    for (const { key, percent } of VARIANTS) {
      expect(Math.abs(counts[key] - treated * (percent / 100))).toBeLessThanOrEqual(fiveSigma(treated, percent / 100));
    }
  });

  it('holds out 25 % as configured too', () => {
    const held = ids.filter((id) => campaignGroup('autumn', id, 25, VARIANTS) === 'holdout').length;
    expect(Math.abs(held - N * 0.25)).toBeLessThanOrEqual(fiveSigma(N, 0.25));
  });

  it('holds out nobody at 0 %, and a single 100 % variant takes every treated member', () => {
    const groups = new Set(ids.slice(0, 20_000).map((id) => campaignGroup('c0', id, 0, [{ key: 'A', percent: 100 }])));
    expect([...groups]).toEqual(['A']);
  });

  it('keeps the holdout decision independent of the variants (changing the split moves nobody in or out of the holdout)', () => {
    const held = (variants: typeof VARIANTS) => ids.slice(0, 5000).filter((id) => campaignGroup('c3', id, 10, variants) === 'holdout');
    expect(
      held([
        { key: 'A', percent: 100 },
        { key: 'B', percent: 0 },
        { key: 'C', percent: 0 },
      ]),
    ).toEqual(held(VARIANTS));
  });
});
