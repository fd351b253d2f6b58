import type { DayTotals } from '~/types/functions/staff';
import type { AuditEntryDoc } from '~/types/staff';

const empty = (): DayTotals => ({
  sales: 0,
  amountFen: 0,
  paidFen: 0,
  pointsIssued: 0,
  pointsRedeemed: 0,
  couponsWrittenOff: 0,
  pickups: 0,
  cashCollectedFen: 0,
  reversals: 0,
});

/**
 * A day's figures from its audit entries: purchases net of reversals (a reversal's amounts are
 * negative), coupons written off at the till and with purchases, pickups handed over, and the
 * cash collected (what purchases paid at the till plus the cash part of rewards).
 */
export function dayTotals(entries: readonly AuditEntryDoc[]): DayTotals {
  const totals = empty();
  for (const entry of entries) {
    const amounts = entry.amounts;
    const coupon = entry.after?.couponInstanceId ? 1 : 0;
    switch (entry.action) {
      case 'recordSale':
      case 'reverseSale': {
        const sign = entry.action === 'recordSale' ? 1 : -1;
        totals.sales += sign;
        totals.reversals += entry.action === 'reverseSale' ? 1 : 0;
        totals.amountFen += amounts.amountFen ?? 0;
        totals.paidFen += amounts.paidFen ?? 0;
        totals.cashCollectedFen += amounts.paidFen ?? 0;
        totals.pointsIssued += amounts.pointsEarned ?? 0;
        totals.pointsRedeemed += amounts.pointsSpent ?? 0;
        totals.couponsWrittenOff += sign * coupon;
        break;
      }
      case 'writeOffCoupon':
        totals.couponsWrittenOff += 1;
        break;
      case 'handOverOrder':
      case 'handOverReward':
        totals.pickups += 1;
        totals.cashCollectedFen += amounts.cashFen ?? 0;
        break;
      default:
        break;
    }
  }
  return totals;
}
