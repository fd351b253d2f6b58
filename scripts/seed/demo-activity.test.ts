import { demoActivity } from './demo-activity';
import { demoCouponTemplates } from './demo-catalogue';
import { demoData } from './demo-members';
import { demoCatalog } from './demo-products';

const NOW = Date.UTC(2026, 11, 7, 6);

describe('demo activity', () => {
  const demo = demoData(NOW);
  const catalog = demoCatalog(NOW);
  const month = demoActivity(NOW, { ...catalog, members: demo.members, lots: demo.lots, templates: demoCouponTemplates(NOW) });

  it('fills the last month with orders, in-store purchases, check-ins and coupons, none today', () => {
    expect(month.orders.length).toBeGreaterThan(60);
    expect(month.sales.length).toBeGreaterThan(10);
    expect(month.entries.length).toBeGreaterThan(60);
    expect(month.coupons.some((coupon) => coupon.status === 'used')).toBe(true);
    const startOfToday = Date.UTC(2026, 11, 6, 16);
    expect(month.orders.every((order) => (order.paidAt as number) < startOfToday)).toBe(true);
    expect(month.sales.every((sale) => sale.createdAt < startOfToday)).toBe(true);
  });

  it('keeps the books: each member’s balance is the sum of their entries and of their lots', () => {
    for (const member of month.members) {
      const entries = [...demo.entries, ...month.entries].filter((entry) => entry.memberId === member._id);
      const lots = month.lots.filter((lot) => lot.memberId === member._id && lot.state === 'open');
      const fromEntries = entries.reduce((sum, entry) => sum + entry.available, 0);
      expect({ member: member._id, balance: member.points.available }).toEqual({ member: member._id, balance: fromEntries });
      expect(lots.reduce((sum, lot) => sum + lot.remaining, 0)).toBe(fromEntries);
    }
  });

  it('uses each coupon once, on an order of its member that took its discount off', () => {
    for (const coupon of month.coupons.filter((one) => one.status === 'used')) {
      const order = month.orders.find((one) => one._id === coupon.usedBy);
      expect(order?.memberId).toBe(coupon.memberId);
      expect(order?.couponIds).toEqual([coupon._id]);
      expect(order?.couponDiscountFen).toBeGreaterThan(0);
    }
  });

  it('records the tiers the migrated members came with, and when each last paid', () => {
    const movedUp = month.members.filter((member) => member.tierId !== 'normal').map((member) => member._id);
    expect(month.tierChanges.map((change) => change.memberId).sort()).toEqual(movedUp.sort());
    for (const member of month.members) {
      const paid = month.orders.filter((order) => order.memberId === member._id).map((order) => order.paidAt as number);
      expect(member.lastPaidAt ?? null).toBe(paid.length ? Math.max(...paid) : null);
    }
  });
});
