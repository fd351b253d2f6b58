import type { AdminCatalogResponses } from '~/types/functions/admin-catalog';
import type { CouponTemplateDoc } from '~/types/coupons';
import type { ProductDoc } from '~/types/catalog';
import { audited } from '../audit/audited';
import { saveProduct } from '../catalog/save-product';
import { setProductStatus } from '../catalog/set-product-status';
import { setStock } from '../catalog/set-stock';
import { createCouponTemplate } from '../coupons/create-coupon-template';
import { issueCampaignCoupons } from '../coupons/issue-campaign-coupons';
import { setCouponTemplateStatus } from '../coupons/set-coupon-template-status';
import type { RequestContext } from '../runtime/wx';
import type { TokenClaims } from './credentials';

/** The catalogue and coupon changes of the admin page, each with its audit entry (what changed, before and after). */

const priced = (product: Pick<ProductDoc, 'title' | 'status' | 'skus'>) => ({
  title: product.title,
  status: product.status,
  skus: product.skus.map((sku) => ({ skuId: sku.skuId, priceFen: sku.priceFen })),
});

/** createCouponTemplate, audited. */
export const createCouponTemplateAudited = (ctx: RequestContext, input: Parameters<typeof createCouponTemplate>[1], admin: TokenClaims) =>
  audited(
    ctx,
    admin,
    (template: CouponTemplateDoc) => ({ action: 'createCouponTemplate', target: { type: 'couponTemplate', id: template._id } }),
    () => createCouponTemplate(ctx, input),
    (template) => ({ title: template.title, terms: template.terms, totalStock: template.totalStock, channel: template.channel }),
  );

/** setCouponTemplateStatus, audited. */
export const setCouponTemplateStatusAudited = async (
  ctx: RequestContext,
  input: Parameters<typeof setCouponTemplateStatus>[1],
  admin: TokenClaims,
) => {
  const before = await ctx.db.collection('coupon_templates').get(input.templateId);
  return audited(
    ctx,
    admin,
    {
      action: 'setCouponTemplateStatus',
      target: { type: 'couponTemplate', id: input.templateId },
      before: { status: before?.status ?? null },
    },
    () => setCouponTemplateStatus(ctx, input),
    (template) => ({ status: template.status }),
  );
};

/** issueCampaignCoupons, audited. */
export const issueCampaignCouponsAudited = (ctx: RequestContext, input: Parameters<typeof issueCampaignCoupons>[1], admin: TokenClaims) =>
  audited(
    ctx,
    admin,
    { action: 'issueCampaignCoupons', target: { type: 'campaign', id: input.campaignId } },
    () => issueCampaignCoupons(ctx, input),
    (outcome) => ({
      templateId: input.templateId,
      members: input.memberIds.length,
      issued: outcome.issued,
      alreadyHad: outcome.alreadyHad,
    }),
  );

/** saveProduct, audited. */
export const saveProductAudited = async (ctx: RequestContext, input: Parameters<typeof saveProduct>[1], admin: TokenClaims) => {
  const before = await ctx.db.collection('products').get(input.productId);
  return audited(
    ctx,
    admin,
    { action: 'saveProduct', target: { type: 'product', id: input.productId }, before: before && priced(before) },
    () => saveProduct(ctx, input),
    ({ product, created }: AdminCatalogResponses['saveProduct']) => ({ created, ...priced(product) }),
  );
};

/** setProductStatus, audited. */
export const setProductStatusAudited = async (ctx: RequestContext, input: Parameters<typeof setProductStatus>[1], admin: TokenClaims) => {
  const before = await ctx.db.collection('products').get(input.productId);
  return audited(
    ctx,
    admin,
    { action: 'setProductStatus', target: { type: 'product', id: input.productId }, before: { status: before?.status ?? null } },
    () => setProductStatus(ctx, input),
    (product) => ({ status: product.status }),
  );
};

/** setStock, audited. */
export const setStockAudited = async (ctx: RequestContext, input: Parameters<typeof setStock>[1], admin: TokenClaims) => {
  const before = await ctx.db.collection('sku_stock').get(input.skuId);
  return audited(
    ctx,
    admin,
    { action: 'setStock', target: { type: 'sku', id: input.skuId }, before: { stock: before?.stock ?? null } },
    () => setStock(ctx, input),
    (result) => ({ stock: result.stock, soldOut: result.soldOut }),
  );
};
