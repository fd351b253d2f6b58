import type { CouponTemplateDoc } from '~/types/coupons';
import type { EpochMs } from '~/types/units';
import type { TemplateProblem } from './template-rules';

/** What an admin may change on a template after it is made. */
export interface TemplateEdit {
  title?: string;
  description?: string;
  totalStock?: number;
  validTo?: EpochMs;
  perMemberLimit?: number;
}

/** A checked edit: the fields to write (empty when nothing changes), or why it is refused. */
export type TemplateEditOutcome =
  { ok: true; change: Partial<CouponTemplateDoc>; before: Partial<CouponTemplateDoc> } | { ok: false; problem: TemplateProblem };

/**
 * The change an edit makes to `template` as it stands. Terms, audience and channel are never
 * edited: coupons already issued carry their terms, and members already chose by them. Total
 * stock moves `stockRemaining` by the same amount, so coupons issued stay issued, and may not go
 * below what was issued; it cannot be put on an unlimited template. A fixed window's end may
 * move, but not before its start or into the past; a relative window has no end to move. The
 * per-member limit may only rise, so no member is left holding more than allowed. An ended
 * template is not edited.
 */
export function templateEdit(template: CouponTemplateDoc, edit: TemplateEdit, now: EpochMs): TemplateEditOutcome {
  const refuse = (field: string, message: string): TemplateEditOutcome => ({ ok: false, problem: { field, message } });
  if (template.status === 'ended') return refuse('status', 'an ended template is not edited');
  const change: Partial<CouponTemplateDoc> = {};
  const before: Partial<CouponTemplateDoc> = {};
  if (edit.title !== undefined && edit.title !== template.title) {
    change.title = edit.title;
    before.title = template.title;
  }
  if (edit.description !== undefined && edit.description !== template.description) {
    change.description = edit.description;
    before.description = template.description;
  }
  if (edit.totalStock !== undefined && edit.totalStock !== template.totalStock) {
    if (template.totalStock === null || template.stockRemaining === null) return refuse('totalStock', 'the template has unlimited stock');
    const issued = template.totalStock - template.stockRemaining;
    if (edit.totalStock < issued) return refuse('totalStock', `must be at least the ${issued} coupons already issued`);
    change.totalStock = edit.totalStock;
    change.stockRemaining = edit.totalStock - issued;
    before.totalStock = template.totalStock;
    before.stockRemaining = template.stockRemaining;
  }
  if (edit.validTo !== undefined) {
    const { validity } = template;
    if (validity.type !== 'fixed') return refuse('validTo', 'a relative window has no end date to move');
    if (edit.validTo !== validity.to) {
      if (edit.validTo <= validity.from) return refuse('validTo', 'must be after the window starts');
      if (edit.validTo <= now) return refuse('validTo', 'is already past');
      change.validity = { ...validity, to: edit.validTo };
      before.validity = validity;
    }
  }
  if (edit.perMemberLimit !== undefined && edit.perMemberLimit !== template.perMemberLimit) {
    if (edit.perMemberLimit < template.perMemberLimit) return refuse('perMemberLimit', 'may only be raised');
    change.perMemberLimit = edit.perMemberLimit;
    before.perMemberLimit = template.perMemberLimit;
  }
  return { ok: true, change, before };
}
