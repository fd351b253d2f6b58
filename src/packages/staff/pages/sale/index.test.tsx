import { render, screen, waitFor } from '@testing-library/react';
import { useRouter } from '@tarojs/taro';
import { CloudError } from '~/src/services/cloud';
import * as staffService from '~/src/services/staff';
import { useStaffStore } from '~/src/stores/staff';
import { NOV_22 } from '~/src/test/loyalty-fixtures';
import { memberCard, saleQuote, saleView, SESSION_ID } from '~/src/test/staff-fixtures';
import { tap, typeInto } from '~/src/test/taro-events';
import TillSalePage from './index';

jest.mock('~/src/services/staff');

const service = jest.mocked(staffService);

beforeEach(() => {
  jest.clearAllMocks();
  jest.useFakeTimers({ now: NOV_22, doNotFake: ['setTimeout', 'setInterval', 'queueMicrotask', 'nextTick'] });
  jest.mocked(useRouter).mockReturnValue({ params: { session: SESSION_ID } } as never);
  useStaffStore.setState({ card: { status: 'ready', data: memberCard(), error: null }, sessionExpired: false, quote: null, busy: null });
  service.getMemberCard.mockResolvedValue(memberCard({ pointsUsed: true }));
});

afterEach(() => {
  jest.useRealTimers();
});

async function press(container: HTMLElement, keys: string[]): Promise<void> {
  for (const key of keys) await tap(container.querySelector(`.keypad-key--${key}`));
}

test('quotes the amount typed on the keypad with a coupon and points, then records exactly what was quoted', async () => {
  service.quoteSale.mockImplementation(async (input) =>
    saleQuote({
      amountFen: input.amountFen,
      couponDiscountFen: input.couponInstanceId ? 1_500 : 0,
      pointsUsed: input.points ? 1_080 : 0,
      pointsFen: input.points ? 1_080 : 0,
      maxPoints: 1_280,
      paidFen: input.amountFen - (input.couponInstanceId ? 1_500 : 0) - (input.points ? 1_080 : 0),
      pointsToEarn: 116,
    }),
  );
  service.recordSale.mockResolvedValue({
    ...saleView({
      couponTitle: '满99减15',
      couponDiscountFen: 1_500,
      pointsUsed: 1_080,
      pointsFen: 1_080,
      paidFen: 9_720,
      pointsEarned: 116,
    }),
    duplicate: false,
  });
  const { container } = render(<TillSalePage />);

  await typeInto(container.querySelector('.receipt-input'), 'A-2001');
  await press(container, ['1', '2', '3']);
  expect(container.querySelector('.sale-amount-value')?.textContent).toBe('123');
  await waitFor(() => expect(container.querySelector('.quote-paid')?.textContent).toBe('¥123'));
  // Typing pauses before quoting: three keys, one quote.
  expect(service.quoteSale).toHaveBeenCalledTimes(1);
  expect(service.quoteSale).toHaveBeenLastCalledWith({ sessionId: SESSION_ID, amountFen: 12_300 });
  expect(container.querySelector('.points-note')?.textContent).toBe('本单最多可用 1,280 积分');

  await tap(container.querySelector('.sale-coupon-option'));
  await tap(container.querySelector('.points-switch'));
  await waitFor(() => expect(container.querySelector('.quote-paid')?.textContent).toBe('¥97.20'));
  expect(service.quoteSale).toHaveBeenLastCalledWith({ sessionId: SESSION_ID, amountFen: 12_300, couponInstanceId: 'c1', points: 1_280 });
  expect(container.querySelector('.quote-coupon')?.textContent).toBe('-¥15');
  expect(container.querySelector('.quote-points')?.textContent).toBe('-¥10.80');
  expect(container.querySelector('.quote-earn')?.textContent).toBe('116');
  expect(container.querySelector('.sale-paid')?.textContent).toBe('¥97.20');

  await tap(container.querySelector('.sale-confirm'));

  await screen.findByText('消费已记录');
  expect(service.recordSale).toHaveBeenCalledWith({
    sessionId: SESSION_ID,
    amountFen: 12_300,
    couponInstanceId: 'c1',
    // The points the quote used, not the balance asked for: the server charges exactly those.
    points: 1_080,
    receiptNo: 'A-2001',
  });
  expect(container.querySelector('.sale-result-paid')?.textContent).toBe('¥97.20');
  expect(container.querySelector('.sale-result-points')?.textContent).toBe('116');
  expect(container.querySelector('.sale-duplicate')).toBeNull();
});

test('a receipt recorded before earns nothing twice, and says so', async () => {
  service.quoteSale.mockResolvedValue(saleQuote({ amountFen: 500, paidFen: 500, pointsToEarn: 6 }));
  service.recordSale.mockResolvedValue({ ...saleView({ amountFen: 500, paidFen: 500, pointsEarned: 6 }), duplicate: true });
  const { container } = render(<TillSalePage />);

  await typeInto(container.querySelector('.receipt-input'), 'A-2001');
  await press(container, ['5']);
  await waitFor(() => expect(container.querySelector('.quote-paid')?.textContent).toBe('¥5'));
  await tap(container.querySelector('.sale-confirm'));

  await waitFor(() => expect(container.querySelector('.sale-duplicate')?.textContent).toBe('该小票已记录，未重复积分'));
});

test('no receipt number, no record', async () => {
  service.quoteSale.mockResolvedValue(saleQuote());
  const { container } = render(<TillSalePage />);

  await press(container, ['1', '2', '3']);
  await waitFor(() => expect(container.querySelector('.quote-paid')).not.toBeNull());
  await tap(container.querySelector('.sale-confirm'));

  expect(container.querySelector('.sale-error')?.textContent).toBe('请填写小票号（字母、数字或 -）');
  expect(service.recordSale).not.toHaveBeenCalled();
});

test('when points cannot pay any more, the switch is off and says to scan again', async () => {
  service.quoteSale.mockResolvedValue(saleQuote({ maxPoints: 0 }));
  const { container } = render(<TillSalePage />);

  await press(container, ['1', '2', '3']);
  await waitFor(() => expect(container.querySelector('.points-note')?.textContent).toBe('积分抵现需重新扫码'));
  expect(container.querySelector('.points-switch')?.className).toContain('disabled');
  expect(container.querySelector('.quote-points')).toBeNull();
});

test('a coupon the amount is too small for says why', async () => {
  service.quoteSale.mockResolvedValue(saleQuote({ amountFen: 5_000, paidFen: 5_000, couponProblem: '满¥99可用，还差¥49' }));
  const { container } = render(<TillSalePage />);

  await tap(container.querySelector('.sale-coupon-option'));
  await press(container, ['5', '0']);

  await waitFor(() => expect(container.querySelector('.coupon-problem')?.textContent).toBe('满¥99可用，还差¥49'));
});

test('a session that ran out while recording asks for a fresh scan', async () => {
  service.quoteSale.mockResolvedValue(saleQuote());
  service.recordSale.mockRejectedValue(new CloudError('TILL_SESSION_EXPIRED', 'till session expired'));
  const { container } = render(<TillSalePage />);

  await typeInto(container.querySelector('.receipt-input'), 'A-2001');
  await press(container, ['1', '2', '3']);
  await waitFor(() => expect(container.querySelector('.quote-paid')).not.toBeNull());
  await tap(container.querySelector('.sale-confirm'));

  await waitFor(() => expect(container.querySelector('.sale-error')?.textContent).toBe('会员码已超时，请重新扫码'));
  expect(container.querySelector('.session-expired')).not.toBeNull();
  expect(container.querySelector('.sale-confirm')).toBeNull();
});
