import { refundKindOf } from '~/core/orders/refund-plan';
import type { RefundDoc } from '~/types/orders';
import type { Fen } from '~/types/units';
import type { TokenClaims } from '~/server/admin/credentials';
import { CodedError } from '~/core/coded-error';
import { yuanText } from '~/core/money/format';
import { changeWithAudit } from '../audit/change-with-audit';
import type { RequestContext } from '../runtime/wx';
import { adminActor } from '../staff/admin-actor';
import { loadOrder } from './load-order';
import { loadRefund } from './load-refund';
import { payBackRefund, priceChanged, refundPreviewOf } from './refund-steps';
import { loadShopSettings } from './shop-settings';

/**
 * An admin approves a refund for the amount its preview showed: 仅退款 is paid back at once (see
 * refundSteps); 退货退款 waits for the goods (awaitingReturn, with the return address), and is paid
 * back when they are received. A different amount now is refused with PRICE_CHANGED and the new
 * preview, changing nothing. Approving again finishes one a crash or a failed WeChat Pay call cut
 * short, repeating nothing.
 */
export async function approveRefund(
  ctx: RequestContext,
  { admin, refundId, expectedRefundFen }: { admin: TokenClaims; refundId: string; expectedRefundFen: Fen },
): Promise<RefundDoc> {
  const refund = await loadRefund(ctx, refundId);
  if (refund.status === 'refunded') return refund;
  if (refund.status === 'rejected') throw new CodedError('INVALID_STATE', '该退款已驳回', { status: 'rejected' });
  if (refundKindOf(refund) === 'returnAndRefund' && refund.status !== 'refunding')
    return approveReturn(ctx, refund, admin, expectedRefundFen);
  return payBackRefund(ctx, refund, { admin, expectedFen: expectedRefundFen });
}

/**
 * 退货退款 approved: a guarded move requested → awaitingReturn with where to send the goods, its
 * timeline note and its audit entry, in one transaction. A repeat finds it moved and changes nothing.
 */
async function approveReturn(ctx: RequestContext, refund: RefundDoc, admin: TokenClaims, expectedFen: Fen): Promise<RefundDoc> {
  if (refund.status !== 'requested') return refund;
  const order = await loadOrder(ctx, refund.orderId);
  const preview = await refundPreviewOf(ctx, refund, order);
  if (preview.amountFen !== expectedFen) throw priceChanged(preview);
  const shop = await loadShopSettings(ctx);
  const fields = {
    status: 'awaitingReturn' as const,
    reviewedBy: admin.sub,
    reviewedAt: ctx.now,
    returnTo: shop.returnAddress,
    updatedAt: ctx.now,
  };
  const moved = await changeWithAudit(ctx, async (tx) => {
    const ref = tx.collection('refunds').doc(refund._id);
    const found = (await ref.get()).data;
    if (found?.status !== 'requested') return { value: null, audit: null };
    await ref.update({ data: fields });
    const note = `退货申请已同意，请寄回商品，商家收到后退款 ¥${yuanText(preview.amountFen)}`;
    await tx
      .collection('orders')
      .doc(refund.orderId)
      .update({ data: { timeline: ctx.db.command.push([{ status: 'returnApproved', at: ctx.now, note }]), updatedAt: ctx.now } });
    return {
      value: { ...found, ...fields },
      audit: {
        _id: `audit:refund:${refund._id}:approveReturn`,
        actor: adminActor(admin),
        action: 'approveRefund',
        target: { type: 'refund', id: refund._id },
        memberId: refund.memberId,
        before: { status: 'requested' },
        after: { status: 'awaitingReturn', amountFen: found.amountFen },
      },
    };
  });
  if (moved) return moved;
  const current = await loadRefund(ctx, refund._id);
  if (current.status === 'rejected') throw new CodedError('INVALID_STATE', '该退款已驳回', { status: 'rejected' });
  return current;
}
