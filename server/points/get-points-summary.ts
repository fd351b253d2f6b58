import { DAY_MS } from '~/core/calendar/durations';
import { availableAt } from '~/core/points/expiry';
import type { MemberDoc } from '~/types/documents';
import type { PointsSummary } from '~/types/functions/points';
import type { RequestContext } from '../runtime/wx';

/** Buckets expiring within this many days show as "expiring soon". */
const EXPIRING_SOON_DAYS = 30;

/** The member's points at a glance: available, pending (with release dates), expiring soon. */
export async function getPointsSummary(ctx: RequestContext, member: MemberDoc): Promise<PointsSummary> {
  const lots = await ctx.db
    .collection('point_lots')
    .find({ memberId: member._id, state: ctx.db.command.in(['open', 'pending']) }, { orderBy: [['expiresAt', 'asc']], limit: 100 });
  const soon = ctx.now + EXPIRING_SOON_DAYS * DAY_MS;
  const held = lots.filter((lot) => lot.kind === 'bucket' && lot.remaining > 0 && lot.expiresAt >= ctx.now);
  return {
    available: availableAt(member.points, ctx.now),
    pending: member.points.pending,
    lifetimeEarned: member.points.lifetimeEarned,
    pendingLots: lots
      .filter((lot) => lot.kind === 'pending' && lot.remaining > 0)
      .map((lot) => ({ points: lot.remaining, availableAt: lot.pendingUntil, orderId: (lot.entryId ?? '').replace(/^earn:order:/, '') })),
    expiring: held.filter((lot) => lot.expiresAt <= soon).map((lot) => ({ points: lot.remaining, expiresAt: lot.expiresAt })),
    nextExpiry: held[0] ? { points: held[0].remaining, expiresAt: held[0].expiresAt } : null,
    negative: member.points.available < 0,
  };
}
