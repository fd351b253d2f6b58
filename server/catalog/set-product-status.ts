import type { ProductDoc } from '~/types/catalog';
import type { AdminProduct } from '~/types/functions/admin-catalog';
import type { RequestContext } from '../runtime/wx';
import { withStock } from './admin-products';
import { catalogCollections } from './catalog-collections';
import { CodedError } from '~/core/coded-error';

/** An admin puts a product on or takes it off the shelf; setting the status it has changes nothing. */
export async function setProductStatus(
  ctx: RequestContext,
  input: { productId: string; status: ProductDoc['status'] },
): Promise<AdminProduct> {
  const { products } = catalogCollections(ctx);
  const product = await products.get(input.productId);
  if (!product) throw new CodedError('NOT_FOUND', `no product ${input.productId}`);
  if (product.status !== input.status) await products.updateWhere({ _id: product._id }, { status: input.status, updatedAt: ctx.now });
  const [view] = await withStock(ctx, [
    { ...product, status: input.status, updatedAt: product.status !== input.status ? ctx.now : product.updatedAt },
  ]);
  return view as AdminProduct;
}
