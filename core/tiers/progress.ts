import type { TierNotice, TierOverride } from '~/types/documents';
import type { TierDoc } from '~/types/programme';
import type { EpochMs, Fen } from '~/types/units';
import { DAY_MS } from '../calendar/durations';
import { activeOverride, holdsTier } from './override';

/** The highest tier whose entry threshold a qualifying spend reaches. */
export function tierForSpend(tiers: TierDoc[], spendFen: Fen): TierDoc {
  const ladder = [...tiers].sort((a, b) => a.rank - b.rank);
  return ladder.filter((tier) => spendFen >= tier.entrySpendFen).pop() ?? (ladder[0] as TierDoc);
}

/** An upgrade happens at once when the spend reaches a higher tier; never a downgrade (that waits for review). */
export function upgradeFor(tiers: TierDoc[], currentTierId: string, spendFen: Fen): TierDoc | null {
  const current = tiers.find((tier) => tier._id === currentTierId);
  const reached = tierForSpend(tiers, spendFen);
  return !current || reached.rank > current.rank ? reached : null;
}

/** The next review of a member's tier: the next anniversary of the day they reached it. */
export function nextReviewAt(tierSince: EpochMs, now: EpochMs, windowDays: number): EpochMs {
  const period = windowDays * DAY_MS;
  const passed = Math.max(0, Math.floor((now - tierSince) / period));
  return tierSince + (passed + 1) * period;
}

export interface TierProgress {
  current: TierDoc;
  next: TierDoc | null;
  spendFen: Fen;
  /** Spend still needed to reach the next tier (0 at the top). */
  toNextFen: Fen;
  /** Spend still needed by the review to keep the current tier. */
  toKeepFen: Fen;
  reviewAt: EpochMs;
  /** When the member would drop one tier if the spend is still short at review (after the grace period). */
  downgradeAt: EpochMs | null;
}

/** Where a member stands: spend to the next tier, spend needed to keep this one, and the review dates. */
export function tierProgress(
  tiers: TierDoc[],
  member: { tierId: string; tierSince: EpochMs; tierNotice?: TierNotice | null; tierOverride?: TierOverride | null },
  spendFen: Fen,
  now: EpochMs,
  review: { windowDays: number; graceDays: number },
): TierProgress {
  const ladder = [...tiers].sort((a, b) => a.rank - b.rank);
  const current = ladder.find((tier) => tier._id === member.tierId) ?? (ladder[0] as TierDoc);
  const next = ladder.find((tier) => tier.rank === current.rank + 1) ?? null;
  const toKeepFen = current.rank === 0 ? 0 : Math.max(0, current.keepSpendFen - spendFen);
  // In the grace period after a review found the spend short, the dates are the notice's.
  const notice = member.tierNotice && member.tierNotice.downgradeAt > now ? member.tierNotice : null;
  // A tier an admin holds is looked at again, and may change, when the hold ends.
  const override = activeOverride(member, now);
  const held = holdsTier(tiers, current._id, override) ? override : null;
  const reviewAt = held ? held.until : notice ? notice.reviewAt : nextReviewAt(member.tierSince, now, review.windowDays);
  const dropAt = held ? held.until : notice ? notice.downgradeAt : reviewAt + review.graceDays * DAY_MS;
  return {
    current,
    next,
    spendFen,
    toNextFen: next ? Math.max(0, next.entrySpendFen - spendFen) : 0,
    toKeepFen,
    reviewAt,
    downgradeAt: toKeepFen > 0 ? dropAt : null,
  };
}
