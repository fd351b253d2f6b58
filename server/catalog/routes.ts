import { catalogRequests } from '~/types/functions/catalog';
import type { Routes } from '../runtime/wx';
import { createWxHandler } from '../runtime/wx';
import { checkCart } from './check-cart';
import { getHome } from './get-home';
import { getProductDetail } from './get-product-detail';
import { listProducts } from './list-products';

/** Routes of the `catalog` function: anyone may browse; prices follow the caller's tier (the entry tier for visitors). */
export const catalogRoutes: Routes<'catalog'> = {
  home: (_input, ctx) => getHome(ctx),
  list: ({ action: _action, ...input }, ctx) => listProducts(ctx, input),
  detail: (input, ctx) => getProductDetail(ctx, input.productId),
  checkCart: (input, ctx) => checkCart(ctx, input.items),
};

/** The `catalog` cloud function's main. */
export const catalogMain = createWxHandler<'catalog'>(catalogRequests, catalogRoutes);
