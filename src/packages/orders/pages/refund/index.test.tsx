import { act, fireEvent, render, waitFor } from '@testing-library/react';
import Taro, { useRouter } from '@tarojs/taro';
import type { OrderView } from '~/types/functions/orders';
import { CloudError } from '~/src/services/cloud';
import * as ordersService from '~/src/services/orders';
import { useOrdersStore } from '~/src/stores/orders';
import { orderView, refundView } from '~/src/test/shop';
import RefundPage from './index';

jest.mock('~/src/services/orders');

const service = jest.mocked(ordersService);
const ORDER_ID = 'o1234567890ab';
const PAID_AT = Date.UTC(2025, 10, 22, 2, 5);
const RETURN_TO = { name: '售后服务中心', phone: '400-820-8820', address: '上海市静安区南京西路 1 号 售后部', note: '请勿寄到付' };

function renderPage() {
  jest.mocked(useRouter).mockReturnValue({ params: { id: ORDER_ID } } as unknown as ReturnType<typeof useRouter>);
  return render(<RefundPage />);
}

async function tap(element: Element | null) {
  await act(async () => {
    fireEvent.click(element!);
  });
}

/** Taro's H5 input reports typing as an `input` event carrying the value in `detail`. */
async function type(element: Element | null, value: string) {
  await act(async () => {
    fireEvent(element!, new CustomEvent('input', { detail: { value }, bubbles: true }));
  });
}

function kindOption(container: HTMLElement, kind: 'refundOnly' | 'returnAndRefund'): HTMLElement {
  return container.querySelector(`.refund-kind-${kind}`) as HTMLElement;
}

const paid = (overrides: Partial<OrderView> = {}) =>
  orderView({
    status: 'paid',
    paidAt: PAID_AT,
    can: { pay: false, cancel: false, confirmReceipt: false, requestRefund: true },
    ...overrides,
  });

beforeEach(() => {
  jest.clearAllMocks();
  useOrdersStore.setState({ orders: {}, busy: null });
});

test('an order not yet shipped is refunded only: 退货退款 is offered but refused with the reason', async () => {
  service.getOrder.mockResolvedValue(paid());
  service.requestRefund.mockResolvedValue(paid({ refunds: [refundView()] }));
  const { container } = renderPage();

  await waitFor(() => expect(container.querySelector('.refund-kinds')).not.toBeNull());
  expect(kindOption(container, 'refundOnly').className).toContain('refund-kinds__option--on');
  expect(kindOption(container, 'returnAndRefund').className).toContain('refund-kinds__option--off');
  expect(kindOption(container, 'returnAndRefund').textContent).toContain('商品尚未发货，不需要退货');
  await tap(kindOption(container, 'returnAndRefund'));
  expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '商品尚未发货，无需退货，请选择仅退款' }));
  expect(kindOption(container, 'refundOnly').className).toContain('refund-kinds__option--on');

  await tap(container.querySelectorAll('.refund-reason')[0] ?? null);
  expect(container.querySelector('.submit-refund')?.textContent).toBe('提交仅退款申请（2件商品）');
  await tap(container.querySelector('.submit-refund'));
  await waitFor(() =>
    expect(service.requestRefund).toHaveBeenCalledWith(ORDER_ID, ['L1', 'L2'], '不想要了', 'refundOnly', expect.any(String)),
  );
  expect(Taro.redirectTo).toHaveBeenCalledWith({ url: `/packages/orders/pages/detail/index?id=${ORDER_ID}` });
});

test('a shipped order may ask for 退货退款 of the lines chosen', async () => {
  service.getOrder.mockResolvedValue(paid({ status: 'shipped' }));
  service.requestRefund.mockRejectedValue(new CloudError('INVALID_STATE', '该商品已在退款处理中'));
  const { container } = renderPage();

  await waitFor(() => expect(container.querySelector('.refund-kinds')).not.toBeNull());
  expect(kindOption(container, 'returnAndRefund').className).not.toContain('refund-kinds__option--off');
  await tap(kindOption(container, 'returnAndRefund'));
  expect(kindOption(container, 'returnAndRefund').className).toContain('refund-kinds__option--on');
  await tap(container.querySelectorAll('.refund-line')[0] ?? null);
  await tap(container.querySelectorAll('.refund-reason')[1] ?? null);
  expect(container.querySelector('.submit-refund')?.textContent).toBe('提交退货退款申请（1件商品）');
  await tap(container.querySelector('.submit-refund'));

  await waitFor(() =>
    expect(service.requestRefund).toHaveBeenCalledWith(ORDER_ID, ['L2'], '商品质量问题', 'returnAndRefund', expect.any(String)),
  );
  await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '该商品已在退款处理中' })));
});

test('an approved 退货退款 shows where to send the goods and takes the carrier and waybill, which can be corrected', async () => {
  const awaiting = refundView({
    kind: 'returnAndRefund',
    status: 'awaitingReturn',
    lineIds: ['L1', 'L2'],
    amountFen: 15_725,
    returnTo: RETURN_TO,
  });
  const order = paid({
    status: 'shipped',
    refunds: [awaiting],
    can: { pay: false, cancel: false, confirmReceipt: true, requestRefund: false },
  });
  const sent = { carrier: '顺丰速运' as const, waybillNo: 'SF7700001', at: Date.UTC(2025, 10, 23, 2, 0) };
  service.getOrder.mockResolvedValue(order);
  service.submitReturnShipment.mockResolvedValue({ ...order, refunds: [{ ...awaiting, returnShipment: sent }] });
  const { container } = renderPage();

  await waitFor(() => expect(container.querySelector('.return-panel')).not.toBeNull());
  expect(container.querySelector('.refund-kinds')).toBeNull();
  expect(container.querySelector('.return-address')?.textContent).toBe(
    '售后服务中心 400-820-8820上海市静安区南京西路 1 号 售后部请勿寄到付',
  );
  expect(container.querySelector('.return-panel__lead')?.textContent).toContain('¥157.25');

  await tap(container.querySelector('.submit-return'));
  expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '请填写正确的运单号' }));
  expect(service.submitReturnShipment).not.toHaveBeenCalled();

  const carriers = [...container.querySelectorAll('.return-carrier')];
  expect(carriers.map((chip) => chip.textContent)).toEqual(['顺丰速运', '中通快递', '圆通速递', '韵达快递', '京东物流', 'EMS', '其他']);
  await tap(carriers[0] ?? null);
  await type(container.querySelector('.return-waybill'), ' SF7700001 ');
  await tap(container.querySelector('.submit-return'));

  await waitFor(() => expect(service.submitReturnShipment).toHaveBeenCalledWith(ORDER_ID, awaiting.id, '顺丰速运', 'SF7700001'));
  await waitFor(() => expect(container.querySelector('.return-sent')?.textContent).toContain('已寄回：顺丰速运 运单号 SF7700001'));
  await tap(container.querySelector('.edit-return'));
  expect(container.querySelector('.return-waybill')).not.toBeNull();
});

test('says so when nothing can be refunded and no return is awaited', async () => {
  service.getOrder.mockResolvedValue(paid({ can: { pay: false, cancel: false, confirmReceipt: false, requestRefund: false } }));
  const { container } = renderPage();

  await waitFor(() => expect(container.textContent).toContain('该订单暂不能申请退款'));
  expect(container.querySelector('.return-panel')).toBeNull();
});
