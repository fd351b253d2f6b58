import type { RefundDoc } from '~/types/orders';
import type { TokenClaims } from '~/server/admin/credentials';
import { CodedError } from '~/core/coded-error';
import { updateWithAudit } from '../audit/change-with-audit';
import type { RequestContext } from '../runtime/wx';
import { adminActor } from '../staff/admin-actor';
import { loadRefund } from './load-refund';

/** Refunds that may still be turned down: asked for, or a return approved whose goods have not arrived. */
const REJECTABLE: readonly RefundDoc['status'][] = ['requested', 'awaitingReturn'];

/** An admin turns a refund request (or a return still awaited) down, with a note the member sees. */
export async function rejectRefund(
  ctx: RequestContext,
  { admin, refundId, note }: { admin: TokenClaims; refundId: string; note: string },
): Promise<RefundDoc> {
  const refund = await loadRefund(ctx, refundId);
  if (refund.status === 'rejected') return refund;
  const fields = { status: 'rejected' as const, reviewedBy: admin.sub, reviewNote: note, reviewedAt: ctx.now, updatedAt: ctx.now };
  const rejected = await updateWithAudit(ctx, {
    collection: 'refunds',
    id: refundId,
    expected: (now) => now.status === refund.status && REJECTABLE.includes(now.status),
    change: fields,
    audit: () => ({
      _id: `audit:refund:${refundId}:reject`,
      actor: adminActor(admin),
      action: 'rejectRefund',
      target: { type: 'refund', id: refundId },
      memberId: refund.memberId,
      before: { status: refund.status },
      after: { status: 'rejected', note },
    }),
  });
  if (!rejected) {
    const current = await loadRefund(ctx, refundId);
    if (current.status === 'rejected') return current;
    throw new CodedError('INVALID_STATE', '该退款已在处理或已完成，不能驳回', { status: current.status });
  }
  await ctx.db
    .collection('orders')
    .updateWhere(
      { _id: refund.orderId },
      { timeline: ctx.db.command.push([{ status: 'refundRejected', at: ctx.now, note: `退款被驳回：${note}` }]), updatedAt: ctx.now },
    );
  return { ...refund, ...fields };
}
