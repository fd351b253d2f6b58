import type { EpochMs } from '~/types/units';
import { DAY_MS } from '../calendar/durations';

/** The programme's comeback numbers (ProgrammeSettings.coupons). */
export interface ComebackSettings {
  comebackAfterDays: number;
  comebackCooldownDays: number;
}

/** What the comeback sweep reads of a member. */
export interface ComebackMember {
  joinedAt: EpochMs;
  lastPaidAt?: EpochMs | null;
  /** When the member last got a comeback coupon. */
  comebackIssuedAt?: EpochMs | null;
}

export type ComebackDecision = { kind: 'issue'; nextDueAt: EpochMs } | { kind: 'wait'; nextDueAt: EpochMs };

/** When a member who joined at `joinedAt` is first due: after the configured days without a paid order. */
export function firstComebackDueAt(joinedAt: EpochMs, settings: ComebackSettings): EpochMs {
  return joinedAt + settings.comebackAfterDays * DAY_MS;
}

/**
 * Whether a member gets the comeback coupon now: no paid order for `comebackAfterDays` (members
 * who never paid count from joining), and none of these coupons in the last
 * `comebackCooldownDays`. Otherwise, when to look again.
 */
export function comebackDecision(member: ComebackMember, now: EpochMs, settings: ComebackSettings): ComebackDecision {
  const quietEnough = (member.lastPaidAt ?? member.joinedAt) + settings.comebackAfterDays * DAY_MS;
  const cooledDown = member.comebackIssuedAt == null ? 0 : member.comebackIssuedAt + settings.comebackCooldownDays * DAY_MS;
  const eligibleAt = Math.max(quietEnough, cooledDown);
  if (eligibleAt > now) return { kind: 'wait', nextDueAt: eligibleAt };
  return { kind: 'issue', nextDueAt: now + settings.comebackCooldownDays * DAY_MS };
}
