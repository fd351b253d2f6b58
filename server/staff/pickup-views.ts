import type { PickupView } from '~/types/functions/staff';
import type { OrderDoc } from '~/types/orders';
import type { RedemptionDoc } from '~/types/rewards';

/** A pickup order as the till shows it. */
export function toOrderPickup(order: OrderDoc, code: string, memberNickname: string): PickupView {
  const handedOver = order.status === 'completed';
  return {
    kind: 'order',
    code,
    refId: order.orderNo,
    title: order.lines.length === 1 ? (order.lines[0]?.title ?? '') : `${order.lines[0]?.title ?? ''} 等${order.lines.length}件商品`,
    items: order.lines.map((line) => ({ name: line.specText ? `${line.title}（${line.specText}）` : line.title, quantity: line.quantity })),
    memberNickname,
    cashFen: 0,
    storeName: order.delivery.mode === 'pickup' ? order.delivery.storeName : null,
    status: handedOver ? 'handedOver' : 'ready',
    handedOverAt: handedOver ? order.completedAt : null,
  };
}

/** A points-mall reward awaiting pickup (or handed over) as the till shows it. */
export function toRewardPickup(redemption: RedemptionDoc, code: string, memberNickname: string): PickupView {
  const handedOver = redemption.status === 'fulfilled';
  return {
    kind: 'reward',
    code,
    refId: redemption._id,
    title: redemption.title,
    items: [{ name: redemption.title, quantity: 1 }],
    memberNickname,
    cashFen: redemption.cashFen,
    storeName: redemption.fulfilledStoreName ?? null,
    status: handedOver ? 'handedOver' : 'ready',
    handedOverAt: handedOver ? redemption.fulfilledAt : null,
  };
}
