import { formatShanghai } from '~/core/coupons/calendar-days';
import { sdk } from '../db/cloud';
import { CodedError } from '~/core/coded-error';

/** The function WeChat Pay calls back with payment and refund results. */
export const PAY_CALLBACK_FUNCTION = 'pay-callback';

interface PayReply {
  returnCode?: string;
  resultCode?: string;
  errCode?: string;
  errCodeDes?: string;
  tradeState?: string;
  transactionId?: string;
  totalFee?: number;
  payment?: { timeStamp: string; nonceStr: string; package: string; signType: string; paySign: string };
}

/** The merchant the brand's payments go to (cloud development's sub-merchant id), from the function's environment; NOT_AVAILABLE when unset. */
export function subMchId(): string {
  const id = process.env.LM_SUB_MCH_ID;
  if (!id) throw new CodedError('NOT_AVAILABLE', '支付暂未开通，请联系商家');
  return id;
}

const envId = () => String((sdk().getWXContext() as { ENV?: string }).ENV ?? '');

/** `cloud.cloudPay.unifiedOrder`: a prepaid WeChat Pay order, answered with what `wx.requestPayment` needs. */
export async function unifiedOrder(input: { outTradeNo: string; totalFee: number; body: string; expiresAt: number }): Promise<PayReply> {
  return (await sdk().cloudPay.unifiedOrder({
    body: input.body,
    outTradeNo: input.outTradeNo,
    // WeChat Pay stops taking payment when the order's own deadline passes.
    timeExpire: formatShanghai(input.expiresAt, 'YYYYMMDDHHmmss'),
    spbillCreateIp: '127.0.0.1',
    subMchId: subMchId(),
    totalFee: input.totalFee,
    envId: envId(),
    functionName: PAY_CALLBACK_FUNCTION,
  })) as PayReply;
}

/** `cloud.cloudPay.queryOrder`: the trade state of a payment (NOTPAY, SUCCESS, CLOSED, …). */
export async function queryOrder(outTradeNo: string): Promise<PayReply> {
  return (await sdk().cloudPay.queryOrder({ outTradeNo, subMchId: subMchId() })) as PayReply;
}

/** `cloud.cloudPay.closeOrder`: closes an unpaid payment so it can no longer be paid. */
export async function closeOrder(outTradeNo: string): Promise<PayReply> {
  return (await sdk().cloudPay.closeOrder({ outTradeNo, subMchId: subMchId() })) as PayReply;
}

/**
 * `cloud.cloudPay.refund`: refunds part or all of a payment. WeChat Pay treats a repeated
 * `outRefundNo` as the same refund, so a retry never pays out twice.
 */
export async function refund(input: { outTradeNo: string; outRefundNo: string; totalFee: number; refundFee: number }): Promise<PayReply> {
  return (await sdk().cloudPay.refund({
    outTradeNo: input.outTradeNo,
    outRefundNo: input.outRefundNo,
    totalFee: input.totalFee,
    refundFee: input.refundFee,
    subMchId: subMchId(),
    envId: envId(),
    functionName: PAY_CALLBACK_FUNCTION,
  })) as PayReply;
}

/** Whether a reply is a success of the call and of the business result. */
export const succeeded = (reply: PayReply) => reply.returnCode === 'SUCCESS' && reply.resultCode === 'SUCCESS';
