import type { Carrier, OrderDoc } from '~/types/orders';
import type { TokenClaims } from '~/server/admin/credentials';
import { writeAudit } from '../audit/write-audit';
import type { RequestContext } from '../runtime/wx';
import { adminActor } from '../staff/admin-actor';
import { shipOrder } from './fulfil-order';
import { loadOrder } from './load-order';

/**
 * An admin ships an order by id with its carrier and tracking number. An order ships once, so
 * its audit entry is keyed by the order: a repeat finds it written and adds nothing.
 */
export async function shipOrderById(
  ctx: RequestContext,
  input: { orderId: string; carrier: Carrier; trackingNo: string },
  admin: TokenClaims,
): Promise<OrderDoc> {
  const order = await shipOrder(ctx, await loadOrder(ctx, input.orderId), input);
  const delivery = order.delivery.mode === 'delivery' ? order.delivery : null;
  await writeAudit(ctx, {
    _id: `audit:ship:${order._id}`,
    actor: adminActor(admin),
    action: 'shipOrder',
    target: { type: 'order', id: order._id },
    memberId: order.memberId,
    before: { status: 'paid' },
    after: { status: order.status, carrier: delivery?.carrier ?? null, trackingNo: delivery?.trackingNo ?? null },
  });
  return order;
}
