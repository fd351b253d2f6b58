import { tierProgress, upgradeFor } from '~/core/tiers/progress';
import type { TierProgress } from '~/core/tiers/progress';
import type { MemberDoc } from '~/types/documents';
import type { EpochMs, Fen } from '~/types/units';
import { isDuplicateKey } from '../db/database';
import { loadProgramme } from '../programme/load-programme';
import type { RequestContext } from '../runtime/wx';

export interface SpendRecordDoc {
  _id: string;
  memberId: string;
  /** Paid amount after discounts, before shipping; negative for a refund. */
  amountFen: Fen;
  at: number;
}

export interface TierChangeDoc {
  _id: string;
  memberId: string;
  from: string;
  to: string;
  reason: 'upgrade' | 'review' | 'admin';
  spendFen: Fen;
  at: number;
}

/** Qualifying spend of a member in the rolling window ending now. */
export async function rollingSpend(ctx: RequestContext, memberId: string): Promise<Fen> {
  const { programme } = await loadProgramme(ctx);
  const _ = ctx.db.command;
  const since = ctx.now - programme.tierReview.windowDays * 86_400_000;
  const { list } = await ctx.db.raw
    .collection('spend_records')
    .aggregate()
    .match({ memberId, at: _.gte(since) })
    .group({ _id: null, total: _.aggregate.sum('$amountFen') })
    .end();
  return (list[0]?.total as number | undefined) ?? 0;
}

/**
 * Records qualifying spend once per source (a paid order, an in-store purchase, or a refund as
 * a negative amount) and upgrades the member at once if their rolling spend reaches a higher
 * tier. The upgrade is a guarded update on the tier the member had, so two payments at once
 * upgrade once.
 */
export async function recordQualifyingSpend(
  ctx: RequestContext,
  input: { memberId: string; sourceId: string; amountFen: Fen; at?: EpochMs },
): Promise<{ upgradedTo: string | null; spendFen: Fen }> {
  try {
    await ctx.db.raw
      .collection('spend_records')
      .add({ data: { _id: `spend:${input.sourceId}`, memberId: input.memberId, amountFen: input.amountFen, at: input.at ?? ctx.now } });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
  const [spendFen, member, { tiers }] = await Promise.all([
    rollingSpend(ctx, input.memberId),
    ctx.db.collection<MemberDoc>('members').get(input.memberId),
    loadProgramme(ctx),
  ]);
  if (!member) return { upgradedTo: null, spendFen };
  const target = upgradeFor(tiers, member.tierId, spendFen);
  if (!target) return { upgradedTo: null, spendFen };
  const moved = await ctx.db
    .collection<MemberDoc>('members')
    .updateWhere({ _id: member._id, tierId: member.tierId }, { tierId: target._id, tierSince: ctx.now, updatedAt: ctx.now });
  if (moved !== 1) return { upgradedTo: null, spendFen };
  await ctx.db.collection<TierChangeDoc>('tier_history').insert({
    _id: `tier:${member._id}:${target._id}:${ctx.now}`,
    memberId: member._id,
    from: member.tierId,
    to: target._id,
    reason: 'upgrade',
    spendFen,
    at: ctx.now,
  });
  return { upgradedTo: target._id, spendFen };
}

/** Where the member stands in the ladder, with their tier history (newest first). */
export async function memberTierProgress(
  ctx: RequestContext,
  member: MemberDoc,
): Promise<{ progress: TierProgress; history: TierChangeDoc[] }> {
  const [{ programme, tiers }, spendFen, history] = await Promise.all([
    loadProgramme(ctx),
    rollingSpend(ctx, member._id),
    ctx.db.collection<TierChangeDoc>('tier_history').find({ memberId: member._id }, { orderBy: [['at', 'desc']], limit: 20 }),
  ]);
  return { progress: tierProgress(tiers, member, spendFen, ctx.now, programme.tierReview), history };
}
