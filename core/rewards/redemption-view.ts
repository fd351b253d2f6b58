import { cancellable } from './redeemable';
import type { RedemptionView } from '~/types/functions/rewards';
import type { RedemptionDoc } from '~/types/rewards';

/** A redemption as its member sees it. */
export function toRedemptionView(redemption: RedemptionDoc): RedemptionView {
  return {
    id: redemption._id,
    rewardId: redemption.rewardId,
    title: redemption.title,
    kind: redemption.kind,
    pointsCost: redemption.pointsCost,
    cashFen: redemption.cashFen,
    status: redemption.status,
    pickupCode: redemption.pickupCode,
    couponInstanceId: redemption.couponInstanceId,
    createdAt: redemption.createdAt,
    cancellable: cancellable(redemption),
  };
}
