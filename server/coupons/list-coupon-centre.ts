import { toCentreCoupon } from '~/core/coupons/coupon-views';
import { claimBlock } from '~/core/coupons/eligibility';
import { quotaId } from '~/core/coupons/issue-keys';
import { validityStillOpen } from '~/core/coupons/validity';
import type { CouponsResponses } from '~/types/functions/coupons';
import { loadMember } from '../members/get-profile';
import type { RequestContext } from '../runtime/wx';
import { couponCollections } from './coupon-collections';
import { loadTierLadder } from './tier-ladder';
import { hasCode } from '~/core/coded-error';

/** The centre shows at most this many templates, newest first; a brand runs a handful at a time. */
const CENTRE_SIZE = 100;

/**
 * The coupon centre: active centre templates whose window is not over, newest first, each
 * with whether the caller can claim it now and, if not, why. A guest who has not joined sees
 * the same list with 加入会员后即可领取.
 */
export async function listCouponCentre(ctx: RequestContext, openid: string): Promise<CouponsResponses['listCentre']> {
  const member = await loadMember(ctx, openid).catch((error: unknown) => {
    if (hasCode(error, 'NOT_A_MEMBER')) return null;
    throw error;
  });
  const { templates, quotas } = couponCollections(ctx);
  const active = (
    await templates.find({ channel: 'centre', status: 'active' }, { orderBy: [['createdAt', 'desc']], limit: CENTRE_SIZE })
  ).filter((template) => validityStillOpen(template.validity, ctx.now));
  const tiers = await loadTierLadder(ctx);
  const claimed = new Map<string, number>();
  if (member && active.length > 0) {
    const _ = ctx.db.command;
    const mine = await quotas.find({ _id: _.in(active.map((template) => quotaId(template._id, member._id))) }, { limit: CENTRE_SIZE });
    for (const quota of mine) claimed.set(quota.templateId, quota.claimed);
  }
  return {
    items: active.map((template) => {
      const count = claimed.get(template._id) ?? 0;
      return toCentreCoupon(template, count, claimBlock(template, member, count, tiers, ctx.now), tiers.name);
    }),
  };
}
