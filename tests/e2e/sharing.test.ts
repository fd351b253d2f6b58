import type { Browser, Page } from 'playwright-core';
import type { LocalCloud } from '../../local-cloud/local-cloud';
import { seedDemoCatalog } from '../../scripts/seed/demo-products';
import { launchBrowserBeside, screenshot } from '../support/browser';
import { join, open, pageShot, phone, shown } from '../support/h5-pages';
import { startTestCloud } from '../support/local-cloud';
import { allStored, storedInOrder } from '../support/stored';

const PRODUCT = '/packages/shop/pages/product/index?id=coffee-beans';

/** What the H5 build last copied (Taro keeps it in storage beside the system clipboard). */
const copied = (page: Page) =>
  page.evaluate(() => {
    const raw = localStorage.getItem('taro_clipboard');
    return raw ? String((JSON.parse(raw) as { data: unknown }).data) : '';
  });

/**
 * Sharing in the H5 build: member A copies a product's link (with their share code) and makes a
 * poster; member B, in another browser, opens the link, sees the product, and the server holds
 * one visit for A, who is given nothing for it.
 */
describe('sharing a product', () => {
  let browser: Browser;
  let cloud: LocalCloud;

  beforeAll(async () => {
    [browser, cloud] = await launchBrowserBeside(startTestCloud());
    cloud.store.atomically(() => seedDemoCatalog(cloud, Date.now()));
    await cloud.invoke('admin', { action: 'bootstrapAdmin' });
  });

  afterAll(async () => {
    await browser?.close();
    await cloud?.stop();
  });

  it("B opens A's copied product link: one visit recorded for A, nothing given to A", async () => {
    const contextA = await browser.newContext(phone(390));
    const contextB = await browser.newContext(phone(390));
    try {
      const pageA = await contextA.newPage();
      await pageA.goto(`${cloud.url}/`);
      await join(pageA);
      const [memberA] = storedInOrder(cloud, 'members');
      const givenToA = () => ({
        ledger: allStored(cloud, 'ledger_entries').filter((entry) => entry.memberId === memberA?._id).length,
        coupons: allStored(cloud, 'coupon_instances').filter((coupon) => coupon.memberId === memberA?._id).length,
      });
      const before = givenToA();

      await open(pageA, cloud, PRODUCT);
      await shown(pageA, '.product-detail-title').waitFor();
      // The share code arrives with the page; a tap before it would copy a link without a sharer.
      let link = '';
      for (let tries = 0; tries < 20 && !link.includes('sharer='); tries += 1) {
        await shown(pageA, '.product-share .share-button').click();
        link = await copied(pageA);
        if (!link.includes('sharer=')) await pageA.waitForTimeout(250);
      }
      const code = allStored(cloud, 'share_codes').find((doc) => doc._id === memberA?._id)?.code;
      expect(link).toBe(`${cloud.url}/#${PRODUCT}&sharer=${code}`);
      expect(link).not.toContain(memberA?._id);
      await pageShot(pageA, 'share-01-product');

      await shown(pageA, '.poster-button').click();
      await shown(pageA, '.poster-image').waitFor();
      expect(await shown(pageA, '.poster-image img').getAttribute('src')).toMatch(/^data:image\/png;base64,/);
      await pageA.waitForTimeout(300);
      await screenshot(pageA, 'share-02-poster');
      await shown(pageA, '.poster-close').click();

      const pageB = await contextB.newPage();
      await pageB.goto(`${cloud.url}/`);
      await join(pageB);
      const memberB = storedInOrder(cloud, 'members').find((member) => member._id !== memberA?._id);
      await pageB.goto('about:blank');
      await pageB.goto(link);
      await shown(pageB, '.product-detail-title').waitFor();
      expect(await shown(pageB, '.product-detail-title').innerText()).toBe('云南保山小粒咖啡豆');
      await pageShot(pageB, 'share-03-opened-by-b');
      const visits = () => allStored(cloud, 'share_visits');
      for (let tries = 0; tries < 40 && visits().length === 0; tries += 1) await pageB.waitForTimeout(100);
      // Opening the link again is the same visit.
      await pageB.reload();
      await shown(pageB, '.product-detail-title').waitFor();
      await pageB.waitForTimeout(500);

      expect(visits()).toEqual([
        expect.objectContaining({
          sharerId: memberA?._id,
          page: 'product',
          productId: 'coffee-beans',
          visitorMemberId: memberB?._id,
        }),
      ]);
      expect(givenToA()).toEqual(before);
    } finally {
      await contextA.close();
      await contextB.close();
    }
  });
});
