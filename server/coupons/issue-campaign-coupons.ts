import { campaignKey } from '~/core/coupons/issue-keys';
import type { CampaignMemberResult, CampaignOutcome } from '~/types/functions/admin-coupons';
import { createHash } from 'node:crypto';
import type { TokenClaims } from '~/server/admin/credentials';
import { writeAudit } from '../audit/write-audit';
import type { RequestContext } from '../runtime/wx';
import { adminActor } from '../staff/admin-actor';
import { issueCoupon } from './issue-coupon';
import { CodedError, hasCode } from '~/core/coded-error';

/** Issuances in flight at once for one campaign call: a bound, so one call cannot flood the database. */
const PARALLEL = 8;

/**
 * An admin campaign: issues one template's coupon to each listed member, once per member per
 * campaign. The audit entry (who sent which template to how many members) is written first, under
 * the campaign and its member list, so a send cut short and sent again is recorded once and no
 * coupon is ever issued without it; each coupon names the campaign it came from.
 */
export async function issueCampaignCoupons(
  ctx: RequestContext,
  input: { templateId: string; campaignId: string; memberIds: string[] },
  admin: TokenClaims,
): Promise<CampaignOutcome> {
  const memberIds = [...new Set(input.memberIds)];
  const template = await ctx.db.collection('coupon_templates').get(input.templateId);
  if (!template) throw new CodedError('NOT_FOUND', `no coupon template ${input.templateId}`);
  const batch = createHash('sha256')
    .update([...memberIds].sort().join(','))
    .digest('hex')
    .slice(0, 16);
  await writeAudit(ctx, {
    _id: `audit:issueCampaignCoupons:${input.campaignId}:${input.templateId}:${batch}`,
    actor: adminActor(admin),
    action: 'issueCampaignCoupons',
    target: { type: 'campaign', id: input.campaignId },
    after: { templateId: input.templateId, members: memberIds.length },
  });
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
