import { CodedError } from '~/core/coded-error';
import type { PickupView } from '~/types/functions/staff';
import type { StaffDoc } from '~/types/staff';
import type { RequestContext } from '../runtime/wx';
import { findPickup } from './find-pickup';
import { handOver } from './hand-over';
import { loadTillSession } from './load-till-session';

/** Hands over a reward awaiting pickup from the member card, without typing its code. */
export async function handOverRedemption(
  ctx: RequestContext,
  staff: StaffDoc,
  input: { sessionId: string; redemptionId: string },
): Promise<PickupView> {
  const session = await loadTillSession(ctx, staff, input.sessionId);
  const redemption = await ctx.db.collection('redemptions').get(input.redemptionId);
  if (!redemption || redemption.memberId !== session.memberId || !redemption.pickupCode) {
    throw new CodedError('NOT_FOUND', '该会员没有这件待提货礼品');
  }
  return handOver(ctx, staff, await findPickup(ctx, staff, redemption.pickupCode));
}
