import type { CouponTemplateDoc } from '~/types/coupons';
import type { RequestContext } from '../runtime/wx';
import { couponCollections } from './coupon-collections';

/**
 * Takes one coupon from a template's stock with a guarded decrement: the update only matches
 * while stock is left, so concurrent takers can never drive it below zero. Answers whether
 * this caller got one. Unlimited templates always answer true and change nothing.
 */
export async function takeStock(ctx: RequestContext, template: CouponTemplateDoc): Promise<boolean> {
  if (template.totalStock === null) return true;
  const _ = ctx.db.command;
  const updated = await couponCollections(ctx).templates.updateWhere(
    { _id: template._id, stockRemaining: _.gt(0) },
    { stockRemaining: _.inc(-1), updatedAt: ctx.now },
  );
  return updated === 1;
}

/**
 * Gives back one coupon this caller took with `takeStock` and did not issue. Only ever called
 * for a unit this caller took, so stock never rises above what was never issued. A failure
 * here is logged, not thrown: the stock stays one low (one coupon unsold), which is safe,
 * and the caller's own outcome is what the member should hear about.
 */
export async function returnStock(ctx: RequestContext, template: CouponTemplateDoc): Promise<void> {
  if (template.totalStock === null) return;
  try {
    const _ = ctx.db.command;
    await couponCollections(ctx).templates.updateWhere({ _id: template._id }, { stockRemaining: _.inc(1), updatedAt: ctx.now });
  } catch (error) {
    console.error(`[coupons] could not return one unit of stock to ${template._id}; it stays one low`, error);
  }
}
