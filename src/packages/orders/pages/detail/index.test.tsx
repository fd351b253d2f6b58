import { act, fireEvent, render, waitFor } from '@testing-library/react';
import Taro, { useRouter } from '@tarojs/taro';
import { CloudError } from '~/src/services/cloud';
import * as ordersService from '~/src/services/orders';
import { useOrdersStore } from '~/src/stores/orders';
import '~/src/test/intersection-observer';
import { orderView, refundView } from '~/src/test/shop';
import OrderDetailPage from './index';

jest.mock('~/src/services/orders');

const service = jest.mocked(ordersService);
const ORDER_ID = 'o1234567890ab';

function renderPage() {
  jest.mocked(useRouter).mockReturnValue({ params: { id: ORDER_ID } } as unknown as ReturnType<typeof useRouter>);
  return render(<OrderDetailPage />);
}

function buttons(container: HTMLElement): string[] {
  return [...container.querySelectorAll('.order-actions__button')].map((el) => el.textContent ?? '');
}

async function tap(element: Element | null) {
  await act(async () => {
    fireEvent.click(element!);
  });
}

beforeEach(() => {
  jest.clearAllMocks();
  useOrdersStore.setState({ orders: {}, busy: null });
});

test('an unpaid order offers cancel and pay; cancelling asks first, then shows the cancelled order', async () => {
  service.getOrder.mockResolvedValue(orderView());
  service.cancelOrder.mockResolvedValue(
    orderView({
      status: 'cancelled',
      cancelReason: '买家取消订单',
      can: { pay: false, cancel: false, confirmReceipt: false, requestRefund: false },
    }),
  );
  const { container } = renderPage();

  await waitFor(() => expect(container.querySelector('.order-detail-status')?.textContent).toBe('待付款'));
  expect(buttons(container)).toEqual(['取消订单', '去付款']);
  expect(container.querySelector('.order-no')?.textContent).toBe('202511221000001234');

  await tap(container.querySelector('.order-action-cancel'));
  expect(service.cancelOrder).not.toHaveBeenCalled();
  await waitFor(() => expect(document.querySelector('.nut-dialog-footer-ok')).not.toBeNull());
  await tap(document.querySelector('.nut-dialog-footer-ok'));

  await waitFor(() => expect(container.querySelector('.order-detail-status')?.textContent).toBe('已取消'));
  expect(service.cancelOrder).toHaveBeenCalledWith(ORDER_ID);
  expect(container.querySelector('.order-status-card__hint')?.textContent).toBe('取消原因：买家取消订单');
  expect(container.querySelector('.order-detail-bar')).toBeNull();
  expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '订单已取消' }));
});

test('a refused action says why and leaves the order as it was', async () => {
  service.getOrder.mockResolvedValue(orderView());
  service.cancelOrder.mockRejectedValue(new CloudError('INVALID_STATE', '订单已支付，不能取消'));
  const { container } = renderPage();
  await waitFor(() => expect(buttons(container)).toEqual(['取消订单', '去付款']));

  await tap(container.querySelector('.order-action-cancel'));
  await tap(document.querySelector('.nut-dialog-footer-ok'));

  await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '订单已支付，不能取消' })));
  expect(container.querySelector('.order-detail-status')?.textContent).toBe('待付款');
});

