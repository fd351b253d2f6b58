import type { Browser, Page } from 'playwright-core';
import { newReward } from '~/core/rewards/new-reward';
import type { LocalCloud } from '../../local-cloud/local-cloud';
import { launchBrowserBeside } from '../support/browser';
import { join, open, pageShot, phone, shown } from '../support/h5-pages';
import { startTestCloud } from '../support/local-cloud';
import { addStore, giveCoupon, patchDoc } from '../support/shop';
import { allStored, putStored, stored } from '../support/stored';
import { allowAdjustmentsUpTo } from '../support/programme';

const PASSWORD = 'e2e-staff-till-password';

interface Envelope<T> {
  ok: boolean;
  data: T;
}

/** Calls a cloud function from inside the page, as that browser's WeChat user. */
async function callAs<T>(page: Page, fn: string, body: Record<string, unknown>): Promise<T> {
  const envelope = await page.evaluate(
    async ([name, payload]) => {
      const response = await fetch(`/fn/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(payload),
      });
      return response.json();
    },
    [fn, body] as const,
  );
  if (!(envelope as Envelope<T>).ok) throw new Error(`${fn}.${String(body.action)}: ${JSON.stringify(envelope)}`);
  return (envelope as Envelope<T>).data;
}

describe('a member and a cashier at the till, in two browsers', () => {
  let browser: Browser;
  let cloud: LocalCloud;
  let token: string;

  beforeAll(async () => {
    [browser, cloud] = await launchBrowserBeside(
      startTestCloud({ functionEnv: { admin: { ADMIN_TOKEN_SECRET: 't'.repeat(40), ADMIN_INITIAL_PASSWORD: PASSWORD } } }),
    );
    allowAdjustmentsUpTo(cloud, 5_000);
    addStore(cloud, 'jingan');
    patchDoc(cloud, 'stores', 'jingan', { name: '静安嘉里中心店' });
    putStored(
      cloud,
      'rewards',
      newReward(
        {
          _id: 'mug',
          title: '品牌马克杯',
          description: '门店自提',
          category: '周边',
          pointsCost: 800,
          cashFen: 1_990,
          kind: 'pointsCash',
          totalStock: 20,
        },
        Date.now(),
      ),
    );
    await cloud.invoke('admin', { action: 'bootstrapAdmin' });
    token = ((await cloud.invoke('admin', { action: 'login', username: 'admin', password: PASSWORD })) as Envelope<{ token: string }>).data
      .token;
  });

  afterAll(async () => {
    await browser?.close();
    await cloud?.stop();
  });

  it('the member shows the code; the cashier, bound by an invite, records a purchase with a coupon and points and hands over a reward', async () => {
    const memberContext = await browser.newContext(phone(390));
    const cashierContext = await browser.newContext(phone(390));
    const member = await memberContext.newPage();
    const cashier = await cashierContext.newPage();
    try {
      // The member joins (with the welcome coupon), has points, another ¥10-off-¥59 coupon and a reward awaiting pickup.
      await member.goto(`${cloud.url}/`);
      await join(member);
      const memberId = allStored(cloud, 'members')[0]?._id as string;
      await cloud.invoke('admin', {
        action: 'adjustPoints',
        token,
        memberId,
        points: 5_000,
        reason: '活动奖励',
        requestKey: 'e2e-till-points',
      });
      giveCoupon(cloud, memberId, 'e2e-till-coupon', { kind: 'cash', thresholdFen: 5_900, amountFen: 1_000 });
      const redemption = await callAs<{ id: string }>(member, 'rewards', {
        action: 'redeem',
        rewardId: 'mug',
        clientKey: 'e2e-till-mug-1',
      });

      // The cashier joins too, then binds to the store with the code an admin made.
      await cashier.goto(`${cloud.url}/`);
      await join(cashier);
      const invite = (await cloud.invoke('admin', { action: 'createStaffInvite', token, storeId: 'jingan', role: 'cashier' })) as Envelope<{
        code: string;
      }>;
      await open(cashier, cloud, '/packages/member/pages/profile/index');
      await shown(cashier, '.staff-join-link').click();
      await shown(cashier, '.invite-code-input input').fill(invite.data.code);
      await shown(cashier, '.invite-submit').click();
      await shown(cashier, '.till-page').waitFor();
      await shown(cashier, '.till-store').getByText('静安嘉里中心店').waitFor();
      await pageShot(cashier, 'staff-till-01-cashier-home');

      // The member shows the code; the cashier types it in.
      await open(member, cloud, '/packages/member/pages/code/index');
      const digits = (await shown(member, '.member-code-digits').textContent())?.replace(/\s+/g, '') ?? '';
      expect(digits).toMatch(/^\d{20}$/);
      await pageShot(member, 'staff-till-02-member-code');
      await shown(cashier, '.member-code-input input').fill(digits);
      await shown(cashier, '.member-code-submit').click();
      await shown(cashier, '.till-card-page').waitFor();
      await shown(cashier, '.card-points-available').getByText('4,200').waitFor();
      await shown(cashier, '.till-coupon').waitFor();
      await shown(cashier, '.card-pickup').waitFor();
      await pageShot(cashier, 'staff-till-03-member-card');

      // A ¥128 purchase with the coupon and points: ¥10 off, then the member's 4,200 points take ¥42 off.
      await shown(cashier, '.record-sale-button').click();
      await shown(cashier, '.sale-page').waitFor();
      await shown(cashier, '.receipt-input input').fill('JA-20261207-001');
      for (const key of ['1', '2', '8']) await shown(cashier, `.keypad-key--${key}`).click();
      await shown(cashier, '.sale-coupon-option').click();
      await shown(cashier, '.points-switch').click();
      // The quote follows the keypad (debounced): wait for the one of the whole amount, coupon and points.
      await cashier.locator('.quote-paid', { hasText: /^¥76$/ }).filter({ visible: true }).waitFor();
      await shown(cashier, '.quote-points').waitFor();
      await pageShot(cashier, 'staff-till-04-sale-quote');
      await shown(cashier, '.sale-confirm:not(.sale-bar__button--busy)').click();
      await shown(cashier, '.sale-result').waitFor();
      await expect(shown(cashier, '.sale-result-paid').textContent()).resolves.toBe('¥76');
      await pageShot(cashier, 'staff-till-05-sale-recorded');

      // Back to the card: hand over the reward.
      await shown(cashier, '.sale-back-card').click();
      await shown(cashier, '.card-pickup .hand-over-button').click();
      await shown(cashier, '.hand-over-dialog .nut-dialog-footer-ok').click();
      await cashier.locator('.card-pickup').filter({ visible: true }).waitFor({ state: 'detached' });
      await pageShot(cashier, 'staff-till-06-reward-handed-over');

      // The books: ¥128 less the ¥10 coupon less all 4,200 points (¥42, under half of ¥118); ¥76 paid earns 76 points, pending.
      const sale = stored(cloud, 'store_sales', 'sale:jingan:JA-20261207-001');
      expect(sale).toMatchObject({
        status: 'recorded',
        amountFen: 12_800,
        couponDiscountFen: 1_000,
        pointsUsed: 4_200,
        paidFen: 7_600,
        pointsEarned: 76,
      });
      expect(stored(cloud, 'coupon_instances', sale.couponInstanceId as string)).toMatchObject({ status: 'used', usedBy: sale._id });
      expect(stored(cloud, 'redemptions', redemption.id)).toMatchObject({
        status: 'fulfilled',
        fulfilledStoreName: '静安嘉里中心店',
        cashCollectedFen: 1_990,
      });

      // The member's screens show it.
      await open(member, cloud, '/packages/points/pages/index/index');
      await member.getByText('门店消费：静安嘉里中心店').first().waitFor();
      await pageShot(member, 'staff-till-07-member-points');
      await open(member, cloud, '/packages/mall/pages/redemptions/index');
      await member.getByText('已领取').first().waitFor();
      await pageShot(member, 'staff-till-08-member-redemptions');

      // The cashier's day.
      await open(cashier, cloud, '/packages/staff/pages/summary/index');
      await shown(cashier, '.summary-mine .summary-figure--sales .summary-figure__value').getByText('1').waitFor();
      await pageShot(cashier, 'staff-till-09-cashier-summary');
    } finally {
      await memberContext.close();
      await cashierContext.close();
    }
  });
});
