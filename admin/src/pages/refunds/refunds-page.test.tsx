import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { HOUR_MS } from '~/core/calendar/durations';
import type { RefundDoc, RefundPreview } from '~/types/orders';
import { AdminApiError } from '../../api/client';
import type { AdminClient, AdminPayload } from '../../api/client';
import { TEST_TOKEN, callsOf, pageClient, renderSignedIn } from '../../test/mock-client';
import type { ActionHandler, ActionHandlers } from '../../test/mock-client';
import { PLACED_AT, refundDoc, refundPreview } from '../../test/order-fixtures';
import { REFUNDS_PAGE_SIZE, RefundsPage } from './refunds-page';

// Dialogs with validated forms take several seconds in jsdom on a busy two-core machine.
jest.setTimeout(60_000);

const requested = refundDoc(1);
const another = refundDoc(2, { lineIds: ['L1', 'L3'], reason: '不想要了', amountFen: 12_000, pointsReturned: 0 });
const onSecondPage = refundDoc(3);
const cutShort = refundDoc(4, { status: 'refunding', reviewedBy: 'admin', reviewedAt: PLACED_AT + 2 * HOUR_MS });
const rejected = refundDoc(5, { status: 'rejected', reviewedBy: 'admin', reviewedAt: PLACED_AT + 2 * HOUR_MS, reviewNote: '商品已使用' });
const returnAsked = refundDoc(6, { kind: 'returnAndRefund', reason: '尺码不合适', amountFen: 12_000, pointsReturned: 0 });
const returnAwaited = refundDoc(7, {
  kind: 'returnAndRefund',
  status: 'awaitingReturn',
  reason: '颜色不喜欢',
  amountFen: 9_000,
  pointsReturned: 0,
  reviewedBy: 'admin',
  reviewedAt: PLACED_AT + 2 * HOUR_MS,
  returnShipment: { carrier: '中通快递', waybillNo: 'ZT7700001', at: PLACED_AT + 3 * HOUR_MS },
});

function refundsClient(actions: ActionHandlers = {}) {
  return pageClient(
    {
      listRefunds: async (_action, payload) => {
        const { status, cursor } = payload as AdminPayload<'listRefunds'>;
        if (status === 'refunding') return { items: [cutShort], nextCursor: null };
        if (status === 'rejected') return { items: [rejected], nextCursor: null };
        if (status === 'awaitingReturn') return { items: [returnAwaited], nextCursor: null };
        if (status === undefined) return { items: [requested, cutShort, rejected], nextCursor: null };
        return cursor === 'cursor-2'
          ? { items: [onSecondPage], nextCursor: null }
          : { items: [requested, another, returnAsked], nextCursor: 'cursor-2' };
      },
    },
    actions,
  );
}

/** A previewRefund handler answering each refund's preview (the first one's by default). */
function previews(byId: Record<string, RefundPreview> = {}): ActionHandler {
  return async (_action, payload) => {
    const { refundId } = payload as AdminPayload<'previewRefund'>;
    return byId[refundId] ?? refundPreview(1, { refundId });
  };
}

/** The approve dialog once its preview has loaded. */
async function approveDialog(): Promise<HTMLElement> {
  const dialog = (await screen.findByRole('dialog')).closest('.ant-modal') as HTMLElement;
  await waitFor(() => expect(dialog.querySelector('.refund-preview-amount')).not.toBeNull());
  return dialog;
}

const renderPage = (client: AdminClient, onSessionLost?: () => void) => renderSignedIn(<RefundsPage />, client, { onSessionLost });

function rowOf(refundNo: string): HTMLElement {
  return screen.getByText(refundNo).closest('tr') as HTMLElement;
}

function filterTo(container: HTMLElement, label: string) {
  fireEvent.click(within(container.querySelector('.refunds-status-filter') as HTMLElement).getByText(label));
}

