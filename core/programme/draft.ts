import type { ProgrammeDraft } from '~/types/functions/admin-programme';
import type { MarketingSettings, ProgrammeSnapshot, TierDoc } from '~/types/programme';
import { marketingOf } from '../marketing/marketing-settings';
import { DEFAULT_EXPIRY_NOTICE_DAYS } from '../tiers/default-programme';

const copyMarketing = ({ rfmWindowDays, lifecycle }: MarketingSettings): MarketingSettings => ({
  rfmWindowDays,
  lifecycle: { ...lifecycle },
});

/** The tiers lowest first. */
export const ladderOf = (tiers: readonly TierDoc[]): TierDoc[] => [...tiers].sort((a, b) => a.rank - b.rank);

/** What the rules editor shows of a snapshot: the fields an admin may change. */
export function draftOf({ programme, tiers }: ProgrammeSnapshot): ProgrammeDraft {
  const { points, checkIn, tierReview, coupons } = programme;
  return {
    tiers: ladderOf(tiers).map((tier) => ({
      tierId: tier._id,
      name: tier.name,
      entrySpendFen: tier.entrySpendFen,
      keepSpendFen: tier.keepSpendFen,
      pointsMultiplierPercent: tier.pointsMultiplierPercent,
      memberPricePercent: tier.memberPricePercent,
      birthdayCouponTemplateId: tier.birthdayCouponTemplateId,
      freeShippingThresholdFen: tier.freeShippingThresholdFen,
      perks: [...tier.perks],
    })),
    points: {
      earnPerYuan: points.earnPerYuan,
      pendingDays: points.pendingDays,
      expiryMonths: points.expiryMonths,
      expiryNoticeDays: points.expiryNoticeDays ?? DEFAULT_EXPIRY_NOTICE_DAYS,
      pointsPerYuan: points.pointsPerYuan,
      maxRedeemPercent: points.maxRedeemPercent,
    },
    checkIn: { ...checkIn },
    profileBonusPoints: programme.profileBonusPoints,
    tierReview: { graceDays: tierReview.graceDays, noticeDays: tierReview.noticeDays },
    coupons: { ...coupons },
    marketing: copyMarketing(marketingOf(programme)),
  };
}

/**
 * The snapshot a draft makes of the version it was based on: the draft's fields replace the
 * base's, everything the editor does not show (review window, approval threshold, message
 * templates, tier ranks) stays. Tiers absent from the base are not added (draftProblems refuses them).
 */
export function applyDraft(base: ProgrammeSnapshot, draft: ProgrammeDraft): ProgrammeSnapshot {
  const { programme } = base;
  const tiers = ladderOf(base.tiers).map((tier): TierDoc => {
    const edited = draft.tiers.find((one) => one.tierId === tier._id);
    if (!edited) return { ...tier, perks: [...tier.perks] };
    const { tierId: _id, ...fields } = edited;
    return { ...tier, ...fields, perks: [...fields.perks] };
  });
  return {
    programme: {
      ...programme,
      points: { ...programme.points, ...draft.points },
      checkIn: { ...draft.checkIn },
      profileBonusPoints: draft.profileBonusPoints,
      tierReview: { ...programme.tierReview, ...draft.tierReview },
      coupons: { ...draft.coupons },
      ...(draft.marketing ? { marketing: copyMarketing(draft.marketing) } : {}),
    },
    tiers,
  };
}
