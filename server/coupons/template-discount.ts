import type { RequestContext } from '../runtime/wx';
import { couponCollections } from './coupon-collections';

/**
 * Moves a template's discount counter by `deltaFen`, right after the guarded update that used
 * (or returned) one of its coupons answered that this call made the change, so a retried use or
 * return moves it once. A failure here is logged, not thrown: the order's outcome matters more
 * than the admin figure, which is then short by that coupon's discount.
 */
export async function moveTemplateDiscount(ctx: RequestContext, templateId: string, deltaFen: number): Promise<void> {
  if (deltaFen === 0) return;
  try {
    const _ = ctx.db.command;
    await couponCollections(ctx).templates.updateWhere({ _id: templateId }, { usedDiscountFen: _.inc(deltaFen) });
  } catch (error) {
    console.error(`[coupons] could not move the discount counter of ${templateId} by ${deltaFen}`, error);
  }
}
