import { CodedError } from '~/core/coded-error';
import { toApprovalView } from '~/core/members/member-desk-views';
import { availableAt } from '~/core/points/expiry';
import type { ApprovalDoc } from '~/types/approvals';
import type { AdjustmentResult } from '~/types/functions/admin-members';
import type { Points } from '~/types/units';
import type { TokenClaims } from '~/server/admin/credentials';
import type { RequestContext } from '../runtime/wx';
import { changeWithAudit } from '../audit/change-with-audit';
import { approvalAudit } from './approval-audit';

/** The approval, and the ledger entry it posts, of an adjustment asked for under `requestKey`. */
const adjustmentKey = (memberId: string, requestKey: string) => `adjust:${memberId}:${requestKey}`;

/**
 * Asks for a points adjustment a second admin must approve: a pending approval under the key the
 * adjustment would be posted with, written with its audit entry in one transaction. Asking again with the same request key answers the same
 * approval; the same key for a different adjustment is a CONFLICT.
 */
export async function requestAdjustment(
  ctx: RequestContext,
  input: { memberId: string; points: Points; reason: string; requestKey: string },
  admin: TokenClaims,
): Promise<Extract<AdjustmentResult, { status: 'pending' }>> {
  const approvals = ctx.db.collection('approvals');
  const id = adjustmentKey(input.memberId, input.requestKey);
  const same = (found: ApprovalDoc) => found.points === input.points && found.requestedBy === admin.sub;
  const earlier = await approvals.get(id);
  if (earlier) {
    if (!same(earlier)) throw new CodedError('CONFLICT', `request key ${input.requestKey} was already used for another adjustment`);
    return { status: 'pending', approval: toApprovalView(earlier, admin), created: false };
  }
  const member = await ctx.db.collection('members').get(input.memberId);
  if (!member || member.status !== 'active') throw new CodedError('NOT_FOUND', '会员不存在');
  const usable = availableAt(member.points, ctx.now);
  if (input.points < 0 && usable + input.points < 0)
    throw new CodedError('INSUFFICIENT_POINTS', `可用积分不足：要扣减 ${-input.points}，可用 ${usable}`, { usable });
  const approval: ApprovalDoc = {
    _id: id,
    kind: 'pointsAdjustment',
    memberId: member._id,
    memberNo: member.memberNo,
    nickname: member.nickname,
    points: input.points,
    reason: input.reason,
    status: 'pending',
    requestedBy: admin.sub,
    requestedByRole: admin.role,
    requestedAt: ctx.now,
    decidedBy: null,
    decidedByRole: null,
    decidedAt: null,
    note: null,
    entryId: null,
    updatedAt: ctx.now,
  };
  const { stored, created } = await changeWithAudit(ctx, async (tx) => {
    const ref = tx.collection('approvals').doc(id);
    const found = (await ref.get()).data;
    if (found) return { value: { stored: found, created: false }, audit: null };
    const { _id, ...fields } = approval;
    await ref.set({ data: fields });
    const audit = approvalAudit({
      action: 'requestAdjustment',
      approval,
      actor: { id: admin.sub, role: admin.role },
      before: { status: null, available: usable },
      after: { status: 'pending', points: approval.points, reason: approval.reason },
    });
    return { value: { stored: approval, created: true }, audit };
  });
  if (!same(stored)) throw new CodedError('CONFLICT', `request key ${input.requestKey} was already used for another adjustment`);
  return { status: 'pending', approval: toApprovalView(stored, admin), created };
}
