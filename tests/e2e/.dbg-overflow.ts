import { seedDemoCatalog } from '../../scripts/seed/demo-products';
import { launchBrowser } from '../support/browser';
import { startTestCloud } from '../support/local-cloud';

async function main() {
  const cloud = await startTestCloud();
  cloud.store.atomically(() => seedDemoCatalog(cloud.store, Date.now()));
  const browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto(`${cloud.url}/`);
  await page.locator('.home-category').first().waitFor();
  const r = await page.evaluate(() => {
    const out: string[] = [];
    document.querySelectorAll('*').forEach((el) => {
      const cs = getComputedStyle(el);
      if ((cs.overflowY === 'auto' || cs.overflowY === 'scroll') && el.scrollHeight > el.clientHeight) out.push(`${el.tagName}.${String(el.className).slice(0, 80)} ${el.scrollHeight}/${el.clientHeight}`);
    });
    return { doc: document.scrollingElement?.scrollHeight, out };
  });
  console.log(JSON.stringify(r, null, 1));
  await browser.close();
  await cloud.stop();
}
main().catch((e) => { console.error(e); process.exit(1); });
