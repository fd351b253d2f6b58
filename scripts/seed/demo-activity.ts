import { DAY_MS, HOUR_MS, MINUTE_MS } from '~/core/calendar/durations';
import { dayOf, startOfDay } from '~/core/calendar/shanghai';
import { newCouponInstance } from '~/core/coupons/new-instance';
import { planCredit } from '~/core/points/ledger-plans';
import { DEFAULT_PROGRAMME, ENTRY_TIER_ID } from '~/core/tiers/default-programme';
import type { ProductDoc } from '~/types/catalog';
import type { CouponInstanceDoc, CouponTemplateDoc } from '~/types/coupons';
import type { MemberDoc, TierChangeDoc } from '~/types/documents';
import type { OrderDoc, StoreDoc } from '~/types/orders';
import type { LedgerEntryDoc, PointLotDoc } from '~/types/points';
import type { StoreSaleDoc } from '~/types/staff';

/** Days of shopping the demo shows on the dashboard, up to yesterday. */
const DAYS = 30;

/** The documents of the demo's last month of shopping. */
export interface DemoActivity {
  orders: OrderDoc[];
  sales: StoreSaleDoc[];
  coupons: CouponInstanceDoc[];
  tierChanges: TierChangeDoc[];
  /** Daily check-ins, posted as the check-in function posts them. */
  entries: LedgerEntryDoc[];
  /** Every point lot, the migrated ones as the check-ins left them. */
  lots: PointLotDoc[];
  /** Members with `lastPaidAt` set by their purchases and their points and check-in streaks as the check-ins left them. */
  members: MemberDoc[];
}

/** A small deterministic generator, so every fresh start shows the same month. */
function sequence(seed: number) {
  let state = seed;
  return (below: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    // The low bits of this generator repeat with a short period: take the high ones.
    return Math.floor(state / 65_536) % below;
  };
}

function demoOrder(
  member: MemberDoc,
  product: ProductDoc,
  n: number,
  paidAt: number,
  coupon: CouponInstanceDoc | null,
  now: number,
): OrderDoc {
  const sku = product.skus[0];
  const quantity = 1 + (n % 3);
  const listFen = (sku?.priceFen ?? 3_900) * quantity;
  const couponFen = coupon?.terms.kind === 'cash' && listFen >= coupon.terms.thresholdFen ? coupon.terms.amountFen : 0;
  const paidFen = listFen - couponFen;
  const shippingFeeFen = listFen >= 9_900 ? 0 : 800;
  const delivered = now - paidAt > 7 * DAY_MS;
  const createdAt = paidAt - 2 * MINUTE_MS;
  const orderNo = `${dayOf(paidAt).replace(/-/g, '')}9${String(n).padStart(7, '0')}`;
  return {
    _id: `odemo${String(n).padStart(6, '0')}`,
    orderNo,
    memberId: member._id,
    status: delivered ? 'completed' : 'paid',
    progress: 'pointsHeld',
    failure: null,
    leaseUntil: 0,
    lines: [
      {
        lineId: 'L1',
        productId: product._id,
        skuId: sku?.skuId ?? `${product._id}:1`,
        title: product.title,
        specText: sku?.specValues.join(' / ') ?? '',
        imageUrl: product.images[0] ?? '',
        unitPriceFen: sku?.priceFen ?? 3_900,
        quantity,
        listFen,
        memberFen: listFen,
        couponFen,
        pointsFen: 0,
        pointsUsed: 0,
        paidFen,
        refundId: null,
      },
    ],
    listFen,
    memberDiscountFen: 0,
    goodsSubtotalFen: listFen,
    couponDiscountFen: couponFen,
    pointsUsed: 0,
    pointsDiscountFen: 0,
    shippingFeeFen,
    shippingDiscountFen: 0,
    payableFen: paidFen + shippingFeeFen,
    pointsToEarn: Math.floor(paidFen / 100),
    couponIds: coupon && couponFen > 0 ? [coupon._id] : [],
    delivery: {
      mode: 'delivery',
      address: { name: member.nickname, phone: '13800000000', region: '上海市 静安区', detail: '南京西路 1 号' },
      trackingNo: delivered ? `SF${orderNo}` : null,
      carrier: delivered ? '顺丰速运' : null,
    },
    note: '',
    payDeadline: createdAt + 30 * MINUTE_MS,
    paymentStartedAt: createdAt + MINUTE_MS,
    transactionId: `demo-tx-${n}`,
    paidAt,
    shippedAt: delivered ? paidAt + DAY_MS : null,
    completedAt: delivered ? paidAt + 4 * DAY_MS : null,
    cancelledAt: null,
    cancelReason: null,
    refundedFen: 0,
    refundedPoints: 0,
    stockHeld: true,
    stockReturned: [],
    holdsReturned: false,
    hasRefund: false,
    timeline: [
      { status: 'pendingPayment', at: createdAt, note: '订单已提交，等待付款' },
      { status: 'paid', at: paidAt, note: '支付成功，等待发货' },
      ...(delivered
        ? [
            { status: 'shipped' as const, at: paidAt + DAY_MS, note: '已发货' },
            { status: 'completed' as const, at: paidAt + 4 * DAY_MS, note: '已确认收货' },
          ]
        : []),
    ],
    createdAt,
    updatedAt: delivered ? paidAt + 4 * DAY_MS : paidAt,
  };
}

