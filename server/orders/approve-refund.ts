import { refundKindOf } from '~/core/orders/refund-plan';
import type { RefundDoc } from '~/types/orders';
import type { Fen } from '~/types/units';
import type { TokenClaims } from '~/server/admin/credentials';
import { CodedError } from '~/core/coded-error';
import { yuanText } from '~/core/money/format';
import { writeAudit } from '../audit/write-audit';
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
 * 退货退款 approved: a guarded move requested → awaitingReturn with where to send the goods. A
 * repeat finds it moved and only makes sure its audit entry is written.
 */
async function approveReturn(ctx: RequestContext, refund: RefundDoc, admin: TokenClaims, expectedFen: Fen): Promise<RefundDoc> {
  let current = refund;
  if (current.status === 'requested') {
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
    const moved = await ctx.db.collection('refunds').updateWhere({ _id: refund._id, status: 'requested' }, fields);
    if (moved === 1) {
      current = { ...refund, ...fields };
      await ctx.db.collection('orders').updateWhere(
        { _id: refund.orderId },
        {
          timeline: ctx.db.command.push([
            { status: 'returnApproved', at: ctx.now, note: `退货申请已同意，请寄回商品，商家收到后退款 ¥${yuanText(preview.amountFen)}` },
          ]),
          updatedAt: ctx.now,
        },
      );
    } else {
      current = await loadRefund(ctx, refund._id);
      if (current.status === 'rejected') throw new CodedError('INVALID_STATE', '该退款已驳回', { status: 'rejected' });
      if (current.status !== 'awaitingReturn') return current;
    }
  }
  await writeAudit(ctx, {
    _id: `audit:refund:${current._id}:approveReturn`,
    actor: adminActor(admin),
    action: 'approveRefund',
    target: { type: 'refund', id: current._id },
    memberId: current.memberId,
    before: { status: 'requested' },
    after: { status: 'awaitingReturn', amountFen: current.amountFen },
  });
  return current;
}
