import { welcomeKey } from '~/core/coupons/issue-keys';
import type { CouponInstanceDoc } from '~/types/coupons';
import { loadProgramme } from '../programme/load-programme';
import type { RequestContext } from '../runtime/wx';
import { issueCoupon } from './issue-coupon';
import { hasCode } from '~/core/coded-error';

/** Outcomes that mean the brand has no welcome coupon for this member right now, rather than a failure. */
const NOTHING_TO_GIVE = new Set(['NOT_FOUND', 'NOT_AVAILABLE', 'NOT_ELIGIBLE', 'OUT_OF_STOCK']);

/**
 * Issues the welcome coupon (the programme's `coupons.welcomeTemplateId`) to a member, once:
 * safe to call on every join, as the key `welcome:<memberId>` makes repeats answer the first
 * coupon. Answers null when there is none to give (no welcome template set or stored, paused,
 * member no longer new, sold out).
 */
export async function issueWelcomeCoupon(ctx: RequestContext, memberId: string): Promise<CouponInstanceDoc | null> {
  const { programme } = await loadProgramme(ctx);
  const templateId = programme.coupons.welcomeTemplateId;
  if (!templateId) return null;
  try {
    const { coupon } = await issueCoupon(ctx, { templateId, memberId, source: 'welcome', issueKey: welcomeKey(memberId) });
    return coupon;
  } catch (error) {
    if (hasCode(error) && NOTHING_TO_GIVE.has(error.code)) return null;
    throw error;
  }
}
