import type { CatalogueSku } from '~/core/catalog/cart-catalogue';
import { lookupSku } from '~/core/catalog/cart-catalogue';
import { specText } from '~/core/catalog/spec-text';
import { checkoutCoupons } from '~/core/orders/checkout-coupons';
import type { PricedOrder } from '~/core/pricing/price-order';
import { memberUnitPrice, priceOrder, redeemablePoints } from '~/core/pricing/price-order';
import type { CouponInstanceDoc } from '~/types/coupons';
import type { MemberDoc } from '~/types/documents';
import type { OrderPreview, PreviewLine } from '~/types/functions/orders';
import type { ShopSettings, StoreDoc } from '~/types/orders';
import type { ProgrammeSettings, TierDoc } from '~/types/programme';
import type { Fen, Points } from '~/types/units';
import { loadCartProducts } from '../catalog/load-cart-products';
import { loadProgramme, tierOf } from '../programme/load-programme';
import type { RequestContext } from '../runtime/wx';
import { loadShopSettings } from './shop-settings';
import { availableAt } from '~/core/points/expiry';
import { CodedError } from '~/core/coded-error';

export interface CheckoutInput {
  items: { skuId: string; quantity: number }[];
  couponIds: string[];
  pointsRequested: Points;
  /** A pickup preview may come before the store is chosen; placing always names one. */
  delivery: { mode: 'delivery' } | { mode: 'pickup'; storeId?: string };
}

export interface Checkout {
  now: number;
  member: MemberDoc;
  tier: TierDoc;
  programme: ProgrammeSettings;
  shop: ShopSettings;
  store: StoreDoc | null;
  lines: (PreviewLine & { item: CatalogueSku })[];
  coupons: CouponInstanceDoc[];
  selected: CouponInstanceDoc[];
  priced: PricedOrder;
}

const lineIdOf = (index: number) => `L${index + 1}`;

/**
 * Everything an order is priced from, read once: the cart's products and stock, the member's
 * tier, their usable coupons, the shop settings and the pickup store; then `priceOrder`. The
 * preview and the placement both come through here, so they always agree. Refuses a cart line
 * that cannot be bought (gone, off the shelf, short of stock) and a coupon that is not the
 * member's or cannot be used on this order, each with a clear message.
 */
export async function buildCheckout(
  ctx: RequestContext,
  member: MemberDoc,
  input: CheckoutInput,
  options: { couponPicker: boolean } = { couponPicker: true },
): Promise<Checkout> {
  const skuIds = input.items.map((item) => item.skuId);
  if (new Set(skuIds).size !== skuIds.length)
    throw new CodedError('VALIDATION_FAILED', 'items: each SKU may appear once', { field: 'items' });
  const _ = ctx.db.command;
  const [catalogue, { programme, tiers }, shop, coupons, store] = await Promise.all([
    loadCartProducts(ctx, skuIds),
    loadProgramme(ctx),
    loadShopSettings(ctx),
    // Placing an order without a coupon needs no coupon list (only the preview's picker does).
    !options.couponPicker && input.couponIds.length === 0
      ? Promise.resolve([] as CouponInstanceDoc[])
      : ctx.db
          .collection('coupon_instances')
          .find({ memberId: member._id, status: 'issued' }, { orderBy: [['validTo', 'asc']], limit: 100 }),
    input.delivery.mode === 'pickup' && input.delivery.storeId
      ? ctx.db.collection('stores').get(input.delivery.storeId)
      : Promise.resolve(null),
  ]);
  if (input.delivery.mode === 'pickup' && input.delivery.storeId && (!store || store.status !== 'open' || store.pickupEnabled === false)) {
    throw new CodedError('NOT_AVAILABLE', '所选门店暂不支持自提', { field: 'delivery.storeId' });
  }
  const tier = tierOf(tiers, member.tierId);
  const lines = input.items.map((item, index) => {
    const found = lookupSku(catalogue, item.skuId);
    if (!found.found) throw new CodedError('NOT_AVAILABLE', '购物车中有商品已失效，请返回购物车查看', { skuId: item.skuId });
    const { product, sku, stock } = found.item;
    if (product.status !== 'onShelf') throw new CodedError('NOT_AVAILABLE', `「${product.title}」已下架`, { skuId: item.skuId });
    if (stock < item.quantity) {
      throw new CodedError('OUT_OF_STOCK', stock === 0 ? `「${product.title}」已售罄` : `「${product.title}」库存不足，仅剩${stock}件`, {
        skuId: item.skuId,
        stock,
      });
    }
    const memberUnitPriceFen: Fen = product.memberPrice ? memberUnitPrice(sku.priceFen, tier.memberPricePercent) : sku.priceFen;
    return {
      lineId: lineIdOf(index),
      skuId: sku.skuId,
      productId: product._id,
      title: product.title,
      specText: specText(product.specs, sku.specValues),
      imageUrl: product.images[0] ?? '',
      unitPriceFen: sku.priceFen,
      memberUnitPriceFen,
      quantity: item.quantity,
      item: found.item,
    };
  });
  const usable = coupons.filter((coupon) => coupon.validFrom <= ctx.now && coupon.validTo >= ctx.now);
  const selected = input.couponIds.map((id) => {
    const coupon = usable.find((candidate) => candidate._id === id);
    if (!coupon) throw new CodedError('NOT_ELIGIBLE', '所选优惠券不可用（已使用、已过期或不属于您）', { couponId: id });
    return coupon;
  });
  const priced = priceOrder({
    lines: lines.map((line) => ({
      lineId: line.lineId,
      unitPriceFen: line.unitPriceFen,
      quantity: line.quantity,
      memberPrice: line.item.product.memberPrice,
    })),
    tier: {
      memberPricePercent: tier.memberPricePercent,
      pointsMultiplierPercent: tier.pointsMultiplierPercent,
      freeShippingThresholdFen: tier.freeShippingThresholdFen,
    },
    coupons: selected.map((coupon) => ({ id: coupon._id, terms: coupon.terms, stackingGroup: coupon.stackingGroup })),
    pointsRequested: input.pointsRequested,
    pointsAvailable: availableAt(member.points, ctx.now),
    points: programme.points,
    shipping: { mode: input.delivery.mode, feeFen: shop.shippingFeeFen, freeThresholdFen: shop.freeShippingThresholdFen },
  });
  const pricedLines = lines.map((line, index) => {
    const p = priced.lines[index] as PricedOrder['lines'][number];
    return { ...line, listFen: p.listFen, memberFen: p.memberFen, couponFen: p.couponFen, pointsFen: p.pointsFen, paidFen: p.paidFen };
  });
  return { now: ctx.now, member, tier, programme, shop, store, lines: pricedLines, coupons: usable, selected, priced };
}

