import * as z from 'zod';
import { searchKeyword } from './search-keyword';
import type { BannerDoc, CategoryDoc, ProductDoc } from '../catalog';
import { skuId } from './catalog';

/** A product id chosen by the admin: a slug, so a retried create finds the product it made. */
export const adminProductId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,47}$/, 'must be 1–48 lower-case letters, digits or -');
const categoryId = z.string().regex(/^[a-z0-9-]{1,32}$/, 'must be a category id');
const specValue = z.string().trim().min(1).max(16);
/** Demo media served by the local cloud, an https address, or a cloud storage file id. */
const imageUrl = z
  .string()
  .max(300)
  .regex(/^(\/media\/[A-Za-z0-9_./-]+|https:\/\/\S+|cloud:\/\/\S+)$/, 'must be a /media/…, https://… or cloud://… address');

/** A category or banner id chosen by the admin: a slug, so a retried create finds what it made. */
const entryId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'must be 1–32 lower-case letters, digits or -');
const epochMs = z.number().int().min(0).max(8_640_000_000_000);

/** The largest picture the admin page may upload (after decoding). */
export const UPLOAD_IMAGE_MAX_BYTES = 2 * 1024 * 1024;

/** Where in cloud storage an uploaded picture goes, by what it is for. */
export const UPLOAD_IMAGE_FOLDERS = ['products', 'banners', 'categories'] as const;

/** A product as the admin page edits it. Prices in fen; the SKU ids are the server's to assign. */
export const productInput = z.strictObject({
  productId: adminProductId,
  title: z.string().trim().min(1).max(40),
  subtitle: z.string().trim().max(60).default(''),
  categoryId,
  images: z.array(imageUrl).min(1, 'a product needs at least one image').max(9),
  description: z.string().trim().max(2000).default(''),
  specs: z
    .array(z.strictObject({ name: z.string().trim().min(1).max(8), values: z.array(specValue).min(1).max(20) }))
    .max(3)
    .default([]),
  skus: z
    .array(
      z.strictObject({
        /** One value per spec axis, in the order of `specs`. */
        specValues: z.array(specValue).max(3),
        priceFen: z.number().int().min(1, 'must be at least 1 fen').max(100_000_000),
        /** Stock of a SKU the product did not sell before; existing SKUs keep theirs (see setStock). */
        initialStock: z.number().int().min(0).max(1_000_000).default(0),
      }),
    )
    .min(1, 'a product needs at least one SKU')
    .max(50),
  memberPrice: z.boolean().default(true),
  recommended: z.boolean().default(false),
  sort: z.number().int().min(0).max(1_000_000).default(100),
  /** Extra words keyword search should find the product by. */
  keywords: z.array(z.string().trim().min(1).max(16)).max(10).default([]),
});

export type ProductInput = z.output<typeof productInput>;

/** Payloads of the admin catalogue actions (without `action` and `token`). */
export const adminCatalogInputs = {
  listProducts: z.strictObject({
    status: z.enum(['all', 'onShelf', 'offShelf']).default('all'),
    categoryId: categoryId.optional(),
    keyword: searchKeyword(30).min(1).optional(),
    pageSize: z.number().int().min(1).max(20).default(20),
    cursor: z.string().max(400).optional(),
  }),
  /** `create` refuses an id that is taken by a different product; `update` needs the product to exist. New products start off the shelf. */
  saveProduct: productInput.extend({ mode: z.enum(['create', 'update']) }),
  setProductStatus: z.strictObject({ productId: adminProductId, status: z.enum(['onShelf', 'offShelf']) }),
  /** Sets one SKU's stock to an absolute number (a stocktake), not a change. */
  setStock: z.strictObject({ skuId, stock: z.number().int().min(0).max(1_000_000) }),
  /** Every category, in display order, for the product form and the list filter. */
  listCategories: z.strictObject({}),
  /** A category made or edited: `create` refuses an id taken by a different category; `update` needs it to exist. */
  saveCategory: z.strictObject({
    mode: z.enum(['create', 'update']),
    categoryId: entryId,
    name: z.string().trim().min(1).max(10),
    iconUrl: imageUrl,
    sort: z.number().int().min(0).max(1_000_000),
    hidden: z.boolean().default(false),
  }),
  /** Every banner, in display order, shown or not. */
  listBanners: z.strictObject({}),
  /** A home-page banner made or edited; it shows while active and inside its time window (either bound may be open). */
  saveBanner: z.strictObject({
    mode: z.enum(['create', 'update']),
    bannerId: entryId,
    title: z.string().trim().min(1).max(30),
    imageUrl,
    productId: adminProductId.nullable().default(null),
    sort: z.number().int().min(0).max(1_000_000),
    active: z.boolean(),
    startsAt: epochMs.nullable().default(null),
    endsAt: epochMs.nullable().default(null),
  }),
  /** A picture for a product, banner or category, base64 in the request; its bytes must be the PNG, JPEG or WebP it claims. */
  uploadImage: z.strictObject({
    folder: z.enum(UPLOAD_IMAGE_FOLDERS),
    contentType: z.enum(['image/png', 'image/jpeg', 'image/webp']),
    contentBase64: z
      .string()
      .min(1, 'the picture is empty')
      .max(Math.ceil(UPLOAD_IMAGE_MAX_BYTES / 3) * 4, 'the picture is larger than 2 MB')
      .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be base64'),
  }),
};

/** A product with the stock of each of its SKUs, as the admin page lists and edits it. */
export interface AdminProduct extends ProductDoc {
  stockBySku: Record<string, number>;
  /** Temporary URLs to show its cloud pictures at, by file id (`images` keeps the ids, which the form saves back). */
  displayUrls?: Record<string, string>;
}

export interface AdminCatalogResponses {
  listProducts: { items: AdminProduct[]; nextCursor: string | null };
  saveProduct: { product: AdminProduct; created: boolean };
  setProductStatus: AdminProduct;
  setStock: { skuId: string; productId: string; stock: number; soldOut: boolean };
  /** Every category (hidden ones too), with temporary URLs of their cloud icons by file id. */
  listCategories: { items: CategoryDoc[]; displayUrls?: Record<string, string> };
  saveCategory: { category: CategoryDoc; created: boolean };
  listBanners: { items: BannerDoc[]; displayUrls: Record<string, string> };
  saveBanner: { banner: BannerDoc; created: boolean };
  /** The stored picture's file id (what a product, banner or category keeps) and a temporary URL to show it at. */
  uploadImage: { fileId: string; url: string; bytes: number };
}
