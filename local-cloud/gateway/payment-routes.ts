import type { Payments } from '../dev/payments';
import { json } from './http';
import type { Route } from './router';
import { route } from './router';

/** `GET /dev/payments` and `POST /dev/payments/:outTradeNo/confirm|fail`: the simulated WeChat Pay, and paying or failing a payment (which delivers its callback). */
export function paymentRoutes(input: {
  payments: Payments;
  settlePayment: (outTradeNo: string, outcome: 'SUCCESS' | 'PAYERROR') => Promise<unknown>;
}): Route[] {
  return [
    route('GET', '/dev/payments', (_req, res) => json(res, 200, { payments: input.payments.list() })),
    route('POST', '/dev/payments/:outTradeNo/:outcome(confirm|fail)', async (_req, res, { outTradeNo, outcome }) => {
      try {
        const result = await input.settlePayment(decodeURIComponent(outTradeNo), outcome === 'confirm' ? 'SUCCESS' : 'PAYERROR');
        return json(res, 200, { ok: true, callback: result });
      } catch (error) {
        return json(res, 409, { ok: false, error: { code: 'CONFLICT', message: (error as Error).message } });
      }
    }),
  ];
}
