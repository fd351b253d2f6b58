import type { OrderLine } from '~/types/orders';
import { planRefund } from './refund-plan';

const line = (lineId: string, paidFen: number, pointsUsed: number, refundId: string | null = null): OrderLine => ({
  lineId,
  productId: lineId,
  skuId: `${lineId}:1`,
  title: `商品${lineId}`,
  specText: '',
  imageUrl: '',
  unitPriceFen: paidFen,
  quantity: 1,
  listFen: paidFen,
  memberFen: paidFen,
  couponFen: 0,
  pointsFen: pointsUsed,
  pointsUsed,
  paidFen,
  refundId,
});

const order = (status: 'paid' | 'shipped' | 'completed', lines: OrderLine[]) => ({
  status,
  lines,
  shippingFeeFen: 800,
  shippingDiscountFen: 0,
});

describe('planRefund', () => {
  it('gives back what the chosen lines paid and the points used on them, at their place in the spend', () => {
    const plan = planRefund(order('shipped', [line('L1', 8_906, 2_599), line('L2', 6_819, 1_989), line('L3', 1_413, 412)]), ['L2']);
    expect(plan).toEqual({
      lineIds: ['L2'],
      amountFen: 6_819,
      pointsReturned: 1_989,
      pointsSlices: [{ offset: 2_599, points: 1_989 }],
      completesOrder: false,
      restock: false,
      couponPolicy: 'kept',
    });
  });

  it('returns the shipping fee, the stock and the coupons only when the last lines go back before shipping', () => {
    const lines = [line('L1', 5_000, 0, 'r-earlier'), line('L2', 3_000, 100)];
    expect(planRefund(order('paid', lines), ['L2'])).toMatchObject({
      amountFen: 3_800,
      completesOrder: true,
      restock: true,
      couponPolicy: 'returned',
    });
    expect(planRefund(order('completed', lines), ['L2'])).toMatchObject({
      amountFen: 3_000,
      completesOrder: true,
      restock: false,
      couponPolicy: 'returned',
    });
  });

  it('refuses lines that are unknown, repeated, or already refunded', () => {
    const lines = [line('L1', 100, 0, 'r1'), line('L2', 100, 0)];
    expect(() => planRefund(order('paid', lines), [])).toThrow(/at least one/);
    expect(() => planRefund(order('paid', lines), ['L2', 'L2'])).toThrow(/twice/);
    expect(() => planRefund(order('paid', lines), ['L9'])).toThrow(/not a line/);
    expect(() => planRefund(order('paid', lines), ['L1'])).toThrow(/已退款/);
  });
});
