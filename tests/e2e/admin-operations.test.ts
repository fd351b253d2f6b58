import { readFileSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { CSV_BOM, parseCsv } from '~/core/exports/csv';
import { EXPORT_HEADERS } from '~/core/exports/export-rows';
import { newMember } from '~/core/members/new-member';
import type { LocalCloud } from '../../local-cloud/local-cloud';
import { launchBrowserBeside, screenshot } from '../support/browser';
import { join, open, pageShot, phone, shown } from '../support/h5-pages';
import { startTestCloud } from '../support/local-cloud';
import { allStored, putStored } from '../support/stored';

type Envelope<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

const OWNER_PASSWORD = 'e2e-operations-owner-password';
const ANALYST = 'zhao.analyst';
const ANALYST_PASSWORD = 'analyst-chosen-password';
const VIEWPORT = { width: 1440, height: 900 };
const REWARD = '随行保温杯';
/** Expired till sessions for 清理收银会话 to clear, a few at a time, so its run spans many pages. */
const TILL_SESSIONS = 2_000;
const JOB_PAGE_SIZE = '4';
/** An instant as Shanghai wall-clock time (UTC+8). */
const shanghai = (year: number, month: number, day: number, hour = 10) => Date.UTC(year, month - 1, day, hour - 8);
/** Members who joined in November 2026 (the export's range), and one who joined before it. */
const NOVEMBER = [3, 8, 15, 22, 30].map((day, i) => ({
  id: `nov-member-${i}`,
  joinedAt: shanghai(2026, 11, day, i === 4 ? 23 : 10),
  phone: `1390000000${i}`,
}));
const OCTOBER = { id: 'oct-member', joinedAt: shanghai(2026, 10, 31, 23), phone: '13900000099' };

describe('points mall, jobs and exports of the admin console in Chromium', () => {
  let browser: Browser;
  let cloud: LocalCloud;

  const data = <T>(envelope: unknown): T => {
    const answer = envelope as Envelope<T>;
    if (!answer.ok) throw new Error(`${answer.error.code} ${answer.error.message}`);
    return answer.data;
  };
  const login = async (username: string, password: string) =>
    data<{ token: string }>(await cloud.invoke('admin', { action: 'login', username, password })).token;

  beforeAll(async () => {
    [browser, cloud] = await launchBrowserBeside(
      startTestCloud({
        functionEnv: {
          admin: { ADMIN_TOKEN_SECRET: 'o'.repeat(40), ADMIN_INITIAL_PASSWORD: OWNER_PASSWORD },
          'job-clear-till': { LM_JOB_PAGE_SIZE: JOB_PAGE_SIZE },
        },
      }),
    );
    await cloud.invoke('admin', { action: 'bootstrapAdmin' });
    const owner = await login('admin', OWNER_PASSWORD);
    const made = data<{ oneTimePassword: string }>(
      await cloud.invoke('admin', { action: 'createAdmin', token: owner, username: ANALYST, role: 'analyst' }),
    );
    const first = await login(ANALYST, made.oneTimePassword);
    data(
      await cloud.invoke('admin', {
        action: 'changePassword',
        token: first,
        oldPassword: made.oneTimePassword,
        newPassword: ANALYST_PASSWORD,
      }),
    );

    const expired = Date.now() - 3 * 86_400_000;
    cloud.store.atomically(() => {
      for (let i = 0; i < TILL_SESSIONS; i += 1)
        putStored(cloud, 'till_sessions', {
          _id: `till-${String(i).padStart(4, '0')}`,
          memberId: `m${i}`,
          storeId: 'store-a',
          staffId: 'staff-a',
          openedAt: expired - 60_000,
          expiresAt: expired,
          pointsUsedBy: null,
        });
      for (const [i, member] of [...NOVEMBER, OCTOBER].entries())
        putStored(cloud, 'members', {
          ...newMember({
            _id: member.id,
            openid: `o-${member.id}`,
            memberNo: String(3_100_000_000 + i),
            nickname: `会员${i}`,
            now: member.joinedAt,
          }),
          phone: member.phone,
        });
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await cloud?.stop();
  });

  /** The input of a form field, whether Ant Design put the class on the input or on a wrapper around it. */
  const field = (scope: Locator, cls: string) => scope.locator(`input${cls}, textarea${cls}, ${cls} input, ${cls} textarea`).first();

  async function signIn(page: Page, username: string, password: string): Promise<void> {
    await page.goto(`${cloud.url}/admin/`);
    await page.locator('#username').fill(username);
    await page.locator('#password').fill(password);
    await page.locator('.login-submit').click();
    await page.getByRole('menuitem', { name: '数据导出' }).waitFor();
  }

  it('creates a reward in the drawer and shelves it; a member sees it in the H5 points mall at its points', async () => {
    const programmeRewards = cloud.store.count('rewards');
    const context = await browser.newContext({ viewport: VIEWPORT });
    try {
      const page = await context.newPage();
      await signIn(page, 'admin', OWNER_PASSWORD);
      await page.getByRole('menuitem', { name: '积分商城' }).click();
      // A new programme starts with its entry coupons as rewards.
      await page.locator('.rewards-total', { hasText: `共 ${programmeRewards} 件` }).waitFor();

      await page.locator('.reward-create-button').click();
      const drawer = page.locator('.reward-drawer');
      await field(drawer, '.reward-id').fill('travel-thermos');
      await field(drawer, '.reward-title').fill(REWARD);
      await field(drawer, '.reward-points').fill('880');
      await field(drawer, '.reward-stock').fill('25');
      await field(drawer, '.reward-category').fill('周边');
      await field(drawer, '.reward-description').fill('316 不锈钢内胆，保温 12 小时。');
      await screenshot(page, 'admin-operations-01-reward-drawer');
      await drawer.locator('.reward-save').click();
      await page.getByText(`已创建礼品「${REWARD}」，上架后会员可在积分商城看到`).waitFor();

      const row = page.locator('.rewards-table tr', { hasText: REWARD });
      await row.getByText('880 积分').waitFor();
      await row.locator('.reward-stock-cell', { hasText: '25 / 25' }).waitFor();
      await row.locator('.reward-on-shelf').click();
      await page.getByText(`已上架「${REWARD}」`).waitFor();
      await row.locator('.reward-off-shelf').waitFor();
      await page.getByText(`共 ${programmeRewards + 1} 件`).waitFor();
      await screenshot(page, 'admin-operations-02-reward-shelved');
    } finally {
      await context.close();
    }
    expect(allStored(cloud, 'rewards')).toContainEqual(
      expect.objectContaining({ _id: 'travel-thermos', title: REWARD, pointsCost: 880, stockRemaining: 25, status: 'active' }),
    );

    const shopper = await browser.newContext(phone(390));
    try {
      const page = await shopper.newPage();
      await open(page, cloud, '/pages/index/index');
      await join(page);
      await open(page, cloud, '/packages/mall/pages/index/index');
      const card = shown(page, `.reward-card:has-text("${REWARD}")`);
      await card.waitFor();
      expect(await card.locator('.reward-card__price').innerText()).toBe('880 积分');
      // A member new to the programme is told how many points the reward still needs.
      const balance = shown(page, '.mall-points');
      await balance.filter({ hasText: /^[0-9]+$/ }).waitFor();
      const available = Number(await balance.innerText());
      expect(await card.locator('.reward-card__state').innerText()).toBe(available >= 880 ? '剩余 25 件' : `还差${880 - available}积分`);
      await pageShot(page, 'admin-operations-03-h5-mall');
    } finally {
      await shopper.close();
    }
  });

  it('pauses and resumes 清理收银会话, runs it now and follows its progress to a finished manual run', async () => {
    const context = await browser.newContext({ viewport: VIEWPORT });
    try {
      const page = await context.newPage();
      await signIn(page, 'admin', OWNER_PASSWORD);
      await page.getByRole('menuitem', { name: '任务运行' }).click();
      const job = page.locator('.job-statuses-table tr', { hasText: '清理收银会话' });
      await job.getByText('按计划运行').waitFor();

      await job.locator('.job-pause').click();
      await page
        .locator('.ant-popconfirm')
        .getByRole('button', { name: /暂\s*停/ })
        .click();
      await job.getByText('已暂停').waitFor();
      await job.getByText(/admin 于 .* 暂停/).waitFor();
      expect(await job.locator('.job-run-now').isDisabled()).toBe(true);
      await job.locator('.job-resume').click();
      await job.getByText('按计划运行').waitFor();
      await job.locator('.job-pause').waitFor();

      await job.locator('.job-run-now').click();
      // The page polls the jobs while the run goes on: a progress bar of the sweep against its estimate.
      await job.getByText('运行中').waitFor();
      // Read at once in the page: the bar goes when the run ends.
      const seen = await page.waitForFunction(() => {
        const row = [...document.querySelectorAll('.job-statuses-table tr')].find((tr) => tr.textContent?.includes('清理收银会话'));
        const progress = row?.querySelector('.job-progress');
        if (!progress?.querySelector('.ant-progress')) return null;
        return {
          percent: progress.querySelector('.ant-progress-indicator')?.textContent ?? '',
          text: progress.querySelector('.job-progress-text')?.textContent ?? '',
        };
      });
      await screenshot(page, 'admin-operations-04-job-running');
      const { percent, text } = (await seen.jsonValue()) as { percent: string; text: string };
      expect(percent).toMatch(/^[0-9]{1,2}%$/);
      expect(text).toMatch(new RegExp(`^已处理 [0-9,]+ / 约 ${TILL_SESSIONS.toLocaleString('en-US')} 条$`));

      await job.getByText('上次完成').waitFor({ timeout: 120_000 });
      await job.getByText('按计划运行').waitFor();
      const run = page.locator('.job-runs-table tr', { hasText: '清理收银会话' }).first();
      await run.getByText('已完成').waitFor();
      await run.getByText('手动（admin）').waitFor();
      await run.getByText(TILL_SESSIONS.toLocaleString('en-US')).first().waitFor();
      await screenshot(page, 'admin-operations-05-job-finished');
    } finally {
      await context.close();
    }
    expect(cloud.store.count('till_sessions')).toBe(0);
    const runs = allStored(cloud, 'job_runs').filter((run) => run.job === 'job-clear-till');
    expect(runs).toEqual([
      expect.objectContaining({
        status: 'finished',
        trigger: 'manual',
        startedBy: 'admin',
        scanned: TILL_SESSIONS,
        changed: TILL_SESSIONS,
      }),
    ]);
  });

  /** On 数据导出: members who joined in November 2026, started, followed to the end and downloaded; the file's rows. */
  async function exportNovemberMembers(page: Page, shot: string): Promise<string[][]> {
    await page.getByRole('menuitem', { name: '数据导出' }).click();
    await page
      .locator('.exports-total')
      .getByText(/共 \d+ 条/)
      .waitFor();
    await page.locator('.export-kind').click();
    await page.locator('.ant-select-item-option', { hasText: '会员（按注册时间）' }).click();
    const range = page.locator('.export-range input');
    await range.nth(0).click();
    await range.nth(0).fill('2026-11-01');
    await range.nth(0).press('Enter');
    await range.nth(1).fill('2026-11-30');
    await range.nth(1).press('Enter');
    await page.waitForFunction(() => {
      const inputs = [...document.querySelectorAll<HTMLInputElement>('.export-range input')];
      return inputs[0]?.value === '2026-11-01' && inputs[1]?.value === '2026-11-30';
    });
    await page.locator('.export-start').click();
    await page.locator('.export-progress-text', { hasText: '导出完成' }).waitFor({ timeout: 60_000 });
    expect(await page.locator('.export-progress-text').innerText()).toBe(`导出完成：已写入 ${NOVEMBER.length} / 约 ${NOVEMBER.length} 行`);
    await page.locator('.export-progress .ant-progress-status-success').waitFor();
    await page.locator('.exports-table tr', { hasText: '2026-11-01 至 2026-11-30' }).first().waitFor();
    await screenshot(page, shot);

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.export-download-current').click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const text = readFileSync(await download.path()).toString('utf8');
    expect(text.startsWith(CSV_BOM)).toBe(true);
    return parseCsv(text);
  }

  it('exports the members who joined in a date range as CSV: masked phones for an analyst, full for the owner', async () => {
    const phoneColumn = EXPORT_HEADERS.members.indexOf('手机号');
    const analystContext = await browser.newContext({ viewport: VIEWPORT, acceptDownloads: true });
    try {
      const page = await analystContext.newPage();
      await signIn(page, ANALYST, ANALYST_PASSWORD);
      const [header, ...rows] = await exportNovemberMembers(page, 'admin-operations-06-export-analyst');
      expect(header).toEqual([...EXPORT_HEADERS.members]);
      expect(rows.map((row) => row[0])).toEqual(NOVEMBER.map((member) => member.id));
      expect(rows.map((row) => row[phoneColumn])).toEqual(
        NOVEMBER.map((member) => `${member.phone.slice(0, 3)}****${member.phone.slice(-4)}`),
      );
      await page.locator('.exports-table tr', { hasText: ANALYST }).getByText('已脱敏').waitFor();
    } finally {
      await analystContext.close();
    }

    const ownerContext = await browser.newContext({ viewport: VIEWPORT, acceptDownloads: true });
    try {
      const page = await ownerContext.newPage();
      await signIn(page, 'admin', OWNER_PASSWORD);
      const [header, ...rows] = await exportNovemberMembers(page, 'admin-operations-07-export-owner');
      expect(header).toEqual([...EXPORT_HEADERS.members]);
      expect(rows.map((row) => [row[0], row[phoneColumn]])).toEqual(NOVEMBER.map((member) => [member.id, member.phone]));
      await page.locator('.exports-table tr', { hasText: 'admin' }).getByText('完整').waitFor();
      await page.getByText('共 2 条').waitFor();
    } finally {
      await ownerContext.close();
    }
  });
});
