import type { LocalCloud } from '../../local-cloud/local-cloud';
import { demoRewards } from '../../scripts/seed/demo-catalogue';
import { DAY_MS } from '~/core/calendar/durations';
import { newMember } from '~/core/members/new-member';
import { phoneHash } from '~/core/members/phone-hash';
import { hashPassword } from '~/server/admin/credentials';
import { LOCAL_PHONE_HASH_SECRET } from '~/server/members/phone-hash-key';
import type { AdminRole, MemberDoc } from '~/types/documents';
import type { AdjustmentResult, ApprovalView, MemberDetail, MemberSearchRow } from '~/types/functions/admin-members';
import type { StoreSaleDoc } from '~/types/staff';
import { GatewayClient } from '../support/gateway';
import { startTestCloud } from '../support/local-cloud';
import { addProduct, docOf, giveCoupon, patchDoc } from '../support/shop';
import { allStored, putStored } from '../support/stored';
import { sweep } from './jobs-support';

type Envelope<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };
type Search = { by: string; items: MemberSearchRow[]; nextCursor: string | null };

const PASSWORD = 'member-desk-password';
const ADMIN_ENV = { ADMIN_TOKEN_SECRET: 'd'.repeat(40), ADMIN_INITIAL_PASSWORD: PASSWORD };
const PHONE = '13800138000';

const data = <T>(envelope: Envelope<T>): T => {
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.data;
};
const codeOf = (envelope: Envelope<unknown>) => (envelope.ok ? 'ok' : envelope.error.code);