function demoSale(member: MemberDoc, store: StoreDoc, n: number, at: number): StoreSaleDoc {
  const id = `sale:${store._id}:DEMO${String(n).padStart(5, '0')}`;
  const amountFen = 2_800 + (n % 5) * 1_500;
  return {
    _id: id,
    key: id,
    attempt: 0,
    storeId: store._id,
    storeName: store.name,
    receiptNo: `DEMO${String(n).padStart(5, '0')}`,
    staffId: 'odemo-cashier',
    staffName: '店员小王',
    staffRole: 'cashier',
    memberId: member._id,
    sessionId: `demo-session-${n}`,
    amountFen,
    couponInstanceId: null,
    couponTitle: null,
    couponDiscountFen: 0,
    pointsUsed: 0,
    pointsFen: 0,
    paidFen: amountFen,
    pointsEarned: 0,
    lines: [{ name: '门店消费', quantity: 1, amountFen }],
    day: dayOf(at),
    status: 'recorded',
    progress: 'done',
    failure: null,
    leaseUntil: 0,
    createdAt: at,
    updatedAt: at,
    reversedAt: null,
    reversedBy: null,
    reverseReason: null,
  };
}

/**
 * A month of shopping by the demo members, up to yesterday, for the dashboard to show: online
 * orders (some with a coupon), in-store purchases, coupons handed out, and the history of the
 * tiers the migrated members came with, and daily check-ins. Orders earn no points here (their
 * points would still be pending): the books are the migrated balances and the check-ins.
 */
