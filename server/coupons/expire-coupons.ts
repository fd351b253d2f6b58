import type { RequestContext } from '../runtime/wx';
import { couponCollections } from './coupon-collections';

/**
 * Stores `expired` on issued coupons whose window ended before `now` (issued → expired), for
 * a timer job; answers how many changed. Reads never depend on it (a coupon past its window
 * already reads as expired), so a late or missed run changes nothing a member sees. Guarded
 * on `issued`, so a coupon locked meanwhile by an order is left to that order.
 */
export async function expireCoupons(ctx: RequestContext): Promise<number> {
  const _ = ctx.db.command;
  return couponCollections(ctx).instances.updateWhere(
    { status: 'issued', validTo: _.lt(ctx.now) },
    { status: 'expired', updatedAt: ctx.now },
  );
}
