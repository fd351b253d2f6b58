import { issueBlock } from '~/core/coupons/eligibility';
import type { CouponWindow } from '~/core/coupons/validity';
import { instanceWindow } from '~/core/coupons/validity';
import type { CouponSource } from '~/types/coupons';
import type { RequestContext } from '../runtime/wx';
import { couponCollections } from './coupon-collections';
import type { Granted } from './grant-coupon';
import { grantCoupon } from './grant-coupon';
import { loadTierLadder } from './tier-ladder';
import { CodedError } from '~/core/coded-error';

export interface IssueCouponInput {
  templateId: string;
  memberId: string;
  source: Exclude<CouponSource, 'centre'>;
  /** The grant's natural key (see core/coupons/issue-keys), e.g. `welcome:<memberId>`. */
  issueKey: string;
  /** A window that replaces the template's validity, e.g. the one around a birthday. */
  window?: CouponWindow;
  /** Why the member gets it, shown with the coupon (a campaign's reason). */
  reason?: string;
}

/**
 * Issues a coupon to a member on the platform's behalf (welcome, birthday, comeback,
 * campaign, reward). Idempotent on the issue key: a retry answers the first instance with
 * `created: false`. Checks the template is active, its window not over, the member in its
 * audience and stock left; per-member limits do not apply, the key bounds the grant.
 */
export async function issueCoupon(ctx: RequestContext, input: IssueCouponInput): Promise<Granted> {
  const { templates, instances } = couponCollections(ctx);
  const earlier = await instances.get(input.issueKey);
  if (earlier) return { coupon: earlier, created: false };

  const template = await templates.get(input.templateId);
  if (!template) throw new CodedError('NOT_FOUND', `no coupon template ${input.templateId}`);
  const member = await ctx.db.collection('members').get(input.memberId);
  if (!member || member.status === 'deleted') throw new CodedError('NOT_FOUND', `no member ${input.memberId}`);
  const blocked = issueBlock(template, member, await loadTierLadder(ctx), ctx.now);
  if (blocked)
    throw new CodedError(blocked.code, `cannot issue ${template._id} to ${member._id}: ${blocked.code}`, { reason: blocked.reason });
  const window = input.window ?? instanceWindow(template.validity, ctx.now);
  if (window.validTo < ctx.now || window.validTo < window.validFrom) {
    throw new CodedError('NOT_AVAILABLE', 'the coupon window is already over', { reason: '活动已结束' });
  }
  return grantCoupon(ctx, { template, memberId: member._id, issueKey: input.issueKey, source: input.source, window, reason: input.reason });
}
