import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import * as pointsService from '~/src/services/points';
import * as rewardsService from '~/src/services/rewards';
import { idle } from '~/src/stores/loadable';
import { useMallStore } from '~/src/stores/mall';
import { emptyList } from '~/src/stores/paged-list';
import { usePointsStore } from '~/src/stores/points';
import { pointsSummary, reward } from '~/src/test/loyalty-fixtures';
import MallPage from './index';

jest.mock('~/src/services/rewards');
jest.mock('~/src/services/points');

const rewards = jest.mocked(rewardsService);
const points = jest.mocked(pointsService);

beforeEach(() => {
  jest.clearAllMocks();
  useMallStore.setState({ rewards: idle(), redemptions: emptyList(), redeeming: null, cancelling: null });
  usePointsStore.setState({ summary: idle() });
  points.getSummary.mockResolvedValue(pointsSummary({ available: 3005 }));
});

test('shows the balance and the rewards by category, with why one cannot be redeemed', async () => {
  rewards.listRewards.mockResolvedValue({
    items: [
      reward({ id: 'tote', title: '品牌帆布袋', category: '周边' }),
      reward({ id: 'coupon-20', title: '¥20无门槛券', category: '优惠券', kind: 'coupon', pointsCost: 2000 }),
      reward({ id: 'mug', title: '限定马克杯', category: '周边', kind: 'pointsCash', pointsCost: 1200, cashFen: 1990 }),
      reward({ id: 'box', title: '金卡专享礼盒', category: '专享', pointsCost: 5000, blockedReason: '会员等级不足，暂不可兑换' }),
    ],
  });
  const { container } = render(<MallPage />);

  await screen.findByText('品牌帆布袋');
  await waitFor(() => expect(container.querySelector('.mall-points')?.textContent).toBe('3005'));
  expect([...container.querySelectorAll('.category-tab')].map((tab) => tab.textContent)).toEqual(['全部', '周边', '优惠券', '专享']);
  expect(screen.getByText('1200 积分 + ¥19.90')).not.toBeNull();
  expect(screen.getByText('会员等级不足，暂不可兑换')).not.toBeNull();

  await act(async () => {
    fireEvent.click(screen.getByText('周边'));
  });
  expect([...container.querySelectorAll('.reward-title')].map((title) => title.textContent)).toEqual(['品牌帆布袋', '限定马克杯']);

  fireEvent.click(screen.getByText('品牌帆布袋'));
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/mall/pages/reward/index?id=tote' });
});

test('an empty mall says so', async () => {
  rewards.listRewards.mockResolvedValue({ items: [] });
  render(<MallPage />);

  await screen.findByText('礼品正在上新');
});
