import { randomBytes } from 'node:crypto';
import { buildTemplateDoc, templateProblems } from '~/core/coupons/template-rules';
import type { CouponTemplateDoc } from '~/types/coupons';
import type { CouponTemplateInput } from '~/types/functions/coupons';
import type { RequestContext } from '../runtime/wx';
import { couponCollections } from './coupon-collections';
import { loadTierLadder } from './tier-ladder';
import { CodedError } from '~/core/coded-error';

/**
 * Creates a coupon template from an input already parsed by `couponTemplateInput`, after the
 * checks that span fields. A given `templateId` that is taken is CONFLICT; without one, an
 * id `ct<16 hex>` is made.
 */
export async function createCouponTemplate(ctx: RequestContext, input: CouponTemplateInput): Promise<CouponTemplateDoc> {
  const tiers = await loadTierLadder(ctx);
  const problem = templateProblems(input, ctx.now, tiers.has)[0];
  if (problem) throw new CodedError('VALIDATION_FAILED', `${problem.field}: ${problem.message}`, { field: problem.field });
  const doc = buildTemplateDoc(input, input.templateId ?? `ct${randomBytes(8).toString('hex')}`, ctx.now);
  if (!(await couponCollections(ctx).templates.insert(doc)))
    throw new CodedError('CONFLICT', `a coupon template ${doc._id} already exists`);
  return doc;
}
