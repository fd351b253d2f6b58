import type { ErrorCode } from '~/types/errors';
import type { RedemptionDoc, RewardDoc } from '~/types/rewards';
import type { Step } from '../db/steps';
import { stepsRunner } from '../db/steps';
import { allocatePickupCode } from '../orders/pickup-code';
import { refundSpentPoints } from '../points/refund-spent-points';
import { spendPoints } from '../points/spend-points';
import { issueRewardCoupon } from './reward-coupon';
import { CodedError, hasCode } from '~/core/coded-error';

/** How long the request that created a redemption owns it before a retry may resume it. */
export const REDEMPTION_LEASE_MS = 15_000;
/** How long a duplicate request waits for the first one to finish before answering. */
const WAIT_MS = 3_000;

export const quotaId = (rewardId: string, memberId: string) => `${rewardId}:${memberId}`;
export const spendKeyOf = (redemptionId: string) => `spend:reward:${redemptionId}`;

const MESSAGES: Partial<Record<ErrorCode, string>> = {
  NOT_AVAILABLE: '该礼品暂时无法兑换，积分已退回',
  LIMIT_REACHED: '已达到该礼品的兑换次数上限',
  OUT_OF_STOCK: '礼品已兑完',
  INSUFFICIENT_POINTS: '积分不足',
  NEGATIVE_BALANCE: '积分余额为负，暂不能兑换',
};
const REFUSALS = Object.keys(MESSAGES) as ErrorCode[];

/** The error a failed redemption answers. */
function failureOf(redemption: RedemptionDoc): CodedError {
  const code = (redemption.failure ?? 'INTERNAL') as ErrorCode;
  return new CodedError(code, MESSAGES[code] ?? '兑换失败', { redemptionId: redemption._id });
}

/**
 * The quota and the stock are bare counters (a guarded `$inc`), so each is recorded as soon as
 * it is taken and given back once; the points spend is keyed by the redemption and the coupon
 * issue by its redemption, so a take-over takes them again. A crash between a counter and its
 * record can consume one unit of quota or stock without a redemption; never the reverse.
 */
const STEPS: Step<RedemptionDoc, RewardDoc>[] = [
  {
    name: 'quota',
    record: true,
    take: async (ctx, redemption, reward) => {
      const _ = ctx.db.command;
      const quotas = ctx.db.collection('reward_quotas');
      const id = quotaId(reward._id, redemption.memberId);
      // A member's first redemption of a reward creates the quota with itself counted.
      if (reward.perMemberLimit >= 1 && (await quotas.insert({ _id: id, count: 1 }))) return;
      const took = await quotas.updateWhere({ _id: id, count: _.lt(reward.perMemberLimit) }, { count: _.inc(1) });
      if (took !== 1) throw new CodedError('LIMIT_REACHED', MESSAGES.LIMIT_REACHED as string);
    },
    undo: async (ctx, redemption) => {
      await ctx.db
        .collection('reward_quotas')
        .updateWhere({ _id: quotaId(redemption.rewardId, redemption.memberId) }, { count: ctx.db.command.inc(-1) });
    },
  },
  {
    name: 'stock',
    record: true,
    take: async (ctx, redemption) => {
      const _ = ctx.db.command;
      const took = await ctx.db
        .collection('rewards')
        .updateWhere({ _id: redemption.rewardId, stockRemaining: _.gt(0) }, { stockRemaining: _.inc(-1) });
      if (took !== 1) throw new CodedError('OUT_OF_STOCK', MESSAGES.OUT_OF_STOCK as string);
    },
    undo: async (ctx, redemption) => {
      await ctx.db.collection('rewards').updateWhere({ _id: redemption.rewardId }, { stockRemaining: ctx.db.command.inc(1) });
    },
  },
  {
    name: 'paid',
    record: false,
    take: async (ctx, redemption) => {
      await spendPoints(ctx, {
        memberId: redemption.memberId,
        key: spendKeyOf(redemption._id),
        points: redemption.pointsCost,
        reason: `兑换礼品：${redemption.title}`,
        ref: { type: 'reward', id: redemption._id },
      });
    },
    undo: async (ctx, redemption) => {
      const reason = redemption.status === 'cancelling' ? '取消兑换退回积分' : '兑换失败退回积分';
      await refundSpentPoints(ctx, {
        memberId: redemption.memberId,
        key: `refund:reward:${redemption._id}`,
        spendKey: spendKeyOf(redemption._id),
        reason: `${reason}：${redemption.title}`,
        ref: { type: 'reward', id: redemption._id },
      });
    },
  },
  {
    name: 'done',
    record: false,
    take: async (ctx, redemption, reward) => {
      if (reward.kind !== 'coupon')
        return { status: 'awaitingPickup', pickupCode: await allocatePickupCode(ctx, { redemptionId: redemption._id }) };
      try {
        const couponInstanceId = await issueRewardCoupon(ctx, {
          memberId: redemption.memberId,
          redemptionId: redemption._id,
          templateId: reward.couponTemplateId,
        });
        return { status: 'issued', couponInstanceId, fulfilledAt: ctx.now };
      } catch (error) {
        // The coupon cannot be issued (sold out, paused, not for this member): undo the redemption, points included.
        if (hasCode(error)) throw new CodedError('NOT_AVAILABLE', MESSAGES.NOT_AVAILABLE as string);
        throw error;
      }
    },
  },
];

/**
 * Redeeming a reward: per-member quota, stock, points, then fulfilment (a coupon issued, or a
 * pickup code). A step that cannot be taken marks the redemption failing, gives back what the
 * earlier ones took, and marks it failed; a retry of the same request waits for it, or resumes
 * it once its request's lease has run out.
 */
export const redemption = stepsRunner<RedemptionDoc, RewardDoc>({
  collection: 'redemptions',
  start: 'reserved',
  steps: STEPS,
  done: 'done',
  running: { status: 'processing' },
  isRunning: (doc) => doc.status === 'processing',
  finish: () => ({}),
  lease: { ms: REDEMPTION_LEASE_MS, waitMs: WAIT_MS },
  stillHeld: (doc) => doc,
  resume: async (ctx, doc) => {
    const reward = await ctx.db.collection('rewards').get(doc.rewardId);
    if (!reward) throw new CodedError('NOT_FOUND', '礼品不存在');
    return reward;
  },
  failure: {
    refusal: (error) => {
      if (!hasCode(error) || !REFUSALS.includes(error.code)) return null;
      return error;
    },
    failing: (refusal) => ({ status: 'failing', failure: refusal.code }),
    isFailing: (doc) => doc.status === 'failing',
    failingQuery: { status: 'failing' },
    failed: { status: 'failed' },
    isFailed: (doc) => doc.status === 'failed',
    errorOf: failureOf,
  },
});
