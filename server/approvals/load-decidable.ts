import { CodedError } from '~/core/coded-error';
import type { ApprovalDoc } from '~/types/approvals';
import type { TokenClaims } from '~/server/admin/credentials';
import type { RequestContext } from '../runtime/wx';

/** Loads an approval the admin may decide: not their own request. */
export async function loadDecidable(ctx: RequestContext, approvalId: string, admin: TokenClaims): Promise<ApprovalDoc> {
  const approval = await ctx.db.collection('approvals').get(approvalId);
  if (!approval) throw new CodedError('NOT_FOUND', '没有这条审批');
  if (approval.requestedBy === admin.sub) throw new CodedError('FORBIDDEN', '不能审批自己提交的积分调整，请由另一位管理员审批');
  return approval;
}
