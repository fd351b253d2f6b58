import { DAY_MS } from '~/core/calendar/durations';
import { newCouponInstance } from '~/core/coupons/new-instance';
import type { ProductDoc, SkuStockDoc } from '~/types/catalog';
import type { CouponInstanceDoc, CouponTerms } from '~/types/coupons';

/** A one-SKU product on the shelf and its stock document, for tests and benchmarks with easy numbers. */
export function oneSkuProduct(
  id: string,
  fields: { title: string; priceFen: number; stock: number; memberPrice?: boolean; categoryId?: string },
  now: number,
): { product: ProductDoc; stock: SkuStockDoc } {
  const skuId = `${id}:1`;
  return {
    product: {
      _id: id,
      title: fields.title,
      subtitle: '',
      categoryId: fields.categoryId ?? 'test',
      images: [`/media/products/${id}.svg`],
      description: '',
      specs: [],
      skus: [{ skuId, specValues: [], priceFen: fields.priceFen }],
      minPriceFen: fields.priceFen,
      memberPrice: fields.memberPrice ?? true,
      status: 'onShelf',
      soldOut: fields.stock === 0,
      recommended: false,
      sort: 0,
      searchText: fields.title,
      salesCount: 0,
      createdAt: now,
      updatedAt: now,
    },
    stock: { _id: skuId, productId: id, stock: fields.stock, updatedAt: now },
  };
}

/** A campaign coupon for a member, valid from yesterday for 30 days. */
export function campaignCoupon(
  memberId: string,
  templateId: string,
  terms: CouponTerms,
  now: number,
  title = templateId,
): CouponInstanceDoc {
  return newCouponInstance(
    {
      issueKey: `campaign:${templateId}:${memberId}`,
      memberId,
      templateId,
      source: 'campaign',
      title,
      description: '',
      terms,
      stackingGroup: 'default',
      validFrom: now - DAY_MS,
      validTo: now + 30 * DAY_MS,
    },
    now,
  );
}
