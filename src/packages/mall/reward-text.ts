import type { RedemptionView, RewardView } from '~/types/functions/rewards';
import { formatYuan } from '~/core/money/format';

/** 「800 积分」 or 「1200 积分 + ¥19.90」 */
export function priceText(item: Pick<RewardView, 'pointsCost' | 'cashFen'>): string {
  return item.cashFen > 0 ? `${item.pointsCost} 积分 + ${formatYuan(item.cashFen)}` : `${item.pointsCost} 积分`;
}

const KIND_TEXT: Record<RewardView['kind'], string> = {
  pickup: '兑换后凭取货码到门店领取',
  coupon: '兑换后优惠券立即发放到「我的优惠券」',
  pointsCash: '兑换后凭取货码到门店领取，现金部分在取货时支付',
};

/** How the member gets the reward. */
export function kindText(kind: RewardView['kind']): string {
  return KIND_TEXT[kind];
}

const STATUS_TEXT: Record<RedemptionView['status'], string> = {
  processing: '处理中',
  awaitingPickup: '待取货',
  fulfilled: '已领取',
  issued: '已发券',
  cancelling: '取消中',
  cancelled: '已取消',
  failing: '兑换失败',
  failed: '兑换失败',
};

/** A redemption's status as a short label. */
export function statusText(status: RedemptionView['status']): string {
  return STATUS_TEXT[status];
}

/** The pickup code spaced for reading aloud at the counter: 「4821 7730」. */
export function spacedCode(code: string): string {
  return code.replace(/(\d{4})(?=\d)/g, '$1 ');
}
