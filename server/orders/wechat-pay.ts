import { formatShanghai } from '~/core/coupons/calendar-days';
import { sdk } from '../db/cloud';
import { CodedError } from '~/core/coded-error';

/** The function WeChat Pay calls back with payment and refund results. */
export const PAY_CALLBACK_FUNCTION = 'pay-callback';

interface PayReply {
  returnCode?: string;
  returnMsg?: string;
  resultCode?: string;
  /** WeChat Pay's business code (ORDERPAID, …) — but the SDK puts 0 over it on every reply it receives, so never test it. */
  errCode?: string | number;
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
async function queryOrder(outTradeNo: string): Promise<PayReply> {
  return (await sdk().cloudPay.queryOrder({ outTradeNo, subMchId: subMchId() })) as PayReply;
}

/** What WeChat Pay says of a payment: paid (with what the callback would carry), or not paid and never will be as it stands. */
export type PaymentState = { paid: true; transactionId: string; totalFee: number } | { paid: false; tradeState: string };

/** Trade states of a payment that has not taken money. USERPAYING (the member is entering the password) and REFUND are not among them. */
const UNPAID = new Set(['NOTPAY', 'CLOSED', 'REVOKED', 'PAYERROR']);

/**
 * An order number WeChat Pay never received answers result FAIL with ORDERNOTEXIST; the SDK hides
 * the code, so the description tells (WeChat Pay answers "order not exist").
 */
const notExist = (reply: PayReply) => reply.errCode === 'ORDERNOTEXIST' || /not ?exist|不存在/i.test(reply.errCodeDes ?? '');

/**
 * Asks WeChat Pay (`queryOrder`) whether a payment went through, for when its callback may still
 * be on its way. Throws NOT_AVAILABLE when it cannot tell — not reached, a system error, or a
 * state still moving — so that a caller never guesses.
 */
export async function paymentState(outTradeNo: string): Promise<PaymentState> {
  const unknown = (reason: string) => new CodedError('NOT_AVAILABLE', '暂时无法确认订单的支付状态，请稍后再试', { outTradeNo, reason });
  let reply: PayReply;
  try {
    reply = await queryOrder(outTradeNo);
  } catch (error) {
    throw unknown((error as Error).message);
  }
  if (reply.returnCode === 'SUCCESS' && reply.resultCode === 'SUCCESS') {
    if (reply.tradeState === 'SUCCESS' && reply.transactionId && typeof reply.totalFee === 'number')
      return { paid: true, transactionId: reply.transactionId, totalFee: reply.totalFee };
    if (reply.tradeState && UNPAID.has(reply.tradeState)) return { paid: false, tradeState: reply.tradeState };
    throw unknown(`trade state ${reply.tradeState ?? 'missing'}`);
  }
  if (reply.returnCode === 'SUCCESS' && notExist(reply)) return { paid: false, tradeState: 'NOTEXIST' };
  throw unknown(reply.errCodeDes ?? reply.returnMsg ?? 'query refused');
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
