import type { OrderLine, RefundDoc } from '~/types/orders';
import { planRefund, pointsEarnedBy, previewRefund, refundKindOf } from './refund-plan';

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
      shippingBackFen: 0,
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
      shippingBackFen: 800,
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

describe('refund kinds', () => {
  it('takes a refund without a kind for 仅退款', () => {
    expect(refundKindOf({})).toBe('refundOnly');
    expect(refundKindOf({ kind: 'returnAndRefund' })).toBe('returnAndRefund');
  });

  it('puts returned goods back in stock, but never the shipping fee of an order that shipped', () => {
    const lines = [line('L1', 5_000, 0), line('L2', 3_000, 100)];
    expect(planRefund(order('shipped', lines), ['L1', 'L2'], 'returnAndRefund')).toMatchObject({
      amountFen: 8_000,
      shippingBackFen: 0,
      restock: true,
      couponPolicy: 'returned',
    });
    expect(planRefund(order('shipped', lines), ['L1', 'L2'])).toMatchObject({ amountFen: 8_000, restock: false });
  });
});

describe('pointsEarnedBy', () => {
  it('sums what the chosen lines earned, and nothing without an earn snapshot', () => {
    const snapshot = {
      lines: [
        { lineId: 'L1', paidFen: 8_906, points: 106 },
        { lineId: 'L2', paidFen: 6_819, points: 82 },
      ],
    };
    expect(pointsEarnedBy(snapshot, ['L2'])).toBe(82);
    expect(pointsEarnedBy(snapshot, ['L1', 'L2'])).toBe(188);
    expect(pointsEarnedBy(undefined, ['L1'])).toBe(0);
  });
});

describe('previewRefund', () => {
  const refund = (overrides: Partial<RefundDoc> = {}) => ({
    _id: 'r1',
    refundNo: 'R1',
    status: 'requested' as const,
    lineIds: ['L1', 'L2'],
    amountFen: 8_800,
    requestedFen: 8_800,
    pointsReturned: 100,
    pointsClawedBack: 0,
    couponPolicy: 'returned' as const,
    restock: true,
    ...overrides,
  });
  const full = (status: 'paid' | 'shipped', lines = [line('L1', 5_000, 0), line('L2', 3_000, 100)]) => ({
    ...order(status, lines),
    orderNo: '250301100000000001',
    couponIds: ['c1'],
  });
  const earned = { lines: [{ lineId: 'L1', paidFen: 5_000, points: 50 }] };

  it('answers what approving pays now: the shipping fee and stock while unshipped, not once shipped', () => {
    expect(previewRefund(full('paid'), refund(), earned)).toMatchObject({
      amountFen: 8_800,
      requestedFen: 8_800,
      shippingBackFen: 800,
      pointsReturned: 100,
      pointsClawedBack: 50,
      couponsReturned: 1,
      stockReturned: [
        { skuId: 'L1:1', title: '商品L1', quantity: 1 },
        { skuId: 'L2:1', title: '商品L2', quantity: 1 },
      ],
      next: 'payBack',
    });
    expect(previewRefund(full('shipped'), refund(), earned)).toMatchObject({
      amountFen: 8_000,
      requestedFen: 8_800,
      shippingBackFen: 0,
      stockReturned: [],
    });
  });

  it('says a 退货退款 waits for the goods, and answers the fixed plan once the lines are refunded', () => {
    expect(previewRefund(full('shipped'), refund({ kind: 'returnAndRefund' }), earned)).toMatchObject({
      kind: 'returnAndRefund',
      next: 'awaitReturn',
      amountFen: 8_000,
      stockReturned: [expect.objectContaining({ skuId: 'L1:1' }), expect.objectContaining({ skuId: 'L2:1' })],
    });
    const refunded = full('shipped', [line('L1', 5_000, 0, 'r1'), line('L2', 3_000, 100, 'r1')]);
    expect(
      previewRefund(refunded, refund({ status: 'refunded', amountFen: 8_000, restock: false, pointsClawedBack: 48 }), earned),
    ).toMatchObject({ amountFen: 8_000, shippingBackFen: 0, pointsClawedBack: 48, stockReturned: [], next: 'payBack' });
  });
});
