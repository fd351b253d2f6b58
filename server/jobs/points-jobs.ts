import { expiryNoticeRange } from '~/core/schedules/expiry-notice-schedule';
import { DEFAULT_EXPIRY_NOTICE_DAYS } from '~/core/tiers/default-programme';
import type { PointLotDoc } from '~/types/points';
import { pointsExpiringMessage } from '../notify/messages';
import { sendSubscriptionMessages } from '../notify/send-subscription-message';
import { subscribersAmong } from '../notify/subscription-quota';
import { releasePendingLot } from '../points/release-pending-lot';
import { recordExpiries } from '../points/record-expiries';
import { loadProgramme } from '../programme/load-programme';
import type { RequestContext } from '../runtime/wx';
import type { ItemOutcome, JobSpec } from './run-job';
import type { PhaseItem } from './sweep-pages';
import { phasedPages } from './sweep-pages';
import { hasCode } from '~/core/coded-error';

/** A lot that changed state since the page was read is someone else's work already done. */
async function unlessMoved(work: () => Promise<{ created: boolean }>): Promise<'changed' | 'skipped'> {
  try {
    return (await work()).created ? 'changed' : 'skipped';
  } catch (error) {
    if (hasCode(error, 'INVALID_STATE')) return 'skipped';
    throw error;
  }
}

/** Makes purchase points available once their return window has closed (hourly). */
export const releasePointsJob: JobSpec<PhaseItem<'point_lots'>> = {
  name: 'job-release-points',
  cadence: 'eachTick',
  budgetMs: 45_000,
  pageSize: 100,
  concurrency: 8,
  page: phasedPages<'point_lots'>(async (ctx, sweep) => [
    { name: 'due', collection: 'point_lots', where: { state: 'pending' }, field: 'pendingUntil', range: [ctx.db.command.lte(sweep.asOf)] },
  ]),
  handle: (ctx, { doc }) => unlessMoved(() => releasePendingLot(ctx, doc)),
};

/** Messages in flight at once on a reminder page. */
const IN_FLIGHT = 16;

/** Reminds members of the month's points in a page of buckets before they expire, once per bucket (the reminder's key). */
async function remindPage(ctx: RequestContext, lots: PointLotDoc[]): Promise<ItemOutcome[]> {
  const due = lots.flatMap((lot, index) => (lot.kind === 'bucket' && lot.remaining > 0 ? [index] : []));
  const sent = await sendSubscriptionMessages(
    ctx,
    due.map((index) => {
      const lot = lots[index] as PointLotDoc;
      return {
        effectKey: lot._id,
        memberId: lot.memberId,
        message: pointsExpiringMessage({ points: lot.remaining, expiresAt: lot.expiresAt }),
      };
    }),
    IN_FLIGHT,
  );
  const outcomes: ItemOutcome[] = lots.map(() => 'skipped');
  due.forEach((index, i) => (outcomes[index] = sent[i] === 'sent' || sent[i] === 'failed' ? 'changed' : 'skipped'));
  return outcomes;
}

/** Expired buckets, then buckets whose reminder falls in this sweep. */
const expiryPages = phasedPages<'point_lots'>(async (ctx, sweep) => {
  const _ = ctx.db.command;
  const { programme } = await loadProgramme(ctx);
  const { after, upTo } = expiryNoticeRange(sweep.asOf, sweep.since, programme.points.expiryNoticeDays ?? DEFAULT_EXPIRY_NOTICE_DAYS);
  return [
    // Every bucket whose month ended since the last sweep, whatever became of it (a run cut off halfway may have marked some).
    {
      name: 'expired',
      collection: 'point_lots',
      where: { kind: 'bucket' },
      field: 'expiresAt',
      range: sweep.since === null ? [_.lt(sweep.asOf)] : [_.gte(sweep.since), _.lt(sweep.asOf)],
    },
    { name: 'expiring', collection: 'point_lots', where: { kind: 'bucket' }, field: 'expiresAt', range: [_.gt(after), _.lte(upTo)] },
  ];
});

/**
 * Daily: records the expiry of buckets whose month has ended (recordExpiries: an entry for what
 * was left, none for a bucket spent down to nothing; each closed so it leaves the sweep), then
 * reminds members of buckets expiring within the programme's notice days that the last sweep
 * did not reach.
 */
export const expirePointsJob: JobSpec<PhaseItem<'point_lots'>> = {
  name: 'job-expire-points',
  cadence: 'daily',
  budgetMs: 45_000,
  pageSize: 999,
  // A page waits on its chunks' requests, or on its messages, in turn: a second page keeps the database and the instance busy meanwhile.
  pagesInFlight: 2,
  page: async (ctx, cursor, limit, sweep) => {
    const page = await expiryPages(ctx, cursor, limit, sweep);
    // Most members never subscribed: one read per page finds those who did; the others need no request at all.
    const reminders = page.items.filter((item) => item.phase === 'expiring');
    if (reminders.length === 0) return page;
    const subscribed = await subscribersAmong(
      ctx,
      'pointsExpiring',
      reminders.map((item) => item.doc.memberId),
    );
    return { ...page, items: page.items.filter((item) => item.phase !== 'expiring' || subscribed.has(item.doc.memberId)) };
  },
  estimate: expiryPages.estimate,
  handlePage: async (ctx, items) => {
    const outcomes: ItemOutcome[] = items.map(() => 'skipped');
    const expire = async (ctx: RequestContext, lots: PointLotDoc[]) =>
      (await recordExpiries(ctx, lots)).map((done): ItemOutcome => (done === 'recorded' ? 'changed' : 'skipped'));
    for (const [phases, work] of [
      [['expired'], expire],
      [['expiring'], remindPage],
    ] as const) {
      const indexes = items.flatMap((item, index) => ((phases as readonly string[]).includes(item.phase) ? [index] : []));
      if (indexes.length === 0) continue;
      const results = await work(
        ctx,
        indexes.map((index) => (items[index] as PhaseItem<'point_lots'>).doc),
      );
      indexes.forEach((index, i) => (outcomes[index] = results[i] as ItemOutcome));
    }
    return outcomes;
  },
};
