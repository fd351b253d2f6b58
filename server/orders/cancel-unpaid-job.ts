import type { JobSpec } from '../jobs/run-job';
import type { PhaseItem } from '../jobs/sweep-pages';
import { phasedPages } from '../jobs/sweep-pages';
import { REDEMPTION_ABANDONED_MS, repairRedemption } from '../rewards/repair-redemption';
import { cancelOrder } from './cancel-order';
import { failPlacement, finishFailedPlacement } from './placement-steps';
import { CodedError, hasCode } from '~/core/coded-error';

/**
 * Unpaid orders past their payment deadline are cancelled and give back their stock, coupons
 * and points (every few minutes). The same sweep finishes placements whose request died
 * (still `placing` at the deadline) and cancellations whose give-back a crash cut short, and
 * redemptions a crash left part-way (stock taken, points maybe spent), which would otherwise
 * keep a reward's stock low until the member retried.
 */
export const cancelUnpaidJob: JobSpec<PhaseItem<'orders' | 'redemptions'>> = {
  name: 'job-cancel-unpaid',
  budgetMs: 45_000,
  pageSize: 50,
  // Each phase is an exact range of one index (status, …, payDeadline or updatedAt, _id): a page costs what the first one does.
  page: phasedPages<'orders' | 'redemptions'>(async (ctx, { asOf }) => {
    const _ = ctx.db.command;
    const past = [_.lt(asOf)];
    const abandoned = [_.lt(asOf - REDEMPTION_ABANDONED_MS)];
    return [
      { name: 'unpaid', collection: 'orders', where: { status: 'pendingPayment' }, field: 'payDeadline', range: past },
      { name: 'placing', collection: 'orders', where: { status: 'placing' }, field: 'payDeadline', range: past },
      { name: 'cancelled', collection: 'orders', where: { status: 'cancelled', holdsReturned: false }, field: 'payDeadline', range: past },
      { name: 'redeeming', collection: 'redemptions', where: { status: 'processing' }, field: 'updatedAt', range: abandoned },
      { name: 'redemptionFailing', collection: 'redemptions', where: { status: 'failing' }, field: 'updatedAt', range: abandoned },
      { name: 'redemptionCancelling', collection: 'redemptions', where: { status: 'cancelling' }, field: 'updatedAt', range: abandoned },
    ];
  }),
  handle: async (ctx, item) => {
    if (item.collection === 'redemptions') return repairRedemption(ctx, item.doc);
    const order = item.doc;
    if (order.status === 'placing') {
      if (order.failure) await finishFailedPlacement(ctx, order);
      else await failPlacement(ctx, order, new CodedError('NOT_AVAILABLE', '下单超时未完成，请重新下单'));
      return 'changed';
    }
    try {
      await cancelOrder(ctx, order, '超时未支付，订单已自动取消');
      return 'changed';
    } catch (error) {
      // Paid at the last moment: the payment was applied instead.
      if (hasCode(error, 'INVALID_STATE')) return 'skipped';
      throw error;
    }
  },
};
