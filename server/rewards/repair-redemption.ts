import { MINUTE_MS } from '~/core/calendar/durations';
import type { RedemptionDoc } from '~/types/rewards';
import type { RequestContext } from '../runtime/wx';
import { cancelRedemption } from './cancel-redemption';
import { redemption as steps } from './redemption-steps';
import { hasCode } from '~/core/coded-error';

/**
 * How long after its last write an unfinished redemption is taken for abandoned: well past its
 * request's lease and a retry's wait (18 s at most) and the rewards function's 20 s time-out, so
 * no live request still works on it.
 */
export const REDEMPTION_ABANDONED_MS = MINUTE_MS;

/**
 * Finishes a redemption whose request died part-way (still `processing`, `failing` or
 * `cancelling`), as the member's retry would: a processing one is taken over once its lease has
 * run out and its steps resumed from the last recorded one, forward if they can be taken, else
 * failed with everything taken given back; a failure or a cancel finishes its give-back. Every
 * step is recorded or keyed by the redemption, so nothing is taken or given back twice.
 */
export async function repairRedemption(ctx: RequestContext, redemption: RedemptionDoc): Promise<'changed' | 'skipped'> {
  if (redemption.status === 'cancelling') {
    await cancelRedemption(ctx, redemption.memberId, redemption._id);
    return 'changed';
  }
  try {
    const settled = await steps.settle(ctx, redemption);
    return settled.status === 'processing' ? 'skipped' : 'changed';
  } catch (error) {
    // A redemption that cannot finish ends failed with what it took given back: that is its repair, and it answers its refusal.
    if (hasCode(error) && (await ctx.db.collection('redemptions').get(redemption._id))?.status === 'failed') return 'changed';
    throw error;
  }
}
