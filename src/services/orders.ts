import Taro from '@tarojs/taro';
import { yuanText } from '~/core/money/format';
import type { OrderPreview, OrdersResponses, OrderView, PaymentStart } from '~/types/functions/orders';
import type { Carrier, RefundKind } from '~/types/orders';
import type { PayloadOf } from '~/types/functions';
import { callFunction, CloudError } from './cloud';

/** What a checkout is priced from: lines, coupons, points wanted, and delivery (the address once entered) or pickup. */
export type CheckoutRequest = PayloadOf<'orders', 'preview'>;

/** What an order is placed with: the checkout with the delivery address, the total the member saw and the order key. */
export type PlaceRequest = PayloadOf<'orders', 'place'>;

/** The order list tabs: 全部, 待付款, 待发货, 待收货, 已完成, 退款/售后. */
export type OrderTab = 'all' | 'pendingPayment' | 'paid' | 'shipped' | 'completed' | 'refund';

/** The server's breakdown of a checkout, the same numbers the order will carry. */
export function previewOrder(request: CheckoutRequest): Promise<OrderPreview> {
  return callFunction('orders', 'preview', request);
}

/**
 * Places the order the member saw: a different server total is refused with PRICE_CHANGED and
 * the new preview in `details.preview`; a retry with the same `clientKey` answers the same order.
 */
export function placeOrder(request: PlaceRequest): Promise<OrderView> {
  return callFunction('orders', 'place', request);
}

/** Starts paying an order: WeChat Pay's parameters, or `paid` when nothing is left to pay. */
export function startPayment(orderId: string): Promise<PaymentStart> {
  return callFunction('orders', 'pay', { orderId });
}

/** Cancels an unpaid order; its stock, coupons and points go back. */
export function cancelOrder(orderId: string, reason = ''): Promise<OrderView> {
  return callFunction('orders', 'cancel', { orderId, reason });
}

/** Confirms that a shipped order arrived. */
export function confirmReceipt(orderId: string): Promise<OrderView> {
  return callFunction('orders', 'confirmReceipt', { orderId });
}

/** One page of the member's orders in one tab, newest first. */
export function listOrders(status: OrderTab, cursor?: string, pageSize = 20): Promise<OrdersResponses['list']> {
  return callFunction('orders', 'list', cursor ? { status, cursor, pageSize } : { status, pageSize });
}

/** One of the member's orders with its timeline, refunds and what may be done now. */
export function getOrder(orderId: string): Promise<OrderView> {
  return callFunction('orders', 'detail', { orderId });
}

/** Asks for a refund (仅退款 or 退货退款) of some lines (all when `lineIds` is omitted); a retry with the same key asks once. */
export function requestRefund(
  orderId: string,
  lineIds: string[] | undefined,
  reason: string,
  kind: RefundKind,
  clientKey: string,
): Promise<OrderView> {
  return callFunction('orders', 'requestRefund', { orderId, ...(lineIds ? { lineIds } : {}), reason, kind, clientKey });
}

/** Says how the goods of an approved 退货退款 were sent back (the carrier may be left out); sent again to correct it. */
export function submitReturnShipment(orderId: string, refundId: string, carrier: Carrier | null, waybillNo: string): Promise<OrderView> {
  return callFunction('orders', 'submitReturnShipment', { orderId, refundId, ...(carrier ? { carrier } : {}), waybillNo });
}

/** The stores an order can be picked up from. */
export function listStores(): Promise<OrdersResponses['stores']> {
  return callFunction('orders', 'stores', {});
}

/** How the payment sheet ended: paid (the order may still be waiting for the callback) or closed by the member. */
export type PaymentOutcome = 'paid' | 'cancelled';

/**
 * Pays a started payment. The mini-program opens WeChat Pay with the server's parameters. The
 * H5 build has no WeChat Pay: in place of its sheet it asks the member to confirm or close, and
 * on confirm settles the local cloud's simulated payment on the same origin, which delivers the
 * payment callback as WeChat Pay would.
 */
export function completePayment(start: PaymentStart): Promise<PaymentOutcome> {
  if (start.paid || !start.payment) return Promise.resolve('paid');
  // A plain conditional (not inside an async body) lets the minifier drop the other platform.
  return process.env.TARO_ENV === 'h5' ? confirmSimulatedPayment(start) : requestWechatPayment(start.payment);
}

async function requestWechatPayment(payment: NonNullable<PaymentStart['payment']>): Promise<PaymentOutcome> {
  try {
    await Taro.requestPayment({
      timeStamp: payment.timeStamp,
      nonceStr: payment.nonceStr,
      package: payment.package,
      signType: payment.signType as 'MD5',
      paySign: payment.paySign,
    });
    return 'paid';
  } catch (err) {
    const message = typeof err === 'object' && err !== null && 'errMsg' in err ? String(err.errMsg) : String(err);
    if (/cancel/i.test(message)) return 'cancelled';
    throw new CloudError('PAYMENT_FAILED', message);
  }
}

async function confirmSimulatedPayment(start: PaymentStart): Promise<PaymentOutcome> {
  const sheet = await Taro.showModal({
    title: '模拟微信支付',
    content: `本地预览环境，确认后由本地云模拟支付 ¥${yuanText(start.payableFen)}`,
    confirmText: '确认支付',
    cancelText: '取消',
  });
  if (!sheet.confirm) return 'cancelled';
  const outTradeNo = start.outTradeNo;
  let res: Response;
  try {
    res = await fetch(`/dev/payments/${encodeURIComponent(outTradeNo)}/confirm`, { method: 'POST', credentials: 'same-origin' });
  } catch (err) {
    throw new CloudError('NETWORK', err instanceof Error ? err.message : String(err));
  }
  if (!res.ok) throw new CloudError('PAYMENT_FAILED', `the simulated payment answered HTTP ${res.status}`);
  return 'paid';
}
