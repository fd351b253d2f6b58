import type { CouponTemplateDoc } from '~/types/coupons';
import type { TemplateStats } from '~/types/functions/admin-coupons';
import type { RequestContext } from '../runtime/wx';
import { couponCollections } from './coupon-collections';

/**
 * A template's coupons by where they stand, each an indexed count on `coupon_instances`
 * (`template_status_valid_to`, `template_source`), so a template issued to a million members
 * costs a few index range counts, never a read of its coupons. A coupon past its window that
 * the expiry job has not reached yet counts as expired, as members see it. The discount is the
 * template's own counter.
 */
export async function templateStats(ctx: RequestContext, template: CouponTemplateDoc): Promise<TemplateStats> {
  const _ = ctx.db.command;
  const { instances } = couponCollections(ctx);
  const templateId = template._id;
  const [issued, claimed, used, expiredStored, expiredLate, voided] = await Promise.all([
    instances.count({ templateId }),
    instances.count({ templateId, source: 'centre' }),
    instances.count({ templateId, status: 'used' }),
    instances.count({ templateId, status: 'expired' }),
    instances.count({ templateId, status: 'issued', validTo: _.lt(ctx.now) }),
    instances.count({ templateId, status: 'voided' }),
  ]);
  return { issued, claimed, used, expired: expiredStored + expiredLate, voided, discountFen: template.usedDiscountFen ?? 0 };
}
