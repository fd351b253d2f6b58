import type { Browser, Page } from 'playwright-core';
import type { LocalCloud } from '../../local-cloud/local-cloud';
import { launchBrowserBeside, screenshot } from '../support/browser';
import { startTestCloud } from '../support/local-cloud';

const PASSWORD = 'e2e-admin-password';
const OPERATOR_PASSWORD = 'operator-chosen-password';
const VIEWPORT = { width: 1280, height: 800 };

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

  async function signIn(page: Page, username: string, password: string): Promise<void> {
    await page.goto(`${cloud.url}/admin/`);
    await page.locator('#username').fill(username);
    await page.locator('#password').fill(password);
    await page.locator('.login-submit').click();
  }

  async function menuLabels(page: Page): Promise<string[]> {
    return page.locator('.ant-layout-sider .ant-menu-item').allTextContents();
  }

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

  it('an owner creates an operator, who must change the one-time password and sees no 账号管理; the owner finds both in 操作日志', async () => {
    const ownerContext = await browser.newContext({ viewport: VIEWPORT });
    const operatorContext = await browser.newContext({ viewport: VIEWPORT });
    try {
      const owner = await ownerContext.newPage();
      await signIn(owner, 'admin', PASSWORD);
      await owner.locator('.members-table').waitFor();
      expect(await menuLabels(owner)).toEqual([
        '会员',
        '积分审批',
        '积分对账',
        '商品',
        '订单',
        '退款',
        '优惠券',
        '门店与店员',
        '任务运行',
        '账号管理',
        '操作日志',
      ]);

      await owner.locator('.ant-layout-sider .ant-menu-item', { hasText: '账号管理' }).click();
      await owner.locator('.accounts-table').getByText('admin', { exact: true }).waitFor();
      await owner.locator('.create-admin-button').click();
      const dialog = owner.locator('.create-admin-modal');
      await dialog.locator('input.new-admin-username').fill('li.na');
      await dialog.locator('.admin-role-choice').getByText('运营', { exact: true }).click();
      await dialog.getByRole('button', { name: '创建账号' }).click();
      const oneTimePassword = (await dialog.locator('.one-time-password').textContent())?.trim() ?? '';
      expect(oneTimePassword.length).toBeGreaterThanOrEqual(10);
      await dialog.getByText('初始密码只显示这一次', { exact: false }).waitFor();
      await screenshot(owner, 'admin-03-one-time-password');
      await dialog.locator('.create-admin-done').click();
      const row = owner.locator('.accounts-table tr', { hasText: 'li.na' });
      await row.getByText('待修改初始密码').waitFor();
      await row.getByText('运营').waitFor();
      await screenshot(owner, 'admin-04-accounts');

      const operator = await operatorContext.newPage();
      await signIn(operator, 'li.na', oneTimePassword);
      await operator.locator('.change-password-screen').waitFor();
      expect(await operator.locator('.ant-layout-sider').count()).toBe(0);
      await screenshot(operator, 'admin-05-change-password');
      await operator.locator('#oldPassword').fill(oneTimePassword);
      await operator.locator('#newPassword').fill(OPERATOR_PASSWORD);
      await operator.locator('#confirmPassword').fill(OPERATOR_PASSWORD);
      await operator.locator('.password-submit').click();
      await operator.locator('.members-table').waitFor();
      expect(await menuLabels(operator)).toEqual([
        '会员',
        '积分审批',
        '积分对账',
        '商品',
        '订单',
        '退款',
        '优惠券',
        '门店与店员',
        '任务运行',
        '操作日志',
      ]);
      await operator.locator('.admin-name', { hasText: 'li.na' }).waitFor();
      await screenshot(operator, 'admin-06-operator-signed-in');

      await owner.locator('.ant-layout-sider .ant-menu-item', { hasText: '操作日志' }).click();
      const log = owner.locator('.audit-log-table');
      const created = log.locator('tr', { hasText: '新建账号' });
      const changed = log.locator('tr', { hasText: '修改密码' });
      await created.waitFor();
      await changed.waitFor();
      expect(await created.locator('.audit-actor-name').textContent()).toBe('admin');
      expect(await changed.locator('.audit-actor-name').textContent()).toBe('li.na');
      await changed.getByText('运营').waitFor();
      await created.locator('.ant-table-row-expand-icon').click();
      await owner.locator('.audit-after', { hasText: '"role": "operator"' }).waitFor();
      await screenshot(owner, 'admin-07-audit-log');
    } finally {
      await ownerContext.close();
      await operatorContext.close();
    }
  });
});
