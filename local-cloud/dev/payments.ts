import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';

export type PaymentState = 'NOTPAY' | 'SUCCESS' | 'PAYERROR' | 'CLOSED';

export interface Payment {
  outTradeNo: string;
  fn: string;
  callbackFn: string;
  openid: string | null;
  body: string;
  totalFee: number;
  subMchId: string;
  prepayId: string;
  state: PaymentState;
  transactionId: string | null;
  createdAt: number;
  paidAt: number | null;
}

interface PaymentRow {
  out_trade_no: string;
  fn: string;
  callback_fn: string;
  openid: string | null;
  body: string;
  total_fee: number;
  sub_mch_id: string;
  prepay_id: string;
  state: PaymentState;
  transaction_id: string | null;
  created_at: number;
  paid_at: number | null;
}

const toPayment = (row: PaymentRow): Payment => ({
  outTradeNo: row.out_trade_no,
  fn: row.fn,
  callbackFn: row.callback_fn,
  openid: row.openid,
  body: row.body,
  totalFee: row.total_fee,
  subMchId: row.sub_mch_id,
  prepayId: row.prepay_id,
  state: row.state,
  transactionId: row.transaction_id,
  createdAt: row.created_at,
  paidAt: row.paid_at,
});

const ok = { return_code: 'SUCCESS', return_msg: 'OK', result_code: 'SUCCESS' };
/** WeChat Pay's wording of a trade state, as `trade_state_desc` carries it. */
const TRADE_STATE_DESC: Record<PaymentState, string> = {
  NOTPAY: '订单未支付',
  SUCCESS: '支付成功',
  PAYERROR: '支付失败',
  CLOSED: '订单已关闭',
};

/** WeChat Pay's time format (`time_end`): yyyyMMddHHmmss in Beijing time. */
export function wechatPayTime(at: number): string {
  return new Date(at + 8 * 3_600_000).toISOString().replace(/\D/g, '').slice(0, 14);
}

const fail = (code: string, message: string) => ({ ...ok, result_code: 'FAIL', err_code: code, err_code_des: message });

/**
 * Simulated WeChat Pay behind `cloud.cloudPay`: orders wait until someone confirms or fails
 * them in the local dev page, which then invokes the order's callback function.
 */
export class Payments {
  /** APIs that answer as if WeChat Pay could not be reached (see `setOutage`). */
  private outage = new Set<string>();
  /** APIs whose call takes effect but whose answer is lost on the way back (see `setLostReplies`). */
  private lostReplies = new Set<string>();

  constructor(private readonly sql: Database.Database) {
    sql.exec(`CREATE TABLE IF NOT EXISTS _local_payments (
      out_trade_no TEXT PRIMARY KEY, fn TEXT NOT NULL, callback_fn TEXT NOT NULL, openid TEXT, body TEXT NOT NULL,
      total_fee INTEGER NOT NULL, sub_mch_id TEXT NOT NULL, prepay_id TEXT NOT NULL, state TEXT NOT NULL,
      transaction_id TEXT, created_at INTEGER NOT NULL, paid_at INTEGER)`);
    sql.exec(`CREATE TABLE IF NOT EXISTS _local_refunds (
      out_refund_no TEXT PRIMARY KEY, out_trade_no TEXT NOT NULL, refund_id TEXT NOT NULL,
      refund_fee INTEGER NOT NULL, created_at INTEGER NOT NULL)`);
  }

  /** One refund by its refund number, with the payment it was made against. */
  refundByNo(outRefundNo: string): { outRefundNo: string; refundId: string; refundFee: number; payment: Payment } | undefined {
    const row = this.sql.prepare('SELECT * FROM _local_refunds WHERE out_refund_no = ?').get(outRefundNo) as
      { out_refund_no: string; out_trade_no: string; refund_id: string; refund_fee: number } | undefined;
    const payment = row && this.get(row.out_trade_no);
    return row && payment ? { outRefundNo: row.out_refund_no, refundId: row.refund_id, refundFee: row.refund_fee, payment } : undefined;
  }

  /** Refunds made against a payment, oldest first. */
  refunds(outTradeNo: string): { outRefundNo: string; refundId: string; refundFee: number; createdAt: number }[] {
    return (
      this.sql.prepare('SELECT * FROM _local_refunds WHERE out_trade_no = ? ORDER BY created_at, out_refund_no').all(outTradeNo) as {
        out_refund_no: string;
        refund_id: string;
        refund_fee: number;
        created_at: number;
      }[]
    ).map((row) => ({ outRefundNo: row.out_refund_no, refundId: row.refund_id, refundFee: row.refund_fee, createdAt: row.created_at }));
  }

  get(outTradeNo: string): Payment | undefined {
    const row = this.sql.prepare('SELECT * FROM _local_payments WHERE out_trade_no = ?').get(outTradeNo) as PaymentRow | undefined;
    return row && toPayment(row);
  }

  list(limit = 50): Payment[] {
    return (this.sql.prepare('SELECT * FROM _local_payments ORDER BY created_at DESC LIMIT ?').all(limit) as PaymentRow[]).map(toPayment);
  }

