import type { CouponTemplateDoc } from '~/types/coupons';
import type { CouponTemplateInput } from '~/types/functions/coupons';
import type { EpochMs } from '~/types/units';

/** A rule that spans fields of a template, broken: the field to fix and what is wrong. */
export interface TemplateProblem {
  field: string;
  message: string;
}

/**
 * The checks a schema cannot make field by field: a 满减 coupon takes off less than its
 * threshold, a fixed window ends after it starts and is not over already, and a tier
 * audience names a tier of the programme.
 */
export function templateProblems(input: CouponTemplateInput, now: EpochMs, isTier: (tierId: string) => boolean): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const { terms, validity, audience } = input;
  if (terms.kind === 'cash' && terms.thresholdFen > 0 && terms.amountFen >= terms.thresholdFen) {
    problems.push({ field: 'terms.amountFen', message: 'must be less than thresholdFen (or set thresholdFen to 0 for no minimum spend)' });
  }
  if (validity.type === 'fixed') {
    if (validity.to <= validity.from) problems.push({ field: 'validity.to', message: 'must be after validity.from' });
    else if (validity.to <= now) problems.push({ field: 'validity.to', message: 'is already past' });
  }
  if (audience.type === 'minTier' && !isTier(audience.tierId)) {
    problems.push({ field: 'audience.tierId', message: `no tier ${audience.tierId}` });
  }
  return problems;
}

/** The stored template for a checked input: full stock remaining, stamped `now`. */
export function buildTemplateDoc(input: CouponTemplateInput, id: string, now: EpochMs): CouponTemplateDoc {
  return {
    _id: id,
    title: input.title,
    description: input.description,
    terms: input.terms,
    validity: input.validity,
    totalStock: input.totalStock,
    stockRemaining: input.totalStock,
    perMemberLimit: input.perMemberLimit,
    stackingGroup: input.stackingGroup,
    audience: input.audience,
    channel: input.channel,
    status: input.status,
    createdAt: now,
    updatedAt: now,
  };
}
