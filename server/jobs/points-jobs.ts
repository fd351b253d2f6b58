import { RuleError } from '~/core/rule-error';
import { expiryNoticeRange } from '~/core/schedules/expiry-notice-schedule';
import { DEFAULT_EXPIRY_NOTICE_DAYS } from '~/core/tiers/default-programme';
import type { PointLotDoc } from '~/types/points';
import { pointsExpiringMessage } from '../notify/messages';
import { sendSubscriptionMessage } from '../notify/send-subscription-message';
import { subscribersAmong } from '../notify/subscription-quota';
import { expireBucket, releasePendingLot } from '../points/member-points';
import { loadProgramme } from '../programme/load-programme';
import type { RequestContext } from '../runtime/wx';
import type { JobSpec } from './run-job';
import type { PhaseItem } from './sweep-pages';
import { phasedPages } from './sweep-pages';

/** A lot that changed state since the page was read is someone else's work already done. */
async function unlessMoved(work: () => Promise<{ created: boolean }>): Promise<'changed' | 'skipped'> {
  try {
    return (await work()).created ? 'changed' : 'skipped';
  } catch (error) {
    if (error instanceof RuleError && error.code === 'INVALID_STATE') return 'skipped';
    throw error;
  }
}

/** Makes purchase points available once their return window has closed (hourly). */
export const releasePointsJob: JobSpec<PhaseItem> = {
  name: 'job-release-points',
  cadence: 'eachTick',
  budgetMs: 45_000,
  pageSize: 100,
  concurrency: 8,
  page: phasedPages(async (ctx, sweep) => [
    { name: 'due', collection: 'point_lots', where: { state: 'pending' }, field: 'pendingUntil', range: [ctx.db.command.lte(sweep.asOf)] },
  ]),
  handle: (ctx, { doc }) => unlessMoved(() => releasePendingLot(ctx, doc as unknown as PointLotDoc)),
};

/** Reminds the member of one month's points before they expire, once per bucket (the reminder's key). */
async function remindExpiring(ctx: RequestContext, lot: PointLotDoc): Promise<'changed' | 'skipped'> {
  if (lot.kind !== 'bucket' || lot.remaining <= 0) return 'skipped';
  const outcome = await sendSubscriptionMessage(ctx, {
    effectKey: lot._id,
    memberId: lot.memberId,
    message: pointsExpiringMessage({ points: lot.remaining, expiresAt: lot.expiresAt }),
  });
  return outcome === 'sent' || outcome === 'failed' ? 'changed' : 'skipped';
}

/** Expired buckets, then buckets whose reminder falls in this sweep. */
const expiryPages = phasedPages(async (ctx, sweep) => {
  const _ = ctx.db.command;
  const { programme } = await loadProgramme(ctx);
  const { after, upTo } = expiryNoticeRange(sweep.asOf, sweep.since, programme.points.expiryNoticeDays ?? DEFAULT_EXPIRY_NOTICE_DAYS);
  return [
    { name: 'expired', collection: 'point_lots', where: { state: 'open' }, field: 'expiresAt', range: [_.lt(sweep.asOf)] },
    { name: 'expiring', collection: 'point_lots', where: { state: 'open' }, field: 'expiresAt', range: [_.gt(after), _.lte(upTo)] },
  ];
});

/**
 * Daily: expires what is left in buckets whose month has ended (a bucket already spent down to
 * nothing is just closed, with no ledger entry, so it leaves the sweep), then reminds members
 * of buckets expiring within the programme's notice days that the last sweep did not reach.
 */
export const expirePointsJob: JobSpec<PhaseItem> = {
  name: 'job-expire-points',
  cadence: 'daily',
  budgetMs: 45_000,
  pageSize: 100,
  concurrency: 8,
  page: async (ctx, cursor, limit, sweep) => {
    const { items, next } = await expiryPages(ctx, cursor, limit, sweep);
    // Most members never subscribed: one read per page finds those who did; the others need no request at all.
    const reminders = items.filter((item) => item.phase === 'expiring');
    if (reminders.length === 0) return { items, next };
    const subscribed = await subscribersAmong(ctx, 'pointsExpiring', reminders.map((item) => String(item.doc.memberId)));
    return { items: items.filter((item) => item.phase !== 'expiring' || subscribed.has(String(item.doc.memberId))), next };
  },
  handle: async (ctx, { phase, doc }) => {
    const lot = doc as unknown as PointLotDoc;
    if (phase === 'expiring') return remindExpiring(ctx, lot);
    if (lot.remaining === 0) {
      await ctx.db.collection<PointLotDoc>('point_lots').updateWhere({ _id: lot._id, state: 'open', remaining: 0 }, { state: 'expired', updatedAt: ctx.now });
      return 'skipped';
    }
    return unlessMoved(() => expireBucket(ctx, lot));
  },
};
