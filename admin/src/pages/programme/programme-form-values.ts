import { yuanText } from '~/core/money/format';
import type { ProgrammeDraft } from '~/types/functions/admin-programme';
import { parseYuan } from '../../format/parse-yuan';
import { MARKETING_DEFAULTS } from '~/core/marketing/marketing-settings';

/** One tier as the form edits it: thresholds in yuan as typed, percents and perks as they are. */
export interface TierFormValues {
  tierId: string;
  name: string;
  entryYuan: string;
  keepYuan: string;
  pointsMultiplierPercent: number | null;
  memberPricePercent: number | null;
  /** '' for no birthday coupon. */
  birthdayCouponTemplateId: string;
  /** Blank for no free-shipping perk; 0 for free shipping on every order. */
  freeShippingYuan: string;
  perks: string[];
}

/** What the 规则设置 form edits; numbers are null while a box is empty. */
export interface ProgrammeFormValues {
  tiers: TierFormValues[];
  earnPerYuan: number | null;
  pendingDays: number | null;
  expiryMonths: number | null;
  expiryNoticeDays: number | null;
  pointsPerYuan: number | null;
  maxRedeemPercent: number | null;
  dailyPoints: number | null;
  streakDays: number | null;
  streakBonusPoints: number | null;
  profileBonusPoints: number | null;
  graceDays: number | null;
  noticeDays: number | null;
  /** '' for none. */
  welcomeTemplateId: string;
  comebackTemplateId: string;
  comebackAfterDays: number | null;
  comebackCooldownDays: number | null;
  rfmWindowDays: number | null;
  newDays: number | null;
  activeDays: number | null;
  dormantDays: number | null;
  wonBackDays: number | null;
}

/** The programme-wide number boxes: form name → the draft's dot path. */
export const NUMBER_FIELDS = {
  earnPerYuan: 'points.earnPerYuan',
  pendingDays: 'points.pendingDays',
  expiryMonths: 'points.expiryMonths',
  expiryNoticeDays: 'points.expiryNoticeDays',
  pointsPerYuan: 'points.pointsPerYuan',
  maxRedeemPercent: 'points.maxRedeemPercent',
  dailyPoints: 'checkIn.dailyPoints',
  streakDays: 'checkIn.streakDays',
  streakBonusPoints: 'checkIn.streakBonusPoints',
  profileBonusPoints: 'profileBonusPoints',
  graceDays: 'tierReview.graceDays',
  noticeDays: 'tierReview.noticeDays',
  comebackAfterDays: 'coupons.comebackAfterDays',
  comebackCooldownDays: 'coupons.comebackCooldownDays',
  rfmWindowDays: 'marketing.rfmWindowDays',
  newDays: 'marketing.lifecycle.newDays',
  activeDays: 'marketing.lifecycle.activeDays',
  dormantDays: 'marketing.lifecycle.dormantDays',
  wonBackDays: 'marketing.lifecycle.wonBackDays',
} as const satisfies Partial<Record<keyof ProgrammeFormValues, string>>;

/** A tier field of the draft → the form's name for it. */
const TIER_FIELDS: Record<string, keyof TierFormValues> = {
  name: 'name',
  entrySpendFen: 'entryYuan',
  keepSpendFen: 'keepYuan',
  pointsMultiplierPercent: 'pointsMultiplierPercent',
  memberPricePercent: 'memberPricePercent',
  birthdayCouponTemplateId: 'birthdayCouponTemplateId',
  freeShippingThresholdFen: 'freeShippingYuan',
  perks: 'perks',
};

