import type { Database } from '~/server/db/database';
import { createPayCallback } from '~/server/orders/pay-callback';
import type { PlaceInput } from '~/server/orders/place-order';
import { placeOrder } from '~/server/orders/place-order';
import { ordersRoutes } from '~/server/orders/routes';
import { startPayment } from '~/server/orders/start-payment';
import type { RequestContext } from '~/server/runtime/wx';
import type { PaymentStart } from '~/types/functions/orders';
import type { Buyer } from './checkout-fixtures';
import type { Phase } from './checkout-minimum';

/** The caller identity the pay-callback function checks (TCB_SOURCE), as the platform sets it for WeChat Pay's calls. */
export const PAY_CALLBACK_ENV: Record<string, string> = {
  WX_CONTEXT_KEYS: 'WX_APPID',
  WX_APPID: 'wx0000000000local',
  TCB_SOURCE: 'wx_paycallback',
};

/** Which code places and pays: the use-cases with the member given, or the `orders` function's routes (member read by OPENID, order view answered). */
export type Via = 'use-cases' | 'routes';

/** What placing and paying orders needs in this process. */
export interface OrderRunner {
  /** Places order `input` by `buyer`, starts its payment, has WeChat Pay confirm it and applies it as the callback does; `after` runs after each phase. */
  order(buyer: Buyer, input: PlaceInput, via: Via, after?: (phase: Phase) => Promise<void>): Promise<void>;
}

/** Fails the order when a step did not take the measured path: the run counts it as an error. */
function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(`unexpected outcome: ${what}`);
}

/**
 * Orders on `db`, paid through the counting local cloud at `controlUrl`: `startPayment` calls
 * `cloudPay.unifiedOrder` (the local cloud's simulated WeChat Pay), the control endpoint confirms
 * that payment as the dev page does and answers the event WeChat Pay would deliver, and the
 * pay-callback function's own `main` runs here with it (process.env must hold PAY_CALLBACK_ENV).
 */
export function orderRunner(db: Database, controlUrl: string): OrderRunner {
  const payCallback = createPayCallback();
  const confirm = async (outTradeNo: string): Promise<unknown> => {
    const response = await fetch(`${controlUrl}/payments/settle`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ outTradeNo }),
    });
    if (!response.ok) throw new Error(`confirming payment ${outTradeNo}: ${await response.text()}`);
    return ((await response.json()) as { event: unknown }).event;
  };
  // Each request reads the clock once, as a function invocation does.
  const ctxOf = (buyer: Buyer): RequestContext => ({ now: Date.now(), openid: buyer.member.openid, source: 'wx_client', db });

  return {
    async order(buyer, input, via, after) {
      let orderId: string;
      if (via === 'use-cases') {
        const order = await placeOrder(ctxOf(buyer), buyer.member, input);
        check(order.status === 'pendingPayment', `order ${order.status}${order.failure ? ` (${order.failure.message})` : ''}`);
        orderId = order._id;
      } else {
        const view = await ordersRoutes.place({ action: 'place', ...input }, ctxOf(buyer));
        check(view.status === 'pendingPayment', `order ${view.status}`);
        orderId = view.id;
      }
      await after?.('place');

      const start: PaymentStart =
        via === 'use-cases'
          ? await startPayment(ctxOf(buyer), buyer.member._id, orderId)
          : await ordersRoutes.pay({ action: 'pay', orderId }, ctxOf(buyer));
      check(!start.paid && start.payment !== null, 'payment did not start');
      await after?.('pay');

      const reply = await payCallback((await confirm(start.outTradeNo)) as Parameters<typeof payCallback>[0]);
      check(reply.errcode === 0, `pay-callback answered ${reply.errcode} ${reply.errmsg}`);
      await after?.('callback');
    },
  };
}
