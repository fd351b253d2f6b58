import { approvalThreshold, needsApproval } from '~/core/points/approval';
import { toAdjustment } from '~/core/points/results';
import type { AdjustmentResult } from '~/types/functions/admin-members';
import type { Points } from '~/types/units';
import type { TokenClaims } from '~/server/admin/credentials';
import { adjustPoints } from '../points/adjust-points';
import { loadProgramme } from '../programme/load-programme';
import type { RequestContext } from '../runtime/wx';
import { adminActor } from '../staff/admin-actor';
import { requestAdjustment } from './request-adjustment';
import { pointsMoved } from './approval-audit';

/**
 * An admin adjusts a member's points with a reason. Up to the programme's approval threshold the
 * adjustment is posted at once, its audit entry (before and after balances) in the entry's own
 * transaction; above it, it becomes a pending approval for a second
 * admin. Idempotent on the admin page's request key either way.
 */
export async function adjustMemberPoints(
  ctx: RequestContext,
  input: { memberId: string; points: Points; reason: string; requestKey: string },
  admin: TokenClaims,
): Promise<AdjustmentResult> {
  const { programme } = await loadProgramme(ctx);
  if (needsApproval(input.points, approvalThreshold(programme))) return requestAdjustment(ctx, input, admin);
  const posted = await adjustPoints(
    ctx,
    { memberId: input.memberId, key: input.requestKey, points: input.points, reason: input.reason, adminId: admin.sub },
    (entry) => ({
      _id: `audit:adjustPoints:${entry._id}`,
      actor: adminActor(admin),
      action: 'adjustPoints',
      target: { type: 'member', id: entry.memberId },
      memberId: entry.memberId,
      amounts: pointsMoved(entry),
      before: { available: entry.balanceAfter.available - entry.available },
      after: { available: entry.balanceAfter.available, reason: input.reason },
    }),
  );
  return toAdjustment(posted);
}
