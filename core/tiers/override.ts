import type { TierOverride } from '~/types/documents';
import type { TierDoc } from '~/types/programme';
import type { EpochMs } from '~/types/units';

/** The member's tier override while it lasts, else null. */
export function activeOverride(member: { tierOverride?: TierOverride | null }, now: EpochMs): TierOverride | null {
  const override = member.tierOverride ?? null;
  return override && override.until > now ? override : null;
}

/**
 * The tier a member has under an override set now: a fixed override's tier, or the higher of
 * the member's tier and a floor. Null when the override names no tier of the ladder.
 */
export function tierUnderOverride(
  tiers: readonly TierDoc[],
  currentTierId: string,
  override: Pick<TierOverride, 'tierId' | 'kind'>,
): TierDoc | null {
  const target = tiers.find((tier) => tier._id === override.tierId);
  if (!target) return null;
  const current = tiers.find((tier) => tier._id === currentTierId);
  return override.kind === 'floor' && current && current.rank > target.rank ? current : target;
}

/**
 * Whether an active override holds the member's current tier: a fixed one always, a floor while
 * the member sits at (or under) it. A held tier is not dropped before the override ends.
 */
export function holdsTier(tiers: readonly TierDoc[], currentTierId: string, override: TierOverride | null): boolean {
  if (!override) return false;
  if (override.kind === 'fixed') return true;
  const floor = tiers.find((tier) => tier._id === override.tierId);
  const current = tiers.find((tier) => tier._id === currentTierId);
  return !!floor && !!current && current.rank <= floor.rank;
}
