import type { SkuStockDoc } from '~/types/catalog';
import type { OrderDoc } from '~/types/orders';
import type { Doc } from '../../local-cloud/db/ejson';
import type { DocStore } from '../../local-cloud/db/store';
import { DAY_MS } from '~/core/calendar/durations';

const MINUTE = 60_000;
const SKU = 'bench-jobs-product:1';
/** Members with an unpaid order past its deadline at the tick: one in a thousand. */
export const UNPAID_SHARE = 0.001;

function order(i: number, status: OrderDoc['status'], createdAt: number, payDeadline: number): OrderDoc {
  const id = `obench${String(i).padStart(18, '0')}`;
  return {
    _id: id,
    orderNo: `B${String(i).padStart(17, '0')}`,
    memberId: `bench-member-${i}`,
    status,
    progress: 'pointsHeld',
    failure: null,
    leaseUntil: 0,
    lines: [
      {
        lineId: 'L1',
        productId: 'bench-jobs-product',
        skuId: SKU,
        title: '基准商品',
        specText: '',
        imageUrl: '',
        unitPriceFen: 9_900,
        quantity: 1,
        listFen: 9_900,
        memberFen: 9_900,
        couponFen: 0,
        pointsFen: 0,
        pointsUsed: 0,
        paidFen: 9_900,
        refundId: null,
      },
    ],
    listFen: 9_900,
    memberDiscountFen: 0,
    goodsSubtotalFen: 9_900,
    couponDiscountFen: 0,
    pointsUsed: 0,
    pointsDiscountFen: 0,
    shippingFeeFen: 0,
    shippingDiscountFen: 0,
    payableFen: 9_900,
    pointsToEarn: 99,
    couponIds: [],
    delivery: { mode: 'pickup', storeId: 'bench', storeName: '基准门店', pickupCode: null },
    note: '',
    payDeadline,
    paymentStartedAt: null,
    transactionId: null,
    paidAt: status === 'completed' ? createdAt + MINUTE : null,
    shippedAt: null,
    completedAt: status === 'completed' ? createdAt + DAY_MS : null,
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

/**
 * One past order per member (completed within the last year) and, for one member in a
 * thousand, an unpaid order whose 30 minutes ran out before `at`, holding one unit of a SKU:
 * what the unpaid-order sweep finds on a busy day, among all the orders it must not read.
 */
export function seedOrders(store: DocStore, members: number, at: number): { orders: number; unpaid: number } {
  const unpaidEvery = Math.round(1 / UNPAID_SHARE);
  const holds: Record<string, number> = {};
  let unpaid = 0;
  store.atomically(() => {
    for (let i = 0; i < members; i += 1) {
      store.insert(
        'orders',
        order(i, 'completed', at - ((i % 365) + 2) * DAY_MS, at - ((i % 365) + 2) * DAY_MS + 30 * MINUTE) as unknown as Doc,
      );
      if (i % unpaidEvery === 0) {
        const placed = at - 35 * MINUTE - (i % 60) * MINUTE;
        const late = order(members + i, 'pendingPayment', placed, placed + 30 * MINUTE);
        store.insert('orders', late as unknown as Doc);
        holds[late._id] = 1;
        unpaid += 1;
      }
    }
    const stock: SkuStockDoc = { _id: SKU, productId: 'bench-jobs-product', stock: 1_000, holds, updatedAt: at };
    store.insert('sku_stock', stock as unknown as Doc);
  });
  return { orders: members + unpaid, unpaid };
}
