import type { TierNotice, TierOverride } from '~/types/documents';
import type { TierDoc } from '~/types/programme';
import type { EpochMs, Fen } from '~/types/units';
import { tierForSpend, upgradeFor } from './progress';
import { holdsTier } from './override';
import { DAY_MS } from '../calendar/durations';

/** The programme's review numbers (ProgrammeSettings.tierReview). */
export interface ReviewSettings {
  windowDays: number;
  graceDays: number;
  noticeDays: number;
  maxDropPerReview: number;
}

/** What the review reads of a member. */
export interface ReviewedMember {
  tierId: string;
  tierSince: EpochMs;
  tierReviewAt?: EpochMs | null;
  tierNotice?: TierNotice | null;
  tierOverride?: TierOverride | null;
}

/**
 * What the review does with one member now. `schedule` changes no tier: it sets when the
 * review looks next (null: never, the entry tier cannot drop) and the notice that stands.
 */
export type ReviewDecision =
  | { kind: 'upgrade'; to: TierDoc; nextReviewAt: EpochMs | null }
  | { kind: 'notice'; notice: TierNotice; nextReviewAt: EpochMs }
  | { kind: 'downgrade'; to: TierDoc; reviewAt: EpochMs; nextReviewAt: EpochMs | null }
  | { kind: 'schedule'; nextReviewAt: EpochMs | null; notice: TierNotice | null }
  /** An admin's override has ended: the member goes to `to` (may be the tier they have) and the override is cleared. */
  | { kind: 'overrideEnded'; to: TierDoc; nextReviewAt: EpochMs | null };

/**
 * When the review first looks at the anniversary `reviewAt`: the notice goes out `noticeDays`
 * before the grace period ends, and never before the anniversary itself.
 */
export function reviewLookAt(reviewAt: EpochMs, review: ReviewSettings): EpochMs {
  return reviewAt + Math.max(0, review.graceDays - review.noticeDays) * DAY_MS;
}

/** When a member who reached a tier at `since` is first looked at (null for the entry tier, which cannot drop). */
export function firstReviewLookAt(tier: Pick<TierDoc, 'rank'>, since: EpochMs, review: ReviewSettings): EpochMs | null {
  return tier.rank > 0 ? reviewLookAt(since + review.windowDays * DAY_MS, review) : null;
}

/** The latest anniversary of `tierSince` whose look is due by `now`, or null before the first. */
export function latestDueReview(tierSince: EpochMs, now: EpochMs, review: ReviewSettings): EpochMs | null {
  const period = review.windowDays * DAY_MS;
  const lookOffset = reviewLookAt(0, review);
  const periods = Math.floor((now - tierSince - lookOffset) / period);
  return periods >= 1 ? tierSince + periods * period : null;
}

/** The tier `drops` ranks below `current`, or the lowest there is. */
function floorTier(ladder: TierDoc[], current: TierDoc, drops: number): TierDoc {
  const floorRank = current.rank - Math.max(1, drops);
  return ladder.find((tier) => tier.rank >= floorRank) ?? (ladder[0] as TierDoc);
}

/**
 * The tier review of one member as of `now`, with their qualifying spend in the rolling window
 * ending now (DESIGN.md section 4):
 * - a spend that reaches a higher tier upgrades at once (an upgrade the payment missed);
 * - on each anniversary of reaching the tier, a spend short of the tier's keep threshold gets
 *   an at-risk notice `noticeDays` before the grace period ends; a late notice moves the drop
 *   so the member always has `noticeDays` of warning;
 * - when the drop is due and the spend is still short, the member drops to the tier the spend
 *   reaches, but at most `maxDropPerReview` tiers; a recovered spend cancels the notice.
 * A notice given before the member last changed tier is stale and ignored. An admin's override
 * (TierOverride) comes first: a fixed tier stays until its end, a floor is never dropped below,
 * and at its end the member goes to the tier their spend keeps or reaches.
 */
export function reviewTier(input: ReviewInput): ReviewDecision {
  const override = input.member.tierOverride ?? null;
  if (!override) return reviewBySpend(input);
  const ladder = [...input.tiers].sort((a, b) => a.rank - b.rank);
  const current = ladder.find((tier) => tier._id === input.member.tierId) ?? (ladder[0] as TierDoc);
  const held = ladder.find((tier) => tier._id === override.tierId);
  if (override.until <= input.now || !held) return endOverride(input, ladder, current, override);
  // A fixed tier stays as it is, spend or not, until the override ends; the review looks again then.
  if (override.kind === 'fixed') return { kind: 'schedule', nextReviewAt: override.until, notice: null };
  return holdFloor(reviewBySpend(input), { ladder, current, floor: held, override });
}

/** What the review reads. */
interface ReviewInput {
  member: ReviewedMember;
  tiers: TierDoc[];
  spendFen: Fen;
  now: EpochMs;
  review: ReviewSettings;
}

/**
 * A floor lets the spend raise the tier and the review work as usual above it, but no drop goes
 * below it and no notice threatens one while the member sits at it; the review looks again by
 * the end of the override at the latest.
 */
