import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import * as pointsService from '~/src/services/points';
import * as rewardsService from '~/src/services/rewards';
import { idle } from '~/src/stores/loadable';
import { useMallStore } from '~/src/stores/mall';
import { emptyList } from '~/src/stores/paged-list';
import { pointsSummary, redemption } from '~/src/test/loyalty-fixtures';
import RedemptionsPage from './index';

jest.mock('~/src/services/rewards');
jest.mock('~/src/services/points');

const rewards = jest.mocked(rewardsService);

beforeEach(() => {
  jest.clearAllMocks();
  jest.mocked(pointsService).getSummary.mockResolvedValue(pointsSummary());
  useMallStore.setState({ rewards: idle(), redemptions: emptyList(), redeeming: null, cancelling: null });
});

test('lists redemptions with pickup codes, and cancels one after confirmation', async () => {
  rewards.listRedemptions.mockResolvedValue({
    items: [
      redemption({ id: 'r1' }),
      redemption({
        id: 'r2',
        title: '¥20无门槛券',
        kind: 'coupon',
        status: 'issued',
        pickupCode: null,
        cancellable: false,
        pointsCost: 2000,
      }),
    ],
    nextCursor: null,
  });
  rewards.cancelRedemption.mockResolvedValue(redemption({ id: 'r1', status: 'cancelled', cancellable: false }));
  const { container } = render(<RedemptionsPage />);

  await screen.findByText('¥20无门槛券');
  expect([...container.querySelectorAll('.redemption-status')].map((tag) => tag.textContent)).toEqual(['待取货', '已发券']);
  expect(container.querySelector('.pickup-code')?.textContent).toBe('7714 2410');
  expect(container.querySelectorAll('.cancel-redemption')).toHaveLength(1);

  await act(async () => {
    fireEvent.click(container.querySelector('.cancel-redemption')!);
  });
  await waitFor(() => expect(document.querySelector('.cancel-dialog')?.textContent).toContain('800 积分将退回'));
  await act(async () => {
    fireEvent.click(document.querySelector('.cancel-dialog .nut-dialog-footer-ok')!);
  });

  await waitFor(() => expect(container.querySelector('.redemption-status')?.textContent).toBe('已取消'));
  expect(rewards.cancelRedemption).toHaveBeenCalledWith('r1');
  expect(container.querySelector('.pickup-code')).toBeNull();
});

test('no redemptions yet', async () => {
  rewards.listRedemptions.mockResolvedValue({ items: [], nextCursor: null });
  render(<RedemptionsPage />);

  await screen.findByText('还没有兑换记录');
});
