import { create } from 'zustand';
import type { OrderView } from '~/types/functions/orders';
import type { Carrier, RefundKind } from '~/types/orders';
import * as ordersService from '../services/orders';
import type { OrderTab } from '../services/orders';
import type { Loadable } from './loadable';
import { idle, loadInto } from './loadable';
import type { Outcome } from './outcome';
import { attempt, failed, refused, succeeded } from './outcome';
import type { PagedList } from './paged-list';
import { emptyList, loadPage } from './paged-list';
import { refreshMemberFigures } from './member';

/** How a payment attempt ended, as the result page shows it. */
export type PayResult = 'paid' | 'pending' | 'failed';

/** The result page's word for a payment's outcome: any failure reads as `failed`. */
export function payResultOf(outcome: Outcome<'paid' | 'pending'>): PayResult {
  return outcome.ok ? outcome.value : 'failed';
}

/** After the payment sheet closes, how long to wait for the payment callback to mark the order paid. */
export const PAY_POLL = { attempts: 10, intervalMs: 600 };

const PAID_STATUSES: OrderView['status'][] = ['paid', 'shipped', 'completed', 'refunded'];

/** Whether an order has been paid (whatever happened to it since). */
export function isPaid(order: Pick<OrderView, 'status'>): boolean {
  return PAID_STATUSES.includes(order.status);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface OrdersState {
  lists: Record<OrderTab, PagedList<OrderView>>;
  orders: Record<string, Loadable<OrderView>>;
  /** The order an action (pay, cancel, confirm, refund) is running on. */
  busy: string | null;
  loadList: (tab: OrderTab, mode: 'first' | 'more') => Promise<void>;
  loadOrder: (orderId: string) => Promise<void>;
  cancel: (orderId: string) => Promise<Outcome<OrderView>>;
  confirmReceipt: (orderId: string) => Promise<Outcome<OrderView>>;
  /** Asks for a refund with the key made for this request; the same key on a retry asks once. */
  requestRefund: (
    orderId: string,
    lineIds: string[] | undefined,
    reason: string,
    kind: RefundKind,
    clientKey: string,
  ) => Promise<Outcome<OrderView>>;
  /** Says how the goods of an approved 退货退款 went back. */
  submitReturnShipment: (orderId: string, refundId: string, carrier: Carrier | null, waybillNo: string) => Promise<Outcome<OrderView>>;
  /**
   * Pays an order, then waits briefly for the payment to be confirmed: `paid`, or `pending` while
   * the confirmation has not arrived. The member closing the sheet fails as CANCELLED, an order
   * closed meanwhile as INVALID_STATE, both without a CloudError.
   */
  pay: (orderId: string) => Promise<Outcome<'paid' | 'pending'>>;
  /** Keeps an order the server answered, in its detail and wherever a list shows it. */
  remember: (order: OrderView) => void;
}

const TABS: OrderTab[] = ['all', 'pendingPayment', 'paid', 'shipped', 'completed', 'refund'];

/** The member's orders: lists by tab, details, and what a member can do to an order. */
export const useOrdersStore = create<OrdersState>()((set, get) => {
  const act = async (orderId: string, work: () => Promise<OrderView>): Promise<Outcome<OrderView>> => {
    if (get().busy) return failed(new Error('another order action is in progress'));
    set({ busy: orderId });
    try {
      return await attempt(async () => {
        const order = await work();
        get().remember(order);
        refreshMemberFigures();
        return order;
      });
    } finally {
      set({ busy: null });
    }
  };

  const settled = async (orderId: string): Promise<OrderView | null> => {
    for (let attempt = 0; attempt < PAY_POLL.attempts; attempt += 1) {
      try {
        const order = await ordersService.getOrder(orderId);
        get().remember(order);
        if (order.status !== 'pendingPayment') return order;
      } catch {
        // A failed read is retried like an unpaid answer until the attempts run out.
      }
      await sleep(PAY_POLL.intervalMs);
    }
    return null;
  };

  return {
    lists: Object.fromEntries(TABS.map((tab) => [tab, emptyList<OrderView>()])) as Record<OrderTab, PagedList<OrderView>>,
    orders: {},
    busy: null,

    loadList: (tab, mode) =>
      loadPage(
        () => get().lists[tab],
        (list) => set({ lists: { ...get().lists, [tab]: list } }),
        (cursor) => ordersService.listOrders(tab, cursor),
        mode,
      ),

    loadOrder: (orderId) =>
      loadInto(
        () => get().orders[orderId] ?? idle<OrderView>(),
        (order) => set({ orders: { ...get().orders, [orderId]: order } }),
        () => ordersService.getOrder(orderId),
      ),

    cancel: (orderId) => act(orderId, () => ordersService.cancelOrder(orderId)),

    confirmReceipt: (orderId) => act(orderId, () => ordersService.confirmReceipt(orderId)),

    requestRefund: (orderId, lineIds, reason, kind, clientKey) =>
      act(orderId, () => ordersService.requestRefund(orderId, lineIds, reason, kind, clientKey)),

    submitReturnShipment: (orderId, refundId, carrier, waybillNo) =>
      act(orderId, () => ordersService.submitReturnShipment(orderId, refundId, carrier, waybillNo)),

    pay: async (orderId) => {
      if (get().busy) return failed(new Error('another order action is in progress'));
      set({ busy: orderId });
      try {
        const start = await attempt(() => ordersService.startPayment(orderId));
        if (!start.ok) return start;
        const sheet = await attempt(() => ordersService.completePayment(start.value));
        if (sheet.ok && sheet.value === 'cancelled') return refused('CANCELLED', '已取消支付');
        // A failed sheet may still have paid (the answer was lost): the order says what happened.
        const order = sheet.ok ? await settled(orderId) : await ordersService.getOrder(orderId).catch(() => null);
        refreshMemberFigures();
        if (order && isPaid(order)) return succeeded('paid');
        if (!sheet.ok) return sheet;
        if (order && order.status !== 'pendingPayment') return refused('INVALID_STATE', '订单已关闭，无法支付');
        return succeeded('pending');
      } finally {
        set({ busy: null });
      }
    },

    remember: (order) => {
      const lists = get().lists;
      const updated = Object.fromEntries(
        TABS.map((tab) => {
          const list = lists[tab];
          return [
            tab,
            list.items.some((item) => item.id === order.id)
              ? { ...list, items: list.items.map((item) => (item.id === order.id ? order : item)) }
              : list,
          ];
        }),
      ) as Record<OrderTab, PagedList<OrderView>>;
      set({ orders: { ...get().orders, [order.id]: { status: 'ready', data: order, error: null } }, lists: updated });
    },
  };
});
