import { CodedError } from '~/core/coded-error';
import { toApprovalView } from '~/core/members/member-desk-views';
import type { ApprovalView } from '~/types/functions/admin-members';
import type { TokenClaims } from '~/server/admin/credentials';
import type { RequestContext } from '../runtime/wx';
import { updateWithAudit } from '../audit/change-with-audit';
import { approvalAudit } from './approval-audit';
import { loadDecidable } from './load-decidable';

/**
 * A second admin turns a points adjustment down, with a note: a guarded pending → rejected (with
 * its audit entry, in one transaction), so nothing is ever posted for it. Rejecting it again answers it as it is; an approved one is
 * INVALID_STATE.
 */
export async function rejectAdjustment(
  ctx: RequestContext,
  { approvalId, note }: { approvalId: string; note: string },
  admin: TokenClaims,
): Promise<ApprovalView> {
  const approvals = ctx.db.collection('approvals');
  const approval = await loadDecidable(ctx, approvalId, admin);
  if (approval.status === 'pending') {
    const decided = {
      status: 'rejected' as const,
      decidedBy: admin.sub,
      decidedByRole: admin.role,
      decidedAt: ctx.now,
      note,
      updatedAt: ctx.now,
    };
    const rejected = await updateWithAudit(ctx, {
      collection: 'approvals',
      id: approvalId,
      expected: (now) => now.status === 'pending',
      change: decided,
      audit: (before) =>
        approvalAudit({
          action: 'rejectAdjustment',
          approval: before,
          actor: { id: admin.sub, role: admin.role },
          before: { status: 'pending' },
          after: { status: 'rejected', note },
        }),
    });
    if (rejected) return toApprovalView(rejected, admin);
  }
  const current = (await approvals.get(approvalId)) ?? approval;
  if (current.status === 'rejected') return toApprovalView(current, admin);
  throw new CodedError('INVALID_STATE', '这条积分调整已审批，不能再驳回', { status: current.status });
}
