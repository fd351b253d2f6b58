import type { ProductSpec } from '~/types/catalog';

/** How a SKU's spec values read on a cart line or order: 「颜色:红 / 尺码:M」; empty for a product without specs. */
export function specText(specs: readonly ProductSpec[], specValues: readonly string[]): string {
  return specs.map((spec, i) => `${spec.name}:${specValues[i] ?? ''}`).join(' / ');
}
