import type { Browser, Page } from 'playwright-core';
import type { LocalCloud } from '../../local-cloud/local-cloud';
import { demoCouponTemplates } from '../../scripts/seed/demo-catalogue';
import { seedDemoCatalog } from '../../scripts/seed/demo-products';
import { screenshot, launchBrowserBeside } from '../support/browser';
import { open, pageShot, phone, shown } from '../support/h5-pages';
import { startTestCloud } from '../support/local-cloud';
import { adminCaller, onlyMember, ordersOf } from '../support/shop';
import { storedInOrder } from '../support/stored';
import type { MemberDoc } from '~/types/documents';

const PASSWORD = 'first-week-admin-password';
const DRIP = '/packages/shop/pages/product/index?id=drip-coffee';
/** Beside 陆家嘴正大广场店, the nearest of the demo stores. */
const AT_LUJIAZUI = { latitude: 31.2362, longitude: 121.4985 };
// A 2×2 PNG: the picture chosen for the avatar.
const PICTURE = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAYAAABytg0kAAAAEklEQVR42mP8z8DwnwEIGBkZAQAbKAQBaOOTSgAAAABJRU5ErkJggg==',
  'base64',
);

const waitForText = (page: Page, selector: string, text: string) =>
  page.waitForFunction(
    ([sel, expected]) => [...document.querySelectorAll(sel)].some((el) => el.getClientRects().length > 0 && el.textContent === expected),
    [selector, text] as const,
  );

/**
 * A shopper's first week in the H5 build: a deep link with a way home, a guest who shops first
 * and joins at checkout without losing the order (which survives a reload), pickup at the
 * nearest store, 凑单 in the cart, 去使用 from a coupon, and the profile bonus earned with an
 * uploaded avatar.
 */
