import { allocate } from '~/core/money/allocate';
import type { MemberDoc } from '~/types/documents';
import type { OrderDoc, OrderLine, ShippingAddress } from '~/types/orders';
import type { Fen } from '~/types/units';
import { lockCoupon } from '../coupons/lock-coupon';
import { spendPoints } from '../points/spend-points';
import { waitOutLease } from '../db/wait-out-lease';
import type { RequestContext } from '../runtime/wx';
import type { Checkout, CheckoutInput } from './checkout';
import { breakdownOf, buildCheckout, toPreview } from './checkout';
import { newOrderNo, orderIdOf } from './order-ids';
import { failPlacement, finishFailedPlacement, orderSpendKey } from './placement-failure';
import { markSoldOut } from './sold-out';
import { holdStock } from './stock';
import { CodedError, hasCode } from '~/core/coded-error';

/**
 * How long one request owns a placement; a retry after it takes over. Longer than the orders
 * function's 20 s timeout, so a slow request that is still alive is never taken over.
 */
const LEASE_MS = 25_000;
/** What a retry hears while another request is still placing the order. */
const STILL_PLACING = '订单正在提交中，请稍后在订单列表查看';

/** How long a retry waits for the request that owns the placement before answering it as it is. */
const WAIT_MS = 3_000;

export interface PlaceInput extends CheckoutInput {
  delivery: { mode: 'delivery'; address: ShippingAddress } | { mode: 'pickup'; storeId: string };
  expectedPayableFen: Fen;
  note: string;
  clientKey: string;
}

/**
 * Places an order, idempotent on the client's order key. Reprices the cart exactly as the
 * preview did and refuses a different total with the new breakdown (PRICE_CHANGED). Then holds,
 * step by step and each step recorded on the order, the stock (all lines in one transaction),
 * the coupons and the points; a step that cannot be taken gives back what the earlier ones
 * took and the order ends `failed` with the reason. A retry of a placement in flight waits for
 * it, and one whose request died takes over where it stopped.
 */
export async function placeOrder(ctx: RequestContext, member: MemberDoc, input: PlaceInput): Promise<OrderDoc> {
  const orders = ctx.db.collection('orders');
  const id = orderIdOf(member._id, input.clientKey);
  const existing = await orders.get(id);
  if (existing) return settle(ctx, existing);

  const checkout = await buildCheckout(ctx, member, input);
  if (checkout.priced.payableFen !== input.expectedPayableFen) {
    throw new CodedError('PRICE_CHANGED', `订单金额已更新为¥${(checkout.priced.payableFen / 100).toFixed(2)}，请确认后再提交`, {
      preview: toPreview(checkout),
    });
  }
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const order = newOrder(ctx, id, checkout, input);
    if (await orders.insert(order)) return advance(ctx, order);
    const raced = await orders.get(id);
    // Not our id: the random order number was taken; draw another.
    if (raced) return settle(ctx, raced);
  }
  throw new CodedError('CONFLICT', '订单提交繁忙，请稍后重试');
}

