import fc from 'fast-check';
import type { CouponTerms } from '~/types/coupons';
import { applyCoupons } from './apply-coupons';
import type { Stackable } from './stacking';

const coupon = (id: string, terms: CouponTerms, stackingGroup = 'default'): Stackable => ({ id, terms, stackingGroup });

describe('applyCoupons', () => {
  it('applies cash before percent, so the percent discounts what is left, and answers lines in selection order', () => {
    const result = applyCoupons(
      [
        coupon('p', { kind: 'percent', thresholdFen: 0, percentOff: 10, capFen: null }, 'platform'),
        coupon('c', { kind: 'cash', thresholdFen: 5900, amountFen: 1000 }, 'store'),
      ],
      { goodsSubtotalFen: 10_000, shippingFeeFen: 0 },
    );
    expect(result).toEqual({
      ok: true,
      lines: [
        { id: 'p', goodsDiscountFen: 900, shippingDiscountFen: 0 },
        { id: 'c', goodsDiscountFen: 1000, shippingDiscountFen: 0 },
      ],
      goodsDiscountFen: 1900,
      shippingDiscountFen: 0,
    });
  });

  it('checks every threshold against the subtotal before coupons', () => {
    const result = applyCoupons(
      [
        coupon('c', { kind: 'cash', thresholdFen: 0, amountFen: 5000 }, 'a'),
        coupon('d', { kind: 'cash', thresholdFen: 8000, amountFen: 1000 }, 'b'),
      ],
      { goodsSubtotalFen: 10_000, shippingFeeFen: 0 },
    );
    expect(result).toMatchObject({ ok: true, goodsDiscountFen: 6000 });
  });

  it('stacks a free-shipping coupon with a goods coupon of the same group', () => {
    const result = applyCoupons(
      [coupon('s', { kind: 'shipping', thresholdFen: 0 }), coupon('c', { kind: 'cash', thresholdFen: 0, amountFen: 500 })],
      { goodsSubtotalFen: 3000, shippingFeeFen: 800 },
    );
    expect(result).toMatchObject({ ok: true, goodsDiscountFen: 500, shippingDiscountFen: 800 });
  });

  it('refuses two goods coupons of one group, and two shipping coupons', () => {
    const goods = applyCoupons(
      [
        coupon('a', { kind: 'cash', thresholdFen: 0, amountFen: 100 }),
        coupon('b', { kind: 'percent', thresholdFen: 0, percentOff: 5, capFen: null }),
      ],
      { goodsSubtotalFen: 3000, shippingFeeFen: 0 },
    );
    expect(goods).toEqual({ ok: false, id: 'b', reason: '与已选优惠券不可同时使用' });
    const ship = applyCoupons(
      [coupon('s1', { kind: 'shipping', thresholdFen: 0 }, 'x'), coupon('s2', { kind: 'shipping', thresholdFen: 0 }, 'y')],
      {
        goodsSubtotalFen: 3000,
        shippingFeeFen: 800,
      },
    );
    expect(ship).toMatchObject({ ok: false, id: 's2' });
  });

  it('names the coupon whose threshold is not met', () => {
    expect(
      applyCoupons([coupon('c', { kind: 'cash', thresholdFen: 5900, amountFen: 1000 })], { goodsSubtotalFen: 4700, shippingFeeFen: 0 }),
    ).toEqual({
      ok: false,
      id: 'c',
      reason: '还差¥12.00可用',
    });
  });

  it('refuses a coupon that has nothing left to discount after the others', () => {
    const result = applyCoupons(
      [
        coupon('a', { kind: 'cash', thresholdFen: 0, amountFen: 1000 }, 'a'),
        coupon('b', { kind: 'cash', thresholdFen: 0, amountFen: 1000 }, 'b'),
      ],
      { goodsSubtotalFen: 1000, shippingFeeFen: 0 },
    );
    expect(result).toEqual({ ok: false, id: 'b', reason: '与已选优惠券叠加后暂无可优惠金额' });
  });

  it('property: goods coupons together never take off more than the goods', () => {
    const goodsTerms = fc.oneof(
      fc.record({ kind: fc.constant('cash' as const), thresholdFen: fc.nat(20_000), amountFen: fc.integer({ min: 1, max: 20_000 }) }),
      fc.record({
        kind: fc.constant('percent' as const),
        thresholdFen: fc.nat(20_000),
        percentOff: fc.integer({ min: 1, max: 99 }),
        capFen: fc.option(fc.integer({ min: 1, max: 20_000 }), { nil: null }),
      }),
    );
    fc.assert(
      fc.property(fc.array(goodsTerms, { maxLength: 4 }), fc.nat(50_000), (terms, goods) => {
        const selection = terms.map((t, i) => coupon(`c${i}`, t, `g${i}`));
        const result = applyCoupons(selection, { goodsSubtotalFen: goods, shippingFeeFen: 0 });
        if (!result.ok) return;
        expect(result.goodsDiscountFen).toBeLessThanOrEqual(goods);
        expect(result.lines.reduce((sum, line) => sum + line.goodsDiscountFen, 0)).toBe(result.goodsDiscountFen);
        expect(result.lines.map((line) => line.id)).toEqual(selection.map((c) => c.id));
      }),
    );
  });
});
