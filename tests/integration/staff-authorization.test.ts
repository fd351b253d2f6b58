import type { LocalCloud } from '../../local-cloud/local-cloud';
import { newReward } from '~/core/rewards/new-reward';
import { STAFF_PERMISSIONS } from '~/core/access/staff-permissions';
import type { StaffAction } from '~/core/access/staff-permissions';
import { GatewayClient } from '../support/gateway';
import { startTestCloud } from '../support/local-cloud';
import { addStore, giveCoupon } from '../support/shop';
import { putStored } from '../support/stored';
import type { Envelope, TillClient } from '../support/till';
import { dataOf, tillPeople } from '../support/till';
import type { CollectionName } from '~/types/collections';

const PASSWORD = 'staff-matrix-password';
const ADMIN_ENV = { ADMIN_TOKEN_SECRET: 'm'.repeat(40), ADMIN_INITIAL_PASSWORD: PASSWORD };

type Caller = 'anonymous' | 'member' | 'cashier' | 'manager' | 'otherStoreCashier' | 'disabledStaff' | 'adminToken';
const CALLERS: Caller[] = ['anonymous', 'member', 'cashier', 'manager', 'otherStoreCashier', 'disabledStaff', 'adminToken'];

/** What each caller gets for each action: `ok`, or the refusal's code. */
const EXPECTED: Record<StaffAction, Record<Caller, string>> = {
  me: row({ member: 'NOT_STAFF' }),
  redeemInvite: row({ member: 'ok', cashier: 'CONFLICT', manager: 'CONFLICT', otherStoreCashier: 'CONFLICT' }),
  scan: row({}),
  memberCard: row({ otherStoreCashier: 'NOT_FOUND' }),
  listMemberTags: row({ otherStoreCashier: 'NOT_FOUND' }),
  setMemberTag: row({ otherStoreCashier: 'NOT_FOUND' }),
  quoteSale: row({ otherStoreCashier: 'NOT_FOUND' }),
  recordSale: row({ otherStoreCashier: 'NOT_FOUND' }),
  reverseSale: row({ cashier: 'FORBIDDEN', otherStoreCashier: 'FORBIDDEN' }),
  writeOffCoupon: row({ otherStoreCashier: 'NOT_FOUND' }),
  // A points-mall reward may be collected at any store.
  lookupPickup: row({}),
  handOverByCode: row({}),
  handOverRedemption: row({ otherStoreCashier: 'NOT_FOUND' }),
  summary: row({}),
};

/** A row of the matrix: the refusals every action shares, then the action's own. */
function row(own: Partial<Record<Caller, string>>): Record<Caller, string> {
  return {
    anonymous: 'UNAUTHENTICATED',
    member: 'NOT_STAFF',
    cashier: 'ok',
    manager: 'ok',
    otherStoreCashier: 'ok',
    disabledStaff: 'STAFF_DISABLED',
    // The admin page has no WeChat identity, and a token is no field of any staff action.
    adminToken: 'VALIDATION_FAILED',
    ...own,
  };
}

const WATCHED: CollectionName[] = [
  'staff',
  'till_sessions',
  'store_sales',
  'audit_log',
  'ledger_entries',
  'coupon_instances',
  'redemptions',
  'throttles',
  'member_profiles',
];

