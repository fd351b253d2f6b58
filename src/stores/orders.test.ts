import { CloudError } from '../services/cloud';
import * as ordersService from '../services/orders';
import { orderView } from '../test/shop';
import { PAY_POLL, useOrdersStore } from './orders';

jest.mock('../services/orders');

const service = jest.mocked(ordersService);
const start = {
  orderId: 'o1234567890ab',
  outTradeNo: '202511221000001234',
  payableFen: 17_138,
  paid: false,
  payment: { timeStamp: '1', nonceStr: 'n', package: 'prepay_id=wx1', signType: 'MD5', paySign: 's' },
};

beforeEach(() => {
  jest.clearAllMocks();
  PAY_POLL.intervalMs = 1;
  PAY_POLL.attempts = 3;
  useOrdersStore.setState({ orders: {}, busy: null });
});

test('paid once the order says so after the payment sheet closes', async () => {
  service.startPayment.mockResolvedValue(start);
  service.completePayment.mockResolvedValue('paid');
  service.getOrder.mockResolvedValueOnce(orderView()).mockResolvedValueOnce(orderView({ status: 'paid' }));

  expect(await useOrdersStore.getState().pay('o1234567890ab')).toEqual({ ok: true, value: 'paid' });
  expect(useOrdersStore.getState().orders['o1234567890ab']?.data?.status).toBe('paid');
  expect(useOrdersStore.getState().busy).toBeNull();
});

test('pending while the payment callback has not arrived', async () => {
  service.startPayment.mockResolvedValue(start);
  service.completePayment.mockResolvedValue('paid');
  service.getOrder.mockResolvedValue(orderView());

  expect(await useOrdersStore.getState().pay('o1234567890ab')).toEqual({ ok: true, value: 'pending' });
  expect(service.getOrder).toHaveBeenCalledTimes(3);
});

test('failed when the member closes the sheet or the payment cannot start', async () => {
  service.startPayment.mockResolvedValueOnce(start);
  service.completePayment.mockResolvedValueOnce('cancelled');
  expect(await useOrdersStore.getState().pay('o1234567890ab')).toEqual({
    ok: false,
    code: 'CANCELLED',
    message: '已取消支付',
    error: null,
  });
  expect(service.getOrder).not.toHaveBeenCalled();

  const overdue = new CloudError('INVALID_STATE', '订单已超过支付时间，请重新下单');
  service.startPayment.mockRejectedValueOnce(overdue);
  expect(await useOrdersStore.getState().pay('o1234567890ab')).toEqual({
    ok: false,
    code: 'INVALID_STATE',
    message: '订单已超过支付时间，请重新下单',
    error: overdue,
  });
});

test('a payment whose answer was lost but went through is paid', async () => {
  service.startPayment.mockResolvedValue(start);
  service.completePayment.mockRejectedValue(new CloudError('PAYMENT_FAILED', 'requestPayment:fail'));
  service.getOrder.mockResolvedValue(orderView({ status: 'paid' }));

  expect(await useOrdersStore.getState().pay('o1234567890ab')).toEqual({ ok: true, value: 'paid' });
});
