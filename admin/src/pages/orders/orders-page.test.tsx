import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { DAY_MS, HOUR_MS } from '~/core/calendar/durations';
import type { ShipOutcome } from '~/types/functions/admin-orders';
import type { OrderDoc } from '~/types/orders';
import { AdminApiError } from '../../api/client';
import type { AdminClient, AdminPayload } from '../../api/client';
import { chooseOption } from '../../test/choose-option';
import { TEST_TOKEN, callsOf, pageClient, renderSignedIn } from '../../test/mock-client';
import type { ActionHandler, ActionHandlers } from '../../test/mock-client';
import { PLACED_AT, orderLine, orderRow } from '../../test/order-fixtures';
import { ORDERS_PAGE_SIZE, OrdersPage } from './orders-page';

// Dialogs with validated forms take several seconds in jsdom on a busy two-core machine.
jest.setTimeout(60_000);

const paidDelivery = orderRow(1, {
  lines: [
    orderLine(1, { title: '咖啡豆', couponFen: 1_039, pointsFen: 2_599, pointsUsed: 2_599, paidFen: 8_906 }),
    orderLine(2, {
      title: '马克杯',
      quantity: 2,
      couponFen: 796,
      pointsFen: 1_989,
      pointsUsed: 1_989,
      paidFen: 6_819,
      refundId: 'r000000000002',
    }),
  ],
  payableFen: 17_138,
  hasRefund: true,
  timeline: [
    { status: 'pendingPayment', at: PLACED_AT, note: '订单已提交，等待付款' },
    { status: 'paid', at: PLACED_AT + 120_000, note: '支付成功，等待发货' },
    { status: 'lineRefunded', at: PLACED_AT + 2 * HOUR_MS, note: '部分退款成功 ¥68.19' },
  ],
});
const paidPickup = orderRow(2, {
  delivery: { mode: 'pickup', storeId: 'jingan', storeName: '静安嘉里店', pickupCode: '482913' },
  lines: [orderLine(1, { title: '蛋糕券' })],
});
const unpaid = orderRow(3, { status: 'pendingPayment', paidAt: null, transactionId: null });
const completedPage = { items: [orderRow(4, { status: 'completed', completedAt: PLACED_AT + DAY_MS })], nextCursor: null };
const anotherPaid = orderRow(5, { lines: [orderLine(1, { title: '挂耳咖啡' })] });
const refundInReview = orderRow(6, { hasRefund: true, refundAwaitingReview: true, lines: [orderLine(1, { title: '手冲壶' })] });

function ordersClient(actions: ActionHandlers = {}) {
  return pageClient(
    {
      listOrders: async (_action, payload) => {
        const { status, cursor } = payload as AdminPayload<'listOrders'>;
        if (status === 'completed') return completedPage;
        return cursor === 'cursor-2'
          ? { items: [unpaid], nextCursor: null }
          : { items: [paidDelivery, paidPickup, anotherPaid, refundInReview], nextCursor: 'cursor-2' };
      },
    },
    actions,
  );
}

const renderPage = (client: AdminClient, onSessionLost?: () => void) => renderSignedIn(<OrdersPage />, client, { onSessionLost });

function rowOf(orderNo: string): HTMLElement {
  return screen.getByText(orderNo).closest('tr') as HTMLElement;
}

