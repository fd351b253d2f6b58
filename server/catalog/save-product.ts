import { buildProductDoc, productProblems, sameProduct } from '~/core/catalog/product-rules';
import type { ProductDoc } from '~/types/catalog';
import type { AdminCatalogResponses, AdminProduct, ProductInput } from '~/types/functions/admin-catalog';
import type { TokenClaims } from '~/server/admin/credentials';
import type { ChangeAudit } from '../audit/change-with-audit';
import { changeWithAudit, updateWithAudit } from '../audit/change-with-audit';
import type { RequestContext } from '../runtime/wx';
import { adminActor } from '../staff/admin-actor';
import { withStock } from './admin-products';
import { catalogCollections } from './catalog-collections';
import { refreshSoldOut } from './refresh-sold-out';
import { CodedError } from '~/core/coded-error';

/**
 * The most SKU ids one product may use over its life: what one read answers (WeChat cloud caps
 * a server get at 1,000 documents), so numbering always sees every retired id.
 */
const MAX_SKU_IDS = 1000;

/** A product as its audit entry shows it: title, shelf state and prices. */
const priced = (product: Pick<ProductDoc, 'title' | 'status' | 'skus'>) => ({
  title: product.title,
  status: product.status,
  skus: product.skus.map((sku) => ({ skuId: sku.skuId, priceFen: sku.priceFen })),
});

/**
 * An admin creates or edits a product, with its audit entry in the same transaction. The product id is the admin's slug, so a retried create
 * finds the product it made and answers it (created: false); a create on an id taken by a
 * different product is CONFLICT, an update of an unknown one NOT_FOUND. An edit keeps the shelf
 * state, sales and the ids of SKUs it keeps; stock of a new SKU starts at its `initialStock`,
 * stock of a kept SKU is left alone (setStock changes it).
 */
export async function saveProduct(
  ctx: RequestContext,
  input: ProductInput & { mode: 'create' | 'update' },
  admin: TokenClaims,
): Promise<AdminCatalogResponses['saveProduct']> {
  const audit = (before: ProductDoc | null, after: ProductDoc): ChangeAudit => ({
    actor: adminActor(admin),
    action: 'saveProduct',
    target: { type: 'product', id: after._id },
    before: before && priced(before),
    after: { created: before === null, ...priced(after) },
  });
  const problem = productProblems(input)[0];
  if (problem) throw new CodedError('VALIDATION_FAILED', `${problem.field}: ${problem.message}`, { field: problem.field });
  const { categories, products, stock } = catalogCollections(ctx);
  const [category, existing] = await Promise.all([categories.get(input.categoryId), products.get(input.productId)]);
  if (!category) throw new CodedError('VALIDATION_FAILED', `categoryId: no category ${input.categoryId}`, { field: 'categoryId' });

  let saved: ProductDoc;
  let created = false;
  if (input.mode === 'create') {
    const fresh = buildProductDoc(input, null, [], ctx.now);
    const found =
      existing ??
      (await changeWithAudit(ctx, async (tx) => {
        const ref = tx.collection('products').doc(fresh._id);
        const taken = (await ref.get()).data;
        if (taken) return { value: taken, audit: null };
        const { _id, ...fields } = fresh;
        await ref.set({ data: fields });
        return { value: null, audit: audit(null, fresh) };
      }));
    if (found && !sameProduct(found, fresh)) throw new CodedError('CONFLICT', `a different product ${input.productId} already exists`);
    created = !found;
    saved = found ?? fresh;
  } else {
    if (!existing) throw new CodedError('NOT_FOUND', `no product ${input.productId}`);
    const used = await stock.find({ productId: input.productId }, { limit: MAX_SKU_IDS });
    const usedIds = new Set(used.map((doc) => doc._id));
    saved = buildProductDoc(input, existing, [...usedIds], ctx.now);
    if (usedIds.size + saved.skus.filter((sku) => !usedIds.has(sku.skuId)).length > MAX_SKU_IDS) {
      throw new CodedError(
        'VALIDATION_FAILED',
        `skus: product ${input.productId} has used ${usedIds.size} SKU ids, at most ${MAX_SKU_IDS} in all`,
        { field: 'skus' },
      );
    }
    const { _id, status: _status, soldOut: _soldOut, salesCount: _sales, createdAt: _created, ...edited } = saved;
    // Guarded on the version read above, so two admins' edits cannot silently overwrite each other.
    const updated = await updateWithAudit(ctx, {
      collection: 'products',
      id: _id,
      expected: (now) => now.updatedAt === existing.updatedAt,
      change: edited,
      audit: (before) => audit(before, saved),
    });
    if (!updated) throw new CodedError('CONFLICT', `product ${_id} was changed meanwhile; reload it and save again`);
  }

  // A SKU's stock document is made once (skus and input.skus are in the same order); a retry
  // or a later edit finds it and keeps its stock.
  await Promise.all(
    saved.skus.map((sku, i) =>
      stock.insert({ _id: sku.skuId, productId: saved._id, stock: input.skus[i]?.initialStock ?? 0, updatedAt: ctx.now }),
    ),
  );
  const soldOut = await refreshSoldOut(ctx, saved._id);
  const [product] = await withStock(ctx, [{ ...saved, soldOut: soldOut ?? saved.soldOut }]);
  return { product: product as AdminProduct, created };
}
