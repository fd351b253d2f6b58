import { HOUR_MS, MINUTE_MS } from '~/core/calendar/durations';
import type { AdminOrderRow } from '~/types/functions/admin-orders';
import type { OrderDoc, OrderLine, RefundDoc, RefundPreview } from '~/types/orders';

/** 10:00 on 2025-03-01 in Asia/Shanghai. */
export const PLACED_AT = Date.UTC(2025, 1, 28, 2, 0);

/** An order line whose amounts add up (coupon and points shares taken off the member price). */
export function orderLine(n: number, overrides: Partial<OrderLine> = {}): OrderLine {
  return {
    lineId: `L${n}`,
    productId: `p${n}`,
    skuId: `p${n}:1`,
    title: `商品${n}`,
    specText: '',
    imageUrl: '',
    unitPriceFen: 10_000,
    quantity: 1,
    listFen: 10_000,
    memberFen: 9_800,
    couponFen: 0,
    pointsFen: 0,
    pointsUsed: 0,
    paidFen: 9_800,
    refundId: null,
    ...overrides,
  };
}

/** A paid delivery order of one line, as `listOrders` answers it. */
export function orderDoc(n: number, overrides: Partial<OrderDoc> = {}): OrderDoc {
  const lines = overrides.lines ?? [orderLine(1)];
  return {
    _id: `o${String(n).padStart(12, '0')}`,
    orderNo: `2503011000000${String(n).padStart(5, '0')}`,
    memberId: `member-${n}`,
    status: 'paid',
    progress: 'pointsHeld',
    failure: null,
    leaseUntil: 0,
    lines,
    listFen: 10_000,
    memberDiscountFen: 200,
    goodsSubtotalFen: 9_800,
    couponDiscountFen: 0,
    pointsUsed: 0,
    pointsDiscountFen: 0,
    shippingFeeFen: 0,
    shippingDiscountFen: 0,
    payableFen: 9_800,
    pointsToEarn: 98,
    couponIds: [],
    delivery: {
      mode: 'delivery',
      address: { name: '林小满', phone: '13800138000', region: '上海市 静安区', detail: '南京西路 1 号' },
      trackingNo: null,
    },
    note: '',
    payDeadline: PLACED_AT + 30 * MINUTE_MS,
    paymentStartedAt: PLACED_AT + MINUTE_MS,
    transactionId: 'wx-tx-1',
    paidAt: PLACED_AT + 120_000,
    shippedAt: null,
    completedAt: null,
    cancelledAt: null,
    cancelReason: null,
    refundedFen: 0,
    refundedPoints: 0,
    stockHeld: true,
    stockReturned: [],
    holdsReturned: false,
    hasRefund: false,
    timeline: [
      { status: 'pendingPayment', at: PLACED_AT, note: '订单已提交，等待付款' },
      { status: 'paid', at: PLACED_AT + 120_000, note: '支付成功，等待发货' },
    ],
    createdAt: PLACED_AT,
    updatedAt: PLACED_AT + 120_000,
    ...overrides,
  };
}

/** An order as `listOrders` answers it: with its member's nickname and member number. */
export function orderRow(n: number, overrides: Partial<AdminOrderRow> = {}): AdminOrderRow {
  return {
    ...orderDoc(n, overrides),
    member: { memberNo: `100000000${n}`, nickname: `会员${n}` },
    refundAwaitingReview: false,
    ...overrides,
  };
}

/** A refund request waiting for review, as `listRefunds` answers it. */
export function refundDoc(n: number, overrides: Partial<RefundDoc> = {}): RefundDoc {
  return {
    _id: `r${String(n).padStart(12, '0')}`,
    refundNo: `R2503011200000${String(n).padStart(4, '0')}`,
    orderId: `o${String(n).padStart(12, '0')}`,
    orderNo: `2503011000000${String(n).padStart(5, '0')}`,
    memberId: `member-${n}`,
    lineIds: ['L2'],
    reason: '杯子有裂纹',
    status: 'requested',
    amountFen: 6_819,
    pointsReturned: 1_989,
    pointsClawedBack: 0,
    couponPolicy: 'kept',
    restock: false,
    reviewedBy: null,
    reviewNote: null,
    requestedAt: PLACED_AT + HOUR_MS,
    reviewedAt: null,
    refundedAt: null,
    progress: 'pending',
    updatedAt: PLACED_AT + HOUR_MS,
    ...overrides,
  };
}

/** What `previewRefund` answers for `refundDoc(n)` on an order that has not shipped. */
export function refundPreview(n: number, overrides: Partial<RefundPreview> = {}): RefundPreview {
  const refund = refundDoc(n);
  return {
    refundId: refund._id,
    refundNo: refund.refundNo,
    orderNo: refund.orderNo,
    kind: 'refundOnly',
    status: 'requested',
    amountFen: 6_819,
    requestedFen: 6_819,
    shippingBackFen: 0,
    pointsReturned: 1_989,
    pointsClawedBack: 68,
    couponPolicy: 'kept',
    couponsReturned: 0,
    stockReturned: [{ skuId: 'p2:1', title: '马克杯', quantity: 2 }],
    lines: [{ lineId: 'L2', title: '马克杯', quantity: 2, paidFen: 6_819 }],
    next: 'payBack',
    ...overrides,
  };
}
