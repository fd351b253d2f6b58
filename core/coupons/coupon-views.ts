import type { CouponInstanceDoc, CouponTemplateDoc } from '~/types/coupons';
import type { CouponTemplateRow, TemplateStats } from '~/types/functions/admin-coupons';
import type { CentreCoupon, ClaimBlock, MyCoupon } from '~/types/functions/coupons';
import type { EpochMs } from '~/types/units';
import { audienceText, couponFace, validityText, windowText } from './coupon-text';
import { COUPON_STATE_TEXT, couponStateAt } from './status-machine';

/** What a member sees of one of their coupons at `now`; order ids and admin notes stay on the server. */
export function toMyCoupon(coupon: CouponInstanceDoc, now: EpochMs): MyCoupon {
  const state = couponStateAt(coupon, now);
  return {
    instanceId: coupon._id,
    templateId: coupon.templateId,
    title: coupon.title,
    description: coupon.description,
    terms: coupon.terms,
    face: couponFace(coupon.terms),
    stackingGroup: coupon.stackingGroup,
    source: coupon.source,
    state,
    stateText: COUPON_STATE_TEXT[state],
    validFrom: coupon.validFrom,
    validTo: coupon.validTo,
    validityText: windowText(coupon.validFrom, coupon.validTo),
    issuedAt: coupon.issuedAt,
    usedAt: coupon.usedAt,
    ...(coupon.reason ? { reason: coupon.reason } : {}),
  };
}

/** A template as the coupon centre shows it to one member, given their claims and what blocks another. */
export function toCentreCoupon(
  template: CouponTemplateDoc,
  claimedCount: number,
  blockedBy: ClaimBlock | null,
  tierName: (tierId: string) => string,
): CentreCoupon {
  return {
    templateId: template._id,
    title: template.title,
    description: template.description,
    terms: template.terms,
    face: couponFace(template.terms),
    validityText: validityText(template.validity, template.channel),
    audience: template.audience,
    audienceText: audienceText(template.audience, tierName),
    totalStock: template.totalStock,
    stockRemaining: template.stockRemaining === null ? null : Math.max(0, template.stockRemaining),
    perMemberLimit: template.perMemberLimit,
    claimedCount,
    canClaim: blockedBy === null,
    blockedBy,
  };
}

/** A template as the admin page lists it: as stored, with the coupons issued from its stock (total less what remains). */
export function toCouponTemplateRow(template: CouponTemplateDoc, stats: TemplateStats): CouponTemplateRow {
  const remaining = template.stockRemaining === null ? null : Math.max(0, template.stockRemaining);
  return {
    ...template,
    stockRemaining: remaining,
    issued: template.totalStock === null || remaining === null ? null : template.totalStock - remaining,
    stats,
  };
}
