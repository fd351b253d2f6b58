import type { RfmCuts } from '~/core/marketing/rfm';
import { cutRanks, orderStatistic, recencyDay, startOfRecencyDay } from '~/core/marketing/rfm';
import type { EpochMs } from '~/types/units';
import type { RequestContext } from '../runtime/wx';

/**
 * The RFM cut points of the active population, from the refreshed profiles by indexed counts
 * only: the population is the profiles with `spendFen > 0` (a purchase in the window, which
 * nets to more than nothing), and each cut point is an order statistic found by a binary search
 * over counts of one indexed field (`lastPurchaseAt`, `purchases`, `spendFen`). About 150 counts
 * however many members, each a range of one index (two conditions on a field go in a top-level
 * `and`, which the database plans as one index range); null when nobody bought in the window. `windowStart`: the window's
 * first excluded instant (purchases count after it).
 */
export async function computeRfmCuts(ctx: RequestContext, windowStart: EpochMs, asOf: EpochMs): Promise<RfmCuts | null> {
  const _ = ctx.db.command;
  const profiles = ctx.db.collection('member_profiles');
  const active = await profiles.count({ spendFen: _.gt(0) });
  if (active === 0) return null;
  const ranks = cutRanks(active);
  const top = async (field: 'purchases' | 'spendFen') =>
    (await profiles.find({ [field]: _.gt(0) }, { orderBy: [[field, 'desc']], limit: 1, fields: [field] }))[0]?.[field] ?? 1;
  /** The four order statistics of one dimension, each search starting from the one before. */
  const cutsOf = async (lo: number, hi: number, count: (x: number) => Promise<number>) => {
    const cuts: number[] = [];
    let from = lo;
    for (const rank of ranks) {
      from = await orderStatistic(rank, from, hi, count);
      cuts.push(from);
    }
    return cuts;
  };
  const [maxF, maxM] = await Promise.all([top('purchases'), top('spendFen')]);
  const [r, f, m] = await Promise.all([
    cutsOf(recencyDay(windowStart), recencyDay(asOf), (day) =>
      profiles.count(_.and([{ lastPurchaseAt: _.gt(windowStart) }, { lastPurchaseAt: _.lt(startOfRecencyDay(day + 1)) }])),
    ),
    cutsOf(1, maxF, (x) => profiles.count(_.and([{ purchases: _.gt(0) }, { purchases: _.lte(x) }]))),
    cutsOf(1, maxM, (x) => profiles.count(_.and([{ spendFen: _.gt(0) }, { spendFen: _.lte(x) }]))),
  ]);
  return { r, f, m };
}
