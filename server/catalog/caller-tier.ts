import type { TierPair } from '~/core/catalog/tier-prices';
import { tierPairOf } from '~/core/catalog/tier-prices';
import { loadProgramme } from '../programme/load-programme';
import type { RequestContext } from '../runtime/wx';

/**
 * The tier the caller shops at, the next one up, and the purchase points rule. Anyone may
 * browse: a visitor who has not joined (or has left) shops at the entry tier, with no member id.
 * `personalised`: false when the member turned personalised marketing off.
 */
export async function loadCallerTier(
  ctx: RequestContext,
): Promise<TierPair & { earnPerYuan: number; memberId: string | null; personalised: boolean }> {
  const [{ programme, tiers }, member] = await Promise.all([
    loadProgramme(ctx),
    ctx.openid ? ctx.db.collection('members').findOne({ openid: ctx.openid }) : Promise.resolve(null),
  ]);
  const active = member && member.status === 'active' ? member : null;
  return {
    ...tierPairOf(tiers, active?.tierId ?? null),
    earnPerYuan: programme.points.earnPerYuan,
    memberId: active?._id ?? null,
    personalised: active?.consent.personalised !== false,
  };
}
