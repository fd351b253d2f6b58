import { CodedError, hasCode } from '~/core/coded-error';
import { toApprovalView } from '~/core/members/member-desk-views';
import type { ApprovalDoc } from '~/types/approvals';
import type { AdminMembersResponses } from '~/types/functions/admin-members';
import type { LedgerEntryDoc } from '~/types/points';
import type { TokenClaims } from '~/server/admin/credentials';
import { adjustPoints } from '../points/adjust-points';
import type { RequestContext } from '../runtime/wx';
import { updateWithAudit } from '../audit/change-with-audit';
import { approvalAudit } from './approval-audit';
import { loadDecidable } from './load-decidable';

const DECIDED_TEXT = { rejected: '已被驳回', failed: '已审批但未能执行' } as const;

/**
 * Posts an approved adjustment through the ledger, under the approval's own id, its audit entry
 * in the posting's transaction: however many approvers or retries get here, both are written once. A change the ledger refuses (too few
 * points left to take away) marks the approval failed.
 */
async function post(ctx: RequestContext, approval: ApprovalDoc): Promise<{ approval: ApprovalDoc; entry: LedgerEntryDoc }> {
  const approvals = ctx.db.collection('approvals');
  const requestKey = approval._id.slice(`adjust:${approval.memberId}:`.length);
  const approver = { id: approval.decidedBy ?? '', role: approval.decidedByRole ?? 'owner' };
  let entry: LedgerEntryDoc;
  try {
    ({ entry } = await adjustPoints(
      ctx,
      { memberId: approval.memberId, key: requestKey, points: approval.points, reason: approval.reason, adminId: approver.id },
      (posted) =>
        approvalAudit({
          action: 'approveAdjustment',
          approval,
          actor: approver,
          before: { status: 'pending', available: posted.balanceAfter.available - posted.available },
          after: { status: 'approved', available: posted.balanceAfter.available, entryId: posted._id },
        }),
    ));
  } catch (error) {
    if (!hasCode(error, 'INSUFFICIENT_POINTS', 'NEGATIVE_BALANCE', 'NOT_A_MEMBER')) throw error;
    const note = (error as Error).message;
    await updateWithAudit(ctx, {
      collection: 'approvals',
      id: approval._id,
      expected: (now) => now.status === 'approved' && now.entryId === null,
      change: { status: 'failed' as const, note, updatedAt: ctx.now },
      audit: () =>
        approvalAudit({
          action: 'approveAdjustment',
          approval,
          actor: approver,
          before: { status: 'pending' },
          after: { status: 'failed', note },
        }),
    });
    throw error;
  }
  if (approval.entryId === null) await approvals.updateWhere({ _id: approval._id }, { entryId: entry._id, updatedAt: ctx.now });
  return { approval: { ...approval, entryId: entry._id }, entry };
}

/**
 * A second admin approves a points adjustment: a guarded pending → approved (the first of two
 * approvers at once wins, the other finds it approved), then the posting. Approving an approved
 * adjustment again posts nothing twice; a rejected one is INVALID_STATE. The admin who asked can
 * never approve it.
 */
export async function approveAdjustment(
  ctx: RequestContext,
  { approvalId }: { approvalId: string },
  admin: TokenClaims,
): Promise<AdminMembersResponses['approveAdjustment']> {
  let approval = await loadDecidable(ctx, approvalId, admin);
  if (approval.status === 'pending') {
    const decided = {
      status: 'approved' as const,
      decidedBy: admin.sub,
      decidedByRole: admin.role,
      decidedAt: ctx.now,
      updatedAt: ctx.now,
    };
    const won = await ctx.db.collection('approvals').updateWhere({ _id: approvalId, status: 'pending' }, decided);
    approval = won === 1 ? { ...approval, ...decided } : ((await ctx.db.collection('approvals').get(approvalId)) ?? approval);
  }
  if (approval.status === 'rejected' || approval.status === 'failed')
    throw new CodedError('INVALID_STATE', `这条积分调整${DECIDED_TEXT[approval.status]}`, { status: approval.status });
  if (approval.status !== 'approved') throw new CodedError('CONFLICT', '审批状态刚有变动，请刷新后重试');
  const posted = await post(ctx, approval);
  return { ...toApprovalView(posted.approval, admin), available: posted.entry.balanceAfter.available };
}
