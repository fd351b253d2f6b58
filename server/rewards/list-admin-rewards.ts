import { toAdminRewardRow } from '~/core/rewards/reward-rules';
import type { AdminRewardsResponses } from '~/types/functions/admin-rewards';
import type { RewardDoc } from '~/types/rewards';
import type { RequestContext } from '../runtime/wx';

/** The most rewards a points mall holds: the list is read whole, in display order. */
export const MAX_REWARDS = 200;

/** Every reward for the admin page, in display order (as the points mall shows them), with units redeemed and stock. */
export async function listAdminRewards(
  ctx: RequestContext,
  input: { status: 'all' | RewardDoc['status'] },
): Promise<AdminRewardsResponses['listRewards']> {
  const query = input.status === 'all' ? {} : { status: input.status };
  const [rewards, total] = await Promise.all([
    ctx.db.collection('rewards').find(query, {
      orderBy: [
        ['sort', 'asc'],
        ['_id', 'asc'],
      ],
      limit: MAX_REWARDS,
    }),
    ctx.db.collection('rewards').count(query),
  ]);
  return { items: rewards.map(toAdminRewardRow), total };
}
