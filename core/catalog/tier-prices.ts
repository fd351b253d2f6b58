import type { TierDoc } from '~/types/programme';
import type { Fen, Points } from '~/types/units';
import { purchasePoints } from '../points/earning';
import { memberUnitPrice } from '../pricing/price-order';

/** The parts of a tier that decide what a shopper pays and earns. */
export type PriceTier = Pick<TierDoc, '_id' | 'name' | 'rank' | 'memberPricePercent' | 'pointsMultiplierPercent'>;

/** A shopper's tier and the one above it, if any. */
export interface TierPair {
  tier: PriceTier;
  nextTier: PriceTier | null;
}

/**
 * The caller's tier and the next one up, from the programme's tiers: a member's own tier, or
 * the entry tier (lowest rank) for a visitor or an unknown tier id.
 */
export function tierPairOf(tiers: readonly PriceTier[], tierId: string | null): TierPair {
  const ladder = [...tiers].sort((a, b) => a.rank - b.rank);
  const entry = ladder[0];
  if (!entry) throw new Error('the programme has no tiers');
  const tier = (tierId !== null && ladder.find((t) => t._id === tierId)) || entry;
  return { tier, nextTier: ladder.find((t) => t.rank > tier.rank) ?? null };
}

/** A unit's price at a tier: the member price unless the product opts out of member prices. */
export function tierUnitPrice(priceFen: Fen, memberPrice: boolean, tier: Pick<PriceTier, 'memberPricePercent'>): Fen {
  return memberPrice ? memberUnitPrice(priceFen, tier.memberPricePercent) : priceFen;
}

/** The unit price one tier up, shown to tempt an upgrade: null at the top tier and for products without member prices. */
export function nextTierUnitPrice(priceFen: Fen, memberPrice: boolean, pair: TierPair): Fen | null {
  return memberPrice && pair.nextTier ? memberUnitPrice(priceFen, pair.nextTier.memberPricePercent) : null;
}

/** Points one unit earns at the tier, before coupons and points: the purchase rule applied to the tier price. */
export function pointsPerUnit(unitPriceFen: Fen, earnPerYuan: number, tier: Pick<PriceTier, 'pointsMultiplierPercent'>): Points {
  return purchasePoints(unitPriceFen, earnPerYuan, tier.pointsMultiplierPercent);
}