export function demoActivity(
  now: number,
  input: { members: MemberDoc[]; lots: PointLotDoc[]; products: ProductDoc[]; stores: StoreDoc[]; templates: CouponTemplateDoc[] },
): DemoActivity {
  const next = sequence(20_261_207);
  const members = input.members.map((member) => ({ ...member }));
  const lots = new Map(input.lots.map((lot) => [lot._id, { ...lot }]));
  const activity: DemoActivity = { orders: [], sales: [], coupons: [], tierChanges: [], entries: [], lots: [], members };
  const checkIn = (member: MemberDoc, at: number) => {
    const day = dayOf(at);
    if (member.checkIn.lastDay === day) return;
    const mine = new Map([...lots].filter(([, lot]) => lot.memberId === member._id));
    const posting = planCredit(
      { memberId: member._id, points: member.points, lots: mine, now: at },
      { kind: 'checkin', reason: '每日签到', ref: { type: 'checkin', id: day } },
      DEFAULT_PROGRAMME.checkIn.dailyPoints,
      DEFAULT_PROGRAMME.points.expiryMonths,
    );
    // A member with points expired since their last posting would need expiry entries too: they skip the day.
    if (posting.expiries.length > 0) return;
    activity.entries.push({ ...posting.entry, _id: `checkin:${member._id}:${day}`, createdAt: at });
    for (const lot of posting.lots) lots.set(lot._id, lot);
    member.points = posting.points;
    member.checkIn = { lastDay: day, streak: 1 };
  };
  for (const member of members) {
    if (member.tierId !== ENTRY_TIER_ID) {
      activity.tierChanges.push({
        _id: `tier:${member._id}:${member.tierId}:${member.joinedAt}`,
        memberId: member._id,
        from: ENTRY_TIER_ID,
        to: member.tierId,
        reason: 'admin',
        spendFen: 0,
        at: member.joinedAt,
      });
    }
  }
  const today = dayOf(now);
  let orderNo = 0;
  let saleNo = 0;
  for (let back = DAYS; back >= 1; back -= 1) {
    const day = dayOf(now - back * DAY_MS);
    if (day === today) continue;
    const dayStart = startOfDay(day);
    const joined = members.filter((member) => member.joinedAt < dayStart);
    if (joined.length === 0) continue;
    // Shopping hours: from 08:00, `minutes` later (at most 15 hours, so within the day).
    const at = (minutes: number) => dayStart + 8 * HOUR_MS + Math.min(minutes, 899) * MINUTE_MS;
    const template = input.templates[next(Math.max(1, input.templates.length))];
    const counts = {
      coupons: template ? 1 + next(3) : 0,
      orders: 2 + next(5),
      sales: input.stores.length > 0 ? next(4) : 0,
      checkIns: 3 + next(6),
    };
    for (let i = 0; i < counts.checkIns; i += 1) checkIn(joined[next(joined.length)] as MemberDoc, at(next(900)));
    for (let i = 0; i < counts.coupons && template; i += 1) {
      const member = joined[next(joined.length)] as MemberDoc;
      const issuedAt = at(30 + next(600));
      activity.coupons.push(
        newCouponInstance(
          {
            issueKey: `demo:${template._id}:${member._id}:${back}:${i}`,
            memberId: member._id,
            templateId: template._id,
            source: 'campaign',
            title: template.title,
            description: template.description,
            terms: template.terms,
            stackingGroup: template.stackingGroup,
            validFrom: issuedAt,
            validTo: issuedAt + 30 * DAY_MS,
          },
          issuedAt,
        ),
      );
    }
    for (let i = 0; i < counts.orders; i += 1) {
      const member = joined[next(joined.length)] as MemberDoc;
      const product = input.products[next(input.products.length)] as ProductDoc;
      const paidAt = at(60 + next(700));
      const held = activity.coupons.find(
        (coupon) => coupon.memberId === member._id && coupon.status === 'issued' && coupon.issuedAt < paidAt,
      );
      orderNo += 1;
      const order = demoOrder(member, product, orderNo, paidAt, held ?? null, now);
      if (held && order.couponIds.length > 0)
        Object.assign(held, {
          status: 'used',
          usedBy: order._id,
          usedAt: paidAt,
          lockedBy: order._id,
          lockedAt: paidAt,
          updatedAt: paidAt,
        });
      activity.orders.push(order);
      member.lastPaidAt = Math.max(member.lastPaidAt ?? 0, paidAt);
    }
    for (let i = 0; i < counts.sales; i += 1) {
      const member = joined[next(joined.length)] as MemberDoc;
      saleNo += 1;
      activity.sales.push(demoSale(member, input.stores[next(input.stores.length)] as StoreDoc, saleNo, at(120 + next(480))));
    }
  }
  activity.lots = [...lots.values()];
  return activity;
}
