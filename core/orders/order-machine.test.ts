import type { OrderStatus } from '~/types/orders';
import { assertMove, canMove, memberAbilities } from './order-machine';
import { DAY_MS } from '../calendar/durations';

const STATUSES: OrderStatus[] = ['placing', 'failed', 'pendingPayment', 'cancelled', 'paid', 'shipped', 'completed', 'refunded'];

describe('the order state machine', () => {
  it('allows exactly the documented moves', () => {
    const moves = STATUSES.flatMap((from) => STATUSES.filter((to) => canMove(from, to)).map((to) => `${from}→${to}`));
    expect(moves).toEqual([
      'placing→failed',
      'placing→pendingPayment',
      'pendingPayment→cancelled',
      'pendingPayment→paid',
      'paid→shipped',
      'paid→completed',
      'paid→refunded',
      'shipped→completed',
      'shipped→refunded',
      'completed→refunded',
    ]);
  });

  it('refuses an illegal move with INVALID_STATE in words a member understands', () => {
    expect(() => assertMove({ status: 'cancelled' }, 'paid', '支付')).toThrow('订单已取消，不能支付');
    expect(() => assertMove({ status: 'paid' }, 'cancelled', '取消')).toThrow('订单待发货，不能取消');
  });

  it('offers the member what the order allows now', () => {
    const base = {
      payDeadline: 1_000,
      completedAt: null,
      delivery: { mode: 'delivery' as const, address: { name: 'a', phone: '1', region: 'r', detail: 'd' }, trackingNo: null },
    };
    const lines = [
      { lineId: 'L1', refundId: null },
      { lineId: 'L2', refundId: null },
    ] as never;
    expect(memberAbilities({ ...base, status: 'pendingPayment', lines }, [], 500, 7)).toEqual({
      pay: true,
      cancel: true,
      confirmReceipt: false,
      requestRefund: false,
    });
    expect(memberAbilities({ ...base, status: 'pendingPayment', lines }, [], 1_001, 7)).toMatchObject({ pay: false, cancel: true });
    expect(memberAbilities({ ...base, status: 'shipped', lines }, [], 0, 7)).toEqual({
      pay: false,
      cancel: false,
      confirmReceipt: true,
      requestRefund: true,
    });
    expect(memberAbilities({ ...base, status: 'shipped', lines }, ['L1', 'L2'], 0, 7).requestRefund).toBe(false);
    const completed = { ...base, status: 'completed' as const, completedAt: 0, lines };
    expect(memberAbilities(completed, [], 7 * DAY_MS, 7).requestRefund).toBe(true);
    expect(memberAbilities(completed, [], 7 * DAY_MS + 1, 7).requestRefund).toBe(false);
  });
});
