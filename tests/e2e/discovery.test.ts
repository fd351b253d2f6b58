import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { LocalCloud } from '../../local-cloud/local-cloud';
import { seedDemoCatalog } from '../../scripts/seed/demo-products';
import { launchBrowserBeside, screenshot } from '../support/browser';
import { fillAddress, join, open, pageShot, phone, shown } from '../support/h5-pages';
import { startTestCloud } from '../support/local-cloud';
import { adminCaller } from '../support/shop';
import { allStored } from '../support/stored';

const PASSWORD = 'discovery-admin-password';
const DRIP = '/packages/shop/pages/product/index?id=drip-coffee';
const SERUM = '/packages/shop/pages/product/index?id=hydrating-serum';

/** The product titles of the 猜你喜欢 section on screen. */
const suggested = (page: Page) => page.locator('.recommendations .product-title').filter({ visible: true }).allInnerTexts();

describe('discovery in the H5 storefront: bought together, 猜你喜欢 and 我的收藏', () => {
  let browser: Browser;
  let cloud: LocalCloud;

  beforeAll(async () => {
    [browser, cloud] = await launchBrowserBeside(
      startTestCloud({ functionEnv: { admin: { ADMIN_TOKEN_SECRET: 'e'.repeat(40), ADMIN_INITIAL_PASSWORD: PASSWORD } } }),
    );
    cloud.store.atomically(() => seedDemoCatalog(cloud, Date.now()));
    // Installs the default programme: tiers, member prices and the welcome coupon.
    await adminCaller(cloud, PASSWORD);
  });

  afterAll(async () => {
    await browser?.close();
    await cloud?.stop();
  });

  async function member(): Promise<[BrowserContext, Page]> {
    const context = await browser.newContext(phone(390));
    const page = await context.newPage();
    await page.goto(`${cloud.url}/`);
    await join(page);
    return [context, page];
  }

  /** Waits until the checkout has priced the order (the welcome coupon applied), so placing it sends that total. */
  async function checkoutPriced(page: Page): Promise<void> {
    await page.waitForFunction(() => [...document.querySelectorAll('.coupon-summary')].some((el) => el.textContent === '-¥10'));
    await shown(page, '.breakdown-payable .breakdown-value').waitFor();
  }

  async function addToCart(page: Page, route: string, count: number): Promise<void> {
    await open(page, cloud, route);
    await shown(page, '.product-detail-title').waitFor();
    await shown(page, '.add-to-cart').click();
    await page.waitForFunction(
      (n) => [...document.querySelectorAll('.product-bar .cart-count')].some((el) => el.textContent === String(n)),
      count,
    );
  }

  it('one member buys two products together; another sees one on the other’s page, keeps it and finds it in 我的收藏', async () => {
    const [buyerContext, buyer] = await member();
    try {
      // Before anyone bought them together, the drip coffee suggests best sellers, not the serum.
      await open(buyer, cloud, DRIP);
      await shown(buyer, '.recommendations .product-card').waitFor();
      expect(await suggested(buyer)).not.toContain('玻尿酸保湿精华');

      await addToCart(buyer, DRIP, 1);
      await addToCart(buyer, SERUM, 2);
      await shown(buyer, '.product-bar__cart').click();
      await shown(buyer, '.cart-check-summary').waitFor();
      await shown(buyer, '.checkout-button').click();
      await fillAddress(buyer);
      await shown(buyer, '.address-save').click();
      await shown(buyer, '.address-edit').waitFor();
      await checkoutPriced(buyer);
      await shown(buyer, '.submit-order').click();
      await shown(buyer, '.taro-modal__foot').getByText('确认支付').click();
      await shown(buyer, '.pay-result-paid').waitFor({ timeout: 15_000 });
      expect(allStored(cloud, 'co_purchases').find((pair) => pair._id === 'drip-coffee:hydrating-serum')?.count).toBe(1);

      // The order list names a two-line order by its first line.
      await open(buyer, cloud, '/packages/orders/pages/list/index');
      await shown(buyer, '.order-card-names').waitFor();
      expect(await shown(buyer, '.order-card-names').innerText()).toMatch(/^(挂耳咖啡组合装|玻尿酸保湿精华) 等2件$/);
      await pageShot(buyer, 'discovery-01-order-list');
    } finally {
      await buyerContext.close();
    }

    const [context, page] = await member();
    try {
      await open(page, cloud, DRIP);
      await shown(page, '.product-detail-title').waitFor();
      expect(await shown(page, '.gallery-indicator').innerText()).toBe('1/2');
      await page.waitForFunction(() => document.querySelectorAll('.recommendations .product-title').length > 0);
      expect((await suggested(page))[0]).toBe('玻尿酸保湿精华');
      await page.waitForTimeout(600);
      await pageShot(page, 'discovery-02-product-suggests');

      await shown(page, '.favourite-button').click();
      await shown(page, '.favourite-on').waitFor();
      expect(await shown(page, '.favourite-button').innerText()).toContain('已收藏');
      await screenshot(page, 'discovery-03-favourited');

      await page.goto(`${cloud.url}/#/pages/mine/index`);
      await shown(page, '.mine-entry-favourites').click();
      await shown(page, '.favourite-title').waitFor();
      expect(await page.locator('.favourite-title').filter({ visible: true }).allInnerTexts()).toEqual(['挂耳咖啡组合装']);
      await page.waitForTimeout(600);
      await pageShot(page, 'discovery-04-favourites');

      // A search without results suggests best sellers instead.
      await open(page, cloud, `/packages/shop/pages/search/index?keyword=${encodeURIComponent('不存在的商品')}`);
      await shown(page, '.search-empty').waitFor();
      await shown(page, '.search-page .recommendations .product-card').waitFor();
      await page.waitForTimeout(600);
      await pageShot(page, 'discovery-05-search-empty');

      // The floating cart button never sits over the last row of a list scrolled to its end.
      const overlap = await page.evaluate(() => {
        const pageEl = [...document.querySelectorAll<HTMLElement>('.taro_page')].find((el) => el.getClientRects().length > 0);
        pageEl?.scrollTo(0, pageEl.scrollHeight);
        const button = document.querySelector('.search-page .cart-entry')?.getBoundingClientRect();
        const cards = [...document.querySelectorAll('.search-page .product-card')].map((el) => el.getBoundingClientRect());
        const last = cards[cards.length - 1];
        return button && last ? last.bottom - button.top : null;
      });
      expect(overlap).not.toBeNull();
      expect(overlap as number).toBeLessThanOrEqual(0);
      await screenshot(page, 'discovery-06-search-end');
    } finally {
      await context.close();
    }
  });
});
