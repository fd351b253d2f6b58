import { cartNudge } from './cart-nudge';

const TERMS = {
  shipping: { feeFen: 800, freeThresholdFen: 9_900 },
  coupons: [
    { title: '满199减30', thresholdFen: 19_900 },
    { title: '满99减15', thresholdFen: 9_900 },
  ],
};

describe('cartNudge', () => {
  it('charges shipping below the threshold and says how much more makes it free, and the nearest coupon', () => {
    expect(cartNudge(TERMS, 6_000)).toEqual({
      shippingFeeFen: 800,
      freeShippingGapFen: 3_900,
      coupon: { title: '满99减15', gapFen: 3_900 },
    });
  });

  it('ships free at the threshold and points to the next coupon up', () => {
    expect(cartNudge(TERMS, 9_900)).toEqual({
      shippingFeeFen: 0,
      freeShippingGapFen: null,
      coupon: { title: '满199减30', gapFen: 10_000 },
    });
  });

  it('asks for nothing once every threshold is met, or when nothing is chosen', () => {
    expect(cartNudge(TERMS, 20_000)).toEqual({ shippingFeeFen: 0, freeShippingGapFen: null, coupon: null });
    expect(cartNudge(TERMS, 0)).toEqual({ shippingFeeFen: 0, freeShippingGapFen: null, coupon: null });
  });

  it('has no gap to report without a free-shipping threshold', () => {
    expect(cartNudge({ shipping: { feeFen: 800, freeThresholdFen: null }, coupons: [] }, 5_000)).toEqual({
      shippingFeeFen: 800,
      freeShippingGapFen: null,
      coupon: null,
    });
  });
});
