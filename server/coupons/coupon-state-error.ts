import { couponStateAt } from '~/core/coupons/status-machine';
import type { CouponEvent } from '~/core/coupons/status-machine';
import type { CouponInstanceDoc } from '~/types/coupons';
import { AppError } from '../runtime/errors';

/** INVALID_STATE for an event the coupon's state at `now` does not allow, naming the state. */
export function couponStateError(coupon: CouponInstanceDoc, event: CouponEvent, now: number): AppError {
  const state = couponStateAt(coupon, now);
  return new AppError('INVALID_STATE', `cannot ${event} coupon ${coupon._id}: it is ${state}`, { state });
}

/** Refuses an empty order id, which would make a lock nobody can release. */
export function requireOrderId(orderId: string): void {
  if (typeof orderId !== 'string' || orderId.length === 0 || orderId.length > 128) {
    throw new AppError('VALIDATION_FAILED', 'orderId: must be a non-empty order id', { field: 'orderId' });
  }
}
