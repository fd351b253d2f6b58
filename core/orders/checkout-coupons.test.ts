import type { CouponInstanceDoc, CouponTerms } from '~/types/coupons';
import { checkoutCoupons } from './checkout-coupons';

const coupon = (id: string, terms: CouponTerms, fields: Partial<CouponInstanceDoc> = {}): CouponInstanceDoc =>
  ({
    _id: id,
    title: id,
    terms,
    stackingGroup: 'default',
    validFrom: 0,
    validTo: 10_000,
    status: 'issued',
    ...fields,
  }) as CouponInstanceDoc;

describe('checkoutCoupons', () => {
  const amounts = { goodsSubtotalFen: 15_000, shippingFeeFen: 800 };
  const coupons = [
    coupon('cash-20-200', { kind: 'cash', thresholdFen: 20_000, amountFen: 2_000 }),
    coupon('cash-10-100', { kind: 'cash', thresholdFen: 10_000, amountFen: 1_000 }),
    coupon('pct-10', { kind: 'percent', thresholdFen: 0, percentOff: 10, capFen: null }),
    coupon('ship', { kind: 'shipping', thresholdFen: 0 }, { stackingGroup: 'shipping' }),
    coupon('later', { kind: 'cash', thresholdFen: 0, amountFen: 500 }, { validFrom: 9_000 }),
  ];

  it('says what each coupon takes off alone and why the others cannot be used, usable ones first', () => {
    const views = checkoutCoupons(coupons, ['cash-10-100'], amounts, 5_000);
    expect(views.map((view) => [view.id, view.discountFen, view.unusableReason, view.selected])).toEqual([
      ['cash-10-100', 1_000, null, true],
      ['ship', 800, null, false],
      ['pct-10', 1_500, '不可与「cash-10-100」同时使用', false],
      ['cash-20-200', 0, '还差¥50.00可用', false],
      ['later', 0, '未到使用时间', false],
    ]);
  });
});
