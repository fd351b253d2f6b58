import { MINUTE_MS } from '~/core/calendar/durations';
import { hasCode } from '~/core/coded-error';
import type { JobSpec } from '../jobs/run-job';
import type { PhaseItem } from '../jobs/sweep-pages';
import { phasedPages } from '../jobs/sweep-pages';
import { resumeRefund } from './refund-steps';

/** A refund untouched this long while refunding is taken to be stuck: its approval's call failed or the request died. */
const RETRY_AFTER_MS = 5 * MINUTE_MS;

/** Failed WeChat Pay calls after which a refund waits for a person instead of the next tick. */
export const MAX_PAY_BACK_ATTEMPTS = 5;

/**
 * Refunds stuck in refunding (WeChat Pay's refund call failed, or the approval died part-way)
 * are paid back again every few minutes under the same refund number, so WeChat Pay never pays
 * twice, and their remaining steps are finished. Every failed call is counted on the refund
 * with its error; after the last attempt the refund is flagged abnormal for a person and left
 * alone, still open. Two runs never overlap (the job lease), and an approval retried at the same
 * time repeats nothing: every refund step is idempotent.
 */
export const retryRefundsJob: JobSpec<PhaseItem<'refunds'>> = {
  name: 'job-retry-refunds',
  budgetMs: 45_000,
  pageSize: 20,
  page: phasedPages<'refunds'>(async (ctx, { asOf }) => [
    {
      name: 'stuck',
      collection: 'refunds',
      where: { status: 'refunding' },
      field: 'updatedAt',
      range: [ctx.db.command.lt(asOf - RETRY_AFTER_MS)],
    },
  ]),
  handle: async (ctx, { doc: refund }) => {
    if (refund.abnormal) return 'skipped';
    try {
      await resumeRefund(ctx, refund);
      return 'changed';
    } catch (error) {
      if (!hasCode(error, 'PAYMENT_FAILED')) throw error;
      const failed = await ctx.db.collection('refunds').get(refund._id);
      const attempts = failed?.payBack?.failedAttempts ?? 0;
      if (failed?.status === 'refunding' && attempts >= MAX_PAY_BACK_ATTEMPTS) {
        const reason = `微信退款已自动重试 ${attempts} 次仍失败：${failed.payBack?.lastError ?? ''}，请核实后再次审核通过以重试`;
        await ctx.db
          .collection('refunds')
          .updateWhere(
            { _id: refund._id, status: 'refunding' },
            { abnormal: { source: 'retries', refundStatus: null, reason, at: ctx.now }, updatedAt: ctx.now },
          );
      }
      return 'changed';
    }
  },
};
