import { toMyCoupon } from '../coupons/coupon-views';
import { isUsableAt } from '../coupons/status-machine';
import { availableAt } from '../points/expiry';
import type { CouponInstanceDoc } from '~/types/coupons';
import type { MemberDoc } from '~/types/documents';
import type { MemberCard } from '~/types/functions/staff';
import type { TierDoc } from '~/types/programme';
import type { RedemptionDoc } from '~/types/rewards';
import type { StoreSaleDoc, TillSessionDoc } from '~/types/staff';
import type { EpochMs } from '~/types/units';

/** How long a scan's till session lasts, and how long after the scan points may still pay. */
export const TILL_SESSION_MS = 5 * 60_000;
export const POINTS_FRESH_MS = 2 * 60_000;

/** 138****8000: the till sees enough to confirm with the member, not the number. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return null;
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

/** Whether points may pay in this session now: a fresh scan, not yet used for a purchase. */
export function pointsPayable(session: TillSessionDoc, now: EpochMs): boolean {
  return session.pointsUsedBy === null && now < session.openedAt + POINTS_FRESH_MS;
}

export interface MemberCardInput {
  session: TillSessionDoc;
  member: MemberDoc;
  tier: TierDoc;
  coupons: CouponInstanceDoc[];
  pickups: RedemptionDoc[];
  visits: StoreSaleDoc[];
  now: EpochMs;
}

/** The member card a till shows after a scan: only goods coupons usable now, rewards awaiting pickup, recent visits. */
export function toMemberCard(input: MemberCardInput): MemberCard {
  const { session, member, tier, now } = input;
  return {
    sessionId: session._id,
    expiresAt: session.expiresAt,
    pointsUsableUntil: session.openedAt + POINTS_FRESH_MS,
    pointsUsed: session.pointsUsedBy !== null,
    member: {
      memberId: member._id,
      memberNo: member.memberNo,
      nickname: member.nickname,
      avatarUrl: member.avatarUrl,
      phoneMasked: maskPhone(member.phone),
      tier: { id: tier._id, name: tier.name, perks: tier.perks },
      points: { available: availableAt(member.points, now), pending: member.points.pending },
    },
    coupons: input.coupons
      .filter((coupon) => coupon.terms.kind !== 'shipping' && isUsableAt(coupon, now))
      .sort((a, b) => a.validTo - b.validTo)
      .map((coupon) => toMyCoupon(coupon, now)),
    pickups: input.pickups
      .filter((redemption) => redemption.status === 'awaitingPickup')
      .map((redemption) => ({
        redemptionId: redemption._id,
        title: redemption.title,
        pointsCost: redemption.pointsCost,
        cashFen: redemption.cashFen,
        pickupCode: redemption.pickupCode,
        createdAt: redemption.createdAt,
      })),
    visits: input.visits.map((sale) => ({
      saleId: sale._id,
      storeName: sale.storeName,
      amountFen: sale.amountFen,
      paidFen: sale.paidFen,
      pointsEarned: sale.pointsEarned,
      at: sale.createdAt,
      status: sale.status,
    })),
  };
}
