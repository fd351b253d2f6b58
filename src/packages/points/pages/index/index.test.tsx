import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { CloudError } from '~/src/services/cloud';
import * as pointsService from '~/src/services/points';
import { emptyList } from '~/src/stores/paged-list';
import { idle } from '~/src/stores/loadable';
import { usePointsStore } from '~/src/stores/points';
import { historyItem, NOV_22, pointsSummary } from '~/src/test/loyalty-fixtures';
import PointsPage from './index';

jest.mock('~/src/services/points');

const service = jest.mocked(pointsService);

beforeEach(() => {
  jest.clearAllMocks();
  usePointsStore.setState({ summary: idle(), history: emptyList(), calendar: idle(), checkingIn: false });
});

test('shows available and pending points, when each pending lot becomes available, and what expires soon', async () => {
  service.getSummary.mockResolvedValue(
    pointsSummary({
      available: 1280,
      pending: 320,
      pendingLots: [
        { points: 200, availableAt: Date.UTC(2026, 10, 29, 2), orderId: 'o1' },
        { points: 120, availableAt: null, orderId: 'o2' },
      ],
      expiring: [{ points: 90, expiresAt: Date.UTC(2026, 10, 30, 15, 59, 59, 999) }],
      nextExpiry: { points: 90, expiresAt: Date.UTC(2026, 10, 30, 15, 59, 59, 999) },
    }),
  );
  service.getHistory.mockResolvedValue({ items: [historyItem({ id: 'h1' })], nextCursor: null });
  const { container } = render(<PointsPage />);

  await screen.findByText('1280');
  expect(container.querySelector('.points-pending')?.textContent).toBe('320');
  const pending = [...container.querySelectorAll('.pending-lot')].map((row) => row.textContent);
  expect(pending).toEqual(['预计 2026年11月29日 到账+200', '订单完成后开始计算售后期，结束后到账+120']);
  expect(container.querySelector('.expiring-lot')?.textContent).toBe('2026年11月30日 即将过期90');
  expect(container.querySelector('.negative-notice')).toBeNull();
  expect(container.querySelector('.history-reason')?.textContent).toBe('每日签到');
});

test('a negative balance is explained', async () => {
  service.getSummary.mockResolvedValue(pointsSummary({ available: -125, negative: true }));
  service.getHistory.mockResolvedValue({
    items: [historyItem({ id: 'c1', kind: 'clawback', reason: '订单退款扣回积分', available: -150, at: NOV_22 })],
    nextCursor: null,
  });
  const { container } = render(<PointsPage />);

  await waitFor(() => expect(container.querySelector('.negative-notice')).not.toBeNull());
  expect(container.querySelector('.negative-notice')?.textContent).toContain('你的积分余额为 -125');
  expect(container.querySelector('.negative-notice')?.textContent).toContain('补足欠缺的 125');
  expect(container.querySelector('.history-amount')?.textContent).toBe('-150');
});

test('loads the next page of history on demand and says when there is no more', async () => {
  service.getSummary.mockResolvedValue(pointsSummary());
  service.getHistory.mockResolvedValueOnce({ items: [historyItem({ id: 'a' })], nextCursor: 'c1' }).mockResolvedValueOnce({
    items: [historyItem({ id: 'b', kind: 'adjust', reason: '积分调整：活动奖励', available: 100 })],
    nextCursor: null,
  });
  const { container } = render(<PointsPage />);

  await waitFor(() => expect(container.querySelector('.load-more')).not.toBeNull());
  await act(async () => {
    fireEvent.click(container.querySelector('.load-more')!);
  });

  await screen.findByText('积分调整：活动奖励');
  expect(service.getHistory).toHaveBeenLastCalledWith('c1');
  expect(container.querySelectorAll('.history-item')).toHaveLength(2);
  expect(screen.getByText('没有更多了')).not.toBeNull();
});

test('empty history and a failed summary have their own states', async () => {
  service.getSummary.mockRejectedValueOnce(new CloudError('NETWORK', 'offline')).mockResolvedValueOnce(pointsSummary({ available: 0 }));
  service.getHistory.mockResolvedValue({ items: [], nextCursor: null });
  const { container } = render(<PointsPage />);

  await screen.findByText('网络连接不太稳定，请检查网络后重试');
  await act(async () => {
    fireEvent.click(container.querySelector('.retry-button')!);
  });
  await screen.findByText('还没有积分记录，签到或购物都能获得积分');
});

test('a guest is sent to join', async () => {
  service.getSummary.mockRejectedValue(new CloudError('NOT_A_MEMBER', 'join first'));
  service.getHistory.mockRejectedValue(new CloudError('NOT_A_MEMBER', 'join first'));
  render(<PointsPage />);

  await screen.findByText('你还不是会员');
});
