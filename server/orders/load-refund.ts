import type { RefundDoc } from '~/types/orders';
import type { RequestContext } from '../runtime/wx';
import { CodedError } from '~/core/coded-error';

/** A refund by id; NOT_FOUND when there is none. */
export async function loadRefund(ctx: RequestContext, refundId: string): Promise<RefundDoc> {
  const refund = await ctx.db.collection('refunds').get(refundId);
  if (!refund) throw new CodedError('NOT_FOUND', '退款申请不存在');
  return refund;
}
