import type { LocalCloud } from '../../local-cloud/local-cloud';
import { DAY_MS, MINUTE_MS } from '~/core/calendar/durations';
import { newMember } from '~/core/members/new-member';
import { draftOf } from '~/core/programme/draft';
import type { AdminProgrammeResponses, ProgrammeDraft, ProgrammeVersionView } from '~/types/functions/admin-programme';
import type { OrderView, PaymentStart } from '~/types/functions/orders';
import { GatewayClient } from '../support/gateway';
import { startTestCloud } from '../support/local-cloud';
import { addProduct, adminCaller } from '../support/shop';
import { allStored, storedInOrder } from '../support/stored';

type Envelope<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string; details?: Record<string, unknown> } };
const data = <T>(envelope: Envelope<T>): T => {
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.data;
};

const PASSWORD = 'rules-admin-password';
const ADDRESS = { name: '吴二', phone: '13900139001', region: '上海市 徐汇区', detail: '漕溪北路 1 号' };
/** 2027-03-01 10:00 in Shanghai. */
const DAY1 = Date.UTC(2027, 2, 1, 2, 0);
/** 2027-03-03 00:00 in Shanghai: when the new rules take effect. */
const EFFECTIVE = Date.UTC(2027, 2, 2, 16, 0);

/**
 * The programme's rules as versions through the built bundles and the local cloud's clock: a
 * change takes effect at its stated time and not before, leaves past awards and orders as they
 * were, can be cancelled before it takes effect, and any version can be restored as a new one.
 */
