import { randomBytes } from 'node:crypto';
import { buildTemplateDoc, templateProblems } from '~/core/coupons/template-rules';
import type { CouponTemplateDoc } from '~/types/coupons';
import type { CouponTemplateInput } from '~/types/functions/coupons';
import type { TokenClaims } from '~/server/admin/credentials';
import { changeWithAudit } from '../audit/change-with-audit';
import type { RequestContext } from '../runtime/wx';
import { adminActor } from '../staff/admin-actor';
import { loadTierLadder } from './tier-ladder';
import { CodedError } from '~/core/coded-error';

/**
 * Creates a coupon template from an input already parsed by `couponTemplateInput`, after the
 * checks that span fields, with its audit entry in the same transaction. A given `templateId`
 * that is taken is CONFLICT; without one, an id `ct<16 hex>` is made.
 */
export async function createCouponTemplate(
  ctx: RequestContext,
  input: CouponTemplateInput,
  admin: TokenClaims,
): Promise<CouponTemplateDoc> {
  const tiers = await loadTierLadder(ctx);
  const problem = templateProblems(input, ctx.now, tiers.has)[0];
  if (problem) throw new CodedError('VALIDATION_FAILED', `${problem.field}: ${problem.message}`, { field: problem.field });
  const doc = buildTemplateDoc(input, input.templateId ?? `ct${randomBytes(8).toString('hex')}`, ctx.now);
  const created = await changeWithAudit(ctx, async (tx) => {
    const ref = tx.collection('coupon_templates').doc(doc._id);
    if ((await ref.get()).data) return { value: false, audit: null };
    const { _id, ...fields } = doc;
    await ref.set({ data: fields });
    const after = { title: doc.title, terms: doc.terms, totalStock: doc.totalStock, channel: doc.channel };
    return {
      value: true,
      audit: { actor: adminActor(admin), action: 'createCouponTemplate', target: { type: 'couponTemplate', id: _id }, after },
    };
  });
  if (!created) throw new CodedError('CONFLICT', `a coupon template ${doc._id} already exists`);
  return doc;
}
