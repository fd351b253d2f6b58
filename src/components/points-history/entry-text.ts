import type { PointsHistoryItem } from '~/types/functions/points';
import type { LedgerKind } from '~/types/points';

const KIND_TEXT: Record<LedgerKind, string> = {
  earn: '购物得积分',
  release: '购物积分到账',
  checkin: '每日签到',
  profile: '完善资料奖励',
  adjust: '积分调整',
  spend: '积分使用',
  refund: '积分退回',
  clawback: '退款扣回积分',
  expire: '积分过期',
};

/** The entry's reason as the member reads it; the kind's name when no reason was recorded. */
export function entryReason(item: Pick<PointsHistoryItem, 'kind' | 'reason'>): string {
  return item.reason.trim() || KIND_TEXT[item.kind];
}

function signed(points: number): string {
  return points > 0 ? `+${points}` : String(points);
}

/**
 * The amount shown for an entry: the change to available points, or, for an entry that only
 * moved pending points (a purchase waiting for its return window), that change marked pending.
 */
export function entryAmount(item: Pick<PointsHistoryItem, 'available' | 'pending'>): {
  text: string;
  tone: 'plus' | 'minus' | 'pending';
  note: string | null;
} {
  if (item.available !== 0) {
    const note =
      item.pending < 0 && item.available > 0 ? '待入账积分转为可用' : item.pending !== 0 ? `待入账 ${signed(item.pending)}` : null;
    return { text: signed(item.available), tone: item.available > 0 ? 'plus' : 'minus', note };
  }
  if (item.pending !== 0) {
    return { text: signed(item.pending), tone: 'pending', note: item.pending > 0 ? '待入账，售后期结束后可用' : '待入账积分减少' };
  }
  return { text: '0', tone: 'plus', note: null };
}
