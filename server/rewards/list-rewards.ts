import { redeemBlocker } from '~/core/rewards/redeemable';
import type { MemberDoc } from '~/types/documents';
import type { RewardView } from '~/types/functions/rewards';
import type { RequestContext } from '../runtime/wx';
import { loadProgramme } from '../programme/load-programme';
import { availableAt } from '~/core/points/expiry';

/** The points mall: active rewards in display order, each with why this member cannot redeem it (还差 N 积分 when short), if so. */
export async function listRewards(ctx: RequestContext, member: MemberDoc, category?: string): Promise<RewardView[]> {
  const { tiers } = await loadProgramme(ctx);
  const rankOf = (tierId: string) => tiers.find((tier) => tier._id === tierId)?.rank ?? 0;
  const query: Record<string, unknown> = { status: 'active', ...(category ? { category } : {}) };
  const rewards = await ctx.db.collection('rewards').find(query, { orderBy: [['sort', 'asc']], limit: 100 });
  return rewards.map((reward) => {
    const blocker = redeemBlocker(reward, rankOf(member.tierId), rankOf, ctx.now);
    const missing = Math.max(0, reward.pointsCost - availableAt(member.points, ctx.now));
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
      blockedReason: blocker?.message ?? (missing > 0 ? `还差${missing}积分` : null),
      pointsMissing: missing,
    };
  });
}
