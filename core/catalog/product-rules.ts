import type { ProductDoc, ProductSku } from '~/types/catalog';
import type { ProductInput } from '~/types/functions/admin-catalog';
import type { EpochMs } from '~/types/units';
import { productIdOfSku } from './cart-catalogue';
import { searchTextOf } from './search-text';

/** One problem with a product an admin is saving, naming the field. */
export interface ProductProblem {
  field: string;
  message: string;
}

const comboKey = (values: readonly string[]) => values.join('\u0001');

/**
 * What the schema cannot check on its own: spec names and values are distinct, every SKU has
 * one known value per spec axis, no two SKUs share a combination, and a product without specs
 * sells exactly one SKU.
 */
export function productProblems(input: Pick<ProductInput, 'specs' | 'skus'>): ProductProblem[] {
  const problems: ProductProblem[] = [];
  const names = new Set<string>();
  input.specs.forEach((spec, i) => {
    if (names.has(spec.name)) problems.push({ field: `specs.${i}.name`, message: `spec 「${spec.name}」 is listed twice` });
    names.add(spec.name);
    if (new Set(spec.values).size !== spec.values.length)
      problems.push({ field: `specs.${i}.values`, message: `spec 「${spec.name}」 repeats a value` });
  });
  if (input.specs.length === 0 && input.skus.length > 1) {
    problems.push({ field: 'skus', message: 'a product without specs sells exactly one SKU' });
  }
  const seen = new Set<string>();
  input.skus.forEach((sku, i) => {
    if (sku.specValues.length !== input.specs.length) {
      problems.push({
        field: `skus.${i}.specValues`,
        message: `needs ${input.specs.length} value(s), one per spec, in the order of specs`,
      });
      return;
    }
    sku.specValues.forEach((value, axis) => {
      const spec = input.specs[axis];
      if (spec && !spec.values.includes(value))
        problems.push({ field: `skus.${i}.specValues.${axis}`, message: `「${value}」 is not a value of spec 「${spec.name}」` });
    });
    const key = comboKey(sku.specValues);
    if (seen.has(key)) problems.push({ field: `skus.${i}.specValues`, message: 'another SKU has the same spec values' });
    seen.add(key);
  });
  return problems;
}

/** The number in a SKU id `<productId>:<n>`. */
const skuNumber = (skuId: string) => Number(skuId.slice(skuId.lastIndexOf(':') + 1));

/**
 * Assigns SKU ids: a combination the product already sells keeps its id (carts and orders
 * point at it), a new one gets the next number never used by this product, so an old cart
 * line can never come to mean a different combination.
 */
export function assignSkuIds(
  productId: string,
  skus: readonly { specValues: readonly string[]; priceFen: number }[],
  existing: readonly ProductSku[],
  usedSkuIds: readonly string[],
): ProductSku[] {
  const kept = new Map(existing.map((sku) => [comboKey(sku.specValues), sku.skuId]));
  const numbers = [...existing.map((sku) => sku.skuId), ...usedSkuIds].filter((id) => productIdOfSku(id) === productId).map(skuNumber);
  let next = Math.max(0, ...numbers) + 1;
  return skus.map((sku) => {
    const skuId = kept.get(comboKey(sku.specValues)) ?? `${productId}:${next++}`;
    return { skuId, specValues: [...sku.specValues], priceFen: sku.priceFen };
  });
}

/**
 * The stored product for a save: a new product starts off the shelf, not sold out until its
 * stock says so, with no sales; an update keeps the shelf state, sales and creation time.
 */
export function buildProductDoc(input: ProductInput, existing: ProductDoc | null, usedSkuIds: readonly string[], now: EpochMs): ProductDoc {
  const skus = assignSkuIds(input.productId, input.skus, existing?.skus ?? [], usedSkuIds);
  return {
    _id: input.productId,
    title: input.title,
    subtitle: input.subtitle,
    categoryId: input.categoryId,
    images: [...input.images],
    description: input.description,
    specs: input.specs.map((spec) => ({ name: spec.name, values: [...spec.values] })),
    skus,
    minPriceFen: Math.min(...skus.map((sku) => sku.priceFen)),
    memberPrice: input.memberPrice,
    status: existing?.status ?? 'offShelf',
    soldOut: existing?.soldOut ?? false,
    recommended: input.recommended,
    sort: input.sort,
    keywords: [...input.keywords],
    searchText: searchTextOf(input),
    salesCount: existing?.salesCount ?? 0,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  };
}

/** Whether two saves describe the same product (timestamps, shelf state, stock flags and sales aside): a retried create. */
export function sameProduct(a: ProductDoc, b: ProductDoc): boolean {
  const essence = (p: ProductDoc) =>
    JSON.stringify([
      p.title,
      p.subtitle,
      p.categoryId,
      p.images,
      p.description,
      p.specs,
      p.skus,
      p.memberPrice,
      p.recommended,
      p.sort,
      p.keywords ?? [],
    ]);
  return essence(a) === essence(b);
}