describe('a first week in the storefront', () => {
  let browser: Browser;
  let cloud: LocalCloud;

  beforeAll(async () => {
    [browser, cloud] = await launchBrowserBeside(
      startTestCloud({ functionEnv: { admin: { ADMIN_TOKEN_SECRET: 'w'.repeat(40), ADMIN_INITIAL_PASSWORD: PASSWORD } } }),
    );
    const now = Date.now();
    cloud.store.atomically(() => {
      seedDemoCatalog(cloud, now);
      demoCouponTemplates(now).forEach((doc) => cloud.store.insert('coupon_templates', { ...doc }));
    });
    // Installs the default programme: tiers, member prices and the welcome coupon.
    await adminCaller(cloud, PASSWORD);
  });

  afterAll(async () => {
    await browser?.close();
    await cloud?.stop();
  });

  it('a guest shops first, joins at checkout, keeps the order over a reload and pays for pickup at the nearest store', async () => {
    const context = await browser.newContext({ ...phone(390), geolocation: AT_LUJIAZUI, permissions: ['geolocation'] });
    const page = await context.newPage();
    try {
      // A product link opened fresh has a way home.
      await open(page, cloud, DRIP);
      await shown(page, '.product-detail-title').waitFor();
      await shown(page, '.taro-navigation-bar-home').click();
      await shown(page, '.join-button').waitFor();
      await screenshot(page, 'first-week-01-home-from-link');

      // As a guest: two packs in the cart, which says what shipping costs and what more would make it free.
      await open(page, cloud, DRIP);
      for (const count of [1, 2]) {
        await shown(page, '.add-to-cart').click();
        await waitForText(page, '.product-bar .cart-count', String(count));
      }
      await shown(page, '.product-bar__cart').click();
      await waitForText(page, '.cart-shipping', '运费¥8');
      expect(await shown(page, '.cart-nudge-offer').innerText()).toMatch(/^再买¥[\d.]+免运费$/);
      await pageShot(page, 'first-week-02-cart');

      // Checkout asks the guest to join, right there; the welcome sheet lists the coupon just received.
      await shown(page, '.checkout-button').click();
      await shown(page, '.join-and-continue').click();
      await shown(page, '.welcome-gift').waitFor();
      expect(await shown(page, '.welcome-gift').innerText()).toContain('新人专享券');
      expect(await shown(page, '.welcome-bonus').innerText()).toContain('完善资料再送 50 积分');
      await screenshot(page, 'first-week-03-welcome');
      await shown(page, '.welcome-continue').click();
      await waitForText(page, '.coupon-summary', '-¥10');

      // A reload keeps the order being built.
      await page.reload();
      await shown(page, '.checkout-goods').waitFor();
      expect(await shown(page, '.checkout-goods').innerText()).toContain('挂耳');
      await waitForText(page, '.coupon-summary', '-¥10');

      // Pickup: the goods and amount stay, and the store nearest the shopper is preselected.
      await shown(page, '.delivery-pickup').click();
      await shown(page, '.nearest-store').waitFor();
      expect(await shown(page, '.store-picker__item--active').innerText()).toContain('陆家嘴正大广场店');
      await shown(page, '.checkout-goods').waitFor();
      await shown(page, '.breakdown-payable .breakdown-value').waitFor();
      await pageShot(page, 'first-week-04-checkout-pickup');

      await shown(page, '.submit-order').click();
      await shown(page, '.taro-modal__foot').getByText('确认支付').click();
      await shown(page, '.pay-result-paid').waitFor({ timeout: 15_000 });
      const member = onlyMember(cloud);
      const [paid] = ordersOf(cloud, member._id);
      expect(paid).toMatchObject({ status: 'paid', couponDiscountFen: 1_000, shippingFeeFen: 0 });
      expect(paid?.delivery).toMatchObject({ mode: 'pickup', storeId: 'lujiazui-superbrand' });
      expect(paid?.lines.map((line) => [line.productId, line.quantity])).toEqual([['drip-coffee', 2]]);
    } finally {
      await context.close();
    }
  });

  it('去使用 opens a coupon with how far the cart is from it; the profile bonus is earned with an uploaded avatar', async () => {
    const context = await browser.newContext(phone(390));
    const page = await context.newPage();
    try {
      await page.goto(`${cloud.url}/`);
      await shown(page, '.join-button').click();
      await shown(page, '.welcome-continue').click();

      // 去使用 on the welcome coupon: the coupon, the cart's distance from it, and the products.
      await open(page, cloud, '/packages/coupons/pages/mine/index');
      await shown(page, '.use-coupon').click();
      await shown(page, '.coupon-banner').waitFor();
      expect(await shown(page, '.coupon-banner').innerText()).toContain('新人专享券');
      await waitForText(page, '.coupon-progress', '购物车已选¥0，再买¥59可用');
      await shown(page, '.coupon-products-page .product-card').waitFor();
      await pageShot(page, 'first-week-05-coupon-products');

      // 我的 advertises the profile bonus; the profile earns it with an avatar, a nickname, a gender and a birthday.
      await open(page, cloud, '/pages/mine/index');
      await shown(page, '.profile-bonus').waitFor();
      expect(await shown(page, '.profile-bonus').innerText()).toContain('完善资料送50积分');
      await shown(page, '.profile-bonus').click();
      await shown(page, '.profile-page .avatar-choose').waitFor();

      const chooser = page.waitForEvent('filechooser');
      await shown(page, '.avatar-choose').click();
      await (await chooser).setFiles({ name: 'me.png', mimeType: 'image/png', buffer: PICTURE });
      await page.waitForFunction(() =>
        [...document.querySelectorAll('.avatar-choose img, .avatar-choose taro-image-core')].some((el) =>
          (el.getAttribute('src') ?? '').startsWith('/storage/file/avatars/'),
        ),
      );
      expect(newestMember(cloud).avatarUrl).toMatch(/^cloud:\/\/.+\/avatars\/.+\.png$/);

      await shown(page, '.profile-nickname').click();
      await shown(page, '.profile-edit-dialog input').fill('小满');
      await shown(page, '.profile-edit-dialog .nut-dialog-footer-ok').click();
      await waitForText(page, '.profile-nickname .profile-row__value', '小满');
      await shown(page, '.profile-gender').click();
      await page.getByText('女', { exact: true }).filter({ visible: true }).first().click();
      await waitForText(page, '.profile-gender .profile-row__value', '女');
      expect(await shown(page, '.profile-bonus').innerText()).toContain('还差生日');

      await shown(page, '.profile-birthday-row').click();
      await shown(page, '.nut-picker-confirm-btn').click();
      await shown(page, '.birthday-confirm .nut-dialog-footer-ok').click();
      await page.waitForFunction(() => ![...document.querySelectorAll('.profile-bonus')].some((el) => el.getClientRects().length > 0));
      const after = newestMember(cloud);
      expect(after.points.available).toBe(50);
      await pageShot(page, 'first-week-06-profile-complete');
    } finally {
      await context.close();
    }
  });

  /** The member who joined last. */
  function newestMember(stored: LocalCloud): MemberDoc {
    return storedInOrder(stored, 'members').at(-1) as MemberDoc;
  }
});
