import { DAY_MS } from '~/core/calendar/durations';
import type { SpendBand } from '~/core/programme/tier-impact';
import { movedBands, tierImpact } from '~/core/programme/tier-impact';
import type { ProgrammeImpact } from '~/types/functions/admin-programme';
import type { ProgrammeSnapshot } from '~/types/programme';
import type { Fen } from '~/types/units';
import type { RequestContext } from '../runtime/wx';

/** The most members one preview looks at (members read 100 at a time); beyond it the counts are marked as partial. */
const MAX_EXAMINED = 2_000;
const MEMBERS_PER_READ = 100;

/**
 * Members whose qualifying spend in the review window lies in one of the bands, summed by the
 * database over the indexed `at` of spend records, so only members near a moved threshold come back.
 */
async function spendInBands(
  ctx: RequestContext,
  since: number,
  bands: SpendBand[],
  limit: number,
): Promise<{ _id: string; spendFen: Fen }[]> {
  const _ = ctx.db.command;
  const $ = _.aggregate;
  const { list } = await ctx.db.raw
    .collection('spend_records')
    .aggregate()
    .match({ at: _.gte(since) })
    .group({ _id: '$memberId', spendFen: $.sum('$amountFen') })
    .match(_.or(bands.map((band) => ({ spendFen: _.gte(band.fromFen).and(_.lt(band.toFen)) }))))
    .limit(limit)
    .end();
  return list as { _id: string; spendFen: Fen }[];
}

/**
 * What publishing `after` in place of `before` would affect: members whose tier after their next
 * review would differ (their spend in the review window as it stands now, decided as the review
 * decides), every member's check-ins and purchases from then on, and how many purchases the
 * last 30 days had. Points already earned are never recomputed, so they are not counted.
 */
export async function programmeImpact(ctx: RequestContext, before: ProgrammeSnapshot, after: ProgrammeSnapshot): Promise<ProgrammeImpact> {
  const _ = ctx.db.command;
  const review = before.programme.tierReview;
  const bands = movedBands(before.tiers, after.tiers);
  const [spenders, members, purchasesLast30Days] = await Promise.all([
    bands.length ? spendInBands(ctx, ctx.now - review.windowDays * DAY_MS, bands, MAX_EXAMINED + 1) : Promise.resolve([]),
    ctx.db.collection('members').count({ status: 'active' }),
    ctx.db.collection('spend_records').count({ at: _.gte(ctx.now - 30 * DAY_MS), amountFen: _.gt(0) }),
  ]);
  const capped = spenders.length > MAX_EXAMINED;
  const examined = spenders.slice(0, MAX_EXAMINED);
  const spendOf = new Map(examined.map((row) => [row._id, row.spendFen]));
  const reads: Promise<{ _id: string; tierId: string; tierOverride?: unknown }[]>[] = [];
  for (let i = 0; i < examined.length; i += MEMBERS_PER_READ) {
    const ids = examined.slice(i, i + MEMBERS_PER_READ).map((row) => row._id);
    reads.push(
      ctx.db
        .collection('members')
        .find({ _id: _.in(ids), status: 'active' }, { limit: MEMBERS_PER_READ, fields: ['tierId', 'tierOverride'] }),
    );
  }
  const found = (await Promise.all(reads)).flat() as {
    _id: string;
    tierId: string;
    tierOverride?: null | { tierId: string; kind: 'floor' | 'fixed'; until: number };
  }[];
  const tiers = tierImpact({
    before: before.tiers,
    after: after.tiers,
    members: found.map((member) => ({ member, spendFen: spendOf.get(member._id) ?? 0 })),
    now: ctx.now,
    maxDrop: review.maxDropPerReview,
    capped,
  });
  return { tiers, members, purchasesLast30Days };
}