describe('who may call each staff action (one matrix through the built bundles)', () => {
  let cloud: LocalCloud;
  let people: Awaited<ReturnType<typeof tillPeople>>;
  let callers: Record<'cashier' | 'manager' | 'otherStoreCashier' | 'disabledStaff', TillClient>;
  let rewardNo = 0;
  let receiptNo = 0;

  beforeAll(async () => {
    cloud = await startTestCloud({ functionEnv: { admin: ADMIN_ENV } });
    addStore(cloud, 'store-a');
    addStore(cloud, 'store-b');
    putStored(cloud, 'tag_definitions', {
      _id: 'skin',
      name: '肤质',
      values: ['油性', '干性'],
      staffCanSet: true,
      counts: {},
      status: 'active',
      createdBy: 'admin',
      createdAt: 0,
      updatedAt: 0,
    });
    people = await tillPeople(cloud, PASSWORD);
    const disabled = await people.staff('store-a', 'cashier');
    dataOf((await people.admin<Envelope<unknown>>('setStaffStatus', { staffId: disabled.openid, status: 'disabled' })).body);
    callers = {
      cashier: await people.staff('store-a', 'cashier'),
      manager: await people.staff('store-a', 'manager'),
      otherStoreCashier: await people.staff('store-b', 'cashier'),
      disabledStaff: disabled,
    };
  }, 60_000);

  afterAll(() => cloud?.stop());

  it('is declared for every action', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(STAFF_PERMISSIONS).sort());
  });

  const cashier = () => callers.cashier;
  const counts = () => Object.fromEntries(WATCHED.map((c) => [c, cloud.store.count(c)]));

  /** A fresh member of store A's till with an open session (scanned by store A's cashier), points and a coupon. */
  async function session(): Promise<{ target: TillClient; sessionId: string; couponId: string }> {
    const target = await people.member();
    const sessionId = await target.memberCode();
    dataOf(await cashier().staff('scan', { code: sessionId }));
    const couponId = giveCoupon(cloud, target.memberId, `matrix-${target.memberId}`, { kind: 'cash', thresholdFen: 0, amountFen: 500 });
    return { target, sessionId, couponId };
  }

  /** A reward awaiting pickup, redeemed by a fresh member. */
  async function pickup(): Promise<{ target: TillClient; redemptionId: string; code: string }> {
    const target = await people.member();
    rewardNo += 1;
    const rewardId = `matrix-reward-${rewardNo}`;
    dataOf(
      (
        await people.admin<Envelope<unknown>>('adjustPoints', {
          memberId: target.memberId,
          points: 10,
          reason: '测试积分',
          requestKey: `matrix-${rewardNo}`,
        })
      ).body,
    );
    putStored(
      cloud,
      'rewards',
      newReward({ _id: rewardId, title: '帆布袋', description: '门店自提', category: '周边', pointsCost: 10, totalStock: 5 }, Date.now()),
    );
    const redemption = dataOf(
      (
        await target.client.call<Envelope<{ id: string; pickupCode: string }>>('rewards', {
          action: 'redeem',
          rewardId,
          clientKey: `matrix-${rewardNo}-key`,
        })
      ).body,
    );
    return { target, redemptionId: redemption.id, code: redemption.pickupCode };
  }

  /** The payload of one action, made fresh for each caller, so an allowed caller succeeds and a refused one would have. */
  const PAYLOADS: Record<StaffAction, () => Promise<Record<string, unknown>>> = {
    me: async () => ({}),
    redeemInvite: async () => ({ code: await people.invite('store-a', 'cashier') }),
    scan: async () => ({ code: await (await people.member()).memberCode() }),
    memberCard: async () => ({ sessionId: (await session()).sessionId }),
    listMemberTags: async () => ({ sessionId: (await session()).sessionId }),
    setMemberTag: async () => ({ sessionId: (await session()).sessionId, tagId: 'skin', value: '油性' }),
    quoteSale: async () => ({ sessionId: (await session()).sessionId, amountFen: 5_000 }),
    recordSale: async () => {
      receiptNo += 1;
      const { sessionId, couponId } = await session();
      return { sessionId, receiptNo: `M-${receiptNo}`, amountFen: 5_000, couponInstanceId: couponId };
    },
    reverseSale: async () => {
      receiptNo += 1;
      const { sessionId } = await session();
      const sale = dataOf(
        await cashier().staff<{ saleId: string }>('recordSale', { sessionId, receiptNo: `M-${receiptNo}`, amountFen: 5_000 }),
      );
      return { saleId: sale.saleId, reason: '顾客退货' };
    },
    writeOffCoupon: async () => {
      const { sessionId, couponId } = await session();
      return { sessionId, instanceId: couponId };
    },
    lookupPickup: async () => ({ code: (await pickup()).code }),
    handOverByCode: async () => ({ code: (await pickup()).code }),
    handOverRedemption: async () => {
      const { redemptionId, target } = await pickup();
      const sessionId = await target.memberCode();
      dataOf(await cashier().staff('scan', { code: sessionId }));
      return { sessionId, redemptionId };
    },
    summary: async () => ({}),
  };

  /** The client a caller calls from, made before the call is counted (a member joining writes its own documents). */
  async function clientOf(caller: Caller): Promise<(action: StaffAction, payload: Record<string, unknown>) => Promise<Envelope<unknown>>> {
    if (caller === 'member') {
      const member = await people.member();
      return (action, payload) => member.staff(action, payload);
    }
    if (caller === 'anonymous' || caller === 'adminToken') {
      const browser = new GatewayClient(cloud.url);
      const extra = caller === 'adminToken' ? { token: people.token } : {};
      return async (action, payload) => (await browser.call<Envelope<unknown>>('staff', { action, ...extra, ...payload })).body;
    }
    const staff = callers[caller];
    return (action, payload) => staff.staff(action, payload);
  }

  it.each(Object.keys(EXPECTED) as StaffAction[])(
    '%s',
    async (action) => {
      const outcomes: Record<string, string> = {};
      for (const caller of CALLERS) {
        const payload = await PAYLOADS[action]();
        const call = await clientOf(caller);
        const before = counts();
        const answer = await call(action, payload);
        outcomes[caller] = answer.ok ? 'ok' : answer.error.code;
        if (!answer.ok) expect({ caller, ...counts() }).toEqual({ caller, ...before });
      }
      expect(outcomes).toEqual(EXPECTED[action]);
    },
    60_000,
  );
});
