import fc from 'fast-check';
import type { CouponTerms } from '~/types/coupons';
import { quoteCoupon } from './discount';

const cash = (thresholdFen: number, amountFen: number): CouponTerms => ({ kind: 'cash', thresholdFen, amountFen });
const percent = (thresholdFen: number, percentOff: number, capFen: number | null): CouponTerms => ({
  kind: 'percent',
  thresholdFen,
  percentOff,
  capFen,
});
const shipping = (thresholdFen: number): CouponTerms => ({ kind: 'shipping', thresholdFen });
const order = (goodsSubtotalFen: number, shippingFeeFen = 0) => ({ goodsSubtotalFen, shippingFeeFen });

describe('quoteCoupon', () => {
  describe('thresholds', () => {
    it('applies when the subtotal meets the threshold exactly', () => {
      expect(quoteCoupon(cash(5900, 1000), order(5900))).toEqual({ applicable: true, goodsDiscountFen: 1000, shippingDiscountFen: 0 });
    });

    it('one fen short is not enough, and says how much is missing', () => {
      expect(quoteCoupon(cash(5900, 1000), order(5899))).toEqual({ applicable: false, reason: '还差¥0.01可用', shortfallFen: 1 });
    });

    it('words the shortfall in yuan with two decimals', () => {
      expect(quoteCoupon(cash(5900, 1000), order(4700))).toMatchObject({ applicable: false, reason: '还差¥12.00可用', shortfallFen: 1200 });
      expect(quoteCoupon(percent(19900, 10, null), order(0))).toMatchObject({ reason: '还差¥199.00可用' });
      expect(quoteCoupon(shipping(9900), order(9855, 800))).toMatchObject({ reason: '还差¥0.45可用' });
    });
  });

  describe('cash off', () => {
    it('never takes off more than the goods', () => {
      expect(quoteCoupon(cash(0, 1000), order(800, 600))).toEqual({ applicable: true, goodsDiscountFen: 800, shippingDiscountFen: 0 });
    });

    it('is not applicable to an order with no goods amount', () => {
      expect(quoteCoupon(cash(0, 1000), order(0, 600))).toMatchObject({ applicable: false, reason: '暂无可优惠的商品金额' });
    });
  });

  describe('percent off', () => {
    it('rounds the discount down to whole fen', () => {
      // 15 % of ¥9.99 is 149.85 fen.
      expect(quoteCoupon(percent(0, 15, null), order(999))).toMatchObject({ goodsDiscountFen: 149 });
      // 12 % of ¥0.99 is 11.88 fen.
      expect(quoteCoupon(percent(0, 12, null), order(99))).toMatchObject({ goodsDiscountFen: 11 });
      expect(quoteCoupon(percent(0, 20, null), order(1000))).toMatchObject({ goodsDiscountFen: 200 });
    });

    it('stops at the cap, and the cap met exactly is the cap', () => {
      expect(quoteCoupon(percent(0, 20, 5000), order(100_000))).toMatchObject({ goodsDiscountFen: 5000 });
      expect(quoteCoupon(percent(0, 20, 5000), order(25_000))).toMatchObject({ goodsDiscountFen: 5000 });
      expect(quoteCoupon(percent(0, 20, 5000), order(24_999))).toMatchObject({ goodsDiscountFen: 4999 });
    });

    it('is not applicable when the rounded discount is nothing', () => {
      expect(quoteCoupon(percent(0, 12, null), order(8))).toMatchObject({ applicable: false, reason: '订单金额过低，暂无折扣' });
    });

    it('never takes off the whole subtotal or more, even at 99 %', () => {
      expect(quoteCoupon(percent(0, 99, null), order(1))).toMatchObject({ applicable: false });
      expect(quoteCoupon(percent(0, 99, null), order(101))).toMatchObject({ goodsDiscountFen: 99 });
    });
  });

  describe('free shipping', () => {
    it('takes off the whole shipping fee and nothing of the goods', () => {
      expect(quoteCoupon(shipping(0), order(100, 800))).toEqual({ applicable: true, goodsDiscountFen: 0, shippingDiscountFen: 800 });
    });

    it('is not applicable when the order ships free anyway', () => {
      expect(quoteCoupon(shipping(0), order(100, 0))).toMatchObject({ applicable: false, reason: '本单已免运费' });
    });
  });

  it('refuses amounts that are not whole, non-negative fen', () => {
    expect(() => quoteCoupon(cash(0, 100), order(-1))).toThrow(RangeError);
    expect(() => quoteCoupon(cash(0, 100), order(10.5))).toThrow(RangeError);
    expect(() => quoteCoupon(cash(0, 100), order(100, Number.NaN))).toThrow(RangeError);
  });

  const termsArb: fc.Arbitrary<CouponTerms> = fc.oneof(
    fc.record({ kind: fc.constant('cash' as const), thresholdFen: fc.nat(100_000), amountFen: fc.integer({ min: 1, max: 100_000 }) }),
    fc.record({
      kind: fc.constant('percent' as const),
      thresholdFen: fc.nat(100_000),
      percentOff: fc.integer({ min: 1, max: 99 }),
      capFen: fc.option(fc.integer({ min: 1, max: 100_000 }), { nil: null }),
    }),
    fc.record({ kind: fc.constant('shipping' as const), thresholdFen: fc.nat(100_000) }),
  );

  it('property: a discount is whole fen, within the goods (or the fee), the face value and the cap', () => {
    fc.assert(
      fc.property(termsArb, fc.nat(100_000_000), fc.nat(10_000), (terms, goods, fee) => {
        const quote = quoteCoupon(terms, order(goods, fee));
        if (!quote.applicable) {
          expect(quote.shortfallFen).toBe(Math.max(0, terms.thresholdFen - goods));
          return;
        }
        expect(goods).toBeGreaterThanOrEqual(terms.thresholdFen);
        expect(Number.isInteger(quote.goodsDiscountFen) && Number.isInteger(quote.shippingDiscountFen)).toBe(true);
        expect(quote.goodsDiscountFen).toBeLessThanOrEqual(goods);
        expect(quote.goodsDiscountFen + quote.shippingDiscountFen).toBeGreaterThan(0);
        if (terms.kind === 'cash') expect(quote.goodsDiscountFen).toBe(Math.min(terms.amountFen, goods));
        if (terms.kind === 'percent') {
          expect(quote.goodsDiscountFen * 100).toBeLessThanOrEqual(goods * terms.percentOff);
          expect(quote.goodsDiscountFen).toBeLessThanOrEqual(terms.capFen ?? Infinity);
          if (terms.capFen === null || quote.goodsDiscountFen < terms.capFen) {
            expect((quote.goodsDiscountFen + 1) * 100).toBeGreaterThan(goods * terms.percentOff);
          }
        }
        if (terms.kind === 'shipping') expect(quote).toMatchObject({ goodsDiscountFen: 0, shippingDiscountFen: fee });
      }),
    );
  });
});
