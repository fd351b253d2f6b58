import { dayOf } from '~/core/calendar/shanghai';
import { allocate } from '~/core/money/allocate';
import { checkInReward, purchasePoints } from '~/core/points/earning';
import { planClawback, planCredit, planPendingEarn, planRefundSpend, planRelease, planSpend } from '~/core/points/ledger-plans';
import { pendingLotId } from '~/core/points/lots';
import { spendSlice } from '~/core/points/spend-slice';
import type { LedgerRef, PointLotDoc } from '~/types/points';
import type { EpochMs, Fen, Points } from '~/types/units';
import { loadProgramme, tierOf } from '../programme/load-programme';
import type { RequestContext } from '../runtime/wx';
import type { PostResult } from './post-entry';
import { postEntry } from './post-entry';
import { CodedError } from '~/core/coded-error';

/** Daily check-in, once per Shanghai day: 5 points and a bonus on every 7th day of a streak (by default). */
export async function checkIn(ctx: RequestContext, memberId: string): Promise<PostResult> {
  const { programme } = await loadProgramme(ctx);
  const day = dayOf(ctx.now);
  let streak = 0;
  return postEntry(ctx, {
    key: `checkin:${memberId}:${day}`,
    memberId,
    plan: (state, member) => {
      const reward = checkInReward(member.checkIn, day, programme.checkIn);
      streak = reward.streak;
      const reason = reward.bonusPoints ? `每日签到 · 连续${reward.streak}天奖励` : '每日签到';
      return planCredit(
        state,
        {
          kind: 'checkin',
          reason,
          ref: { type: 'checkin', id: day },
          details: { day, streak: reward.streak, base: reward.basePoints, bonus: reward.bonusPoints },
        },
        reward.basePoints + reward.bonusPoints,
        programme.points.expiryMonths,
      );
    },
    // Two check-ins around midnight may commit out of order; the later day stays the member's last.
    memberFields: (member) =>
      member.checkIn.lastDay !== null && member.checkIn.lastDay > day ? {} : { checkIn: { lastDay: day, streak } },
  });
}

/** Points for completing the profile, once per person (`personKey` survives a deleted account). */
export async function awardProfileBonus(ctx: RequestContext, memberId: string, personKey: string): Promise<PostResult | null> {
  const { programme } = await loadProgramme(ctx);
  if (programme.profileBonusPoints <= 0) return null;
  return postEntry(ctx, {
    key: `profile:${personKey}`,
    memberId,
    plan: (state) =>
      planCredit(
        state,
        { kind: 'profile', reason: '完善资料奖励', ref: { type: 'profile', id: memberId } },
        programme.profileBonusPoints,
        programme.points.expiryMonths,
      ),
  });
}

/**
 * Purchase points for a paid order: `earnPerYuan` per ¥1 paid × the member's tier multiplier,
 * rounded down, split over the lines so a partial refund claws back exactly what its lines
 * earned. Pending until the return window closes (startReturnWindow); idempotent per order.
 * Answers null for an order too small to earn a point.
 */
export async function earnForOrder(
  ctx: RequestContext,
  input: { memberId: string; orderId: string; lines: { lineId: string; paidFen: Fen }[] },
): Promise<PostResult | null> {
  const { programme, tiers } = await loadProgramme(ctx);
  const key = `earn:order:${input.orderId}`;
  const paid = input.lines.reduce((sum, line) => sum + line.paidFen, 0);
  const best = Math.max(...tiers.map((tier) => tier.pointsMultiplierPercent));
  if (purchasePoints(paid, programme.points.earnPerYuan, best) === 0) return null;
  let earnsNothing = false;
  return postEntry(ctx, {
    key,
    memberId: input.memberId,
    plan: (state, current) => {
      const tier = tierOf(tiers, current.tierId);
      const points = purchasePoints(paid, programme.points.earnPerYuan, tier.pointsMultiplierPercent);
      earnsNothing = points === 0;
      const perLine = allocate(
        points,
        input.lines.map((line) => line.paidFen),
      );
      return planPendingEarn(
        state,
        {
          kind: 'earn',
          reason: '购物得积分',
          ref: { type: 'order', id: input.orderId },
          snapshot: {
            earnPerYuan: programme.points.earnPerYuan,
            pointsMultiplierPercent: tier.pointsMultiplierPercent,
            tierId: tier._id,
            lines: input.lines.map((line, i) => ({ lineId: line.lineId, paidFen: line.paidFen, points: perLine[i] as number })),
          },
        },
        key,
        points,
        null,
        programme.points.expiryMonths,
      );
    },
  }).catch((error: unknown) => {
    // Too small for this member's tier to earn a point: nothing to post.
    if (earnsNothing) return null;
    throw error;
  });
}

/**
 * Starts an order's return window at delivery or pickup: its pending points become releasable
 * `pendingDays` later. A guarded update, so a repeat changes nothing.
 */
