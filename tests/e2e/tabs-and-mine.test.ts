import type { Browser, Page } from 'playwright-core';
import type { LocalCloud } from '../../local-cloud/local-cloud';
import { demoCouponTemplates } from '../../scripts/seed/demo-catalogue';
import { seedDemoCatalog } from '../../scripts/seed/demo-products';
import { launchBrowserBeside } from '../support/browser';
import { join, pageShot, phone, shown } from '../support/h5-pages';
import { startTestCloud } from '../support/local-cloud';

/**
 * The tab bar and 我的 in the H5 build: the four tabs, the member's figures on 我的, and home
 * and 我的 showing what a check-in and a claimed coupon changed as soon as they are shown again,
 * with no reload.
 */
describe('tab bar navigation and figures that never go stale', () => {
  let browser: Browser;
  let cloud: LocalCloud;

  const text = async (page: Page, selector: string) => (await shown(page, selector).innerText()).trim();
  const tab = (page: Page, name: string) => page.locator('.weui-tabbar__item', { hasText: name }).first();
  /** Back one page, as the phone's back gesture does. */
  const back = (page: Page) => page.evaluate(() => window.history.back());

  beforeAll(async () => {
    [browser, cloud] = await launchBrowserBeside(startTestCloud());
    const now = Date.now();
    cloud.store.atomically(() => {
      seedDemoCatalog(cloud, now);
      demoCouponTemplates(now).forEach((doc) => cloud.store.insert('coupon_templates', { ...doc }));
    });
    await cloud.invoke('admin', { action: 'bootstrapAdmin' });
  });

  afterAll(async () => {
    await browser?.close();
    await cloud?.stop();
  });

  it.each([375, 430])('at %i px: tabs, 我的, and home updating after a check-in and a claim', async (width) => {
    const context = await browser.newContext(phone(width));
    const page = await context.newPage();
    try {
      await page.goto(`${cloud.url}/`);
      await join(page);
      const points = Number(await text(page, '.member-points'));
      await page.waitForFunction(() => /^\d+$/.test(document.querySelector('.shortcut-coupons .shortcut-value')?.textContent ?? ''));
      const coupons = Number(await text(page, '.shortcut-coupons .shortcut-value'));
      await pageShot(page, `tabs-w${width}-01-home`);

      await tab(page, '分类').click();
      await shown(page, '.category-page .product-title').waitFor();
      await pageShot(page, `tabs-w${width}-02-category`);
      await tab(page, '购物车').click();
      await shown(page, '.cart-page').waitFor();
      await pageShot(page, `tabs-w${width}-03-cart`);

      await tab(page, '我的').click();
      await shown(page, '.mine-nickname').waitFor();
      expect(Number(await text(page, '.mine-figure-points .mine-figure-value'))).toBe(points);
      expect(Number(await text(page, '.mine-figure-coupons .mine-figure-value'))).toBe(coupons);
      await pageShot(page, `tabs-w${width}-04-mine`);

      // Check in from 我的, come back: 我的 shows the new balance at once.
      await shown(page, '.mine-entry-check-in').click();
      await shown(page, '.check-in-button').click();
      await shown(page, '.check-in-button--done').waitFor();
      const reward = 5; // the default programme's daily check-in
      await back(page);
      await page.waitForFunction(
        (expected) => [...document.querySelectorAll('.mine-figure-points .mine-figure-value')].some((el) => el.textContent === expected),
        String(points + reward),
      );

      // Claim a coupon from home's 领券中心, come back: home's card and coupon count are current.
      await tab(page, '首页').click();
      await page.waitForFunction(
        (expected) => [...document.querySelectorAll('.member-points')].some((el) => el.textContent === expected),
        String(points + reward),
      );
      await shown(page, '.perk-link:has-text("领券中心")').click();
      const coupon = shown(page, '.centre-coupon:has-text("满99减15")');
      await coupon.locator('.claim-button').click();
      await coupon.locator('.claim-button', { hasText: '已领取' }).waitFor();
      await back(page);
      await page.waitForFunction(
        (expected) => [...document.querySelectorAll('.shortcut-coupons .shortcut-value')].some((el) => el.textContent === expected),
        String(coupons + 1),
      );
      await pageShot(page, `tabs-w${width}-05-home-after`);
    } finally {
      await context.close();
    }
  });
});
