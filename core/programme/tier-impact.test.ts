import type { TierDoc } from '~/types/programme';
import { DEFAULT_TIERS } from '../tiers/default-programme';
import { CodedError } from '../coded-error';
import { effectiveTimeOf, PROGRAMME_CACHE_MS } from './effective-time';
import type { ImpactMember } from './tier-impact';
import { movedBands, tierAfterReview, tierImpact } from './tier-impact';

const NOW = Date.UTC(2027, 5, 1);
const withTier = (id: string, change: Partial<TierDoc>) => DEFAULT_TIERS.map((tier) => (tier._id === id ? { ...tier, ...change } : tier));

describe('tier impact', () => {
  it('looks only where a threshold moved', () => {
    const after = withTier('silver', { entrySpendFen: 80_000, keepSpendFen: 90_000 });
    expect(movedBands(DEFAULT_TIERS, after)).toEqual([
      { fromFen: 80_000, toFen: 100_000 },
      { fromFen: 80_000, toFen: 90_000 },
    ]);
  });

  it('decides the tier after the next review as the review does, overrides included', () => {
    const at = (tierId: string, spendFen: number, tierOverride: ImpactMember['tierOverride'] = null) =>
      tierAfterReview(DEFAULT_TIERS, { tierId, tierOverride }, spendFen, NOW, 1)._id;
    expect(at('normal', 120_000)).toBe('silver');
    expect(at('gold', 450_000)).toBe('gold');
    expect(at('diamond', 0)).toBe('gold');
    expect(at('gold', 90_000)).toBe('silver');
    expect(at('gold', 0, { tierId: 'gold', kind: 'fixed', until: NOW + 1 })).toBe('gold');
    expect(at('diamond', 0, { tierId: 'diamond', kind: 'floor', until: NOW + 1 })).toBe('diamond');
    expect(at('diamond', 0, { tierId: 'diamond', kind: 'floor', until: NOW - 1 })).toBe('gold');
  });

  it('counts members who would end in another tier, and where', () => {
    const after = withTier('silver', { entrySpendFen: 80_000, keepSpendFen: 70_000 });
    const impact = tierImpact({
      before: DEFAULT_TIERS,
      after,
      now: NOW,
      maxDrop: 1,
      capped: false,
      members: [
        { member: { tierId: 'normal' }, spendFen: 85_000 },
        { member: { tierId: 'silver' }, spendFen: 75_000 },
        { member: { tierId: 'silver' }, spendFen: 65_000 },
        { member: { tierId: 'gold' }, spendFen: 95_000 },
      ],
    });
    expect(impact).toEqual({
      higher: 2,
      lower: 0,
      examined: 4,
      capped: false,
      byTier: [
        { tierId: 'normal', name: '普通会员', before: 2, after: 0 },
        { tierId: 'silver', name: '银卡会员', before: 0, after: 2 },
        { tierId: 'gold', name: '金卡会员', before: 0, after: 0 },
        { tierId: 'diamond', name: '钻石会员', before: 0, after: 0 },
      ],
    });
  });
});

describe('effectiveTimeOf', () => {
  it('takes effect once every instance can switch, and at the stated time when later', () => {
    expect(effectiveTimeOf(null, NOW, null)).toBe(NOW + PROGRAMME_CACHE_MS);
    expect(effectiveTimeOf(NOW - 60_000, NOW, null)).toBe(NOW + PROGRAMME_CACHE_MS);
    expect(effectiveTimeOf(NOW + 86_400_000, NOW, null)).toBe(NOW + 86_400_000);
  });

  it('refuses the past beyond the tolerance, and a time before a version already scheduled', () => {
    const refusal = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return error instanceof CodedError ? error.message : String(error);
      }
      return null;
    };
    expect(refusal(() => effectiveTimeOf(NOW - 3_600_000, NOW, null))).toBe('生效时间不能早于现在');
    expect(refusal(() => effectiveTimeOf(NOW + 400 * 86_400_000, NOW, null))).toBe('生效时间最多可设在366天后');
    expect(refusal(() => effectiveTimeOf(NOW + 60_000, NOW, { version: 4, effectiveAt: NOW + 120_000 }))).toMatch(/^第4版已计划/);
    expect(effectiveTimeOf(NOW + 120_000, NOW, { version: 4, effectiveAt: NOW + 120_000 })).toBe(NOW + 120_000);
  });
});
