import type { CartTerms } from '~/types/functions/catalog';
import type { Fen } from '~/types/units';

/** The cart's 凑单 prompt for the chosen goods (at member prices): shipping now, and what a little more would unlock. */
export interface CartNudge {
  shippingFeeFen: Fen;
  /** More to spend for free shipping; null when already free or there is no threshold. */
  freeShippingGapFen: Fen | null;
  /** The nearest coupon threshold not yet reached, and how far; null when none is in reach. */
  coupon: { title: string; gapFen: Fen } | null;
}

/** The prompt for `chosenFen` worth of goods. Nothing chosen: no shipping is shown and nothing is asked for. */
export function cartNudge(terms: CartTerms, chosenFen: Fen): CartNudge {
  if (chosenFen <= 0) return { shippingFeeFen: 0, freeShippingGapFen: null, coupon: null };
  const { feeFen, freeThresholdFen } = terms.shipping;
  const free = feeFen === 0 || (freeThresholdFen !== null && chosenFen >= freeThresholdFen);
  const next = terms.coupons.filter((coupon) => coupon.thresholdFen > chosenFen).sort((a, b) => a.thresholdFen - b.thresholdFen)[0];
  return {
    shippingFeeFen: free ? 0 : feeFen,
    freeShippingGapFen: free || freeThresholdFen === null ? null : freeThresholdFen - chosenFen,
    coupon: next ? { title: next.title, gapFen: next.thresholdFen - chosenFen } : null,
  };
}
