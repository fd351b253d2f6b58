import type { SkuStockDoc } from '~/types/catalog';
import type { OrderDoc } from '~/types/orders';
import type { Transaction } from '../db/run-transaction';
import { runTransaction } from '../db/run-transaction';
import type { RequestContext } from '../runtime/wx';
import { CodedError } from '~/core/coded-error';

type Lines = Pick<OrderDoc, '_id' | 'lines'>;

const quantities = (lines: OrderDoc['lines']) => {
  const bySku = new Map<string, { quantity: number; title: string }>();
  for (const line of lines) bySku.set(line.skuId, { quantity: (bySku.get(line.skuId)?.quantity ?? 0) + line.quantity, title: line.title });
  return bySku;
};

const holdKey = (orderId: string) => `holds.${orderId}`;

/**
 * Takes the stock of every line of a placing order. Each SKU is one guarded update that takes
 * the units only if there are enough, and writes the order's entry in `holds` at the same time,
 * so buyers of a hot SKU never conflict (no transaction) and a retried hold finds its entry and
 * takes nothing twice. The first update asks for more than the line takes, so that one that
 * matches leaves stock behind; only when it does not is the exact remainder tried (the line
 * empties the SKU) and then the SKU read (short, or held by this order already). A line short
 * of stock is OUT_OF_STOCK; the caller then gives back what the order holds (releaseHeldStock).
 * Answers the SKUs now at zero, for the sold-out flags.
 */
export async function holdStock(ctx: RequestContext, order: Lines): Promise<string[]> {
  const _ = ctx.db.command;
  const stock = ctx.db.collection('sku_stock');
  const key = holdKey(order._id);
  const emptied: string[] = [];
  for (const [skuId, { quantity, title }] of quantities(order.lines)) {
    const take = (left: Record<string, unknown>) =>
      stock.updateWhere(
        { _id: skuId, stock: left, [key]: _.exists(false) },
        { stock: _.inc(-quantity), [key]: quantity, updatedAt: ctx.now },
      );
    if ((await take(_.gt(quantity))) === 1) continue;
    if ((await take(_.eq(quantity))) === 1) {
      emptied.push(skuId);
      continue;
    }
    const current = await stock.get(skuId);
    if (current?.holds?.[order._id] !== undefined) {
      if (current.stock <= 0) emptied.push(skuId);
      continue;
    }
    const left = current?.stock ?? 0;
    throw new CodedError('OUT_OF_STOCK', left === 0 ? `「${title}」已售罄` : `「${title}」库存不足，仅剩${left}件`, { skuId, stock: left });
  }
  return emptied;
}

/** Gives back the units an unpaid order holds (cancelled, timed out, or failed to place), once per SKU. Answers the SKUs given back. */
export async function releaseHeldStock(ctx: RequestContext, order: Lines): Promise<string[]> {
  const _ = ctx.db.command;
  const key = holdKey(order._id);
  const released: string[] = [];
  for (const [skuId, { quantity }] of quantities(order.lines)) {
    const back = await ctx.db
      .collection('sku_stock')
      .updateWhere({ _id: skuId, [key]: _.exists(true) }, { stock: _.inc(quantity), [key]: _.remove(), updatedAt: ctx.now });
    if (back === 1) released.push(skuId);
  }
  return released;
}

/** A paid order's units are sold: its entries leave `holds` (the stock stays taken). */
export async function settleHeldStock(ctx: RequestContext, order: Lines): Promise<void> {
  const _ = ctx.db.command;
  const key = holdKey(order._id);
  for (const skuId of quantities(order.lines).keys()) {
    await ctx.db.collection('sku_stock').updateWhere({ _id: skuId, [key]: _.exists(true) }, { [key]: _.remove() });
  }
}

async function readOrder(tx: Transaction, orderId: string): Promise<OrderDoc> {
  const order = (await tx.collection('orders').doc(orderId).get()).data as OrderDoc | null;
  if (!order) throw new CodedError('NOT_FOUND', 'order not found');
  return order;
}

/**
 * Puts back the stock of refunded lines of a paid order that never shipped, once per line: the
 * order records the lines returned in the same transaction. Refunds are rare, so a transaction
 * (which may retry on a busy SKU) is fine here. Answers the SKUs given back.
 */
export async function returnSoldStock(ctx: RequestContext, orderId: string, lineIds: readonly string[]): Promise<string[]> {
  return runTransaction(ctx, async (tx) => {
    const order = await readOrder(tx, orderId);
    const lines = order.lines.filter((line) => lineIds.includes(line.lineId) && !order.stockReturned.includes(line.lineId));
    if (lines.length === 0) return [];
    const back = quantities(lines);
    const stocks = await Promise.all(
      [...back.keys()].map(async (skuId) => (await tx.collection('sku_stock').doc(skuId).get()).data as SkuStockDoc | null),
    );
    const returned: string[] = [];
    for (const [i, [skuId, { quantity }]] of [...back].entries()) {
      const current = stocks[i];
      // A SKU deleted from the catalogue since has nowhere to go back to.
      if (!current) continue;
      returned.push(skuId);
      await tx
        .collection('sku_stock')
        .doc(skuId)
        .update({ data: { stock: current.stock + quantity, updatedAt: ctx.now } });
    }
    await tx
      .collection('orders')
      .doc(orderId)
      .update({
        data: { stockReturned: [...order.stockReturned, ...lines.map((line) => line.lineId)], updatedAt: ctx.now },
      });
    return returned;
  });
}
