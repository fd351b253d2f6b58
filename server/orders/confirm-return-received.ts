import { refundKindOf } from '~/core/orders/refund-plan';
import type { RefundDoc } from '~/types/orders';
import type { Fen } from '~/types/units';
import type { TokenClaims } from '~/server/admin/credentials';
import { CodedError } from '~/core/coded-error';
import type { RequestContext } from '../runtime/wx';
import { loadRefund } from './load-refund';
import { payBackRefund } from './refund-steps';

/**
 * An admin marks the goods of an approved 退货退款 received: it is paid back, for the amount its
 * preview showed, through the same steps as any refund (stock back with the goods).
 */
export async function confirmReturnReceived(
  ctx: RequestContext,
  { admin, refundId, expectedRefundFen }: { admin: TokenClaims; refundId: string; expectedRefundFen: Fen },
): Promise<RefundDoc> {
  const refund = await loadRefund(ctx, refundId);
  if (refund.status === 'refunded') return refund;
  if (refundKindOf(refund) !== 'returnAndRefund') throw new CodedError('INVALID_STATE', '该退款为仅退款，无需确认收货');
  if (refund.status === 'rejected') throw new CodedError('INVALID_STATE', '该退款已驳回', { status: 'rejected' });
  if (refund.status === 'requested')
    throw new CodedError('INVALID_STATE', '请先同意退货申请，收到退货后再确认退款', { status: 'requested' });
  return payBackRefund(ctx, refund, { admin, expectedFen: expectedRefundFen });
}
