import { DEFAULT_PROGRAMME } from '../tiers/default-programme';
import { priceSale } from './price-sale';

const rules = DEFAULT_PROGRAMME.points;
const base = { coupon: null, pointsRequested: 0, pointsAvailable: 0, pointsAllowed: true, rules, multiplierPercent: 100 };

describe('priceSale', () => {
  it('earns 1 point per ¥1 paid times the tier multiplier, rounded down', () => {
    expect(priceSale({ ...base, amountFen: 12_999, multiplierPercent: 150 })).toMatchObject({ paidFen: 12_999, pointsToEarn: 194 });
  });

  it('takes a 满减 coupon off the total from exactly its threshold, and says what is missing below it', () => {
    const coupon = { terms: { kind: 'cash' as const, thresholdFen: 5_900, amountFen: 1_000 } };
    expect(priceSale({ ...base, amountFen: 5_900, coupon })).toMatchObject({
      couponDiscountFen: 1_000,
      couponProblem: null,
      paidFen: 4_900,
    });
    expect(priceSale({ ...base, amountFen: 5_899, coupon })).toMatchObject({ couponDiscountFen: 0, couponProblem: '还差¥0.01可用' });
  });

  it('refuses a shipping coupon at the till', () => {
    expect(priceSale({ ...base, amountFen: 10_000, coupon: { terms: { kind: 'shipping', thresholdFen: 0 } } }).couponProblem).toBe(
      '运费券不能在门店使用',
    );
  });

  it('lets points pay up to half of what is left after the coupon, at 100 points per ¥1, only with a fresh scan', () => {
    const coupon = { terms: { kind: 'cash' as const, thresholdFen: 0, amountFen: 2_000 } };
    const quote = priceSale({ ...base, amountFen: 10_000, coupon, pointsRequested: 10_000, pointsAvailable: 9_000 });
    expect(quote).toMatchObject({ pointsUsed: 4_000, pointsFen: 4_000, maxPoints: 4_000, paidFen: 4_000, pointsToEarn: 40 });
    const stale = priceSale({ ...base, amountFen: 10_000, pointsRequested: 1_000, pointsAvailable: 9_000, pointsAllowed: false });
    expect(stale).toMatchObject({ pointsUsed: 0, maxPoints: 0, paidFen: 10_000 });
  });

  it('never spends more points than the member has', () => {
    expect(priceSale({ ...base, amountFen: 10_000, pointsRequested: 3_000, pointsAvailable: 250 })).toMatchObject({
      pointsUsed: 250,
      pointsFen: 250,
      paidFen: 9_750,
    });
  });
});
