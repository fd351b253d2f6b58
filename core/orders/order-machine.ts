import { DAY_MS } from '../calendar/durations';
import type { OrderDoc, OrderStatus, RefundKind } from '~/types/orders';
import type { EpochMs } from '~/types/units';
import { CodedError } from '~/core/coded-error';

const NEXT: Record<OrderStatus, readonly OrderStatus[]> = {
  placing: ['pendingPayment', 'failed'],
  failed: [],
  pendingPayment: ['paid', 'cancelled'],
  cancelled: [],
  paid: ['shipped', 'completed', 'refunded'],
  shipped: ['completed', 'refunded'],
  completed: ['refunded'],
  refunded: [],
};

export const STATUS_TEXT: Record<OrderStatus, string> = {
  placing: '提交中',
  failed: '下单失败',
  pendingPayment: '待付款',
  cancelled: '已取消',
  paid: '待发货',
  shipped: '待收货',
  completed: '已完成',
  refunded: '已退款',
};

/** Whether an order may move from one status to another. */
export function canMove(from: OrderStatus, to: OrderStatus): boolean {
  return NEXT[from].includes(to);
}

/** Refuses an illegal transition with INVALID_STATE, saying in Chinese what the order is. */
export function assertMove(order: Pick<OrderDoc, 'status'>, to: OrderStatus, action: string): void {
  if (!canMove(order.status, to)) {
    throw new CodedError('INVALID_STATE', `订单${STATUS_TEXT[order.status]}，不能${action}`, { status: order.status, to });
  }
}

/** Until when, after completion, a member may ask for a refund. */
export function refundDeadline(order: Pick<OrderDoc, 'completedAt'>, refundDays: number): EpochMs | null {
  return order.completedAt === null ? null : order.completedAt + refundDays * DAY_MS;
}

/** Lines still refundable: not refunded and not in an open request. */
export function refundableLineIds(order: Pick<OrderDoc, 'lines'>, openRequestLineIds: readonly string[]): string[] {
  return order.lines.filter((line) => line.refundId === null && !openRequestLineIds.includes(line.lineId)).map((line) => line.lineId);
}

/** What the member may do with the order now. */
export function memberAbilities(
  order: Pick<OrderDoc, 'status' | 'payDeadline' | 'completedAt' | 'lines' | 'delivery'>,
  openRequestLineIds: readonly string[],
  now: EpochMs,
  refundDays: number,
): { pay: boolean; cancel: boolean; confirmReceipt: boolean; requestRefund: boolean } {
  const unpaid = order.status === 'pendingPayment' && now <= order.payDeadline;
  const deadline = refundDeadline(order, refundDays);
  const inWindow =
    order.status === 'paid' || order.status === 'shipped' || (order.status === 'completed' && deadline !== null && now <= deadline);
  return {
    pay: unpaid,
    cancel: order.status === 'pendingPayment',
    confirmReceipt: order.status === 'shipped',
    requestRefund: inWindow && refundableLineIds(order, openRequestLineIds).length > 0,
  };
}

/** The refund kinds a member may ask for: 退货退款 only once the goods are with them (shipped, or completed). */
export function refundKindsFor(order: Pick<OrderDoc, 'status'>): RefundKind[] {
  return order.status === 'shipped' || order.status === 'completed' ? ['refundOnly', 'returnAndRefund'] : ['refundOnly'];
}

export const REFUND_KIND_TEXT: Record<RefundKind, string> = { refundOnly: '仅退款', returnAndRefund: '退货退款' };
