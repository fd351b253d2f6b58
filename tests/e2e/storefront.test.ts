import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { LocalCloud } from '../../local-cloud/local-cloud';
import { startLocalCloud } from '../../local-cloud/local-cloud';
import { launchBrowser, screenshot } from '../support/browser';
import { closeWelcome } from '../support/h5-pages';
import { ROOT } from '../support/local-cloud';

const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

describe('H5 storefront in Chromium', () => {
  let browser: Browser;
  const dataDir = mkdtempSync(join(tmpdir(), 'lm-e2e-store-'));
  const start = () => startLocalCloud({ root: ROOT, dataDir, timers: false, log: () => undefined });

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('joins as a member, sees the profile, and finds it again after the cloud restarts', async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    // Started last, so nothing between here and the finally that stops it can leave it running.
    let cloud: LocalCloud = await start();
    try {
      await page.goto(`${cloud.url}/`);
      await page.locator('.join-button').waitFor();
      await screenshot(page, 'storefront-01-guest');

      await page.locator('.join-button').click();
      await page.locator('.member-card').waitFor();
      await closeWelcome(page);
      const memberNo = (await page.locator('.member-no').innerText()).replace(/\D/g, '');
      expect(memberNo).toMatch(/^[1-9]\d{9}$/);
      expect(await page.locator('.member-points').innerText()).toBe('0');
      await screenshot(page, 'storefront-02-member-card');

      // The card shows what the member function wrote into the SQLite file.
      const stored = [...cloud.store.scan('members', [], [], 'rowid')].map((row) => cloud.store.parse(row));
      expect(stored.map((m) => m.memberNo)).toContain(memberNo);

      await page.locator('.profile-link').click();
      await page.locator('.profile-page').waitFor();
      await page.locator('.profile-member-no').waitFor();
      expect(await page.locator('.profile-member-no .profile-row__value').innerText()).toBe(memberNo);
      expect(await page.locator('.profile-tier .profile-row__value').innerText()).toBe('普通会员');
      await screenshot(page, 'storefront-03-profile');

      await cloud.stop();
      cloud = await start();
      await page.goto(`${cloud.url}/`);
      await page.locator('.member-card').waitFor();
      expect((await page.locator('.member-no').innerText()).replace(/\D/g, '')).toBe(memberNo);
      await screenshot(page, 'storefront-04-after-restart');
    } finally {
      await context.close();
      await cloud.stop();
    }
  });
});
