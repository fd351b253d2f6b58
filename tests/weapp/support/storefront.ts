import type { LocalCloud } from '../../../local-cloud/local-cloud';
import { demoCouponTemplates, demoRewards } from '../../../scripts/seed/demo-catalogue';
import type { DemoCatalog } from '../../../scripts/seed/demo-products';
import { seedDemoCatalog } from '../../../scripts/seed/demo-products';
import type { MemberDoc } from '~/types/documents';
import { heavyMember } from '../../support/heavy-member';
import { startTestCloud } from '../../support/local-cloud';
import { adminCaller } from '../../support/shop';
import { storedInOrder } from '../../support/stored';
import { currentWeappBuild } from './weapp-build';
import { WeappClient } from './weapp-client';
import type { WeappPage } from './weapp-page';

const ADMIN_PASSWORD = 'weapp-admin-password';

/** The WeChat user the mini-program runs as. */
export const SHOPPER_OPENID = 'o-weapp-shopper';

/** A local cloud with the demo catalogue, coupon templates, rewards and the default programme, and the mini-program launched on it. */
export interface Storefront {
  cloud: LocalCloud;
  client: WeappClient;
  catalog: DemoCatalog;
  /** Calls an admin action as the signed-in first admin. */
  admin: Awaited<ReturnType<typeof adminCaller>>;
  now: number;
}

/** Starts the cloud, seeds it as `npm start` does, and launches the built mini-program against it. */
export async function openStorefront(): Promise<Storefront> {
  // A missing or stale build fails here, saying what to run, before anything is started.
  currentWeappBuild();
  const cloud = await startTestCloud({
    functionEnv: { admin: { ADMIN_TOKEN_SECRET: 'w'.repeat(40), ADMIN_INITIAL_PASSWORD: ADMIN_PASSWORD } },
  });
  try {
    const now = Date.now();
    const catalog = cloud.store.atomically(() => {
      demoCouponTemplates(now).forEach((doc) => cloud.store.insert('coupon_templates', { ...doc }));
      demoRewards(now).forEach((doc) => cloud.store.insert('rewards', { ...doc }));
      return seedDemoCatalog(cloud, now);
    });
    // Signing the first admin in installs the default programme: tiers, member prices, the welcome coupon.
    const admin = await adminCaller(cloud, ADMIN_PASSWORD);
    return { cloud, client: WeappClient.launch({ cloud, openid: SHOPPER_OPENID }), catalog, admin, now };
  } catch (error) {
    await cloud.stop();
    throw error;
  }
}

/** Closes the mini-program and stops the cloud. */
export async function closeStorefront(shop: Storefront | undefined): Promise<void> {
  shop?.client.close();
  await shop?.cloud.stop();
}

/** Opens the home page and joins with one tap, as a new shopper does; answers the home page with the member card on it. */
export async function joinFromHome(client: WeappClient): Promise<WeappPage> {
  const home = await client.open('/pages/index/index');
  await home.tap('.join-button');
  await home.waitFor('.member-card');
  // A new member meets the welcome sheet (the profile bonus is still to be had) and closes it.
  await home.tap('.welcome-continue');
  return home;
}

/** The shopper's member document. */
export function shopper(cloud: LocalCloud): MemberDoc {
  const member = storedInOrder(cloud, 'members').find((doc) => doc.openid === SHOPPER_OPENID);
  if (!member) throw new Error('the shopper has not joined');
  return member;
}

/** Gives the shopper a long history straight into the store: `entries` check-ins in the points ledger and `orders` past orders. */
export function seedHistory(shop: Pick<Storefront, 'cloud' | 'catalog' | 'now'>, counts: { entries: number; orders: number }): void {
  const heavy = heavyMember(shopper(shop.cloud), shop.catalog.products, counts, shop.now);
  shop.cloud.store.atomically(() => {
    shop.cloud.store.replace('members', { ...heavy.member });
    heavy.lots.forEach((doc) => shop.cloud.store.insert('point_lots', { ...doc }));
    heavy.entries.forEach((doc) => shop.cloud.store.insert('ledger_entries', { ...doc }));
    heavy.orders.forEach((doc) => shop.cloud.store.insert('orders', { ...doc }));
  });
}
