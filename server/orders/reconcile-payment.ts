import type { OrderDoc } from '~/types/orders';
import type { RequestContext } from '../runtime/wx';
import { applyPayment } from './apply-payment';
import { paymentState } from './wechat-pay';

/**
 * Asks WeChat Pay how an order's payment stands, for when its callback may still be on its way,
 * and applies a payment it reports made exactly as the callback does (the same use-case, so the
 * callback arriving later changes nothing). Answers WeChat Pay's trade state and the order after
 * it: paid when the payment was applied (`paidAt` set). Throws NOT_AVAILABLE when WeChat Pay
 * cannot tell.
 */
export async function reconcilePayment(ctx: RequestContext, order: OrderDoc): Promise<{ tradeState: string; order: OrderDoc }> {
  const state = await paymentState(order.orderNo);
  if (!state.paid) return { tradeState: state.tradeState, order };
  const after = await applyPayment(ctx, order, {
    outTradeNo: order.orderNo,
    transactionId: state.transactionId,
    totalFee: state.totalFee,
  });
  return { tradeState: 'SUCCESS', order: after };
}
