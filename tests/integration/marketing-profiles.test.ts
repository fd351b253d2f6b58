import { DAY_MS } from '~/core/calendar/durations';
import type { MemberProfileDoc } from '~/types/marketing';
import type { JobRunDoc } from '~/types/jobs';
import type { OrderDoc } from '~/types/orders';
import type { StoreSaleDoc } from '~/types/staff';
import type { JobsCloud } from './jobs-support';
import { read, seedMember, shanghai, startJobsCloud } from './jobs-support';
import { database } from '~/server/db/database';
import { getMemberProfile } from '~/server/marketing/get-member-profile';
import { putStored } from '../support/stored';
import { connectSdk } from '../support/sdk';

const NOW = shanghai(2026, 12, 7, 3);
const ago = (days: number) => NOW - days * DAY_MS;

/** A paid online order of `lines` (product id, paid fen, quantity), straight into the store. */
function order(on: JobsCloud, id: string, memberId: string, at: number, lines: [string, number, number][], refunded: string[] = []): void {
  const doc = {
    _id: id,
    orderNo: id,
    memberId,
    status: 'completed',
    paidAt: at,
    createdAt: at,
    updatedAt: at,
    lines: lines.map(([productId, paidFen, quantity], i) => ({
      lineId: `${id}-${i}`,
      productId,
      paidFen,
      quantity,
      refundId: refunded.includes(productId) ? `rf-${id}` : null,
    })),
  } as unknown as OrderDoc;
  putStored(on.cloud, 'orders', doc);
}

function sale(on: JobsCloud, id: string, memberId: string, storeId: string, at: number, paidFen: number, status = 'recorded'): void {
  putStored(on.cloud, 'store_sales', { _id: id, memberId, storeId, paidFen, createdAt: at, status } as unknown as StoreSaleDoc);
}

