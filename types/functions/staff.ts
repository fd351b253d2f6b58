import * as z from 'zod';
import type { StaffRole, StoreSaleDoc } from '../staff';
import type { EpochMs, Fen, Points } from '../units';
import type { MyCoupon } from './coupons';
import type { MemberTagView } from './marketing-tags';

const sessionId = z.string().regex(/^\d{20}$/, 'must be a till session id');
const id = z.string().min(1).max(128);
const fen = z.number().int().min(1).max(100_000_000);

/** Request schemas of the `staff` function, one per action. */
export const staffRequests = {
  /** The caller's staff identity; NOT_STAFF for everyone else. */
  me: z.strictObject({ action: z.literal('me') }),
  /** A member binds themselves to a store with the one-time code an admin made. */
  redeemInvite: z.strictObject({
    action: z.literal('redeemInvite'),
    code: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z2-9]{8}$/, 'must be the 8 letters and digits of an invite'),
  }),
  /** Verifies a scanned or typed member code, consumes it and opens a till session. */
  scan: z.strictObject({ action: z.literal('scan'), code: z.string().max(64) }),
  /** The member card of an open till session. */
  memberCard: z.strictObject({ action: z.literal('memberCard'), sessionId }),
  /** The special tags staff may set (肤质 found in store …) with the session member's values. */
  listMemberTags: z.strictObject({ action: z.literal('listMemberTags'), sessionId }),
  /** Sets or clears (null) one staff-settable special tag of the session member. */
  setMemberTag: z.strictObject({
    action: z.literal('setMemberTag'),
    sessionId,
    tagId: z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/, 'must be a tag id'),
    value: z.string().trim().min(1).max(32).nullable(),
  }),
  /** What a purchase would come to: the coupon's discount, points as payment, cash to collect, points to earn. */
  quoteSale: z.strictObject({
    action: z.literal('quoteSale'),
    sessionId,
    amountFen: fen,
    couponInstanceId: id.optional(),
    points: z.number().int().min(0).max(100_000_000).optional(),
  }),
  /** Records an in-store purchase; the receipt number is unique per store, so recording it twice earns once. */
  recordSale: z.strictObject({
    action: z.literal('recordSale'),
    sessionId,
    receiptNo: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9-]{1,32}$/, 'must be 1–32 letters, digits or -'),
    amountFen: fen,
    couponInstanceId: id.optional(),
    points: z.number().int().min(0).max(100_000_000).optional(),
    lines: z
      .array(
        z.strictObject({
          name: z.string().trim().min(1).max(40),
          quantity: z.number().int().min(1).max(999),
          amountFen: z.number().int().min(0).max(100_000_000),
        }),
      )
      .max(50)
      .optional(),
  }),
  /** A manager reverses a purchase of the same day: exactly what it earned and spent goes back. */
  reverseSale: z.strictObject({ action: z.literal('reverseSale'), saleId: id, reason: z.string().trim().min(2).max(100) }),
  /** Writes off (核销) one of the session member's coupons at the till. */
  writeOffCoupon: z.strictObject({ action: z.literal('writeOffCoupon'), sessionId, instanceId: id }),
  /** What a pickup code hands over (a pickup order or a reward), before handing it over. */
  lookupPickup: z.strictObject({
    action: z.literal('lookupPickup'),
    code: z.string().regex(/^\d{6}(\d{2})?$/, 'must be a 6- or 8-digit pickup code'),
  }),
  /** Hands over what a pickup code names. */
  handOverByCode: z.strictObject({
    action: z.literal('handOverByCode'),
    code: z.string().regex(/^\d{6}(\d{2})?$/, 'must be a 6- or 8-digit pickup code'),
  }),
  /** Hands over a reward awaiting pickup, from the member card. */
  handOverRedemption: z.strictObject({ action: z.literal('handOverRedemption'), sessionId, redemptionId: id }),
  /** Today's figures: the caller's own, and the store's for a manager, with the latest purchases. */
  summary: z.strictObject({ action: z.literal('summary') }),
};

