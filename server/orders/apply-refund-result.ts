import type { RefundDoc } from '~/types/orders';
import type { RequestContext } from '../runtime/wx';
import { resumeRefund } from './refund-steps';

/** WeChat Pay's asynchronous result of a refund it took, as its notification carries it. */
export interface RefundResult {
  outTradeNo: string;
  outRefundNo: string;
  /** SUCCESS; CHANGE (abnormal: the member's account refused the money); REFUNDCLOSE (closed). */
  refundStatus: string;
  refundFee: number;
}

/** What an admin reads of an abnormal result; WeChat Pay's own status is kept beside it. */
const ABNORMAL_REASON: Record<string, string> = {
  CHANGE: '微信支付退款异常：退款到账失败（用户账户异常或已注销），请到微信支付商户平台处理后线下退款',
  REFUNDCLOSE: '微信支付退款关闭：退款未到账，请到微信支付商户平台核实后重新处理',
};

/**
 * Acts on WeChat Pay's refund result: SUCCESS finishes a refund still refunding (its answer to
 * the call may have been lost) without asking WeChat Pay again, and changes nothing on one
 * already refunded; an abnormal result is recorded on the refund for an admin. A notification
 * naming no refund of ours, or not matching it, changes nothing. Answers the refund, or null.
 */
export async function applyRefundResult(ctx: RequestContext, result: RefundResult): Promise<RefundDoc | null> {
  const refund = await ctx.db.collection('refunds').findOne({ refundNo: result.outRefundNo });
  if (!refund || refund.orderNo !== result.outTradeNo || refund.amountFen !== result.refundFee) {
    console.error(`[pay-callback] refund result for an unknown refund ${result.outRefundNo} of ${result.outTradeNo}`);
    return null;
  }
  if (result.refundStatus === 'SUCCESS') {
    if (refund.status !== 'refunding') return refund;
    return resumeRefund(ctx, refund, { confirmed: true });
  }
  if (refund.abnormal?.refundStatus === result.refundStatus) return refund;
  const abnormal = {
    source: 'wechat' as const,
    refundStatus: result.refundStatus,
    reason: ABNORMAL_REASON[result.refundStatus] ?? `微信支付退款状态异常（${result.refundStatus}），请到商户平台核实`,
    at: ctx.now,
  };
  await ctx.db
    .collection('refunds')
    .updateWhere({ _id: refund._id, status: ctx.db.command.in(['refunding', 'refunded']) }, { abnormal, updatedAt: ctx.now });
  return ctx.db.collection('refunds').get(refund._id);
}
