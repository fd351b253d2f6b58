import type { Fen } from '~/types/units';
import type { RequestContext } from '../runtime/wx';
import { earnPurchasePoints } from './earn-purchase-points';
import type { PostResult } from './post-entry';

/**
 * Purchase points for a paid order, pending until the return window closes (startReturnWindow);
 * idempotent per order. Answers null for an order too small to earn a point.
 */
export async function earnForOrder(
  ctx: RequestContext,
  input: { memberId: string; orderId: string; lines: { lineId: string; paidFen: Fen }[] },
): Promise<PostResult | null> {
  return earnPurchasePoints(ctx, {
    memberId: input.memberId,
    key: `earn:order:${input.orderId}`,
    ref: { type: 'order', id: input.orderId },
    reason: '购物得积分',
    lines: input.lines,
    pendingUntil: null,
  });
}
