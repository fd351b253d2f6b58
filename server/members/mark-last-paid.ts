import type { EpochMs } from '~/types/units';
import type { RequestContext } from '../runtime/wx';

/** Moves the member's last-paid date (which comeback coupons read) forward to `paidAt`; never back, so a late repeat of an older payment leaves a newer date alone. */
export async function markLastPaid(ctx: RequestContext, input: { memberId: string; paidAt: EpochMs }): Promise<void> {
  const _ = ctx.db.command;
  await ctx.db
    .collection('members')
    .updateWhere(_.and([{ _id: input.memberId }, _.or([{ lastPaidAt: _.lt(input.paidAt) }, { lastPaidAt: null }])]), {
      lastPaidAt: input.paidAt,
      updatedAt: ctx.now,
    });
}
