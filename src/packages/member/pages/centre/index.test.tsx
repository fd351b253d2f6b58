import { render, screen, waitFor } from '@testing-library/react';
import { CloudError } from '~/src/services/cloud';
import * as memberService from '~/src/services/member';
import { idle } from '~/src/stores/loadable';
import { useMemberStore } from '~/src/stores/member';
import { tierProgress } from '~/src/test/loyalty-fixtures';
import MemberCentrePage from './index';

jest.mock('~/src/services/member');

const service = jest.mocked(memberService);

beforeEach(() => {
  jest.clearAllMocks();
  useMemberStore.setState({ tierProgress: idle() });
});

test('shows the tier card, the perks of every tier with the current one marked, and the tier history', async () => {
  service.getTierProgress.mockResolvedValue(
    tierProgress({ history: [{ from: 'normal', to: 'silver', reason: 'upgrade', at: Date.UTC(2026, 2, 1, 4) }] }),
  );
  const { container } = render(<MemberCentrePage />);

  await waitFor(() => expect(container.querySelector('.tier-card')).not.toBeNull());
  const rows = [...container.querySelectorAll('.perks-table__row')].slice(1);
  expect(rows.map((row) => row.querySelector('.perks-table__tier-name')?.textContent)).toEqual([
    '普通会员',
    '银卡会员',
    '金卡会员',
    '钻石会员',
  ]);
  expect(rows.map((row) => row.querySelector('.perks-table__entry')?.textContent)).toEqual([
    '入会即享',
    '满¥1,000',
    '满¥5,000',
    '满¥20,000',
  ]);
  expect(container.querySelector('.perks-table__row--current .perks-table__tier-name')?.textContent).toBe('银卡会员');
  expect(screen.getByText('普通会员 → 银卡会员')).not.toBeNull();
  expect(screen.getByText('消费达标升级')).not.toBeNull();
  expect(screen.getByText('2026年3月1日')).not.toBeNull();
});

test('without tier changes the history says so', async () => {
  service.getTierProgress.mockResolvedValue(tierProgress());
  render(<MemberCentrePage />);

  await screen.findByText('暂无等级变化，消费达标后将自动升级');
});

test('loading fails with a retry', async () => {
  service.getTierProgress.mockRejectedValue(new CloudError('INTERNAL', 'boom'));
  render(<MemberCentrePage />);

  await screen.findByText('服务开了个小差，请稍后重试');
});
