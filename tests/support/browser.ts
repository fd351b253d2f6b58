import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import type { LocalCloud } from '../../local-cloud/local-cloud';
import { CHROMIUM, missingBrowserPrerequisites } from './browser-prerequisites';
import { ROOT } from './local-cloud';

export const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');

/** Headless Chromium with the flags this sandboxed, offline machine needs; fails at once, saying what to install, when Chromium is missing. */
export async function launchBrowser(): Promise<Browser> {
  const missing = missingBrowserPrerequisites({ fonts: false });
  if (missing) throw new Error(missing);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Saves a full-page screenshot under test-results/screenshots (git-ignored). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // Taro's H5 router animates page changes; let them settle first.
  await page.waitForTimeout(600);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/**
 * Launches the browser while the suite's local cloud starts. If either fails, the other is
 * closed before the error is thrown: a suite's afterAll only sees what beforeAll assigned, and a
 * cloud left running (its server and function worker threads) would keep Jest from exiting.
 */
export async function launchBrowserBeside(starting: Promise<LocalCloud>): Promise<[Browser, LocalCloud]> {
  const [browser, cloud] = await Promise.allSettled([launchBrowser(), starting]);
  if (browser.status === 'fulfilled' && cloud.status === 'fulfilled') return [browser.value, cloud.value];
  await Promise.all([
    browser.status === 'fulfilled' ? browser.value.close() : null,
    cloud.status === 'fulfilled' ? cloud.value.stop() : null,
  ]);
  throw browser.status === 'rejected' ? browser.reason : (cloud as PromiseRejectedResult).reason;
}
