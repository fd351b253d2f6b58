import { activeOverride } from '~/core/tiers/override';
import { tierProgress } from '~/core/tiers/progress';
import type { MemberDoc } from '~/types/documents';
import type { MemberDetail } from '~/types/functions/admin-members';
import type { TierDoc } from '~/types/programme';
import { loadProgramme } from '../programme/load-programme';
import type { RequestContext } from '../runtime/wx';
import { rollingSpend } from './qualifying-spend';

/** Where a member stands in the ladder as an admin sees it: spend, review dates, the notice and the override in force. */
export async function loadMemberTier(ctx: RequestContext, member: MemberDoc): Promise<{ tier: MemberDetail['tier']; tiers: TierDoc[] }> {
  const [{ programme, tiers }, spendFen] = await Promise.all([loadProgramme(ctx), rollingSpend(ctx, member._id)]);
  const progress = tierProgress(tiers, member, spendFen, ctx.now, programme.tierReview);
  const override = activeOverride(member, ctx.now);
  const nameOf = (id: string) => tiers.find((tier) => tier._id === id)?.name ?? id;
  return {
    tiers,
    tier: {
      id: member.tierId,
      name: nameOf(member.tierId),
      since: member.tierSince,
      spendFen,
      next: progress.next && { id: progress.next._id, name: progress.next.name },
      toNextFen: progress.toNextFen,
      toKeepFen: progress.toKeepFen,
      reviewAt: progress.reviewAt,
      downgradeAt: progress.downgradeAt,
      notice: member.tierNotice && member.tierNotice.downgradeAt > ctx.now ? member.tierNotice : null,
      override: override && { ...override, tierName: nameOf(override.tierId) },
    },
  };
}
