import type { Browser, Page } from 'playwright-core';
import type { LocalCloud } from '../../local-cloud/local-cloud';
import { DAY_MS } from '~/core/calendar/durations';
import type { CampaignDoc } from '~/types/campaigns';
import type { CouponTemplateDoc } from '~/types/coupons';
import { launchBrowserBeside, screenshot } from '../support/browser';
import { startTestCloud } from '../support/local-cloud';
import { allStored, putStored } from '../support/stored';

const PASSWORD = 'e2e-marketing-admin-password';
const SECRET = 'g'.repeat(40);
const VIEWPORT = { width: 1440, height: 900 };
/** Members of the story: the first DRY have dry skin (imported from a CSV of member numbers), the rest are not tagged. */
const MEMBERS = 60;
const DRY = 40;

type Joined = { ok: true; data: { memberId: string } };
type Envelope<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

describe('membership marketing in Chromium: a special tag, a segment with its live count, a campaign with a holdout and its results', () => {
  let browser: Browser;
  let cloud: LocalCloud;
  const members: { memberId: string; memberNo: string }[] = [];

  beforeAll(async () => {
    [browser, cloud] = await launchBrowserBeside(
      startTestCloud({
        functionEnv: { admin: { ADMIN_TOKEN_SECRET: SECRET, ADMIN_INITIAL_PASSWORD: PASSWORD }, marketing: { ADMIN_TOKEN_SECRET: SECRET } },
      }),
    );
    await cloud.invoke('admin', { action: 'bootstrapAdmin' });
    for (let i = 0; i < MEMBERS; i += 1) {
      const joined = (await cloud.invoke(
        'member',
        { action: 'join', nickname: `会员${String(i).padStart(2, '0')}` },
        { source: 'wx_client', openid: `o-marketing-${i}` },
      )) as Joined;
      const doc = allStored(cloud, 'members').find((member) => member._id === joined.data.memberId);
      members.push({ memberId: joined.data.memberId, memberNo: doc?.memberNo as string });
    }
    const refreshed = (await cloud.runTimer('job-refresh-profiles')) as { ok: boolean };
    expect(refreshed.ok).toBe(true);
    // The coupon the campaign sends: ¥10 off ¥59 for 30 days, from the admin's coupon centre.
    const login = (await cloud.invoke('admin', { action: 'login', username: 'admin', password: PASSWORD })) as Envelope<{ token: string }>;
    const token = login.ok ? login.data.token : '';
    const created = (await cloud.invoke('admin', {
      action: 'createCouponTemplate',
      token,
      title: '肤质关怀券',
      terms: { kind: 'cash', thresholdFen: 5_900, amountFen: 1_000 },
      validity: { type: 'relative', days: 30 },
      totalStock: 1_000,
      channel: 'system',
    })) as Envelope<CouponTemplateDoc>;
    expect(created.ok).toBe(true);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await cloud?.stop();
  });

  async function signIn(page: Page): Promise<void> {
    await page.goto(`${cloud.url}/admin/`);
    await page.locator('#username').fill('admin');
    await page.locator('#password').fill(PASSWORD);
    await page.locator('.login-submit').click();
    await page.locator('.dashboard-page').waitFor({ timeout: 60_000 });
  }

  const openPage = (page: Page, label: string) => page.locator('.ant-layout-sider .ant-menu-item', { hasText: label }).click();

  it('defines 肤质, tags members from a CSV, builds a segment with its live count, launches a campaign and reads its results', async () => {
    const context = await browser.newContext({ viewport: VIEWPORT, timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    try {
      await signIn(page);

      // 1. A special tag with its allowed values.
      await openPage(page, '标签');
      await page.locator('.tag-create-button').click();
      await page.locator('.tag-modal .tag-name').fill('肤质');
      await page.locator('.tag-modal .tag-id').fill('skin');
      const values = page.locator('.tag-modal .tag-values input');
      for (const value of ['干性', '油性', '混合']) {
        await values.fill(value);
        await values.press('Enter');
      }
      await page.locator('.tag-modal .ant-btn-primary').click();
      await page.locator('.tag-value-counts', { hasText: '干性' }).waitFor();

      // 2. Members tagged by a CSV import: member number, value.
      await page.locator('.tag-import').first().click();
      const csv = members
        .slice(0, DRY)
        .map((member) => `${member.memberNo},干性`)
        .join('\n');
      const importer = page.locator('.tag-import-modal');
      await importer.locator('.tag-import-text').fill(csv);
      await importer.locator('.ant-btn-primary').click();
      await importer.locator('.tag-import-result', { hasText: `已更新 ${DRY} 位会员` }).waitFor();
      await screenshot(page, 'marketing-tag-import');
      await importer.locator('.ant-btn', { hasText: '关' }).first().click();
      await page.locator('.tag-value-counts', { hasText: `干性 · ${DRY}` }).waitFor();
      await screenshot(page, 'marketing-tags');

      // 3. A segment of dry skin, with the live count as the rule is built.
      await openPage(page, '分群');
      await page.locator('.segment-create-button').click();
      await page.locator('.segment-editor .segment-name input').fill('干性肌肤会员');
      await page.locator('.segment-editor .group-add').click();
      await page.locator('.segment-editor .condition-type').last().click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '特殊标签' }).first().click();
      await page.locator('.segment-editor .condition-tag').last().click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '肤质' }).first().click();
      await page.locator('.segment-editor .condition-values').last().click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '干性' }).first().click();
      await page.locator('.segment-live-count .ant-statistic-content-value', { hasText: String(DRY) }).waitFor();
      await screenshot(page, 'marketing-segment-builder');
      await page.locator('.segment-editor .ant-btn-primary').last().click();
      await page.locator('.ant-table-row', { hasText: '干性肌肤会员' }).waitFor();

      // 4. A campaign over the segment with a 10 % holdout (the default share).
      await openPage(page, '营销活动');
      await page.locator('button.create-campaign').click();
      const drawer = page.locator('.create-campaign-drawer');
      await drawer.locator('input.campaign-name').fill('干性肌肤关怀');
      await drawer.locator('.campaign-segment').click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '干性肌肤会员' }).first().click();
      await drawer.locator('.campaign-reason input').fill('因为你是干性肌肤会员');
      await drawer.locator('.campaign-variant-template').first().click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '肤质关怀券' }).first().click();
      await screenshot(page, 'marketing-campaign-draft');
      await drawer.locator('button.save-campaign').click();
      const row = page.locator('.ant-table-row', { hasText: '干性肌肤关怀' });
      await row.locator('button.campaign-launch').click();
      await page.locator('button.campaign-launch-confirm').click();
      await row.locator('button.campaign-stop').waitFor();

      // The campaign job freezes the segment with its holdout and sends the coupons.
      const campaign = () => allStored(cloud, 'campaigns').find((doc) => doc.name === '干性肌肤关怀') as CampaignDoc;
      for (let tick = 0; tick < 10 && campaign().status !== 'sent'; tick += 1) await cloud.runTimer('job-run-campaigns');
      expect(campaign().status).toBe('sent');
      const frozen = allStored(cloud, 'campaign_members').filter((doc) => doc.campaignId === campaign()._id);
      expect(frozen).toHaveLength(DRY);
      const held = frozen.filter((doc) => doc.group === 'holdout').map((doc) => doc.memberId);
      const treated = frozen.filter((doc) => doc.group !== 'holdout').map((doc) => doc.memberId);
      const coupons = allStored(cloud, 'coupon_instances').filter((coupon) => coupon.source === 'campaign');
      expect(coupons.map((coupon) => coupon.memberId).sort()).toEqual([...treated].sort());
      expect(coupons.every((coupon) => coupon.reason === '因为你是干性肌肤会员')).toBe(true);

      // A week on: some treated members and one held-out member bought.
      const launchedAt = campaign().launchedAt as number;
      cloud.setClock(launchedAt + 7 * DAY_MS);
      const buyers = [...treated.slice(0, 8), ...held.slice(0, 1)];
      buyers.forEach((memberId, i) =>
        putStored(cloud, 'spend_records', {
          _id: `e2e-spend-${i}`,
          memberId,
          amountFen: 8_800 + i * 100,
          at: launchedAt + ((i + 1) * DAY_MS) / 2,
        }),
      );
      await cloud.runTimer('job-run-campaigns');

      // A week on, the admin signs in again (the session of a week ago has ended).
      await page.evaluate(() => window.localStorage.clear());
      await signIn(page);
      await openPage(page, '营销活动');
      await page.locator('.ant-table-row', { hasText: '干性肌肤关怀' }).locator('button.campaign-results').click();
      const results = page.locator('.campaign-results-drawer');
      await results.locator('.campaign-results-row--holdout').waitFor();
      await results.locator('.campaign-results-chart canvas').first().waitFor();
      await expect(results.locator('.campaign-results-method').textContent()).resolves.toContain('95%');
      await screenshot(page, 'marketing-campaign-results');
    } finally {
      cloud.setClock(null);
      await context.close();
    }
  }, 300_000);
});
