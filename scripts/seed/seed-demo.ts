import type { LocalCloud } from '../../local-cloud/local-cloud';
import { demoActivity } from './demo-activity';
import { demoCouponTemplates, demoRewards } from './demo-catalogue';
import type { DemoData } from './demo-members';
import { demoData } from './demo-members';
import { seedDemoCatalog } from './demo-products';

/** Puts the demo members, with their points, and the demo coupon templates and rewards into a fresh database. */
export function seedDemoMembers(cloud: LocalCloud, now: number, log: (line: string) => void): DemoData {
  const demo = demoData(now);
  cloud.store.atomically(() => {
    demo.members.forEach((doc) => cloud.store.insert('members', { ...doc }));
    demo.entries.forEach((doc) => cloud.store.insert('ledger_entries', { ...doc }));
    demo.lots.forEach((doc) => cloud.store.insert('point_lots', { ...doc }));
    demoCouponTemplates(now).forEach((doc) => cloud.store.insert('coupon_templates', { ...doc }));
    demoRewards(now).forEach((doc) => cloud.store.insert('rewards', { ...doc }));
  });
  log(`Seeded ${demo.members.length} demo members with their points, coupons and rewards.`);
  return demo;
}

/**
 * Puts the demo catalogue into a database that has none and, when the demo members were just
 * seeded, a month of their shopping, in-store purchases and check-ins.
 */
export function seedDemoShop(cloud: LocalCloud, now: number, demo: DemoData | null, log: (line: string) => void): void {
  if (cloud.store.count('products') > 0 || cloud.store.count('categories') > 0) return;
  const catalog = cloud.store.atomically(() => seedDemoCatalog(cloud, now));
  log(
    `Seeded the demo catalogue: ${catalog.products.length} products in ${catalog.categories.length} categories, ${catalog.stores.length} pickup stores.`,
  );
  if (!demo) return;
  const month = demoActivity(now, { ...catalog, members: demo.members, lots: demo.lots, templates: demoCouponTemplates(now) });
  cloud.store.atomically(() => {
    month.members.forEach((doc) => cloud.store.replace('members', { ...doc }));
    month.lots.forEach((doc) => {
      cloud.store.remove('point_lots', doc._id);
      cloud.store.insert('point_lots', { ...doc });
    });
    month.entries.forEach((doc) => cloud.store.insert('ledger_entries', { ...doc }));
    month.orders.forEach((doc) => cloud.store.insert('orders', { ...doc }));
    month.sales.forEach((doc) => cloud.store.insert('store_sales', { ...doc }));
    month.coupons.forEach((doc) => cloud.store.insert('coupon_instances', { ...doc }));
    month.tierChanges.forEach((doc) => cloud.store.insert('tier_history', { ...doc }));
  });
  log(
    `Seeded a month of demo activity: ${month.orders.length} online orders, ${month.sales.length} in-store purchases, ${month.entries.length} check-ins.`,
  );
}
