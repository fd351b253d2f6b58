import { dayOf } from '~/core/calendar/shanghai';
import { CodedError } from '~/core/coded-error';
import type { SaleView } from '~/types/functions/staff';
import type { StaffDoc, StoreSaleDoc } from '~/types/staff';
import { writeAudit } from '../audit/write-audit';
import { clawbackSalePoints } from '../points/clawback-sale-points';
import { refundSpentPoints } from '../points/refund-spent-points';
import type { RequestContext } from '../runtime/wx';
import { recordQualifyingSpend } from '../tiers/qualifying-spend';
import { staffActor } from './require-staff';
import { saleSpendKey } from './sale-steps';
import { toSaleView } from './sale-views';

/** Undoes what a recorded sale did, each part keyed by the sale, so a retry of a reversal cut short finishes it. */
async function undoSale(ctx: RequestContext, sale: StoreSaleDoc): Promise<void> {
  await clawbackSalePoints(ctx, { memberId: sale.memberId, saleId: sale.key });
  await refundSpentPoints(ctx, {
    memberId: sale.memberId,
    key: `refund:sale:${sale.key}`,
    spendKey: saleSpendKey(sale.key),
    reason: `门店消费撤销退回积分：${sale.storeName}`,
    ref: { type: 'sale', id: sale.key },
  });
  if (sale.couponInstanceId) {
    // The coupon comes back with its own window: one past it reads as expired.
    await ctx.db
      .collection('coupon_instances')
      .updateWhere(
        { _id: sale.couponInstanceId, status: 'used', usedBy: sale.key },
        { status: 'issued', usedBy: null, usedAt: null, releasedBy: sale.key, updatedAt: ctx.now },
      );
  }
  await recordQualifyingSpend(ctx, { memberId: sale.memberId, sourceId: `${sale.key}:reversal`, amountFen: -sale.paidFen });
}

/**
 * A manager reverses a purchase of the same Shanghai day in their own store: the points it
 * earned are taken back, the points it spent and its coupon come back, its qualifying spend is
 * cancelled. A guarded move to `reversing` makes it happen once; a reversal cut short is
 * finished by a retry.
 */
export async function reverseSale(ctx: RequestContext, staff: StaffDoc, input: { saleId: string; reason: string }): Promise<SaleView> {
  const sales = ctx.db.collection('store_sales');
  const sale = await sales.get(input.saleId);
  if (!sale || sale.storeId !== staff.storeId) throw new CodedError('NOT_FOUND', '没有这笔消费记录');
  if (sale.status === 'reversed') return toSaleView(sale);
  if (sale.status !== 'recorded' && sale.status !== 'reversing') throw new CodedError('INVALID_STATE', '这笔消费未完成记录，不能撤销');
  if (sale.status === 'recorded' && sale.day !== dayOf(ctx.now)) throw new CodedError('INVALID_STATE', '只能撤销当天的消费');
  const reversing = { status: 'reversing' as const, reversedBy: staff._id, reverseReason: input.reason, updatedAt: ctx.now };
  if (sale.status === 'recorded' && (await sales.updateWhere({ _id: sale._id, status: 'recorded' }, reversing)) !== 1) {
    return reverseSale(ctx, staff, input);
  }
  await undoSale(ctx, sale);
  const reversedAt = ctx.now;
  await writeAudit(ctx, {
    _id: `audit:${sale.key}:reversal`,
    actor: staffActor(staff),
    action: 'reverseSale',
    target: { type: 'sale', id: sale._id },
    memberId: sale.memberId,
    amounts: { amountFen: -sale.amountFen, paidFen: -sale.paidFen, pointsEarned: -sale.pointsEarned, pointsSpent: -sale.pointsUsed },
    before: { status: 'recorded' },
    after: { status: 'reversed', reason: input.reason, couponInstanceId: sale.couponInstanceId },
  });
  await sales.updateWhere({ _id: sale._id, status: 'reversing' }, { status: 'reversed', reversedAt, updatedAt: ctx.now });
  return toSaleView({ ...sale, ...reversing, status: 'reversed', reversedAt });
}