export interface StaffMe {
  storeId: string;
  storeName: string;
  role: StaffRole;
  nickname: string;
}

/** One of the member's coupons as the till shows it: usable now, with its rules. */
export type TillCoupon = MyCoupon;

/** The member card staff see after a scan. Personal data is masked. */
export interface MemberCard {
  sessionId: string;
  /** Until when the session's actions work without another scan. */
  expiresAt: EpochMs;
  /** Until when points may pay (a fresh scan), and whether this session already paid with them. */
  pointsUsableUntil: EpochMs;
  pointsUsed: boolean;
  member: {
    memberId: string;
    memberNo: string;
    nickname: string;
    avatarUrl: string;
    /** 138****8000, or null when the member has none. */
    phoneMasked: string | null;
    tier: { id: string; name: string; perks: string[] };
    points: { available: Points; pending: Points };
  };
  coupons: TillCoupon[];
  pickups: { redemptionId: string; title: string; pointsCost: Points; cashFen: Fen; pickupCode: string | null; createdAt: EpochMs }[];
  visits: {
    saleId: string;
    storeName: string;
    amountFen: Fen;
    paidFen: Fen;
    pointsEarned: Points;
    at: EpochMs;
    status: StoreSaleDoc['status'];
  }[];
}

export interface SaleQuote {
  amountFen: Fen;
  couponDiscountFen: Fen;
  /** Why the chosen coupon cannot be used on this amount; null when it can (or none was chosen). */
  couponProblem: string | null;
  pointsUsed: Points;
  pointsFen: Fen;
  /** The most points this purchase could take now; 0 when points cannot pay (stale scan, already used). */
  maxPoints: Points;
  /** Cash to collect at the till. */
  paidFen: Fen;
  pointsToEarn: Points;
}

export interface SaleView {
  saleId: string;
  receiptNo: string;
  storeName: string;
  staffName: string;
  amountFen: Fen;
  couponTitle: string | null;
  couponDiscountFen: Fen;
  pointsUsed: Points;
  pointsFen: Fen;
  paidFen: Fen;
  pointsEarned: Points;
  status: StoreSaleDoc['status'];
  createdAt: EpochMs;
  reversedAt: EpochMs | null;
}

/** What a pickup code hands over, as the till shows it. */
export interface PickupView {
  kind: 'order' | 'reward';
  code: string;
  /** The order number or the redemption id. */
  refId: string;
  title: string;
  items: { name: string; quantity: number }[];
  memberNickname: string;
  /** Cash to collect at handover (the cash part of a points + cash reward). */
  cashFen: Fen;
  storeName: string | null;
  status: 'ready' | 'handedOver';
  handedOverAt: EpochMs | null;
}

export interface DayTotals {
  sales: number;
  amountFen: Fen;
  paidFen: Fen;
  pointsIssued: Points;
  pointsRedeemed: Points;
  couponsWrittenOff: number;
  pickups: number;
  cashCollectedFen: Fen;
  reversals: number;
}

export interface DaySummary {
  day: string;
  storeName: string;
  mine: DayTotals;
  /** The whole store's day: managers only. */
  store: DayTotals | null;
  /** The latest purchases: the caller's own, or the store's for a manager. */
  recent: (SaleView & { reversible: boolean })[];
}

export interface StaffResponses {
  me: StaffMe;
  redeemInvite: StaffMe;
  scan: MemberCard;
  memberCard: MemberCard;
  listMemberTags: { tags: MemberTagView[] };
  setMemberTag: { tags: MemberTagView[]; changed: boolean };
  quoteSale: SaleQuote;
  recordSale: SaleView & { duplicate: boolean };
  reverseSale: SaleView;
  writeOffCoupon: { coupon: MyCoupon; writtenOffAt: EpochMs };
  lookupPickup: PickupView;
  handOverByCode: PickupView;
  handOverRedemption: PickupView;
  summary: DaySummary;
}
