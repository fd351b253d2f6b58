import { randomInt } from 'node:crypto';
import { redeemBlocker } from '~/core/rewards/redeemable';
import type { MemberDoc } from '~/types/documents';
import type { ErrorCode } from '~/types/errors';
import type { RedemptionDoc, RedemptionProgress, RewardDoc } from '~/types/rewards';
import { waitOutLease } from '../db/wait-out-lease';
import type { RequestContext } from '../runtime/wx';
import { spendPoints } from '../points/spend-points';
import { loadProgramme } from '../programme/load-programme';
import { giveBack, quotaId, spendKeyOf } from './give-back';
import { issueRewardCoupon } from './reward-coupon';
import { availableAt } from '~/core/points/expiry';
import { CodedError, hasCode } from '~/core/coded-error';

/** How long the request that created a redemption owns it before a retry may resume it. */
const LEASE_MS = 15_000;
/** How long a duplicate request waits for the first one to finish before answering. */
const WAIT_MS = 3_000;

export const redemptionId = (memberId: string, clientKey: string) => `redeem:${memberId}:${clientKey}`;

const MESSAGES: Partial<Record<ErrorCode, string>> = {
  NOT_AVAILABLE: '该礼品暂时无法兑换，积分已退回',
  LIMIT_REACHED: '已达到该礼品的兑换次数上限',
  OUT_OF_STOCK: '礼品已兑完',
  INSUFFICIENT_POINTS: '积分不足',
  NEGATIVE_BALANCE: '积分余额为负，暂不能兑换',
};

function failure(redemption: RedemptionDoc): CodedError {
  const code = (redemption.failure ?? 'INTERNAL') as ErrorCode;
  return new CodedError(code, MESSAGES[code] ?? '兑换失败', { redemptionId: redemption._id });
}

/**
 * Redeems a reward for points, once per client key. Each step (per-member quota, stock,
 * points, fulfilment) is an atomic guarded update or an idempotent posting, done and then
 * recorded on the redemption, so a retry of the same request resumes where the first stopped
 * and never repeats a recorded step. A crash between a step and its record can consume one
 * unit of quota or stock without a redemption; never the reverse, so stock and limits hold.
 */
export async function redeemReward(
  ctx: RequestContext,
  member: MemberDoc,
  input: { rewardId: string; clientKey: string },
): Promise<RedemptionDoc> {
  const id = redemptionId(member._id, input.clientKey);
  const redemptions = ctx.db.collection('redemptions');
  const existing = await redemptions.get(id);
  if (existing) return settle(ctx, existing);

  const reward = await ctx.db.collection('rewards').get(input.rewardId);
  if (!reward) throw new CodedError('NOT_FOUND', '礼品不存在');
  const { tiers } = await loadProgramme(ctx);
  const rankOf = (tierId: string) => tiers.find((tier) => tier._id === tierId)?.rank ?? 0;
  const refusal =
    redeemBlocker(reward, rankOf(member.tierId), rankOf, ctx.now) ??
    (availableAt(member.points, ctx.now) < reward.pointsCost
      ? new CodedError('INSUFFICIENT_POINTS', `积分不足：需要 ${reward.pointsCost}，可用 ${availableAt(member.points, ctx.now)}`)
      : null);
  if (refusal) {
    // A copy of this request may have started the redemption since the read above and taken the last unit: answer it, not the refusal.
    const raced = await redemptions.get(id);
    if (raced) return settle(ctx, raced);
    throw refusal;
  }

  const redemption: RedemptionDoc = {
    _id: id,
    memberId: member._id,
    rewardId: reward._id,
    title: reward.title,
    kind: reward.kind,
    pointsCost: reward.pointsCost,
    cashFen: reward.cashFen,
    status: 'processing',
    progress: 'reserved',
    failure: null,
    pickupCode: null,
    couponInstanceId: null,
    leaseUntil: ctx.now + LEASE_MS,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    fulfilledAt: null,
    cancelledAt: null,
  };
  if (!(await redemptions.insert(redemption))) return settle(ctx, (await redemptions.get(id)) as RedemptionDoc);
  return advance(ctx, redemption, reward);
}

