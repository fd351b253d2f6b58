import { adminRequests } from '~/types/functions/admin';
import type { Routes } from '../runtime/wx';
import { createWxHandler } from '../runtime/wx';
import { createCouponTemplate } from '../coupons/create-coupon-template';
import { issueCampaignCoupons } from '../coupons/issue-campaign-coupons';
import { setCouponTemplateStatus } from '../coupons/set-coupon-template-status';
import { voidCoupon } from '../coupons/void-coupon';
import { listAdminProducts } from '../catalog/list-admin-products';
import { saveProduct } from '../catalog/save-product';
import { setProductStatus } from '../catalog/set-product-status';
import { setStock } from '../catalog/set-stock';
import { listJobRuns } from '../jobs/list-job-runs';
import { adjustPoints } from '../points/adjust-points';
import { reconcileAll, reconcileMember } from '../points/reconcile';
import { setMemberBirthday } from '../members/update-member';
import { completePickup, listAllOrders, listRefunds, shipOrderById } from '../orders/admin-orders';
import { approveRefund, rejectRefund } from '../orders/review-refund';
import { bootstrapAdmin } from './bootstrap-admin';
import { listMembers } from './list-members';
import { loginAdmin, requireAdmin } from './session';

/** Routes of the `admin` function: everything but bootstrap and login needs a valid session token. */
export const adminRoutes: Routes<'admin'> = {
  bootstrapAdmin: (_input, ctx) => bootstrapAdmin(ctx),
  login: (input, ctx) => loginAdmin(ctx, input),
  listMembers: (input, ctx) => {
    requireAdmin(ctx, input.token);
    return listMembers(ctx, input);
  },
  adjustPoints: async ({ token, memberId, points, reason, requestKey }, ctx) => {
    const admin = requireAdmin(ctx, token);
    const { entry, created } = await adjustPoints(ctx, { memberId, key: requestKey, points, reason, adminId: admin.sub });
    return { entryId: entry._id, available: entry.balanceAfter.available, created };
  },
  setMemberBirthday: async ({ token, memberId, birthday }, ctx) => {
    requireAdmin(ctx, token);
    await setMemberBirthday(ctx, memberId, birthday);
    return { memberId, birthday };
  },
  reconcile: async ({ token, memberId }, ctx) => {
    requireAdmin(ctx, token);
    return memberId ? { members: 1, problems: await reconcileMember(ctx, memberId) } : reconcileAll(ctx);
  },
  createCouponTemplate: ({ action: _action, token, ...input }, ctx) => {
    requireAdmin(ctx, token);
    return createCouponTemplate(ctx, input);
  },
  setCouponTemplateStatus: ({ action: _action, token, ...input }, ctx) => {
    requireAdmin(ctx, token);
    return setCouponTemplateStatus(ctx, input);
  },
  voidCoupon: ({ action: _action, token, ...input }, ctx) => voidCoupon(ctx, input, requireAdmin(ctx, token).sub),
  issueCampaignCoupons: ({ action: _action, token, ...input }, ctx) => {
    requireAdmin(ctx, token);
    return issueCampaignCoupons(ctx, input);
  },
  listJobRuns: ({ action: _action, token, ...input }, ctx) => {
    requireAdmin(ctx, token);
    return listJobRuns(ctx, input);
  },
  listProducts: ({ action: _action, token, ...input }, ctx) => {
    requireAdmin(ctx, token);
    return listAdminProducts(ctx, input);
  },
  saveProduct: ({ action: _action, token, ...input }, ctx) => {
    requireAdmin(ctx, token);
    return saveProduct(ctx, input);
  },
  setProductStatus: ({ action: _action, token, ...input }, ctx) => {
    requireAdmin(ctx, token);
    return setProductStatus(ctx, input);
  },
  setStock: ({ action: _action, token, ...input }, ctx) => {
    requireAdmin(ctx, token);
    return setStock(ctx, input);
  },
  listOrders: ({ action: _action, token, ...input }, ctx) => {
    requireAdmin(ctx, token);
    return listAllOrders(ctx, input);
  },
  shipOrder: ({ token, orderId, trackingNo }, ctx) => {
    requireAdmin(ctx, token);
    return shipOrderById(ctx, orderId, trackingNo);
  },
  completePickup: ({ token, pickupCode }, ctx) => {
    requireAdmin(ctx, token);
    return completePickup(ctx, pickupCode);
  },
  listRefunds: ({ action: _action, token, ...input }, ctx) => {
    requireAdmin(ctx, token);
    return listRefunds(ctx, input);
  },
  approveRefund: ({ token, refundId }, ctx) => approveRefund(ctx, requireAdmin(ctx, token).sub, refundId),
  rejectRefund: ({ token, refundId, note }, ctx) => rejectRefund(ctx, requireAdmin(ctx, token).sub, refundId, note),
};

/** The `admin` cloud function's main. */
export const adminMain = createWxHandler<'admin'>(adminRequests, adminRoutes);
