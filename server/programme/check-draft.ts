import type { DraftContext } from '~/core/programme/draft-problems';
import { draftProblems } from '~/core/programme/draft-problems';
import type { DraftProblem, ProgrammeDraft } from '~/types/functions/admin-programme';
import type { TierDoc } from '~/types/programme';
import type { RequestContext } from '../runtime/wx';

/** The coupon templates a draft names that exist. */
async function namedTemplates(ctx: RequestContext, draft: ProgrammeDraft): Promise<Set<string>> {
  const named = new Set<string>(
    [...draft.tiers.map((tier) => tier.birthdayCouponTemplateId), draft.coupons.welcomeTemplateId, draft.coupons.comebackTemplateId].filter(
      (id): id is string => id !== null,
    ),
  );
  const found = await Promise.all([...named].map((id) => ctx.db.collection('coupon_templates').get(id)));
  return new Set(found.flatMap((template) => (template ? [template._id] : [])));
}

/** Why a draft cannot follow a version with these tiers (core/programme/draft-problems.ts), the coupon templates it names looked up. */
export async function checkDraft(ctx: RequestContext, draft: ProgrammeDraft, tiers: readonly TierDoc[]): Promise<DraftProblem[]> {
  const context: DraftContext = {
    tierIds: [...tiers].sort((a, b) => a.rank - b.rank).map((tier) => tier._id),
    templateIds: await namedTemplates(ctx, draft),
  };
  return draftProblems(draft, context);
}