/** Answers an existing redemption: waits for its owner, or resumes it once the owner's lease has passed. */
async function settle(ctx: RequestContext, found: RedemptionDoc): Promise<RedemptionDoc> {
  const redemptions = ctx.db.collection('redemptions');
  const read = async () => (await redemptions.get(found._id)) as RedemptionDoc;
  const { doc: current } = await waitOutLease(found, read, (doc) => doc.status === 'processing', ctx.now, WAIT_MS);
  if (current.status === 'failing') {
    // Its request stopped while giving back what it took: finish that first.
    await giveBack(ctx, current, '兑换失败退回积分');
    await redemptions.updateWhere({ _id: current._id, status: 'failing' }, { status: 'failed', updatedAt: ctx.now });
    throw failure(current);
  }
  if (current.status === 'failed') throw failure(current);
  if (current.status !== 'processing') return current;
  // Resume only a redemption whose owner has gone (its lease has run out); a live owner keeps it.
  if (current.leaseUntil > ctx.now + WAIT_MS) return current;
  const claimed = await redemptions.updateWhere(
    { _id: current._id, status: 'processing', leaseUntil: current.leaseUntil },
    { leaseUntil: ctx.now + WAIT_MS + LEASE_MS, updatedAt: ctx.now },
  );
  if (claimed !== 1) return (await redemptions.get(current._id)) as RedemptionDoc;
  const reward = (await ctx.db.collection('rewards').get(current.rewardId)) as RewardDoc;
  return advance(ctx, { ...current, leaseUntil: ctx.now + LEASE_MS }, reward);
}

async function advance(ctx: RequestContext, start: RedemptionDoc, reward: RewardDoc): Promise<RedemptionDoc> {
  const _ = ctx.db.command;
  const redemptions = ctx.db.collection('redemptions');
  let redemption = start;

  /** Records that the step after `redemption.progress` is done; false if another request moved it on. */
  const record = async (next: RedemptionProgress, fields: Partial<RedemptionDoc> = {}) => {
    const moved = await redemptions.updateWhere(
      { _id: redemption._id, status: 'processing', progress: redemption.progress },
      { progress: next, updatedAt: ctx.now, ...fields },
    );
    if (moved !== 1) throw new CodedError('CONFLICT', 'this redemption is being processed by another request');
    redemption = { ...redemption, progress: next, ...fields };
  };

  /**
   * Marks the redemption failing, gives back what its recorded steps took, then marks it failed.
   * A retry that finds it still failing (a crash in between) finishes the give-back.
   */
  const fail = async (code: ErrorCode): Promise<never> => {
    await redemptions.updateWhere({ _id: redemption._id, status: 'processing' }, { status: 'failing', failure: code, updatedAt: ctx.now });
    await giveBack(ctx, redemption, '兑换失败退回积分');
    await redemptions.updateWhere({ _id: redemption._id, status: 'failing' }, { status: 'failed', updatedAt: ctx.now });
    throw failure({ ...redemption, failure: code });
  };

  if (redemption.progress === 'reserved') {
    const quotas = ctx.db.collection('reward_quotas');
    const qid = quotaId(reward._id, redemption.memberId);
    await quotas.insert({ _id: qid, count: 0 });
    const took = await quotas.updateWhere({ _id: qid, count: _.lt(reward.perMemberLimit) }, { count: _.inc(1) });
    if (took !== 1) await fail('LIMIT_REACHED');
    await record('quota');
  }
  if (redemption.progress === 'quota') {
    const took = await ctx.db
      .collection('rewards')
      .updateWhere({ _id: reward._id, stockRemaining: _.gt(0) }, { stockRemaining: _.inc(-1) });
    if (took !== 1) await fail('OUT_OF_STOCK');
    await record('stock');
  }
  if (redemption.progress === 'stock') {
    try {
      await spendPoints(ctx, {
        memberId: redemption.memberId,
        key: spendKeyOf(redemption._id),
        points: redemption.pointsCost,
        reason: `兑换礼品：${redemption.title}`,
        ref: { type: 'reward', id: redemption._id },
      });
    } catch (error) {
      if (hasCode(error, 'INSUFFICIENT_POINTS', 'NEGATIVE_BALANCE')) await fail(error.code);
      throw error;
    }
    await record('paid');
  }
  if (redemption.progress === 'paid') {
    if (reward.kind === 'coupon') {
      let couponInstanceId: string;
      try {
        couponInstanceId = await issueRewardCoupon(ctx, {
          memberId: redemption.memberId,
          redemptionId: redemption._id,
          templateId: reward.couponTemplateId,
        });
      } catch (error) {
        // The coupon cannot be issued (sold out, paused, not for this member): undo the redemption, points included.
        if (hasCode(error)) await fail('NOT_AVAILABLE');
        throw error;
      }
      await record('done', { status: 'issued', couponInstanceId, fulfilledAt: ctx.now });
    } else {
      await record('done', { status: 'awaitingPickup', pickupCode: await allocatePickupCode(ctx, redemption._id) });
    }
  }
  return redemption;
}

/** An eight-digit code staff type in at the till; unique through its `_id` in `pickup_codes`. */
async function allocatePickupCode(ctx: RequestContext, redemptionId: string): Promise<string> {
  const codes = ctx.db.collection('pickup_codes');
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const code = String(randomInt(10_000_000, 100_000_000));
    if (await codes.insert({ _id: code, redemptionId, createdAt: ctx.now })) return code;
  }
  throw new CodedError('CONFLICT', 'could not allocate a pickup code, please try again');
}
