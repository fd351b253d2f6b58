import type { Browser, Locator, Page } from 'playwright-core';
import type { LocalCloud } from '../../local-cloud/local-cloud';
import { launchBrowserBeside, screenshot } from '../support/browser';
import { startTestCloud } from '../support/local-cloud';
import { docOf } from '../support/shop';

const OWNER = 'admin';
const OWNER_PASSWORD = 'e2e-admin-password';
const OPERATOR = 'li.na';
const OPERATOR_PASSWORD = 'operator-chosen-password';
const PHONE = '13800138000';
const VIEWPORT = { width: 1440, height: 900 };

const OWNER_MENU = [
  '数据看板',
  '会员',
  '标签',
  '分群',
  '积分审批',
  '积分对账',
  '商品',
  '分类与横幅',
  '积分商城',
  '订单',
  '退款',
  '优惠券',
  '营销活动',
  '门店与店员',
  '规则设置',
  '任务运行',
  '数据导出',
  '账号管理',
  '操作日志',
];
const OPERATOR_MENU = OWNER_MENU.filter((label) => label !== '账号管理');

describe('the admin console in Chromium', () => {
  let browser: Browser;
  let cloud: LocalCloud;
  let memberId: string;

  beforeAll(async () => {
    [browser, cloud] = await launchBrowserBeside(
      startTestCloud({
        functionEnv: {
          admin: { ADMIN_TOKEN_SECRET: 'e'.repeat(40), ADMIN_INITIAL_PASSWORD: OWNER_PASSWORD },
          marketing: { ADMIN_TOKEN_SECRET: 'e'.repeat(40) },
        },
      }),
    );
    await cloud.invoke('admin', { action: 'bootstrapAdmin' });
    const member = { source: 'wx_client', openid: 'o-e2e-member-lin' };
    memberId = ((await cloud.invoke('member', { action: 'join', nickname: '林小满' }, member)) as { data: { memberId: string } }).data
      .memberId;
    await cloud.invoke('member', { action: 'updateProfile', phone: PHONE }, member);
    await cloud.invoke('member', { action: 'join', nickname: '周一鸣' }, { source: 'wx_client', openid: 'o-e2e-member-zhou' });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await cloud?.stop();
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

  async function openPage(page: Page, label: string): Promise<void> {
    await page.locator('.ant-layout-sider .ant-menu-item', { hasText: label }).click();
  }

  /** The 操作日志 row of one action, as the page names it. */
  function auditRow(page: Page, action: string): Locator {
    return page.locator('.audit-log-table tr', { has: page.locator('.audit-action-text', { hasText: action }) });
  }

  /** Checks who did each step of the story, as 操作日志 shows it. */
  async function expectStoryInAuditLog(page: Page): Promise<void> {
    const steps: Array<[action: string, actor: string]> = [
      ['新建账号', OWNER],
      ['修改密码', OPERATOR],
      ['申请积分调整', OPERATOR],
      ['通过积分调整', OWNER],
    ];
    for (const [action, actor] of steps) {
      const row = auditRow(page, action);
      await row.waitFor();
      expect(await row.locator('.audit-actor-name').allTextContents()).toEqual([actor]);
    }
    await auditRow(page, '修改密码').getByText('运营').waitFor();
    await auditRow(page, '通过积分调整').getByText('获得积分 +5,000').waitFor();
  }

  it('an owner creates an operator, who changes the one-time password, finds a member by phone and asks for a large adjustment; the owner approves it and both see every step in 操作日志', async () => {
    const ownerContext = await browser.newContext({ viewport: VIEWPORT });
    const operatorContext = await browser.newContext({ viewport: VIEWPORT });
    try {
      // The owner signs in, after one wrong password.
      const owner = await ownerContext.newPage();
      await owner.goto(`${cloud.url}/admin/`);
      await owner.locator('#username').waitFor();
      await screenshot(owner, 'admin-01-login');
      await signIn(owner, OWNER, 'not-the-password');
      await owner.getByText('用户名或密码错误').waitFor();
      await owner.locator('#password').fill(OWNER_PASSWORD);
      await owner.locator('.login-submit').click();
      // The dashboard opens first; the members page is the next entry.
      await owner.locator('.dashboard-page').waitFor();
      await openPage(owner, '会员');
      await owner.locator('.members-table').getByText('林小满').waitFor();
      await owner.locator('.members-table').getByText('周一鸣').waitFor();
      expect(await menuLabels(owner)).toEqual(OWNER_MENU);
      await screenshot(owner, 'admin-02-owner-members');

      // The owner creates the operator and reads the one-time password off the dialog.
      await openPage(owner, '账号管理');
      await owner.locator('.accounts-table').getByText(OWNER, { exact: true }).waitFor();
      await owner.locator('.create-admin-button').click();
      const create = owner.locator('.create-admin-modal');
      await create.locator('input.new-admin-username').fill(OPERATOR);
      await create.locator('.admin-role-choice').getByText('运营', { exact: true }).click();
      await create.getByRole('button', { name: '创建账号' }).click();
      const oneTimePassword = (await create.locator('.one-time-password').textContent())?.trim() ?? '';
      expect(oneTimePassword.length).toBeGreaterThanOrEqual(10);
      await create.getByText('初始密码只显示这一次', { exact: false }).waitFor();
      await screenshot(owner, 'admin-03-one-time-password');
      await create.locator('.create-admin-done').click();
      const account = owner.locator('.accounts-table tr', { hasText: OPERATOR });
      await account.getByText('待修改初始密码').waitFor();
      await account.getByText('运营').waitFor();
      await screenshot(owner, 'admin-04-accounts');

      // The operator signs in with it and must choose a password before anything else.
      const operator = await operatorContext.newPage();
      await signIn(operator, OPERATOR, oneTimePassword);
      await operator.locator('.change-password-screen').waitFor();
      expect(await operator.locator('.ant-layout-sider').count()).toBe(0);
      await screenshot(operator, 'admin-05-change-password');
      await operator.locator('#oldPassword').fill(oneTimePassword);
      await operator.locator('#newPassword').fill(OPERATOR_PASSWORD);
      await operator.locator('#confirmPassword').fill(OPERATOR_PASSWORD);
      await operator.locator('.password-submit').click();
      await operator.locator('.dashboard-page').waitFor();
      await openPage(operator, '会员');
      await operator.locator('.members-table').waitFor();
      await operator.locator('.admin-name', { hasText: OPERATOR }).waitFor();
      expect(await menuLabels(operator)).toEqual(OPERATOR_MENU);
      await screenshot(operator, 'admin-06-operator-signed-in');

      // The operator finds the member by phone (shown masked) and opens the detail.
      await operator.locator('.members-search input').fill(PHONE);
      await operator.locator('.members-search input').press('Enter');
      await operator.locator('.members-search-kind').waitFor();
      const found = operator.locator('.members-table');
      await found.getByText('138****8000').waitFor();
      await found.getByText('周一鸣').waitFor({ state: 'detached' });
      await screenshot(operator, 'admin-07-member-found');
      await found.locator('.member-open').first().click();
      const drawer = operator.locator('.member-detail-drawer');
      await drawer.locator('.member-profile').getByText('林小满').waitFor();
      expect(await drawer.locator('.member-points-available .ant-statistic-content-value').textContent()).toBe('0');
      await screenshot(operator, 'admin-08-member-detail');

      // An adjustment above the approval threshold waits for another admin.
      await drawer.locator('.adjust-points-button').click();
      const adjust = operator.locator('.adjust-points-modal');
      await adjust.locator('.adjust-points-input input').fill('5000');
      await adjust.locator('input.adjust-reason').fill('大额补偿');
      await adjust.locator('.adjust-needs-approval').waitFor();
      await screenshot(operator, 'admin-09-adjust-points');
      await adjust.getByRole('button', { name: '提交审批' }).click();
      await operator.getByText('调整 +5,000 积分已提交，待另一位管理员审批').waitFor();
      await drawer.locator('.member-pending-approvals', { hasText: '有 1 笔积分调整待审批：+5,000' }).waitFor();
      await drawer.locator('.member-records-tabs .ant-tabs-tab', { hasText: '积分审批（1）' }).click();
      const own = drawer.locator('.member-approvals-table tr', { hasText: '大额补偿' });
      await own.getByText('待审批').waitFor();
      // Nobody approves their own request.
      await own.locator('.awaiting-other-approver').waitFor();
      await screenshot(operator, 'admin-10-adjustment-pending');
      expect(docOf(cloud, 'members', memberId).points.available).toBe(0);

      // The owner approves it on 积分审批.
      await openPage(owner, '积分审批');
      const request = owner.locator('.approvals-table tr', { hasText: '林小满' });
      await request.getByText('大额补偿').waitFor();
      await request.getByText(OPERATOR).waitFor();
      await screenshot(owner, 'admin-11-approvals');
      await request.locator('.approve-adjustment-button').click();
      await owner.locator('.ant-popover .ant-btn-primary').click();
      await owner.getByText('已通过 林小满 的积分调整 +5,000，当前可用积分 5,000').waitFor();
      await owner.locator('.approvals-table').getByText('没有待审批的积分调整').waitFor();
      await screenshot(owner, 'admin-12-approved');
      expect(docOf(cloud, 'members', memberId).points.available).toBe(5_000);

      // The operator opens the member again and sees the points posted.
      await drawer.locator('.ant-drawer-close').click();
      await drawer.waitFor({ state: 'hidden' });
      await found.locator('.member-open').first().click();
      await drawer.locator('.member-points-available .ant-statistic-content-value', { hasText: '5,000' }).waitFor();
      await drawer.locator('.member-ledger-table').getByText('大额补偿', { exact: false }).waitFor();
      expect(await drawer.locator('.member-pending-approvals').count()).toBe(0);
      await screenshot(operator, 'admin-13-points-posted');
      await drawer.locator('.ant-drawer-close').click();
      await drawer.waitFor({ state: 'hidden' });

      // Each of them finds every step in 操作日志.
      await openPage(operator, '操作日志');
      await expectStoryInAuditLog(operator);
      await screenshot(operator, 'admin-14-operator-audit-log');

      await openPage(owner, '操作日志');
      await expectStoryInAuditLog(owner);
      await auditRow(owner, '新建账号').locator('.ant-table-row-expand-icon').click();
      await owner.locator('.audit-after', { hasText: '"role": "operator"' }).waitFor();
      await screenshot(owner, 'admin-15-owner-audit-log');
    } finally {
      await ownerContext.close();
      await operatorContext.close();
    }
  }, 240_000);
});
