import { DAY_MS } from '~/core/calendar/durations';
import type { LifecycleStage } from '~/types/marketing';
import type { MarketingSettings } from '~/types/programme';
import type { EpochMs } from '~/types/units';

/** The day thresholds of the lifecycle stages, as the programme sets them (规则设置). */
export type LifecycleThresholds = MarketingSettings['lifecycle'];

export const LIFECYCLE_DEFAULTS: LifecycleThresholds = { newDays: 30, activeDays: 90, dormantDays: 180, wonBackDays: 30 };

/** What decides a member's stage, as of `now`. */
export interface LifecycleInput {
  joinedAt: EpochMs;
  /** The last purchase ever (null: never bought). */
  lastPurchaseAt: EpochMs | null;
  /** Purchases ever known (at least those of the RFM window). */
  purchases: number;
  /** The stage of the last refresh and since when (null: no profile yet). */
  previous: { stage: LifecycleStage; since: EpochMs } | null;
}

/**
 * The member's stage as of `now`:
 * - `new`: joined less than `newDays` ago with at most one purchase;
 * - `wonBack`: bought again after having been `dormant` or `churned` (the purchase came after
 *   the stage began), for `wonBackDays` from that stage on, then `active`;
 * - `active`: bought within `activeDays`;
 * - `dormant`: the last purchase (or, for a member who never bought, joining) `activeDays` to
 *   `dormantDays` ago; `churned`: longer.
 */
export function lifecycleStage(input: LifecycleInput, now: EpochMs, thresholds: LifecycleThresholds = LIFECYCLE_DEFAULTS): LifecycleStage {
  const { joinedAt, lastPurchaseAt, purchases, previous } = input;
  if (now - joinedAt < thresholds.newDays * DAY_MS && purchases <= 1) return 'new';
  const since = lastPurchaseAt ?? joinedAt;
  const away = now - since;
  if (lastPurchaseAt !== null && away <= thresholds.activeDays * DAY_MS) {
    if (previous && (previous.stage === 'dormant' || previous.stage === 'churned') && lastPurchaseAt >= previous.since) return 'wonBack';
    if (previous?.stage === 'wonBack' && now - previous.since < thresholds.wonBackDays * DAY_MS) return 'wonBack';
    return 'active';
  }
  if (away <= thresholds.dormantDays * DAY_MS) return 'dormant';
  return 'churned';
}

/** The most stage changes a profile keeps. */
export const STAGE_HISTORY_LIMIT = 20;

/** The stage, its start and history after a refresh that found `stage`: unchanged when it is the same. */
export function nextStage(
  previous: { stage: LifecycleStage; stageSince: EpochMs; stageHistory: { stage: LifecycleStage; at: EpochMs }[] } | null,
  stage: LifecycleStage,
  now: EpochMs,
): { stage: LifecycleStage; stageSince: EpochMs; stageHistory: { stage: LifecycleStage; at: EpochMs }[] } {
  if (previous && previous.stage === stage) return { stage, stageSince: previous.stageSince, stageHistory: previous.stageHistory };
  const history = [...(previous?.stageHistory ?? []), { stage, at: now }].slice(-STAGE_HISTORY_LIMIT);
  return { stage, stageSince: now, stageHistory: history };
}
