import { Tag } from 'antd';
import { formatPoints } from '~/core/money/format';
import type { ApprovalStatus } from '~/types/approvals';
import type { CouponSource, CouponStatus } from '~/types/coupons';
import type { TierChangeDoc } from '~/types/documents';
import type { RedemptionRow, VisitRow } from '~/types/functions/admin-members';
import type { LedgerKind } from '~/types/points';

/** A status with its tag colour. */
type Label = { text: string; color: string };

export const LEDGER_KIND: Record<LedgerKind, string> = {
  earn: '消费得积分',
  release: '积分到账',
  checkin: '签到',
  profile: '完善资料',
  adjust: '人工调整',
  spend: '使用积分',
  refund: '退回积分',
  clawback: '退款扣回',
  expire: '积分过期',
};

export const COUPON_STATUS: Record<CouponStatus, Label> = {
  issued: { text: '可使用', color: 'green' },
  locked: { text: '下单占用', color: 'blue' },
  used: { text: '已使用', color: 'default' },
  expired: { text: '已过期', color: 'default' },
  voided: { text: '已作废', color: 'red' },
};

export const COUPON_SOURCE: Record<CouponSource, string> = {
  centre: '领券中心',
  welcome: '新人礼',
  birthday: '生日礼',
  comeback: '回归礼',
  campaign: '活动发放',
  reward: '积分兑换',
};

export const REDEMPTION_STATUS: Record<RedemptionRow['status'], Label> = {
  processing: { text: '处理中', color: 'blue' },
  awaitingPickup: { text: '待领取', color: 'orange' },
  fulfilled: { text: '已领取', color: 'green' },
  issued: { text: '已发券', color: 'green' },
  cancelling: { text: '取消中', color: 'default' },
  cancelled: { text: '已取消', color: 'default' },
  failing: { text: '失败处理中', color: 'red' },
  failed: { text: '失败', color: 'red' },
};

export const VISIT_STATUS: Record<VisitRow['status'], Label> = {
  processing: { text: '记录中', color: 'blue' },
  recorded: { text: '已记录', color: 'green' },
  failing: { text: '失败处理中', color: 'red' },
  failed: { text: '失败', color: 'red' },
  reversing: { text: '冲正中', color: 'orange' },
  reversed: { text: '已冲正', color: 'default' },
};

export const APPROVAL_STATUS: Record<ApprovalStatus, Label> = {
  pending: { text: '待审批', color: 'orange' },
  approved: { text: '已通过', color: 'green' },
  rejected: { text: '已驳回', color: 'default' },
  failed: { text: '未能执行', color: 'red' },
};

export const TIER_CHANGE_REASON: Record<TierChangeDoc['reason'], string> = {
  upgrade: '消费升级',
  review: '定级复核',
  admin: '人工调整',
};

/** A tag for a labelled status. */
export function StatusTag({ label }: { label: Label }) {
  return <Tag color={label.color}>{label.text}</Tag>;
}

/** Points with their sign: +1,000 / -200. */
export function signedPoints(points: number): string {
  return points > 0 ? `+${formatPoints(points)}` : points < 0 ? `-${formatPoints(-points)}` : '0';
}
