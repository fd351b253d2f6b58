import type { CouponInstanceDoc, CouponStatus } from '~/types/coupons';
import type { MyCoupon } from '~/types/functions/coupons';
import type { EpochMs } from '~/types/units';

/**
 * What can happen to an instance. `release` is the way back from `locked` to `issued`;
 * `restore` gives a used coupon back when its whole order is refunded.
 */
export type CouponEvent = 'lock' | 'use' | 'release' | 'restore' | 'expire' | 'void';

/**
 * The whole status machine: issued → locked → used, locked → issued on release, used →
 * issued when the order that used it is refunded in full, issued → expired past its window,
 * issued → voided by an admin. A locked coupon is never voided or expired: an order holds it
 * and will either use or release it. `expired` and `voided` are final.
 */
export const COUPON_TRANSITIONS: Readonly<Record<CouponEvent, { from: readonly CouponStatus[]; to: CouponStatus }>> = {
  lock: { from: ['issued'], to: 'locked' },
  use: { from: ['locked'], to: 'used' },
  release: { from: ['locked'], to: 'issued' },
  restore: { from: ['used'], to: 'issued' },
  expire: { from: ['issued'], to: 'expired' },
  void: { from: ['issued'], to: 'voided' },
};

/** The status after `event`, or null when the machine does not allow it from `from`. */
export function nextStatus(from: CouponStatus, event: CouponEvent): CouponStatus | null {
  const transition = COUPON_TRANSITIONS[event];
  return transition.from.includes(from) ? transition.to : null;
}

export type CouponState = MyCoupon['state'];

/**
 * The state of an instance at `now`. The stored status lags the clock (the expiry sweep runs
 * later), so an `issued` coupon past its window is already `expired` here, and one before
 * its window is `notStarted`. A locked coupon stays locked whatever the clock: its order
 * took it while it was valid.
 */
export function couponStateAt(coupon: Pick<CouponInstanceDoc, 'status' | 'validFrom' | 'validTo'>, now: EpochMs): CouponState {
  if (coupon.status !== 'issued') return coupon.status;
  if (now > coupon.validTo) return 'expired';
  if (now < coupon.validFrom) return 'notStarted';
  return 'usable';
}

/** Whether a checkout may lock this coupon at `now`. */
export function isUsableAt(coupon: Pick<CouponInstanceDoc, 'status' | 'validFrom' | 'validTo'>, now: EpochMs): boolean {
  return couponStateAt(coupon, now) === 'usable';
}

/** Short labels of the states, as shown on a coupon. */
export const COUPON_STATE_TEXT: Readonly<Record<CouponState, string>> = {
  usable: '可使用',
  notStarted: '未生效',
  locked: '使用中',
  used: '已使用',
  expired: '已过期',
  voided: '已作废',
};
