import type { RefundPreview } from '~/types/orders';
import type { RequestContext } from '../runtime/wx';
import { loadOrder } from './load-order';
import { loadRefund } from './load-refund';
import { refundPreviewOf } from './refund-steps';

/** What approving a refund (or confirming its goods received) would pay back and give back now, for the approval dialog. */
export async function previewRefund(ctx: RequestContext, refundId: string): Promise<RefundPreview> {
  const refund = await loadRefund(ctx, refundId);
  return refundPreviewOf(ctx, refund, await loadOrder(ctx, refund.orderId));
}
