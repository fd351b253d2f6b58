import { DAY_MS, HOUR_MS } from '~/core/calendar/durations';
import type { RfmScores } from '~/types/marketing';
import type { EpochMs } from '~/types/units';

/**
 * RFM scores over the *active population*: the members with at least one purchase (a paid
 * online order or an in-store sale that was not wholly refunded or reversed) in the window.
 *
 * Definition (exact, deterministic, one member at a time once the cut points are known):
 * a member's score on a dimension is `ceil(5 × share of the active population whose value is at
 * or below the member's)`. Ties therefore always share one score, and they share the *upper*
 * one: the best value always scores 5, and a population where everyone has the same value
 * (in particular a one-member population) scores 5 on it. Members with no purchase in the
 * window are outside the population and score 0,0,0.
 *
 * Values: recency is the Shanghai day of the last purchase (a later day is better, two
 * purchases on one day tie), frequency the number of purchases, monetary the net spend in fen.
 *
 * With the population's values sorted ascending as a[0..n-1], a score reaches k + 1 exactly
 * when the value is at least the cut point c_k = a[floor(k·n / 5)] (k = 1..4), so
 * score = 1 + #{k : value ≥ c_k}. The cut points are order statistics, which the refresh job
 * finds by indexed counts (`orderStatistic` below), never by holding the population in memory.
 */
export interface RfmCuts {
  /** Four cut points per dimension, ascending; recency as Shanghai day numbers. */
  r: number[];
  f: number[];
  m: number[];
}

/** The rank (0-based, ascending) of each of the four cut points in a population of `n`. */
export function cutRanks(n: number): number[] {
  return [1, 2, 3, 4].map((k) => Math.floor((k * n) / 5));
}

/** A value's score against its dimension's four cut points: 1–5. */
export function scoreAgainst(value: number, cuts: readonly number[]): number {
  return 1 + cuts.filter((cut) => value >= cut).length;
}

/** The Shanghai day number of an instant (days since 1970-01-01 in Shanghai): the recency value. */
export function recencyDay(at: EpochMs): number {
  return Math.floor((at + 8 * HOUR_MS) / DAY_MS);
}

/** The first instant of Shanghai day number `day`. */
export function startOfRecencyDay(day: number): EpochMs {
  return day * DAY_MS - 8 * HOUR_MS;
}

/** One member's RFM values, or null outside the active population. */
export interface RfmValues {
  lastPurchaseAt: EpochMs;
  purchases: number;
  spendFen: number;
}

/** A member's scores against the cut points; 0,0,0 without a purchase in the window. */
export function rfmScores(values: RfmValues | null, cuts: RfmCuts | null): RfmScores {
  if (!values || values.purchases === 0 || !cuts) return { r: 0, f: 0, m: 0 };
  return {
    r: scoreAgainst(recencyDay(values.lastPurchaseAt), cuts.r),
    f: scoreAgainst(values.purchases, cuts.f),
    m: scoreAgainst(values.spendFen, cuts.m),
  };
}

/** The sortable code of scores: r × 100 + f × 10 + m (0 without a purchase). */
export function rfmCode(scores: RfmScores): number {
  return scores.r * 100 + scores.f * 10 + scores.m;
}

/** Cut points of one dimension from all of its values, in memory: for small populations and as the reference in tests. */
export function cutsOfValues(values: readonly number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  return cutRanks(sorted.length).map((rank) => sorted[rank] as number);
}

/**
 * The value at `rank` (0-based, ascending) of a population of integers in [lo, hi], by a binary
 * search over `countAtOrBelow(x)` (how many values are ≤ x): the least x whose count exceeds
 * `rank`. About log2(hi − lo) counts; exact whatever the ties.
 */
export async function orderStatistic(
  rank: number,
  lo: number,
  hi: number,
  countAtOrBelow: (x: number) => Promise<number>,
): Promise<number> {
  let low = lo;
  let high = hi;
  while (low < high) {
    const mid = low + Math.floor((high - low) / 2);
    if ((await countAtOrBelow(mid)) > rank) high = mid;
    else low = mid + 1;
  }
  return low;
}
