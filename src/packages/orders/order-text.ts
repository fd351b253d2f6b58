import { STATUS_TEXT } from '~/core/orders/order-machine';
import type { OrderView, RefundView } from '~/types/functions/orders';
import type { OrderEvent } from '~/types/orders';
import { formatDate } from '~/src/utils/date';
import { formatYuan } from '~/core/money/format';
import type { OrderTab } from '~/src/services/orders';

/** The order list's tabs, in the order shoppers expect. */
export const ORDER_TABS: { tab: OrderTab; title: string; empty: string }[] = [
  { tab: 'all', title: '全部', empty: '还没有订单' },
  { tab: 'pendingPayment', title: '待付款', empty: '没有待付款的订单' },
  { tab: 'paid', title: '待发货', empty: '没有待发货的订单' },
  { tab: 'shipped', title: '待收货', empty: '没有待收货的订单' },
  { tab: 'completed', title: '已完成', empty: '没有已完成的订单' },
  { tab: 'refund', title: '退款/售后', empty: '没有退款或售后记录' },
];

/** Whether a string names one of the order tabs. */
export function isOrderTab(value: string | undefined): value is OrderTab {
  return ORDER_TABS.some((item) => item.tab === value);
}

/** The status as a short label; a paid pickup order waits for pickup, not for shipping. */
export function statusText(order: Pick<OrderView, 'status' | 'delivery'>): string {
  if (order.status === 'paid' && order.delivery.mode === 'pickup') return '待自提';
  return STATUS_TEXT[order.status];
}

/** One sentence under the status at the top of the order. */
export function statusHint(order: OrderView): string {
  switch (order.status) {
    case 'pendingPayment':
      return order.can.pay
        ? `请在 ${formatDate(order.payDeadline, 'HH:mm')} 前完成支付，超时订单将自动取消`
        : '已超过支付时间，订单即将自动取消';
    case 'paid':
      return order.delivery.mode === 'pickup' ? `请到「${order.delivery.storeName}」出示取货码提货` : '商家正在备货，发货后会通知你';
    case 'shipped':
      return order.delivery.mode === 'delivery' && order.delivery.trackingNo
        ? `包裹已发出，${order.delivery.carrier ? `${order.delivery.carrier} ` : ''}运单号 ${order.delivery.trackingNo}`
        : '包裹已发出，请留意查收';
    case 'completed':
      return order.breakdown.pointsToEarn > 0 ? `本单获得 ${order.breakdown.pointsToEarn} 积分，售后期结束后到账` : '感谢你的购买';
    case 'cancelled':
      return order.cancelReason ? `取消原因：${order.cancelReason}` : '订单已取消，优惠券和积分已退回';
    case 'refunded':
      return `已退款 ${formatYuan(order.refundedFen)}，原路退回`;
    case 'failed':
      return '下单未成功，库存、优惠券与积分已退回';
    default:
      return '订单正在提交…';
  }
}

const EVENT_TITLE: Record<OrderEvent['status'], string> = {
  placing: '提交订单',
  failed: '下单失败',
  pendingPayment: '订单已提交',
  cancelled: '订单已取消',
  paid: '支付成功',
  shipped: '商家已发货',
  completed: '订单完成',
  refunded: '订单已退款',
  refundRequested: '申请退款',
  refundRejected: '退款未通过',
  refundApproved: '退款审核通过',
  lineRefunded: '退款成功',
  returnApproved: '退货申请通过',
  returnShipped: '已寄回商品',
  returnReceived: '商家已收到退货',
};

/** A timeline event's title. */
export function eventTitle(event: OrderEvent): string {
  return EVENT_TITLE[event.status];
}

export const REFUND_STATUS_TEXT: Record<RefundView['status'], string> = {
  requested: '等待审核',
  awaitingReturn: '待退货',
  rejected: '未通过',
  refunding: '退款中',
  refunded: '已退款',
};

/** Refunds still holding their lines (asked for, awaiting the returned goods, or under way). */
export function openRefundLineIds(order: Pick<OrderView, 'refunds'>): string[] {
  return order.refunds
    .filter((refund) => refund.status === 'requested' || refund.status === 'awaitingReturn' || refund.status === 'refunding')
    .flatMap((refund) => refund.lineIds);
}

/** Lines a member may still ask a refund for: not refunded and not in an open request. */
export function refundableLines(order: Pick<OrderView, 'lines' | 'refunds'>): OrderView['lines'] {
  const held = openRefundLineIds(order);
  return order.lines.filter((line) => line.refundId === null && !held.includes(line.lineId));
}

/** How many units an order holds. */
export function unitCount(order: Pick<OrderView, 'lines'>): number {
  return order.lines.reduce((sum, line) => sum + line.quantity, 0);
}

/** The pickup code in groups the till reads aloud: 482 913. */
export function spacedPickupCode(code: string): string {
  return code.replace(/(\d{3})(?=\d)/g, '$1 ');
}
