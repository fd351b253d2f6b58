import type { TierImpact } from '~/types/functions/admin-programme';
import type { TierOverride } from '~/types/documents';
import type { TierDoc } from '~/types/programme';
import type { EpochMs, Fen } from '~/types/units';
import { tierForSpend } from '../tiers/progress';
import { ladderOf } from './draft';

/** A range of qualifying spend, from `fromFen` (included) to `toFen` (excluded). */
export interface SpendBand {
  fromFen: Fen;
  toFen: Fen;
}

/**
 * The spend ranges where the draft's thresholds decide differently from the rules in effect:
 * between each tier's old and new entry threshold, and between its old and new keep threshold.
 * A member whose spend lies in none of them meets every threshold under both or under neither,
 * so their review ends the same; only members in a band need to be looked at.
 */
export function movedBands(before: readonly TierDoc[], after: readonly TierDoc[]): SpendBand[] {
  const bands: SpendBand[] = [];
  for (const tier of after) {
    const old = before.find((one) => one._id === tier._id);
    if (!old) continue;
    for (const [a, b] of [
      [old.entrySpendFen, tier.entrySpendFen],
      [old.keepSpendFen, tier.keepSpendFen],
    ] as const) {
      if (a !== b) bands.push({ fromFen: Math.min(a, b), toFen: Math.max(a, b) });
    }
  }
  return bands;
}

/** What the estimate reads of a member. */
export interface ImpactMember {
  tierId: string;
  tierOverride?: Pick<TierOverride, 'tierId' | 'kind' | 'until'> | null;
}

/**
 * The tier a member would hold after their next review with this spend (core/tiers/review.ts
 * in short): a spend that reaches a higher tier upgrades; one short of the tier's keep
 * threshold drops to the tier the spend reaches, at most `maxDrop` tiers; an admin's fixed tier
 * stays and a floor is never dropped below while it lasts.
 */
export function tierAfterReview(tiers: readonly TierDoc[], member: ImpactMember, spendFen: Fen, now: EpochMs, maxDrop: number): TierDoc {
  const ladder = ladderOf(tiers);
  const current = ladder.find((tier) => tier._id === member.tierId) ?? (ladder[0] as TierDoc);
  const override = member.tierOverride && member.tierOverride.until > now ? member.tierOverride : null;
  if (override?.kind === 'fixed') return current;
  const reached = tierForSpend(ladder, spendFen);
  if (reached.rank > current.rank) return reached;
  if (current.rank === 0 || spendFen >= current.keepSpendFen) return current;
  const floorRank = Math.max(current.rank - Math.max(1, maxDrop), ladder.find((tier) => tier._id === override?.tierId)?.rank ?? 0);
  return reached.rank >= floorRank ? reached : (ladder.find((tier) => tier.rank >= floorRank) ?? current);
}

/** Adds up where members would end under the rules in effect and under the draft, counting those who would end elsewhere. */
export function tierImpact(input: {
  before: readonly TierDoc[];
  after: readonly TierDoc[];
  members: readonly { member: ImpactMember; spendFen: Fen }[];
  now: EpochMs;
  maxDrop: number;
  capped: boolean;
}): TierImpact {
  const { before, after, now, maxDrop } = input;
  const ladder = ladderOf(after);
  const byTier = new Map(ladder.map((tier) => [tier._id, { tierId: tier._id, name: tier.name, before: 0, after: 0 }]));
  let higher = 0;
  let lower = 0;
  for (const { member, spendFen } of input.members) {
    const was = tierAfterReview(before, member, spendFen, now, maxDrop);
    const will = tierAfterReview(after, member, spendFen, now, maxDrop);
    if (was._id === will._id) continue;
    if (will.rank > was.rank) higher += 1;
    else lower += 1;
    const [from, to] = [byTier.get(was._id), byTier.get(will._id)];
    if (from) from.before += 1;
    if (to) to.after += 1;
  }
  return { higher, lower, byTier: [...byTier.values()], examined: input.members.length, capped: input.capped };
}
