import { render, screen, waitFor } from '@testing-library/react';
import { useRouter } from '@tarojs/taro';
import * as staffService from '~/src/services/staff';
import { useStaffStore } from '~/src/stores/staff';
import { NOV_22 } from '~/src/test/loyalty-fixtures';
import { memberCard, SESSION_ID } from '~/src/test/staff-fixtures';
import { tap } from '~/src/test/taro-events';
import TillWriteOffPage from './index';

jest.mock('~/src/services/staff');

const service = jest.mocked(staffService);

beforeEach(() => {
  jest.clearAllMocks();
  jest.useFakeTimers({ now: NOV_22, doNotFake: ['setTimeout', 'setInterval', 'queueMicrotask', 'nextTick'] });
  jest.mocked(useRouter).mockReturnValue({ params: { session: SESSION_ID, coupon: 'c2' } } as never);
  useStaffStore.setState({ card: { status: 'ready', data: memberCard(), error: null }, sessionExpired: false, busy: null });
});

afterEach(() => {
  jest.useRealTimers();
});

test('writes off the chosen coupon after confirmation', async () => {
  const coupon = memberCard().coupons[1]!;
  service.writeOffCoupon.mockResolvedValue({ coupon: { ...coupon, state: 'used', usedAt: NOV_22 }, writtenOffAt: NOV_22 });
  const { container } = render(<TillWriteOffPage />);

  expect(container.querySelector('.write-off-coupon .coupon-title')?.textContent).toBe('全场8.5折');
  await tap(container.querySelector('.write-off-confirm'));

  await screen.findByText('核销成功');
  expect(service.writeOffCoupon).toHaveBeenCalledWith(SESSION_ID, 'c2');
  expect(container.querySelector('.write-off-done-title')?.textContent).toBe('全场8.5折');
  expect(useStaffStore.getState().card.data?.coupons.map((item) => item.instanceId)).toEqual(['c1']);
});

test('a coupon no longer on the card cannot be written off', async () => {
  jest.mocked(useRouter).mockReturnValue({ params: { session: SESSION_ID, coupon: 'gone' } } as never);
  const { container } = render(<TillWriteOffPage />);

  await waitFor(() => expect(screen.getByText('找不到这张优惠券')).not.toBeNull());
  expect(container.querySelector('.write-off-confirm')).toBeNull();
});
