import type { TierLadder } from '~/core/coupons/eligibility';
import { loadProgramme } from '../programme/load-programme';
import type { RequestContext } from '../runtime/wx';

/** The programme's tiers as coupon audiences see them, plus whether an id names one of them. */
export interface ProgrammeTiers extends TierLadder {
  has(tierId: string): boolean;
}

/** The stored tiers (the defaults until an admin installs them) as a ladder; unknown ids rank as the entry tier. */
export async function loadTierLadder(ctx: RequestContext): Promise<ProgrammeTiers> {
  const { tiers } = await loadProgramme(ctx);
  const byId = new Map(tiers.map((tier) => [tier._id, tier]));
  return {
    rank: (tierId) => byId.get(tierId)?.rank ?? 0,
    name: (tierId) => byId.get(tierId)?.name ?? tierId,
    has: (tierId) => byId.has(tierId),
  };
}
