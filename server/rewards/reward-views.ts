import { cancellable, redeemBlocker } from '~/core/rewards/redeemable';
import type { MemberDoc } from '~/types/documents';
import type { RedemptionView, RewardView } from '~/types/functions/rewards';
import type { RedemptionDoc, RewardDoc } from '~/types/rewards';
import { AppError } from '../runtime/errors';
import type { RequestContext } from '../runtime/wx';
import { loadProgramme } from '../programme/load-programme';

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
  const rewards = await ctx.db.collection<RewardDoc>('rewards').find(query, { orderBy: [['sort', 'asc']], limit: 100 });
  return rewards.map((reward) => {
    const blocker = redeemBlocker(reward, rankOf(member.tierId), rankOf, ctx.now);
    const short = !blocker && member.points.available < reward.pointsCost ? '积分不足' : null;
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
  let query: Record<string, unknown> = { memberId: member._id, status: _.neq('failed') };
  if (input.cursor) {
    const [t, id] = Buffer.from(input.cursor, 'base64url').toString('utf8').split('|');
    if (!t || !id || !Number.isFinite(Number(t))) throw new AppError('VALIDATION_FAILED', 'cursor: not a cursor from this list', { field: 'cursor' });
    query = _.and([query, _.or([{ createdAt: _.lt(Number(t)) }, { createdAt: Number(t), _id: _.lt(id) }])]);
  }
  const page = await ctx.db.collection<RedemptionDoc>('redemptions').find(query, {
    orderBy: [
      ['createdAt', 'desc'],
      ['_id', 'desc'],
    ],
    limit: input.pageSize + 1,
  });
  const items = page.slice(0, input.pageSize);
  const last = items[items.length - 1];
  return {
    items: items.map(toRedemptionView),
    nextCursor: page.length > input.pageSize && last ? Buffer.from(`${last.createdAt}|${last._id}`).toString('base64url') : null,
  };
}
