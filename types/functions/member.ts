import * as z from 'zod';
import type { AddressBook } from '../addresses';
import { addressFields } from '../addresses';
import type { Gender } from '../documents';
import type { SubscriptionTopic } from '../notify';
import { SUBSCRIPTION_TOPICS } from '../notify';
import { SHARE_CODE_PATTERN, SHARE_PAGES } from '../shares';
import type { EpochMs, Fen, Points } from '../units';

const nickname = z.string().trim().min(1).max(32);
const avatarUrl = z
  .string()
  .max(512)
  .regex(/^(https:\/\/|cloud:\/\/)/, 'must be an https:// or cloud:// URL');

/** A real calendar date `YYYY-MM-DD` from 1900 on (29 February only in leap years). */
export const birthdaySchema = z
  .string()
  .regex(/^(19|20)\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be a date YYYY-MM-DD')
  .refine((value) => {
    const [y, m, d] = value.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  }, 'is not a calendar date');

const clientKey = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8-64 letters, digits, _ or -');
const addressId = z.string().regex(/^m[a-f0-9]{1,40}:[A-Za-z0-9_-]{8,64}$/, '地址不存在');

/** Request schemas of the `member` function, one per action. */
export const memberRequests = {
  join: z.strictObject({
    action: z.literal('join'),
    nickname: nickname.optional(),
    avatarUrl: avatarUrl.optional(),
  }),
  getProfile: z.strictObject({ action: z.literal('getProfile') }),
  /** The profile and the counts the member's pages show beside it, in one call. */
  getSummary: z.strictObject({ action: z.literal('getSummary') }),
  updateProfile: z
    .strictObject({
      action: z.literal('updateProfile'),
      nickname: nickname.optional(),
      avatarUrl: avatarUrl.optional(),
      gender: z.enum(['unknown', 'male', 'female']).optional(),
      /** A mainland mobile number, or null to remove it. */
      phone: z
        .string()
        .regex(/^1[3-9]\d{9}$/, 'must be an 11-digit mobile number')
        .nullable()
        .optional(),
    })
    .refine((input) => Object.keys(input).length > 1, 'nothing to update'),
  setBirthday: z.strictObject({ action: z.literal('setBirthday'), birthday: birthdaySchema }),
  setConsent: z.strictObject({ action: z.literal('setConsent'), marketing: z.boolean() }),
  /** Turns personalised marketing (offers chosen by the member's tags, 猜你喜欢 by their shopping) on or off. */
  setPersonalisation: z.strictObject({ action: z.literal('setPersonalisation'), personalised: z.boolean() }),
  deleteAccount: z.strictObject({
    action: z.literal('deleteAccount'),
    /** The member typed the confirmation; the client sends this exact phrase. */
    confirm: z.literal('注销账号'),
  }),
  tierProgress: z.strictObject({ action: z.literal('tierProgress') }),
  /** The topics the member accepted in one `requestSubscribeMessage` prompt; each adds one message of quota. */
  recordSubscriptions: z.strictObject({
    action: z.literal('recordSubscriptions'),
    accepted: z.array(z.enum(SUBSCRIPTION_TOPICS)).min(1).max(SUBSCRIPTION_TOPICS.length),
    /** Made once per prompt, so a retried report counts once. */
    clientKey,
  }),
  subscriptionQuota: z.strictObject({ action: z.literal('subscriptionQuota') }),
  /** The caller's current member code for the till; it rotates every 30 seconds. */
  memberCode: z.strictObject({ action: z.literal('memberCode') }),
  /** The caller's share code, which their shared links carry as `sharer` (made the first time). */
  shareCode: z.strictObject({ action: z.literal('shareCode') }),
  /** The caller opened a page from a member's shared link: recorded once per link and visitor. */
  recordShareVisit: z
    .strictObject({
      action: z.literal('recordShareVisit'),
      sharer: z.string().regex(SHARE_CODE_PATTERN, '分享码格式不正确'),
      page: z.enum(SHARE_PAGES),
      /** The shared product: present exactly when `page` is `product`. */
      productId: z
        .string()
        .regex(/^[A-Za-z0-9_-]{1,64}$/, '商品编号格式不正确')
        .optional(),
    })
    .refine((input) => (input.page === 'product') === (input.productId !== undefined), {
      message: '商品页的分享必须带商品编号，其他页面不带',
      path: ['productId'],
    }),
  /** The caller's address book. */
  listAddresses: z.strictObject({ action: z.literal('listAddresses') }),
  /** Adds an address; `clientKey` is made once per 保存 tap, so a retried add saves it once. */
  addAddress: z.strictObject({ action: z.literal('addAddress'), clientKey, ...addressFields }),
  updateAddress: z.strictObject({ action: z.literal('updateAddress'), addressId, ...addressFields }),
  removeAddress: z.strictObject({ action: z.literal('removeAddress'), addressId }),
  setDefaultAddress: z.strictObject({ action: z.literal('setDefaultAddress'), addressId }),
};

/** What a member sees of themselves. */
export interface MemberProfile {
  memberId: string;
  memberNo: string;
  nickname: string;
  avatarUrl: string;
  gender: Gender;
  phone: string | null;
  birthday: string | null;
  /** Whether the birthday can still be set by the member (it can be set once). */
  birthdayEditable: boolean;
  marketingConsent: boolean;
  /** Whether offers and recommendations may be personalised (on unless the member turned it off). */
  personalisedConsent: boolean;
  tier: { id: string; name: string };
  points: { available: Points; pending: Points };
  joinedAt: EpochMs;
  /** The one-time bonus for completing the profile while it is still to be had, and what is missing for it; null otherwise. */
  profileBonus: { points: Points; missing: ProfileField[] } | null;
}

/** The profile details the completion bonus asks for. */
export type ProfileField = 'nickname' | 'avatar' | 'gender' | 'birthday';

/** A gift a new member has just received, as the welcome sheet lists it. */
export interface WelcomeGift {
  kind: 'coupon';
  title: string;
  /** The coupon's face: 「¥10」 and 「满59元可用」. */
  headline: string;
  condition: string;
}

export interface TierProgressView {
  current: { id: string; name: string; perks: string[] };
  next: { id: string; name: string; entrySpendFen: Fen } | null;
  spendFen: Fen;
  toNextFen: Fen;
  toKeepFen: Fen;
  reviewAt: EpochMs;
  downgradeAt: EpochMs | null;
  /** Every tier with its perks, lowest first, for the perks table. */
  ladder: { id: string; name: string; entrySpendFen: Fen; perks: string[] }[];
  history: { from: string; to: string; reason: string; at: EpochMs }[];
}

/** A signed, short-lived member code: shown as a QR code and as digits. */
export interface MemberCodeView {
  /** 18 digits: the member number and a signature over the member and the current 30-second window. */
  code: string;
  memberNo: string;
  /** The server's clock when it signed, so a client with a wrong clock still counts down right. */
  issuedAt: EpochMs;
  /** When to fetch the next code. */
  refreshAt: EpochMs;
  /** When a till stops accepting this code. */
  expiresAt: EpochMs;
}

/** What waits for the member: usable coupons, rewards to collect, orders by the step they are at. */
export interface MemberCounts {
  coupons: number;
  awaitingPickup: number;
  orders: { pendingPayment: number; paid: number; shipped: number; refunding: number };
}

/** A member's profile with the counts beside it, and the store they serve at when they are bound staff. */
export interface MemberSummary {
  profile: MemberProfile;
  counts: MemberCounts;
  staff: { storeId: string } | null;
}

export interface MemberResponses {
  /** `gifts`: what this join just gave (the welcome coupon on a person's first membership); empty on a repeat. */
  join: MemberProfile & { created: boolean; gifts: WelcomeGift[] };
  getProfile: MemberProfile;
  getSummary: MemberSummary;
  updateProfile: MemberProfile & { bonusPoints: Points };
  setBirthday: MemberProfile & { bonusPoints: Points };
  setConsent: MemberProfile;
  setPersonalisation: MemberProfile;
  deleteAccount: { deleted: true };
  tierProgress: TierProgressView;
  recordSubscriptions: { quota: Record<SubscriptionTopic, number> };
  subscriptionQuota: { quota: Record<SubscriptionTopic, number> };
  memberCode: MemberCodeView;
  shareCode: { code: string };
  /** `ownLink`: the sharer opened their own link, which records nothing. */
  recordShareVisit: { outcome: 'recorded' | 'alreadyRecorded' | 'ownLink' };
  listAddresses: AddressBook;
  /** The book after the change, and the id of the address saved. */
  addAddress: AddressBook & { addressId: string };
  updateAddress: AddressBook & { addressId: string };
  removeAddress: AddressBook;
  setDefaultAddress: AddressBook;
}
