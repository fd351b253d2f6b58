import fc from 'fast-check';
import type { CouponTerms } from '~/types/coupons';
import type { PricedOrder, PricingInput } from './price-order';
import { priceOrder } from './price-order';

const TIERS = {
  normal: { memberPricePercent: 100, pointsMultiplierPercent: 100, freeShippingThresholdFen: null },
  silver: { memberPricePercent: 98, pointsMultiplierPercent: 120, freeShippingThresholdFen: 9_900 },
  gold: { memberPricePercent: 95, pointsMultiplierPercent: 150, freeShippingThresholdFen: 0 },
};
const POINTS = { pointsPerYuan: 100, maxRedeemPercent: 50, earnPerYuan: 1 };
const DELIVERY = { mode: 'delivery' as const, feeFen: 1_000, freeThresholdFen: null };
const coupon = (id: string, terms: CouponTerms, stackingGroup = 'default') => ({ id, terms, stackingGroup });
const line = (lineId: string, unitPriceFen: number, quantity = 1, memberPrice = true) => ({ lineId, unitPriceFen, quantity, memberPrice });
const base = (fields: Partial<PricingInput>): PricingInput => ({
  lines: [],
  tier: TIERS.normal,
  coupons: [],
  pointsRequested: 0,
  pointsAvailable: 0,
  points: POINTS,
  shipping: DELIVERY,
  ...fields,
});

describe('priceOrder: the table', () => {
  it.each([
    {
      why: 'normal tier pays list price and the ¥10 delivery fee; ¥100 earns 100 points',
      input: base({ lines: [line('a', 10_000)] }),
      expect: { goodsSubtotalFen: 10_000, shippingFeeFen: 1_000, payableFen: 11_000, pointsToEarn: 100 },
    },
    {
      why:
        'gold: ¥59.90 × 95 % = ¥56.905 → ¥56.91 a unit (half up), ×2 = ¥113.82, + ¥30 × 95 % = ¥28.50 → ¥142.32; ' +
        'the ¥10-off-¥59 coupon splits 800/200 by largest remainder (799.7 / 200.3); points may pay 50 % of the ¥132.32 left = ¥66.16 ' +
        '(6,616 points of the 10,000 asked), split 5,291/1,325; gold ships free; ¥66.16 paid × 1.5 = 99.24 → 99 points',
      input: base({
        lines: [line('a', 5_990, 2), line('b', 3_000)],
        tier: TIERS.gold,
        coupons: [coupon('c1', { kind: 'cash', thresholdFen: 5_900, amountFen: 1_000 })],
        pointsRequested: 10_000,
        pointsAvailable: 20_000,
      }),
      expect: {
        goodsSubtotalFen: 14_232,
        couponDiscountFen: 1_000,
        pointsUsed: 6_616,
        pointsDiscountFen: 6_616,
        shippingFeeFen: 0,
        payableFen: 6_616,
        pointsToEarn: 99,
        lines: [
          { lineId: 'a', memberFen: 11_382, couponFen: 800, pointsFen: 5_291, paidFen: 5_291 },
          { lineId: 'b', memberFen: 2_850, couponFen: 200, pointsFen: 1_325, paidFen: 1_325 },
        ],
      },
    },
    {
      why: 'silver picks up in store: ¥200 × 98 % = ¥196; 15 % off would be ¥29.40 but the cap is ¥20; ¥176 × 1.2 = 211.2 → 211 points',
      input: base({
        lines: [line('a', 20_000)],
        tier: TIERS.silver,
        coupons: [coupon('p', { kind: 'percent', thresholdFen: 0, percentOff: 15, capFen: 2_000 })],
        shipping: { mode: 'pickup', feeFen: 1_000, freeThresholdFen: null },
      }),
      expect: { goodsSubtotalFen: 19_600, couponDiscountFen: 2_000, shippingFeeFen: 0, payableFen: 17_600, pointsToEarn: 211 },
    },
    {
      why: 'the store ships free from ¥99: exactly ¥99 qualifies',
      input: base({ lines: [line('a', 9_900)], shipping: { mode: 'delivery', feeFen: 800, freeThresholdFen: 9_900 } }),
      expect: { shippingFeeFen: 0, payableFen: 9_900 },
    },
    {
      why: 'a shipping coupon takes off the ¥8 fee and stacks with a goods coupon',
      input: base({
        lines: [line('a', 6_000)],
        coupons: [
          coupon('s', { kind: 'shipping', thresholdFen: 0 }, 'shipping'),
          coupon('c', { kind: 'cash', thresholdFen: 5_900, amountFen: 1_000 }),
        ],
        shipping: { mode: 'delivery', feeFen: 800, freeThresholdFen: null },
      }),
      expect: { couponDiscountFen: 1_000, shippingFeeFen: 800, shippingDiscountFen: 800, payableFen: 5_000 },
    },
    {
      why: 'points are limited by the balance: 300 points of 5,000 asked pay ¥3',
      input: base({ lines: [line('a', 10_000)], pointsRequested: 5_000, pointsAvailable: 300 }),
      expect: { pointsUsed: 300, pointsDiscountFen: 300, payableFen: 10_700 },
    },
    {
      why: 'a product that opts out of member prices keeps its list price for gold',
      input: base({ lines: [line('a', 10_000, 1, false), line('b', 10_000)], tier: TIERS.gold }),
      expect: { memberDiscountFen: 500, goodsSubtotalFen: 19_500 },
    },
  ])('$why', ({ input, expect: expected }) => {
    expect(priceOrder(input)).toMatchObject(expected);
  });

  it('refuses a coupon whose threshold the order does not reach, saying how much is missing', () => {
    expect(() =>
      priceOrder(base({ lines: [line('a', 5_000)], coupons: [coupon('c', { kind: 'cash', thresholdFen: 5_900, amountFen: 1_000 })] })),
    ).toThrow('还差¥9.00可用');
  });

  it('refuses empty orders and bad numbers', () => {
    expect(() => priceOrder(base({}))).toThrow(/at least one line/);
    expect(() => priceOrder(base({ lines: [line('a', 100, 0)] }))).toThrow(/quantity/);
    expect(() => priceOrder(base({ lines: [line('a', -1)] }))).toThrow(/unitPriceFen/);
    expect(() => priceOrder(base({ lines: [line('a', 100)], pointsRequested: 1.5 }))).toThrow(/pointsRequested/);
  });
});