function newOrder(ctx: RequestContext, id: string, checkout: Checkout, input: PlaceInput): OrderDoc {
  const { priced } = checkout;
  const pointsPerLine = allocate(
    priced.pointsUsed,
    checkout.lines.map((line) => line.pointsFen),
  );
  const lines: OrderLine[] = checkout.lines.map(({ item: _item, memberUnitPriceFen: _unit, ...line }, index) => ({
    ...line,
    pointsUsed: pointsPerLine[index] as number,
    refundId: null,
  }));
  const delivery: OrderDoc['delivery'] =
    input.delivery.mode === 'delivery'
      ? { mode: 'delivery', address: input.delivery.address, trackingNo: null }
      : { mode: 'pickup', storeId: input.delivery.storeId, storeName: checkout.store?.name ?? '', pickupCode: null };
  return {
    _id: id,
    orderNo: newOrderNo(ctx.now),
    memberId: checkout.member._id,
    status: 'placing',
    progress: 'created',
    failure: null,
    leaseUntil: ctx.now + LEASE_MS,
    lines,
    ...breakdownOf(priced),
    couponIds: checkout.selected.map((coupon) => coupon._id),
    delivery,
    note: input.note,
    payDeadline: ctx.now + checkout.shop.payMinutes * 60_000,
    paymentStartedAt: null,
    transactionId: null,
    paidAt: null,
    shippedAt: null,
    completedAt: null,
    cancelledAt: null,
    cancelReason: null,
    refundedFen: 0,
    refundedPoints: 0,
    stockHeld: false,
    stockReturned: [],
    holdsReturned: false,
    hasRefund: false,
    timeline: [],
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
}

/** Answers a placement found by a retry: waits for its owner, finishes a failure, or takes over a dead one. */
async function settle(ctx: RequestContext, found: OrderDoc): Promise<OrderDoc> {
  const orders = ctx.db.collection('orders');
  const read = async () => (await orders.get(found._id)) as OrderDoc;
  const { doc: current, waited } = await waitOutLease(
    found,
    read,
    (doc) => doc.status === 'placing' && doc.failure === null,
    ctx.now,
    WAIT_MS,
  );
  if (current.status === 'failed' || (current.status === 'placing' && current.failure)) throw await finishFailedPlacement(ctx, current);
  if (current.status !== 'placing') return current;
  if (current.leaseUntil > ctx.now + waited) throw new CodedError('CONFLICT', STILL_PLACING);
  const claimed = await orders.updateWhere(
    { _id: current._id, status: 'placing', leaseUntil: current.leaseUntil },
    { leaseUntil: ctx.now + WAIT_MS + LEASE_MS, updatedAt: ctx.now },
  );
  if (claimed !== 1) {
    const now = (await orders.get(current._id)) as OrderDoc;
    if (now.status === 'placing') throw new CodedError('CONFLICT', STILL_PLACING);
    return now;
  }
  return advance(ctx, current);
}

/** Takes the steps a placement has not taken yet, recording each, then opens the order for payment. */
async function advance(ctx: RequestContext, start: OrderDoc): Promise<OrderDoc> {
  const orders = ctx.db.collection('orders');
  let order = start;
  const record = async (fields: Partial<OrderDoc>) => {
    const moved = await orders.updateWhere(
      { _id: order._id, status: 'placing', progress: order.progress },
      { ...fields, updatedAt: ctx.now },
    );
    if (moved !== 1) throw new CodedError('CONFLICT', STILL_PLACING);
    order = { ...order, ...fields };
  };
  if (order.progress === 'created') {
    try {
      await markSoldOut(ctx, await holdStock(ctx, order));
    } catch (error) {
      if (hasCode(error, 'OUT_OF_STOCK')) throw await failPlacement(ctx, order, error);
      throw error;
    }
    await record({ progress: 'stockHeld', stockHeld: true });
  }
  if (order.progress === 'stockHeld') {
    for (const couponId of order.couponIds) {
      try {
        await lockCoupon(ctx, { instanceId: couponId, memberId: order.memberId, orderId: order._id });
      } catch (error) {
        if (hasCode(error, 'INVALID_STATE', 'NOT_FOUND')) {
          throw await failPlacement(ctx, order, new CodedError('NOT_ELIGIBLE', '优惠券已被使用或已过期，请重新选择', { couponId }));
        }
        throw error;
      }
    }
    await record({ progress: 'couponsLocked' });
  }
  if (order.progress === 'couponsLocked') {
    if (order.pointsUsed > 0) {
      try {
        await spendPoints(ctx, {
          memberId: order.memberId,
          key: orderSpendKey(order._id),
          points: order.pointsUsed,
          reason: `订单抵扣：${order.orderNo}`,
          ref: { type: 'order', id: order._id },
        });
      } catch (error) {
        if (hasCode(error, 'INSUFFICIENT_POINTS', 'NEGATIVE_BALANCE')) {
          throw await failPlacement(ctx, order, new CodedError(error.code, '积分余额已变化，请重新确认订单'));
        }
        throw error;
      }
    }
    await record({
      progress: 'pointsHeld',
      status: 'pendingPayment',
      timeline: [{ status: 'pendingPayment', at: ctx.now, note: '订单已提交，等待付款' }],
    });
  }
  return order;
}
