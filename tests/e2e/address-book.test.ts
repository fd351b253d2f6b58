import type { Browser, Page } from 'playwright-core';
import type { LocalCloud } from '../../local-cloud/local-cloud';
import { seedDemoCatalog } from '../../scripts/seed/demo-products';
import { launchBrowserBeside, screenshot } from '../support/browser';
import { join, open, pageShot, phone, pickSku, shown, typeAddress } from '../support/h5-pages';
import { startTestCloud } from '../support/local-cloud';
import { onlyMember, ordersOf } from '../support/shop';

/**
 * The address book in the H5 build: a member adds two addresses with the region picker, makes the
 * second the default, edits and deletes one, and checkout starts at the default and ships to it.
 */
describe('the member address book', () => {
  let browser: Browser;
  let cloud: LocalCloud;

  const texts = (page: Page, selector: string) => page.locator(selector).filter({ visible: true }).allInnerTexts();
  const item = (page: Page, text: string) => page.locator('.address-item').filter({ visible: true, hasText: text }).first();

  beforeAll(async () => {
    [browser, cloud] = await launchBrowserBeside(startTestCloud());
    seedDemoCatalog(cloud, Date.now());
  });

  afterAll(async () => {
    await browser?.close();
    await cloud?.stop();
  });

  it('adds, defaults, edits and deletes addresses, and checkout ships to the default', async () => {
    const context = await browser.newContext(phone(390));
    const page = await context.newPage();
    try {
      await page.goto(`${cloud.url}/`);
      await join(page);

      // 我的 → 收货地址: an empty book.
      await page.locator('.weui-tabbar__item', { hasText: '我的' }).first().click();
      await shown(page, '.mine-entry-address').click();
      await shown(page, '.addresses-page .status-panel--empty').waitFor();
      await pageShot(page, 'address-01-empty-book');

      // The first address: the region sheet goes 省 → 市 → 区.
      await shown(page, '.address-new').click();
      await shown(page, '.address-name input').fill('林小满');
      await shown(page, '.address-phone input').fill('13800138000');
      await shown(page, '.address-region-pick').click();
      await page
        .locator('.nut-cascader-item-title', { hasText: /^上海市$/ })
        .first()
        .waitFor();
      await page.waitForTimeout(400);
      await screenshot(page, 'address-02-region-picker');
      await page.locator('.nut-popup-title-right').filter({ visible: true }).click();
      await typeAddress(page, {
        name: '林小满',
        phone: '13800138000',
        region: ['上海市', '上海市', '静安区'],
        detail: '南京西路 1 号 12 楼',
      });
      expect(await shown(page, '.address-region-text').innerText()).toBe('上海市 静安区');
      await pageShot(page, 'address-03-form');
      await shown(page, '.address-save').click();
      await item(page, '南京西路').waitFor();

      // The second, in another province.
      await shown(page, '.address-new').click();
      await typeAddress(page, { name: '林小满', phone: '13900139000', region: ['广东省', '深圳市', '南山区'], detail: '科技园 2 栋 801' });
      await shown(page, '.address-save').click();
      await item(page, '科技园').waitFor();
      expect(await texts(page, '.address-item__where')).toEqual([
        '上海市 静安区 南京西路 1 号 12 楼',
        '广东省 深圳市 南山区 科技园 2 栋 801',
      ]);
      expect(await item(page, '南京西路').locator('.address-default-tag').count()).toBe(1);

      // The second becomes the default and moves to the top.
      await item(page, '科技园').locator('.address-set-default').click();
      await page.waitForFunction(() =>
        [...document.querySelectorAll('.address-item')].some(
          (el) =>
            (el as HTMLElement).offsetParent !== null && el.querySelector('.address-default-tag') && el.textContent?.includes('科技园'),
        ),
      );
      expect((await texts(page, '.address-item__where'))[0]).toBe('广东省 深圳市 南山区 科技园 2 栋 801');
      await pageShot(page, 'address-04-book-default');

      // Edit the first address's street, then delete it (after confirming).
      await item(page, '南京西路').locator('.address-item-edit').click();
      await shown(page, '.address-detail textarea').waitFor();
      expect(await shown(page, '.address-region-text').innerText()).toBe('上海市 静安区');
      await shown(page, '.address-detail textarea').fill('新闸路 8 号');
      await shown(page, '.address-save').click();
      await item(page, '新闸路').waitFor();
      await item(page, '新闸路').locator('.address-item-remove').click();
      await screenshot(page, 'address-05-delete-confirm');
      await shown(page, '.taro-modal__foot').getByText('删除').click();
      await page.waitForFunction(
        () => [...document.querySelectorAll('.address-item')].filter((el) => (el as HTMLElement).offsetParent !== null).length === 1,
      );
      expect(await texts(page, '.address-item__where')).toEqual(['广东省 深圳市 南山区 科技园 2 栋 801']);
      await pageShot(page, 'address-06-book-after-delete');

      // Checkout starts at the default address, and the order ships to it.
      await open(page, cloud, '/packages/shop/pages/product/index?id=coffee-beans');
      await shown(page, '.buy-now').click();
      await pickSku(page, ['500g']);
      await shown(page, '.sku-confirm-buy').click();
      await page.waitForFunction(() =>
        [...document.querySelectorAll('.address-edit')].some((el) => el.textContent?.includes('科技园 2 栋 801')),
      );
      expect(await shown(page, '.address-edit').innerText()).toContain('广东省 深圳市 南山区 科技园 2 栋 801');
      await shown(page, '.submit-order').waitFor();
      await page.waitForFunction(() => !document.querySelector('.submit-order.checkout-bar__button--busy'));
      await pageShot(page, 'address-07-checkout-default');

      // Tapping the card opens the book to choose from; choosing the same address comes back.
      await shown(page, '.address-edit').click();
      await shown(page, '.addresses-page__hint').waitFor();
      await item(page, '科技园').locator('.address-item-choose').click();
      await shown(page, '.address-edit').waitFor();

      await page.waitForFunction(() => !document.querySelector('.submit-order.checkout-bar__button--busy'));
      await shown(page, '.submit-order').click();
      await shown(page, '.taro-modal__foot').getByText('确认支付').click();
      await shown(page, '.pay-result-paid').waitFor({ timeout: 15_000 });
      await pageShot(page, 'address-08-paid');

      const [order] = ordersOf(cloud, onlyMember(cloud)._id);
      expect(order?.delivery).toMatchObject({
        mode: 'delivery',
        address: { name: '林小满', phone: '13900139000', region: '广东省 深圳市 南山区', detail: '科技园 2 栋 801' },
      });
    } finally {
      await context.close();
    }
  });
});