describe('priceOrder: properties over random carts', () => {
  const terms = fc.oneof(
    fc.record({ kind: fc.constant('cash' as const), thresholdFen: fc.nat(20_000), amountFen: fc.integer({ min: 1, max: 5_000 }) }),
    fc.record({
      kind: fc.constant('percent' as const),
      thresholdFen: fc.nat(20_000),
      percentOff: fc.integer({ min: 1, max: 99 }),
      capFen: fc.option(fc.integer({ min: 1, max: 10_000 }), { nil: null }),
    }),
  );
  const input = fc.record({
    lines: fc.array(
      fc.record({
        lineId: fc.uuid(),
        unitPriceFen: fc.integer({ min: 1, max: 200_000 }),
        quantity: fc.integer({ min: 1, max: 9 }),
        memberPrice: fc.boolean(),
      }),
      { minLength: 1, maxLength: 6 },
    ),
    tier: fc.constantFrom(TIERS.normal, TIERS.silver, TIERS.gold),
    goods: fc.option(terms, { nil: null }),
    freeShipping: fc.boolean(),
    pointsRequested: fc.nat(200_000),
    pointsAvailable: fc.integer({ min: -500, max: 200_000 }),
    shipping: fc.record({
      mode: fc.constantFrom('delivery' as const, 'pickup' as const),
      feeFen: fc.nat(2_000),
      freeThresholdFen: fc.option(fc.nat(50_000), { nil: null }),
    }),
  });

  it('splits every discount exactly, never below zero on a line, and answers the same preview and placement', () => {
    fc.assert(
      fc.property(input, (raw) => {
        const coupons = [
          ...(raw.goods ? [coupon('g', raw.goods)] : []),
          ...(raw.freeShipping ? [coupon('s', { kind: 'shipping', thresholdFen: 0 }, 'shipping')] : []),
        ];
        const order: PricingInput = { ...base(raw), coupons };
        let priced: PricedOrder;
        try {
          priced = priceOrder(order);
        } catch (error) {
          expect((error as { code?: string }).code).toBe('NOT_ELIGIBLE');
          return;
        }
        const lines = priced.lines;
        const sum = (pick: (l: PricedOrder['lines'][number]) => number) => lines.reduce((s, l) => s + pick(l), 0);
        expect(sum((l) => l.couponFen)).toBe(priced.couponDiscountFen);
        expect(sum((l) => l.pointsFen)).toBe(priced.pointsDiscountFen);
        expect(sum((l) => l.memberFen)).toBe(priced.goodsSubtotalFen);
        for (const l of priced.lines) {
          expect(l.paidFen).toBeGreaterThanOrEqual(0);
          expect(l.paidFen).toBe(l.memberFen - l.couponFen - l.pointsFen);
        }
        expect(priced.payableFen).toBe(sum((l) => l.paidFen) + priced.shippingFeeFen - priced.shippingDiscountFen);
        expect(priced.pointsUsed).toBeLessThanOrEqual(Math.max(0, Math.min(order.pointsRequested, order.pointsAvailable)));
        expect(priced.pointsDiscountFen * 2).toBeLessThanOrEqual(priced.goodsSubtotalFen - priced.couponDiscountFen);
        expect(priceOrder(structuredClone(order))).toEqual(priced);
      }),
      { numRuns: 2_000 },
    );
  });
});