describe('OrdersPage', () => {
  it('lists orders with Chinese status, amounts, lines, delivery and Shanghai times', async () => {
    const { client, call } = ordersClient();
    const { container } = renderPage(client);

    const table = container.querySelector('.orders-table') as HTMLElement;
    await within(table).findByText(paidDelivery.orderNo);
    const headers = Array.from(table.querySelectorAll('thead th'), (cell) => cell.textContent).filter(Boolean);
    expect(headers).toEqual(['订单号', '会员', '状态', '实付', '商品', '配送', '下单 / 支付时间', '操作']);

    const delivery = rowOf(paidDelivery.orderNo);
    expect(within(delivery).getByText('会员1')).toBeTruthy();
    expect(within(delivery).getByText('1000000001')).toBeTruthy();
    expect(within(delivery).queryByText('member-1')).toBeNull();
    expect(within(delivery).getByText('待发货')).toBeTruthy();
    expect(within(delivery).getByText('有退款')).toBeTruthy();
    expect(within(delivery).getByText('¥171.38')).toBeTruthy();
    expect(within(delivery).getByText('咖啡豆 ×1、马克杯 ×2')).toBeTruthy();
    expect(within(delivery).getByText('上海市 静安区 南京西路 1 号')).toBeTruthy();
    expect(within(delivery).getByText('2025-02-28 10:00')).toBeTruthy();
    expect(within(delivery).getByText('2025-02-28 10:02')).toBeTruthy();
    expect(within(delivery).getByRole('button', { name: /发\s*货/ })).toBeTruthy();

    const pickup = rowOf(paidPickup.orderNo);
    expect(within(pickup).getByText('静安嘉里店')).toBeTruthy();
    expect(within(pickup).queryByText('有退款')).toBeNull();
    expect(within(pickup).getByText('凭会员的提货码到店自提')).toBeTruthy();
    expect(within(pickup).queryByText(/482913/)).toBeNull();
    expect(within(pickup).queryByRole('button', { name: /发\s*货/ })).toBeNull();

    expect(call).toHaveBeenCalledWith(
      'listOrders',
      { token: TEST_TOKEN, pageSize: ORDERS_PAGE_SIZE },
      expect.objectContaining({ signal: expect.anything() }),
    );
  });

  it('narrows by status from the first page, and pages forward and back', async () => {
    const { client, call } = ordersClient();
    const { container } = renderPage(client);
    await screen.findByText(paidDelivery.orderNo);

    fireEvent.click(container.querySelector('button.orders-next') as HTMLButtonElement);
    expect(await screen.findByText(unpaid.orderNo)).toBeTruthy();
    expect(within(rowOf(unpaid.orderNo)).getByText('待付款')).toBeTruthy();
    expect(within(rowOf(unpaid.orderNo)).getByText('未支付')).toBeTruthy();
    expect(screen.getByText('第 2 页')).toBeTruthy();
    expect(call).toHaveBeenLastCalledWith(
      'listOrders',
      { token: TEST_TOKEN, pageSize: ORDERS_PAGE_SIZE, cursor: 'cursor-2' },
      expect.anything(),
    );

    fireEvent.click(within(container.querySelector('.orders-status-filter') as HTMLElement).getByText('已完成'));
    expect(await screen.findByText(completedPage.items[0]?.orderNo as string)).toBeTruthy();
    expect(call).toHaveBeenLastCalledWith(
      'listOrders',
      { token: TEST_TOKEN, pageSize: ORDERS_PAGE_SIZE, status: 'completed' },
      expect.anything(),
    );
    expect(screen.getByText('第 1 页')).toBeTruthy();

    fireEvent.click(within(container.querySelector('.orders-status-filter') as HTMLElement).getByText('全部'));
    expect(await screen.findByText(paidDelivery.orderNo)).toBeTruthy();
    fireEvent.click(container.querySelector('button.orders-next') as HTMLButtonElement);
    await screen.findByText(unpaid.orderNo);
    fireEvent.click(container.querySelector('button.orders-prev') as HTMLButtonElement);
    expect(await screen.findByText(paidDelivery.orderNo)).toBeTruthy();
    expect(call).toHaveBeenLastCalledWith('listOrders', { token: TEST_TOKEN, pageSize: ORDERS_PAGE_SIZE }, expect.anything());
  });

  it('expands an order into its lines, discount shares, refunded marker and timeline', async () => {
    const { client } = ordersClient();
    const { container } = renderPage(client);
    await screen.findByText(paidDelivery.orderNo);

    fireEvent.click(within(rowOf(paidDelivery.orderNo)).getByRole('button', { name: /展开行|expand/i }));
    await waitFor(() => expect(container.querySelector('.order-detail')).not.toBeNull());
    const detail = container.querySelector('.order-detail') as HTMLElement;
    const lines = detail.querySelector('.order-lines') as HTMLElement;
    const mug = within(lines).getByText('马克杯').closest('tr') as HTMLElement;
    expect(within(mug).getByText('-¥7.96')).toBeTruthy();
    expect(within(mug).getByText('1,989 积分 / -¥19.89')).toBeTruthy();
    expect(within(mug).getByText('¥68.19')).toBeTruthy();
    expect(within(mug).getByText('已退款')).toBeTruthy();
    expect(within(mug).getByText('L2')).toBeTruthy();
    const beans = within(lines).getByText('咖啡豆').closest('tr') as HTMLElement;
    expect(within(beans).queryByText('已退款')).toBeNull();
    expect(within(beans).getByText('¥89.06')).toBeTruthy();

    const timeline = detail.querySelector('.order-timeline') as HTMLElement;
    expect(within(timeline).getByText('订单已提交，等待付款')).toBeTruthy();
    expect(within(timeline).getByText('部分退款成功 ¥68.19')).toBeTruthy();
    expect(within(timeline).getByText('2025-02-28 12:00')).toBeTruthy();
  });

  it('ships a paid delivery order with a checked tracking number, then refreshes the list', async () => {
    const shipOrder = jest.fn<ActionHandler>(async () => ({ ...paidDelivery, status: 'shipped' }) satisfies OrderDoc);
    const { client, call } = ordersClient({ shipOrder });
    renderPage(client);
    await screen.findByText(paidDelivery.orderNo);

    fireEvent.click(within(rowOf(paidDelivery.orderNo)).getByRole('button', { name: /发\s*货/ }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(`发货 · 订单 ${paidDelivery.orderNo}`)).toBeTruthy();
    expect(within(dialog).getByText('林小满 13800138000')).toBeTruthy();
    const input = dialog.querySelector('input.tracking-no') as HTMLInputElement;

    fireEvent.click(within(dialog).getByRole('button', { name: '确认发货' }));
    expect(await within(dialog).findByText('请输入运单号')).toBeTruthy();
    expect(within(dialog).getByText('请选择快递公司')).toBeTruthy();
    await chooseOption(dialog.querySelector('.ship-carrier') as HTMLElement, '中通快递');
    fireEvent.change(input, { target: { value: 'SF 123' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '确认发货' }));
    expect(await within(dialog).findByText('运单号为 6–40 位字母、数字或 -')).toBeTruthy();
    expect(shipOrder).not.toHaveBeenCalled();

    const listsBefore = callsOf(call, 'listOrders').length;
    fireEvent.change(input, { target: { value: ' SF-1234567890 ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '确认发货' }));
    await waitFor(() =>
      expect(shipOrder).toHaveBeenCalledWith('shipOrder', {
        token: TEST_TOKEN,
        orderId: paidDelivery._id,
        carrier: '中通快递',
        trackingNo: 'SF-1234567890',
      }),
    );
    expect(await screen.findByText(`订单 ${paidDelivery.orderNo} 已发货`)).toBeTruthy();
    await waitFor(() => expect(callsOf(call, 'listOrders').length).toBe(listsBefore + 1));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('keeps the ship dialog open with the server’s Chinese reason when shipping is refused', async () => {
    const { client } = ordersClient({
      shipOrder: async () => {
        throw new AdminApiError('INVALID_STATE', '订单已退款，不能发货');
      },
    });
    renderPage(client);
    await screen.findByText(paidDelivery.orderNo);

    fireEvent.click(within(rowOf(paidDelivery.orderNo)).getByRole('button', { name: /发\s*货/ }));
    const dialog = await screen.findByRole('dialog');
    await chooseOption(dialog.querySelector('.ship-carrier') as HTMLElement, '顺丰速运');
    fireEvent.change(dialog.querySelector('input.tracking-no') as HTMLInputElement, { target: { value: 'SF1234567890' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '确认发货' }));
    expect(await within(dialog).findByText('订单已退款，不能发货')).toBeTruthy();
  });

  it('writes off a pickup code, shows the order it completed and refreshes the list', async () => {
    const done = { ...paidPickup, status: 'completed', completedAt: PLACED_AT + DAY_MS } satisfies OrderDoc;
    const completePickup = jest.fn<ActionHandler>(async (_action, payload) => {
      if ((payload as AdminPayload<'completePickup'>).pickupCode !== '482913') throw new AdminApiError('NOT_FOUND', '提货码无效');
      return done;
    });
    const { client, call } = ordersClient({ completePickup });
    const { container } = renderPage(client);
    await screen.findByText(paidDelivery.orderNo);
    const box = container.querySelector('.pickup-write-off') as HTMLElement;
    const input = box.querySelector('input') as HTMLInputElement;
    const submit = within(box).getByRole('button', { name: /核\s*销/ });

    fireEvent.change(input, { target: { value: '48a2' } });
    expect(input.value).toBe('482');
    fireEvent.click(submit);
    expect(await within(box).findByText('请输入 6 位数字提货码')).toBeTruthy();
    expect(completePickup).not.toHaveBeenCalled();

    fireEvent.change(input, { target: { value: '111111' } });
    fireEvent.click(submit);
    expect(await within(box).findByText('提货码无效')).toBeTruthy();

    const listsBefore = callsOf(call, 'listOrders').length;
    fireEvent.change(input, { target: { value: '482913' } });
    fireEvent.click(submit);
    expect(await within(box).findByText(`已核销：订单 ${paidPickup.orderNo}`)).toBeTruthy();
    expect(within(box).getByText('静安嘉里店 · 蛋糕券 ×1 · 实付 ¥98.00 · 提货时间 2025-03-01 10:00')).toBeTruthy();
    expect(within(box).queryByText('提货码无效')).toBeNull();
    expect(completePickup).toHaveBeenLastCalledWith('completePickup', { token: TEST_TOKEN, pickupCode: '482913' });
    expect(input.value).toBe('');
    await waitFor(() => expect(callsOf(call, 'listOrders').length).toBe(listsBefore + 1));
  });

  it('shows a failed load with a retry, and signs out when an action finds the session expired', async () => {
    let failures = 1;
    const onSessionLost = jest.fn();
    const { client } = ordersClient({
      listOrders: async () => {
        if (failures-- > 0) throw new AdminApiError('INTERNAL', 'boom');
        return { items: [paidPickup], nextCursor: null };
      },
      completePickup: async () => {
        throw new AdminApiError('SESSION_EXPIRED', 'expired');
      },
    });
    const { container } = renderPage(client, onSessionLost);

    expect(await screen.findByText('订单列表加载失败')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /重\s*试/ }));
    expect(await screen.findByText(paidPickup.orderNo)).toBeTruthy();

    const box = container.querySelector('.pickup-write-off') as HTMLElement;
    fireEvent.change(box.querySelector('input') as HTMLInputElement, { target: { value: '482913' } });
    fireEvent.click(within(box).getByRole('button', { name: /核\s*销/ }));
    await waitFor(() => expect(onSessionLost).toHaveBeenCalledWith('登录已过期，请重新登录'));
  });
  it('marks an order whose refund waits for review, and offers neither shipping nor a place in a batch', async () => {
    const { client } = ordersClient();
    renderPage(client);
    await screen.findByText(refundInReview.orderNo);

    const row = rowOf(refundInReview.orderNo);
    expect(within(row).getByText('退款待审核')).toBeTruthy();
    expect(within(row).queryByText('有退款')).toBeNull();
    expect(within(row).queryByRole('button', { name: /发\s*货/ })).toBeNull();
    expect(within(row).getByText('先审核退款')).toBeTruthy();
    expect((row.querySelector('input[type="checkbox"]') as HTMLInputElement).disabled).toBe(true);
    expect((rowOf(paidPickup.orderNo).querySelector('input[type="checkbox"]') as HTMLInputElement).disabled).toBe(true);
    expect((rowOf(paidDelivery.orderNo).querySelector('input[type="checkbox"]') as HTMLInputElement).disabled).toBe(false);
  });

  it('searches by order number, member and the days placed, keeps the search across status tabs, and resets', async () => {
    const { client, call } = ordersClient();
    const { container } = renderPage(client);
    await screen.findByText(paidDelivery.orderNo);
    const search = container.querySelector('.orders-search') as HTMLElement;
    const member = search.querySelector('.orders-search-member input') as HTMLInputElement;

    fireEvent.change(member, { target: { value: '12345' } });
    fireEvent.click(search.querySelector('button.orders-search-submit') as HTMLButtonElement);
    expect(await within(search).findByText('请输入 10 位会员号或 11 位手机号')).toBeTruthy();
    const listsBefore = callsOf(call, 'listOrders').length;

    fireEvent.change(member, { target: { value: ' 13800138000 ' } });
    fireEvent.change(search.querySelector('.orders-search-no input') as HTMLInputElement, { target: { value: paidDelivery.orderNo } });
    const [from, to] = Array.from(search.querySelectorAll('.orders-search-dates input')) as HTMLInputElement[];
    fireEvent.mouseDown(from as HTMLInputElement);
    fireEvent.focus(from as HTMLInputElement);
    fireEvent.change(from as HTMLInputElement, { target: { value: '2025-02-27' } });
    fireEvent.keyDown(from as HTMLInputElement, { key: 'Enter', code: 'Enter', keyCode: 13 });
    fireEvent.focus(to as HTMLInputElement);
    fireEvent.change(to as HTMLInputElement, { target: { value: '2025-02-28' } });
    fireEvent.keyDown(to as HTMLInputElement, { key: 'Enter', code: 'Enter', keyCode: 13 });
    fireEvent.click(search.querySelector('button.orders-search-submit') as HTMLButtonElement);
    const searched = {
      token: TEST_TOKEN,
      pageSize: ORDERS_PAGE_SIZE,
      orderNo: paidDelivery.orderNo,
      member: '13800138000',
      createdFrom: '2025-02-27',
      createdTo: '2025-02-28',
    };
    await waitFor(() => expect(call).toHaveBeenLastCalledWith('listOrders', searched, expect.anything()));
    expect(callsOf(call, 'listOrders').length).toBe(listsBefore + 1);

    fireEvent.click(within(container.querySelector('.orders-status-filter') as HTMLElement).getByText('待发货'));
    await waitFor(() => expect(call).toHaveBeenLastCalledWith('listOrders', { ...searched, status: 'paid' }, expect.anything()));

    fireEvent.click(search.querySelector('button.orders-search-reset') as HTMLButtonElement);
    await waitFor(() =>
      expect(call).toHaveBeenLastCalledWith(
        'listOrders',
        { token: TEST_TOKEN, pageSize: ORDERS_PAGE_SIZE, status: 'paid' },
        expect.anything(),
      ),
    );
    expect((search.querySelector('.orders-search-member input') as HTMLInputElement).value).toBe('');
  });

  it('ships several orders with one carrier, says which did not ship and why, and sends only those again', async () => {
    let attempt = 0;
    const shipOrders = jest.fn<ActionHandler>(async (_action, payload) => {
      attempt += 1;
      const { items } = payload as AdminPayload<'shipOrders'>;
      const results: ShipOutcome[] = items.map(({ orderId }) =>
        attempt === 1 && orderId === anotherPaid._id
          ? { orderId, ok: false, error: { code: 'INVALID_STATE', message: '该订单有待审核的退款申请，请先处理退款再发货' } }
          : { orderId, ok: true, order: { ...paidDelivery, _id: orderId, status: 'shipped' } },
      );
      return { results };
    });
    const { client, call } = ordersClient({ shipOrders });
    const { container } = renderPage(client);
    await screen.findByText(paidDelivery.orderNo);
    const batch = container.querySelector('button.orders-batch-ship') as HTMLButtonElement;
    expect(batch.disabled).toBe(true);

    fireEvent.click(rowOf(paidDelivery.orderNo).querySelector('input[type="checkbox"]') as HTMLInputElement);
    fireEvent.click(rowOf(anotherPaid.orderNo).querySelector('input[type="checkbox"]') as HTMLInputElement);
    expect(await screen.findByText('已选 2 单')).toBeTruthy();
    fireEvent.click(batch);

    const dialog = (await screen.findByText('批量发货 · 2 单')).closest('.ant-modal') as HTMLElement;
    const rowIn = (orderNo: string) => within(dialog).getByText(orderNo).closest('tr') as HTMLElement;
    const submit = () => fireEvent.click(dialog.querySelector('.ant-modal-footer .ant-btn-primary') as HTMLButtonElement);
    submit();
    expect(await within(dialog).findByText('请选择快递公司')).toBeTruthy();
    expect(within(dialog).getAllByText('请输入运单号')).toHaveLength(2);

    await chooseOption(dialog.querySelector('.batch-ship-carrier') as HTMLElement, '京东物流');
    fireEvent.change(rowIn(paidDelivery.orderNo).querySelector('input.batch-tracking-no') as HTMLInputElement, {
      target: { value: 'JD0001112223' },
    });
    fireEvent.change(rowIn(anotherPaid.orderNo).querySelector('input.batch-tracking-no') as HTMLInputElement, {
      target: { value: 'JD0001112223' },
    });
    submit();
    expect(await within(dialog).findAllByText('运单号重复')).toHaveLength(2);
    expect(shipOrders).not.toHaveBeenCalled();

    fireEvent.change(rowIn(anotherPaid.orderNo).querySelector('input.batch-tracking-no') as HTMLInputElement, {
      target: { value: ' JD0001112224 ' },
    });
    submit();
    await waitFor(() =>
      expect(shipOrders).toHaveBeenCalledWith('shipOrders', {
        token: TEST_TOKEN,
        carrier: '京东物流',
        items: [
          { orderId: paidDelivery._id, trackingNo: 'JD0001112223' },
          { orderId: anotherPaid._id, trackingNo: 'JD0001112224' },
        ],
      }),
    );
    expect(await within(dialog).findByText('已发货 1 单，1 单未发货')).toBeTruthy();
    expect(within(rowIn(paidDelivery.orderNo)).getByText('已发货')).toBeTruthy();
    expect(within(rowIn(anotherPaid.orderNo)).getByText('该订单有待审核的退款申请，请先处理退款再发货')).toBeTruthy();

    const listsBefore = callsOf(call, 'listOrders').length;
    fireEvent.click(within(dialog).getByRole('button', { name: '发货其余 1 单' }));
    await waitFor(() =>
      expect(shipOrders).toHaveBeenLastCalledWith('shipOrders', {
        token: TEST_TOKEN,
        carrier: '京东物流',
        items: [{ orderId: anotherPaid._id, trackingNo: 'JD0001112224' }],
      }),
    );
    expect(await screen.findByText('已发货 2 单')).toBeTruthy();
    await waitFor(() => expect(callsOf(call, 'listOrders').length).toBe(listsBefore + 1));
    await waitFor(() => expect(screen.queryByText('批量发货 · 2 单')).toBeNull());
  });
});
