import * as z from 'zod';
import type { RedemptionDoc, RewardDoc } from '../rewards';

/** A reward id chosen by the admin: a slug, so a retried create finds the reward it made. */
export const adminRewardId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,47}$/, '礼品编号须为 1–48 位小写字母、数字或 -，以字母或数字开头');
const requestKey = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号须为 8–64 位字母、数字、_ 或 -');
const redemptionId = z.string().min(1, '请指定兑换记录').max(200);
const storeId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '请选择门店');
/** A Shanghai calendar day. */
const day = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '日期格式须为 YYYY-MM-DD');
const epochMs = z.number().int('时间须为毫秒整数').min(0).max(8_640_000_000_000);

/** Limits of the reward form, shared by the admin page's checks. */
export const REWARD_LIMITS = {
  title: 30,
  description: 200,
  category: 8,
  imageUrl: 300,
  pointsCost: 10_000_000,
  cashFen: 100_000_000,
  perMemberLimit: 100,
  stock: 1_000_000,
} as const;

/** An image for a reward: empty, demo media served by the local cloud, an https address, or a cloud storage file id. */
export const REWARD_IMAGE_PATTERN = /^(\/media\/[A-Za-z0-9_./-]+|https:\/\/\S+|cloud:\/\/\S+)$/;

/** A reward as the admin page creates or edits it; the stock is set at creation and changed by changeRewardStock after. */
export const rewardInput = z
  .strictObject({
    rewardId: adminRewardId,
    title: z.string().trim().min(1, '请填写礼品名称').max(REWARD_LIMITS.title, `礼品名称最多 ${REWARD_LIMITS.title} 个字`),
    description: z.string().trim().max(REWARD_LIMITS.description, `说明最多 ${REWARD_LIMITS.description} 个字`).default(''),
    imageUrl: z
      .string()
      .trim()
      .max(REWARD_LIMITS.imageUrl, `图片地址最多 ${REWARD_LIMITS.imageUrl} 个字符`)
      .refine((url) => url === '' || REWARD_IMAGE_PATTERN.test(url), '图片地址须以 /media/、https:// 或 cloud:// 开头')
      .default(''),
    category: z.string().trim().min(1, '请填写分类').max(REWARD_LIMITS.category, `分类最多 ${REWARD_LIMITS.category} 个字`),
    kind: z.enum(['pickup', 'coupon', 'pointsCash'], { error: '请选择礼品类型' }),
    pointsCost: z
      .number({ error: '请填写所需积分' })
      .int('积分须为整数')
      .min(1, '所需积分至少为 1')
      .max(REWARD_LIMITS.pointsCost, `所需积分不能超过 ${REWARD_LIMITS.pointsCost}`),
    cashFen: z.number().int('金额须精确到分').min(0, '金额不能为负').max(REWARD_LIMITS.cashFen, '金额过大').default(0),
    couponTemplateId: z.string().min(1).max(64).nullable().default(null),
    perMemberLimit: z
      .number()
      .int('每人限兑须为整数')
      .min(1, '每人限兑至少 1 次')
      .max(REWARD_LIMITS.perMemberLimit, `每人限兑最多 ${REWARD_LIMITS.perMemberLimit} 次`)
      .default(1),
    availableFrom: epochMs.nullable().default(null),
    availableTo: epochMs.nullable().default(null),
    minTierId: z.string().min(1).max(32).nullable().default(null),
    sort: z.number().int('排序须为整数').min(-1_000_000).max(1_000_000).default(0),
    /** Stock of a new reward; an edit leaves the stock alone. */
    initialStock: z
      .number()
      .int('库存须为整数')
      .min(0, '库存不能为负')
      .max(REWARD_LIMITS.stock, `库存不能超过 ${REWARD_LIMITS.stock}`)
      .default(0),
  })
  .superRefine((input, issues) => {
    const problem = (path: string, message: string) => issues.addIssue({ code: 'custom', path: [path], message });
    if (input.kind === 'coupon' && !input.couponTemplateId) problem('couponTemplateId', '优惠券礼品须选择券模板');
    if (input.kind !== 'coupon' && input.couponTemplateId) problem('couponTemplateId', '只有优惠券礼品可选择券模板');
    if (input.kind === 'pointsCash' && input.cashFen < 1) problem('cashFen', '积分+现金礼品须填写到店支付的金额');
    if (input.kind !== 'pointsCash' && input.cashFen !== 0) problem('cashFen', '只有积分+现金礼品需要支付现金');
    if (input.availableFrom !== null && input.availableTo !== null && input.availableTo <= input.availableFrom)
      problem('availableTo', '兑换结束时间须晚于开始时间');
  });

