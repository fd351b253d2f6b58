import type { RequestContext } from '../runtime/wx';
import { favouriteId } from './favourite-id';

/** Takes a product out of the member's 我的收藏; removing one that is not there changes nothing. */
export async function removeFavourite(ctx: RequestContext, input: { memberId: string; productId: string }): Promise<void> {
  await ctx.db.collection('favourites').remove(favouriteId(input.memberId, input.productId));
}
