import { DEFAULT_SHOP_SETTINGS } from '~/core/orders/default-shop';
import { priceOrder } from '~/core/pricing/price-order';
import { DEFAULT_PROGRAMME, DEFAULT_TIERS, ENTRY_TIER_ID } from '~/core/tiers/default-programme';
import type { ProductDoc, SkuStockDoc } from '~/types/catalog';
import type { CouponInstanceDoc, CouponTerms } from '~/types/coupons';
import type { MemberDoc } from '~/types/documents';
import type { ShippingAddress } from '~/types/orders';
import type { PlaceInput } from '~/server/orders/place-order';
import { campaignCoupon, oneSkuProduct } from '../../tests/support/catalog-fixtures';
import { memberFixture } from './loyalty-fixtures';
import { DAY_MS } from '~/core/calendar/durations';

/** Stock of every benchmark SKU: more than any run can sell, so no order meets an empty shelf. */
export const SKU_STOCK = 10_000_000;
/** Products in the spread catalogue: a standard order takes three neighbours, so up to 100 orders in a row share no SKU. */
export const CATALOGUE_SIZE = 300;
/** The popular product every order of a "one hot SKU" run buys. */
export const HOT_PRODUCT = 'bench-hot';

/** Unit prices of the catalogue, in turn: any three of them bought 1 + 2 + 1 reach the coupon's ¥200 threshold. */
const PRICES = [12_800, 6_900, 9_900, 15_800, 7_900, 19_900];
/** The coupon each member holds: ¥20 off ¥200, as in the checkout journey. */
const COUPON_TERMS: CouponTerms = { kind: 'cash', thresholdFen: 20_000, amountFen: 2_000 };
const COUPON_TEMPLATE = 'bench-20-off-200';
const ADDRESS: ShippingAddress = { name: '林小满', phone: '13800138000', region: '上海市 静安区', detail: '南京西路 1 号' };

/** Every fourth order buys one line (points, no coupon); the others are standard orders. */
export const SINGLE_LINE_EVERY = 4;

/** How an order is made up: what its round-trip minimum depends on. */
export interface OrderShape {
  name: 'standard' | 'single';
  lines: number;
  coupons: number;
  usesPoints: boolean;
}

/** 3 lines (quantities 1, 2, 1), the member's ¥20-off-¥200 coupon and 5,000 points. */
export const STANDARD: OrderShape = { name: 'standard', lines: 3, coupons: 1, usesPoints: true };
/** 1 line (quantity 1) and 2,000 points, no coupon (one line stays under the coupon's threshold). */
export const SINGLE: OrderShape = { name: 'single', lines: 1, coupons: 0, usesPoints: true };

const STANDARD_POINTS = 5_000;
const SINGLE_POINTS = 2_000;

const skuOf = (productId: string) => `${productId}:1`;
const catalogueProduct = (n: number) => `bench-p${String(n % CATALOGUE_SIZE).padStart(3, '0')}`;
const priceOf = (productId: string) =>
  productId === HOT_PRODUCT ? (PRICES[0] as number) : (PRICES[Number(productId.slice('bench-p'.length)) % PRICES.length] as number);

/** A one-SKU product on the shelf, with its stock document. */
function productFixture(id: string, now: number): { product: ProductDoc; stock: SkuStockDoc } {
  const title = id === HOT_PRODUCT ? '爆款咖啡豆' : `基准商品 ${id.slice('bench-p'.length)}`;
  return oneSkuProduct(id, { title, priceFen: priceOf(id), stock: SKU_STOCK, categoryId: 'bench' }, now - DAY_MS);
}

/** The member's coupon, issued yesterday and valid for 30 days, as a campaign would give it. */
function couponFixture(memberId: string, now: number): CouponInstanceDoc {
  return campaignCoupon(memberId, COUPON_TEMPLATE, COUPON_TERMS, now - DAY_MS, '满200减20');
}

