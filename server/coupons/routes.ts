import { couponsRequests } from '~/types/functions/coupons';
import type { Routes } from '../runtime/wx';
import { createWxHandler, requireOpenid } from '../runtime/wx';
import { claimCoupon } from './claim-coupon';
import { getMyCoupon } from './get-my-coupon';
import { listCouponCentre } from './list-coupon-centre';
import { listMyCoupons } from './list-my-coupons';

/** Routes of the `coupons` function: the caller is always the member acted on. */
export const couponsRoutes: Routes<'coupons'> = {
  listCentre: (_input, ctx) => listCouponCentre(requireOpenid(ctx), ctx),
  claim: (input, ctx) => claimCoupon(requireOpenid(ctx), input, ctx),
  listMine: (input, ctx) => listMyCoupons(requireOpenid(ctx), input, ctx),
  getMine: (input, ctx) => getMyCoupon(requireOpenid(ctx), input.instanceId, ctx),
};

/** The `coupons` cloud function's main. */
export const couponsMain = createWxHandler<'coupons'>(couponsRequests, couponsRoutes);
