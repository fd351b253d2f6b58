import { yuanText } from '~/core/money/format';
import type { ProductSpec } from '~/types/catalog';
import type { AdminProduct } from '~/types/functions/admin-catalog';
import type { AdminPayload } from '../../api/client';
import { parseYuan } from '../../format/parse-yuan';

/** The server's limits on a product (productInput in types/functions/admin-catalog.ts), checked before sending. */
export const PRODUCT_LIMITS = {
  title: 40,
  subtitle: 60,
  description: 2_000,
  images: 9,
  specs: 3,
  specName: 8,
  specValues: 20,
  specValue: 16,
  skus: 50,
  keywords: 10,
  keyword: 16,
  priceFen: 100_000_000,
  stock: 1_000_000,
  sort: 1_000_000,
} as const;

/** The server's rule for a product id: a slug it is found by on a retried create. */
export const PRODUCT_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,47}$/;

/** One spec axis as the form edits it: the name, and its values in one line. */
export interface SpecDraft {
  name?: string;
  valuesText?: string;
}

/** One cell of the SKU grid: whether the combination is sold, its price in yuan as typed, and its stock. */
export interface SkuCell {
  enabled?: boolean;
  price?: string;
  stock?: number | null;
}

/** The product form's values; the SKU grid is keyed by `comboKey` of each combination. */
export interface ProductFormValues {
  productId: string;
  title: string;
  subtitle: string;
  categoryId: string | undefined;
  /** Cloud file ids of the uploaded pictures (older products may hold /media/… or https addresses), the first the main one. */
  images: string[];
  description: string;
  keywordsText: string;
  specs: SpecDraft[];
  grid: Record<string, SkuCell>;
  memberPrice: boolean;
  recommended: boolean;
  sort: number | null;
}

/** What saveProduct is sent, less the session token. */
export type SaveProductPayload = Omit<AdminPayload<'saveProduct'>, 'token'>;

const trimmed = (parts: string[]) => parts.map((part) => part.trim()).filter(Boolean);

/** Spec values, separated by commas, 、 or semicolons (full-width or not); a value may contain spaces. */
export const splitValues = (text: string | undefined): string[] => trimmed((text ?? '').split(/[,，、;；\n]/));
/** Keywords, separated by spaces, commas or 、. */
export const splitKeywords = (text: string | undefined): string[] => trimmed((text ?? '').split(/[\s,，、;；]+/));

/** The specs the form describes, row by row. */
export function specsOf(drafts: readonly (SpecDraft | undefined)[] | undefined): ProductSpec[] {
  return (drafts ?? []).map((draft) => ({ name: (draft?.name ?? '').trim(), values: splitValues(draft?.valuesText) }));
}

/** The key of one combination of spec values in the grid. */
export const comboKey = (specValues: readonly string[]): string => JSON.stringify(specValues);

/**
 * Every combination of the specs' values, first axis slowest (红/S, 红/M, 蓝/S, 蓝/M); one
 * empty combination for a product without specs. Specs without values yet are left out, so the
 * grid does not empty while a new spec is typed.
 */
export function combinations(specs: readonly ProductSpec[]): string[][] {
  return specs
    .filter((spec) => spec.values.length > 0)
    .reduce<string[][]>((combos, spec) => combos.flatMap((combo) => spec.values.map((value) => [...combo, value])), [[]]);
}

/** The combinations the product sells: those of the grid not switched off. */
export function soldCombinations(values: Pick<ProductFormValues, 'specs' | 'grid'>): string[][] {
  return combinations(specsOf(values.specs)).filter((combo) => values.grid?.[comboKey(combo)]?.enabled !== false);
}

/** The form's values for a new product, or for editing one: prices as yuan text, each SKU's stock as it stands. */
export function formValuesOf(product: AdminProduct | null): ProductFormValues {
  if (product === null) {
    return {
      productId: '',
      title: '',
      subtitle: '',
      categoryId: undefined,
      images: [],
      description: '',
      keywordsText: '',
      specs: [],
      grid: {},
      memberPrice: true,
      recommended: false,
      sort: 100,
    };
  }
  const grid: Record<string, SkuCell> = {};
  // A combination the specs allow but the product does not sell stays off until the admin turns it on.
  for (const combo of combinations(product.specs)) grid[comboKey(combo)] = { enabled: false };
  for (const sku of product.skus) {
    grid[comboKey(sku.specValues)] = { enabled: true, price: yuanText(sku.priceFen), stock: product.stockBySku[sku.skuId] ?? 0 };
  }
  return {
    productId: product._id,
    title: product.title,
    subtitle: product.subtitle,
    categoryId: product.categoryId,
    images: [...product.images],
    description: product.description,
    keywordsText: (product.keywords ?? []).join(' '),
    specs: product.specs.map((spec) => ({ name: spec.name, valuesText: spec.values.join('、') })),
    grid,
    memberPrice: product.memberPrice,
    recommended: product.recommended,
    sort: product.sort,
  };
}

/**
 * The saveProduct payload for checked form values: prices converted from yuan to integer fen,
 * one SKU per sold combination in grid order. SKU ids are the server's: a combination the
 * product already sells keeps its id and its stock (`initialStock` counts only for a new one).
 */
export function payloadOf(values: ProductFormValues, mode: 'create' | 'update'): SaveProductPayload {
  return {
    mode,
    productId: values.productId.trim(),
    title: values.title.trim(),
    subtitle: (values.subtitle ?? '').trim(),
    categoryId: values.categoryId ?? '',
    images: [...(values.images ?? [])],
    description: (values.description ?? '').trim(),
    specs: specsOf(values.specs),
    skus: soldCombinations(values).map((specValues) => {
      const cell = values.grid?.[comboKey(specValues)] ?? {};
      return { specValues, priceFen: parseYuan(cell.price ?? '') ?? 0, initialStock: cell.stock ?? 0 };
    }),
    memberPrice: values.memberPrice,
    recommended: values.recommended,
    sort: values.sort ?? 100,
    keywords: splitKeywords(values.keywordsText),
  };
}

/** A form field, as Ant Design names it. */
export type FieldName = string | (string | number)[];

/**
 * The form field a server validation message names (`skus.1.priceFen: …`, `images.0: …`), so
 * the message shows beside it; null for a field the form has no single place for.
 */
export function formFieldOf(serverField: string, sold: readonly (readonly string[])[]): FieldName | null {
  const [head, index, leaf] = serverField.split('.');
  const row = Number(index);
  switch (head) {
    case 'productId':
    case 'title':
    case 'subtitle':
    case 'categoryId':
    case 'description':
    case 'sort':
      return head;
    case 'images':
      return 'images';
    case 'keywords':
      return 'keywordsText';
    case 'specs':
      if (!Number.isInteger(row)) return null;
      return ['specs', row, leaf === 'name' ? 'name' : 'valuesText'];
    case 'skus': {
      const combo = Number.isInteger(row) ? sold[row] : undefined;
      if (!combo) return null;
      return ['grid', comboKey(combo), leaf === 'initialStock' ? 'stock' : 'price'];
    }
    default:
      return null;
  }
}

/** A server validation message split into the field it names and what it says. */
export function splitServerMessage(message: string): { field: string; text: string } | null {
  const match = /^([A-Za-z][\w.]*): (.+)$/s.exec(message);
  return match ? { field: match[1] as string, text: match[2] as string } : null;
}
