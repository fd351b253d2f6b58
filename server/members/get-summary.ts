import type { MemberSummary } from '~/types/functions/member';
import { bucketQuery } from '../coupons/list-my-coupons';
import type { RequestContext } from '../runtime/wx';
import { loadMember, profileOf } from './get-profile';

/** Refunds still open, which 退款/售后 counts. */
const OPEN_REFUNDS = ['requested', 'awaitingReturn', 'refunding'];

/**
 * The caller's profile and what waits for them — usable coupons, rewards to collect, orders by
 * step, open refunds — each an indexed count, read together, so every page that shows these
 * figures shows the same ones. Bound staff also learn their store (the staff entrance).
 */
export async function getMemberSummary(ctx: RequestContext, openid: string): Promise<MemberSummary> {
  const member = await loadMember(ctx, openid);
  const _ = ctx.db.command;
  const memberId = member._id;
  const orders = ctx.db.collection('orders');
  const ordersAt = (status: string) => orders.count({ memberId, status });
  const [profile, coupons, awaitingPickup, pendingPayment, paid, shipped, refunding, staff] = await Promise.all([
    profileOf(ctx, member),
    ctx.db.collection('coupon_instances').count(bucketQuery('usable', memberId, ctx.now, _)),
    ctx.db.collection('redemptions').count({ memberId, status: 'awaitingPickup' }),
    ordersAt('pendingPayment'),
    ordersAt('paid'),
    ordersAt('shipped'),
    ctx.db.collection('refunds').count({ memberId, status: _.in(OPEN_REFUNDS) }),
    ctx.db.collection('staff').get(openid),
  ]);
  return {
    profile,
    counts: { coupons, awaitingPickup, orders: { pendingPayment, paid, shipped, refunding } },
    staff: staff?.status === 'active' ? { storeId: staff.storeId } : null,
  };
}
