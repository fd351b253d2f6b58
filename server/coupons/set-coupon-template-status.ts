import { TEMPLATE_STATUS_FROM } from '~/core/coupons/template-status';
import type { CouponTemplateDoc, CouponTemplateStatus } from '~/types/coupons';
import type { TokenClaims } from '~/server/admin/credentials';
import { updateWithAudit } from '../audit/change-with-audit';
import type { RequestContext } from '../runtime/wx';
import { adminActor } from '../staff/admin-actor';
import { couponCollections } from './coupon-collections';
import { CodedError } from '~/core/coded-error';

/**
 * An admin pauses, resumes or ends a template. Coupons already issued stay valid; only new
 * claims and issuance stop; the change and its audit entry are one transaction. Setting the status a template already has answers it as it is;
 * an ended template stays ended (INVALID_STATE).
 */
export async function setCouponTemplateStatus(
  ctx: RequestContext,
  input: { templateId: string; status: CouponTemplateStatus },
  admin: TokenClaims,
): Promise<CouponTemplateDoc> {
  const { templates } = couponCollections(ctx);
  const template = await templates.get(input.templateId);
  if (!template) throw new CodedError('NOT_FOUND', `no coupon template ${input.templateId}`);
  if (template.status === input.status) return template;
  const updated = await updateWithAudit(ctx, {
    collection: 'coupon_templates',
    id: input.templateId,
    expected: (now) => TEMPLATE_STATUS_FROM[input.status].includes(now.status),
    change: { status: input.status, updatedAt: ctx.now },
    audit: (before) => ({
      actor: adminActor(admin),
      action: 'setCouponTemplateStatus',
      target: { type: 'couponTemplate', id: input.templateId },
      before: { status: before.status },
      after: { status: input.status },
    }),
  });
  if (updated) return updated;
  const current = (await templates.get(input.templateId)) ?? template;
  if (current.status === input.status) return current;
  throw new CodedError('INVALID_STATE', `cannot set template ${input.templateId} from ${current.status} to ${input.status}`, {
    state: current.status,
  });
}
