import type { Browser, Locator, Page } from 'playwright-core';
import type { LocalCloud } from '../../local-cloud/local-cloud';
import type { CatalogResponses } from '~/types/functions/catalog';
import { seedDemoCatalog } from '../../scripts/seed/demo-products';
import { launchBrowserBeside, screenshot } from '../support/browser';
import { GatewayClient } from '../support/gateway';
import { open, phone } from '../support/h5-pages';
import { startTestCloud } from '../support/local-cloud';

type Envelope<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

const PASSWORD = 'e2e-catalog-admin-password';
const TITLE = '桂花乌龙礼盒';
/** A whole 1×1 PNG, as a photo from the admin's computer. */
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63f8cfc0f01f0005000201a1e5f1d60000000049454e44ae426082',
  'hex',
);

describe('admin 商品 page in Chromium', () => {
  let browser: Browser;
  let cloud: LocalCloud;

  beforeAll(async () => {
    [browser, cloud] = await launchBrowserBeside(
      startTestCloud({ functionEnv: { admin: { ADMIN_TOKEN_SECRET: 'k'.repeat(40), ADMIN_INITIAL_PASSWORD: PASSWORD } } }),
    );
    cloud.store.atomically(() => seedDemoCatalog(cloud, Date.now()));
    await cloud.invoke('admin', { action: 'bootstrapAdmin' });
  });

  afterAll(async () => {
    await browser?.close();
    await cloud?.stop();
  });

  /** What the storefront's catalog function answers a visitor. */
  async function storefront<A extends keyof CatalogResponses>(action: A, payload: Record<string, unknown>): Promise<CatalogResponses[A]> {
    const res = await new GatewayClient(cloud.url).call<Envelope<CatalogResponses[A]>>('catalog', { action, ...payload });
    if (!res.body.ok) throw new Error(`${action}: ${res.body.error.code} ${res.body.error.message}`);
    return res.body.data;
  }

  /** The input of a form field, whether Ant Design put the class on the input or on a wrapper around it. */
  const field = (scope: Locator, cls: string) => scope.locator(`input${cls}, textarea${cls}, ${cls} input, ${cls} textarea`).first();

  async function signIn(page: Page): Promise<void> {
    await page.goto(`${cloud.url}/admin/`);
    await page.locator('#username').fill('admin');
    await page.locator('#password').fill(PASSWORD);
    await page.locator('.login-submit').click();
    // The dashboard opens first after sign-in.
    await page.locator('.dashboard-page').waitFor();
  }

  it('creates a product with two spec values, shelves it and takes stock; the storefront lists it at its prices', async () => {
    expect((await storefront('list', { keyword: TITLE })).items).toEqual([]);
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    try {
      await signIn(page);
      await page.getByRole('menuitem', { name: '商品' }).click();
      await page.locator('.products-table .product-title-cell').first().waitFor();
      expect(await page.locator('.products-table tbody tr.ant-table-row').count()).toBe(20);
      await screenshot(page, 'admin-catalog-01-list');

      await page.locator('.product-create-button').click();
      const drawer = page.locator('.product-drawer');
      await field(drawer, '.product-id').fill('osmanthus-gift');
      await drawer.locator('.product-category').click();
      await page.locator('.ant-select-item-option', { hasText: '咖啡茶饮' }).click();
      await field(drawer, '.product-title').fill(TITLE);
      await field(drawer, '.product-subtitle').fill('高山乌龙 · 桂花窨制');
      await drawer
        .locator('.product-images input[type="file"]')
        .setInputFiles({ name: 'osmanthus.png', mimeType: 'image/png', buffer: PNG });
      await drawer.locator('.product-images .ant-upload-list-item-done img').waitFor();
      await field(drawer, '.product-description').fill('秋季限定的桂花乌龙，礼盒装附提袋。');
      await field(drawer, '.product-keywords').fill('乌龙 桂花 送礼');
      await drawer.locator('.spec-add').click();
      await field(drawer, '.spec-name').fill('规格');
      await field(drawer, '.spec-values').fill('礼盒装、家庭装');
      const gift = drawer.locator('.sku-grid tr', { hasText: '礼盒装' });
      await field(gift, '.sku-price').fill('168');
      await field(gift, '.sku-stock').fill('12');
      const family = drawer.locator('.sku-grid tr', { hasText: '家庭装' });
      await field(family, '.sku-price').fill('99.9');
      await field(family, '.sku-stock').fill('30');
      await screenshot(page, 'admin-catalog-02-create');
      await drawer.locator('.product-save').click();
      await page.getByText(`已创建商品「${TITLE}」，上架后顾客可见`).waitFor();

      const row = page.locator('.products-table tr', { hasText: TITLE });
      await row.getByText('¥99.90 – ¥168.00').waitFor();
      await row.getByText('共 42').waitFor();
      await row.locator('.product-status-switch').click();
      await page.getByText(`已上架「${TITLE}」`).waitFor();

      await row.locator('.product-stock-button').click();
      const stock = page.locator('.stock-modal');
      const familyStock = stock.locator('tr', { hasText: '家庭装' });
      await field(familyStock, '.stock-input').fill('0');
      await familyStock.locator('.stock-save').click();
      await page.getByText('库存已改为 0').waitFor();
      await stock.locator('.stock-done').click();
      await row.getByText('共 12').waitFor();
      await screenshot(page, 'admin-catalog-03-shelved');
    } finally {
      await context.close();
    }

    const listed = await storefront('list', { keyword: '桂花 乌龙 礼盒' });
    expect(listed.items.map((card) => [card.id, card.title, card.minPriceFen, card.priceVaries, card.soldOut])).toEqual([
      ['osmanthus-gift', TITLE, 9_990, true, false],
    ]);
    const detail = await storefront('detail', { productId: 'osmanthus-gift' });
    expect(detail.skus.map((sku) => [sku.skuId, sku.specValues, sku.priceFen, sku.stock])).toEqual([
      ['osmanthus-gift:1', ['礼盒装'], 16_800, 12],
      ['osmanthus-gift:2', ['家庭装'], 9_990, 0],
    ]);
    expect((await storefront('list', { categoryId: 'coffee-tea', pageSize: 50 })).items.map((card) => card.id)).toContain('osmanthus-gift');

    // The uploaded picture is a cloud file; the storefront shows it through a temporary URL.
    expect(detail.images).toEqual([expect.stringMatching(/\/storage\/file\/catalog\/products\/[0-9a-f]{32}\.png\?sign=/)]);
    expect(Buffer.from(await (await fetch(detail.images[0] as string)).arrayBuffer())).toEqual(PNG);
    const shopper = await browser.newContext(phone(390));
    try {
      const page = await shopper.newPage();
      await open(page, cloud, '/packages/shop/pages/product/index?id=osmanthus-gift');
      // Another function instance may have signed its own URL of the same file.
      const path = new URL(detail.images[0] as string).pathname;
      await page.locator(`img[src*="${path}"]`).first().waitFor({ state: 'attached' });
      await page.waitForFunction(
        (file) =>
          Array.from(document.images).some(
            (image) => (image.getAttribute('src') ?? '').includes(file) && image.complete && image.naturalWidth > 0,
          ),
        path,
      );
    } finally {
      await shopper.close();
    }
  });

  it('adds a home banner with an uploaded picture and hides a category; the H5 home shows the banner first and leaves the category out', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    try {
      await signIn(page);
      await page.getByRole('menuitem', { name: '分类与横幅' }).click();
      await page.locator('.categories-table tbody tr.ant-table-row').first().waitFor();
      await page.getByText('共 6 个分类').waitFor();
      const snacks = page.locator('.categories-table tr', { hasText: '零食糕点' });
      await snacks.locator('.category-shown-switch').click();
      await page.getByText('已隐藏分类「零食糕点」').waitFor();
      await screenshot(page, 'admin-catalog-04-categories');

      await page.getByRole('tab', { name: '首页横幅' }).click();
      await page.getByText('共 3 个横幅').waitFor();
      await page.locator('.banner-create-button').click();
      const modal = page.locator('.banner-modal');
      await field(modal, '.banner-id').fill('osmanthus-week');
      await field(modal, '.banner-title').fill('桂花乌龙上新');
      await field(modal, '.banner-product').fill('osmanthus-gift');
      await field(modal, '.banner-sort').fill('0');
      await modal.locator('.banner-picture input[type="file"]').setInputFiles({ name: 'banner.png', mimeType: 'image/png', buffer: PNG });
      await modal.locator('.banner-picture .ant-upload-list-item-done img').waitFor();
      await screenshot(page, 'admin-catalog-05-banner');
      await modal.getByRole('button', { name: /保\s*存/ }).click();
      await page.getByText('已保存横幅「桂花乌龙上新」').waitFor();
      await page.getByText('共 4 个横幅').waitFor();
    } finally {
      await context.close();
    }

    const home = await storefront('home', {});
    expect(home.banners[0]).toMatchObject({ id: 'osmanthus-week', title: '桂花乌龙上新', productId: 'osmanthus-gift' });
    expect(home.categories.map((category) => category._id)).not.toContain('snacks');
    const path = new URL(home.banners[0]?.imageUrl as string).pathname;
    const shopper = await browser.newContext(phone(390));
    try {
      const shop = await shopper.newPage();
      await open(shop, cloud, '/pages/index/index');
      await shop.locator(`img[src*="${path}"]`).first().waitFor({ state: 'attached' });
      await shop.waitForFunction(
        (file) =>
          Array.from(document.images).some(
            (image) => (image.getAttribute('src') ?? '').includes(file) && image.complete && image.naturalWidth > 0,
          ),
        path,
      );
    } finally {
      await shopper.close();
    }
  });
});
