import type { Browser, Page } from 'playwright-core';
import { checkMemberCode } from '~/core/members/member-code';
import type { LocalCloud } from '../../local-cloud/local-cloud';
import { demoCouponTemplates, demoRewards } from '../../scripts/seed/demo-catalogue';
import { launchBrowserBeside, screenshot } from '../support/browser';
import { closeWelcome } from '../support/h5-pages';
import { startTestCloud, TEST_MEMBER_CODE_SECRET } from '../support/local-cloud';
import { allowAdjustmentsUpTo } from '../support/programme';

const PASSWORD = 'e2e-member-pages-password';
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
/** The narrowest and widest phones the pages are laid out for. */
const WIDTHS = [320, 430] as const;

const ROUTES = {
  centre: '/packages/member/pages/centre/index',
  code: '/packages/member/pages/code/index',
  profile: '/packages/member/pages/profile/index',
  points: '/packages/points/pages/index/index',
  checkIn: '/packages/points/pages/check-in/index',
  mall: '/packages/mall/pages/index/index',
  redemptions: '/packages/mall/pages/redemptions/index',
  couponCentre: '/packages/coupons/pages/centre/index',
  myCoupons: '/packages/coupons/pages/mine/index',
};

interface Envelope<T> {
  ok: boolean;
  data: T;
}

