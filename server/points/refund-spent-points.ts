import { planRefundSpend } from '~/core/points/ledger-plans';
import { spendSlice } from '~/core/points/spend-slice';
import type { LedgerRef } from '~/types/points';
import type { Points } from '~/types/units';
import { loadProgramme } from '../programme/load-programme';
import type { RequestContext } from '../runtime/wx';
import type { PostResult } from './post-entry';
import { postEntry } from './post-entry';

/**
 * Gives back what the spend `spendKey` took, to the same buckets — all of it, or only the
 * `slices` of it (see spendSlice), e.g. the points used on refunded order lines; idempotent on `key`.
 */
export async function refundSpentPoints(
  ctx: RequestContext,
  input: { memberId: string; key: string; spendKey: string; reason: string; ref: LedgerRef; slices?: { offset: number; points: Points }[] },
): Promise<PostResult | null> {
  const [spend, { programme }] = await Promise.all([ctx.db.collection('ledger_entries').get(input.spendKey), loadProgramme(ctx)]);
  if (!spend) return null;
  const lots = input.slices ? input.slices.flatMap((slice) => spendSlice(spend.lots, slice.offset, slice.points)) : spend.lots;
  if (lots.length === 0) return null;
  return postEntry(ctx, {
    key: input.key,
    memberId: input.memberId,
    lotIds: [...new Set(lots.map((lot) => lot.lotId))],
    plan: (state) =>
      planRefundSpend(
        state,
        { kind: 'refund', reason: input.reason, ref: input.ref },
        { kind: spend.kind, lots },
        programme.points.expiryMonths,
      ),
  });
}
