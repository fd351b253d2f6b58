import { act, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { CloudError } from '~/src/services/cloud';
import * as memberService from '~/src/services/member';
import { useMemberStore } from '~/src/stores/member';
import { memberProfile } from '~/src/test/member-profile';
import MemberCodePage from './index';

jest.mock('~/src/services/member');

const service = jest.mocked(memberService);
const NOW = Date.UTC(2026, 10, 22, 2, 0, 5);

beforeEach(() => {
  jest.clearAllMocks();
  jest.useFakeTimers({ now: NOW, doNotFake: ['queueMicrotask', 'nextTick'] });
  useMemberStore.setState({ status: 'member', profile: memberProfile(), error: null });
});

afterEach(() => {
  jest.useRealTimers();
});

const code = (value: string) => ({ code: value, memberNo: '8602417735', issuedAt: NOW, refreshAt: NOW + 25_000, expiresAt: NOW + 55_000 });

test('shows the code as a QR code and in groups of digits, with a countdown, and keeps a copy for offline use', async () => {
  service.getMemberCode.mockResolvedValue(code('860241773512345678'));
  const { container } = render(<MemberCodePage />);

  await waitFor(() => expect(container.querySelector('.member-code-digits')?.textContent).toBe('8602 4177 3512 3456 78'));
  expect(Number(container.querySelector('.qr-code')?.getAttribute('data-modules'))).toBe(21);
  expect(container.querySelectorAll('.qr-code__row')).toHaveLength(21);
  expect(container.querySelector('.member-code-countdown')?.textContent).toBe('25 秒后自动刷新');
  expect(Taro.setStorageSync).toHaveBeenCalledWith(
    'member-code',
    expect.objectContaining({ view: expect.objectContaining({ code: '860241773512345678' }) }),
  );
});

test('fetches the next code when the current one is due', async () => {
  service.getMemberCode
    .mockResolvedValueOnce(code('860241773512345678'))
    .mockResolvedValueOnce({ ...code('860241773587654321'), issuedAt: NOW + 25_000, refreshAt: NOW + 55_000, expiresAt: NOW + 85_000 });
  const { container } = render(<MemberCodePage />);
  await waitFor(() => expect(container.querySelector('.member-code-digits')).not.toBeNull());

  await act(async () => {
    await jest.advanceTimersByTimeAsync(26_000);
  });

  await waitFor(() => expect(container.querySelector('.member-code-digits')?.textContent).toBe('8602 4177 3587 6543 21'));
  expect(service.getMemberCode).toHaveBeenCalledTimes(2);
});

test('offline, the stored code is shown until it expires', async () => {
  jest.mocked(Taro.getStorageSync).mockReturnValueOnce({ view: code('860241773512345678'), offsetMs: 0 });
  service.getMemberCode.mockRejectedValue(new CloudError('NETWORK', 'offline'));
  const { container } = render(<MemberCodePage />);

  await waitFor(() => expect(container.querySelector('.member-code-countdown')?.textContent).toBe('网络不可用，当前会员码 55 秒内有效'));
  expect(container.querySelector('.member-code-digits')?.textContent).toBe('8602 4177 3512 3456 78');
});

test('says when member codes are not set up', async () => {
  service.getMemberCode.mockRejectedValue(new CloudError('NOT_AVAILABLE', 'member codes are not configured'));
  render(<MemberCodePage />);

  await screen.findByText('会员码服务暂未开通，请联系门店工作人员');
});