/** The catalogue's documents: CATALOGUE_SIZE products and the hot one, each with SKU_STOCK units. */
export function catalogueDocs(now: number): { products: ProductDoc[]; sku_stock: SkuStockDoc[] } {
  const all = [...Array.from({ length: CATALOGUE_SIZE }, (_, n) => catalogueProduct(n)), HOT_PRODUCT].map((id) => productFixture(id, now));
  return { products: all.map(({ product }) => product), sku_stock: all.map(({ stock }) => stock) };
}

/** A seeded buyer: an entry-tier member with START_POINTS points in one open bucket and one usable coupon. */
export interface Buyer {
  member: MemberDoc;
  couponId: string;
}

/** The documents of buyers `<prefix>-0…`, card numbers from `firstSerial` on, as of `now`. */
export function buyerDocs(prefix: string, firstSerial: number, count: number, now: number) {
  const seeded = Array.from({ length: count }, (_, i) => memberFixture(`${prefix}-${i}`, firstSerial + i, 1, now));
  const coupons = seeded.map(({ member }) => couponFixture(member._id, now));
  return {
    buyers: seeded.map(({ member }, i): Buyer => ({ member, couponId: (coupons[i] as CouponInstanceDoc)._id })),
    docs: {
      members: seeded.map(({ member }) => member),
      point_lots: seeded.flatMap(({ lots }) => lots),
      ledger_entries: seeded.flatMap(({ entries }) => entries),
      coupon_instances: coupons,
    },
  };
}

/** Which products an order's lines buy: neighbours in the catalogue, or the hot product first. */
export type Mix = 'spread' | 'hot';

/** The shape of order `index` of a run. */
export const shapeOf = (index: number): OrderShape => (index % SINGLE_LINE_EVERY === SINGLE_LINE_EVERY - 1 ? SINGLE : STANDARD);

const ENTRY_TIER = DEFAULT_TIERS.find((tier) => tier._id === ENTRY_TIER_ID) ?? (DEFAULT_TIERS[0] as (typeof DEFAULT_TIERS)[number]);

/**
 * The placement request of order `index` of a run by `buyer`, in shape `shape`, priced here by
 * the same pure `priceOrder` the server uses (entry tier, default programme and shop settings,
 * which is what the benchmark's cloud holds), so `expectedPayableFen` is what the preview would say.
 */
export function placeInput(buyer: Buyer, shape: OrderShape, mix: Mix, index: number): PlaceInput {
  const quantities = shape.lines === 1 ? [1] : [1, 2, 1];
  const products = quantities.map((_, line) => (mix === 'hot' && line === 0 ? HOT_PRODUCT : catalogueProduct(3 * index + line)));
  const items = products.map((productId, line) => ({ skuId: skuOf(productId), quantity: quantities[line] as number }));
  const couponIds = shape.coupons > 0 ? [buyer.couponId] : [];
  const pointsRequested = shape.usesPoints ? (shape.lines === 1 ? SINGLE_POINTS : STANDARD_POINTS) : 0;
  const priced = priceOrder({
    lines: items.map((item, line) => ({
      lineId: `L${line + 1}`,
      unitPriceFen: priceOf(products[line] as string),
      quantity: item.quantity,
      memberPrice: true,
    })),
    tier: {
      memberPricePercent: ENTRY_TIER.memberPricePercent,
      pointsMultiplierPercent: ENTRY_TIER.pointsMultiplierPercent,
      freeShippingThresholdFen: ENTRY_TIER.freeShippingThresholdFen,
    },
    coupons: couponIds.map((id) => ({ id, terms: COUPON_TERMS, stackingGroup: 'default' })),
    pointsRequested,
    pointsAvailable: buyer.member.points.available,
    points: DEFAULT_PROGRAMME.points,
    shipping: {
      mode: 'delivery',
      feeFen: DEFAULT_SHOP_SETTINGS.shippingFeeFen,
      freeThresholdFen: DEFAULT_SHOP_SETTINGS.freeShippingThresholdFen,
    },
  });
  return {
    items,
    couponIds,
    pointsRequested,
    delivery: { mode: 'delivery', address: ADDRESS },
    expectedPayableFen: priced.payableFen,
    note: '',
    clientKey: `bench-order-${String(index).padStart(8, '0')}`,
  };
}
