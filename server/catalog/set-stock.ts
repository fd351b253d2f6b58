import { productIdOfSku } from '~/core/catalog/cart-catalogue';
import type { AdminCatalogResponses } from '~/types/functions/admin-catalog';
import type { TokenClaims } from '~/server/admin/credentials';
import { changeWithAudit } from '../audit/change-with-audit';
import type { RequestContext } from '../runtime/wx';
import { adminActor } from '../staff/admin-actor';
import { catalogCollections } from './catalog-collections';
import { refreshSoldOut } from './refresh-sold-out';
import { CodedError } from '~/core/coded-error';

/**
 * An admin's stocktake: sets one SKU's stock to an absolute number (so a retry sets the same),
 * with its audit entry in the same transaction (none when the stock already is that number),
 * then recomputes the product's sold-out flag. The SKU must be one the product sells.
 */
export async function setStock(
  ctx: RequestContext,
  input: { skuId: string; stock: number },
  admin: TokenClaims,
): Promise<AdminCatalogResponses['setStock']> {
  const { products } = catalogCollections(ctx);
  const productId = productIdOfSku(input.skuId);
  const product = productId === null ? null : await products.get(productId);
  if (!product || !product.skus.some((sku) => sku.skuId === input.skuId)) throw new CodedError('NOT_FOUND', `no SKU ${input.skuId}`);
  await changeWithAudit(ctx, async (tx) => {
    const ref = tx.collection('sku_stock').doc(input.skuId);
    const current = (await ref.get()).data;
    if (current?.stock === input.stock) return { value: null, audit: null };
    const change = { stock: input.stock, updatedAt: ctx.now };
    // An existing document keeps its holds of unpaid orders; a SKU never stocked gets one.
    await (current ? ref.update({ data: change }) : ref.set({ data: { productId: product._id, ...change } }));
    const target = { type: 'sku', id: input.skuId };
    return {
      value: null,
      audit: {
        actor: adminActor(admin),
        action: 'setStock',
        target,
        before: { stock: current?.stock ?? null },
        after: { stock: input.stock },
      },
    };
  });
  const soldOut = await refreshSoldOut(ctx, product._id);
  return { skuId: input.skuId, productId: product._id, stock: input.stock, soldOut: soldOut ?? product.soldOut };
}
