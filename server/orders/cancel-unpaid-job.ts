import { RuleError } from '~/core/rule-error';
import type { OrderDoc } from '~/types/orders';
import { keysetPage } from '../db/keyset-page';
import type { JobSpec } from '../jobs/run-job';
import { AppError } from '../runtime/errors';
import { cancelOrder } from './cancel-order';
import { failPlacement, finishFailedPlacement } from './placement-failure';

/**
 * Unpaid orders past their payment deadline are cancelled and give back their stock, coupons
 * and points (every few minutes). The same sweep finishes placements whose request died
 * (still `placing` at the deadline) and cancellations whose give-back a crash cut short.
 */
export const cancelUnpaidJob: JobSpec<OrderDoc> = {
  name: 'job-cancel-unpaid',
  budgetMs: 45_000,
  pageSize: 50,
  page: async (ctx, cursor, limit) => {
    const _ = ctx.db.command;
    const query = _.or([
      { status: _.in(['pendingPayment', 'placing']), payDeadline: _.lt(ctx.now) },
      { status: 'cancelled', holdsReturned: false, payDeadline: _.lt(ctx.now) },
    ]);
    const { items, nextCursor } = await keysetPage(ctx.db.collection<OrderDoc>('orders'), _, query, { field: 'payDeadline', direction: 'asc' }, { pageSize: limit, cursor: cursor ?? undefined });
    return { items, next: nextCursor };
  },
  handle: async (ctx, order) => {
    if (order.status === 'placing') {
      if (order.failure) await finishFailedPlacement(ctx, order);
      else await failPlacement(ctx, order, new RuleError('NOT_AVAILABLE', '下单超时未完成，请重新下单'));
      return 'changed';
    }
    try {
      await cancelOrder(ctx, order, '超时未支付，订单已自动取消');
      return 'changed';
    } catch (error) {
      // Paid at the last moment: the payment was applied instead.
      if ((error instanceof AppError || error instanceof RuleError) && error.code === 'INVALID_STATE') return 'skipped';
      throw error;
    }
  },
};
