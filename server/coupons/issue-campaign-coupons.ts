import { campaignKey } from '~/core/coupons/issue-keys';
import type { ErrorCode } from '~/types/errors';
import type { RequestContext } from '../runtime/wx';
import { issueCoupon } from './issue-coupon';
import { hasCode } from '~/core/coded-error';

/** Issuances in flight at once for one campaign call: a bound, so one call cannot flood the database. */
const PARALLEL = 8;

export interface CampaignOutcome {
  issued: number;
  /** Members who already had this campaign's coupon (a re-sent campaign). */
  alreadyHad: number;
  failed: { memberId: string; code: ErrorCode }[];
}

/** An admin campaign: issues one template's coupon to each listed member, once per member per campaign. */
export async function issueCampaignCoupons(
  ctx: RequestContext,
  input: { templateId: string; campaignId: string; memberIds: string[] },
): Promise<CampaignOutcome> {
  const outcome: CampaignOutcome = { issued: 0, alreadyHad: 0, failed: [] };
  const queue = [...new Set(input.memberIds)];
  const worker = async () => {
    for (let memberId = queue.shift(); memberId !== undefined; memberId = queue.shift()) {
      try {
        const { created } = await issueCoupon(ctx, {
          templateId: input.templateId,
          memberId,
          source: 'campaign',
          issueKey: campaignKey(input.campaignId, memberId),
        });
        if (created) outcome.issued += 1;
        else outcome.alreadyHad += 1;
      } catch (error) {
        if (!hasCode(error)) throw error;
        outcome.failed.push({ memberId, code: error.code });
      }
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  return outcome;
}
