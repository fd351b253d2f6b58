import { CodedError } from '~/core/coded-error';
import type { CampaignDoc } from '~/types/campaigns';
import type { TokenClaims } from '~/server/admin/credentials';
import { changeWithAudit } from '../audit/change-with-audit';
import type { RequestContext } from '../runtime/wx';
import { adminActor } from '../staff/admin-actor';

const STOPPABLE: readonly CampaignDoc['status'][] = ['draft', 'freezing', 'sending'];

/**
 * Stops a campaign that has not finished sending: the job sends nothing more for it. Coupons
 * already issued stay valid, and results keep counting the members frozen so far. Stopping a
 * stopped campaign answers it as it is; a sent one is INVALID_STATE.
 */
export async function stopCampaign(ctx: RequestContext, input: { campaignId: string }, admin: TokenClaims): Promise<CampaignDoc> {
  return changeWithAudit(ctx, async (tx) => {
    const ref = tx.collection('campaigns').doc(input.campaignId);
    const before = (await ref.get()).data as CampaignDoc | null;
    if (!before) throw new CodedError('NOT_FOUND', `no campaign ${input.campaignId}`);
    if (before.status === 'stopped') return { value: before, audit: null };
    if (!STOPPABLE.includes(before.status))
      throw new CodedError('INVALID_STATE', `campaign ${input.campaignId} is ${before.status}`, { state: before.status });
    const change = { status: 'stopped' as const, finishedAt: ctx.now, updatedAt: ctx.now };
    await ref.update({ data: change });
    return {
      value: { ...before, ...change },
      audit: {
        actor: adminActor(admin),
        action: 'stopCampaign',
        target: { type: 'campaign', id: input.campaignId },
        before: { status: before.status },
        after: { status: 'stopped' },
      },
    };
  });
}
