import type { Browser } from 'playwright-core';
import type { LocalCloud } from '../../local-cloud/local-cloud';
import { launchBrowserBeside, screenshot } from '../support/browser';
import { startTestCloud } from '../support/local-cloud';

const PASSWORD = 'e2e-admin-password';

describe('admin page in Chromium', () => {
  let browser: Browser;
  let cloud: LocalCloud;

  beforeAll(async () => {
    [browser, cloud] = await launchBrowserBeside(
      startTestCloud({ functionEnv: { admin: { ADMIN_TOKEN_SECRET: 'e'.repeat(40), ADMIN_INITIAL_PASSWORD: PASSWORD } } }),
    );
    await cloud.invoke('admin', { action: 'bootstrapAdmin' });
    await cloud.invoke('member', { action: 'join', nickname: '测试会员甲' }, { source: 'wx_client', openid: 'o-e2e-member-a' });
    await cloud.invoke('member', { action: 'join', nickname: '测试会员乙' }, { source: 'wx_client', openid: 'o-e2e-member-b' });
  });

  afterAll(async () => {
    await browser?.close();
    await cloud?.stop();
  });

  it('refuses a wrong password, then logs in and shows the members', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    try {
      await page.goto(`${cloud.url}/admin/`);
      await page.locator('#username').waitFor();
      await screenshot(page, 'admin-01-login');

      await page.locator('#username').fill('admin');
      await page.locator('#password').fill('not-the-password');
      await page.locator('.login-submit').click();
      await page.getByText('用户名或密码错误').waitFor();

      await page.locator('#password').fill(PASSWORD);
      await page.locator('.login-submit').click();
      await page.locator('.members-table').waitFor();
      await page.getByText('测试会员甲').waitFor();
      await page.getByText('测试会员乙').waitFor();
      await screenshot(page, 'admin-02-members');
    } finally {
      await context.close();
    }
  });
});