describe('member pages of the H5 storefront in Chromium', () => {
  let browser: Browser;
  let cloud: LocalCloud;
  let token: string;

  const open = async (page: Page, route: string, ready: string) => {
    await page.goto(`${cloud.url}/#${route}`);
    await page.locator(`.taro_page:visible ${ready}`).first().waitFor();
  };

  const current = (page: Page, selector: string) => page.locator(`.taro_page:visible ${selector}`);

  beforeAll(async () => {
    [browser, cloud] = await launchBrowserBeside(
      startTestCloud({ functionEnv: { admin: { ADMIN_TOKEN_SECRET: 'm'.repeat(40), ADMIN_INITIAL_PASSWORD: PASSWORD } } }),
    );
    allowAdjustmentsUpTo(cloud, 3_000);
    const now = Date.now();
    cloud.store.atomically(() => {
      demoCouponTemplates(now).forEach((doc) => cloud.store.insert('coupon_templates', { ...doc }));
      demoRewards(now).forEach((doc) => cloud.store.insert('rewards', { ...doc }));
    });
    await cloud.invoke('admin', { action: 'bootstrapAdmin' });
    const login = (await cloud.invoke('admin', { action: 'login', username: 'admin', password: PASSWORD })) as Envelope<{ token: string }>;
    token = login.data.token;
  });

  afterAll(async () => {
    await browser?.close();
    await cloud?.stop();
  });

  it('joins, then checks in, claims a coupon, redeems a reward, shows the member code and edits the profile', async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    try {
      await page.goto(`${cloud.url}/`);
      await page.locator('.join-button').click();
      await page.locator('.member-card').waitFor();
      await closeWelcome(page);
      const member = [...cloud.store.scan('members', [], [], 'rowid')].map((row) => cloud.store.parse(row))[0] as {
        _id: string;
        memberNo: string;
      };
      await screenshot(page, 'member-pages-01-home');

      const adjusted = (await cloud.invoke('admin', {
        action: 'adjustPoints',
        token,
        memberId: member._id,
        points: 3_000,
        reason: '新会员体验积分',
        requestKey: 'e2e-member-pages-1',
      })) as Envelope<{ available: number }>;
      expect(adjusted.data.available).toBe(3_000);

      // Member centre: the tier card, the perks of every tier, the (empty) history.
      await open(page, ROUTES.centre, '.tier-card');
      expect(await current(page, '.tier-name').innerText()).toBe('普通会员');
      expect(await current(page, '.tier-next').innerText()).toContain('升级为「银卡会员」');
      expect(await current(page, '.perks-table__row').count()).toBe(5);
      await screenshot(page, 'member-pages-02-centre');

      // Check-in: the button turns into "already checked in" and today's cell is marked.
      await open(page, ROUTES.checkIn, '.check-in-button');
      expect(await current(page, '.check-in-reward').innerText()).toContain('今日签到可得 5 积分');
      await current(page, '.check-in-button').click();
      await current(page, '.check-in-button--done').waitFor();
      await current(page, '.calendar-day--today.calendar-day--checked').waitFor();
      expect(await current(page, '.check-in-streak').innerText()).toBe('1');
      await screenshot(page, 'member-pages-03-check-in');

      // Points: balance, and every history entry with a readable reason.
      await open(page, ROUTES.points, '.history-item');
      expect(await current(page, '.points-available').innerText()).toBe('3005');
      const reasons = await current(page, '.history-reason').allInnerTexts();
      expect(reasons).toEqual(['每日签到', '积分调整：新会员体验积分']);
      expect(await current(page, '.history-amount').allInnerTexts()).toEqual(['+5', '+3000']);
      await screenshot(page, 'member-pages-04-points');

      // Coupon centre: claim 满99减15; it then reads as claimed.
      await open(page, ROUTES.couponCentre, '.centre-coupon');
      const coupon = current(page, '.centre-coupon').filter({ hasText: '满99减15' });
      await coupon.locator('.claim-button').click();
      await coupon.locator('.claim-button', { hasText: '已领取' }).waitFor();
      await screenshot(page, 'member-pages-05-coupon-centre');

      await open(page, ROUTES.myCoupons, '.my-coupon');
      await current(page, '.my-coupon').filter({ hasText: '满99减15' }).waitFor();
      await screenshot(page, 'member-pages-06-my-coupons');

      // Points mall: redeem the tote bag after confirming, and see its pickup code.
      await open(page, ROUTES.mall, '.reward-card');
      expect(await current(page, '.mall-points').innerText()).toBe('3005');
      await screenshot(page, 'member-pages-07-mall');
      await current(page, '.reward-card').filter({ hasText: '品牌帆布袋' }).click();
      await current(page, '.redeem-button').waitFor();
      await screenshot(page, 'member-pages-08-reward');
      await current(page, '.redeem-button').click();
      await page.locator('.redeem-dialog .nut-dialog-footer-ok').click();
      const pickupCode = (await current(page, '.pickup-code').innerText()).replace(/\s/g, '');
      expect(pickupCode).toMatch(/^\d{6,}$/);
      await screenshot(page, 'member-pages-09-redeemed');

      await open(page, ROUTES.redemptions, '.redemption-item');
      expect((await current(page, '.pickup-code').first().innerText()).replace(/\s/g, '')).toBe(pickupCode);
      expect(await current(page, '.redemption-status').first().innerText()).toBe('待取货');
      await screenshot(page, 'member-pages-10-redemptions');

      // Member code: 20 digits that a till would accept for this member, drawn as a QR code.
      await open(page, ROUTES.code, '.member-code-digits');
      const code = (await current(page, '.member-code-digits').innerText()).replace(/\s/g, '');
      expect(code).toMatch(/^\d{20}$/);
      expect(code.startsWith(member.memberNo)).toBe(true);
      expect(
        checkMemberCode(
          { secret: TEST_MEMBER_CODE_SECRET, env: 'local' },
          { memberId: member._id, memberNo: member.memberNo },
          code,
          Date.now(),
        ),
      ).toBe('valid');
      expect(Number(await current(page, '.qr-code').getAttribute('data-modules'))).toBeGreaterThanOrEqual(21);
      expect(await current(page, '.member-code-countdown').innerText()).toMatch(/\d+ 秒后自动刷新/);
      await screenshot(page, 'member-pages-11-member-code');

      // Profile and settings: marketing consent is saved.
      await open(page, ROUTES.profile, '.profile-basic');
      await current(page, '.consent-switch').click();
      await page.waitForFunction(() => document.querySelector('.taro_page .consent-switch')?.getAttribute('aria-checked') === 'true');
      const stored = cloud.store.parse(cloud.store.get('members', member._id) as never) as { consent: { marketing: boolean } };
      expect(stored.consent.marketing).toBe(true);
      await screenshot(page, 'member-pages-12-profile');

      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 780 });
        for (const [name, route, ready] of [
          ['centre', ROUTES.centre, '.tier-card'],
          ['points', ROUTES.points, '.history-item'],
          ['check-in', ROUTES.checkIn, '.check-in-button'],
          ['mall', ROUTES.mall, '.reward-card'],
          ['my-coupons', ROUTES.myCoupons, '.my-coupon'],
          ['member-code', ROUTES.code, '.member-code-digits'],
          ['profile', ROUTES.profile, '.profile-basic'],
        ] as const) {
          await open(page, route, ready);
          await screenshot(page, `member-pages-${width}-${name}`);
          // Once the page has slid in, nothing on it may stick out sideways at this width.
          expect(
            await page
              .locator('.taro_page:visible')
              .first()
              .evaluate((el) => el.scrollWidth),
          ).toBeLessThanOrEqual(width);
        }
      }
    } finally {
      await context.close();
    }
  });
});
