import { cancellable, redeemBlocker } from '~/core/rewards/redeemable';
import type { MemberDoc } from '~/types/documents';
import type { RedemptionView, RewardView } from '~/types/functions/rewards';
import type { RedemptionDoc } from '~/types/rewards';
import { keysetPage } from '../db/keyset-page';
import type { RequestContext } from '../runtime/wx';
import { loadProgramme } from '../programme/load-programme';
import { availableAt } from '~/core/points/expiry';

/** A redemption as its member sees it. */
export function toRedemptionView(redemption: RedemptionDoc): RedemptionView {
  return {
    id: redemption._id,
    rewardId: redemption.rewardId,
    title: redemption.title,
    kind: redemption.kind,
    pointsCost: redemption.pointsCost,
    cashFen: redemption.cashFen,
    status: redemption.status,
    pickupCode: redemption.pickupCode,
    couponInstanceId: redemption.couponInstanceId,
    createdAt: redemption.createdAt,
    cancellable: cancellable(redemption),
  };
}

/** The points mall: active rewards in display order, each with why this member cannot redeem it, if so. */
export async function listRewards(ctx: RequestContext, member: MemberDoc, category?: string): Promise<RewardView[]> {
  const { tiers } = await loadProgramme(ctx);
  const rankOf = (tierId: string) => tiers.find((tier) => tier._id === tierId)?.rank ?? 0;
  const query: Record<string, unknown> = { status: 'active', ...(category ? { category } : {}) };
  const rewards = await ctx.db.collection('rewards').find(query, { orderBy: [['sort', 'asc']], limit: 100 });
  return rewards.map((reward) => {
    const blocker = redeemBlocker(reward, rankOf(member.tierId), rankOf, ctx.now);
    const short = !blocker && availableAt(member.points, ctx.now) < reward.pointsCost ? '积分不足' : null;
    return {
      id: reward._id,
      title: reward.title,
      description: reward.description,
      imageUrl: reward.imageUrl,
      category: reward.category,
      kind: reward.kind,
      pointsCost: reward.pointsCost,
      cashFen: reward.cashFen,
      stockRemaining: reward.stockRemaining,
      availableTo: reward.availableTo,
      blockedReason: blocker?.message ?? short,
    };
  });
}

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