describe('RefundsPage', () => {
  it('opens on the requests waiting for review, with amounts, points, lines and times', async () => {
    const { client, call } = refundsClient();
    const { container } = renderPage(client);

    const table = container.querySelector('.refunds-table') as HTMLElement;
    await within(table).findByText(requested.refundNo);
    expect(call).toHaveBeenCalledWith(
      'listRefunds',
      { token: TEST_TOKEN, pageSize: REFUNDS_PAGE_SIZE, status: 'requested' },
      expect.objectContaining({ signal: expect.anything() }),
    );
    const headers = Array.from(table.querySelectorAll('thead th'), (cell) => cell.textContent).filter(Boolean);
    expect(headers).toEqual([
      '退款单号 / 订单号',
      '类型',
      '退款商品行',
      '原因',
      '金额',
      '退回积分',
      '状态',
      '申请 / 审核时间',
      '审核备注',
      '操作',
    ]);

    const row = rowOf(requested.refundNo);
    expect(within(row).getByText(`订单 ${requested.orderNo}`)).toBeTruthy();
    expect(within(row).getByText('仅退款')).toBeTruthy();
    expect(within(row).getByText('L2')).toBeTruthy();
    expect(within(row).getByText('杯子有裂纹')).toBeTruthy();
    expect(within(row).getByText('¥68.19')).toBeTruthy();
    expect(within(row).getByText('1,989')).toBeTruthy();
    expect(within(row).getByText('待审核')).toBeTruthy();
    expect(within(row).getByText('2025-02-28 11:00')).toBeTruthy();
    expect(within(row).getByText('未审核')).toBeTruthy();
    expect(within(row).getByRole('button', { name: '同意退款' })).toBeTruthy();
    expect(within(row).getByRole('button', { name: /驳\s*回/ })).toBeTruthy();
    expect(within(rowOf(another.refundNo)).getByText('L3')).toBeTruthy();
    expect(within(rowOf(another.refundNo)).getByText('¥120.00')).toBeTruthy();
    expect(within(rowOf(returnAsked.refundNo)).getByText('退货退款')).toBeTruthy();
    expect(within(rowOf(returnAsked.refundNo)).getByRole('button', { name: '同意退货' })).toBeTruthy();
  });

  it('filters by status, pages, and offers only a retry on a refund cut short', async () => {
    const { client, call } = refundsClient();
    const { container } = renderPage(client);
    await screen.findByText(requested.refundNo);

    fireEvent.click(container.querySelector('button.refunds-next') as HTMLButtonElement);
    expect(await screen.findByText(onSecondPage.refundNo)).toBeTruthy();
    expect(call).toHaveBeenLastCalledWith(
      'listRefunds',
      { token: TEST_TOKEN, pageSize: REFUNDS_PAGE_SIZE, status: 'requested', cursor: 'cursor-2' },
      expect.anything(),
    );
    fireEvent.click(container.querySelector('button.refunds-prev') as HTMLButtonElement);
    expect(await screen.findByText(requested.refundNo)).toBeTruthy();

    filterTo(container, '已驳回');
    expect(await screen.findByText(rejected.refundNo)).toBeTruthy();
    expect(call).toHaveBeenLastCalledWith(
      'listRefunds',
      { token: TEST_TOKEN, pageSize: REFUNDS_PAGE_SIZE, status: 'rejected' },
      expect.anything(),
    );
    const rejectedRow = rowOf(rejected.refundNo);
    expect(within(rejectedRow).getByText('商品已使用')).toBeTruthy();
    expect(within(rejectedRow).getByText('2025-02-28 12:00')).toBeTruthy();
    expect(within(rejectedRow).queryByRole('button')).toBeNull();

    filterTo(container, '退款中');
    expect(await screen.findByText(cutShort.refundNo)).toBeTruthy();
    const retryRow = rowOf(cutShort.refundNo);
    expect(within(retryRow).getByRole('button', { name: '重试退款' })).toBeTruthy();
    expect(within(retryRow).queryByRole('button', { name: /驳\s*回/ })).toBeNull();

    filterTo(container, '全部');
    await waitFor(() =>
      expect(call).toHaveBeenLastCalledWith('listRefunds', { token: TEST_TOKEN, pageSize: REFUNDS_PAGE_SIZE }, expect.anything()),
    );
    expect(await screen.findByText(requested.refundNo)).toBeTruthy();
  });

  it('approves after showing what it pays back now, with the amount shown, then refreshes the list', async () => {
    const approveRefund = jest.fn<ActionHandler>(
      async () => ({ ...requested, status: 'refunded', refundedAt: PLACED_AT + 2 * HOUR_MS }) satisfies RefundDoc,
    );
    const { client, call } = refundsClient({ approveRefund, previewRefund: previews() });
    renderPage(client);
    await screen.findByText(requested.refundNo);

    fireEvent.click(within(rowOf(requested.refundNo)).getByRole('button', { name: '同意退款' }));
    const dialog = await approveDialog();
    expect(call).toHaveBeenCalledWith('previewRefund', { token: TEST_TOKEN, refundId: requested._id }, expect.anything());
    expect(within(dialog).getByText(`同意退款 · ${requested.refundNo}`)).toBeTruthy();
    expect(dialog.querySelector('.refund-preview-amount')?.textContent).toBe('¥68.19');
    expect(dialog.querySelector('.refund-preview-points')?.textContent).toBe('1,989');
    expect(dialog.querySelector('.refund-preview-clawback')?.textContent).toBe('68');
    expect(dialog.querySelector('.refund-preview-coupons')?.textContent).toBe('不退回（部分退款）');
    expect(dialog.querySelector('.refund-preview-stock')?.textContent).toBe('退回 马克杯 ×2');
    expect(dialog.querySelector('.refund-preview-changed')).toBeNull();
    const listsBefore = callsOf(call, 'listRefunds').length;
    fireEvent.click(dialog.querySelector('button.approve-refund-ok') as HTMLButtonElement);

    await waitFor(() =>
      expect(approveRefund).toHaveBeenCalledWith('approveRefund', { token: TEST_TOKEN, refundId: requested._id, expectedRefundFen: 6_819 }),
    );
    expect(await screen.findByText(`退款 ${requested.refundNo} 已完成，退回 ¥68.19`)).toBeTruthy();
    await waitFor(() => expect(callsOf(call, 'listRefunds').length).toBe(listsBefore + 1));
  });

  it('says what changed since the member asked, and shows the new amount when the order moved on before approval', async () => {
    const shipped = refundPreview(1, { amountFen: 6_019, requestedFen: 6_819, stockReturned: [] });
    const approveRefund = jest.fn<ActionHandler>(async (_action, payload) => {
      const { expectedRefundFen } = payload as AdminPayload<'approveRefund'>;
      if (expectedRefundFen !== 6_019)
        throw new AdminApiError('PRICE_CHANGED', '退款金额已变为 ¥60.19，请确认后重新审核', { preview: shipped });
      return { ...requested, status: 'refunded', amountFen: 6_019 } satisfies RefundDoc;
    });
    const { client } = refundsClient({ approveRefund, previewRefund: previews() });
    renderPage(client);
    await screen.findByText(requested.refundNo);

    fireEvent.click(within(rowOf(requested.refundNo)).getByRole('button', { name: '同意退款' }));
    const dialog = await approveDialog();
    fireEvent.click(dialog.querySelector('button.approve-refund-ok') as HTMLButtonElement);

    expect(await within(dialog).findByText('退款金额已由 ¥68.19 变为 ¥60.19，请核对后再确认')).toBeTruthy();
    expect(dialog.querySelector('.refund-preview-amount')?.textContent).toBe('¥60.19');
    expect(dialog.querySelector('.refund-preview-changed')?.textContent).toBe('会员申请时为 ¥68.19，按订单现在的状态实际退回 ¥60.19');
    expect(dialog.querySelector('.refund-preview-stock')?.textContent).toBe('不退回（商品已发出）');
    expect(screen.queryByText(`退款 ${requested.refundNo} 已完成，退回 ¥60.19`)).toBeNull();

    fireEvent.click(dialog.querySelector('button.approve-refund-ok') as HTMLButtonElement);
    await waitFor(() =>
      expect(approveRefund).toHaveBeenLastCalledWith('approveRefund', {
        token: TEST_TOKEN,
        refundId: requested._id,
        expectedRefundFen: 6_019,
      }),
    );
    expect(await screen.findByText(`退款 ${requested.refundNo} 已完成，退回 ¥60.19`)).toBeTruthy();
  });

  it('shows why a refund could not be carried out, in the server’s words', async () => {
    const { client } = refundsClient({
      previewRefund: previews(),
      approveRefund: async () => {
        throw new AdminApiError('PAYMENT_FAILED', '微信退款失败：余额不足，可再次审核通过以重试');
      },
    });
    const { container } = renderPage(client);
    await screen.findByText(requested.refundNo);

    fireEvent.click(within(rowOf(requested.refundNo)).getByRole('button', { name: '同意退款' }));
    const dialog = await approveDialog();
    fireEvent.click(dialog.querySelector('button.approve-refund-ok') as HTMLButtonElement);

    await waitFor(() => expect(container.querySelector('.refund-action-error')).not.toBeNull());
    expect(container.querySelector('.refund-action-error')?.textContent).toContain(
      `退款 ${requested.refundNo} 未完成：微信退款失败：余额不足，可再次审核通过以重试（该申请已转入「退款中」）`,
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('agrees to a 退货退款, then pays it back once the goods are received', async () => {
    const returnPreview = refundPreview(6, {
      kind: 'returnAndRefund',
      amountFen: 12_000,
      requestedFen: 12_000,
      pointsReturned: 0,
      stockReturned: [{ skuId: 'p1:1', title: '帆布鞋', quantity: 1 }],
      next: 'awaitReturn',
    });
    const awaitedPreview = refundPreview(7, { kind: 'returnAndRefund', status: 'awaitingReturn', amountFen: 9_000, requestedFen: 9_000 });
    const approveRefund = jest.fn<ActionHandler>(async () => ({ ...returnAsked, status: 'awaitingReturn' }) satisfies RefundDoc);
    const confirmReturnReceived = jest.fn<ActionHandler>(async () => ({ ...returnAwaited, status: 'refunded' }) satisfies RefundDoc);
    const { client } = refundsClient({
      approveRefund,
      confirmReturnReceived,
      previewRefund: previews({ [returnAsked._id]: returnPreview, [returnAwaited._id]: awaitedPreview }),
    });
    const { container } = renderPage(client);
    await screen.findByText(returnAsked.refundNo);

    fireEvent.click(within(rowOf(returnAsked.refundNo)).getByRole('button', { name: '同意退货' }));
    let dialog = await approveDialog();
    expect(within(dialog).getByText(`同意退货退款 · ${returnAsked.refundNo}`)).toBeTruthy();
    expect(within(dialog).getByText('收到退货后退款')).toBeTruthy();
    expect(dialog.querySelector('.refund-preview-stock')?.textContent).toBe('退回 帆布鞋 ×1（收到退货后）');
    expect(within(dialog).getByText('同意后会员需寄回商品；收到退货后，在「待退货」中确认收货并退款')).toBeTruthy();
    fireEvent.click(dialog.querySelector('button.approve-refund-ok') as HTMLButtonElement);
    await waitFor(() =>
      expect(approveRefund).toHaveBeenCalledWith('approveRefund', {
        token: TEST_TOKEN,
        refundId: returnAsked._id,
        expectedRefundFen: 12_000,
      }),
    );
    expect(await screen.findByText(`已同意退货 ${returnAsked.refundNo}，等待会员寄回商品`)).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    filterTo(container, '待退货');
    await screen.findByText(returnAwaited.refundNo);
    const row = rowOf(returnAwaited.refundNo);
    expect(within(row).getByText('待退货')).toBeTruthy();
    expect(within(row).getByText('中通快递 ZT7700001')).toBeTruthy();
    expect(within(row).getByRole('button', { name: /驳\s*回/ })).toBeTruthy();
    fireEvent.click(within(row).getByRole('button', { name: '确认收货并退款' }));
    dialog = await approveDialog();
    expect(within(dialog).getByText('退货物流：中通快递 ZT7700001')).toBeTruthy();
    fireEvent.click(dialog.querySelector('button.approve-refund-ok') as HTMLButtonElement);
    await waitFor(() =>
      expect(confirmReturnReceived).toHaveBeenCalledWith('confirmReturnReceived', {
        token: TEST_TOKEN,
        refundId: returnAwaited._id,
        expectedRefundFen: 9_000,
      }),
    );
    expect(await screen.findByText(`退款 ${returnAwaited.refundNo} 已完成，退回 ¥90.00`)).toBeTruthy();
  });

  it('rejects with a required note of 2–100 characters, then refreshes the list', async () => {
    const rejectRefund = jest.fn<ActionHandler>(
      async () => ({ ...requested, status: 'rejected', reviewNote: '商品已使用' }) satisfies RefundDoc,
    );
    const { client, call } = refundsClient({ rejectRefund });
    renderPage(client);
    await screen.findByText(requested.refundNo);

    fireEvent.click(within(rowOf(requested.refundNo)).getByRole('button', { name: /驳\s*回/ }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(`订单 ${requested.orderNo} 申请退款 ¥68.19，原因：杯子有裂纹`)).toBeTruthy();
    const note = dialog.querySelector('textarea.reject-note, .reject-note textarea') as HTMLTextAreaElement;

    fireEvent.click(within(dialog).getByRole('button', { name: '驳回申请' }));
    expect(await within(dialog).findByText('请填写驳回说明')).toBeTruthy();
    fireEvent.change(note, { target: { value: ' 否 ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '驳回申请' }));
    expect(await within(dialog).findByText('驳回说明为 2–100 个字')).toBeTruthy();
    expect(rejectRefund).not.toHaveBeenCalled();

    const listsBefore = callsOf(call, 'listRefunds').length;
    fireEvent.change(note, { target: { value: ' 商品已使用 ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '驳回申请' }));
    await waitFor(() =>
      expect(rejectRefund).toHaveBeenCalledWith('rejectRefund', { token: TEST_TOKEN, refundId: requested._id, note: '商品已使用' }),
    );
    expect(await screen.findByText(`退款 ${requested.refundNo} 已驳回`)).toBeTruthy();
    await waitFor(() => expect(callsOf(call, 'listRefunds').length).toBe(listsBefore + 1));
  });

  it('keeps the reject dialog open with the server’s reason when the refund has moved on', async () => {
    const { client } = refundsClient({
      rejectRefund: async () => {
        throw new AdminApiError('INVALID_STATE', '该退款已在处理或已完成，不能驳回');
      },
    });
    renderPage(client);
    await screen.findByText(requested.refundNo);

    fireEvent.click(within(rowOf(requested.refundNo)).getByRole('button', { name: /驳\s*回/ }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(dialog.querySelector('textarea') as HTMLTextAreaElement, { target: { value: '商品已使用' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '驳回申请' }));
    expect(await within(dialog).findByText('该退款已在处理或已完成，不能驳回')).toBeTruthy();
  });

  it('says so when nothing waits for review, and shows a failed load with a retry', async () => {
    let failures = 1;
    const { client } = refundsClient({
      listRefunds: async () => {
        if (failures-- > 0) throw new AdminApiError('NETWORK_ERROR', 'offline');
        return { items: [], nextCursor: null };
      },
    });
    renderPage(client);

    expect(await screen.findByText('退款列表加载失败')).toBeTruthy();
    expect(screen.getByText('无法连接服务器，请检查网络后重试')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /重\s*试/ }));
    expect(await screen.findByText('没有待审核的退款')).toBeTruthy();
  });
});
