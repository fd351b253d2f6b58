import { campaignKey } from '~/core/coupons/issue-keys';
import type { CampaignMemberResult, CampaignOutcome } from '~/types/functions/admin-coupons';
import type { RequestContext } from '../runtime/wx';
import { issueCoupon } from './issue-coupon';
import { hasCode } from '~/core/coded-error';

/** Issuances in flight at once for one campaign call: a bound, so one call cannot flood the database. */
const PARALLEL = 8;

/** An admin campaign: issues one template's coupon to each listed member, once per member per campaign. */
export async function issueCampaignCoupons(
  ctx: RequestContext,
  input: { templateId: string; campaignId: string; memberIds: string[] },
): Promise<CampaignOutcome> {
  const memberIds = [...new Set(input.memberIds)];
  const results = new Map<string, CampaignMemberResult>();
  const queue = [...memberIds];
  const worker = async () => {
    for (let memberId = queue.shift(); memberId !== undefined; memberId = queue.shift()) {
      try {
        const { created } = await issueCoupon(ctx, {
          templateId: input.templateId,
          memberId,
          source: 'campaign',
          issueKey: campaignKey(input.campaignId, memberId),
        });
        results.set(memberId, { memberId, outcome: created ? 'issued' : 'alreadyHad', code: null });
      } catch (error) {
        if (!hasCode(error)) throw error;
        results.set(memberId, { memberId, outcome: 'failed', code: error.code });
      }
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  const ordered = memberIds.flatMap((memberId) => results.get(memberId) ?? []);
  return {
    issued: ordered.filter((result) => result.outcome === 'issued').length,
    alreadyHad: ordered.filter((result) => result.outcome === 'alreadyHad').length,
    failed: ordered.flatMap(({ memberId, outcome, code }) => (outcome === 'failed' && code !== null ? [{ memberId, code }] : [])),
    results: ordered,
  };
}
