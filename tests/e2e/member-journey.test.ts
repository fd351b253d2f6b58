import type { Browser, Page } from 'playwright-core';
import type { LocalCloud } from '../../local-cloud/local-cloud';
import { demoCouponTemplates, demoRewards } from '../../scripts/seed/demo-catalogue';
import { seedDemoCatalog } from '../../scripts/seed/demo-products';
import { DAY_MS } from '~/core/calendar/durations';
import { launchBrowserBeside } from '../support/browser';
import { fillAddress, join, open, pageShot, phone, pickSku, shown } from '../support/h5-pages';
import { startTestCloud } from '../support/local-cloud';
import { adminCaller, docOf, onlyMember, ordersOf } from '../support/shop';

const PASSWORD = 'journey-admin-password';

/**
 * A new member's first weeks, in the H5 build against the local cloud, with the clock moved by
 * the test: join → browse → two products in the cart → checkout with a coupon and points → pay →
 * pending points → (the release job runs after the return window) → the tier upgrade → redeem a
 * reward → its pickup code → check in on two days → the streak. Every page is photographed.
 */
describe('a new member from joining to a two-day check-in streak', () => {
  let browser: Browser;
  let cloud: LocalCloud;
  let admin: Awaited<ReturnType<typeof adminCaller>>;

  const text = async (page: Page, selector: string) => (await shown(page, selector).innerText()).trim();

  beforeAll(async () => {
    [browser, cloud] = await launchBrowserBeside(
      startTestCloud({ functionEnv: { admin: { ADMIN_TOKEN_SECRET: 'j'.repeat(40), ADMIN_INITIAL_PASSWORD: PASSWORD } } }),
    );
    const now = Date.now();
    cloud.store.atomically(() => {
      seedDemoCatalog(cloud, now);
      demoCouponTemplates(now).forEach((doc) => cloud.store.insert('coupon_templates', { ...doc }));
      demoRewards(now).forEach((doc) => cloud.store.insert('rewards', { ...doc }));
    });
    // Installs the default programme: tiers, member prices and the welcome coupon.
    admin = await adminCaller(cloud, PASSWORD);
  });

  afterAll(async () => {
    cloud?.setClock(null);
    await browser?.close();
    await cloud?.stop();
  });

  it('walks the journey and sees real numbers on every page', async () => {
    const context = await browser.newContext(phone(390));
    const page = await context.newPage();
    try {
      // Join; a welcome gift of points arrives from the brand.
      await page.goto(`${cloud.url}/`);
      await join(page);
      const member = onlyMember(cloud);
      expect(
        (
          await admin<{ ok: boolean }>('adjustPoints', {
            memberId: member._id,
            points: 1_000,
            reason: '新会员礼',
            requestKey: 'journey-welcome-points',
          })
        ).body.ok,
      ).toBe(true);
      await page.reload();
      await shown(page, '.member-card').waitFor();
      await pageShot(page, 'journey-01-home');

      // Browse a category and put the noise-cancelling earbuds in the cart.
      await open(page, cloud, '/pages/category/index?id=digital');
      await shown(page, '.category-page .product-card').waitFor();
      await pageShot(page, 'journey-02-category');
      await page.locator('.category-page .product-card').filter({ visible: true, hasText: '真无线主动降噪耳机' }).click();
      await shown(page, '.product-detail-title').waitFor();
      await pageShot(page, 'journey-03-product');
      await shown(page, '.add-to-cart').click();
      await pickSku(page, ['曜石黑']);
      await shown(page, '.sku-confirm-cart').click();
      await page.waitForFunction(() => [...document.querySelectorAll('.product-bar .cart-count')].some((el) => el.textContent === '1'));

      // …and the coffee beans.
      await open(page, cloud, '/packages/shop/pages/product/index?id=coffee-beans');
      await shown(page, '.product-detail-title').waitFor();
      await shown(page, '.add-to-cart').click();
      await pickSku(page, ['500g']);
      await shown(page, '.sku-confirm-cart').click();
      await page.waitForFunction(() => [...document.querySelectorAll('.product-bar .cart-count')].some((el) => el.textContent === '2'));
      await shown(page, '.product-bar__cart').click();
      await shown(page, '.cart-check-summary').waitFor();
      await pageShot(page, 'journey-04-cart');

      // Checkout: address, the welcome coupon (picked by itself), all the points it allows.
      await shown(page, '.checkout-button').click();
      await fillAddress(page);
      await shown(page, '.address-save').click();
      await shown(page, '.address-edit').waitFor();
      await page.waitForFunction(() => [...document.querySelectorAll('.coupon-summary')].some((el) => el.textContent === '-¥10'));
      await shown(page, '.points-switch').click();
      await page.waitForFunction(() => [...document.querySelectorAll('.breakdown-points')].length > 0);
      expect(await text(page, '.breakdown-points .breakdown-value')).toBe('-¥10');
      await pageShot(page, 'journey-05-checkout');

      // Pay (the H5 build confirms the local cloud's simulated WeChat Pay).
      await shown(page, '.submit-order').click();
      await shown(page, '.taro-modal__foot').getByText('确认支付').click();
      await shown(page, '.pay-result-paid').waitFor({ timeout: 15_000 });
      await pageShot(page, 'journey-06-paid');
      const [order] = ordersOf(cloud, member._id);
      expect(order).toMatchObject({ status: 'paid', couponDiscountFen: 1_000, pointsUsed: 1_000 });
      const earned = order?.pointsToEarn as number;
      expect(earned).toBeGreaterThan(1_000);

      // Points: nothing available yet, the purchase points pending until the return window closes.
      await open(page, cloud, '/packages/points/pages/index/index');
      await shown(page, '.points-pending').waitFor();
      expect(await text(page, '.points-available')).toBe('0');
      expect(await text(page, '.points-pending')).toBe(String(earned));
      await pageShot(page, 'journey-07-points-pending');

      // The tier: the order's spend passed ¥1,000, so the member is 银卡 at once.
      await open(page, cloud, '/packages/member/pages/centre/index');
      await shown(page, '.tier-card').waitFor();
      expect(await text(page, '.tier-name')).toBe('银卡会员');
      await pageShot(page, 'journey-08-tier-upgrade');

      // Shipped by the brand, received by the member.
      expect(
        (await admin<{ ok: boolean }>('shipOrder', { orderId: order?._id, carrier: '顺丰速运', trackingNo: 'SF1029384756' })).body.ok,
      ).toBe(true);
      await open(page, cloud, `/packages/orders/pages/detail/index?id=${order?._id}`);
      await shown(page, '.order-action-confirmReceipt').click();
      await shown(page, '.nut-dialog-footer-ok').click();
      await page.waitForFunction(() => [...document.querySelectorAll('.order-detail-status')].some((el) => el.textContent === '已完成'));
      await pageShot(page, 'journey-09-received');

      // Eight days later the hourly release job makes the points available.
      const later = Date.now() + 8 * DAY_MS;
      cloud.setClock(later);
      expect(await cloud.runTimer('job-release-points', later)).toMatchObject({ ok: true });
      expect(docOf(cloud, 'members', member._id).points).toMatchObject({ available: earned, pending: 0 });
      await open(page, cloud, '/packages/points/pages/index/index');
      await shown(page, '.history-item').waitFor();
      expect(await text(page, '.points-available')).toBe(String(earned));
      await pageShot(page, 'journey-10-points-released');

      // Redeem the tote bag and see its pickup code.
      await open(page, cloud, '/packages/mall/pages/index/index');
      await shown(page, '.reward-card').waitFor();
      await pageShot(page, 'journey-11-mall');
      await page.locator('.reward-card').filter({ visible: true, hasText: '品牌帆布袋' }).click();
      await shown(page, '.redeem-button').click();
      await page.locator('.redeem-dialog .nut-dialog-footer-ok').click();
      const pickupCode = (await text(page, '.pickup-code')).replace(/\s/g, '');
      expect(pickupCode).toMatch(/^\d{6,}$/);
      await pageShot(page, 'journey-12-redeemed');
      await open(page, cloud, '/packages/mall/pages/redemptions/index');
      await shown(page, '.redemption-item').waitFor();
      expect((await text(page, '.pickup-code')).replace(/\s/g, '')).toBe(pickupCode);
      await pageShot(page, 'journey-13-pickup-code');

      // Check in on two days in a row: the streak shows 2.
      await open(page, cloud, '/packages/points/pages/check-in/index');
      await shown(page, '.check-in-button').click();
      await shown(page, '.check-in-button--done').waitFor();
      expect(await text(page, '.check-in-streak')).toBe('1');
      // Let the success toast fade before the picture.
      await page.waitForTimeout(2_500);
      await pageShot(page, 'journey-14-check-in-day-1');
      cloud.setClock(later + DAY_MS);
      await open(page, cloud, '/packages/points/pages/check-in/index');
      await shown(page, '.check-in-button').click();
      await shown(page, '.check-in-button--done').waitFor();
      expect(await text(page, '.check-in-streak')).toBe('2');
      await page.waitForTimeout(2_500);
      await pageShot(page, 'journey-15-check-in-streak');
      expect(docOf(cloud, 'members', member._id).checkIn.streak).toBe(2);
    } finally {
      await context.close();
    }
  });
});
