import type { LocalCloud } from '../../local-cloud/local-cloud';
import { addMember, startUseCaseCloud } from '../../tests/support/use-cases';
import { DAY_MS } from '~/core/calendar/durations';
import type { RequestContext } from '../runtime/wx';
import { getMemberSummary } from './get-summary';

const NOW = Date.UTC(2026, 5, 10, 2);

describe('a member’s summary', () => {
  let cloud: LocalCloud;
  let ctx: (now: number, openid?: string) => RequestContext;

  beforeAll(async () => {
    ({ cloud, ctx } = await startUseCaseCloud());
  });
  afterAll(() => cloud?.stop());

  it('counts usable coupons, rewards to collect, orders by step and open refunds — the member’s own only', async () => {
    const me = addMember(cloud, 'sum-me', NOW - 30 * DAY_MS);
    const other = addMember(cloud, 'sum-other', NOW - 30 * DAY_MS);
    const put = (collection: string, id: string, fields: Record<string, unknown>) =>
      cloud.store.insert(collection, { _id: id, memberId: me._id, ...fields });
    put('coupon_instances', 'c-open', { status: 'issued', validTo: NOW + DAY_MS });
    put('coupon_instances', 'c-held', { status: 'locked', validTo: NOW + DAY_MS });
    put('coupon_instances', 'c-lapsed', { status: 'issued', validTo: NOW - 1 });
    put('coupon_instances', 'c-used', { status: 'used', validTo: NOW + DAY_MS });
    cloud.store.insert('coupon_instances', { _id: 'c-other', memberId: other._id, status: 'issued', validTo: NOW + DAY_MS });
    put('redemptions', 'r-wait', { status: 'awaitingPickup' });
    put('redemptions', 'r-done', { status: 'fulfilled' });
    for (const [id, status] of [
      ['o1', 'pendingPayment'],
      ['o2', 'paid'],
      ['o3', 'paid'],
      ['o4', 'shipped'],
      ['o5', 'completed'],
    ] as const) {
      put('orders', id, { status, orderNo: `no-${id}` });
    }
    put('refunds', 'f1', { status: 'requested' });
    put('refunds', 'f2', { status: 'awaitingReturn' });
    put('refunds', 'f3', { status: 'refunded' });

    expect(await getMemberSummary(ctx(NOW, me.openid), me.openid)).toMatchObject({
      profile: { memberId: me._id, memberNo: me.memberNo },
      counts: { coupons: 2, awaitingPickup: 1, orders: { pendingPayment: 1, paid: 2, shipped: 1, refunding: 2 } },
      staff: null,
    });
    expect((await getMemberSummary(ctx(NOW, other.openid), other.openid)).counts).toEqual({
      coupons: 1,
      awaitingPickup: 0,
      orders: { pendingPayment: 0, paid: 0, shipped: 0, refunding: 0 },
    });
  });

  it('names the store of bound, active staff', async () => {
    const me = addMember(cloud, 'sum-staff', NOW - DAY_MS);
    cloud.store.insert('staff', { _id: me.openid, storeId: 'store-a', status: 'active', role: 'cashier', memberId: me._id });
    expect((await getMemberSummary(ctx(NOW, me.openid), me.openid)).staff).toEqual({ storeId: 'store-a' });
    cloud.store.replace('staff', { _id: me.openid, storeId: 'store-a', status: 'disabled', role: 'cashier', memberId: me._id });
    expect((await getMemberSummary(ctx(NOW, me.openid), me.openid)).staff).toBeNull();
  });

  it('answers NOT_A_MEMBER to a guest', async () => {
    await expect(getMemberSummary(ctx(NOW, 'o-guest'), 'o-guest')).rejects.toMatchObject({ code: 'NOT_A_MEMBER' });
  });
});