/** The member desk through the gateway and the built bundles, as admins of every role. */
describe('the member desk', () => {
  let cloud: LocalCloud;
  /** Signed-in admins by login name: the owner `admin`, and one of each other role. */
  const admins = new Map<string, GatewayClient & { token: string }>();
  let shopper: GatewayClient;
  let shopperId: string;
  const audits = (action: string) => allStored(cloud, 'audit_log').filter((entry) => entry.action === action);

  /** Calls an admin action as `who` and answers its envelope. */
  async function as<T>(who: string, action: string, payload: Record<string, unknown> = {}): Promise<Envelope<T>> {
    const client = admins.get(who);
    if (!client) throw new Error(`no admin ${who}`);
    return (await client.call<Envelope<T>>('admin', { action, token: client.token, ...payload })).body;
  }

  async function signIn(username: string): Promise<void> {
    const client = new GatewayClient(cloud.url);
    const session = data((await client.call<Envelope<{ token: string }>>('admin', { action: 'login', username, password: PASSWORD })).body);
    admins.set(username, Object.assign(client, { token: session.token }));
  }

  function seed(id: string, memberNo: string, fields: Partial<MemberDoc> = {}): MemberDoc {
    const member = { ...newMember({ _id: id, openid: `o-${id}`, memberNo, now: Date.now() - 100 * DAY_MS }), ...fields };
    putStored(cloud, 'members', member);
    return member;
  }

  beforeAll(async () => {
    cloud = await startTestCloud({ functionEnv: { admin: ADMIN_ENV } });
    const bootstrap = new GatewayClient(cloud.url);
    data((await bootstrap.call<Envelope<unknown>>('admin', { action: 'bootstrapAdmin' })).body);
    const passwordHash = await hashPassword(PASSWORD);
    const roles: [string, AdminRole][] = [
      ['ops', 'operator'],
      ['ops2', 'operator'],
      ['help', 'support'],
      ['ana', 'analyst'],
      ['shop', 'storeManager'],
    ];
    for (const [username, role] of roles)
      putStored(cloud, 'admins', { _id: username, role, storeId: role === 'storeManager' ? 'store-a' : null, passwordHash, createdAt: 0 });
    await Promise.all(['admin', ...roles.map(([username]) => username)].map(signIn));
    cloud.store.atomically(() => demoRewards(Date.now()).forEach((doc) => putStored(cloud, 'rewards', doc)));

    // A member who joins, gives a phone and a nickname in the mini-program.
    shopper = new GatewayClient(cloud.url);
    await shopper.login();
    shopperId = data((await shopper.call<Envelope<{ memberId: string }>>('member', { action: 'join', nickname: '林小满' })).body).memberId;
    data((await shopper.call<Envelope<unknown>>('member', { action: 'updateProfile', phone: PHONE })).body);

    // Members straight in the store, with numbers chosen to start and end alike.
    seed('n1', '1230000009', { nickname: '林小雨' });
    seed('n2', '1230000123', { nickname: '小林' });
    seed('n3', '4100000123', { nickname: '林大山' });
    seed('n4', '5200000123', { nickname: '王五', phone: '13912345678', phoneHash: phoneHash('13912345678', LOCAL_PHONE_HASH_SECRET) });
    seed('n5', '6000000001', { nickname: '赵六', status: 'deleted' });
  }, 60_000);

  afterAll(() => cloud?.stop());

  it('writes the phone lookup key with the phone, and finds the member by the whole number, however typed', async () => {
    expect(docOf(cloud, 'members', shopperId).phoneHash).toBe(phoneHash(PHONE, LOCAL_PHONE_HASH_SECRET));
    for (const query of [PHONE, '138 0013 8000', '+86 138-0013-8000']) {
      const found = data(await as<Search>('admin', 'searchMembers', { query }));
      expect(found).toMatchObject({ by: 'phone', items: [{ memberId: shopperId, nickname: '林小满', phone: PHONE }], nextCursor: null });
    }
    expect(data(await as<Search>('admin', 'searchMembers', { query: '13800138001' })).items).toEqual([]);
    expect(codeOf(await as('admin', 'searchMembers', { query: '1380013', by: 'phone' }))).toBe('VALIDATION_FAILED');
    // A phone taken away takes its key with it.
    data((await shopper.call<Envelope<unknown>>('member', { action: 'updateProfile', phone: null })).body);
    expect(data(await as<Search>('admin', 'searchMembers', { query: PHONE })).items).toEqual([]);
    data((await shopper.call<Envelope<unknown>>('member', { action: 'updateProfile', phone: PHONE })).body);
  });

  it('finds members by the start or the end of their number, each once, page by page', async () => {
    const pages: MemberSearchRow[][] = [];
    let cursor: string | undefined;
    do {
      const page = data(await as<Search>('ops', 'searchMembers', { query: '123', pageSize: 3, ...(cursor ? { cursor } : {}) }));
      expect(page.by).toBe('memberNoPart');
      pages.push(page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    // The start first (1230000009, 1230000123), then the end (4100000123, 5200000123); 1230000123 only once.
    expect(pages.flat().map((row) => row.memberNo)).toEqual(['1230000009', '1230000123', '4100000123', '5200000123']);
    expect(pages.map((page) => page.length)).toEqual([3, 1]);
    // The end is read in the order of the reversed number.
    expect(data(await as<Search>('ops', 'searchMembers', { query: '0000123' })).items.map((row) => row.memberNo)).toEqual([
      '4100000123',
      '5200000123',
      '1230000123',
    ]);
    expect(data(await as<Search>('ops', 'searchMembers', { query: '4100000123' }))).toMatchObject({
      by: 'memberNo',
      items: [{ memberId: 'n3' }],
    });
    expect(data(await as<Search>('ops', 'searchMembers', { query: '888', by: 'nickname' })).items).toEqual([]);
  });

  it('finds members by the start of their nickname, in pages, and shows a deleted one as deleted', async () => {
    const first = data(await as<Search>('ana', 'searchMembers', { query: '林', pageSize: 2 }));
    expect(first.by).toBe('nickname');
    const rest = data(await as<Search>('ana', 'searchMembers', { query: '林', pageSize: 2, cursor: first.nextCursor }));
    expect([...first.items, ...rest.items].map((row) => row.nickname).sort()).toEqual(['林大山', '林小满', '林小雨']);
    expect(rest.nextCursor).toBeNull();
    expect(
      data(await as<Search>('ana', 'searchMembers', { query: '林小' }))
        .items.map((row) => row.nickname)
        .sort(),
    ).toEqual(['林小满', '林小雨']);
    expect(data(await as<Search>('ana', 'searchMembers', { query: '赵' })).items).toEqual([
      expect.objectContaining({ memberId: 'n5', status: 'deleted' }),
    ]);
  });

  it('shows the phone in full to the owner and support only, and keeps store managers out', async () => {
    const phoneSeenBy = async (who: string) =>
      data(await as<Search>(who, 'searchMembers', { query: '13912345678' })).items.map((row) => row.phone);
    expect(await phoneSeenBy('admin')).toEqual(['13912345678']);
    expect(await phoneSeenBy('help')).toEqual(['13912345678']);
    expect(await phoneSeenBy('ops')).toEqual(['139****5678']);
    expect(await phoneSeenBy('ana')).toEqual(['139****5678']);
    expect(data(await as<MemberDetail>('ana', 'getMemberDetail', { memberId: 'n4' })).member.phone).toBe('139****5678');
    expect(data(await as<MemberDetail>('help', 'getMemberDetail', { memberId: 'n4' })).member.phone).toBe('13912345678');
    for (const action of ['searchMembers', 'getMemberDetail', 'listApprovals'])
      expect(
        codeOf(
          await as('shop', action, action === 'searchMembers' ? { query: '林' } : action === 'getMemberDetail' ? { memberId: 'n1' } : {}),
        ),
      ).toBe('FORBIDDEN');
    expect(codeOf(await as('ana', 'adjustPoints', { memberId: 'n1', points: 10, reason: '测试', requestKey: 'ana-try-1' }))).toBe(
      'FORBIDDEN',
    );
  });

  it('opens a member with profile, tier, points buckets and pending lots, and every list', async () => {
    const adjusted = data(
      await as<AdjustmentResult>('help', 'adjustPoints', {
        memberId: shopperId,
        points: 1_000,
        reason: '客服补偿',
        requestKey: 'help-grant-1',
      }),
    );
    expect(adjusted).toMatchObject({ status: 'posted', available: 1_000, created: true });
    data((await shopper.call<Envelope<unknown>>('points', { action: 'checkIn' })).body);
    data((await shopper.call<Envelope<unknown>>('rewards', { action: 'redeem', rewardId: 'reward-tote', clientKey: 'desk-tote-1' })).body);
    const sku = addProduct(cloud, 'desk-beans', { title: '咖啡豆', priceFen: 12_800, stock: 5 });
    const body = {
      items: [{ skuId: sku, quantity: 1 }],
      pointsRequested: 0,
      delivery: { mode: 'delivery', address: { name: '林小满', phone: PHONE, region: '上海市 静安区', detail: '南京西路 1 号' } },
    };
    const preview = data(
      (await shopper.call<Envelope<{ breakdown: { payableFen: number } }>>('orders', { action: 'preview', ...body })).body,
    );
    const order = data(
      (
        await shopper.call<Envelope<{ id: string }>>('orders', {
          action: 'place',
          ...body,
          expectedPayableFen: preview.breakdown.payableFen,
          clientKey: 'desk-order-1',
        })
      ).body,
    );
    const payment = data((await shopper.call<Envelope<{ outTradeNo: string }>>('orders', { action: 'pay', orderId: order.id })).body);
    await cloud.settlePayment(payment.outTradeNo, 'SUCCESS');
    const sale: StoreSaleDoc = {
      _id: 'sale:store-a:R-001',
      key: 'sale:store-a:R-001',
      attempt: 0,
      storeId: 'store-a',
      storeName: '静安店',
      receiptNo: 'R-001',
      staffId: 'o-cashier',
      staffName: '收银员',
      staffRole: 'cashier',
      memberId: shopperId,
      sessionId: 'session-1',
      amountFen: 5_000,
      couponInstanceId: null,
      couponTitle: null,
      couponDiscountFen: 0,
      pointsUsed: 0,
      pointsFen: 0,
      paidFen: 5_000,
      pointsEarned: 50,
      lines: [{ name: '拿铁', quantity: 2, amountFen: 5_000 }],
      day: '2026-01-01',
      status: 'recorded',
      progress: 'done',
      failure: null,
      leaseUntil: 0,
      createdAt: Date.now(),
      updatedAt: Date.now(),
      reversedAt: null,
      reversedBy: null,
      reverseReason: null,
    };
    putStored(cloud, 'store_sales', sale);

    const detail = data(await as<MemberDetail>('ops', 'getMemberDetail', { memberId: shopperId }));
    expect(detail.member).toMatchObject({ memberId: shopperId, nickname: '林小满', phone: '138****8000', status: 'active' });
    expect(detail.tier).toMatchObject({ id: 'normal', name: '普通会员', next: { id: 'silver' }, override: null });
    expect(detail.tiers.map((tier) => tier.id)).toEqual(['normal', 'silver', 'gold', 'diamond']);
    expect(detail.points).toMatchObject({ available: 1_000 + 5 - 800, pending: 128, negative: false });
    expect(detail.points.buckets).toEqual([expect.objectContaining({ points: 205 })]);
    expect(detail.points.pendingLots).toEqual([expect.objectContaining({ points: 128, entryId: `earn:order:${order.id}` })]);
    expect(detail.approvalThreshold).toBe(1_000);
    const { records } = detail;
    expect(records.ledger.items.map((row) => row.kind)).toEqual(expect.arrayContaining(['adjust', 'checkin', 'spend', 'earn']));
    expect(records.ledger.items.find((row) => row.kind === 'adjust')).toMatchObject({ reason: '积分调整：客服补偿', available: 1_000 });
    expect(records.ledger.items.find((row) => row.kind === 'spend')?.lots).toEqual([expect.objectContaining({ points: -800 })]);
    expect(records.orders.items).toEqual([
      expect.objectContaining({ id: order.id, status: 'paid', summary: '咖啡豆', payableFen: preview.breakdown.payableFen }),
    ]);
    expect(records.coupons.items.map((row) => row.status)).toContain('issued');
    expect(records.redemptions.items).toEqual([
      expect.objectContaining({ title: '品牌帆布袋', pointsCost: 800, status: 'awaitingPickup' }),
    ]);
    expect(records.checkIns.items).toEqual([expect.objectContaining({ points: 5, streak: 1 })]);
    expect(records.visits.items).toEqual([expect.objectContaining({ storeName: '静安店', receiptNo: 'R-001', paidFen: 5_000 })]);
    expect(detail.can).toEqual({
      adjustPoints: true,
      setTierOverride: true,
      setMemberBirthday: true,
      voidCoupon: true,
      decideApprovals: true,
    });
    expect(data(await as<MemberDetail>('ana', 'getMemberDetail', { memberId: shopperId })).can).toEqual({
      adjustPoints: false,
      setTierOverride: false,
      setMemberBirthday: false,
      voidCoupon: false,
      decideApprovals: false,
    });

    // The ledger pages on, newest first, without repeats.
    const first = data(
      await as<{ items: { id: string }[]; nextCursor: string | null }>('ops', 'listMemberRecords', {
        memberId: shopperId,
        kind: 'ledger',
        pageSize: 2,
      }),
    );
    const next = data(
      await as<{ items: { id: string }[]; nextCursor: string | null }>('ops', 'listMemberRecords', {
        memberId: shopperId,
        kind: 'ledger',
        pageSize: 10,
        cursor: first.nextCursor,
      }),
    );
    expect([...first.items, ...next.items].map((row) => row.id)).toEqual(records.ledger.items.map((row) => row.id));
    expect(codeOf(await as('ops', 'getMemberDetail', { memberId: 'nobody' }))).toBe('NOT_FOUND');
  });

  it('sends a large adjustment for approval: not by its asker, posted once however often approved, and audited', async () => {
    const request = { memberId: 'n1', points: 5_000, reason: '大额补偿', requestKey: 'ops-big-0001' };
    const asked = data(await as<AdjustmentResult>('ops', 'adjustPoints', request));
    if (asked.status !== 'pending') throw new Error('expected a pending approval');
    expect(asked).toMatchObject({ created: true, approval: { status: 'pending', points: 5_000, requestedBy: 'ops', mayDecide: false } });
    expect(docOf(cloud, 'members', 'n1').points.available).toBe(0);
    // Sent again (a retried submission): the same approval, nothing new.
    expect(data(await as<AdjustmentResult>('ops', 'adjustPoints', request))).toMatchObject({
      status: 'pending',
      created: false,
      approval: { id: asked.approval.id },
    });
    expect(codeOf(await as('ops', 'adjustPoints', { ...request, points: 6_000 }))).toBe('CONFLICT');

    const pending = data(await as<{ items: ApprovalView[] }>('admin', 'listApprovals', {}));
    expect(pending.items).toEqual([expect.objectContaining({ id: asked.approval.id, mayDecide: true, nickname: '林小雨' })]);
    expect(data(await as<{ items: ApprovalView[] }>('ops', 'listApprovals', {})).items[0]?.mayDecide).toBe(false);
    expect(data(await as<MemberDetail>('ops', 'getMemberDetail', { memberId: 'n1' })).records.approvals.items).toEqual([
      expect.objectContaining({ id: asked.approval.id, status: 'pending' }),
    ]);

    expect(codeOf(await as('ops', 'approveAdjustment', { approvalId: asked.approval.id }))).toBe('FORBIDDEN');
    expect(codeOf(await as('help', 'approveAdjustment', { approvalId: asked.approval.id }))).toBe('FORBIDDEN');
    const approvals = await Promise.all([
      as<ApprovalView & { available: number }>('admin', 'approveAdjustment', { approvalId: asked.approval.id }),
      as<ApprovalView & { available: number }>('admin', 'approveAdjustment', { approvalId: asked.approval.id }),
      as<ApprovalView & { available: number }>('ops2', 'approveAdjustment', { approvalId: asked.approval.id }),
    ]);
    const answers = approvals.map(data);
    expect(answers.map((answer) => answer.status)).toEqual(['approved', 'approved', 'approved']);
    expect(new Set(answers.map((answer) => answer.entryId))).toEqual(new Set([asked.approval.id]));
    const posted = allStored(cloud, 'ledger_entries').filter((entry) => entry.memberId === 'n1');
    expect(posted).toEqual([
      expect.objectContaining({ _id: asked.approval.id, kind: 'adjust', available: 5_000, reason: '积分调整：大额补偿' }),
    ]);
    expect(docOf(cloud, 'members', 'n1').points.available).toBe(5_000);
    expect(docOf(cloud, 'approvals', asked.approval.id)).toMatchObject({ status: 'approved', entryId: asked.approval.id });
    expect(audits('requestAdjustment')).toEqual([
      expect.objectContaining({
        actor: expect.objectContaining({ id: 'ops', role: 'operator' }),
        before: { status: null, available: 0 },
        after: { status: 'pending', points: 5_000, reason: '大额补偿' },
      }),
    ]);
    const approved = audits('approveAdjustment');
    expect(approved).toHaveLength(1);
    expect(approved[0]).toMatchObject({
      memberId: 'n1',
      before: { status: 'pending', available: 0 },
      after: { status: 'approved', available: 5_000 },
    });
    expect(['admin', 'ops2']).toContain(approved[0]?.actor.id);
    expect(data(await as<{ items: ApprovalView[] }>('admin', 'listApprovals', {})).items).toEqual([]);
  });

  it('rejects an adjustment: nothing posted, and it can no longer be approved', async () => {
    const asked = data(
      await as<AdjustmentResult>('help', 'adjustPoints', {
        memberId: 'n1',
        points: -2_000,
        reason: '误发积分',
        requestKey: 'help-take-0001',
      }),
    );
    if (asked.status !== 'pending') throw new Error('expected a pending approval');
    expect(codeOf(await as('help', 'rejectAdjustment', { approvalId: asked.approval.id, note: '不同意' }))).toBe('FORBIDDEN');
    const rejected = data(await as<ApprovalView>('ops', 'rejectAdjustment', { approvalId: asked.approval.id, note: '核实后无需扣减' }));
    expect(rejected).toMatchObject({ status: 'rejected', decidedBy: 'ops', note: '核实后无需扣减' });
    expect(data(await as<ApprovalView>('ops', 'rejectAdjustment', { approvalId: asked.approval.id, note: '再次驳回' }))).toMatchObject({
      note: '核实后无需扣减',
    });
    expect(codeOf(await as('admin', 'approveAdjustment', { approvalId: asked.approval.id }))).toBe('INVALID_STATE');
    expect(docOf(cloud, 'members', 'n1').points.available).toBe(5_000);
    expect(allStored(cloud, 'ledger_entries').filter((entry) => entry.memberId === 'n1')).toHaveLength(1);
    expect(audits('rejectAdjustment')).toEqual([
      expect.objectContaining({
        actor: expect.objectContaining({ id: 'ops' }),
        before: { status: 'pending' },
        after: { status: 'rejected', note: '核实后无需扣减' },
      }),
    ]);
    expect(codeOf(await as('ops', 'adjustPoints', { memberId: 'n2', points: -2_000, reason: '扣减', requestKey: 'ops-take-0002' }))).toBe(
      'INSUFFICIENT_POINTS',
    );
  });

  it('posts a small adjustment at once, with its audit entry, once however often it is sent', async () => {
    const request = { memberId: 'n2', points: 300, reason: '活动奖励', requestKey: 'ops-small-001' };
    const [a, b] = await Promise.all([
      as<AdjustmentResult>('ops', 'adjustPoints', request),
      as<AdjustmentResult>('ops', 'adjustPoints', request),
    ]);
    expect([data(a), data(b)].map((result) => result.status)).toEqual(['posted', 'posted']);
    expect(docOf(cloud, 'members', 'n2').points.available).toBe(300);
    expect(audits('adjustPoints').filter((entry) => entry.memberId === 'n2')).toEqual([
      expect.objectContaining({
        actor: expect.objectContaining({ id: 'ops', kind: 'admin' }),
        before: { available: 0 },
        after: { available: 300, reason: '活动奖励' },
      }),
    ]);
  });

  it('sets a tier floor at once, which the review never drops below, and which ends into the tier the spend keeps', async () => {
    const now = Date.now();
    // Gold for over a year with no spend: the review would warn, then drop.
    seed('t1', '7000000001', { nickname: '金卡会员', tierId: 'gold', tierSince: now - 400 * DAY_MS, tierReviewAt: now - DAY_MS });
    const until = now + 30 * DAY_MS;
    const request = { memberId: 't1', tierId: 'gold', kind: 'floor', until, reason: '大客户保级', requestKey: 'ops-floor-001' };
    const tier = data(await as<MemberDetail['tier']>('ops', 'setTierOverride', request));
    expect(tier).toMatchObject({
      id: 'gold',
      override: { tierId: 'gold', kind: 'floor', until, by: 'ops', tierName: '金卡会员' },
      downgradeAt: until,
    });
    expect(data(await as<MemberDetail['tier']>('ops', 'setTierOverride', request)).override?.at).toBe(tier.override?.at);
    expect(docOf(cloud, 'members', 't1')).toMatchObject({ tierId: 'gold', tierReviewAt: until, tierNotice: null });
    expect(audits('setTierOverride')).toEqual([
      expect.objectContaining({
        memberId: 't1',
        before: { tierId: 'gold', tierOverride: null },
        after: { tierId: 'gold', tierOverride: { tierId: 'gold', kind: 'floor', until }, reason: '大客户保级' },
      }),
    ]);

    // The review comes due while the floor holds: nothing drops, no notice, and it looks again when the floor ends.
    patchDoc(cloud, 'members', 't1', { tierReviewAt: now - DAY_MS });
    await sweep(cloud, 'job-review-tiers', now + 60_000);
    expect(docOf(cloud, 'members', 't1')).toMatchObject({ tierId: 'gold', tierReviewAt: until, tierNotice: null });
    // After the floor ends, the member goes to the tier their spend reaches.
    await sweep(cloud, 'job-review-tiers', until + DAY_MS);
    expect(docOf(cloud, 'members', 't1')).toMatchObject({ tierId: 'normal', tierOverride: null });

    // A fixed tier moves the member at once, with a history record of an admin's change.
    seed('t2', '7000000002', { nickname: '银卡会员' });
    const fixed = data(
      await as<MemberDetail['tier']>('admin', 'setTierOverride', {
        memberId: 't2',
        tierId: 'diamond',
        kind: 'fixed',
        until,
        reason: '合作伙伴',
        requestKey: 'own-fixed-001',
      }),
    );
    expect(fixed).toMatchObject({ id: 'diamond', name: '钻石会员', override: { kind: 'fixed' } });
    expect(allStored(cloud, 'tier_history').filter((change) => change.memberId === 't2')).toEqual([
      expect.objectContaining({ from: 'normal', to: 'diamond', reason: 'admin' }),
    ]);
    expect(data(await as<MemberDetail>('ops', 'getMemberDetail', { memberId: 't2' })).records.tierHistory.items).toEqual([
      expect.objectContaining({ fromName: '普通会员', toName: '钻石会员', reason: 'admin' }),
    ]);
    expect(codeOf(await as('ops', 'setTierOverride', { ...request, memberId: 't2', until: now - 1, requestKey: 'ops-past-0001' }))).toBe(
      'VALIDATION_FAILED',
    );
    expect(codeOf(await as('ana', 'setTierOverride', { ...request, requestKey: 'ana-floor-001' }))).toBe('FORBIDDEN');
  });

  it('corrects a birthday and voids a coupon, each audited once with before and after', async () => {
    const birthday = { memberId: shopperId, birthday: '1990-05-20', requestKey: 'help-bday-0001' };
    data(await as('help', 'setMemberBirthday', birthday));
    data(await as('help', 'setMemberBirthday', birthday));
    expect(docOf(cloud, 'members', shopperId)).toMatchObject({ birthday: '1990-05-20', birthdayMonthDay: 520 });
    expect(audits('setMemberBirthday')).toEqual([
      expect.objectContaining({
        actor: expect.objectContaining({ id: 'help', role: 'support' }),
        before: { birthday: null },
        after: { birthday: '1990-05-20' },
      }),
    ]);

    const couponId = giveCoupon(cloud, shopperId, 'desk-void-me', { kind: 'cash', thresholdFen: 5_900, amountFen: 1_000 });
    const voided = await Promise.all([
      as<{ status: string }>('ops', 'voidCoupon', { instanceId: couponId, reason: '发放错误' }),
      as<{ status: string }>('ops', 'voidCoupon', { instanceId: couponId, reason: '发放错误' }),
    ]);
    expect(voided.map((envelope) => data(envelope).status)).toEqual(['voided', 'voided']);
    expect(audits('voidCoupon')).toEqual([
      expect.objectContaining({
        memberId: shopperId,
        target: { type: 'coupon', id: couponId },
        before: { status: 'issued' },
        after: { status: 'voided', reason: '发放错误' },
      }),
    ]);
  });
});
