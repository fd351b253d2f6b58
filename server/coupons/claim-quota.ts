import { quotaId } from '~/core/coupons/issue-keys';
import type { CouponQuotaDoc, CouponTemplateDoc } from '~/types/coupons';
import type { RequestContext } from '../runtime/wx';
import { couponCollections } from './coupon-collections';

/** Claims a member has made of a template, not counting the claim with `issueKey` itself. */
export function claimsBesides(quota: CouponQuotaDoc | null, issueKey: string): number {
  if (!quota) return 0;
  return quota.claimKeys.includes(issueKey) ? quota.claimed - 1 : quota.claimed;
}

/**
 * Reserves a member's place for one claim under a template's per-member limit, keyed by the
 * claim's issue key. The first reservation is an insert of the quota document; later ones are
 * a guarded update that matches only while `claimed` is below the limit and the key is not
 * yet listed, so concurrent claims cannot pass the limit and one key never takes two places.
 * A key that already holds a place (a concurrent duplicate tap, or a retry after a crash)
 * answers true without taking another. Places are never given back: a reservation whose
 * instance was never written only leaves the member one claim short, never one over.
 */
export async function reserveClaimPlace(
  ctx: RequestContext,
  template: CouponTemplateDoc,
  memberId: string,
  issueKey: string,
  seen: CouponQuotaDoc | null,
): Promise<boolean> {
  if (seen?.claimKeys.includes(issueKey)) return true;
  const { quotas } = couponCollections(ctx);
  const id = quotaId(template._id, memberId);
  if (!seen) {
    const created = await quotas.insert({
      _id: id,
      templateId: template._id,
      memberId,
      claimed: 1,
      claimKeys: [issueKey],
      updatedAt: ctx.now,
    });
    if (created) return true;
  }
  const _ = ctx.db.command;
  const updated = await quotas.updateWhere(
    { _id: id, claimed: _.lt(template.perMemberLimit), claimKeys: _.nin([issueKey]) },
    { claimed: _.inc(1), claimKeys: _.push([issueKey]), updatedAt: ctx.now },
  );
  if (updated === 1) return true;
  return (await quotas.get(id))?.claimKeys.includes(issueKey) ?? false;
}
