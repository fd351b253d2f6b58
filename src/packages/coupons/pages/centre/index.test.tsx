import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { CloudError } from '~/src/services/cloud';
import * as couponsService from '~/src/services/coupons';
import { useCouponsStore } from '~/src/stores/coupons';
import { idle } from '~/src/stores/loadable';
import { emptyList } from '~/src/stores/paged-list';
import { centreCoupon, myCoupon } from '~/src/test/loyalty-fixtures';
import CouponCentrePage from './index';

jest.mock('~/src/services/coupons');

const service = jest.mocked(couponsService);
const goldOnly = centreCoupon({
  templateId: 'centre-gold-90',
  title: '金卡专享9折',
  audienceText: '金卡会员及以上专享',
  canClaim: false,
  blockedBy: { code: 'NOT_ELIGIBLE', reason: '仅限金卡会员及以上领取' },
});

beforeEach(() => {
  jest.clearAllMocks();
  useCouponsStore.setState({ centre: idle(), mine: { usable: emptyList(), used: emptyList(), expired: emptyList() }, claiming: null });
});

function buttons(container: HTMLElement): (string | null)[] {
  return [...container.querySelectorAll('.claim-button')].map((button) => button.textContent);
}

test('claims a coupon, which then reads as claimed', async () => {
  service.listCentre
    .mockResolvedValueOnce({ items: [centreCoupon({ templateId: 'centre-99-15', title: '满99减15' }), goldOnly] })
    .mockResolvedValueOnce({
      items: [
        centreCoupon({
          templateId: 'centre-99-15',
          title: '满99减15',
          claimedCount: 1,
          canClaim: false,
          blockedBy: { code: 'LIMIT_REACHED', reason: '已达领取上限' },
        }),
        goldOnly,
      ],
    });
  service.claimCoupon.mockResolvedValue({ coupon: myCoupon({ instanceId: 'i1', title: '满99减15' }), created: true });
  const { container } = render(<CouponCentrePage />);

  await screen.findByText('满99减15');
  expect(buttons(container)).toEqual(['立即领取', '不可领取']);
  expect(screen.getByText('金卡会员及以上专享')).not.toBeNull();
  expect(screen.getAllByText('领取后7天内有效')).toHaveLength(2);

  await act(async () => {
    fireEvent.click(container.querySelector('.claim-button')!);
  });

  await waitFor(() => expect(buttons(container)).toEqual(['已领取', '不可领取']));
  expect(service.claimCoupon).toHaveBeenCalledWith('centre-99-15', expect.stringMatching(/^[a-z0-9]{8,64}$/));
  expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '领取成功' }));
});

test('a claim lost to the network is retried with the same key', async () => {
  service.listCentre.mockResolvedValue({ items: [centreCoupon({ templateId: 'centre-99-15', title: '满99减15' })] });
  service.claimCoupon
    .mockRejectedValueOnce(new CloudError('NETWORK', 'timeout'))
    .mockResolvedValueOnce({ coupon: myCoupon({ instanceId: 'i1', title: '满99减15' }), created: true });
  const { container } = render(<CouponCentrePage />);
  await screen.findByText('满99减15');

  for (let i = 0; i < 2; i += 1) {
    await act(async () => {
      fireEvent.click(container.querySelector('.claim-button')!);
    });
  }

  const [first, second] = service.claimCoupon.mock.calls;
  expect(second?.[1]).toBe(first?.[1]);
});

test('shows the rules on demand', async () => {
  service.listCentre.mockResolvedValue({
    items: [centreCoupon({ templateId: 'centre-99-15', title: '满99减15', description: '全场通用，特价商品除外' })],
  });
  const { container } = render(<CouponCentrePage />);
  await screen.findByText('满99减15');

  fireEvent.click(screen.getByText('查看使用规则'));
  expect(container.querySelector('.coupon-rules')?.textContent).toBe('全场通用，特价商品除外');
});
