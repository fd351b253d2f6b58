import { campaignKey } from '~/core/coupons/issue-keys';
import type { CampaignMemberResult } from '~/types/functions/admin-coupons';
import { eachLimited } from '../runtime/each-limited';
import type { RequestContext } from '../runtime/wx';
import { issueCoupon } from './issue-coupon';
import { hasCode } from '~/core/coded-error';

/** Issuances in flight at once for one call: a bound, so one call cannot flood the database. */
const PARALLEL = 8;

/**
 * Issues a campaign's coupon to each member, once per member per campaign (the campaign key is
 * the coupon's id, so a member sent to again gets nothing twice); answers each member's result
 * in the order given. A refusal with a code is that member's result; anything else is thrown.
 */
export async function issueToMembers(
  ctx: RequestContext,
  input: { templateId: string; campaignId: string; memberIds: string[]; reason?: string },
): Promise<CampaignMemberResult[]> {
  const results: CampaignMemberResult[] = [];
  await eachLimited(input.memberIds, PARALLEL, async (memberId, index) => {
    try {
      const { created } = await issueCoupon(ctx, {
        templateId: input.templateId,
        memberId,
        source: 'campaign',
        issueKey: campaignKey(input.campaignId, memberId),
        ...(input.reason ? { reason: input.reason } : {}),
      });
      results[index] = { memberId, outcome: created ? 'issued' : 'alreadyHad', code: null };
    } catch (error) {
      if (!hasCode(error)) throw error;
      results[index] = { memberId, outcome: 'failed', code: error.code };
    }
  });
  return results;
}

/** The counts of a send's results. */
export function tallyResults(results: CampaignMemberResult[]) {
  return {
    issued: results.filter((result) => result.outcome === 'issued').length,
    alreadyHad: results.filter((result) => result.outcome === 'alreadyHad').length,
    failed: results.flatMap(({ memberId, outcome, code }) => (outcome === 'failed' && code !== null ? [{ memberId, code }] : [])),
  };
}
