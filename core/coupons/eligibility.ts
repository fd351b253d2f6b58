import type { CouponAudience, CouponTemplateDoc } from '~/types/coupons';
import type { ClaimBlock } from '~/types/functions/coupons';
import type { EpochMs } from '~/types/units';
import { endOfRelativeDays, validityStillOpen } from './validity';

/** What eligibility needs to know about a member. */
export interface CouponMember {
  tierId: string;
  joinedAt: EpochMs;
}

/** The programme's tiers as eligibility sees them: a rank to compare (0 = entry tier) and a name to show. */
export interface TierLadder {
  rank(tierId: string): number;
  name(tierId: string): string;
}

type TemplateTerms = Pick<CouponTemplateDoc, 'status' | 'validity' | 'audience' | 'stockRemaining'>;

/** Why a member is outside a template's audience at `now`, or null when inside it. */
export function audienceBlock(audience: CouponAudience, member: CouponMember, tiers: TierLadder, now: EpochMs): ClaimBlock | null {
  switch (audience.type) {
    case 'all':
      return null;
    case 'minTier':
      return tiers.rank(member.tierId) >= tiers.rank(audience.tierId)
        ? null
        : { code: 'NOT_ELIGIBLE', reason: `仅限${tiers.name(audience.tierId)}及以上领取` };
    case 'newMembers':
      // The join day is day 1, in Shanghai calendar days, like a relative validity window.
      return now <= endOfRelativeDays(member.joinedAt, audience.withinDays)
        ? null
        : { code: 'NOT_ELIGIBLE', reason: `仅限入会${audience.withinDays}天内的新会员领取` };
  }
}

/**
 * Why the platform cannot issue a template's coupon to a member now, or null: the template
 * must be active, its window not over, the member in its audience, and stock left. The stock
 * read here is advisory; the guarded decrement decides.
 */
export function issueBlock(template: TemplateTerms, member: CouponMember, tiers: TierLadder, now: EpochMs): ClaimBlock | null {
  if (template.status === 'paused') return { code: 'NOT_AVAILABLE', reason: '活动已暂停' };
  if (template.status === 'ended' || !validityStillOpen(template.validity, now)) return { code: 'NOT_AVAILABLE', reason: '活动已结束' };
  const outside = audienceBlock(template.audience, member, tiers, now);
  if (outside) return outside;
  if (template.stockRemaining !== null && template.stockRemaining <= 0) return { code: 'OUT_OF_STOCK', reason: '已抢光' };
  return null;
}

/**
 * Why a member cannot claim a template in the coupon centre now, or null. A member at their
 * limit reads 已领取 even when the template has since sold out, as that is what they care
 * about. `claimedCount` is the member's claims other than the one being made.
 */
export function claimBlock(
  template: TemplateTerms & Pick<CouponTemplateDoc, 'channel' | 'perMemberLimit'>,
  member: CouponMember | null,
  claimedCount: number,
  tiers: TierLadder,
  now: EpochMs,
): ClaimBlock | null {
  if (!member) return { code: 'NOT_A_MEMBER', reason: '加入会员后即可领取' };
  if (template.channel !== 'centre') return { code: 'NOT_AVAILABLE', reason: '该券不可领取' };
  if (template.status === 'paused') return { code: 'NOT_AVAILABLE', reason: '活动已暂停' };
  if (template.status === 'ended' || !validityStillOpen(template.validity, now)) return { code: 'NOT_AVAILABLE', reason: '活动已结束' };
  const outside = audienceBlock(template.audience, member, tiers, now);
  if (outside) return outside;
  if (claimedCount >= template.perMemberLimit) {
    return { code: 'LIMIT_REACHED', reason: template.perMemberLimit === 1 ? '已领取' : `每人限领${template.perMemberLimit}张，已领完` };
  }
  if (template.stockRemaining !== null && template.stockRemaining <= 0) return { code: 'OUT_OF_STOCK', reason: '已抢光' };
  return null;
}