  /** Makes the listed APIs fail as a network error does (none: WeChat Pay answers again); for tests of what a caller does when it cannot tell. */
  setOutage(apis: string[]): void {
    this.outage = new Set(apis);
  }

  /** Makes the listed APIs take effect and then fail as a time-out does (none: answers arrive again); for a caller that cannot tell what WeChat Pay did. */
  setLostReplies(apis: string[]): void {
    this.lostReplies = new Set(apis);
  }

  /** Answers one cloudPay API call with WeChat Pay's snake_case body. */
  call(fn: string, openid: string | null, api: string, args: Record<string, unknown>, now: number): Record<string, unknown> {
    if (this.outage.has(api)) throw new Error(`[local-cloud] cloudPay.${api}: WeChat Pay is unreachable (simulated outage)`);
    const answer = this.answer(fn, openid, api, args, now);
    if (this.lostReplies.has(api))
      throw new Error(`[local-cloud] cloudPay.${api}: the answer was lost on its way back (simulated time-out)`);
    return answer;
  }

  private answer(fn: string, openid: string | null, api: string, args: Record<string, unknown>, now: number): Record<string, unknown> {
    const outTradeNo = String(args.out_trade_no ?? '');
    if (!outTradeNo) return fail('PARAM_ERROR', 'out_trade_no is required');
    const existing = this.get(outTradeNo);
    switch (api) {
      case 'unifiedOrder': {
        const totalFee = Number(args.total_fee);
        if (!Number.isInteger(totalFee) || totalFee <= 0) return fail('PARAM_ERROR', 'total_fee must be a positive integer (fen)');
        if (typeof args.function_name !== 'string') return fail('PARAM_ERROR', 'function_name (the payment callback) is required');
        if (existing?.state === 'SUCCESS') return fail('ORDERPAID', '该订单已支付');
        if (existing && existing.state !== 'NOTPAY') return fail('ORDERCLOSED', '该订单已关闭');
        const payment = existing ?? this.insert(fn, openid, args, totalFee, now);
        const nonce = randomBytes(8).toString('hex');
        return {
          ...ok,
          sub_mch_id: payment.subMchId,
          nonce_str: nonce,
          prepay_id: payment.prepayId,
          trade_type: 'JSAPI',
          payment: {
            time_stamp: String(Math.floor(now / 1000)),
            nonce_str: nonce,
            package: `prepay_id=${payment.prepayId}`,
            sign_type: 'MD5',
            pay_sign: 'local-simulated',
          },
        };
      }
      case 'queryOrder':
        if (!existing) return fail('ORDERNOTEXIST', 'order not exist');
        return this.tradeOf(existing);
      case 'closeOrder':
        if (!existing) return fail('ORDERNOTEXIST', 'order not exist');
        if (existing.state === 'SUCCESS') return fail('ORDERPAID', 'order already paid');
        this.setState(outTradeNo, 'CLOSED', null, null);
        return ok;
      case 'refund':
        return this.refund(existing, args, now);
      default:
        return fail('NOT_EMULATED', `[local-cloud] cloudPay.${api} is not emulated yet`);
    }
  }

  /** `queryOrder`'s answer: the trade state, and for a paid one what the payment callback also carries. */
  private tradeOf(payment: Payment): Record<string, unknown> {
    const paid = payment.state === 'SUCCESS';
    return {
      ...ok,
      sub_mch_id: payment.subMchId,
      nonce_str: randomBytes(8).toString('hex'),
      out_trade_no: payment.outTradeNo,
      trade_state: payment.state,
      trade_state_desc: TRADE_STATE_DESC[payment.state],
      trade_type: 'JSAPI',
      total_fee: payment.totalFee,
      fee_type: 'CNY',
      ...(paid
        ? {
            transaction_id: payment.transactionId,
            cash_fee: payment.totalFee,
            bank_type: 'OTHERS',
            time_end: wechatPayTime(payment.paidAt ?? payment.createdAt),
            sub_openid: payment.openid ?? undefined,
          }
        : {}),
    };
  }

