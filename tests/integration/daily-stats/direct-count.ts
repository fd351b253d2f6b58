import { DAY_MS } from '~/core/calendar/durations';
import { DEFAULT_TIERS } from '~/core/tiers/default-programme';
import type { CouponDayFigures, DayFlow, DaySnapshot } from '~/types/stats';
import type { LocalCloud } from '../../../local-cloud/local-cloud';
import { allStored } from '../../support/stored';

const within = (at: number | null | undefined, from: number, to: number) => typeof at === 'number' && at >= from && at < to;

/**
 * The figures of the day [from, to) counted straight from every stored document, by the
 * definitions of types/stats.ts, with none of the rollup's shortcuts (no carrying forward, no
 * indexes): what the job's document for the day must equal.
 */
export function directCount(cloud: LocalCloud, day: string, from: number, to: number): { flow: DayFlow; snapshot: DaySnapshot } {
  const members = allStored(cloud, 'members');
  const orders = allStored(cloud, 'orders').filter((order) => typeof order.paidAt === 'number' && order.paidAt < to);
  const sales = allStored(cloud, 'store_sales').filter((sale) => sale.status === 'recorded' && sale.createdAt < to);
  const ledger = allStored(cloud, 'ledger_entries').filter((entry) => entry.createdAt < to);
  const coupons = allStored(cloud, 'coupon_instances');
  const moves = allStored(cloud, 'tier_history').filter((move) => within(move.at, from, to));
  const rank = (id: string) => DEFAULT_TIERS.find((tier) => tier._id === id)?.rank ?? 0;

  const purchases = [
    ...orders.map((order) => ({ memberId: order.memberId, at: order.paidAt as number })),
    ...sales.map((sale) => ({ memberId: sale.memberId, at: sale.createdAt })),
  ];
  // The day's purchases in time order, each numbered by the member's purchases before it.
  const today = purchases.filter((purchase) => within(purchase.at, from, to)).sort((a, b) => a.at - b.at);
  const nths = today.map(
    (purchase, index) =>
      today.slice(0, index).filter((other) => other.memberId === purchase.memberId).length +
      purchases.filter((other) => other.memberId === purchase.memberId && other.at < from).length,
  );

  const sumKind = (kinds: string[]) =>
    ledger
      .filter((entry) => within(entry.createdAt, from, to) && kinds.includes(entry.kind))
      .reduce((sum, entry) => sum + entry.available + entry.pending, 0);

  const couponRows = new Map<string, CouponDayFigures>();
  const row = (templateId: string) => {
    const found = couponRows.get(templateId) ?? { templateId, title: `券 ${templateId}`, issued: 0, used: 0, discountFen: 0 };
    couponRows.set(templateId, found);
    return found;
  };
  for (const coupon of coupons) {
    if (within(coupon.issuedAt, from, to)) row(coupon.templateId).issued += 1;
    if (coupon.status === 'used' && within(coupon.usedAt, from, to)) {
      const order = orders.find((one) => one._id === coupon.usedBy);
      const sale = sales.find((one) => one.key === coupon.usedBy);
      const cost = order
        ? order.couponDiscountFen + order.shippingDiscountFen
        : sale
          ? sale.couponDiscountFen
          : coupon.terms.kind === 'cash'
            ? coupon.terms.amountFen
            : 0;
      row(coupon.templateId).used += 1;
      row(coupon.templateId).discountFen += cost;
    }
  }

  const live = members.filter((member) => member.joinedAt < to && !(member.status === 'deleted' && (member.deletedAt ?? 0) < to));
  const byTier: Record<string, number> = {};
  for (const member of live) byTier[member.tierId] = (byTier[member.tierId] ?? 0) + 1;
  const paidWithin = (member: { lastPaidAt?: number | null }, days: number) => within(member.lastPaidAt, to - days * DAY_MS, to);

  return {
    flow: {
      newMembers: members.filter((member) => within(member.joinedAt, from, to)).length,
      deletedMembers: members.filter((member) => within(member.deletedAt, from, to)).length,
      tierUps: moves.filter((move) => rank(move.to) > rank(move.from)).length,
      tierDowns: moves.filter((move) => rank(move.to) < rank(move.from)).length,
      onlineOrders: orders.filter((order) => within(order.paidAt, from, to)).length,
      onlineFen: orders.filter((order) => within(order.paidAt, from, to)).reduce((sum, order) => sum + order.payableFen, 0),
      storeSales: sales.filter((sale) => sale.day === day).length,
      storeFen: sales.filter((sale) => sale.day === day).reduce((sum, sale) => sum + sale.paidFen, 0),
      firstPurchases: nths.filter((nth) => nth === 0).length,
      secondPurchases: nths.filter((nth) => nth === 1).length,
      repeatPurchases: nths.filter((nth) => nth >= 1).length,
      pointsIssued: sumKind(['earn', 'checkin', 'profile']),
      pointsRedeemed: -sumKind(['spend', 'refund']) || 0,
      pointsExpired: -sumKind(['expire']) || 0,
      pointsOther: sumKind(['adjust', 'clawback', 'release']),
      checkIns: ledger.filter((entry) => within(entry.createdAt, from, to) && entry.kind === 'checkin').length,
      coupons: [...couponRows.values()].sort((a, b) => a.templateId.localeCompare(b.templateId)),
    },
    snapshot: {
      membersTotal: live.length,
      byTier: Object.fromEntries(Object.entries(byTier).sort(([a], [b]) => a.localeCompare(b))),
      pointsOutstanding: ledger.reduce((sum, entry) => sum + entry.available + entry.pending, 0),
      active30: live.filter((member) => paidWithin(member, 30)).length,
      dormant: live.filter((member) => member.joinedAt < to - 90 * DAY_MS && !paidWithin(member, 90)).length,
    },
  };
}
