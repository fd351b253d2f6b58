import { staffRequests } from '~/types/functions/staff';
import type { Routes } from '../runtime/wx';
import { createWxHandler } from '../runtime/wx';
import { findPickup } from './find-pickup';
import { getDaySummary } from './get-day-summary';
import { getMemberCard } from './get-member-card';
import { handOver } from './hand-over';
import { handOverRedemption } from './hand-over-redemption';
import { loadStore } from './load-store';
import { loadTillSession } from './load-till-session';
import { listMemberTagsAtTill, setMemberTagAtTill } from './member-tags-at-till';
import { openTillSession } from './open-till-session';
import { quoteSale } from './quote-sale';
import { recordSale } from './record-sale';
import { redeemInvite } from './redeem-invite';
import { requireStaff } from './require-staff';
import { reverseSale } from './reverse-sale';
import { toStaffMe } from './staff-views';
import { writeOffCoupon } from './write-off-coupon';

/** Routes of the `staff` function: the caller is the staff member bound to the WeChat user, checked against the permission table first. */
export const staffRoutes: Routes<'staff'> = {
  me: async (_input, ctx) => {
    const staff = await requireStaff(ctx, 'me');
    return toStaffMe(staff, await loadStore(ctx, staff.storeId));
  },
  redeemInvite: ({ code }, ctx) => redeemInvite(ctx, code),
  scan: async ({ code }, ctx) => {
    const { session, member } = await openTillSession(ctx, await requireStaff(ctx, 'scan'), code);
    return getMemberCard(ctx, session, member);
  },
  memberCard: async ({ sessionId }, ctx) =>
    getMemberCard(ctx, await loadTillSession(ctx, await requireStaff(ctx, 'memberCard'), sessionId)),
  listMemberTags: async ({ sessionId }, ctx) => listMemberTagsAtTill(ctx, await requireStaff(ctx, 'listMemberTags'), { sessionId }),
  setMemberTag: async ({ sessionId, tagId, value }, ctx) =>
    setMemberTagAtTill(ctx, await requireStaff(ctx, 'setMemberTag'), { sessionId, tagId, value }),
  quoteSale: async ({ action: _action, ...input }, ctx) => quoteSale(ctx, await requireStaff(ctx, 'quoteSale'), input),
  recordSale: async ({ action: _action, ...input }, ctx) => recordSale(ctx, await requireStaff(ctx, 'recordSale'), input),
  reverseSale: async ({ saleId, reason }, ctx) => reverseSale(ctx, await requireStaff(ctx, 'reverseSale'), { saleId, reason }),
  writeOffCoupon: async ({ sessionId, instanceId }, ctx) =>
    writeOffCoupon(ctx, await requireStaff(ctx, 'writeOffCoupon'), { sessionId, instanceId }),
  lookupPickup: async ({ code }, ctx) => (await findPickup(ctx, await requireStaff(ctx, 'lookupPickup'), code)).view,
  handOverByCode: async ({ code }, ctx) => {
    const staff = await requireStaff(ctx, 'handOverByCode');
    return handOver(ctx, staff, await findPickup(ctx, staff, code));
  },
  handOverRedemption: async ({ sessionId, redemptionId }, ctx) =>
    handOverRedemption(ctx, await requireStaff(ctx, 'handOverRedemption'), { sessionId, redemptionId }),
  summary: async (_input, ctx) => getDaySummary(ctx, await requireStaff(ctx, 'summary')),
};

/** The `staff` cloud function's main. */
export const staffMain = createWxHandler<'staff'>(staffRequests, staffRoutes);
