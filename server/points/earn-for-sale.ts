import { DAY_MS } from '~/core/calendar/durations';
import type { StoreSaleDoc } from '~/types/staff';
import { loadProgramme } from '../programme/load-programme';
import type { RequestContext } from '../runtime/wx';
import { earnPurchasePoints } from './earn-purchase-points';
import type { PostResult } from './post-entry';
import { releasePendingLot } from './release-pending-lot';
import { pendingLotId } from '~/core/points/lots';

export const saleEarnKey = (saleId: string) => `earn:sale:${saleId}`;

/**
 * Purchase points for an in-store sale, by the online rules on what was paid at the till,
 * pending for the store's returns days (the programme's when the store sets none); a store with
 * no returns window makes them available at once. Idempotent per sale.
 */
export async function earnForSale(
  ctx: RequestContext,
  input: { sale: Pick<StoreSaleDoc, 'key' | 'memberId' | 'paidFen' | 'storeName'>; pendingDays: number | null | undefined },
): Promise<PostResult | null> {
  const { programme } = await loadProgramme(ctx);
  const days = input.pendingDays ?? programme.points.pendingDays;
  const key = saleEarnKey(input.sale.key);
  const earned = await earnPurchasePoints(ctx, {
    memberId: input.sale.memberId,
    key,
    ref: { type: 'sale', id: input.sale.key },
    reason: `门店消费：${input.sale.storeName}`,
    lines: [{ lineId: 'receipt', paidFen: input.sale.paidFen }],
    pendingUntil: ctx.now + days * DAY_MS,
  });
  if (earned && days === 0) await releasePendingLot(ctx, { _id: pendingLotId(key), memberId: input.sale.memberId, entryId: key });
  return earned;
}
