import type { RewardDoc } from '~/types/rewards';
import type { EpochMs } from '~/types/units';

/**
 * A new points-mall reward: an active in-store pickup, one per member, always available, for
 * every tier, unless `fields` say otherwise. Stock starts full.
 */
export function newReward(
  fields: Pick<RewardDoc, '_id' | 'title' | 'pointsCost' | 'totalStock'> & Partial<RewardDoc>,
  now: EpochMs,
): RewardDoc {
  return {
    description: '',
    imageUrl: '',
    category: '精选',
    kind: 'pickup',
    cashFen: 0,
    couponTemplateId: null,
    stockRemaining: fields.totalStock,
    perMemberLimit: 1,
    availableFrom: null,
    availableTo: null,
    minTierId: null,
    status: 'active',
    sort: 0,
    createdAt: now,
    updatedAt: now,
    ...fields,
  };
}
