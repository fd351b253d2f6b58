import { toRedemptionView } from '~/core/rewards/redemption-view';
import type { MemberDoc } from '~/types/documents';
import type { RedemptionView } from '~/types/functions/rewards';
import { keysetPage } from '../db/keyset-page';
import type { RequestContext } from '../runtime/wx';

/** The member's redemptions, newest first, a page at a time. */
export async function listMyRedemptions(
  ctx: RequestContext,
  member: MemberDoc,
  input: { pageSize: number; cursor?: string },
): Promise<{ items: RedemptionView[]; nextCursor: string | null }> {
  const _ = ctx.db.command;
  const redemptions = ctx.db.collection('redemptions');
  const { items, nextCursor } = await keysetPage(
    redemptions,
    _,
    { memberId: member._id, status: _.nin(['failed', 'failing']) },
    { field: 'createdAt', direction: 'desc' },
    input,
  );
  return { items: items.map(toRedemptionView), nextCursor };
}
