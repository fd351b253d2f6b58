import { DEFAULT_TIERS } from '../tiers/default-programme';
import { nextTierUnitPrice, pointsPerUnit, tierPairOf, tierUnitPrice } from './tier-prices';

describe('tier prices', () => {
  it('a visitor or an unknown tier shops at the entry tier, whatever order the tiers come in', () => {
    const shuffled = [...DEFAULT_TIERS].reverse();
    expect(tierPairOf(shuffled, null)).toMatchObject({ tier: { _id: 'normal' }, nextTier: { _id: 'silver' } });
    expect(tierPairOf(shuffled, 'platinum')).toMatchObject({ tier: { _id: 'normal' }, nextTier: { _id: 'silver' } });
    expect(tierPairOf(shuffled, 'gold')).toMatchObject({ tier: { _id: 'gold' }, nextTier: { _id: 'diamond' } });
    expect(tierPairOf(shuffled, 'diamond')).toMatchObject({ tier: { _id: 'diamond' }, nextTier: null });
  });

  it('member prices follow the tier rate, rounded half up, unless the product opts out', () => {
    const gold = DEFAULT_TIERS[2] as (typeof DEFAULT_TIERS)[number];
    expect(tierUnitPrice(4_900, true, gold)).toBe(4_655);
    expect(tierUnitPrice(1_990, true, { memberPricePercent: 98 })).toBe(1_950);
    expect(tierUnitPrice(1_990, false, gold)).toBe(1_990);
    expect(tierUnitPrice(1, true, { memberPricePercent: 90 })).toBe(1);
  });

  it('shows the next tier up, but not at the top or for products without member prices', () => {
    expect(nextTierUnitPrice(10_000, true, tierPairOf(DEFAULT_TIERS, null))).toBe(9_800);
    expect(nextTierUnitPrice(10_000, true, tierPairOf(DEFAULT_TIERS, 'silver'))).toBe(9_500);
    expect(nextTierUnitPrice(10_000, true, tierPairOf(DEFAULT_TIERS, 'diamond'))).toBeNull();
    expect(nextTierUnitPrice(10_000, false, tierPairOf(DEFAULT_TIERS, 'silver'))).toBeNull();
  });

  it('points per unit are the purchase rule on the tier price, rounded down', () => {
    expect(pointsPerUnit(4_655, 1, { pointsMultiplierPercent: 150 })).toBe(69);
    expect(pointsPerUnit(1_990, 1, { pointsMultiplierPercent: 100 })).toBe(19);
    expect(pointsPerUnit(99, 1, { pointsMultiplierPercent: 200 })).toBe(1);
    expect(pointsPerUnit(49, 1, { pointsMultiplierPercent: 200 })).toBe(0);
  });
});
