import type { Browser, Page } from 'playwright-core';
import type { LocalCloud } from '../../local-cloud/local-cloud';
import { hashPassword } from '~/server/admin/credentials';
import { launchBrowserBeside, screenshot } from '../support/browser';
import { startTestCloud } from '../support/local-cloud';
import { docOf } from '../support/shop';
import { allStored, putStored } from '../support/stored';

const PASSWORD = 'e2e-desk-admin-password';
const PHONE = '13800138000';

describe('the member desk in Chromium', () => {
  let browser: Browser;
  let cloud: LocalCloud;
  let memberId: string;

  async function signIn(page: Page, username: string): Promise<void> {
    await page.goto(`${cloud.url}/admin/`);
    await page.locator('#username').fill(username);
    await page.locator('#password').fill(PASSWORD);
    await page.locator('.login-submit').click();
    await page.locator('.members-table').waitFor();
  }

  beforeAll(async () => {
    [browser, cloud] = await launchBrowserBeside(
      startTestCloud({ functionEnv: { admin: { ADMIN_TOKEN_SECRET: 'k'.repeat(40), ADMIN_INITIAL_PASSWORD: PASSWORD } } }),
    );
    await cloud.invoke('admin', { action: 'bootstrapAdmin' });
    putStored(cloud, 'admins', { _id: 'ops', role: 'operator', storeId: null, passwordHash: await hashPassword(PASSWORD), createdAt: 0 });
    const caller = { source: 'wx_client', openid: 'o-e2e-desk-member' };
    memberId = ((await cloud.invoke('member', { action: 'join', nickname: '林小满' }, caller)) as { data: { memberId: string } }).data
      .memberId;
    await cloud.invoke('member', { action: 'updateProfile', phone: PHONE }, caller);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await cloud?.stop();
  });

  it('an operator finds a member by phone and asks for a large adjustment; the owner approves it', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    try {
      await signIn(page, 'ops');
      await page.locator('.members-search input').fill(PHONE);
      await page.locator('.members-search input').press('Enter');
      await page.locator('.members-search-kind').waitFor();
      // An operator sees the phone masked.
      await page.locator('.members-table').getByText('138****8000').waitFor();
      await page.locator('.members-table .member-open').first().click();
      await page.locator('.member-detail-drawer .member-profile').waitFor();
      await screenshot(page, 'admin-desk-01-detail');

      await page.locator('.adjust-points-button').click();
      const adjust = page.locator('.adjust-points-modal');
      await adjust.locator('.adjust-points-input input').fill('5000');
      await adjust.locator('input.adjust-reason').fill('大额补偿');
      await adjust.locator('.adjust-needs-approval').waitFor();
      await adjust.getByRole('button', { name: '提交审批' }).click();
      await page.locator('.member-pending-approvals').waitFor();
      await screenshot(page, 'admin-desk-02-pending');
      expect(docOf(cloud, 'members', memberId).points.available).toBe(0);

      await page.locator('.member-detail-drawer .ant-drawer-close').click();
      await page.locator('.member-detail-drawer').waitFor({ state: 'hidden' });
      await page.locator('.logout-button').click();
      await signIn(page, 'admin');
      await page.getByRole('menuitem', { name: '积分审批' }).click();
      const row = page.locator('.approvals-table tr', { hasText: '林小满' });
      await row.locator('.approve-adjustment-button').click();
      await page.locator('.ant-popover .ant-btn-primary').click();
      await page.getByText('已通过 林小满 的积分调整 +5,000，当前可用积分 5,000').waitFor();
      await page.locator('.approvals-table').getByText('没有待审批的积分调整').waitFor();
      await screenshot(page, 'admin-desk-03-approved');
      expect(docOf(cloud, 'members', memberId).points.available).toBe(5_000);
      expect(allStored(cloud, 'audit_log').map((entry) => entry.action)).toEqual(
        expect.arrayContaining(['requestAdjustment', 'approveAdjustment']),
      );
    } finally {
      await context.close();
    }
  });
});
