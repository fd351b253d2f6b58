import type { Purchase } from '~/core/marketing/profile-facts';
import type { CollectionName, Collections } from '~/types/collections';
import type { EpochMs } from '~/types/units';
import type { RequestContext } from '../runtime/wx';

/** The server answers at most this many documents per get. */
const GET_LIMIT = 1000;

/** Every document matching `query` (an indexed range that stays small: one member's or one page's), read in `_id` order by keyset. */
export async function findAll<N extends CollectionName>(
  ctx: RequestContext,
  name: N,
  query: Record<string, unknown>,
  fields: (keyof Collections[N] & string)[],
): Promise<Collections[N][]> {
  const _ = ctx.db.command;
  const collection = ctx.db.collection(name);
  const all: Collections[N][] = [];
  let after: string | null = null;
  for (;;) {
    const where: Record<string, unknown> = after === null ? query : _.and([query, { _id: _.gt(after) }]);
    const page = await collection.find(where, { orderBy: [['_id', 'asc']], limit: GET_LIMIT, fields });
    all.push(...page);
    const last = page[page.length - 1];
    if (page.length < GET_LIMIT || !last) return all;
    after = last._id;
  }
}

/** Appends `value` to the list of `key`. */
function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * The purchases of `memberIds` since `from`, per member: paid online orders (the lines not
 * refunded, by product category) and recorded in-store sales (reversed ones are none). Three
 * kinds of indexed reads for the lot: orders and sales by (memberId, createdAt), and the
 * categories of the products bought.
 */
export async function loadPurchases(ctx: RequestContext, memberIds: string[], from: EpochMs): Promise<Map<string, Purchase[]>> {
  const _ = ctx.db.command;
  const purchases = new Map<string, Purchase[]>();
  if (memberIds.length === 0) return purchases;
  const [orders, sales] = await Promise.all([
    findAll(ctx, 'orders', { memberId: _.in(memberIds), createdAt: _.gte(from) }, ['memberId', 'status', 'paidAt', 'lines']),
    findAll(ctx, 'store_sales', { memberId: _.in(memberIds), createdAt: _.gte(from) }, [
      'memberId',
      'status',
      'storeId',
      'paidFen',
      'createdAt',
    ]),
  ]);
  const productIds = [...new Set(orders.flatMap((order) => (order.lines ?? []).map((line) => line.productId)))];
  const categoryOf = new Map<string, string>();
  for (let i = 0; i < productIds.length; i += GET_LIMIT) {
    const products = await ctx.db
      .collection('products')
      .find({ _id: _.in(productIds.slice(i, i + GET_LIMIT)) }, { limit: GET_LIMIT, fields: ['categoryId'] });
    for (const product of products) categoryOf.set(product._id, product.categoryId);
  }
  for (const order of orders) {
    if (order.paidAt == null || !['paid', 'shipped', 'completed', 'refunded'].includes(order.status)) continue;
    const kept = (order.lines ?? []).filter((line) => line.refundId == null);
    const categories: Record<string, number> = {};
    for (const line of kept) {
      const category = categoryOf.get(line.productId);
      if (category) categories[category] = (categories[category] ?? 0) + line.quantity;
    }
    const netFen = kept.reduce((sum, line) => sum + line.paidFen, 0);
    push(purchases, order.memberId, { at: order.paidAt, netFen, channel: 'online', storeId: null, categories });
  }
  for (const sale of sales) {
    if (sale.status !== 'recorded') continue;
    push(purchases, sale.memberId, { at: sale.createdAt, netFen: sale.paidFen, channel: 'store', storeId: sale.storeId, categories: {} });
  }
  return purchases;
}
