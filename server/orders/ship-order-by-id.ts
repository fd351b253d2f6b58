import type { Carrier, OrderDoc } from '~/types/orders';
import type { TokenClaims } from '~/server/admin/credentials';
import type { RequestContext } from '../runtime/wx';
import { adminActor } from '../staff/admin-actor';
import { shipOrder } from './fulfil-order';
import { loadOrder } from './load-order';

/** An admin ships an order by id with its carrier and tracking number; the move and its audit entry are one transaction, so a repeat adds neither. */
export async function shipOrderById(
  ctx: RequestContext,
  input: { orderId: string; carrier: Carrier; trackingNo: string },
  admin: TokenClaims,
): Promise<OrderDoc> {
  return shipOrder(ctx, await loadOrder(ctx, input.orderId), input, (before, order) => {
    const delivery = order.delivery.mode === 'delivery' ? order.delivery : null;
    return {
      _id: `audit:ship:${order._id}`,
      actor: adminActor(admin),
      action: 'shipOrder',
      target: { type: 'order', id: order._id },
      memberId: order.memberId,
      before: { status: before.status },
      after: { status: order.status, carrier: delivery?.carrier ?? null, trackingNo: delivery?.trackingNo ?? null },
    };
  });
}
