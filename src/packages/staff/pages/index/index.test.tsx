import { render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { CloudError } from '~/src/services/cloud';
import * as staffService from '~/src/services/staff';
import { idle } from '~/src/stores/loadable';
import { useStaffStore } from '~/src/stores/staff';
import { memberCard, SESSION_ID, staffMe } from '~/src/test/staff-fixtures';
import { tap, typeInto } from '~/src/test/taro-events';
import TillHomePage from './index';

jest.mock('~/src/services/staff');

const service = jest.mocked(staffService);

beforeEach(() => {
  jest.clearAllMocks();
  useStaffStore.setState({ meStatus: 'idle', me: null, meError: null, card: idle(), busy: null });
});

test('shows the store, role and nickname, and opens the member card for a typed code', async () => {
  service.getMe.mockResolvedValue(staffMe());
  service.scan.mockResolvedValue(memberCard());
  const { container } = render(<TillHomePage />);

  await waitFor(() => expect(container.querySelector('.till-store')?.textContent).toBe('静安店'));
  expect(container.querySelector('.till-role')?.textContent).toBe('收银员');
  expect(container.querySelector('.till-nickname')?.textContent).toBe('店员小林');

  await typeInto(container.querySelector('.member-code-input'), SESSION_ID);
  expect(container.querySelector('.member-code-preview')?.textContent).toBe('8602 4177 3501 1234 5678（20/20）');
  await tap(container.querySelector('.member-code-submit'));

  expect(service.scan).toHaveBeenCalledWith(SESSION_ID);
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/packages/staff/pages/card/index?session=${SESSION_ID}` });
});

test('a short code is refused before asking, a used one with what to do', async () => {
  service.getMe.mockResolvedValue(staffMe());
  service.scan.mockRejectedValue(new CloudError('CODE_USED', 'member code already used'));
  const { container } = render(<TillHomePage />);
  await waitFor(() => expect(container.querySelector('.member-code-input')).not.toBeNull());

  await typeInto(container.querySelector('.member-code-input'), '8602417735');
  await tap(container.querySelector('.member-code-submit'));
  expect(container.querySelector('.scan-error')?.textContent).toBe('请输入20位会员码');
  expect(service.scan).not.toHaveBeenCalled();

  await typeInto(container.querySelector('.member-code-input'), SESSION_ID);
  await tap(container.querySelector('.member-code-submit'));
  await waitFor(() => expect(container.querySelector('.scan-error')?.textContent).toBe('该会员码已使用，请让会员刷新后重新出示'));
  expect(Taro.navigateTo).not.toHaveBeenCalled();
});

test('without a camera detector in the browser, only typing is offered', async () => {
  service.getMe.mockResolvedValue(staffMe());
  const { container } = render(<TillHomePage />);

  await waitFor(() => expect(container.querySelector('.member-code-input')).not.toBeNull());
  expect(container.querySelector('.scan-button')).toBeNull();
});

test('someone who is not staff is sent to enter an invite code', async () => {
  service.getMe.mockRejectedValue(new CloudError('NOT_STAFF', 'not staff'));
  render(<TillHomePage />);

  await screen.findByText('你还不是店员');
  await tap(screen.getByText('输入邀请码'));
  expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/staff/pages/join/index' });
});

test('a disabled account says so', async () => {
  service.getMe.mockRejectedValue(new CloudError('STAFF_DISABLED', 'staff disabled'));
  render(<TillHomePage />);

  await screen.findByText('店员账号已停用');
});