describe('job-refresh-profiles (through the built bundle)', () => {
  let on: JobsCloud;
  beforeAll(async () => {
    on = await startJobsCloud();
  });
  afterAll(() => on.stop());

  const sweep = async (at: number) => {
    const runs: JobRunDoc[] = [];
    for (let i = 0; i < 50; i += 1) {
      const answer = (await on.cloud.runTimer('job-refresh-profiles', at + i * 60_000)) as { ok: boolean; data: JobRunDoc | null };
      expect(answer.ok).toBe(true);
      if (!answer.data) break;
      runs.push(answer.data);
      if (answer.data.status === 'finished') break;
    }
    return runs;
  };
  const profile = (id: string) => read(on.cloud, 'member_profiles', id) as MemberProfileDoc;

  it("writes every member's profile: basic tags, consumption, RFM, interaction and stage, and keeps special tags on a rerun", async () => {
    const { cloud } = on;
    putStored(cloud, 'products', { _id: 'p-tea', categoryId: 'tea' } as never);
    putStored(cloud, 'products', { _id: 'p-cup', categoryId: 'cups' } as never);
    seedMember(cloud, 'm-a', ago(400), {
      gender: 'female',
      birthday: '1995-03-20',
      tierId: 'gold',
      checkIn: { lastDay: '2026-12-06', streak: 4 },
      consent: { marketing: true, updatedAt: null },
    });
    seedMember(cloud, 'm-b', ago(300), { consent: { marketing: false, updatedAt: null, personalised: false } as never });
    seedMember(cloud, 'm-c', ago(500), { lastPaidAt: ago(420) });
    seedMember(cloud, 'm-d', ago(10));
    // m-a: three online orders (one line of one refunded) and an in-store purchase; m-b: two in-store purchases 4 months ago, one reversed.
    order(on, 'o1', 'm-a', ago(2), [
      ['p-tea', 5000, 2],
      ['p-cup', 1000, 1],
    ]);
    order(
      on,
      'o2',
      'm-a',
      ago(20),
      [
        ['p-tea', 3000, 1],
        ['p-cup', 9000, 5],
      ],
      ['p-cup'],
    );
    order(on, 'o3', 'm-a', ago(200), [['p-cup', 2000, 1]]);
    order(on, 'o-old', 'm-c', ago(420), [['p-tea', 2000, 1]]);
    sale(on, 's1', 'm-a', 'store-1', ago(50), 4000);
    sale(on, 's2', 'm-b', 'store-2', ago(120), 8000);
    sale(on, 's3', 'm-b', 'store-2', ago(121), 9000, 'reversed');
    putStored(cloud, 'member_addresses', {
      _id: 'ad1',
      memberId: 'm-a',
      province: '浙江省',
      city: '杭州市',
      defaultAt: ago(30),
      createdAt: ago(30),
    } as never);
    for (const days of [1, 2, 40]) {
      putStored(cloud, 'ledger_entries', { _id: `checkin:m-a:${days}`, memberId: 'm-a', kind: 'checkin', createdAt: ago(days) } as never);
    }
    putStored(cloud, 'coupon_instances', { _id: 'c1', memberId: 'm-a', status: 'used', issuedAt: ago(60) } as never);
    putStored(cloud, 'coupon_instances', { _id: 'c2', memberId: 'm-a', status: 'issued', issuedAt: ago(60) } as never);
    putStored(cloud, 'share_visits', { _id: 'v1', sharerId: 'm-a', firstSeenAt: ago(3) } as never);

    const runs = await sweep(NOW);
    expect(runs.at(-1)).toMatchObject({ status: 'finished', failed: 0 });

    expect(profile('m-a')).toMatchObject({
      memberNo: expect.any(String),
      refreshedDay: '2026-12-07',
      gender: 'female',
      ageBand: '30-34',
      birthdayMonth: 3,
      province: '浙江省',
      city: '杭州市',
      tierId: 'gold',
      marketing: true,
      personalised: true,
      purchases: 4,
      spendFen: 5000 + 1000 + 3000 + 2000 + 4000,
      lastPurchaseAt: ago(2),
      spend30Fen: 9000,
      spend90Fen: 13000,
      onlineFen: 11000,
      storeFen: 4000,
      homeStoreId: 'store-1',
      preferredCategoryIds: ['tea', 'cups'],
      checkInStreak: 4,
      checkIns30: 2,
      couponUseRate: 50,
      shares: 1,
      stage: 'active',
      special: {},
    });
    expect(profile('m-b')).toMatchObject({
      purchases: 1,
      spendFen: 8000,
      marketing: false,
      personalised: false,
      stage: 'dormant',
      homeStoreId: 'store-2',
    });
    expect(profile('m-c')).toMatchObject({
      purchases: 0,
      spendFen: 0,
      rfm: { r: 0, f: 0, m: 0 },
      rfmCode: 0,
      stage: 'churned',
      lastPurchaseAt: ago(420),
    });
    expect(profile('m-d')).toMatchObject({ stage: 'new', rfmCode: 0, ageBand: null, province: null });
    // Two buyers: m-a is the more recent, more frequent and bigger spender; m-b sits at the bottom of each.
    expect(profile('m-a').rfm).toEqual({ r: 5, f: 5, m: 5 });
    expect(profile('m-a').rfmCode).toBe(555);
    expect(profile('m-b').rfm).toEqual({ r: 3, f: 3, m: 3 });

    // An admin's special tag survives the next day's refresh, which sees m-a's stage unchanged and m-d's join age.
    cloud.store.replace('member_profiles', { ...profile('m-a'), special: { skin: 'dry' } });
    const next = await sweep(NOW + DAY_MS);
    expect(next.at(-1)).toMatchObject({ status: 'finished', failed: 0 });
    expect(profile('m-a')).toMatchObject({ special: { skin: 'dry' }, refreshedDay: '2026-12-08', stage: 'active' });
    expect(profile('m-a').stageHistory).toEqual([{ stage: 'active', at: NOW }]);

    // The admin page's view of it: where m-a stands, category names, value by month; no phone or address.
    putStored(cloud, 'categories', { _id: 'tea', name: '茶叶', iconUrl: '', sort: 1 });
    connectSdk(cloud.tcbUrl);
    const view = await getMemberProfile({ now: NOW + DAY_MS, source: 'wx_trigger', db: database() }, { memberId: 'm-a' });
    expect(view).toMatchObject({
      activeMembers: 2,
      rfmShares: { r: [0, 0, 50, 0, 50], f: [0, 0, 50, 0, 50], m: [0, 0, 50, 0, 50] },
      preferredCategories: [
        { id: 'tea', name: '茶叶' },
        { id: 'cups', name: 'cups' },
      ],
    });
    expect(view.valueByMonth).toHaveLength(12);
    expect(view.valueByMonth.at(-1)).toEqual({ month: '2026-12', onlineFen: 6000, storeFen: 0 });
    expect(view.valueByMonth.find((row) => row.month === '2026-10')).toEqual({ month: '2026-10', onlineFen: 0, storeFen: 4000 });
    expect(JSON.stringify(view)).not.toMatch(/phone|detail/);
  }, 60_000);
});
