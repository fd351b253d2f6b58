import type { DaySummary, MemberCard, PickupView, SaleQuote, SaleView, StaffMe, StaffResponses } from '~/types/functions/staff';
import type { Fen, Points } from '~/types/units';
import { callFunction } from './cloud';

/** What a purchase at the till is made of: the session that names the member, the receipt's total, a coupon, points. */
export interface SaleInput {
  sessionId: string;
  amountFen: Fen;
  couponInstanceId?: string;
  points?: Points;
}

/** The caller's staff identity; throws a CloudError `NOT_STAFF` for everyone else. */
export function getMe(): Promise<StaffMe> {
  return callFunction('staff', 'me', {});
}

/** Binds the caller to a store with an invite code an admin made. */
export function redeemInvite(code: string): Promise<StaffMe> {
  return callFunction('staff', 'redeemInvite', { code });
}

/** Verifies and consumes a member code; answers the card of the till session it opens. */
export function scan(code: string): Promise<MemberCard> {
  return callFunction('staff', 'scan', { code });
}

/** The member card of an open till session. */
export function getMemberCard(sessionId: string): Promise<MemberCard> {
  return callFunction('staff', 'memberCard', { sessionId });
}

/** What a purchase would come to, without recording it. */
export function quoteSale(input: SaleInput): Promise<SaleQuote> {
  return callFunction('staff', 'quoteSale', input);
}

/** Records a purchase; the receipt number is the idempotency key, so a retry records it once. */
export function recordSale(input: SaleInput & { receiptNo: string }): Promise<StaffResponses['recordSale']> {
  return callFunction('staff', 'recordSale', input);
}

/** A manager reverses a purchase of today. */
export function reverseSale(saleId: string, reason: string): Promise<SaleView> {
  return callFunction('staff', 'reverseSale', { saleId, reason });
}

/** Writes off one of the session member's coupons. */
export function writeOffCoupon(sessionId: string, instanceId: string): Promise<StaffResponses['writeOffCoupon']> {
  return callFunction('staff', 'writeOffCoupon', { sessionId, instanceId });
}

/** What a pickup code hands over. */
export function lookupPickup(code: string): Promise<PickupView> {
  return callFunction('staff', 'lookupPickup', { code });
}

/** Hands over what a pickup code names. */
export function handOverByCode(code: string): Promise<PickupView> {
  return callFunction('staff', 'handOverByCode', { code });
}

/** Hands over a reward awaiting pickup, from the member card. */
export function handOverRedemption(sessionId: string, redemptionId: string): Promise<PickupView> {
  return callFunction('staff', 'handOverRedemption', { sessionId, redemptionId });
}

/** Today's figures for the caller, and the store's for a manager. */
export function getSummary(): Promise<DaySummary> {
  return callFunction('staff', 'summary', {});
}

/** The special tags staff may set, with the session member's values. */
export function listMemberTags(sessionId: string): Promise<StaffResponses['listMemberTags']> {
  return callFunction('staff', 'listMemberTags', { sessionId });
}

/** Sets (or clears, null) one staff-settable special tag of the session member. */
export function setMemberTag(sessionId: string, tagId: string, value: string | null): Promise<StaffResponses['setMemberTag']> {
  return callFunction('staff', 'setMemberTag', { sessionId, tagId, value });
}
