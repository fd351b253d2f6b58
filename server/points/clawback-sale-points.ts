import { planClawback } from '~/core/points/ledger-plans';
import { pendingLotId } from '~/core/points/lots';
import type { RequestContext } from '../runtime/wx';
import { saleEarnKey } from './earn-for-sale';
import type { PostResult } from './post-entry';
import { postEntry } from './post-entry';

/** Takes back everything an in-store sale earned when a manager reverses it, once. */
export async function clawbackSalePoints(ctx: RequestContext, input: { memberId: string; saleId: string }): Promise<PostResult | null> {
  const earnKey = saleEarnKey(input.saleId);
  const earn = await ctx.db.collection('ledger_entries').get(earnKey);
  if (!earn) return null;
  const points = earn.pending + earn.available;
  if (points <= 0) return null;
  return postEntry(ctx, {
    key: `clawback:sale:${input.saleId}`,
    memberId: input.memberId,
    lotIds: [pendingLotId(earnKey)],
    allBuckets: true,
    plan: (state) =>
      planClawback(state, { kind: 'clawback', reason: '门店消费撤销扣回积分', ref: { type: 'sale', id: input.saleId } }, earnKey, points),
  });
}
