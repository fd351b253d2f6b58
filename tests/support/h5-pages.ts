import type { Locator, Page } from 'playwright-core';
import type { LocalCloud } from '../../local-cloud/local-cloud';
import { screenshot } from './browser';

/** A phone-sized browser context of the given width. */
export const phone = (width: number) => ({ viewport: { width, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });

/** The one element matching `selector` on the page on screen (Taro's H5 router keeps earlier pages, hidden, in the DOM). */
export const shown = (page: Page, selector: string): Locator => page.locator(selector).filter({ visible: true }).first();

/** Opens a page by its route in a fresh load, as a link into the mini-program would (the page stack starts again). */
export async function open(page: Page, cloud: LocalCloud, route: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`${cloud.url}/#${route}`);
}

/**
 * A screenshot of the whole page on screen. Taro's H5 pages scroll inside their own element, not
 * the document, so the viewport is stretched to the page's height for the picture.
 */
export async function pageShot(page: Page, name: string): Promise<void> {
  const size = page.viewportSize() as { width: number; height: number };
  const height = await page.evaluate(() => {
    const current = [...document.querySelectorAll<HTMLElement>('.taro_page')].find((el) => el.getClientRects().length > 0);
    return current?.scrollHeight ?? document.documentElement.scrollHeight;
  });
  await page.setViewportSize({ width: size.width, height: Math.min(Math.max(size.height, height), 8_000) });
  await screenshot(page, name);
  await page.setViewportSize(size);
}

/** Joins from the home page and closes the welcome sheet a new member meets. */
export async function join(page: Page): Promise<void> {
  await shown(page, '.join-button').click();
  await shown(page, '.member-card').waitFor();
  await closeWelcome(page);
}

/** Closes the welcome sheet shown after joining (its gifts are checked where a test is about them). */
export async function closeWelcome(page: Page): Promise<void> {
  await shown(page, '.welcome-continue').click();
  await page.waitForFunction(() => ![...document.querySelectorAll('.welcome-continue')].some((el) => el.getClientRects().length > 0));
}

/** Picks one value on each spec axis in the open SKU sheet. */
export async function pickSku(page: Page, values: string[]): Promise<void> {
  for (const value of values)
    await page.locator('.sku-popup .sku-value').filter({ visible: true }).getByText(value, { exact: true }).click();
}

/** Picks 省, 市 and 区 in turn in the address form's region sheet; each pick opens the next pane. */
export async function pickRegion(page: Page, names: string[]): Promise<void> {
  await shown(page, '.address-region-pick').click();
  const panes = page.locator('.nut-cascader-pane').filter({ visible: true });
  for (const [level, name] of names.entries()) {
    await page.waitForFunction((count) => document.querySelectorAll('.nut-cascader-pane').length === count, level + 1);
    await panes
      .last()
      .locator('.nut-cascader-item-title', { hasText: new RegExp(`^${name}$`) })
      .click();
  }
  await page.locator('.nut-cascader-pane').first().waitFor({ state: 'hidden' });
}

/** Fills the open address form with an address. */
export async function typeAddress(page: Page, address: { name: string; phone: string; region: string[]; detail: string }): Promise<void> {
  await shown(page, '.address-name input').fill(address.name);
  await shown(page, '.address-phone input').fill(address.phone);
  await pickRegion(page, address.region);
  await shown(page, '.address-detail textarea').fill(address.detail);
}

/** Fills the checkout's address form (opened from the checkout) with a Shanghai address. */
export async function fillAddress(page: Page): Promise<void> {
  await shown(page, '.address-add').click();
  await typeAddress(page, { name: '林小满', phone: '13800138000', region: ['上海市', '上海市', '静安区'], detail: '南京西路 1 号 12 楼' });
}
