import type { TemplateEdit } from '~/core/coupons/template-edit';
import { templateEdit } from '~/core/coupons/template-edit';
import type { CouponTemplateDoc } from '~/types/coupons';
import type { TokenClaims } from '~/server/admin/credentials';
import { changeWithAudit } from '../audit/change-with-audit';
import type { RequestContext } from '../runtime/wx';
import { adminActor } from '../staff/admin-actor';
import { CodedError } from '~/core/coded-error';

/**
 * An admin edits what is safe to edit on a template (core/coupons/template-edit), with its audit
 * entry, in one transaction that reads the template as it stands: a coupon issued meanwhile is
 * counted before the new stock is worked out, as its guarded decrement conflicts with the write.
 * An edit that changes nothing answers the template and writes no entry.
 */
export async function updateCouponTemplate(
  ctx: RequestContext,
  input: TemplateEdit & { templateId: string },
  admin: TokenClaims,
): Promise<CouponTemplateDoc> {
  const { templateId, ...edit } = input;
  return changeWithAudit(ctx, async (tx) => {
    const ref = tx.collection('coupon_templates').doc(templateId);
    const template = (await ref.get()).data;
    if (!template) throw new CodedError('NOT_FOUND', `no coupon template ${templateId}`);
    const outcome = templateEdit(template, edit, ctx.now);
    if (!outcome.ok) {
      const { field, message } = outcome.problem;
      throw new CodedError('VALIDATION_FAILED', `${field}: ${message}`, { field });
    }
    if (Object.keys(outcome.change).length === 0) return { value: template, audit: null };
    const change = { ...outcome.change, updatedAt: ctx.now };
    await ref.update({ data: change });
    return {
      value: { ...template, ...change },
      audit: {
        actor: adminActor(admin),
        action: 'updateCouponTemplate',
        target: { type: 'couponTemplate', id: templateId },
        before: outcome.before,
        after: outcome.change,
      },
    };
  });
}
