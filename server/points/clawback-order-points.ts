import { pointsEarnedBy } from '~/core/orders/refund-plan';
import { planClawback } from '~/core/points/ledger-plans';
import { pendingLotId } from '~/core/points/lots';
import type { RequestContext } from '../runtime/wx';
import type { PostResult } from './post-entry';
import { postEntry } from './post-entry';

/** Claws back the points that refunded order lines earned, once per refund. */
export async function clawbackOrderPoints(
  ctx: RequestContext,
  input: { memberId: string; orderId: string; refundId: string; lineIds: string[] },
): Promise<PostResult | null> {
  const earnKey = `earn:order:${input.orderId}`;
  const earn = await ctx.db.collection('ledger_entries').get(earnKey);
  if (!earn) return null;
  const points = pointsEarnedBy(earn.snapshot, input.lineIds);
  if (points === 0) return null;
  return postEntry(ctx, {
    key: `clawback:order:${input.orderId}:${input.refundId}`,
    memberId: input.memberId,
    lotIds: [pendingLotId(earnKey)],
    allBuckets: true,
    plan: (state) =>
      planClawback(state, { kind: 'clawback', reason: '订单退款扣回积分', ref: { type: 'order', id: input.orderId } }, earnKey, points),
  });
}
