import { render, screen, waitFor } from '@testing-library/react';
import * as staffService from '~/src/services/staff';
import { idle } from '~/src/stores/loadable';
import { useStaffStore } from '~/src/stores/staff';
import { daySummary, dayTotals, saleView, staffMe } from '~/src/test/staff-fixtures';
import { tap, typeInto } from '~/src/test/taro-events';
import TillSummaryPage from './index';

jest.mock('~/src/services/staff');

const service = jest.mocked(staffService);

const recent = [
  { ...saleView({ saleId: 'sale:jingan:A-2001', receiptNo: 'A-2001' }), reversible: true },
  { ...saleView({ saleId: 'sale:jingan:A-1999', receiptNo: 'A-1999', status: 'reversed', reversedAt: 2 }), reversible: false },
];

function figure(section: Element | null, key: string): string | null | undefined {
  return section?.querySelector(`.summary-figure--${key} .summary-figure__value`)?.textContent;
}

beforeEach(() => {
  jest.clearAllMocks();
  useStaffStore.setState({ summary: idle(), busy: null, meStatus: 'staff', me: staffMe(), meError: null });
});

test('a cashier sees their own figures and purchases, and can reverse nothing', async () => {
  service.getSummary.mockResolvedValue(daySummary({ recent }));
  const { container } = render(<TillSummaryPage />);

  await waitFor(() => expect(container.querySelector('.summary-mine')).not.toBeNull());
  const mine = container.querySelector('.summary-mine');
  expect(figure(mine, 'sales')).toBe('3');
  expect(figure(mine, 'amountFen')).toBe('¥456');
  expect(figure(mine, 'paidFen')).toBe('¥401');
  expect(figure(mine, 'cashCollectedFen')).toBe('¥411');
  expect(figure(mine, 'pointsIssued')).toBe('481');
  expect(figure(mine, 'pointsRedeemed')).toBe('500');
  expect(figure(mine, 'couponsWrittenOff')).toBe('1');
  expect(figure(mine, 'pickups')).toBe('2');
  expect(figure(mine, 'reversals')).toBe('0');
  expect(container.querySelector('.summary-store')).toBeNull();
  expect(container.querySelectorAll('.summary-sale')).toHaveLength(2);
  expect(container.querySelector('.reverse-button')).toBeNull();
});

test('a manager sees the store too, and reverses a reversible purchase with a reason', async () => {
  useStaffStore.setState({ me: staffMe({ role: 'manager' }) });
  const reversed = saleView({ status: 'reversed', reversedAt: 3 });
  service.getSummary
    .mockResolvedValueOnce(daySummary({ store: dayTotals({ sales: 12, amountFen: 203_450 }), recent }))
    .mockResolvedValueOnce(
      daySummary({ store: dayTotals({ sales: 12, reversals: 1 }), recent: [{ ...reversed, reversible: false }, recent[1]!] }),
    );
  service.reverseSale.mockResolvedValue(reversed);
  const { container } = render(<TillSummaryPage />);

  await waitFor(() => expect(container.querySelector('.summary-store')).not.toBeNull());
  expect(figure(container.querySelector('.summary-store'), 'sales')).toBe('12');
  expect(figure(container.querySelector('.summary-store'), 'amountFen')).toBe('¥2,034.50');
  expect(container.querySelectorAll('.reverse-button')).toHaveLength(1);
  expect(container.querySelector('.summary-sale--reversed .reverse-button')).toBeNull();
  expect(container.querySelector('.summary-sale--reversed .sale-status')?.textContent).toBe('已撤销');

  await tap(container.querySelector('.reverse-button'));
  const dialog = document.querySelector('.reverse-dialog')!;
  expect(dialog.textContent).toContain('撤销小票 A-2001（¥123）');
  await typeInto(dialog.querySelector('.reverse-reason'), '退');
  expect(dialog.querySelector('.nut-dialog-footer-ok')?.className).toContain('disabled');
  await typeInto(dialog.querySelector('.reverse-reason'), '顾客退货');
  await tap(dialog.querySelector('.nut-dialog-footer-ok'));

  await waitFor(() => expect(service.reverseSale).toHaveBeenCalledWith('sale:jingan:A-2001', '顾客退货'));
  await waitFor(() => expect(figure(container.querySelector('.summary-store'), 'reversals')).toBe('1'));
  expect(container.querySelector('.reverse-button')).toBeNull();
});

test('a quiet day says so', async () => {
  service.getSummary.mockResolvedValue(daySummary({ mine: dayTotals({ sales: 0 }), recent: [] }));
  render(<TillSummaryPage />);

  await screen.findByText('今天还没有消费记录');
});