/** The form as it starts from a version's draft. */
export function toFormValues(draft: ProgrammeDraft): ProgrammeFormValues {
  const { points, checkIn, tierReview, coupons } = draft;
  const marketing = draft.marketing ?? MARKETING_DEFAULTS;
  return {
    tiers: draft.tiers.map((tier) => ({
      tierId: tier.tierId,
      name: tier.name,
      entryYuan: yuanText(tier.entrySpendFen),
      keepYuan: yuanText(tier.keepSpendFen),
      pointsMultiplierPercent: tier.pointsMultiplierPercent,
      memberPricePercent: tier.memberPricePercent,
      birthdayCouponTemplateId: tier.birthdayCouponTemplateId ?? '',
      freeShippingYuan: tier.freeShippingThresholdFen === null ? '' : yuanText(tier.freeShippingThresholdFen),
      perks: [...tier.perks],
    })),
    ...points,
    ...checkIn,
    profileBonusPoints: draft.profileBonusPoints,
    ...tierReview,
    welcomeTemplateId: coupons.welcomeTemplateId ?? '',
    comebackTemplateId: coupons.comebackTemplateId ?? '',
    comebackAfterDays: coupons.comebackAfterDays,
    comebackCooldownDays: coupons.comebackCooldownDays,
    rfmWindowDays: marketing.rfmWindowDays,
    ...marketing.lifecycle,
  };
}

/** Why a yuan box cannot be read, or null: blank only where `optional`. */
export function yuanProblem(text: string | undefined, optional = false): string | null {
  const trimmed = text?.trim() ?? '';
  if (trimmed === '') return optional ? null : '请填写金额';
  return parseYuan(trimmed) === null ? '请填写金额（元），最多两位小数' : null;
}

const fen = (text: string) => parseYuan(text.trim()) ?? 0;
const whole = (value: number | null) => value ?? 0;
const templateOrNull = (id: string | undefined) => (id ? id : null);

/** The draft the form stands for (its boxes already checked by the form's rules). */
export function toDraft(values: ProgrammeFormValues): ProgrammeDraft {
  return {
    tiers: values.tiers.map((tier) => ({
      tierId: tier.tierId,
      name: tier.name.trim(),
      entrySpendFen: fen(tier.entryYuan),
      keepSpendFen: fen(tier.keepYuan),
      pointsMultiplierPercent: whole(tier.pointsMultiplierPercent),
      memberPricePercent: whole(tier.memberPricePercent),
      birthdayCouponTemplateId: templateOrNull(tier.birthdayCouponTemplateId),
      freeShippingThresholdFen: tier.freeShippingYuan.trim() === '' ? null : fen(tier.freeShippingYuan),
      perks: tier.perks.map((perk) => perk.trim()).filter(Boolean),
    })),
    points: {
      earnPerYuan: whole(values.earnPerYuan),
      pendingDays: whole(values.pendingDays),
      expiryMonths: whole(values.expiryMonths),
      expiryNoticeDays: whole(values.expiryNoticeDays),
      pointsPerYuan: whole(values.pointsPerYuan),
      maxRedeemPercent: whole(values.maxRedeemPercent),
    },
    checkIn: {
      dailyPoints: whole(values.dailyPoints),
      streakDays: whole(values.streakDays),
      streakBonusPoints: whole(values.streakBonusPoints),
    },
    profileBonusPoints: whole(values.profileBonusPoints),
    tierReview: { graceDays: whole(values.graceDays), noticeDays: whole(values.noticeDays) },
    coupons: {
      welcomeTemplateId: templateOrNull(values.welcomeTemplateId),
      comebackTemplateId: templateOrNull(values.comebackTemplateId),
      comebackAfterDays: whole(values.comebackAfterDays),
      comebackCooldownDays: whole(values.comebackCooldownDays),
    },
    marketing: {
      rfmWindowDays: whole(values.rfmWindowDays),
      lifecycle: {
        newDays: whole(values.newDays),
        activeDays: whole(values.activeDays),
        dormantDays: whole(values.dormantDays),
        wonBackDays: whole(values.wonBackDays),
      },
    },
  };
}

/** The form box a server problem names (`tiers.1.keepSpendFen` → `['tiers', 1, 'keepYuan']`), or null when it names none. */
export function formNameOf(field: string): (string | number)[] | null {
  const tier = /^tiers\.(\d+)\.(\w+)$/.exec(field);
  if (tier) {
    const name = TIER_FIELDS[tier[2] as string];
    return name ? ['tiers', Number(tier[1]), name] : null;
  }
  if (field === 'coupons.welcomeTemplateId') return ['welcomeTemplateId'];
  if (field === 'coupons.comebackTemplateId') return ['comebackTemplateId'];
  const entry = Object.entries(NUMBER_FIELDS).find(([, path]) => path === field);
  return entry ? [entry[0]] : null;
}
