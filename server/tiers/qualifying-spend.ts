import { DAY_MS } from '~/core/calendar/durations';
import { activeOverride } from '~/core/tiers/override';
import { tierProgress, upgradeFor } from '~/core/tiers/progress';
import type { TierProgress } from '~/core/tiers/progress';
import type { MemberDoc, TierChangeDoc } from '~/types/documents';
import type { TierDoc } from '~/types/programme';
import type { EpochMs, Fen } from '~/types/units';
import { loadProgramme } from '../programme/load-programme';
import type { RequestContext } from '../runtime/wx';

/** Qualifying spend of a member in the rolling window ending now. */
export async function rollingSpend(ctx: RequestContext, memberId: string): Promise<Fen> {
  const { programme } = await loadProgramme(ctx);
  const _ = ctx.db.command;
  const since = ctx.now - programme.tierReview.windowDays * DAY_MS;
  const [row] = await ctx.db.collection('spend_records').sums({ memberId, at: _.gte(since) }, null, ['amountFen']);
  return row?.amountFen ?? 0;
}

/**
 * Records qualifying spend once per source (a paid order, an in-store purchase, or a refund as
 * a negative amount) and upgrades the member at once if their rolling spend reaches a higher
 * tier. The upgrade is a guarded update on the tier the member had, so two payments at once
 * upgrade once; a tier an admin fixed for a while is left alone.
 */
export async function recordQualifyingSpend(
  ctx: RequestContext,
  input: { memberId: string; sourceId: string; amountFen: Fen; at?: EpochMs },
): Promise<{ upgradedTo: string | null; spendFen: Fen }> {
  // A retry finds its record taken and adds nothing twice.
  await ctx.db
    .collection('spend_records')
    .insert({ _id: `spend:${input.sourceId}`, memberId: input.memberId, amountFen: input.amountFen, at: input.at ?? ctx.now });
  const [spendFen, member, { tiers }] = await Promise.all([
    rollingSpend(ctx, input.memberId),
    ctx.db.collection('members').get(input.memberId),
    loadProgramme(ctx),
  ]);
  // A tier an admin fixed stays as it is until the override ends (a floor lets the spend raise it).
  if (!member || activeOverride(member, ctx.now)?.kind === 'fixed') return { upgradedTo: null, spendFen };
  const target = upgradeFor(tiers, member.tierId, spendFen);
  if (!target) return { upgradedTo: null, spendFen };
  const moved = await ctx.db
    .collection('members')
    .updateWhere({ _id: member._id, tierId: member.tierId }, { tierId: target._id, tierSince: ctx.now, updatedAt: ctx.now });
  if (moved !== 1) return { upgradedTo: null, spendFen };
  await ctx.db.collection('tier_history').insert({
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

/** Where the member stands in the ladder (and the ladder), with their tier history (newest first). */
export async function memberTierProgress(
  ctx: RequestContext,
  member: MemberDoc,
): Promise<{ progress: TierProgress; tiers: TierDoc[]; history: TierChangeDoc[] }> {
  const [{ programme, tiers }, spendFen, history] = await Promise.all([
    loadProgramme(ctx),
    rollingSpend(ctx, member._id),
    ctx.db.collection('tier_history').find({ memberId: member._id }, { orderBy: [['at', 'desc']], limit: 20 }),
  ]);
  return { progress: tierProgress(tiers, member, spendFen, ctx.now, programme.tierReview), tiers, history };
}
