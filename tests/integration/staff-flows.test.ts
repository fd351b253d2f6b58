import type { LocalCloud } from '../../local-cloud/local-cloud';
import type { OrderDoc } from '~/types/orders';
import { startTestCloud } from '../support/local-cloud';
import { addProduct, addStore, docOf, giveCoupon, patchDoc } from '../support/shop';
import { DAY_MS } from '~/core/calendar/durations';
import { allStored, putStored, storedOrNull } from '../support/stored';
import type { Envelope, TillClient } from '../support/till';
import { dataOf, tillPeople } from '../support/till';

const PASSWORD = 'staff-flows-password';
const ADMIN_ENV = { ADMIN_TOKEN_SECRET: 'f'.repeat(40), ADMIN_INITIAL_PASSWORD: PASSWORD };

const codeOf = (envelope: Envelope<unknown>) => (envelope.ok ? 'ok' : envelope.error.code);

describe('staff at the till through the built bundles', () => {
  let cloud: LocalCloud;
  let people: Awaited<ReturnType<typeof tillPeople>>;

  beforeAll(async () => {
    cloud = await startTestCloud({ functionEnv: { admin: ADMIN_ENV } });
    addStore(cloud, 'store-a');
    addStore(cloud, 'store-b');
    patchDoc(cloud, 'stores', 'store-b', { name: '徐汇店' });
    people = await tillPeople(cloud, PASSWORD);
  }, 60_000);

  afterAll(() => cloud?.stop());

  it('binds a member through a one-time invite, and an admin can disable and enable them again', async () => {
    expect(codeOf((await people.admin<Envelope<unknown>>('createStaffInvite', { storeId: 'nowhere', role: 'cashier' })).body)).toBe(
      'NOT_FOUND',
    );
    expect(codeOf((await people.admin<Envelope<unknown>>('createStaffInvite', { storeId: 'store-a', role: 'owner' })).body)).toBe(
      'VALIDATION_FAILED',
    );
    const code = await people.invite('store-a', 'manager');
    expect(code).toMatch(/^[A-Z2-9]{8}$/);
    const ada = await people.member();
    expect(codeOf(await ada.staff('me'))).toBe('NOT_STAFF');
    expect(codeOf(await ada.staff('redeemInvite', { code: 'ZZZZZZZZ' }))).toBe('NOT_FOUND');
    expect(dataOf(await ada.staff('redeemInvite', { code: code.toLowerCase() }))).toMatchObject({
      storeId: 'store-a',
      role: 'manager',
      nickname: expect.any(String),
    });
    // Entered again by the same member: the same answer; by another: the code is used.
    expect(codeOf(await ada.staff('redeemInvite', { code }))).toBe('ok');
    const bob = await people.member();
    expect(codeOf(await bob.staff('redeemInvite', { code }))).toBe('INVALID_STATE');
    const late = await people.invite('store-a', 'cashier');
    patchDoc(cloud, 'staff_invites', late, { expiresAt: Date.now() - 1 });
    expect(await bob.staff('redeemInvite', { code: late })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', message: expect.stringContaining('过期') },
    });
    expect(cloud.store.count('staff')).toBe(1);

    const listed = dataOf(
      (
        await people.admin<Envelope<{ items: { staffId: string; status: string; storeName: string }[] }>>('listStaff', {
          storeId: 'store-a',
        })
      ).body,
    );
    expect(listed.items).toEqual([expect.objectContaining({ staffId: ada.openid, status: 'active', storeName: '测试门店' })]);
    dataOf((await people.admin<Envelope<unknown>>('setStaffStatus', { staffId: ada.openid, status: 'disabled' })).body);
    expect(codeOf(await ada.staff('summary'))).toBe('STAFF_DISABLED');
    dataOf((await people.admin<Envelope<unknown>>('setStaffStatus', { staffId: ada.openid, status: 'active' })).body);
    expect(codeOf(await ada.staff('summary'))).toBe('ok');

    const actions = allStored(cloud, 'audit_log').map((entry) => entry.action);
    expect(actions.filter((a) => a === 'createStaffInvite')).toHaveLength(2);
    expect(actions.filter((a) => a === 'redeemInvite')).toHaveLength(1);
    expect(actions.filter((a) => a === 'setStaffStatus')).toHaveLength(2);
    expect(allStored(cloud, 'audit_log').find((e) => e.action === 'setStaffStatus')).toMatchObject({
      actor: { kind: 'admin', id: 'admin' },
      before: { status: 'active' },
      after: { status: 'disabled' },
    });
  });

  it('hands over an online pickup order only at its own store, once, and keeps the code out of admin lists', async () => {
    const near = await people.staff('store-a', 'cashier');
    const far = await people.staff('store-b', 'cashier');
    const shopper = await people.member();
    const sku = addProduct(cloud, 'till-cake', { title: '蛋糕', priceFen: 6_600, stock: 5 });
    const body = { items: [{ skuId: sku, quantity: 1 }], pointsRequested: 0, delivery: { mode: 'pickup', storeId: 'store-a' } };
    const preview = dataOf(
      (await shopper.client.call<Envelope<{ breakdown: { payableFen: number } }>>('orders', { action: 'preview', ...body })).body,
    );
    const order = dataOf(
      (
        await shopper.client.call<Envelope<{ id: string }>>('orders', {
          action: 'place',
          ...body,
          expectedPayableFen: preview.breakdown.payableFen,
          clientKey: 'till-order-1',
        })
      ).body,
    );
    const start = dataOf(
      (await shopper.client.call<Envelope<{ outTradeNo: string }>>('orders', { action: 'pay', orderId: order.id })).body,
    );
    await cloud.settlePayment(start.outTradeNo, 'SUCCESS');
    const paid = docOf(cloud, 'orders', order.id);
    const code = (paid.delivery.mode === 'pickup' ? paid.delivery.pickupCode : null) as string;

    expect(await far.staff('handOverByCode', { code })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', message: '该订单需到「测试门店」提货' },
    });
    expect(dataOf(await near.staff('lookupPickup', { code }))).toMatchObject({
      kind: 'order',
      status: 'ready',
      items: [{ name: '蛋糕', quantity: 1 }],
    });
    expect(dataOf(await near.staff('handOverByCode', { code }))).toMatchObject({ status: 'handedOver' });
    expect(docOf(cloud, 'orders', order.id).status).toBe('completed');
    expect(docOf(cloud, 'members', shopper.memberId).points.pending).toBe(66);
    const again = await near.staff('handOverByCode', { code });
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'ALREADY_HANDED_OVER', message: expect.stringMatching(/^已于 \d\d-\d\d \d\d:\d\d 在 测试门店 提货$/) },
    });
    expect(codeOf((await people.admin<Envelope<unknown>>('completePickup', { pickupCode: code })).body)).toBe('ALREADY_HANDED_OVER');

    const listed = dataOf((await people.admin<Envelope<{ items: OrderDoc[] }>>('listOrders', {})).body);
    const row = listed.items.find((item) => item._id === order.id) as OrderDoc;
    expect(row.delivery).toMatchObject({ mode: 'pickup', pickupCode: null });
    expect(JSON.stringify(listed)).not.toContain(code);
    expect(allStored(cloud, 'audit_log').find((e) => e.action === 'handOverOrder')).toMatchObject({
      actor: { id: near.openid, storeId: 'store-a' },
      target: { id: order.id },
    });
  });

  it("sums the day for the cashier and, for a manager, the store; the member's history names the store", async () => {
    const cashier = await people.staff('store-a', 'cashier');
    const manager = await people.staff('store-a', 'manager');
    const buy = async (till: TillClient, receiptNo: string, amountFen: number, withCoupon = false) => {
      const shopper = await people.member();
      const sessionId = await shopper.memberCode();
      dataOf(await till.staff('scan', { code: sessionId }));
      const couponInstanceId = withCoupon
        ? giveCoupon(cloud, shopper.memberId, `day-${receiptNo}`, { kind: 'cash', thresholdFen: 0, amountFen: 1_000 })
        : undefined;
      const sale = dataOf(
        await till.staff<{ saleId: string }>('recordSale', {
          sessionId,
          receiptNo,
          amountFen,
          ...(couponInstanceId ? { couponInstanceId } : {}),
        }),
      );
      return { shopper, sale };
    };
    const { shopper } = await buy(cashier, 'D-1', 10_000, true);
    await buy(cashier, 'D-2', 5_000);
    const { sale } = await buy(manager, 'D-3', 2_000);
    dataOf(await manager.staff('reverseSale', { saleId: sale.saleId, reason: '顾客退货' }));

    const mine = dataOf(
      await cashier.staff<{ mine: Record<string, number>; store: unknown; recent: { reversible: boolean }[] }>('summary'),
    );
    expect(mine.mine).toMatchObject({ sales: 2, amountFen: 15_000, paidFen: 14_000, pointsIssued: 140, couponsWrittenOff: 1 });
    expect(mine.store).toBeNull();
    expect(mine.recent).toHaveLength(2);
    expect(mine.recent.every((r) => !r.reversible)).toBe(true);
    const store = dataOf(
      await manager.staff<{ store: Record<string, number>; recent: { reversible: boolean; status: string }[] }>('summary'),
    );
    expect(store.store).toMatchObject({
      sales: 2,
      reversals: 1,
      amountFen: 15_000,
      paidFen: 14_000,
      pointsIssued: 140,
      couponsWrittenOff: 1,
    });
    expect(store.recent.filter((r) => r.reversible)).toHaveLength(2);

    const history = dataOf((await shopper.client.call<Envelope<{ items: { reason: string }[] }>>('points', { action: 'history' })).body);
    expect(history.items.map((item) => item.reason)).toContain('门店消费：测试门店');
  });

  it('clears till sessions, failure counters and known sign-in addresses a day after they expire, nightly', async () => {
    const at = Date.now();
    const session = (id: string, expiresAt: number) => ({
      _id: id,
      memberId: 'm',
      storeId: 'store-a',
      staffId: 's',
      openedAt: expiresAt - 300_000,
      expiresAt,
      pointsUsedBy: null,
    });
    putStored(cloud, 'till_sessions', session('11111111111111111111', at - 2 * DAY_MS));
    putStored(cloud, 'till_sessions', session('22222222222222222222', at - 60_000));
    putStored(cloud, 'throttles', { _id: 'scan:staff:old', failures: 3, openAt: at - 3 * DAY_MS, expiresAt: at - 3 * DAY_MS });
    putStored(cloud, 'throttles', { _id: 'scan:staff:new', failures: 1, openAt: at, expiresAt: at + 60_000 });
    putStored(cloud, 'throttles', { _id: 'login:known:admin:10.0.0.1', expiresAt: at - 2 * DAY_MS });
    expect(await cloud.runTimer('job-clear-till', at)).toMatchObject({ ok: true, data: { job: 'job-clear-till', status: 'finished' } });
    expect(storedOrNull(cloud, 'till_sessions', '11111111111111111111')).toBeNull();
    expect(storedOrNull(cloud, 'till_sessions', '22222222222222222222')).not.toBeNull();
    expect(storedOrNull(cloud, 'throttles', 'scan:staff:old')).toBeNull();
    expect(storedOrNull(cloud, 'throttles', 'login:known:admin:10.0.0.1')).toBeNull();
    expect(storedOrNull(cloud, 'throttles', 'scan:staff:new')).not.toBeNull();
  });
});
