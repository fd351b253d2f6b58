import { addDays, startOfDay } from '~/core/calendar/shanghai';
import { CodedError } from '~/core/coded-error';
import type { AdminOrderRow, AdminOrdersResponses } from '~/types/functions/admin-orders';
import type { OrderDoc } from '~/types/orders';
import { keysetPage } from '../db/keyset-page';
import { findMemberIdsByPhone } from '../members/find-member-ids-by-phone';
import type { RequestContext } from '../runtime/wx';

/** An order as admin lists show it: a pickup code is the member's to show at the till, so lists never carry it. */
function withoutPickupCode(order: OrderDoc): OrderDoc {
  return order.delivery.mode === 'pickup' ? { ...order, delivery: { ...order.delivery, pickupCode: null } } : order;
}

/** The members a search names: a 10-digit member number exactly, or an 11-digit mobile number. */
async function memberIdsOf(ctx: RequestContext, member: string): Promise<string[]> {
  if (/^[0-9]{10}$/.test(member)) {
    const found = await ctx.db.collection('members').findOne({ memberNo: member });
    return found ? [found._id] : [];
  }
  return findMemberIdsByPhone(ctx, member);
}

export interface OrderSearch {
  status?: OrderDoc['status'];
  orderNo?: string;
  member?: string;
  /** Shanghai days, both included. */
  createdFrom?: string;
  createdTo?: string;
  pageSize: number;
  cursor?: string;
}

/**
 * One page of all orders (placements in flight and failed ones left out), newest first, narrowed
 * by status, order number, member and the days placed, with each order's member nickname and number.
 */
export async function listAllOrders(ctx: RequestContext, input: OrderSearch): Promise<AdminOrdersResponses['listOrders']> {
  const _ = ctx.db.command;
  if (input.createdFrom && input.createdTo && input.createdFrom > input.createdTo)
    throw new CodedError('VALIDATION_FAILED', 'createdTo: must not be before createdFrom', { field: 'createdTo' });
  const where: Record<string, unknown>[] = [input.status ? { status: input.status } : { status: _.nin(['placing', 'failed']) }];
  if (input.orderNo) where.push({ orderNo: input.orderNo });
  if (input.member) {
    const memberIds = await memberIdsOf(ctx, input.member);
    if (memberIds.length === 0) return { items: [], nextCursor: null };
    where.push({ memberId: memberIds.length === 1 ? memberIds[0] : _.in(memberIds) });
  }
  if (input.createdFrom) where.push({ createdAt: _.gte(startOfDay(input.createdFrom)) });
  if (input.createdTo) where.push({ createdAt: _.lt(addDays(startOfDay(input.createdTo), 1)) });
  const query = where.length === 1 ? (where[0] as Record<string, unknown>) : _.and(where);
  const page = await keysetPage(ctx.db.collection('orders'), _, query, { field: 'createdAt', direction: 'desc' }, input);
  const memberIds = [...new Set(page.items.map((order) => order.memberId))];
  const asked = page.items.filter((order) => order.hasRefund).map((order) => order._id);
  const [members, waiting] = await Promise.all([
    memberIds.length === 0
      ? []
      : ctx.db.collection('members').find({ _id: _.in(memberIds) }, { limit: memberIds.length, fields: ['_id', 'memberNo', 'nickname'] }),
    asked.length === 0
      ? []
      : ctx.db.collection('refunds').find({ orderId: _.in(asked), status: 'requested' }, { limit: 100, fields: ['_id', 'orderId'] }),
  ]);
  const byId = new Map(members.map((member) => [member._id, { memberNo: member.memberNo, nickname: member.nickname }]));
  const inReview = new Set(waiting.map((refund) => refund.orderId));
  const items: AdminOrderRow[] = page.items.map((order) => ({
    ...withoutPickupCode(order),
    member: byId.get(order.memberId) ?? null,
    refundAwaitingReview: inReview.has(order._id),
  }));
  return { items, nextCursor: page.nextCursor };
}
