import { rewardKey } from '~/core/coupons/issue-keys';
import { issueCoupon } from '../coupons/issue-coupon';
import type { RequestContext } from '../runtime/wx';
import { CodedError } from '~/core/coded-error';

/** Issues the coupon a redemption bought, once per redemption; answers the coupon instance id. */
export async function issueRewardCoupon(
  ctx: RequestContext,
  input: { memberId: string; redemptionId: string; templateId: string | null },
): Promise<string> {
  if (!input.templateId) throw new CodedError('INTERNAL', `reward of ${input.redemptionId} names no coupon template`);
  const { coupon } = await issueCoupon(ctx, {
    templateId: input.templateId,
    memberId: input.memberId,
    source: 'reward',
    issueKey: rewardKey(input.redemptionId),
  });
  return coupon._id;
}
