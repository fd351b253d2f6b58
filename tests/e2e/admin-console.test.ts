import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import type { Browser, Page } from 'playwright-core';
import type { LocalCloud } from '../../local-cloud/local-cloud';
import { launchBrowserBeside, screenshot } from '../support/browser';
import { startTestCloud } from '../support/local-cloud';
import { giveCoupon, patchDoc } from '../support/shop';
import { allStored } from '../support/stored';

dayjs.extend(utc);
dayjs.extend(timezone);

const PASSWORD = 'e2e-console-admin-password';
const VIEWPORT = { width: 1440, height: 900 };
const HOUR_MS = 60 * 60 * 1000;

/** The owner's menu, with the key each page's screenshot is named by. */
const OWNER_PAGES: ReadonlyArray<[key: string, label: string]> = [
  ['dashboard', '数据看板'],
  ['members', '会员'],
  ['tags', '标签'],
  ['segments', '分群'],
  ['approvals', '积分审批'],
  ['reconcile', '积分对账'],
  ['products', '商品'],
  ['catalogue', '分类与横幅'],
  ['rewards', '积分商城'],
  ['orders', '订单'],
  ['refunds', '退款'],
  ['coupons', '优惠券'],
  ['campaigns', '营销活动'],
  ['staff', '门店与店员'],
  ['programme', '规则设置'],
  ['job-runs', '任务运行'],
  ['exports', '数据导出'],
  ['accounts', '账号管理'],
  ['audit-log', '操作日志'],
];

type Joined = { ok: true; data: { memberId: string } };
type CheckedIn = { ok: boolean; data: { points: number; bonus: number } };

/** Resolves once `ready` holds, checking every 50 ms. */
async function waitFor(ready: () => boolean): Promise<void> {
  while (!ready()) await new Promise((resolve) => setTimeout(resolve, 50));
}

