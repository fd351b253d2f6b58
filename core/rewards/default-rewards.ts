import { ENTRY_CASH_TEMPLATE_ID, ENTRY_SHIPPING_TEMPLATE_ID } from '../coupons/default-templates';
import type { RewardDoc } from '~/types/rewards';
import type { EpochMs } from '~/types/units';
import { newReward } from './new-reward';

/**
 * Stock of the entry-level rewards: coupons cost the brand nothing until used, so the stock
 * is a ceiling an admin lowers or raises, not a count of goods.
 */
const ENTRY_STOCK = 100_000;

/**
 * The points mall's entry-level rewards, installed with the default programme, priced for what
 * a new member earns in their first weeks under it: the profile bonus (50), seven check-ins
 * with the streak bonus (5 × 7 + 20) and a first order reach 100 in the first week and 200
 * soon after. One each per member.
 */
export function defaultRewardDocs(now: EpochMs): RewardDoc[] {
  return [
    newReward(
      {
        _id: 'entry-free-shipping',
        title: '免运费券',
        description: '新人体验，兑换后立即到账，30天内有效',
        kind: 'coupon',
        couponTemplateId: ENTRY_SHIPPING_TEMPLATE_ID,
        pointsCost: 100,
        category: '优惠券',
        sort: -20,
        totalStock: ENTRY_STOCK,
      },
      now,
    ),
    newReward(
      {
        _id: 'entry-39-5',
        title: '满39减5券',
        description: '新人体验，兑换后立即到账，30天内有效',
        kind: 'coupon',
        couponTemplateId: ENTRY_CASH_TEMPLATE_ID,
        pointsCost: 200,
        category: '优惠券',
        sort: -10,
        totalStock: ENTRY_STOCK,
      },
      now,
    ),
  ];
}