export async function startReturnWindow(ctx: RequestContext, input: { orderId: string; completedAt: EpochMs }): Promise<boolean> {
  const { programme } = await loadProgramme(ctx);
  const updated = await ctx.db
    .collection('point_lots')
    .updateWhere(
      { _id: pendingLotId(`earn:order:${input.orderId}`), state: 'pending', pendingUntil: null },
      { pendingUntil: input.completedAt + programme.points.pendingDays * 86_400_000, updatedAt: ctx.now },
    );
  return updated === 1;
}

/** Makes a pending lot's points available once its return window has closed. */
export async function releasePendingLot(ctx: RequestContext, lot: Pick<PointLotDoc, '_id' | 'memberId' | 'entryId'>): Promise<PostResult> {
  const { programme } = await loadProgramme(ctx);
  return postEntry(ctx, {
    key: `release:${lot.entryId ?? lot._id}`,
    memberId: lot.memberId,
    lotIds: [lot._id],
    plan: (state) =>
      planRelease(
        state,
        { kind: 'release', reason: '购物积分到账', ref: { type: 'order', id: (lot.entryId ?? lot._id).replace(/^earn:order:/, '') } },
        lot._id,
        programme.points.expiryMonths,
      ),
  });
}

/** Claws back the points that refunded order lines earned, once per refund. */
export async function clawbackOrderPoints(
  ctx: RequestContext,
  input: { memberId: string; orderId: string; refundId: string; lineIds: string[] },
): Promise<PostResult | null> {
  const earnKey = `earn:order:${input.orderId}`;
  const earn = await ctx.db.collection('ledger_entries').get(earnKey);
  if (!earn) return null;
  const points = (earn.snapshot?.lines ?? [])
    .filter((line) => input.lineIds.includes(line.lineId))
    .reduce((sum, line) => sum + line.points, 0);
  if (points === 0) return null;
  return postEntry(ctx, {
    key: `clawback:order:${input.orderId}:${input.refundId}`,
    memberId: input.memberId,
    lotIds: [pendingLotId(earnKey)],
    allBuckets: true,
    plan: (state) =>
      planClawback(state, { kind: 'clawback', reason: '订单退款扣回积分', ref: { type: 'order', id: input.orderId } }, earnKey, points),
  });
}

/** Spends points for something (a reward, part of an order); idempotent on `key`. */
export async function spendPoints(
  ctx: RequestContext,
  input: { memberId: string; key: string; points: Points; reason: string; ref: LedgerRef },
): Promise<PostResult> {
  return postEntry(ctx, {
    key: input.key,
    memberId: input.memberId,
    allBuckets: true,
    plan: (state) => planSpend(state, { kind: 'spend', reason: input.reason, ref: input.ref }, input.points),
  });
}

/**
 * Gives back what the spend `spendKey` took, to the same buckets — all of it, or only the
 * `slices` of it (see spendSlice), e.g. the points used on refunded order lines; idempotent on `key`.
 */
export async function refundSpentPoints(
  ctx: RequestContext,
  input: { memberId: string; key: string; spendKey: string; reason: string; ref: LedgerRef; slices?: { offset: number; points: Points }[] },
): Promise<PostResult | null> {
  const [spend, { programme }] = await Promise.all([ctx.db.collection('ledger_entries').get(input.spendKey), loadProgramme(ctx)]);
  if (!spend) return null;
  const lots = input.slices ? input.slices.flatMap((slice) => spendSlice(spend.lots, slice.offset, slice.points)) : spend.lots;
  if (lots.length === 0) return null;
  return postEntry(ctx, {
    key: input.key,
    memberId: input.memberId,
    lotIds: [...new Set(lots.map((lot) => lot.lotId))],
    plan: (state) =>
      planRefundSpend(
        state,
        { kind: 'refund', reason: input.reason, ref: input.ref },
        { kind: spend.kind, lots },
        programme.points.expiryMonths,
      ),
  });
}

/** An admin correction: adds points, or takes available points away; idempotent on the admin's request key. */
export async function adjustPoints(
  ctx: RequestContext,
  input: { memberId: string; key: string; points: Points; reason: string; adminId: string },
): Promise<PostResult> {
  const { programme } = await loadProgramme(ctx);
  const draft = { kind: 'adjust' as const, reason: `积分调整：${input.reason}`, ref: { type: 'admin' as const, id: input.adminId } };
  if (input.points === 0) throw new CodedError('VALIDATION_FAILED', 'points: an adjustment cannot be zero');
  return postEntry(ctx, {
    key: `adjust:${input.memberId}:${input.key}`,
    memberId: input.memberId,
    allBuckets: input.points < 0,
    plan: (state) =>
      input.points > 0 ? planCredit(state, draft, input.points, programme.points.expiryMonths) : planSpend(state, draft, -input.points),
  });
}
