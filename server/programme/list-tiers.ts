import type { AdminCouponsResponses } from '~/types/functions/admin-coupons';
import type { RequestContext } from '../runtime/wx';
import { loadProgramme } from './load-programme';

/** The programme's tiers, lowest first, as the admin page names and offers them. */
export async function listTiers(ctx: RequestContext): Promise<AdminCouponsResponses['listTiers']> {
  const { tiers } = await loadProgramme(ctx);
  return { items: [...tiers].sort((a, b) => a.rank - b.rank).map((tier) => ({ tierId: tier._id, name: tier.name, rank: tier.rank })) };
}
