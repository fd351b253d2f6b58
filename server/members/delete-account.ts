import { anonymised } from '~/core/members/profile';
import type { RequestContext } from '../runtime/wx';
import { loadMember } from './get-profile';

/**
 * Deletes the account: the profile is anonymised and the OPENID released (so the person may
 * join again as a new member) and the saved addresses deleted, while ledger entries, orders and redemptions stay for accounting.
 */
export async function deleteAccount(ctx: RequestContext, openid: string): Promise<{ deleted: true }> {
  const member = await loadMember(ctx, openid);
  // The timer jobs' dates go too, so the sweeps no longer read the account.
  const unscheduled = { birthdayMonthDay: null, tierReviewAt: null, tierNotice: null, comebackDueAt: null };
  await ctx.db.collection('members').updateWhere({ _id: member._id, status: 'active' }, { ...anonymised(member, ctx.now), ...unscheduled });
  // What the member kept for later is theirs alone, not the books': it goes with the account.
  await ctx.db.collection('favourites').removeWhere({ memberId: member._id });
  // Saved addresses are personal data with no accounting use: they go with the account.
  await ctx.db.collection('member_addresses').removeWhere({ memberId: member._id });
  return { deleted: true };
}
