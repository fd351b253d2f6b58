import type { ProductDoc } from '~/types/catalog';
import type { AdminProduct } from '~/types/functions/admin-catalog';
import type { TokenClaims } from '~/server/admin/credentials';
import { updateWithAudit } from '../audit/change-with-audit';
import type { RequestContext } from '../runtime/wx';
import { adminActor } from '../staff/admin-actor';
import { withStock } from './admin-products';
import { catalogCollections } from './catalog-collections';
import { CodedError } from '~/core/coded-error';

/**
 * An admin puts a product on or takes it off the shelf, with its audit entry in the same
 * transaction; setting the status it has changes nothing and writes no entry.
 */
export async function setProductStatus(
  ctx: RequestContext,
  input: { productId: string; status: ProductDoc['status'] },
  admin: TokenClaims,
): Promise<AdminProduct> {
  const { products } = catalogCollections(ctx);
  const product = await products.get(input.productId);
  if (!product) throw new CodedError('NOT_FOUND', `no product ${input.productId}`);
  const changed =
    product.status === input.status
      ? null
      : await updateWithAudit(ctx, {
          collection: 'products',
          id: product._id,
          expected: (now) => now.status !== input.status,
          change: { status: input.status, updatedAt: ctx.now },
          audit: (before) => ({
            actor: adminActor(admin),
            action: 'setProductStatus',
            target: { type: 'product', id: product._id },
            before: { status: before.status },
            after: { status: input.status },
          }),
        });
  const [view] = await withStock(ctx, [changed ?? (await products.get(product._id)) ?? product]);
  return view as AdminProduct;
}
