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
 * The member's claims so far are read only on a refusal, to say why: the guarded updates
 * decide, and the first claim of a template finds no quota to read.
 */
export async function claimCoupon(
  ctx: RequestContext,
  openid: string,
  input: { templateId: string; clientKey: string },
): Promise<CouponsResponses['claim']> {
  const member = await loadMember(ctx, openid);
  const { templates, quotas } = couponCollections(ctx);
  const issueKey = centreClaimKey(input.templateId, member._id, input.clientKey);
  // A copy of this claim (or the first request, when this is a retry) holds its ticket: its answer is ours.
  const twin = async () => {
    const first = await answerOfTwin(ctx, issueKey);
    return first && { coupon: toMyCoupon(first, ctx.now), created: false };
  };

  const [template, tiers] = await Promise.all([templates.get(input.templateId), loadTierLadder(ctx)]);
  if (!template || template.channel !== 'centre') {
    const first = await twin();
    if (first) return first;
    throw new CodedError('NOT_FOUND', `no coupon ${input.templateId} in the coupon centre`);
  }
  /** Why the member cannot claim, with their claims so far read; null when nothing but the counters refused. */
  const refusal = async (): Promise<CodedError | null> => {
    const quota = await quotas.get(quotaId(template._id, member._id));
    const blocked = claimBlock(template, member, claimsBesides(quota, issueKey), tiers, ctx.now);
    return blocked && new CodedError(blocked.code, `cannot claim ${template._id}: ${blocked.code}`, { reason: blocked.reason });
  };
  // Advisory, for a clear answer before touching any counter; the guarded updates decide.
  if (claimBlock(template, member, 0, tiers, ctx.now)) {
    const first = await twin();
    if (first) return first;
    throw (await refusal()) ?? new CodedError('CONFLICT', `cannot claim ${template._id} now, please try again`);
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
      reservePlace: () => reserveClaimPlace(ctx, template, member._id, issueKey, null),
    });
    return { coupon: toMyCoupon(coupon, ctx.now), created };
  } catch (error) {
    if (!hasCode(error)) throw error;
    // A member at their limit hears so (已领取) even when the stock ran out too.
    const answer = error.code === 'OUT_OF_STOCK' || error.code === 'LIMIT_REACHED' ? ((await refusal()) ?? error) : error;
    await closeTicket(ctx, issueKey, answer);
    throw answer;
  }
}