test('a shipped order is received after a confirmation, and a paid one can ask for a refund', async () => {
  const shipped = orderView({
    status: 'shipped',
    paidAt: Date.UTC(2025, 10, 22, 2, 5),
    delivery: {
      mode: 'delivery',
      address: { name: '林小满', phone: '13800138000', region: '上海市 静安区', detail: '南京西路 1 号' },
      trackingNo: 'SF1234567890',
    },
    can: { pay: false, cancel: false, confirmReceipt: true, requestRefund: true },
  });
  service.getOrder.mockResolvedValue(shipped);
  service.confirmReceipt.mockResolvedValue({
    ...shipped,
    status: 'completed',
    can: { pay: false, cancel: false, confirmReceipt: false, requestRefund: true },
  });
  const { container } = renderPage();

  await waitFor(() => expect(container.querySelector('.order-detail-status')?.textContent).toBe('待收货'));
  expect(container.querySelector('.tracking-no')?.textContent).toBe('运单号 SF1234567890');
  expect(buttons(container)).toEqual(['申请退款', '确认收货']);

  await tap(container.querySelector('.order-action-confirmReceipt'));
  await tap(document.querySelector('.nut-dialog-footer-ok'));
  await waitFor(() => expect(container.querySelector('.order-detail-status')?.textContent).toBe('已完成'));
  expect(service.confirmReceipt).toHaveBeenCalledWith(ORDER_ID);
  expect(buttons(container)).toEqual(['申请退款']);

  await tap(container.querySelector('.order-action-requestRefund'));
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/packages/orders/pages/refund/index?id=${ORDER_ID}` });
});

test('a paid pickup order shows its pickup code large, and a refund in review shows its progress', async () => {
  service.getOrder.mockResolvedValue(
    orderView({
      status: 'paid',
      paidAt: Date.UTC(2025, 10, 22, 2, 5),
      delivery: { mode: 'pickup', storeId: 'jingan-kerry', storeName: '静安嘉里中心店', pickupCode: '482913' },
      refunds: [refundView({ id: 'r1', reason: '不想要了' })],
      can: { pay: false, cancel: false, confirmReceipt: false, requestRefund: true },
    }),
  );
  const { container } = renderPage();

  await waitFor(() => expect(container.querySelector('.pickup-code')?.textContent).toBe('482 913'));
  expect(container.querySelector('.order-detail-status')?.textContent).toBe('待自提');
  expect(container.querySelector('.pickup-panel__qr')).not.toBeNull();
  expect(container.querySelector('.breakdown-shipping')).toBeNull();
  expect(container.querySelector('.refund-status')?.textContent).toBe('仅退款 · 等待审核');
  expect(container.querySelector('.return-link')).toBeNull();
  expect(container.querySelector('.refund-progress')?.textContent).toContain('退款商品：手作陶瓷马克杯');
  expect([...container.querySelectorAll('.order-line-note')].map((el) => el.textContent)).toEqual(['退款处理中']);
});

test('a 退货退款 awaiting the goods shows its steps, the waybill sent, and the way to the return address', async () => {
  service.getOrder.mockResolvedValue(
    orderView({
      status: 'shipped',
      paidAt: Date.UTC(2025, 10, 22, 2, 5),
      refunds: [
        refundView({
          kind: 'returnAndRefund',
          status: 'awaitingReturn',
          reviewedAt: Date.UTC(2025, 10, 22, 4, 0),
          returnTo: { name: '售后服务中心', phone: '400-820-8820', address: '上海市静安区南京西路 1 号 售后部', note: '' },
          returnShipment: { carrier: '中通快递', waybillNo: 'ZT7700001', at: Date.UTC(2025, 10, 22, 5, 0) },
        }),
      ],
      can: { pay: false, cancel: false, confirmReceipt: true, requestRefund: true },
    }),
  );
  const { container } = renderPage();

  await waitFor(() => expect(container.querySelector('.refund-status')?.textContent).toBe('退货退款 · 待退货'));
  const steps = [...container.querySelectorAll('.refund-progress__step')];
  expect(steps.map((step) => step.querySelector('.refund-progress__step-title')?.textContent)).toEqual([
    '提交申请',
    '商家审核',
    '寄回商品',
    '退款到账',
  ]);
  expect(steps.map((step) => step.classList.contains('refund-progress__step--done'))).toEqual([true, true, true, false]);
  expect(container.querySelector('.refund-return-shipment')?.textContent).toBe('退货物流：中通快递 ZT7700001');
  await tap(container.querySelector('.return-link'));
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/packages/orders/pages/refund/index?id=${ORDER_ID}` });
});
