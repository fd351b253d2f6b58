import { TEMPLATE_STATUS_FROM } from '~/core/coupons/template-status';
import type { CouponTemplateDoc, CouponTemplateStatus } from '~/types/coupons';
import type { RequestContext } from '../runtime/wx';
import { couponCollections } from './coupon-collections';
import { CodedError } from '~/core/coded-error';

/**
 * An admin pauses, resumes or ends a template. Coupons already issued stay valid; only new
 * claims and issuance stop. Setting the status a template already has answers it as it is;
 * an ended template stays ended (INVALID_STATE).
 */
export async function setCouponTemplateStatus(
  ctx: RequestContext,
  input: { templateId: string; status: CouponTemplateStatus },
): Promise<CouponTemplateDoc> {
  const { templates } = couponCollections(ctx);
  const template = await templates.get(input.templateId);
  if (!template) throw new CodedError('NOT_FOUND', `no coupon template ${input.templateId}`);
  if (template.status === input.status) return template;
  const _ = ctx.db.command;
  const change = { status: input.status, updatedAt: ctx.now };
  const updated = await templates.updateWhere({ _id: input.templateId, status: _.in([...TEMPLATE_STATUS_FROM[input.status]]) }, change);
  if (updated === 1) return { ...template, ...change };
  const current = (await templates.get(input.templateId)) ?? template;
  if (current.status === input.status) return current;
  throw new CodedError('INVALID_STATE', `cannot set template ${input.templateId} from ${current.status} to ${input.status}`, {
    state: current.status,
  });
}
