import { MINUTE_MS } from '~/core/calendar/durations';
import type { CatalogResponses, ProductCard } from '~/types/functions/catalog';
import type { OrderBreakdown, OrderView, RefundView } from '~/types/functions/orders';

/** A product as lists show it, for component tests. */
export function productCard(overrides: Partial<ProductCard> = {}): ProductCard {
  return {
    id: 'coffee-beans',
    title: '云南小粒咖啡豆',
    subtitle: '中深烘焙 · 500g',
    imageUrl: '/media/products/coffee-beans.svg',
    minPriceFen: 12_800,
    memberMinPriceFen: 12_544,
    priceVaries: true,
    soldOut: false,
    salesCount: 12_345,
    ...overrides,
  };
}

/** The home page's catalogue answer: one banner, two categories, one recommended product. */
export function catalogHome(): CatalogResponses['home'] {
  return {
    banners: [{ id: 'coffee-festival', imageUrl: '/media/banners/coffee-festival.svg', title: '秋日咖啡节', productId: 'coffee-beans' }],
    categories: [
      { _id: 'coffee-tea', name: '咖啡茶饮', iconUrl: '/media/categories/coffee-tea.svg', sort: 10 },
      { _id: 'snacks', name: '零食糕点', iconUrl: '/media/categories/snacks.svg', sort: 20 },
    ],
    recommended: [productCard()],
  };
}

/** The numbers of the checkout journey test for a 银卡 member: coupon ¥20, 5,000 points, free delivery. */
export function breakdown(overrides: Partial<OrderBreakdown> = {}): OrderBreakdown {
  return {
    listFen: 24_590,
    memberDiscountFen: 452,
    goodsSubtotalFen: 24_138,
    couponDiscountFen: 2_000,
    pointsUsed: 5_000,
    pointsDiscountFen: 5_000,
    shippingFeeFen: 0,
    shippingDiscountFen: 0,
    payableFen: 17_138,
    pointsToEarn: 205,
    ...overrides,
  };
}

/** An order as its member sees it, for component tests; unpaid, delivered to an address. */
export function orderView(overrides: Partial<OrderView> = {}): OrderView {
  const createdAt = Date.UTC(2025, 10, 22, 2, 0);
  return {
    id: 'o1234567890ab',
    orderNo: '202511221000001234',
    status: 'pendingPayment',
    lines: [
      {
        lineId: 'L1',
        skuId: 'coffee-beans:1',
        productId: 'coffee-beans',
        title: '云南小粒咖啡豆',
        specText: '规格:500g',
        imageUrl: '/media/products/coffee-beans.svg',
        unitPriceFen: 12_800,
        memberUnitPriceFen: 12_544,
        quantity: 1,
        listFen: 12_800,
        memberFen: 12_544,
        couponFen: 1_039,
        pointsFen: 2_599,
        paidFen: 8_906,
        refundId: null,
      },
      {
        lineId: 'L2',
        skuId: 'ceramic-mug:1',
        productId: 'ceramic-mug',
        title: '手作陶瓷马克杯',
        specText: '',
        imageUrl: '/media/products/ceramic-mug.svg',
        unitPriceFen: 4_900,
        memberUnitPriceFen: 4_802,
        quantity: 2,
        listFen: 9_800,
        memberFen: 9_604,
        couponFen: 796,
        pointsFen: 1_989,
        paidFen: 6_819,
        refundId: null,
      },
    ],
    breakdown: breakdown(),
    couponIds: ['campaign:cash-20-off-200:m_01'],
    delivery: {
      mode: 'delivery',
      address: { name: '林小满', phone: '13800138000', region: '上海市 静安区', detail: '南京西路 1 号' },
      trackingNo: null,
    },
    note: '',
    payDeadline: createdAt + 30 * MINUTE_MS,
    paidAt: null,
    shippedAt: null,
    completedAt: null,
    cancelledAt: null,
    cancelReason: null,
    refundedFen: 0,
    timeline: [{ status: 'pendingPayment', at: createdAt, note: '订单已提交，等待付款' }],
    refunds: [],
    can: { pay: true, cancel: true, confirmReceipt: false, requestRefund: false },
    createdAt,
    ...overrides,
  };
}

/** A refund of the mugs (line L2) as its member sees it, for component tests; waiting for review. */
export function refundView(overrides: Partial<RefundView> = {}): RefundView {
  return {
    id: 'r1234567890ab',
    kind: 'refundOnly',
    refundNo: 'R2025112210000001',
    lineIds: ['L2'],
    reason: '不想要了',
    status: 'requested',
    amountFen: 6_819,
    pointsReturned: 1_989,
    pointsClawedBack: 0,
    couponPolicy: 'kept',
    reviewNote: null,
    requestedAt: Date.UTC(2025, 10, 22, 3, 0),
    reviewedAt: null,
    refundedAt: null,
    returnTo: null,
    returnShipment: null,
    returnReceivedAt: null,
    ...overrides,
  };
}
