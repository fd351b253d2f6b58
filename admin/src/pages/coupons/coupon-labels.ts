import { DEFAULT_TIERS } from '~/core/tiers/default-programme';
import type { CouponChannel, CouponKind, CouponTemplateStatus } from '~/types/coupons';
import type { TierOption } from '~/types/functions/admin-coupons';

/** A template's status as operators read it, with its tag colour. */
export const TEMPLATE_STATUS: Record<CouponTemplateStatus, { text: string; color: string }> = {
  active: { text: '进行中', color: 'green' },
  paused: { text: '已暂停', color: 'orange' },
  ended: { text: '已结束', color: 'default' },
};

/** The button that moves a template to each status. */
export const STATUS_ACTION_TEXT: Record<CouponTemplateStatus, string> = {
  active: '恢复',
  paused: '暂停',
  ended: '结束',
};

/** Where members get a template's coupons. */
export const CHANNEL_TEXT: Record<CouponChannel, string> = {
  centre: '领券中心',
  system: '系统发放',
};

/** The kinds of coupon, as the create dialog offers them. */
export const KIND_TEXT: Record<CouponKind, string> = {
  cash: '满减券',
  percent: '折扣券',
  shipping: '免运费券',
};

/** The tiers to offer and name: the stored ones when they loaded, else the default programme's. */
export function tierChoices(loaded: readonly TierOption[]): readonly TierOption[] {
  if (loaded.length > 0) return loaded;
  return DEFAULT_TIERS.map((tier) => ({ tierId: tier._id, name: tier.name, rank: tier.rank }));
}

/** A tier's name by its id, for audience text; an unknown id reads as itself. */
export function tierNamer(tiers: readonly TierOption[]): (tierId: string) => string {
  return (tierId) => tiers.find((tier) => tier.tierId === tierId)?.name ?? tierId;
}
