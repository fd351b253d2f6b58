import { dayOf, monthOf } from '~/core/calendar/shanghai';
import type { CampaignDoc } from '~/types/campaigns';
import type { RequestContext } from '../runtime/wx';

/** The budget counters one issuance takes a place in, each with its cap (counters without a cap are not kept). */
export function budgetCounters(campaign: CampaignDoc, memberId: string, now: number): { id: string; cap: number }[] {
  const { total, perDay, perMemberPerMonth } = campaign.budget;
  const counters: { id: string; cap: number | null }[] = [
    { id: `total:${campaign._id}`, cap: total },
    { id: `day:${campaign._id}:${dayOf(now)}`, cap: perDay },
    { id: `member:${memberId}:${monthOf(now)}`, cap: perMemberPerMonth },
  ];
  return counters.filter((counter): counter is { id: string; cap: number } => counter.cap !== null);
}

/**
 * Takes a place for `key` under one counter: an insert of the counter when it is new, else a
 * guarded update that matches only while `count` is below the cap and the key is not yet
 * listed, so concurrent issuances never pass the cap and a key never takes two places. A key
 * that already holds a place (a retry after a crash) answers true without taking another.
 */
async function takePlace(ctx: RequestContext, counter: { id: string; cap: number }, key: string): Promise<boolean> {
  const counters = ctx.db.collection('campaign_counters');
  const _ = ctx.db.command;
  if (await counters.insert({ _id: counter.id, count: 1, keys: [key], updatedAt: ctx.now })) return true;
  const updated = await counters.updateWhere(
    { _id: counter.id, count: _.lt(counter.cap), keys: _.nin([key]) },
    { count: _.inc(1), keys: _.push([key]), updatedAt: ctx.now },
  );
  if (updated === 1) return true;
  return (await counters.get(counter.id))?.keys.includes(key) ?? false;
}

/** Gives `key`'s place back, if it holds one (guarded on the key, so giving back twice takes nothing twice). */
async function givePlace(ctx: RequestContext, counterId: string, key: string): Promise<void> {
  const _ = ctx.db.command;
  await ctx.db
    .collection('campaign_counters')
    .updateWhere({ _id: counterId, keys: key }, { count: _.inc(-1), keys: _.pull(key), updatedAt: ctx.now });
}

/**
 * Reserves one coupon's budget for `key` under every cap, in order (total, day, member month).
 * When a cap refuses, the places taken before it are given back and the answer is false. A
 * crash in between leaves places held by the key, never more than one per counter: the member
 * stays `pending`, so the retry takes the same key again, finds its places, and either issues
 * on them or gives them back; no place is lost for good, none is counted twice.
 */
export async function reserveBudget(ctx: RequestContext, counters: { id: string; cap: number }[], key: string): Promise<boolean> {
  const taken: string[] = [];
  for (const counter of counters) {
    if (!(await takePlace(ctx, counter, key))) {
      await releaseBudget(ctx, taken, key);
      return false;
    }
    taken.push(counter.id);
  }
  return true;
}

/** Gives back the places `key` holds in `counterIds`. */
export async function releaseBudget(ctx: RequestContext, counterIds: string[], key: string): Promise<void> {
  for (const id of counterIds) await givePlace(ctx, id, key);
}
