import { adminRequests } from '~/types/functions/admin';
import type { Routes } from '../runtime/wx';
import { createWxHandler } from '../runtime/wx';
import { createCouponTemplate } from '../coupons/create-coupon-template';
import { issueCampaignCoupons } from '../coupons/issue-campaign-coupons';
import { setCouponTemplateStatus } from '../coupons/set-coupon-template-status';
import { voidCoupon } from '../coupons/void-coupon';
import { adjustPoints } from '../points/member-points';
import { reconcileAll, reconcileMember } from '../points/reconcile';
import { setMemberBirthday } from '../members/update-member';
import { bootstrapAdmin } from './bootstrap-admin';
import { listMembers } from './list-members';
import { loginAdmin, requireAdmin } from './session';

/** Routes of the `admin` function: everything but bootstrap and login needs a valid session token. */
export const adminRoutes: Routes<'admin'> = {
  bootstrapAdmin: (_input, ctx) => bootstrapAdmin(ctx),
  login: (input, ctx) => loginAdmin(input, ctx),
  listMembers: (input, ctx) => {
    requireAdmin(input.token, ctx);
    return listMembers(input, ctx);
  },
  adjustPoints: async ({ token, memberId, points, reason, requestKey }, ctx) => {
    const admin = requireAdmin(token, ctx);
    const { entry, created } = await adjustPoints(ctx, { memberId, key: requestKey, points, reason, adminId: admin.sub });
    return { entryId: entry._id, available: entry.balanceAfter.available, created };
  },
  setMemberBirthday: async ({ token, memberId, birthday }, ctx) => {
    requireAdmin(token, ctx);
    await setMemberBirthday(ctx, memberId, birthday);
    return { memberId, birthday };
  },
  reconcile: async ({ token, memberId }, ctx) => {
    requireAdmin(token, ctx);
    return memberId ? { members: 1, problems: await reconcileMember(ctx, memberId) } : reconcileAll(ctx);
  },
  createCouponTemplate: ({ action: _action, token, ...input }, ctx) => {
    requireAdmin(token, ctx);
    return createCouponTemplate(input, ctx);
  },
  setCouponTemplateStatus: ({ action: _action, token, ...input }, ctx) => {
    requireAdmin(token, ctx);
    return setCouponTemplateStatus(input, ctx);
  },
  voidCoupon: ({ action: _action, token, ...input }, ctx) => voidCoupon(input, requireAdmin(token, ctx).sub, ctx),
  issueCampaignCoupons: ({ action: _action, token, ...input }, ctx) => {
    requireAdmin(token, ctx);
    return issueCampaignCoupons(input, ctx);
  },
};

/** The `admin` cloud function's main. */
export const adminMain = createWxHandler<'admin'>(adminRequests, adminRoutes);
