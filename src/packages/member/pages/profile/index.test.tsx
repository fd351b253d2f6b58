import { render, screen, waitFor } from '@testing-library/react';
import { CloudError } from '../../../../services/cloud';
import * as memberService from '../../../../services/member';
import { useMemberStore } from '../../../../stores/member';
import { memberProfile } from '../../../../test/member-profile';
import ProfilePage from './index';

jest.mock('../../../../services/member');

const service = jest.mocked(memberService);

// Joined at 16:30 UTC on 21 November, which is already 22 November in Shanghai.
const profile = memberProfile({ tier: { id: 'silver', name: '银卡会员' }, points: { available: 1280, pending: 45 } });

function text(container: HTMLElement, selector: string): string | null | undefined {
  return container.querySelector(`${selector} .profile-row__value`)?.textContent;
}

beforeEach(() => {
  jest.clearAllMocks();
  useMemberStore.setState({ status: 'idle', profile: null, error: null, joining: false, justJoined: false });
});

test('shows number, nickname, tier, both balances and the joining date in Shanghai', async () => {
  service.getProfile.mockResolvedValue(profile);
  const { container } = render(<ProfilePage />);

  await waitFor(() => expect(container.querySelector('.profile-list')).not.toBeNull());
  expect(container.querySelector('.profile-page')).not.toBeNull();
  expect(text(container, '.profile-member-no')).toBe('8602417735');
  expect(text(container, '.profile-nickname')).toBe('小悦');
  expect(text(container, '.profile-tier')).toBe('银卡会员');
  expect(text(container, '.profile-joined')).toBe('2025年11月22日');
  expect(container.querySelector('.profile-points-available')?.textContent).toBe('1280');
  expect(container.querySelector('.profile-points-pending')?.textContent).toBe('45');
});

test('shows a retryable error when the profile cannot be loaded', async () => {
  service.getProfile.mockRejectedValue(new CloudError('NETWORK', 'Failed to fetch'));
  const { container } = render(<ProfilePage />);

  await screen.findByText('网络连接不太稳定，请检查网络后重试');
  expect(container.querySelector('.retry-button')).not.toBeNull();
});

test('sends a guest back to join', async () => {
  service.getProfile.mockRejectedValue(new CloudError('NOT_A_MEMBER', 'not a member'));
  render(<ProfilePage />);

  await screen.findByText('你还不是会员');
});
