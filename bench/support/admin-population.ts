import { DAY_MS } from '~/core/calendar/durations';
import { newCouponInstance } from '~/core/coupons/new-instance';
import { newMember } from '~/core/members/new-member';
import { phoneHash } from '~/core/members/phone-hash';
import type { ApprovalDoc } from '~/types/approvals';
import type { MemberDoc, TierChangeDoc } from '~/types/documents';
import type { OrderDoc } from '~/types/orders';
import type { LedgerEntryDoc } from '~/types/points';
import type { RedemptionDoc } from '~/types/rewards';
import type { StoreSaleDoc } from '~/types/staff';
import type { Doc } from '../../local-cloud/db/ejson';
import type { DocStore } from '../../local-cloud/db/store';
import { seededRandom } from './items';

/** When the seeded programme stands: 10:30 on 1 March 2027 in Shanghai. */
export const SEEDED_AT = Date.UTC(2027, 2, 1, 2, 30);

const SURNAMES = ['林', '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '罗'];
const GIVEN = ['小满', '小雨', '大山', '思远', '一诺', '子涵', '欣怡', '浩然', '雨桐', '梓萱', '俊杰', '诗涵', '宇轩', '可馨', '明轩'];
const LATIN = ['Coffee', 'Lucky', 'Momo', 'Sunny', 'Kiki', 'Leo', 'Nana', 'Tom'];

/** Member number `i`: ten digits, never starting with 0, spread over the whole range and unique (i × an odd prime-ish multiplier, modulo 9e9). */
export function benchMemberNo(i: number): string {
  return String(1_000_000_000 + ((i * 2_654_435_761) % 9_000_000_000));
}

/** The phone of member `i`: a mainland mobile number, unique per member. */
export function benchPhone(i: number): string {
  return String(13_000_000_000 + ((i * 7_919) % 1_000_000_000));
}

/** Whether member `i` gave a phone: seven in ten do. */
export const hasPhone = (i: number) => i % 10 < 7;

/** The member with `i`'s history, and the one a benchmark opens. */
export const busyMemberId = (i: number) => `bm${String(i).padStart(7, '0')}`;

/** What was seeded. */
export interface AdminPopulation {
  members: number;
  withPhone: number;
  history: Record<string, number>;
}

/**
 * Seeds `count` members straight into the store in one SQLite transaction: 70 % with a phone (hasPhone)
 * (and its lookup key under `secret`), nicknames as members choose them (a Chinese name, a
 * Latin one, or the default 会员 + the number's last four digits), tiers and points. Member 0
 * gets a long history (ledger, orders, coupons, redemptions, visits, tier changes, approvals),
 * what an admin opens on a regular.
 */
export function seedAdminPopulation(store: DocStore, count: number, secret: string, seed = 20_270_301): AdminPopulation {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
  const insert = (collection: string, doc: object) => store.insert(collection, doc as Doc);
  let withPhone = 0;
  store.atomically(() => {
    for (let i = 0; i < count; i += 1) {
      const memberNo = benchMemberNo(i);
      const joinedAt = SEEDED_AT - Math.floor(random() * 1_000 * DAY_MS);
      const roll = random();
      const nickname =
        roll < 0.3
          ? undefined
          : roll < 0.85
            ? `${pick(SURNAMES)}${pick(GIVEN)}${random() < 0.5 ? '' : String(Math.floor(random() * 100))}`
            : `${pick(LATIN)}${Math.floor(random() * 1_000)}`;
      const member: MemberDoc = newMember({ _id: busyMemberId(i), openid: `o-bm${i}`, memberNo, nickname, now: joinedAt });
      if (hasPhone(i)) {
        member.phone = benchPhone(i);
        member.phoneHash = phoneHash(member.phone, secret);
        withPhone += 1;
      }
      const points = Math.floor(random() * 3_000);
      member.points = {
        available: points,
        pending: 0,
        lifetimeEarned: points,
        buckets: points ? [{ id: `bucket:${member._id}:2027-03`, expiresAt: Date.UTC(2028, 2, 31, 15, 59, 59, 999), points }] : [],
      };
      member.tierId = pick(['normal', 'normal', 'normal', 'silver', 'gold']);
      insert('members', member);
    }
  });
  return { members: count, withPhone, history: store.atomically(() => seedHistory(store, busyMemberId(0), random)) };
}

/** A regular's history: hundreds of ledger entries, dozens of orders and coupons, redemptions, visits, tier changes and approvals. */
function seedHistory(store: DocStore, memberId: string, random: () => number): Record<string, number> {
  const insert = (collection: string, doc: object) => store.insert(collection, doc as Doc);
  const counts: Record<string, number> = {};
  const add = (collection: string, doc: object) => {
    insert(collection, doc);
    counts[collection] = (counts[collection] ?? 0) + 1;
  };
  const at = (i: number) => SEEDED_AT - i * 3_600_000 - Math.floor(random() * 3_600_000);
  for (let i = 0; i < 400; i += 1) {
    const entry: LedgerEntryDoc = {
      _id: i % 4 === 0 ? `checkin:${memberId}:d${String(i).padStart(4, '0')}` : `bench:${memberId}:${i}`,
      memberId,
      kind: i % 4 === 0 ? 'checkin' : i % 4 === 1 ? 'earn' : i % 4 === 2 ? 'spend' : 'adjust',
      available: i % 4 === 2 ? -100 : 50,
      pending: 0,
      reason: i % 4 === 0 ? '每日签到' : i % 4 === 1 ? '购物得积分' : i % 4 === 2 ? '积分兑换' : '积分调整：活动奖励',
      ref: { type: 'admin', id: 'admin' },
      lots: [{ lotId: `bucket:${memberId}:2027-03`, points: i % 4 === 2 ? -100 : 50 }],
      details: i % 4 === 0 ? { day: `2027-01-${String((i % 28) + 1).padStart(2, '0')}`, streak: 1, bonus: 0 } : {},
      balanceAfter: { available: 1_000, pending: 0 },
      createdAt: at(i),
    };
    add('ledger_entries', entry);
  }
  for (let i = 0; i < 60; i += 1) add('orders', benchOrder(memberId, i, at(i * 5)));
  for (let i = 0; i < 30; i += 1) {
    add(
      'coupon_instances',
      newCouponInstance(
        {
          issueKey: `bench:${memberId}:coupon:${i}`,
          memberId,
          templateId: 'welcome',
          source: 'campaign',
          title: '满59减10',
          description: '',
          terms: { kind: 'cash', thresholdFen: 5_900, amountFen: 1_000 },
          stackingGroup: 'default',
          validFrom: at(i * 10),
          validTo: at(i * 10) + 30 * DAY_MS,
        },
        at(i * 10),
      ),
    );
  }
  for (let i = 0; i < 15; i += 1) {
    const redemption: RedemptionDoc = {
      _id: `bench:${memberId}:redeem:${i}`,
      memberId,
      rewardId: 'reward-tote',
      title: '品牌帆布袋',
      kind: 'pickup',
      pointsCost: 800,
      cashFen: 0,
      status: 'fulfilled',
      progress: 'done',
      failure: null,
      pickupCode: null,
      couponInstanceId: null,
      leaseUntil: 0,
      createdAt: at(i * 20),
      updatedAt: at(i * 20),
      fulfilledAt: at(i * 20) + DAY_MS,
      cancelledAt: null,
    };
    add('redemptions', redemption);
  }
  for (let i = 0; i < 25; i += 1) add('store_sales', benchSale(memberId, i, at(i * 12)));
  for (let i = 0; i < 4; i += 1) {
    const change: TierChangeDoc = {
      _id: `tier:${memberId}:bench:${i}`,
      memberId,
      from: 'normal',
      to: 'silver',
      reason: 'upgrade',
      spendFen: 100_000,
      at: at(i * 100),
    };
    add('tier_history', change);
  }
  for (let i = 0; i < 3; i += 1) {
    const approval: ApprovalDoc = {
      _id: `adjust:${memberId}:bench-approval-${i}`,
      kind: 'pointsAdjustment',
      memberId,
      memberNo: benchMemberNo(0),
      nickname: '会员',
      points: 5_000,
      reason: '大额补偿',
      status: i === 0 ? 'pending' : 'approved',
      requestedBy: 'ops',
      requestedByRole: 'operator',
      requestedAt: at(i * 50),
      decidedBy: i === 0 ? null : 'admin',
      decidedByRole: i === 0 ? null : 'owner',
      decidedAt: i === 0 ? null : at(i * 50) + 3_600_000,
      note: null,
      entryId: null,
      updatedAt: at(i * 50),
    };
    add('approvals', approval);
  }
  return counts;
}

function benchOrder(memberId: string, i: number, createdAt: number): OrderDoc {
  const line = {
    lineId: 'L1',
    productId: 'bench-product',
    skuId: 'bench-product:1',
    title: '咖啡豆',
    specText: '',
    imageUrl: '',
    unitPriceFen: 12_800,
    quantity: 1,
    listFen: 12_800,
    memberFen: 12_800,
    couponFen: 0,
    pointsFen: 0,
    pointsUsed: 0,
    paidFen: 12_800,
    refundId: null,
  };
  return {
    _id: `obench${memberId}${String(i).padStart(6, '0')}`,
    orderNo: `B${memberId}${String(i).padStart(6, '0')}`,
    memberId,
    status: 'completed',
    progress: 'pointsHeld',
    failure: null,
    leaseUntil: 0,
    lines: [line, { ...line, lineId: 'L2', title: '马克杯' }],
    listFen: 25_600,
    memberDiscountFen: 0,
    goodsSubtotalFen: 25_600,
    couponDiscountFen: 0,
    pointsUsed: 0,
    pointsDiscountFen: 0,
    shippingFeeFen: 0,
    shippingDiscountFen: 0,
    payableFen: 25_600,
    pointsToEarn: 256,
    couponIds: [],
    delivery: {
      mode: 'delivery',
      address: { name: '林小满', phone: '13800138000', region: '上海市 静安区', detail: '南京西路 1 号' },
      trackingNo: 'SF123456',
    },
    note: '',
    payDeadline: createdAt + 30 * 60_000,
    paymentStartedAt: createdAt,
    transactionId: `wx-${i}`,
    paidAt: createdAt + 60_000,
    shippedAt: createdAt + DAY_MS,
    completedAt: createdAt + 3 * DAY_MS,
    cancelledAt: null,
    cancelReason: null,
    refundedFen: 0,
    refundedPoints: 0,
    stockHeld: true,
    stockReturned: [],
    holdsReturned: false,
    hasRefund: false,
    timeline: [],
    createdAt,
    updatedAt: createdAt,
  };
}

function benchSale(memberId: string, i: number, createdAt: number): StoreSaleDoc {
  const id = `sale:bench-store:R${String(i).padStart(5, '0')}`;
  return {
    _id: id,
    key: id,
    attempt: 0,
    storeId: 'bench-store',
    storeName: '静安店',
    receiptNo: `R${String(i).padStart(5, '0')}`,
    staffId: 'o-cashier',
    staffName: '收银员',
    staffRole: 'cashier',
    memberId,
    sessionId: `session-${i}`,
    amountFen: 5_000,
    couponInstanceId: null,
    couponTitle: null,
    couponDiscountFen: 0,
    pointsUsed: 0,
    pointsFen: 0,
    paidFen: 5_000,
    pointsEarned: 50,
    lines: [{ name: '拿铁', quantity: 2, amountFen: 5_000 }],
    day: '2027-02-01',
    status: 'recorded',
    progress: 'done',
    failure: null,
    leaseUntil: 0,
    createdAt,
    updatedAt: createdAt,
    reversedAt: null,
    reversedBy: null,
    reverseReason: null,
  };
}
