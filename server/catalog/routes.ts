import { catalogRequests } from '~/types/functions/catalog';
import { loadCaller } from '../members/get-profile';
import type { Routes } from '../runtime/wx';
import { createWxHandler } from '../runtime/wx';
import { showingCloudFiles } from '../storage/show-cloud-files';
import { addFavourite } from './add-favourite';
import { checkCart } from './check-cart';
import { getHome } from './get-home';
import { getProductDetail } from './get-product-detail';
import { listFavourites } from './list-favourites';
import { listProducts } from './list-products';
import { listRecommendations } from './list-recommendations';
import { removeFavourite } from './remove-favourite';

/** Routes of the `catalog` function: anyone may browse; prices follow the caller's tier (the entry tier for visitors); favourites are the member's own. */
export const catalogRoutes: Routes<'catalog'> = {
  home: (_input, ctx) => getHome(ctx),
  list: ({ action: _action, ...input }, ctx) => listProducts(ctx, input),
  detail: (input, ctx) => getProductDetail(ctx, input.productId),
  checkCart: (input, ctx) => checkCart(ctx, input.items),
  recommend: async ({ action: _action, ...input }, ctx) => ({ items: await listRecommendations(ctx, input) }),
  addFavourite: async ({ productId }, ctx) => {
    await addFavourite(ctx, { memberId: (await loadCaller(ctx))._id, productId });
    return { productId, favourited: true };
  },
  removeFavourite: async ({ productId }, ctx) => {
    await removeFavourite(ctx, { memberId: (await loadCaller(ctx))._id, productId });
    return { productId, favourited: false };
  },
  favourites: async ({ pageSize, cursor }, ctx) => listFavourites(ctx, { memberId: (await loadCaller(ctx))._id, pageSize, cursor }),
};

/** The `catalog` cloud function's main. */
export const catalogMain = createWxHandler<'catalog'>(catalogRequests, showingCloudFiles(catalogRoutes));
