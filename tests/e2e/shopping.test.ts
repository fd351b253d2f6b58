import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { LocalCloud } from '../../local-cloud/local-cloud';
import type { MemberDoc } from '~/types/documents';
import { seedDemoCatalog } from '../../scripts/seed/demo-products';
import { launchBrowserBeside, screenshot } from '../support/browser';
import { fillAddress, join, open, pageShot, phone, pickSku, shown } from '../support/h5-pages';
import { startTestCloud } from '../support/local-cloud';
import { adminCaller, docOf, giveCoupon, onlyMember, ordersOf } from '../support/shop';
import { storedInOrder } from '../support/stored';
import { allowAdjustmentsUpTo } from '../support/programme';

const PASSWORD = 'shopping-admin-password';
/** Page content must fit the screen: nothing wider than the viewport once it has settled (banners slide meanwhile). */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const fits = () =>
    document.documentElement.scrollWidth <= window.innerWidth &&
    [...document.querySelectorAll('.taro_page')].every((el) => el.scrollWidth <= el.clientWidth);
  const settled = await page.waitForFunction(fits, undefined, { timeout: 5_000 }).then(
    () => true,
    () => false,
  );
  if (settled) return;
  const wide = await page.evaluate(() =>
    [...document.querySelectorAll('.taro_page_show *')]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${String(el.className)}`),
  );
  throw new Error(`the page is wider than ${page.viewportSize()?.width} px; sticking out: ${wide.join(', ')}`);
}

describe('shopping in the H5 storefront', () => {
  let browser: Browser;
  let cloud: LocalCloud;
  let admin: Awaited<ReturnType<typeof adminCaller>>;

  beforeAll(async () => {
    [browser, cloud] = await launchBrowserBeside(
      startTestCloud({ functionEnv: { admin: { ADMIN_TOKEN_SECRET: 's'.repeat(40), ADMIN_INITIAL_PASSWORD: PASSWORD } } }),
    );
    allowAdjustmentsUpTo(cloud, 2_000);
    cloud.store.atomically(() => seedDemoCatalog(cloud, Date.now()));
    // Installs the default programme: tiers, member prices and the welcome coupon.
    admin = await adminCaller(cloud, PASSWORD);
  });

  afterAll(async () => {
    await browser?.close();
    await cloud?.stop();
  });

  it('a new member browses, searches, buys two products with a coupon and points, pays, and cancels another unpaid order', async () => {
    const context: BrowserContext = await browser.newContext(phone(390));
    const page = await context.newPage();
    try {
      await page.goto(`${cloud.url}/`);
      await join(page);
      const member = onlyMember(cloud);
      const granted = await admin<{ ok: boolean }>('adjustPoints', {
        memberId: member._id,
        points: 2_000,
        reason: '新会员体验积分',
        requestKey: 'shopping-e2e-grant',
      });
      expect(granted.body.ok).toBe(true);
      // A coupon this order is too small for, to see the picker say why.
      giveCoupon(cloud, member._id, 'cash-50-off-500', { kind: 'cash', thresholdFen: 50_000, amountFen: 5_000 });
      await page.reload();
      await shown(page, '.member-card').waitFor();
      await shown(page, '.home-category').waitFor();
      await page.waitForFunction(() =>
        [...document.querySelectorAll('.shortcut-coupons .shortcut-value')].some((el) => el.textContent === '2'),
      );
      await pageShot(page, 'shop-01-home');

      // Browse a category, change the sort, open a product and pick its size.
      await shown(page, '.home-category').click();
      await shown(page, '.category-page .product-card').waitFor();
      expect(await shown(page, '.category-tabs__item--active').innerText()).toBe('咖啡茶饮');
      await shown(page, '.category-page .sort-sales').click();
      await page.waitForTimeout(400);
      await pageShot(page, 'shop-02-category');
      await page.locator('.category-page .product-card').filter({ visible: true, hasText: '云南保山小粒咖啡豆' }).click();
      await shown(page, '.product-detail-title').waitFor();
      expect(await shown(page, '.chosen-spec').innerText()).toContain('请选择');
      await pageShot(page, 'shop-03-product');
      await shown(page, '.add-to-cart').click();
      await pickSku(page, ['500g']);
      expect(await shown(page, '.sku-stock').innerText()).toBe('库存 60 件');
      await screenshot(page, 'shop-04-sku-picker');
      await shown(page, '.sku-confirm-cart').click();
      await page.waitForFunction(() => [...document.querySelectorAll('.product-bar .cart-count')].some((el) => el.textContent === '1'));

      // Search for a T-shirt and add one in a colour and size.
      await open(page, cloud, '/packages/shop/pages/search/index');
      await shown(page, '.search-input input').fill('T恤');
      await shown(page, '.search-submit').click();
      await shown(page, '.search-page .product-card').waitFor();
      expect(await page.locator('.search-page .product-title').filter({ visible: true }).allInnerTexts()).toEqual(['重磅纯棉短袖T恤']);
      await pageShot(page, 'shop-05-search');
      await shown(page, '.search-page .product-card').click();
      await shown(page, '.product-detail-title').waitFor();
      await shown(page, '.add-to-cart').click();
      await pickSku(page, ['白色', 'M']);
      await shown(page, '.sku-confirm-cart').click();
      await page.waitForFunction(() => [...document.querySelectorAll('.product-bar .cart-count')].some((el) => el.textContent === '2'));

      // The cart checks both lines against the catalogue and estimates the total.
      await shown(page, '.product-bar__cart').click();
      await shown(page, '.cart-check-summary').waitFor();
      expect(await page.locator('.cart-page .line-title').filter({ visible: true }).allInnerTexts()).toEqual([
        '重磅纯棉短袖T恤',
        '云南保山小粒咖啡豆',
      ]);
      expect(await shown(page, '.cart-estimate').innerText()).toBe('¥178');
      await pageShot(page, 'shop-06-cart');

      // Checkout: add the address, the welcome coupon is picked, turn points on.
      await shown(page, '.checkout-button').click();
      await fillAddress(page);
      await pageShot(page, 'shop-07-address');
      await shown(page, '.address-save').click();
      await shown(page, '.address-edit').waitFor();
      await page.waitForFunction(() => [...document.querySelectorAll('.coupon-summary')].some((el) => el.textContent === '-¥10'));
      await shown(page, '.coupon-row').click();
      await shown(page, '.coupon-popup .checkout-coupon').waitFor();
      expect(await shown(page, '.checkout-coupon--unusable .coupon-ticket__tag').innerText()).toBe('还差¥322.00可用');
      await screenshot(page, 'shop-08-coupons');
      await shown(page, '.coupon-picker__close').click();
      await shown(page, '.points-switch').click();
      await page.waitForFunction(() => [...document.querySelectorAll('.breakdown-points')].length > 0);
      expect(await shown(page, '.breakdown-coupon .breakdown-value').innerText()).toBe('-¥10');
      expect(await shown(page, '.breakdown-points .breakdown-value').innerText()).toBe('-¥20');
      expect(await shown(page, '.breakdown-payable .breakdown-value').innerText()).toBe('¥148');
      expect(await shown(page, '.breakdown-earn .breakdown-value').innerText()).toBe('+148');
      await pageShot(page, 'shop-09-checkout');

      // Place and pay (the H5 build confirms the local cloud's simulated WeChat Pay).
      await shown(page, '.submit-order').click();
      await shown(page, '.taro-modal__foot').getByText('确认支付').click();
      await shown(page, '.pay-result-paid').waitFor({ timeout: 15_000 });
      await pageShot(page, 'shop-10-paid');
      const [paid] = ordersOf(cloud, member._id);
      expect(paid).toMatchObject({ status: 'paid', payableFen: 14_800, pointsUsed: 2_000, couponDiscountFen: 1_000 });
      expect(paid?.lines.map((line) => line.title)).toEqual(['重磅纯棉短袖T恤', '云南保山小粒咖啡豆']);

      await shown(page, '.view-order').click();
      await shown(page, '.order-detail-status').waitFor();
      expect(await shown(page, '.order-detail-status').innerText()).toBe('待发货');
      await pageShot(page, 'shop-11-order-paid');

      // Ask for a refund of the coffee beans; the order shows its progress.
      await shown(page, '.order-action-requestRefund').click();
      await shown(page, '.refund-line').waitFor();
      await shown(page, '.refund-line').click();
      await shown(page, '.refund-reason').click();
      await pageShot(page, 'shop-12-refund');
      await shown(page, '.submit-refund').click();
      await shown(page, '.order-refunds .refund-status').waitFor();
      expect(await shown(page, '.order-refunds .refund-status').innerText()).toBe('仅退款 · 等待审核');
      await pageShot(page, 'shop-13-refund-progress');

      // Another order, picked up in store, left unpaid by closing the payment sheet…
      await open(page, cloud, '/packages/shop/pages/product/index?id=dark-chocolate');
      await shown(page, '.buy-now').click();
      await pickSku(page, ['海盐']);
      await shown(page, '.sku-confirm-buy').click();
      await shown(page, '.delivery-pickup').click();
      await shown(page, '.pickup-store').click();
      await page.waitForFunction(() => [...document.querySelectorAll('.checkout-payable')].some((el) => el.textContent === '¥45'));
      await pageShot(page, 'shop-14-checkout-pickup');
      await shown(page, '.submit-order').click();
      await shown(page, '.taro-modal__foot').getByText('取消').click();
      await shown(page, '.pay-result-failed').waitFor({ timeout: 15_000 });
      await pageShot(page, 'shop-15-unpaid');

      // …then cancelled from the list's 待付款 tab.
      await open(page, cloud, '/packages/orders/pages/list/index');
      await shown(page, '.order-card').waitFor();
      await pageShot(page, 'shop-16-orders');
      expect(await page.locator('.order-list-page .order-status').filter({ visible: true }).allInnerTexts()).toEqual(['待付款', '待发货']);
      await shown(page, '.order-tab-pendingPayment').click();
      await page.waitForFunction(
        () =>
          [...document.querySelectorAll('.order-list-page .order-card')].filter((el) => (el as HTMLElement).offsetParent !== null)
            .length === 1,
      );
      await shown(page, '.order-action-cancel').click();
      await shown(page, '.nut-dialog-footer-ok').click();
      await page.waitForFunction(() =>
        [...document.querySelectorAll('.order-list-page .order-status')].some((el) => el.textContent === '已取消'),
      );
      await shown(page, '.order-tab-all').click();
      await page.waitForFunction(
        () =>
          [...document.querySelectorAll('.order-list-page .order-status')]
            .filter((el) => (el as HTMLElement).offsetParent !== null)
            .map((el) => el.textContent)
            .join() === '已取消,待发货',
      );
      await page.waitForTimeout(1_500);
      await pageShot(page, 'shop-17-orders-after-cancel');

      const orders = ordersOf(cloud, member._id);
      expect(orders.map((order) => order.status).sort()).toEqual(['cancelled', 'paid']);
      expect(orders.find((order) => order.status === 'cancelled')).toMatchObject({ delivery: { mode: 'pickup' }, payableFen: 4_500 });
      expect(docOf(cloud, 'members', member._id).points.available).toBe(0);
    } finally {
      await context.close();
    }
  });

  it.each([320, 430])('fits a %i px wide phone: home, product with member prices, cart, checkout and orders', async (width) => {
    const context = await browser.newContext(phone(width));
    const page = await context.newPage();
    try {
      await page.goto(`${cloud.url}/`);
      await join(page);
      // A 银卡 member, so that member prices and the next tier's price show.
      const newest = storedInOrder(cloud, 'members').at(-1) as MemberDoc;
      cloud.store.replace('members', { ...newest, tierId: 'silver' });
      await page.reload();
      await shown(page, '.home-category').waitFor();
      await expectNoSidewaysScroll(page);
      await pageShot(page, `shop-w${width}-home`);

      await open(page, cloud, '/packages/shop/pages/product/index?id=linen-bedding');
      await shown(page, '.next-tier-price').waitFor();
      expect(await shown(page, '.price-panel__label').innerText()).toBe('银卡会员价');
      await expectNoSidewaysScroll(page);
      await pageShot(page, `shop-w${width}-product`);
      await shown(page, '.add-to-cart').click();
      await pickSku(page, ['1.8m床', '灰蓝']);
      await expectNoSidewaysScroll(page);
      await screenshot(page, `shop-w${width}-sku`);
      await shown(page, '.sku-confirm-cart').click();

      await open(page, cloud, '/pages/cart/index');
      await shown(page, '.cart-check-summary').waitFor();
      await expectNoSidewaysScroll(page);
      await pageShot(page, `shop-w${width}-cart`);
      await shown(page, '.checkout-button').click();
      await shown(page, '.breakdown-member').waitFor();
      await expectNoSidewaysScroll(page);
      await pageShot(page, `shop-w${width}-checkout`);

      await open(page, cloud, '/packages/orders/pages/list/index');
      await shown(page, '.order-list-page .status-panel--empty').waitFor();
      await expectNoSidewaysScroll(page);
      await pageShot(page, `shop-w${width}-orders-empty`);

      await open(page, cloud, '/packages/shop/pages/product/index?id=osmanthus-oolong');
      await shown(page, '.sold-out-banner').waitFor();
      expect(await shown(page, '.unavailable-button').innerText()).toBe('已售罄');
      await pageShot(page, `shop-w${width}-sold-out`);

      await open(page, cloud, '/packages/shop/pages/product/index?id=custard-mooncake');
      await shown(page, '.off-shelf-banner').waitFor();
      expect(await shown(page, '.unavailable-button').innerText()).toBe('已下架');
      await open(page, cloud, '/packages/shop/pages/product/index?id=no-such-product');
      await shown(page, '.product-page .status-panel--empty').waitFor();
      await pageShot(page, `shop-w${width}-product-missing`);
    } finally {
      await context.close();
    }
  });
});
