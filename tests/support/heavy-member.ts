import { planCredit } from '~/core/points/ledger-plans';
import { DEFAULT_PROGRAMME } from '~/core/tiers/default-programme';
import type { ProductDoc } from '~/types/catalog';
import type { MemberDoc } from '~/types/documents';
import type { OrderDoc, OrderLine, OrderStatus } from '~/types/orders';
import type { LedgerEntryDoc, PointLotDoc } from '~/types/points';

const HOUR = 3_600_000;

/** A long-time member as the UI stress pass and the weapp long-list tests seed it, straight into the local cloud's store. */
export interface HeavyMember {
  member: MemberDoc;
  entries: LedgerEntryDoc[];
  lots: PointLotDoc[];
  orders: OrderDoc[];
}

/**
 * `count` daily check-ins of 5 points, one every 6 hours back from `now`, posted with the ledger's
 * own plan so the member's balance, the entries and the buckets agree, as the real check-in writes them.
 */
function checkIns(member: MemberDoc, count: number, now: number): Pick<HeavyMember, 'entries' | 'lots'> & { points: MemberDoc['points'] } {
  let points = member.points;
  const lots = new Map<string, PointLotDoc>();
  const entries: LedgerEntryDoc[] = [];
  for (let i = 0; i < count; i += 1) {
    const at = now - (count - i) * 6 * HOUR;
    const posting = planCredit(
      { memberId: member._id, points, lots, now: at },
      { kind: 'checkin', reason: '每日签到', ref: { type: 'checkin', id: `bench-${i}` }, details: { streak: (i % 7) + 1 } },
      5,
      DEFAULT_PROGRAMME.points.expiryMonths,
    );
    points = posting.points;
    for (const lot of posting.lots) lots.set(lot._id, lot);
    entries.push({ ...posting.entry, _id: `checkin:${member._id}:bench-${i}`, createdAt: at });
  }
  return { entries, lots: [...lots.values()], points };
}

/** The order statuses of the seeded history, in proportions a long-time shopper might have. */
function statusOf(i: number): OrderStatus {
  if (i % 11 === 0) return 'cancelled';
  if (i % 17 === 0) return 'paid';
  if (i % 13 === 0) return 'shipped';
  return 'completed';
}

/** Order `i` of the member: one to three demo products, placed every 12 hours back from `now`, delivered to one address. */
function orderOf(member: MemberDoc, products: ProductDoc[], i: number, now: number): OrderDoc {
  const createdAt = now - (i + 1) * 12 * HOUR;
  const status = statusOf(i);
  const lines: OrderLine[] = Array.from({ length: (i % 3) + 1 }, (_, n) => {
    const product = products[(i * 3 + n) % products.length] as ProductDoc;
    const sku = product.skus[0] as ProductDoc['skus'][number];
    const quantity = (n % 2) + 1;
    const listFen = sku.priceFen * quantity;
    return {
      lineId: `L${n + 1}`,
      productId: product._id,
      skuId: sku.skuId,
      title: product.title,
      specText: '',
      imageUrl: product.images[0] ?? '',
      unitPriceFen: sku.priceFen,
      quantity,
      listFen,
      memberFen: listFen,
      couponFen: 0,
      pointsFen: 0,
      pointsUsed: 0,
      paidFen: listFen,
      refundId: null,
    };
  });
  const total = lines.reduce((sum, line) => sum + line.paidFen, 0);
  const paid = status !== 'cancelled';
  const paidAt = paid ? createdAt + 2 * 60_000 : null;
  const shippedAt = status === 'shipped' || status === 'completed' ? createdAt + 20 * HOUR : null;
  const completedAt = status === 'completed' ? createdAt + 60 * HOUR : null;
  const timeline: OrderDoc['timeline'] = [{ status: 'pendingPayment', at: createdAt, note: '订单已提交，等待付款' }];
  if (paidAt) timeline.push({ status: 'paid', at: paidAt, note: '支付成功，等待发货' });
  if (shippedAt) timeline.push({ status: 'shipped', at: shippedAt, note: '商家已发货' });
  if (completedAt) timeline.push({ status: 'completed', at: completedAt, note: '已确认收货' });
  if (!paid) timeline.push({ status: 'cancelled', at: createdAt + 30 * 60_000, note: '超时未支付，订单已取消' });
  return {
    _id: `obench${member._id.replace(/[^A-Za-z0-9]/g, '').slice(0, 12)}${String(i).padStart(4, '0')}`,
    orderNo: `9${String(createdAt).slice(-9)}${String(i).padStart(6, '0')}`,
    memberId: member._id,
    status,
    progress: 'pointsHeld',
    failure: null,
    leaseUntil: createdAt,
    lines,
    listFen: total,
    memberDiscountFen: 0,
    goodsSubtotalFen: total,
    couponDiscountFen: 0,
    pointsUsed: 0,
    pointsDiscountFen: 0,
    shippingFeeFen: 0,
    shippingDiscountFen: 0,
    payableFen: total,
    pointsToEarn: Math.floor(total / 100),
    couponIds: [],
    delivery: {
      mode: 'delivery',
      address: { name: '林小满', phone: '13800138000', region: '上海市 静安区', detail: '南京西路 1 号' },
      trackingNo: shippedAt ? `SF${String(1_000_000_000 + i)}` : null,
    },
    note: '',
    payDeadline: createdAt + 30 * 60_000,
    paymentStartedAt: paidAt,
    transactionId: paidAt ? `4200bench${i}` : null,
    paidAt,
    shippedAt,
    completedAt,
    cancelledAt: paid ? null : createdAt + 30 * 60_000,
    cancelReason: paid ? null : '超时未支付',
    refundedFen: 0,
    refundedPoints: 0,
    stockHeld: true,
    stockReturned: paid ? [] : lines.map((line) => line.lineId),
    holdsReturned: !paid,
    hasRefund: false,
    timeline,
    createdAt,
    updatedAt: completedAt ?? shippedAt ?? paidAt ?? createdAt,
  };
}

/** A long-time member's history: `entries` check-ins in the points ledger and `orders` orders of demo products. */
export function heavyMember(
  member: MemberDoc,
  products: ProductDoc[],
  counts: { entries: number; orders: number },
  now: number,
): HeavyMember {
  const ledger = checkIns(member, counts.entries, now);
  const onShelf = products.filter((product) => product.status === 'onShelf');
  return {
    member: { ...member, points: ledger.points, updatedAt: now },
    entries: ledger.entries,
    lots: ledger.lots,
    orders: Array.from({ length: counts.orders }, (_, i) => orderOf(member, onShelf, i, now)),
  };
}
