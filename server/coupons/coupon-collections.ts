import type { CouponInstanceDoc, CouponQuotaDoc, CouponTemplateDoc } from '~/types/coupons';
import type { Collection } from '../db/database';
import type { RequestContext } from '../runtime/wx';

/** The three coupon collections, typed. */
export function couponCollections(ctx: RequestContext): {
  templates: Collection<CouponTemplateDoc>;
  instances: Collection<CouponInstanceDoc>;
  quotas: Collection<CouponQuotaDoc>;
} {
  return {
    templates: ctx.db.collection('coupon_templates'),
    instances: ctx.db.collection('coupon_instances'),
    quotas: ctx.db.collection('coupon_quotas'),
  };
}
