import { dayOf } from '~/core/calendar/shanghai';
import { CodedError } from '~/core/coded-error';
import type { SaleView } from '~/types/functions/staff';
import type { StaffDoc, StoreSaleDoc } from '~/types/staff';
import type { RequestContext } from '../runtime/wx';
import { loadStore } from './load-store';
import { loadTillSession } from './load-till-session';
import type { TillSaleInput } from './price-till-sale';
import { priceTillSale } from './price-till-sale';
import { SALE_LEASE_MS, saleSteps } from './sale-steps';
import { toSaleView } from './sale-views';

export const saleIdOf = (storeId: string, receiptNo: string) => `sale:${storeId}:${receiptNo}`;

export interface RecordSaleInput extends TillSaleInput {
  sessionId: string;
  receiptNo: string;
  lines?: StoreSaleDoc['lines'];
}

/**
 * Records an in-store purchase for the member of a till session. The sale's `_id` is the store's
 * receipt number, so recording a receipt twice answers the first sale (`duplicate`) and earns
 * once; a receipt whose recording failed may be recorded again. The till is charged what the
 * server prices: points must match the quote the cashier showed (PRICE_CHANGED otherwise), and a
 * coupon that does not apply is refused with its reason.
 */
export async function recordSale(ctx: RequestContext, staff: StaffDoc, input: RecordSaleInput): Promise<SaleView & { duplicate: boolean }> {
  const id = saleIdOf(staff.storeId, input.receiptNo);
  const sales = ctx.db.collection('store_sales');
  const [found, store, session] = await Promise.all([
    sales.get(id),
    loadStore(ctx, staff.storeId),
    loadTillSession(ctx, staff, input.sessionId),
  ]);
  if (found && found.status !== 'failed') return { ...toSaleView(await saleSteps.settle(ctx, found)), duplicate: true };

  const { quote, coupon } = await priceTillSale(ctx, session, input);
  if (quote.couponProblem) throw new CodedError('NOT_ELIGIBLE', `优惠券不可用：${quote.couponProblem}`, { field: 'couponInstanceId' });
  if ((input.points ?? 0) > 0 && quote.maxPoints === 0) {
    throw new CodedError('NOT_ELIGIBLE', '积分抵现需要会员刚出示的会员码，请让会员刷新后重新扫码', { field: 'points' });
  }
  if (quote.pointsUsed !== (input.points ?? 0)) throw new CodedError('PRICE_CHANGED', '可用积分已变化，请重新确认金额', { quote });

  const attempt = found ? found.attempt + 1 : 1;
  const sale: StoreSaleDoc = {
    _id: id,
    key: attempt === 1 ? id : `${id}#${attempt}`,
    attempt,
    storeId: store._id,
    storeName: store.name,
    receiptNo: input.receiptNo,
    staffId: staff._id,
    staffName: staff.nickname,
    staffRole: staff.role,
    memberId: session.memberId,
    sessionId: session._id,
    amountFen: quote.amountFen,
    couponInstanceId: coupon?._id ?? null,
    couponTitle: coupon?.title ?? null,
    couponDiscountFen: quote.couponDiscountFen,
    pointsUsed: quote.pointsUsed,
    pointsFen: quote.pointsFen,
    paidFen: quote.paidFen,
    pointsEarned: 0,
    lines: input.lines ?? [],
    day: dayOf(ctx.now),
    status: 'processing',
    progress: 'reserved',
    failure: null,
    leaseUntil: ctx.now + SALE_LEASE_MS,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    reversedAt: null,
    reversedBy: null,
    reverseReason: null,
  };
  // A failed recording of this receipt gave back all it took; it makes way for this one.
  if (found) await sales.removeWhere({ _id: id, status: 'failed' });
  if (!(await sales.insert(sale))) {
    return { ...toSaleView(await saleSteps.settle(ctx, (await sales.get(id)) as StoreSaleDoc)), duplicate: true };
  }
  return { ...toSaleView(await saleSteps.advance(ctx, sale, { store, coupon })), duplicate: false };
}