/** The most points this order could take: the cap on goods after coupons, and the balance. */
function pointsCeiling(checkout: Checkout): { points: Points; fen: Fen } {
  const { priced, programme, member, now } = checkout;
  const balance = Math.max(0, availableAt(member.points, now));
  return redeemablePoints(priced.goodsSubtotalFen - priced.couponDiscountFen, balance, balance, programme.points);
}

/** The checkout page's view of a checkout: lines, breakdown, coupon picker and points toggle. */
export function toPreview(checkout: Checkout): OrderPreview {
  const { priced, tier, shop, programme } = checkout;
  const ceiling = pointsCeiling(checkout);
  return {
    lines: checkout.lines.map(({ item: _item, ...line }) => line),
    breakdown: breakdownOf(priced),
    coupons: checkoutCoupons(
      checkout.coupons,
      checkout.selected.map((coupon) => coupon._id),
      { goodsSubtotalFen: priced.goodsSubtotalFen, shippingFeeFen: priced.shippingFeeFen },
      checkout.now,
    ),
    points: {
      available: availableAt(checkout.member.points, checkout.now),
      usableMax: ceiling.points,
      usableMaxFen: ceiling.fen,
      pointsPerYuan: programme.points.pointsPerYuan,
      maxRedeemPercent: programme.points.maxRedeemPercent,
    },
    tier: { id: tier._id, name: tier.name, memberPricePercent: tier.memberPricePercent },
    shipping: {
      feeFen: shop.shippingFeeFen,
      freeThresholdFen: shop.freeShippingThresholdFen,
      tierFreeThresholdFen: tier.freeShippingThresholdFen,
    },
  };
}

/** The totals of a priced order, as orders and previews carry them. */
export function breakdownOf(priced: Omit<PricedOrder, 'lines' | 'coupons'>): OrderPreview['breakdown'] {
  return {
    listFen: priced.listFen,
    memberDiscountFen: priced.memberDiscountFen,
    goodsSubtotalFen: priced.goodsSubtotalFen,
    couponDiscountFen: priced.couponDiscountFen,
    pointsUsed: priced.pointsUsed,
    pointsDiscountFen: priced.pointsDiscountFen,
    shippingFeeFen: priced.shippingFeeFen,
    shippingDiscountFen: priced.shippingDiscountFen,
    payableFen: priced.payableFen,
    pointsToEarn: priced.pointsToEarn,
  };
}
