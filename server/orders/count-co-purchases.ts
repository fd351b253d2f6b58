import type { OrderDoc } from '~/types/orders';
import type { RequestContext } from '../runtime/wx';

/** The distinct products of one order counted together: an order of more only adds the pairs among its first ones (at most 90 writes). */
const MAX_PRODUCTS = 10;

/** Adds one to a pair's count, making its document on the first purchase; a racing first insert falls back to the increment. */
async function bump(ctx: RequestContext, productId: string, otherId: string): Promise<void> {
  const pairs = ctx.db.collection('co_purchases');
  const _id = `${productId}:${otherId}`;
  const inc = { count: ctx.db.command.inc(1), updatedAt: ctx.now };
  if ((await pairs.updateWhere({ _id }, inc)) === 1) return;
  if (await pairs.insert({ _id, productId, otherId, count: 1, updatedAt: ctx.now })) return;
  await pairs.updateWhere({ _id }, inc);
}

/**
 * Counts a paid order towards 猜你喜欢: every pair of distinct products in it, both directions.
 * Not idempotent by itself: the caller runs it once per order, right after its own guarded
 * pendingPayment → paid move took, so a repeated payment callback never counts again.
 */
export async function countCoPurchases(ctx: RequestContext, order: Pick<OrderDoc, 'lines'>): Promise<void> {
  const ids = [...new Set(order.lines.map((line) => line.productId))].slice(0, MAX_PRODUCTS);
  await Promise.all(ids.flatMap((a) => ids.filter((b) => b !== a).map((b) => bump(ctx, a, b))));
}
