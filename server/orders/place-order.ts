import { allocate } from '~/core/money/allocate';
import type { MemberDoc } from '~/types/documents';
import type { OrderDoc, OrderLine, ShippingAddress } from '~/types/orders';
import type { Fen } from '~/types/units';
import type { RequestContext } from '../runtime/wx';
import type { Checkout, CheckoutInput } from './checkout';
import { breakdownOf, buildCheckout, toPreview } from './checkout';
import { newOrderNo, orderIdOf } from './order-ids';
import { PLACEMENT_LEASE_MS, placement } from './placement-steps';
import { CodedError } from '~/core/coded-error';
import { yuanText } from '~/core/money/format';
import { MINUTE_MS } from '~/core/calendar/durations';

export interface PlaceInput extends CheckoutInput {
  delivery: { mode: 'delivery'; address: ShippingAddress } | { mode: 'pickup'; storeId: string };
  expectedPayableFen: Fen;
  note: string;
  clientKey: string;
}

/**
 * Places an order, idempotent on the client's order key. Reprices the cart exactly as the
 * preview did and refuses a different total with the new breakdown (PRICE_CHANGED). Then takes
 * the placement's steps (stock, coupons, points; see placement-steps); a step that cannot be
 * taken gives back what the earlier ones took and the order ends `failed` with the reason. A
 * retry meets the order's `_id` (at the insert, or when its repricing is refused because the
 * first request holds the coupon or the points): it waits for a placement in flight, and takes
 * over one whose request died where it stopped.
 */
export async function placeOrder(ctx: RequestContext, member: MemberDoc, input: PlaceInput): Promise<OrderDoc> {
  const orders = ctx.db.collection('orders');
  const id = orderIdOf(member._id, input.clientKey);
  const earlier = async (error: unknown): Promise<OrderDoc> => {
    const found = await orders.get(id);
    if (found) return placement.settle(ctx, found);
    throw error;
  };

  let checkout: Checkout;
  try {
    checkout = await buildCheckout(ctx, member, input, { couponPicker: false });
  } catch (error) {
    return earlier(error);
  }
  if (checkout.priced.payableFen !== input.expectedPayableFen) {
    const refusal = new CodedError('PRICE_CHANGED', `订单金额已更新为¥${yuanText(checkout.priced.payableFen)}，请确认后再提交`, {
      preview: toPreview(await buildCheckout(ctx, member, input)),
    });
    return earlier(refusal);
  }
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const order = newOrder(ctx, id, checkout, input);
    if (await orders.insert(order)) return placement.advance(ctx, order);
    const raced = await orders.get(id);
    // Not our id: the random order number was taken; draw another.
    if (raced) return placement.settle(ctx, raced);
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
    leaseUntil: ctx.now + PLACEMENT_LEASE_MS,
    lines,
    ...breakdownOf(priced),
    couponIds: checkout.selected.map((coupon) => coupon._id),
    delivery,
    note: input.note,
    payDeadline: ctx.now + checkout.shop.payMinutes * MINUTE_MS,
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
