import { hasCode } from '~/core/coded-error';
import type { ShipOutcome } from '~/types/functions/admin-orders';
import type { Carrier } from '~/types/orders';
import type { TokenClaims } from '~/server/admin/credentials';
import type { RequestContext } from '../runtime/wx';
import { shipOrderById } from './ship-order-by-id';

/**
 * An admin ships several paid delivery orders with one carrier, a tracking number each. Each
 * order is its own guarded move with its own audit entry, one after another: an order refused
 * (not paid, a refund awaiting review, …) is answered with its error and stops none of the others.
 */
export async function shipOrders(
  ctx: RequestContext,
  { carrier, items }: { carrier: Carrier; items: { orderId: string; trackingNo: string }[] },
  admin: TokenClaims,
): Promise<{ results: ShipOutcome[] }> {
  const results: ShipOutcome[] = [];
  for (const { orderId, trackingNo } of items) {
    try {
      results.push({ orderId, ok: true, order: await shipOrderById(ctx, { orderId, carrier, trackingNo }, admin) });
    } catch (error) {
      if (!hasCode(error)) {
        console.error(`shipOrders: ${orderId} failed`, error);
        results.push({ orderId, ok: false, error: { code: 'INTERNAL', message: '发货失败，请稍后重试' } });
        continue;
      }
      results.push({ orderId, ok: false, error: error.toApi() });
    }
  }
  return { results };
}
