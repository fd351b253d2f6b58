import type { Browser } from 'playwright-core';
import type { LocalCloud } from '../../local-cloud/local-cloud';
import { welcomeKey } from '~/core/coupons/issue-keys';
import { demoCouponTemplates, demoRewards } from '../../scripts/seed/demo-catalogue';
import { seedDemoCatalog } from '../../scripts/seed/demo-products';
import { launchBrowserBeside } from '../support/browser';
import { join, open, pageShot, phone, shown } from '../support/h5-pages';
import { startTestCloud } from '../support/local-cloud';
import { adminCaller, onlyMember, ordersOf } from '../support/shop';

const PASSWORD = 'every-page-admin-password';
/** The narrowest and the widest phones the pages are checked at. */
const WIDTHS = [375, 430] as const;

/** The pages of the app's config, in its order: the main package, then each subpackage. */
function appPages(): string[] {
  (globalThis as { defineAppConfig?: (config: unknown) => unknown }).defineAppConfig = (config) => config;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = (require('../../src/app.config') as { default: { pages: string[]; subPackages: { root: string; pages: string[] }[] } })
    .default;
  return [...config.pages, ...config.subPackages.flatMap((pkg) => pkg.pages.map((page) => `${pkg.root}/${page}`))];
}

/**
 * Every page of the H5 build, at the narrowest and widest phone, as a member with an order, a
 * coupon, a cart and a store to work at: each opens without an error panel, and is pictured.
 */
describe('every page of the storefront at 375 and 430 px', () => {
  let browser: Browser;
  let cloud: LocalCloud;

  beforeAll(async () => {
    [browser, cloud] = await launchBrowserBeside(
      startTestCloud({ functionEnv: { admin: { ADMIN_TOKEN_SECRET: 'p'.repeat(40), ADMIN_INITIAL_PASSWORD: PASSWORD } } }),
    );
    const now = Date.now();
    cloud.store.atomically(() => {
      seedDemoCatalog(cloud, now);
      demoCouponTemplates(now).forEach((doc) => cloud.store.insert('coupon_templates', { ...doc }));
      demoRewards(now).forEach((doc) => cloud.store.insert('rewards', { ...doc }));
    });
  });

  afterAll(async () => {
    await browser?.close();
    await cloud?.stop();
  });

  it('opens each page with no error panel and takes its picture at both widths', async () => {
    const admin = await adminCaller(cloud, PASSWORD);
    const context = await browser.newContext(phone(WIDTHS[0]));
    const page = await context.newPage();
    try {
      // A member with a paid pickup order, a coupon, something in the cart and a store to work at.
      await page.goto(`${cloud.url}/`);
      await join(page);
      await open(page, cloud, '/packages/shop/pages/product/index?id=drip-coffee');
      await shown(page, '.buy-now').click();
      await shown(page, '.delivery-pickup').click();
      await shown(page, '.pickup-store').click();
      await shown(page, '.breakdown-payable .breakdown-value').waitFor();
      await shown(page, '.submit-order').click();
      await shown(page, '.taro-modal__foot').getByText('确认支付').click();
      await shown(page, '.pay-result-paid').waitFor({ timeout: 15_000 });
      await open(page, cloud, '/packages/shop/pages/product/index?id=drip-coffee');
      await shown(page, '.add-to-cart').click();
      const invite = await admin<{ data: { code: string } }>('createStaffInvite', { storeId: 'jingan-kerry', role: 'manager' });
      await open(page, cloud, '/packages/staff/pages/join/index');
      await shown(page, '.invite-code-input input').fill(invite.body.data.code);
      await shown(page, '.invite-submit').click();
      await shown(page, '.till-page').waitFor();

      const member = onlyMember(cloud);
      const [order] = ordersOf(cloud, member._id);
      const query: Record<string, string> = {
        'packages/shop/pages/search/index': `keyword=${encodeURIComponent('咖啡')}`,
        'packages/shop/pages/product/index': 'id=coffee-beans',
        'packages/mall/pages/reward/index': 'id=reward-tote',
        'packages/orders/pages/result/index': `id=${order?._id}&result=paid`,
        'packages/orders/pages/detail/index': `id=${order?._id}`,
        'packages/orders/pages/refund/index': `id=${order?._id}`,
        'packages/coupons/pages/products/index': `id=${encodeURIComponent(welcomeKey(member._id))}`,
      };

      const routes = appPages();
      expect(routes.length).toBeGreaterThanOrEqual(32);
      const problems: string[] = [];
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 844 });
        for (const route of routes) {
          await open(page, cloud, `/${route}${query[route] ? `?${query[route]}` : ''}`);
          await page.waitForFunction(
            () =>
              [...document.querySelectorAll('.taro_page')].some((el) => el.getClientRects().length > 0) &&
              ![...document.querySelectorAll('.status-panel--loading')].some((el) => el.getClientRects().length > 0),
            undefined,
            { timeout: 15_000 },
          );
          await page.waitForTimeout(150);
          if (await page.locator('.load-error').filter({ visible: true }).count()) problems.push(`${route} at ${width}px`);
          await pageShot(page, `every-page-w${width}-${route.replace(/\/index$/, '').replace(/\//g, '-')}`);
        }
      }
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
    // Every route at two widths, each drawn and photographed: well over a minute under the whole suite.
  }, 240_000);
});
