import { couponsRequests } from '~/types/functions/coupons';
import type { Routes } from '../runtime/wx';
import { createWxHandler, requireOpenid } from '../runtime/wx';
import { claimCoupon } from './claim-coupon';
import { getMyCoupon } from './get-my-coupon';
import { listCouponCentre } from './list-coupon-centre';
import { listMyCoupons } from './list-my-coupons';

/** Routes of the `coupons` function: the caller is always the member acted on. */
export const couponsRoutes: Routes<'coupons'> = {
  listCentre: (_input, ctx) => listCouponCentre(ctx, requireOpenid(ctx)),
  claim: (input, ctx) => claimCoupon(ctx, requireOpenid(ctx), input),
  listMine: (input, ctx) => listMyCoupons(ctx, requireOpenid(ctx), input),
  getMine: (input, ctx) => getMyCoupon(ctx, { openid: requireOpenid(ctx), instanceId: input.instanceId }),
};

/** The `coupons` cloud function's main. */
export const couponsMain = createWxHandler<'coupons'>(couponsRequests, couponsRoutes);
