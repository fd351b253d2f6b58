import { couponStateAt } from '~/core/coupons/status-machine';
import type { CouponEvent } from '~/core/coupons/status-machine';
import type { CouponInstanceDoc } from '~/types/coupons';
import { CodedError } from '~/core/coded-error';

/** INVALID_STATE for an event the coupon's state at `now` does not allow, naming the state. */
export function couponStateError(coupon: CouponInstanceDoc, event: CouponEvent, now: number): CodedError {
  const state = couponStateAt(coupon, now);
  return new CodedError('INVALID_STATE', `cannot ${event} coupon ${coupon._id}: it is ${state}`, { state });
}

/** Refuses an empty order id, which would make a lock nobody can release. */
export function requireOrderId(orderId: string): void {
  if (typeof orderId !== 'string' || orderId.length === 0 || orderId.length > 128) {
    throw new CodedError('VALIDATION_FAILED', 'orderId: must be a non-empty order id', { field: 'orderId' });
  }
}
