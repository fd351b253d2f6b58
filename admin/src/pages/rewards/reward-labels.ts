import type { RedemptionDoc, RewardDoc } from '~/types/rewards';

/** A reward kind as the brand calls it. */
export const REWARD_KIND_TEXT: Record<RewardDoc['kind'], string> = {
  pickup: '到店自提',
  coupon: '优惠券',
  pointsCash: '积分+现金',
};

/** A reward's shelf state, with its tag colour. */
export const REWARD_STATUS: Record<RewardDoc['status'], { text: string; color: string }> = {
  active: { text: '已上架', color: 'green' },
  paused: { text: '已下架', color: 'default' },
  ended: { text: '已结束', color: 'red' },
};

/** A redemption's state, as the fulfilment desk reads it, with its tag colour. */
export const REDEMPTION_STATUS: Record<RedemptionDoc['status'], { text: string; color: string }> = {
  processing: { text: '处理中', color: 'processing' },
  awaitingPickup: { text: '待提货', color: 'gold' },
  fulfilled: { text: '已提货', color: 'green' },
  issued: { text: '已发券', color: 'green' },
  cancelling: { text: '取消中', color: 'orange' },
  cancelled: { text: '已取消', color: 'default' },
  failing: { text: '失败退回中', color: 'orange' },
  failed: { text: '兑换失败', color: 'red' },
};
