import { cancellable } from '~/core/rewards/redeemable';
import { CodedError } from '~/core/coded-error';
import type { AdminRedemptionRow } from '~/types/functions/admin-rewards';
import type { TokenClaims } from '~/server/admin/credentials';
import { writeAudit } from '../audit/write-audit';
import type { RequestContext } from '../runtime/wx';
import { adminActor } from '../staff/admin-actor';
import { adminRedemptionRow } from './admin-redemption-view';
import { cancelRedemption } from './cancel-redemption';

/**
 * An admin cancels a reward not yet collected, for its member (the member cannot come, the
 * reward ran out in store): the member's own cancel runs, so points, stock and quota go back
 * once, and a retry or a cancel that stopped halfway finishes it. The audit entry is keyed by the
 * redemption and written only by the call that found it still to be cancelled.
 */
export async function adminCancelRedemption(
  ctx: RequestContext,
  input: { redemptionId: string; reason: string },
  admin: TokenClaims,
): Promise<AdminRedemptionRow> {
  const redemption = await ctx.db.collection('redemptions').get(input.redemptionId);
  if (!redemption) throw new CodedError('NOT_FOUND', '兑换记录不存在');
  if (redemption.status === 'cancelled') return adminRedemptionRow(ctx, admin.role, redemption);
  if (!cancellable(redemption)) throw new CodedError('INVALID_STATE', '该兑换已领取、已发券或不可取消');
  const cancelled = await cancelRedemption(ctx, redemption.memberId, redemption._id);
  await writeAudit(ctx, {
    _id: `audit:cancelRedemption:${redemption._id}`,
    actor: adminActor(admin),
    action: 'cancelRedemption',
    target: { type: 'redemption', id: redemption._id },
    memberId: redemption.memberId,
    before: { status: redemption.status },
    after: { status: cancelled.status, pointsReturned: redemption.pointsCost, reason: input.reason },
  });
  return adminRedemptionRow(ctx, admin.role, cancelled);
}