describe('programme rule versions', () => {
  let cloud: LocalCloud;
  let admin: Awaited<ReturnType<typeof adminCaller>>;
  let shopper: GatewayClient;
  let memberId: string;
  let orders = 0;

  /** Moves the functions' clock and signs the admin in again (a session lasts hours, not days). */
  async function at(time: number): Promise<void> {
    cloud.setClock(time);
    admin = await adminCaller(cloud, PASSWORD);
  }
  const call = async <T>(action: string, payload: Record<string, unknown> = {}) => (await admin(action, payload)).body as Envelope<T>;
  const programme = async () => data(await call<AdminProgrammeResponses['getProgramme']>('getProgramme'));
  const checkIn = async () => data((await shopper.call<Envelope<{ points: number }>>('points', { action: 'checkIn' })).body).points;

  /** A paid ¥100 order of the shopper; answers its id. */
  async function paidOrder(): Promise<string> {
    orders += 1;
    const sku = addProduct(cloud, `rules-product-${orders}`, { title: `商品${orders}`, priceFen: 10_000, stock: 5, memberPrice: false });
    const body = {
      items: [{ skuId: sku, quantity: 1 }],
      couponIds: [],
      pointsRequested: 0,
      delivery: { mode: 'delivery', address: ADDRESS },
    };
    const order = data(
      (
        await shopper.call<Envelope<OrderView>>('orders', {
          action: 'place',
          ...body,
          expectedPayableFen: 10_000,
          clientKey: `rules-order-${orders}`,
        })
      ).body,
    );
    const start = data((await shopper.call<Envelope<PaymentStart>>('orders', { action: 'pay', orderId: order.id })).body);
    await cloud.settlePayment(start.outTradeNo, 'SUCCESS');
    return order.id;
  }
  const earnedFor = (orderId: string) =>
    storedInOrder(cloud, 'ledger_entries').find((entry) => entry.kind === 'earn' && entry.ref.id === orderId)?.pending;

  /** Everything a refused request must leave as it was. */
  const rulesDigest = () =>
    JSON.stringify([allStored(cloud, 'programme_versions'), allStored(cloud, 'audit_log'), allStored(cloud, 'settings')]);

  beforeAll(async () => {
    cloud = await startTestCloud({ functionEnv: { admin: { ADMIN_TOKEN_SECRET: 'r'.repeat(40), ADMIN_INITIAL_PASSWORD: PASSWORD } } });
    await at(DAY1);
    shopper = new GatewayClient(cloud.url);
    await shopper.login();
    memberId = data((await shopper.call<Envelope<{ memberId: string }>>('member', { action: 'join' })).body).memberId;
  });
  afterAll(() => cloud?.stop());

  it('takes a check-in and earning change at its effective time, not before, and leaves past awards and orders alone', async () => {
    expect(await checkIn()).toBe(5);
    const firstOrder = await paidOrder();
    expect(earnedFor(firstOrder)).toBe(100);
    const pastEntries = storedInOrder(cloud, 'ledger_entries');
    const pastOrders = storedInOrder(cloud, 'orders');

    const before = await programme();
    expect(before).toMatchObject({ current: { version: 0, effectiveAt: null }, scheduled: [], history: [] });
    const draft: ProgrammeDraft = draftOf(before.latest);
    draft.checkIn.dailyPoints = 10;
    draft.points.earnPerYuan = 2;

    const preview = data(await call<AdminProgrammeResponses['previewProgramme']>('previewProgramme', { draft }));
    expect(preview.problems).toEqual([]);
    expect(preview.changes).toEqual([
      { key: 'points.earnPerYuan', label: '每消费¥1得积分', before: '1积分', after: '2积分' },
      { key: 'checkIn.dailyPoints', label: '每日签到', before: '5积分', after: '10积分' },
    ]);
    expect(preview.impact).toMatchObject({ members: 1, purchasesLast30Days: 1, tiers: { higher: 0, lower: 0, examined: 0 } });

    const publish = { draft, basedOn: 0, effectiveAt: EFFECTIVE, note: '签到奖励翻倍', requestKey: 'rules-change-0001' };
    const version = data(await call<ProgrammeVersionView>('publishProgramme', publish));
    expect(version).toMatchObject({
      version: 2,
      basedOn: 1,
      effectiveAt: EFFECTIVE,
      author: 'admin',
      status: 'published',
      note: '签到奖励翻倍',
    });
    // A retry answers the same version and writes nothing more.
    const digest = rulesDigest();
    expect(data(await call<ProgrammeVersionView>('publishProgramme', publish))).toEqual(version);
    expect(rulesDigest()).toBe(digest);
    const audit = allStored(cloud, 'audit_log').filter((entry) => entry.action === 'publishProgramme');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      target: { type: 'programmeVersion', id: 'v2' },
      before: { version: 1, rules: { 'checkIn.dailyPoints': '5积分', 'points.earnPerYuan': '1积分' } },
      after: { version: 2, effectiveAt: EFFECTIVE, rules: { 'checkIn.dailyPoints': '10积分', 'points.earnPerYuan': '2积分' } },
    });

    await at(EFFECTIVE - MINUTE_MS);
    const waiting = await programme();
    expect(waiting.current.version).toBe(1);
    expect(waiting.scheduled.map((one) => one.version)).toEqual([2]);
    expect(waiting.history.map((one) => [one.version, one.author])).toEqual([
      [2, 'admin'],
      [1, 'system'],
    ]);
    expect(await checkIn()).toBe(5);
    expect(earnedFor(await paidOrder())).toBe(100);

    await at(EFFECTIVE + MINUTE_MS);
    expect((await programme()).current).toMatchObject({ version: 2, effectiveAt: EFFECTIVE });
    expect(await checkIn()).toBe(10);
    expect(earnedFor(await paidOrder())).toBe(200);

    const entries = new Map(storedInOrder(cloud, 'ledger_entries').map((entry) => [entry._id, entry]));
    expect(pastEntries.map((entry) => entries.get(entry._id))).toEqual(pastEntries);
    const stored = new Map(storedInOrder(cloud, 'orders').map((order) => [order._id, order]));
    expect(pastOrders.map((order) => stored.get(order._id))).toEqual(pastOrders);
    expect(memberId).toBeTruthy();
  });

  it('cancels a scheduled version, which then never takes effect, and refuses to cancel one in effect', async () => {
    const now = EFFECTIVE + DAY_MS;
    await at(now);
    const { latest } = await programme();
    const draft = draftOf(latest);
    draft.checkIn.dailyPoints = 20;
    const later = now + 2 * DAY_MS;
    const scheduled = data(
      await call<ProgrammeVersionView>('publishProgramme', {
        draft,
        basedOn: latest.version,
        effectiveAt: later,
        note: '',
        requestKey: 'rules-change-0002',
      }),
    );
    expect(scheduled).toMatchObject({ version: 3, effectiveAt: later });
    // Version 4 is edited from version 3, so version 3 cannot be cancelled while version 4 stands.
    draft.checkIn.streakBonusPoints = 30;
    const after = { draft, basedOn: 3, effectiveAt: later + DAY_MS, note: '', requestKey: 'rules-change-0003' };
    expect(data(await call<ProgrammeVersionView>('publishProgramme', after))).toMatchObject({ version: 4, basedOn: 3 });
    expect(await call('cancelProgrammeVersion', { version: 3 })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '第4版在第3版的基础上修改，请先取消第4版' },
    });
    expect(data(await call<ProgrammeVersionView>('cancelProgrammeVersion', { version: 4 }))).toMatchObject({ status: 'cancelled' });
    const cancelled = data(await call<ProgrammeVersionView>('cancelProgrammeVersion', { version: 3 }));
    expect(cancelled).toMatchObject({ version: 3, status: 'cancelled', cancelledBy: 'admin' });
    const digest = rulesDigest();
    expect(data(await call<ProgrammeVersionView>('cancelProgrammeVersion', { version: 3 }))).toEqual(cancelled);
    expect(rulesDigest()).toBe(digest);

    await at(later + MINUTE_MS);
    expect((await programme()).current.version).toBe(2);
    expect(await checkIn()).toBe(10);
    const refused = await call('cancelProgrammeVersion', { version: 2 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(rulesDigest()).toBe(digest);
  });

  it('restores a past version as a new one, effective once every instance can switch', async () => {
    const now = EFFECTIVE + 4 * DAY_MS;
    await at(now);
    const restored = data(
      await call<ProgrammeVersionView>('restoreProgrammeVersion', {
        version: 1,
        effectiveAt: null,
        note: '',
        requestKey: 'rules-restore-0001',
      }),
    );
    const history = await programme();
    const original = history.history.find((one) => one.version === 1) as ProgrammeVersionView;
    expect(restored).toMatchObject({ version: 5, basedOn: 2, restoredFrom: 1, note: '恢复第1版', effectiveAt: expect.any(Number) });
    expect(restored.effectiveAt - now).toBeGreaterThanOrEqual(30_000);
    expect(restored.effectiveAt - now).toBeLessThan(60_000);
    expect({ programme: restored.programme, tiers: restored.tiers }).toEqual({ programme: original.programme, tiers: original.tiers });
    expect(history.current.version).toBe(2);
    expect(allStored(cloud, 'audit_log').filter((entry) => entry.action === 'restoreProgrammeVersion')).toEqual([
      expect.objectContaining({ before: expect.objectContaining({ rules: expect.objectContaining({ 'checkIn.dailyPoints': '10积分' }) }) }),
    ]);

    await at(now + DAY_MS);
    expect((await programme()).current.version).toBe(5);
    expect(await checkIn()).toBe(5);
  });

  it('refuses a draft that breaks a rule, a stale base, a time in the past or a past version that is not there, and changes nothing', async () => {
    const now = EFFECTIVE + 6 * DAY_MS;
    await at(now);
    const { latest } = await programme();
    const broken = draftOf(latest);
    const silver = broken.tiers[1] as ProgrammeDraft['tiers'][number];
    silver.keepSpendFen = silver.entrySpendFen + 100;
    broken.coupons.welcomeTemplateId = 'no-such-template';
    const digest = rulesDigest();

    const preview = data(await call<AdminProgrammeResponses['previewProgramme']>('previewProgramme', { draft: broken }));
    expect(preview.impact).toBeNull();
    expect(preview.problems).toEqual([
      { field: 'tiers.1.keepSpendFen', message: '银卡会员的保级门槛不能高于入会门槛（¥1,000）' },
      { field: 'coupons.welcomeTemplateId', message: '新人券「no-such-template」不存在，请先在优惠券页面创建' },
    ]);
    const base = { basedOn: latest.version, effectiveAt: null, note: '' };
    expect(await call('publishProgramme', { ...base, draft: broken, requestKey: 'rules-refused-01' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('银卡会员的保级门槛不能高于入会门槛') },
    });
    const fine = draftOf(latest);
    expect(await call('publishProgramme', { ...base, draft: fine, basedOn: 2, requestKey: 'rules-refused-02' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '规则已更新到第5版，请刷新后在最新版本上修改' },
    });
    expect(
      await call('publishProgramme', { ...base, draft: fine, effectiveAt: now - DAY_MS, requestKey: 'rules-refused-03' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: '生效时间不能早于现在' },
    });
    expect(
      await call('restoreProgrammeVersion', { version: 99, effectiveAt: null, note: '', requestKey: 'rules-refused-04' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(rulesDigest()).toBe(digest);
  });

  it('counts the members a threshold change would move at their next review', async () => {
    const now = EFFECTIVE + 7 * DAY_MS;
    await at(now);
    const seed = (id: string, tierId: string, spendFen: number) => {
      cloud.store.insert('members', {
        ...newMember({ _id: id, openid: `o-${id}`, memberNo: String(4_000_000_000 + cloud.store.count('members')), now }),
        tierId,
      });
      cloud.store.insert('spend_records', { _id: `spend:${id}`, memberId: id, amountFen: spendFen, at: now - 10 * DAY_MS });
    };
    seed('near-silver', 'normal', 90_000);
    seed('far-below', 'normal', 10_000);
    seed('gold-short', 'gold', 420_000);
    seed('gold-safe', 'gold', 480_000);
    const { latest } = await programme();
    const draft = draftOf(latest);
    const [, silver, gold] = draft.tiers as ProgrammeDraft['tiers'];
    (silver as ProgrammeDraft['tiers'][number]).entrySpendFen = 80_000;
    (gold as ProgrammeDraft['tiers'][number]).keepSpendFen = 450_000;
    const preview = data(await call<AdminProgrammeResponses['previewProgramme']>('previewProgramme', { draft }));
    expect(preview.impact?.tiers).toEqual({
      higher: 1,
      lower: 1,
      examined: 2,
      capped: false,
      byTier: [
        { tierId: 'normal', name: '普通会员', before: 1, after: 0 },
        { tierId: 'silver', name: '银卡会员', before: 0, after: 2 },
        { tierId: 'gold', name: '金卡会员', before: 1, after: 0 },
        { tierId: 'diamond', name: '钻石会员', before: 0, after: 0 },
      ],
    });
  });
});
