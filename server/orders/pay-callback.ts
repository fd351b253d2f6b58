import { wxContext } from '../db/cloud';
import type { Database } from '../db/database';
import { database } from '../db/database';
import type { RequestContext } from '../runtime/wx';
import { applyPayment } from './apply-payment';
import { applyRefundResult } from './apply-refund-result';

interface PayEvent {
  returnCode?: string;
  resultCode?: string;
  outTradeNo?: string;
  transactionId?: string;
  totalFee?: number;
  outRefundNo?: string;
  refundFee?: number;
  refundStatus?: string;
}

const ack = { errcode: 0, errmsg: 'OK' };

/**
 * The payment callback function's `main`. Only WeChat Pay may call it (TCB_SOURCE
 * `wx_paycallback`). A successful payment is applied to its order — once, however many times
 * it is delivered; a refund result is applied to its refund (see applyRefundResult); a failed
 * payment or a payment of an unknown order number is acknowledged without effect. Answering errcode ≠ 0 makes WeChat Pay deliver again, which
 * is what an unexpected failure wants.
 */
export function createPayCallback() {
  let db: Database | undefined;
  return async function main(event: PayEvent): Promise<{ errcode: number; errmsg: string }> {
    const { source } = wxContext();
    if (source !== 'wx_paycallback') return { errcode: 403, errmsg: 'payment callbacks only' };
    if (event.refundStatus) return refundResult(event, source);
    if (event.returnCode !== 'SUCCESS' || event.resultCode !== 'SUCCESS' || !event.outTradeNo || !event.transactionId) return ack;
    db ??= database();
    const ctx: RequestContext = { source, now: Date.now(), db };
    try {
      const order = await ctx.db.collection('orders').findOne({ orderNo: event.outTradeNo });
      if (!order) {
        console.error(`[pay-callback] no order numbered ${event.outTradeNo}`);
        return ack;
      }
      await applyPayment(ctx, order, {
        outTradeNo: event.outTradeNo,
        transactionId: event.transactionId,
        totalFee: Number(event.totalFee ?? 0),
      });
      return ack;
    } catch (error) {
      console.error('[pay-callback]', error);
      return { errcode: 500, errmsg: 'will retry' };
    }
  };

  /** A refund result (it carries no result_code): applied to its refund; an error asks WeChat Pay to deliver it again. */
  async function refundResult(event: PayEvent, source: string) {
    if (event.returnCode !== 'SUCCESS' || !event.outTradeNo || !event.outRefundNo || !event.refundStatus) return ack;
    db ??= database();
    try {
      await applyRefundResult(
        { source, now: Date.now(), db },
        {
          outTradeNo: event.outTradeNo,
          outRefundNo: event.outRefundNo,
          refundStatus: event.refundStatus,
          refundFee: Number(event.refundFee ?? 0),
        },
      );
      return ack;
    } catch (error) {
      console.error('[pay-callback] refund result', error);
      return { errcode: 500, errmsg: 'will retry' };
    }
  }
}
