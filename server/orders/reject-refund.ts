import type { RefundDoc } from '~/types/orders';
import type { RequestContext } from '../runtime/wx';
import { CodedError } from '~/core/coded-error';
import { loadRefund } from './load-refund';

/** Staff or an admin turn a refund request down, with a note the member sees. */
export async function rejectRefund(
  ctx: RequestContext,
  { reviewer, refundId, note }: { reviewer: string; refundId: string; note: string },
): Promise<RefundDoc> {
  const refund = await loadRefund(ctx, refundId);
  if (refund.status === 'rejected') return refund;
  const fields = { status: 'rejected' as const, reviewedBy: reviewer, reviewNote: note, reviewedAt: ctx.now, updatedAt: ctx.now };
  const moved = await ctx.db.collection('refunds').updateWhere({ _id: refundId, status: 'requested' }, fields);
  if (moved !== 1)
    throw new CodedError('INVALID_STATE', '该退款已在处理或已完成，不能驳回', { status: (await loadRefund(ctx, refundId)).status });
  await ctx.db
    .collection('orders')
    .updateWhere(
      { _id: refund.orderId },
      { timeline: ctx.db.command.push([{ status: 'refundRejected', at: ctx.now, note: `退款被驳回：${note}` }]), updatedAt: ctx.now },
    );
  return { ...refund, ...fields };
}