describe('the admin console pages in Chromium', () => {
  let browser: Browser;
  let cloud: LocalCloud;

  beforeAll(async () => {
    [browser, cloud] = await launchBrowserBeside(
      startTestCloud({
        functionEnv: {
          admin: { ADMIN_TOKEN_SECRET: 'c'.repeat(40), ADMIN_INITIAL_PASSWORD: PASSWORD },
          marketing: { ADMIN_TOKEN_SECRET: 'c'.repeat(40) },
        },
      }),
    );
    await cloud.invoke('admin', { action: 'bootstrapAdmin' });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await cloud?.stop();
  });

  const caller = (openid: string) => ({ source: 'wx_client' as const, openid });

  async function join(openid: string, nickname: string): Promise<string> {
    const joined = (await cloud.invoke('member', { action: 'join', nickname }, caller(openid))) as Joined;
    return joined.data.memberId;
  }

  async function checkIn(openid: string): Promise<CheckedIn['data']> {
    const result = (await cloud.invoke('points', { action: 'checkIn' }, caller(openid))) as CheckedIn;
    expect(result.ok).toBe(true);
    return result.data;
  }

  async function signIn(page: Page): Promise<void> {
    await page.goto(`${cloud.url}/admin/`);
    await page.locator('#username').fill('admin');
    await page.locator('#password').fill(PASSWORD);
    await page.locator('.login-submit').click();
    // The dashboard opens first after sign-in.
    await page.locator('.dashboard-page').waitFor({ timeout: 60_000 });
  }

  async function openPage(page: Page, label: string): Promise<void> {
    await page.locator('.ant-layout-sider .ant-menu-item', { hasText: label }).click();
  }

  async function withAdmin(story: (page: Page) => Promise<void>): Promise<void> {
    const context = await browser.newContext({ viewport: VIEWPORT, timezoneId: 'UTC' });
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    try {
      await signIn(page);
      await story(page);
    } finally {
      await context.close();
    }
  }

  it('reads the dashboard: the KPI cards show the day rolled up by job-daily-stats, every chart draws, today is marked partial', async () => {
    const first = await join('o-console-an', '安小溪');
    await join('o-console-bai', '白一舟');
    await join('o-console-chen', '陈可');
    await checkIn('o-console-an');
    await checkIn('o-console-bai');
    giveCoupon(cloud, first, 'console-cash-10', { kind: 'cash', thresholdFen: 5_000, amountFen: 1_000 });
    // A timer event names its time in whole seconds: fire it once the second of the last activity has passed.
    const lastActivity = cloud.now();
    await waitFor(() => Math.floor(cloud.now() / 1000) > Math.floor(lastActivity / 1000));
    const rollup = (await cloud.runTimer('job-daily-stats')) as { ok: boolean };
    expect(rollup.ok).toBe(true);

    await withAdmin(async (page) => {
      await page.locator('.dashboard-kpis').waitFor();
      const figure = (key: string) => page.locator(`.dashboard-kpi-${key} .ant-statistic-content`);
      await expect(figure('new-members').textContent()).resolves.toBe('3');
      await expect(figure('members').textContent()).resolves.toBe('3');
      await expect(page.locator('.dashboard-kpi-check-in').textContent()).resolves.toContain('签到 2 次');
      await expect(figure('points-issued').textContent()).resolves.toBe('10');
      await page.locator('.dashboard-partial', { hasText: '今日为部分数据' }).waitFor();
      await expect(page.locator('.chart-tiers').textContent()).resolves.toContain('共 3 人');

      const charts = page.locator('.dashboard-chart');
      expect(await charts.count()).toBe(7);
      for (const chart of await charts.all()) await chart.locator('canvas').first().waitFor();
      expect(await page.locator('.dashboard-chart .ant-empty').count()).toBe(0);
      await screenshot(page, 'admin-console-01-dashboard');
    });
  });

  it('publishes a new daily check-in reward at a stated time: check-ins before it earn the old points, a check-in after it the new', async () => {
    await join('o-console-early', '早一步');
    await join('o-console-late', '晚一步');
    // Two hours from now, to the minute, as the picker's Beijing wall clock shows it.
    const at = dayjs()
      .add(2 * HOUR_MS, 'ms')
      .tz('Asia/Shanghai')
      .startOf('minute');
    const typed = at.format('YYYY-MM-DD HH:mm');

    await withAdmin(async (page) => {
      await openPage(page, '规则设置');
      await page.locator('.programme-rules').waitFor();
      await page.locator('.programme-sections .ant-tabs-tab', { hasText: '签到与奖励' }).click();
      const daily = page.locator('input.programme-dailyPoints, .programme-dailyPoints input').first();
      await expect(daily.inputValue()).resolves.toBe('5');
      await daily.fill('12');

      await page.locator('.programme-effective-mode label', { hasText: '指定时间' }).click();
      const picker = page.locator('.programme-effective-at input');
      await picker.click();
      await picker.fill(typed);
      await picker.press('Enter');
      // Enter confirms the typed time and closes the picker.
      await page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)').waitFor({ state: 'hidden' });
      await expect(picker.inputValue()).resolves.toBe(typed);
      await page.locator('.programme-note input, input.programme-note').first().fill('签到奖励提高到12积分');

      await page.locator('.programme-preview').click();
      const diff = page.locator('.programme-diff');
      await diff.waitFor();
      const row = diff.locator('tbody tr', { hasText: '每日签到' });
      await expect(row.textContent()).resolves.toMatch(/5.*12/);
      expect(await diff.locator('tbody tr.ant-table-row').count()).toBe(1);
      await screenshot(page, 'admin-console-02-programme-preview');

      await page.locator('.programme-publish-button').click();
      await page.locator('.ant-popconfirm .ant-btn-primary', { hasText: '确认发布' }).click();
      await page.getByText(new RegExp(`第\\d+版已发布，将于 ${typed} 生效`)).waitFor();
      await page.locator('.programme-scheduled tbody tr.ant-table-row', { hasText: typed }).waitFor();
      await page.locator('.programme-scheduled-notice', { hasText: typed }).waitFor();
      await screenshot(page, 'admin-console-03-programme-scheduled');
    });

    // Published but not yet in effect: today's check-in still earns 5.
    expect(await checkIn('o-console-early')).toMatchObject({ points: 5, bonus: 0 });
    const entriesBefore = allStored(cloud, 'ledger_entries').map((entry) => ({ ...entry }));
    try {
      cloud.setClock(at.valueOf() + 60_000);
      expect(await checkIn('o-console-late')).toMatchObject({ points: 12, bonus: 0 });
    } finally {
      cloud.setClock(null);
    }
    // Past awards are not rewritten.
    const after = allStored(cloud, 'ledger_entries');
    for (const entry of entriesBefore) expect(after.find((doc) => doc._id === entry._id)).toEqual(entry);
  });

  it('creates a coupon template and sends it to one tier: only that tier’s members receive it and the row counts the issue', async () => {
    const silverOne = await join('o-console-silver-1', '银一');
    const silverTwo = await join('o-console-silver-2', '银二');
    const normal = await join('o-console-normal', '普通一');
    patchDoc(cloud, 'members', silverOne, { tierId: 'silver' });
    patchDoc(cloud, 'members', silverTwo, { tierId: 'silver' });
    const title = '银卡专享满100减15';

    await withAdmin(async (page) => {
      await openPage(page, '优惠券');
      await page.locator('.coupon-create-button').click();
      const create = page.locator('.create-template-modal');
      await create.locator('input.template-title, .template-title input').first().fill(title);
      await create.locator('input.template-id, .template-id input').first().fill('silver-day-15');
      await create.locator('input.template-threshold, .template-threshold input').first().fill('100');
      await create.locator('input.template-amount, .template-amount input').first().fill('15');
      await create.locator('.template-channel label', { hasText: '系统发放' }).click();
      await screenshot(page, 'admin-console-04-coupon-create');
      await create.locator('.ant-modal-footer .ant-btn-primary').click();
      await page.getByText(`已创建优惠券「${title}」`).waitFor();
      await create.waitFor({ state: 'detached' });

      const row = page.locator('tr.ant-table-row', { hasText: title });
      await row.locator('.coupon-stats', { hasText: '发放 0' }).waitFor();
      await row.locator('.coupon-send-button').click();
      const send = page.locator('.send-coupons-modal');
      await send.locator('.send-audience .ant-segmented-item', { hasText: '按会员等级' }).click();
      await send.locator('input.send-campaign-id, .send-campaign-id input').first().fill('silver-day-2026');
      await send.locator('.send-tier').click();
      await page.locator('.ant-select-item-option', { hasText: '银卡会员' }).click();
      await send.locator('.ant-modal-footer .ant-btn-primary').click();
      await send.locator('.send-progress-text', { hasText: '发放完成' }).waitFor({ timeout: 90_000 });
      await expect(send.locator('.send-progress-text').textContent()).resolves.toContain('新发放 2，此前已发放 0，未发放 0');
      await send.locator('.ant-progress-status-success').waitFor();
      await screenshot(page, 'admin-console-05-coupon-sent');
      // Ant Design spaces a two-character label: the button reads 关 闭.
      await send.locator('.ant-modal-footer .ant-btn:not(.ant-btn-primary)').click();
      await send.waitFor({ state: 'detached' });
      await row.locator('.coupon-stats', { hasText: '发放 2' }).waitFor();
    });

    const template = allStored(cloud, 'coupon_templates').find((doc) => doc.title === title);
    expect(template).toBeDefined();
    const issued = allStored(cloud, 'coupon_instances').filter((coupon) => coupon.templateId === template?._id);
    expect(issued.map((coupon) => coupon.memberId).sort()).toEqual([silverOne, silverTwo].sort());
    expect(issued.every((coupon) => coupon.status === 'issued' && coupon.terms.kind === 'cash')).toBe(true);
    expect(issued.some((coupon) => coupon.memberId === normal)).toBe(false);
  });

  it('opens every page of the owner’s menu without an error and saves a screenshot of each', async () => {
    await withAdmin(async (page) => {
      const labels = await page.locator('.ant-layout-sider .ant-menu-item').allTextContents();
      expect(labels).toEqual(OWNER_PAGES.map(([, label]) => label));
      for (const [key, label] of OWNER_PAGES) {
        await openPage(page, label);
        await page.locator('.ant-layout-sider .ant-menu-item-selected', { hasText: label }).waitFor();
        const content = page.locator('.ant-layout-content');
        // Loaded: something drawn, and no skeleton or spinner left.
        await content.locator('.ant-card, .ant-table, .ant-result, .ant-empty').first().waitFor();
        await page.waitForFunction(
          () => {
            const main = document.querySelector('.ant-layout-content');
            return !!main && main.querySelector('.ant-skeleton, .ant-spin-spinning') === null;
          },
          undefined,
          { timeout: 60_000 },
        );
        expect(await content.locator('.ant-alert-error, .ant-result-error, .ant-result-403').count()).toBe(0);
        await screenshot(page, `admin-console-page-${key}`);
      }
    });
  });
});
