import type { Browser, Page } from 'playwright-core';
import type { LocalCloud } from '../../local-cloud/local-cloud';
import type { OrderView, PaymentStart } from '~/types/functions/orders';
import { launchBrowserBeside, screenshot } from '../support/browser';
import { GatewayClient } from '../support/gateway';
import { startTestCloud } from '../support/local-cloud';
import { addProduct, addStore, adminCaller, docOf, patchDoc } from '../support/shop';
import { allowAdjustmentsUpTo } from '../support/programme';

type Envelope<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };
const data = <T>(envelope: Envelope<T>): T => {
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.data;
};

const PASSWORD = 'e2e-orders-admin-password';
const ADDRESS = { name: '林小满', phone: '13800138000', region: '上海市 静安区', detail: '南京西路 1 号' };

describe('admin orders and refunds pages in Chromium', () => {
  let browser: Browser;
  let cloud: LocalCloud;
  let shopper: GatewayClient;
  let refundId: string;
  let rejectId: string;
  let fullRefundId: string;
  let toShip: OrderView;
  let batch: OrderView[];
  let withRefund: OrderView;
  let memberNo: string;
  let pickup: OrderView;
  let pickupCode: string;
  let keyCount = 0;

  /** Places an order at the previewed total and, unless told otherwise, pays it through the simulated WeChat Pay. */
  async function order(body: Record<string, unknown>, pay = true): Promise<OrderView> {
    const preview = data(
      (await shopper.call<Envelope<{ breakdown: { payableFen: number } }>>('orders', { action: 'preview', ...body })).body,
    );
    keyCount += 1;
    const placed = data(
      (
        await shopper.call<Envelope<OrderView>>('orders', {
          action: 'place',
          ...body,
          expectedPayableFen: preview.breakdown.payableFen,
          clientKey: `e2e-admin-${keyCount}`,
        })
      ).body,
    );
    if (!pay) return placed;
    const start = data((await shopper.call<Envelope<PaymentStart>>('orders', { action: 'pay', orderId: placed.id })).body);
    await cloud.settlePayment(start.outTradeNo, 'SUCCESS');
    return data((await shopper.call<Envelope<OrderView>>('orders', { action: 'detail', orderId: placed.id })).body);
  }

  /** Picks a carrier in an Ant Design select. */
  async function chooseCarrier(page: Page, select: string, carrier: string): Promise<void> {
    await page.locator(select).click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: carrier }).click();
  }

  async function signIn(page: Page): Promise<void> {
    await page.goto(`${cloud.url}/admin/`);
    await page.locator('#username').fill('admin');
    await page.locator('#password').fill(PASSWORD);
    await page.locator('.login-submit').click();
    // The dashboard opens first after sign-in.
    await page.locator('.dashboard-page').waitFor();
  }

  beforeAll(async () => {
    [browser, cloud] = await launchBrowserBeside(
      startTestCloud({ functionEnv: { admin: { ADMIN_TOKEN_SECRET: 'o'.repeat(40), ADMIN_INITIAL_PASSWORD: PASSWORD } } }),
    );
    allowAdjustmentsUpTo(cloud, 2_000);
    const admin = await adminCaller(cloud, PASSWORD);
    const pot = addProduct(cloud, 'pour-over-pot', { title: '手冲咖啡壶', priceFen: 19_900, stock: 20 });
    const drip = addProduct(cloud, 'drip-bags', { title: '挂耳咖啡 10 片', priceFen: 5_900, stock: 50 });
    addStore(cloud, 'jingan');

    shopper = new GatewayClient(cloud.url);
    await shopper.login();
    const { memberId } = data((await shopper.call<Envelope<{ memberId: string }>>('member', { action: 'join', nickname: '林小满' })).body);
    data(
      (await admin('adjustPoints', { memberId, points: 2_000, reason: '测试积分', requestKey: 'e2e-orders-grant' }))
        .body as Envelope<unknown>,
    );

    memberNo = docOf(cloud, 'members', memberId).memberNo;
    const delivery = { mode: 'delivery', address: ADDRESS };
    withRefund = await order({
      items: [
        { skuId: pot, quantity: 1 },
        { skuId: drip, quantity: 2 },
      ],
      couponIds: [],
      pointsRequested: 1_000,
      delivery,
    });
    const asked = data(
      (
        await shopper.call<Envelope<OrderView>>('orders', {
          action: 'requestRefund',
          orderId: withRefund.id,
          lineIds: ['L2'],
          reason: '买多了，挂耳用不完',
          clientKey: 'e2e-refund-1',
        })
      ).body,
    );
    refundId = asked.refunds[0]?.id as string;
    const another = await order({ items: [{ skuId: drip, quantity: 1 }], couponIds: [], pointsRequested: 0, delivery });
    const askedAgain = data(
      (
        await shopper.call<Envelope<OrderView>>('orders', {
          action: 'requestRefund',
          orderId: another.id,
          lineIds: ['L1'],
          reason: '包装破损',
          clientKey: 'e2e-refund-2',
        })
      ).body,
    );
    rejectId = askedAgain.refunds[0]?.id as string;
    toShip = await order({ items: [{ skuId: pot, quantity: 1 }], couponIds: [], pointsRequested: 0, delivery });
    batch = [
      await order({ items: [{ skuId: drip, quantity: 2 }], couponIds: [], pointsRequested: 0, delivery }),
      await order({ items: [{ skuId: drip, quantity: 4 }], couponIds: [], pointsRequested: 0, delivery }),
    ];
    const whole = await order({ items: [{ skuId: drip, quantity: 1 }], couponIds: [], pointsRequested: 0, delivery });
    const askedWhole = data(
      (
        await shopper.call<Envelope<OrderView>>('orders', {
          action: 'requestRefund',
          orderId: whole.id,
          reason: '拍错了规格',
          clientKey: 'e2e-refund-3',
        })
      ).body,
    );
    fullRefundId = askedWhole.refunds[0]?.id as string;
    pickup = await order({
      items: [{ skuId: drip, quantity: 1 }],
      couponIds: [],
      pointsRequested: 0,
      delivery: { mode: 'pickup', storeId: 'jingan' },
    });
    pickupCode = (pickup.delivery.mode === 'pickup' ? pickup.delivery.pickupCode : null) as string;
    await order({ items: [{ skuId: drip, quantity: 3 }], couponIds: [], pointsRequested: 0, delivery }, false);
  });

  afterAll(async () => {
    await browser?.close();
    await cloud?.stop();
  });

  it('lists orders with their members, searches, ships one and a batch, and writes off a pickup code', async () => {
    const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
    const page = await context.newPage();
    try {
      await signIn(page);
      await page.getByRole('menuitem', { name: '订单' }).click();
      const table = page.locator('.orders-table');
      await table.getByText(toShip.orderNo).waitFor();
      await table.getByText('待付款').waitFor();
      await table.locator('tbody tr', { hasText: toShip.orderNo }).getByText(memberNo).waitFor();
      await table.locator('tbody tr', { hasText: withRefund.orderNo }).getByText('退款待审核').waitFor();
      await screenshot(page, 'admin-orders-01-list');

      await page.locator('.orders-search-no input').fill(toShip.orderNo);
      await page.locator('.orders-search-submit').click();
      await table.locator('tbody tr', { hasText: withRefund.orderNo }).waitFor({ state: 'detached' });
      expect(await table.locator('tbody tr.ant-table-row').count()).toBe(1);
      await page.locator('.orders-search-reset').click();
      await table.locator('tbody tr', { hasText: withRefund.orderNo }).waitFor();

      await table.locator('tbody tr', { hasText: '手冲咖啡壶 ×1、挂耳咖啡 10 片 ×2' }).locator('.ant-table-row-expand-icon').click();
      await page.locator('.order-detail .order-timeline').getByText('申请退款：买多了，挂耳用不完').waitFor();
      await screenshot(page, 'admin-orders-02-detail');
      await table.locator('tbody tr', { hasText: '手冲咖啡壶 ×1、挂耳咖啡 10 片 ×2' }).locator('.ant-table-row-expand-icon').click();

      await table.locator('tbody tr', { hasText: toShip.orderNo }).locator('.ship-button').click();
      const dialog = page.locator('.ship-order-modal');
      await chooseCarrier(page, '.ship-order-modal .ship-carrier', '顺丰速运');
      await dialog.locator('input.tracking-no').fill('SF1234567890');
      await screenshot(page, 'admin-orders-03-ship');
      await dialog.getByRole('button', { name: '确认发货' }).click();
      await page.getByText(`订单 ${toShip.orderNo} 已发货`).waitFor();
      await table.locator('tbody tr', { hasText: toShip.orderNo }).getByText('待收货').waitFor();
      expect(docOf(cloud, 'orders', toShip.id)).toMatchObject({
        status: 'shipped',
        delivery: { carrier: '顺丰速运', trackingNo: 'SF1234567890' },
      });

      expect(await table.locator('tbody tr', { hasText: withRefund.orderNo }).locator('.ant-checkbox-input').isDisabled()).toBe(true);
      for (const item of batch) await table.locator('tbody tr', { hasText: item.orderNo }).locator('.ant-checkbox-input').check();
      await page.locator('.orders-batch-ship').click();
      const batchDialog = page.locator('.batch-ship-modal');
      await chooseCarrier(page, '.batch-ship-modal .batch-ship-carrier', '中通快递');
      for (const [i, item] of batch.entries())
        await batchDialog
          .locator('tr.batch-ship-row', { hasText: item.orderNo })
          .locator('input.batch-tracking-no')
          .fill(`ZT880000000${i}`);
      await screenshot(page, 'admin-orders-04-batch-ship');
      await batchDialog.getByRole('button', { name: '确认发货 2 单' }).click();
      // The outcome is read from the table, not the 3-second toast, which a loaded machine can paint late.
      await batchDialog.waitFor({ state: 'hidden', timeout: 60_000 });
      for (const item of batch) await table.locator('tbody tr', { hasText: item.orderNo }).getByText('待收货').waitFor({ timeout: 60_000 });
      expect(batch.map((item) => docOf(cloud, 'orders', item.id).delivery)).toEqual([
        expect.objectContaining({ carrier: '中通快递', trackingNo: 'ZT8800000000' }),
        expect.objectContaining({ carrier: '中通快递', trackingNo: 'ZT8800000001' }),
      ]);

      await page.locator('.pickup-code input').fill(pickupCode);
      await page
        .locator('.pickup-write-off')
        .getByRole('button', { name: /核\s*销/ })
        .click();
      await page.locator('.pickup-done').waitFor();
      await table.locator('tbody tr', { hasText: pickup.orderNo }).getByText('已完成').waitFor();
      await screenshot(page, 'admin-orders-05-pickup');
      expect(await page.locator('.pickup-done').textContent()).toContain(`已核销：订单 ${pickup.orderNo}`);
      expect(docOf(cloud, 'orders', pickup.id).status).toBe('completed');
    } finally {
      await context.close();
    }
  });

  it('approves one refund request and rejects another with a note on the refunds page', async () => {
    const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
    const page = await context.newPage();
    try {
      await signIn(page);
      await page.getByRole('menuitem', { name: '退款' }).click();
      const row = page.locator('.refunds-table tbody tr', { hasText: '买多了，挂耳用不完' });
      await row.getByText('待审核').waitFor();
      await screenshot(page, 'admin-refunds-01-list');

      const refund = docOf(cloud, 'refunds', refundId);
      await row.locator('.approve-button').click();
      const confirm = page.locator('.approve-refund-modal');
      await confirm.locator('.refund-preview-amount').waitFor();
      expect(await confirm.locator('.refund-preview-amount').textContent()).toBe(`¥${(refund.amountFen / 100).toFixed(2)}`);
      expect(await confirm.locator('.refund-preview-stock').textContent()).toBe('退回 挂耳咖啡 10 片 ×2');
      await screenshot(page, 'admin-refunds-02-confirm');
      await confirm.locator('.approve-refund-ok').click();
      await page.getByText(`退款 ${refund.refundNo} 已完成`).waitFor();
      await row.waitFor({ state: 'detached' });

      // The whole order's refund brings the shipping fee back, until the order ships before the approval.
      const whole = docOf(cloud, 'refunds', fullRefundId);
      const wholeRow = page.locator('.refunds-table tbody tr', { hasText: '拍错了规格' });
      await wholeRow.locator('.approve-button').click();
      const wholeConfirm = page.locator('.approve-refund-modal');
      await wholeConfirm.locator('.refund-preview-amount').waitFor();
      expect(await wholeConfirm.locator('.refund-preview-amount').textContent()).toBe(
        `¥${(whole.amountFen / 100).toFixed(2)}（含运费 ¥8.00）`,
      );
      patchDoc(cloud, 'orders', whole.orderId, { status: 'shipped', shippedAt: Date.now() });
      await wholeConfirm.locator('.approve-refund-ok').click();
      await wholeConfirm.locator('.refund-preview-price-changed').waitFor();
      const paidBack = whole.amountFen - 800;
      expect(await wholeConfirm.locator('.refund-preview-amount').textContent()).toBe(`¥${(paidBack / 100).toFixed(2)}`);
      expect(cloud.payments.refunds(whole.orderNo)).toEqual([]);
      await screenshot(page, 'admin-refunds-03-amount-changed');
      await wholeConfirm.locator('.approve-refund-ok').click();
      await page.getByText(`退款 ${whole.refundNo} 已完成，退回 ¥${(paidBack / 100).toFixed(2)}`).waitFor();
      expect(cloud.payments.refunds(whole.orderNo)).toEqual([expect.objectContaining({ refundFee: paidBack })]);

      const toReject = page.locator('.refunds-table tbody tr', { hasText: '包装破损' });
      await toReject.locator('.reject-button').click();
      const dialog = page.locator('.reject-refund-modal');
      await dialog.locator('textarea').fill('外包装完好，商品不影响使用');
      await screenshot(page, 'admin-refunds-04-reject');
      await dialog.getByRole('button', { name: '驳回申请' }).click();
      await page.getByText('没有待审核的退款').waitFor();
      expect(docOf(cloud, 'refunds', rejectId)).toMatchObject({ status: 'rejected', reviewNote: '外包装完好，商品不影响使用' });

      expect(docOf(cloud, 'refunds', refundId)).toMatchObject({ status: 'refunded', reviewedBy: expect.any(String) });
      expect(cloud.payments.refunds(refund.orderNo)).toEqual([expect.objectContaining({ refundFee: refund.amountFen })]);

      await page.locator('.refunds-status-filter').getByText('全部').click();
      await page.locator('.refunds-table tbody tr', { hasText: refund.refundNo }).getByText('已退款').waitFor();
      await page.locator('.refunds-table tbody tr', { hasText: '包装破损' }).getByText('已驳回').waitFor();
      await screenshot(page, 'admin-refunds-05-reviewed');
    } finally {
      await context.close();
    }
  });
});