  /**
   * A refund, at once (WeChat Pay settles it later and calls back; the local cloud does not).
   * As on WeChat Pay, the same out_refund_no is the same refund, and refunds never exceed the payment.
   */
  private refund(payment: Payment | undefined, args: Record<string, unknown>, now: number): Record<string, unknown> {
    const outRefundNo = String(args.out_refund_no ?? '');
    const refundFee = Number(args.refund_fee);
    if (!payment) return fail('ORDERNOTEXIST', 'order not exist');
    if (payment.state !== 'SUCCESS') return fail('TRADE_STATE_ERROR', 'order is not paid');
    if (!outRefundNo) return fail('PARAM_ERROR', 'out_refund_no is required');
    if (Number(args.total_fee) !== payment.totalFee) return fail('PARAM_ERROR', 'total_fee does not match the payment');
    if (!Number.isInteger(refundFee) || refundFee <= 0) return fail('PARAM_ERROR', 'refund_fee must be a positive integer (fen)');
    const earlier = this.refunds(payment.outTradeNo);
    const same = earlier.find((refund) => refund.outRefundNo === outRefundNo);
    if (same) {
      if (same.refundFee !== refundFee) return fail('PARAM_ERROR', 'out_refund_no was used with another refund_fee');
      return { ...ok, out_trade_no: payment.outTradeNo, out_refund_no: outRefundNo, refund_id: same.refundId, refund_fee: refundFee };
    }
    if (earlier.reduce((sum, refund) => sum + refund.refundFee, 0) + refundFee > payment.totalFee)
      return fail('NOTENOUGH', 'refunds exceed the payment');
    const refundId = `5030${randomBytes(12).toString('hex')}`;
    this.sql
      .prepare('INSERT INTO _local_refunds (out_refund_no, out_trade_no, refund_id, refund_fee, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(outRefundNo, payment.outTradeNo, refundId, refundFee, now);
    return { ...ok, out_trade_no: payment.outTradeNo, out_refund_no: outRefundNo, refund_id: refundId, refund_fee: refundFee };
  }

  private insert(fn: string, openid: string | null, args: Record<string, unknown>, totalFee: number, now: number): Payment {
    this.sql
      .prepare(
        `INSERT INTO _local_payments (out_trade_no, fn, callback_fn, openid, body, total_fee, sub_mch_id, prepay_id, state, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'NOTPAY', ?)`,
      )
      .run(
        String(args.out_trade_no),
        fn,
        String(args.function_name),
        openid,
        String(args.body ?? ''),
        totalFee,
        String(args.sub_mch_id ?? ''),
        `wx${randomBytes(14).toString('hex')}`,
        now,
      );
    return this.get(String(args.out_trade_no)) as Payment;
  }

  /** Marks a waiting payment paid or failed; returns it, or null if it was not waiting. */
  settle(outTradeNo: string, outcome: 'SUCCESS' | 'PAYERROR', now: number): Payment | null {
    const payment = this.get(outTradeNo);
    if (!payment || payment.state !== 'NOTPAY') return null;
    const transactionId = outcome === 'SUCCESS' ? `4200${randomBytes(12).toString('hex')}` : null;
    this.setState(outTradeNo, outcome, transactionId, outcome === 'SUCCESS' ? now : null);
    return this.get(outTradeNo) as Payment;
  }

  private setState(outTradeNo: string, state: PaymentState, transactionId: string | null, paidAt: number | null): void {
    this.sql
      .prepare('UPDATE _local_payments SET state = ?, transaction_id = ?, paid_at = ? WHERE out_trade_no = ?')
      .run(state, transactionId, paidAt, outTradeNo);
  }
}

/** The event WeChat Pay delivers to the callback function (camelCase, as cloudPay passes it). */
export function paymentCallbackEvent(payment: Payment, appid: string): Record<string, unknown> {
  const paid = payment.state === 'SUCCESS';
  return {
    returnCode: 'SUCCESS',
    resultCode: paid ? 'SUCCESS' : 'FAIL',
    errCode: paid ? undefined : 'PAYERROR',
    appid,
    subMchId: payment.subMchId,
    outTradeNo: payment.outTradeNo,
    transactionId: payment.transactionId ?? undefined,
    totalFee: payment.totalFee,
    cashFee: paid ? payment.totalFee : 0,
    feeType: 'CNY',
    tradeType: 'JSAPI',
    timeEnd: payment.paidAt ? wechatPayTime(payment.paidAt) : undefined,
    subOpenid: payment.openid ?? undefined,
    userInfo: { appId: appid, openId: payment.openid ?? undefined },
  };
}

/** How WeChat Pay reports a refund it took: paid back, abnormal (the member's account refused it), or closed. */
export type RefundOutcome = 'SUCCESS' | 'CHANGE' | 'REFUNDCLOSE';

/** The refund result WeChat Pay delivers to the callback function (camelCase, as cloudPay passes it, `req_info` already decrypted). */
export function refundCallbackEvent(
  refund: { outRefundNo: string; refundId: string; refundFee: number; payment: Payment },
  outcome: RefundOutcome,
  appid: string,
  now: number,
): Record<string, unknown> {
  const { payment } = refund;
  return {
    returnCode: 'SUCCESS',
    appid,
    subMchId: payment.subMchId,
    transactionId: payment.transactionId ?? undefined,
    outTradeNo: payment.outTradeNo,
    refundId: refund.refundId,
    outRefundNo: refund.outRefundNo,
    totalFee: payment.totalFee,
    refundFee: refund.refundFee,
    settlementRefundFee: refund.refundFee,
    refundStatus: outcome,
    successTime:
      outcome === 'SUCCESS' ? wechatPayTime(now).replace(/^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)$/, '$1-$2-$3 $4:$5:$6') : undefined,
    refundRecvAccout: '支付用户的零钱',
    refundAccount: 'REFUND_SOURCE_UNSETTLED_FUNDS',
    refundRequestSource: 'API',
  };
}
