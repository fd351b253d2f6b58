import { toApprovalView } from '~/core/members/member-desk-views';
import type { ApprovalStatus } from '~/types/approvals';
import type { AdminMembersResponses } from '~/types/functions/admin-members';
import type { TokenClaims } from '~/server/admin/credentials';
import { keysetPage } from '../db/keyset-page';
import type { RequestContext } from '../runtime/wx';

/** Points adjustments by status (waiting ones by default), newest first, a page at a time. */
export async function listApprovals(
  ctx: RequestContext,
  input: { status: ApprovalStatus; pageSize: number; cursor?: string },
  admin: TokenClaims,
): Promise<AdminMembersResponses['listApprovals']> {
  const { items, nextCursor } = await keysetPage(
    ctx.db.collection('approvals'),
    ctx.db.command,
    { status: input.status },
    { field: 'requestedAt', direction: 'desc' },
    input,
  );
  return { items: items.map((approval) => toApprovalView(approval, admin)), nextCursor };
}
