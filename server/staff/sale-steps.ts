import { CodedError, hasCode } from '~/core/coded-error';
import type { CouponInstanceDoc } from '~/types/coupons';
import type { ErrorCode } from '~/types/errors';
import type { StoreDoc } from '~/types/orders';
import type { StoreSaleDoc } from '~/types/staff';
import { writeAudit } from '../audit/write-audit';
import { writeOffCouponInstance } from '../coupons/write-off-coupon-instance';
import type { Step } from '../db/steps';
import { stepsRunner } from '../db/steps';
import { markLastPaid } from '../members/mark-last-paid';
import { earnForSale } from '../points/earn-for-sale';
import { refundSpentPoints } from '../points/refund-spent-points';
import { spendPoints } from '../points/spend-points';
import { recordQualifyingSpend } from '../tiers/qualifying-spend';
import { loadStore } from './load-store';

/** How long the request that records a sale owns it before a retry may resume it. */
export const SALE_LEASE_MS = 15_000;
const WAIT_MS = 3_000;

export const saleSpendKey = (saleId: string) => `spend:sale:${saleId}`;

/** Refusals that end a sale and give back what it took. */
const REFUSALS: ErrorCode[] = ['INVALID_STATE', 'NOT_ELIGIBLE', 'INSUFFICIENT_POINTS', 'NEGATIVE_BALANCE', 'NOT_FOUND'];

/** What a sale's steps need besides the sale: its store (for the returns policy), and its coupon as priced (null on a resume: read again). */
export interface SaleEnv {
  store: StoreDoc;
  coupon: CouponInstanceDoc | null;
}

/**
 * Every step is keyed by the sale (the coupon's `usedBy`, the session's `pointsUsedBy`, the
 * ledger keys, the spend record and the audit entry), so a take-over takes them again
 * harmlessly and a give-back undoes only what this sale took.
 */
const STEPS: Step<StoreSaleDoc, SaleEnv>[] = [
  {
    name: 'coupon',
    record: false,
    take: async (ctx, sale, { coupon }) => {
      if (!sale.couponInstanceId) return;
      await writeOffCouponInstance(ctx, {
        instanceId: sale.couponInstanceId,
        memberId: sale.memberId,
        usedBy: sale.key,
        known: coupon ?? undefined,
      });
    },
    undo: async (ctx, sale) => {
      if (!sale.couponInstanceId) return;
      await ctx.db
        .collection('coupon_instances')
        .updateWhere(
          { _id: sale.couponInstanceId, status: 'used', usedBy: sale.key },
          { status: 'issued', usedBy: null, usedAt: null, releasedBy: sale.key, updatedAt: ctx.now },
        );
    },
  },
  {
    name: 'session',
    record: false,
    take: async (ctx, sale) => {
      if (sale.pointsUsed === 0) return;
      // Points pay once per scan: the session is claimed for this sale by a guarded update.
      const sessions = ctx.db.collection('till_sessions');
      const took = await sessions.updateWhere({ _id: sale.sessionId, pointsUsedBy: null }, { pointsUsedBy: sale.key });
      if (took === 1) return;
      const session = await sessions.get(sale.sessionId);
      if (session?.pointsUsedBy !== sale.key) throw new CodedError('NOT_ELIGIBLE', '本次扫码已用过积分抵现，请让会员刷新会员码后重新扫码');
    },
    undo: async (ctx, sale) => {
      await ctx.db.collection('till_sessions').updateWhere({ _id: sale.sessionId, pointsUsedBy: sale.key }, { pointsUsedBy: null });
    },
  },
  {
    name: 'paid',
    record: false,
    take: async (ctx, sale) => {
      if (sale.pointsUsed === 0) return;
      await spendPoints(ctx, {
        memberId: sale.memberId,
        key: saleSpendKey(sale.key),
        points: sale.pointsUsed,
        reason: `门店消费积分抵现：${sale.storeName}`,
        ref: { type: 'sale', id: sale.key },
      });
    },
    undo: async (ctx, sale) => {
      await refundSpentPoints(ctx, {
        memberId: sale.memberId,
        key: `refund:sale:${sale.key}`,
        spendKey: saleSpendKey(sale.key),
        reason: `门店消费退回积分：${sale.storeName}`,
        ref: { type: 'sale', id: sale.key },
      });
    },
  },
  {
    name: 'done',
    record: false,
    take: async (ctx, sale, { store }) => {
      const earned = await earnForSale(ctx, { sale, pendingDays: store.pointsPendingDays });
      const pointsEarned = earned ? earned.entry.pending + earned.entry.available : 0;
      await recordQualifyingSpend(ctx, { memberId: sale.memberId, sourceId: sale.key, amountFen: sale.paidFen });
      await markLastPaid(ctx, { memberId: sale.memberId, paidAt: sale.createdAt });
      await writeAudit(ctx, {
        _id: `audit:${sale.key}`,
        actor: { kind: 'staff', id: sale.staffId, name: sale.staffName, role: sale.staffRole, storeId: sale.storeId },
        action: 'recordSale',
        target: { type: 'sale', id: sale._id },
        memberId: sale.memberId,
        amounts: {
          amountFen: sale.amountFen,
          paidFen: sale.paidFen,
          couponDiscountFen: sale.couponDiscountFen,
          pointsEarned,
          pointsSpent: sale.pointsUsed,
        },
        after: { status: 'recorded', receiptNo: sale.receiptNo, couponInstanceId: sale.couponInstanceId },
      });
      return { pointsEarned };
    },
  },
];

/** An in-store purchase: the coupon written off, points as payment, then points earned, qualifying spend and the audit entry. */
export const saleSteps = stepsRunner<StoreSaleDoc, SaleEnv>({
  collection: 'store_sales',
  start: 'reserved',
  steps: STEPS,
  done: 'done',
  running: { status: 'processing' },
  isRunning: (doc) => doc.status === 'processing',
  finish: () => ({ status: 'recorded' }),
  lease: { ms: SALE_LEASE_MS, waitMs: WAIT_MS },
  stillHeld: () => {
    throw new CodedError('CONFLICT', '这张小票正在记录中，请稍候再试');
  },
  resume: async (ctx, doc) => ({ store: await loadStore(ctx, doc.storeId), coupon: null }),
  failure: {
    refusal: (error) => (hasCode(error) && REFUSALS.includes(error.code) ? error : null),
    failing: (refusal) => ({ status: 'failing', failure: refusal.code, failureMessage: refusal.message }),
    isFailing: (doc) => doc.status === 'failing',
    failingQuery: { status: 'failing' },
    failed: { status: 'failed' },
    isFailed: (doc) => doc.status === 'failed',
    errorOf: (doc) => new CodedError((doc.failure ?? 'INTERNAL') as ErrorCode, doc.failureMessage ?? '记录失败', { saleId: doc._id }),
  },
});
