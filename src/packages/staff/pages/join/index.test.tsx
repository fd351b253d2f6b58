import { screen, render, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { CloudError } from '~/src/services/cloud';
import * as staffService from '~/src/services/staff';
import { useStaffStore } from '~/src/stores/staff';
import { staffMe } from '~/src/test/staff-fixtures';
import { tap, typeInto } from '~/src/test/taro-events';
import StaffJoinPage from './index';

jest.mock('~/src/services/staff');

const service = jest.mocked(staffService);

beforeEach(() => {
  jest.clearAllMocks();
  useStaffStore.setState({ meStatus: 'idle', me: null, meError: null, busy: null });
  service.getMe.mockRejectedValue(new CloudError('NOT_STAFF', 'not staff'));
});

test('an invite code binds the member to the store and opens the till', async () => {
  service.redeemInvite.mockResolvedValue(staffMe());
  const { container } = render(<StaffJoinPage />);
  await waitFor(() => expect(useStaffStore.getState().meStatus).toBe('none'));

  await typeInto(container.querySelector('.invite-code-input'), 'abcd 2345');
  await tap(container.querySelector('.invite-submit'));

  expect(service.redeemInvite).toHaveBeenCalledWith('ABCD2345');
  expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/staff/pages/index/index' });
});

test('a code that does not exist says so', async () => {
  service.redeemInvite.mockRejectedValue(new CloudError('NOT_FOUND', 'invite not found'));
  const { container } = render(<StaffJoinPage />);

  await typeInto(container.querySelector('.invite-code-input'), 'ABCD2345');
  await tap(container.querySelector('.invite-submit'));

  await waitFor(() => expect(container.querySelector('.invite-error')?.textContent).toBe('邀请码无效或已过期，请向门店管理员重新索取'));
  expect(Taro.redirectTo).not.toHaveBeenCalled();
});

test('staff are shown their store instead', async () => {
  service.getMe.mockResolvedValue(staffMe({ role: 'manager' }));
  render(<StaffJoinPage />);

  await screen.findByText('静安店 · 店长');
});
