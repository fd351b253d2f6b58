import { RuleError } from '~/core/rule-error';
import type { SkuStockDoc } from '~/types/catalog';
import type { OrderDoc } from '~/types/orders';
import type { Raw } from '../db/cloud';
import { runTransaction } from '../db/run-transaction';
import { AppError } from '../runtime/errors';
import type { RequestContext } from '../runtime/wx';

const quantities = (lines: OrderDoc['lines']) => {
  const bySku = new Map<string, { quantity: number; title: string }>();
  for (const line of lines) bySku.set(line.skuId, { quantity: (bySku.get(line.skuId)?.quantity ?? 0) + line.quantity, title: line.title });
  return bySku;
};

async function readOrder(tx: Raw, orderId: string): Promise<OrderDoc> {
  const order = (await tx.collection('orders').doc(orderId).get()).data as OrderDoc | null;
  if (!order) throw new AppError('NOT_FOUND', 'order not found');
  return order;
}

/**
 * Takes the stock of every line of a placing order, or none: one transaction reads the order
 * and each SKU's stock, and writes them together, so two buyers of the last unit cannot both
 * get it and a retry (the order says `stockHeld`) takes nothing twice. Answers the SKUs that
 * reached zero, for the sold-out flags.
 */
export async function holdStock(ctx: RequestContext, orderId: string): Promise<string[]> {
  return runTransaction(ctx, async (tx) => {
    const order = await readOrder(tx, orderId);
    if (order.stockHeld) return [];
    const wanted = quantities(order.lines);
    const emptied: string[] = [];
    const stocks = await Promise.all([...wanted.keys()].map(async (skuId) => (await tx.collection('sku_stock').doc(skuId).get()).data as SkuStockDoc | null));
    for (const [i, [skuId, { quantity, title }]] of [...wanted].entries()) {
      const stock = stocks[i]?.stock ?? 0;
      if (stock < quantity) {
        throw new RuleError('OUT_OF_STOCK', stock === 0 ? `「${title}」已售罄` : `「${title}」库存不足，仅剩${stock}件`, { skuId, stock });
      }
      if (stock === quantity) emptied.push(skuId);
    }
    for (const [i, [skuId, { quantity }]] of [...wanted].entries()) {
      await tx.collection('sku_stock').doc(skuId).update({ data: { stock: (stocks[i] as SkuStockDoc).stock - quantity, updatedAt: ctx.now } });
    }
    await tx.collection('orders').doc(orderId).update({ data: { stockHeld: true, progress: 'stockHeld', updatedAt: ctx.now } });
    return emptied;
  });
}

/**
 * Puts back the stock of some lines (or all) of an order that holds it, once per line: the
 * order records the lines returned in the same transaction. Answers the SKUs that were at zero.
 */
export async function returnStock(ctx: RequestContext, orderId: string, lineIds: readonly string[] | 'all'): Promise<string[]> {
  return runTransaction(ctx, async (tx) => {
    const order = await readOrder(tx, orderId);
    if (!order.stockHeld) return [];
    const lines = order.lines.filter((line) => (lineIds === 'all' || lineIds.includes(line.lineId)) && !order.stockReturned.includes(line.lineId));
    if (lines.length === 0) return [];
    const back = quantities(lines);
    const refilled: string[] = [];
    const stocks = await Promise.all([...back.keys()].map(async (skuId) => (await tx.collection('sku_stock').doc(skuId).get()).data as SkuStockDoc | null));
    for (const [i, [skuId, { quantity }]] of [...back].entries()) {
      const current = stocks[i];
      // A SKU deleted from the catalogue since has nowhere to go back to.
      if (!current) continue;
      if (current.stock === 0) refilled.push(skuId);
      await tx.collection('sku_stock').doc(skuId).update({ data: { stock: current.stock + quantity, updatedAt: ctx.now } });
    }
    await tx.collection('orders').doc(orderId).update({
      data: { stockReturned: [...order.stockReturned, ...lines.map((line) => line.lineId)], updatedAt: ctx.now },
    });
    return refilled;
  });
}
