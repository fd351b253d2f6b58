import { memberAbilities } from '~/core/orders/order-machine';
import { refundKindOf } from '~/core/orders/refund-plan';
import type { OrdersResponses, OrderView, RefundView } from '~/types/functions/orders';
import type { OrderDoc, RefundDoc, StoreDoc } from '~/types/orders';
import type { EpochMs } from '~/types/units';
import { breakdownOf } from './checkout';
import { OPEN_REFUND } from './request-refund';

/** A refund as its member sees it. */
export function toRefundView(refund: RefundDoc): RefundView {
  return {
    id: refund._id,
    kind: refundKindOf(refund),
    refundNo: refund.refundNo,
    lineIds: refund.lineIds,
    reason: refund.reason,
    status: refund.status,
    amountFen: refund.amountFen,
    pointsReturned: refund.pointsReturned,
    pointsClawedBack: refund.pointsClawedBack,
    couponPolicy: refund.couponPolicy,
    reviewNote: refund.reviewNote,
    requestedAt: refund.requestedAt,
    reviewedAt: refund.reviewedAt,
    refundedAt: refund.refundedAt,
    returnTo: refund.returnTo ?? null,
    returnShipment: refund.returnShipment ?? null,
    returnReceivedAt: refund.returnReceivedAt ?? null,
  };
}

/** An order as its member sees it, with what they may do with it now. */
export function toOrderView(order: OrderDoc, refunds: readonly RefundDoc[], now: EpochMs, refundDays: number): OrderView {
  const held = refunds.filter((refund) => (OPEN_REFUND as readonly string[]).includes(refund.status)).flatMap((refund) => refund.lineIds);
  return {
    id: order._id,
    orderNo: order.orderNo,
    status: order.status,
    lines: order.lines.map((line) => ({
      lineId: line.lineId,
      skuId: line.skuId,
      productId: line.productId,
      title: line.title,
      specText: line.specText,
      imageUrl: line.imageUrl,
      unitPriceFen: line.unitPriceFen,
      memberUnitPriceFen: line.memberFen / line.quantity,
      quantity: line.quantity,
      listFen: line.listFen,
      memberFen: line.memberFen,
      couponFen: line.couponFen,
      pointsFen: line.pointsFen,
      paidFen: line.paidFen,
      refundId: line.refundId,
    })),
    breakdown: breakdownOf(order),
    couponIds: order.couponIds,
    delivery: order.delivery,
    note: order.note,
    payDeadline: order.payDeadline,
    paidAt: order.paidAt,
    shippedAt: order.shippedAt,
    completedAt: order.completedAt,
    cancelledAt: order.cancelledAt,
    cancelReason: order.cancelReason,
    refundedFen: order.refundedFen,
    timeline: order.timeline,
    refunds: refunds.map(toRefundView),
    can: memberAbilities(order, held, now, refundDays),
    createdAt: order.createdAt,
  };
}

/** A pickup store as the checkout page lists it. */
export function toStoreView(store: StoreDoc): OrdersResponses['stores']['items'][number] {
  return {
    id: store._id,
    name: store.name,
    address: store.address,
    phone: store.phone,
    openHours: store.openHours,
    location: store.location ?? null,
  };
}
