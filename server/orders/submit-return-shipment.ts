import type { Carrier, RefundDoc } from '~/types/orders';
import type { RequestContext } from '../runtime/wx';
import { CodedError } from '~/core/coded-error';
import { loadOwnOrder } from './load-order';

/**
 * The member says how they sent back the goods of an approved 退货退款 (the carrier is optional);
 * they may correct it until the goods arrive. Sending the same again changes nothing.
 */
export async function submitReturnShipment(
  ctx: RequestContext,
  memberId: string,
  input: { orderId: string; refundId: string; carrier?: Carrier; waybillNo: string },
): Promise<RefundDoc> {
  const order = await loadOwnOrder(ctx, memberId, input.orderId);
  const refunds = ctx.db.collection('refunds');
  const refund = await refunds.get(input.refundId);
  if (!refund || refund.orderId !== order._id) throw new CodedError('NOT_FOUND', '退款申请不存在');
  if (refund.status !== 'awaitingReturn')
    throw new CodedError('INVALID_STATE', refund.status === 'requested' ? '退货申请还在审核中，通过后再寄回商品' : '该退款无需再寄回商品', {
      status: refund.status,
    });
  const carrier = input.carrier ?? null;
  const same = refund.returnShipment?.waybillNo === input.waybillNo && (refund.returnShipment?.carrier ?? null) === carrier;
  if (same) return refund;
  const returnShipment = { carrier, waybillNo: input.waybillNo, at: ctx.now };
  const moved = await refunds.updateWhere({ _id: refund._id, status: 'awaitingReturn' }, { returnShipment, updatedAt: ctx.now });
  if (moved !== 1) throw new CodedError('INVALID_STATE', '商家已处理该退货，不能再修改物流信息');
  await ctx.db.collection('orders').updateWhere(
    { _id: order._id },
    {
      timeline: ctx.db.command.push([
        { status: 'returnShipped', at: ctx.now, note: `已寄回商品：${carrier ? `${carrier} ` : ''}运单号 ${input.waybillNo}` },
      ]),
      updatedAt: ctx.now,
    },
  );
  return { ...refund, returnShipment, updatedAt: ctx.now };
}
