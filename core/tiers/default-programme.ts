import type { Fen } from '~/types/units';

/** A tier of the default programme (DESIGN.md section 4), as seeded for a new brand. */
export interface DefaultTier {
  id: string;
  name: string;
  /** Rolling-365-day paid spend to enter the tier. */
  entrySpendFen: Fen;
}

/** The seeded tiers, lowest first. Brands edit them in the admin page; code reads the stored copy. */
export const DEFAULT_TIERS: readonly DefaultTier[] = [
  { id: 'normal', name: '普通会员', entrySpendFen: 0 },
  { id: 'silver', name: '银卡会员', entrySpendFen: 100_000 },
  { id: 'gold', name: '金卡会员', entrySpendFen: 500_000 },
  { id: 'diamond', name: '钻石会员', entrySpendFen: 2_000_000 },
];

/** The tier every new member starts in. */
export const ENTRY_TIER_ID = 'normal';

/** Display name of a tier id; unknown ids show as themselves. */
export function tierName(id: string): string {
  return DEFAULT_TIERS.find((tier) => tier.id === id)?.name ?? id;
}

/** Position of a tier in the default ladder (0 = entry tier); unknown ids rank lowest. */
export function tierRank(id: string): number {
  return Math.max(0, DEFAULT_TIERS.findIndex((tier) => tier.id === id));
}
