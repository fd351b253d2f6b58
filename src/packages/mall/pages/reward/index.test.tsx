import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro, { useRouter } from '@tarojs/taro';
import { CloudError } from '~/src/services/cloud';
import * as pointsService from '~/src/services/points';
import * as rewardsService from '~/src/services/rewards';
import { useMallStore } from '~/src/stores/mall';
import { emptyList } from '~/src/stores/paged-list';
import { idle } from '~/src/stores/loadable';
import { pointsSummary, redemption, reward } from '~/src/test/loyalty-fixtures';
import { tap } from '~/src/test/taro-events';
import RewardPage from './index';

jest.mock('~/src/services/rewards');
jest.mock('~/src/services/points');

const rewards = jest.mocked(rewardsService);

beforeEach(() => {
  jest.clearAllMocks();
  jest.mocked(useRouter).mockReturnValue({ params: { id: 'tote' } } as never);
  jest.mocked(pointsService).getSummary.mockResolvedValue(pointsSummary());
  useMallStore.setState({ rewards: idle(), redemptions: emptyList(), redeeming: null, cancelling: null });
  rewards.listRewards.mockResolvedValue({ items: [reward({ id: 'tote', title: '品牌帆布袋', description: '门店自提，凭取货码领取' })] });
});

async function confirmRedeem(container: HTMLElement) {
  await act(async () => {
    fireEvent.click(container.querySelector('.redeem-button')!);
  });
  await waitFor(() => expect(document.querySelector('.redeem-dialog .nut-dialog-footer-ok')).not.toBeNull());
  expect(document.querySelector('.redeem-dialog')?.textContent).toContain('将使用 800 积分 兑换「品牌帆布袋」');
  await act(async () => {
    fireEvent.click(document.querySelector('.redeem-dialog .nut-dialog-footer-ok')!);
  });
}

test('redeems after a confirmation and shows the pickup code', async () => {
  rewards.redeem.mockResolvedValue(redemption({ id: 'r1', pickupCode: '77142410' }));
  const { container } = render(<RewardPage />);
  await screen.findByText('门店自提，凭取货码领取');

  await confirmRedeem(container);

  await waitFor(() => expect(container.querySelector('.pickup-code')?.textContent).toBe('7714 2410'));
  expect(rewards.redeem).toHaveBeenCalledWith('tote', expect.stringMatching(/^[a-z0-9]{8,64}$/));
});

test('a refused redemption says why, in the words of the server', async () => {
  rewards.redeem.mockRejectedValue(new CloudError('INSUFFICIENT_POINTS', '积分不足：需要 800，可用 120'));
  const { container } = render(<RewardPage />);
  await screen.findByText('门店自提，凭取货码领取');

  await confirmRedeem(container);

  await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '积分不足：需要 800，可用 120' })));
  expect(container.querySelector('.pickup-code')).toBeNull();
});

test('a reward that cannot be redeemed has its button disabled with the reason', async () => {
  rewards.listRewards.mockResolvedValue({
    items: [reward({ id: 'tote', title: '品牌帆布袋', blockedReason: '还差320积分', pointsMissing: 320 })],
  });
  const { container } = render(<RewardPage />);

  await waitFor(() => expect(container.querySelector('.redeem-blocked')).not.toBeNull());
  expect(container.querySelector('.redeem-blocked')?.textContent).toBe('还差320积分 去签到赚积分 ›');
  expect(container.querySelector('.redeem-button')?.className).toContain('nut-button-disabled');
  await tap(container.querySelector<HTMLElement>('.earn-points'));
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/points/pages/check-in/index' });
});

test('a reward that is gone says so', async () => {
  jest.mocked(useRouter).mockReturnValue({ params: { id: 'gone' } } as never);
  render(<RewardPage />);

  await screen.findByText('礼品已下架');
});
