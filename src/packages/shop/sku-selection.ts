import type { ProductSpec } from '~/types/catalog';
import type { SkuView } from '~/types/functions/catalog';

/** The value chosen on each spec axis, null where none is chosen yet. */
export type SpecChoice = (string | null)[];

/** The first choice shown for a product: its only SKU chosen, or nothing chosen when there are specs to pick. */
export function initialChoice(specs: readonly ProductSpec[], skus: readonly SkuView[]): SpecChoice {
  if (specs.length === 0) return [];
  const only = skus.length === 1 ? skus[0] : undefined;
  return specs.map((_spec, axis) => only?.specValues[axis] ?? null);
}

/** The SKU the choice names, once a value is chosen on every axis. */
export function chosenSku(skus: readonly SkuView[], choice: SpecChoice): SkuView | null {
  if (choice.some((value) => value === null)) return null;
  return skus.find((sku) => sku.specValues.every((value, axis) => value === choice[axis])) ?? null;
}

/** Whether choosing `value` on `axis` (with the other axes as chosen) can still lead to a SKU in stock. */
export function valueAvailable(skus: readonly SkuView[], choice: SpecChoice, axis: number, value: string): boolean {
  return skus.some(
    (sku) =>
      sku.stock > 0 &&
      sku.specValues[axis] === value &&
      sku.specValues.every((other, i) => i === axis || choice[i] === null || choice[i] === other),
  );
}

/** Chooses (or, when already chosen, clears) a value on one axis. */
export function toggleValue(choice: SpecChoice, axis: number, value: string): SpecChoice {
  return choice.map((current, i) => (i === axis ? (current === value ? null : value) : current));
}

/** The axes still to choose, e.g. 「请选择 颜色 尺码」. */
export function missingSpecs(specs: readonly ProductSpec[], choice: SpecChoice): string[] {
  return specs.filter((_spec, axis) => choice[axis] === null).map((spec) => spec.name);
}
