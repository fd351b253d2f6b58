import { toMyCoupon } from '~/core/coupons/coupon-views';
import { claimBlock } from '~/core/coupons/eligibility';
import { centreClaimKey, quotaId } from '~/core/coupons/issue-keys';
import { instanceWindow } from '~/core/coupons/validity';
import type { CouponsResponses } from '~/types/functions/coupons';
import { loadMember } from '../members/get-profile';
import type { RequestContext } from '../runtime/wx';
import { claimsBesides, reserveClaimPlace } from './claim-quota';
import { answerOfTwin, closeTicket, openTicket } from './claim-ticket';
import { couponCollections } from './coupon-collections';
import { grantCoupon } from './grant-coupon';
import { loadTierLadder } from './tier-ladder';
import { CodedError, hasCode } from '~/core/coded-error';

/**
 * The caller claims a coupon-centre coupon. Idempotent on the client's key: the instance
 * `_id` is derived from template, member and key, so a repeated tap or a retried request
 * answers the coupon the first one got (`created: false`), whatever has changed since; a copy
 * racing the first waits for its answer through the claim's ticket, and so gets the same one.
 */
export async function claimCoupon(
  ctx: RequestContext,
  openid: string,
  input: { templateId: string; clientKey: string },
): Promise<CouponsResponses['claim']> {
  const member = await loadMember(ctx, openid);
  const { templates, instances, quotas } = couponCollections(ctx);
  const issueKey = centreClaimKey(input.templateId, member._id, input.clientKey);

  const earlier = await instances.get(issueKey);
  if (earlier) return { coupon: toMyCoupon(earlier, ctx.now), created: false };

  const template = await templates.get(input.templateId);
  if (!template || template.channel !== 'centre') throw new CodedError('NOT_FOUND', `no coupon ${input.templateId} in the coupon centre`);
  // Advisory reads, for a clear answer before touching any counter; the guarded updates decide.
  const [quota, tiers] = await Promise.all([quotas.get(quotaId(template._id, member._id)), loadTierLadder(ctx)]);
  const blocked = claimBlock(template, member, claimsBesides(quota, issueKey), tiers, ctx.now);
  // A copy of this claim may already hold its ticket (and perhaps the last unit): its answer is ours.
  const twin = async () => {
    const first = await answerOfTwin(ctx, issueKey);
    return first && { coupon: toMyCoupon(first, ctx.now), created: false };
  };
  if (blocked) {
    const first = await twin();
    if (first) return first;
    throw new CodedError(blocked.code, `cannot claim ${template._id}: ${blocked.code}`, { reason: blocked.reason });
  }
  if (!(await openTicket(ctx, issueKey))) {
    const first = await twin();
    if (first) return first;
  }
  try {
    const { coupon, created } = await grantCoupon(ctx, {
      template,
      memberId: member._id,
      issueKey,
      source: 'centre',
      window: instanceWindow(template.validity, ctx.now),
      reservePlace: () => reserveClaimPlace(ctx, template, member._id, issueKey, quota),
    });
    await closeTicket(ctx, issueKey, null);
    return { coupon: toMyCoupon(coupon, ctx.now), created };
  } catch (error) {
    if (hasCode(error)) await closeTicket(ctx, issueKey, error);
    throw error;
  }
}