export type RewardInput = z.output<typeof rewardInput>;

/** Shelf states an admin can set: 上架 (active), 下架 (paused), 结束 (ended: off the shelf for good). */
const rewardStatus = z.enum(['active', 'paused', 'ended'], { error: '请选择上架状态' });

/** Redemption statuses an admin filters by. */
export const REDEMPTION_STATUSES = [
  'processing',
  'awaitingPickup',
  'fulfilled',
  'issued',
  'cancelling',
  'cancelled',
  'failing',
  'failed',
] as const satisfies readonly RedemptionDoc['status'][];

/** The points-mall actions of the `admin` function, without `action` and `token`. */
export const adminRewardsInputs = {
  /** Every reward (at most 200, the catalogue of a points mall), in display order, optionally one shelf state. */
  listRewards: z.strictObject({ status: z.enum(['all', 'active', 'paused', 'ended']).default('all') }),
  /** `create` refuses an id taken by a different reward; `update` needs it to exist. New rewards start off the shelf. */
  saveReward: rewardInput.safeExtend({ mode: z.enum(['create', 'update']) }),
  setRewardStatus: z.strictObject({ rewardId: adminRewardId, status: rewardStatus }),
  /**
   * Adds stock (positive) or takes it away (negative): a change, not a count, so redemptions taken
   * meanwhile are never overwritten; refused when it would take more than remains. Once per requestKey.
   */
  changeRewardStock: z.strictObject({
    rewardId: adminRewardId,
    delta: z
      .number({ error: '请填写库存变化数量' })
      .int('库存变化须为整数')
      .min(-REWARD_LIMITS.stock, '减少的数量过大')
      .max(REWARD_LIMITS.stock, '增加的数量过大')
      .refine((n) => n !== 0, '库存变化不能为 0'),
    requestKey,
  }),
  /**
   * Redemptions newest first, narrowed by reward, status, member (a 10-digit member number or an
   * 11-digit mobile number) and the Shanghai days they were made (both ends included), with the
   * total that matches.
   */
  listRedemptions: z.strictObject({
    rewardId: adminRewardId.optional(),
    status: z.enum(REDEMPTION_STATUSES).optional(),
    member: z
      .string()
      .trim()
      .regex(/^(?:[0-9]{10}|1[3-9][0-9]{9})$/, '请输入 10 位会员号或 11 位手机号')
      .optional(),
    createdFrom: day.optional(),
    createdTo: day.optional(),
    pageSize: z.number().int().min(1).max(100).default(20),
    cursor: z.string().max(400).optional(),
  }),
  /**
   * Hands over a reward awaiting pickup at a store, on the pickup code the member shows; from a
   * row of the list, `redemptionId` makes sure the code is that redemption's.
   */
  handOverRedemption: z.strictObject({
    redemptionId: redemptionId.optional(),
    pickupCode: z
      .string()
      .trim()
      .regex(/^[0-9]{8}$/, '提货码为 8 位数字'),
    storeId,
  }),
  /** Cancels a reward not yet collected on the member's behalf: points, stock and quota go back. */
  cancelRedemption: z.strictObject({
    redemptionId,
    reason: z.string().trim().min(2, '请填写取消原因（至少 2 个字）').max(100, '取消原因最多 100 个字'),
  }),
};

/** A reward as the admin page lists it: the document, with how many were redeemed. */
export interface AdminRewardRow extends RewardDoc {
  /** Units taken out of stock by redemptions (a cancel or a failed redemption gives its unit back). */
  redeemedCount: number;
}

/** A redemption as the admin list shows it: never its pickup code, which is the member's to show at the till. */
export interface AdminRedemptionRow extends Omit<RedemptionDoc, 'pickupCode' | 'leaseUntil' | 'givenBack'> {
  hasPickupCode: boolean;
  member: { memberNo: string; nickname: string; phone: string | null } | null;
  /** Whether an admin may cancel it now (a pickup not yet collected). */
  cancellable: boolean;
}

export interface AdminRewardsResponses {
  listRewards: { items: AdminRewardRow[]; total: number };
  saveReward: { reward: AdminRewardRow; created: boolean };
  setRewardStatus: AdminRewardRow;
  changeRewardStock: { reward: AdminRewardRow; applied: boolean };
  listRedemptions: { items: AdminRedemptionRow[]; nextCursor: string | null; total: number };
  handOverRedemption: AdminRedemptionRow;
  cancelRedemption: AdminRedemptionRow;
}