function holdFloor(
  decision: ReviewDecision,
  { ladder, current, floor, override }: { ladder: TierDoc[]; current: TierDoc; floor: TierDoc; override: TierOverride },
): ReviewDecision {
  const held = holdsTier(ladder, current._id, override);
  const byEnd = (at: EpochMs | null) => (at === null ? override.until : Math.min(at, override.until));
  switch (decision.kind) {
    case 'downgrade':
      if (decision.to.rank >= floor.rank) return decision;
      return floor.rank >= current.rank
        ? { kind: 'schedule', nextReviewAt: override.until, notice: null }
        : { ...decision, to: floor, nextReviewAt: byEnd(decision.nextReviewAt) };
    case 'notice':
      return held ? { kind: 'schedule', nextReviewAt: override.until, notice: null } : decision;
    case 'schedule':
      return held ? { kind: 'schedule', nextReviewAt: byEnd(decision.nextReviewAt), notice: null } : decision;
    default:
      return decision;
  }
}

/**
 * When an override that held the member's tier ends, they keep it only if their spend keeps it
 * (or rises to a higher one); otherwise they go at once to the tier their spend reaches. The
 * override's end date, set in advance, stands in for the at-risk notice and grace period of a
 * review. An override that did not hold the tier (a floor the spend had risen above) is cleared
 * and the review goes on as usual, its notice at the next sweep.
 */
function endOverride(input: ReviewInput, ladder: TierDoc[], current: TierDoc, override: TierOverride): ReviewDecision {
  const { spendFen, now, review } = input;
  const normal = reviewBySpend({ ...input, member: { ...input.member, tierOverride: null } });
  const held = ladder.some((tier) => tier._id === override.tierId) && holdsTier(ladder, current._id, override);
  if (normal.kind === 'upgrade' || (!held && normal.kind === 'downgrade'))
    return { kind: 'overrideEnded', to: normal.to, nextReviewAt: normal.nextReviewAt };
  if (!held || current.rank === 0 || spendFen >= current.keepSpendFen) {
    const nextReviewAt =
      normal.kind === 'notice' ? now : normal.kind === 'downgrade' ? firstReviewLookAt(current, now, review) : normal.nextReviewAt;
    return { kind: 'overrideEnded', to: current, nextReviewAt };
  }
  const to = tierForSpend(ladder, spendFen);
  return { kind: 'overrideEnded', to, nextReviewAt: firstReviewLookAt(to, now, review) };
}

/** The review by the member's spend alone, as if no admin had set their tier. */
function reviewBySpend(input: ReviewInput): ReviewDecision {
  const { member, spendFen, now, review } = input;
  const ladder = [...input.tiers].sort((a, b) => a.rank - b.rank);
  const current = ladder.find((tier) => tier._id === member.tierId) ?? (ladder[0] as TierDoc);
  const period = review.windowDays * DAY_MS;

  const reached = upgradeFor(ladder, member.tierId, spendFen);
  if (reached && reached._id !== member.tierId)
    return { kind: 'upgrade', to: reached, nextReviewAt: firstReviewLookAt(reached, now, review) };
  if (current.rank === 0) return { kind: 'schedule', nextReviewAt: null, notice: null };

  const notice = member.tierNotice && member.tierNotice.reviewAt > member.tierSince ? member.tierNotice : null;
  const due = member.tierReviewAt == null || member.tierReviewAt <= now;
  if (!due) return { kind: 'schedule', nextReviewAt: member.tierReviewAt ?? null, notice };

  if (notice) {
    if (now < notice.downgradeAt) return { kind: 'schedule', nextReviewAt: notice.downgradeAt, notice };
    const next = reviewLookAt(notice.reviewAt + period, review);
    if (spendFen >= current.keepSpendFen) return { kind: 'schedule', nextReviewAt: next, notice: null };
    const bySpend = tierForSpend(ladder, spendFen);
    const floor = floorTier(ladder, current, review.maxDropPerReview);
    const to = bySpend.rank >= floor.rank ? bySpend : floor;
    if (to.rank >= current.rank) return { kind: 'schedule', nextReviewAt: next, notice: null };
    return { kind: 'downgrade', to, reviewAt: notice.reviewAt, nextReviewAt: firstReviewLookAt(to, now, review) };
  }

  const reviewAt = latestDueReview(member.tierSince, now, review);
  if (reviewAt === null) return { kind: 'schedule', nextReviewAt: firstReviewLookAt(current, member.tierSince, review), notice: null };
  if (spendFen >= current.keepSpendFen) return { kind: 'schedule', nextReviewAt: reviewLookAt(reviewAt + period, review), notice: null };
  const downgradeAt = Math.max(reviewAt + review.graceDays * DAY_MS, now + review.noticeDays * DAY_MS);
  return { kind: 'notice', notice: { reviewAt, noticedAt: now, downgradeAt }, nextReviewAt: downgradeAt };
}
